"""Each normalisation, aggregation and imputation method against an independent formula; treatment edge cases."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from planwatch.compare.index.aggregate import Tree, aggregate
from planwatch.compare.index.framework import Framework, ImputeSpec, NormaliseSpec, TreatSpec
from planwatch.compare.index.impute import impute
from planwatch.compare.index.normalise import normalise
from planwatch.compare.index.stats import kurtosis, rank_desc, skewness
from planwatch.compare.index.treat import treat_column, winsorise

finite = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, width=64)
positive = st.floats(min_value=0.01, max_value=1e3, allow_nan=False, width=64)


def column(elements=finite, min_size=4, max_size=25):
    return arrays(np.float64, st.integers(min_size, max_size), elements=elements).filter(lambda a: np.ptp(a) > 1e-6)


# -- statistics ------------------------------------------------------------------------------------------
@given(column())
@settings(max_examples=60, deadline=None)
def test_skewness_and_kurtosis_are_the_sample_adjusted_forms(x):
    n = len(x)
    m = sum(x) / n
    m2 = sum((v - m) ** 2 for v in x) / n
    m3 = sum((v - m) ** 3 for v in x) / n
    m4 = sum((v - m) ** 4 for v in x) / n
    g1 = m3 / m2**1.5 * math.sqrt(n * (n - 1)) / (n - 2)
    g2 = (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * (m4 / m2**2 - 3) + 6)
    assert skewness(x) == pytest.approx(g1, rel=1e-6, abs=1e-9)
    assert kurtosis(x) == pytest.approx(g2, rel=1e-6, abs=1e-9)


def test_ranks_are_descending_with_ties_sharing_the_best_rank():
    assert list(rank_desc(np.array([3.0, 5.0, 5.0, np.nan, 1.0]))) == pytest.approx([3, 1, 1, np.nan, 4], nan_ok=True)
    many = np.array([[1.0, 2.0, 3.0], [3.0, 3.0, 1.0]])
    assert rank_desc(many, axis=1).tolist() == [[3, 2, 1], [1, 1, 3]]


# -- normalisation ---------------------------------------------------------------------------------------
@given(column(), st.sampled_from([1, -1]), st.tuples(st.floats(-10, 10), st.floats(11, 200)))
@settings(max_examples=60, deadline=None)
def test_minmax_zscore_and_fraction(x, direction, rng):
    d = np.array([direction])
    y = x * direction
    mm = normalise(x[:, None], NormaliseSpec(method="minmax", range=rng), d)[:, 0]
    assert mm == pytest.approx([(v - y.min()) / (y.max() - y.min()) * (rng[1] - rng[0]) + rng[0] for v in y])
    z = normalise(x[:, None], NormaliseSpec(method="zscore", mean=10, sd=2), d)[:, 0]
    sd = math.sqrt(sum((v - y.mean()) ** 2 for v in y) / (len(y) - 1))
    assert z == pytest.approx([(v - y.mean()) / sd * 2 + 10 for v in y])
    front = normalise(x[:, None], NormaliseSpec(method="distance_to_frontier"), d)[:, 0]
    assert front == pytest.approx([1 - (y.max() - v) / (y.max() - y.min()) for v in y])


@given(arrays(np.float64, st.integers(3, 20), elements=st.integers(0, 6).map(float)).filter(lambda a: np.ptp(a) > 0))
@settings(max_examples=60, deadline=None)
def test_rank_based_normalisations(x):
    ranks = [1 + sum(w < v for w in x) for v in x]  # ascending, ties → lowest rank
    d = np.array([1])
    assert normalise(x[:, None], NormaliseSpec(method="rank"), d)[:, 0].tolist() == ranks
    assert normalise(x[:, None], NormaliseSpec(method="borda"), d)[:, 0].tolist() == [r - 1 for r in ranks]
    pct = normalise(x[:, None], NormaliseSpec(method="percentile"), d)[:, 0]
    assert pct == pytest.approx([(r - 1) / (len(x) - 1) for r in ranks])


def test_targets_references_and_goalposts():
    x = np.array([[10.0, 4.0], [20.0, 2.0], [30.0, 1.0]])
    d = np.array([1, -1])
    t = normalise(x, NormaliseSpec(method="distance_to_target", cap=True), d, targets=np.array([25.0, 1.5]))
    # direction -1: target and values are negated first: (−x − min(−x)) / (−t − min(−x))
    assert t[:, 0] == pytest.approx([0.0, 10 / 15, 1.0])
    assert t[:, 1] == pytest.approx([0.0, 2 / 2.5, 1.0])
    ref = normalise(x, NormaliseSpec(method="distance_to_reference", reference="b"), d, units=["a", "b", "c"])
    assert ref[:, 0] == pytest.approx([0.0, 1.0, 2.0])
    gp = normalise(x, NormaliseSpec(method="goalposts", scale=100), d, goalposts=[(0.0, 20.0), (0.0, 4.0)])
    assert gp[:, 0] == pytest.approx([50.0, 100.0, 100.0])
    assert gp[:, 1] == pytest.approx([0.0, 50.0, 75.0])
    assert normalise(x, NormaliseSpec(method="fraction_of_max"), np.array([1, 1]))[:, 0] == pytest.approx([1 / 3, 2 / 3, 1])


# -- aggregation -----------------------------------------------------------------------------------------
def _two_level() -> Tree:
    fw = Framework.model_validate({"id": "t", "title": "t", "data": {"table": "x.csv"},
                                   "index": {"id": "I", "children": [
                                       {"id": "P", "weight": 2, "children": [{"id": "a"}, {"id": "b", "weight": 3}]},
                                       {"id": "Q", "children": [{"id": "c"}]}]}})
    return Tree.from_framework(fw)


@given(arrays(np.float64, (5, 3), elements=positive), st.lists(st.floats(0.1, 5), min_size=3, max_size=3),
       st.sampled_from(["arithmetic", "geometric", "harmonic"]))
@settings(max_examples=60, deadline=None)
def test_weighted_means_match_their_formulas(x, wl, method):
    tree = _two_level()
    w = tree.weight.copy()
    w[:3] = wl
    got = aggregate(x, tree, w[None, :], [method] * 3)[0]

    def mean(vals, ws):
        if method == "arithmetic":
            return sum(v * q for v, q in zip(vals, ws, strict=True)) / sum(ws)
        if method == "geometric":
            return math.exp(sum(q * math.log(v) for v, q in zip(vals, ws, strict=True)) / sum(ws))
        return sum(ws) / sum(q / v for v, q in zip(vals, ws, strict=True))

    for u in range(5):
        p = mean([x[u, 0], x[u, 1]], wl[:2])
        q = x[u, 2]
        assert got[u, 0] == pytest.approx(p, rel=1e-9)
        assert got[u, 1] == pytest.approx(q, rel=1e-9)
        assert got[u, 2] == pytest.approx(mean([p, q], [2.0, 1.0]), rel=1e-9)


def test_missing_children_renormalise_the_weights_and_many_replications_agree_with_one():
    tree = _two_level()
    x = np.array([[10.0, np.nan, 4.0], [np.nan, np.nan, 8.0]])
    out = aggregate(x, tree, tree.weight[None, :], ["arithmetic"] * 3)[0]
    assert out[0, 0] == 10.0 and np.isnan(out[1, 0])
    assert out[1, 2] == 8.0  # P has no value: Q alone
    rng = np.random.default_rng(1)
    w = np.abs(rng.normal(1, 0.3, (7, len(tree.ids))))
    x2 = np.abs(rng.normal(5, 1, (4, 3)))
    batch = aggregate(x2, tree, w, ["harmonic"] * 3)
    for r in range(7):
        assert batch[r] == pytest.approx(aggregate(x2, tree, w[r], ["harmonic"] * 3)[0])
    assert np.isnan(aggregate(np.array([[0.0, 1.0, 1.0]]), tree, tree.weight, ["geometric"] * 3)[0, 0, 0])


# -- imputation ------------------------------------------------------------------------------------------
@given(arrays(np.float64, (8, 3), elements=finite), st.lists(st.booleans(), min_size=24, max_size=24))
@settings(max_examples=50, deadline=None)
def test_mean_median_and_group_imputation(x, holes):
    x = x.copy()
    mask = np.array(holes).reshape(8, 3)
    mask[0] = False  # every column keeps a value
    x[mask] = np.nan
    groups = {"g": ["a", "b"] * 4}
    for method in ("indicator_mean", "indicator_median"):
        out = impute(x, ImputeSpec(method=method))
        for j in range(3):
            col = [v for v in x[:, j] if not math.isnan(v)]
            fill = sum(col) / len(col) if method.endswith("mean") else float(np.median(col))
            assert all(out[i, j] == pytest.approx(fill) for i in range(8) if mask[i, j])
            assert all(out[i, j] == x[i, j] for i in range(8) if not mask[i, j])
    out = impute(x, ImputeSpec(method="group_mean", group="g"), groups)
    for i, j in zip(*np.nonzero(mask), strict=True):
        same = [x[k, j] for k in range(8) if groups["g"][k] == groups["g"][i] and not math.isnan(x[k, j])]
        assert (math.isnan(out[i, j]) and not same) or out[i, j] == pytest.approx(sum(same) / len(same))


def test_em_and_regression_recover_a_linear_relation():
    rng = np.random.default_rng(4)
    a = rng.normal(0, 1, 60)
    x = np.column_stack([a, 2 * a + 1 + rng.normal(0, 0.01, 60), rng.normal(0, 1, 60)])
    holed = x.copy()
    holed[:6, 1] = np.nan
    for method in ("em", "regression"):
        out = impute(holed, ImputeSpec(method=method))
        assert out[:6, 1] == pytest.approx(2 * a[:6] + 1, abs=0.1), method
        assert np.array_equal(out[6:], x[6:])


# -- treatment -------------------------------------------------------------------------------------------
BASE = list(np.arange(1.0, 21.0))


def test_winsorising_moves_the_extreme_points_to_the_next_value():
    x = np.array(BASE + [1000.0, 1001.0])
    y, high, low, n = winsorise(x, TreatSpec())
    # step 1: 1001 → 1000; step 2: both (now tied) → 20; the count is cumulative through the tie
    assert n == 2 and low == [] and sorted(high) == [20, 21]
    assert y[20] == y[21] == 20 and list(y[:20]) == BASE


def test_ties_move_together_even_past_winmax():
    x = np.array(BASE + [500.0, 500.0, 500.0])
    y, high, _, n = winsorise(x, TreatSpec(winmax=2))
    assert n == 3 and sorted(high) == [20, 21, 22] and (y[20:] == 20).all()


def test_log_fallback_when_winsorising_is_not_enough():
    x = np.array(BASE + [1000.0, 1001.0])
    y, rec = treat_column(x, "v", TreatSpec(winmax=1))
    assert rec.winsorised == 1 and rec.passed_winsorised is False and rec.log == "log"
    lo, hi = x.min(), x.max()
    assert y == pytest.approx(np.log(x - lo + 0.01 * (hi - lo)))  # the original values, not the winsorised ones
    y2, rec2 = treat_column(x, "v", TreatSpec(winmax=1, combine=True))
    xw = x.copy()
    xw[21] = 1000.0
    assert rec2.log == "log" and y2 == pytest.approx(np.log(xw - lo + 0.01 * (1000.0 - lo)))


@pytest.mark.parametrize("x", [np.array([1.0, 1.0, 1.0, 1.0, 1.0]), np.array([1.0, 2.0, np.nan]), np.array([np.nan] * 5)])
def test_constant_or_short_indicators_are_left_alone(x):
    y, rec = treat_column(x, "v", TreatSpec())
    assert rec.passed is None and rec.winsorised is None
    assert np.array_equal(y, x, equal_nan=True)


def test_a_passing_indicator_and_negative_skew():
    ok = np.arange(20, dtype=float)
    y, rec = treat_column(ok, "v", TreatSpec())
    assert rec.passed and np.array_equal(y, ok)
    neg = -np.array(BASE + [1000.0, 1001.0])
    y, high, low, n = winsorise(neg, TreatSpec())
    assert sorted(low) == [20, 21] and high == [] and n == 2 and y[21] == -20
