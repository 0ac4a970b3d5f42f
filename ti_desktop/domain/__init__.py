"""Pure domain: enumerations with French labels, records, rules and summaries (no Qt, no SQLAlchemy)."""
