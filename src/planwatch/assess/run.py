"""The edge of ``assess``: read what a plan needs from the store, then assess each target.

``as_of`` means *as known on that date*: only figures published by then, and only periods ended by then,
are read (store/vintage.py), so a replayed verdict is the one a reader would have given on that day.
Reads are limited to the cells the plan needs (its indicators × its regions and peers), so a large store
answers as fast as a small one.
"""

from __future__ import annotations

import datetime as dt

from ..plans.catalogue import catalogue_for
from ..plans.model import Plan
from ..store.repository import Store, StoredObservation
from .core import TargetInput, assess_target
from .model import PlanAssessment


def needed_pairs(plan: Plan, cat=None) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(every (indicator, region) the plan reads, the subset that are its own targets' cells)."""
    cat = cat or catalogue_for(plan)
    pairs: set[tuple[str, str]] = set()
    own: set[tuple[str, str]] = set()
    for t in plan.targets:
        ind = cat.indicator(t.indicator)
        region = plan.region_of(t)
        ids = {ind.id} | {x for x in (ind.growth_indicator, ind.rank_indicator) if x}
        own |= {(i, region) for i in ids}
        members = cat.peer_groups[t.peer_group].members if t.peer_group in cat.peer_groups else []
        pairs |= {(i, r) for i in ids for r in [region, *members]}
    return pairs | own, own


def needed_indicators(plan: Plan, cat=None) -> set[str]:
    return {i for i, _ in needed_pairs(plan, cat)[0]}


def _inputs(plan: Plan, obs: list[StoredObservation], live: list[StoredObservation], as_of: dt.date,
            replay: bool, cat) -> list[TargetInput]:
    by_key: dict[tuple[str, str], list[StoredObservation]] = {}
    for o in obs:
        by_key.setdefault((o.indicator, o.region), []).append(o)
    live_by_key: dict[tuple[str, str], list[StoredObservation]] = {}
    for o in live:
        live_by_key.setdefault((o.indicator, o.region), []).append(o)
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
            target=t, indicator=ind, region=region, as_of_year=as_of.year, default_base_year=default_base,
            observations=by_key.get((ind.id, region), []),
            growth_observations=by_key.get((ind.growth_indicator, region), []) if ind.growth_indicator else [],
            rank_observations=by_key.get((ind.rank_indicator, region), []) if ind.rank_indicator else [],
            peer_observations=peers, peer_group=group, live_observations=live_by_key.get((ind.id, region), []),
            as_of=as_of if replay else None,
        ))
    return out


def assess_plan(store: Store, plan: Plan, as_of: dt.date | None = None) -> PlanAssessment:
    """Assess every target of a plan as known today, or as known on ``as_of``."""
    replay = as_of is not None
    as_of = as_of or dt.date.today()
    cat = catalogue_for(plan, store)
    pairs, own = needed_pairs(plan, cat)
    obs = store.observations(pairs=pairs, as_of=as_of if replay else None)
    # conflicts list the newest few publications of a cell; reading more would only cost time
    live = store.observations(pairs=own, as_of=as_of if replay else None, live=True, per_cell=None if replay else 8)
    result = assess_observations(plan, obs, live, as_of, replay, store.url, cat)
    if plan.tasks or plan.goals:
        from ..store.evidence import evidence_for, statuses
        from .tasks import subjects

        result.subjects = subjects(plan, evidence_for(store, plan.id, as_of if replay else None),
                                   statuses(store, plan.id, as_of if replay else None))
    return result


def assess_observations(plan: Plan, obs: list[StoredObservation], live: list[StoredObservation], as_of: dt.date,
                        replay: bool, database: str, cat=None) -> PlanAssessment:
    """The pure core of :func:`assess_plan` (the verdict timeline replays it on many dates)."""
    cat = cat or catalogue_for(plan)
    results = [assess_target(i) for i in _inputs(plan, obs, live, as_of, replay, cat)]
    return PlanAssessment(
        plan_id=plan.id, title={"en": plan.title.en, "zh": plan.title.zh}, region=plan.region,
        horizon=plan.horizon, as_of=as_of.isoformat(), database=database, targets=results,
    )
