"""As of a date means as known on that date; revisions follow the publisher's order; bases never mix;
statements are interval evidence; conflicts are shown with lower confidence; verdict timelines replay."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from planwatch.assess.run import assess_plan
from planwatch.plans.loader import get_plan
from planwatch.sources.builtin import ensure_builtin
from planwatch.store.repository import NewObservation, Store
from planwatch.store.vintage import date_bounds, pick_current, select


def obs(value, *, period=2021, published="2022-03-01", url="https://stats.example/a", status="final", unit="%",
        indicator="rd_intensity", region="CN-BJ", basis=None, rounded=False, value_std=None, comparator=None, quote=None):
    return NewObservation(indicator=indicator, region=region, period=period, value=value, unit=unit,
                          value_std=value if value_std is None else value_std, status=status, publisher="Bureau",
                          title=f"Release {url}", url=url, published=published, basis=basis, rounded=rounded,
                          comparator=comparator, quote=quote or ("words" if status in ("statement", "qualitative") else None))


# -- the store's rules --------------------------------------------------------------------------------------------
def test_imprecise_dates_are_known_only_from_their_last_day():
    assert date_bounds("2018") == (dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    assert date_bounds("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_bounds("2024-03-21") == (dt.date(2024, 3, 21),) * 2


def test_as_of_sees_only_what_was_published_by_then(store):
    store.write([obs(6.5, published="2022-03-01"), obs(6.7, published="2023-09-18", url="https://stats.example/b"),
                 obs(6.9, period=2022, published="2023-09-18", url="https://stats.example/c")], origin="t")
    then = {o.period: o.value for o in store.observations(["rd_intensity"], as_of=dt.date(2023, 6, 1))}
    now = {o.period: o.value for o in store.observations(["rd_intensity"])}
    assert then == {2021: 6.5} and now == {2021: 6.7, 2022: 6.9}


def test_a_correction_back_to_an_earlier_value_is_a_new_current_revision(store):
    first = store.write([obs(6.58)], origin="a")
    second = store.write([obs(6.70, url="https://stats.example/b", published="2022-06-01")], origin="b")
    third = store.write([obs(6.58, url="https://stats.example/c", published="2022-09-01")], origin="c")
    assert (first.new, second.new, third.new) == (1, 1, 1)
    assert [o.value for o in store.observations(["rd_intensity"])] == [6.58]
    assert [h.value for h in store.history("rd_intensity", "CN-BJ", 2021)] == [6.58, 6.70, 6.58]
    # the same source corrected back and forth: every change is a revision of its line
    again = store.write([obs(6.70, url="https://stats.example/c", published="2022-09-01")], origin="d")
    back = store.write([obs(6.58, url="https://stats.example/c", published="2022-09-01")], origin="e")
    assert (again.revised, back.revised) == (1, 1)
    assert [o.value for o in store.observations(["rd_intensity"])] == [6.58]


def test_metadata_only_changes_are_recorded(store):
    store.write([obs(6.58)], origin="a")
    res = store.write([NewObservation(**{**obs(6.58).__dict__, "title": "Corrected title", "quote": "6.58%"})], origin="b")
    assert (res.metadata_only, res.unchanged, res.written) == (1, 0, 1)
    assert store.observations(["rd_intensity"])[0].title == "Corrected title"
    assert store.write([obs(6.58)], origin="c").revised == 0  # back to the first metadata: a revision again
    assert len(store.history("rd_intensity", "CN-BJ", 2021)) == 3


def test_a_rounded_restatement_never_beats_the_precise_figure():
    precise = obs(16251.9, unit="亿元", published="2022", url="https://a", indicator="digital_economy_value_added")
    rounded = obs(1.6, unit="万亿元", value_std=16000.0, published="2022-09-22", url="https://b", rounded=True,
                  indicator="digital_economy_value_added")
    rows = [_stored(precise, 1), _stored(rounded, 2)]
    assert pick_current(rows).value == 16251.9
    # unmarked, it is still recognised: fewer digits that round the precise figure
    unmarked = _stored(obs(1.6, unit="万亿元", value_std=16000.0, published="2022-09-22", url="https://b",
                           indicator="digital_economy_value_added"), 2)
    assert pick_current([rows[0], unmarked]).value == 16251.9


def test_when_dates_cannot_tell_final_beats_preliminary():
    prelim = _stored(obs(11875.4, unit="亿元", published="2024-03-21", status="preliminary", url="https://a"), 1)
    final = _stored(obs(11859.0, unit="亿元", published="2024", status="final", url="https://b"), 2)
    assert pick_current([prelim, final]).value == 11859.0
    assert pick_current([final, prelim]).value == 11859.0
    later_prelim = _stored(obs(11900.0, unit="亿元", published="2025-03-01", status="preliminary", url="https://c"), 3)
    assert pick_current([prelim, final, later_prelim]).value == 11900.0  # a later publication wins when dates tell


def _stored(n: NewObservation, revision: int):
    from planwatch.store.repository import StoredObservation

    return StoredObservation(**{k: v for k, v in n.__dict__.items()}, revision=revision,
                             recorded_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), id=revision)


def test_the_beijing_revision_cases(builtin_store):
    cur = {(o.indicator, o.period): o for o in builtin_store.observations(["digital_economy_value_added",
                                                                           "hightech_value_added"], ["CN-BJ"])}
    assert cur[("digital_economy_value_added", 2021)].value == 16251.9
    assert cur[("hightech_value_added", 2023)].value == 11859


# -- the Beijing scorecard follows all the evidence ---------------------------------------------------------------
@pytest.fixture(scope="module")
def builtin_store(tmp_path_factory):
    s = Store.open(f"sqlite:///{tmp_path_factory.mktemp('v')}/b.sqlite")
    ensure_builtin(s)
    return s


def by_id(result):
    return {t.target_id: t for t in result.targets}


def test_as_of_2023_uses_nothing_published_later(builtin_store):
    res = by_id(assess_plan(builtin_store, get_plan(), as_of=dt.date(2023, 6, 1)))
    for t in res.values():
        for p in t.series + t.growth_series + t.evidence + [s.point for s in t.statements] + t.ranks:
            assert date_bounds(p.source.published)[1] <= dt.date(2023, 6, 1), (t.target_id, p)
    assert res["digital-economy-growth"].verdict != "met"
    assert res["rd-intensity"].latest.period <= 2022


def test_basic_research_reads_as_the_statements_say(builtin_store):
    t = by_id(assess_plan(builtin_store, get_plan(), as_of=dt.date(2026, 11, 25)))["basic-research-share"]
    assert (t.verdict, t.provisional, t.decided_by) == ("missed", True, "statement")
    assert t.probability < 0.1
    assert any(s.used == "decides" and s.point.period == 2025 for s in t.statements)
    assert "16%左右" in t.explanation["en"]
    # before the 2025 statement was published, the 2023 figure (derived from the S&T yearbook) is known: the
    # projection is fitted through 2023 and the statement "about 16%" for 2023 gives way to the figure
    before = by_id(assess_plan(builtin_store, get_plan(), as_of=dt.date(2025, 6, 30)))["basic-research-share"]
    assert before.projection is not None and before.projection.fitted_to == 2023
    assert 2023 not in before.projection.conditioned_on
    # without that figure, the statement for 2023 conditions the projection and pulls it below the figures alone
    from planwatch.assess.core import TargetInput, assess_target
    from planwatch.plans.catalogue import load_catalogue

    rows = builtin_store.observations(["basic_research_share"], ["CN-BJ"], as_of=dt.date(2025, 6, 30))
    no_2023_figure = [o for o in rows if not (o.period == 2023 and o.is_numeric)]
    assert len(no_2023_figure) < len(rows)
    plan = get_plan()

    def assess(observations):
        return assess_target(TargetInput(target=plan.target("basic-research-share"),
                                         indicator=load_catalogue().indicator("basic_research_share"), region="CN-BJ",
                                         as_of_year=2025, default_base_year=2022, observations=observations))

    with_statement = assess(no_2023_figure)
    assert 2023 in with_statement.projection.conditioned_on
    alone = assess([o for o in no_2023_figure if o.is_numeric])
    assert with_statement.projection.value < alone.projection.value


def test_rd_personnel_never_trends_across_definitions(builtin_store):
    t = by_id(assess_plan(builtin_store, get_plan()))["rd-personnel"]
    assert t.basis["id"] == "fte"
    assert all(p.basis == "fte" for p in t.series)
    assert any(p.basis is None and p.period == 2018 for p in t.other_basis)
    assert t.verdict == "no_data" or all(p.basis == "fte" for p in t.series)


def test_zhongguancun_conflict_is_shown_and_lowers_confidence(builtin_store):
    t = by_id(assess_plan(builtin_store, get_plan()))["zgc-revenue-leading"]
    assert t.ranks and t.ranks[-1].source.url
    assert any(c.kind == "rank" for c in t.conflicts)
    assert t.confidence == "low"
    assert "published rank" in t.explanation["en"] and "HTZ-ZJ" in t.explanation["en"]


def test_figure_conflicts_are_listed_not_hidden(builtin_store):
    t = by_id(assess_plan(builtin_store, get_plan()))["hightech-value-added"]
    c = [c for c in t.conflicts if c.period == 2023]
    assert c and {c[0].current.published_value, c[0].other.published_value} == {11859.0, 11875.4}


def test_history_replays_a_timeline(builtin_store):
    from planwatch.assess.timeline import verdict_timelines

    tl = {t.target_id: t for t in verdict_timelines(builtin_store, get_plan(), today=dt.date(2026, 11, 25))}
    rd = tl["rd-intensity"]
    assert rd.points[0].date == "2023-05-08"
    assert [p.verdict for p in rd.points if p.date == "2026-01-25"] == ["met"]
    assert "since 2026-01-25" in rd.summary["en"] and "statement for 2025" in rd.summary["en"]


def test_cli_as_of_and_history(tmp_path):
    from planwatch.cli import app

    runner = CliRunner()
    db = str(tmp_path / "c.sqlite")
    r = runner.invoke(app, ["status", "--as-of", "2023-06-01", "-f", "json", "--db", db])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["as_of"] == "2023-06-01"
    r = runner.invoke(app, ["history", "rd-intensity", "-f", "json", "--db", db])
    assert r.exit_code == 0 and json.loads(r.output)[0]["target_id"] == "rd-intensity"
    r = runner.invoke(app, ["history", "nope", "--db", db])
    assert r.exit_code != 0


def test_select_on_statements_waits_for_the_period_to_end():
    st = _stored(obs(16.0, status="statement", comparator="around", period=2025, published="2025-03-05"), 1)
    assert select([st], dt.date(2025, 6, 1)) == []
    assert select([st], dt.date(2026, 1, 1)) == [st]
