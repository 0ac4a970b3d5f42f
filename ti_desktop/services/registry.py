"""`Services`: every use case of the app, built once from an open database (services/maintenance.py's
`open_services`, which only the composition roots call) and passed to the GUI and CLI.

The sessionmaker stays inside: callers get use cases that return records, never a session or a live ORM row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import entities
from ti_desktop.domain.records import (
    ActionPartnerRecord,
    AgendaItemRecord,
    DecisionRecord,
    DiagnosticSectionRecord,
    EpciRecord,
    FundingLineRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    KeyCompanyRecord,
    MilestoneRecord,
    ObjectiveRecord,
    SwotItemRecord,
    TerritoryRoleRecord,
)
from ti_desktop.kernel.clock import Clock
from ti_desktop.services.crud import EntityCrud, other_change_message

# The other use cases are built on first use (Services.__getattr__), each importing its module then: a
# command or a window pays only for what it uses (no pandas, openpyxl, reportlab… until they are needed).
if TYPE_CHECKING:
    from pathlib import Path

    from ti_desktop.services.access import AccessService
    from ti_desktop.services.actors import ActorService
    from ti_desktop.services.attachments import AttachmentService
    from ti_desktop.services.backups import BackupService
    from ti_desktop.services.challenges import ChallengeService
    from ti_desktop.services.consolidation import ConsolidationService
    from ti_desktop.services.custom_fields import CustomFieldService
    from ti_desktop.services.demo import DemoService
    from ti_desktop.services.directory import AxisService, MeetingParticipants, TerritoryService
    from ti_desktop.services.exporting import ExportService
    from ti_desktop.services.importing import ImportService
    from ti_desktop.services.indicator_import import IndicatorImportService
    from ti_desktop.services.meetings import MeetingCrud, MeetingService
    from ti_desktop.services.minutes import MinutesService
    from ti_desktop.services.plan import ActionService
    from ti_desktop.services.progress import ProgressUpdateService
    from ti_desktop.services.regional_synthesis import SynthesisService
    from ti_desktop.services.reporting import ReportService
    from ti_desktop.services.summary import HistoryService, SummaryService
    from ti_desktop.services.versions import VersionLedger
    from ti_desktop.services.views import ViewService

# The plain use cases' types, for the front ends' declarations of what they need (gui/…: `XServices` protocols).
EpciCrud = EntityCrud[models.Epci, EpciRecord]
TerritoryRoleCrud = EntityCrud[models.TerritoryRole, TerritoryRoleRecord]
DiagnosticCrud = EntityCrud[models.DiagnosticSection, DiagnosticSectionRecord]
SwotCrud = EntityCrud[models.SwotItem, SwotItemRecord]
CompanyCrud = EntityCrud[models.KeyCompany, KeyCompanyRecord]
ObjectiveCrud = EntityCrud[models.Objective, ObjectiveRecord]
PartnerCrud = EntityCrud[models.ActionPartner, ActionPartnerRecord]
FundingCrud = EntityCrud[models.FundingLine, FundingLineRecord]
MilestoneCrud = EntityCrud[models.Milestone, MilestoneRecord]
IndicatorCrud = EntityCrud[models.Indicator, IndicatorRecord]
IndicatorValueCrud = EntityCrud[models.IndicatorValue, IndicatorValueRecord]
AgendaCrud = EntityCrud[models.AgendaItem, AgendaItemRecord]
DecisionCrud = EntityCrud[models.Decision, DecisionRecord]

# The use cases built on first use that are EntityCrud too: the undo ledger names what they edit.
CRUD_SERVICES = ("territories", "actors", "challenges", "axes", "actions", "custom_fields", "updates", "meetings")


class Services:
    # Built on first use by `_build_<name>` (see __getattr__), each importing its module only then.
    territories: TerritoryService
    actors: ActorService
    challenges: ChallengeService
    axes: AxisService
    actions: ActionService
    custom_fields: CustomFieldService
    indicator_imports: IndicatorImportService
    updates: ProgressUpdateService
    meetings: MeetingCrud
    participants: MeetingParticipants
    steering: MeetingService
    minutes: MinutesService
    summary: SummaryService
    history: HistoryService
    views: ViewService
    imports: ImportService
    exports: ExportService
    reports: ReportService
    consolidation: ConsolidationService
    synthesis: SynthesisService
    versions: VersionLedger
    demo: DemoService
    access: AccessService

    def __init__(self, sessions: sessionmaker[Session], clock: Clock, backups: BackupService | None = None) -> None:
        s = sessions
        self._sessions = sessions  # never handed out: each use case gets it when first built
        # What "now" and "today" are for every service (the composition root's clock).
        self.clock = clock
        # Backups of the base file (None for services built on sessions alone, in some tests).
        self.backups = backups
        # The plain use cases, built at once: cheap, and the undo ledger names what they edit (versions).
        # Territory and diagnostic
        self.epcis: EpciCrud = EntityCrud(s, models.Epci, entities.EPCI, order_by=("name",))
        self.roles: TerritoryRoleCrud = EntityCrud(
            s,
            models.TerritoryRole,
            entities.TERRITORY_ROLE,
            order_by=("role", "id"),
        )
        self.diagnostic: DiagnosticCrud = EntityCrud(
            s,
            models.DiagnosticSection,
            entities.DIAGNOSTIC_SECTION,
            order_by=("position", "id"),
        )
        self.swot: SwotCrud = EntityCrud(
            s,
            models.SwotItem,
            entities.SWOT_ITEM,
            order_by=("category", "position", "id"),
        )
        self.companies: CompanyCrud = EntityCrud(s, models.KeyCompany, entities.KEY_COMPANY, order_by=("name", "id"))
        # Plan
        self.objectives: ObjectiveCrud = EntityCrud(
            s,
            models.Objective,
            entities.OBJECTIVE,
            order_by=("axis_id", "code", "id"),
        )
        self.partners: PartnerCrud = EntityCrud(s, models.ActionPartner, entities.ACTION_PARTNER)
        self.funding: FundingCrud = EntityCrud(
            s,
            models.FundingLine,
            entities.FUNDING_LINE,
        )
        self.milestones: MilestoneCrud = EntityCrud(
            s,
            models.Milestone,
            entities.MILESTONE,
            order_by=("due_on", "position", "id"),
        )
        self.indicators: IndicatorCrud = EntityCrud(
            s,
            models.Indicator,
            entities.INDICATOR,
            order_by=("axis_id", "name", "id"),
        )
        self.indicator_values: IndicatorValueCrud = EntityCrud(
            s,
            models.IndicatorValue,
            entities.INDICATOR_VALUE,
            order_by=("measured_on", "id"),
        )
        # Meetings
        self.agenda: AgendaCrud = EntityCrud(
            s,
            models.AgendaItem,
            entities.AGENDA_ITEM,
            order_by=("position", "id"),
        )
        self.decisions: DecisionCrud = EntityCrud(
            s,
            models.Decision,
            entities.DECISION,
            order_by=("due_on", "id"),
        )

    # -- territory and diagnostic ------------------------------------------------------------------
    if not TYPE_CHECKING:  # hidden from mypy, which then still rejects a misspelt use case

        def __getattr__(self, name: str) -> object:
            """Called only for what is not built yet: build it, keep it (later reads find it directly)."""
            build = getattr(type(self), f"_build_{name}", None) if not name.startswith("_") else None
            if build is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            value = build(self)
            setattr(self, name, value)
            return value

    def _build_territories(self) -> TerritoryService:
        from ti_desktop.services.directory import TerritoryService

        return TerritoryService(self._sessions)

    def _build_actors(self) -> ActorService:
        from ti_desktop.services.actors import ActorService

        return ActorService(self._sessions)

    def _build_challenges(self) -> ChallengeService:
        from ti_desktop.services.challenges import ChallengeService

        return ChallengeService(self._sessions)

    # -- plan --------------------------------------------------------------------------------------
    def _build_axes(self) -> AxisService:
        from ti_desktop.services.directory import AxisService

        return AxisService(self._sessions)

    def _build_actions(self) -> ActionService:
        from ti_desktop.services.plan import ActionService

        return ActionService(self._sessions)

    def _build_custom_fields(self) -> CustomFieldService:
        """The territory's own fields and their values."""
        from ti_desktop.services.custom_fields import CustomFieldService

        return CustomFieldService(self._sessions, self.actions)

    def _build_indicator_imports(self) -> IndicatorImportService:
        from ti_desktop.services.indicator_import import IndicatorImportService

        return IndicatorImportService(self._sessions, before_write=self._before_import)

    def _build_updates(self) -> ProgressUpdateService:
        from ti_desktop.services.progress import ProgressUpdateService

        return ProgressUpdateService(self._sessions, self.actions)

    # -- meetings ----------------------------------------------------------------------------------
    def _build_meetings(self) -> MeetingCrud:
        from ti_desktop.services.meetings import MeetingCrud

        return MeetingCrud(self._sessions)

    def _build_participants(self) -> MeetingParticipants:
        from ti_desktop.services.directory import MeetingParticipants

        return MeetingParticipants(self._sessions, self.meetings)

    def _build_steering(self) -> MeetingService:
        """Agenda proposals, projector views, closing, decision register."""
        from ti_desktop.services.meetings import MeetingService

        return MeetingService(self._sessions, self.clock)

    def _build_minutes(self) -> MinutesService:
        """The minutes PDF (compte rendu et relevé de décisions)."""
        from ti_desktop.services.minutes import MinutesService

        return MinutesService(self._sessions, self.steering, self.participants)

    # -- figures and history -----------------------------------------------------------------------
    def _build_summary(self) -> SummaryService:
        from ti_desktop.services.summary import SummaryService

        return SummaryService(self._sessions)

    def _build_history(self) -> HistoryService:
        from ti_desktop.services.summary import HistoryService

        return HistoryService(self._sessions)

    def _build_views(self) -> ViewService:
        from ti_desktop.services.views import ViewService

        return ViewService(self._sessions)

    def _build_imports(self) -> ImportService:
        from ti_desktop.services.importing import ImportService

        return ImportService(self._sessions, self.actions, before_write=self._before_import)

    def _build_exports(self) -> ExportService:
        from ti_desktop.services.exporting import ExportService

        return ExportService(self._sessions, self.clock)

    def _build_reports(self) -> ReportService:
        """The PDF carries its data and the plan's xlsx export."""
        from ti_desktop.services.reporting import ReportService

        return ReportService(self._sessions, lambda: self.exports)

    def _build_consolidation(self) -> ConsolidationService:
        """A Région's received reports, checked and added up."""
        from ti_desktop.services.consolidation import ConsolidationService

        return ConsolidationService(self._sessions, self.clock)

    def _build_synthesis(self) -> SynthesisService:
        """The received reports' regional synthesis, PDF or xlsx."""
        from ti_desktop.services.regional_synthesis import SynthesisService

        return SynthesisService(self.consolidation)

    def _build_versions(self) -> VersionLedger:
        """What this window wrote, so that undo and redo never overwrite someone else's work (versions.py)."""
        from ti_desktop.services.versions import VersionLedger

        cruds: dict[type[models.Base], EntityCrud[Any, Any]] = {}

        def describe(session: Session, row: models.Base) -> str:
            if not cruds:  # the first refusal to explain: every use case that edits records, built if need be
                built = [getattr(self, name) for name in CRUD_SERVICES]
                cruds.update(
                    {crud.model: crud for crud in [*vars(self).values(), *built] if isinstance(crud, EntityCrud)}
                )
            crud = cruds.get(type(row))
            if crud is not None:
                return crud.other_change(session, row)
            return other_change_message(session, row, "la pièce jointe", {"title": "Titre"})  # no crud of its own

        return VersionLedger(self._sessions, describe)

    def _build_access(self) -> AccessService:
        """Who may see and change which territory of a shared base."""
        from ti_desktop.services.access import AccessService

        return AccessService(self._sessions)

    def _build_demo(self) -> DemoService:
        """The demo territory, written through the services above."""
        from ti_desktop.services.demo import DemoService

        return DemoService(self._sessions, self)

    @property
    def _before_import(self) -> Callable[[], object] | None:
        """A backup before an import writes (none for services built on sessions alone)."""
        return self.backups.before_import if self.backups is not None else None

    def every_use_case(self) -> dict[str, object]:
        """Every public attribute by name, the use cases built on first use built now (for what walks them all)."""
        for name in type(self).__annotations__:
            getattr(self, name)
        return {name: value for name, value in vars(self).items() if not name.startswith("_")}

    def attachments_in(self, files_dir: Path) -> AttachmentService:
        """The pièces jointes whose copies live in `files_dir` (the composition root's data folder)."""
        from ti_desktop.services.attachments import AttachmentService

        return AttachmentService(self._sessions, files_dir)
