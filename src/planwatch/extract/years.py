"""Time expressions: every year in the text, classified, and the relative expressions that stand for one.

A year is a **deadline** ("by 2025", "到2025年", "in 2030", "“十四五”", "今年", a financial year "2024/25"), a
**base** year ("from 2005 levels", "比2020年"), part of a **date** ("May 17, 2023"), a **past** reference
("since 2015", "2015年以来") or a bare **mention**. Deadlines set a context that later quantities inherit
(:mod:`.deadlines` does the inheriting).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .budget import checked
from .numbers import cn_to_int, parse_en_words
from .patterns import EN_MONTHS, YEAR, found
from .segment import Sent

_EN_MONTH = rf"(?:{EN_MONTHS})"
DATE_RES = [
    re.compile(rf"\b(?P<y>{YEAR})-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])\b"),
    re.compile(rf"(?P<y>{YEAR})\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?"),
    re.compile(rf"\b{_EN_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR})\b", re.I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH}\.?,?\s+(?P<y>{YEAR})\b", re.I),
    re.compile(rf"(?P<y>{YEAR})/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])\b"),
    re.compile(rf"\b(?:in\s+|on\s+)?{_EN_MONTH}\s+(?P<y>{YEAR})\b", re.I),
]


@dataclass
class Year:
    pos: int
    end: int
    year: int
    kind: str  # deadline | base | date | past | mention
    how: str = ""  # by | in | bare | relative | period | annual


_EN_YEAR_RE = re.compile(rf"(?<![\d.,$€£/-])(?P<y>{YEAR})(?![\d%]|\s*(?:percent|per\s+cent))")
_ZH_YEAR_RE = re.compile(rf"(?<![\d.])(?P<y>{YEAR})(?![\d%.])")
_EN_BASE_BEFORE = re.compile(
    r"(?:\b(?:from|since|compared\s+(?:to|with)|relative\s+to|against|versus|vs\.?|than|over|below|above|on)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:(?:end|level|levels)\s+of\s+)?(?:in\s+)?)\Z",
    re.I,
)
_EN_BASE_AFTER = re.compile(
    r"\s*(?:levels?|baselines?|base\s+year|values?|figures?|emissions\s+levels?)\b", re.I
)
_EN_STRICT_BASE_BEFORE = re.compile(
    r"\b(?:compared\s+(?:to|with)|relative\s+to|versus|vs\.?|(?<!later\s)(?<!earlier\s)than|below|above)\s+"
    r"(?:the\s+|its\s+)?(?:in\s+)?\Z",
    re.I,
)
_EN_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|through|before|in|for|from|to|around|after|of|as\s+of|towards?|no\s+later\s+than|"
    r"not\s+later\s+than|by\s+no\s+later\s+than|by\s+the\s+(?:end|middle|start)\s+of|at\s+the\s+end\s+of|"
    r"end[\s-]of|by\s+end[\s-]|(?:early|mid|late)[\s-])\s*(?:the\s+)?(?:year\s+)?\Z",
    re.I,
)
_EN_DEADLINE_AFTER = re.compile(
    r"\s*(?:targets?|goals?|ambitions?|objectives?|deadline|horizon|agenda|strategy|vision|plan|milestones?|"
    r"climate\s+target|emissions\s+target)\b",
    re.I,
)
_EN_PERIOD_RE = re.compile(rf"(?P<a>{YEAR})\s*(?:-|–|—|to|/)\s*(?P<b>{YEAR}|\d\d)\b")
_ZH_PERIOD_RE = re.compile(rf"(?P<a>{YEAR})\s*年?\s*(?:-|–|—|~|～|至|到)\s*(?P<b>{YEAR})\s*年?")
_ZH_FYP_RE = re.compile(
    r"[“\"「『]?(?P<n>十[一二三四五六七八九]?|[六七八九])五[”\"」』]?(?=规划|期间|时期|末|开局|以来|发展|目标|国家|中国|\Z|[^\u4e00-\u9fff]|[期时])"
)
_ZH_FYP2_RE = re.compile(r"第(?P<n>[一二三四五六七八九十]+)个五年规划")
_ZH_REL_RE = re.compile(
    r"(?P<w>今年|明年|本年度|当年|年内|(?:今后|未来|此后|接下来)(?P<n>\d+|[一二三四五六七八九十]+)年|本世纪中叶)"
)
_EN_REL_RE = re.compile(
    r"\b(?P<w>this\s+year|next\s+year|(?:within|over|in|during)\s+the\s+(?:next|coming)\s+(?P<n>\d+|\w+)\s+years|"
    r"by\s+(?:mid-century|the\s+middle\s+of\s+the\s+century))\b",
    re.I,
)


def _fyp_end(n: int | None) -> int | None:
    if not n or n < 6:
        return None
    return 1955 + 5 * n


# a line that holds only whitespace (or bullet signs) before a position: a year opening a heading or milestone
_BLANK = re.compile(r"\s*")
_BULLETS_ONLY = re.compile(r"[ \t\-–—•*·]*")
_NO_DEADLINE_RE = re.compile(
    r"\b(?:no\s+(?:fixed\s+)?(?:end[\s-]date|deadline|target\s+date|time\s+limit)|open[\s-]ended|without\s+a\s+"
    r"(?:deadline|target\s+date))\b|(?:不设|没有|无)(?:明确的?)?(?:期限|截止时间)",
    re.I,
)


def scan_years(
    text: str,
    lang: str,
    year: int | None,
    title_year: int | None,
    sent_at: Callable[[int], Sent | None],
    line_start: Callable[[int], int],
) -> list[Year]:
    """Every time expression of ``text``, in order, classified as deadline, base, date, past or mention.

    ``year`` is the document's year (relative expressions such as "今年" or "within the next 10 years" need
    it; without it they are kept as deadlines of year 0, which later code turns into "no deadline" rather than
    a guess); ``title_year`` is the one year an undated text's headline names; ``sent_at`` finds the sentence
    around a position (an English "in 2020" in a sentence about the past is a past year, not a deadline);
    ``line_start`` the start of the line around a position (:class:`.segment.LineStarts`)."""
    low = text.lower()
    out: list[Year] = []
    date_spans: list[tuple[int, int]] = []
    for rx in DATE_RES:
        for m in rx.finditer(text):
            date_spans.append((m.start("y"), m.end("y")))
    date_set = {a for a, _ in date_spans}
    period_end: dict[int, int] = {}
    period_start: set[int] = set()
    prx = _ZH_PERIOD_RE if lang == "zh" else _EN_PERIOD_RE
    for m in prx.finditer(text):
        a = int(m.group("a"))
        b_s = m.group("b")
        b = int(b_s) if len(b_s) == 4 else (a // 100) * 100 + int(b_s)
        if b > a and len(b_s) == 4:
            period_start.add(m.start("a"))
            period_end[m.start("b")] = b
        elif b == a + 1:  # a financial year, "2024/25", "2024-25": the deadline is its end
            period_end[m.start("a")] = b
    yrx = _ZH_YEAR_RE if lang == "zh" else _EN_YEAR_RE
    for m in checked(yrx.finditer(text), 1024):
        p, e = m.start("y"), m.end("y")
        y = int(m.group("y"))
        if p in period_start:
            out.append(Year(p, e, y, "mention", "period"))
            continue
        if p in period_end:
            out.append(Year(p, e, period_end[p], "deadline", "period"))
            continue
        before = low[max(0, p - 40) : p]
        after = text[e : e + 24]
        if lang == "zh":
            heading_year = (
                _BLANK.fullmatch(text, line_start(p), p)
                and re.match(r"\s*[\u4e00-\u9fff]", after)
                and not re.match(r"\s*(?:万|亿|千|百|元|个|人|家|件|项|吨|公里|米)", after)
            )
            if not re.match(r"\s*(?:年|-\d\d-)", after) and p not in date_set and not heading_year:
                out.append(Year(p, e, y, "mention"))  # "2000亿美元": a number, not a year
                continue
            if (
                p in date_set
                or re.match(r"\s*年\s*\d{1,2}\s*月", after)
                or re.match(r"-\d\d-\d\d", after)
            ):
                # "到2025年5月" is still a deadline
                if re.search(r"(?:到|至|前|截至|截止)\s*\Z", before):
                    out.append(Year(p, e, y, "deadline", "by"))
                else:
                    out.append(Year(p, e, y, "date"))
                continue
            if (
                re.search(r"(?:比|较|较之|相比|相较|与|同|从|由|相对于?|对比|基于|以)\s*\Z", before)
                or re.match(r"\s*年?(?:的|水平|基础上|基数|为基|基准)", after)
                and not re.search(r"(?:到|至)\s*\Z", before)
            ):
                out.append(Year(p, e, y, "base"))
                continue
            if re.match(r"\s*年?(?:以来|来)", after):
                out.append(Year(p, e, y, "past"))
                continue
            if re.search(r"(?:到|至|截至|截止到|截止)\s*\Z", before) or re.match(
                r"\s*年?(?:前|底|末|以前|之前)", after
            ):
                out.append(Year(p, e, y, "deadline", "by"))
                continue
            out.append(Year(p, e, y, "deadline", "bare"))
        else:
            if p in date_set:
                if re.search(
                    r"\b(?:by|before|until|till|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?"
                    rf"(?:\d{{1,2}}\s+)?{_EN_MONTH}\.?\s*(?:\d{{1,2}},?\s*)?\Z",
                    before,
                    re.I,
                ):
                    out.append(Year(p, e, y, "deadline", "by"))
                else:
                    out.append(Year(p, e, y, "date"))
                continue
            if (
                _EN_BASE_BEFORE.search(before) and _EN_BASE_AFTER.match(after)
            ) or _EN_STRICT_BASE_BEFORE.search(before):
                out.append(Year(p, e, y, "base"))
                continue
            if re.search(r"\bsince\s+\Z", before) or re.search(
                r"\b(?:up|down)\s+from\s+[^,;.]{0,30}\bin\s+\Z", before
            ):
                out.append(Year(p, e, y, "past"))  # "since 2015", "up from 14% in 2022"
                continue
            if re.match(r"\s*[:：]\s*\S", after) and _BULLETS_ONLY.fullmatch(text, line_start(p), p):
                out.append(Year(p, e, y, "deadline", "by"))  # a milestone line: "2025: up to 1 GW …"
                continue
            if re.search(
                r"\b(?:doubl|tripl|quadrupl|increas|ris|grow|rais|cut|reduc|decreas|fall|declin|halv)\w*"
                r"(?:\s+(?:by\s+)?[\w.%-]+){0,4}\s+from\s+(?:the\s+)?(?:level\s+of\s+|levels\s+of\s+)?\Z",
                before,
                re.I,
            ) and not re.match(r"\s*(?:to|until|through|onwards?|-|–)\s", after, re.I):
                out.append(Year(p, e, y, "base"))  # "roughly double from 2023", "cut 40% from 2019"
                continue
            bm = _EN_DEADLINE_BEFORE.search(before)
            if bm:
                how = "in" if re.search(r"\b(?:in|for)\s+(?:the\s+)?(?:year\s+)?\Z", before) else "by"
                if how == "in" and _past_context(text, sent_at, p):
                    out.append(Year(p, e, y, "past"))
                else:
                    out.append(Year(p, e, y, "deadline", how))
                continue
            if _EN_DEADLINE_AFTER.match(after):
                out.append(Year(p, e, y, "deadline", "in"))
                continue
            out.append(Year(p, e, y, "mention"))
    # relative expressions
    if lang == "zh":
        for m in _ZH_FYP_RE.finditer(text):
            n = cn_to_int(m.group("n"))
            y = _fyp_end(n)
            if y:
                out.append(Year(m.start(), m.end(), y, "deadline", "plan"))
        for m in _ZH_FYP2_RE.finditer(text):
            y = _fyp_end(cn_to_int(m.group("n")))
            if y:
                out.append(Year(m.start(), m.end(), y, "deadline", "plan"))
        for m in _ZH_REL_RE.finditer(text):
            w = m.group("w")
            if w == "本世纪中叶":
                out.append(Year(m.start(), m.end(), 2050, "deadline", "by"))
            elif w in ("当年", "年内"):
                continue
            elif year is None and w in ("今年", "本年度") and title_year:
                # undated text whose headline names one year ("2023年,三座省会城市要这么干!"): "今年" is it
                out.append(Year(m.start(), m.end(), title_year, "deadline", "annual"))
            elif year is None:
                out.append(Year(m.start(), m.end(), 0, "deadline", "relative"))  # a year we cannot place
            elif w in ("今年", "本年度"):
                out.append(Year(m.start(), m.end(), year, "deadline", "annual"))
            elif w == "明年":
                out.append(Year(m.start(), m.end(), year + 1, "deadline", "annual"))
            else:
                n = cn_to_int(m.group("n"))
                if n:
                    out.append(Year(m.start(), m.end(), year + n - 1, "deadline", "by"))
    else:
        for m in _EN_REL_RE.finditer(text):
            w = m.group("w").lower()
            if "century" in w:
                out.append(Year(m.start(), m.end(), 2050, "deadline", "by"))
            elif year is None:
                out.append(Year(m.start(), m.end(), 0, "deadline", "relative"))  # a year we cannot place
            elif w.startswith("this"):
                out.append(Year(m.start(), m.end(), year, "deadline", "annual"))
            elif w.startswith("next"):
                out.append(Year(m.start(), m.end(), year + 1, "deadline", "annual"))
            else:
                ns = m.group("n")
                n = int(ns) if ns.isdigit() else int(parse_en_words(ns) or 0)
                if n:
                    out.append(Year(m.start(), m.end(), year + n, "deadline", "by"))
    for m in _NO_DEADLINE_RE.finditer(text):
        out.append(Year(m.start(), m.end(), 0, "deadline", "relative"))  # an explicit "no end date"
    out.sort(key=lambda y: y.pos)
    return out


def _past_context(text: str, sent_at: Callable[[int], Sent | None], pos: int) -> bool:
    """Is the English sentence at ``pos`` about the past ("In 2020, 2.7 million were diagnosed")?"""
    s = sent_at(pos)
    if s is None:
        return False
    seg = text[s.start : s.end]
    # a plan noun alone ("launched a plan in 2024") does not make the sentence about the future
    return not found(_FUTURE_WORDING, seg) and found(_PAST_WORDING, seg)


_FUTURE_WORDING = re.compile(
    r"\b(?:will|shall|should|must|would|to\s+be|is\s+to|are\s+to|aims?\s+(?:to|at|for)|aiming|"
    r"targets?\s+(?:of|to|for|is|was)|goals?\s+(?:of|to|for|is|was)|plans?\s+to|"
    r"(?:target|goal|aim)\s+(?:of|is))\b",
    re.I,
)
_PAST_WORDING = re.compile(
    r"\b(?:was|were|had|reached|grew|rose|fell|increased|decreased|declined|dropped|"
    r"recorded|saw|achieved|hit|diagnosed|lost|died|put\s+forward|adopted|presented|"
    r"announced|launched|published|issued|signed)\b",
    re.I,
)
