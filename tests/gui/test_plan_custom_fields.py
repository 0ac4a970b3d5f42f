"""The plan's custom field columns (offered by the column chooser, hidden until shown) and its « Avec … » filter on a
custom field."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.gui.models.plan import Column

from .test_action_editor import action_by_code
from .test_plan import choose, codes, make_page


def fill(context: TestContext) -> tuple[int, int]:
    fields, tid = context.services.custom_fields, context.territory_id or 0
    targets = fields.define(tid, "Cibles", CustomFieldKind.TEXT)
    cost = fields.define(tid, "Cout regional", CustomFieldKind.AMOUNT)
    fields.set_values(action_by_code(context, "INN-01").id, {targets.id: "PME", cost.id: Decimal("15000")})
    fields.set_values(action_by_code(context, "COM-01").id, {targets.id: "Lycees"})
    return targets.id, cost.id


def test_custom_fields_are_columns_the_chooser_offers(qtbot: QtBot, context: TestContext) -> None:
    _targets, _cost = fill(context)
    page = make_page(qtbot, context)
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model, header = page.model, page.view.header()
    first = len(Column)
    assert [model.headerData(first + i, Qt.Orientation.Horizontal) for i in range(2)] == ["Cibles", "Cout regional"]
    assert header.isSectionHidden(first) and header.isSectionHidden(first + 1)  # shown on demand
    entries = {entry.text(): entry for entry in page.columns.menu().actions() if entry.text()}
    entries["Cout regional"].setChecked(True)
    assert not header.isSectionHidden(first + 1)
    row = model.index_of_action(action_by_code(context, "INN-01").id)
    assert model.index(row.row(), first + 1, row.parent()).data() == "15\u202f000\u202f€"
    page.reload()  # the choice is kept, by field
    assert not page.view.header().isSectionHidden(first + 1) and page.view.header().isSectionHidden(first)


def test_the_plan_shows_only_actions_where_a_custom_field_is_filled(qtbot: QtBot, context: TestContext) -> None:
    targets, _cost = fill(context)
    page = make_page(qtbot, context)
    choose(page.filled_filter, targets)
    assert page.filled_filter.currentText() == "Avec : Cibles"
    assert sorted(codes(page)) == ["COM-01", "INN-01"]
    assert not page.view.header().isSectionHidden(len(Column))  # the column filtered on is shown
    found = context.services.actions.find(
        ActionFilter(territory_id=context.territory_id or 0, custom_filled=frozenset({targets}))
    )
    assert sorted(action.code or "" for action in found) == ["COM-01", "INN-01"]  # the same predicate
