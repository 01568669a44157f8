"""Rank targets ("leading in China"): rank the region within its named peer group.

A published rank (e.g. "first among 178 high-tech zones") is the best evidence and decides the verdict.
Without one, the region is ranked against the peers that have figures for the same year, and the result
says how many of the group that covers. With neither, the verdict is ``no_data``: no rank is guessed.
"""

from __future__ import annotations

from .model import TargetAssessment


def peer_ranks(own: dict[int, float], peers: dict[str, dict[int, float]]) -> dict[int, tuple[int, int]]:
    """Year → (rank, number ranked) using only peers with a figure that year (1 = largest)."""
    out = {}
    for year, v in own.items():
        vals = [p[year] for p in peers.values() if year in p]
        if vals:
            out[year] = (1 + sum(1 for x in vals if x > v), 1 + len(vals))
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
        if computed and computed[max(computed)][0] != rank:
            y = max(computed)
            reasons.append(f"conflict: the store's peer figures for {y} would place it {computed[y][0]} of "
                           f"{computed[y][1]}; see the peers' sources and confidence")
        res.update(verdict=verdict, provisional=provisional, explanation={"en": en, "zh": zh}, reasons=reasons)
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
        res.update(verdict=verdict, provisional=True, explanation={"en": en, "zh": zh}, reasons=reasons)
        return TargetAssessment(**res)
    en = (f"No data: no published rank and no peer figures for {gname}, so the rank cannot be judged"
          + (f" (latest own figure: {fmt_value(own[max(own)], inp.indicator.unit)} in {max(own)})." if own else "."))
    zh = f"无数据:没有公布的排名,也没有{gname_zh}的可比数据,无法判断排名。"
    res.update(verdict="no_data", provisional=False, explanation={"en": en, "zh": zh},
               reasons=reasons + ["no published rank and no peer figures"])
    return TargetAssessment(**res)
