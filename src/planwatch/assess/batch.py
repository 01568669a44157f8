"""Vectorised assessment of many level/share targets at once (numpy), with the same rules as ``core``.

Per-series tools loop over targets and build a small frame for each; here a whole panel (series × years)
is assessed with array operations: the same within-segment drift, the same weighted σ, the same interval
and verdict rules as ``assess_level``. A test checks the two agree target by target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .core import MAX_HOLD_YEARS
from .projection import WINDOW
from .stats import Z80

COMPARATORS = ("at_least", "more_than", "at_most", "less_than", "between")
VERDICTS = np.array(["no_data", "met", "missed", "on_track", "off_track"])


@dataclass
class Panel:
    years: np.ndarray  # (T,) int
    values: np.ndarray  # (S, T) float, NaN where unpublished (in the indicator unit)
    segment: np.ndarray | None = None  # (S, T) int: comparable segment of each cell (breaks); None = one segment
    log_scale: np.ndarray | None = None  # (S,) bool


@dataclass
class Targets:
    comparator: np.ndarray  # (S,) str from COMPARATORS (an `around` target is passed as its interval)
    low: np.ndarray  # (S,) float, NaN = open
    high: np.ndarray  # (S,) float, NaN = open
    deadline: np.ndarray  # (S,) int
    low_inclusive: np.ndarray | None = None
    high_inclusive: np.ndarray | None = None


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7)
    s = np.sign(x)
    a = np.abs(x)
    t = 1 / (1 + 0.3275911 * a)
    y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return s * y


def _cdf(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1 + _erf(z / math.sqrt(2)))


def _satisfied(v, tg: Targets):
    lo_inc = tg.low_inclusive if tg.low_inclusive is not None else np.ones_like(v, dtype=bool)
    hi_inc = tg.high_inclusive if tg.high_inclusive is not None else np.ones_like(v, dtype=bool)
    ok_lo = np.where(np.isnan(tg.low), True, np.where(lo_inc, v >= tg.low, v > tg.low))
    ok_hi = np.where(np.isnan(tg.high), True, np.where(hi_inc, v <= tg.high, v < tg.high))
    return ok_lo & ok_hi


def assess_panel(panel: Panel, tg: Targets) -> dict[str, np.ndarray]:
    years = panel.years.astype(float)
    S, T = panel.values.shape
    log = panel.log_scale if panel.log_scale is not None else np.zeros(S, dtype=bool)
    vals = panel.values
    valid = ~np.isnan(vals) & (panel.years[None, :] <= tg.deadline[:, None])
    work = np.where(log[:, None], np.log(np.where(vals > 0, vals, np.nan)), vals)
    valid &= ~np.isnan(work)
    idx = np.where(valid, np.arange(T)[None, :], -1)
    last_idx = np.maximum.accumulate(idx, axis=1)
    prev_idx = np.concatenate([np.full((S, 1), -1), last_idx[:, :-1]], axis=1)
    has_prev = valid & (prev_idx >= 0)
    pi = np.where(prev_idx >= 0, prev_idx, 0)
    rows = np.arange(S)[:, None]
    gap = np.where(has_prev, years[None, :] - years[pi], 1.0)
    d = np.where(has_prev, (work - work[rows, pi]) / gap, 0.0)
    if panel.segment is not None:
        has_prev &= panel.segment == panel.segment[rows, pi]
    # keep the newest WINDOW changes
    newer = np.cumsum(has_prev[:, ::-1], axis=1)[:, ::-1] - has_prev
    use = has_prev & (newer < WINDOW)
    g = np.where(use, gap, 0.0)
    k = use.sum(axis=1)
    n = g.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        drift = np.where(n > 0, (d * g).sum(axis=1) / np.where(n > 0, n, 1), 0.0)
        var = np.where(k >= 2, (g * (d - drift[:, None]) ** 2).sum(axis=1) / np.maximum(k - 1, 1), np.nan)
    sigma = np.sqrt(var)
    any_valid = valid.any(axis=1)
    li = last_idx[:, -1]
    lsafe = np.where(li >= 0, li, 0)
    latest_year = np.where(any_valid, panel.years[lsafe], -1)
    latest_work = work[np.arange(S), lsafe]
    h = np.maximum(tg.deadline - latest_year, 0).astype(float)
    centre = latest_work + drift * h
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.where((k >= 2) & (h > 0), sigma * np.sqrt(h + h * h / np.where(n > 0, n, 1)), np.nan)
    lo_w, hi_w = centre - Z80 * se, centre + Z80 * se
    back = lambda x: np.where(log, np.exp(x), x)  # noqa: E731
    projection, low, high = back(centre), back(lo_w), back(hi_w)
    latest_value = back(latest_work)
    # probability of the interval [low, high] at the deadline
    t_lo = np.where(log, np.log(np.where(tg.low > 0, tg.low, np.nan)), tg.low)
    t_hi = np.where(log, np.log(np.where(tg.high > 0, tg.high, np.nan)), tg.high)
    with np.errstate(invalid="ignore", divide="ignore"):
        p_hi = np.where(np.isnan(tg.high), 1.0, _cdf((t_hi - centre) / se))
        p_lo = np.where(np.isnan(tg.low), 0.0, np.where(log & (tg.low <= 0), 0.0, _cdf((t_lo - centre) / se)))
    probability = np.clip(p_hi - p_lo, 0, 1)
    at_deadline = any_valid & (latest_year == tg.deadline)
    ok_now = _satisfied(latest_value, tg)
    ok_proj = _satisfied(projection, tg)
    too_little = any_valid & ~at_deadline & (k < 2) & (h > MAX_HOLD_YEARS)
    code = np.where(~any_valid | too_little, 0,
                    np.where(at_deadline, np.where(ok_now, 1, 2), np.where(ok_proj, 3, 4)))
    probability = np.where((code >= 3) & ~np.isnan(se), probability, np.nan)
    return {"verdict": VERDICTS[code], "latest_year": latest_year, "latest_value": np.where(any_valid, latest_value, np.nan),
            "projection": np.where(code >= 3, projection, np.nan), "low": np.where(code >= 3, low, np.nan),
            "high": np.where(code >= 3, high, np.nan), "probability": probability, "n_changes": k}
