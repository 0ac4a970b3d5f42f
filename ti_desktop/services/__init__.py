"""Use cases: each call owns its transaction and returns plain records, never live ORM rows."""
