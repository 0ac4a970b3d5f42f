"""How the app's lists of records look and behave: one row selected at a time, nothing edited in place
(edits go through forms and the undoable editor), alternate row colours, one line of text per row."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView


def read_only_table(view: QTableView) -> QTableView:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table for the next control; the arrows move inside
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view
