"""Monte Carlo rank intervals and Sobol indices on small cases whose answer is known; Dask gives the same ranks."""

from __future__ import annotations

import numpy as np
import pytest

from planwatch.compare.index.data import Dataset
from planwatch.compare.index.framework import Framework
from planwatch.compare.index.pipeline import run
from planwatch.compare.index.uncertainty import run_uncertainty


def _framework(uncertainty: dict) -> Framework:
    return Framework.model_validate({
        "id": "u", "title": "u", "data": {"table": "none.csv"},
        "steps": {"normalise": {"method": "minmax", "range": [1, 100]}},
        "uncertainty": {"seed": 5, **uncertainty},
        "index": {"id": "I", "children": [{"id": "P", "children": [{"id": "a"}, {"id": "b"}]},
                                          {"id": "Q", "children": [{"id": "c"}]}]},
    })


def _data(values) -> Dataset:
    v = np.asarray(values, dtype=float)
    units = [f"u{i}" for i in range(len(v))]
    return Dataset(units, units, ["a", "b", "c"], v, reference=np.zeros(len(v), bool))


def _run(fw: Framework, ds: Dataset, n: int, **kw):
    nominal = run(ds, fw)
    return nominal, run_uncertainty(ds, fw, nominal, np.arange(len(ds.units)), n, **kw)


DOMINATED = [[1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4], [5, 5, 5]]  # every indicator orders the units the same way


def test_choices_that_cannot_change_the_ranks_give_a_point_interval_and_zero_indices():
    fw = _framework({"weights": {"levels": ["Indicator", "Pillar"], "noise": 0.5},
                     "normalise": [{"method": "minmax", "range": [1, 100]}, {"method": "rank"}],
                     "aggregate": ["arithmetic", "geometric", "harmonic"]})
    nominal, res = _run(fw, _data(DOMINATED), 300)
    assert res.design == "saltelli" and res.failed == 0
    assert np.array_equal(res.q05, res.q95) and np.array_equal(res.median, nominal.ranks[:, nominal.tree.root])
    s = res.sensitivity
    assert np.allclose(s.st, 0) and np.allclose(s.s1, 0)


def test_the_only_choice_that_matters_takes_all_the_variance():
    # the weight of pillar P against Q decides who is first; rescaling every indicator the same way
    # (min-max to [1, 100] or to [1, 10]) moves every arithmetic mean alike, so it never changes a rank
    values = [[10, 10, 1], [1, 1, 6], [2, 2, 2]]
    fw = _framework({"weights": {"ranges": {"P": [0.1, 10.0]}},
                     "normalise": [{"method": "minmax", "range": [1, 100]}, {"method": "minmax", "range": [1, 10]}]})
    _, res = _run(fw, _data(values), 2000)
    s = res.sensitivity
    w, norm = s.factors.index("weights"), s.factors.index("normalise")
    assert s.st[w] == pytest.approx(1.0, abs=0.1) and s.s1[w] == pytest.approx(1.0, abs=0.1)
    assert s.st[norm] == pytest.approx(0.0, abs=1e-9)
    assert res.q05[0] == 1 and res.q95[0] >= 2  # u0 is sometimes first, sometimes not


def test_a_single_choice_gives_monte_carlo_intervals_without_indices():
    fw = _framework({"weights": {"levels": ["Pillar"], "noise": 0.9}})
    _, res = _run(fw, _data([[10, 1, 1], [1, 6, 6], [2, 2, 2]]), 400)
    assert res.design == "monte-carlo" and res.evaluations == 400 and res.sensitivity is None
    assert (res.q05 <= res.median).all() and (res.median <= res.q95).all()


def test_imputation_and_treatment_alternatives_run_their_own_pipelines():
    fw = Framework.model_validate({
        "id": "u", "title": "u", "data": {"table": "none.csv"},
        "steps": {"impute": {"method": "indicator_mean"}, "treat": {"winmax": 3}, "normalise": {"method": "minmax"}},
        "uncertainty": {"seed": 2, "impute": ["indicator_mean", "indicator_median"], "treat": ["on", "off"]},
        "index": {"id": "I", "children": [{"id": "a"}, {"id": "b"}, {"id": "c"}]},
    })
    rng = np.random.default_rng(3)
    v = rng.lognormal(0, 1.5, (30, 3))
    v[[2, 5, 9], [0, 1, 2]] = np.nan
    _, res = _run(fw, _data(v), 200)
    assert res.factors == ["impute", "treat"] and res.failed == 0
    assert set(np.unique(res.choices[:, 1])) == {0, 1}


def test_dask_gives_the_same_ranks_as_the_local_run():
    distributed = pytest.importorskip("distributed")
    fw = _framework({"weights": {"levels": ["Pillar"], "noise": 0.5}, "aggregate": ["arithmetic", "geometric"]})
    ds = _data([[10, 1, 1], [1, 6, 6], [2, 2, 2], [3, 5, 1]])
    _, local = _run(fw, ds, 1200)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        _, remote = _run(fw, ds, 1200, scheduler=client)
    assert np.array_equal(local.ranks, remote.ranks)
    assert np.allclose(local.sensitivity.st, remote.sensitivity.st)
