"""planwatch's own verdict for one target: pure functions from a target and its observations to a result.

Verdicts: ``met`` / ``missed`` when the deadline year's figure is published; otherwise ``on_track`` /
``off_track`` from the projection (``provisional`` when the deadline has passed and its figure is not
out yet, or when the deciding figure is preliminary); ``no_data`` when nothing numeric exists.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..plans.catalogue import Indicator, PeerGroup
from ..plans.model import Target
from ..store.repository import StoredObservation
from ..units import convert, humanize
from .conditions import Condition, condition_for
from .growth import assess_growth
from .methods import statcan_cagr_ratio, unsd_2023
from .model import Point, Projection, Requirement, SourceRef, TargetAssessment
from .projection import annual_changes, forecast
from .rank import assess_rank
from .stats import fmt_probability

PROVISIONAL_STATUSES = {"preliminary", "estimate"}
#: With fewer than two comparable yearly changes (no spread to judge a trend by), planwatch projects at
#: most this many years ahead; further out it says no_data rather than guess.
MAX_HOLD_YEARS = 2


@dataclass
class TargetInput:
    target: Target
    indicator: Indicator
    region: str
    as_of_year: int
    default_base_year: int
    observations: list[StoredObservation]
    growth_observations: list[StoredObservation] = field(default_factory=list)
    rank_observations: list[StoredObservation] = field(default_factory=list)
    peer_observations: dict[str, list[StoredObservation]] = field(default_factory=dict)
    peer_group: PeerGroup | None = None


def to_point(o: StoredObservation) -> Point:
    return Point(
        period=o.period, value=o.value_std, published_value=o.value, published_unit=o.unit, status=o.status,
        revision=o.revision, confidence=o.confidence, quote=o.quote, note=o.note,
        source=SourceRef(publisher=o.publisher, title=o.title, url=o.url, published=o.published),
    )


def fmt_value(v: float | None, unit: str, lang: str = "en") -> str:
    return humanize(v, unit, lang)


def base_result(inp: TargetInput, target_std: float | None, high_std: float | None) -> dict:
    t, ind = inp.target, inp.indicator
    return dict(
        target_id=t.id, indicator=ind.id, indicator_name={"en": ind.name.en, "zh": ind.name.zh},
        region=inp.region, measure=t.measure, comparator=t.comparator, target_value=t.value,
        target_value_high=t.value_high, target_unit=t.unit, target_value_in_indicator_unit=target_std,
        indicator_unit=ind.unit, deadline=t.deadline, quote={"en": t.quote.en, "zh": t.quote.zh},
        caveats=[{"en": c.en, "zh": c.zh} for c in ind.caveats],
        breaks=ind.breaks_for(inp.region),
        evidence=[to_point(o) for o in inp.observations if not o.is_numeric],
    )


def assess_target(inp: TargetInput) -> TargetAssessment:
    t = inp.target
    if t.measure == "rank":
        return assess_rank(inp, base_result(inp, t.value, None))
    if t.measure == "average_annual_growth":
        return assess_growth(inp, base_result(inp, t.value, None))
    return assess_level(inp)


def _condition(inp: TargetInput, target_std: float | None, high_std: float | None) -> Condition:
    t = inp.target
    tol = None
    if t.comparator == "around":
        tol = convert(t.around_tolerance(), t.unit, inp.indicator.unit)
    return condition_for(t.comparator, target_std, high_std, tol or 0.0, t.direction)


def assess_level(inp: TargetInput) -> TargetAssessment:
    """Levels and shares (and change from a base year, measured as the level's change)."""
    t, ind = inp.target, inp.indicator
    unit = ind.unit
    target_std = convert(t.value, t.unit, unit) if t.value is not None else None
    high_std = convert(t.value_high, t.unit, unit) if t.value_high is not None else None
    res = base_result(inp, target_std, high_std)
    cond = _condition(inp, target_std, high_std)
    numeric = sorted((o for o in inp.observations if o.is_numeric), key=lambda o: o.period)
    res["series"] = [to_point(o) for o in numeric]
    usable = [o for o in numeric if o.period <= t.deadline]
    fmt = lambda v: fmt_value(v, unit)  # noqa: E731
    fmt_zh = lambda v: fmt_value(v, unit, "zh")  # noqa: E731
    want = cond.describe(fmt)
    want_zh = cond.describe(fmt_zh, "zh")
    if not usable:
        res.update(verdict="no_data", provisional=False, explanation={
            "en": f"No sourced figure yet for {ind.name.en}; the target is {want} by {t.deadline}.",
            "zh": f"尚无{ind.name.zh}的有来源数据;目标为{t.deadline}年{want_zh}。",
        }, reasons=["no numeric observation in the store for this indicator and region"])
        return TargetAssessment(**res)
    latest = usable[-1]
    res["latest"] = to_point(latest)
    res["current_value"], res["current_year"] = latest.value_std, latest.period
    points = [(o.period, o.value_std) for o in usable]
    log_scale = ind.kind == "level" and all(v > 0 for _, v in points)
    breaks = ind.breaks_for(inp.region)
    changes = annual_changes(points, breaks, log_scale)
    horizon = t.deadline - latest.period
    fc = forecast(latest.value_std, horizon, changes, log_scale)
    reasons: list[str] = []
    if latest.period < t.deadline and len(changes.per_year) < 2 and horizon > MAX_HOLD_YEARS:
        n_pts = len(changes.per_year) + 1
        res.update(verdict="no_data", provisional=False, reasons=[
            f"only {n_pts} comparable figure(s), the latest {fmt(latest.value_std)} in {latest.period}, {horizon} years "
            "before the deadline: too little to project (no spread to judge a trend by)"], explanation={
            "en": f"Not enough data: {n_pts} comparable figure(s), the latest {fmt(latest.value_std)} ({latest.period}); "
                  f"the target is {want} by {t.deadline}.",
            "zh": f"数据不足:仅有{latest.period}年的{fmt_zh(latest.value_std)};目标为{t.deadline}年{want_zh}。"})
        return TargetAssessment(**res)
    if changes.crossed_breaks:
        reasons.append("series break(s) in " + ", ".join(map(str, changes.crossed_breaks))
                       + ": year-on-year changes are taken only within comparable segments")
    if latest.period == t.deadline:
        ok = cond.satisfied(latest.value_std)
        verdict = "met" if ok else "missed"
        provisional = latest.status in PROVISIONAL_STATUSES
        probability = None
    else:
        ok = cond.satisfied(fc.value)
        verdict = "on_track" if ok else "off_track"
        provisional = inp.as_of_year > t.deadline or latest.status in PROVISIONAL_STATUSES
        probability = fc.probability(cond)
        res["projection"] = Projection(
            year=t.deadline, value=fc.value, low=fc.low, high=fc.high, method=(
                "random walk with drift on " + ("log values" if log_scale else "values")
                + f" (mean of the last {changes.per_year.__len__()} within-segment yearly changes)"),
            why=("few yearly points, gaps and series breaks: a drift model needs no tuning, takes its range "
                 "from the series' own year-to-year variation, and never fits across a break"),
            fitted_from=changes.first_year, fitted_to=changes.last_year, n_changes=len(changes.per_year),
        )
        if fc.sd is None and horizon > 0:
            reasons.append("fewer than two comparable yearly changes: no range or probability")
    res["probability"] = probability
    # what it takes
    threshold = cond.threshold_from(latest.value_std)
    obs_abs = obs_pct = None
    if changes.per_year:
        if log_scale:
            obs_pct = (math.exp(fc.drift) - 1) * 100
        else:
            obs_abs = fc.drift
    if horizon > 0:
        if threshold is None:
            text_en = (f"Already {want} ({fmt(latest.value_std)} in {latest.period}); it must stay there "
                       f"until {t.deadline}.")
            req = Requirement(from_year=latest.period, to_year=t.deadline, threshold=target_std or 0.0,
                              per_year=0.0, observed_per_year=obs_abs, observed_per_year_pct=obs_pct, text=text_en)
        else:
            per_abs = (threshold - latest.value_std) / horizon
            per_pct = None
            if log_scale and threshold > 0:
                per_pct = ((threshold / latest.value_std) ** (1 / horizon) - 1) * 100
            needed = f"{per_pct:+.1f}% a year" if per_pct is not None else f"{fmt(per_abs)} a year"
            seen = (f"{obs_pct:+.1f}% a year" if obs_pct is not None else
                    (f"{fmt(obs_abs)} a year" if obs_abs is not None else "no comparable trend"))
            req = Requirement(from_year=latest.period, to_year=t.deadline, threshold=threshold, per_year=per_abs,
                              per_year_pct=per_pct, observed_per_year=obs_abs, observed_per_year_pct=obs_pct,
                              text=f"Needs {needed} from {latest.period} to {t.deadline} to reach {fmt(threshold)}; "
                                   f"recent trend: {seen}.")
        res["requirement"] = req
    # established methods, on the same points
    res["methods"] = _methods(inp, points, target_std, changes.crossed_breaks)
    res.update(verdict=verdict, provisional=provisional, reasons=reasons)
    res["explanation"] = _with_statements(
        _explain_level(inp, verdict, provisional, latest, fc, (want, want_zh), (fmt, fmt_zh), probability), inp, latest.period)
    return TargetAssessment(**res)


def _with_statements(expl: dict[str, str], inp: TargetInput, after: int) -> dict[str, str]:
    """Mention the newest official statement in words, when it is newer than the latest figure."""
    words = [o for o in inp.observations if not o.is_numeric and o.period > after and o.quote]
    if not words:
        return expl
    o = max(words, key=lambda o: o.period)
    return {"en": expl["en"] + f" Official wording for {o.period} (not a number): “{o.quote}”.",
            "zh": expl["zh"] + f"{o.period}年官方表述(非数值):“{o.quote}”。"}


def _methods(inp: TargetInput, points, target_std, crossed) -> list:
    t = inp.target
    if target_std is None:
        return []
    base_year = t.base_year or inp.default_base_year
    direction = {"increase": 1, "decrease": -1}.get(t.direction, 1 if target_std >= points[0][1] else -1)
    crossed_here = [b for b in inp.indicator.breaks_for(inp.region) if base_year < b <= max(points)[0]]
    return [
        statcan_cagr_ratio(points, target_std, t.deadline, base_year, direction, crossed_here),
        unsd_2023(points, target_std, t.deadline, base_year, crossed_here),
    ]


def _explain_level(inp, verdict, provisional, latest, fc, wants, fmts, probability) -> dict[str, str]:
    t = inp.target
    (want, want_zh), (fmt, fmt_zh) = wants, fmts
    lv, lv_zh = fmt(latest.value_std), fmt_zh(latest.value_std)
    p = f" (probability {fmt_probability(probability)})" if probability is not None else ""
    if verdict in ("met", "missed"):
        en = (f"{'Met' if verdict == 'met' else 'Missed'}: {lv} in {t.deadline} against a target of {want}"
              + (" (preliminary figure)." if provisional else "."))
        zh = (f"{'已完成' if verdict == 'met' else '未完成'}:{t.deadline}年为{lv_zh},目标为{want_zh}"
              + ("(初步数)。" if provisional else "。"))
        return {"en": en, "zh": zh}
    proj = fmt(fc.value)
    status_en = "on track" if verdict == "on_track" else "off track"
    status_zh = "进度正常" if verdict == "on_track" else "进度落后"
    pending = (f"The {t.deadline} figure is not yet published; " if inp.as_of_year > t.deadline else "")
    en = (f"{pending}{status_en}{p}: latest {lv} ({latest.period}), projected {proj} in {t.deadline} "
          f"against {want}.")
    pending_zh = f"{t.deadline}年数据尚未发布;" if inp.as_of_year > t.deadline else ""
    pz = f"(概率{fmt_probability(probability)})" if probability is not None else ""
    zh = (f"{pending_zh}{status_zh}{pz}:最新值{lv_zh}({latest.period}年),预计{t.deadline}年为{fmt_zh(fc.value)},"
          f"目标{want_zh}。")
    return {"en": en[0].upper() + en[1:], "zh": zh}
