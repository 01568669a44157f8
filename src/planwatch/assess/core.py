"""planwatch's own verdict for one target: pure functions from a target and its evidence to a result.

Verdicts (docs/verdicts.md): ``met`` / ``missed`` when the deadline year's figure is published, or —
provisionally — when an official statement for the deadline year puts the value in an interval;
otherwise ``on_track`` / ``off_track`` from the projection (conditioned on any later official
statement; ``provisional`` when the deadline has passed and its figure is not out yet, or when the
deciding figure is preliminary); ``no_data`` when there is nothing to judge by. Only figures on the
target's basis are trended; conflicts are shown and lower the verdict's confidence.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from ..plans.catalogue import Indicator, PeerGroup
from ..plans.model import Target
from ..store.repository import StoredObservation
from ..units import convert, humanize
from .conditions import Condition, condition_for
from .evidence import Evidence, Stated, confidence, gather
from .growth import assess_growth
from .methods import statcan_cagr_ratio, unsd_2023
from .model import ConflictNote, Point, Projection, Requirement, SourceRef, StatementEvidence, TargetAssessment
from .models import DEFAULT_MODEL, fit
from .projection import annual_changes, from_moments
from .rank import assess_rank
from .statements import Interval, condition, share_meeting
from .stats import fmt_probability

PROVISIONAL_STATUSES = {"preliminary", "estimate", "derived"}
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
    live_observations: list[StoredObservation] = field(default_factory=list)  # every source's newest revision
    as_of: dt.date | None = None
    model: str | None = None  # projection model (target's, else indicator's, else the default)


def to_point(o: StoredObservation) -> Point:
    return Point(
        period=o.period, value=o.value_std, published_value=o.value, published_unit=o.unit, status=o.status,
        revision=o.revision, confidence=o.confidence, quote=o.quote, note=o.note,
        source=SourceRef(publisher=o.publisher, title=o.title, url=o.url, published=o.published),
        basis=o.basis, rounded=o.rounded, derivation=o.derivation, comparator=o.comparator,
    )


def fmt_value(v: float | None, unit: str, lang: str = "en") -> str:
    return humanize(v, unit, lang)


def model_for(inp: TargetInput) -> str:
    return inp.model or inp.target.model or inp.indicator.projection_model or DEFAULT_MODEL


def target_basis(inp: TargetInput) -> str | None:
    return inp.target.basis or inp.indicator.default_basis if inp.indicator.bases else None


def base_result(inp: TargetInput, target_std: float | None, high_std: float | None) -> dict:
    t, ind = inp.target, inp.indicator
    basis = ind.basis(target_basis(inp))
    return dict(
        target_id=t.id, indicator=ind.id, indicator_name={"en": ind.name.en, "zh": ind.name.zh},
        region=inp.region, measure=t.measure, comparator=t.comparator, target_value=t.value,
        target_value_high=t.value_high, target_unit=t.unit, target_value_in_indicator_unit=target_std,
        indicator_unit=ind.unit, deadline=t.deadline, quote={"en": t.quote.en, "zh": t.quote.zh},
        caveats=[{"en": c.en, "zh": c.zh} for c in ind.caveats],
        breaks=ind.breaks_for(inp.region),
        evidence=[to_point(o) for o in inp.observations if o.status == "qualitative"],
        basis={"id": basis.id, "en": basis.name.en, "zh": basis.name.zh} if basis else None,
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


def conflict_notes(ev: Evidence, unit: str) -> list[ConflictNote]:
    out = []
    for c in ev.clashes:
        cur, oth = _as_published(c.current), _as_published(c.other)
        if c.kind == "figures":
            en = (f"{c.period}: {oth} from {c.other.publisher} ({c.other.published}) differs from the figure used, "
                  f"{cur} from {c.current.publisher} ({c.current.published}).")
            zh = f"{c.period}年:{c.other.publisher}({c.other.published})公布{oth},与采用的{c.current.publisher}数字{cur}不一致。"
        else:
            en = (f"{c.period}: the figure {cur} lies outside the official statement “{c.other.quote}” "
                  f"({c.other.publisher}, {c.other.published}).")
            zh = f"{c.period}年:数字{cur}与官方表述“{c.other.quote}”不符。"
        out.append(ConflictNote(period=c.period, kind=c.kind, current=to_point(c.current), other=to_point(c.other),
                                text={"en": en, "zh": zh}))
    for period, n in sorted(ev.more_clashes.items()):
        out.append(ConflictNote(period=period, kind="figures", text={
            "en": f"{period}: {n} more published figure(s) differ from the figure used (see `planwatch observations "
                  "--all-revisions`).", "zh": f"{period}年:另有{n}个公布数字与采用的数字不一致。"}))
    return out


def _as_published(o: StoredObservation) -> str:
    """A figure as its source wrote it (conflicts are about digits a rounded display would hide)."""
    return f"{o.value:g} {o.unit}" if o.value is not None else "—"


def _work(v: float | None, log_scale: bool) -> float | None:
    if v is None:
        return None
    if log_scale:
        return math.log(v) if v > 0 else -math.inf
    return v


def _work_interval(iv: Interval, log_scale: bool) -> Interval:
    lo = _work(iv.low, log_scale)
    return Interval(None if lo == -math.inf else lo, _work(iv.high, log_scale))


def _work_condition(cond: Condition, log_scale: bool) -> Condition:
    lo = _work(cond.low, log_scale)
    return Condition(cond.comparator, None if lo == -math.inf else lo, _work(cond.high, log_scale),
                     cond.low_inclusive, cond.high_inclusive)


def assess_level(inp: TargetInput) -> TargetAssessment:
    """Levels and shares (and change from a base year, measured as the level's change)."""
    t, ind = inp.target, inp.indicator
    unit = ind.unit
    target_std = convert(t.value, t.unit, unit) if t.value is not None else None
    high_std = convert(t.value_high, t.unit, unit) if t.value_high is not None else None
    res = base_result(inp, target_std, high_std)
    cond = _condition(inp, target_std, high_std)
    ev = gather(inp.observations, inp.live_observations, target_basis(inp), bool(ind.bases))
    res["series"] = [to_point(o) for o in ev.series]
    res["other_basis"] = [to_point(o) for o in ev.other_basis]
    res["conflicts"] = conflict_notes(ev, unit)
    usable = [o for o in ev.series if o.period <= t.deadline]
    fmt = lambda v: fmt_value(v, unit)  # noqa: E731
    fmt_zh = lambda v: fmt_value(v, unit, "zh")  # noqa: E731
    want, want_zh = cond.describe(fmt), cond.describe(fmt_zh, "zh")
    deadline_st = ev.statement_for(t.deadline)
    later_st = [s for s in ev.statements if usable and usable[-1].period < s.obs.period < t.deadline]
    res["statements"] = [StatementEvidence(point=to_point(s.obs), low=s.interval.low, high=s.interval.high, used=(
        "decides" if s is deadline_st and not (usable and usable[-1].period == t.deadline) else
        "conditions" if s in later_st else "shown")) for s in ev.statements]
    reasons: list[str] = []
    if ev.other_basis:
        reasons.append(f"{len(ev.other_basis)} figure(s) on another or an unstated definition are shown but not trended "
                       f"(the target is read on {res['basis']['en'] if res['basis'] else 'one definition'})")
    if not usable:
        if deadline_st is not None:
            return _decided_by_statement(inp, res, deadline_st, cond, None, None, (want, want_zh), (fmt, fmt_zh), ev)
        res.update(verdict="no_data", provisional=False, confidence=None, decided_by="none", explanation={
            "en": f"No sourced figure yet for {ind.name.en}; the target is {want} by {t.deadline}.",
            "zh": f"尚无{ind.name.zh}的有来源数据;目标为{t.deadline}年{want_zh}。",
        }, reasons=reasons + ["no numeric observation on the target's definition in the store for this indicator and region"])
        return TargetAssessment(**res)
    latest = usable[-1]
    res["latest"] = to_point(latest)
    res["current_value"], res["current_year"] = latest.value_std, latest.period
    points = [(o.period, o.value_std) for o in usable]
    log_scale = ind.kind == "level" and all(v > 0 for _, v in points)
    changes = annual_changes(points, ind.breaks_for(inp.region), log_scale)
    horizon = t.deadline - latest.period
    model = model_for(inp)
    trend = fit(model, _work(latest.value_std, log_scale), changes,
                [(y, _work(v, log_scale)) for y, v in points] if model == "ets" else None)
    pending = inp.as_of_year > t.deadline
    if changes.crossed_breaks:
        reasons.append("series break(s) in " + ", ".join(map(str, changes.crossed_breaks))
                       + ": year-on-year changes are taken only within comparable segments")
    if latest.period < t.deadline and len(changes.per_year) < 2 and horizon > MAX_HOLD_YEARS and deadline_st is None:
        # comparable with the latest figure: the figures of its segment (after the last break before it)
        last_break = max((b for b in ind.breaks_for(inp.region) if b <= latest.period), default=None)
        n_pts = sum(1 for y, _ in points if last_break is None or y >= last_break)
        since, since_zh = (f" since the {last_break} break", f"({last_break}年断点以来)") if last_break else ("", "")
        res.update(verdict="no_data", provisional=False, confidence=None, decided_by="none", reasons=reasons + [
            f"only {n_pts} comparable figure(s){since}, the latest {fmt(latest.value_std)} in {latest.period}, "
            f"{horizon} years before the deadline: too little to project (no spread to judge a trend by)"], explanation={
            "en": f"Not enough data: {n_pts} comparable figure(s){since}, the latest {fmt(latest.value_std)} "
                  f"({latest.period}); the target is {want} by {t.deadline}.",
            "zh": f"数据不足:仅有{n_pts}个可比数据{since_zh},最新为{latest.period}年的{fmt_zh(latest.value_std)};"
                  f"目标为{t.deadline}年{want_zh}。"})
        return TargetAssessment(**res)
    # the projection to the deadline, conditioned on official statements made after the latest figure
    centre, se = trend.mean(horizon), trend.se(horizon)
    conditioned: list[int] = []
    if later_st and horizon > 0:
        # A statement after the latest figure is a noisy observation: the forecast for its year is cut to its
        # interval, that conditioned value joins the series as a point, and the trend is refitted from it.
        st = max(later_st, key=lambda s: s.obs.period)
        h1 = st.obs.period - latest.period
        m1, s1, consistent = condition(trend.mean(h1), trend.se(h1), _work_interval(st.interval, log_scale))
        pseudo = sorted(points + [(st.obs.period, math.exp(m1) if log_scale else m1)])
        changes2 = annual_changes(pseudo, ind.breaks_for(inp.region), log_scale)
        trend = fit(model, m1, changes2, [(y, _work(v, log_scale)) for y, v in pseudo] if model == "ets" else None)
        h2 = t.deadline - st.obs.period
        centre = trend.mean(h2)
        se = None if (s1 is None or trend.se(h2) is None) else math.sqrt(s1 ** 2 + trend.se(h2) ** 2)
        conditioned.append(st.obs.period)
        reasons.append(f"projection conditioned on the official statement for {st.obs.period} (“{st.obs.quote}”: "
                       f"{st.interval.describe(fmt)}), taken as a noisy observation of that year"
                       + ("" if consistent else "; the trend alone would not have reached that interval, so the "
                          "statement outweighs it"))
    fc = from_moments(centre, se, trend.drift, trend.n_years, log_scale, trend.df, trend.model)
    if latest.period == t.deadline:
        ok = cond.satisfied(latest.value_std)
        verdict, decided = ("met" if ok else "missed"), "figure"
        provisional = latest.status in PROVISIONAL_STATUSES
        probability = None
    elif deadline_st is not None:
        return _decided_by_statement(inp, res, deadline_st, cond, fc, latest, (want, want_zh), (fmt, fmt_zh), ev,
                                     reasons, changes)
    else:
        ok = cond.satisfied(fc.value)
        verdict, decided = ("on_track" if ok else "off_track"), "projection"
        provisional = pending or latest.status in PROVISIONAL_STATUSES
        probability = fc.probability(cond)
        res["projection"] = Projection(
            year=t.deadline, value=fc.value, low=fc.low, high=fc.high, model=fc.model, conditioned_on=conditioned,
            method=_method_text(fc.model, log_scale, len(changes.per_year)),
            why=("few yearly points, gaps and series breaks: the model was chosen by its backtest record "
                 "(planwatch backtest; docs/backtest.md), takes its range from the series' own year-to-year "
                 "variation with Student's t, and never fits across a break"),
            fitted_from=changes.first_year, fitted_to=changes.last_year, n_changes=len(changes.per_year),
        )
        if fc.sd is None and horizon > 0:
            reasons.append("fewer than two comparable yearly changes: no range or probability")
    res["probability"] = probability
    res["requirement"] = _requirement(inp, cond, latest, fc, changes, log_scale, target_std, fmt, horizon)
    res["methods"] = _methods(inp, points, target_std, changes.crossed_breaks)
    clash_here = bool(ev.clashes_in(latest.period))
    if ev.clashes:
        reasons.append(f"{len(ev.clashes)} conflicting piece(s) of evidence (see conflicts)"
                       + ("; one concerns the deciding figure, so confidence is lowered" if clash_here else ""))
    res.update(verdict=verdict, provisional=provisional, reasons=reasons, decided_by=decided,
               confidence=confidence([latest], conflict=clash_here, n_changes=len(changes.per_year),
                                     projected=decided == "projection"))
    res["explanation"] = _with_words(
        _explain_level(inp, verdict, provisional, latest, fc, (want, want_zh), (fmt, fmt_zh), probability), inp,
        latest.period)
    return TargetAssessment(**res)


def _decided_by_statement(inp, res, st: Stated, cond: Condition, fc, latest, wants, fmts, ev: Evidence,
                          reasons: list[str] | None = None, changes=None) -> TargetAssessment:
    """A provisional verdict from an official statement for the deadline year (no figure for it yet)."""
    t = inp.target
    (want, want_zh), (fmt, _) = wants, fmts
    log_scale = bool(fc and fc.log_scale)
    iv = st.interval
    if fc is not None and fc.sd:
        p = share_meeting(fc.centre_work, fc.sd, _work_interval(iv, log_scale), _work_condition(cond, log_scale))
    else:
        p = share_meeting(iv.low if iv.low is not None else iv.high, None, iv, cond)
    verdict = "met" if (p is not None and p >= 0.5) else "missed"
    span = iv.describe(fmt)
    quote = st.obs.quote or ""
    en = (f"{'Met' if verdict == 'met' else 'Missed'} (provisional): no {t.deadline} figure yet, but the official "
          f"statement for {t.deadline} (“{quote}”, {st.obs.publisher}, {st.obs.published}) puts the value at {span}, "
          f"against a target of {want}" + (f"; probability the target was met {fmt_probability(p)}." if p is not None else "."))
    zh = (f"{'已完成' if verdict == 'met' else '未完成'}(暂定):{t.deadline}年数据尚未发布,官方表述“{quote}”"
          f"对应{span},目标为{want_zh}" + (f";达标概率{fmt_probability(p)}。" if p is not None else "。"))
    rs = list(reasons or [])
    rs.append(f"decided by the official statement for {t.deadline}: {span} (rounding interval of the stated number; "
              "docs/verdicts.md), weighed with the projection from the latest figure" if fc is not None else
              f"decided by the official statement for {t.deadline}: {span}")
    clash_here = bool(latest and ev.clashes_in(latest.period))
    res.update(verdict=verdict, provisional=True, probability=p, decided_by="statement", reasons=rs,
               explanation={"en": en, "zh": zh},
               confidence=confidence([st.obs] + ([latest] if latest else []), statement=True, conflict=clash_here))
    if latest is not None:
        res["latest"] = to_point(latest)
        res["current_value"], res["current_year"] = latest.value_std, latest.period
        res["methods"] = _methods(inp, [(o.period, o.value_std) for o in ev.series if o.period <= t.deadline],
                                  res["target_value_in_indicator_unit"], changes.crossed_breaks if changes else [])
    return TargetAssessment(**res)


def _method_text(model: str, log_scale: bool, n: int) -> str:
    scale = "log values" if log_scale else "values"
    return {
        "drift": f"random walk with drift on {scale} (mean of the last {n} within-segment yearly changes)",
        "drift_recent": f"random walk with drift on {scale} (mean of the newest {min(n, 3)} within-segment changes)",
        "damped": f"damped trend on {scale} (drift of the last {n} changes, damped by 0.8 a year)",
        "naive": f"no change from the latest value ({scale}); range from the yearly changes",
        "ets": f"statsmodels ETS (additive, damped trend) on {scale}",
    }.get(model, model)


def _requirement(inp, cond, latest, fc, changes, log_scale, target_std, fmt, horizon) -> Requirement | None:
    """What it takes: the change per year needed from the latest value to reach the target."""
    t = inp.target
    if horizon <= 0:
        return None
    threshold = cond.threshold_from(latest.value_std)
    obs_abs = obs_pct = None
    if changes.per_year:
        if log_scale:
            obs_pct = (math.exp(fc.drift) - 1) * 100
        else:
            obs_abs = fc.drift
    want = cond.describe(fmt)
    if threshold is None:
        return Requirement(from_year=latest.period, to_year=t.deadline, threshold=target_std or 0.0, per_year=0.0,
                           observed_per_year=obs_abs, observed_per_year_pct=obs_pct,
                           text=f"Already {want} ({fmt(latest.value_std)} in {latest.period}); it must stay there "
                                f"until {t.deadline}.")
    per_abs = (threshold - latest.value_std) / horizon
    per_pct = None
    if log_scale and threshold > 0:
        per_pct = ((threshold / latest.value_std) ** (1 / horizon) - 1) * 100
    needed = f"{per_pct:+.1f}% a year" if per_pct is not None else f"{fmt(per_abs)} a year"
    seen = (f"{obs_pct:+.1f}% a year" if obs_pct is not None else
            (f"{fmt(obs_abs)} a year" if obs_abs is not None else "no comparable trend"))
    return Requirement(from_year=latest.period, to_year=t.deadline, threshold=threshold, per_year=per_abs,
                       per_year_pct=per_pct, observed_per_year=obs_abs, observed_per_year_pct=obs_pct,
                       text=f"Needs {needed} from {latest.period} to {t.deadline} to reach {fmt(threshold)}; "
                            f"recent trend: {seen}.")


def _with_words(expl: dict[str, str], inp: TargetInput, after: int) -> dict[str, str]:
    """Mention the newest official words without a number, when they are newer than the latest figure."""
    words = [o for o in inp.observations if o.status == "qualitative" and o.period > after and o.quote]
    if not words:
        return expl
    o = max(words, key=lambda o: o.period)
    return {"en": expl["en"] + f" Official wording for {o.period} (not a number): “{o.quote}”.",
            "zh": expl["zh"] + f"{o.period}年官方表述(非数值):“{o.quote}”。"}


def _methods(inp: TargetInput, points, target_std, crossed) -> list:
    t = inp.target
    if target_std is None or not points:
        return []
    base_year = t.base_year or inp.default_base_year
    direction = {"increase": 1, "decrease": -1}.get(t.direction, 1 if target_std >= points[0][1] else -1)
    crossed_here = [b for b in inp.indicator.breaks_for(inp.region) if base_year < b <= max(points)[0]]
    return [
        statcan_cagr_ratio(points, target_std, t.deadline, base_year, direction, crossed_here),
        unsd_2023(points, target_std, t.deadline, base_year, direction, crossed_here, percent=inp.indicator.unit == "%"),
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
    pending = (f"No {t.deadline} figure in the store yet; " if inp.as_of_year > t.deadline else "")
    en = (f"{pending}{status_en}{p}: latest {lv} ({latest.period}), projected {proj} in {t.deadline} "
          f"against {want}.")
    pending_zh = f"库中尚无{t.deadline}年数据;" if inp.as_of_year > t.deadline else ""
    pz = f"(概率{fmt_probability(probability)})" if probability is not None else ""
    zh = (f"{pending_zh}{status_zh}{pz}:最新值{lv_zh}({latest.period}年),预计{t.deadline}年为{fmt_zh(fc.value)},"
          f"目标{want_zh}。")
    return {"en": en[0].upper() + en[1:], "zh": zh}
