"""The use cases a front end may be given, one small protocol each, for the front ends' constructors to say
exactly what they need: a page's `PlanPageServices(HasActions, HasAxes, HasViews, Protocol)` is satisfied by
the composition root's `Services` (registry.py) and by anything else that offers those three — a test's fake
included. Each use case's type is written here once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

# Types only: a front end naming a use case must not load every service (and what they import) to do so.
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
    from ti_desktop.services.registry import (
        AgendaCrud,
        CompanyCrud,
        DecisionCrud,
        DiagnosticCrud,
        EpciCrud,
        FundingCrud,
        IndicatorCrud,
        IndicatorValueCrud,
        MilestoneCrud,
        ObjectiveCrud,
        PartnerCrud,
        SwotCrud,
        TerritoryRoleCrud,
    )
    from ti_desktop.services.reporting import ReportService
    from ti_desktop.services.summary import HistoryService, SummaryService
    from ti_desktop.services.views import ViewService

# Territory and diagnostic


class HasTerritories(Protocol):
    territories: TerritoryService


class HasAccess(Protocol):
    access: AccessService


class HasEpcis(Protocol):
    epcis: EpciCrud


class HasActors(Protocol):
    actors: ActorService


class HasRoles(Protocol):
    roles: TerritoryRoleCrud


class HasDiagnostic(Protocol):
    diagnostic: DiagnosticCrud


class HasSwot(Protocol):
    swot: SwotCrud


class HasChallenges(Protocol):
    challenges: ChallengeService


class HasCompanies(Protocol):
    companies: CompanyCrud


# Plan


class HasAxes(Protocol):
    axes: AxisService


class HasObjectives(Protocol):
    objectives: ObjectiveCrud


class HasActions(Protocol):
    actions: ActionService


class HasCustomFields(Protocol):
    custom_fields: CustomFieldService


class HasPartners(Protocol):
    partners: PartnerCrud


class HasFunding(Protocol):
    funding: FundingCrud


class HasMilestones(Protocol):
    milestones: MilestoneCrud


class HasIndicators(Protocol):
    indicators: IndicatorCrud


class HasIndicatorValues(Protocol):
    indicator_values: IndicatorValueCrud


class HasIndicatorImports(Protocol):
    indicator_imports: IndicatorImportService


class HasUpdates(Protocol):
    updates: ProgressUpdateService


class HasAttachments(Protocol):
    def attachments_in(self, files_dir: Path) -> AttachmentService: ...


# Meetings


class HasMeetings(Protocol):
    meetings: MeetingCrud


class HasParticipants(Protocol):
    participants: MeetingParticipants


class HasAgenda(Protocol):
    agenda: AgendaCrud


class HasSteering(Protocol):
    steering: MeetingService


class HasMinutes(Protocol):
    minutes: MinutesService


class HasDecisions(Protocol):
    decisions: DecisionCrud


# Figures, history, files


class HasSummary(Protocol):
    summary: SummaryService


class HasHistory(Protocol):
    history: HistoryService


class HasViews(Protocol):
    views: ViewService


class HasReports(Protocol):
    reports: ReportService


class HasConsolidation(Protocol):
    consolidation: ConsolidationService


class HasSynthesis(Protocol):
    synthesis: SynthesisService


class HasImports(Protocol):
    imports: ImportService


class HasExports(Protocol):
    exports: ExportService


class HasDemo(Protocol):
    demo: DemoService


class HasBackups(Protocol):
    backups: BackupService | None
