"""Names and titles of a plan read, made safe to show: direction-changing and zero-width characters removed
(they can make a title read as another one in a report), each removal a warning naming the cell; a name that is
a spreadsheet error value (`#REF!`) refused. Used on what every reader gives (tables and TeT alike)."""

from __future__ import annotations

from ti_desktop.domain.entities import ACTION
from ti_desktop.exchange.french import has_invisible, shown, spreadsheet_error, without_invisible
from ti_desktop.exchange.plan_import import Origin, PlanImport

# The action attribute whose column a name was read from (`PlanImport.columns`), and its French label.
_TITLE = ("title", "intitulé")
_AXIS = ("axis_id", "axe")
_OBJECTIVE = ("objective_id", "objectif")
_CODE = ("code", "code")
_PARENT = ("parent_id", "action parente")
# The people an action names, by the labels of their fields (the fiche's words: porteur, pilote, élu référent).
_ACTOR_LABELS = {
    attribute: ACTION.fields[attribute].label.lower()
    for attribute in ("lead_actor_id", "pilot_actor_id", "elected_referent_id")
}


class _Scrubber:
    def __init__(self, plan: PlanImport) -> None:
        self.plan = plan
        self.refused = 0  # names refused so far: what they belong to is not imported (the error says why)

    def clean(self, text: str, origin: Origin, where: tuple[str, str], column: str | None = None) -> str:
        attribute, label = where
        letter, header = self.plan.columns.get(attribute, (column, None))
        location: dict[str, object] = {"sheet": origin.sheet, "row": origin.row, "column": letter, "header": header}
        error = spreadsheet_error(text)
        if error is not None:
            self.refused += 1
            self.plan.report.error(
                f"{label} : la cellule contient « {error} », une valeur d'erreur du tableur : corrigez la formule "
                "dans le fichier.",
                **location,
            )
            return text
        if not has_invisible(text):
            return text
        cleaned = without_invisible(text).strip()
        removed = len(text) - len(without_invisible(text))
        if not cleaned:
            self.refused += 1
            message = f"{label} fait uniquement de caractères invisibles : écrivez-le en clair."
            self.plan.report.error(message, **location)
            return text
        characters = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in text if has_invisible(ch)}))
        plural = "s" if removed > 1 else ""
        self.plan.report.warning(
            f"{label} « {shown(cleaned)} » : {removed} caractère{plural} invisible{plural} ou inversant le sens du "
            f"texte ({characters}) retiré{plural}.",
            **location,
        )
        return cleaned


def scrub_names(plan: PlanImport) -> None:
    """Clean the action titles, axes, objectives, codes, actors, funders and milestone titles in place. What has a
    refused name (an error value, only invisible characters) is left out of the plan, its error said: an action
    whose row has an error is never imported beside it."""
    scrub = _Scrubber(plan)
    kept = []
    for action in plan.actions:
        refused = scrub.refused
        origin = action.origin
        action.title = scrub.clean(action.title, origin, _TITLE)
        action.axis = scrub.clean(action.axis, origin, _AXIS)
        if action.objective is not None:
            action.objective = scrub.clean(action.objective, origin, _OBJECTIVE)
        if action.code is not None:
            action.code = scrub.clean(action.code, origin, _CODE)
        if action.parent_title is not None:
            action.parent_title = without_invisible(action.parent_title).strip() or action.parent_title
        if action.parent_ref is not None:
            action.parent_ref = scrub.clean(action.parent_ref, origin, _PARENT)
        for attribute, name in list(action.actors.items()):
            action.actors[attribute] = scrub.clean(name, origin, (attribute, _ACTOR_LABELS.get(attribute, "nom")))
        own_row_refused = scrub.refused > refused
        lines = []
        for funding in action.funding:
            before = scrub.refused
            funding.funder = scrub.clean(funding.funder, funding.origin, ("funder_name", "financeur"))
            if scrub.refused == before:
                lines.append(funding)
            elif funding.origin == origin:
                own_row_refused = True
        action.funding = lines
        milestones = []
        for milestone in action.milestones:
            before = scrub.refused
            milestone.title = scrub.clean(milestone.title, milestone.origin, ("milestone", "jalon"))
            if scrub.refused == before:
                milestones.append(milestone)
            elif milestone.origin == origin:
                own_row_refused = True
        action.milestones = milestones
        if not own_row_refused:
            kept.append(action)
    plan.actions = kept
    plan.headings = [
        (without_invisible(axis).strip() or axis, None if objective is None else without_invisible(objective).strip())
        for axis, objective in plan.headings
    ]
