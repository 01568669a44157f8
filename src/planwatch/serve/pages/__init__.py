"""Server-rendered pages: Jinja2 templates with autoescape, tables that download as CSV or JSON, no script needed."""
