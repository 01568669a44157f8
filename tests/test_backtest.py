"""The backtest scores models honestly: on a panel from a known process the drift model's 80% ranges
cover 80% of outcomes (to sampling error), the no-change model fails there, and stored series replay
only what was published by each vintage."""

from __future__ import annotations

import datetime as dt
import json
import math

from typer.testing import CliRunner

from planwatch.assess.backtest import recommend, score_panel, store_panel, summary, synthetic_panel
from planwatch.store.repository import NewObservation


def by(rows, model):
    return next(r for r in rows if r["model"] == model and r["horizon"] == "all")


def test_calibration_is_exact_on_a_known_process():
    rows = summary(score_panel(synthetic_panel(series=1500, years=20, vintages=4, seed=3)))
    drift = by(rows, "drift")
    n = drift["forecasts"]
    tolerance = 3 * math.sqrt(0.8 * 0.2 / n) * 2.5  # forecasts of one series are correlated: widen the binomial band
    assert abs(drift["coverage_80"] - 0.8) < tolerance, drift
    assert by(rows, "naive")["coverage_80"] < 0.7  # ignoring a real drift is not calibrated
    assert drift["brier"] < by(rows, "naive")["brier"]


def test_store_panel_replays_vintages(sqlite_store):
    rows = [NewObservation(indicator="rd_intensity", region="CN-BJ", period=y, value=5 + 0.1 * (y - 2010), unit="%",
                           value_std=5 + 0.1 * (y - 2010), status="final", publisher="B", title=f"t{y}",
                           url=f"https://x/{y}", published=f"{y + 1}-09-01") for y in range(2010, 2024)]
    sqlite_store.write(rows, origin="t")
    bp = store_panel(sqlite_store.observations(all_revisions=True), lambda i, r: [], lambda i: False,
                     [dt.date(2015, 12, 31), dt.date(2020, 12, 31)])
    assert bp.labels == ["rd_intensity/CN-BJ"]
    known_2015 = [int(y) for y, v in zip(bp.years, bp.vintages[dt.date(2015, 12, 31)][0], strict=True) if not math.isnan(v)]
    assert max(known_2015) == 2014  # the 2015 figure was published in 2016
    cells = score_panel(bp)
    assert cells[("drift", 1)].n == 2


def test_recommend_picks_a_calibrated_model_that_beats_no_change():
    rows = [{"model": m, "horizon": "all", "coverage_80": 0.7, "brier": 0.1, "forecasts": 100}
            for m in ("naive", "drift", "damped")]
    syn = [{"model": m, "horizon": "all", "coverage_80": c, "brier": 0.1, "forecasts": 100}
           for m, c in (("naive", 0.58), ("drift", 0.80), ("damped", 0.67))]
    cal = {"naive": {"kappa": 1.2, "cv_coverage_80": 0.79, "cv_brier": 0.20, "cv_forecasts": 100},
           "drift": {"kappa": 1.3, "cv_coverage_80": 0.78, "cv_brier": 0.12, "cv_forecasts": 100},
           "damped": {"kappa": 1.2, "cv_coverage_80": 0.80, "cv_brier": 0.10, "cv_forecasts": 100}}
    rec = recommend({"store": {"rows": rows, "calibration": cal}, "synthetic": {"rows": syn}})
    # damped has the best Brier but is miscalibrated on the known process; naive cannot be the default
    assert rec["model"] == "drift" and rec["kappa"] == 1.3 and "0.200 for no change" in rec["text"]


def test_calibration_factor_is_cross_validated_by_series():
    from planwatch.assess.backtest import calibration_factor, cross_validated, forecasts

    rec = forecasts(synthetic_panel(series=400, years=20, vintages=3, seed=9))
    assert 0.9 < calibration_factor(rec, "drift") < 1.1  # a correct model needs no widening
    cov, brier, n = cross_validated(rec, "drift")
    assert n > 1000 and 0.76 < cov < 0.84 and brier < 0.2


def test_backtest_cli_json(tmp_path):
    from planwatch.cli import app

    r = CliRunner().invoke(app, ["backtest", "-f", "json", "--synthetic", "200", "--no-ets", "--db", str(tmp_path / "b.sqlite")])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["store"]["series"] > 0 and data["synthetic"]["rows"]
