"""What the per-quantity rules look up: the segmented text, its quantities and time expressions (:class:`Doc`),
and a candidate target before clean-up (:class:`Item`).

A :class:`Doc` is built once per text and then only read, except for :attr:`Doc.resolved`, which the pipeline
fills in text order so that a quantity can continue the list of the one before it ("56% by 2020, 75% by 2030").
All lookups are binary searches over sorted start offsets, so each costs O(log n) however long the text is.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .budget import stage
from .quantities import Quantity, find_en, find_zh
from .rules_en import EN_FACT_DOC
from .rules_zh import ZH_FACT_DOC
from .segment import LineStarts, Sent, clause_at, segment
from .years import Year, scan_years

_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'）)]+|<https?:[^>\s]+>|\b[\w.-]+@[\w-]+\.[\w.]+", re.I)


@dataclass(frozen=True)
class Around:
    """A quantity with the text around it that the rules read: its sentence and clause, the clause text before
    it (``pre``, and lower-cased ``pre_l``), up to 40 characters after it within the sentence (``post``), the
    whole sentence and the sentence up to the number."""

    q: Quantity
    s: Sent
    clause: tuple[int, int]
    pre: str
    pre_l: str
    post: str
    sent_text: str
    sent_before: str


@dataclass
class Item:
    """A candidate target before clean-up."""

    q: Quantity
    sent: Sent
    clause: tuple[int, int]
    comparator: str
    value: float | None
    value_high: float | None
    unit: str
    measure: str
    deadline: int | None
    deadline_how: str
    base_year: int | None
    indicator: str
    ind_start: int
    quote_end: int
    status: str  # target | fact | projection | funding | other
    reason: str = ""
    notes: list[str] = field(default_factory=list)
    peer_group: str | None = None
    list_item: bool = False
    intro_governed: bool = False  # its "by N%" takes its direction from a list intro's verb ("include reducing:")


class Doc:
    """A text prepared for resolution: sentences, quantities, URLs and time expressions, with sorted offsets."""

    def __init__(self, text: str, lang: str, year: int | None, title_year: int | None):
        self.text = text
        self.lang = lang
        self.low = text.lower()
        self.year = year
        self.title_year = title_year
        self.fact_document = bool((ZH_FACT_DOC if lang == "zh" else EN_FACT_DOC).search(text[:300]))
        stage("splitting sentences")
        self.sents: list[Sent] = segment(text, lang)
        stage("reading numbers")
        self.sent_starts = [s.start for s in self.sents]
        self.quantities: list[Quantity] = find_zh(text) if lang == "zh" else find_en(text)
        self.q_starts = [q.start for q in self.quantities]
        self.urls = [(m.start(), m.end()) for m in _URL_RE.finditer(text)]
        self.url_starts = [a for a, _ in self.urls]
        self.resolved: dict[int, Item] = {}
        self.cache: dict[tuple, object] = {}  # facts about one position, asked again by later quantities
        self.line_start = LineStarts(text)
        stage("reading years")
        self.years: list[Year] = scan_years(text, lang, year, title_year, self.sent_at, self.line_start)
        self.year_pos = [y.pos for y in self.years]
        self.deadlines = [y for y in self.years if y.kind == "deadline"]
        self.deadline_pos = [y.pos for y in self.deadlines]
        # document-wide figures the per-quantity rules compare with (computed once, not per quantity)
        self.max_deadline_year = max((d.year for d in self.deadlines), default=None)
        self.latest_plan_year = max((y.year for y in self.years if y.how == "plan"), default=None)

    def sent_at(self, pos: int) -> Sent | None:
        """The sentence that starts last at or before ``pos`` (None before the first sentence)."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i < 0:
            return None
        return self.sents[i]

    def around(self, q: Quantity) -> Around | None:
        """``q`` with its surroundings (None before the first sentence)."""
        s = self.sent_at(q.start)
        if s is None:
            return None
        clause = clause_at(s, q.start)
        text = self.text
        pre = text[clause[0] : q.start]
        return Around(
            q, s, clause, pre, pre.lower(), text[q.end : min(s.end, q.end + 40)], text[s.start : s.end],
            text[s.start : q.start],
        )

    def sent_index(self, s: Sent) -> int:
        """Index of ``s`` in :attr:`sents` (to step to the sentences before it)."""
        return bisect.bisect_right(self.sent_starts, s.start) - 1

    def deadlines_in(self, start: int, end: int) -> tuple[int, int]:
        """Index range of the deadlines whose position is in [start, end)."""
        return bisect.bisect_left(self.deadline_pos, start), bisect.bisect_left(self.deadline_pos, end)

    def own_year(self, s: Sent) -> bool:
        """The sentence states a deadline of its own."""
        lo, hi = self.deadlines_in(s.start, s.end)
        return lo < hi

    def in_url(self, pos: int) -> bool:
        """``pos`` is inside a URL or e-mail address (its digits are not quantities)."""
        i = bisect.bisect_right(self.url_starts, pos) - 1
        return i >= 0 and pos < self.urls[i][1]

    def prev_quantity(self, pos: int) -> Quantity | None:
        """The quantity that starts last before ``pos``."""
        i = bisect.bisect_left(self.q_starts, pos) - 1
        return self.quantities[i] if i >= 0 else None

    def next_quantity_start(self, pos: int) -> int | None:
        """Start of the first quantity that starts after ``pos``."""
        i = bisect.bisect_right(self.q_starts, pos)
        return self.q_starts[i] if i < len(self.q_starts) else None
