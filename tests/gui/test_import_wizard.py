"""The plan import wizard, driven like a user: a TeT plan goes straight to its report and into the database; a
table's columns are suggested, corrected and remembered; errors keep « Suivant » disabled and write nothing;
cancelling a check or an import writes nothing."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget, QWizard
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.exchange import plan_columns as exchange_columns
from ti_desktop.gui.dialogs.export_dialog import ExportDialog
from ti_desktop.gui.dialogs.import_wizard import MAPPING_BY_HEADERS_KEY, MAPPING_KEY, ImportWizard, PageId
from ti_desktop.gui.dialogs.indicator_import_dialog import IndicatorImportDialog
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.services import import_columns as plan_columns
from ti_desktop.services.importing import ImportService
from ti_desktop.services.maintenance import OpenDatabase

from ..clock import pause

PEERS = Path(__file__).resolve().parents[3] / "shared" / "peers" / "territoires-en-transitions"
if not PEERS.is_dir():
    PEERS = Path("/work/shared/peers/territoires-en-transitions")
TIMEOUT = 60_000
CSV_HEADER = "Intitulé;Thématique;Porteur;Échéance;Coût total HT;Précisions"


def make_wizard(qtbot: QtBot, context: TestContext) -> ImportWizard:
    wizard = ImportWizard(context, context.services)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def choose(qtbot: QtBot, wizard: ImportWizard, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through « Parcourir… », as a user does; waits until the file is read."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.file_page.runner.is_running(), timeout=TIMEOUT)


def next_page(qtbot: QtBot, wizard: ImportWizard) -> None:
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled(), f"« Suivant » is disabled on page {wizard.currentId()}"
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)


def wait_checked(qtbot: QtBot, wizard: ImportWizard) -> None:
    assert wizard.currentId() == PageId.VALIDATION
    qtbot.waitUntil(lambda: not wizard.validation_page.is_running(), timeout=TIMEOUT)


def import_now(qtbot: QtBot, wizard: ImportWizard) -> None:
    assert wizard.currentId() == PageId.CONFIRM
    qtbot.mouseClick(wizard.confirm_page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.confirm_page.is_running(), timeout=TIMEOUT)


def titles(context: TestContext) -> list[str]:
    return [action.title for action in context.services.actions.for_territory(context.territory_id or 0)]


def write_csv(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_tet_plan_goes_through_to_the_database(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = titles(context)
    changed: list[bool] = []
    messages: list[str] = []
    context.data_changed.connect(lambda: changed.append(True))
    context.status_message.connect(messages.append)
    wizard = make_wizard(qtbot, context)
    assert wizard.windowTitle() == "Importer un plan d'action"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no file yet

    choose(qtbot, wizard, PEERS / "plan_with_sous_actions.xlsx", monkeypatch)
    assert (
        wizard.file_page.state_label.text()
        == "Plan Territoires en Transitions (ancien modèle d'import à 28 colonnes) : 5 lignes."
    )
    next_page(qtbot, wizard)  # one sheet, fixed TeT columns: straight to the check
    wait_checked(qtbot, wizard)
    report = wizard.validation_page.report
    assert "À créer : 7 actions (dont 3 sous-actions)" in report.summary()
    assert [row[0] for row in report.change_rows()] == ["Création"] * 7
    assert titles(context) == before, "the check writes nothing"

    next_page(qtbot, wizard)
    assert wizard.currentId() == PageId.CONFIRM
    assert "plan_with_sous_actions.xlsx" in wizard.confirm_page.summary_label.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # nothing imported yet
    import_now(qtbot, wizard)

    assert wizard.imported is not None and wizard.imported.written
    assert wizard.confirm_page.state_label.text() == "Import terminé."
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    assert changed, "the pages are told to reload"
    assert messages[-1] == "Plan importé depuis « plan_with_sous_actions.xlsx » : 7 actions créées."
    actions = context.services.actions.for_territory(context.territory_id or 0)
    new = {action.title: action for action in actions if action.title not in before}
    assert set(new) == {
        "Action normale",
        "Action 1",
        "Sous-action 1.1",
        "Sous-action 1.2",
        "Action 2",
        "Action 3",
        "Sous-action 3.1",
    }
    assert new["Sous-action 1.2"].parent_id == new["Action 1"].id
    assert new["Sous-action 3.1"].parent_id == new["Action 3"].id
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()


def test_the_current_tet_template_is_recognised(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ..exchange.test_tet_current import filled_template

    rows: list[dict[str, object]] = [{"A": "Axe 1", "D": "Fiche une"}, {"A": "Axe 1", "D": "Fiche deux"}]
    path = filled_template(tmp_path, rows, keep_example=True)
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, path, monkeypatch)
    assert wizard.file_page.state_label.text() == "3 feuilles : vous choisirez celle à importer à l'étape suivante."
    next_page(qtbot, wizard)
    table = wizard.sheet_page.table
    kinds = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert kinds["Fichier dimport"] == "Plan Territoires en Transitions (modèle d'import actuel)"
    next_page(qtbot, wizard)
    wait_checked(qtbot, wizard)
    report = wizard.validation_page.report
    assert "À créer : 2 actions" in report.summary()
    shown = [report.issues_model.issue(row).message for row in range(report.issues_model.rowCount())]
    assert any("fiche d'exemple du modèle Territoires en Transitions" in message for message in shown)


def test_several_sheets_offer_a_choice(qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, PEERS / "complex_plan.xlsx", monkeypatch)
    assert wizard.file_page.state_label.text().startswith("3 feuilles")
    next_page(qtbot, wizard)
    page = wizard.sheet_page
    assert wizard.currentId() == PageId.SHEET
    table = page.table
    rows = [[table.item(row, column).text() for column in range(5)] for row in range(table.rowCount())]
    assert rows[1] == [
        "Fichier dimport",
        "Plan Territoires en Transitions (ancien modèle d'import à 28 colonnes)",
        "2",
        "36",
        "29",
    ]
    assert rows[0][0:3] == ["Mode demploi", "Tableau", "introuvable"]
    assert table.selectionModel().selectedRows()[0].row() == 1  # the TeT sheet, chosen by default

    page.select("Mode demploi")  # no header: nothing to import there
    assert "Aucune ligne d'en-tête" in page.warning_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.select("Listes déroulantes")  # a table: its columns are asked for
    next_page(qtbot, wizard)
    assert wizard.currentId() == PageId.MAPPING
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    page.select("Fichier dimport")  # the TeT sheet skips the columns
    next_page(qtbot, wizard)
    wait_checked(qtbot, wizard)
    assert wizard.validation_page.preview is not None
    assert wizard.validation_page.preview.sheet == "Fichier dimport"


def test_table_columns_are_suggested_corrected_and_remembered(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = write_csv(
        tmp_path / "plan-partenaires.csv",
        CSV_HEADER,
        [
            "Pépinière d'entreprises de Bitche;Foncier;Communauté de communes du Pays de Bitche;"
            "15/03/2027;1 250 000 €;Bâtiment de 1 200 m² à rénover",
            "Formation de soudeurs;Compétences;Lycée Teyssier;30/06/2027;45 000;Avec Pôle emploi",
        ],
    )
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, first, monkeypatch)
    assert wizard.file_page.state_label.text() == "Tableau « plan-partenaires » : 2 lignes, 6 colonnes."
    next_page(qtbot, wizard)
    page = wizard.mapping_page
    assert wizard.currentId() == PageId.MAPPING
    # Suggestions from the headers' names and synonyms; « Précisions » is not recognised.
    assert page.choice("Intitulé") == "titre"
    assert page.choice("Thématique") == "axe"
    assert page.choice("Porteur") == "maitre_ouvrage"
    assert page.choice("Échéance") == "date_fin"
    assert page.choice("Coût total HT") == "budget"
    assert page.choice("Précisions") == plan_columns.KEEP_AS_CUSTOM  # nothing lost unless the user says so
    assert page.table.item(0, 2).text() == "Pépinière d'entreprises de Bitche  ·  Formation de soudeurs"
    combo = page.combo_for("Précisions")
    assert combo.currentText() == "Garder comme champ personnalisé"
    assert combo.findText("Description (description)") > 0
    assert page.warnings() == ""

    combo.setCurrentIndex(combo.findData("description"))  # the user corrects one column
    next_page(qtbot, wizard)
    wait_checked(qtbot, wizard)
    assert "À créer : 2 actions" in wizard.validation_page.report.summary()
    next_page(qtbot, wizard)
    import_now(qtbot, wizard)
    assert wizard.imported is not None and wizard.imported.actions_created == 2
    actions = {action.title: action for action in context.services.actions.for_territory(context.territory_id or 0)}
    pepiniere = actions["Pépinière d'entreprises de Bitche"]
    assert pepiniere.description == "Bâtiment de 1 200 m² à rénover"  # the column the user chose
    assert str(pepiniere.planned_budget) in ("1250000", "1250000.00")
    assert pepiniere.planned_end is not None and pepiniere.planned_end.isoformat() == "2027-03-15"
    remembered = json.loads(str(context.settings.value(MAPPING_KEY)))
    assert remembered["precisions"] == "description"

    # A similar file later: the corrected column is recognised directly (header written differently).
    second = write_csv(
        tmp_path / "plan-2028.csv",
        CSV_HEADER.replace("Précisions", "PRÉCISIONS"),
        ["Atelier de prototypage;Innovation;Pôle Plasturgie de l'Est;31/12/2028;300 000;Imprimantes 3D"],
    )
    again = make_wizard(qtbot, context)
    choose(qtbot, again, second, monkeypatch)
    next_page(qtbot, again)
    assert again.mapping_page.choice("PRÉCISIONS") == "description"
    assert again.mapping_page.choice("Intitulé") == "titre"


def test_unrecognised_columns_are_kept_by_default_listed_and_their_choice_remembered_for_those_headers(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    header = "N° fiche;Intitulé;Axe;Financeur principal;Subvention sollicitée;Précisions;Référent Région"
    rows = [
        "F-1;Pépinière;Foncier;Région Grand Est;120 000;À revoir en comité;M. Martin",
        "F-2;Soudeurs;Compétences;État;80 000;;Mme Durand",
        "F-3;Fab lab;Innovation;;;Urgent;M. Martin",
    ]
    path = write_csv(tmp_path / "suivi.csv", header, rows)
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    page = wizard.mapping_page
    assert [page.choice(name) for name in ("N° fiche", "Financeur principal", "Subvention sollicitée")] == [
        "code",
        "financeur",
        "montant_demande",
    ]
    observations = page.combo_for("Précisions")
    assert observations.currentText() == "Garder comme champ personnalisé"
    assert [observations.itemText(index) for index in range(3)] == [
        "Garder comme champ personnalisé",
        "Ajouter aux notes",
        "Ignorer",
    ]
    assert page.unmapped_label.isVisible()
    assert page.unmapped_label.text().splitlines() == [
        "Colonnes sans champ de TI Desktop (rien n'est perdu sans votre accord) :",
        "Précisions (F) : 2 cellules remplies, ex. « À revoir en comité », « Urgent » — gardée comme champ "
        "personnalisé",
        "Référent Région (G) : 3 cellules remplies, ex. « M. Martin », « Mme Durand » — gardée comme champ "
        "personnalisé",
    ]
    observations.setCurrentIndex(observations.findData(plan_columns.APPEND_TO_NOTES))
    assert page.unmapped_label.text().splitlines()[1].endswith("— ajoutée aux notes")
    referent = page.combo_for("Référent Région")
    referent.setCurrentIndex(referent.findData(plan_columns.IGNORE))
    observations.setCurrentIndex(observations.findData(plan_columns.KEEP_AS_CUSTOM))
    assert page.unmapped_label.text().splitlines()[2].endswith("— ignorée")

    next_page(qtbot, wizard)
    wait_checked(qtbot, wizard)
    messages = [row[4] for row in wizard.validation_page.report.issue_rows()]
    assert any("« Précisions »" in text and "champ personnalisé" in text for text in messages), messages
    assert any("« Référent Région »" in text and "ignorée comme demandé" in text for text in messages), messages
    next_page(qtbot, wizard)
    import_now(qtbot, wizard)
    assert wizard.imported is not None and wizard.imported.actions_created == 3
    remembered = json.loads(str(context.settings.value(MAPPING_BY_HEADERS_KEY)))
    (choices,) = remembered.values()
    assert choices["referent region"] == plan_columns.IGNORE and choices["n° fiche"] == "code"

    # The next file with the same headers (in another order) starts with the user's choices.
    again_path = write_csv(tmp_path / "suivi-juin.csv", header, ["F-4;Campus;Innovation;;;Note;M. Martin"])
    again = make_wizard(qtbot, context)
    choose(qtbot, again, again_path, monkeypatch)
    next_page(qtbot, again)
    assert again.mapping_page.choice("Référent Région") == plan_columns.IGNORE
    # A file with other headers: a policy chosen for one layout is not carried to it; fields are.
    other = write_csv(tmp_path / "autre.csv", "Intitulé;Axe;Référent Région", ["Campus;Innovation;M. Martin"])
    third = make_wizard(qtbot, context)
    choose(qtbot, third, other, monkeypatch)
    next_page(qtbot, third)
    assert third.mapping_page.choice("Référent Région") == plan_columns.KEEP_AS_CUSTOM


def test_a_two_row_header_is_shown_joined(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([None, None, "Financeur 1", None])
    sheet.append(["Intitulé", "Axe", "Nom", "Montant"])
    sheet.append(["Pépinière", "Foncier", "Région", 1000])
    sheet.merge_cells("C1:D1")
    path = tmp_path / "deux-lignes.xlsx"
    book.save(path)
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    page = wizard.mapping_page
    assert page.headers() == ["Intitulé", "Axe", "Financeur 1 – Nom", "Financeur 1 – Montant"]
    assert page.choice("Financeur 1 – Nom") == "financeur" and page.choice("Financeur 1 – Montant") == "montant_demande"
    assert not page.unmapped_label.isVisible()


def test_mapping_warns_about_a_missing_title_and_a_field_chosen_twice(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "plan.csv", CSV_HEADER, ["Pépinière;Foncier;CCPB;15/03/2027;100 000;Note"])
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    page = wizard.mapping_page
    title = page.combo_for("Intitulé")
    title.setCurrentIndex(title.findData(plan_columns.IGNORE))
    assert "intitulé (titre)" in page.warnings()
    assert page.warning_label.isVisible()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # a warning: the check will say more

    title.setCurrentIndex(title.findData("titre"))
    notes = page.combo_for("Précisions")
    notes.setCurrentIndex(notes.findData("budget"))
    assert page.warnings() == "« Coût total HT (€) » est choisi pour plusieurs colonnes (E, F) : gardez-en une seule."
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    notes.setCurrentIndex(notes.findData(plan_columns.IGNORE))
    assert page.warnings() == ""
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def write_plan_with_errors(path: Path, *, broken: bool = True) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Actions"
    sheet.append(["Plan d'action 2027 — version de travail"])
    sheet.append([])
    sheet.append(["Intitulé", "Axe", "Date de début", "Date de fin", "Coût total HT (€)"])
    sheet.append(["Pépinière d'entreprises", "Foncier", "01/02/2027", "30/06/2027", "250 000"])
    sheet.append(["Formation de soudeurs", "Compétences", "31/02/2027" if broken else "28/02/2027", "30/06/2027", ""])
    sheet.append(["Atelier partagé", "Innovation", "01/03/2027", "30/06/2027", "beaucoup" if broken else "12 000"])
    workbook.save(path)
    return path


def test_errors_are_listed_and_keep_the_import_closed(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = titles(context)
    path = write_plan_with_errors(tmp_path / "plan-erreurs.xlsx")
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    assert wizard.mapping_page.choice("Date de début") == "date_debut"
    next_page(qtbot, wizard)
    wait_checked(qtbot, wizard)
    page = wizard.validation_page
    rows = page.report.issue_rows()
    errors = [row for row in rows if row[0] == "Erreur"]
    assert len(errors) == 2
    assert rows[: len(errors)] == errors, "errors come first"
    by_row = {row[2]: row for row in errors}
    assert by_row["5"][1:4] == ["Actions", "5", "C (Date de début)"]
    assert "31/02/2027" in by_row["5"][4]
    assert by_row["6"][1:4] == ["Actions", "6", "E (Coût total HT (€))"]
    assert "beaucoup" in by_row["6"][4]
    assert page.report.summary().startswith("2 erreurs")
    assert "Rien ne sera importé" in page.report.summary()
    assert page.report.tabs.tabText(0) == f"Problèmes ({len(rows)})"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert titles(context) == before

    # The user fixes the file in the spreadsheet, then checks again: the import opens.
    write_plan_with_errors(path, broken=False)
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=TIMEOUT)
    assert not [row for row in page.report.issue_rows() if row[0] == "Erreur"]
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert titles(context) == before


def test_tet_file_with_misplaced_columns_is_refused(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = titles(context)
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, PEERS / "plan_column_order_issue.xlsx", monkeypatch)
    next_page(qtbot, wizard)  # 3 sheets: the TeT one is chosen
    next_page(qtbot, wizard)
    wait_checked(qtbot, wizard)
    messages = " ".join(row[4] for row in wizard.validation_page.report.issue_rows())
    assert 'La colonne B devrait être "Sous-axe (x.x)"' in messages
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert titles(context) == before


def test_a_file_that_is_not_a_spreadsheet_is_explained(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"%PDF-1.7 this is not a workbook")
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, path, monkeypatch)
    assert wizard.file_page.error_label.isVisible()
    assert "plan.xlsx" in wizard.file_page.error_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def big_plan(path: Path, rows: int = 500) -> Path:
    lines = [f"Action numéro {index};Innovation;Porteur {index};31/12/2027;{index} 000;" for index in range(rows)]
    return write_csv(path, CSV_HEADER, lines)


def hold_until_cancelled(context: TestContext, monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    """The real `preview` or `apply`, held at its first step until the user cancels: a fast machine cannot finish
    the job before the click."""
    imports = context.services.imports
    real = getattr(imports, method)

    def held(*args: Any, progress: Any = None, cancelled: Any = None, **kwargs: Any) -> Any:
        def first_step(done: int, total: int) -> None:
            deadline = time.monotonic() + 30
            while done == 0 and not cancelled() and time.monotonic() < deadline:
                pause(0.01)
            progress(done, total)

        return real(*args, progress=first_step, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(imports, method, held)


def test_cancelling_the_check_writes_nothing(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = titles(context)
    hold_until_cancelled(context, monkeypatch, "preview")
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, big_plan(tmp_path / "gros-plan.csv"), monkeypatch)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.validation_page
    assert page.is_running() and page.cancel_button.isVisible()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=TIMEOUT)
    assert page.error_label.text() == "Vérification annulée. Rien n'a été écrit."
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.retry_button.isVisible()
    assert titles(context) == before


def test_cancelling_the_import_writes_nothing(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = titles(context)
    changed: list[bool] = []
    context.data_changed.connect(lambda: changed.append(True))
    hold_until_cancelled(context, monkeypatch, "apply")
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, big_plan(tmp_path / "gros-plan.csv"), monkeypatch)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wait_checked(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.confirm_page
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.is_running()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=TIMEOUT)
    assert page.error_label.text() == "Import annulé : rien n'a été écrit."
    assert wizard.imported is None
    assert not changed
    assert titles(context) == before
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_closing_the_wizard_during_the_import_writes_nothing(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = titles(context)
    hold_until_cancelled(context, monkeypatch, "apply")
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, big_plan(tmp_path / "gros-plan.csv"), monkeypatch)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wait_checked(qtbot, wizard)
    next_page(qtbot, wizard)
    qtbot.mouseClick(wizard.confirm_page.import_button, Qt.MouseButton.LeftButton)
    wizard.reject()  # Échap or the window's close button
    assert not wizard.isVisible()
    assert not wizard.is_busy()
    assert titles(context) == before


def test_the_template_is_offered(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, context)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "mon-plan"), ""))
    qtbot.mouseClick(wizard.file_page.template_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "mon-plan.xlsx"
    assert saved.read_bytes() == ImportService.template_path().read_bytes()
    assert wizard.file_page.state_label.text() == f"Modèle de plan enregistré : {saved}"
    workbook = openpyxl.load_workbook(saved)
    assert exchange_columns.ACTIONS_SHEET in workbook.sheetnames


# -- the main window's Fichier menu -----------------------------------------------------------------------------


def make_window(qtbot: QtBot, context: TestContext, database: Path) -> MainWindow:
    def no_editor(_context: TestContext, _action: int | None, parent: QWidget, *_ids: int | None) -> QDialog:
        return QDialog(parent)

    window = MainWindow(context, context.services, database, [PlanPage(context, context.services)], no_editor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def menu_texts(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu) and menu.title() == "&Fichier"
    return ["—" if action.isSeparator() else action.text() for action in menu.actions()]


def test_file_menu_opens_the_import_and_export_dialogs(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = make_window(qtbot, context, demo_opened.database.path)
    texts = menu_texts(window)
    start = texts.index("&Restaurer une sauvegarde…")
    assert texts[start : start + 7] == [
        "&Restaurer une sauvegarde…",
        "&Accès à la base partagée…",
        "—",
        "&Importer un plan d'action…",
        "Importer des valeurs d'in&dicateurs…",
        "&Exporter le plan…",
        "—",
    ]
    assert window.import_plan_action.shortcut().toString() == "Ctrl+I"
    assert window.export_plan_action.shortcut().toString() == "Ctrl+E"
    for action, dialog_type in (
        (window.import_plan_action, ImportWizard),
        (window.import_indicators_action, IndicatorImportDialog),
        (window.export_plan_action, ExportDialog),
    ):
        assert action.isEnabled()
        action.trigger()
        dialog = window.findChild(dialog_type)
        assert dialog is not None and dialog.isVisible() and dialog.isModal()
        assert dialog.territory_id == context.territory_id
        dialog.reject()
        qtbot.waitUntil(lambda dialog_type=dialog_type: window.findChild(dialog_type) is None)  # deleted on close


def test_import_and_export_need_a_territory(qtbot: QtBot, opened: OpenDatabase, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    empty = TestContext(opened.services, settings, data_dir=tmp_path, clock=opened.clock)
    window = make_window(qtbot, empty, opened.database.path)
    assert empty.territory_id is None
    assert not window.import_plan_action.isEnabled()
    assert not window.import_indicators_action.isEnabled()
    assert not window.export_plan_action.isEnabled()
    territory = opened.services.territories.create(name="Vallée de la Bresle")
    window.reload_territories()
    assert empty.territory_id == territory.id
    assert window.import_plan_action.isEnabled() and window.export_plan_action.isEnabled()


def test_the_validation_page_shows_the_figures_and_the_files_totals_checked(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "plan-totaux.csv",
        "Axe;Intitulé;Coût total HT;Financeur;Montant demandé;Montant accordé;Statut du financement",
        [
            "Innovation;Fab lab;1 000 000;Région;500 000;400 000;Accordé",
            "Innovation;Démonstrateur;250 000;;;;",
            "Sous-total Innovation;;1 250 000;;500 000;400 000;",
            "Foncier;Friche;99 999,99;;;;",
            "Total;;1 350 000;;500 000;400 000;",
        ],
    )
    before = titles(context)
    wizard = make_wizard(qtbot, context)
    choose(qtbot, wizard, path, monkeypatch)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)  # the columns are all recognised
    wait_checked(qtbot, wizard)
    report = wizard.validation_page.report
    nnbsp = "\u202f"
    summary = report.summary()
    assert "Actions par axe : Innovation : 2 ; Foncier : 1." in summary
    assert f"Budget total : 1{nnbsp}349{nnbsp}999,99{nnbsp}€ HT." in summary
    assert f"Accordé 400{nnbsp}000,00{nnbsp}€ HT ; Versé 0,00{nnbsp}€ ; Refusé 0,00{nnbsp}€." in summary
    assert "Total du fichier vérifié : Ligne 4 (Sous-total Innovation)" in summary
    disagreement = (
        f"Ligne 6 (Total) : le fichier indique 1{nnbsp}350{nnbsp}000,00{nnbsp}€ de budget, "
        f"les lignes importées font 1{nnbsp}349{nnbsp}999,99{nnbsp}€."
    )
    assert f"Total du fichier en écart : {disagreement}" in summary
    (row,) = report.issue_rows()
    assert row[1:4] == ["plan-totaux", "6", "C (Coût total HT)"] and row[4] == disagreement
    assert titles(context) == before, "the check writes nothing"
