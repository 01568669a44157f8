"""Named methods as published: checked against independently written formulas on thousands of random
series, on the cases the issue found, and the vectorised batch path against the per-target path."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.assess.batch import Panel, methods_panel
from planwatch.assess.methods import statcan_cagr_ratio, unsd_2023


# -- independent references (written from the method documents, deliberately not sharing code) ---------------
def ref_open_sdg(data: dict[int, float], target: float, target_year: int, base_year: int, direction: int):
    """Open SDG 2.4 sdg-build ProgressMeasure, method 2, restated: (status, score) or None where it cannot run."""
    years = sorted(data)
    if base_year not in data:
        later = [y for y in years if y > base_year]
        if not later:
            return None
        base_year = later[0]
    cy = years[-1]
    cv, bv = data[cy], data[base_year]
    if target == 0:
        target = 0.001
    s = 1 if bv >= 0 else -1
    if (direction == 1 and cv >= target) or (direction == -1 and cv <= target):
        return "target_achieved", 5.0
    if bv == 0:
        bv = 0.001
    if bv * cv < 0 or cy - base_year < 1 or target_year == base_year or target / bv < 0:
        return "not_available", None
    g_obs = math.pow(cv / bv, 1.0 / (cy - base_year)) - 1.0
    g_req = math.pow(target / bv, 1.0 / (target_year - base_year)) - 1.0
    if g_req == 0:
        return "not_available", None
    p = s * direction * g_obs / abs(g_req)
    label = ("substantial_progress" if p >= 0.95 else "moderate_progress" if p >= 0.6 else
             "limited_progress" if p >= 0 else "deterioration")
    score = min(7.1429 * p - 4.2857, 5) if p >= 0.6 else max(4.1667 * p - 2.5, -5)
    return label, score


def ref_unsd(data: dict[int, float], target: float, target_year: int, base_year: int, direction: int):
    years = sorted(data)
    t, vt = years[-1], data[years[-1]]
    if (direction >= 0 and vt >= target) or (direction < 0 and vt <= target):
        return "target_met", 3
    earlier = [y for y in years if y < t]
    if not earlier:
        return "not_available", None
    b = next((y for y in earlier if y >= base_year), earlier[-1])
    vb = data[b]
    if vb <= 0 or vt <= 0 or target == vb:
        return "not_available", None
    rate = (vt / vb) ** (1 / (t - b)) - 1
    expected = vt * (1 + rate) ** (target_year - t)
    r = (expected - vb) / (target - vb)
    if r >= 0.95:
        return "on_track", 3
    return ("acceleration_needed", 2) if r >= 0.10 else ("stagnation_or_regression", 1)


series_st = st.dictionaries(st.integers(2008, 2024), st.one_of(st.floats(-50, 500, allow_nan=False).map(lambda x: round(x, 2)),
                                                                st.just(0.0)), min_size=1, max_size=10)


@settings(max_examples=2500, deadline=None)
@given(data=series_st, target=st.one_of(st.floats(-50, 600).map(lambda x: round(x, 1)), st.just(0.0)),
       base=st.integers(2008, 2020), direction=st.sampled_from([1, -1]))
def test_statcan_matches_the_open_sdg_formula(data, target, base, direction):
    pts = sorted(data.items())
    m = statcan_cagr_ratio(pts, target, 2030, base, direction)
    ref = ref_open_sdg(data, target, 2030, base, direction)
    if ref is None:
        assert m.status == "not_available"
        return
    assert m.status == ref[0]
    if ref[1] is None:
        assert m.score is None
    else:
        assert m.score == pytest.approx(ref[1], rel=1e-9, abs=1e-9)


@settings(max_examples=2500, deadline=None)
@given(data=series_st, target=st.floats(-50, 600).map(lambda x: round(x, 1)), base=st.integers(2008, 2020),
       direction=st.sampled_from([1, -1]))
def test_unsd_matches_the_published_rule(data, target, base, direction):
    m = unsd_2023(sorted(data.items()), target, 2030, base, direction)
    status, score = ref_unsd(data, target, 2030, base, direction)
    assert m.status == status
    assert (m.score is None) == (score is None) and (score is None or m.score == score)


def test_the_cases_the_issue_found():
    # a latest value already beyond the target counts as met, whatever the trend
    assert unsd_2023([(2015, 100.0), (2020, 120.0)], 90.0, 2030, 2015, direction=1).status == "target_met"
    assert unsd_2023([(2015, 100.0), (2020, 120.0)], 90.0, 2030, 2015, direction=-1).status == "stagnation_or_regression"
    # Open SDG resets a zero target (and a zero base) to 0.001 and computes; a zero current value computes
    zero_target = statcan_cagr_ratio([(2015, 10.0), (2020, 5.0)], 0.0, 2030, 2015, -1)
    assert zero_target.status != "not_available" and zero_target.components["target"] == 0.001
    zero_current = statcan_cagr_ratio([(2015, 10.0), (2020, 0.0)], 50.0, 2030, 2015, 1)
    assert zero_current.status == "deterioration" and zero_current.components["cagr_observed"] == -1.0
    assert statcan_cagr_ratio([(2015, 0.0), (2020, 5.0)], 50.0, 2030, 2015, 1).status != "not_available"
    # Open SDG's labels, so results compare with Open SDG sites
    labels = {statcan_cagr_ratio([(2015, 100.0), (2020, v)], 150.0, 2030, 2015, 1).status for v in (80, 101, 111, 114, 160)}
    assert labels == {"deterioration", "limited_progress", "moderate_progress", "substantial_progress", "target_achieved"}


def test_batch_methods_equal_the_per_target_path_on_random_panels():
    rng = np.random.default_rng(11)
    S, years = 3000, np.arange(2008, 2025)
    vals = rng.choice([-20.0, 0.0, 5.0, 50.0, 100.0], size=(S, 1)) + np.cumsum(rng.normal(0, 8, size=(S, len(years))), axis=1)
    vals = np.round(vals, 1)
    vals[rng.random(vals.shape) < 0.3] = np.nan
    vals[rng.random(vals.shape) < 0.03] = 0.0
    deadline = rng.choice([2020, 2025, 2030], size=S)
    target = np.round(rng.choice([0.0, 100.0]) + rng.normal(60, 60, size=S), 1)
    target[rng.random(S) < 0.05] = 0.0
    base = rng.integers(2008, 2020, size=S)
    direction = rng.choice([1, -1], size=S)
    percent = rng.random(S) < 0.5
    out = methods_panel(Panel(years, vals), deadline, target, base, direction, percent)
    for i in range(S):
        pts = [(int(y), float(v)) for y, v in zip(years, vals[i], strict=True) if not np.isnan(v) and y <= deadline[i]]
        sc = statcan_cagr_ratio(pts, float(target[i]), int(deadline[i]), int(base[i]), int(direction[i]))
        un = unsd_2023(pts, float(target[i]), int(deadline[i]), int(base[i]), int(direction[i]), percent=bool(percent[i]))
        assert out["statcan_status"][i] == sc.status, (i, pts)
        assert out["unsd_status"][i] == un.status, (i, pts)
        if sc.score is None:
            assert np.isnan(out["statcan_score"][i])
        else:
            assert out["statcan_score"][i] == pytest.approx(sc.score, rel=1e-9, abs=1e-9)
        if un.score is not None:
            assert out["unsd_score"][i] == un.score
