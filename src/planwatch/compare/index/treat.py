"""Outlier treatment: winsorise until skewness and kurtosis pass, else fall back to a log transform.

The rule (OECD/JRC Handbook; COINr's default ``Treat``): an indicator *fails* when |skewness| > 2 **and**
kurtosis > 3.5 (sample-adjusted forms, see ``stats``). A failing indicator is winsorised one step at a time:
on the side its skew points to, the most extreme value(s) are set to the next value in. Ties move together,
so one step can winsorise several points; the count of points is cumulative because points already moved
tie with the next extreme. Steps stop when the indicator passes or ``winmax`` points have been moved. If it
still fails, the original values (or, with ``combine``, the winsorised ones) are log-transformed:

    log:      log(x − min + 0.01·(max − min))
    log_plus: as ``log`` when skew > 0, else −log(max + 0.01·(max − min) − x)

and the result is kept whether or not it passes. Indicators with fewer than four values or no spread are
left alone (their skewness or kurtosis is undefined).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .framework import TreatSpec
from .stats import kurtosis, skewness


@dataclass(frozen=True)
class Treatment:
    """What happened to one indicator (the fields of COINr's treatment table)."""

    indicator: str
    skew: float
    kurt: float
    passed: bool | None  # None: skewness/kurtosis undefined, left untreated
    winsorised: int | None = None  # points moved (None: winsorisation not tried)
    skew_winsorised: float | None = None
    kurt_winsorised: float | None = None
    passed_winsorised: bool | None = None
    log: str | None = None  # "log" / "log_plus" when the fallback was applied
    skew_log: float | None = None
    kurt_log: float | None = None
    passed_log: bool | None = None
    high: tuple[int, ...] = ()  # rows winsorised from above
    low: tuple[int, ...] = ()  # rows winsorised from below

    @property
    def treated(self) -> bool:
        return bool(self.winsorised) or self.log is not None


def _passes(x: np.ndarray, spec: TreatSpec) -> tuple[bool | None, float, float]:
    s, k = skewness(x), kurtosis(x)
    if np.isnan(s) or np.isnan(k):
        return None, s, k
    return bool(abs(s) < spec.skew or k < spec.kurtosis), s, k


def winsorise(x: np.ndarray, spec: TreatSpec) -> tuple[np.ndarray, list[int], list[int], int]:
    """(winsorised copy, rows moved down from the top, rows moved up from the bottom, points moved)."""
    x = np.array(x, dtype=float)
    passing, _, _ = _passes(x, spec)
    imax: list[int] = []
    imin: list[int] = []
    nwin = 0
    while passing is False and (spec.winmax is None or nwin < spec.winmax):
        present = ~np.isnan(x)
        high = skewness(x) >= 0  # positive skew: the outliers are on top
        extreme = np.nanmax(x) if high else np.nanmin(x)
        hit = present & (x == extreme)
        rest = x[present & ~hit]
        if not rest.size:
            break
        x[hit] = rest.max() if high else rest.min()
        if high:
            imax = list(np.flatnonzero(hit))
        else:
            imin = list(np.flatnonzero(hit))
        nwin = len(imax) + len(imin)
        passing, _, _ = _passes(x, spec)
    return x, imax, imin, nwin


def log_transform(x: np.ndarray, kind: str) -> np.ndarray:
    lo, hi = np.nanmin(x), np.nanmax(x)
    a = 0.01 * (hi - lo)
    if kind == "log_plus" and not skewness(x) > 0:
        return -np.log(hi + a - x)
    return np.log(x - lo + a)


def treat_column(x: np.ndarray, name: str, spec: TreatSpec) -> tuple[np.ndarray, Treatment]:
    passed, s0, k0 = _passes(x, spec)
    base = Treatment(name, s0, k0, passed)
    if passed is not False or spec.method == "none":
        return np.array(x, dtype=float), base
    xw, imax, imin, nwin = winsorise(x, spec)
    p1, s1, k1 = _passes(xw, spec)
    t = Treatment(name, s0, k0, passed, nwin, s1, k1, p1, high=tuple(imax), low=tuple(imin))
    if p1 is not False or spec.fallback == "none":
        return xw, t
    xl = log_transform(xw if spec.combine else np.array(x, dtype=float), spec.fallback)
    p2, s2, k2 = _passes(xl, spec)
    return xl, Treatment(name, s0, k0, passed, nwin, s1, k1, p1, spec.fallback, s2, k2, p2, tuple(imax), tuple(imin))


def treat(values: np.ndarray, names: list[str], spec: TreatSpec, skip: set[str] | frozenset = frozenset()
          ) -> tuple[np.ndarray, list[Treatment]]:
    """Treat every column not in ``skip``; returns the treated copy and one record per treated column."""
    out = np.array(values, dtype=float)
    records = []
    for j, name in enumerate(names):
        if name in skip:
            continue
        out[:, j], rec = treat_column(values[:, j], name, spec)
        records.append(rec)
    return out, records
