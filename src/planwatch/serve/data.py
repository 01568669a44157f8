"""Reads for pages and the API, cached per worker and keyed by the store's *data version*.

The data version is the highest id of every append-only table a page depends on (imports, plan and
catalogue documents, evidence, task status). Any write anywhere — by this worker, another worker, or
``planwatch import`` on the command line — raises it, so a cached assessment is never served after the data
behind it changed, and no worker needs to tell another. Reading the version is one indexed query per request;
assessing a plan (tens of ms) or replaying its verdict timeline (hundreds) happens once per version.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ..errors import PlanwatchError
from ..store.db import translate_errors
from ..store.repository import Store

_VERSION_SQL = ("SELECT (SELECT max(id) FROM imports), (SELECT max(id) FROM documents), "
                "(SELECT max(id) FROM evidence), (SELECT max(id) FROM task_status)")


class NotFound(PlanwatchError):
    """A plan, target, indicator, region or source that does not exist (404)."""


class LRU:
    """A small thread-safe LRU with single-flight computation: concurrent misses of one key compute it once."""

    def __init__(self, size: int = 256):
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._flights: dict[Any, threading.Lock] = {}

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            flight = self._flights.setdefault(key, threading.Lock())
        with flight:
            with self._lock:
                if key in self._items:
                    return self._items[key]
            value = compute()
            with self._lock:
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
                self._flights.pop(key, None)
            return value

    def peek(self, key: Any) -> Any:
        """The cached value, or None (never computes)."""
        with self._lock:
            return self._items.get(key)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class ServeData:
    """The store as pages and the API see it. :meth:`snapshot` reads the data version once per request.

    Anonymous reads may use a version read up to ``ttl`` seconds ago (``fresh=False``): that keeps the busiest
    path free of database work, at the price of an anonymous visitor seeing another worker's (or the command
    line's) change up to ``ttl`` late. Signed-in users always read the version afresh, and any write through
    this worker forgets the remembered version at once (:meth:`invalidate`)."""

    def __init__(self, store: Store, ttl: float = 1.0):
        self.store = store
        self.cache = LRU()
        self.ttl = ttl
        self._recent: tuple[str | None, float] = (None, 0.0)

    def version(self) -> str:
        from sqlalchemy import text

        with translate_errors(self.store.url), self.store.engine.connect() as c:
            row = c.execute(text(_VERSION_SQL)).first()
        return ".".join(str(v or 0) for v in row)

    def snapshot(self, fresh: bool = True) -> Snapshot:
        version, at = self._recent
        if fresh or version is None or time.monotonic() - at > self.ttl:
            version = self.version()
            self._recent = (version, time.monotonic())
        return Snapshot(self, version, dt.date.today())

    def invalidate(self) -> None:
        self._recent = (None, 0.0)


class Snapshot:
    """Plans, catalogue, assessments and timelines at one data version (cached across requests of that version)."""

    def __init__(self, data: ServeData, version: str, today: dt.date):
        self.data, self.store, self.version, self.today = data, data.store, version, today

    def memo(self, *parts: Any, compute: Callable[[], Any]) -> Any:
        return self.data.cache.get((self.version, self.today, *parts), compute)

    # -- plans and catalogue --------------------------------------------------------------------------
    def plan_ids(self) -> list[tuple[str, str]]:
        from ..plans.loader import plan_ids

        return self.memo("plan_ids", compute=lambda: plan_ids(self.store))

    def plan(self, plan_id: str):
        from ..plans.loader import get_plan

        if len(plan_id) > 100 or plan_id not in {pid for pid, _ in self.plan_ids()}:
            raise NotFound(f"no plan {plan_id[:100]!r}")
        return self.memo("plan", plan_id, compute=lambda: get_plan(plan_id, self.store))

    def plans(self) -> list[tuple[Any, str]]:
        """(plan, origin) of every plan; a stored plan that no longer validates is left out of listings."""
        out = []
        for pid, origin in self.plan_ids():
            try:
                out.append((self.plan(pid), origin))
            except PlanwatchError:
                continue
        return out

    def catalogue(self, plan=None):
        from ..plans.catalogue import catalogue_for, store_catalogue

        if plan is None:
            return self.memo("catalogue", compute=lambda: store_catalogue(self.store))
        return self.memo("catalogue", plan.id, compute=lambda: catalogue_for(plan, self.store))

    @staticmethod
    def target(plan, target_id: str):
        try:
            return plan.target(target_id)
        except KeyError:
            raise NotFound(f"no target {target_id[:100]!r} in plan {plan.id}") from None

    # -- assessments ----------------------------------------------------------------------------------
    def assessment(self, plan, as_of: dt.date | None = None):
        from ..assess.run import assess_plan

        return self.memo("assessment", plan.id, as_of, compute=lambda: assess_plan(self.store, plan, as_of))

    def timelines(self, plan) -> dict[str, Any]:
        from ..assess.timeline import verdict_timelines

        return self.memo("timelines", plan.id,
                         compute=lambda: {tl.target_id: tl for tl in verdict_timelines(self.store, plan)})

    def comparisons(self, plan) -> dict[str, dict]:
        from ..compare.peers import plan_comparisons

        return self.memo("comparisons", plan.id, compute=lambda: plan_comparisons(self.store, plan))

    def coverage(self, plan, as_of: dt.date | None = None):
        from .coverage import plan_coverage

        return self.memo("coverage", plan.id, as_of,
                         compute=lambda: plan_coverage(self.store, plan, self.catalogue(plan), as_of))

    def tasks(self, plan, as_of: dt.date | None = None) -> list[dict]:
        """The plan's tasks and goals with their evidence and status history (newest status last)."""
        return self.memo("tasks", plan.id, as_of, compute=lambda: task_rows(self.store, plan, as_of))


def task_rows(store: Store, plan, as_of: dt.date | None = None) -> list[dict]:
    from ..store.evidence import evidence_for, statuses

    ev = evidence_for(store, plan.id, as_of)
    st = statuses(store, plan.id, as_of)
    out = []
    for kind, items in (("task", plan.tasks), ("goal", plan.goals)):
        for item in items:
            text = item.title if kind == "task" else item.text
            history = st.get(item.id, [])
            out.append({"id": item.id, "kind": kind, "title": {"en": text.en, "zh": text.zh},
                        "orientations": list(getattr(item, "orientations", [])),
                        "deadline": getattr(item, "deadline", None),
                        "status": history[-1] if history else None, "status_history": history,
                        "evidence": [e for e in ev if e["subject"] == item.id]})
    return out


def parse_as_of(value: str | None) -> dt.date | None:
    """An ``as_of`` query value: empty means today; a date after today is refused (nothing is known yet)."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise PlanwatchError(f"as_of wants a date like 2025-06-30, not {value[:40]!r}") from None
    if day > dt.date.today():
        raise PlanwatchError(f"as_of {day} is in the future: nothing is known about it yet")
    if day.year < 1949:
        raise PlanwatchError(f"as_of {day} is before 1949")
    return day


def parse_date(value: str | None) -> dt.date | None:
    """A date filter (any calendar date; empty means none)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PlanwatchError(f"a date like 2026-01-31, not {value[:40]!r}") from None
