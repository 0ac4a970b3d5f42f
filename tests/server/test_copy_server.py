"""SQLite → PostgreSQL → SQLite: the same base, row for row, and the server's ids continue after the copy."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from ti_desktop.services.maintenance import copy_between, open_server_services

from ..clock import fixed_clock
from ..db.test_copy import table_dump  # every table; the search index by what it finds


def test_round_trip_through_the_server(demo_db: Path, server_url: str, tmp_path: Path) -> None:
    to_server = copy_between(demo_db, server_url, fixed_clock())
    engine = create_engine(server_url)
    with engine.connect() as connection:  # analysed: the first search of a fresh copy uses its trigram index
        analysed = connection.execute(
            text("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'actions'")
        ).scalar()
    engine.dispose()
    assert analysed
    back = tmp_path / "retour.sqlite3"
    from_server = copy_between(server_url, back, fixed_clock())
    assert from_server.figures == to_server.figures
    assert table_dump(back) == table_dump(demo_db)
    opened = open_server_services(server_url, clock=fixed_clock())
    try:
        territory = opened.services.territories.resolve(None)
        created = opened.services.actions.create(territory_id=territory.id, axis_id=1, title="Après la copie")
        assert created.id == 45
    finally:
        opened.close()
