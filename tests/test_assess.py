"""Tests that would catch a wrong verdict: levels, shares, breaks, growth base years, ranks, methods."""

from __future__ import annotations

import math

import pytest
from conftest import make_obs

from planwatch.assess.core import TargetInput, assess_target
from planwatch.assess.projection import annual_changes, forecast
from planwatch.plans.catalogue import Indicator, PeerGroup, SeriesBreak
from planwatch.plans.model import Target, Text


def indicator(kind="share", unit="%", breaks=(), **kw) -> Indicator:
    return Indicator(id="x", name=Text(en="X", zh="X"), unit=unit, kind=kind, definition=Text(en="x"), publisher="p",
                     breaks=[SeriesBreak(from_period=b, reason=Text(en="revision")) for b in breaks], **kw)


def target(**kw) -> Target:
    base = dict(id="t", indicator="x", quote=Text(en="q"), comparator="at_least", value=10, unit="%", deadline=2025)
    base.update(kw)
    return Target(**base)


def run(t, ind, obs, as_of=2024, **kw):
    return assess_target(TargetInput(target=t, indicator=ind, region="CN-BJ", as_of_year=as_of, default_base_year=2020,
                                     observations=obs, **kw))


def series(pairs, **kw):
    return [make_obs(y, v, **kw) for y, v in pairs]


# -- level and share targets ------------------------------------------------------------------------------
def test_met_and_missed_when_the_deadline_figure_exists():
    ind = indicator()
    met = run(target(), ind, series([(2023, 9), (2024, 9.5), (2025, 10.2)]), as_of=2026)
    assert (met.verdict, met.provisional) == ("met", False)
    missed = run(target(), ind, series([(2023, 9), (2024, 9.5), (2025, 9.9)]), as_of=2026)
    assert missed.verdict == "missed"
    prelim = run(target(), ind, series([(2024, 9.5)]) + [make_obs(2025, 10.5, status="preliminary")], as_of=2026)
    assert (prelim.verdict, prelim.provisional) == ("met", True)


def test_on_track_and_off_track_from_the_trend():
    ind = indicator()
    rising = run(target(), ind, series([(2020, 8), (2021, 8.5), (2022, 9), (2023, 9.4)]))
    assert rising.verdict == "on_track"
    assert rising.projection.value == pytest.approx(9.4 + 2 * (1.4 / 3))
    assert rising.projection.low < rising.projection.value < rising.projection.high
    assert 0.5 < rising.probability <= 1
    flat = run(target(), ind, series([(2020, 8), (2021, 8.1), (2022, 7.9), (2023, 8.0)]))
    assert flat.verdict == "off_track"
    assert flat.probability < 0.1
    assert flat.requirement.per_year == pytest.approx((10 - 8.0) / 2)


def test_deadline_passed_without_its_figure_is_provisional():
    res = run(target(), indicator(), series([(2022, 9), (2023, 9.6), (2024, 10.1)]), as_of=2026)
    assert res.verdict == "on_track" and res.provisional
    assert "figure in the store yet" in res.explanation["en"]


def test_no_data_when_nothing_numeric():
    res = run(target(), indicator(), [make_obs(2024, None, status="qualitative", quote="保持在10%左右")])
    assert res.verdict == "no_data"
    assert res.evidence and res.evidence[0].quote == "保持在10%左右"
    assert res.current_value is None


def test_a_single_old_figure_is_not_projected():
    res = run(target(), indicator(), series([(2015, 8)]))
    assert res.verdict == "no_data"
    assert "Not enough data" in res.explanation["en"]


def test_around_respects_direction_and_tolerance():
    t = target(comparator="around", value=6, direction="increase")  # tolerance 3% of 6 = 0.18
    assert run(t, indicator(), series([(2024, 6.6), (2025, 6.58)]), as_of=2026).verdict == "met"
    assert run(t, indicator(), series([(2024, 5.9), (2025, 5.85)]), as_of=2026).verdict == "met"
    assert run(t, indicator(), series([(2024, 5.9), (2025, 5.8)]), as_of=2026).verdict == "missed"
    both = target(comparator="around", value=6, direction="neither", tolerance=0.5)
    assert run(both, indicator(), series([(2025, 6.6)]), as_of=2026).verdict == "missed"
    assert run(both, indicator(), series([(2025, 6.4)]), as_of=2026).verdict == "met"


def test_target_unit_is_converted_to_the_indicator_unit():
    ind = indicator(kind="level", unit="亿元")
    t = target(comparator="more_than", value=1.2, unit="万亿元")
    res = run(t, ind, series([(2024, 11000), (2025, 12100)], unit="亿元"), as_of=2026)
    assert res.target_value_in_indicator_unit == pytest.approx(12000)
    assert res.verdict == "met"
    res2 = run(t, ind, series([(2024, 11000), (2025, 11900)], unit="亿元"), as_of=2026)
    assert res2.verdict == "missed"


def test_money_levels_are_projected_on_a_log_scale():
    ind = indicator(kind="level", unit="亿元")
    t = target(comparator="more_than", value=2000, unit="亿元")
    res = run(t, ind, series([(2021, 1000), (2022, 1100), (2023, 1210)], unit="亿元"))
    assert res.projection.value == pytest.approx(1210 * 1.1**2)
    assert res.requirement.per_year_pct == pytest.approx(((2000 / 1210) ** 0.5 - 1) * 100)


# -- series breaks ----------------------------------------------------------------------------------------
def test_no_trend_is_fitted_across_a_series_break():
    # a level shift of +1.0 at the 2024 revision must not read as growth
    pts = [(2020, 5.0), (2021, 5.1), (2022, 5.2), (2023, 5.3), (2024, 6.3), (2025, 6.4)]
    ch = annual_changes(pts, breaks=[2024], log_scale=False)
    assert ch.crossed_breaks == [2024]
    assert all(d == pytest.approx(0.1) for d in ch.per_year)
    res = run(target(value=6.9, deadline=2027), indicator(breaks=[2024]), series(pts), as_of=2026)
    assert res.projection.value == pytest.approx(6.4 + 2 * 0.1)
    assert res.verdict == "off_track"
    assert any("series break" in r for r in res.reasons)
    naive = run(target(value=6.9, deadline=2027), indicator(), series(pts), as_of=2026)
    assert naive.verdict == "on_track"  # what a fit across the break would (wrongly) say


def test_established_methods_flag_a_base_across_a_break():
    pts = [(2020, 5.0), (2021, 5.1), (2024, 6.3), (2025, 6.4)]
    res = run(target(value=7, deadline=2027), indicator(breaks=[2024]), series(pts), as_of=2026)
    assert all("series break" in (m.note or "") for m in res.methods)


# -- growth targets ---------------------------------------------------------------------------------------
def growth_target(base_year=2022, value=7.5):
    return target(comparator="around", value=value, unit="%", measure="average_annual_growth", base_year=base_year)


def test_average_growth_is_the_geometric_mean_over_the_stated_period():
    ind = indicator(kind="level", unit="亿元", growth_indicator="g")
    rates = series([(2022, 4.4), (2023, 8.5), (2024, 7.7), (2025, 8.7)], indicator="g")
    res = run(growth_target(2022), ind, [], as_of=2026, growth_observations=rates)
    expected = ((1.085 * 1.077 * 1.087) ** (1 / 3) - 1) * 100
    assert res.current_value == pytest.approx(expected)
    assert res.verdict == "met"
    by_base = {c.base_year: c for c in res.base_year_sensitivity}
    assert by_base[2021].average_growth == pytest.approx(((1.044 * 1.085 * 1.077 * 1.087) ** 0.25 - 1) * 100)
    assert by_base[2021].verdict == "met"  # 7.31% is within 7.5 ± 0.225
    # a stricter target flips the verdict for base 2021 but not for 2022: the base year matters
    strict = run(growth_target(2022, value=8.0), ind, [], as_of=2026, growth_observations=rates)
    cases = {c.base_year: c.verdict for c in strict.base_year_sensitivity}
    assert cases[2022] == "met" and cases[2021] == "missed"


def test_growth_derived_from_levels_when_no_rates_published():
    ind = indicator(kind="level", unit="亿元")
    levels = series([(2022, 100.0), (2023, 110.0), (2024, 121.0)], unit="亿元")
    res = run(growth_target(2022, value=10), ind, levels, as_of=2024)
    assert res.verdict == "on_track"
    assert res.projection.value == pytest.approx(10.0)
    # to stay "around 10%" (tolerance 0.3) the 2025 growth must keep the 2023-2025 average at 9.7% or more
    assert res.requirement.threshold == pytest.approx(9.7)
    assert res.requirement.per_year == pytest.approx((1.097**3 / 1.21 - 1) * 100)


def test_growth_projection_for_unpublished_years_is_provisional():
    ind = indicator(kind="level", unit="亿元", growth_indicator="g")
    rates = series([(2021, 6.0), (2022, 5.0), (2023, 5.5)], indicator="g")
    res = run(growth_target(2022), ind, [], as_of=2026, growth_observations=rates)
    assert res.verdict == "off_track" and res.provisional
    assert res.requirement.per_year > 7.5  # the remaining years must do better than the target
    assert res.probability is not None and res.probability < 0.2


# -- rank targets -----------------------------------------------------------------------------------------
def rank_input(own, peers=None, published=None, size=178):
    group = PeerGroup(id="g", name=Text(en="zones"), members=["CN-BJ", "A", "B"], size=size)
    t = target(comparator="rank_at_most", value=1, unit="rank", measure="rank", peer_group="g", direction="decrease")
    return dict(t=t, ind=indicator(kind="level", unit="万亿元", rank_indicator="r"), obs=own, group=group,
                peers=peers or {}, published=published or [])


def run_rank(d, as_of=2026):
    return run(d["t"], d["ind"], d["obs"], as_of=as_of, peer_group=d["group"], peer_observations=d["peers"],
               rank_observations=d["published"])


def test_rank_is_no_data_without_peer_figures_or_published_rank():
    res = run_rank(rank_input(series([(2023, 8.7)], unit="万亿元")))
    assert res.verdict == "no_data"
    assert "cannot be judged" in res.explanation["en"]


def test_rank_from_peer_figures_says_its_coverage():
    d = rank_input(series([(2023, 8.7)], unit="万亿元"),
                   peers={"A": series([(2023, 5.0)], region="A"), "B": series([(2023, 9.0)], region="B")})
    res = run_rank(d)
    assert res.verdict == "off_track" and res.current_value == 2 and res.provisional
    assert "3 zones with figures" in res.explanation["en"] and "178" in res.explanation["en"]


def test_published_rank_decides_and_conflicts_are_reported():
    d = rank_input(series([(2023, 8.7)], unit="万亿元"), peers={"B": series([(2023, 9.0)], region="B")},
                   published=series([(2023, 1)], indicator="r", unit="rank"))
    res = run_rank(d)
    assert (res.verdict, res.current_value) == ("on_track", 1)
    assert any("conflict" in r for r in res.reasons)
    final = rank_input([], published=series([(2025, 2)], indicator="r", unit="rank"))
    assert run_rank(final).verdict == "missed"


def test_forecast_interval_widens_with_horizon():
    ch = annual_changes([(2018, 1.0), (2019, 1.3), (2020, 1.4), (2021, 1.9)], [], log_scale=False)
    near, far = forecast(1.9, 1, ch, False), forecast(1.9, 5, ch, False)
    assert (far.high - far.low) > (near.high - near.low) > 0
    assert not math.isnan(near.sd)
