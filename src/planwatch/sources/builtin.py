"""The built-in sourced observations, one folder per built-in plan, loaded into a store when that plan is
used (or with ``planwatch data load builtin``) — never into a store kept for another plan.

The data files are hashed per plan; when a new planwatch version ships changed figures, the next use of
the plan loads them as revisions (the store keeps what was there before).
"""

from __future__ import annotations

import hashlib
from importlib import resources

from ..errors import ImportRejected, PlanwatchError
from ..store.repository import Store, WriteResult

META_KEY = "builtin_data_sha256"


def _root():
    return resources.files("planwatch.sources") / "builtin"


def builtin_plans_with_data() -> list[str]:
    return sorted(f.name for f in _root().iterdir() if f.is_dir() and any(x.name.endswith(".csv") for x in f.iterdir()))


def builtin_files(plan_id: str | None = None) -> list:
    """The data files of one built-in plan (default: every plan's), in a stable order."""
    ids = [plan_id] if plan_id else builtin_plans_with_data()
    out = []
    for pid in ids:
        folder = _root() / pid
        if folder.is_dir():
            out += sorted((f for f in folder.iterdir() if f.name.endswith(".csv")), key=lambda f: f.name)
    return out


def builtin_evidence_files(plan_id: str) -> list:
    if plan_id not in builtin_plans_with_data():
        return []
    folder = _root() / plan_id
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


def builtin_digest(plan_id: str) -> str:
    h = hashlib.sha256()
    for f in builtin_files(plan_id) + builtin_evidence_files(plan_id):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def ensure_builtin(store: Store, plan_id: str | None = None) -> bool:
    """Load a built-in plan's data (default: the Beijing plan's) if this store has not seen this version of it.

    Returns True if anything was loaded."""
    from ..plans.loader import DEFAULT_PLAN

    plan_id = plan_id or DEFAULT_PLAN
    if plan_id not in builtin_plans_with_data():
        return False
    digest = builtin_digest(plan_id)
    key = f"{META_KEY}:{plan_id}"
    if store.get_meta(key) == digest:
        return False
    rows = _validated_rows(plan_id)
    with store.begin_write() as conn:
        if store.get_meta(key, conn=conn) == digest:  # another process loaded it while this one waited
            return False
        store.write(rows, origin=f"builtin:{plan_id}:" + ",".join(f.name for f in builtin_files(plan_id)), digest=digest,
                    conn=conn)
        _load_evidence(store, plan_id, conn)
        store.set_meta(key, digest, conn=conn)
    return True


def _load_evidence(store: Store, plan_id: str, conn) -> None:
    from ..plans.loader import get_plan
    from .evidence import load_evidence, parse_evidence_text

    for f in builtin_evidence_files(plan_id):
        doc = parse_evidence_text(f.read_text(encoding="utf-8"), f"built-in {plan_id}/{f.name}")
        load_evidence(store, doc, get_plan(plan_id), conn=conn)


def _validated_rows(plan_id: str) -> list:
    from pathlib import Path

    from ..plans.catalogue import load_catalogue
    from .files import open_records
    from .rows import Validator, check_header

    rows = []
    for f in builtin_files(plan_id):
        header, records, _ = open_records(Path(f.name), f.read_bytes())
        v = Validator(catalogue=load_catalogue())
        file_rows = list(v.stream(records))
        errors = check_header(header) + v.errors
        if errors:  # a packaging bug, caught by the test suite
            raise ImportRejected(f"built-in {plan_id}/{f.name}", errors)
        rows += file_rows
    # Revision numbers follow publication dates, whichever file a figure is in (the current figure is chosen
    # by the publication rules of store/vintage.py either way).
    rows.sort(key=lambda r: r.published)
    return rows


def load_all(store: Store) -> dict[str, bool]:
    """``planwatch data load builtin``: every built-in plan's data."""
    return {pid: ensure_builtin(store, pid) for pid in builtin_plans_with_data()}


def check_plan_has_data(store: Store, plan_id: str, observations: int) -> None:
    if observations == 0:
        raise PlanwatchError(f"no figures in the store for plan {plan_id!r} yet; import them with "
                             f"`planwatch import FILE --plan {plan_id}` (docs/observations-format.md)")


__all__ = ["WriteResult", "builtin_files", "ensure_builtin", "load_all"]
