"""Extract quantified targets, main tasks and goals from policy text (English and Chinese) into a draft plan.

The public API, used by the CLI:

- :func:`read_document` — plain text / HTML / PDF / odd encodings → text (errors are ``PlanwatchError``);
- :func:`extract_text` — text → :class:`Draft` (targets with exact quotes and offsets, tasks, goals, facts);
- :func:`draft_plan` — :class:`Draft` → a plan-file dict that ``parse_plan_text`` accepts;
- :func:`evaluate` / :func:`format_evaluation` — precision/recall/F1 against a hand-checked folder;
- :func:`extract_corpus` — a folder of documents → one Parquet row per target, in parallel with Dask.

Importing this package is cheap: dask, pandas, pyarrow and pypdf are imported inside the functions that need
them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import Draft, DraftFact, DraftGoal, DraftTarget, DraftTask

__all__ = [
    "Draft",
    "DraftFact",
    "DraftGoal",
    "DraftTarget",
    "DraftTask",
    "MAX_DOCUMENT_BYTES",
    "draft_plan",
    "evaluate",
    "extract_corpus",
    "extract_text",
    "format_evaluation",
    "read_document",
]

from .reader import MAX_DOCUMENT_BYTES  # noqa: E402  (stdlib only)


def read_document(path: str | Path | None, data: bytes | None = None, *, max_bytes: int | None = None) -> str:
    """Text of a document (plain text in any encoding, HTML or PDF); ``PlanwatchError`` if unreadable."""
    from .reader import read_document as _read

    return _read(path, data, max_bytes=max_bytes)


def extract_text(
    text: str, lang: str | None = None, *, year: int | None = None, max_seconds: float | None = None
) -> Draft:
    """Targets, tasks, goals and facts of a policy text. ``year``: the document's year, if known;
    ``max_seconds``: the time limit (default PLANWATCH_EXTRACT_MAX_SECONDS, else 120 s; 0 for none)."""
    from .engine import extract_text as _extract

    return _extract(text, lang, year=year, max_seconds=max_seconds)


def draft_plan(
    draft: Draft, plan_id: str, title: str | None = None, region: str | None = None
) -> dict[str, Any]:
    """A plan-file dict (validates with ``planwatch.plans.loader.parse_plan_text``)."""
    from .draft import draft_plan as _draft

    return _draft(draft, plan_id, title=title, region=region)


def evaluate(folder: Path | str, *, use_dates: bool = False) -> dict[str, Any]:
    """Score extraction against the ground truth (``NAME.json``) of every document in ``folder``."""
    from .evaluate import evaluate as _evaluate

    return _evaluate(Path(folder), use_dates=use_dates)


def format_evaluation(result: dict[str, Any]) -> str:
    from .evaluate import format_evaluation as _format

    return _format(result)


def extract_corpus(
    folder: Path | str,
    out: Path | str,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: bool = True,
    *,
    processes: bool = True,
) -> dict[str, Any]:
    """Extract every document in ``folder`` with Dask and write one Parquet row per target to ``out``."""
    from .corpus import extract_corpus as _corpus

    return _corpus(
        Path(folder), Path(out), workers=workers, scheduler=scheduler, progress=progress, processes=processes
    )
