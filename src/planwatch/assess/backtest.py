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


_FIELDS = ("model", "horizon", "series", "centre", "se", "df", "outcome", "scale", "latest")


@dataclass
class Records:
    """One row per forecast: what was forecast (working scale), with what spread, and what happened.

    Kept as numpy blocks (one per model, horizon and vintage) so a million forecasts stay small."""

    blocks: list[dict[str, np.ndarray]] = field(default_factory=list)

    def extend(self, model: str, h: int, series, centre, se, df, outcome, scale, latest) -> None:
        n = len(centre)
        self.blocks.append({"model": np.full(n, model, dtype=object), "horizon": np.full(n, h), "series": np.asarray(series),
                            "centre": np.asarray(centre, float), "se": np.asarray(se, float), "df": np.asarray(df, float),
                            "outcome": np.asarray(outcome, float), "scale": np.asarray(scale, float),
                            "latest": np.asarray(latest, float)})

    def arrays(self) -> dict[str, np.ndarray]:
        if not self.blocks:
            return {k: np.array([]) for k in _FIELDS}
        return {k: np.concatenate([b[k] for b in self.blocks]) for k in _FIELDS}

    def subset(self, series: set[int]) -> Records:
        out = Records()
        for b in self.blocks:
            m = np.isin(b["series"], list(series))
            if m.any():
                out.blocks.append({k: v[m] for k, v in b.items()})
        return out


def forecasts(bp: BacktestPanel, models: Iterable[str] = BATCH_MODELS, horizons: Iterable[int] = HORIZONS,
              min_points: int = 3) -> Records:
    """Every pseudo-real-time forecast of every series at every vintage (vectorised over series)."""
    S, T = bp.final.shape
    rec = Records()
    log = bp.log_scale if bp.log_scale is not None else np.zeros(S, dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        final_w = np.where(log[:, None], np.log(np.where(bp.final > 0, bp.final, np.nan)), bp.final)
    far = np.full(S, 10**6)
    rows = np.arange(S)
    for vals in bp.vintages.values():
        panel = Panel(bp.years, vals, bp.segment, log)
        valid = ~np.isnan(vals)
        enough = valid.sum(axis=1) >= min_points
        any_v = valid.any(axis=1)
        li = np.where(any_v, T - 1 - np.argmax(valid[:, ::-1], axis=1), 0)
        latest_year = bp.years[li]
        scale_all = _mean_abs_change(None, panel)
        for h in horizons:
            target_year = latest_year + h
            ti = np.searchsorted(bp.years, target_year)
            in_range = ti < T
            tis = np.where(in_range, ti, 0)
            outcome = np.where(in_range, final_w[rows, tis], np.nan)
            same_seg = np.ones(S, dtype=bool) if bp.segment is None else bp.segment[rows, li] == bp.segment[rows, tis]
            for model in models:
                f = forecast_panel(panel, far, model, horizon_to=target_year, calibrated=False)
                ok = enough & any_v & in_range & same_seg & ~np.isnan(outcome) & ~np.isnan(f["se"]) & (f["se"] > 0)
                if ok.any():
                    rec.extend(model, h, rows[ok], f["centre"][ok], f["se"][ok], f["df"][ok], outcome[ok],
                               scale_all[ok], f["latest_work"][ok])
    return rec


def score(rec: Records, kappa: dict[str, float] | None = None) -> dict[tuple[str, int], Cell]:
    """Coverage, MASE and Brier per (model, horizon); ``kappa`` widens each model's spread (calibration)."""
    a = rec.arrays()
    out: dict[tuple[str, int], Cell] = {}
    if not len(a["centre"]):
        return out
    for model in sorted(set(a["model"].tolist())):
        k = (kappa or {}).get(model, 1.0)
        for h in sorted(set(a["horizon"][a["model"] == model].tolist())):
            m = (a["model"] == model) & (a["horizon"] == h)
            c, se, df, y = a["centre"][m], a["se"][m] * k, a["df"][m], a["outcome"][m]
            q = _t_q90(df)
            cell = Cell(n=int(m.sum()), covered=int(((y >= c - q * se) & (y <= c + q * se)).sum()))
            scale = a["scale"][m]
            good = scale > 0
            cell.abs_scaled = float((np.abs(y - c)[good] / scale[good]).sum())
            cell.n_scaled = int(good.sum())
            step = np.where(good, scale, np.nan)
            for t in THRESHOLD_STEPS:
                thr = a["latest"][m] + t * step * h
                p = 1 - _t_cdf((thr - c) / se, df)
                hit = (y >= thr).astype(float)
                ok = ~np.isnan(thr)
                cell.brier += float(((p - hit) ** 2)[ok].sum())
                cell.n_events += int(ok.sum())
            out[(model, h)] = cell
    return out


def calibration_factor(rec: Records, model: str, target: float = 0.8, series: np.ndarray | None = None) -> float:
    """κ such that the model's 80% ranges, widened by κ, cover ``target`` of these forecasts."""
    a = rec.arrays()
    m = a["model"] == model
    if series is not None:
        m &= np.isin(a["series"], series)
    if not m.any():
        return 1.0
    ratio = np.abs(a["outcome"][m] - a["centre"][m]) / (a["se"][m] * _t_q90(a["df"][m]))
    return float(np.quantile(ratio, target))


def cross_validated(rec: Records, model: str, folds: int = 5) -> tuple[float | None, float | None, int]:
    """Coverage and Brier of the calibrated model on series it was not calibrated on (series-wise folds)."""
    a = rec.arrays()
    m = a["model"] == model
    ids = np.unique(a["series"][m])
    if len(ids) < 2:
        return None, None, 0
    rng = np.random.default_rng(0)
    fold_of = dict(zip(ids.tolist(), rng.permutation(len(ids)) % min(folds, len(ids)), strict=True))
    covered = n = 0
    brier = events = 0.0
    for f in range(min(folds, len(ids))):
        test = np.array([i for i in ids.tolist() if fold_of[i] == f])
        train = np.array([i for i in ids.tolist() if fold_of[i] != f])
        k = calibration_factor(rec, model, series=train)
        sub = rec.subset(set(test.tolist()))
        for (mm, _), cell in score(sub, {model: k}).items():
            if mm == model:
                covered += cell.covered
                n += cell.n
                brier += cell.brier
                events += cell.n_events
    return (covered / n if n else None), (brier / events if events else None), n


def score_panel(bp: BacktestPanel, models: Iterable[str] = BATCH_MODELS, horizons: Iterable[int] = HORIZONS,
                min_points: int = 3) -> dict[tuple[str, int], Cell]:
    """Scores per (model, horizon) of the raw models (no calibration) over every series and vintage."""
    return score(forecasts(bp, models, horizons, min_points))


def _mean_abs_change(_f, panel: Panel) -> np.ndarray:
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
            trend = fit("ets", work[-1][1], ch, work, calibrated=False)
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
    rec = forecasts(bp)
    cells = score(rec)
    if ets and bp.labels:
        cells.update(score_ets(bp))
    calibration = {}
    for model in BATCH_MODELS:
        kappa = calibration_factor(rec, model)
        cv_cov, cv_brier, cv_n = cross_validated(rec, model)
        calibration[model] = {"kappa": kappa, "cv_coverage_80": cv_cov, "cv_brier": cv_brier, "cv_forecasts": cv_n}
    out = {"store": {"series": len(bp.labels), "labels": bp.labels, "vintages": len(bp.vintages), "rows": summary(cells),
                     "calibration": calibration},
           "synthetic": {"series": synthetic, "rows": []}}
    if synthetic:
        out["synthetic"]["rows"] = summary(score_panel(synthetic_panel(synthetic)))
    return out


def recommend(result: dict, low: float = 0.75, high: float = 0.85) -> dict:
    """The model to use by default, and its calibration factor.

    A candidate must be calibrated on the known process (synthetic coverage within 75–85%, raw), and, once its
    ranges are widened by the factor κ fitted on the stored series, cover 75–85% of outcomes on series it was
    not fitted on (series-wise cross-validation); among those, the lowest cross-validated Brier score wins, and
    it must beat the no-change model's."""
    def alls(rows):
        return {r["model"]: r for r in rows if r["horizon"] == "all"}

    real, syn = alls(result["store"]["rows"]), alls(result["synthetic"]["rows"])
    cal = result["store"].get("calibration", {})
    ok = [m for m, c in cal.items() if m != "naive" and c["cv_coverage_80"] is not None
          and low <= c["cv_coverage_80"] <= high and c["cv_brier"] is not None
          and (not syn or (m in syn and low <= (syn[m]["coverage_80"] or 0) <= high))]
    naive = cal.get("naive", {}).get("cv_brier") or real.get("naive", {}).get("brier")
    if not ok:
        return {"model": None, "kappa": None, "text": "no model's calibrated 80% ranges cover 75–85% of outcomes on "
                "series they were not fitted on; keep the documented default and read the figures above"}
    best = min(ok, key=lambda m: cal[m]["cv_brier"])
    c = cal[best]
    beats = naive is not None and c["cv_brier"] < naive
    return {"model": best, "kappa": c["kappa"], "text": (
        f"recommended default: {best}, ranges widened by κ = {c['kappa']:.2f} — cross-validated 80% coverage "
        f"{c['cv_coverage_80']:.0%} of {c['cv_forecasts']} outcomes, Brier {c['cv_brier']:.3f}"
        + (f" against {naive:.3f} for no change" if naive is not None else "")
        + ("" if beats else " (it does NOT beat no change)") + f"; raw coverage {real[best]['coverage_80']:.0%}")}
