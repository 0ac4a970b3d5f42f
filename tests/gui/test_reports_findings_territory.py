"""The contrôle avant envoi of the Rapports page lists a territory without chef de projet as a point about the
territory itself; double-clicking it says where to designate one (it opens no fiche)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import GovernanceRole
from ti_desktop.domain.report_options import FindingKind
from ti_desktop.gui.pages.reports_findings import FindingColumn
from ti_desktop.services.report_check import NO_CHEF_DE_PROJET

from .test_reports_page import make_page


def test_a_missing_chef_de_projet_is_a_point_about_the_territory(qtbot: QtBot, context: TestContext) -> None:
    services = context.services
    assert context.territory_id is not None
    for role in services.roles.list(territory_id=context.territory_id):
        if role.role is GovernanceRole.CHEF_DE_PROJET:
            services.roles.delete(role.id)
    page = make_page(qtbot, context)
    model = page.findings_model
    kinds = [finding.kind for finding in model.findings()]
    row = kinds.index(FindingKind.SANS_CHEF_DE_PROJET)
    assert row == 0
    assert model.index(row, FindingColumn.KIND).data() == "Chef de projet non désigné"
    assert model.index(row, FindingColumn.SUBJECT).data() == "Territoire"
    detail = model.index(row, FindingColumn.MESSAGE).data()
    assert detail.startswith("Aucun chef de projet n'est désigné.") and "page Territoire" in detail
    page.tabs.setCurrentIndex(1)
    view = page.findings_view
    rect = view.visualRect(model.index(row, FindingColumn.MESSAGE))
    with qtbot.waitSignal(context.status_message) as said:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert said.args == [NO_CHEF_DE_PROJET]
