"""Keep ``is_live`` / ``is_current`` right for the cells a write touched (rules in :mod:`.vintage`).

Why materialise: the scorecard of the present reads only current rows, so a store with a long revision
history answers ``status`` by an indexed query instead of replaying every revision.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import tables as t
from .vintage import flags

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

CHUNK = 300  # cells per query


def refresh_cells(conn: Connection, cells: Iterable[tuple[str, str, int]]) -> None:
    from sqlalchemy import select

    from .repository import cells_where, raw_executemany

    o, s = t.observations, t.sources
    cell_list = sorted(set(cells))
    for i in range(0, len(cell_list), CHUNK):
        chunk = cell_list[i : i + CHUNK]
        where = cells_where(chunk)
        wanted = set(chunk)
        rows = conn.execute(
            select(o.c.id, o.c.indicator, o.c.region, o.c.period, o.c.revision, o.c.status, o.c.basis, s.c.url,
                   o.c.value, o.c.value_std, s.c.published, o.c.rounded, o.c.is_live, o.c.is_current)
            .join(s, s.c.id == o.c.source_id).where(where)
        ).all()
        rows = [r for r in rows if (r.indicator, r.region, r.period) in wanted]
        live, current = flags(rows)
        changed = [(r.id in live, r.id in current, r.id) for r in rows
                   if (r.id in live, r.id in current) != (bool(r.is_live), bool(r.is_current))]
        # only rows whose flags moved: a large import touches each cell's few changed rows
        raw_executemany(conn, "UPDATE observations SET is_live = ?, is_current = ? WHERE id = ?", changed)


def refresh_all(conn: Connection) -> None:
    from sqlalchemy import select

    o = t.observations
    cells = conn.execute(select(o.c.indicator, o.c.region, o.c.period).distinct()).all()
    refresh_cells(conn, [tuple(c) for c in cells])
