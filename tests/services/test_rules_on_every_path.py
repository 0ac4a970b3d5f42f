"""Every business rule that ties fields together, checked through every path that writes: creating, updating,
importing a plan, putting a deleted record back, and undo / redo (the GUI's Editor).

`TABLE` lists the rules (domain/rules.py, applied by services/checks.py) and, for each path, a scenario — or
why the path cannot break the rule. A rule's consequence must show on every path; a refusal must be a French
message naming the field, with nothing written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from ti_desktop.db import models
from ti_desktop.domain.enums import ActionStatus, CustomFieldKind, FundingStatus
from ti_desktop.domain.errors import TiDesktopError, ValidationError
from ti_desktop.domain.records import ActionRecord
from ti_desktop.gui.editing import Editor
from ti_desktop.services import checks
from ti_desktop.services.importing import ImportRefusedError

from .conftest import TODAY, World

PATHS = ("création", "modification", "import", "remise en place", "annulation")
EARLIER = dt.date(2026, 10, 1)


@dataclass
class Bench:
    """A territory, its services, an Editor as the window has, and a folder for the files to import."""

    world: World
    folder: Path
    errors: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.stack = QUndoStack()
        self.editor = Editor(self.stack, self.services.versions, lambda: None, self.errors.append)
        self.editor.on_conflict = self.conflicts.append

    @property
    def services(self):  # type: ignore[no-untyped-def]
        return self.world.services

    def action(self, title: str = "Plateforme d'innovation", **values: object) -> ActionRecord:
        return self.world.action(title, **values)

    def get(self, action_id: int) -> ActionRecord:
        return self.services.actions.get(action_id)

    def objective(self, axis: str = "INN", code: str = "1.1") -> int:
        territory = self.world.territory.id
        made = self.services.objectives.create(
            territory_id=territory, axis_id=self.world.axis[axis], code=code, title="Favoriser l'innovation"
        )
        return int(made.id)

    def import_csv(self, *lines: str) -> list[str]:
        """Import a plan (a ;-separated CSV); the errors of the report, [] when it was written."""
        path = self.folder / "plan.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            self.services.imports.apply(self.world.territory.id, path)
        except ImportRefusedError as refused:
            return [str(issue) for issue in refused.preview.errors]
        return []

    def imported(self, title: str) -> ActionRecord:
        return next(a for a in self.services.actions.for_territory(self.world.territory.id) if a.title == title)


@pytest.fixture
def bench(world: World, tmp_path: Path, qapp: object) -> Bench:
    return Bench(world, tmp_path)


def refused(call: Callable[[], object], field_name: str, words: str) -> None:
    """`call` is refused with a French message naming the field."""
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == field_name and words in caught.value.message, caught.value.message


def put_back_refused(bench: Bench, record: ActionRecord, field_name: str, words: str) -> None:
    """A deleted action put back where the rules no longer allow it: refused, still absent."""
    refused(lambda: bench.services.actions.restore(record), field_name, words)
    assert record.id not in {a.id for a in bench.services.actions.list()}


# -- réalisée ⇒ 100 % and an actual end ----------------------------------------------------------------


def done_on_create(b: Bench) -> None:
    made = b.services.actions.create(
        territory_id=b.world.territory.id, axis_id=b.world.axis["INN"], title="Fini", status=ActionStatus.REALISEE
    )
    assert (made.progress, made.actual_end) == (100, TODAY)
    refused(lambda: b.action("Autre", status=ActionStatus.REALISEE, progress=40), "progress", "réalisée")


def done_on_update(b: Bench) -> None:
    action = b.action(progress=60)
    done = b.services.actions.update(action.id, status=ActionStatus.REALISEE)
    assert (done.progress, done.actual_end) == (100, TODAY)


def done_on_import(b: Bench) -> None:
    assert b.import_csv("Intitulé;Axe;Statut", "Atelier partagé;Innovation;Réalisée") == []
    assert (b.imported("Atelier partagé").progress, b.imported("Atelier partagé").actual_end) == (100, TODAY)
    errors = b.import_csv("Intitulé;Axe;Statut;Avancement (%)", "Atelier bis;Innovation;Réalisée;40")
    assert len(errors) == 1 and "réalisée" in errors[0] and "ligne 2" in errors[0]


def done_on_restore(b: Bench) -> None:
    action = b.action(progress=40)
    b.services.actions.delete(action.id)
    put_back_refused(b, dataclasses.replace(action, status=ActionStatus.REALISEE), "progress", "réalisée")


def done_on_undo(b: Bench) -> None:
    action = b.action(progress=60)
    b.editor.update(b.services.actions, action.id, "Réaliser", status=ActionStatus.REALISEE)
    assert (b.get(action.id).progress, b.get(action.id).actual_end) == (100, TODAY)
    b.stack.undo()
    back = b.get(action.id)
    assert (back.status, back.progress, back.actual_end) == (ActionStatus.EN_COURS, 60, None)
    b.stack.redo()
    assert (b.get(action.id).progress, b.get(action.id).actual_end) == (100, TODAY)


# -- reopening a réalisée action removes its actual end --------------------------------------------------


def reopened_on_update(b: Bench) -> None:
    action = b.action(status=ActionStatus.REALISEE, progress=100, actual_end=EARLIER)
    reopened = b.services.actions.update(action.id, status=ActionStatus.EN_COURS)
    assert (reopened.actual_end, reopened.progress) == (None, 100)
    dropped = b.action("Abandonnée", status=ActionStatus.REALISEE, progress=100, actual_end=EARLIER)
    assert b.services.actions.update(dropped.id, status=ActionStatus.ABANDONNEE).actual_end == EARLIER


def reopened_on_import(b: Bench) -> None:
    b.action(code="INN-01", status=ActionStatus.REALISEE, progress=100, actual_end=EARLIER)
    assert b.import_csv("Code;Intitulé;Axe;Statut", "INN-01;Plateforme d'innovation;Innovation;En cours") == []
    assert b.imported("Plateforme d'innovation").actual_end is None


def reopened_on_undo(b: Bench) -> None:
    action = b.action(status=ActionStatus.REALISEE, progress=100, actual_end=EARLIER)
    b.editor.update(b.services.actions, action.id, "Rouvrir", status=ActionStatus.EN_COURS)
    assert b.get(action.id).actual_end is None
    b.stack.undo()
    assert (b.get(action.id).status, b.get(action.id).actual_end) == (ActionStatus.REALISEE, EARLIER)


# -- the objective belongs to the action's axis; a new axis drops the old one's -------------------------


def objective_on_create(b: Bench) -> None:
    objective = b.objective("INN")
    refused(lambda: b.action(axis="COM", objective_id=objective), "objective_id", "ne relève pas de l'axe")
    assert b.action(axis="INN", objective_id=objective).objective_id == objective


def objective_on_update(b: Bench) -> None:
    action = b.action(objective_id=b.objective("INN"))
    moved = b.services.actions.update(action.id, axis_id=b.world.axis["COM"])
    assert (moved.axis_id, moved.objective_id) == (b.world.axis["COM"], None)


def objective_on_import(b: Bench) -> None:
    b.action(code="INN-01", objective_id=b.objective("INN"))
    assert b.import_csv("Code;Intitulé;Axe", "INN-01;Plateforme d'innovation;Compétences") == []
    moved = b.imported("Plateforme d'innovation")
    assert (moved.axis_id, moved.objective_id) == (b.world.axis["COM"], None)


def objective_on_restore(b: Bench) -> None:
    objective = b.objective("INN")
    action = b.action(objective_id=objective)
    b.services.actions.delete(action.id)
    b.services.objectives.update(objective, axis_id=b.world.axis["FON"])  # the objective moved meanwhile
    put_back_refused(b, action, "objective_id", "ne relève pas de l'axe")


def objective_on_undo(b: Bench) -> None:
    objective = b.objective("INN")
    action = b.action(objective_id=objective)
    b.editor.update(b.services.actions, action.id, "Changer d'axe", axis_id=b.world.axis["COM"])
    assert b.get(action.id).objective_id is None
    b.stack.undo()
    assert (b.get(action.id).axis_id, b.get(action.id).objective_id) == (b.world.axis["INN"], objective)
    b.stack.redo()
    b.services.objectives.update(objective, axis_id=b.world.axis["FON"])  # the objective moved meanwhile
    b.stack.undo()  # would put the action back with an objective of another axis: refused, nothing written
    assert b.errors and "ne relève pas de l'axe" in b.errors[-1]
    assert (b.get(action.id).axis_id, b.get(action.id).objective_id) == (b.world.axis["COM"], None)


# -- a sous-action lives in its parent's territory and axis -----------------------------------------------


def sub_action_on_create(b: Bench) -> None:
    parent = b.action("Parente")
    refused(lambda: b.action("Fille", axis="COM", parent_id=parent.id), "axis_id", "l'axe de son action parente")
    elsewhere = b.services.territories.create(name="Autre territoire")
    refused(
        lambda: b.services.actions.create(
            territory_id=elsewhere.id, axis_id=b.world.axis["INN"], title="Intruse", parent_id=parent.id
        ),
        "parent_id",
        "autre territoire",
    )
    assert b.action("Fille", parent_id=parent.id).parent_id == parent.id


def sub_action_on_update(b: Bench) -> None:
    parent = b.action("Parente")
    child = b.action("Fille", parent_id=parent.id, objective_id=b.objective("INN"))
    b.services.actions.update(parent.id, axis_id=b.world.axis["COM"])  # the sous-action follows
    assert (b.get(child.id).axis_id, b.get(child.id).objective_id) == (b.world.axis["COM"], None)
    other = b.action("Autre parente", axis="FON")
    assert b.services.actions.update(child.id, parent_id=other.id).axis_id == b.world.axis["FON"]
    refused(
        lambda: b.services.actions.update(child.id, axis_id=b.world.axis["TEC"], parent_id=other.id),
        "axis_id",
        "parente",
    )


def sub_action_on_import(b: Bench) -> None:
    b.action("Parente", code="INN-01")
    errors = b.import_csv("Intitulé;Axe;Action parente", "Fille;Compétences;INN-01")
    assert len(errors) == 1 and "l'axe de son action parente" in errors[0]
    assert b.import_csv("Intitulé;Axe;Action parente", "Fille;Innovation;INN-01") == []
    assert b.imported("Fille").parent_id is not None


def sub_action_on_restore(b: Bench) -> None:
    parent = b.action("Parente")
    child = b.action("Fille", parent_id=parent.id)
    b.services.actions.delete(child.id)
    b.services.actions.update(parent.id, axis_id=b.world.axis["COM"])  # the parent moved meanwhile
    put_back_refused(b, child, "axis_id", "l'axe de son action parente")


def sub_action_on_undo(b: Bench) -> None:
    parent = b.action("Parente")
    objective = b.objective("INN")
    child = b.action("Fille", parent_id=parent.id, objective_id=objective)
    b.editor.update(b.services.actions, parent.id, "Changer d'axe", axis_id=b.world.axis["COM"])
    assert b.get(child.id).axis_id == b.world.axis["COM"]
    b.stack.undo()  # the parent and its sous-action back, the sous-action's objective too
    assert (b.get(parent.id).axis_id, b.get(child.id).axis_id) == (b.world.axis["INN"],) * 2
    assert b.get(child.id).objective_id == objective
    b.stack.redo()
    assert b.get(child.id).axis_id == b.world.axis["COM"] and b.errors == [] == b.conflicts


# -- an end is never before its start ---------------------------------------------------------------------


def dates_on_create(b: Bench) -> None:
    late_start = {"planned_start": dt.date(2026, 6, 1), "planned_end": dt.date(2026, 1, 1)}
    refused(lambda: b.action(**late_start), "planned_end", "antérieur")
    line = {
        "funder_name": "Région",
        "amount_requested": Decimal(100),
        "filed_on": dt.date(2026, 6, 1),
        "decided_on": dt.date(2026, 1, 1),
    }
    refused(lambda: b.services.funding.create(action_id=b.action().id, **line), "decided_on", "antérieur")


def dates_on_update(b: Bench) -> None:
    action = b.action(planned_start=dt.date(2026, 3, 1))
    refused(lambda: b.services.actions.update(action.id, planned_end=dt.date(2026, 1, 1)), "planned_end", "antérieur")
    refused(lambda: b.services.actions.update(action.id, actual_end=dt.date(2026, 1, 1)), "actual_end", "antérieur")
    assert b.get(action.id).planned_end is None


def dates_on_import(b: Bench) -> None:
    errors = b.import_csv("Intitulé;Axe;Date de début;Date de fin", "Atelier;Innovation;01/06/2026;01/01/2026")
    assert len(errors) == 1 and "antérieur" in errors[0]
    assert b.services.actions.for_territory(b.world.territory.id) == []


def dates_on_restore(b: Bench) -> None:
    action = b.action(planned_start=dt.date(2026, 3, 1))
    b.services.actions.delete(action.id)
    put_back_refused(b, dataclasses.replace(action, planned_end=dt.date(2026, 1, 1)), "planned_end", "antérieur")


def dates_on_undo(b: Bench) -> None:
    action = b.action(planned_start=dt.date(2026, 3, 1), planned_end=dt.date(2026, 4, 1))
    b.editor.update(b.services.actions, action.id, "Décaler la fin", planned_end=dt.date(2026, 12, 1))
    b.services.actions.update(action.id, planned_start=dt.date(2026, 6, 1))  # a later edit of this window
    b.stack.undo()  # would end the action (01/04) before it starts (01/06): refused
    assert b.errors and "antérieur" in b.errors[-1]
    assert b.get(action.id).planned_end == dt.date(2026, 12, 1)


# -- amounts are never negative -----------------------------------------------------------------------------


def amounts_on_create(b: Bench) -> None:
    refused(lambda: b.action(planned_budget=Decimal("-1")), "planned_budget", "négatif")
    refused(
        lambda: b.services.funding.create(action_id=b.action().id, funder_name="Région", amount_requested=Decimal(-5)),
        "amount_requested",
        "négatif",
    )


def amounts_on_update(b: Bench) -> None:
    action = b.action(planned_budget=Decimal(1000))
    refused(lambda: b.services.actions.update(action.id, planned_budget=Decimal("-0.01")), "planned_budget", "négatif")
    assert b.get(action.id).planned_budget == Decimal(1000)


def amounts_on_import(b: Bench) -> None:
    errors = b.import_csv("Intitulé;Axe;Coût total HT (€)", "Atelier;Innovation;-1 000 €")
    assert len(errors) == 1 and "négatif" in errors[0]


def amounts_on_restore(b: Bench) -> None:
    action = b.action(planned_budget=Decimal(1000))
    b.services.actions.delete(action.id)
    # The database's own constraint, in French, naming the field it guards.
    with pytest.raises(TiDesktopError, match="Budget prévisionnel : la base a refusé cette valeur"):
        b.services.actions.restore(dataclasses.replace(action, planned_budget=Decimal(-1)))
    assert action.id not in {a.id for a in b.services.actions.list()}


# -- a granted funding says how much ------------------------------------------------------------------------


def granted_on_create(b: Bench) -> None:
    action = b.action()
    refused(
        lambda: b.services.funding.create(
            action_id=action.id, funder_name="Région", amount_requested=Decimal(100), status=FundingStatus.ACCORDE
        ),
        "amount_granted",
        "obligatoire",
    )


def granted_on_update(b: Bench) -> None:
    line = b.services.funding.create(action_id=b.action().id, funder_name="Région", amount_requested=Decimal(100))
    refused(lambda: b.services.funding.update(line.id, status=FundingStatus.VERSE), "amount_granted", "obligatoire")


def granted_on_import(b: Bench) -> None:
    errors = b.import_csv(
        "Intitulé;Axe;Financeur;Montant demandé (€);Statut du financement",
        "Atelier;Innovation;Région;10 000;Accordé",
    )
    assert len(errors) == 1 and "Montant accordé" in errors[0]


def granted_on_restore(b: Bench) -> None:
    line = b.services.funding.create(action_id=b.action().id, funder_name="Région", amount_requested=Decimal(100))
    b.services.funding.delete(line.id)
    refused(
        lambda: b.services.funding.restore(dataclasses.replace(line, status=FundingStatus.ACCORDE)),
        "amount_granted",
        "obligatoire",
    )
    assert b.services.funding.list() == []


# -- an indicator's target comes after its baseline ----------------------------------------------------------


def indicator_on_create(b: Bench) -> None:
    values = {"baseline_on": dt.date(2026, 1, 1), "target_on": dt.date(2025, 1, 1)}
    refused(
        lambda: b.services.indicators.create(territory_id=b.world.territory.id, name="Emplois", **values),
        "target_on",
        "antérieur",
    )


def indicator_on_update(b: Bench) -> None:
    made = b.services.indicators.create(territory_id=b.world.territory.id, name="Emplois", baseline_on=EARLIER)
    refused(lambda: b.services.indicators.update(made.id, target_on=dt.date(2025, 1, 1)), "target_on", "antérieur")


def indicator_on_restore(b: Bench) -> None:
    made = b.services.indicators.create(territory_id=b.world.territory.id, name="Emplois", baseline_on=EARLIER)
    b.services.indicators.delete(made.id)
    refused(
        lambda: b.services.indicators.restore(dataclasses.replace(made, target_on=dt.date(2025, 1, 1))),
        "target_on",
        "antérieur",
    )


# -- a point d'avancement saying réalisée says 100 %, and completes its action -------------------------------


def update_on_create(b: Bench) -> None:
    action = b.action(progress=30)
    said = {"action_id": action.id, "reported_on": EARLIER, "status": ActionStatus.REALISEE, "done": "Fini"}
    refused(lambda: b.services.updates.create(**said, progress=40), "progress", "réalisée")
    assert b.services.updates.create(**said, progress=100).progress == 100
    done = b.get(action.id)  # the action takes the update's status, and ends on the day it says so
    assert (done.status, done.progress, done.actual_end) == (ActionStatus.REALISEE, 100, EARLIER)


def update_on_update(b: Bench) -> None:
    action = b.action(progress=30)
    made = b.services.updates.create(
        action_id=action.id, reported_on=EARLIER, status=ActionStatus.EN_COURS, progress=50
    )
    refused(lambda: b.services.updates.update(made.id, status=ActionStatus.REALISEE), "progress", "réalisée")
    assert b.services.updates.update(made.id, status=ActionStatus.REALISEE, progress=100).progress == 100


def update_on_restore(b: Bench) -> None:
    action = b.action(progress=30)
    made = b.services.updates.create(
        action_id=action.id, reported_on=EARLIER, status=ActionStatus.EN_COURS, progress=50
    )
    b.services.updates.delete(made.id)
    refused(
        lambda: b.services.updates.restore(dataclasses.replace(made, status=ActionStatus.REALISEE)),
        "progress",
        "réalisée",
    )


# -- a custom field's name is its territory's own, whatever its case and accents -------------------------------


def custom_name_on_create(b: Bench) -> None:
    b.services.custom_fields.define(b.world.territory.id, "Cibles", CustomFieldKind.TEXT)
    refused(
        lambda: b.services.custom_fields.define(b.world.territory.id, "CIBLÉS", CustomFieldKind.TEXT), "name", "déjà"
    )


def custom_name_on_update(b: Bench) -> None:
    b.services.custom_fields.define(b.world.territory.id, "Cibles", CustomFieldKind.TEXT)
    other = b.services.custom_fields.define(b.world.territory.id, "Calendrier", CustomFieldKind.TEXT)
    refused(lambda: b.services.custom_fields.update(other.id, name="cibles"), "name", "déjà")


def custom_name_on_import(b: Bench) -> None:
    """A kept column named like a field of the territory fills that field: no second one."""
    from ti_desktop.exchange.plan_import import ActionImport, CustomColumn, Origin, PlanImport

    field = b.services.custom_fields.define(b.world.territory.id, "Cibles", CustomFieldKind.TEXT)
    plan = PlanImport(
        path=b.folder / "plan.xlsx",
        actions=[ActionImport(Origin("Actions", 2), "Innovation", None, "Atelier", custom_values={"CIBLES": "PME"})],
        custom_columns=[CustomColumn("CIBLES", CustomFieldKind.TEXT)],
    )
    b.services.imports.read = lambda path, sheet=None, mapping=None, unmapped="keep": plan
    assert b.services.imports.apply(b.world.territory.id, plan.path).custom_fields_created == []
    assert b.services.custom_fields.for_territory(b.world.territory.id) == [field]


def custom_name_on_restore(b: Bench) -> None:
    field = b.services.custom_fields.define(b.world.territory.id, "Cibles", CustomFieldKind.TEXT)
    b.services.custom_fields.define(b.world.territory.id, "Calendrier", CustomFieldKind.TEXT)  # ids move on
    b.services.custom_fields.delete(field.id)
    b.services.custom_fields.define(b.world.territory.id, "cibles", CustomFieldKind.NUMBER)
    refused(lambda: b.services.custom_fields.restore(field), "name", "déjà")


def custom_name_on_undo(b: Bench) -> None:
    field = b.services.custom_fields.define(b.world.territory.id, "Cibles", CustomFieldKind.TEXT)
    b.services.custom_fields.define(b.world.territory.id, "Calendrier", CustomFieldKind.TEXT)  # ids move on
    b.editor.delete(b.services.custom_fields, field.id, "Supprimer le champ", field.version)
    b.services.custom_fields.define(b.world.territory.id, "CIBLES", CustomFieldKind.TEXT)  # meanwhile
    b.stack.undo()
    assert b.errors and "le territoire a déjà le champ « CIBLES »" in b.errors[-1]
    assert [f.name for f in b.services.custom_fields.for_territory(b.world.territory.id)] == ["Calendrier", "CIBLES"]


@dataclass(frozen=True)
class Rule:
    name: str
    entities: tuple[type[models.Base], ...]  # whose rule in services/checks.RULES (or field specs) carries it
    paths: dict[str, Callable[[Bench], None] | str]  # a scenario, or why the path cannot break the rule


RESTORED_AS_IT_WAS = "une remise en place rend l'enregistrement tel qu'il était : aucun changement de statut"
IMPORT_HAS_NO_INDICATORS = "l'import de plan ne crée pas d'indicateurs (l'import de valeurs ne touche pas aux dates)"
IMPORT_HAS_NO_UPDATES = "l'import de plan n'apporte pas de points d'avancement"
NO_UNDO_BREAKS_IT = "une annulation remet des valeurs déjà validées, que rien d'autre ne rend invalides"
TABLE = (
    Rule(
        "réalisée ⇒ 100 % et fin réelle",
        (models.Action,),
        {
            "création": done_on_create,
            "modification": done_on_update,
            "import": done_on_import,
            "remise en place": done_on_restore,
            "annulation": done_on_undo,
        },
    ),
    Rule(
        "réouverture ⇒ plus de fin réelle",
        (models.Action,),
        {
            "création": "une action créée ne se rouvre pas",
            "modification": reopened_on_update,
            "import": reopened_on_import,
            "remise en place": RESTORED_AS_IT_WAS,
            "annulation": reopened_on_undo,
        },
    ),
    Rule(
        "l'objectif relève de l'axe ; un nouvel axe retire celui de l'ancien",
        (models.Action, models.Objective),
        {
            "création": objective_on_create,
            "modification": objective_on_update,
            "import": objective_on_import,
            "remise en place": objective_on_restore,
            "annulation": objective_on_undo,
        },
    ),
    Rule(
        "sous-action dans le territoire et l'axe de sa parente",
        (models.Action,),
        {
            "création": sub_action_on_create,
            "modification": sub_action_on_update,
            "import": sub_action_on_import,
            "remise en place": sub_action_on_restore,
            "annulation": sub_action_on_undo,
        },
    ),
    Rule(
        "une fin n'est jamais avant son début",
        (models.Action, models.FundingLine, models.Indicator),
        {
            "création": dates_on_create,
            "modification": dates_on_update,
            "import": dates_on_import,
            "remise en place": dates_on_restore,
            "annulation": dates_on_undo,
        },
    ),
    Rule(
        "montants positifs ou nuls",
        (models.Action, models.FundingLine),
        {
            "création": amounts_on_create,
            "modification": amounts_on_update,
            "import": amounts_on_import,
            "remise en place": amounts_on_restore,
            "annulation": NO_UNDO_BREAKS_IT,
        },
    ),
    Rule(
        "financement accordé ou versé ⇒ montant accordé",
        (models.FundingLine,),
        {
            "création": granted_on_create,
            "modification": granted_on_update,
            "import": granted_on_import,
            "remise en place": granted_on_restore,
            "annulation": NO_UNDO_BREAKS_IT,
        },
    ),
    Rule(
        "cible d'un indicateur après sa référence",
        (models.Indicator,),
        {
            "création": indicator_on_create,
            "modification": indicator_on_update,
            "import": IMPORT_HAS_NO_INDICATORS,
            "remise en place": indicator_on_restore,
            "annulation": NO_UNDO_BREAKS_IT,
        },
    ),
    Rule(
        "point d'avancement réalisé ⇒ 100 %, et son action achevée ce jour-là",
        (models.ProgressUpdate,),
        {
            "création": update_on_create,
            "modification": update_on_update,
            "import": IMPORT_HAS_NO_UPDATES,
            "remise en place": update_on_restore,
            "annulation": NO_UNDO_BREAKS_IT,
        },
    ),
    Rule(
        "un champ personnalisé porte un nom propre à son territoire",
        (models.CustomField,),
        {
            "création": custom_name_on_create,
            "modification": custom_name_on_update,
            "import": custom_name_on_import,
            "remise en place": custom_name_on_restore,
            "annulation": custom_name_on_undo,
        },
    ),
)
CASES = [(rule, path) for rule in TABLE for path in PATHS if callable(rule.paths[path])]


def test_the_table_covers_every_path_of_every_rule_and_every_entity_with_rules() -> None:
    for rule in TABLE:
        assert set(rule.paths) == set(PATHS), rule.name
        assert all(callable(step) or (isinstance(step, str) and step) for step in rule.paths.values()), rule.name
    covered = {entity for rule in TABLE for entity in rule.entities}
    # The diagnostic items' and meeting items' rules (same territory) are checked in test_entities.py.
    assert set(checks.RULES) - covered == {
        models.DiagnosticSection,
        models.SwotItem,
        models.Challenge,
        models.AgendaItem,
        models.Decision,
    }


@pytest.mark.parametrize(("rule", "path"), CASES, ids=[f"{rule.name} — {path}" for rule, path in CASES])
def test_the_rule_holds_on_the_path(rule: Rule, path: str, bench: Bench) -> None:
    scenario = rule.paths[path]
    assert callable(scenario)
    scenario(bench)
