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


def observation_rows(store: Store, f: ObservationFilter, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """One page of observations (ordered by id), each with its source and who added it."""
    from sqlalchemy import select

    o, s, i = t.observations, t.sources, t.imports
    q = select(*_columns()).join(s, s.c.id == o.c.source_id).join(i, i.c.id == o.c.import_id)
    if f.view == "current":
        q = q.where(o.c.is_current)
    elif f.view == "live":
        q = q.where(o.c.is_live)
    if f.indicators:
        q = q.where(o.c.indicator.in_(list(f.indicators)))
    if f.regions:
        q = q.where(o.c.region.in_(list(f.regions)))
    if f.period is not None:
        q = q.where(o.c.period == f.period)
    if f.period_from is not None:
        q = q.where(o.c.period >= f.period_from)
    if f.period_to is not None:
        q = q.where(o.c.period <= f.period_to)
    if f.statuses:
        q = q.where(o.c.status.in_(list(f.statuses)))
    if f.source_id is not None:
        q = q.where(o.c.source_id == f.source_id)
    q = q.order_by(o.c.id).limit(min(limit, MAX_LIMIT)).offset(offset)
    with translate_errors(store.url), store.engine.connect() as c:
        return [_observation(r) for r in c.execute(q)]


def _observation(r) -> dict[str, Any]:
    return {"id": r.id, "indicator": r.indicator, "region": r.region, "period": r.period, "revision": r.revision,
            "value": r.value, "unit": r.unit, "value_std": r.value_std, "status": r.status, "basis": r.basis,
            "comparator": r.comparator, "rounded": bool(r.rounded), "derivation": r.derivation, "quote": r.quote,
            "confidence": r.confidence, "note": r.note, "recorded_at": _iso(r.recorded_at), "current": bool(r.is_current),
            "live": bool(r.is_live), "import_id": r.import_id, "added_by": r.added_by,
            "source": {"id": r.source_id, "publisher": r.publisher, "title": r.title, "url": r.url,
                       "published": r.published}}


def _iso(v: dt.datetime | None) -> str | None:
    if v is None:
        return None
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
