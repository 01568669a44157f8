"""All the evidence for one target, sorted by what it can say: figures on the target's basis (the only
ones trended), figures on other bases, official statements as intervals, words, and conflicts.

Pure: observations in, evidence out. Conflicts are found among the *live* lines of a cell (every
source's newest revision): two published figures for the same cell and basis that differ by more than
their rounding, or a figure outside the interval of a statement for its year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store.repository import StoredObservation
from ..store.vintage import decimals, restates
from .statements import Interval, statement_interval

CONFIDENCE = ("low", "medium", "high")
#: Conflicting figures listed per cell (the newest publications); the rest are counted, not listed.
MAX_CLASHES_PER_CELL = 5
_FROM_SOURCE = {"H": "high", "M": "medium", "L": "low"}


@dataclass(frozen=True)
class Stated:
    """An official statement with a number, and the interval it puts the value in (indicator unit)."""

    obs: StoredObservation
    interval: Interval


@dataclass(frozen=True)
class Clash:
    period: int
    kind: str  # figures | statement
    current: StoredObservation
    other: StoredObservation


@dataclass
class Evidence:
    basis: str | None
    series: list[StoredObservation] = field(default_factory=list)
    other_basis: list[StoredObservation] = field(default_factory=list)
    statements: list[Stated] = field(default_factory=list)
    words: list[StoredObservation] = field(default_factory=list)
    clashes: list[Clash] = field(default_factory=list)
    more_clashes: dict[int, int] = field(default_factory=dict)  # period → disagreeing figures beyond those listed

    def statement_for(self, period: int) -> Stated | None:
        """The newest-published statement for a period (several may say the same thing)."""
        found = [s for s in self.statements if s.obs.period == period]
        return max(found, key=lambda s: (s.obs.published, s.obs.revision)) if found else None

    def clashes_in(self, period: int) -> list[Clash]:
        return [c for c in self.clashes if c.period == period]


def half_unit(o: StoredObservation) -> float:
    """Half a unit of the last digit the figure was published with, in the indicator unit."""
    if o.value in (None, 0) or o.value_std is None:
        return 0.0
    return 0.5 * 10 ** (-decimals(o.value)) * abs(o.value_std / o.value)


def differ(a: StoredObservation, b: StoredObservation) -> bool:
    """Two figures for one cell disagree beyond what rounding explains (and neither restates the other)."""
    if restates(a, b) or restates(b, a):
        return False
    return abs(a.value_std - b.value_std) > half_unit(a) + half_unit(b) + 1e-12


def gather(observations: list[StoredObservation], live: list[StoredObservation], basis: str | None,
           has_bases: bool) -> Evidence:
    """Sort a target's observations into evidence (``live``: every source's newest revision of each cell)."""
    ev = Evidence(basis=basis)
    for o in observations:
        if o.is_numeric:
            same = (o.basis or None) == basis if has_bases else True
            (ev.series if same else ev.other_basis).append(o)
        elif o.status == "statement" and o.value is not None and o.value_std is not None:
            ev.statements.append(Stated(o, statement_interval(o.value, o.value_std, o.comparator)))
        elif o.is_statement:
            ev.words.append(o)
    ev.series.sort(key=lambda o: o.period)
    current = {o.period: o for o in ev.series}
    per_cell: dict[int, int] = {}
    for o in sorted(live, key=lambda o: (o.published, o.revision), reverse=True):  # newest publications first
        cur = current.get(o.period)
        if cur is None or not o.is_numeric or o.id == cur.id or (cur.id is None and o == cur):
            continue
        if ((o.basis or None) == basis or not has_bases) and differ(cur, o):
            per_cell[o.period] = per_cell.get(o.period, 0) + 1
            if per_cell[o.period] <= MAX_CLASHES_PER_CELL:
                ev.clashes.append(Clash(o.period, "figures", cur, o))
    ev.more_clashes = {p: n - MAX_CLASHES_PER_CELL for p, n in per_cell.items() if n > MAX_CLASHES_PER_CELL}
    for st in ev.statements:
        cur = current.get(st.obs.period)
        if cur is not None and not _within(cur, st.interval):
            ev.clashes.append(Clash(st.obs.period, "statement", cur, st.obs))
    ev.clashes.sort(key=lambda c: c.period)
    return ev


def _within(o: StoredObservation, iv: Interval) -> bool:
    """A figure agrees with a statement if it lies in the interval, allowing for its own rounding."""
    h = half_unit(o)
    return (iv.low is None or o.value_std + h >= iv.low) and (iv.high is None or o.value_std - h <= iv.high)


def confidence(deciding: list[StoredObservation], *, statement: bool = False, conflict: bool = False,
               n_changes: int | None = None, projected: bool = False) -> str:
    """A verdict's confidence: never above the weakest evidence it rests on (docs/verdicts.md).

    Start from the weakest source confidence among the deciding figures (unrated: medium); a verdict decided
    by an official statement, by a derived figure, or by a projection from fewer than three comparable
    changes is at most medium; a conflict on the deciding cell lowers it one step."""
    level = min((CONFIDENCE.index(_FROM_SOURCE.get(o.confidence or "", "medium")) for o in deciding), default=1)
    if statement or any(o.status == "derived" for o in deciding) or (projected and (n_changes or 0) < 3):
        level = min(level, 1)
    if conflict:
        level = max(0, level - 1)
    return CONFIDENCE[level]
