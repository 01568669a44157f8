"""Task and goal evidence, and task status, in the store (append-only; see migration 0004)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import tables as t
from .db import translate_errors

if TYPE_CHECKING:
    from .repository import Store

STATUSES = ("not_started", "in_progress", "achieved", "unclear")
KINDS = ("achieved", "announced", "assessment", "ranking")


def identity(plan_id: str, subject: str, date: str, url: str, quote: str) -> str:
    h = hashlib.sha256()
    for part in (plan_id, subject, date, url, quote):
        data = part.encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def add_evidence(store: Store, entries: Iterable[dict], recorded_by: str | None = None, conn=None) -> tuple[int, int]:
    """Store entries (dicts of the evidence columns); an entry already stored is skipped. Returns (added, skipped)."""
    from sqlalchemy import insert, select

    if conn is None:
        with store.begin_write() as c:
            return add_evidence(store, entries, recorded_by, conn=c)
    now = dt.datetime.now(dt.UTC)
    added = skipped = 0
    for e in entries:
        ident = identity(e["plan_id"], e["subject"], e["date"], e["url"], e["quote"])
        if conn.execute(select(t.evidence.c.id).where(t.evidence.c.identity == ident)).scalar() is not None:
            skipped += 1
            continue
        row = {k: e.get(k) for k in ("plan_id", "subject", "date", "kind", "text_en", "text_zh", "quote", "publisher",
                                     "title", "url", "published", "confidence", "note", "withdraws")}
        row["ranking"] = json.dumps(e["ranking"], ensure_ascii=False) if e.get("ranking") else None
        conn.execute(insert(t.evidence).values(**row, identity=ident, recorded_at=now, recorded_by=recorded_by))
        added += 1
    return added, skipped


def evidence_for(store: Store, plan_id: str, as_of: dt.date | None = None) -> list[dict]:
    """Current evidence of a plan (withdrawn entries left out), oldest event first; ``as_of`` keeps what had been
    published by then."""
    from sqlalchemy import select

    from .vintage import date_bounds

    e = t.evidence
    with translate_errors(store.url), store.engine.connect() as c:
        rows = [dict(r) for r in c.execute(select(e).where(e.c.plan_id == plan_id).order_by(e.c.id)).mappings()]
    withdrawn = {r["withdraws"] for r in rows if r["withdraws"]}
    out = []
    for r in rows:
        if r["withdraws"] or r["id"] in withdrawn:
            continue
        if as_of is not None and date_bounds(r["published"])[1] > as_of:
            continue
        r["ranking"] = json.loads(r["ranking"]) if r["ranking"] else None
        out.append(r)
    out.sort(key=lambda r: (r["date"], r["id"]))
    return out


def set_status(store: Store, plan_id: str, subject: str, status: str, reason: str, set_by: str | None = None,
               conn=None, at: dt.datetime | None = None) -> None:
    from sqlalchemy import insert

    from ..errors import PlanwatchError

    if status not in STATUSES:
        raise PlanwatchError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    if not reason.strip():
        raise PlanwatchError("say why: a status is set from the evidence, with a reason")
    values = dict(plan_id=plan_id, subject=subject, status=status, reason=reason, set_at=at or dt.datetime.now(dt.UTC),
                  set_by=set_by)
    if conn is None:
        with store.begin_write() as c:
            c.execute(insert(t.task_status).values(**values))
    else:
        conn.execute(insert(t.task_status).values(**values))


def statuses(store: Store, plan_id: str, as_of: dt.date | None = None, conn=None) -> dict[str, list[dict]]:
    """Every subject's status history, newest last (the last is the status now, or on ``as_of``)."""
    from sqlalchemy import select

    s = t.task_status
    q = select(s).where(s.c.plan_id == plan_id).order_by(s.c.id)
    if conn is not None:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    else:
        with translate_errors(store.url), store.engine.connect() as c:
            rows = [dict(r) for r in c.execute(q).mappings()]
    out: dict[str, list[dict]] = {}
    for r in rows:
        if as_of is not None and r["set_at"].date() > as_of:
            continue
        out.setdefault(r["subject"], []).append(r)
    return out
