"""Every change the pages and the API can make, each in one transaction with its audit rows.

Figures go through :meth:`Store.write` (append-only revisions; a withdrawal is a revision with status
``withdrawn`` for the same source address), validated by the same :class:`~planwatch.sources.rows.Validator`
as ``planwatch import``, so the verdicts, charts and histories follow from the store as they do for the CLI.
Evidence and task status go through :mod:`planwatch.store.evidence`; plans are validated like
``planwatch plan validate``. The import row records who added it; the audit rows record old → new per line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import ImportRejected, PlanwatchError, RowError
from ..sources.rows import COLUMNS, Validator, check_header
from ..store import tables as t
from ..store.repository import NewObservation, Store, WriteResult
from ..store.vintage import line_key
from .audit import record


# -- figures ----------------------------------------------------------------------------------------------
def record_from(fields: Mapping[str, Any]) -> dict[str, str]:
    """A form's or JSON body's fields as an import record: the file columns only, as text."""
    out = {}
    for c in COLUMNS:
        v = fields.get(c)
        if v is None:
            continue
        out[c] = ("yes" if v else "no") if isinstance(v, bool) else str(v)
    return out


def validate_one(fields: Mapping[str, Any], catalogue, decimal: str = "point") -> NewObservation:
    """One figure from a form or JSON body, checked exactly as a file row is (errors as row 1)."""
    v = Validator(catalogue=catalogue, decimal=decimal)
    row = v.validate(1, record_from(fields))
    if row is None:
        raise ImportRejected("figure", v.errors)
    return row


def validate_upload(filename: str, content: bytes, catalogue, decimal: str = "point") -> list[NewObservation]:
    """A whole uploaded CSV or Excel file, checked like ``planwatch import``; any bad row rejects it all."""
    from ..sources.files import open_records

    name = file_name(filename)
    header, records, _ = open_records(Path(name), content)
    errors = check_header(header)
    if errors:
        raise ImportRejected(name, errors)
    v = Validator(catalogue=catalogue, decimal=decimal)
    rows = list(v.stream(records))
    if v.error_count:
        errs = sorted(v.errors, key=lambda e: e.row)
        if v.error_count > len(errs):
            errs.append(RowError(errs[-1].row, "(file)", f"… {v.error_count - len(errs)} more error(s) not listed"))
        raise ImportRejected(name, errs)
    if not rows:
        raise ImportRejected(name, [RowError(2, "(file)", "no rows below the header")])
    return rows


def describe(r: Any | None) -> str | None:
    """A figure in one line for the audit trail (None: there was none)."""
    if r is None:
        return None
    if r.status == "withdrawn":
        return "withdrawn"
    value = "" if r.value is None else f"{r.value:g} {r.unit}".strip()
    quote = f" “{r.quote[:80]}”" if getattr(r, "quote", None) and r.status in ("statement", "qualitative") else ""
    return f"{value} ({r.status}){quote}".strip()


def source_text(r: Any) -> str:
    return f"{r.publisher}, {r.title}, {r.published}, {r.url}"


def _line_heads(conn, cells: set[tuple]) -> dict[tuple, Any]:
    """The newest revision of every source line in these cells, read inside the writing transaction."""
    from sqlalchemy import select, tuple_

    o, s = t.observations, t.sources
    heads: dict[tuple, Any] = {}
    cell_list = sorted(cells)
    for i in range(0, len(cell_list), 300):
        q = (select(o.c.indicator, o.c.region, o.c.period, o.c.revision, o.c.value, o.c.unit, o.c.status, o.c.basis,
                    o.c.quote, s.c.url).join(s, s.c.id == o.c.source_id)
             .where(tuple_(o.c.indicator, o.c.region, o.c.period).in_(cell_list[i:i + 300])))
        for row in conn.execute(q):
            k = line_key(row)
            if k not in heads or row.revision > heads[k].revision:
                heads[k] = row
    return heads


def write_figures(store: Store, rows: list[NewObservation], user: str, origin: str, plan_id: str | None = None,
                  content: bytes | None = None) -> WriteResult:
    """Write validated rows as one import by ``user``, with an audit row (old → new, source) per changed line."""
    from sqlalchemy import select

    with store.begin_write() as conn:
        heads = _line_heads(conn, {(r.indicator, r.region, r.period) for r in rows})
        res = store.write(rows, origin=origin, content=content, conn=conn)
        conn.execute(t.imports.update().where(t.imports.c.id == res.import_id).values(added_by=user))
        o, s = t.observations, t.sources
        written = conn.execute(
            select(o.c.indicator, o.c.region, o.c.period, o.c.revision, o.c.value, o.c.unit, o.c.status, o.c.basis,
                   o.c.quote, s.c.url, s.c.publisher, s.c.title, s.c.published)
            .join(s, s.c.id == o.c.source_id).where(o.c.import_id == res.import_id).order_by(o.c.id)).all()
        now = dt.datetime.now(dt.UTC)
        for w in written:
            old = heads.get(line_key(w))
            action = "figure.withdraw" if w.status == "withdrawn" else ("figure.revise" if old is not None else "figure.add")
            subject = f"{w.indicator} {w.region} {w.period}" + (f" ({w.basis})" if w.basis else "")
            record(conn, user, action, plan_id=plan_id, subject=subject, old=describe(old), new=describe(w),
                   source=source_text(w), import_id=res.import_id, at=now,
                   detail={"indicator": w.indicator, "region": w.region, "period": w.period, "revision": w.revision})
        return res


def withdrawal(line: Mapping[str, Any], reason: str) -> dict[str, str]:
    """The fields of a withdrawal of one source line: same cell, basis and address, no value, dated today."""
    if not reason.strip():
        raise PlanwatchError("say why the figure is withdrawn")
    return {"indicator": line["indicator"], "region": line["region"], "period": str(line["period"]), "value": "",
            "unit": line["unit"], "status": "withdrawn", "publisher": line["publisher"], "title": line["title"],
            "url": line["url"], "published": dt.date.today().isoformat(), "basis": line.get("basis") or "",
            "note": reason.strip()[:4000]}


# -- evidence and status ------------------------------------------------------------------------------------
def add_task_evidence(store: Store, plan, subject: str, entry: dict, user: str) -> bool:
    """Record one evidence entry (validated as in an evidence file) for a task or goal; False if already there."""
    from ..sources.evidence import Entry
    from ..store.evidence import add_evidence

    _subject(plan, subject)
    e = Entry.model_validate(entry)
    row = dict(plan_id=plan.id, subject=subject, date=e.date, kind=e.kind, text_en=e.text.en, text_zh=e.text.zh,
               quote=e.quote, publisher=e.source.publisher, title=e.source.title, url=e.source.url,
               published=e.source.published, confidence=e.confidence, note=e.note,
               ranking=e.ranking.model_dump() if e.ranking else None)
    with store.begin_write() as conn:
        added, _ = add_evidence(store, [row], recorded_by=user, conn=conn)
        if added:
            record(conn, user, "evidence.add", plan_id=plan.id, subject=subject, new=f"{e.date} {e.kind}: {e.text.en or e.text.zh}",
                   source=f"{e.source.publisher}, {e.source.title}, {e.source.published}, {e.source.url}",
                   detail={"quote": e.quote})
    return bool(added)


def withdraw_task_evidence(store: Store, plan, evidence_id: int, reason: str, user: str) -> None:
    """Withdraw an evidence entry: a new entry naming it (the original stays on record)."""
    from sqlalchemy import select

    from ..store.evidence import add_evidence

    if not reason.strip():
        raise PlanwatchError("say why the evidence is withdrawn")
    e = t.evidence
    with store.begin_write() as conn:
        row = conn.execute(select(e).where(e.c.id == evidence_id, e.c.plan_id == plan.id)).mappings().first()
        if row is None or row["withdraws"]:
            raise PlanwatchError(f"no evidence entry {evidence_id} in plan {plan.id}")
        today = dt.date.today().isoformat()
        entry = {k: row[k] for k in ("plan_id", "subject", "kind", "publisher", "title", "url", "published")}
        entry.update(date=today, text_en=f"Withdrawn: {reason.strip()}", text_zh=None, withdraws=evidence_id,
                     quote=f"withdrawn by {user} on {today}: {reason.strip()}"[:4000])
        add_evidence(store, [entry], recorded_by=user, conn=conn)
        record(conn, user, "evidence.withdraw", plan_id=plan.id, subject=row["subject"],
               old=f"{row['date']} {row['kind']}: {row['text_en'] or row['text_zh']}", new="withdrawn",
               source=reason.strip(), detail={"evidence_id": evidence_id})


def set_task_status(store: Store, plan, subject: str, status: str, reason: str, user: str) -> None:
    from ..store.evidence import set_status, statuses

    _subject(plan, subject)
    with store.begin_write() as conn:
        history = statuses(store, plan.id, conn=conn).get(subject, [])
        old = history[-1]["status"] if history else None
        set_status(store, plan.id, subject, status, reason, set_by=user, conn=conn)
        record(conn, user, "status.set", plan_id=plan.id, subject=subject, old=old, new=status, source=reason.strip())


def _subject(plan, subject: str) -> None:
    if subject not in {x.id for x in plan.tasks} | {g.id for g in plan.goals}:
        raise PlanwatchError(f"no task or goal {subject[:100]!r} in plan {plan.id}")


# -- plans ------------------------------------------------------------------------------------------------
def add_plan(store: Store, text: str, origin: str, user: str, replace: bool = False):
    """Validate plan YAML as ``planwatch plan validate`` does and keep it in the store (one transaction with its
    audit row). An id taken by a built-in plan is refused; a stored id only with ``replace`` (history kept)."""
    from ..plans.loader import builtin_ids, parse_plan_text

    plan = parse_plan_text(text, origin, store)
    if plan.id in builtin_ids():
        raise PlanwatchError(f"plan id {plan.id!r} is taken by a built-in plan; choose another id")
    with store.begin_write() as conn:
        existing = store.document("plan", plan.id, conn=conn)
        if existing is not None and not replace and existing["text"] != text:
            raise PlanwatchError(f"a plan with id {plan.id!r} is already in the store; tick “replace” to replace it "
                                 "(the old version is kept in the store's history)")
        if store.add_document("plan", plan.id, text, origin, user, conn=conn):
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
            record(conn, user, "plan.replace" if existing else "plan.add", plan_id=plan.id, subject=plan.id,
                   old=existing["sha256"][:12] if existing else None,
                   new=f"{digest}: {len(plan.targets)} targets, {len(plan.tasks)} tasks", source=origin)
    return plan


def errors_of(exc: PlanwatchError) -> list[dict[str, Any]]:
    """Located problems of a rejected file, figure or plan, for a form or a JSON error body."""
    if isinstance(exc, ImportRejected):
        return [{"row": e.row, "column": e.column, "reason": e.reason} for e in exc.errors]
    problems = getattr(exc, "problems", None)
    if problems:
        return [{"row": line, "column": field, "reason": msg} for line, field, msg in problems]
    return [{"row": None, "column": None, "reason": str(exc)}]


def file_name(name: str | None, default: str = "upload.csv") -> str:
    """An uploaded file's name as planwatch records it: its last path part, printable, at most 200 characters."""
    import re

    clean = re.sub(r"[\x00-\x1f\x7f]", "", Path(name or default).name)[:200]
    return clean or default


def pydantic_errors(exc) -> list[dict[str, Any]]:
    return [{"row": None, "column": ".".join(str(p) for p in e["loc"]), "reason": e["msg"]} for e in exc.errors()]
