"""Established progress methods, implemented as named, versioned functions with their components shown.

- ``statcan_cagr_ratio`` (v2.4): the Statistics Canada / Eurostat growth-ratio method as shipped in Open SDG
  2.4 (sdg-build ``ProgressMeasure``): R = s·d·CAGR_obs/|CAGR_req|, with s the sign of the base value and d
  the desired direction; status on track (R ≥ 0.95), acceleration needed (≥ 0.60), limited progress (≥ 0),
  deterioration (< 0); a target already met is "achieved" with score 5; score on [−5, 5].
- ``unsd_2023``: the UN Statistics Division's 2023 progress-chart ratio: project the value at the target
  year from the observed CAGR, then P = (projected − base)/(target − base); on track (P ≥ 0.95),
  acceleration needed (≥ 0.10), stagnation (≥ −0.10), regression (< −0.10).

Both are point methods: neither gives a probability. planwatch's own verdict adds one.
"""

from __future__ import annotations

from .model import MethodResult

STATCAN_VERSION = "open-sdg-2.4"
UNSD_VERSION = "2023"


def cagr(current: float, base: float, t1: int, t0: int) -> float:
    return (current / base) ** (1 / (t1 - t0)) - 1


def pick_base(points: list[tuple[int, float]], base_year: int) -> tuple[int, float] | None:
    """The base year's point, or the next available one (as Open SDG does)."""
    for y, v in sorted(points):
        if y >= base_year:
            return y, v
    return None


def statcan_status(ratio: float) -> tuple[str, float]:
    """Status and score on [−5, 5] for a growth ratio R (Open SDG's score functions)."""
    if ratio >= 0.95:
        status = "on_track"
    elif ratio >= 0.6:
        status = "acceleration_needed"
    elif ratio >= 0:
        status = "limited_progress"
    else:
        status = "deterioration"
    score = min(7.1429 * ratio - 4.2857, 5.0) if ratio >= 0.6 else max(4.1667 * ratio - 2.5, -5.0)
    return status, round(score, 4)


def unsd_status(ratio: float) -> str:
    if ratio >= 0.95:
        return "on_track"
    if ratio >= 0.10:
        return "acceleration_needed"
    return "stagnation" if ratio >= -0.10 else "regression"


def _endpoints(points: list[tuple[int, float]], base_year: int, target: float, target_year: int):
    """Base point (base year or the next available), current point and the common components."""
    base = pick_base(points, base_year)
    if base is None:
        return None
    (y0, v0), (y1, v1) = base, max(points)
    comps = {"base_year": y0, "base_value": v0, "current_year": y1, "current_value": v1, "target": target,
             "target_year": target_year}
    return y0, v0, y1, v1, comps


def _na(method: str, version: str, why: str, **components) -> MethodResult:
    return MethodResult(method=method, version=version, status="not_available", components=components, note=why)


def statcan_cagr_ratio(points: list[tuple[int, float]], target: float, target_year: int, base_year: int,
                       direction: int, crossed_breaks: list[int] | None = None) -> MethodResult:
    name = "statcan_cagr_ratio"
    ends = _endpoints(points, base_year, target, target_year)
    if ends is None:
        return _na(name, STATCAN_VERSION, f"no data in or after the base year {base_year}")
    y0, v0, y1, v1, comps = ends
    comps["direction"] = direction
    achieved = (direction == 1 and v1 >= target) or (direction == -1 and v1 <= target)
    if achieved:
        comps.update(sign=1 if v0 >= 0 else -1, progress_value=None)
        return MethodResult(method=name, version=STATCAN_VERSION, status="achieved", score=5.0,
                            components=comps, note=_break_note(crossed_breaks))
    if y1 <= y0:
        return _na(name, STATCAN_VERSION, "needs at least two years of data from the base year", **comps)
    if v0 == 0:
        v0 = 0.001  # Open SDG's convention for a zero base
    if (v0 > 0) != (v1 > 0) or target / v0 <= 0:
        return _na(name, STATCAN_VERSION, "base, current and target values must share a sign", **comps)
    s = -1 if v0 < 0 else 1
    c_obs = cagr(v1, v0, y1, y0)
    c_req = cagr(target, v0, target_year, y0)
    if c_req == 0:
        return _na(name, STATCAN_VERSION, "the target equals the base value", **comps)
    ratio = s * direction * c_obs / abs(c_req)
    status, score = statcan_status(ratio)
    comps.update(sign=s, cagr_observed=c_obs, cagr_required=c_req, progress_value=ratio)
    return MethodResult(method=name, version=STATCAN_VERSION, status=status, score=score,
                        components=comps, note=_break_note(crossed_breaks))


def unsd_2023(points: list[tuple[int, float]], target: float, target_year: int, base_year: int,
              crossed_breaks: list[int] | None = None) -> MethodResult:
    name = "unsd_2023"
    ends = _endpoints(points, base_year, target, target_year)
    if ends is None:
        return _na(name, UNSD_VERSION, f"no data in or after the base year {base_year}")
    y0, v0, y1, v1, comps = ends
    if y1 <= y0:
        return _na(name, UNSD_VERSION, "needs at least two years of data from the base year", **comps)
    if v0 <= 0 or v1 <= 0:
        return _na(name, UNSD_VERSION, "the CAGR projection needs positive values", **comps)
    if target == v0:
        return _na(name, UNSD_VERSION, "the target equals the base value", **comps)
    c_obs = cagr(v1, v0, y1, y0)
    projected = v1 * (1 + c_obs) ** (target_year - y1)
    ratio = (projected - v0) / (target - v0)
    status = unsd_status(ratio)
    comps.update(cagr_observed=c_obs, projected_value=projected, progress_ratio=ratio)
    return MethodResult(method=name, version=UNSD_VERSION, status=status, components=comps,
                        note=_break_note(crossed_breaks))


def _break_note(crossed: list[int] | None) -> str | None:
    if not crossed:
        return None
    years = ", ".join(str(b) for b in crossed)
    return (f"Caution: base and current values lie on either side of a series break ({years}); "
            "the method compares them as published, planwatch's own projection does not.")
