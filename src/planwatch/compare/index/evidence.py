"""A composite index as evidence for a plan's goal: the built-in hubs index for the Beijing plan's goal
"basically formed by 2025", summarised for the latest year it can rank (nothing when it cannot)."""

from __future__ import annotations

#: (plan id, goal id) → the built-in framework whose result is evidence for that goal, and the unit it is about.
GOAL_FRAMEWORKS = {("beijing-istic-2025", "basically-formed"): ("beijing-hubs", "CN-BJ")}


def goal_evidence(store, plan_id: str, goal_id: str, replications: int = 300) -> dict | None:
    """Summary of the framework's latest ranked year for the goal's unit, or a note why it cannot rank."""
    from ...errors import PlanwatchError
    from .loader import get_framework
    from .results import build

    spec = GOAL_FRAMEWORKS.get((plan_id, goal_id))
    if spec is None:
        return None
    fw_id, unit = spec
    fw = get_framework(fw_id)
    try:
        result = build(fw, store=store, year=None, replications=replications)
    except PlanwatchError as exc:
        return {"framework": fw_id, "title": fw.title, "ranked": False, "why": str(exc).splitlines()[0]}
    periods = [p for p in result.to_json()["periods"] if any(u["unit"] == unit for u in p["units"])]
    if not periods:
        return {"framework": fw_id, "title": fw.title, "ranked": False, "why": f"{unit} is not scored in any year"}
    p = periods[-1]
    top = fw.index.id
    run = next((r for r in result.runs if getattr(r, "period", None) == p["period"]), None)
    ranked = [u for u in p["units"] if not u["reference"] and u["ranks"].get(top) is not None]
    own = next(u for u in p["units"] if u["unit"] == unit)
    unc = own.get("rank_uncertainty") or {}
    return {"framework": fw_id, "title": fw.title, "ranked": True, "year": p["period"], "unit": unit,
            "rank": own["ranks"].get(top), "of": len(ranked), "score": own["scores"].get(top),
            "interval": [unc.get("q05"), unc.get("q95")] if unc else None,
            "ranked_units": [u["name"] for u in sorted(ranked, key=lambda u: u["ranks"][top])],
            "scored_on": [k for k, v in own["sources"].items() if v and k in {n["id"] for n in p["nodes"]}],
            "sources": own["sources"], "run": run,
            "note": ("Only hubs with figures for at least half of the indicators are ranked, each on the indicators "
                     "it has; the peers' figures are thin (docs/index.md), so this is weak evidence beside the "
                     "international rankings.")}
