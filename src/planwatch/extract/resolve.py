"""Resolve one quantity into a candidate target: filter out numbers that are not quantities of interest, then
read its unit, comparator, direction and measure, list context, deadline, base year, status, indicator and
quote, each from the module that owns that rule.
"""

from __future__ import annotations

import re

from .classify import classify
from .comparators import comparator as compare
from .context import Around, Doc, Item
from .deadlines import base_year_for, deadline_for, defined_term_deadline
from .indicator import indicator, quote_end
from .measure import direction_and_measure, rate_unit
from .quantities import Quantity
from .rules_en import EN_DURATION_BEFORE, EN_TIME_CUE
from .rules_zh import ZH_TIME_CUE
from .segment import Sent

# what may stand before a list number at the start of its line: "1、", "(2) ", "（3）"
_LINE_HEAD = re.compile(r"\s*[（(]?\s*")
_LIST_GAP = re.compile(
    r"\s*(?:%|％|percent|per\s+cent)?\s*(?:左右|以上|以内|以下)?\s*(?:(?:by|in|for|until)\s+(?:19|20)\d\d)?\s*"
    r"(?:,|，|、|;|；|and|or|和|及|与)\s*"
    r"(?:(?:by|in)\s+(?:19|20)\d\d\s*,?\s*)?",
    re.I,
)


def resolve(doc: Doc, q: Quantity) -> Item | None:
    """``q`` as a candidate target (with its status: target, fact, projection, funding or other), or None when
    the number is not a quantity of interest."""
    text, lang = doc.text, doc.lang
    a = doc.around(q)
    if a is None or _not_of_interest(doc, a):
        return None
    s, clause, pre = a.s, a.clause, a.pre
    unit = rate_unit(doc, a)
    comparator, cmp_src = compare(lang, q, pre, a.post)
    m = direction_and_measure(doc, a, unit, comparator, cmp_src)
    comparator, measure, value, unit, notes = m.comparator, m.measure, m.value, m.unit, m.notes
    # ---- an elliptical list continues the previous quantity's verb and comparator:
    # "reductions of at least 56% by 2020, 75% by 2030 and 90% by 2040"; "分别下降4.4%和3.5%"
    prev = _list_head(doc, q, s)
    if prev is not None and measure in ("level", "share") and unit == prev.unit:
        if not cmp_src and prev.comparator not in ("between", "rank_at_most"):
            comparator = prev.comparator
        if prev.measure in ("change_from_base", "average_annual_growth"):
            measure = prev.measure
            if prev.value is not None and prev.value < 0 and value is not None:
                value = -abs(value)
    # ---- deadline and base year
    deadline, how = deadline_for(doc, q.start, s, clause)
    defined = defined_term_deadline(doc, q, s)
    if defined is not None:
        deadline, how = defined
        notes.append("deadline taken from the sentence that uses the defined term")
    base_year, base_note = base_year_for(doc, q, s, clause, measure, deadline, how, prev)
    if base_note:
        notes.append(base_note)
    # ---- status: target, fact, projection, funding
    status, reason = classify(doc, a, unit, deadline, how, cmp_src)
    # ---- indicator and quote
    ind_start, ind = indicator(text, lang, q, clause, pre)
    if prev is not None and prev.sent is s:
        # a list item ("…, 75% by 2030") measures what its head measures
        ind_start, ind = q.start, prev.indicator
    item = Item(
        q,
        s,
        clause,
        comparator,
        value,
        m.value_high,
        unit,
        measure,
        deadline,
        how,
        base_year,
        ind,
        ind_start,
        quote_end(text, lang, q, s),
        status,
        reason,
        notes,
    )
    item.list_item = prev is not None
    item.intro_governed = m.intro_governed
    return item


def _not_of_interest(doc: Doc, a: Around) -> bool:
    """Numbers that are not quantities of interest: in URLs, list numbers, slogans, references ("Table 3"),
    durations in prose, age groups, small bare counts, parenthetical restatements ("(about $172 billion)")."""
    text, lang = doc.text, doc.lang
    q, clause, pre, pre_l, post = a.q, a.clause, a.pre, a.pre_l, a.post
    # ---- things that are not quantities of interest
    if doc.in_url(q.start):
        return True
    if (
        q.value_high is None
        and not q.magnitude
        and _LINE_HEAD.fullmatch(text, doc.line_start(q.start), q.start)
        and re.match(r"\s*(?:[、）)]|\.\s)", text[q.end : q.end + 3])
    ):
        return True  # a list number at the start of a line: "1、…", "2) …", "3. …"
    if re.search(r"[“\"「『]\s*\Z", text[max(0, q.start - 2) : q.start]) and re.match(
        r"[^“”\"「」『』\n]{0,3}[”\"」』]", text[q.end : q.end + 5]
    ):
        return True  # a number inside a slogan or name in quotes: 三个“一亿人”, “十四五”
    if q.value_high is None and (
        re.search(r"(?:见|详见|如|参见)?(?:附表|附图|附件|表|图|专栏)\s*\Z", text[max(0, q.start - 4) : q.start])
        if lang == "zh"
        else re.search(
            r"\b(?:table|figure|fig\.|section|annex|appendix|article|chapter|page|paragraph|box|"
            r"executive\s+order|EO|no\.|scopes?|scope\s+\d\s+and)\s*\Z",
            text[max(0, q.start - 20) : q.start],
            re.I,
        )
    ):
        return True  # a reference: "见表2", "Table 3", "Section 604", "EO 14057"
    if q.kind == "time":
        cue = (
            EN_TIME_CUE.search(pre_l[-40:])
            or re.search(r"\b(?:life\s+expectancy|years\s+of\s+schooling)\b[^.;]{0,30}\Z", pre_l)
            if lang == "en"
            else ZH_TIME_CUE.search(pre[-8:])
            or re.search(r"(?:寿命|年限|年龄)\s*\Z", pre)  # "人均预期寿命78.3岁": a level in years
        )
        if lang == "en" and not cue:
            cue = re.match(r"\s*of\s+(?:\w+\s+)?(?:education|schooling|study)\b", post, re.I)
        if not cue and not re.match(r"\s*(?:左右|以内|以上|以下|or\s+(?:less|more|fewer))", post, re.I):
            return True  # "Six months on", "for five years": durations in prose
    if lang == "en":
        if q.kind == "time" and EN_DURATION_BEFORE.search(pre_l):
            return True  # "for five years", "for about two years"
        if (
            q.unit == "years"
            and q.value is not None
            and q.value >= 3
            and re.search(r"\b(?:within|in\s+the\s+next|over\s+the\s+next)\s+(?:the\s+)?\Z", pre_l)
        ):
            return True  # "within 10 years": the horizon of the targets, not a duration target
        if re.search(
            r"\b(?:aged?|ages)\s+(?:from\s+|between\s+|of\s+)?(?:\d+\s*(?:to|and|-|–)\s*)?\Z", pre_l
        ):
            return True  # "those aged from 14 to 35": an age group, not a target
        small = (
            q.kind == "count" and not q.magnitude and q.value is not None and q.value < 10 and not q.fraction
        )
        if (
            small
            and q.value_high is None
            and not re.match(r"\s+(?:more\s+|new\s+|additional\s+|extra\s+)?[a-z]", post)
        ):
            return True
        raw_before = text[max(0, q.start - 30) : q.start].lower()
        if re.match(r"\s*\)", text[q.end : q.end + 3]) and re.search(
            r"\(\s*(?:about|around|approximately|roughly|or|i\.e\.,?|equivalent\s+to|some|c\.)?\s*\Z",
            raw_before,
        ):
            prev_q = doc.prev_quantity(q.start)
            if prev_q is not None and q.start - prev_q.end < 40:
                return True  # "(about $172 billion)", "three out of four cancers (75%)"
    else:
        nxt_q = doc.next_quantity_start(q.start)
        later_in_clause = nxt_q is not None and nxt_q < clause[1]
        if re.match(r"(?:以上|以下|及以上|及以下)(?![的之水左])[\u4e00-\u9fff]", post) and (
            later_in_clause or q.unit != "count"  # "百亿元以上产业集群": a size class, not an amount
        ):
            return True  # "3岁以下婴幼儿…达到4.5个": the number qualifies a noun, the target comes later
        if re.match(r"\s*[）)]", text[q.end : q.end + 3]) and re.search(
            r"[（(]\s*(?:约|合|折合)?\s*\Z", text[max(0, q.start - 8) : q.start]
        ):
            prev_q = doc.prev_quantity(q.start)
            if prev_q is not None and q.start - prev_q.end < 20:
                return True
    return False


def _list_head(doc: Doc, q: Quantity, s: Sent) -> Item | None:
    """The resolved previous quantity when ``q`` only continues its list ("56% by 2020, 75% by 2030")."""
    pq = doc.prev_quantity(q.start)
    if pq is None or pq.end <= s.start:
        return None
    between = doc.text[pq.end : q.start]
    if not _LIST_GAP.fullmatch(between):
        return None
    return doc.resolved.get(pq.start)

