"""Sources: importers for observation files and the built-in sourced data (connectors come later)."""
