"""Access by territory on a shared base, enforced by PostgreSQL (migration 0011): two territories' teams and a
Région, each through the application and through plain SQL, as the roles a Région's IT would create."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.exc import ProgrammingError

from ti_desktop.domain.errors import NotFoundError, ValidationError
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.services.access import AccessError
from ti_desktop.services.maintenance import OpenDatabase
from ti_desktop.services.transactions import AccessDeniedError

from .conftest import OTHER, World


def names(opened: OpenDatabase) -> list[str]:
    return sorted(territory.name for territory in opened.services.territories.list())


def test_each_role_sees_only_its_territories_in_the_application_and_in_sql(world: World) -> None:
    marie, paul, region = world.services(world.marie), world.services(world.paul), world.services(world.region)
    assert names(marie) == [world.demo]
    assert names(paul) == [OTHER]
    assert names(region) == sorted([world.demo, OTHER])
    demo_actions = marie.services.actions.for_territory(world.demo_id)
    assert demo_actions and any(action.confidential for action in demo_actions)
    assert paul.services.actions.for_territory(world.demo_id) == []
    # A psql session under the role sees exactly what the application shows.
    for role, opened in ((world.marie, marie), (world.paul, paul), (world.region, region)):
        app_ids = {
            a.id for t in opened.services.territories.list() for a in opened.services.actions.for_territory(t.id)
        }
        assert {row[0] for row in world.sql(role, "SELECT id FROM actions")} == app_ids


def test_confidential_actions_and_what_hangs_from_them_are_invisible_to_the_region(world: World) -> None:
    marie, region = world.services(world.marie), world.services(world.region)
    confidential = [a for a in marie.services.actions.for_territory(world.demo_id) if a.confidential]
    seen = {a.id for a in region.services.actions.for_territory(world.demo_id)}
    assert confidential and not seen & {a.id for a in confidential}
    hidden = [a.id for a in confidential]
    for table in ("funding_lines", "milestones", "progress_updates", "custom_values", "action_partners"):
        query = f"SELECT count(*) FROM {table} WHERE action_id = ANY(:ids)"
        assert world.sql(world.region, query, ids=hidden) == [(0,)], table
    history = "SELECT count(*) FROM change_log WHERE action_id = ANY(:ids)"
    assert world.sql(world.marie, history, ids=hidden)[0][0] > 0  # the team sees their history
    assert world.sql(world.region, history, ids=hidden) == [(0,)]
    assert world.sql(world.region, "SELECT count(*) FROM snapshots") == [(0,)]  # frozen plans hold them too
    # Granted explicitly, they show.
    owner = world.services(world.base.owner)
    owner.services.access.grant(world.region, world.demo, "region", confidential=True)
    assert {a.id for a in hidden_actions(region, world.demo_id)} >= set(hidden)


def hidden_actions(opened: OpenDatabase, territory_id: int) -> list[object]:
    return [a for a in opened.services.actions.for_territory(territory_id) if getattr(a, "confidential", False)]


def test_another_territorys_funding_lines_are_out_of_reach_by_id_by_join_and_through_the_history(world: World) -> None:
    marie = world.services(world.marie)
    with pytest.raises(NotFoundError):
        marie.services.funding.get(world.other_funding)
    assert world.sql(world.marie, "SELECT * FROM funding_lines WHERE id = :id", id=world.other_funding) == []
    joined = (
        "SELECT f.id FROM funding_lines f JOIN actions a ON a.id = f.action_id WHERE a.territory_id = :territory "
        "UNION SELECT f.id FROM funding_lines f LEFT JOIN actions a ON a.id = f.action_id WHERE a.id IS NULL"
    )
    assert world.sql(world.marie, joined, territory=world.other_id) == []
    history = "SELECT * FROM change_log WHERE territory_id = :territory OR action_id = :action OR entity_id = :line"
    rows = world.sql(
        world.marie, history, territory=world.other_id, action=world.other_action, line=world.other_funding
    )
    assert all(row[3] == world.demo_id for row in rows)  # only marie's own territory's rows, never the other's
    assert world.sql(
        world.marie, "SELECT count(*) FROM territory_access WHERE territory_id = :t", t=world.other_id
    ) == [(0,)]


def test_writes_follow_the_level_and_a_refusal_writes_nothing(world: World) -> None:
    marie, region = world.services(world.marie), world.services(world.region)
    action = marie.services.actions.for_territory(world.demo_id)[0]
    changed = marie.services.actions.update(action.id, expected_version=action.version, title="Titre de Marie")
    assert changed.title == "Titre de Marie"
    seen = region.services.actions.get(action.id)
    with pytest.raises(AccessDeniedError, match="ne permet pas cette modification"):
        region.services.actions.update(action.id, expected_version=seen.version, title="Titre de la Région")
    with pytest.raises(AccessDeniedError):
        region.services.funding.create(action_id=action.id, funder_name="Région", amount_requested=Decimal("1"))
    with pytest.raises(AccessDeniedError):
        region.services.actions.delete(action.id, expected_version=seen.version)
    assert marie.services.actions.get(action.id).title == "Titre de Marie"
    # Through plain SQL too: an update is an error, a delete is refused by the base.
    with pytest.raises(ProgrammingError, match="row-level security"):
        world.sql(world.region, "UPDATE actions SET title = 'x' WHERE id = :id", id=action.id)
    with pytest.raises(ProgrammingError, match="not allowed"):
        world.sql(world.region, "DELETE FROM funding_lines")
    with pytest.raises(ProgrammingError, match="row-level security"):  # into another territory's action
        world.sql(
            world.marie, "INSERT INTO milestones (action_id, title, version) VALUES (:a, 'x', 1)", a=world.other_action
        )
    with pytest.raises(ProgrammingError, match="must be owner"):  # the schema is the owner's
        world.sql(world.marie, "DROP TABLE actions")
    with pytest.raises(ProgrammingError, match="permission denied"):  # the history is append-only
        world.sql(world.marie, "DELETE FROM change_log")
    assert world.sql(world.base.owner, "SELECT title FROM actions WHERE id = :id", id=action.id) == [
        ("Titre de Marie",)
    ]


def test_a_revocation_takes_effect_at_the_next_query(world: World) -> None:
    paul = world.services(world.paul)
    assert names(paul) == [OTHER]
    owner = world.services(world.base.owner)
    owner.services.access.revoke(world.paul, OTHER)
    assert names(paul) == []  # the same open session, the very next query
    assert world.sql(world.paul, "SELECT count(*) FROM actions") == [(0,)]
    with pytest.raises(NotFoundError):
        owner.services.access.revoke(world.paul, OTHER)


def test_only_a_territorys_administrators_and_the_owner_manage_its_access(world: World) -> None:
    paul, marie = world.services(world.paul), world.services(world.marie)
    newcomer = world.base.role("lea")
    entry = paul.services.access.grant(newcomer, OTHER, "lecture")
    assert (entry.role, entry.territory, entry.level.value, entry.granted_by) == (
        newcomer,
        OTHER,
        "lecture",
        world.paul,
    )
    assert {(e.role, e.level.value) for e in paul.services.access.entries(OTHER)} == {
        (world.paul, "admin"),
        (world.region, "region"),
        (newcomer, "lecture"),
    }
    with pytest.raises(AccessError, match="Seuls un administrateur"):
        marie.services.access.grant(newcomer, world.demo, "edition")  # marie edits, she does not administer
    with pytest.raises(NotFoundError):  # paul does not even see the demo territory
        paul.services.access.grant(newcomer, world.demo, "edition")
    assert [(e.role, e.territory) for e in marie.services.access.entries()] == [(world.marie, world.demo)]
    lea = world.services(newcomer)
    assert names(lea) == [OTHER]
    assert lea.services.access.rights(world.other_id).read_only_reason is not None
    assert paul.services.access.rights(world.other_id).may_manage


def test_history_is_signed_by_the_servers_role_not_by_the_client(world: World) -> None:
    marie = world.services(world.marie, user="quelqu.un.d.autre")  # what a client would claim
    action = marie.services.actions.for_territory(world.demo_id)[0]
    marie.services.actions.update(action.id, expected_version=action.version, title="Signé")
    authors = world.sql(
        world.marie,
        "SELECT DISTINCT \"user\" FROM change_log WHERE entity_id = :id AND new_value = 'Signé'",
        id=action.id,
    )
    assert authors == [(world.marie,)]
    forged = world.sql(
        world.marie,
        'INSERT INTO change_log (changed_at, "user", territory_id, entity, entity_id) '
        "VALUES (now(), :someone, :t, 'action', 1) RETURNING \"user\"",
        someone=world.paul,
        t=world.demo_id,
    )
    assert forged == [(world.marie,)]


def test_injection_attempts_in_names_and_searches_change_nothing(world: World) -> None:
    owner, marie = world.services(world.base.owner), world.services(world.marie)
    before = world.sql(world.base.owner, "SELECT count(*) FROM actions")
    with pytest.raises(AccessError, match="n'existe pas"):
        owner.services.access.grant("x'; DROP TABLE actions; --", world.demo, "lecture")
    with pytest.raises(NotFoundError):
        owner.services.access.grant(world.marie, "' OR 1=1 --", "lecture")
    with pytest.raises(ValidationError, match="n'est pas un niveau"):
        owner.services.access.grant(world.marie, world.demo, "admin' OR '1'='1")
    odd = world.base.role('d\'Artagnan "le Gascon"')  # a legitimate role with a quote in its name is granted, quoted
    owner.services.access.grant(odd, OTHER, "lecture")
    assert names(world.services(odd)) == [OTHER]
    for attempt in ("%' OR 1=1 --", "'; DELETE FROM actions; --", "\\%_"):
        found = marie.services.actions.find(ActionFilter(territory_id=world.demo_id, text=attempt))
        assert found == []
    assert world.sql(world.base.owner, "SELECT count(*) FROM actions") == before


def test_every_table_has_row_level_security(world: World) -> None:
    rows = world.sql(
        world.base.owner,
        "SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind = 'r'",
    )
    assert [name for name, secured in rows if not secured and name != "alembic_version"] == []


def test_a_person_cannot_migrate_the_base_and_is_told_who_can(world: World) -> None:
    from ti_desktop.db.errors import MigrationError

    world.sql(world.base.owner, "UPDATE alembic_version SET version_num = '0010_dashboard_indexes'")
    with pytest.raises(MigrationError, match="par son propriétaire") as caught:
        world.services(world.marie)
    assert world.marie in caught.value.message
    assert world.sql(world.base.owner, "SELECT version_num FROM alembic_version") == [("0010_dashboard_indexes",)]


def test_a_persons_search_finds_what_the_owners_does_within_their_rights_and_uses_the_index(world: World) -> None:
    """Migration 0012: a role's words go through `ti_search_actions` (which the trigram index serves: measured
    by benchmarks/bench_shared.py), and it never finds more than the role may read, even called directly."""
    owner, marie, region = (world.services(r) for r in (world.base.owner, world.marie, world.region))
    actions = owner.services.actions.for_territory(world.demo_id)
    secret = next(a for a in actions if a.confidential)
    word = secret.title.split()[0].casefold()
    assert len(word) >= 3
    for opened in (marie, region):
        found = opened.services.actions.find(ActionFilter(territory_id=world.demo_id, text=word))
        readable = [
            a
            for a in opened.services.actions.for_territory(world.demo_id)
            if word in a.title.casefold()
            or word in (a.code or "").casefold()
            or word in (a.description or "").casefold()
        ]
        assert sorted(a.id for a in found) == sorted(a.id for a in readable)
    assert secret.id in {a.id for a in marie.services.actions.find(ActionFilter(territory_id=world.demo_id, text=word))}
    direct = "SELECT ti_search_actions(:territory, :pattern)"
    assert secret.id in {row[0] for row in world.sql(world.marie, direct, territory=world.demo_id, pattern=f"%{word}%")}
    assert secret.id not in {
        row[0] for row in world.sql(world.region, direct, territory=world.demo_id, pattern=f"%{word}%")
    }
    assert world.sql(world.paul, direct, territory=world.demo_id, pattern="%") == []  # not his territory
