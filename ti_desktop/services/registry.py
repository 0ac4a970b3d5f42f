"""`Services`: every use case of the app, built once from an open database (services/maintenance.py's
`open_services`, which only the composition roots call) and passed to the GUI and CLI.

The sessionmaker stays inside: callers get use cases that return records, never a session or a live ORM row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
from ti_desktop.services.actors import ActorService
from ti_desktop.services.attachments import AttachmentService
from ti_desktop.services.backups import BackupService
from ti_desktop.services.challenges import ChallengeService
from ti_desktop.services.consolidation import ConsolidationService
from ti_desktop.services.crud import EntityCrud, other_change_message
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


class Services:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, backups: BackupService | None = None) -> None:
        s = sessions
        self._sessions = sessions  # for attachments_in only: never handed out
        # What "now" and "today" are for every service (the composition root's clock).
        self.clock = clock
        # Backups of the base file (None for services built on sessions alone, in some tests).
        self.backups = backups
        before_import = backups.before_import if backups is not None else None
        # Territory and diagnostic
        self.territories = TerritoryService(s)
        self.epcis: EpciCrud = EntityCrud(s, models.Epci, entities.EPCI, order_by=("name",))
        self.actors = ActorService(s)
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
        self.challenges = ChallengeService(s)
        self.companies: CompanyCrud = EntityCrud(s, models.KeyCompany, entities.KEY_COMPANY, order_by=("name", "id"))
        # Plan
        self.axes = AxisService(s)
        self.objectives: ObjectiveCrud = EntityCrud(
            s,
            models.Objective,
            entities.OBJECTIVE,
            order_by=("axis_id", "code", "id"),
        )
        self.actions = ActionService(s)
        self.custom_fields = CustomFieldService(s, self.actions)  # the territory's own fields and their values
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
        self.indicator_imports = IndicatorImportService(s, before_write=before_import)
        self.updates = ProgressUpdateService(s, self.actions)
        # Meetings
        self.meetings = MeetingCrud(s)
        self.participants = MeetingParticipants(s, self.meetings)
        self.agenda: AgendaCrud = EntityCrud(
            s,
            models.AgendaItem,
            entities.AGENDA_ITEM,
            order_by=("position", "id"),
        )
        self.steering = MeetingService(s, clock)  # agenda proposals, projector views, closing, decision register
        self.minutes = MinutesService(
            s, self.steering, self.participants
        )  # the minutes PDF (compte rendu et relevé de décisions)
        self.decisions: DecisionCrud = EntityCrud(
            s,
            models.Decision,
            entities.DECISION,
            order_by=("due_on", "id"),
        )
        # Figures and history
        self.summary = SummaryService(s)
        self.history = HistoryService(s)
        self.views = ViewService(s)
        self.imports = ImportService(s, self.actions, before_write=before_import)
        self.exports = ExportService(s, clock)
        self.reports = ReportService(s, self.exports)  # the PDF carries its data and the plan's xlsx export
        self.consolidation = ConsolidationService(s, clock)  # a Région's received reports, checked and added up
        self.synthesis = SynthesisService(self.consolidation)  # their regional synthesis, PDF or xlsx
        # What this window wrote, so that undo and redo never overwrite someone else's work (versions.py).
        cruds: dict[type[models.Base], EntityCrud[Any, Any]] = {
            crud.model: crud for crud in vars(self).values() if isinstance(crud, EntityCrud)
        }

        def describe(session: Session, row: models.Base) -> str:
            crud = cruds.get(type(row))
            if crud is not None:
                return crud.other_change(session, row)
            return other_change_message(session, row, "la pièce jointe", {"title": "Titre"})  # no crud of its own

        self.versions = VersionLedger(s, describe)
        self.demo = DemoService(s, self)  # the demo territory, written through the services above

    def attachments_in(self, files_dir: Path) -> AttachmentService:
        """The pièces jointes whose copies live in `files_dir` (the composition root's data folder)."""
        return AttachmentService(self._sessions, files_dir)
