"""Typed SQLAlchemy 2 models of every entity, each mirroring its declaration in `domain.records`.

The database refuses bad rows by itself: foreign keys, CHECK constraints on amounts, progress, date
order and enumeration codes, uniqueness of codes. Money columns hold integer cents (`Money`).
"""

# No `from __future__ import annotations` here: the `Mapped[...]` annotations are then objects, which the
# declarative mapping reads as they are, instead of strings it evaluates one by one (start-up time).
import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship, validates

from ti_desktop.db.bookkeeping import STAMP_ON_INSERT, STAMP_ON_WRITE
from ti_desktop.db.types import EnumCode, Money, UtcDateTime
from ti_desktop.domain.custom_fields import name_key
from ti_desktop.domain.enums import (
    ActionStatus,
    ActorKind,
    AmountBasis,
    BudgetNature,
    CustomFieldKind,
    DecisionState,
    FundingStatus,
    GovernanceRole,
    IndicatorDirection,
    MeetingKind,
    MinutesState,
    Priority,
    SwotCategory,
)

# Stable constraint names so batch migrations on SQLite can find and alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


SEARCH_TABLE = "action_search"  # SQLite's FTS5 index of the actions' text (migration 0009), kept by triggers
SEARCH_INDEX = "ix_actions_search_trgm"  # PostgreSQL's pg_trgm index of the same text (migration 0009)


def is_search_index(name: str | None) -> bool:
    """The FTS5 table and its shadow tables, the pg_trgm index: the database's own index, not a model (alembic's
    comparison, the copy between bases and the row counts leave them out; a copy's destination rebuilds it by its
    triggers)."""
    return name is not None and (name in (SEARCH_TABLE, SEARCH_INDEX) or name.startswith(SEARCH_TABLE + "_"))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Set by the session from the database's clock (db/bookkeeping.py), never from the machine's.
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, info=STAMP_ON_INSERT)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, info=STAMP_ON_WRITE)


class Versioned:
    """Optimistic locking: every update checks and increments `version`, so two people saving the same record
    never silently overwrite each other (the second write, based on the old version, is refused)."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def enum_check(column: str, enum: type[Enum], *, nullable: bool = False) -> CheckConstraint:
    codes = ", ".join(f"'{member.value}'" for member in enum)
    condition = f"{column} IN ({codes})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=f"{column}_valid")


def non_negative(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} IS NULL OR {column} >= 0", name=f"{column}_non_negative")


def date_order(start: str, end: str) -> CheckConstraint:
    return CheckConstraint(f"{start} IS NULL OR {end} IS NULL OR {end} >= {start}", name=f"{end}_after_{start}")


def cascade_fk(target: str) -> ForeignKey:
    return ForeignKey(target, ondelete="CASCADE")


def nullify_fk(target: str) -> ForeignKey:
    return ForeignKey(target, ondelete="SET NULL")


class Territory(Timestamped, Versioned, Base):
    __tablename__ = "territories"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    national_code: Mapped[str | None] = mapped_column(String(40))
    region: Mapped[str | None] = mapped_column(String(100))
    departments: Mapped[str | None] = mapped_column(String(300))
    phase: Mapped[str | None] = mapped_column(String(40))
    labelled_on: Mapped[dt.date | None] = mapped_column(Date)
    carrying_structure: Mapped[str | None] = mapped_column(String(300))
    summary: Mapped[str | None] = mapped_column(Text)


class Epci(Timestamped, Versioned, Base):
    __tablename__ = "epcis"
    __table_args__ = (non_negative("population"), non_negative("commune_count"))

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    siren: Mapped[str | None] = mapped_column(String(9))
    population: Mapped[int | None] = mapped_column(Integer)
    commune_count: Mapped[int | None] = mapped_column(Integer)


class Actor(Timestamped, Versioned, Base):
    __tablename__ = "actors"
    __table_args__ = (enum_check("kind", ActorKind),)

    name: Mapped[str] = mapped_column(String(200), index=True)
    organisation: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[ActorKind] = mapped_column(EnumCode(ActorKind), default=ActorKind.AUTRE)
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str | None] = mapped_column(Text)


class TerritoryRole(Timestamped, Versioned, Base):
    __tablename__ = "territory_roles"
    __table_args__ = (
        UniqueConstraint("territory_id", "actor_id", "role"),
        enum_check("role", GovernanceRole),
    )

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    actor_id: Mapped[int] = mapped_column(cascade_fk("actors.id"), index=True)
    role: Mapped[GovernanceRole] = mapped_column(EnumCode(GovernanceRole))


class Axis(Timestamped, Versioned, Base):
    """The four seeded priorities have no territory; a territory may add its own axes."""

    __tablename__ = "axes"
    __table_args__ = (UniqueConstraint("territory_id", "code"),)

    territory_id: Mapped[int | None] = mapped_column(cascade_fk("territories.id"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(String(100))
    colour: Mapped[str] = mapped_column(String(7))
    position: Mapped[int] = mapped_column(Integer, default=0)


class DiagnosticSection(Timestamped, Versioned, Base):
    __tablename__ = "diagnostic_sections"

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    axis_id: Mapped[int | None] = mapped_column(ForeignKey("axes.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str | None] = mapped_column(Text)  # a new section may have a title only
    sources: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class SwotItem(Timestamped, Versioned, Base):
    __tablename__ = "swot_items"
    __table_args__ = (enum_check("category", SwotCategory),)

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    category: Mapped[SwotCategory] = mapped_column(EnumCode(SwotCategory))
    axis_id: Mapped[int | None] = mapped_column(ForeignKey("axes.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


action_challenges = Table(
    "action_challenges",
    Base.metadata,
    Column("action_id", cascade_fk("actions.id"), primary_key=True),
    Column("challenge_id", cascade_fk("challenges.id"), primary_key=True, index=True),
)

meeting_participants = Table(
    "meeting_participants",
    Base.metadata,
    Column("meeting_id", cascade_fk("meetings.id"), primary_key=True),
    Column("actor_id", cascade_fk("actors.id"), primary_key=True, index=True),
)


class Challenge(Timestamped, Versioned, Base):
    __tablename__ = "challenges"
    __table_args__ = (enum_check("priority", Priority),)

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    axis_id: Mapped[int] = mapped_column(ForeignKey("axes.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[Priority] = mapped_column(EnumCode(Priority), default=Priority.MOYENNE)


class KeyCompany(Timestamped, Versioned, Base):
    __tablename__ = "key_companies"
    __table_args__ = (non_negative("employees"),)

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    siret: Mapped[str | None] = mapped_column(String(14))
    sector: Mapped[str | None] = mapped_column(String(200))
    employees: Mapped[int | None] = mapped_column(Integer)
    commune: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)


class Objective(Timestamped, Versioned, Base):
    __tablename__ = "objectives"

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    axis_id: Mapped[int] = mapped_column(ForeignKey("axes.id"), index=True)
    code: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))


class Action(Timestamped, Versioned, Base):
    __tablename__ = "actions"
    __table_args__ = (
        UniqueConstraint("territory_id", "code"),
        enum_check("status", ActionStatus),
        enum_check("priority", Priority),
        enum_check("budget_nature", BudgetNature, nullable=True),
        enum_check("budget_basis", AmountBasis, nullable=True),
        CheckConstraint("progress >= 0 AND progress <= 100", name="progress_range"),
        CheckConstraint("status <> 'realisee' OR progress = 100", name="done_is_complete"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        date_order("planned_start", "planned_end"),
        date_order("planned_start", "actual_end"),
        non_negative("planned_budget"),
        non_negative("spent_to_date"),
        non_negative("jobs_targeted"),
        non_negative("jobs_created"),
        non_negative("induced_investment"),
        non_negative("achieved_investment"),
        Index("ix_actions_territory_axis", "territory_id", "axis_id"),
        # The plan's counts per axis and its windows of top-level actions (migration 0009).
        Index("ix_actions_territory_axis_parent", "territory_id", "axis_id", "parent_id"),
        Index("ix_actions_territory_status", "territory_id", "status"),
        Index("ix_actions_planned_end", "planned_end"),
        # The dashboard (migration 0010): its figures read this covering index alone, its late list the next.
        Index(
            "ix_actions_figures",
            "territory_id",
            "axis_id",
            "status",
            "budget_basis",
            "confidential",
            "parent_id",
            "planned_end",
            "planned_budget",
            "spent_to_date",
            "jobs_targeted",
            "jobs_created",
            "induced_investment",
            "achieved_investment",
        ),
        Index("ix_actions_territory_end", "territory_id", "planned_end"),
    )

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"))
    axis_id: Mapped[int] = mapped_column(ForeignKey("axes.id"))
    objective_id: Mapped[int | None] = mapped_column(nullify_fk("objectives.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(cascade_fk("actions.id"), index=True)
    code: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    expected_results: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ActionStatus] = mapped_column(EnumCode(ActionStatus), default=ActionStatus.EN_REFLEXION)
    priority: Mapped[Priority] = mapped_column(EnumCode(Priority), default=Priority.MOYENNE)
    to_discuss: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    lead_actor_id: Mapped[int | None] = mapped_column(nullify_fk("actors.id"), index=True)
    pilot_actor_id: Mapped[int | None] = mapped_column(nullify_fk("actors.id"))
    elected_referent_id: Mapped[int | None] = mapped_column(nullify_fk("actors.id"))
    planned_start: Mapped[dt.date | None] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    actual_end: Mapped[dt.date | None] = mapped_column(Date)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    planned_budget: Mapped[Decimal | None] = mapped_column(Money)
    spent_to_date: Mapped[Decimal | None] = mapped_column(Money)
    budget_nature: Mapped[BudgetNature | None] = mapped_column(EnumCode(BudgetNature))
    budget_basis: Mapped[AmountBasis | None] = mapped_column(EnumCode(AmountBasis))  # None: HT assumed
    jobs_targeted: Mapped[int | None] = mapped_column(Integer)
    jobs_created: Mapped[int | None] = mapped_column(Integer)
    induced_investment: Mapped[Decimal | None] = mapped_column(Money)
    achieved_investment: Mapped[Decimal | None] = mapped_column(Money)

    challenges: Mapped[list[Challenge]] = relationship(secondary=action_challenges)


class ActionPartner(Timestamped, Versioned, Base):
    __tablename__ = "action_partners"
    __table_args__ = (UniqueConstraint("action_id", "actor_id"),)

    action_id: Mapped[int] = mapped_column(cascade_fk("actions.id"), index=True)
    actor_id: Mapped[int] = mapped_column(cascade_fk("actors.id"), index=True)
    role: Mapped[str | None] = mapped_column(String(200))


class FundingLine(Timestamped, Versioned, Base):
    __tablename__ = "funding_lines"
    __table_args__ = (
        enum_check("status", FundingStatus),
        enum_check("basis", AmountBasis, nullable=True),
        non_negative("amount_requested"),
        non_negative("amount_granted"),
        date_order("filed_on", "decided_on"),
        # The dashboard's funding figures read this covering index alone, action by action (migration 0010).
        Index("ix_funding_lines_figures", "action_id", "status", "basis", "amount_requested", "amount_granted"),
    )

    action_id: Mapped[int] = mapped_column(cascade_fk("actions.id"), index=True)
    funder_actor_id: Mapped[int | None] = mapped_column(nullify_fk("actors.id"), index=True)
    funder_name: Mapped[str | None] = mapped_column(String(200))
    programme: Mapped[str | None] = mapped_column(String(200))
    amount_requested: Mapped[Decimal] = mapped_column(Money)
    amount_granted: Mapped[Decimal | None] = mapped_column(Money)
    status: Mapped[FundingStatus] = mapped_column(EnumCode(FundingStatus), default=FundingStatus.ENVISAGE)
    filed_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    basis: Mapped[AmountBasis | None] = mapped_column(EnumCode(AmountBasis))  # None: HT assumed


class Milestone(Timestamped, Versioned, Base):
    __tablename__ = "milestones"
    # The dashboard's milestones not done, by due date (migration 0010).
    __table_args__ = (Index("ix_milestones_open_due", "done_on", "due_on", "action_id"),)

    action_id: Mapped[int] = mapped_column(cascade_fk("actions.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Indicator(Timestamped, Versioned, Base):
    __tablename__ = "indicators"
    __table_args__ = (
        enum_check("direction", IndicatorDirection),
        date_order("baseline_on", "target_on"),
    )

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    action_id: Mapped[int | None] = mapped_column(nullify_fk("actions.id"), index=True)
    axis_id: Mapped[int | None] = mapped_column(ForeignKey("axes.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str | None] = mapped_column(String(50))
    source: Mapped[str | None] = mapped_column(String(300))
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_on: Mapped[dt.date | None] = mapped_column(Date)
    target_value: Mapped[float | None] = mapped_column(Float)
    target_on: Mapped[dt.date | None] = mapped_column(Date)
    direction: Mapped[IndicatorDirection] = mapped_column(
        EnumCode(IndicatorDirection), default=IndicatorDirection.HAUSSE
    )


class IndicatorValue(Timestamped, Versioned, Base):
    __tablename__ = "indicator_values"
    __table_args__ = (UniqueConstraint("indicator_id", "measured_on"),)

    indicator_id: Mapped[int] = mapped_column(cascade_fk("indicators.id"), index=True)
    measured_on: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    comment: Mapped[str | None] = mapped_column(Text)


class ProgressUpdate(Timestamped, Versioned, Base):
    __tablename__ = "progress_updates"
    __table_args__ = (
        enum_check("status", ActionStatus),
        CheckConstraint("progress >= 0 AND progress <= 100", name="progress_range"),
        Index("ix_progress_updates_action_date", "action_id", "reported_on"),
    )

    action_id: Mapped[int] = mapped_column(cascade_fk("actions.id"))
    reported_on: Mapped[dt.date] = mapped_column(Date)
    author: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[ActionStatus] = mapped_column(EnumCode(ActionStatus))
    progress: Mapped[int] = mapped_column(Integer)
    done: Mapped[str | None] = mapped_column(Text)
    difficulties: Mapped[str | None] = mapped_column(Text)
    next_steps: Mapped[str | None] = mapped_column(Text)
    alert: Mapped[bool] = mapped_column(Boolean, default=False)


class Meeting(Timestamped, Versioned, Base):
    __tablename__ = "meetings"
    __table_args__ = (enum_check("kind", MeetingKind), enum_check("minutes_state", MinutesState))

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    kind: Mapped[MeetingKind] = mapped_column(EnumCode(MeetingKind), default=MeetingKind.COMITE_PILOTAGE)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    minutes_state: Mapped[MinutesState] = mapped_column(EnumCode(MinutesState), default=MinutesState.BROUILLON)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    participants: Mapped[list[Actor]] = relationship(secondary=meeting_participants)


class AgendaItem(Timestamped, Versioned, Base):
    __tablename__ = "agenda_items"

    meeting_id: Mapped[int] = mapped_column(cascade_fk("meetings.id"), index=True)
    action_id: Mapped[int | None] = mapped_column(nullify_fk("actions.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)


class Decision(Timestamped, Versioned, Base):
    __tablename__ = "decisions"
    __table_args__ = (enum_check("state", DecisionState),)

    meeting_id: Mapped[int] = mapped_column(cascade_fk("meetings.id"), index=True)
    action_id: Mapped[int | None] = mapped_column(nullify_fk("actions.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner_actor_id: Mapped[int | None] = mapped_column(nullify_fk("actors.id"), index=True)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    state: Mapped[DecisionState] = mapped_column(EnumCode(DecisionState), default=DecisionState.A_FAIRE, index=True)


class Attachment(Timestamped, Versioned, Base):
    __tablename__ = "attachments"
    __table_args__ = (
        CheckConstraint("(action_id IS NULL) <> (meeting_id IS NULL)", name="one_owner"),
        non_negative("size_bytes"),
    )

    action_id: Mapped[int | None] = mapped_column(cascade_fk("actions.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(cascade_fk("meetings.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    stored_path: Mapped[str] = mapped_column(String(1000))
    original_name: Mapped[str] = mapped_column(String(300))
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)


class CustomField(Timestamped, Versioned, Base):
    """A territory's own field (« champ personnalisé »); its name is unique in the territory whatever its case and
    accents (`name_key`, set from the name on every path that writes one)."""

    __tablename__ = "custom_fields"
    __table_args__ = (UniqueConstraint("territory_id", "name_key"), enum_check("kind", CustomFieldKind))

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(Text)  # NFKD may lengthen a name (ﬁ → fi)
    kind: Mapped[CustomFieldKind] = mapped_column(EnumCode(CustomFieldKind), default=CustomFieldKind.TEXT)
    choices: Mapped[str | None] = mapped_column(Text)  # a list's choices, one per line
    position: Mapped[int] = mapped_column(Integer, default=0)

    @validates("name")
    def _keyed(self, _key: str, name: str) -> str:
        self.name_key = name_key(name)
        return name


class CustomValue(Timestamped, Base):
    """An action's value of a custom field, as text (`domain.custom_fields.encode`). Unversioned: the action's
    version covers it (a value's change is a change of its action)."""

    __tablename__ = "custom_values"
    __table_args__ = (UniqueConstraint("action_id", "field_id"),)

    action_id: Mapped[int] = mapped_column(cascade_fk("actions.id"))
    field_id: Mapped[int] = mapped_column(cascade_fk("custom_fields.id"), index=True)
    value: Mapped[str] = mapped_column(Text)


class ReceivedReport(Timestamped, Versioned, Base):
    """A territory's report a Région received (`services.consolidation`): one per territory and period."""

    __tablename__ = "received_reports"
    __table_args__ = (
        UniqueConstraint("territory_key", "period_from", "period_to"),
        date_order("period_from", "period_to"),
    )

    territory_key: Mapped[str] = mapped_column(Text)
    territory_name: Mapped[str] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    generated_on: Mapped[dt.date] = mapped_column(Date)
    schema_version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    data: Mapped[str] = mapped_column(Text)  # the JSON text of the document's data
    source: Mapped[str] = mapped_column(Text)
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    received_by: Mapped[str] = mapped_column(String(200))


class ChangeLog(Base):
    """One row per changed field (or per created / deleted record, with field NULL)."""

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_territory_at", "territory_id", "changed_at"),
        Index("ix_change_log_action_at", "action_id", "changed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, info=STAMP_ON_INSERT)
    user: Mapped[str] = mapped_column(String(200))
    # Plain integers, not foreign keys: the history outlives what it describes.
    territory_id: Mapped[int | None] = mapped_column(Integer)
    action_id: Mapped[int | None] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(50))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class Snapshot(Timestamped, Base):
    """A frozen JSON copy of a territory's plan (report sent, meeting closed)."""

    __tablename__ = "snapshots"

    territory_id: Mapped[int] = mapped_column(cascade_fk("territories.id"), index=True)
    taken_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, info=STAMP_ON_INSERT)
    label: Mapped[str] = mapped_column(String(300))
    meeting_id: Mapped[int | None] = mapped_column(nullify_fk("meetings.id"), index=True)
    payload: Mapped[str] = mapped_column(Text)
