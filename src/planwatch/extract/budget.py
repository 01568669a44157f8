"""The time one extraction may take, and the one-line error past it.

Extraction is linear in the size of its text, but its rate depends on what the text is made of and on the
machine: policy prose runs at about 0.2–0.5 MB/s, text that is nothing but candidate numbers (a statistical table
pasted as text, "%%%" runs) at 0.1–0.2 MB/s (``benchmarks/extract_worst.py``). The size limit (20 MB) alone
therefore bounds one call only to minutes. A deadline makes the bound one number a user or a server can set:
past ``PLANWATCH_EXTRACT_MAX_SECONDS`` (120 s by default, which ordinary text under the size limit does not
reach) the extraction stops with a :class:`PlanwatchError` that says how long it ran, at which stage, and what
to do, instead of holding a terminal or a server worker.

The deadline and the stage being worked on live in a context variable, so the stages report without passing
anything through every signature, and each thread (a web worker, a Dask task) has its own. A stage announces
itself with :func:`stage` (which first checks the clock, so an overrun of the stage before is caught at its
end) and its long loops run over :func:`checked`, which reads the clock every few hundred items.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from ..errors import PlanwatchError

DEFAULT_SECONDS = 120.0
ENV = "PLANWATCH_EXTRACT_MAX_SECONDS"


@dataclass
class _Deadline:
    start: float  # time.monotonic() when the extraction began
    seconds: float
    chars: int
    stage: str = "starting"


T = TypeVar("T")

_current: ContextVar[_Deadline | None] = ContextVar("planwatch_extract_deadline", default=None)


def limit_seconds(explicit: object = None) -> float | None:
    """The time limit in seconds: ``explicit`` if given, else PLANWATCH_EXTRACT_MAX_SECONDS, else 120 s; None
    (no limit) for 0 or infinity. Anything else that is not a positive number is a mistake, said in one line."""
    where = "max_seconds" if explicit is not None else ENV
    raw = explicit if explicit is not None else os.environ.get(ENV, "").strip()
    if raw == "":
        return DEFAULT_SECONDS
    try:
        value = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise PlanwatchError(f"{where}={raw!r} is not a number of seconds (0 means no limit)") from None
    if math.isnan(value) or value < 0:
        raise PlanwatchError(f"{where}={raw!r}: the time limit is a number of seconds, 0 or more (0 means no limit)")
    return None if value == 0 or math.isinf(value) else value


@contextmanager
def deadline(seconds: float | None, chars: int) -> Iterator[None]:
    """Run the block under a deadline of ``seconds`` (None: none) for a text of ``chars`` characters."""
    token = _current.set(None if seconds is None else _Deadline(time.monotonic(), seconds, chars))
    try:
        yield
    finally:
        _current.reset(token)


def stage(name: str) -> None:
    """The work moves on to stage ``name``: check the clock for the stage before, then record this one."""
    check()
    d = _current.get()
    if d is not None:
        d.stage = name


def check() -> None:
    """Raise the one-line error if the current extraction has run past its limit."""
    d = _current.get()
    if d is None:
        return
    elapsed = time.monotonic() - d.start
    if elapsed > d.seconds:
        raise PlanwatchError(
            f"extraction stopped after {elapsed:.1f} s, past its limit of {d.seconds:g} s, while {d.stage} "
            f"(a text of {d.chars:,} characters): split the text, or raise {ENV} (0 means no limit; "
            f"docs/extract.md, 'Hostile input and time')"
        )


def checked(items: Iterable[T], every: int = 256) -> Iterator[T]:
    """``items``, with the clock read every ``every`` items (a power of two): how a long loop keeps the limit."""
    mask = every - 1
    for n, item in enumerate(items):
        if not n & mask:
            check()
        yield item
