"""The shipped data: every number has its source, loads cleanly and loads once."""

from __future__ import annotations

import csv
from pathlib import Path

from planwatch.sources.builtin import builtin_files, ensure_builtin
from planwatch.sources.files import open_records
from planwatch.sources.rows import check_header, validate_records


def test_every_builtin_row_is_valid_and_sourced():
    total = 0
    for f in builtin_files():
        header, records, _ = open_records(Path(f.name), f.read_bytes())
        assert check_header(header) == []
        rows, errors = validate_records(records)
        assert errors == [], f"{f.name}: {errors[:3]}"
        for r in rows:
            assert r.publisher and r.title and r.url.startswith("http") and r.published, r
            if r.status not in ("qualitative", "withdrawn"):
                assert r.value is not None
        total += len(rows)
    assert total > 80


def test_builtin_covers_every_beijing_target_indicator_or_is_a_visible_gap():
    seen = set()
    for f in builtin_files():
        for r in csv.DictReader(f.read_text(encoding="utf-8").splitlines()):
            if r["region"] in ("CN-BJ", "HTZ-ZGC") and r["value"]:
                seen.add(r["indicator"])
    assert {"rd_intensity", "basic_research_share", "hightech_value_added", "digital_economy_growth",
            "tech_contract_turnover", "hightech_zone_revenue"} <= seen


def test_builtin_loads_once_then_is_skipped(sqlite_store):
    assert ensure_builtin(sqlite_store) is True
    n = sqlite_store.counts()["observations"]
    assert ensure_builtin(sqlite_store) is False
    assert sqlite_store.counts()["observations"] == n


def test_conflicting_sources_are_kept_as_revisions(sqlite_store):
    ensure_builtin(sqlite_store)
    hist = sqlite_store.history("rd_intensity", "CN-BJ", 2013)
    assert [h.value for h in hist] == [6.1, 5.98]  # the later publication is current, the earlier kept


def test_builtin_revisions_follow_publication_dates(sqlite_store):
    ensure_builtin(sqlite_store)
    for key in {(o.indicator, o.region, o.period) for o in sqlite_store.observations(all_revisions=True)}:
        hist = [h for h in sqlite_store.history(*key) if h.is_numeric]
        dates = [h.published for h in hist]
        assert dates == sorted(dates), (key, dates)
