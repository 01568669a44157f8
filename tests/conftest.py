"""Shared fixtures: temporary stores (SQLite always, PostgreSQL when PLANWATCH_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest

from planwatch.store.repository import Store, StoredObservation

PG_URL = os.environ.get("PLANWATCH_TEST_POSTGRES_URL")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Never touch the user's real data folder or database."""
    monkeypatch.setenv("PLANWATCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PLANWATCH_DATABASE_URL", raising=False)


def _pg_store():
    """A fresh schema on the test PostgreSQL server, dropped afterwards."""
    from sqlalchemy import create_engine, text

    schema = "pw_" + uuid.uuid4().hex[:10]
    admin = create_engine(PG_URL)
    with admin.begin() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    url = PG_URL + ("&" if "?" in PG_URL else "?") + f"options=-csearch_path%3D{schema}"
    return Store.open(url), admin, schema


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield Store.open(f"sqlite:///{tmp_path / 'test.sqlite'}")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL store tests need PLANWATCH_TEST_POSTGRES_URL (set by .ci/run)")
    from sqlalchemy import text

    s, admin, schema = _pg_store()
    yield s
    s.engine.dispose()
    with admin.begin() as c:
        c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def sqlite_store(tmp_path):
    return Store.open(f"sqlite:///{tmp_path / 'test.sqlite'}")


def make_obs(period: int, value: float | None, *, indicator: str = "x", region: str = "CN-BJ", status: str = "final",
             unit: str = "%", revision: int = 1, quote: str | None = None, confidence: str | None = "H") -> StoredObservation:
    """An observation as the store returns it (for pure assessment tests)."""
    return StoredObservation(
        indicator=indicator, region=region, period=period, revision=revision, value=value, unit=unit,
        value_std=value, status=status, publisher="Test Bureau", title=f"Release {period}",
        url=f"https://example.org/{indicator}/{region}/{period}", published=f"{period + 1}-03-01", quote=quote,
        confidence=confidence, note=None, recorded_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )


@pytest.fixture(scope="session")
def builtin_assessed(tmp_path_factory):
    """(plan, assessment, comparisons): the built-in plan on a fresh store with the built-in data, as of 2026-11-25."""
    from planwatch.assess.run import assess_plan
    from planwatch.compare.peers import plan_comparisons
    from planwatch.plans.loader import get_plan
    from planwatch.sources.builtin import ensure_builtin

    tmp_path = tmp_path_factory.mktemp("builtin")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLANWATCH_HOME", str(tmp_path / "home"))
        mp.delenv("PLANWATCH_DATABASE_URL", raising=False)
        store = Store.open(f"sqlite:///{tmp_path}/t.sqlite")
        ensure_builtin(store)
        plan = get_plan("beijing-istic-2025")
        result = assess_plan(store, plan, as_of=dt.date(2026, 11, 25))
        comps = plan_comparisons(store, plan)
    return plan, result, comps
