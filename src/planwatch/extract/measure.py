"""Direction, measure and unit refinements of a quantity: is it a level, a share, a change from a base year or an
average annual growth rate; is a change a reduction (negative); which rate or scope qualifies its unit.

English takes the direction from the words before the number ("cut by 40%", "a growth of 5%"), or from a change
verb further back in the sentence that governs a distant "by N%" ("reduce the use of A, the loss of B and the
sale of C by 40%"), or from the verb that closes a list intro ("targets include reducing: • A by 55%"). Chinese
reads the 16 characters before the number ("下降18%", "提高到10%" is a level).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .context import Around, Doc
from .quantities import Quantity
from .rules_en import (
    EN_ANNUAL,
    EN_BY,
    EN_CMP_WORDS,
    EN_GROW,
    EN_GROW_VERB,
    EN_GROWTH_NOUN,
    EN_GROWTH_OF,
    EN_OF,
    EN_PER_HOUSEHOLD,
    EN_RATE,
    EN_REDUCE,
    EN_REDUCE_AFTER,
    EN_REDUCE_VERB,
    EN_REL_LEVEL,
    EN_TO_LEVEL,
)
from .rules_zh import ZH_ANNUAL, ZH_GROW, ZH_PER_HOUSEHOLD, ZH_RATE, ZH_REDUCE, ZH_SCALE_WORD, ZH_TO_LEVEL
from .segment import LIST_INTRO, Sent

# a physical amount per group of households: "每百户…30平方米", "30 m2 per 100 households"
_PHYSICAL_PER_SCOPE_UNITS = {"m2", "km2", "m3", "km", "t", "kWh"}


@dataclass
class Measured:
    """What :func:`direction_and_measure` decides about a quantity."""

    comparator: str
    measure: str  # level | share | change_from_base | average_annual_growth
    value: float | None
    value_high: float | None
    unit: str
    notes: list[str] = field(default_factory=list)
    intro_governed: bool = False  # the direction came from a list intro's closing verb


def rate_unit(doc: Doc, a: Around) -> str:
    """The unit with its rate or scope: "per 10,000 employed" (rates in the clause / sentence), and Chinese
    amounts per head ("生产总值达到3万亿元、人均超过1万美元" → USD per capita)."""
    text, lang = doc.text, doc.lang
    q, s, clause, pre = a.q, a.s, a.clause, a.pre
    unit = q.unit
    if unit == "count":
        rates = ZH_RATE if lang == "zh" else EN_RATE
        scope = text[clause[0] : clause[1]] if lang == "zh" else text[s.start : s.end]
        for rx, r_unit in rates:
            m = rx.search(scope)
            if m:
                unit = r_unit
                break
    if (
        lang == "zh"
        and unit in ("CNY", "USD", "EUR", "GBP")
        and re.search(r"(?:^|[、，,和])\s*人均\s*(?:达到|超过|突破|不低于|为|达|超)?\s*(?:约|近)?\s*\Z", pre)
    ):
        unit = f"{unit} per capita"  # "生产总值达到3万亿元、人均超过1万美元"
    return unit


def direction_and_measure(doc: Doc, a: Around, unit: str, comparator: str, cmp_src: str) -> Measured:
    """Direction and measure of ``q`` (and the comparator "to X" makes after a reduction verb: at_most)."""
    text, lang = doc.text, doc.lang
    q, s, clause, pre, pre_l, post = a.q, a.s, a.clause, a.pre, a.pre_l, a.post
    value = q.value
    value_high = q.value_high
    notes: list[str] = []
    intro_governed = False
    measure = "level"
    change = False
    reduce_ = False
    if lang == "en":
        window = EN_CMP_WORDS.sub(" ", pre_l[-80:])
        by = EN_BY.search(pre_l) is not None
        of = EN_OF.search(pre_l) is not None
        reduce_word = EN_REDUCE.search(window)
        if by and unit in ("%", "pp") and not reduce_word and not EN_GROW.search(window):
            gov, intro_governed = _governing_verb(doc, q, s)
            if gov == "reduce":
                reduce_word = True
                notes.append("reduction verb earlier in the sentence governs this 'by N%'")
            elif gov == "grow":
                window += " increase"
                notes.append("increase verb earlier in the sentence governs this 'by N%'")
        rel = EN_REL_LEVEL.match(post) if unit == "%" else None
        if rel:
            # "to 26–28 per cent below 2005 levels": a change from the base year, not a share
            change = True
            reduce_ = rel.group("d").lower() in ("below", "under", "lower")
        elif (reduce_word and (by or of)) or (EN_REDUCE_AFTER.match(post) and unit in ("%", "pp")):
            reduce_ = True
            change = True
        elif reduce_word and EN_TO_LEVEL.search(pre_l) and not cmp_src:
            comparator = "at_most"
        elif ((by or of) and EN_GROW.search(window) and unit in ("%", "pp", "years", "x")) or (
            unit == "%" and EN_GROWTH_OF.search(pre_l)
        ):
            change = True
        annual = bool(EN_ANNUAL.search(text[clause[0] : min(clause[1], q.end + 30)])) or bool(
            re.search(r"\baverage\s+annual\b", pre_l)
        )
        if unit == "%" and annual and (change or EN_GROWTH_NOUN.search(pre_l)):
            measure = "average_annual_growth"
            change = False
            if reduce_word and (by or of):
                value = -abs(value) if value is not None else value
        elif change:
            measure = "change_from_base"
    else:
        window = pre[-16:]
        if ZH_REDUCE.search(window) and not re.search(
            r"(?:降至|降到|下降到|降低到|减少到|减至|压缩到|压减到|压减至)\s*"
            r"(?:约|近)?\s*\Z",
            window,
        ):
            reduce_ = True
            change = True
        elif (
            (
                ZH_GROW.search(window)
                and not ZH_TO_LEVEL.search(window)
                and unit in ("%", "pp", "years", "x")
            )
            or re.search(r"(?:涨幅|增速|增幅|增长率|增长速度)", pre[-20:])
            and unit == "%"
        ):
            change = True
        elif (
            unit == "%"
            and re.search(r"增长|增速|涨幅|增幅", pre)
            and not re.search(r"占|比重|比例|占比|率(?!.*增)", pre)
        ):
            change = True  # "经济增长预期目标为5%左右"
        annual = bool(ZH_ANNUAL.search(text[clause[0] : q.end]))
        if unit == "%" and annual and (change or re.search(r"增|涨|速", pre)):
            measure = "average_annual_growth"
            if reduce_:
                value = -abs(value) if value is not None else value
            change = False
        elif change:
            measure = "change_from_base"
    if unit == "x" and change:
        # "增长3倍" → +300 %
        value = value * 100 if value is not None else value
        value_high = value_high * 100 if value_high is not None else None
        unit = "%"
    if reduce_ and measure == "change_from_base":
        value = -abs(value) if value is not None else value
        value_high = -abs(value_high) if value_high is not None else None
    if measure == "level" and unit == "%":
        measure = "share"
    if (
        unit == "count"
        and lang == "zh"
        and re.search(r"指数\s*(?:从[^，,。]*)?(?:提高到|达到|为|达)?\s*\Z", pre)
    ):
        unit = "index"
    if unit == "count" and lang == "en" and re.search(r"\bindex\b[^.]{0,30}\Z", pre_l):
        unit = "index"
    if unit == "count" and q.kind == "count" and (
        re.search(r"系数\s*(?:从[^，,。]*)?(?:提高到|提升到|达到|为|达|不低于|不小于|大于|超过)?\s*\Z", pre)
        if lang == "zh"
        else re.search(r"\bcoefficient\b[^.]{0,30}\Z", pre_l)
    ):
        unit = "coefficient"  # "农田灌溉水有效利用系数达到0.58": dimensionless
    if unit in _PHYSICAL_PER_SCOPE_UNITS:
        # "每百户居民拥有…面积大于30平方米" → m2 per 100 households
        rx = ZH_PER_HOUSEHOLD if lang == "zh" else EN_PER_HOUSEHOLD
        m = rx.search(text[clause[0] : q.start] if lang == "zh" else text[s.start : s.end])
        if m:
            n = m.group("n")
            n = ZH_SCALE_WORD.get(n, n) if n else None
            unit = f"{unit} per {n} households" if n else f"{unit} per household"
    return Measured(comparator, measure, value, value_high, unit, notes, intro_governed)


def _governing_verb(doc: Doc, q: Quantity, s: Sent) -> tuple[str | None, bool]:
    """"reduce"/"grow" when the last change verb before ``q`` in its sentence governs its "by N%", and whether
    that verb closes a list intro (see :func:`_intro_verb`) rather than standing in the sentence.

    The verb may be far away, past a long noun phrase or list ("reduce the use of A, the loss of B and the
    sale of C by 40%"), or past earlier "X by N%" pairs ("cut A by 15%, B by 25% and C by 50%"). Not when
    the number is a share ("by 40% of members"), or a level ("to 40%") or a new verb clause intervenes."""
    if re.match(r"\s*of\b", doc.text[q.end : q.end + 8], re.I):
        return None, False
    lo = max(s.start, q.start - 320)
    seg = doc.text[lo : q.start]
    seg = seg[max(seg.rfind(";"), seg.rfind(":")) + 1 :]
    last = None
    for m in EN_REDUCE_VERB.finditer(seg):
        last = ("reduce", m)
    for m in EN_GROW_VERB.finditer(seg):
        if last is None or m.start() > last[1].start():
            last = ("grow", m)
    if last is None:
        verb = _intro_verb(doc, s, seg)
        return verb, verb is not None
    between = seg[last[1].end() :]
    if re.search(
        r"\b(?:to|at)\s+(?:around\s+|about\s+|at\s+least\s+)?\d|\b(?:which|that|who|while|whereas|but)\b|"
        r"\b(?:will|shall|should|must|is|are|was|were|has|have)\b",
        between,
        re.I,
    ):
        return None, False
    return last[0], False


def _intro_verb(doc: Doc, s: Sent, seg: str) -> str | None:
    """"reduce"/"grow" when ``q`` sits in a bullet with no verb of its own and the list intro ends with a
    change verb ("Targets for 2030 include reducing: • A by 55%; • B by 30%")."""
    if not s.bullet or re.search(r"\b(?:to|at)\s+\d|\b(?:will|shall|is|are|was|were)\b", seg, re.I):
        return None
    i = doc.sent_index(s)
    j = i - 1
    while j >= 0 and i - j <= 12 and doc.sents[j].bullet:
        j -= 1
    if j < 0 or i - j > 12:
        return None
    intro = doc.text[doc.sents[j].start : doc.sents[j].end].rstrip()
    if not LIST_INTRO.search(intro):
        return None
    tail = intro[-60:]
    rm = list(EN_REDUCE_VERB.finditer(tail))
    gm = list(EN_GROW_VERB.finditer(tail))
    if not (rm or gm):
        return None
    last = max(rm + gm, key=lambda x: x.start())
    # the verb must close the intro ("… the EU reducing:"), not sit in its middle
    if re.search(r"\w", re.sub(r"\W*(?:the\s+following|by)?\W*\Z", "", tail[last.end() :])):
        return None
    return "reduce" if last in rm else "grow"

