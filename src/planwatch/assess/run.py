"""The edge of ``assess``: read what a plan needs from the store in one query, then assess each target."""

from __future__ import annotations

import datetime as dt

from ..plans.catalogue import catalogue_for
from ..plans.model import Plan
from ..store.repository import Store, StoredObservation
from .core import TargetInput, assess_target
from .model import PlanAssessment


def _inputs(plan: Plan, obs: list[StoredObservation], as_of_year: int) -> list[TargetInput]:
    cat = catalogue_for(plan)
    by_key: dict[tuple[str, str], list[StoredObservation]] = {}
    for o in obs:
        by_key.setdefault((o.indicator, o.region), []).append(o)
    default_base = (plan.issued.year - 1) if plan.issued else plan.horizon - 5
    out = []
    for t in plan.targets:
        ind = cat.indicator(t.indicator)
        region = plan.region_of(t)
        group = cat.peer_groups.get(t.peer_group) if t.peer_group else None
        peers = {}
        if group:
            peers = {m: by_key.get((ind.id, m), []) for m in group.members if m != region}
            peers = {m: v for m, v in peers.items() if v}
        out.append(TargetInput(
            target=t, indicator=ind, region=region, as_of_year=as_of_year, default_base_year=default_base,
            observations=by_key.get((ind.id, region), []),
            growth_observations=by_key.get((ind.growth_indicator, region), []) if ind.growth_indicator else [],
            rank_observations=by_key.get((ind.rank_indicator, region), []) if ind.rank_indicator else [],
            peer_observations=peers, peer_group=group,
        ))
    return out


def needed_indicators(plan: Plan) -> set[str]:
    cat = catalogue_for(plan)
    ids = set()
    for t in plan.targets:
        ind = cat.indicator(t.indicator)
        ids |= {ind.id} | {x for x in (ind.growth_indicator, ind.rank_indicator) if x}
    return ids


def assess_plan(store: Store, plan: Plan, as_of: dt.date | None = None) -> PlanAssessment:
    as_of = as_of or dt.date.today()
    obs = store.observations(needed_indicators(plan))
    results = [assess_target(i) for i in _inputs(plan, obs, as_of.year)]
    return PlanAssessment(
        plan_id=plan.id, title={"en": plan.title.en, "zh": plan.title.zh}, region=plan.region,
        horizon=plan.horizon, as_of=as_of.isoformat(), database=store.url, targets=results,
    )
