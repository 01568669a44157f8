"""Data coverage of a plan: for each indicator the plan reads × each year, is there a published figure, a figure
planwatch derived, only an official statement (or words), or nothing (a gap)?

``plan_coverage`` is the one function pages and the API call. It uses the assessment package's coverage matrix
(``planwatch.assess.coverage``) where that module exists, and otherwise computes the matrix here from
:meth:`Store.observations` — a stand-in to delete once the shared module is on every branch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..store.repository import Store
from ..store.vintage import FIGURE_STATUSES, STATEMENT_STATUSES

KINDS = ("figure", "derived", "statement", "words", "gap")


@dataclass
class CoverageRow:
    indicator: str
    region: str
    own: bool  # the plan's own target cell (else a peer's)
    cells: dict[int, str] = field(default_factory=dict)  # year → kind
    target_id: str | None = None

    @property
    def figures(self) -> int:
        return sum(1 for k in self.cells.values() if k == "figure")


@dataclass
class Coverage:
    years: list[int]
    rows: list[CoverageRow]


def coverage_years(plan) -> list[int]:
    """From five years before the plan was issued (the base years its trends read) to its horizon."""
    start = (plan.issued.year if plan.issued else plan.horizon - 5) - 5
    bases = [t.base_year for t in plan.targets if t.base_year]
    start = min([start, *bases])
    return list(range(start, max(plan.horizon, start) + 1))


def _kind(statuses: set[str]) -> str:
    if statuses & (FIGURE_STATUSES - {"derived"}):
        return "figure"
    if "derived" in statuses:
        return "derived"
    if "statement" in statuses:
        return "statement"
    if statuses & STATEMENT_STATUSES:
        return "words"
    return "gap"


def plan_coverage(store: Store, plan, cat, as_of: dt.date | None = None) -> Coverage:
    from ..assess.run import needed_pairs

    pairs, own = needed_pairs(plan, cat)
    observations = store.observations(pairs=pairs, as_of=as_of)
    try:
        from ..assess import coverage as shared  # the assessment package's matrix, where it exists
    except ImportError:
        shared = None
    if shared is not None and hasattr(shared, "coverage"):
        m = shared.coverage(plan, cat, observations)
        targets = {t.id: t for t in plan.targets}
        return Coverage(list(m.years), [CoverageRow(indicator=targets[r.target_id].indicator, region=r.region, own=r.own,
                                                    cells=dict(r.cells), target_id=r.target_id) for r in m.rows])
    years = coverage_years(plan)
    seen: dict[tuple[str, str, int], set[str]] = {}
    for o in observations:
        if o.value_std is None and o.status in FIGURE_STATUSES:
            continue
        seen.setdefault((o.indicator, o.region, o.period), set()).add(o.status)
    order = {t.indicator: i for i, t in enumerate(plan.targets)}
    ordered = sorted(pairs, key=lambda p: (p not in own, order.get(p[0], len(order)), p[0], p[1] != plan.region, p[1]))
    rows = []
    for ind, region in ordered:
        cells = {y: _kind(seen.get((ind, region, y), set())) for y in years}
        rows.append(CoverageRow(ind, region, (ind, region) in own, cells))
    return Coverage(years, rows)
