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


def norm_pdf(x: float) -> float:
    return math.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz), for x < (a+1)/(a+b+2)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for num in (m * (b - m) * x / ((a + m2 - 1) * (a + m2)), -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))):
            d = 1 + num * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return h


def betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    ln = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1) / (a + b + 2):
        return math.exp(ln) * _betacf(a, b, x) / a
    return 1 - math.exp(ln) * _betacf(b, a, 1 - x) / b


def t_cdf(x: float, df: float | None) -> float:
    """Student's t CDF (the normal when df is None): forecasts whose spread is estimated from few changes
    have heavier tails than a normal, and calibrated ranges must say so."""
    if df is None or df > 1e6:
        return norm_cdf(x)
    p = 0.5 * betainc(df / 2, 0.5, df / (df + x * x))
    return 1 - p if x > 0 else p


def t_ppf(q: float, df: float | None) -> float:
    """Quantile of Student's t (bisection on the CDF; a handful of calls per assessment)."""
    if df is None or df > 1e6:
        return _N.inv_cdf(q)
    lo, hi = -1e3, 1e3
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < q:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-10:
            break
    return (lo + hi) / 2
