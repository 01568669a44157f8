"""Small numerical helpers (no numpy: these run on a handful of points and must start fast)."""

from __future__ import annotations

import math
from statistics import NormalDist

_N = NormalDist()
Z80 = _N.inv_cdf(0.9)  # two-sided 80% interval


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs)


def stdev(xs: list[float]) -> float | None:
    if len(xs) < 2:
        return None
    m = mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1))


def norm_cdf(x: float) -> float:
    return _N.cdf(x)


def geometric_mean_growth(rates_pct: list[float]) -> float:
    """Average annual growth (%) from yearly growth rates (%), compounding."""
    prod = 1.0
    for g in rates_pct:
        prod *= 1 + g / 100
    return (prod ** (1 / len(rates_pct)) - 1) * 100


def fmt_probability(p: float) -> str:
    """A probability as people read it: never "100%" or "0%" for a forecast."""
    if p >= 0.995:
        return ">99%"
    if p <= 0.005:
        return "<1%"
    return f"{p:.0%}"
