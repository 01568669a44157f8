"""Evidence files: dated, sourced entries for a plan's tasks and goals, and the status set from them.

The same file format serves the built-in Beijing evidence and an editor's own (``planwatch evidence add``).
Like observations, every entry carries its source (publisher, title, address, publication date with its
precision) and the exact words it rests on; an entry without them is refused.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..plans.entries import Text
from .rows import parse_published

_Date = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceRef(_Strict):
    publisher: str = Field(min_length=1, max_length=300)
    title: str = Field(min_length=1, max_length=1000)
    url: str = Field(max_length=2000)
    published: str = _Date

    @field_validator("url")
    @classmethod
    def _address(cls, v: str) -> str:
        from .rows import _URI

        if not _URI.match(v):
            raise ValueError(f"{v[:80]!r} is not an address (e.g. https://…)")
        return v

    @field_validator("published", mode="before")
    @classmethod
    def _date_text(cls, v):
        return v.isoformat() if hasattr(v, "isoformat") else v

    @field_validator("published")
    @classmethod
    def _real_date(cls, v: str) -> str:
        return parse_published(v)


class Ranking(_Strict):
    name: str
    edition: int
    rank: int = Field(ge=1)
    of: int | None = Field(None, ge=1)
    unit: str | None = None


class Entry(_Strict):
    date: str = _Date
    kind: Literal["achieved", "announced", "assessment", "ranking"]
    text: Text
    quote: str = Field(min_length=1, max_length=4000)
    source: SourceRef
    ranking: Ranking | None = None
    note: str | None = None
    confidence: Literal["H", "M", "L"] | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date_text(cls, v):
        return v.isoformat() if hasattr(v, "isoformat") else str(v)


class Subject(_Strict):
    id: str
    title_zh: str | None = None
    status: Literal["not_started", "in_progress", "achieved", "unclear"] | None = None
    status_reason: str | None = None
    evidence: list[Entry] = []


class EvidenceFile(_Strict):
    plan: str
    set_by: str = Field(description="who set the statuses in this file (an editor, or planwatch's research notes)")
    tasks: list[Subject] = []
    goals: list[Subject] = []


def parse_evidence_text(text: str, name: str) -> EvidenceFile:
    from pydantic import ValidationError

    from ..errors import EvidenceFileError
    from ..plans.yamlfile import load, problems_from

    data, index = load(text, name, EvidenceFileError)
    try:
        return EvidenceFile.model_validate(data)
    except ValidationError as exc:
        raise EvidenceFileError(name, problems_from(exc, index, "(evidence)")) from None


def entries_of(doc: EvidenceFile) -> list[dict]:
    """The file's entries as store rows."""
    out = []
    for subj in [*doc.tasks, *doc.goals]:
        for e in subj.evidence:
            out.append(dict(plan_id=doc.plan, subject=subj.id, date=e.date, kind=e.kind, text_en=e.text.en,
                            text_zh=e.text.zh, quote=e.quote, publisher=e.source.publisher, title=e.source.title,
                            url=e.source.url, published=e.source.published, confidence=e.confidence, note=e.note,
                            ranking=e.ranking.model_dump() if e.ranking else None))
    return out


def load_evidence(store, doc: EvidenceFile, plan, recorded_by: str | None = None, conn=None) -> tuple[int, int, int]:
    """Store a file's entries and statuses after checking every subject is a task or goal of the plan.

    A status is recorded only when it differs from the subject's current one. Returns (added, skipped, statuses)."""
    from ..errors import PlanwatchError
    from ..store.evidence import add_evidence, set_status, statuses

    known = {t.id for t in plan.tasks} | {g.id for g in plan.goals}
    unknown = [s.id for s in [*doc.tasks, *doc.goals] if s.id not in known]
    if doc.plan != plan.id or unknown:
        raise PlanwatchError(f"evidence for plan {doc.plan!r}: " + (f"no task or goal {', '.join(map(repr, unknown))} in "
                                                                     f"plan {plan.id}" if unknown else f"not plan {plan.id}"))
    added, skipped = add_evidence(store, entries_of(doc), recorded_by or doc.set_by, conn=conn)
    current = statuses(store, doc.plan, conn=conn)
    n = 0
    for subj in [*doc.tasks, *doc.goals]:
        if subj.status is None:
            continue
        last = current.get(subj.id, [{}])[-1]
        if last.get("status") == subj.status and last.get("reason") == subj.status_reason:
            continue
        set_status(store, doc.plan, subj.id, subj.status, subj.status_reason or "", doc.set_by, conn=conn)
        n += 1
    return added, skipped, n
