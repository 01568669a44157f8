"""CLI commands beyond the core listings, one module per theme, each registering itself on the app."""
