"""Copying a whole database (every territory, all the history) between a SQLite file and a server base.

Both ends are at the head revision (opening them migrates them). The destination must be empty — no
territory, no history — and the copy is one transaction on it: rows keep their ids, then the row counts
and money totals of every table are compared with the source's before committing. Any difference rolls
everything back. The copied base is then analysed, so that its first queries use its indexes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, select, text

from ti_desktop.db import models
from ti_desktop.db.errors import DatabaseError
from ti_desktop.db.types import Money

BATCH = 1000
# (table copied, its row count): not the kernel's (done, total) Progress — a copy counts rows per table.
TableCopied = Callable[[str, int], None]


@dataclass(frozen=True, slots=True)
class TableFigures:
    rows: int
    money: dict[str, int]  # column → total in cents


@dataclass(frozen=True, slots=True)
class CopyResult:
    figures: dict[str, TableFigures]

    @property
    def total_rows(self) -> int:
        return sum(figure.rows for figure in self.figures.values())


class CopyError(DatabaseError):
    """The copy was refused or did not check out: the destination is unchanged."""


def _money_columns(table: Table) -> list[str]:
    return [column.name for column in table.columns if isinstance(column.type, Money)]


def figures(connection: Connection) -> dict[str, TableFigures]:
    """Row count and money totals (raw cents) of every table."""
    result = {}
    for table in models.Base.metadata.sorted_tables:
        rows = int(connection.execute(select(func.count()).select_from(table)).scalar() or 0)
        money = {
            name: int(connection.execute(text(f'SELECT coalesce(sum("{name}"), 0) FROM "{table.name}"')).scalar() or 0)
            for name in _money_columns(table)
        }
        result[table.name] = TableFigures(rows, money)
    return result


def _ordered_rows(connection: Connection, table: Table) -> Any:
    statement = select(table)
    if table.name == "actions":  # parents before their sub-actions, whatever their ids
        statement = statement.order_by(table.c.parent_id.is_not(None), table.c.id)
    elif "id" in table.c:
        statement = statement.order_by(table.c.id)
    return connection.execute(statement).mappings()


def _check_empty(connection: Connection, label: str) -> None:
    territories = connection.execute(select(func.count()).select_from(models.Territory.__table__)).scalar()
    history = connection.execute(select(func.count()).select_from(models.ChangeLog.__table__)).scalar()
    if territories or history:
        raise CopyError(
            f"La destination « {label} » n'est pas vide ({territories} territoire(s)) : la copie se fait vers une "
            "base neuve, pour ne rien mélanger ni écraser."
        )


def _reset_sequences(connection: Connection) -> None:
    """PostgreSQL: the next id of each table follows the copied ones."""
    if connection.dialect.name != "postgresql":
        return
    for table in models.Base.metadata.sorted_tables:
        if "id" not in table.c:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f'coalesce((SELECT max(id) FROM "{table.name}"), 1), '
                f'(SELECT max(id) FROM "{table.name}") IS NOT NULL)'
            )
        )


def copy_database(
    source: Engine, destination: Engine, destination_label: str, progress: TableCopied | None = None
) -> CopyResult:
    with source.connect() as reading:
        expected = figures(reading)
        with destination.begin() as writing:
            _check_empty(writing, destination_label)
            # The migration seeds the programme's four axes; the source's own rows replace them.
            for table in reversed(models.Base.metadata.sorted_tables):
                writing.execute(table.delete())
            for table in models.Base.metadata.sorted_tables:
                rows = _ordered_rows(reading, table)
                copied = 0
                while batch := rows.fetchmany(BATCH):
                    writing.execute(insert(table), [dict(row) for row in batch])
                    copied += len(batch)
                if progress is not None:
                    progress(table.name, copied)
            _reset_sequences(writing)
            found = figures(writing)
            if found != expected:
                different = sorted(name for name in expected if expected[name] != found.get(name))
                raise CopyError(
                    "La copie ne correspond pas à la source (tables : " + ", ".join(different) + ") : "
                    "elle a été annulée, la destination est inchangée."
                )
    _refresh_statistics(destination)
    return CopyResult(expected)


def _refresh_statistics(destination: Engine) -> None:
    """ANALYZE the filled base: without statistics its planner ignores the search and dashboard indexes
    (on a fresh 100,000-action server copy the first search took a minute, until autovacuum came by)."""
    with destination.begin() as connection:
        connection.execute(text("ANALYZE"))
