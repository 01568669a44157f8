"""``planwatch serve`` (the live dashboard and JSON API) and ``planwatch user add|list|disable`` (its accounts).

Everything from :mod:`planwatch.serve` (FastAPI, uvicorn) is imported inside the commands, so the rest of the
CLI starts as fast as before.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from ..cli import DbOpt, FmtOpt, _check_format
from ..errors import PlanwatchError

LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine "
                                                    "only; behind a reverse proxy keep it so).")] = "127.0.0.1",
                  port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
                  db: DbOpt = None,
                  workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Worker processes (use "
                                                       "PostgreSQL for a shared deployment with several).")] = 1,
                  require_signin: Annotated[bool, typer.Option("--require-signin", help="Only signed-in users (or API "
                                                               "tokens) may read.")] = False,
                  secure_cookies: Annotated[bool, typer.Option("--secure-cookies", help="Mark cookies Secure (when "
                                                               "served over HTTPS by a reverse proxy).")] = False,
                  max_upload_mb: Annotated[float, typer.Option("--max-upload-mb", min=0.01, help="Largest upload.")] = 5.0,
                  proxy_headers: Annotated[bool, typer.Option("--proxy-headers", help="Trust X-Forwarded-For/Proto "
                                                              "from the reverse proxy at --forwarded-allow-ips.")] = False,
                  forwarded_allow_ips: Annotated[str, typer.Option("--forwarded-allow-ips")] = "127.0.0.1",
                  log_level: Annotated[str, typer.Option("--log-level", help="critical, error, warning, info or "
                                                         "debug.")] = "info") -> None:
        """Serve the live dashboard (bilingual pages) and the JSON API (/api/v1, OpenAPI at /api/v1/openapi.json)."""
        import uvicorn

        if log_level not in LOG_LEVELS:  # not uvicorn's "trace": it logs request headers, API tokens included
            raise PlanwatchError(f"--log-level is one of {', '.join(LOG_LEVELS)}, not {log_level!r}")

        from ..serve.settings import Settings
        from ..sources.builtin import load_all
        from ..store.db import redact, resolve_url
        from ..store.repository import Store

        url = resolve_url(db)
        store = Store.open(url)  # migrations run here, once, before any worker starts
        load_all(store)
        settings = Settings(db=url, require_signin=require_signin, secure_cookies=secure_cookies,
                            max_upload_bytes=int(max_upload_mb * 1024 * 1024), load_builtin=False)
        if workers > 1 and not store.is_postgres:
            typer.secho("note: several workers on one SQLite file work, but writes queue on its lock; use "
                        "--db postgresql://… for a shared deployment", err=True, fg="yellow")
        typer.secho(f"planwatch serve: http://{host}:{port}/ ({redact(url)}, {workers} worker(s))", err=True)
        options = dict(host=host, port=port, log_level=log_level, proxy_headers=proxy_headers,
                       forwarded_allow_ips=forwarded_allow_ips, server_header=False)
        if workers == 1:
            from ..serve.app import create_app

            uvicorn.run(create_app(settings, store), **options)
            return
        store.engine.dispose()
        os.environ.update(settings.to_env())
        uvicorn.run("planwatch.serve.app:create_app_from_env", factory=True, workers=workers, **options)

    user_app = typer.Typer(help="Accounts for `planwatch serve`: editors and admins with API tokens.", no_args_is_help=True)
    app.add_typer(user_app, name="user")

    @user_app.command("add")
    def user_add(name: Annotated[str, typer.Argument(help="User name (letters, digits, . _ @ -).")],
                 role: Annotated[str, typer.Option("--role", help="editor or admin.")] = "editor",
                 db: DbOpt = None) -> None:
        """Add a user and print its API token once (only a hash is stored; the token cannot be shown again)."""
        from ..serve.accounts import add_user
        from ..store.repository import Store

        user, token = add_user(Store.open(db), name, role)
        typer.secho(f"added {user.role} {user.name}; API token below — shown only now, keep it secret:", err=True)
        typer.echo(token)

    @user_app.command("list")
    def user_list(fmt: FmtOpt = "table", db: DbOpt = None) -> None:
        """List users with their roles and whether they are active (tokens are never shown)."""
        from ..publish.listing import render
        from ..serve.accounts import list_users
        from ..store.repository import Store

        _check_format(fmt)
        rows = [{"name": u.name, "role": u.role, "active": u.active, "created_at": u.created_at.isoformat()[:19],
                 "created_by": u.created_by or "", "disabled_at": u.disabled_at.isoformat()[:19] if u.disabled_at else ""}
                for u in list_users(Store.open(db))]
        render(rows, fmt, [("name", "User"), ("role", "Role"), ("active", "Active"), ("created_at", "Added"),
                           ("created_by", "By"), ("disabled_at", "Disabled")] if fmt == "table" else None, title="Users")

    @user_app.command("disable")
    def user_disable(name: Annotated[str, typer.Argument(help="User name.")], db: DbOpt = None) -> None:
        """Disable a user: its token and sign-in sessions stop working; its changes stay attributed to it."""
        from ..serve.accounts import disable_user
        from ..store.repository import Store

        user = disable_user(Store.open(db), name)
        if user is None:
            raise PlanwatchError(f"no user named {name!r}")
        typer.echo(f"disabled {user.name}")
