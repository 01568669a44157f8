"""Data coverage of a plan: for each indicator the plan reads × each year, is there a published figure, a figure
planwatch derived, only an official statement (or words), or nothing (a gap)?

``plan_coverage`` is the one function pages and the API call; the matrix itself is the assessment package's
(``planwatch.assess.coverage``), so the CLI, the report and the server show the same cells.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..store.repository import Store


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


def plan_coverage(store: Store, plan, cat, as_of: dt.date | None = None) -> Coverage:
    """The plan's coverage matrix (``planwatch.assess.coverage``), in the rows the pages and the API show."""
    from ..assess.coverage import coverage, target_indicators

    ids = {i for t in plan.targets for i in target_indicators(t, cat)}
    m = coverage(plan, cat, store.observations(indicators=ids, as_of=as_of))
    targets = {t.id: t for t in plan.targets}
    return Coverage(list(m.years), [CoverageRow(indicator=targets[r.target_id].indicator, region=r.region, own=r.own,
                                                cells=dict(r.cells), target_id=r.target_id) for r in m.rows])
