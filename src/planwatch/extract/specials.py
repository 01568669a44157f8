"""Number-less targets: ranks ("全国领先", "leading in China", "跻身全球前列", "among the top 10"), net zero
("碳中和", "climate-neutral by 2050") and multiples of a level ("翻一番", "double", "halve").

They are found as :class:`~.quantities.Quantity` objects of kind ``rank``, ``netzero`` or ``double`` so that the
rest of the pipeline (deadlines, dedupe, quotes) treats them like numbers; their status rules are simpler than a
number's (:func:`resolve_special`).
"""

from __future__ import annotations

import bisect
import re

from .classify import en_projection, zh_in_foundation, zh_past_marker
from .context import Doc, Item
from .deadlines import deadline_for, special_base_year
from .indicator import special_indicator
from .numbers import cn_to_int, parse_en_words
from .quantities import Quantity
from .rules_en import EN_FACT_MARK
from .rules_zh import ZH_PROJECTION
from .segment import clause_at

_ZH_RANK_LEAD = re.compile(
    r"(?P<scope>全国|国内|全球|世界|国际|全省|全市|全区|全行业|同类城市|亚洲|中部|西部|东部)(?:范围内)?(?:处于|保持|位居|继续)?"
    r"(?P<w>领先|第一|首位|居首|前列|前茅|第一方阵)(?![\u4e00-\u9fff]*?(?:水平|地位|优势))(?=[，,。；;、\s]|\Z)"
)
_ZH_RANK_VERB = re.compile(
    r"(?P<verb>位居|位列|跻身|走在|进入|居于|稳居|名列|保持|居|排名|排在|迈入|挺进|达到)(?P<mid>[\u4e00-\u9fff]{0,8}?)"
    r"(?P<w>前列|前茅|第一方阵|第一|首位|前(?P<n>\d+|[一二三四五六七八九十]+)(?:位|名|强)?|"
    r"(?:(?<=[界国球际省市])第(?P<n2>[二三四五六七八九十])(?:位|名)?(?=[，,。；;\s]|\Z)|"
    r"(?P<n3>百|\d+)强(?=[，,。；;、\s]|\Z)))"
)
_EN_RANK = re.compile(
    r"\b(?:(?:be|become|remain|rank(?:s|ed|ing)?|stay|keep|maintain|place[sd]?|be\s+among|is|are)\s+(?:the\s+)?"
    r"(?P<w>leading|first|top|number\s+one|no\.?\s*1|best)(?:\s+(?P<n>\d+|ten|five|three|twenty|fifty|hundred))?"
    r"(?:\s+(?:one|performer|performing|place|position|region|province|city|country|economy))?\s+"
    r"(?:in|among|of|nationwide|globally|worldwide|across)\b(?:\s+(?P<scope>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|the\s+\w+(?:\s+\w+)?))?"
    r"|(?:among|in)\s+the\s+top(?:\s+(?P<n2>\d+|ten|five|three|twenty|fifty|hundred))?\b"
    r"|\b(?P<w3>leading|first)\s+in\s+(?P<scope3>China|the\s+country|the\s+world|the\s+nation|Europe|the\s+EU|the\s+UK|"
    r"the\s+US|Asia|Africa|the\s+region))",
    re.I,
)
_EN_NETZERO = re.compile(
    r"\b(?:net[\s-]zero(?:\s+(?:greenhouse\s+gas\s+|carbon\s+|CO2\s+)?emissions)?(?:\s+economy[\s-]wide)?|"
    r"no\s+net\s+emissions(?:\s+of\s+greenhouse\s+gases)?|climate[\s-]neutral(?:ity)?|carbon[\s-]neutral(?:ity)?)\b",
    re.I,
)
_ZH_NETZERO = re.compile(r"碳中和|净零排放|气候中和|温室气体净零")
_EN_DOUBLE = re.compile(
    r"\b(?P<w>double|doubling|doubled|triple|tripling|tripled|quadruple|quadrupling|quadrupled|halve|halving|"
    r"halved)\b",
    re.I,
)
_ZH_DOUBLE = re.compile(r"(?P<w>翻一番|翻番|翻两番|翻三番|翻一倍|增长一倍|增加一倍|减半|减少一半)")
_DOUBLE_VALUE = {
    "doubled": 100,
    "tripled": 200,
    "quadrupled": 300,
    "halved": -50,
    "double": 100,
    "doubling": 100,
    "triple": 200,
    "tripling": 200,
    "quadruple": 300,
    "quadrupling": 300,
    "halve": -50,
    "halving": -50,
    "翻一番": 100,
    "翻番": 100,
    "翻两番": 300,
    "翻三番": 700,
    "翻一倍": 100,
    "增长一倍": 100,
    "增加一倍": 100,
    "减半": -50,
    "减少一半": -50,
}


def _fixed(rx: re.Pattern[str], text: str, unit: str, kind: str, value: dict[str, float] | float) -> list[Quantity]:
    """Every match of ``rx`` as a number-less quantity: a fixed value, or the value its word ``w`` stands for."""
    out = []
    for m in rx.finditer(text):
        v = float(value[m.group("w").lower()]) if isinstance(value, dict) else value
        out.append(Quantity(m.start(), m.end(), v, None, unit, kind, m.group(0)))
    return out


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """[a, b) overlaps one of the sorted, disjoint ``spans`` (binary search: the neighbours of ``a`` only)."""
    i = bisect.bisect_right(spans, (a, float("inf")))
    if i and a < spans[i - 1][1]:  # the last span starting at or before a
        return True
    return i < len(spans) and spans[i][0] < b  # the first span starting after a


def special_quantities(text: str, lang: str) -> list[Quantity]:
    """Ranks, net-zero commitments and doublings in ``text``, in this order (ranks first)."""
    out: list[Quantity] = []
    if lang == "zh":
        for m in _ZH_RANK_LEAD.finditer(text):
            w = m.group("w")
            value = 1.0 if w in ("领先", "第一", "首位", "居首") else None
            out.append(Quantity(m.start(), m.end(), value, None, "rank", "rank", m.group(0)))
        leads = [(o.start, o.end) for o in out]  # sorted and disjoint (one finditer)
        for m in _ZH_RANK_VERB.finditer(text):
            if _overlaps(leads, m.start(), m.end()):
                continue
            w = m.group("w")
            value: float | None
            n = m.group("n") or m.group("n2") or m.group("n3")
            if n:
                value = float(n) if n.isdigit() else float(cn_to_int(n) or 0) or None
            elif w in ("第一", "首位"):
                value = 1.0
            else:
                value = None
            out.append(Quantity(m.start(), m.end(), value, None, "rank", "rank", m.group(0)))
        out += _fixed(_ZH_NETZERO, text, "Mt CO2e", "netzero", 0.0)
        out += _fixed(_ZH_DOUBLE, text, "%", "double", _DOUBLE_VALUE)
    else:
        for m in _EN_RANK.finditer(text):
            w = (m.group("w") or m.group("w3") or "").lower()
            n = m.group("n") or m.group("n2")
            value = None
            if n:
                value = float(n) if n.isdigit() else parse_en_words(n)
            elif w in ("leading", "first", "number one", "no.1", "no. 1", "no 1", "best"):
                value = 1.0
            elif w == "top":
                value = None
            out.append(Quantity(m.start(), m.end(), value, None, "rank", "rank", m.group(0)))
        out += _fixed(_EN_NETZERO, text, "Mt CO2e", "netzero", 0.0)
        out += _fixed(_EN_DOUBLE, text, "%", "double", _DOUBLE_VALUE)
    return out


def resolve_special(doc: Doc, q: Quantity) -> Item | None:
    """A number-less quantity as a candidate target: fixed comparator and unit by kind, the same deadline rules as
    numbers, and a short list of reasons it is not a target (past, projection, no deadline)."""
    text = doc.text
    s = doc.sent_at(q.start)
    if s is None:
        return None
    clause = clause_at(s, q.start)
    pre = text[clause[0] : q.start]
    sent_text = text[s.start : s.end]
    sent_before = text[s.start : q.start]
    notes: list[str] = []
    if q.kind == "rank":
        comparator, unit, measure = "rank_at_most", "rank", "rank"
    elif q.kind == "netzero":
        comparator, unit, measure = "at_most", "Mt CO2e", "level"
    else:
        comparator, unit, measure = "at_least", "%", "change_from_base"
    deadline, how = deadline_for(doc, q.start, s, clause)
    if q.kind == "netzero" and not doc.own_year(s):
        return None  # net zero needs an explicit year in its own sentence
    status, reason = "target", ""
    if doc.lang == "en":
        passive_future = re.search(
            r"\b(?:be|been|being|to\s+have|will\s+have)\s+(?:\w+ly\s+)?\Z", pre.lower()
        )
        if q.kind == "double" and (
            re.search(r"\b(?:has|have|had|was|were)\s+(?:\w+\s+)?\Z", pre.lower())
            or (q.raw.lower().endswith("ed") and not passive_future)
        ):
            status, reason = "fact", "past"
        if en_projection(sent_before) and not s.target_scope:
            status, reason = "projection", "projection"
        fm = EN_FACT_MARK.search(sent_before)
        if fm:
            status, reason = "fact", f"past marker ({fm.group(0)})"
    else:
        fm = zh_past_marker(sent_before)
        if fm is not None:
            status, reason = "fact", f"past marker {fm.group(0)}"
        if zh_in_foundation(sent_text, s.start, q.start):
            status, reason = "other", "laying the foundation for another goal"
        if ZH_PROJECTION.search(sent_before[-30:]):
            status, reason = "projection", "projection"
    if q.kind == "double" and doc.lang == "en":
        if re.search(r"\b(?:almost|nearly|roughly|about|around|approximately|close\s+to)\s+\Z", pre.lower()):
            comparator = "around"  # "almost double"
        elif re.search(r"\b(?:more\s+than)\s+\Z", pre.lower()):
            comparator = "more_than"
    if deadline is None and status == "target":
        status, reason = "other", "no deadline"
    base_year = None
    if measure == "change_from_base":
        base_year = special_base_year(doc, q, s, clause)
    ind_start, indicator = special_indicator(text, doc.lang, q, clause, pre)
    if q.kind == "netzero":
        indicator = "net greenhouse gas emissions" if doc.lang == "en" else "温室气体净排放"
    peer = None
    if q.kind == "rank":
        peer = _peer_group(text[s.start : s.end])
    item = Item(
        q,
        s,
        clause,
        comparator,
        q.value,
        None,
        unit,
        measure,
        deadline,
        how,
        base_year,
        indicator,
        ind_start,
        q.end,
        status,
        reason,
        notes,
        peer,
    )
    return item


_PEER_RULES = [
    (
        re.compile(
            r"national\s+high[\s-]tech\s+zones?|高新区|示范区|demonstration\s+zones?|high[\s-]tech\s+zones?",
            re.I,
        ),
        "national-high-tech-zones",
    ),
]


def _peer_group(sentence: str) -> str | None:
    """The peer group a rank is among, when the sentence names it (high-tech zones)."""
    for rx, pg in _PEER_RULES:
        if rx.search(sentence):
            return pg
    return None

