"""Direct reads the store's own API does not offer, shared by pages and the JSON API: filtered, paginated
observations with their source ids and who added them, sources with their figures, revision histories.

Every filter is a bound parameter (SQLAlchemy Core), never text pasted into SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..store import tables as t
from ..store.db import translate_errors
from ..store.repository import Store

VIEWS = ("current", "live", "all")
MAX_LIMIT = 1000


@dataclass(frozen=True)
class ObservationFilter:
    indicators: Sequence[str] = ()
    regions: Sequence[str] = ()
    period: int | None = None
    period_from: int | None = None
    period_to: int | None = None
    statuses: Sequence[str] = ()
    view: str = "current"  # current | live | all (every revision)
    source_id: int | None = None


def _columns():
    o, s, i = t.observations, t.sources, t.imports
    return (o.c.id, o.c.indicator, o.c.region, o.c.period, o.c.revision, o.c.value, o.c.unit, o.c.value_std, o.c.status,
            o.c.basis, o.c.comparator, o.c.rounded, o.c.derivation, o.c.quote, o.c.confidence, o.c.note, o.c.recorded_at,
            o.c.is_current, o.c.is_live, o.c.import_id, i.c.added_by, s.c.id.label("source_id"), s.c.publisher,
            s.c.title, s.c.url, s.c.published)


#: The observation listing as one prepared statement on the driver's cursor: this is the API's busiest read, and
#: SQLAlchemy's per-row result processing cost three times the query itself. Filters are bound parameters only.
_SELECT = ("SELECT o.id, o.indicator, o.region, o.period, o.revision, o.value, o.unit, o.value_std, o.status, o.basis, "
           "o.comparator, o.rounded, o.derivation, o.quote, o.confidence, o.note, o.recorded_at, o.is_current, o.is_live, "
           "o.import_id, i.added_by, s.id, s.publisher, s.title, s.url, s.published FROM observations o "
           "JOIN sources s ON s.id = o.source_id JOIN imports i ON i.id = o.import_id")
_KEYS = ("id", "indicator", "region", "period", "revision", "value", "unit", "value_std", "status", "basis", "comparator",
         "rounded", "derivation", "quote", "confidence", "note", "recorded_at", "current", "live", "import_id", "added_by")


def _in(column: str, values: Sequence[Any], where: list[str], params: list[Any]) -> None:
    where.append(f"{column} IN ({', '.join('?' for _ in values)})")
    params.extend(values)


def observation_rows(store: Store, f: ObservationFilter, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """One page of observations (ordered by id), each with its source and who added it."""
    where: list[str] = []
    params: list[Any] = []
    if f.view == "current":
        where.append("o.is_current")
    elif f.view == "live":
        where.append("o.is_live")
    for column, values in (("o.indicator", f.indicators), ("o.region", f.regions), ("o.status", f.statuses)):
        if values:
            _in(column, list(values), where, params)
    for cond, value in (("o.period = ?", f.period), ("o.period >= ?", f.period_from), ("o.period <= ?", f.period_to),
                        ("o.source_id = ?", f.source_id)):
        if value is not None:
            where.append(cond)
            params.append(value)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY o.id LIMIT ? OFFSET ?"
    params += [min(limit, MAX_LIMIT), offset]
    if store.is_postgres:
        sql = sql.replace("?", "%s")
    with translate_errors(store.url), store.engine.connect() as c:
        cur = c.connection.driver_connection.cursor()
        try:
            cur.execute(sql, params)
            fetched = cur.fetchall()
        finally:
            cur.close()
    out = []
    for r in fetched:
        d = dict(zip(_KEYS, r[:21], strict=False))
        d["rounded"], d["current"], d["live"] = bool(r[11]), bool(r[17]), bool(r[18])
        d["recorded_at"] = _iso(r[16])
        d["source"] = {"id": r[21], "publisher": r[22], "title": r[23], "url": r[24], "published": r[25]}
        out.append(d)
    return out


def _observation(r) -> dict[str, Any]:
    return {"id": r.id, "indicator": r.indicator, "region": r.region, "period": r.period, "revision": r.revision,
            "value": r.value, "unit": r.unit, "value_std": r.value_std, "status": r.status, "basis": r.basis,
            "comparator": r.comparator, "rounded": bool(r.rounded), "derivation": r.derivation, "quote": r.quote,
            "confidence": r.confidence, "note": r.note, "recorded_at": _iso(r.recorded_at), "current": bool(r.is_current),
            "live": bool(r.is_live), "import_id": r.import_id, "added_by": r.added_by,
            "source": {"id": r.source_id, "publisher": r.publisher, "title": r.title, "url": r.url,
                       "published": r.published}}


def _iso(v: dt.datetime | str | None) -> str | None:
    """A stored time as ISO 8601 with its offset (SQLite hands back text, PostgreSQL a datetime)."""
    if v is None:
        return None
    if isinstance(v, str):
        text = v.replace(" ", "T", 1)
        return text if ("+" in text[10:] or text.endswith("Z")) else text + "+00:00"
    return (v if v.tzinfo else v.replace(tzinfo=dt.UTC)).isoformat()


def history(store: Store, pairs: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """Every revision of the given (indicator, region) series, newest first, with who added each."""
    from sqlalchemy import select, tuple_

    if not pairs:
        return []
    o, s, i = t.observations, t.sources, t.imports
    q = (select(*_columns(), i.c.origin).join(s, s.c.id == o.c.source_id).join(i, i.c.id == o.c.import_id)
         .where(tuple_(o.c.indicator, o.c.region).in_(sorted(pairs))).order_by(o.c.id.desc()))
    with translate_errors(store.url), store.engine.connect() as c:
        out = []
        for r in c.execute(q):
            row = _observation(r)
            row["origin"] = r.origin
            out.append(row)
        return out


def sources_page(store: Store, limit: int = 100, offset: int = 0, publisher: str | None = None) -> list[dict[str, Any]]:
    from sqlalchemy import func, select

    o, s = t.observations, t.sources
    n = select(o.c.source_id, func.count().label("figures")).group_by(o.c.source_id).subquery()
    q = (select(s.c.id, s.c.publisher, s.c.title, s.c.url, s.c.published, func.coalesce(n.c.figures, 0).label("figures"))
         .outerjoin(n, n.c.source_id == s.c.id).order_by(s.c.id))
    if publisher:
        q = q.where(s.c.publisher == publisher)
    with translate_errors(store.url), store.engine.connect() as c:
        return [dict(r._mapping) for r in c.execute(q.limit(min(limit, MAX_LIMIT)).offset(offset))]


def source(store: Store, source_id: int) -> dict[str, Any] | None:
    from sqlalchemy import select

    s = t.sources
    with translate_errors(store.url), store.engine.connect() as c:
        row = c.execute(select(s.c.id, s.c.publisher, s.c.title, s.c.url, s.c.published).where(s.c.id == source_id)).first()
    return dict(row._mapping) if row else None


def line(store: Store, indicator: str, region: str, period: int, url: str, basis: str | None) -> dict[str, Any] | None:
    """The newest revision of one source line (what an editor revises or withdraws)."""
    rows = [r for r in observation_rows(store, ObservationFilter(indicators=[indicator], regions=[region], period=period,
                                                                 view="all"), limit=MAX_LIMIT)
            if r["source"]["url"] == url and (r["basis"] or "") == (basis or "") and r["status"] not in
            ("statement", "qualitative")]
    return max(rows, key=lambda r: r["revision"]) if rows else None
