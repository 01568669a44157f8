"""Reading and writing observations. Writes are append-only: nothing stored is ever changed or deleted.

Every write is one transaction (either all rows of a file land or none do), taken under the store's
write lock (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), so concurrent imports queue up and
land in a defined order instead of failing on each other's rows. Which figure is current is decided by
:mod:`.vintage` and kept materialised by :mod:`.flags`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import tables as t
from .db import translate_errors
from .identity import source_identity
from .vintage import FIGURE_STATUSES, STATEMENT_STATUSES, known_from, line_key, select

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

#: Rows per insert batch (one transaction either way; bounded memory).
BATCH = 5000
#: PostgreSQL advisory-lock class that serialises planwatch writers and migrations ("plan" in ASCII); the second
#: key is the schema's hash, so stores in different schemas of one database never wait for each other.
PG_WRITE_LOCK = 0x706C616E
PG_LOCK_SQL = "SELECT pg_advisory_xact_lock(:k, hashtext(current_schema()))"


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
    basis: str | None = None
    comparator: str | None = None
    rounded: bool = False
    derivation: str | None = None


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
    basis: str | None = None
    comparator: str | None = None
    rounded: bool = False
    derivation: str | None = None
    id: int | None = field(default=None, compare=False)
    import_id: int | None = field(default=None, compare=False)

    @property
    def is_numeric(self) -> bool:
        """A published (or derived) figure, as opposed to official words."""
        return self.status in FIGURE_STATUSES and self.value_std is not None

    @property
    def is_statement(self) -> bool:
        return self.status in STATEMENT_STATUSES

    def source_dict(self) -> dict:
        return {"publisher": self.publisher, "title": self.title, "url": self.url, "published": self.published}


@dataclass(frozen=True)
class WriteResult:
    import_id: int
    rows: int
    new: int = 0  # first figure of its line (a new cell, or a new source for a cell)
    revised: int = 0  # a line's value, unit, status or form changed
    metadata_only: int = 0  # same figure, changed title, date, quote, confidence or note
    unchanged: int = 0  # identical to the line's newest revision: nothing stored

    @property
    def written(self) -> int:
        return self.new + self.revised + self.metadata_only


# Fields that make a revision a change of the figure, and fields that only describe it.
_FIGURE_FIELDS = ("value", "unit", "status", "comparator", "rounded", "derivation")
_META_FIELDS = ("publisher", "title", "published", "quote", "confidence", "note")

_COLUMNS = ("indicator", "region", "period", "revision", "value", "unit", "value_std", "status", "source_id", "quote",
            "confidence", "note", "import_id", "recorded_at", "basis", "comparator", "rounded", "derivation", "is_live",
            "is_current")


def cells_where(cells: Sequence[tuple[str, str, int]]):
    """A filter that selects (at least) these cells through the (indicator, region, period) index.

    Row-value ``IN`` lists are not index-assisted on every SQLite; three ``IN`` lists are, and the few extra rows
    the cross product can select are dropped by the caller."""
    o = t.observations
    return (o.c.indicator.in_(sorted({c[0] for c in cells})) & o.c.region.in_(sorted({c[1] for c in cells}))
            & o.c.period.in_(sorted({c[2] for c in cells})))


def raw_executemany(conn: Connection, sql: str, params: list[tuple]) -> None:
    """One prepared statement for many rows on the driver's own cursor (``?`` placeholders, rewritten for
    PostgreSQL): bulk writes skip SQLAlchemy's per-row parameter building, which dominates large imports."""
    if not params:
        return
    driver = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        sql = sql.replace("?", "%s")
    cur = driver.cursor()
    try:
        cur.executemany(sql, params)
    finally:
        cur.close()


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    buf: list = []
    for r in rows:
        buf.append(r)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


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

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    # -- writing -------------------------------------------------------------------------------------
    def begin_write(self):
        """A write transaction under the store's write lock (see the module docstring)."""
        from contextlib import contextmanager

        @contextmanager
        def tx():
            with translate_errors(self.url), self.engine.execution_options(sqlite_begin="IMMEDIATE").begin() as conn:
                if self.is_postgres:
                    from sqlalchemy import text

                    conn.execute(text(PG_LOCK_SQL), {"k": PG_WRITE_LOCK})
                yield conn

        return tx()

    def write(self, rows: Iterable[NewObservation], origin: str, content: bytes | None = None,
              digest: str | None = None, conn: Connection | None = None) -> WriteResult:
        """Store rows as revisions of their lines, all in one transaction; identical rows add nothing.

        ``rows`` may be a generator: it is consumed in batches, so a million-row import stays small in
        memory. Pass ``conn`` to write inside a transaction the caller holds (from :meth:`begin_write`)."""
        if conn is None:
            with self.begin_write() as c:
                return self.write(rows, origin, content, digest, conn=c)
        from sqlalchemy import insert

        from .flags import refresh_cells

        now = dt.datetime.now(dt.UTC)
        if digest is None:
            digest = hashlib.sha256(content if content is not None else origin.encode()).hexdigest()
        import_id = conn.execute(
            insert(t.imports).values(origin=origin, sha256=digest, rows=0, written=0, created_at=now)
        ).inserted_primary_key[0]
        counts = {"new": 0, "revised": 0, "metadata_only": 0, "unchanged": 0}
        n_rows = 0
        source_ids: dict[str, int] = {}
        touched: set[tuple] = set()
        for chunk in _chunks(rows, BATCH):
            n_rows += len(chunk)
            # Every line's newest revision in this chunk's cells, read inside the transaction, so rows written
            # by earlier chunks of the same file count too (a file may revisit a cell in any chunk).
            cells = {(r.indicator, r.region, r.period) for r in chunk}
            heads, max_rev = self._line_heads(conn, cells)
            next_rev = {cell: rev + 1 for cell, rev in max_rev.items()}
            kept: list[tuple[NewObservation, str]] = []
            for r in chunk:
                key = line_key(r)
                kind = _change_kind(heads.get(key), r)
                counts[kind] += 1
                if kind == "unchanged":
                    continue
                heads[key] = r
                kept.append((r, source_identity(r.publisher, r.title, r.url, r.published)))
            if len(source_ids) > 50_000:  # a cache, not a record: the store finds older sources by identity
                source_ids.clear()
            self._source_ids(conn, kept, source_ids)
            batch: list[dict] = []
            for r, ident in kept:
                cell = (r.indicator, r.region, r.period)
                rev = next_rev.get(cell, 1)
                next_rev[cell] = rev + 1
                batch.append(dict(
                    indicator=r.indicator, region=r.region, period=r.period, revision=rev, value=r.value, unit=r.unit,
                    value_std=r.value_std, status=r.status, source_id=source_ids[ident], quote=r.quote,
                    confidence=r.confidence, note=r.note, import_id=import_id, recorded_at=now, basis=r.basis,
                    comparator=r.comparator, rounded=bool(r.rounded), derivation=r.derivation, is_live=False,
                    is_current=False,
                ))
                touched.add(cell)
            self._insert(conn, batch)
        refresh_cells(conn, touched)
        written = counts["new"] + counts["revised"] + counts["metadata_only"]
        conn.execute(t.imports.update().where(t.imports.c.id == import_id).values(rows=n_rows, written=written))
        return WriteResult(import_id=import_id, rows=n_rows, **counts)

    def _insert(self, conn: Connection, batch: list[dict]) -> None:
        if not batch:
            return
        if self.is_postgres:
            raw = conn.connection.driver_connection
            with raw.cursor() as cur, cur.copy(f"COPY observations ({', '.join(_COLUMNS)}) FROM STDIN") as copy:
                for b in batch:
                    copy.write_row([b[c] for c in _COLUMNS])
            return
        marks = ", ".join("?" for _ in _COLUMNS)
        raw_executemany(conn, f"INSERT INTO observations ({', '.join(_COLUMNS)}) VALUES ({marks})",
                        [tuple(b[c] for c in _COLUMNS) for b in batch])

    @staticmethod
    def _line_heads(conn: Connection, cells: set[tuple]) -> tuple[dict[tuple, object], dict[tuple, int]]:
        """The newest revision of every line in these cells, and each cell's highest revision number."""
        from sqlalchemy import select

        heads: dict[tuple, object] = {}
        max_rev: dict[tuple, int] = {}
        if not cells:
            return heads, max_rev
        o, s = t.observations, t.sources
        cell_list = sorted(cells)
        for i in range(0, len(cell_list), 300):
            chunk = cell_list[i : i + 300]
            q = (
                select(o.c.indicator, o.c.region, o.c.period, o.c.revision, o.c.value, o.c.unit, o.c.status, o.c.basis,
                       o.c.comparator, o.c.rounded, o.c.derivation, o.c.quote, o.c.confidence, o.c.note, s.c.publisher,
                       s.c.title, s.c.url, s.c.published)
                .join(s, s.c.id == o.c.source_id)
                .where(cells_where(chunk))
            )
            wanted = set(chunk)
            for row in conn.execute(q):
                if (row.indicator, row.region, row.period) not in wanted:
                    continue
                cell = (row.indicator, row.region, row.period)
                max_rev[cell] = max(max_rev.get(cell, 0), row.revision)
                k = line_key(row)
                if k not in heads or row.revision > heads[k].revision:
                    heads[k] = row
        return heads, max_rev

    @staticmethod
    def _source_ids(conn: Connection, rows: list[tuple[NewObservation, str]], known: dict[str, int]) -> None:
        """Fill ``known`` (identity → source id) for these rows: one query for those stored, one insert for new."""
        from sqlalchemy import select

        s = t.sources
        wanted = {ident: r for r, ident in rows if ident not in known}
        if not wanted:
            return
        idents = sorted(wanted)
        for i in range(0, len(idents), 500):
            for sid, ident in conn.execute(select(s.c.id, s.c.identity).where(s.c.identity.in_(idents[i : i + 500]))):
                known[ident] = sid
        new = [ident for ident in idents if ident not in known]
        if new:
            raw_executemany(conn, "INSERT INTO sources (publisher, title, url, published, known_from, identity) "
                            "VALUES (?, ?, ?, ?, ?, ?)",
                            [(wanted[i].publisher, wanted[i].title, wanted[i].url, wanted[i].published,
                              known_from(wanted[i].published), i) for i in new])
            for j in range(0, len(new), 500):
                for sid, ident in conn.execute(select(s.c.id, s.c.identity).where(s.c.identity.in_(new[j : j + 500]))):
                    known[ident] = sid

    # -- documents (plan and catalogue files) --------------------------------------------------------
    def add_document(self, kind: str, key: str, text: str, origin: str, added_by: str | None = None,
                     conn: Connection | None = None) -> bool:
        """Keep a plan or catalogue file; returns False when the same text is already current for that key."""
        from sqlalchemy import insert

        if conn is None:
            with self.begin_write() as c:
                return self.add_document(kind, key, text, origin, added_by, conn=c)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        current = self.document(kind, key, conn=conn)
        if current is not None and current["sha256"] == digest:
            return False
        conn.execute(insert(t.documents).values(kind=kind, key=key, text=text, sha256=digest, origin=origin,
                                                added_at=dt.datetime.now(dt.UTC), added_by=added_by))
        return True

    def document(self, kind: str, key: str, conn: Connection | None = None) -> dict | None:
        from sqlalchemy import select

        d = t.documents
        q = select(d).where(d.c.kind == kind, d.c.key == key).order_by(d.c.id.desc()).limit(1)
        if conn is not None:
            row = conn.execute(q).mappings().first()
        else:
            with translate_errors(self.url), self.engine.connect() as c:
                row = c.execute(q).mappings().first()
        return dict(row) if row else None

    def documents(self, kind: str | None = None) -> list[dict]:
        """The current (newest) document of every (kind, key), oldest key first."""
        from sqlalchemy import select

        d = t.documents
        q = select(d).order_by(d.c.id)
        if kind is not None:
            q = q.where(d.c.kind == kind)
        with translate_errors(self.url), self.engine.connect() as c:
            rows = [dict(r) for r in c.execute(q).mappings()]
        latest: dict[tuple, dict] = {}
        for r in rows:
            latest[(r["kind"], r["key"])] = r
        return sorted(latest.values(), key=lambda r: r["id"])

    # -- meta ----------------------------------------------------------------------------------------
    def get_meta(self, key: str, conn: Connection | None = None) -> str | None:
        from sqlalchemy import select

        q = select(t.meta.c.value).where(t.meta.c.key == key)
        if conn is not None:
            return conn.execute(q).scalar()
        with translate_errors(self.url), self.engine.connect() as c:
            return c.execute(q).scalar()

    def set_meta(self, key: str, value: str, conn: Connection | None = None) -> None:
        from sqlalchemy import delete, insert

        def _do(c: Connection) -> None:
            c.execute(delete(t.meta).where(t.meta.c.key == key))
            c.execute(insert(t.meta).values(key=key, value=value))

        if conn is not None:
            _do(conn)
        else:
            with self.begin_write() as c:
                _do(c)

    # -- reading -------------------------------------------------------------------------------------
    def _query(self, indicators: Iterable[str] | None, regions: Iterable[str] | None,
               pairs: Iterable[tuple[str, str]] | None = None):
        from sqlalchemy import select, tuple_

        o, s = t.observations, t.sources
        q = select(
            o.c.indicator, o.c.region, o.c.period, o.c.revision, o.c.value, o.c.unit, o.c.value_std,
            o.c.status, s.c.publisher, s.c.title, s.c.url, s.c.published, o.c.quote, o.c.confidence,
            o.c.note, o.c.recorded_at, o.c.basis, o.c.comparator, o.c.rounded, o.c.derivation, o.c.id, o.c.import_id,
        ).join(s, s.c.id == o.c.source_id)
        if indicators is not None:
            q = q.where(o.c.indicator.in_(sorted(set(indicators))))
        if regions is not None:
            q = q.where(o.c.region.in_(sorted(set(regions))))
        if pairs is not None:
            q = q.where(tuple_(o.c.indicator, o.c.region).in_(sorted(set(pairs))))
        return q.order_by(o.c.indicator, o.c.region, o.c.period, o.c.revision)

    @staticmethod
    def _row(r) -> StoredObservation:
        return StoredObservation(
            indicator=r.indicator, region=r.region, period=r.period, revision=r.revision, value=r.value, unit=r.unit,
            value_std=r.value_std, status=r.status, publisher=r.publisher, title=r.title, url=r.url,
            published=r.published, quote=r.quote, confidence=r.confidence, note=r.note, recorded_at=r.recorded_at,
            basis=r.basis, comparator=r.comparator, rounded=bool(r.rounded), derivation=r.derivation, id=r.id,
            import_id=r.import_id)

    def iter_observations(self, indicators: Iterable[str] | None = None, regions: Iterable[str] | None = None,
                          all_revisions: bool = False, live: bool = False,
                          pairs: Iterable[tuple[str, str]] | None = None,
                          per_cell: int | None = None) -> Iterator[StoredObservation]:
        """Stream rows from the database (every revision, the live lines, or the current rows).

        ``per_cell`` keeps only the newest publications of each cell (a window function in SQL), so a cell
        with hundreds of sources costs a reader of its conflicts no more than one with a few."""
        from sqlalchemy import func, select

        o, s = t.observations, t.sources
        q = self._query(indicators, regions, pairs)
        if not all_revisions:
            q = q.where(o.c.is_live if live else o.c.is_current)
        if per_cell is not None:
            rn = func.row_number().over(partition_by=(o.c.indicator, o.c.region, o.c.period),
                                        order_by=(s.c.known_from.desc(), o.c.revision.desc())).label("rn")
            inner = q.add_columns(rn).order_by(None).subquery()
            q = select(*[c for c in inner.c if c.name != "rn"]).where(inner.c.rn <= per_cell).order_by(
                inner.c.indicator, inner.c.region, inner.c.period, inner.c.revision)
        with translate_errors(self.url), self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(q)
            for r in result:
                yield self._row(r)

    def observations(
        self,
        indicators: Iterable[str] | None = None,
        regions: Iterable[str] | None = None,
        all_revisions: bool = False,
        as_of: dt.date | None = None,
        live: bool = False,
        pairs: Iterable[tuple[str, str]] | None = None,
        per_cell: int | None = None,
    ) -> list[StoredObservation]:
        """Observations with their sources.

        By default what counts now: the current figure of each cell (per basis) and every live statement.
        ``as_of``: what counted on that date (only publications known by then; see :mod:`.vintage`).
        ``live``: every source's newest revision (the conflicting figures behind a current one).
        ``all_revisions``: the whole history."""
        if as_of is not None and not all_revisions:
            q = self._query(indicators, regions, pairs).where(t.sources.c.known_from <= as_of.isoformat())
            with translate_errors(self.url), self.engine.connect() as conn:
                rows = [self._row(r) for r in conn.execute(q)]
            if live:
                from .vintage import live_rows

                return sorted(live_rows(rows, as_of), key=lambda r: (r.indicator, r.region, r.period, r.revision))
            return select(rows, as_of)
        return list(self.iter_observations(indicators, regions, all_revisions, live, pairs, per_cell))

    def numeric_rows(self, indicators: Iterable[str] | None = None) -> list[tuple]:
        """(indicator, region, period, value_std) of the current figures: the lean path for panels."""
        from sqlalchemy import select

        o = t.observations
        q = select(o.c.indicator, o.c.region, o.c.period, o.c.value_std).where(
            o.c.is_current, o.c.status.in_(sorted(FIGURE_STATUSES)), o.c.value_std.is_not(None))
        if indicators is not None:
            q = q.where(o.c.indicator.in_(list(indicators)))
        with translate_errors(self.url), self.engine.connect() as conn:
            return list(conn.execute(q.order_by(o.c.revision)).tuples())

    def history(self, indicator: str, region: str, period: int) -> list[StoredObservation]:
        return [r for r in self.observations([indicator], [region], all_revisions=True) if r.period == period]

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func, select

        with translate_errors(self.url), self.engine.connect() as conn:
            return {
                "observations": conn.execute(select(func.count()).select_from(t.observations)).scalar() or 0,
                "sources": conn.execute(select(func.count()).select_from(t.sources)).scalar() or 0,
                "imports": conn.execute(select(func.count()).select_from(t.imports)).scalar() or 0,
            }


def _change_kind(head, r: NewObservation) -> str:
    """How a new row relates to the newest revision of its line: new, revised, metadata_only, unchanged."""
    if head is None:
        return "new"
    if any(_norm(getattr(head, f)) != _norm(getattr(r, f)) for f in _FIGURE_FIELDS):
        return "revised"
    if any(_norm(getattr(head, f)) != _norm(getattr(r, f)) for f in _META_FIELDS):
        return "metadata_only"
    return "unchanged"


def _norm(v):
    """Empty text and NULL are the same absence."""
    return None if v is None or (isinstance(v, str) and v == "") else v


def current_only(rows: Sequence[StoredObservation]) -> list[StoredObservation]:
    """The current figures and live statements among ``rows`` (the present's view; see :mod:`.vintage`)."""
    return select(rows)
