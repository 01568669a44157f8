"""Established progress methods, implemented as published, with their components shown (docs/methods.md).

- ``statcan_cagr_ratio`` (``open-sdg-2.4``): the Statistics Canada / Eurostat growth-ratio method exactly
  as Open SDG's sdg-build computes it (``sdg/ProgressMeasure.py``, method 2, quantitative target):
  current = the latest year; base = the base year, or the next later year with data; sign s = −1 for a
  negative base value, else 1; a zero base or zero target is replaced by 0.001; the target counts as
  achieved when the current value is at or beyond it in the desired direction d (status
  ``target_achieved``, score 5, whatever the growth); otherwise R = s·d·CAGR_obs/|CAGR_req| with
  CAGR = (v/v₀)^(1/Δt) − 1, and status ``substantial_progress`` (R ≥ 0.95), ``moderate_progress`` (≥ 0.6),
  ``limited_progress`` (≥ 0), ``deterioration`` (< 0); score min(7.1429·R − 4.2857, 5) for R ≥ 0.6, else
  max(4.1667·R − 2.5, −5); ``not_available`` when no value can be computed (the labels are Open SDG's,
  so results compare with Open SDG sites).
- ``unsd_2023``: the UN Statistics Division's SDG Progress Chart 2023 trend assessment for indicators with
  a numerical target, as restated by Eustat's method page ("developed based on the 2023 Progress Chart
  Technical Note"): a target already met by the latest value counts as met whatever the trend (for a
  target of 0 or 100 %, within 1 point); else CAGR from the baseline to the latest year, the value
  projected to the target year, and R = (projected − baseline)/(target − baseline); bands R ≥ 0.95
  ``on_track`` (score 3, "on track or target met"), 0.10 ≤ R < 0.95 ``acceleration_needed`` (score 2,
  "fair progress, but acceleration needed"), R < 0.10 ``stagnation_or_regression`` (score 1). The
  desired direction enters through the met rule and the sign of the required change.

Both are point methods: neither gives a probability. planwatch's own verdict adds one.
"""

from __future__ import annotations

import math

from .model import MethodResult

STATCAN_VERSION = "open-sdg-2.4"
UNSD_VERSION = "2023"
STATCAN_STATUSES = ("target_achieved", "substantial_progress", "moderate_progress", "limited_progress",
                    "deterioration", "not_available")
UNSD_STATUSES = ("target_met", "on_track", "acceleration_needed", "stagnation_or_regression", "not_available")
UNSD_SCORES = {"target_met": 3, "on_track": 3, "acceleration_needed": 2, "stagnation_or_regression": 1}


def cagr(current: float, base: float, t1: int, t0: int) -> float:
    return (current / base) ** (1 / (t1 - t0)) - 1


def statcan_status(ratio: float) -> tuple[str, float]:
    """Open SDG's status and score on [−5, 5] for a growth ratio R (thresholds 0.95 / 0.6 / 0)."""
    if ratio >= 0.95:
        status = "substantial_progress"
    elif ratio >= 0.6:
        status = "moderate_progress"
    elif ratio >= 0:
        status = "limited_progress"
    else:
        status = "deterioration"
    score = min(7.1429 * ratio - 4.2857, 5.0) if ratio >= 0.6 else max(4.1667 * ratio - 2.5, -5.0)
    return status, score


def unsd_status(ratio: float) -> str:
    if ratio >= 0.95:
        return "on_track"
    if ratio >= 0.10:
        return "acceleration_needed"
    return "stagnation_or_regression"


def _na(method: str, version: str, why: str, **components) -> MethodResult:
    return MethodResult(method=method, version=version, status="not_available", components=components, note=why)


def statcan_cagr_ratio(points: list[tuple[int, float]], target: float, target_year: int, base_year: int,
                       direction: int, crossed_breaks: list[int] | None = None) -> MethodResult:
    name = "statcan_cagr_ratio"
    pts = sorted(points)
    if not pts:
        return _na(name, STATCAN_VERSION, "no data")
    y1, v1 = pts[-1]
    years = [y for y, _ in pts]
    y0 = base_year if base_year in years else min((y for y in years if y > base_year), default=None)
    if y0 is None:
        return _na(name, STATCAN_VERSION, f"no data in or after the base year {base_year}")
    v0 = dict(pts)[y0]
    tgt = 0.001 if target == 0 else target
    sign = -1 if v0 < 0 else 1
    comps = {"base_year": y0, "base_value": v0, "current_year": y1, "current_value": v1, "target": tgt,
             "target_year": target_year, "direction": direction, "sign": sign}
    achieved = (direction == -1 and v1 <= tgt) or (direction == 1 and v1 >= tgt)
    ratio, why, c_obs, c_req = _statcan_ratio(v0, v1, y0, y1, tgt, target_year, sign, direction)
    comps.update(progress_value=ratio, cagr_observed=c_obs, cagr_required=c_req)
    if achieved:
        return MethodResult(method=name, version=STATCAN_VERSION, status="target_achieved", score=5.0,
                            components=comps, note=_break_note(crossed_breaks))
    if ratio is None:
        return _na(name, STATCAN_VERSION, why, **comps)
    status, score = statcan_status(ratio)
    return MethodResult(method=name, version=STATCAN_VERSION, status=status, score=score, components=comps,
                        note=_break_note(crossed_breaks))


def _statcan_ratio(v0, v1, y0, y1, tgt, target_year, sign, direction):
    """(R, why not, CAGR observed, CAGR required) with Open SDG's resets and refusals."""
    if v0 == 0:
        v0 = 0.001  # Open SDG's convention for a zero base
    if (v0 > 0 and v1 < 0) or (v0 < 0 and v1 > 0):
        return None, "base and current values must both be positive or both negative", None, None
    if y1 - y0 < 1:
        return None, "needs at least two years of data from the base year", None, None
    if target_year == y0:
        return None, "the target year is the base year", None, None
    c_obs = cagr(v1, v0, y1, y0)
    if tgt / v0 < 0:
        return None, "the target and the base value differ in sign (no real growth rate)", c_obs, None
    c_req = cagr(tgt, v0, target_year, y0)
    if c_req == 0:
        return None, "the target equals the base value (no growth is required)", c_obs, c_req
    return sign * direction * c_obs / abs(c_req), None, c_obs, c_req


def unsd_2023(points: list[tuple[int, float]], target: float, target_year: int, base_year: int, direction: int,
              crossed_breaks: list[int] | None = None, percent: bool = False) -> MethodResult:
    name = "unsd_2023"
    pts = sorted(points)
    if not pts:
        return _na(name, UNSD_VERSION, "no data")
    y1, v1 = pts[-1]
    met = (direction >= 0 and v1 >= target) or (direction < 0 and v1 <= target)
    if percent and target in (0, 100) and abs(v1 - target) <= 1:
        met = True
    years = [y for y, _ in pts if y < y1]
    after = [y for y in years if y >= base_year]
    y0 = min(after) if after else (max(years) if years else None)
    comps = {"current_year": y1, "current_value": v1, "target": target, "target_year": target_year,
             "direction": direction}
    if met:
        comps["score"] = UNSD_SCORES["target_met"]
        return MethodResult(method=name, version=UNSD_VERSION, status="target_met", score=3.0, components=comps,
                            note=_break_note(crossed_breaks))
    if y0 is None:
        return _na(name, UNSD_VERSION, "needs a baseline and a later value", **comps)
    v0 = dict(pts)[y0]
    comps.update(base_year=y0, base_value=v0)
    if v0 <= 0 or v1 <= 0:
        return _na(name, UNSD_VERSION, "the CAGR projection needs positive values", **comps)
    if target == v0:
        return _na(name, UNSD_VERSION, "the target equals the baseline value", **comps)
    c_obs = cagr(v1, v0, y1, y0)
    projected = v1 * (1 + c_obs) ** (target_year - y1)
    ratio = (projected - v0) / (target - v0)
    status = unsd_status(ratio)
    comps.update(cagr_observed=c_obs, projected_value=projected, progress_ratio=ratio, score=UNSD_SCORES[status])
    return MethodResult(method=name, version=UNSD_VERSION, status=status, score=float(UNSD_SCORES[status]),
                        components=comps, note=_break_note(crossed_breaks))


def _break_note(crossed: list[int] | None) -> str | None:
    if not crossed:
        return None
    years = ", ".join(str(b) for b in crossed)
    return (f"Caution: base and current values lie on either side of a series break ({years}); "
            "the method compares them as published, planwatch's own projection does not.")


def finite_or_none(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None
