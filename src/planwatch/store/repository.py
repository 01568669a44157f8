"""Reading and writing observations. Writes are append-only: a changed figure becomes a new revision.

Every write is one transaction: either all rows of a file land or none do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import tables as t

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine


@dataclass(frozen=True)
class NewObservation:
    """A validated row ready to store (see ``sources.rows`` for validation)."""

    indicator: str
    region: str
    period: int
    value: float | None
    unit: str
    value_std: float | None
    status: str
    publisher: str
    title: str
    url: str
    published: str
    quote: str | None = None
    confidence: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class StoredObservation:
    indicator: str
    region: str
    period: int
    revision: int
    value: float | None
    unit: str
    value_std: float | None
    status: str
    publisher: str
    title: str
    url: str
    published: str
    quote: str | None
    confidence: str | None
    note: str | None
    recorded_at: dt.datetime

    @property
    def is_numeric(self) -> bool:
        return self.status != "qualitative" and self.value_std is not None

    def source_dict(self) -> dict:
        return {"publisher": self.publisher, "title": self.title, "url": self.url, "published": self.published}


@dataclass(frozen=True)
class WriteResult:
    import_id: int
    rows: int
    written: int  # new revisions
    unchanged: int  # rows identical to a revision already stored


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, db: str | None = None) -> Store:
        from .db import open_engine

        return cls(open_engine(db))

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # -- writing -------------------------------------------------------------------------------------
    def write(self, rows: Sequence[NewObservation], origin: str, content: bytes | None = None) -> WriteResult:
        """Store rows as new revisions (identical re-imports add nothing), all in one transaction."""
        from sqlalchemy import insert

        now = dt.datetime.now(dt.UTC)
        digest = hashlib.sha256(content if content is not None else repr(rows).encode()).hexdigest()
        written = unchanged = 0
        with self.engine.begin() as conn:
            import_id = conn.execute(
                insert(t.imports).values(origin=origin, sha256=digest, rows=len(rows), written=0, created_at=now)
            ).inserted_primary_key[0]
            source_ids: dict[tuple, int] = {}
            keys = {(r.indicator, r.region, r.period) for r in rows}
            existing = self._existing(conn, keys)
            next_rev: dict[tuple, int] = {}
            for key, revs in existing.items():
                next_rev[key] = max(r[0] for r in revs) + 1
            batch: list[dict] = []
            for r in rows:
                key = (r.indicator, r.region, r.period)
                ident = (r.value, r.unit, r.status, r.url)
                if any(rev[1:] == ident for rev in existing.get(key, [])):
                    unchanged += 1
                    continue
                sid = source_ids.get((r.publisher, r.title, r.url, r.published))
                if sid is None:
                    sid = self._source_id(conn, r)
                    source_ids[(r.publisher, r.title, r.url, r.published)] = sid
                rev = next_rev.get(key, 1)
                next_rev[key] = rev + 1
                batch.append(dict(
                    indicator=r.indicator, region=r.region, period=r.period, revision=rev, value=r.value, unit=r.unit,
                    value_std=r.value_std, status=r.status, source_id=sid, quote=r.quote, confidence=r.confidence,
                    note=r.note, import_id=import_id, recorded_at=now,
                ))
                existing.setdefault(key, []).append((rev, *ident))
            written = len(batch)
            for i in range(0, len(batch), 5000):  # executemany in chunks: one transaction, bounded memory
                conn.execute(insert(t.observations), batch[i : i + 5000])
            conn.execute(t.imports.update().where(t.imports.c.id == import_id).values(written=written))
        return WriteResult(import_id=import_id, rows=len(rows), written=written, unchanged=unchanged)

    @staticmethod
    def _existing(conn: Connection, keys: set[tuple]) -> dict[tuple, list[tuple]]:
        from sqlalchemy import select, tuple_

        out: dict[tuple, list[tuple]] = {}
        if not keys:
            return out
        o, s = t.observations, t.sources
        key_list = sorted(keys)
        for i in range(0, len(key_list), 500):
            chunk = key_list[i : i + 500]
            q = (
                select(o.c.indicator, o.c.region, o.c.period, o.c.revision, o.c.value, o.c.unit, o.c.status, s.c.url)
                .join(s, s.c.id == o.c.source_id)
                .where(tuple_(o.c.indicator, o.c.region, o.c.period).in_(chunk))
            )
            for row in conn.execute(q):
                out.setdefault((row[0], row[1], row[2]), []).append(tuple(row[3:]))
        return out

    @staticmethod
    def _source_id(conn: Connection, r: NewObservation) -> int:
        from sqlalchemy import insert, select

        s = t.sources
        found = conn.execute(
            select(s.c.id).where(
                s.c.publisher == r.publisher, s.c.title == r.title, s.c.url == r.url, s.c.published == r.published
            )
        ).scalar()
        if found is not None:
            return found
        return conn.execute(
            insert(s).values(publisher=r.publisher, title=r.title, url=r.url, published=r.published)
        ).inserted_primary_key[0]

    # -- meta ----------------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        from sqlalchemy import select

        with self.engine.connect() as conn:
            return conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar()

    def set_meta(self, key: str, value: str, conn: Connection | None = None) -> None:
        from sqlalchemy import delete, insert

        def _do(c: Connection) -> None:
            c.execute(delete(t.meta).where(t.meta.c.key == key))
            c.execute(insert(t.meta).values(key=key, value=value))

        if conn is not None:
            _do(conn)
        else:
            with self.engine.begin() as c:
                _do(c)

    # -- reading -------------------------------------------------------------------------------------
    def observations(
        self,
        indicators: Iterable[str] | None = None,
        regions: Iterable[str] | None = None,
        all_revisions: bool = False,
    ) -> list[StoredObservation]:
        """Observations with their sources; by default only the current revision of each figure.

        The current revision is the newest numeric one; qualitative statements are always returned
        (they are evidence, never a value), each once.
        """
        from sqlalchemy import select

        o, s = t.observations, t.sources
        q = select(
            o.c.indicator, o.c.region, o.c.period, o.c.revision, o.c.value, o.c.unit, o.c.value_std,
            o.c.status, s.c.publisher, s.c.title, s.c.url, s.c.published, o.c.quote, o.c.confidence,
            o.c.note, o.c.recorded_at,
        ).join(s, s.c.id == o.c.source_id)
        if indicators is not None:
            q = q.where(o.c.indicator.in_(list(indicators)))
        if regions is not None:
            q = q.where(o.c.region.in_(list(regions)))
        q = q.order_by(o.c.indicator, o.c.region, o.c.period, o.c.revision)
        with self.engine.connect() as conn:
            rows = [StoredObservation(*r) for r in conn.execute(q)]
        if all_revisions:
            return rows
        return current_only(rows)

    def numeric_rows(self, indicators: Iterable[str] | None = None) -> list[tuple]:
        """(indicator, region, period, value_std) of the current numeric revisions: the lean path for panels.

        Rows come ordered by revision, so for a repeated key the last one is the current revision."""
        from sqlalchemy import select

        o = t.observations
        q = select(o.c.indicator, o.c.region, o.c.period, o.c.value_std).where(
            o.c.status != "qualitative", o.c.value_std.is_not(None))
        if indicators is not None:
            q = q.where(o.c.indicator.in_(list(indicators)))
        with self.engine.connect() as conn:
            return list(conn.execute(q.order_by(o.c.revision)).tuples())

    def history(self, indicator: str, region: str, period: int) -> list[StoredObservation]:
        return [
            r for r in self.observations([indicator], [region], all_revisions=True) if r.period == period
        ]

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func, select

        with self.engine.connect() as conn:
            return {
                "observations": conn.execute(select(func.count()).select_from(t.observations)).scalar() or 0,
                "sources": conn.execute(select(func.count()).select_from(t.sources)).scalar() or 0,
                "imports": conn.execute(select(func.count()).select_from(t.imports)).scalar() or 0,
            }


def current_only(rows: Sequence[StoredObservation]) -> list[StoredObservation]:
    """Keep the newest numeric revision per (indicator, region, period) plus every qualitative statement."""
    latest: dict[tuple, StoredObservation] = {}
    qualitative: list[StoredObservation] = []
    for r in rows:
        if not r.is_numeric:
            qualitative.append(r)
            continue
        key = (r.indicator, r.region, r.period)
        if key not in latest or r.revision > latest[key].revision:
            latest[key] = r
    out = list(latest.values()) + qualitative
    out.sort(key=lambda r: (r.indicator, r.region, r.period, r.revision))
    return out
