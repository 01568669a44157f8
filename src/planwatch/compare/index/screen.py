"""Data coverage and unit screening: which units have enough data to be scored and ranked.

A unit's coverage is the share of the framework's indicators it has a value for (COINr's ``Dat_Avail``);
its non-zero share is the share of its values that are not zero. Units below the thresholds are left out of
everything that follows, and the report lists what each one is missing, so a gap is visible, never filled
silently. ``include``/``exclude`` override the rule for named units.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .framework import ScreenSpec


@dataclass(frozen=True)
class UnitCoverage:
    unit: str
    coverage: float  # share of indicators with a value
    nonzero: float  # share of available values that are not zero
    missing: tuple[str, ...]  # indicators with no value
    kept: bool
    reason: str  # why it was dropped ("" when kept)


def coverage(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per unit (row): share of indicators present, and share of present values that are non-zero."""
    present = ~np.isnan(values)
    n_present = present.sum(axis=1)
    cov = n_present / values.shape[1] if values.shape[1] else np.ones(values.shape[0])
    zeros = ((values == 0) & present).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        nonzero = np.where(n_present > 0, 1 - zeros / np.maximum(n_present, 1), np.nan)
    return cov, nonzero


def screen_units(values: np.ndarray, units: list[str], indicators: list[str], spec: ScreenSpec,
                 explain: Callable[[int, int], str] | None = None) -> list[UnitCoverage]:
    """Apply the coverage rule to every unit; the caller keeps the rows whose ``kept`` is true.

    ``explain(row, column)`` names a missing cell (default: the indicator's id)."""
    cov, nonzero = coverage(values)
    out = []
    for i, u in enumerate(units):
        low_data = cov[i] < spec.min_coverage
        low_nonzero = bool(np.nan_to_num(nonzero[i], nan=0.0) < spec.min_nonzero)
        fails = {"missing": low_data, "zeros": low_nonzero, "both": low_data or low_nonzero}[spec.by]
        reason = ""
        if fails:
            reason = (f"data for {cov[i]:.0%} of indicators (needs {spec.min_coverage:.0%})" if low_data and spec.by != "zeros"
                      else f"{nonzero[i]:.0%} of values non-zero (needs {spec.min_nonzero:.0%})")
        kept = not fails
        if u in spec.include:
            kept, reason = True, ""
        if u in spec.exclude:
            kept, reason = False, "excluded by the framework"
        missing = tuple((explain(i, j) if explain else ind) for j, ind in enumerate(indicators) if np.isnan(values[i, j]))
        out.append(UnitCoverage(u, float(cov[i]), float(nonzero[i]) if not np.isnan(nonzero[i]) else 0.0, missing, kept, reason))
    return out
