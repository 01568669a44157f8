"""The verdict timeline: each target's verdict replayed as it would have been given on past dates.

Dates replayed: every year-end since the plan was issued, and every day on which a figure or statement
for the target was published (so a change is dated by the publication that caused it), up to today.
Each replay sees only what was published by then (store/vintage.py) — the same rules as ``--as-of``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from ..plans.model import Plan
from ..store.repository import Store, StoredObservation
from ..store.vintage import date_bounds, live_rows, select
from .model import Verdict
from .run import assess_observations, needed_pairs


class TimelinePoint(BaseModel):
    date: str
    verdict: Verdict
    provisional: bool
    probability: float | None = None
    confidence: str | None = None
    latest_year: int | None = None
    latest_value: float | None = None
    trigger: str  # "year end", or what was published that day


class Timeline(BaseModel):
    target_id: str
    points: list[TimelinePoint]
    summary: dict[str, str]


def replay_dates(plan: Plan, rows: list[StoredObservation], today: dt.date) -> dict[dt.date, list[StoredObservation]]:
    """Dates to replay, each with what was published that day: year-ends since the plan was issued, the days
    figures or statements for its targets were published, and today."""
    start = plan.issued or dt.date(plan.horizon - 5, 1, 1)
    dates: dict[dt.date, list[StoredObservation]] = {dt.date(y, 12, 31): [] for y in range(start.year, today.year)}
    dates[start] = []
    for r in rows:
        known = date_bounds(r.published)[1]
        if start <= known <= today:
            dates.setdefault(known, []).append(r)
    dates.setdefault(today, [])
    return dict(sorted(dates.items()))


def _trigger(day: dt.date, published: list[StoredObservation], indicators: set[str], region: str, today: dt.date) -> str:
    mine = [r for r in published if r.indicator in indicators]
    if mine:
        r = max(mine, key=lambda r: (r.region == region, r.period))
        what = f"{r.value:g} {r.unit}" if r.value is not None else "a statement"
        return f"the {r.period} figure ({what}, {r.publisher})" if r.is_numeric else \
            f"the statement for {r.period} ({r.publisher})"
    if day == today:
        return "today"
    return "year end" if (day.month, day.day) == (12, 31) else "the plan's issue"


def _summary(points: list[TimelinePoint]) -> dict[str, str]:
    words = {"met": ("met", "已完成"), "missed": ("missed", "未完成"), "on_track": ("on track", "进度正常"),
             "off_track": ("off track", "进度落后"), "no_data": ("no data", "无数据")}
    runs: list[tuple[TimelinePoint, str]] = []
    for p in points:
        label = p.verdict + ("*" if p.provisional else "")
        if not runs or runs[-1][1] != label:
            runs.append((p, label))
    en, zh = [], []
    for i, (p, _) in enumerate(runs):
        w_en, w_zh = words[p.verdict]
        w_en += " (provisional)" if p.provisional else ""
        w_zh += "(暂定)" if p.provisional else ""
        why = "" if p.trigger in ("year end", "today", "the plan's issue") else f", when {p.trigger} came out"
        en.append(f"{w_en} since {p.date}{why}" if i else f"{w_en} from {p.date}")
        zh.append(f"自{p.date}起{w_zh}")
    return {"en": "; ".join(en) + ".", "zh": ";".join(zh) + "。"}


def verdict_timelines(store: Store, plan: Plan, today: dt.date | None = None,
                      target_ids: list[str] | None = None) -> list[Timeline]:
    from ..plans.catalogue import catalogue_for

    today = today or dt.date.today()
    cat = catalogue_for(plan, store)
    pairs, own = needed_pairs(plan, cat)
    rows = store.observations(pairs=pairs, all_revisions=True)
    own_rows = [r for r in rows if (r.indicator, r.region) in own]
    targets = [t for t in plan.targets if target_ids is None or t.id in target_ids]
    points: dict[str, list[TimelinePoint]] = {t.id: [] for t in targets}
    ids = {}
    for t in targets:
        ind = cat.indicator(t.indicator)
        ids[t.id] = {ind.id} | {x for x in (ind.growth_indicator, ind.rank_indicator) if x}
    regions = {t.id: plan.region_of(t) for t in targets}
    for day, published in replay_dates(plan, rows, today).items():
        seen = select(rows, day)
        live = live_rows(own_rows, day)
        result = assess_observations(plan, seen, live, day, True, store.url, cat)
        for ta in result.targets:
            if ta.target_id in points:
                why = _trigger(day, published, ids[ta.target_id], regions[ta.target_id], today)
                points[ta.target_id].append(TimelinePoint(
                    date=day.isoformat(), verdict=ta.verdict, provisional=ta.provisional, probability=ta.probability,
                    confidence=ta.confidence, latest_year=ta.current_year, latest_value=ta.current_value, trigger=why))
    return [Timeline(target_id=t.id, points=points[t.id], summary=_summary(points[t.id])) for t in targets]
