"""What extraction returns: a :class:`Draft` of targets, tasks, goals and facts, tied to the text by offsets.

Plain dataclasses (cheap to import, cheap to pickle between Dask workers); ``to_dict`` gives JSON-ready data.
Every ``quote`` is exactly ``text[start:end]`` of the text that was extracted.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class DraftTarget:
    """A quantified commitment about the future, normalised as in tests/data/extraction/FORMAT.md."""

    indicator: str
    comparator: str  # around | at_least | more_than | at_most | less_than | between | rank_at_most
    value: float | None
    value_high: float | None
    unit: str  # "%", "pp", "CNY", "USD", "EUR", "GBP", "count", "per 10,000 employed", "GW", "t", "rank", …
    deadline: int | None
    measure: str  # level | share | average_annual_growth | change_from_base | rank
    base_year: int | None
    quote: str
    start: int
    end: int
    raw: str = ""  # the quantity as written ("1.2万亿元", "800 billion yuan")
    peer_group: str | None = None  # rank targets: the group ranked in, when the text says
    notes: list[str] = field(default_factory=list)


@dataclass
class DraftTask:
    text: str
    start: int
    end: int
    number: int


@dataclass
class DraftGoal:
    text: str
    start: int
    end: int
    deadline: int | None


@dataclass
class DraftFact:
    """A number that is a past achievement, baseline or current state: recognised and not a target."""

    value: float | None
    unit: str
    quote: str
    start: int
    end: int
    reason: str
    year: int | None = None


@dataclass
class Draft:
    language: str  # "en" | "zh"
    horizon_year: int | None
    document_year: int | None
    targets: list[DraftTarget] = field(default_factory=list)
    tasks: list[DraftTask] = field(default_factory=list)
    goals: list[DraftGoal] = field(default_factory=list)
    facts: list[DraftFact] = field(default_factory=list)
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
