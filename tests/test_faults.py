"""Faults with real processes: concurrent imports land (in a defined order) on SQLite and PostgreSQL, two
first opens of an empty database do not collide, and a writer killed at any point leaves the store as it
was, ready for the same import again."""

from __future__ import annotations

import csv
import os
import random
import signal
import subprocess
import sys
import time
import uuid

import pytest
from conftest import PG_URL

from planwatch.store.repository import Store

HEADER = ["indicator", "region", "period", "value", "unit", "status", "publisher", "title", "url", "published"]


def big_file(path, n: int, tag: str, value: float = 100.0):
    """n rows over many cells (tech_contract_turnover for CN-BJ, 1949–2024, one source per row)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(n):
            year = 1949 + i % 76
            w.writerow(["tech_contract_turnover", "CN-BJ", year, value + i, "亿元", "final", "Bureau", f"Release {tag} {i}",
                        f"https://{tag}.example/{i}", "2025-01-01"])
    return path


def planwatch(*args, env=None):
    return subprocess.Popen([sys.executable, "-m", "planwatch", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, **(env or {})})


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'faults.sqlite'}"
        return
    if not PG_URL:
        pytest.skip("PostgreSQL fault tests need PLANWATCH_TEST_POSTGRES_URL (set by .ci/run)")
    from sqlalchemy import create_engine, text

    schema = "pw_" + uuid.uuid4().hex[:10]
    admin = create_engine(PG_URL)
    with admin.begin() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    yield PG_URL + ("&" if "?" in PG_URL else "?") + f"options=-csearch_path%3D{schema}"
    with admin.begin() as c:
        c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def test_two_first_opens_of_an_empty_database_do_not_collide(db_url):
    procs = [planwatch("plans", "-f", "json", "--db", db_url) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e for _, e in outs]


def test_concurrent_overlapping_imports_both_land(db_url, tmp_path):
    Store.open(db_url)  # migrated once; the race under test is between writers
    a = big_file(tmp_path / "a.csv", 3000, "a", 100.0)
    b = big_file(tmp_path / "b.csv", 3000, "b", 500.0)  # the same cells, other sources
    procs = [planwatch("import", str(f), "--db", db_url, "-f", "json") for f in (a, b)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e for _, e in outs]
    store = Store.open(db_url)
    assert store.counts()["observations"] == 6000
    # revision numbers of one cell are distinct and dense: the imports were ordered, not interleaved
    hist = store.history("tech_contract_turnover", "CN-BJ", 1949)
    assert sorted(h.revision for h in hist) == list(range(1, len(hist) + 1))


def test_a_writer_killed_at_any_point_leaves_the_store_as_it_was(db_url, tmp_path):
    store = Store.open(db_url)
    f = big_file(tmp_path / "k.csv", 8000, "k")
    rng = random.Random(5)
    for _ in range(3):
        p = planwatch("import", str(f), "--db", db_url)
        time.sleep(rng.uniform(0.3, 1.6))
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=30)
        n = store.counts()["observations"]
        assert n in (0, 8000), n  # never a partial file
        if n:
            break
    p = planwatch("import", str(f), "--db", db_url, "-f", "json")
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    assert store.counts()["observations"] == 8000
    again = planwatch("import", str(f), "--db", db_url, "-f", "json")
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0 and '"unchanged": 8000' in out, out + err
    assert store.counts()["observations"] == 8000
