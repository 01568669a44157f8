"""Shared set-up of the ``planwatch serve`` tests: the real app on a store with the built-in Beijing data, an
editor and an admin with tokens, and a signed-in browser-like client. Imported by tests/test_serve_*.py
(importing served_fixture, served_any_fixture and template_db_fixture registers the fixtures served, served_any, template_db)."""

from __future__ import annotations

import re
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planwatch.serve.accounts import add_user
from planwatch.serve.app import create_app
from planwatch.serve.settings import Settings
from planwatch.sources.builtin import ensure_builtin
from planwatch.store.repository import Store

PLAN = "beijing-istic-2025"
PG_URL = __import__("os").environ.get("PLANWATCH_TEST_POSTGRES_URL")


@dataclass
class Served:
    app: object
    store: Store
    client: TestClient
    editor: str  # API tokens
    admin: str

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    def signed_in(self, name: str, token: str) -> TestClient:
        """A separate client signed in through the page (cookie session), like a browser."""
        c = TestClient(self.app)
        page = c.get("/signin")
        login = re.search(r'name="login_csrf" value="([^"]+)"', page.text).group(1)
        r = c.post("/signin", data={"name": name, "token": token, "login_csrf": login, "next": "/"}, follow_redirects=False)
        assert r.status_code == 303, r.text
        return c


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture(scope="session", name="template_db")
def template_db_fixture(tmp_path_factory) -> Path:
    """A SQLite store with the built-in Beijing data, built once and copied for each test that needs one."""
    folder = tmp_path_factory.mktemp("serve-template")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLANWATCH_HOME", str(folder / "home"))
        store = Store.open(f"sqlite:///{folder / 'template.sqlite'}")
        ensure_builtin(store, PLAN)
        store.engine.dispose()
    return folder / "template.sqlite"


def served_on(store: Store, **settings) -> Served:
    app = create_app(Settings(load_builtin=False, **settings), store)
    _, editor = add_user(store, "edna", "editor")
    _, admin = add_user(store, "ada", "admin")
    return Served(app, store, TestClient(app), editor, admin)


def sqlite_copy(template: Path, folder: Path) -> Store:
    dest = folder / f"serve-{uuid.uuid4().hex[:8]}.sqlite"
    shutil.copy(template, dest)
    return Store.open(f"sqlite:///{dest}")


@pytest.fixture(name="served")
def served_fixture(template_db, tmp_path) -> Served:
    return served_on(sqlite_copy(template_db, tmp_path))


@contextmanager
def pg_schema(prefix: str = "pw_serve_"):
    """The URL of a fresh schema on the test PostgreSQL server, dropped afterwards (skips without a server)."""
    if not PG_URL:
        pytest.skip("PostgreSQL tests need PLANWATCH_TEST_POSTGRES_URL (set by .ci/run)")
    from sqlalchemy import create_engine, text

    schema = prefix + uuid.uuid4().hex[:8]
    admin = create_engine(PG_URL)
    with admin.begin() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield PG_URL + ("&" if "?" in PG_URL else "?") + f"options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"], name="served_any")
def served_any_fixture(request, template_db, tmp_path):
    """The app on SQLite and on the real PostgreSQL server (a fresh schema with the built-in data)."""
    if request.param == "sqlite":
        yield served_on(sqlite_copy(template_db, tmp_path))
        return
    with pg_schema() as url:
        store = Store.open(url)
        ensure_builtin(store, PLAN)
        yield served_on(store)
        store.engine.dispose()


def figure(**over) -> dict:
    """A valid figure for the R&D intensity of Beijing in 2025 (the deadline year), as an API body."""
    body = {"indicator": "rd_intensity", "region": "CN-BJ", "period": 2025, "value": 5.1, "unit": "%", "status": "final",
            "publisher": "Beijing Municipal Bureau of Statistics", "title": "Statistical communiqué 2025",
            "url": "https://tjj.beijing.gov.cn/example/2025", "published": "2026-03-01"}
    body.update(over)
    return body
