"""Fact or target: whether a quantity is a commitment about the future, a past figure or baseline, a projection,
funding, or something else (a hypothetical, a third party's analysis, a restatement).

Returns ``(status, reason)`` with status one of ``target``, ``fact``, ``projection``, ``funding``, ``other``;
the reason is kept with each fact so a reader can see why a number was not taken as a target. The Chinese and
English rules differ in kind (Chinese marks the past with words like 已/截至/去年, English with tense), so each
language has its own function; both read their vocabularies from :mod:`.rules_zh` / :mod:`.rules_en`.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .context import Around, Doc
from .patterns import YEAR, found, last_match
from .quantities import Quantity
from .rules_en import (
    EN_ADJ_ED,
    EN_ADJ_FACT,
    EN_ANALYSIS,
    EN_AUX_BEFORE_VERB,
    EN_BASELINE_BEFORE,
    EN_CUE,
    EN_EFFECT_START,
    EN_FACT_MARK,
    EN_FRAMING,
    EN_FUNDED_BY,
    EN_FUNDING,
    EN_FUNDS_AFTER,
    EN_GOAL_NOUN,
    EN_MODAL,
    EN_MONEY_GOAL,
    EN_PAST_VERB,
    EN_PROJECTION,
    EN_REPORTED,
    EN_STRONG,
    EN_SURVEY,
    EN_TARGET_LEVEL_VERB,
)
from .rules_zh import (
    ZH_ADJ_FACT,
    ZH_BASELINE_BEFORE,
    ZH_COMPARED_MARK,
    ZH_CUE,
    ZH_FACT_MARK,
    ZH_FOUNDATION,
    ZH_FRAMED,
    ZH_FUNDING,
    ZH_PROJECTION,
    ZH_STRONG,
    ZH_TO_LEVEL,
)
from .segment import Sent

# sentence-wide wording, asked once per sentence (:func:`.patterns.found`)
_ZH_REVIEW_FRAMED = re.compile(r"目标|提出|预期|要求")
_ZH_YEAR_FRAMED = re.compile(r"目标|指标|任务|提出|明确|要求|预期|计划|力争|确保")
_ZH_UNDATED_FRAMED = re.compile(r"目标|力争|确保|计划|要求")
_EN_YEAR_ON_YEAR = re.compile(
    r"\byear[- ]on[- ]year\b|\bcompared\s+with\s+(?:the\s+same\s+period\s+)?last\s+year\b", re.I
)
_EN_PLANNED_BY = re.compile(rf"\b(?:is|are)\s+(?:planned|set|expected)\s+to\b[^.;]*\bby\s+{YEAR}\b", re.I)
_EN_REPORTED_ACT = re.compile(
    r"\b(?:announced|affirmed|launched|said|reported|welcomed|noted|signed|joined|agreed)\b", re.I
)


def zh_past_marker(sent_before: str) -> re.Match | None:
    """The last Chinese past marker (已, 截至, 去年, …) before a number, unless a target word follows it
    ("去年…，今年目标…", "已…，力争到2025年…")."""
    fm = last_match(ZH_FACT_MARK, sent_before)
    if fm is not None and not re.search(r"目标|提出|要求|力争|确保|预期|计划|将|到\d{4}年", sent_before[fm.end() :]):
        return fm
    return None


def zh_in_foundation(sent_text: str, sent_start: int, pos: int) -> bool:
    """``pos`` lies in a "为…打下/奠定…基础" phrase: a means to another goal, not a commitment of its own."""
    return any(sent_start + a <= pos < sent_start + b for a, b in _foundation_spans(sent_text))


@lru_cache(maxsize=256)
def _foundation_spans(sent_text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in ZH_FOUNDATION.finditer(sent_text))


def classify(doc: Doc, a: Around, unit: str, deadline: int | None, how: str, cmp_src: str) -> tuple[str, str]:
    """``(status, reason)`` of a quantity with unit ``unit`` and deadline ``deadline``; ``how`` says how the deadline
    was written ("plan" for a five-year plan period, "annual" for "今年"/"this year", …); ``cmp_src`` is where its
    comparator came from ("" when no comparator word was written)."""
    if doc.lang == "zh":
        return _classify_zh(doc, a, unit, deadline, how, cmp_src)
    return _classify_en(doc, a, unit, deadline, cmp_src)


def _classify_zh(doc: Doc, a: Around, unit: str, deadline: int | None, how: str, cmp_src: str) -> tuple[str, str]:
    q, s, pre, post, sent_text, sent_before = a.q, a.s, a.pre, a.post, a.sent_text, a.sent_before
    if ZH_BASELINE_BEFORE.search(pre) and re.match(
        r"[^，,。；;]{0,3}?(?:提高到|提升到|增加到|增长到|提升至|提高至|"
        r"增至|升至|下降到|降至|降到|减少到|减至|扩大到|到|至)",
        post,
    ):
        return "fact", "baseline (from X to Y)"
    if ZH_ADJ_FACT.search(pre[-8:]):
        return "fact", "current value"
    # sentence-level past markers before the number, unless a target word comes after them
    fm = zh_past_marker(sent_before)
    if fm is not None:
        return "fact", f"past marker {fm.group(0)}"
    if (
        not cmp_src
        and found(ZH_COMPARED_MARK, sent_text)
        and not found(ZH_FRAMED, sent_text)
    ):
        return "fact", "a change on the previous year, reported"
    if doc.fact_document and not found(ZH_FRAMED, sent_text):
        return "fact", "statistical report"
    # "2020年…为7.8%": a value stated for an explicit earlier year
    lo = bisect.bisect_left(doc.year_pos, s.start)
    hi = bisect.bisect_left(doc.year_pos, q.start)
    stated = [y for y in doc.years[lo:hi] if y.how == "bare" or y.kind in ("past", "date")]
    ym = re.search(r"(\d{4})", str(stated[-1].year)) if stated else None
    if (
        ym
        and re.search(r"(?:为|是|达|有)\s*\Z", pre)
        and not ZH_STRONG.search(sent_before)
        and not cmp_src
    ):
        y = int(ym.group(1))
        if doc.max_deadline_year is not None and doc.max_deadline_year > y:  # a later deadline exists
            return "fact", "value for an earlier year"
    latest_plan = doc.latest_plan_year
    if how == "plan" and deadline and latest_plan and deadline < latest_plan:
        return "fact", "period of an earlier five-year plan"  # "“十三五”期间…培育…1家" in a 十四五 text
    if re.search(r"如\s?果|假\s?[如设]|倘\s?若|如\s?若|若\s?是|要\s?是", sent_before):
        return "other", "hypothetical (如果…那么)"  # the writer's arithmetic, not a commitment
    if ZH_PROJECTION.search(sent_before[-30:]) or ZH_PROJECTION.search(pre):
        return "projection", "projection"
    if zh_in_foundation(sent_text, s.start, q.start):
        return "other", "laying the foundation for another goal"
    if (
        unit in ("CNY", "USD", "EUR", "GBP")
        and ZH_FUNDING.search(pre)
        and not cmp_src
        and not (ZH_TO_LEVEL.search(pre))
        and not re.search(r"(?:完成|实现)[^，,。；;]{0,12}投资", pre)
    ):
        return (
            "funding",
            "funding allocation",
        )  # "安排资金500亿元"; "投资额达到2000亿美元" is a target
    if s.review_scope and not found(_ZH_REVIEW_FRAMED, sent_text):
        return "fact", "review section"
    if ym and doc.year and int(ym.group(1)) < doc.year and not ZH_STRONG.search(sent_before):
        return "fact", "value for a year before the document"
    ym2 = re.search(r"(\d{4})\s*年(?:底|末)?的?\s*(?:约|近)?\s*\Z", pre)
    if ym2:
        y2 = int(ym2.group(1))
        latest = max(doc.max_deadline_year or 0, doc.year or 0)
        if y2 < latest:
            return "fact", "value for an earlier year"
    framed = found(_ZH_YEAR_FRAMED, sent_text)
    before_document = bool(doc.year and deadline and deadline < doc.year)
    if before_document and how not in ("annual",) and not framed:
        return "fact", "period before the document"  # unless the text frames it as that year's target
    strong = found(ZH_STRONG, sent_text)
    if deadline is None:
        return (
            ("target", "")
            if strong
            and ZH_CUE.search(pre + post[:4])
            and found(_ZH_UNDATED_FRAMED, sent_text)
            else ("other", "no deadline")
        )
    return "target", ""


def _classify_en(doc: Doc, a: Around, unit: str, deadline: int | None, cmp_src: str) -> tuple[str, str]:
    q, s, clause, pre, pre_l, post = a.q, a.s, a.clause, a.pre, a.pre_l, a.post
    sent_text, sent_before = a.sent_text, a.sent_before
    if EN_BASELINE_BEFORE.search(pre_l[-40:]) and re.match(r"\s*(?:to|-)\s", post):
        return "fact", "baseline (from X to Y)"
    if EN_BASELINE_BEFORE.search(pre_l[-30:]) and re.search(r"\b(?:up|down)\s+from\s*\Z", pre_l):
        return "fact", "baseline"
    if EN_ADJ_FACT.search(pre_l[-30:]):
        return "fact", "current value"
    pm = en_projection(doc.text[s.start : q.start])
    if pm and not (s.target_scope and not re.search(r"\b(?:projected|estimated|forecast)\b", pre_l)):
        return "projection", f"projection ({pm.group(0)})"
    if re.match(
        r"[^;:.]{0,80}?\b(?:is|are|was|were)\s+(?:currently\s+)?(?:estimated|projected|forecast|thought|"
        r"believed|reported)\s+to\b",
        doc.text[q.end : s.end],
        re.I,
    ):
        return "projection", "estimate (… are estimated to …)"  # "20% of premises are estimated to require"
    if re.match(r"[^,;:.]{0,50}?\b(?:was|were)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b", doc.text[q.end : clause[1]], re.I):
        return "fact", "past passive (… were registered)"  # "2.2 million NEVs were registered"
    if found(_EN_YEAR_ON_YEAR, sent_text) and not (
        found(EN_FRAMING, sent_text)
        # a plan's multi-year change on last year ("is planned to increase by 25 percent by 2027 compared
        # with last year") is a target, not a reported change
        or found(_EN_PLANNED_BY, sent_text)
    ):
        return "fact", "a change on the previous year, reported"
    if re.match(r"\W*(?:this|that|it|which)\s+(?:is|was|represents|equals|amounts\s+to|means)\b", sent_text, re.I) and not (
        doc.own_year(s)
    ):
        return "other", "restatement (this is …)"  # "This is around 5 million premises"
    if doc.fact_document and not found(EN_FRAMING, sent_text):
        return "fact", "statistical report"
    if EN_ANALYSIS.search(sent_before):
        return (
            "other",
            "a third party's analysis",
        )  # "the Committee found that emissions must fall by 68%"
    if EN_REPORTED.search(doc.text[q.end : s.end]) or found(EN_SURVEY, sent_text):
        return "fact", "reported opinion or survey"  # "45% of respondents said they would …"
    fm = last_match(EN_FACT_MARK, sent_before)
    if fm is not None and not EN_FRAMING.search(sent_before[fm.end() :]):
        # "last week the DOE announced a new target to cut …": the marker dates the announcement
        return "fact", f"past marker ({fm.group(0)})"
    past = _past_verb(pre)
    if past and not s.target_scope:
        return "fact", f"past tense ({past})"
    narr = _past_narration(sent_text)
    if narr and not s.target_scope:
        return "fact", f"past narration ({narr})"  # "China remained the largest market, with 8.1 million"
    if (
        unit in ("CNY", "USD", "EUR", "GBP")
        and found(EN_FUNDING, sent_text)
        and not EN_TARGET_LEVEL_VERB.search(pre_l)
    ):
        return "funding", "funding or investment"
    if (
        unit in ("count", "CNY", "USD", "EUR", "GBP")
        and (EN_FUNDED_BY.search(pre_l[-60:]) or (q.magnitude and EN_FUNDS_AFTER.match(post)))
        and not EN_MONEY_GOAL.search(sent_before)
    ):
        # "supported by 3.3 billion of EU funds", "financed by 2 billion from the recovery facility": money
        # that pays for something, not a level to reach (unless framed as one: "aims to attract …")
        return "funding", "money funding something"
    if EN_EFFECT_START.search(sent_text) and not s.target_scope:
        return "projection", "effect of an action"
    if unit in ("CNY", "USD", "EUR", "GBP") and re.search(
        r"\b(?:cut\w*|reduc\w*|lower\w*|sav\w*)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}costs?\b", sent_before, re.I
    ):
        return "projection", "estimated saving"  # "will cut the costs of air pollution by £1.7 billion"
    if s.review_scope:
        return "fact", "review section"
    strong = found(EN_STRONG, sent_text)
    if deadline is None:
        # without a year, only an explicit commitment stated before the number, in a sentence that does
        # not report the past ("have now signed", "announced", "affirmed")
        if (
            found(EN_FACT_MARK, sent_text)
            or _sentence_past_verb(sent_text)
            or found(_EN_REPORTED_ACT, sent_text)
        ):
            return "other", "no deadline, reported speech or past"
        if re.search(
            r"\b(?:targets?|goals?|aims?|ambitions?|objectives?|missions?|pledges?|commit\w*|plans?\s+to|"
            r"ensur\w+)\b",
            sent_before,
            re.I,
        ):
            return "target", ""
        return "other", "no deadline"
    if s.target_scope or strong or cmp_src or s.bullet or s.labelled or EN_CUE.search(pre_l[-60:]):
        return "target", ""
    if _coordinated_target(doc, q, s):
        return "target", ""  # "install 40,000 chargers by 2027, and 5,000 hydrogen stations in 2030"
    return "other", "no target cue"


def _coordinated_target(doc: Doc, q: Quantity, s: Sent) -> bool:
    """The previous quantity of the sentence is a target and ``q`` continues it after "and" / "as well as"."""
    pq = doc.prev_quantity(q.start)
    if pq is None:
        return False
    prev = doc.resolved.get(pq.start)
    if prev is None or prev.sent is not s or prev.status != "target":
        return False
    between = doc.text[pq.end : q.start]
    return bool(
        re.search(r"(?:,\s*|\s)(?:and|as\s+well\s+as|plus)\s+(?:also\s+)?(?:some\s+|about\s+|around\s+)?\Z", between, re.I)
    ) and not re.search(r"[;:]|\b(?:was|were|has|have|had)\b", between, re.I)


def _past_verb(pre: str) -> str | None:
    """The last past-tense verb of ``pre`` that is finite (not "will have reached", not "is maintained", not an
    adjectival participle such as "reduced emissions")."""
    last = last_match(EN_PAST_VERB, pre)
    if last is None:
        return None
    before = pre[: last.start()]
    am = EN_AUX_BEFORE_VERB.search(before)
    if am:
        a = am.group("a").lower()
        if a in ("has", "have", "had"):
            if re.search(
                r"\b(?:will|to|would|should|shall|must|could)\s+(?:\w+\s+)?(?:has|have|had)\s+(?:\w+\s+){0,2}\Z",
                before,
                re.I,
            ):
                return None
            return last.group(0)
        if a in ("is", "are", "am"):
            return None  # passive present: "is maintained"
        return None
    if last.group("v").lower() in (
        "reduced",
        "lowered",
        "doubled",
        "tripled",
        "halved",
        "expanded",
        "created",
        "generated",
        "built",
        "installed",
        "deployed",
        "trained",
        "launched",
        "delivered",
        "diagnosed",
        "mobilised",
        "mobilized",
        "invested",
        "spent",
        "attracted",
        "received",
    ):
        # participles are often adjectival ("reduced emissions", "installed capacity")
        after = pre[last.end() :]
        if not re.match(r"\s+(?:by|to|a|an|the|some|about|around|over|more|nearly|almost|\d)", after):
            return None
    return last.group(0)


def en_projection(before: str) -> re.Match | None:
    """The last projection word before a number, unless a goal noun follows it ("on track toward our goal of …")."""
    last = last_match(EN_PROJECTION, before)
    if last is None or EN_GOAL_NOUN.search(before, last.end()):
        return None
    return last


@lru_cache(maxsize=256)
def _sentence_past_verb(sentence: str) -> str | None:
    """:func:`_past_verb` of a whole sentence, once per sentence."""
    return _past_verb(sentence)


@lru_cache(maxsize=256)
def _past_narration(sentence: str) -> str | None:
    """A finite past-tense verb in a sentence with no future or commitment wording ("China remained …")."""
    if EN_MODAL.search(sentence):
        return None
    for m in re.finditer(r"\b([a-z]{3,}ed)\b", sentence):
        w = m.group(1)
        if w in EN_ADJ_ED:
            continue
        before = sentence[max(0, m.start() - 20) : m.start()].lower()
        if re.search(
            r"\b(?:be|been|being|is|are|am|to|has|have|had|was|were|the|a|an|of|for|newly)\s+\Z", before
        ):
            continue  # passive, perfect or adjectival use
        after = sentence[m.end() : m.end() + 12]
        if re.match(r"\s+(?:by|in|to|at|on)\b", after) and not re.search(r"[A-Za-z]\s+\Z", before):
            continue
        return w
    return None


