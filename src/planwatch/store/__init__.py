"""Store: observations with their sources and full revision history (SQLite by default, PostgreSQL too)."""
