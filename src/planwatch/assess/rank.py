"""Rank targets ("leading in China"): rank the region within its named peer group.

A published rank (e.g. "first among 178 high-tech zones") is the best evidence and decides the verdict.
Without one, the region is ranked against the peers that have figures for the same year, and the result
says how many of the group that covers. With neither, the verdict is ``no_data``: no rank is guessed.
"""

from __future__ import annotations

from .evidence import confidence
from .model import ConflictNote, TargetAssessment


def peer_ranks(own: dict[int, float], peers: dict[str, dict[int, float]]) -> dict[int, tuple[int, int]]:
    """Year → (rank, number ranked) using only peers with a figure that year (1 = largest)."""
    out = {}
    for year, v in own.items():
        vals = [p[year] for p in peers.values() if year in p]
        if vals:
            out[year] = (1 + sum(1 for x in vals if x > v), 1 + len(vals))
    return out


def _rank_conflicts(inp, published, computed, own_obs, peers) -> list[ConflictNote]:
    """Years where a published rank and the rank from the store's own figures disagree."""
    from .core import fmt_value, to_point

    out = []
    by_year = {o.period: o for o in published}
    own = {o.period: o for o in own_obs}
    for y, (r, n) in sorted(computed.items()):
        pub = by_year.get(y)
        if pub is None or int(pub.value_std) == r:
            continue
        ahead = sorted(((reg, v[y]) for reg, v in peers.items() if y in v and v[y] > own[y].value_std),
                       key=lambda kv: -kv[1])
        names = ", ".join(f"{reg} {fmt_value(v, inp.indicator.unit)}" for reg, v in ahead)
        en = (f"for {y} the store's figures place it {r} of the {n} zones with data ({names} against its own "
              f"{fmt_value(own[y].value_std, inp.indicator.unit)}), while the published rank is {int(pub.value_std)}.")
        zh = f"按库中{y}年数据,其在有数据的{n}个园区中排第{r}位({names}),与公布的第{int(pub.value_std)}位不一致。"
        out.append(ConflictNote(period=y, kind="rank", current=to_point(pub), other=to_point(own[y]),
                                text={"en": en, "zh": zh}))
    return out


def assess_rank(inp, res: dict) -> TargetAssessment:
    from .core import PROVISIONAL_STATUSES, fmt_value, to_point

    t = inp.target
    group = inp.peer_group
    size = (group.size or len(group.members)) if group else None
    gname = group.name.en if group else t.peer_group
    gname_zh = group.name.zh if group else t.peer_group
    own_obs = [o for o in inp.observations if o.is_numeric and o.period <= t.deadline]
    res["series"] = [to_point(o) for o in sorted(own_obs, key=lambda o: o.period)]
    own = {o.period: o.value_std for o in own_obs}
    peers = {r: {o.period: o.value_std for o in obs if o.is_numeric} for r, obs in inp.peer_observations.items()}
    res["peers"] = [
        {"region": r, "period": o.period, "value": o.value_std, "unit": inp.indicator.unit,
         "confidence": o.confidence, "source": {"publisher": o.publisher, "title": o.title, "url": o.url,
                                               "published": o.published}}
        for r, obs in sorted(inp.peer_observations.items()) for o in obs if o.is_numeric
    ]
    computed = peer_ranks(own, peers)
    published = sorted((o for o in inp.rank_observations if o.is_numeric and o.period <= t.deadline),
                       key=lambda o: o.period)
    want = f"rank {int(t.value) if t.value is not None else '?'} or better among {gname}"
    reasons = []
    if computed:
        y = max(computed)
        r, n = computed[y]
        reasons.append(f"ranked by the figures in the store for {y}: {r} of the {n} zones with data "
                       f"(of {size} in the group); peer figures may differ in scope")
    res["ranks"] = [to_point(o) for o in published]
    if published:
        last = published[-1]
        rank = last.value_std
        res["latest"] = to_point(last)
        res["current_value"], res["current_year"] = rank, last.period
        ok = t.value is not None and rank <= t.value
        if last.period == t.deadline:
            verdict, provisional = ("met" if ok else "missed"), last.status in PROVISIONAL_STATUSES
        else:
            verdict = "on_track" if ok else "off_track"
            provisional = True
            reasons.append(f"no published rank for {t.deadline}; the verdict assumes the {last.period} rank holds")
        en = (f"{'On track' if ok else 'Off track'}: published rank {int(rank)} ({last.period}) among {gname}; "
              f"target {want}.")
        if verdict in ("met", "missed"):
            en = f"{'Met' if ok else 'Missed'}: published rank {int(rank)} in {t.deadline}; target {want}."
        zh = f"{'进度正常' if ok else '进度落后'}:{last.period}年公布排名第{int(rank)}位(在{gname_zh}中)。"
        conflicts = _rank_conflicts(inp, published, computed, own_obs, peers)
        if conflicts:
            y = conflicts[-1].period
            reasons.append(f"conflict: the store's figures for {y} would place it {computed[y][0]} of "
                           f"{computed[y][1]}, not {int(rank)} as published; both are shown with their sources")
            en += f" But {conflicts[-1].text['en']}"
            zh += conflicts[-1].text["zh"]
        res.update(verdict=verdict, provisional=provisional, explanation={"en": en, "zh": zh}, reasons=reasons,
                   conflicts=conflicts, decided_by="rank",
                   confidence=confidence([last], conflict=any(c.period == last.period for c in conflicts)
                                         or bool(conflicts and conflicts[-1].period > last.period)))
        return TargetAssessment(**res)
    if computed:
        y = max(computed)
        r, n = computed[y]
        ok = t.value is not None and r <= t.value
        res["current_value"], res["current_year"] = float(r), y
        own_o = [o for o in own_obs if o.period == y][0]
        res["latest"] = to_point(own_o)
        verdict = ("met" if ok else "missed") if y == t.deadline else ("on_track" if ok else "off_track")
        en = (f"{'On track' if ok else 'Off track'} (provisional): {fmt_value(own[y], inp.indicator.unit)} in {y} ranks "
              f"{r} of the {n} zones with figures (the group has {size}).")
        zh = f"(暂定){y}年在有数据的{n}个园区中排第{r}位(共{size}个)。"
        # a rank among the few zones with figures is weak evidence for a rank among all of them
        conf = "low" if size and n < size else confidence([own_o])
        res.update(verdict=verdict, provisional=True, explanation={"en": en, "zh": zh}, reasons=reasons,
                   decided_by="rank", confidence=conf)
        return TargetAssessment(**res)
    en = (f"No data: no published rank and no peer figures for {gname}, so the rank cannot be judged"
          + (f" (latest own figure: {fmt_value(own[max(own)], inp.indicator.unit)} in {max(own)})." if own else "."))
    zh = f"无数据:没有公布的排名,也没有{gname_zh}的可比数据,无法判断排名。"
    res.update(verdict="no_data", provisional=False, explanation={"en": en, "zh": zh},
               reasons=reasons + ["no published rank and no peer figures"])
    return TargetAssessment(**res)
