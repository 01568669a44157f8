"""Projection to the deadline: a random walk with drift, fitted only within comparable segments.

Why this method: plan indicators have a handful of yearly points, often with gaps and series breaks.
A drift model (the mean of the recent year-on-year changes) needs no tuning, uses the series' own
volatility for its range, and is the standard benchmark for short macro series. Changes are taken only
between points of the same segment, so a level shift from a statistical revision (e.g. GDP after an
economic census) never enters the trend. Money levels change multiplicatively, so they are projected on
a log scale; shares and rates on their own scale.

The 80% range is the random-walk-with-drift forecast interval: se(h) = σ·sqrt(h + h²/n) (n = years the
changes span), which counts
both the year-to-year noise and the uncertainty in the estimated drift.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .stats import Z80, norm_cdf

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
    value: float
    low: float | None
    high: float | None
    sd: float | None  # standard error of the forecast on the working scale
    drift: float
    n: int
    log_scale: bool

    def probability(self, condition) -> float | None:
        """P(the value at the horizon satisfies the condition) under the normal forecast distribution."""
        if self.sd is None or self.sd == 0:
            return None
        centre = math.log(self.value) if self.log_scale else self.value

        def scale(x: float | None) -> float | None:
            if x is None:
                return None
            if self.log_scale:
                return math.log(x) if x > 0 else -math.inf
            return x

        lo, hi = scale(condition.low), scale(condition.high)
        p_hi = 1.0 if hi is None else norm_cdf((hi - centre) / self.sd)
        p_lo = 0.0 if lo is None else (0.0 if lo == -math.inf else norm_cdf((lo - centre) / self.sd))
        return max(0.0, min(1.0, p_hi - p_lo))


def drift_and_sigma(changes: Changes) -> tuple[float, float | None, int]:
    """Drift = total change / total years; σ² from changes weighted by the years they span.

    A change spread over g years is the mean of g yearly steps, so its variance is σ²/g: weighting by g
    gives the unbiased estimate. Returns (drift, σ or None, years covered)."""
    d, g = changes.per_year, changes.gaps
    if not d:
        return 0.0, None, 0
    years = sum(g)
    drift = sum(di * gi for di, gi in zip(d, g, strict=True)) / years
    if len(d) < 2:
        return drift, None, years
    var = sum(gi * (di - drift) ** 2 for di, gi in zip(d, g, strict=True)) / (len(d) - 1)
    return drift, math.sqrt(var), years


def forecast(latest: float, horizon: int, changes: Changes, log_scale: bool) -> Forecast:
    drift, sigma, n = drift_and_sigma(changes)
    h = max(horizon, 0)
    base = math.log(latest) if log_scale else latest
    centre = base + drift * h
    if sigma is None or h == 0:
        se = None if h else 0.0
        value = math.exp(centre) if log_scale else centre
        return Forecast(value, None if se is None else value, None if se is None else value, se, drift, n, log_scale)
    se = sigma * math.sqrt(h + h * h / n)
    lo, hi = centre - Z80 * se, centre + Z80 * se
    if log_scale:
        return Forecast(math.exp(centre), math.exp(lo), math.exp(hi), se, drift, n, log_scale)
    return Forecast(centre, lo, hi, se, drift, n, log_scale)
