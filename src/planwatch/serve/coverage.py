"""Data coverage of a plan: for each indicator the plan reads × each year, is there a published figure, only an
official statement, only a figure planwatch derived, or nothing (a gap)?

Computed here from :meth:`Store.observations` because the assessment package has no coverage matrix yet;
``plan_coverage`` is the one function pages and the API call, so it can be swapped for that module's later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..store.repository import Store
from ..store.vintage import FIGURE_STATUSES, STATEMENT_STATUSES

KINDS = ("figure", "derived", "statement", "gap")


@dataclass
class CoverageRow:
    indicator: str
    region: str
    own: bool  # the plan's own target cell (else a peer's)
    cells: dict[int, str] = field(default_factory=dict)  # year → kind

    @property
    def figures(self) -> int:
        return sum(1 for k in self.cells.values() if k == "figure")


@dataclass
class Coverage:
    years: list[int]
    rows: list[CoverageRow]

    def share(self, own_only: bool = True) -> float | None:
        """Share of (row, year) cells with a published figure."""
        rows = [r for r in self.rows if r.own or not own_only]
        total = len(rows) * len(self.years)
        return sum(r.figures for r in rows) / total if total else None


def coverage_years(plan, today: dt.date) -> list[int]:
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
    if statuses & STATEMENT_STATUSES:
        return "statement"
    return "gap"


def plan_coverage(store: Store, plan, cat, as_of: dt.date | None = None) -> Coverage:
    from ..assess.run import needed_pairs

    pairs, own = needed_pairs(plan, cat)
    years = coverage_years(plan, as_of or dt.date.today())
    seen: dict[tuple[str, str, int], set[str]] = {}
    for o in store.observations(pairs=pairs, as_of=as_of):
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
