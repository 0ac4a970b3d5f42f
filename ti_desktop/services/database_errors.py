"""The database errors the front ends catch by type, and how they word a long detail: offered here so that the
GUI and the command line never import the database layer (and a light module, loaded before any base opens)."""

from __future__ import annotations

from ti_desktop.db.errors import DatabaseDamagedError, DatabaseError, one_line

__all__ = ["DatabaseDamagedError", "DatabaseError", "one_line"]
