"""The contrôle avant envoi: what would make the report weak, each finding pointing at its fiche-action or
indicator."""

from __future__ import annotations

from ti_desktop.domain.enums import CLOSED_STATUSES, ActionStatus
from ti_desktop.domain.report_options import FindingKind, ReportFinding, ReportOptions
from ti_desktop.reports.data import NOT_NAMED
from ti_desktop.services.report_plan import ReportPlan, chefs_de_projet, in_period

TERRITORY_SUBJECT = "Territoire"  # what a finding about the territory itself (not an action) is about
NO_CHEF_DE_PROJET = (
    f"{TERRITORY_SUBJECT} : aucun chef de projet n'est désigné. La couverture du rapport le dirait « {NOT_NAMED} » : "
    "désignez-le dans la gouvernance du territoire (page Territoire)."
)


def pre_send_findings(plan: ReportPlan, options: ReportOptions) -> list[ReportFinding]:
    updated_in_period = {update.action_id for update in plan.updates if in_period(update.reported_on, options)}
    measured = {value.indicator_id for value in plan.values}
    findings: list[ReportFinding] = []
    if not chefs_de_projet(plan):  # the report's cover names them: the Région must know who wrote it
        findings.append(ReportFinding(FindingKind.SANS_CHEF_DE_PROJET, None, None, NO_CHEF_DE_PROJET))
    for action in plan.actions:
        name = f"{action.code or 'n° ' + str(action.id)} – {action.title}"

        def add(kind: FindingKind, problem: str, action_id: int = action.id, name: str = name) -> None:
            findings.append(ReportFinding(kind, action_id, None, f"{name} : {problem}"))

        if action.lead_actor_id is None:
            add(FindingKind.SANS_PORTEUR, "aucun porteur n'est renseigné.")
        if action.planned_start is None or action.planned_end is None:
            missing = [
                label
                for label, value in (("de début", action.planned_start), ("de fin", action.planned_end))
                if value is None
            ]
            add(FindingKind.SANS_DATES, f"pas de date prévue {' ni '.join(missing)}.")
        if action.planned_budget is None and action.status is not ActionStatus.ABANDONNEE:
            add(FindingKind.SANS_BUDGET, "aucun budget prévu n'est renseigné.")
        finished_before = action.status in CLOSED_STATUSES and not in_period(action.actual_end, options)
        if action.id not in updated_in_period and not finished_before:
            add(FindingKind.SANS_POINT, f"aucun point d'avancement {options.period_label}.")
    for indicator in plan.indicators:
        if indicator.id not in measured:
            findings.append(
                ReportFinding(
                    FindingKind.INDICATEUR_SANS_VALEUR,
                    indicator.action_id,
                    indicator.id,
                    f"Indicateur « {indicator.name} » : aucune mesure n'est saisie.",
                )
            )
    return findings
