"""Which figure counts, as known on a date: publication dates with their precision, source lines, and
the publisher's own order of precedence.

Why this lives in the store: "the current value" is a property of the record of publications, not of any
one assessment; the store keeps it materialised for the present (``is_current``) and every reader that
replays the past (``--as-of``) uses the same rules from here.

Vocabulary
- A **line** is one source's statement of one cell: (indicator, region, period, basis, address, kind),
  where kind is ``figure`` or ``statement``. Importing the same line again with another value or other
  metadata is a new *revision of that line* (a correction); the line's newest revision (as known on a
  date) is its **live** row.
- A figure is **known on** date D when its publication date is on or before D. A date given only to the
  month or the year is known from the *last* day of that month or year: a figure published "in 2018" is
  not assumed known on 2018-06-01.
- Between live figure lines for one cell (same basis), the **current** one is chosen so:
  1. a rounded restatement ("1.6万亿") never beats the precise figure it restates (16251.9亿), whatever
     the dates; a figure computed by planwatch (``derived``) never beats a published one;
  2. a later publication beats an earlier one when the dates can tell (their intervals do not overlap);
  3. when they cannot (same day, or an imprecise date overlapping the other), a final figure beats a
     preliminary one, which beats an estimate; then the more precise figure (more significant digits);
     then the later start of the date interval; then the later revision recorded.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Protocol

#: Statuses of published numbers, in the order that breaks ties between publications of unknown order.
STATUS_RANK = {"final": 4, "preliminary": 3, "estimate": 2, "derived": 1}
FIGURE_STATUSES = frozenset(STATUS_RANK)
#: Official words: ``statement`` carries an approximate number ("保持在16%左右"), ``qualitative`` none.
STATEMENT_STATUSES = frozenset({"statement", "qualitative"})
#: A revision that withdraws its line (a retraction recorded as a revision: nothing is deleted).
WITHDRAWN = "withdrawn"
STATUSES = FIGURE_STATUSES | STATEMENT_STATUSES | {WITHDRAWN}

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Row(Protocol):
    indicator: str
    region: str
    period: int
    basis: str | None
    url: str
    status: str
    revision: int
    value: float | None
    value_std: float | None
    published: str
    rounded: bool


@lru_cache(maxsize=4096)
def date_bounds(published: str) -> tuple[dt.date, dt.date]:
    """First and last day a publication date can mean (``2018`` → 2018-01-01 … 2018-12-31)."""
    m = _DATE.match(published or "")
    if not m:
        raise ValueError(f"not a publication date: {published!r}")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if mo is None:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    month = int(mo)
    if d is None:
        return dt.date(y, month, 1), dt.date(y, month, calendar.monthrange(y, month)[1])
    day = dt.date(y, month, int(d))
    return day, day


def precision(published: str) -> str:
    """``day``, ``month`` or ``year``: how much of the publication date is known."""
    return {1: "year", 2: "month", 3: "day"}[len((published or "").split("-"))]


def known_from(published: str) -> str:
    """The ISO date from which a publication is certainly known (the end of its date interval)."""
    return date_bounds(published)[1].isoformat()


def period_end(period: int) -> dt.date:
    return dt.date(period, 12, 31)


def kind_of(status: str) -> str:
    return "statement" if status in STATEMENT_STATUSES else "figure"


def line_key(r: Any) -> tuple:
    """The identity of one source's statement of one cell (see the module docstring)."""
    kind = "figure" if r.status == WITHDRAWN else kind_of(r.status)
    return (r.indicator, r.region, r.period, r.basis or "", r.url, kind)


def cell_key(r: Any) -> tuple:
    return (r.indicator, r.region, r.period)


def known_on(r: Any, as_of: dt.date | None) -> bool:
    """Published by ``as_of`` (imprecise dates count from their last possible day)."""
    return as_of is None or date_bounds(r.published)[1] <= as_of


def live_rows(rows: Iterable[Any], as_of: dt.date | None = None) -> list[Any]:
    """The newest revision of each line among rows known on ``as_of``; withdrawn lines drop out."""
    best: dict[tuple, Any] = {}
    for r in rows:
        if not known_on(r, as_of):
            continue
        k = line_key(r)
        if k not in best or r.revision > best[k].revision:
            best[k] = r
    return [r for r in best.values() if r.status != WITHDRAWN]


@lru_cache(maxsize=65536)
def significant_digits(value: float) -> int:
    """Significant digits of a published number as written (``16251.9`` → 6, ``1.6`` → 2, ``8000`` → 4)."""
    if value is None or not math.isfinite(value) or value == 0:
        return 1
    text = repr(abs(float(value)))
    if "e" in text:
        mant = text.split("e")[0]
        return len(mant.replace(".", "").lstrip("0").rstrip("0")) or 1
    if text.endswith(".0"):
        text = text[:-2]
    return len(text.replace(".", "").lstrip("0")) or 1


@lru_cache(maxsize=65536)
def decimals(value: float) -> int:
    """Decimal places of a published number as written (``7.5`` → 1, ``16`` → 0)."""
    text = repr(float(value))
    if "e" in text or text.endswith(".0"):
        return 0
    return len(text.split(".")[1])


def agrees_within_rounding(rounded: Any, precise: Any) -> bool:
    """Does ``precise``, written in ``rounded``'s unit, round to ``rounded`` at the digits it was published with?

    So 1.6万亿元 agrees with 16251.9亿元 (1.62519 → 1.6)."""
    if rounded.value is None or precise.value_std is None or rounded.value_std in (None, 0):
        return False
    in_unit = precise.value_std * (rounded.value / rounded.value_std)
    return abs(in_unit - rounded.value) <= 0.5 * 10 ** (-decimals(rounded.value)) * (1 + 1e-9)


def restates(r: Any, p: Any) -> bool:
    """Is ``r`` a rounded restatement of ``p``: marked so (or written with fewer digits) and agreeing with it?"""
    if r is p or p.rounded or not agrees_within_rounding(r, p):
        return False
    return bool(r.rounded) or _digits(r) < _digits(p)


def _digits(r: Any) -> int:
    return significant_digits(r.value if r.value is not None else r.value_std)


def _beats(a: Any, b: Any) -> bool:
    """Does publication ``a`` take precedence over ``b`` (rules 2 and 3 of the module docstring)?"""
    a0, a1 = date_bounds(a.published)
    b0, b1 = date_bounds(b.published)
    if a0 > b1:
        return True
    if b0 > a1:
        return False
    return (STATUS_RANK.get(a.status, 0), _digits(a), a0, a.revision) > (STATUS_RANK.get(b.status, 0), _digits(b), b0, b.revision)


def pick_current(candidates: Sequence[Any]) -> Any | None:
    """The current figure among live figure lines of one cell and basis (rules 1–3 of the module docstring)."""
    if not candidates:
        return None
    pool = [c for c in candidates if c.status != "derived"] or list(candidates)
    index = _ValueIndex(pool)
    kept = [r for r in pool if not index.restated(r)] or pool
    kept.sort(key=lambda c: (date_bounds(c.published)[0], c.revision))
    winner = kept[0]
    for c in kept[1:]:
        if _beats(c, winner):
            winner = c
    return winner


class _ValueIndex:
    """Candidates sorted by value: a figure can only restate one within its own rounding, so each check
    searches a narrow window instead of every pair (a cell may hold hundreds of sources)."""

    def __init__(self, pool: Sequence[Any]):
        self.ordered = sorted((p for p in pool if p.value_std is not None), key=lambda p: p.value_std)
        self.values = [p.value_std for p in self.ordered]

    def restated(self, r: Any) -> bool:
        if r.value is None or r.value_std is None or not r.value:
            return False
        half = 0.5 * 10 ** (-decimals(r.value)) * abs(r.value_std / r.value) * (1 + 1e-9)
        lo = bisect.bisect_left(self.values, r.value_std - half)
        hi = bisect.bisect_right(self.values, r.value_std + half)
        return any(restates(r, p) for p in self.ordered[lo:hi])


def group_cells(rows: Iterable[Any]) -> dict[tuple, list[Any]]:
    out: dict[tuple, list[Any]] = {}
    for r in rows:
        out.setdefault(cell_key(r), []).append(r)
    return out


def current_of_cell(live: Sequence[Any]) -> list[Any]:
    """Current figure per basis of one cell, from its live rows (statements are not figures)."""
    by_basis: dict[str, list[Any]] = {}
    for r in live:
        if r.status in FIGURE_STATUSES and r.value_std is not None:
            by_basis.setdefault(r.basis or "", []).append(r)
    return [w for w in (pick_current(c) for c in by_basis.values()) if w is not None]


def select(rows: Iterable[Any], as_of: dt.date | None = None) -> list[Any]:
    """What a reader on ``as_of`` sees: the current figure of each cell and basis, and every live statement.

    With ``as_of``, only publications known by then count, and statements only for periods that had
    ended by then (a statement about a year still under way is an expectation, not evidence)."""
    out: list[Any] = []
    for cell_rows in group_cells(rows).values():
        live = live_rows(cell_rows, as_of)
        out += current_of_cell(live)
        out += [r for r in live if r.status in STATEMENT_STATUSES
                and (as_of is None or period_end(r.period) <= as_of)]
    out.sort(key=lambda r: (r.indicator, r.region, r.period, r.revision))
    return out


def flags(rows: Iterable[Any]) -> tuple[set[int], set[int]]:
    """(ids of live rows, ids of current rows) for the present: what the store keeps materialised."""
    live_ids: set[int] = set()
    current_ids: set[int] = set()
    for cell_rows in group_cells(rows).values():
        live = live_rows(cell_rows)
        live_ids |= {r.id for r in live}
        current_ids |= {r.id for r in current_of_cell(live)}
        current_ids |= {r.id for r in live if r.status in STATEMENT_STATUSES}
    return live_ids, current_ids
