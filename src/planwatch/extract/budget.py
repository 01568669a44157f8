"""The time one extraction may take, and the one-line error past it.

Extraction is linear in the size of its text, but its rate depends on what the text is made of: policy prose
runs at about 0.5 MB/s, while text that is nothing but candidate numbers (a statistical table pasted as text,
"%%%" runs) runs at 0.1–0.2 MB/s (``benchmarks/extract_worst.py``). The size limit (20 MB) alone therefore
bounds one call only to a few minutes. A deadline makes the bound one number a user or a server can set: past
``PLANWATCH_EXTRACT_MAX_SECONDS`` (60 s by default) the extraction stops with a :class:`PlanwatchError` that says
where it was and what to do, instead of holding a terminal or a server worker.

The deadline lives in a context variable, so the stages check it without passing it through every signature,
and each thread (a web worker, a Dask task) has its own. The stages check it every few hundred items of their
longest loops, which costs nothing measurable; the check itself is a clock read.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from ..errors import PlanwatchError

DEFAULT_SECONDS = 60.0
ENV = "PLANWATCH_EXTRACT_MAX_SECONDS"


@dataclass(frozen=True)
class _Deadline:
    at: float  # time.monotonic() value past which work stops
    seconds: float
    chars: int


_current: ContextVar[_Deadline | None] = ContextVar("planwatch_extract_deadline", default=None)


def limit_seconds(explicit: float | None = None) -> float | None:
    """The time limit: ``explicit`` if given, else PLANWATCH_EXTRACT_MAX_SECONDS, else 60 s; None (no limit)
    when it is 0 or negative. A value that is not a number is a user's mistake, said in one line."""
    if explicit is not None:
        value = float(explicit)
    else:
        raw = os.environ.get(ENV, "").strip()
        if not raw:
            return DEFAULT_SECONDS
        try:
            value = float(raw)
        except ValueError:
            raise PlanwatchError(f"{ENV}={raw!r} is not a number of seconds") from None
    if value != value:  # NaN
        raise PlanwatchError(f"{ENV}: the time limit must be a number of seconds")
    return value if value > 0 else None


@contextmanager
def deadline(seconds: float | None, chars: int) -> Iterator[None]:
    """Run the block under a deadline of ``seconds`` (None: none) for a text of ``chars`` characters."""
    token = _current.set(None if seconds is None else _Deadline(time.monotonic() + seconds, seconds, chars))
    try:
        yield
    finally:
        _current.reset(token)


def check(stage: str) -> None:
    """Raise the one-line error if the current extraction is past its deadline; ``stage`` names where it was."""
    d = _current.get()
    if d is not None and time.monotonic() > d.at:
        raise PlanwatchError(
            f"extraction stopped after {d.seconds:g} s, while {stage}, on a text of {d.chars:,} characters: it is "
            f"unusually dense in numbers or markup for its size (docs/extract.md, 'Hostile input and time'); "
            f"split it, or raise {ENV}"
        )
