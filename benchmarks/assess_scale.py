"""Benchmark: assess 15,000 targets (300 regions × 50 indicators × 30 years) — planwatch vs a per-series loop.

Prints wall time and peak memory for (1) writing the synthetic panel into a SQLite store, (2) loading it
back, (3) assessing all targets with planwatch's vectorised panel assessment, and (4) the same assessment
done one target at a time with pandas, the way per-series tools work; then the ratio, and whether the goals
(assessment < 2 s, ≥ 20× the baseline) are met. The baseline is checked to give the same verdicts.

    python benchmarks/assess_scale.py [--regions 300] [--indicators 50] [--years 30] [--baseline-sample N]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

from planwatch.assess.backtest import BacktestPanel, forecasts, score
from planwatch.assess.batch import Panel, Targets, assess_panel, methods_panel
from planwatch.assess.methods import statcan_cagr_ratio, unsd_2023
from planwatch.assess.models import RECENT as WINDOW  # the default model drifts on the newest changes
from planwatch.assess.models import fit
from planwatch.assess.projection import annual_changes
from planwatch.assess.stats import Z80
from planwatch.store.repository import NewObservation, Store


def measure(fn, memory=True):
    """Wall time of one clean run, then peak traced memory of a second run (tracemalloc slows Python down,
    so it never runs while timing)."""
    t0 = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t0
    if not memory:
        return out, dt, float("nan")
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return out, dt, peak / 2**20


def make_panel(regions: int, indicators: int, years: int, seed: int = 42):
    rng = np.random.default_rng(seed)
    S = regions * indicators
    yrs = np.arange(2025 - years, 2025)
    growth = rng.normal(0.04, 0.03, size=(S, 1)) + rng.normal(0, 0.04, size=(S, years))
    vals = 100 * rng.uniform(0.5, 5, size=(S, 1)) * np.exp(np.cumsum(growth, axis=1))
    vals[rng.random(vals.shape) < 0.1] = np.nan  # unpublished years
    low = np.nan_to_num(vals[:, -1], nan=100.0) * rng.uniform(1.0, 1.4, size=S)  # "more than X by 2027"
    return yrs, vals, low, np.full(S, 2027)


def baseline_one(years, row, low, deadline):
    """One target with pandas, as a per-series tool does it: a frame, diffs, a drift, an interval."""
    s = pd.Series(row, index=years).dropna()
    s = s[s.index <= deadline]
    if s.empty:
        return "no_data"
    logv = np.log(s)
    df = pd.DataFrame({"y": logv.index.astype(float), "v": logv.values})
    df["gap"] = df["y"].diff()
    df["d"] = df["v"].diff() / df["gap"]
    ch = df.dropna().tail(WINDOW)
    latest_year, latest = int(df["y"].iloc[-1]), float(df["v"].iloc[-1])
    h = deadline - latest_year
    if latest_year == deadline:
        return "met" if math.exp(latest) > low else "missed"
    if len(ch) < 2 and h > 2:
        return "no_data"
    n = ch["gap"].sum()
    drift = (ch["d"] * ch["gap"]).sum() / n if n else 0.0
    centre = latest + drift * h
    if len(ch) >= 2:
        var = (ch["gap"] * (ch["d"] - drift) ** 2).sum() / (len(ch) - 1)
        se = math.sqrt(var) * math.sqrt(h + h * h / n)
        _ = (centre - Z80 * se, centre + Z80 * se)
    return "on_track" if math.exp(centre) > low else "off_track"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regions", type=int, default=300)
    ap.add_argument("--indicators", type=int, default=50)
    ap.add_argument("--years", type=int, default=30)
    ap.add_argument("--baseline-sample", type=int, default=3000, help="time the baseline on N targets and scale (0 = all)")
    args = ap.parse_args(argv)
    yrs, vals, low, deadline = make_panel(args.regions, args.indicators, args.years)
    S = vals.shape[0]
    print(f"panel: {args.regions} regions × {args.indicators} indicators × {args.years} years = {S:,} targets, "
          f"{int(np.isfinite(vals).sum()):,} observations")

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        rows = [NewObservation(indicator=f"ind{i % args.indicators}", region=f"R{i // args.indicators}", period=int(y),
                               value=float(v), unit="亿元", value_std=float(v), status="final", publisher="Synthetic",
                               title="benchmark", url="https://example.org/bench", published="2025")
                for i in range(S) for y, v in zip(yrs, vals[i], strict=True) if not math.isnan(v)]
        _, t_write, _ = measure(lambda: store.write(rows, origin="benchmark"), memory=False)

        def load():
            rows_ = store.numeric_rows()
            index = {(f"ind{i % args.indicators}", f"R{i // args.indicators}"): i for i in range(S)}
            arr = np.full((S, len(yrs)), np.nan)
            y0 = int(yrs[0])
            r = np.fromiter((index[(a, b)] for a, b, _, _ in rows_), dtype=np.int64, count=len(rows_))
            c = np.fromiter((p - y0 for _, _, p, _ in rows_), dtype=np.int64, count=len(rows_))
            arr[r, c] = np.fromiter((v for *_, v in rows_), dtype=float, count=len(rows_))  # later revisions win
            return arr

        loaded, t_load, m_load = measure(load)
    assert np.allclose(np.nan_to_num(loaded), np.nan_to_num(vals))

    panel = Panel(yrs, loaded, None, np.ones(S, dtype=bool))
    targets = Targets(np.array(["more_than"] * S), low, np.full(S, np.nan), deadline,
                      low_inclusive=np.zeros(S, dtype=bool))
    out, t_assess, m_assess = measure(lambda: assess_panel(panel, targets, model="drift_recent"))

    n_base = S if args.baseline_sample <= 0 else min(args.baseline_sample, S)
    pick = np.linspace(0, S - 1, n_base).astype(int)
    base, t_base, _ = measure(lambda: [baseline_one(yrs, loaded[i], low[i], int(deadline[i])) for i in pick], memory=False)
    t_base_full = t_base * S / n_base
    agree = sum(1 for j, i in enumerate(pick) if base[j] == out["verdict"][i])

    print(f"{'step':<34}{'wall s':>10}{'peak MiB':>10}")
    print(f"{'write to SQLite store (one txn)':<34}{t_write:>10.2f}{'':>10}")
    print(f"{'load from store':<34}{t_load:>10.2f}{m_load:>10.1f}")
    print(f"{'assess all (planwatch, vectorised)':<34}{t_assess:>10.3f}{m_assess:>10.1f}")
    label = "per-series pandas baseline" + ("" if n_base == S else f" (×{S / n_base:.0f})")
    print(f"{label:<34}{t_base_full:>10.2f}{'':>10}")
    ratio = t_base_full / t_assess
    print(f"speed-up vs baseline: {ratio:.0f}×  (verdicts agree on {agree}/{n_base} targets)")
    verdicts = dict(zip(*np.unique(out["verdict"], return_counts=True), strict=True))
    print("verdicts:", ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    # the named methods, vectorised, against the per-target functions one series at a time
    base_year, direction = np.full(S, 2015), np.ones(S, dtype=int)
    meth, t_meth, m_meth = measure(lambda: methods_panel(panel, deadline, low, base_year, direction))
    n_m = min(n_base, S)
    pick_m = np.linspace(0, S - 1, n_m).astype(int)

    def per_series_methods():
        out_ = []
        for i in pick_m:
            pts = [(int(y), float(v)) for y, v in zip(yrs, loaded[i], strict=True) if not math.isnan(v) and y <= deadline[i]]
            out_.append((statcan_cagr_ratio(pts, float(low[i]), int(deadline[i]), 2015, 1).status,
                         unsd_2023(pts, float(low[i]), int(deadline[i]), 2015, 1).status))
        return out_

    base_m, t_base_m, _ = measure(per_series_methods, memory=False)
    t_base_m_full = t_base_m * S / n_m
    agree_m = sum(1 for j, i in enumerate(pick_m) if base_m[j] == (meth["statcan_status"][i], meth["unsd_status"][i]))
    # the backtest: every series at 5 vintages, 1–5 years ahead, 4 models
    vint = {}
    for k, last in enumerate(range(int(yrs[-1]) - 9, int(yrs[-1]) - 4)):
        v = loaded.copy()
        v[:, yrs > last] = np.nan
        vint[k] = v
    bp = BacktestPanel(yrs, loaded, vint, None, np.ones(S, dtype=bool))
    cells, t_bt, m_bt = measure(lambda: score(forecasts(bp)))
    n_bt = min(300, S)
    pick_bt = np.linspace(0, S - 1, n_bt).astype(int)

    def per_series_backtest():
        """The same forecasts one series at a time with the per-target models, scored for 80% coverage."""
        n = covered = 0
        q = Z80
        for i in pick_bt:
            final = {int(y): math.log(x) for y, x in zip(yrs, loaded[i], strict=True) if not math.isnan(x)}
            for v in vint.values():
                pts = [(int(y), math.log(x)) for y, x in zip(yrs, v[i], strict=True) if not math.isnan(x)]
                if len(pts) < 3:
                    continue
                ch = annual_changes(pts, [], False)
                for model in ("drift", "drift_recent", "damped", "naive"):
                    tr = fit(model, pts[-1][1], ch, calibrated=False)
                    for h in range(1, 6):
                        y = final.get(pts[-1][0] + h)
                        se = tr.se(h)
                        if y is None or not se:
                            continue
                        n += 1
                        covered += abs(y - tr.mean(h)) <= q * se
        return n, covered

    _, t_base_bt, _ = measure(per_series_backtest, memory=False)
    t_base_bt_full = t_base_bt * S / n_bt
    print(f"{'named methods (vectorised)':<34}{t_meth:>10.3f}{m_meth:>10.1f}")
    print(f"{'named methods, per series' + ('' if n_m == S else f' (×{S / n_m:.0f})'):<34}{t_base_m_full:>10.2f}{'':>10}")
    print(f"{'backtest 5 vintages (vectorised)':<34}{t_bt:>10.2f}{m_bt:>10.1f}")
    print(f"{'backtest, per series' + f' (×{S / n_bt:.0f})':<34}{t_base_bt_full:>10.2f}{'':>10}")
    print(f"named methods agree with the per-target path on {agree_m}/{n_m} series; "
          f"backtest forecasts scored: {sum(c.n for c in cells.values()):,}")
    total = t_load + t_assess + t_meth
    goal_time, goal_ratio = total < 2.0, ratio >= 20
    print(f"goal: load + assess + methods < 2 s: {'yes' if goal_time else 'NO'} ({total:.2f} s); "
          f"≥ 20× baseline: {'yes' if goal_ratio else 'NO'}; backtest < 30 s: {'yes' if t_bt < 30 else 'NO'} ({t_bt:.1f} s)")
    return 0 if agree == n_base and agree_m == n_m else 1


if __name__ == "__main__":
    sys.exit(main())
