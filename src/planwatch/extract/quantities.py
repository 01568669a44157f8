"""Find quantities in text: a compiled regex for the number, anchored regexes for what follows it.

A :class:`Quantity` is a number (or a range) with its unit, normalised the way FORMAT.md wants it: currency
in base units ("1.2万亿元" → 1.2e12 CNY), counts as plain numbers ("1100万人" → 1.1e7 count), percent vs
percentage points, physical units as symbols. Dates, years, ordinals, labels ("Mission 3", "5G", "COP-26")
and the "10,000" of "per 10,000 employed" are not quantities.

The recogniser is deliberately context-free; deciding whether a quantity is a target, a fact or a projection
is the job of :mod:`.resolve` and :mod:`.classify`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .budget import checked
from .numbers import (
    EN_MAGNITUDE,
    parse_cn_numeral,
    parse_digits,
    parse_en_fraction,
    parse_en_words,
)
from .patterns import EN_MONTHS


@dataclass
class Quantity:
    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str
    kind: str  # percent | pp | currency | count | physical | time | multiple | index
    raw: str
    hint: str | None = None  # a comparator implied by the number itself ("200余家" → more_than)
    from_to: bool = False  # the second number of "from X to Y" (X is a baseline)
    baseline: bool = False  # the X of "from X to Y"
    magnitude: bool = False  # a magnitude word was written (million, 万, 亿)
    fraction: bool = False  # written as a fraction ("one third", "三分之一")


YEAR_MIN, YEAR_MAX = 1900, 2100


def is_year(v: float | None) -> bool:
    return v is not None and float(v).is_integer() and YEAR_MIN <= v <= YEAR_MAX


# --- English --------------------------------------------------------------------------------------

_W_NUM = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_W_SCALE = r"hundred|thousand|millions?|billions?|trillions?"
_W_FRAC = r"halves|half|thirds?|quarters?|fifths?|tenths?"
_EN_WORDS = (
    rf"(?:half\s+an?\s+(?:million|billion|trillion)"
    rf"|half(?=\s+(?:of|the|this|these|that|those|its|their|our|all)\b)|(?<=\bby\s)half"
    rf"|(?:an?|{_W_NUM})(?:[\s-]+(?:and[\s-]+)?(?:{_W_NUM}|{_W_SCALE}))*(?:[\s-]+(?:{_W_FRAC}))?)"
)
_W_SCALE_RE = re.compile(r"(?i)\b(?:thousand|millions?|billions?|trillions?)\b")
_EN_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)|\d+(?:\.\d+)?"
_CUR_PRE = r"US\$|A\$|C\$|HK\$|\$|€|£|¥|(?:USD|EUR|GBP|RMB|CNY)\s?"

EN_NUM_RE = re.compile(
    rf"(?:(?P<pre>(?<![\w.,])(?:{_CUR_PRE}))|(?<![\w.,]))(?P<dig>{_EN_DIGITS})|(?P<pre2>{_CUR_PRE})?\b(?P<words>{_EN_WORDS})\b",
    re.IGNORECASE,
)
_EN_MAG_RE = re.compile(
    r"[ \u00a0]?(?P<mag>thousand|millions?|billions?|trillions?|mn|bn|tn|trn|mln|bln|[mbk])\b", re.IGNORECASE
)
_EN_WORD_TO_RE = re.compile(
    rf"\s+(?:to|-|–)\s+(?P<w2>(?:{_W_NUM})(?:[\s-]+(?:and[\s-]+)?(?:{_W_NUM}|{_W_SCALE}))*)\b", re.IGNORECASE
)
_EN_RANGE_REPEAT_RE = re.compile(
    r"\s*(?:-|–|—|to)\s*(?P<pre>" + _CUR_PRE + r")?(?P<n2>" + _EN_DIGITS + r")", re.IGNORECASE
)
_EN_FRAC_OF_RE = re.compile(r"[\s-]+(?:out\s+of|in)\s+(?P<den>\d+|" + _W_NUM + r")\b", re.IGNORECASE)

# Units after an English number: (regex, unit, factor, kind). First match wins, so longer spellings go first.
_EN_UNITS: list[tuple[str, str, float, str]] = [
    (r"\s?%", "%", 1, "percent"),
    (r"\s*(?:per\s?cent|percent|pct)\b", "%", 1, "percent"),
    (r"\s*(?:percentage[\s-]points?|p\.p\.|pp\b|ppts?\b)", "pp", 1, "pp"),
    (r"\s*(?:US\s+dollars?|U\.S\.\s+dollars?|dollars?|USD\b)", "USD", 1, "currency"),
    (r"\s*(?:euros?\b|EUR\b)", "EUR", 1, "currency"),
    (r"\s*(?:pounds?\s+sterling|pounds?\b|GBP\b)", "GBP", 1, "currency"),
    (r"\s*(?:yuan\b|renminbi\b|RMB\b|CNY\b)", "CNY", 1, "currency"),
    (
        r"\s*(?:(?:metric\s+)?(?:tonnes|tons|tonne|ton)\b|t\b)(?=(?:\s+of)?\s+(?:carbon\s+dioxide|CO2|CO₂|"
        r"greenhouse\s+gas|GHG))",
        "t CO2e",
        1,
        "physical",
    ),
    (r"\s*(?:Mt|MtCO2e?|Mt\s+CO2e?)\b", "Mt CO2e", 1, "physical"),
    (r"\s*(?:Gt|GtCO2e?|Gt\s+CO2e?)\b", "Mt CO2e", 1000, "physical"),
    (r"\s*(?:metric\s+)?(?:tonnes|tons|tonne|ton)\b", "t", 1, "physical"),
    (r"\s*(?:gigawatts?|GW)\b", "GW", 1, "physical"),
    (r"\s*(?:megawatts?|MW)\b", "MW", 1, "physical"),
    (r"\s*(?:kilowatts?|kW)\b", "kW", 1, "physical"),
    (r"\s*(?:terawatt[\s-]hours?|TWh)\b", "TWh", 1, "physical"),
    (r"\s*(?:gigawatt[\s-]hours?|GWh)\b", "GWh", 1, "physical"),
    (r"\s*(?:megawatt[\s-]hours?|MWh)\b", "MWh", 1, "physical"),
    (r"\s*(?:kilowatt[\s-]hours?|kWh)\b", "kWh", 1, "physical"),
    (r"\s*(?:square\s+kilomet(?:re|er)s?|sq\.?\s*km|km2|km²)", "km2", 1, "physical"),
    (r"\s*(?:square\s+met(?:re|er)s?|sq\.?\s*m\b|m2\b|m²)", "m2", 1, "physical"),
    (r"\s*(?:kilomet(?:re|er)s?|km)\b", "km", 1, "physical"),
    (r"\s*miles?\b", "miles", 1, "physical"),
    (r"\s*(?:hectares?|ha)\b", "ha", 1, "physical"),
    (r"\s*acres?\b", "acres", 1, "physical"),
    (r"\s*(?:degrees?\s+(?:Celsius|C)\b|°\s?C|℃)", "°C", 1, "physical"),
    (r"\s*(?:micrograms?\s+per\s+cubic\s+met(?:re|er)|µg/m3|μg/m3|µg/m³|μg/m³)", "μg/m3", 1, "physical"),
    (r"\s*(?:EFLOPS|PFLOPS|TFLOPS|EB|PB|TB|Tbps|Gbps|Mbps)\b", "", 1, "physical"),  # unit kept as written
    (r"\s*(?:years?|yrs?)\b", "years", 1, "time"),
    (r"\s*months?\b", "months", 1, "time"),
    (r"\s*weeks?\b", "weeks", 1, "time"),
    (r"\s*days?\b", "days", 1, "time"),
    (r"\s*hours?\b", "hours", 1, "time"),
    (r"\s*minutes?\b", "minutes", 1, "time"),
    (r"\s*(?:times|-fold|fold)\b", "x", 1, "multiple"),
]
_EN_RANGE_RE = re.compile(
    r"(?P<u1>\s?%|\s*(?:per\s?cent|percent))?\s*(?:-|–|—|~|to|and)\s*(?P<pre>"
    + _CUR_PRE
    + r")?(?P<n2>"
    + _EN_DIGITS
    + r")",
    re.IGNORECASE,
)
_EN_MONTH_BEFORE = re.compile(rf"\b(?:{EN_MONTHS})\.?\s*\Z", re.IGNORECASE)
_EN_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{EN_MONTHS})\b", re.IGNORECASE)
_EN_LABEL_BEFORE = re.compile(
    r"\b(?:mission|missions|goal|sdg|article|articles|art|section|chapter|part|stage|stages|phase|level|tier|"
    r"scope|grade|class|category|item|no|nos|number|page|pages|p|pp|para|paragraph|annex|appendix|point|"
    r"step|round|version|v|day|week|pillar|priority|objective|target|figure|fig|table|rule|law|act|"
    r"covid|cop|g|group|line|route|highway|room|box|unit|lot|plan|decision|resolution|regulation)"
    r"\.?\s*(?:#\s*)?\Z",
    re.IGNORECASE,
)
_EN_META_NOUNS = re.compile(
    r"\s*(?:(?:other|more|key|main|major|specific|core|strategic|priority|policy|new|broad|cardinal)\s+){0,2}(?:missions?|goals?|targets?|objectives?|indicators?|pillars?|priorities|"
    r"points?|parts?|chapters?|sections?|articles?|measures?|actions?|tasks?|departments?|ministries|"
    r"agencies|members?|member\s+states|countries|nations|partners|areas?|pages?|steps?|principles?|"
    r"orientations?|dimensions?|aspects?|categories|items?|recommendations?|"
    r"initiatives?|programmes?|programs?|strateg(?:y|ies)|projects?\s+selected)\b",
    re.IGNORECASE,
)


_EN_COUNTED = re.compile(
    r"(?:\s+[\w&'’/-]+){0,5}?\s+(?:(?!(?:this|thus|its|his|has|was|is|as|us|plus|less|across|unless|always|perhaps|"
    r"towards|afterwards|besides|whereas|focus|status|bus|gas|basis|analysis|process|access|progress|business|"
    r"emissions?\s+from)\b)[A-Za-z-]{1,}[a-rt-z]s|people|persons|children|men|women|staff|personnel|"
    r"adults|cattle|sheep|fish|aircraft|data|media|criteria|units|nodes|homes|jobs)\b",
    re.IGNORECASE,
)


# A bare number followed by more numbers ("12 345 6.7 2031 …", a statistical table, a list of codes): what follows
# it is a digit, so no unit, magnitude, range or "out of" can be read, and no letter stands in the next six
# whitespace-separated chunks, so no counted noun is in reach of _EN_COUNTED ([a-z] under IGNORECASE also matches
# U+0130, U+0131, U+017F and U+212A). Such a number is never a quantity; this test rejects it first, in one
# match, because text made of numbers is made of nothing else.
_NOT_LETTER = r"[^\sA-Za-z\u0130\u0131\u017f\u212a]"
_EN_BARE_RUN = re.compile(rf"\s+\d{_NOT_LETTER}*(?:\s+{_NOT_LETTER}+){{5}}")

# one alternation tried once per number (first alternative wins, as in the table's order)
_EN_UNIT_ANY = re.compile(
    "|".join(
        f"(?P<u{i}>{p if u == 'pp' else '(?i:' + p + ')'})" for i, (p, u, _f, _k) in enumerate(_EN_UNITS)
    )
)


def _unit_at(rx: re.Pattern[str], table, text: str, pos: int) -> tuple[str, float, str, int] | None:
    """The unit written at ``pos`` (one alternation per table row, group ``u<row>``): unit, factor, kind, end."""
    m = rx.match(text, pos)
    if not m:
        return None
    _p, unit, factor, kind = table[int(m.lastgroup[1:])]
    return (unit or m.group(0).strip()), factor, kind, m.end()


def _en_unit(text: str, pos: int) -> tuple[str, float, str, int] | None:
    return _unit_at(_EN_UNIT_ANY, _EN_UNITS, text, pos)


def find_en(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    n = len(text)
    skip_until = -1
    for m in checked(EN_NUM_RE.finditer(text), 1024):
        if m.start() < skip_until:
            continue
        start = m.start()
        word_range: float | None = None
        pre = m.group("pre") or m.group("pre2")
        dig = m.group("dig")
        words = m.group("words")
        pos = m.end()
        value: float | None
        fraction = False
        if dig is not None:
            if pre is None and _EN_BARE_RUN.match(text, pos):
                continue  # one number of a run of numbers: nothing after it can make it a quantity
            try:
                value = parse_digits(dig)
            except ValueError:
                continue
            if pre is None and is_year(value) and not _EN_MAG_RE.match(text, pos) and _en_unit(text, pos) is None:
                # a year with no unit or magnitude written after it: no range, share or unit can be read for it
                # below (each of those refuses a year), so every path ends at "a year"; decided here, in two matches
                continue
            # labels, dates, ordinals, compounds: "Mission 3", "May 17", "14th", "5G", "10-point", "COVID-19"
            before = text[max(0, start - 24) : start]
            if pre is None and (re.search(r"[A-Za-z]-?\Z|[A-Za-z]\d*[./]\Z|\d[./:-]\Z", before)):
                continue
            nxt = text[pos : pos + 2]
            if nxt[:1].isalpha() and _en_unit(text, pos) is None and not _EN_MAG_RE.match(text, pos):
                continue  # 5G, 4th, 1.5C, 2nd
            if (
                re.match(r"-[A-Za-z]", nxt)
                and not re.match(r"-(?:fold)\b", text[pos : pos + 6])
                and (_en_unit(text, pos + 1) is None)
            ):
                continue  # 10-point plan, five-year budget
            if re.match(r"[:/.]\d", text[pos : pos + 2]) or re.match(r"-\d{1,2}-\d", text[pos : pos + 5]):
                continue  # 10:32, 1/2, 2023-05-30, 1.2.3
            if pre is None and (_EN_MONTH_BEFORE.search(before) or _EN_MONTH_AFTER.match(text, pos)):
                continue  # dates: May 17, 17 May
            if pre is None and _EN_LABEL_BEFORE.search(before):
                continue
            if re.search(r"\bper\s+\Z", before, re.IGNORECASE):
                continue  # the 10,000 of "per 10,000 employed"
        else:
            w = words or ""
            # "one million and two million": two numbers, not one
            parts = re.split(r"[\s-]+and[\s-]+", w, flags=re.IGNORECASE)
            if len(parts) == 2 and all(_W_SCALE_RE.search(x) for x in parts):
                left, right = parse_en_words(parts[0]), parse_en_words(parts[1])
                if left is not None and right is not None and right > left:
                    before_w = text[max(0, start - 12) : start].lower()
                    pos = start + len(parts[0])
                    w = parts[0]
                    if re.search(r"\bbetween\s+\Z", before_w):
                        word_range = right
                        pos = m.end()
            if w.lower() in ("a", "an"):
                continue  # "a year", "an area": only "a million", "a quarter", … are numbers
            frac_v = parse_en_fraction(w)
            if frac_v is not None:
                value = frac_v
                fraction = True
            else:
                value = parse_en_words(w)
                if value is None:
                    continue
        # magnitude word
        magnitude = (
            bool(words)
            and re.search(r"(?i)\b(?:thousand|millions?|billions?|trillions?)\b", words) is not None
        )
        mm = _EN_MAG_RE.match(text, pos)
        if mm and not fraction:
            mag = mm.group("mag").lower()
            # "m"/"b"/"k" only after a currency sign ($7.5bn, £3m); "5 m2" is an area
            if (len(mag) > 1 or pre) and not (
                mag == "m" and re.match(r"\s?m\s*(?:2|²)", text[pos : pos + 5])
            ):
                value = value * EN_MAGNITUDE[mag]
                pos = mm.end()
                magnitude = True
        # "three out of four", "one in five": a share
        if not fraction and not magnitude and pre is None:
            fm = _EN_FRAC_OF_RE.match(text, pos)
            if fm:
                den_s = fm.group("den")
                den = float(den_s) if den_s.isdigit() else parse_en_words(den_s)
                if den and value is not None and 0 < value < den <= 100 and not (dig and is_year(value)):
                    # only "X in Y" when followed by a noun phrase (one in five adults), not "in 2025"
                    value = round(100.0 * value / den, 2)
                    pos = fm.end()
                    fraction = True
        from_word = re.search(r"\bfrom\s+(?:the\s+)?\Z", text[max(0, start - 12) : start].lower())
        if from_word:
            pass  # "from one million to two million": a baseline and a target, not a range
        elif word_range is None and words is not None and not magnitude and not fraction:
            # "one million to two million", "five to ten years"
            wm = _EN_WORD_TO_RE.match(text, pos)
            if wm:
                right = parse_en_words(wm.group("w2"))
                if right is not None and value is not None and right > value:
                    word_range = right
                    pos = wm.end()
                    magnitude = magnitude or bool(_W_SCALE_RE.search(wm.group("w2")))
        elif word_range is None and words is not None and magnitude:
            wm = _EN_WORD_TO_RE.match(text, pos)
            if wm:
                right = parse_en_words(wm.group("w2"))
                if right is not None and value is not None and right > value:
                    word_range = right
                    pos = wm.end()
        if words is not None and not fraction and not magnitude and _en_unit(text, pos) is None:
            continue  # a bare number word ("one of", "twelve missions"): only with a unit ("two years")
        value_high: float | None = word_range
        # range: "6%-7%", "6 to 7 percent", "50-\n52 percent", "between 6 and 7 percent", "1.5 to 2 billion"
        unit_first = None
        if dig is not None:
            rm = _EN_RANGE_RE.match(text, pos)
            if rm:
                joiner = text[pos : rm.start("n2")]
                is_to = bool(re.search(r"\bto\b", joiner, re.IGNORECASE))
                is_and = bool(re.search(r"\band\b", joiner, re.IGNORECASE))
                before_l = text[max(0, start - 16) : start].lower()
                from_to = is_to and re.search(r"\bfrom\s+(?:the\s+)?(?:[\w$€£]+\s+)?\Z", before_l)
                between = is_and and re.search(r"\bbetween\s+\Z", before_l)
                try:
                    v2: float | None = parse_digits(rm.group("n2"))
                except ValueError:
                    v2 = None
                ok = v2 is not None and not is_year(v2) and not is_year(value)
                if ok and is_to and rm.group("u1") and not re.match(
                    r"\s?(?:%|per\s?cent|percent)", text[rm.end() : rm.end() + 9], re.IGNORECASE
                ):
                    ok = False  # "by 50% to 6,000": a change and the level it leads to, not a range
                if ok and v2 is not None and (between or (not is_and and not from_to)):
                    p2 = rm.end()
                    mm2 = _EN_MAG_RE.match(text, p2)
                    if mm2 and (len(mm2.group("mag")) > 1 or rm.group("pre") or pre):
                        mult = EN_MAGNITUDE[mm2.group("mag").lower()]
                        v2 *= mult
                        p2 = mm2.end()
                        if not magnitude and value is not None:
                            value *= mult
                            magnitude = True
                    elif magnitude and value is not None and dig:
                        v2 *= value / parse_digits(dig)
                    glued = re.match(r"-[A-Za-z]", text[p2 : p2 + 2]) or (
                        text[p2 : p2 + 1].isalpha() and not _en_unit(text, p2)
                    )
                    if not glued:
                        value_high = v2
                        unit_first = rm.group("u1")
                        pos = p2
        unit_info = _en_unit(text, pos)
        if (
            unit_info
            and unit_info[2] == "currency"
            and re.match(r"\s*\d", text[unit_info[3] : unit_info[3] + 3])
        ):
            unit_info = None  # "in 2025 RMB 3 trillion": the code belongs to the next number
        if unit_first and unit_info is None:
            unit_info = ("%", 1, "percent", pos)
        if unit_info and value_high is None and dig is not None:
            rm2 = _EN_RANGE_REPEAT_RE.match(text, unit_info[3])
            before_r = text[max(0, start - 16) : start].lower()
            if rm2 and not re.search(r"\bfrom\s+(?:the\s+)?\Z", before_r):
                try:
                    v2r = parse_digits(rm2.group("n2"))
                except ValueError:
                    v2r = None
                p3 = rm2.end()
                mm3 = _EN_MAG_RE.match(text, p3)
                if v2r is not None and mm3 and len(mm3.group("mag")) > 1:
                    v2r *= EN_MAGNITUDE[mm3.group("mag").lower()]
                    p3 = mm3.end()
                u2 = _en_unit(text, p3)
                if (
                    v2r is not None
                    and u2
                    and u2[0] == unit_info[0]
                    and (pre is None) == (rm2.group("pre") is None)
                ):
                    value_high = v2r * (value / parse_digits(dig) if magnitude and not mm3 else 1.0)
                    unit_info = (u2[0], u2[1], u2[2], u2[3])
        if pre:
            p = pre.strip().upper()
            cur = {
                "$": "USD",
                "US$": "USD",
                "USD": "USD",
                "€": "EUR",
                "EUR": "EUR",
                "£": "GBP",
                "GBP": "GBP",
                "¥": "CNY",
                "RMB": "CNY",
                "CNY": "CNY",
                "A$": "AUD",
                "C$": "CAD",
                "HK$": "HKD",
            }.get(p, "USD")
            unit, factor, kind = cur, 1.0, "currency"
            if unit_info and unit_info[2] == "currency":
                pos = unit_info[3]
        elif unit_info:
            unit, factor, kind, pos = unit_info
        else:
            unit, factor, kind = "count", 1.0, "count"
            if dig is not None and not magnitude and is_year(value) and value_high is None:
                continue  # a year
            if _EN_META_NOUNS.match(text, pos):
                continue  # "twelve missions", "12 other departments", "four cardinal points"
            if (
                not magnitude
                and not fraction
                and not _EN_COUNTED.match(text, pos)
                and not re.match(r"\s*(?:[.;,)]|$)", text[pos : pos + 2])
                and not (
                    re.search(r"\bto\s+\Z", text[max(0, start - 4) : start])
                    and re.match(r"\s+(?:by|in)\s+(?:19|20)\d\d\b", text[pos : pos + 10])
                )
            ):
                continue  # "Fit for 55 package": a bare number names something; counts are of plural nouns
        if unit == "t CO2e":
            unit, factor = "Mt CO2e", 1e-6
            tail = re.match(
                r"(?:\s+of)?\s+(?:carbon\s+dioxide|CO2|CO₂|greenhouse\s+gas(?:es)?|GHG)"
                r"(?:\s+(?:equivalent|emissions))?",
                text[pos : pos + 60],
                re.IGNORECASE,
            )
            if tail:
                pos += tail.end()
        value = value * factor if value is not None else None
        if value_high is not None:
            value_high = value_high * factor
        if fraction and unit == "count":
            unit, kind = "%", "percent"
        out.append(
            Quantity(
                start,
                min(pos, n),
                value,
                value_high,
                unit,
                kind,
                text[start:pos],
                None,
                magnitude=magnitude,
                fraction=fraction,
            )
        )
        skip_until = pos
    return out


# --- Chinese --------------------------------------------------------------------------------------

_CN_NUMERAL = r"[零〇一二两三四五六七八九十百千万亿]+"
_ZH_NUM_RE = re.compile(
    r"(?P<pct>百分之|千分之)(?P<pnum>" + _CN_NUMERAL + r"(?:点[零一二三四五六七八九]+)?|\d+(?:\.\d+)?)"
    r"|(?P<fden>" + _CN_NUMERAL + r"|\d+)分之(?P<fnum>" + _CN_NUMERAL + r"|\d+)"
    r"|(?<![\d.])(?P<dig>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"|(?P<cn>[一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*(?:点[零一二三四五六七八九]+)?)"
)
_ZH_MAG = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
    "亿": 1e8,
    "千": 1e3,
    "百": 1e2,
}
_ZH_MAG_RE = re.compile(r"(?P<approx>余|多)?(?P<mag>万亿|千亿|百亿|十亿|千万|百万|十万|万|亿)")
_ZH_APPROX_RE = re.compile(r"余|多")
# (regex, unit, factor, kind)
_ZH_UNITS: list[tuple[str, str, float, str]] = [
    (r"\s?(?:%|％)", "%", 1, "percent"),
    (r"个百分点|百分点", "pp", 1, "pp"),
    (r"‰", "‰", 1, "per_mille"),
    (r"元/人|元每人", "CNY per person", 1, "currency"),
    (r"元人民币|元|人民币", "CNY", 1, "currency"),
    (r"美元", "USD", 1, "currency"),
    (r"欧元", "EUR", 1, "currency"),
    (r"英镑", "GBP", 1, "currency"),
    (r"港元|港币", "HKD", 1, "currency"),
    (r"日元", "JPY", 1, "currency"),
    (r"微克/立方米|微克每立方米|μg/m3|μg/m³|µg/m3|µg/m³", "μg/m3", 1, "physical"),
    (r"毫克/升", "mg/L", 1, "physical"),
    (r"吨二氧化碳当量|吨二氧化碳", "Mt CO2e", 1e-6, "physical"),
    (r"吨标准煤|吨标煤", "Mtce", 1e-6, "physical"),
    (r"吨", "t", 1, "physical"),
    (r"公斤|千克", "t", 1e-3, "physical"),
    (r"斤", "t", 5e-4, "physical"),
    (r"千瓦时|度电", "kWh", 1, "physical"),
    (r"千瓦", "GW", 1e-6, "physical"),
    (r"兆瓦", "GW", 1e-3, "physical"),
    (r"吉瓦", "GW", 1, "physical"),
    (r"平方公里|平方千米", "km2", 1, "physical"),
    (r"平方米", "m2", 1, "physical"),
    (r"公里|千米", "km", 1, "physical"),
    (r"公顷", "ha", 1, "physical"),
    (r"亩", "ha", 1 / 15, "physical"),
    (r"立方米/日|立方米/天|立方米每日", "m3/d", 1, "physical"),
    (r"立方米", "m3", 1, "physical"),
    (
        r"\s?(?:EFLOPS|PFLOPS|TFLOPS|EB|PB|TB|Tbps|Gbps|Mbps|GW|MW|kW|TWh|GWh|kWh|km|Mt)(?![A-Za-z])",
        "",
        1,
        "physical",
    ),
    (r"岁", "years", 1, "time"),
    (r"年(?![度初底末前内来间后中代份])", "years", 1, "time"),
    (r"个月", "months", 1, "time"),
    (r"天", "days", 1, "time"),
    (r"个?小时", "hours", 1, "time"),
    (r"分钟", "minutes", 1, "time"),
    (r"倍", "x", 1, "multiple"),
    (r"人次|万人次", "count", 1, "count"),
    (r"[人个家件户项所座台辆名套处张部架艘颗只头株棵条批支篇本款片间栋位次种类场]", "count", 1, "count"),
]
_ZH_RANGE_RE = re.compile(
    r"(?P<u1>%|％)?\s*(?:-|–|—|~|～|至|到)\s*(?P<n2>\d+(?:,\d{3})*(?:\.\d+)?)(?P<mag2>万亿|千万|百万|万|亿)?"
)
_ZH_META = re.compile(
    r"[^，,。；;：:、]{0,4}?(?:指标|目标|任务|方面|措施|部门|条|章|节|内容|领域|环节|原则|重点|举措|行动|工程|方针|意见|"
    r"大类|次会议|届|批次|项目组|个方面|条意见)"
)


_ZH_UNIT_ANY = re.compile("|".join(f"(?P<u{i}>{p})" for i, (p, _u, _f, _k) in enumerate(_ZH_UNITS)))


def _zh_unit(text: str, pos: int) -> tuple[str, float, str, int] | None:
    return _unit_at(_ZH_UNIT_ANY, _ZH_UNITS, text, pos)


def find_zh(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    n = len(text)
    skip_until = -1
    for m in checked(_ZH_NUM_RE.finditer(text), 1024):
        if m.start() < skip_until:
            continue
        start = m.start()
        pos = m.end()
        fraction = False
        hint: str | None = None
        if m.group("pct"):
            v = (
                parse_cn_numeral(m.group("pnum"))
                if not m.group("pnum")[0].isdigit()
                else float(m.group("pnum"))
            )
            if v is None:
                continue
            if m.group("pct") == "百分之":
                unit, kind = "%", "percent"
            else:
                unit, kind = "‰", "per_mille"
            out.append(Quantity(start, pos, v, None, unit, kind, text[start:pos], None))
            skip_until = pos
            continue
        if m.group("fden"):
            den_s, num_s = m.group("fden"), m.group("fnum")
            den = float(den_s) if den_s.isdigit() else parse_cn_numeral(den_s)
            num = float(num_s) if num_s.isdigit() else parse_cn_numeral(num_s)
            if not den or num is None:
                continue
            out.append(
                Quantity(
                    start,
                    pos,
                    round(100.0 * num / den, 2),
                    None,
                    "%",
                    "percent",
                    text[start:pos],
                    None,
                    fraction=True,
                )
            )
            skip_until = pos
            continue
        dig = m.group("dig")
        magnitude = False
        if dig is not None:
            before = text[max(0, start - 3) : start]
            if re.search(r"[A-Za-z]\Z|\d\s?[-/.:]\Z", before):
                continue  # IPv6, SRv6, COVID-19, the 05 of 2024-05-07
            try:
                value = parse_digits(dig)
            except ValueError:
                continue
            nx = text[pos : pos + 1]
            if nx and (nx in "月日时号点:：/" or (nx == "-" and re.match(r"-\d{1,2}-", text[pos : pos + 5]))):
                continue  # dates and times: 5月, 12日, 9时, 10:32, 2024-05-07
            if re.match(r"[A-Za-z]", nx) and not re.match(
                r"(?:EFLOPS|PFLOPS|TFLOPS|EB|PB|TB|Tbps|Gbps|Mbps|GW|MW|kW|TWh|GWh|kWh|km|Mt)(?![A-Za-z])",
                text[pos : pos + 7],
            ):
                continue  # 5G, 1000M, 4K
            if re.search(r"第\s*\Z|[Nn]o\.?\s*\Z", before):
                continue  # ordinals
            if (re.search(r"前\s*\Z", before) and re.match(r"\s*[位名强]", text[pos : pos + 2])) or nx == "强":
                continue  # "前15位", "世界500强": a rank (the engine reads it as rank_at_most), not a count
            if re.search(r"每\s*\Z", before):
                continue  # the 万 of 每万人: handled by the engine's rate context
            if is_year(value) and re.match(r"\s*(?:年|[-–—~～至到]\s*\d{4}\s*年)", text[pos : pos + 8]):
                continue  # 2025年, 2021-2023年
        else:
            cn = m.group("cn")
            value = parse_cn_numeral(cn)
            if value is None:
                continue
            before = text[max(0, start - 2) : start]
            if before.endswith(("第", "星期", "周", "每")):
                continue  # ordinals, weekdays, the 千 of 每千人口
        # 余/多 and magnitudes: "200余家", "1100多万人", "1.2万亿元", "5.6亿"
        am = _ZH_APPROX_RE.match(text, pos)
        if am and dig is not None:
            hint = "more_than"
            pos = am.end()
        if dig is not None:
            mm = _ZH_MAG_RE.match(text, pos)
            if mm:
                value = value * _ZH_MAG[mm.group("mag")]
                if mm.group("approx"):
                    hint = "more_than"
                pos = mm.end()
                magnitude = True
                am = _ZH_APPROX_RE.match(text, pos)
                if am:
                    hint = "more_than"
                    pos = am.end()
        elif any(c in m.group("cn") for c in "万亿"):
            magnitude = True
        value_high = None
        unit_first = None
        if dig is not None:
            rm = _ZH_RANGE_RE.match(text, pos)
            if rm:
                before_l = text[max(0, start - 8) : start]
                from_to = (
                    re.search(r"(?:从|由)[^，,。；;]{0,8}\Z", before_l)
                    and rm.group(0).lstrip("%％ ")[:1] in "至到"
                )
                v2 = parse_digits(rm.group("n2"))
                if rm.group("mag2"):
                    v2 *= _ZH_MAG[rm.group("mag2")]
                elif magnitude:
                    v2 *= value / parse_digits(dig)
                after = text[rm.end() : rm.end() + 1]
                if (
                    not from_to
                    and not is_year(v2)
                    and not is_year(parse_digits(dig))
                    and after not in "月日时年"
                ):
                    value_high = v2
                    unit_first = rm.group("u1")
                    pos = rm.end()
        unit_info = _zh_unit(text, pos)
        if unit_first and unit_info is None:
            unit_info = ("%", 1, "percent", pos)
        if text[pos : pos + 1] == "级" or (unit_info and text[unit_info[3] : unit_info[3] + 1] == "级"):
            continue  # 千亿级产业集群, 万吨级码头: a class, not a quantity
        if unit_info is None:
            if dig is None and not magnitude:
                continue  # a bare Chinese numeral: 一是, 三城一区, 十四五
            unit, factor, kind = "count", 1.0, "count"
            if dig is not None and not magnitude and is_year(value):
                continue
        else:
            unit, factor, kind, pos = unit_info
            if kind == "time" and unit == "years" and dig is not None and is_year(value):
                continue
            if kind == "time":
                if re.match(
                    r"[^，,。；;]{0,2}?(?:规划|计划|行动|期|内|来|间|后|前|以来|左右的时间)",
                    text[pos : pos + 6],
                ) or re.search(
                    r"(?:今后|未来|近|过去|这|每|前|后|再过|连续|第|头|最近)\s*\Z",
                    text[max(0, start - 3) : start],
                ):
                    continue  # 五年规划, 今后五年, 近三年: periods, not quantities
                if dig is None and not re.search(
                    r"(?:提高|增加|延长|缩短|达到|超过|缩减|减少|控制在|不超过|不少于|提高到|"
                    r"延长到|缩短到|达)\s*\Z",
                    text[max(0, start - 4) : start],
                ):
                    continue  # 一年, 三天: durations in prose
            if kind == "count" and re.match(r"\d", text[pos : pos + 1]):
                continue  # "3个3千亿级": how many members a class has, not a quantity of its own
            if unit == "t" and re.search(
                r"(?:二氧化碳|温室气体|碳排放|CO2|CO₂)[^，,。；;、]{0,6}\Z", text[max(0, start - 14) : start]
            ):
                unit, factor = "Mt CO2e", factor * 1e-6  # "减排二氧化碳约1.3亿吨"
            if kind == "count" and _ZH_META.match(text, pos):
                continue  # 8项核心指标, 四个方面, 38项指标任务
            if dig is None and kind == "count" and not magnitude and value is not None and value < 100:
                continue  # 一批, 一个, 两家: small Chinese-numeral counts are rarely targets
        if kind != "count" or unit_info is not None:
            am = _ZH_APPROX_RE.match(text, pos)
            if am and kind == "count":
                hint = "more_than"
        value = value * factor
        if value_high is not None:
            value_high = value_high * factor
        out.append(
            Quantity(
                start,
                min(pos, n),
                value,
                value_high,
                unit,
                kind,
                text[start:pos],
                hint,
                magnitude=magnitude,
                fraction=fraction,
            )
        )
        skip_until = pos
    return out
