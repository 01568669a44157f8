"""Coverage: which cells of a plan have evidence — per target, region and year, a figure, a derived figure,
an official statement, words only, or a gap — so a reader sees at once what the verdicts can rest on.

Pure: the caller reads the store. A target's cell counts as *filled* by a figure (published or derived) of
any of the target's indicators (for a growth target the level or its growth rate; for a rank target the
zone's figure or a published rank); statements and words are shown but do not fill a cell.
"""

from __future__ import annotations

from pydantic import BaseModel

from ..store.repository import StoredObservation

MARK = {"figure": "●", "derived": "◐", "statement": "≈", "words": "w", "gap": "·"}
ORDER = ("figure", "derived", "statement", "words", "gap")
#: Regions a provincial plan is set against when the plan names no peer group (the report's comparison set).
DEFAULT_PEERS = ["CN-SH", "CN-GD", "CN-JS", "CN-ZJ", "CN-SZ", "CN"]


class CoverageRow(BaseModel):
    target_id: str
    region: str
    indicators: list[str]
    cells: dict[int, str]  # year → figure | derived | statement | words | gap
    filled: int
    total: int
    own: bool = False  # the plan's own region for this target (not a peer)


class Coverage(BaseModel):
    plan_id: str
    region: str
    years: list[int]
    rows: list[CoverageRow]
    filled: int  # the plan region's filled cells
    total: int

    def for_region(self, region: str) -> list[CoverageRow]:
        return [r for r in self.rows if r.region == region]


def target_indicators(target, cat) -> list[str]:
    ind = cat.indicator(target.indicator)
    return [ind.id] + [x for x in (ind.growth_indicator, ind.rank_indicator) if x]


def cell_kind(rows: list[StoredObservation]) -> str:
    kinds = set()
    for o in rows:
        if o.is_numeric:
            kinds.add("derived" if o.status == "derived" else "figure")
        elif o.status == "statement":
            kinds.add("statement")
        elif o.status == "qualitative":
            kinds.add("words")
    return next((k for k in ORDER if k in kinds), "gap")


def peers_for(plan, target, cat) -> list[str]:
    region = plan.region_of(target)
    if target.peer_group and target.peer_group in cat.peer_groups:
        return [m for m in cat.peer_groups[target.peer_group].members if m != region]
    kind = cat.regions[region].kind if region in cat.regions else None
    return [r for r in DEFAULT_PEERS if r != region and r in cat.regions and (kind != "zone")]


def coverage(plan, cat, observations: list[StoredObservation], first_year: int | None = None,
             last_year: int | None = None, peers: bool = True) -> Coverage:
    """The coverage matrix of a plan (its region first, then peers), from the store's current observations."""
    start = first_year or ((plan.issued.year if plan.issued else plan.horizon) - 8)
    years = list(range(start, (last_year or plan.horizon) + 1))
    by_cell: dict[tuple[str, str, int], list[StoredObservation]] = {}
    for o in observations:
        by_cell.setdefault((o.indicator, o.region, o.period), []).append(o)
    rows: list[CoverageRow] = []
    for t in plan.targets:
        ids = target_indicators(t, cat)
        regions = [plan.region_of(t)] + (peers_for(plan, t, cat) if peers else [])
        for region in regions:
            cells = {y: cell_kind([o for i in ids for o in by_cell.get((i, region, y), [])]) for y in years}
            if region != plan.region_of(t) and all(v == "gap" for v in cells.values()):
                continue
            filled = sum(1 for v in cells.values() if v in ("figure", "derived"))
            rows.append(CoverageRow(target_id=t.id, region=region, indicators=ids, cells=cells, filled=filled,
                                    total=len(years), own=region == plan.region_of(t)))
    own = [r for r in rows if r.own]
    return Coverage(plan_id=plan.id, region=plan.region, years=years, rows=rows,
                    filled=sum(r.filled for r in own), total=sum(r.total for r in own))
