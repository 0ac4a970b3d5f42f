"""Every edit goes through the `Editor`: saved at once in its own transaction, and undoable.

The edit is applied *before* its command enters the undo stack, so an edit the services refuse
(ValidationError, in French) raises to the caller — which shows it next to the field — and leaves no
trace in the stack. Undo and redo replay services calls.

Other people exist (a shared base): an undo or a redo is an edit like any other. While it runs, the
services' version ledger (services/versions.py) refuses to write any record that is no longer as this
window left it — someone else saved it, or deleted it and put it back, or hung a record of theirs from
it. The step then writes nothing, the command leaves the stack, and `on_conflict` shows the same
« Modification concurrente » message as a refused save, naming the other person's change.

A territory the role may only read (a shared base's right, `Editor.read_only_reason`): an undo or a redo
writes nothing and says why. The stack's steps were made in other territories (nothing can be changed in this
one); replaying them from here would change a territory out of sight.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from ti_desktop.domain.entities import BOOKKEEPING_FIELDS, ENTITIES
from ti_desktop.domain.errors import ConcurrentEditError, TiDesktopError

RecordT = TypeVar("RecordT")

# Not user values: the bookkeeping, and what the services derive from another field (undoing that one restores it).
IGNORED_FIELDS = BOOKKEEPING_FIELDS | {name for e in ENTITIES for name, spec in e.specs.items() if not spec.logged}

Tickets = dict[Any, int]  # what an edit wrote, for the version ledger


class Crud(Protocol[RecordT]):
    def get(self, record_id: int) -> RecordT: ...
    def family(self, record_id: int) -> list[RecordT]: ...
    def create(self, **values: Any) -> RecordT: ...
    def update(self, record_id: int, *, expected_version: int | None = None, **changes: Any) -> RecordT: ...
    def update_many(self, changes: Mapping[int, Mapping[str, Any]]) -> list[RecordT]: ...
    def remove(self, record_id: int, *, expected_version: int | None = None) -> Any: ...
    def put_back(self, removed: Any) -> Any: ...


class Versions(Protocol):
    """The services' version ledger (services/versions.py)."""

    def recording(self) -> contextlib.AbstractContextManager[Tickets]: ...
    def guard(self, tickets: Tickets) -> contextlib.AbstractContextManager[None]: ...


class EditCommand(QUndoCommand):
    """A done edit: `redo` replays it (except the first time: it is already done), `undo` reverts it; both
    under the guard of the versions this edit and the later ones left."""

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        editor: Editor,
        tickets: Tickets,
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._editor = editor
        self._tickets = tickets
        self._already_done = True

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self._run(self._do, "Rétablir")

    def undo(self) -> None:
        self._run(self._undo, "Annuler")

    def _run(self, step: Callable[[], object], verb: str) -> None:
        editor = self._editor
        if editor.read_only_reason is not None:
            # The stack moves past the step whatever happens: it leaves the stack, as a refused step does.
            self.setObsolete(True)
            editor.on_error(f"{verb} « {self.text()} » est impossible : {editor.read_only_reason}")
            return
        try:
            with editor.versions.guard(self._tickets):
                step()
        except TiDesktopError as error:
            # Someone else changed or deleted the record meanwhile: this step can no longer be replayed
            # (the stack drops the command). Nothing was written.
            self.setObsolete(True)
            if isinstance(error, ConcurrentEditError) and editor.on_conflict is not None:
                editor.on_conflict(f"{verb} « {self.text()} » est impossible.\n\n{error.message}")
            else:
                editor.on_error(f"{verb} « {self.text()} » est impossible : {error.message}")
        editor.on_change()


def changed_values(before: object, after: object) -> dict[str, Any]:
    """The fields whose value differs, as they were in `before`."""
    return {
        field.name: getattr(before, field.name)
        for field in dataclasses.fields(before)  # type: ignore[arg-type]
        if field.name not in IGNORED_FIELDS and getattr(before, field.name) != getattr(after, field.name)
    }


class Editor:
    """The undo label (`text`) is positional-only: records have fields named `text` too.

    `expected_version` (update, delete): the version the user's screen shows; when someone else saved the
    record since, the edit is refused (ConcurrentEditError, raised after `on_conflict` is told). Without
    it, the record as it is now."""

    def __init__(
        self,
        stack: QUndoStack,
        versions: Versions,
        on_change: Callable[[], None],
        on_error: Callable[[str], None],
    ) -> None:
        self.stack = stack
        self.versions = versions
        self.on_change = on_change
        self.on_error = on_error
        # Told (in French) when someone else saved the record first; the main window offers to reload.
        self.on_conflict: Callable[[str], object] | None = None
        # Why the territory shown may only be read (French), or None: undo and redo then write nothing.
        self.read_only_reason: str | None = None

    def _apply(self, first: Callable[[], RecordT]) -> tuple[RecordT, Tickets]:
        """Run an edit's first step, noting what it wrote; a conflict is told before it is raised."""
        try:
            with self.versions.recording() as tickets:
                result = first()
        except ConcurrentEditError as error:
            if self.on_conflict is not None:
                self.on_conflict(error.message)
            raise
        return result, tickets

    def _push(self, text: str, do: Callable[[], object], undo: Callable[[], object], tickets: Tickets) -> None:
        self.stack.push(EditCommand(text, do, undo, self, tickets))
        self.on_change()

    def update(
        self, crud: Crud[RecordT], record_id: int, text: str, /, expected_version: int | None = None, **changes: Any
    ) -> RecordT:
        """Change some fields; undo restores every field the change touched — the rules may touch more, on this
        record and on its family (an action moved to another axis takes its sous-actions along)."""
        family = crud.family(record_id)
        before = family[0]
        expected = expected_version if expected_version is not None else getattr(before, "version", None)
        after, tickets = self._apply(lambda: crud.update(record_id, expected_version=expected, **changes))
        relatives = crud.family(record_id)[1:] if len(family) > 1 else []  # read again only when there are some
        later = {getattr(record, "id"): record for record in relatives}  # noqa: B009
        previous = {record_id: changed_values(before, after)}
        for relative in family[1:]:
            relative_id: int = getattr(relative, "id")  # noqa: B009
            if relative_id in later:
                previous[relative_id] = changed_values(relative, later[relative_id])
        previous = {key: fields for key, fields in previous.items() if fields}
        if not previous:
            return after
        now = {record_id: after, **later}
        current = {key: {name: getattr(now[key], name) for name in fields} for key, fields in previous.items()}
        if list(previous) == [record_id]:
            self._push(
                text,
                lambda: crud.update(record_id, **current[record_id]),
                lambda: crud.update(record_id, **previous[record_id]),
                tickets,
            )
        else:  # the record and its relatives, back and forth in one transaction each
            self._push(text, lambda: crud.update_many(current), lambda: crud.update_many(previous), tickets)
        return after

    def update_many(self, crud: Crud[RecordT], text: str, /, changes: Mapping[int, Mapping[str, Any]]) -> None:
        """Change several records at once (e.g. new positions): one transaction, one undo step."""
        before = {record_id: crud.get(record_id) for record_id in changes}
        saved, tickets = self._apply(lambda: crud.update_many(changes))
        after = dict(zip(changes, saved, strict=True))
        previous = {record_id: changed_values(before[record_id], after[record_id]) for record_id in changes}
        current = {
            record_id: {name: getattr(after[record_id], name) for name in previous[record_id]} for record_id in changes
        }
        if any(previous.values()):
            self._push(text, lambda: crud.update_many(current), lambda: crud.update_many(previous), tickets)

    def create(self, crud: Crud[RecordT], text: str, /, **values: Any) -> RecordT:
        return self.created(crud, text, lambda: crud.create(**values))

    def created(self, crud: Crud[RecordT], text: str, make: Callable[[], RecordT], /) -> RecordT:
        """A record made by `make` (a creation, a duplication…): undo deletes it with what hangs from it,
        redo puts all of that back."""
        record, tickets = self._apply(make)
        record_id: int = record.id  # type: ignore[attr-defined]
        removed: list[Any] = []

        def undo() -> None:
            removed[:] = [crud.remove(record_id)]

        self._push(text, lambda: crud.put_back(removed[0]), undo, tickets)
        return record

    def delete(self, crud: Crud[RecordT], record_id: int, text: str, /, expected_version: int | None = None) -> None:
        """Delete a record (with what hangs from it, for the entities that have some); undo puts it back."""
        first, tickets = self._apply(lambda: crud.remove(record_id, expected_version=expected_version))
        removed = [first]

        def redo() -> None:
            removed[:] = [crud.remove(record_id)]

        self._push(text, redo, lambda: crud.put_back(removed[0]), tickets)

    def run(
        self, text: str, do: Callable[[], object], undo: Callable[[], object], redo: Callable[[], object] | None = None
    ) -> None:
        """Any other reversible edit (links, several records at once…); `redo` replays it (default: `do`)."""
        _result, tickets = self._apply(do)
        self._push(text, redo or do, undo, tickets)
