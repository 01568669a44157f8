"""The store on SQLite and on a real PostgreSQL: revisions never overwrite, writes are all-or-nothing."""

from __future__ import annotations

import pytest

from planwatch.store.repository import NewObservation


def row(value, url="https://stats.example/2024", period=2024, status="final", indicator="rd_intensity"):
    return NewObservation(indicator=indicator, region="CN-BJ", period=period, value=value, unit="%", value_std=value,
                          status=status, publisher="Bureau", title="Release", url=url, published="2025-01-01",
                          quote=None if status != "qualitative" else "about 6%")


def test_a_changed_value_is_a_new_revision_and_history_is_kept(store):
    store.write([row(6.5)], origin="a")
    store.write([row(6.58, url="https://stats.example/revised")], origin="b")
    current = store.observations(["rd_intensity"])
    assert [(o.period, o.value, o.revision) for o in current] == [(2024, 6.58, 2)]
    history = store.history("rd_intensity", "CN-BJ", 2024)
    assert [(o.value, o.url) for o in history] == [(6.5, "https://stats.example/2024"), (6.58, "https://stats.example/revised")]
    assert history[0].recorded_at <= history[1].recorded_at


def test_reimporting_the_same_figure_adds_nothing(store):
    first = store.write([row(6.5), row(6.6, period=2025)], origin="a")
    again = store.write([row(6.5), row(6.6, period=2025)], origin="a")
    assert (first.written, again.written, again.unchanged) == (2, 0, 2)
    assert store.counts()["observations"] == 2


def test_qualitative_statements_never_become_the_current_value(store):
    store.write([row(6.5)], origin="a")
    store.write([row(None, url="https://words.example", status="qualitative")], origin="b")
    current = store.observations(["rd_intensity"])
    numeric = [o for o in current if o.is_numeric]
    assert [o.value for o in numeric] == [6.5]
    assert any(o.status == "qualitative" and o.quote == "about 6%" for o in current)


def test_a_failing_write_leaves_nothing_behind(store):
    store.write([row(6.5)], origin="a")
    before = store.counts()
    bad = NewObservation(indicator="rd_intensity", region="CN-BJ", period=2023, value=6.0, unit="%", value_std=6.0,
                         status="final", publisher=None, title="t", url="u", published="2024")  # NOT NULL violated
    with pytest.raises(Exception):  # noqa: B017 - any database error
        store.write([row(7.0, period=2022), bad], origin="broken")
    assert store.counts() == before
    assert [o.period for o in store.observations(["rd_intensity"])] == [2024]


def test_schema_matches_the_newest_migration(store):
    from planwatch.store.db import HEAD_REVISION, current_revision

    assert current_revision(store.engine) == HEAD_REVISION


def test_head_revision_constant_matches_alembic():
    from pathlib import Path

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    import planwatch.store.db as db

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    assert ScriptDirectory.from_config(cfg).get_current_head() == db.HEAD_REVISION


def test_database_url_resolution(tmp_path, monkeypatch):
    from planwatch.store.db import resolve_url

    assert resolve_url(str(tmp_path / "x.sqlite")) == f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("PLANWATCH_DATABASE_URL", "sqlite:////tmp/env.sqlite")
    assert resolve_url() == "sqlite:////tmp/env.sqlite"
    monkeypatch.delenv("PLANWATCH_DATABASE_URL")
    assert resolve_url().endswith("planwatch.sqlite")


def test_a_file_larger_than_one_batch_imports_once_and_reimports_unchanged(store, monkeypatch):
    import planwatch.store.repository as repo

    monkeypatch.setattr(repo, "BATCH", 7)
    rows = [row(5.0 + i / 100, period=2000 + i % 5, url=f"https://stats.example/{i}") for i in range(40)]
    first = store.write(rows, origin="a")
    again = store.write(rows, origin="a")
    assert (first.new, again.unchanged, again.written) == (40, 40, 0)
    assert store.counts()["observations"] == 40
    for y in range(2000, 2005):
        assert sorted(h.revision for h in store.history("rd_intensity", "CN-BJ", y)) == list(range(1, 9))
