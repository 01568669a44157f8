"""Vectorised assessment of many level/share targets at once (numpy), with the same rules as ``core``.

Per-series tools loop over targets and build a small frame for each; here a whole panel (series × years)
is assessed with array operations: the same within-segment changes, the same projection models
(:mod:`.models`: drift, drift_recent, damped, naive), the same Student's t ranges and probabilities,
the same verdict rules as ``assess_level``, and the named methods of :mod:`.methods`. Tests check the two
paths agree target by target, including ``at_most`` targets, zero and negative values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .core import MAX_HOLD_YEARS
from .methods import STATCAN_STATUSES, UNSD_SCORES, UNSD_STATUSES
from .models import CALIBRATION, DEFAULT_MODEL, PHI, RECENT, WINDOW

COMPARATORS = ("at_least", "more_than", "at_most", "less_than", "between")
VERDICTS = np.array(["no_data", "met", "missed", "on_track", "off_track"])
BATCH_MODELS = ("drift", "drift_recent", "damped", "naive")


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


def _satisfied(v, tg: Targets):
    lo_inc = tg.low_inclusive if tg.low_inclusive is not None else np.ones_like(v, dtype=bool)
    hi_inc = tg.high_inclusive if tg.high_inclusive is not None else np.ones_like(v, dtype=bool)
    with np.errstate(invalid="ignore"):
        ok_lo = np.where(np.isnan(tg.low), True, np.where(lo_inc, v >= tg.low, v > tg.low))
        ok_hi = np.where(np.isnan(tg.high), True, np.where(hi_inc, v <= tg.high, v < tg.high))
    return ok_lo & ok_hi


def _t_cdf(x: np.ndarray, df: np.ndarray) -> np.ndarray:
    from scipy.special import stdtr

    return stdtr(np.where(df > 0, df, 1.0), x)


def _t_q90(df: np.ndarray) -> np.ndarray:
    from scipy.special import stdtrit

    return stdtrit(np.where(df > 0, df, 1.0), 0.9)


def changes_panel(panel: Panel, deadline: np.ndarray, until: np.ndarray | None = None):
    """Within-segment annualised changes between consecutive published points, on the working scale.

    Returns (work, valid, d, gap, has_prev): ``valid`` cells are published, not after the deadline (nor after
    ``until`` when replaying a vintage), and usable on the series' scale."""
    S, T = panel.values.shape
    years = panel.years.astype(float)
    log = panel.log_scale if panel.log_scale is not None else np.zeros(S, dtype=bool)
    vals = panel.values
    valid = ~np.isnan(vals) & (panel.years[None, :] <= deadline[:, None])
    if until is not None:
        valid &= panel.years[None, :] <= until[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        work = np.where(log[:, None], np.log(np.where(vals > 0, vals, np.nan)), vals)
    valid &= ~np.isnan(work)
    idx = np.where(valid, np.arange(T)[None, :], -1)
    last_idx = np.maximum.accumulate(idx, axis=1)
    prev_idx = np.concatenate([np.full((S, 1), -1), last_idx[:, :-1]], axis=1)
    has_prev = valid & (prev_idx >= 0)
    pi = np.where(prev_idx >= 0, prev_idx, 0)
    rows = np.arange(S)[:, None]
    gap = np.where(has_prev, years[None, :] - years[pi], 1.0)
    with np.errstate(invalid="ignore"):
        d = np.where(has_prev, (work - work[rows, pi]) / gap, 0.0)
    if panel.segment is not None:
        has_prev &= panel.segment == panel.segment[rows, pi]
    return work, valid, d, gap, has_prev, last_idx[:, -1], log


def forecast_panel(panel: Panel, deadline: np.ndarray, model: str = "drift", until: np.ndarray | None = None,
                   horizon_to: np.ndarray | None = None, calibrated: bool = True):
    """Centre, standard error and degrees of freedom on the working scale at ``horizon_to`` (default: the
    deadline) for every series, with the named model; plus what the verdict rules need."""
    if model not in BATCH_MODELS:
        raise ValueError(f"model {model!r} is not vectorised; use one of {', '.join(BATCH_MODELS)}")
    S, T = panel.values.shape
    work, valid, d, gap, has_prev, li, log = changes_panel(panel, deadline, until)
    window = RECENT if model == "drift_recent" else WINDOW
    newer = np.cumsum(has_prev[:, ::-1], axis=1)[:, ::-1] - has_prev
    use = has_prev & (newer < window)
    g = np.where(use, gap, 0.0)
    k = use.sum(axis=1)
    n = g.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        if model == "naive":
            drift = np.zeros(S)
            var = np.where(k >= 2, (g * d ** 2).sum(axis=1) / np.maximum(k, 1), np.nan)
            df = k.astype(float)
        else:
            drift = np.where(n > 0, (d * g).sum(axis=1) / np.where(n > 0, n, 1), 0.0)
            var = np.where(k >= 2, (g * (d - drift[:, None]) ** 2).sum(axis=1) / np.maximum(k - 1, 1), np.nan)
            df = (k - 1).astype(float)
    sigma = np.sqrt(var)
    any_valid = valid.any(axis=1)
    lsafe = np.where(li >= 0, li, 0)
    latest_year = np.where(any_valid, panel.years[lsafe], -1)
    latest_work = work[np.arange(S), lsafe]
    target_year = deadline if horizon_to is None else horizon_to
    h = np.maximum(target_year - latest_year, 0).astype(float)
    steps = PHI * (1 - PHI ** h) / (1 - PHI) if model == "damped" else h
    centre = latest_work + drift * steps
    drift_var = np.zeros(S) if model == "naive" else steps ** 2 / np.where(n > 0, n, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.where((k >= 2) & (h > 0), sigma * np.sqrt(h + drift_var), np.nan)
    if calibrated:
        se = se * CALIBRATION.get(model, 1.0)
    return dict(centre=centre, se=se, df=df, k=k, n=n, drift=drift, latest_year=latest_year, latest_work=latest_work,
                any_valid=any_valid, log=log, h=h)


def assess_panel(panel: Panel, tg: Targets, model: str = DEFAULT_MODEL) -> dict[str, np.ndarray]:
    f = forecast_panel(panel, tg.deadline, model)
    centre, se, df, log = f["centre"], f["se"], f["df"], f["log"]
    q = _t_q90(df)
    lo_w, hi_w = centre - q * se, centre + q * se
    back = lambda x: np.where(log, np.exp(x), x)  # noqa: E731
    with np.errstate(over="ignore", invalid="ignore"):
        projection, low, high = back(centre), back(lo_w), back(hi_w)
        latest_value = back(f["latest_work"])
    # probability of the interval [low, high] at the deadline; on a log scale a bound ≤ 0 is below every value
    with np.errstate(invalid="ignore", divide="ignore"):
        t_lo = np.where(log, np.log(np.where(tg.low > 0, tg.low, np.nan)), tg.low)
        t_hi = np.where(log, np.log(np.where(tg.high > 0, tg.high, np.nan)), tg.high)
        p_hi = np.where(np.isnan(tg.high), 1.0, np.where(log & (tg.high <= 0), 0.0, _t_cdf((t_hi - centre) / se, df)))
        p_lo = np.where(np.isnan(tg.low), 0.0, np.where(log & (tg.low <= 0), 0.0, _t_cdf((t_lo - centre) / se, df)))
    probability = np.clip(p_hi - p_lo, 0, 1)
    any_valid, latest_year, k, h = f["any_valid"], f["latest_year"], f["k"], f["h"]
    at_deadline = any_valid & (latest_year == tg.deadline)
    ok_now = _satisfied(latest_value, tg)
    ok_proj = _satisfied(projection, tg)
    too_little = any_valid & ~at_deadline & (k < 2) & (h > MAX_HOLD_YEARS)
    code = np.where(~any_valid | too_little, 0,
                    np.where(at_deadline, np.where(ok_now, 1, 2), np.where(ok_proj, 3, 4)))
    probability = np.where((code >= 3) & ~np.isnan(se), probability, np.nan)
    return {"verdict": VERDICTS[code], "latest_year": latest_year,
            "latest_value": np.where(any_valid, latest_value, np.nan),
            "projection": np.where(code >= 3, projection, np.nan), "low": np.where(code >= 3, low, np.nan),
            "high": np.where(code >= 3, high, np.nan), "probability": probability, "n_changes": k}


def methods_panel(panel: Panel, deadline: np.ndarray, target: np.ndarray, base_year: np.ndarray,
                  direction: np.ndarray, percent: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """``statcan_cagr_ratio`` and ``unsd_2023`` (:mod:`.methods`) for every series at once.

    Uses the published figures up to the deadline, as the per-target path does; returns status labels,
    scores and progress values (NaN where not available)."""
    S, T = panel.values.shape
    years = panel.years
    vals = panel.values
    valid = ~np.isnan(vals) & (years[None, :] <= deadline[:, None])
    any_valid = valid.any(axis=1)
    last = np.where(any_valid, T - 1 - np.argmax(valid[:, ::-1], axis=1), 0)
    rows = np.arange(S)
    y1 = years[last].astype(float)
    v1 = vals[rows, last]
    d = direction.astype(float)
    # -- statcan (Open SDG 2.4)
    at_base = valid & (years[None, :] == base_year[:, None])
    after = valid & (years[None, :] > base_year[:, None])
    has_base = at_base.any(axis=1)
    first_after = np.argmax(after, axis=1)
    b_idx = np.where(has_base, np.argmax(at_base, axis=1), first_after)
    has_b = has_base | after.any(axis=1)
    y0 = years[b_idx].astype(float)
    v0 = vals[rows, b_idx]
    tgt = np.where(target == 0, 0.001, target)
    sign = np.where(v0 < 0, -1.0, 1.0)
    achieved = any_valid & has_b & (((d == -1) & (v1 <= tgt)) | ((d == 1) & (v1 >= tgt)))
    v0r = np.where(v0 == 0, 0.001, v0)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        c_obs = (v1 / v0r) ** (1 / (y1 - y0)) - 1
        c_req = (tgt / v0r) ** (1 / (deadline - y0)) - 1
        ratio = sign * d * c_obs / np.abs(c_req)
    ok = (any_valid & has_b & ~((v0r > 0) & (v1 < 0)) & ~((v0r < 0) & (v1 > 0)) & (y1 - y0 >= 1)
          & (deadline != y0) & (tgt / v0r > 0) & (c_req != 0) & np.isfinite(ratio))
    ratio = np.where(ok, ratio, np.nan)
    code = np.select([achieved, ~ok, ratio >= 0.95, ratio >= 0.6, ratio >= 0], [0, 5, 1, 2, 3], 4)
    with np.errstate(invalid="ignore"):
        score = np.where(ratio >= 0.6, np.minimum(7.1429 * ratio - 4.2857, 5.0), np.maximum(4.1667 * ratio - 2.5, -5.0))
    score = np.where(achieved, 5.0, np.where(ok, score, np.nan))
    # -- unsd 2023
    pct = percent if percent is not None else np.zeros(S, dtype=bool)
    met = any_valid & ((((d >= 0) & (v1 >= target)) | ((d < 0) & (v1 <= target)))
                       | (pct & ((target == 0) | (target == 100)) & (np.abs(v1 - target) <= 1)))
    before = valid & (years[None, :] < y1[:, None])
    from_base = before & (years[None, :] >= base_year[:, None])
    u_idx = np.where(from_base.any(axis=1), np.argmax(from_base, axis=1),
                     T - 1 - np.argmax(before[:, ::-1], axis=1))
    has_u = before.any(axis=1)
    uy0 = years[u_idx].astype(float)
    uv0 = vals[rows, u_idx]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        u_c = (v1 / uv0) ** (1 / (y1 - uy0)) - 1
        projected = v1 * (1 + u_c) ** (deadline - y1)
        p_ratio = (projected - uv0) / (target - uv0)
    u_ok = any_valid & has_u & (uv0 > 0) & (v1 > 0) & (target != uv0) & np.isfinite(p_ratio)
    p_ratio = np.where(u_ok & ~met, p_ratio, np.nan)
    u_code = np.select([met, ~u_ok, p_ratio >= 0.95, p_ratio >= 0.10], [0, 4, 1, 2], 3)
    u_labels = np.array(UNSD_STATUSES)[u_code]
    u_score = np.array([UNSD_SCORES.get(s, math.nan) for s in UNSD_STATUSES], dtype=float)[u_code]
    return {"statcan_status": np.array(STATCAN_STATUSES)[code], "statcan_score": score, "statcan_ratio": ratio,
            "unsd_status": u_labels, "unsd_score": u_score, "unsd_ratio": p_ratio}
