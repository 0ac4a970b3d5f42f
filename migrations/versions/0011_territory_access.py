"""territory access: on a shared base, each role sees and changes only its territories, enforced by PostgreSQL

Revision ID: 0011_territory_access
Revises: 0010_dashboard_indexes
Create Date: 2026-12-07

PostgreSQL only (a SQLite file is one person's: nothing changes there).

- `territory_access` says which role may do what on which territory: `lecture` (read), `edition` (read and
  write), `admin` (also manage access) or `region` (read; confidential actions only when `confidential`).
- Row-level security on every table of the schema. A row belongs to a territory directly (`territory_id`),
  through its action, its meeting or its indicator. Reading needs any access to the territory (a `region`
  access without `confidential` does not see confidential actions, what hangs from them, nor the snapshots);
  inserting and updating need `edition` or `admin`, which the policies check on the new row (a refused write
  is an error, not a silent no-op); deleting is checked by a trigger for the same reason. The Annuaire
  (`actors`) is shared by the territories of the base: readable by anyone who has an access, writable by
  anyone who may edit one. Received reports (a Région's consolidation) belong to the roles holding a
  `region` access. The history is append-only for everyone but the owner, and its author is the session's
  role (`session_user`), set by a trigger: a client cannot sign for someone else (the owner's rows are kept
  as written: a copy from a file keeps its authors).
- The schema owner (who runs the migrations) and superusers bypass row-level security, as PostgreSQL does
  for table owners: the owner is the base's administrator, not the role people work with.
- Rights are managed through `ti_grant_access` / `ti_revoke_access`, security-definer functions that check
  the caller administers the territory (or owns the base), then grant the table privileges the policies
  then narrow. `ti_regrant_all` re-grants them after a migration that adds tables.

The downgrade removes the policies, triggers, functions and the access table (the rights are lost; no data
of a territory is).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011_territory_access"
down_revision: str | None = "0010_dashboard_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEVELS = ("lecture", "edition", "admin", "region")

# How each table's rows belong to a territory, at this revision. A later migration adding a table must give
# it policies too (tests/server/test_access.py checks every table has row-level security).
DIRECT = [  # (table, column naming the territory)
    ("territories", "id"),
    ("epcis", "territory_id"),
    ("territory_roles", "territory_id"),
    ("diagnostic_sections", "territory_id"),
    ("swot_items", "territory_id"),
    ("challenges", "territory_id"),
    ("key_companies", "territory_id"),
    ("objectives", "territory_id"),
    ("meetings", "territory_id"),
    ("custom_fields", "territory_id"),
]
THROUGH_ACTION = ["action_partners", "funding_lines", "milestones", "progress_updates", "custom_values"]
THROUGH_ACTION_ALSO = ["action_challenges"]  # an association table: no version, same rule
THROUGH_MEETING = ["meeting_participants", "agenda_items", "decisions"]  # (agenda and decisions: and action)

READABLE = "(SELECT ti_readable_territories())"
FULL = "(SELECT ti_full_territories())"
WRITABLE = "(SELECT ti_writable_territories())"
VISIBLE_ACTIONS = "(SELECT id FROM actions)"  # the actions' own policy applies inside: what the role may read
WRITABLE_ACTIONS = f"(SELECT id FROM actions WHERE territory_id IN {WRITABLE})"
VISIBLE_MEETINGS = "(SELECT id FROM meetings)"
WRITABLE_MEETINGS = f"(SELECT id FROM meetings WHERE territory_id IN {WRITABLE})"
ANY_ACCESS = "EXISTS (SELECT 1 FROM ti_my_access())"
ANY_WRITE = "EXISTS (SELECT 1 FROM ti_writable_territories())"
REGION_ACCESS = "EXISTS (SELECT 1 FROM ti_my_access() WHERE level = 'region')"


def _rules() -> dict[str, tuple[str, str | None, str]]:
    """table → (who may read a row, who may write it (None: nobody but the owner), what the delete trigger
    checks, as the kind of row it is)."""
    rules: dict[str, tuple[str, str | None, str]] = {}
    for table, column in DIRECT:
        rules[table] = (f"{column} IN {READABLE}", f"{column} IN {WRITABLE}", f"direct:{column}")
    rules["axes"] = (
        f"territory_id IS NULL OR territory_id IN {READABLE}",  # the programme's four axes are everyone's
        f"territory_id IN {WRITABLE}",
        "direct:territory_id",
    )
    rules["actions"] = (
        f"territory_id IN {FULL} OR (NOT confidential AND territory_id IN {READABLE})",
        f"territory_id IN {WRITABLE}",
        "direct:territory_id",
    )
    rules["indicators"] = (
        f"territory_id IN {READABLE} AND (action_id IS NULL OR action_id IN {VISIBLE_ACTIONS})",
        f"territory_id IN {WRITABLE}",
        "direct:territory_id",
    )
    rules["indicator_values"] = (
        "indicator_id IN (SELECT id FROM indicators)",
        f"indicator_id IN (SELECT id FROM indicators WHERE territory_id IN {WRITABLE})",
        "indicator",
    )
    for table in THROUGH_ACTION + THROUGH_ACTION_ALSO:
        rules[table] = (f"action_id IN {VISIBLE_ACTIONS}", f"action_id IN {WRITABLE_ACTIONS}", "action")
    rules["meeting_participants"] = (
        f"meeting_id IN {VISIBLE_MEETINGS}",
        f"meeting_id IN {WRITABLE_MEETINGS}",
        "meeting",
    )
    for table in ("agenda_items", "decisions"):
        rules[table] = (
            f"meeting_id IN {VISIBLE_MEETINGS} AND (action_id IS NULL OR action_id IN {VISIBLE_ACTIONS})",
            f"meeting_id IN {WRITABLE_MEETINGS}",
            "meeting",
        )
    rules["attachments"] = (
        f"action_id IN {VISIBLE_ACTIONS} OR meeting_id IN {VISIBLE_MEETINGS}",
        f"action_id IN {WRITABLE_ACTIONS} OR meeting_id IN {WRITABLE_MEETINGS}",
        "attachment",
    )
    rules["actors"] = (ANY_ACCESS, ANY_WRITE, "actor")
    rules["received_reports"] = (REGION_ACCESS, REGION_ACCESS, "region")
    rules["snapshots"] = (f"territory_id IN {FULL}", f"territory_id IN {WRITABLE}", "direct:territory_id")
    return rules


FUNCTIONS = f"""
CREATE TABLE territory_access (
    role_name text NOT NULL,
    territory_id integer NOT NULL REFERENCES territories (id) ON DELETE CASCADE,
    level text NOT NULL CHECK (level IN ({", ".join(f"'{level}'" for level in LEVELS)})),
    confidential boolean NOT NULL DEFAULT false,
    granted_by text NOT NULL DEFAULT session_user,
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (role_name, territory_id)
);

-- Is the session's role the base's owner (the owner of its tables), or a superuser? They bypass the policies.
CREATE FUNCTION ti_is_base_owner() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
        OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'public.territories'::regclass),
                       'MEMBER')
$$;

-- The session's own rights (security definer: the access table is not readable as a whole).
CREATE FUNCTION ti_my_access() RETURNS TABLE (territory_id integer, level text, confidential boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.territory_id, a.level, a.confidential FROM territory_access a WHERE a.role_name = session_user
$$;

CREATE FUNCTION ti_readable_territories() RETURNS SETOF integer
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT territory_id FROM ti_my_access()
$$;

-- Territories whose confidential actions the role sees: every access but a Région's without `confidential`.
CREATE FUNCTION ti_full_territories() RETURNS SETOF integer
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT territory_id FROM ti_my_access() WHERE level <> 'region' OR confidential
$$;

CREATE FUNCTION ti_writable_territories() RETURNS SETOF integer
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT territory_id FROM ti_my_access() WHERE level IN ('edition', 'admin')
$$;

CREATE FUNCTION ti_administered_territories() RETURNS SETOF integer
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT territory_id FROM ti_my_access() WHERE level = 'admin'
$$;

-- The territory a row belongs to, by its kind (security definer: the delete check must see the parent row
-- even where the policies would hide it).
CREATE FUNCTION ti_row_territory(kind text, item jsonb) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF kind LIKE 'direct:%' THEN
        RETURN (item ->> substr(kind, 8))::integer;
    ELSIF kind = 'action' THEN
        RETURN (SELECT territory_id FROM actions WHERE id = (item ->> 'action_id')::integer);
    ELSIF kind = 'meeting' THEN
        RETURN (SELECT territory_id FROM meetings WHERE id = (item ->> 'meeting_id')::integer);
    ELSIF kind = 'indicator' THEN
        RETURN (SELECT territory_id FROM indicators WHERE id = (item ->> 'indicator_id')::integer);
    ELSIF kind = 'attachment' THEN
        RETURN coalesce(
            (SELECT territory_id FROM actions WHERE id = (item ->> 'action_id')::integer),
            (SELECT territory_id FROM meetings WHERE id = (item ->> 'meeting_id')::integer));
    END IF;
    RETURN NULL;
END $$;

-- Deleting is refused, loudly, where the role may read but not write (a policy would only hide the row).
CREATE FUNCTION ti_guard_delete() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    kind text := TG_ARGV[0];
    territory integer;
    allowed boolean;
BEGIN
    IF ti_is_base_owner() THEN
        RETURN OLD;
    END IF;
    IF kind = 'actor' THEN
        allowed := EXISTS (SELECT 1 FROM ti_writable_territories());
    ELSIF kind = 'region' THEN
        allowed := EXISTS (SELECT 1 FROM ti_my_access() WHERE level = 'region');
    ELSIF TG_TABLE_NAME = 'territories' THEN
        allowed := OLD.id IN (SELECT ti_administered_territories());
    ELSE
        territory := ti_row_territory(kind, to_jsonb(OLD));
        IF territory IS NULL AND kind NOT LIKE 'direct:%' THEN
            -- The parent is gone already: a cascade from a deletion that was itself checked.
            allowed := true;
        ELSE
            allowed := territory IN (SELECT ti_writable_territories());
        END IF;
    END IF;
    IF allowed IS NOT TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('ti_desktop: deleting from %s is not allowed for role %s', TG_TABLE_NAME, session_user);
    END IF;
    RETURN OLD;
END $$;

-- The history's author is the session's role, whatever the client sent. The owner alone writes rows as they
-- are (a copy between bases keeps who did what in the file it came from).
CREATE FUNCTION ti_sign_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT ti_is_base_owner() THEN
        NEW."user" := session_user;
    END IF;
    RETURN NEW;
END $$;

-- The table privileges a person needs; the policies then narrow them to the role's rows.
CREATE FUNCTION ti_grant_tables(person text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    name text;
BEGIN
    FOR name IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
        IF name IN ('territory_access', 'alembic_version') THEN
            EXECUTE format('GRANT SELECT ON public.%I TO %I', name, person);
        ELSIF name = 'change_log' THEN
            EXECUTE format('GRANT SELECT, INSERT ON public.%I TO %I', name, person);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO %I', name, person);
        END IF;
    END LOOP;
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', person);
END $$;

-- Only an administrator of the territory, or the base's owner, manages its access.
CREATE FUNCTION ti_check_manager(territory integer) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT ti_is_base_owner() AND territory NOT IN (SELECT ti_administered_territories()) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'ti_desktop: only an administrator of the territory or the base owner manages its access';
    END IF;
END $$;

CREATE FUNCTION ti_grant_access(person text, territory integer, wanted text, with_confidential boolean)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM ti_check_manager(territory);
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = person) THEN
        RAISE EXCEPTION USING ERRCODE = 'undefined_object', MESSAGE = 'ti_desktop: no such role';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM territories WHERE id = territory) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = 'ti_desktop: no such territory';
    END IF;
    INSERT INTO territory_access (role_name, territory_id, level, confidential)
    VALUES (person, territory, wanted, with_confidential)
    ON CONFLICT (role_name, territory_id) DO UPDATE
        SET level = EXCLUDED.level, confidential = EXCLUDED.confidential,
            granted_by = session_user, granted_at = now();
    PERFORM ti_grant_tables(person);
END $$;

CREATE FUNCTION ti_revoke_access(person text, territory integer) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM ti_check_manager(territory);
    DELETE FROM territory_access WHERE role_name = person AND territory_id = territory;
    RETURN FOUND;
END $$;

-- After a migration that adds tables: every role with an access gets the privileges on them too.
CREATE FUNCTION ti_regrant_all() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    person text;
BEGIN
    FOR person IN SELECT DISTINCT a.role_name FROM territory_access a JOIN pg_roles r ON r.rolname = a.role_name
    LOOP
        PERFORM ti_grant_tables(person);
    END LOOP;
END $$;

REVOKE ALL ON FUNCTION ti_grant_tables(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION ti_regrant_all() FROM PUBLIC;

ALTER TABLE territory_access ENABLE ROW LEVEL SECURITY;
CREATE POLICY territory_access_read ON territory_access FOR SELECT
    USING (role_name = session_user OR territory_id IN (SELECT ti_administered_territories()));

CREATE TRIGGER change_log_signed BEFORE INSERT ON change_log FOR EACH ROW EXECUTE FUNCTION ti_sign_change();
"""

DROP_FUNCTIONS = [
    "ti_regrant_all()",
    "ti_revoke_access(text, integer)",
    "ti_grant_access(text, integer, text, boolean)",
    "ti_check_manager(integer)",
    "ti_grant_tables(text)",
    "ti_sign_change()",
    "ti_guard_delete()",
    "ti_row_territory(text, jsonb)",
    "ti_administered_territories()",
    "ti_writable_territories()",
    "ti_full_territories()",
    "ti_readable_territories()",
    "ti_my_access()",
    "ti_is_base_owner()",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTIONS)
    for table, (read, write, kind) in _rules().items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING ({read})")
        if write is not None:
            op.execute(f"CREATE POLICY {table}_insert ON {table} FOR INSERT WITH CHECK ({write})")
            # USING what may be read, CHECK what may be written: an update of a readable row the role may not
            # change is an error, not a silent no-op.
            op.execute(f"CREATE POLICY {table}_update ON {table} FOR UPDATE USING ({read}) WITH CHECK ({write})")
            op.execute(f"CREATE POLICY {table}_delete ON {table} FOR DELETE USING ({read})")
            op.execute(
                f"CREATE TRIGGER {table}_guard_delete BEFORE DELETE ON {table} FOR EACH ROW "
                f"EXECUTE FUNCTION ti_guard_delete('{kind}')"
            )
    # The history: read like what it describes, added to by anyone who may write there, never rewritten.
    op.execute("ALTER TABLE change_log ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY change_log_read ON change_log FOR SELECT USING ("
        f"territory_id IN {FULL} "
        f"OR (territory_id IN {READABLE} AND (action_id IS NULL OR action_id IN {VISIBLE_ACTIONS})) "
        f"OR (territory_id IS NULL AND {ANY_ACCESS}))"
    )
    op.execute(
        "CREATE POLICY change_log_insert ON change_log FOR INSERT WITH CHECK ("
        f"territory_id IN {WRITABLE} OR (territory_id IS NULL AND ({ANY_WRITE} OR {REGION_ACCESS})))"
    )
    op.execute("SELECT ti_regrant_all()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, (_read, write, _kind) in _rules().items():
        for policy in ("read", "insert", "update", "delete") if write is not None else ("read",):
            op.execute(f"DROP POLICY IF EXISTS {table}_{policy} ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_guard_delete ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP POLICY IF EXISTS change_log_read ON change_log")
    op.execute("DROP POLICY IF EXISTS change_log_insert ON change_log")
    op.execute("DROP TRIGGER IF EXISTS change_log_signed ON change_log")
    op.execute("ALTER TABLE change_log DISABLE ROW LEVEL SECURITY")
    op.execute("DROP TABLE territory_access")
    for function in DROP_FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
