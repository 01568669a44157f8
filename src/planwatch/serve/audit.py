"""The audit trail: one row per change made through ``planwatch serve`` or ``planwatch user`` — who, when, what,
old → new and the source. Rows are written inside the transaction of the change they describe, so a change
and its record land together or not at all; they are never updated or deleted.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..store import tables as t
from ..store.db import translate_errors
from ..store.repository import Store

#: Audit rows per page of the audit listing.
PAGE = 200


def record(conn, user: str, action: str, *, plan_id: str | None = None, subject: str | None = None,
           old: str | None = None, new: str | None = None, source: str | None = None,
           detail: dict[str, Any] | None = None, import_id: int | None = None, at: dt.datetime | None = None) -> None:
    from sqlalchemy import insert

    conn.execute(insert(t.audit).values(
        at=at or dt.datetime.now(dt.UTC), user_name=user, action=action, plan_id=plan_id, subject=subject,
        old_value=old, new_value=new, source=source,
        detail=json.dumps(detail, ensure_ascii=False, default=str) if detail else None, import_id=import_id))


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    plan: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    action: str | None = None


def entries(store: Store, f: AuditFilter, limit: int = PAGE, offset: int = 0) -> list[dict]:
    """Audit rows matching the filter, newest first (``until`` includes that whole day)."""
    from sqlalchemy import select

    a = t.audit
    q = select(a).order_by(a.c.id.desc())
    if f.user:
        q = q.where(a.c.user_name == f.user)
    if f.plan:
        q = q.where(a.c.plan_id == f.plan)
    if f.action:
        q = q.where(a.c.action == f.action)
    if f.since:
        q = q.where(a.c.at >= dt.datetime.combine(f.since, dt.time(), dt.UTC))
    if f.until:
        q = q.where(a.c.at < dt.datetime.combine(f.until + dt.timedelta(days=1), dt.time(), dt.UTC))
    with translate_errors(store.url), store.engine.connect() as c:
        rows = [dict(r) for r in c.execute(q.limit(limit).offset(offset)).mappings()]
    for r in rows:
        r["detail"] = json.loads(r["detail"]) if r["detail"] else None
    return rows
