"""Normalisation: bring indicators onto a common scale, higher = better.

Each indicator is first multiplied by its direction (−1 for "less is better"), then, column by column over
the units (missing values ignored), with x the directed value:

- ``minmax``: (x − min)/(max − min)·(u − l) + l for the range [l, u]
- ``zscore``: (x − mean)/sd·s + m (sd with n − 1), for the target mean m and sd s
- ``rank``: rank, 1 = lowest, ties sharing the lowest rank; ``borda``: rank − 1
- ``percentile``: (rank − 1)/(n − 1)
- ``distance_to_target``: (x − min)/(t − min), t the indicator's target times its direction; ``cap`` caps at 1
- ``distance_to_frontier``: 1 − (max − x)/(max − min), the distance to the best performer
- ``distance_to_reference``: 1 − (x_ref − x)/(x_ref − min) for a reference unit; ``cap`` caps at 1
- ``fraction_of_max``: x / max
- ``goalposts``: (x − lower)/(upper − lower) (reversed for direction −1), truncated to [0, 1], times ``scale``
- ``none``: the directed values unchanged

The formulas follow COINr's ``n_*`` functions (and the Handbook, section 5), so results agree with COINr's.
"""

from __future__ import annotations

import numpy as np

from ...errors import PlanwatchError
from .framework import NormaliseSpec
from .stats import rank_asc_min


def normalise(values: np.ndarray, spec: NormaliseSpec, directions: np.ndarray, *, targets: np.ndarray | None = None,
              goalposts: list[tuple[float, float] | None] | None = None, units: list[str] | None = None,
              names: list[str] | None = None) -> np.ndarray:
    """Normalised copy of ``values`` (units × indicators)."""
    x = np.asarray(values, dtype=float) * np.asarray(directions, dtype=float)[None, :]
    m = spec.method
    with np.errstate(invalid="ignore", divide="ignore"):
        if m == "none":
            return x
        if m in ("minmax", "distance_to_frontier"):
            lo, hi = np.nanmin(x, axis=0), np.nanmax(x, axis=0)
            unit = (x - lo) / (hi - lo)
            return unit * (spec.range[1] - spec.range[0]) + spec.range[0] if m == "minmax" else 1 - (hi - x) / (hi - lo)
        if m == "zscore":
            mean = np.nanmean(x, axis=0)
            sd = np.nanstd(x, axis=0, ddof=1)
            return (x - mean) / sd * spec.sd + spec.mean
        if m in ("rank", "borda", "percentile"):
            r = np.column_stack([rank_asc_min(x[:, j]) for j in range(x.shape[1])]) if x.shape[1] else x
            if m == "rank":
                return r
            if m == "borda":
                return r - 1
            n = (~np.isnan(x)).sum(axis=0)
            return (r - 1) / (n - 1)
        if m == "fraction_of_max":
            return x / np.nanmax(x, axis=0)
        if m == "distance_to_target":
            if targets is None or np.isnan(targets).any():
                missing = [n for n, t in zip(names or [], targets if targets is not None else [], strict=False) if np.isnan(t)]
                raise PlanwatchError("distance_to_target needs a target for every indicator"
                                     + (f"; missing: {', '.join(missing)}" if missing else ""))
            t = np.asarray(targets, dtype=float) * np.asarray(directions, dtype=float)
            lo = np.nanmin(x, axis=0)
            y = (x - lo) / (t - lo)
            return np.minimum(y, 1.0) if spec.cap else y
        if m == "distance_to_reference":
            if not units or spec.reference not in units:
                raise PlanwatchError(f"distance_to_reference: reference unit {spec.reference!r} is not among the units")
            ref = x[units.index(spec.reference)]
            lo = np.nanmin(x, axis=0)
            y = 1 - (ref - x) / (ref - lo)
            return np.minimum(y, 1.0) if spec.cap else y
        if m == "goalposts":
            if goalposts is None or any(g is None for g in goalposts):
                missing = [n for n, g in zip(names or [], goalposts or [], strict=False) if g is None]
                raise PlanwatchError("goalposts normalisation needs `goalposts: [lower, upper]` on every indicator"
                                     + (f"; missing: {', '.join(missing)}" if missing else ""))
            raw = np.asarray(values, dtype=float)
            lo = np.array([g[0] for g in goalposts])  # type: ignore[index]
            hi = np.array([g[1] for g in goalposts])  # type: ignore[index]
            d = np.asarray(directions)
            y = np.where(d[None, :] > 0, (raw - lo) / (hi - lo), (hi - raw) / (hi - lo))
            return np.clip(y, 0.0, 1.0) * spec.scale
    raise PlanwatchError(f"unknown normalisation {m!r}")  # pragma: no cover - the model only admits known names
