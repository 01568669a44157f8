"""Publish: CLI tables, JSON/CSV listings and the self-contained HTML report."""
