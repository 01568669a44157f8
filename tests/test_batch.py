"""The vectorised panel assessment agrees with the per-target core, target by target."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import make_obs

from planwatch.assess.batch import Panel, Targets, assess_panel
from planwatch.assess.core import TargetInput, assess_target
from planwatch.plans.catalogue import Indicator, SeriesBreak
from planwatch.plans.model import Target, Text


@pytest.mark.parametrize("model", ["drift", "drift_recent", "damped", "naive"])
def test_batch_matches_core_on_random_series(model):
    rng = np.random.default_rng(7)
    S, years = 60, np.arange(2005, 2025)
    vals = 100 * np.exp(np.cumsum(rng.normal(0.03, 0.05, size=(S, len(years))), axis=1))
    vals[rng.random(vals.shape) < 0.2] = np.nan
    vals[1, :-1] = np.nan  # a single point
    deadline = np.full(S, 2027)
    deadline[2] = 2020  # deadline inside the data
    low = np.nanmax(vals, axis=1) * rng.uniform(0.8, 1.4, size=S)
    vals[0, :] = np.nan  # a series with no data
    segment = (years[None, :] >= 2015).astype(int).repeat(S, axis=0)
    log = np.ones(S, dtype=bool)
    out = assess_panel(Panel(years, vals, segment, log), Targets(np.array(["at_least"] * S), low, np.full(S, np.nan), deadline),
                       model=model)
    ind = Indicator(id="x", name=Text(en="x"), unit="亿元", kind="level", definition=Text(en="x"), publisher="p",
                    breaks=[SeriesBreak(from_period=2015, reason=Text(en="r"))])
    for i in range(S):
        obs = [make_obs(int(y), float(v), unit="亿元") for y, v in zip(years, vals[i], strict=True) if not np.isnan(v)]
        t = Target(id="t", indicator="x", quote=Text(en="q"), comparator="at_least", value=float(low[i]), unit="亿元",
                   deadline=int(deadline[i]))
        ref = assess_target(TargetInput(target=t, indicator=ind, region="CN-BJ", as_of_year=2025, default_base_year=2010,
                                        observations=obs, model=model))
        assert out["verdict"][i] == ref.verdict, i
        if ref.projection is not None:
            assert out["projection"][i] == pytest.approx(ref.projection.value, rel=1e-9)
            if ref.projection.low is not None:
                assert out["low"][i] == pytest.approx(ref.projection.low, rel=1e-9)
                assert out["probability"][i] == pytest.approx(ref.probability, abs=1e-6)


def test_at_most_targets_with_a_bound_at_or_below_zero_on_a_log_scale_are_not_nan():
    years = np.arange(2015, 2025)
    vals = np.tile(100 * np.exp(0.03 * np.arange(10)), (3, 1)) * np.array([[1.0], [1.1], [0.9]])
    high = np.array([0.0, -5.0, 150.0])
    out = assess_panel(Panel(years, vals, None, np.ones(3, dtype=bool)),
                       Targets(np.array(["at_most"] * 3), np.full(3, np.nan), high, np.full(3, 2027)))
    assert not np.isnan(out["probability"]).any()
    assert out["probability"][0] == 0.0 and out["probability"][1] == 0.0
    ind = Indicator(id="x", name=Text(en="x"), unit="亿元", kind="level", definition=Text(en="x"), publisher="p")
    t = Target(id="t", indicator="x", quote=Text(en="q"), comparator="at_most", value=0.0, unit="亿元", deadline=2027)
    ref = assess_target(TargetInput(target=t, indicator=ind, region="CN-BJ", as_of_year=2025, default_base_year=2010,
                                    observations=[make_obs(int(y), float(v), unit="亿元") for y, v in zip(years, vals[0], strict=True)]))
    assert ref.probability == 0.0
