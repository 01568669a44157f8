"""Projection to the deadline: a random walk with drift, fitted only within comparable segments.

Why this method: plan indicators have a handful of yearly points, often with gaps and series breaks.
A drift model (the mean of the recent year-on-year changes) needs no tuning, uses the series' own
volatility for its range, and is the standard benchmark for short macro series. Changes are taken only
between points of the same segment, so a level shift from a statistical revision (e.g. GDP after an
economic census) never enters the trend. Money levels change multiplicatively, so they are projected on
a log scale; shares and rates on their own scale.

The 80% range is the random-walk-with-drift forecast interval: se(h) = σ·sqrt(h + h²/n) (n = years the
changes span), which counts both the year-to-year noise and the uncertainty in the estimated drift, with
Student's t quantiles because σ itself is estimated from a few changes. Other models and the evidence
for the default are in :mod:`.models` and ``planwatch backtest``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .stats import t_cdf, t_ppf

#: How many recent year-on-year changes the drift uses.
WINDOW = 8


@dataclass(frozen=True)
class Changes:
    per_year: list[float]  # annualised changes (log-changes for log-scale series)
    gaps: list[int]  # years each change spans (a change over g years is an average of g yearly steps)
    first_year: int | None
    last_year: int | None
    crossed_breaks: list[int]


def segment_of(period: int, breaks: list[int]) -> int:
    """Index of the comparable segment a period falls in (breaks are the first periods of new segments)."""
    return sum(1 for b in breaks if period >= b)


def annual_changes(points: list[tuple[int, float]], breaks: list[int], log_scale: bool) -> Changes:
    """Annualised changes between consecutive points of the same segment, newest WINDOW kept."""
    pts = sorted(points)
    out: list[tuple[int, float, int]] = []
    skipped: list[int] = []
    for (y0, v0), (y1, v1) in zip(pts, pts[1:], strict=False):
        if segment_of(y0, breaks) != segment_of(y1, breaks):
            skipped += [b for b in breaks if y0 < b <= y1]
            continue
        if log_scale:
            if v0 <= 0 or v1 <= 0:
                continue
            d = (math.log(v1) - math.log(v0)) / (y1 - y0)
        else:
            d = (v1 - v0) / (y1 - y0)
        out.append((y1, d, y1 - y0))
    out = out[-WINDOW:]
    first = None
    if out:
        # the first year of the first change used
        idx = [y for y, _ in pts].index(out[0][0])
        first = pts[idx - 1][0] if idx > 0 else out[0][0]
    return Changes([d for _, d, _ in out], [g for _, _, g in out], first, out[-1][0] if out else None, skipped)


@dataclass(frozen=True)
class Forecast:
    """A forecast distribution at the deadline: centre, 80% range, and its spread on the working scale."""

    value: float
    low: float | None
    high: float | None
    sd: float | None  # standard error on the working scale (None: no spread to judge by)
    drift: float
    n: int
    log_scale: bool
    df: int | None = None  # degrees of freedom (Student's t); None = normal
    centre_work: float | None = None  # the centre on the working scale
    model: str = "drift"

    def probability(self, condition) -> float | None:
        """P(the value at the horizon satisfies the condition) under the forecast distribution."""
        if self.sd is None or self.sd == 0:
            return None
        centre = self.centre_work if self.centre_work is not None else (
            math.log(self.value) if self.log_scale else self.value)

        def scale(x: float | None) -> float | None:
            if x is None:
                return None
            if self.log_scale:
                return math.log(x) if x > 0 else -math.inf
            return x

        lo, hi = scale(condition.low), scale(condition.high)
        p_hi = 1.0 if hi is None else t_cdf((hi - centre) / self.sd, self.df)
        p_lo = 0.0 if lo is None else (0.0 if lo == -math.inf else t_cdf((lo - centre) / self.sd, self.df))
        return max(0.0, min(1.0, p_hi - p_lo))


def drift_and_sigma(changes: Changes) -> tuple[float, float | None, int]:
    """Drift = total change / total years; σ² from changes weighted by the years they span.

    A change spread over g years is the mean of g yearly steps, so its variance is σ²/g: weighting by g
    gives the unbiased estimate. Returns (drift, σ or None, years covered)."""
    from .models import _weighted

    if not changes.per_year:
        return 0.0, None, 0
    return _weighted(changes.per_year, changes.gaps)


def from_moments(centre: float, se: float | None, drift: float, n: int, log_scale: bool, df: int | None,
                 model: str) -> Forecast:
    """A Forecast from a centre and standard error on the working scale (80% range by Student's t)."""
    back = math.exp if log_scale else (lambda x: x)
    if se is None:
        return Forecast(back(centre), None, None, None, drift, n, log_scale, df, centre, model)
    q = t_ppf(0.9, df)
    return Forecast(back(centre), back(centre - q * se), back(centre + q * se), se, drift, n, log_scale, df, centre, model)


def forecast(latest: float, horizon: int, changes: Changes, log_scale: bool, model: str = "drift",
             points: list[tuple[int, float]] | None = None) -> Forecast:
    """Project ``horizon`` years past the latest value with the named model (see :mod:`.models`)."""
    from .models import fit

    h = max(horizon, 0)
    base = math.log(latest) if log_scale else latest
    work_points = [(y, math.log(v) if log_scale else v) for y, v in (points or []) if not log_scale or v > 0]
    trend = fit(model, base, changes, work_points)
    if h == 0:
        return from_moments(base, 0.0, trend.drift, trend.n_years, log_scale, None, trend.model)
    return from_moments(trend.mean(h), trend.se(h), trend.drift, trend.n_years, log_scale, trend.df, trend.model)
