"""Average-annual-growth targets: the geometric mean of yearly growth over the plan's stated period.

Yearly growth comes from the published growth series where one exists (it is what the publisher
reports, at its own price basis), otherwise from consecutive published levels. Years not yet published
are filled with the mean of recent yearly growth (on a log scale) and the verdict is then a projection,
with a probability from the spread of those yearly rates. Because plans rarely state the base year,
the result is also shown for each nearby base year.
"""

from __future__ import annotations

import math

from ..store.repository import StoredObservation
from .conditions import condition_for
from .methods import STATCAN_VERSION, UNSD_SCORES, UNSD_VERSION, statcan_status, unsd_status
from .model import BaseYearCase, MethodResult, Point, Projection, Requirement, TargetAssessment
from .stats import fmt_probability, mean, stdev, t_cdf, t_ppf

RECENT = 5  # yearly rates used to project unpublished years


def growth_chain(levels: list[StoredObservation], rates: list[StoredObservation]) -> dict[int, tuple[float, Point]]:
    """Year → (growth %, the point it rests on); published rates win over rates derived from levels."""
    from .core import to_point

    chain: dict[int, tuple[float, Point]] = {}
    by_year = {o.period: o for o in levels if o.is_numeric}
    for y, o in sorted(by_year.items()):
        prev = by_year.get(y - 1)
        if prev is not None and prev.value_std and prev.value_std > 0:
            pt = to_point(o)
            pt = pt.model_copy(update={"value": (o.value_std / prev.value_std - 1) * 100,
                                       "note": f"derived from the levels of {y - 1} and {y}"})
            chain[y] = (pt.value, pt)
    for o in rates:
        if o.is_numeric:
            chain[o.period] = (o.value_std, to_point(o))
    return chain


def _case(chain, base, deadline, cond):
    years = list(range(base + 1, deadline + 1))
    observed = [y for y in years if y in chain]
    missing = [y for y in years if y not in chain]
    recent = [math.log1p(chain[y][0] / 100) for y in sorted(chain) if y <= deadline][-RECENT:]
    if not observed:
        return None
    mu = mean(recent) if recent else 0.0
    sig = stdev(recent)
    s_obs = sum(math.log1p(chain[y][0] / 100) for y in observed)
    n_years, m = len(years), len(missing)
    avg_log = (s_obs + m * mu) / n_years
    avg = math.expm1(avg_log) * 100
    sd = None
    if m and sig is not None:
        sd = sig * math.sqrt(m + m * m / len(recent)) / n_years
    return dict(years=years, observed=observed, missing=missing, avg=avg, avg_log=avg_log, sd=sd,
                s_obs=s_obs, mu=mu, n_recent=len(recent), ok=cond.satisfied(avg))


def assess_growth(inp, res: dict) -> TargetAssessment:
    from .core import PROVISIONAL_STATUSES, to_point

    t, ind = inp.target, inp.indicator
    levels = [o for o in inp.observations if o.is_numeric]
    rates = inp.growth_observations if ind.kind != "growth" else levels
    if ind.kind == "growth":
        levels = []
    chain = growth_chain(levels, rates)
    res["series"] = [to_point(o) for o in sorted(levels, key=lambda o: o.period)]
    res["growth_series"] = [p for _, (_, p) in sorted(chain.items())]
    res["target_value_in_indicator_unit"] = t.value
    cond = condition_for("around" if t.comparator == "around" else t.comparator, t.value, t.value_high,
                         t.around_tolerance() if t.comparator == "around" else 0.0, t.direction)
    want = cond.describe(lambda v: f"{v:.2f}% a year")
    want_zh = cond.describe(lambda v: f"{v:.2f}%", "zh")
    base = t.base_year
    case = _case(chain, base, t.deadline, cond)
    if case is None:
        res.update(verdict="no_data", provisional=False, reasons=[f"no yearly growth published for {base + 1}–{t.deadline}"],
                   explanation={"en": f"No growth figures yet for {base + 1}–{t.deadline}; the target is {want}.",
                                "zh": f"尚无{base + 1}–{t.deadline}年的增速数据;目标为{want_zh}。"})
        return TargetAssessment(**res)
    last_obs = max(case["observed"])
    res["latest"] = chain[last_obs][1]
    res["current_value"], res["current_year"] = case["avg"], last_obs
    prelim = any(chain[y][1].status in PROVISIONAL_STATUSES for y in case["observed"])
    span = f"{base + 1}–{t.deadline}"
    rates_txt = ", ".join(f"{y}: {chain[y][0]:.1f}%" for y in case["observed"])
    if not case["missing"]:
        verdict = "met" if case["ok"] else "missed"
        provisional, probability = prelim, None
        en = (f"{'Met' if case['ok'] else 'Missed'}: average growth {case['avg']:.2f}% a year over {span} "
              f"({rates_txt}) against {want}" + (" (preliminary figures)." if prelim else "."))
        zh = (f"{'已完成' if case['ok'] else '未完成'}:{span}年均增长{case['avg']:.2f}%,目标年均{want_zh}"
              + ("(含初步数)。" if prelim else "。"))
    else:
        verdict = "on_track" if case["ok"] else "off_track"
        provisional = inp.as_of_year > t.deadline or prelim
        probability = None
        if case["sd"]:
            lo = math.log1p(cond.low / 100) if cond.low is not None else None
            hi = math.log1p(cond.high / 100) if cond.high is not None else None
            df = case["n_recent"] - 1
            p_hi = 1.0 if hi is None else t_cdf((hi - case["avg_log"]) / case["sd"], df)
            p_lo = 0.0 if lo is None else t_cdf((lo - case["avg_log"]) / case["sd"], df)
            probability = max(0.0, min(1.0, p_hi - p_lo))
        lo_v = hi_v = None
        if case["sd"]:
            q = t_ppf(0.9, case["n_recent"] - 1)
            lo_v = math.expm1(case["avg_log"] - q * case["sd"]) * 100
            hi_v = math.expm1(case["avg_log"] + q * case["sd"]) * 100
        res["projection"] = Projection(
            year=t.deadline, value=case["avg"], low=lo_v, high=hi_v,
            method=f"unpublished years ({', '.join(map(str, case['missing']))}) filled with the mean of the last "
                   f"{case['n_recent']} yearly growth rates",
            why="the average needs every year of the period; recent yearly rates are the least-assumption fill, "
                "and their spread gives the range",
            n_changes=case["n_recent"])
        p = f" (probability {fmt_probability(probability)})" if probability is not None else ""
        en = (f"{'On track' if case['ok'] else 'Off track'}{p}: average growth over {span} projected at "
              f"{case['avg']:.2f}% a year (published: {rates_txt}) against {want}.")
        zh = f"{'进度正常' if case['ok'] else '进度落后'}:{span}年均增速预计{case['avg']:.2f}%,目标年均{want_zh}。"
        # what it takes: the average rate needed in the unpublished years
        thr = cond.threshold_from(case["avg"]) or cond.low or t.value
        n, m = len(case["years"]), len(case["missing"])
        need = (math.exp((n * math.log1p(thr / 100) - case["s_obs"]) / m) - 1) * 100
        res["requirement"] = Requirement(
            from_year=last_obs, to_year=t.deadline, threshold=thr, per_year=need, per_year_pct=need,
            observed_per_year_pct=math.expm1(case["mu"]) * 100,
            text=f"Needs {need:.2f}% a year in {', '.join(map(str, case['missing']))} for a {span} average of "
                 f"{thr:.2f}%; recent yearly growth averages {math.expm1(case['mu']) * 100:.2f}%.")
    res["probability"] = probability
    res["explanation"] = {"en": en, "zh": zh}
    res["reasons"] = [f"base year {base} as stated in the plan file; yearly growth from "
                      + ("the published growth series" if rates else "published levels")]
    # base-year sensitivity
    cases = []
    for b in range(t.deadline - 6, t.deadline):
        c = _case(chain, b, t.deadline, cond)
        if c is None:
            continue
        v = ("met" if c["ok"] else "missed") if not c["missing"] else ("on_track" if c["ok"] else "off_track")
        cases.append(BaseYearCase(base_year=b, average_growth=c["avg"], observed_years=c["observed"],
                                  projected_years=c["missing"], verdict=v))
    res["base_year_sensitivity"] = cases
    # established methods on the same growth figures
    obs_avg = math.expm1(case["s_obs"] / len(case["observed"])) * 100
    n_obs = len(case["observed"])
    comps = {"base_year": base, "current_year": last_obs, "cagr_observed": obs_avg / 100,
             "cagr_required": t.value / 100, "target_year": t.deadline}
    ratio = (obs_avg / 100) / abs(t.value / 100) if t.value else None
    achieved = obs_avg >= t.value if t.direction != "decrease" else obs_avg <= t.value
    if achieved:
        st, score = "target_achieved", 5.0
    elif ratio is None:
        st, score = "not_available", None
    else:
        st, score = statcan_status(ratio)
    comps["progress_value"] = ratio
    n_all = t.deadline - base
    proj = (1 + obs_avg / 100) ** n_all
    req = (1 + t.value / 100) ** n_all
    p_ratio = (proj - 1) / (req - 1) if req != 1 else None
    u_st = "target_met" if achieved else (unsd_status(p_ratio) if p_ratio is not None else "not_available")
    res["methods"] = [
        MethodResult(method="statcan_cagr_ratio", version=STATCAN_VERSION, status=st, score=score,
                     components=comps, note=f"CAGR of the level over {n_obs} published year(s) since {base}, "
                     "against the target growth rate"),
        MethodResult(method="unsd_2023", version=UNSD_VERSION, status=u_st, score=UNSD_SCORES.get(u_st),
                     components={"base_year": base, "base_value": 100.0, "projected_value": 100 * proj,
                                 "target": 100 * req, "target_year": t.deadline, "cagr_observed": obs_avg / 100,
                                 "progress_ratio": p_ratio},
                     note="level indexed to 100 in the base year; target level = 100·(1+target growth)^years"),
    ]
    from .evidence import confidence

    deciding = [chain[y][1] for y in case["observed"]]
    res.update(verdict=verdict, provisional=provisional, decided_by="figure" if not case["missing"] else "projection",
               confidence=confidence(deciding, projected=bool(case["missing"]), n_changes=case["n_recent"]))
    return TargetAssessment(**res)
