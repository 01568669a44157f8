"""Official statements with an approximate number as interval evidence.

The rule (docs/verdicts.md): a statement "about X" (保持在X左右, "around X") says the value lies within
the rounding interval of X as written — half a unit of its last digit on either side, so "about 16%" is
[15.5%, 16.5%] and "about 7.5%" is [7.45%, 7.55%]. "More than X" / "at least X" (超过, 以上) say the value
is at or above X; "at most" / "less than" the mirror. A statement is never stored or shown as a figure.

How it enters a verdict: the projection is *conditioned* on it. A forecast N(m, s²) for the statement's
year, cut to the interval, has the moments of a truncated normal; the projection to the deadline starts
from them. A statement for the deadline year itself decides a provisional verdict: P(met) is the share
of the (conditioned) forecast inside the interval that also meets the target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..store.vintage import decimals
from .stats import norm_cdf, norm_pdf


@dataclass(frozen=True)
class Interval:
    """Where a statement puts the value, in the indicator unit; None = open on that side."""

    low: float | None
    high: float | None

    def contains(self, v: float) -> bool:
        return (self.low is None or v >= self.low) and (self.high is None or v <= self.high)

    @property
    def bounded(self) -> bool:
        return self.low is not None and self.high is not None

    def describe(self, fmt) -> str:
        if self.bounded:
            return f"{fmt(self.low)}–{fmt(self.high)}"
        if self.low is not None:
            return f"≥ {fmt(self.low)}"
        return f"≤ {fmt(self.high)}"


def statement_interval(value: float, value_std: float, comparator: str | None) -> Interval:
    """The interval a statement's number means (rule in the module docstring), in the indicator unit."""
    k = value_std / value if value else 1.0
    if comparator in (None, "around"):
        half = 0.5 * 10 ** (-decimals(value)) * abs(k)
        return Interval(value_std - half, value_std + half)
    if comparator in ("at_least", "more_than"):
        return Interval(value_std, None)
    if comparator in ("at_most", "less_than"):
        return Interval(None, value_std)
    raise ValueError(f"unknown statement comparator {comparator!r}")


def truncated_normal(mean: float, sd: float, low: float | None, high: float | None) -> tuple[float, float, float]:
    """(mean, sd, mass) of N(mean, sd²) cut to [low, high] (either end may be open)."""
    a = -math.inf if low is None else (low - mean) / sd
    b = math.inf if high is None else (high - mean) / sd
    pa, pb = (0.0 if a == -math.inf else norm_cdf(a)), (1.0 if b == math.inf else norm_cdf(b))
    mass = pb - pa
    if mass < 1e-12:
        return math.nan, math.nan, 0.0
    fa = 0.0 if a == -math.inf else norm_pdf(a)
    fb = 0.0 if b == math.inf else norm_pdf(b)
    ta = 0.0 if a == -math.inf else a * fa
    tb = 0.0 if b == math.inf else b * fb
    m = mean + sd * (fa - fb) / mass
    var = sd * sd * (1 + (ta - tb) / mass - ((fa - fb) / mass) ** 2)
    return m, math.sqrt(max(var, 0.0)), mass


def condition(mean: float, sd: float | None, iv: Interval) -> tuple[float, float | None, bool]:
    """A forecast (mean, sd) updated by the statement that the value lies in ``iv``.

    Returns (mean, sd, consistent). When the forecast gives the interval almost no weight (or has no
    spread), the statement wins: a bounded interval becomes a uniform (mean mid-point, sd width/√12);
    an open one pins the value to its bound when the forecast lies outside it."""
    if sd is not None and sd > 0:
        m, s, mass = truncated_normal(mean, sd, iv.low, iv.high)
        if mass >= 1e-6:
            return m, s, mass >= 0.01
    if iv.contains(mean):
        return mean, sd, True
    if iv.bounded:
        return (iv.low + iv.high) / 2, (iv.high - iv.low) / math.sqrt(12), False
    bound = iv.low if iv.low is not None else iv.high
    return bound, 0.0, False


def share_meeting(mean: float, sd: float | None, iv: Interval, cond) -> float | None:
    """P(value meets the target condition | value in the statement's interval) under N(mean, sd²).

    Without a spread: the share of a bounded interval (uniform) that meets it, or 0/1 when the interval
    lies wholly on one side of the target."""
    lo = max(x for x in (iv.low, cond.low) if x is not None) if (iv.low is not None or cond.low is not None) else None
    hi = min(x for x in (iv.high, cond.high) if x is not None) if (iv.high is not None or cond.high is not None) else None
    if lo is not None and hi is not None and lo > hi:
        return 0.0
    if (cond.low is None or (iv.low is not None and iv.low >= cond.low)) and \
            (cond.high is None or (iv.high is not None and iv.high <= cond.high)):
        return 1.0
    if sd is not None and sd > 0:
        _, _, inside = truncated_normal(mean, sd, iv.low, iv.high)
        _, _, both = truncated_normal(mean, sd, lo, hi)
        if inside >= 1e-9:
            return max(0.0, min(1.0, both / inside))
    if iv.bounded:
        width = iv.high - iv.low
        return max(0.0, min(1.0, ((hi if hi is not None else iv.high) - (lo if lo is not None else iv.low)) / width)) \
            if width > 0 else float(cond.satisfied(iv.low))
    return None
