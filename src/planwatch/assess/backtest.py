"""Backtest of the projection models: pseudo-real-time forecasts scored against what was published later.

For every series and every vintage (a date), each model sees only what had been published by that date
(store/vintage.py), forecasts 1–5 years past its latest figure, and is scored against the figure known
today for that year — never across a series break. Scores per model and horizon:

- **coverage** of the 80% range (calibrated ranges cover about 80% of outcomes);
- **MASE**: mean absolute error scaled by the series' own mean absolute yearly change before the vintage
  (below 1 beats the naive one-step forecast in-sample);
- **Brier score** of P(value ≥ threshold) for threshold events at the latest value plus −1, 0, +1 and +2
  typical yearly changes per year of horizon (lower is better; compared with the no-change model).

The same code scores a synthetic panel drawn from a known random walk with drift, where a correct model's
80% ranges must cover 80% of outcomes up to sampling error — the test that the machinery is calibrated.
Vectorised over series with numpy (:func:`.batch.forecast_panel`); the ``ets`` model (statsmodels) runs per
series and only on real data.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from .batch import BATCH_MODELS, Panel, _t_cdf, _t_q90, forecast_panel

HORIZONS = (1, 2, 3, 4, 5)
THRESHOLD_STEPS = (-1.0, 0.0, 1.0, 2.0)


@dataclass
class Cell:
    """Accumulated scores for one model and horizon."""

    n: int = 0
    covered: int = 0
    abs_scaled: float = 0.0
    n_scaled: int = 0
    brier: float = 0.0
    n_events: int = 0

    def add(self, other: Cell) -> None:
        for f in ("n", "covered", "abs_scaled", "n_scaled", "brier", "n_events"):
            setattr(self, f, getattr(self, f) + getattr(other, f))

    def row(self) -> dict:
        return {"forecasts": self.n, "coverage_80": self.covered / self.n if self.n else None,
                "mase": self.abs_scaled / self.n_scaled if self.n_scaled else None,
                "brier": self.brier / self.n_events if self.n_events else None, "events": self.n_events}


@dataclass
class BacktestPanel:
    """Series × years: the values known today (``final``) and as known at each vintage."""

    years: np.ndarray
    final: np.ndarray  # (S, T)
    vintages: dict[dt.date, np.ndarray]  # vintage → (S, T) values known then
    segment: np.ndarray | None = None  # (S, T)
    log_scale: np.ndarray | None = None  # (S,)
    labels: list[str] = field(default_factory=list)


def score_panel(bp: BacktestPanel, models: Iterable[str] = BATCH_MODELS, horizons: Iterable[int] = HORIZONS,
                min_points: int = 3) -> dict[tuple[str, int], Cell]:
    """Scores per (model, horizon) over every series and vintage (vectorised over series)."""
    S, T = bp.final.shape
    out: dict[tuple[str, int], Cell] = {}
    log = bp.log_scale if bp.log_scale is not None else np.zeros(S, dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        final_w = np.where(log[:, None], np.log(np.where(bp.final > 0, bp.final, np.nan)), bp.final)
    far = np.full(S, 10**6)
    for vals in bp.vintages.values():
        panel = Panel(bp.years, vals, bp.segment, log)
        enough = (~np.isnan(vals)).sum(axis=1) >= min_points
        for model in models:
            for h in horizons:
                # the latest year known at this vintage, and the year h past it
                valid = ~np.isnan(vals)
                any_v = valid.any(axis=1)
                li = np.where(any_v, T - 1 - np.argmax(valid[:, ::-1], axis=1), 0)
                latest_year = bp.years[li]
                target_year = latest_year + h
                ti = np.searchsorted(bp.years, target_year)
                in_range = ti < T
                tis = np.where(in_range, ti, 0)
                outcome = np.where(in_range, final_w[np.arange(S), tis], np.nan)
                same_seg = np.ones(S, dtype=bool) if bp.segment is None else \
                    bp.segment[np.arange(S), li] == bp.segment[np.arange(S), tis]
                f = forecast_panel(panel, far, model, horizon_to=target_year)
                ok = enough & any_v & in_range & same_seg & ~np.isnan(outcome) & ~np.isnan(f["se"]) & (f["se"] > 0)
                if not ok.any():
                    continue
                cell = out.setdefault((model, h), Cell())
                c, se, df = f["centre"][ok], f["se"][ok], f["df"][ok]
                y = outcome[ok]
                q = _t_q90(df)
                cell.n += int(ok.sum())
                cell.covered += int(((y >= c - q * se) & (y <= c + q * se)).sum())
                # MASE: scaled by the mean absolute yearly change known at the vintage
                scale = _mean_abs_change(f, panel)[ok]
                good = scale > 0
                cell.abs_scaled += float((np.abs(y - c)[good] / scale[good]).sum())
                cell.n_scaled += int(good.sum())
                step = np.where(good, scale, np.nan)
                for k in THRESHOLD_STEPS:
                    thr = f["latest_work"][ok] + k * step * h
                    p = 1 - _t_cdf((thr - c) / se, df)
                    hit = (y >= thr).astype(float)
                    m = ~np.isnan(thr)
                    cell.brier += float(((p - hit) ** 2)[m].sum())
                    cell.n_events += int(m.sum())
    return out


def _mean_abs_change(f: dict, panel: Panel) -> np.ndarray:
    """Mean absolute within-segment yearly change of each series as known at the vintage (working scale)."""
    from .batch import changes_panel

    S = panel.values.shape[0]
    _, _, d, _, has_prev, _, _ = changes_panel(panel, np.full(S, 10**6))
    k = has_prev.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(k > 0, (np.abs(d) * has_prev).sum(axis=1) / np.maximum(k, 1), np.nan)


def synthetic_panel(series: int = 500, years: int = 20, vintages: int = 5, seed: int = 1, lag: int = 1,
                    drift_mean: float = 0.03, drift_sd: float = 0.02) -> BacktestPanel:
    """Random walks with drift (log scale), each series with its own drift and spread, published ``lag``
    years after the period: the known process a calibrated model must cover 80% of the time."""
    rng = np.random.default_rng(seed)
    yrs = np.arange(2000, 2000 + years)
    mu = rng.normal(drift_mean, drift_sd, size=(series, 1))
    sigma = rng.uniform(0.01, 0.05, size=(series, 1))
    logs = np.log(100) + np.cumsum(mu + sigma * rng.standard_normal((series, years)), axis=1)
    final = np.exp(logs)
    vint = {}
    for k in range(vintages):
        last_period = yrs[-1] - 5 - (vintages - 1 - k)  # keep 5 years of outcomes after the newest vintage
        known = yrs <= last_period  # published by the vintage date (``lag`` years after the period)
        v = final.copy()
        v[:, ~known] = np.nan
        vint[dt.date(int(last_period) + lag, 12, 31)] = v
    return BacktestPanel(yrs, final, vint, None, np.ones(series, dtype=bool),
                         [f"synthetic-{i}" for i in range(series)])


def store_panel(rows, breaks_for, log_for, vintage_dates: Iterable[dt.date], min_points: int = 4) -> BacktestPanel:
    """A backtest panel from stored observations (all revisions): one series per indicator, region and basis
    with at least ``min_points`` current figures; the values known at each vintage date are replayed."""
    from ..store.vintage import select

    rows = list(rows)
    current = [r for r in select(rows) if r.is_numeric]
    keys = sorted({(r.indicator, r.region, r.basis or "") for r in current})
    counts = {k: 0 for k in keys}
    for r in current:
        counts[(r.indicator, r.region, r.basis or "")] += 1
    keys = [k for k in keys if counts[k] >= min_points]
    if not keys:
        return BacktestPanel(np.arange(2000, 2001), np.full((0, 1), np.nan), {}, None, np.zeros(0, dtype=bool), [])
    years = np.arange(min(r.period for r in current), max(r.period for r in current) + 1)
    index = {k: i for i, k in enumerate(keys)}

    def fill(obs) -> np.ndarray:
        a = np.full((len(keys), len(years)), np.nan)
        for r in obs:
            i = index.get((r.indicator, r.region, r.basis or ""))
            if i is not None and r.is_numeric and years[0] <= r.period <= years[-1]:
                a[i, r.period - years[0]] = r.value_std
        return a

    final = fill(current)
    vint = {}
    for d in vintage_dates:
        v = fill(select(rows, d))
        if (~np.isnan(v)).any():
            vint[d] = v
    segment = np.zeros((len(keys), len(years)), dtype=int)
    for (ind, reg, _), i in index.items():
        for b in breaks_for(ind, reg):
            segment[i] += (years >= b).astype(int)
    log = np.array([log_for(ind) and bool(np.nanmin(final[i]) > 0) for (ind, _, _), i in index.items()], dtype=bool)
    return BacktestPanel(years, final, vint, segment, log, [f"{k[0]}/{k[1]}" + (f"/{k[2]}" if k[2] else "") for k in keys])


def score_ets(bp: BacktestPanel, horizons: Iterable[int] = HORIZONS) -> dict[tuple[str, int], Cell]:
    """The statsmodels ETS candidate, fitted per series and vintage (slow; for real data only)."""
    from .models import fit
    from .projection import annual_changes

    out: dict[tuple[str, int], Cell] = {}
    log = bp.log_scale if bp.log_scale is not None else np.zeros(len(bp.labels), dtype=bool)
    for vals in bp.vintages.values():
        for i in range(vals.shape[0]):
            pts = [(int(y), float(v)) for y, v in zip(bp.years, vals[i], strict=True) if not math.isnan(v)]
            if len(pts) < 6:
                continue
            tr = (lambda x: math.log(x)) if log[i] else (lambda x: x)
            work = [(y, tr(v)) for y, v in pts]
            seg = None if bp.segment is None else bp.segment[i]
            breaks = [] if seg is None else [int(y) for j, y in enumerate(bp.years) if j and seg[j] != seg[j - 1]]
            ch = annual_changes(work, breaks, False)
            trend = fit("ets", work[-1][1], ch, work)
            if trend.external is None:
                continue
            for h in horizons:
                ty = pts[-1][0] + h
                j = ty - int(bp.years[0])
                if j >= len(bp.years) or math.isnan(bp.final[i, j]):
                    continue
                if seg is not None and seg[j] != seg[pts[-1][0] - int(bp.years[0])]:
                    continue
                m, se = trend.mean(h), trend.se(h)
                if not se:
                    continue
                y = tr(float(bp.final[i, j]))
                cell = out.setdefault(("ets", h), Cell())
                cell.n += 1
                q = 1.2815515655446004
                cell.covered += int(m - q * se <= y <= m + q * se)
    return out


def summary(cells: dict[tuple[str, int], Cell]) -> list[dict]:
    """Rows per model and horizon, plus an 'all' row per model."""
    rows = []
    models = sorted({m for m, _ in cells}, key=lambda m: (m != "naive", m))
    for m in models:
        total = Cell()
        for h in sorted(h for mm, h in cells if mm == m):
            total.add(cells[(m, h)])
            rows.append({"model": m, "horizon": h, **cells[(m, h)].row()})
        rows.append({"model": m, "horizon": "all", **total.row()})
    return rows


def run_backtest(store, since: int = 2010, synthetic: int = 2000, ets: bool = True, progress: bool = False,
                 today: dt.date | None = None) -> dict:
    """The whole backtest: every stored series (replayed at each year-end from ``since``) and a synthetic panel."""
    from ..plans.catalogue import load_catalogue

    today = today or dt.date.today()
    cat = load_catalogue()
    rows = store.observations(all_revisions=True)

    def breaks(ind: str, reg: str) -> list[int]:
        return cat.indicators[ind].breaks_for(reg) if ind in cat.indicators else []

    def log_for(ind: str) -> bool:
        return ind in cat.indicators and cat.indicators[ind].kind == "level"

    bp = store_panel(rows, breaks, log_for, [dt.date(y, 12, 31) for y in range(since, today.year)])
    cells = score_panel(bp)
    if ets and bp.labels:
        cells.update(score_ets(bp))
    out = {"store": {"series": len(bp.labels), "labels": bp.labels, "vintages": len(bp.vintages), "rows": summary(cells)},
           "synthetic": {"series": synthetic, "rows": []}}
    if synthetic:
        out["synthetic"]["rows"] = summary(score_panel(synthetic_panel(synthetic)))
    return out


def recommend(result: dict, low: float = 0.75, high: float = 0.85) -> dict:
    """The model to use by default: among models whose 80% ranges cover 75–85% of outcomes on the stored series
    (and on the synthetic panel, where run), the one with the lowest Brier score; it must beat no-change."""
    def alls(rows):
        return {r["model"]: r for r in rows if r["horizon"] == "all"}

    real, syn = alls(result["store"]["rows"]), alls(result["synthetic"]["rows"])
    ok = [m for m, r in real.items() if m != "naive" and r["coverage_80"] is not None and low <= r["coverage_80"] <= high
          and r["brier"] is not None and (not syn or (m in syn and low <= (syn[m]["coverage_80"] or 0) <= high))]
    naive = real.get("naive", {}).get("brier")
    if not ok:
        return {"model": None, "text": "no model's 80% ranges cover 75–85% of outcomes on these data; keep the "
                "documented default and read the figures above"}
    best = min(ok, key=lambda m: real[m]["brier"])
    r = real[best]
    beats = naive is not None and r["brier"] < naive
    return {"model": best, "text": (
        f"recommended default: {best} — 80% ranges cover {r['coverage_80']:.0%} of {r['forecasts']} outcomes on the stored "
        f"series, Brier {r['brier']:.3f}" + (f" against {naive:.3f} for no change" if naive is not None else "")
        + ("" if beats else " (it does NOT beat no change)"))}
