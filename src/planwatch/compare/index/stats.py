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


def _standard_moment(x: np.ndarray, k: int, min_n: int) -> tuple[int, float]:
    """(n, m_k / m_2^{k/2}) over the non-missing values; NaN when too few values or no spread."""
    v = x[~np.isnan(x)]
    if v.size < min_n:
        return v.size, float("nan")
    d = v - v.mean()
    m2 = float(np.mean(d * d))
    return v.size, (float(np.mean(d**k)) / m2 ** (k / 2) if m2 > 0 else float("nan"))


def skewness(x: np.ndarray) -> float:
    n, g = _standard_moment(x, 3, 3)
    return g * np.sqrt(n * (n - 1)) / (n - 2) if n >= 3 else float("nan")


def kurtosis(x: np.ndarray) -> float:
    n, r = _standard_moment(x, 4, 4)
    return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)) if n >= 4 else float("nan")


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
