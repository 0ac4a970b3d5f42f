"""Persistence: SQLAlchemy models, engine and sessions, migrations, backups and integrity checks."""
