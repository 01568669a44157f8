"""Small statistics shared by the stages: sample-adjusted skewness and kurtosis, and ranks.

Skewness and kurtosis are the sample-adjusted forms used by COINr (from e1071, the same as Excel's SKEW and
KURT), because the outlier rule's thresholds (|skew| > 2 and kurtosis > 3.5) were set with them:

    G1 = sqrt(n(n-1))/(n-2) · m3 / m2^{3/2}
    G2 = (n-1)/((n-2)(n-3)) · ((n+1)·(m4/m2² - 3) + 6)

with m_k the k-th central sample moment (divided by n). Missing values are ignored; fewer than 3 (skewness)
or 4 (kurtosis) values, or no spread, give NaN.
"""

from __future__ import annotations

import numpy as np


def skewness(x: np.ndarray) -> float:
    v = x[~np.isnan(x)]
    n = v.size
    if n < 3:
        return float("nan")
    d = v - v.mean()
    s2 = float(np.sum(d * d))
    if s2 == 0:
        return float("nan")
    g = np.sqrt(n) * float(np.sum(d**3)) / s2**1.5
    return float(g * np.sqrt(n * (n - 1)) / (n - 2))


def kurtosis(x: np.ndarray) -> float:
    v = x[~np.isnan(x)]
    n = v.size
    if n < 4:
        return float("nan")
    d = v - v.mean()
    s2 = float(np.sum(d * d))
    if s2 == 0:
        return float("nan")
    r = n * float(np.sum(d**4)) / s2**2
    return float(((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)))


def rank_desc(scores: np.ndarray, axis: int = -1) -> np.ndarray:
    """Rank 1 = highest score along ``axis``; ties share the best (lowest) rank; NaN stays NaN.

    Vectorised over the other axes, so one call ranks the units of every Monte Carlo replication."""
    s = np.moveaxis(np.asarray(scores, dtype=float), axis, -1)
    neg = np.where(np.isnan(s), np.inf, -s)  # missing last
    order = np.argsort(neg, axis=-1, kind="stable")
    sorted_ = np.take_along_axis(neg, order, axis=-1)
    pos = np.arange(s.shape[-1])
    new_run = np.ones(sorted_.shape, dtype=bool)
    new_run[..., 1:] = sorted_[..., 1:] != sorted_[..., :-1]
    first = np.maximum.accumulate(np.where(new_run, pos, 0), axis=-1)
    ranks_sorted = (first + 1).astype(float)
    ranks = np.empty_like(ranks_sorted)
    np.put_along_axis(ranks, order, ranks_sorted, axis=-1)
    ranks[np.isnan(s)] = np.nan
    return np.moveaxis(ranks, -1, axis)


def rank_asc_min(x: np.ndarray) -> np.ndarray:
    """Ascending ranks of a column (1 = smallest), ties sharing the lowest rank, NaN kept (R's rank, "min")."""
    return rank_desc(-np.asarray(x, dtype=float))
