"""``planwatch serve``: a live, bilingual dashboard and JSON API over the store, kept current by a team.

Layout (serve depends on assess, publish, store, sources and plans — never the reverse):

- :mod:`.settings` — what a deployment can set (database, sign-in to read, size limits, cookies);
- :mod:`.app` — the application factory (middleware, routers, static files, errors);
- :mod:`.data` — cached reads per plan, keyed by the store's data version (so every worker stays current);
- :mod:`.accounts`, :mod:`.sessions`, :mod:`.auth` — users with API tokens, sign-in sessions, CSRF, roles;
- :mod:`.audit`, :mod:`.edits` — every change in one transaction with its audit rows (who, when, old → new, source);
- :mod:`.api` — the JSON API under ``/api/v1``; :mod:`.pages` — server-rendered pages (Jinja2, autoescaped);
- :mod:`.coverage` — the indicator × year coverage matrix (until the assessment package has its own).

Nothing here is imported by the CLI at start-up: ``planwatch serve`` imports it inside the command.
"""
