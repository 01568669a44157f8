"""Deadlines and base years of a quantity: from its clause, its sentence, or inherited from earlier text.

A deadline is taken from the quantity's clause (English prefers a year stated after the number: "install 600 GW
by 2030"), else its sentence, else the last deadline stated before it ("到2025年，…。…"). A year that only dates
an act or the document ("In 2024 the Council agreed …") gives way to a later deadline in the same sentence.
Base years come from the clause ("比2020年", "from 2005 levels"), the end of a list ("…, relative to the 1990
baseline"), an earlier change in the sentence, or, for a one-year change, the year before the deadline.
"""

from __future__ import annotations

import bisect
import re

from .context import Doc, Item
from .quantities import Quantity
from .rules_en import EN_GOAL_NOUN, EN_PAST_ACT
from .segment import LIST_INTRO, Sent, clause_at
from .years import Year

_LIST_TAIL = re.compile(
    r"(?:\s|,|，|、|and|or|和|及|%|percent|per\s+cent|\d[\d.,]*|(?:by|in|for)\s+(?:19|20)\d\d|relative\s+to|"
    r"compared\s+(?:to|with)|from|against|on|below|above|the|its|levels?|baselines?|比|较)*",
    re.I,
)


def deadline_for(doc: Doc, pos: int, s: Sent, clause: tuple[int, int]) -> tuple[int | None, str]:
    """Deadline of a quantity at ``pos``: its clause, its sentence (before, then after), else inherited.

    A relative deadline ("within the next 10 years", "今年") in a document of unknown date gives None."""
    year, how = _deadline_for(doc, pos, s, clause)
    weak = _weak_year(doc, year, pos, s) if doc.lang == "en" and year and how != "annual" else None
    if weak:
        # a year that dates the act or the document ("In 2024 the Council agreed …") gives way to a deadline
        # stated later in the same sentence ("… by 2027", "in 2030", "over the next 25 years")
        later = [
            d
            for d in doc.deadlines[
                bisect.bisect_right(doc.deadline_pos, pos) : bisect.bisect_left(doc.deadline_pos, s.end)
            ]
            if d.year != year
        ]
        if later:
            year, how = later[0].year, later[0].how
        elif weak == "act":
            return None, ""  # "In 2024 the Council agreed to install …": 2024 dates the agreement
    return (year or None), how


def _weak_year(doc: Doc, year: int, pos: int, s: Sent) -> str | None:
    """"act" when ``year``, as the deadline found for ``pos``, dates a past act ("agreed in 2024"), "doc"
    when it is the publication year, else None."""
    is_doc = bool(doc.year and year == doc.year)
    lo = bisect.bisect_left(doc.deadline_pos, s.start)
    hi = bisect.bisect_right(doc.deadline_pos, pos)
    for d in doc.deadlines[lo:hi]:
        if d.year == year and _dates_act(doc, d, s):
            return "act"
    return "doc" if is_doc else None


_ACT_BEFORE = re.compile(rf"\b{EN_PAST_ACT}\s+(?:[\w-]+\s+){{0,3}}?in\s+(?:\w+\s+)?\Z", re.I)
_ACT_AFTER = re.compile(rf"\W*(?:[\w-]+\s+){{0,4}}?{EN_PAST_ACT}\b", re.I)


def _dates_act(doc: Doc, d: Year, s: Sent) -> bool:
    """The year ``d`` of sentence ``s`` dates a past act ("agreed in 2024", "2024 … was adopted"). Remembered per
    year, since every later quantity of the sentence asks about every earlier year (dozens in a run-on text)."""
    key = ("act", d.pos)
    if key not in doc.cache:
        before = doc.text[max(s.start, d.pos - 60) : d.pos]
        after = doc.text[d.end : min(s.end, d.end + 60)]
        doc.cache[key] = bool(_ACT_BEFORE.search(before) or _ACT_AFTER.match(after))
    return doc.cache[key]


def _deadline_for(doc: Doc, pos: int, s: Sent, clause: tuple[int, int]) -> tuple[int | None, str]:
    ds = doc.deadlines
    lo, hi = doc.deadlines_in(s.start, s.end)
    in_sent = ds[lo:hi]
    in_clause = [d for d in in_sent if clause[0] <= d.pos < clause[1]]
    if in_clause:
        before = [d for d in in_clause if d.pos < pos]
        after = [d for d in in_clause if d.pos > pos]
        if doc.lang == "en" and after:
            # English states the year after the target: "install 600GW by 2030"; take it unless another
            # quantity comes first
            nxt = doc.next_quantity_start(pos)
            if nxt is None or nxt > after[0].pos:
                return after[0].year, after[0].how
        d = before[-1] if before else in_clause[0]
        return d.year, d.how
    before = [d for d in in_sent if d.pos < pos]
    if before:
        return before[-1].year, before[-1].how
    after = [d for d in in_sent if d.pos > pos and d.how in ("by", "in")]
    if after and doc.lang == "en":
        return after[0].year, after[0].how
    if lo > 0:
        d = ds[lo - 1]
        if doc.lang == "en" and doc.year and d.year == doc.year and d.how != "annual":
            # the publication year is not inherited from an unrelated sentence ("In 2024 the Commission
            # adopted …", then a target with no year); only from the same paragraph, a list intro ("targets
            # for 2024 as follows:") or a sentence about targets
            sd = doc.sent_at(d.pos)
            sd_text = doc.text[sd.start : sd.end] if sd is not None else ""
            if not (
                sd is not None
                and (sd.para == s.para or LIST_INTRO.search(sd_text.rstrip()) or EN_GOAL_NOUN.search(sd_text))
            ):
                return None, ""
        return d.year, d.how
    return None, ""


def defined_term_deadline(doc: Doc, q: Quantity, s: Sent) -> tuple[int | None, str] | None:
    """A definition ("Nationwide coverage means “at least 99%”", "全覆盖是指…") takes its deadline from the
    earlier sentence that uses the defined term ("available nationwide by 2030")."""
    if doc.own_year(s):
        return None
    head = doc.text[s.start : q.start]
    rx = (
        r"\W*(?P<t>[A-Za-z][\w-]{3,})(?:\s+[\w-]+){0,2}?\s+(?:means|is\s+defined\s+as|refers\s+to)\b"
        if doc.lang == "en"
        else r"\W*(?P<t>[\u4e00-\u9fff]{2,8}?)(?:是指|指的是|系指)"
    )
    m = re.match(rx, head, re.I)
    if not m:
        return None
    term = m.group("t").lower()
    i = doc.sent_index(s)
    for j in range(i - 1, max(-1, i - 4), -1):
        ps = doc.sents[j]
        k = doc.low.find(term, ps.start, ps.end)
        if k >= 0 and doc.own_year(ps):
            return deadline_for(doc, k, ps, clause_at(ps, k))
    return None


def _base_for(doc: Doc, pos: int, s: Sent, clause: tuple[int, int], qend: int) -> int | None:
    """A base year in the clause, or in the next one when nothing else intervenes."""
    lo = bisect.bisect_left(doc.year_pos, clause[0])
    hi = bisect.bisect_left(doc.year_pos, s.end)
    for y in doc.years[lo:hi]:
        if y.kind == "base" and (y.pos < clause[1] or _same_tail(doc, qend, y.pos)):
            return y.year
    return None


def _same_tail(doc: Doc, qend: int, ypos: int) -> bool:
    """A base year after the number, in the next clause: "by 55% by 2030, compared to 1990 levels"."""
    between = doc.text[qend:ypos]
    return len(between) < 60 and not re.search(r"\d\s*%|[。；;]", between)


def _list_base(doc: Doc, q: Quantity, s: Sent) -> int | None:
    """A base year closing a list of changes: "…, 90% by 2040, relative to the 1990 baseline"."""
    lo = bisect.bisect_left(doc.year_pos, q.end)
    hi = bisect.bisect_left(doc.year_pos, s.end)
    for y in doc.years[lo:hi]:
        if y.kind == "base":
            between = doc.text[q.end : y.pos]
            if _LIST_TAIL.fullmatch(between):
                return y.year
            return None
    return None


def _inherited_base(doc: Doc, pos: int, s: Sent) -> int | None:
    """Base year of an earlier reduction in the sentence ("by 13.5% from the 2020 level, … by 18%")."""
    lo = bisect.bisect_left(doc.year_pos, s.start)
    hi = bisect.bisect_left(doc.year_pos, pos)
    bases = [y for y in doc.years[lo:hi] if y.kind == "base"]
    return bases[-1].year if bases else None


def base_year_for(
    doc: Doc, q: Quantity, s: Sent, clause: tuple[int, int], measure: str, deadline: int | None, how: str,
    head: Item | None,
) -> tuple[int | None, str | None]:
    """Base year of a change or growth target, and a note when it was assumed rather than stated.

    ``head`` is the resolved quantity whose list ``q`` continues, if any ("… by 13.5% from 2020, … 18%")."""
    if measure not in ("change_from_base", "average_annual_growth"):
        return None, None
    base_year = _base_for(doc, q.start, s, clause, q.end)
    if base_year is None:
        base_year = _list_base(doc, q, s)
    if base_year is None and head is not None and head.base_year:
        base_year = head.base_year
    if base_year is None and measure == "change_from_base":
        base_year = _inherited_base(doc, q.start, s)
    if (
        base_year is None
        and measure == "change_from_base"
        and deadline
        and how in ("annual", "bare", "in")
        and not (doc.year and deadline > doc.year + 1)  # "for 2030" in a 2024 text: not one year
    ):
        return deadline - 1, "one-year change: base year taken as the year before the deadline"
    return base_year, None


def special_base_year(doc: Doc, q: Quantity, s: Sent, clause: tuple[int, int]) -> int | None:
    """Base year of a number-less change ("double by 2030 from 2020 levels"): stated in the clause only."""
    return _base_for(doc, q.start, s, clause, q.end)
