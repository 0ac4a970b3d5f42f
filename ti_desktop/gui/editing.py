"""Every edit goes through the `Editor`: saved at once in its own transaction, and undoable.

The edit is applied *before* its command enters the undo stack, so an edit the services refuse
(ValidationError, in French) raises to the caller — which shows it next to the field — and leaves no
trace in the stack. Undo and redo replay the same services calls.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from ti_desktop.domain.errors import ConcurrentEditError, TiDesktopError

RecordT = TypeVar("RecordT")

IGNORED_FIELDS = frozenset({"id", "created_at", "updated_at", "version"})  # bookkeeping, not user values


class Crud(Protocol[RecordT]):
    def get(self, record_id: int) -> RecordT: ...
    def create(self, **values: Any) -> RecordT: ...
    def update(self, record_id: int, **changes: Any) -> RecordT: ...
    def delete(self, record_id: int) -> None: ...
    def restore(self, record: RecordT) -> RecordT: ...


class EditCommand(QUndoCommand):
    """A done edit: `redo` replays it (except the first time: it is already done), `undo` reverts it."""

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        on_change: Callable[[], None],
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._on_change = on_change
        self._on_error = on_error
        self._already_done = True

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self._run(self._do, "Rétablir")

    def undo(self) -> None:
        self._run(self._undo, "Annuler")

    def _run(self, step: Callable[[], object], verb: str) -> None:
        try:
            step()
        except TiDesktopError as error:
            # The record changed meanwhile (deleted elsewhere…): this step can no longer be replayed.
            self.setObsolete(True)
            self._on_error(f"{verb} « {self.text()} » est impossible : {error.message}")
        self._on_change()


def changed_values(before: object, after: object) -> dict[str, Any]:
    """The fields whose value differs, as they were in `before`."""
    return {
        field.name: getattr(before, field.name)
        for field in dataclasses.fields(before)  # type: ignore[arg-type]
        if field.name not in IGNORED_FIELDS and getattr(before, field.name) != getattr(after, field.name)
    }


class Editor:
    """The undo label (`text`) is positional-only: records have fields named `text` too."""

    def __init__(self, stack: QUndoStack, on_change: Callable[[], None], on_error: Callable[[str], None]) -> None:
        self.stack = stack
        self._on_change = on_change
        self._on_error = on_error
        # Told (in French) when someone else saved the record first; the main window offers to reload.
        self.on_conflict: Callable[[str], object] | None = None

    def _push(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        self.stack.push(EditCommand(text, do, undo, self._on_change, self._on_error))
        self._on_change()

    def update(
        self, crud: Crud[RecordT], record_id: int, text: str, /, expected_version: int | None = None, **changes: Any
    ) -> RecordT:
        """Change some fields; undo restores every field the change touched (rules may touch more).

        `expected_version` (actions): the version the user's screen shows; when someone else saved the
        record since, the change is refused (ConcurrentEditError, raised after `on_conflict` is told)."""
        before = crud.get(record_id)
        try:
            if expected_version is None:
                after = crud.update(record_id, **changes)
            else:
                after = crud.update(record_id, expected_version=expected_version, **changes)
        except ConcurrentEditError as error:
            if self.on_conflict is not None:
                self.on_conflict(error.message)
            raise
        previous = changed_values(before, after)
        if not previous:
            return after
        current = {name: getattr(after, name) for name in previous}
        self._push(text, lambda: crud.update(record_id, **current), lambda: crud.update(record_id, **previous))
        return after

    def create(self, crud: Crud[RecordT], text: str, /, **values: Any) -> RecordT:
        record = crud.create(**values)
        record_id: int = record.id  # type: ignore[attr-defined]
        self._push(text, lambda: crud.restore(record), lambda: crud.delete(record_id))
        return record

    def delete(self, crud: Crud[RecordT], record_id: int, text: str) -> None:
        record = crud.get(record_id)
        crud.delete(record_id)
        self._push(text, lambda: crud.delete(record_id), lambda: crud.restore(record))

    def run(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        """Any other reversible edit (several records at once, an action and its children…)."""
        do()
        self._push(text, do, undo)

    def record_done(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        """An edit already applied by the caller (e.g. a duplication): only make it undoable."""
        self._push(text, redo, undo)
