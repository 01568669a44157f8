"""Rule-based extraction: segment → find quantities → resolve each quantity → targets, facts, tasks, goals.

Pipeline (one pass per stage, all regexes compiled at import):

1. **Segmentation** into paragraphs, logical lines (PDF line breaks inside English sentences are joined),
   sentences and clauses, keeping character offsets into the original text.
2. **Time expressions**: every year is classified as a deadline ("by 2025", "到2025年", "in 2030",
   "“十四五”", "今年"), a base year ("from 2005 levels", "比2020年"), a date ("May 17, 2023") or a past
   reference ("since 2015"); deadlines set a context that later quantities inherit until another is stated.
3. **Sections**: target headers ("targets include:", "二、主要目标", "Mission 3:") open a target scope;
   review headers ("2020 中国答卷", "A Review of Our Work") open a review scope (numbers there are facts).
4. **Quantities** (:mod:`.quantities`) plus number-less targets: ranks ("全国领先", "leading in China",
   "跻身全球前列"), net zero, doubling ("翻一番", "double").
5. **Clause resolution** per quantity: comparator (prefix/suffix words, the suffix wins in Chinese:
   "达到X以上" → more_than), direction (reductions are negative ``change_from_base``), measure, base year,
   deadline, rate units ("per 10,000 employed"), indicator phrase, and whether it is a target, a fact
   (past tense, "去年", "截至", a baseline "from X to Y"), a projection ("projected", "would") or funding.
6. **Clean-up**: restated targets (same value, unit, comparator and deadline, similar indicator) are kept
   once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .model import Draft, DraftFact, DraftGoal, DraftTarget, DraftTask
from .numbers import cn_to_int, parse_en_words
from .quantities import Quantity, find_en, find_zh
from .tasks import ORD_EN, inline_tasks, lead_tasks, section_tasks

# ------------------------------------------------------------------------------------------------------------
# Language and document year
# ------------------------------------------------------------------------------------------------------------

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    sample = text[:20000]
    cjk = len(_CJK_RE.findall(sample))
    latin = len(_LATIN_RE.findall(sample))
    # a Chinese character carries about as much as a 3-letter word
    return "zh" if cjk * 3 > latin else "en"


_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_EN_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DATE_RES = [
    re.compile(rf"\b(?P<y>{_YEAR})-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])\b"),
    re.compile(rf"(?P<y>{_YEAR})\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?"),
    re.compile(rf"\b{_EN_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b", re.I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH}\.?,?\s+(?P<y>{_YEAR})\b", re.I),
    re.compile(rf"(?P<y>{_YEAR})/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])\b"),
    re.compile(rf"\b(?:in\s+|on\s+)?{_EN_MONTH}\s+(?P<y>{_YEAR})\b", re.I),
]
_NPC_ZH = re.compile(
    r"(?:第)?(?P<n>[一二三四五六七八九十]{1,3})届全国(?:人大|人民代表大会)(?:第)?(?P<k>[一二三四五六])次会议"
)
_NPC_EN = re.compile(
    r"(?P<k>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+session\s+of\s+the\s+(?P<n>\d{1,2})(?:st|nd|rd|th)"
    r"\s+National\s+People'?s\s+Congress",
    re.I,
)
_ORD = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
}


def _npc_year(n: int, k: int) -> int | None:
    if n < 6 or k < 1 or k > 5:
        return None
    return 1983 + 5 * (n - 6) + (k - 1)


def document_year(text: str) -> int | None:
    """The document's year: from its first full date, or an NPC session ("十四届全国人大二次会议")."""
    best: tuple[int, int] | None = None
    head = text[:200_000]
    for rx in _DATE_RES:
        m = rx.search(head)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), int(m.group("y")))
    for m in _NPC_ZH.finditer(head):
        n, k = cn_to_int(m.group("n")), cn_to_int(m.group("k"))
        y = _npc_year(n or 0, k or 0)
        if y and (best is None or m.start() < best[0]):
            best = (m.start(), y)
        break
    for m in _NPC_EN.finditer(head):
        y = _npc_year(int(m.group("n")), _ORD.get(m.group("k").lower(), 0))
        if y and (best is None or m.start() < best[0]):
            best = (m.start(), y)
        break
    return best[1] if best else None


_TITLE_YEAR_RE = re.compile(rf"(?<![\d.])(?P<y>{_YEAR})\s*年?(?![\d%.])")


def _title_year(text: str) -> int | None:
    """The one year a short headline (first non-empty line) names, unless it is a deadline or a period ("2030年前",
    "2021—2025年"): the year an undated news text or work report speaks of as "this year"."""
    line = next((ln.strip() for ln in text[:2000].splitlines() if ln.strip()), "")
    if not line or len(line) > 60:
        return None
    ms = list(_TITLE_YEAR_RE.finditer(line))
    if len(ms) != 1:
        return None
    m = ms[0]
    if re.match(r"\s*年?\s*(?:前|底|末|以前|之前|远景|愿景)", line[m.end() :]) or re.search(
        r"(?:到|至|\bby|\bto|\bbefore)\s*\Z", line[: m.start()], re.I
    ):
        return None
    return int(m.group("y"))


# ------------------------------------------------------------------------------------------------------------
# Segmentation
# ------------------------------------------------------------------------------------------------------------

_BULLET_RE = re.compile(
    r"^\s*(?:[-–—•●■◆▪·*○◇□►>]+|--+|\(?\d{1,2}[.)）]|\(?[a-z][.)]|[（(][一二三四五六七八九十]+[)）]|"
    r"[一二三四五六七八九十]+、|——)\s*"
)
_NUMBERED_HEADING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[IVX]+\.\s|\d+\.\s|第[一二三四五六七八九十]+[章节部分])"
)
_EN_ABBR = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|No|Nos|Art|Fig|vs|etc|approx|e\.g|i\.e|U\.S|U\.K|Inc|Ltd|Co|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Govt|Dept|Corp|Mt|p|pp|al))\Z"
)


@dataclass
class _Sent:
    start: int
    end: int
    para: int
    line: int  # index of the logical line
    heading: bool = False
    bullet: bool = False
    labelled: bool = False  # "Label: value" line
    target_scope: bool = False
    review_scope: bool = False
    clauses: list[tuple[int, int]] = field(default_factory=list)


def _physical_lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _should_join_en(prev: str, cur: str) -> bool:
    p = prev.rstrip()
    c = cur.lstrip()
    if not p or not c:
        return False
    if _BULLET_RE.match(c) and not c[0].isdigit():
        return False
    if re.match(r"\d{1,2}[.)]\s", c):
        return False
    if p[-1] in ".!?:;。；：":
        return False
    if _titleish(p) and _titleish(c) and len(p) < 60:
        return True  # a title wrapped over several lines
    if (
        p[-1] in "-,–"
        or p[-1].isdigit()
        or re.search(r"\b(?:and|or|of|the|to|a|an|in|by|for|with|at|from)\Z", p, re.I)
    ):
        return True
    return bool(c[0].islower() or c[0].isdigit())


def _titleish(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if len(words) < 2:
        return False
    small = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "from", "with"}
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return caps / len(words) >= 0.8


def _logical_lines(text: str, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of logical lines: English continuation lines are joined."""
    out: list[tuple[int, int, int]] = []
    para = 0
    blank = True
    for s, e in _physical_lines(text):
        seg = text[s:e]
        if not seg.strip():
            if not blank:
                para += 1
            blank = True
            continue
        # trim
        ls = s + (len(seg) - len(seg.lstrip()))
        le = s + len(seg.rstrip())
        if (
            out
            and not blank
            and lang == "en"
            and _should_join_en(text[out[-1][0] : out[-1][1]].split("\n")[-1], text[ls:le])
        ):
            out[-1] = (out[-1][0], le, out[-1][2])
        else:
            if lang == "zh" and out and not blank:
                para += 1  # Chinese text breaks paragraphs with a single newline
            out.append((ls, le, para))
        blank = False
    return out


_ZH_SENT_END = re.compile(r"[。！？!?；;]+")
_EN_SENT_END = re.compile(r"[.!?]+(?=[\s\"'”’)]*(?:\s|\Z))|;")
_ZH_CLAUSE = re.compile(r"[，,：:]|\n")
_EN_CLAUSE = re.compile(r",\s|:\s|\s[–—]\s|\s--\s|\n|\(|\)")


def _split_sentences(text: str, s: int, e: int, lang: str) -> list[tuple[int, int]]:
    out = []
    start = s
    rx = _ZH_SENT_END if lang == "zh" else _EN_SENT_END
    for m in rx.finditer(text, s, e):
        if lang == "en" and m.group(0).startswith("."):
            before = text[max(s, m.start() - 8) : m.start()]
            after = text[m.end() : m.end() + 3].lstrip()
            if _EN_ABBR.search(before) and (
                not after or not after[:1].isupper() or re.search(r"\bU\.S\Z", before)
            ):
                continue
            if after[:1].islower():
                continue
        end = m.end()
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if start < e and text[start:e].strip():
        out.append((start, e))
    # a run-on "sentence" (no punctuation for pages) is cut into pieces of bounded length, at a space or comma
    # where possible, so per-sentence work stays linear
    bounded = []
    for a, b in out:
        while b - a > _MAX_SENT:
            cut = a + _MAX_SENT
            window = text[a + _MAX_SENT // 2 : cut]
            last = max(window.rfind(c) for c in ",，、 \n\t")
            if last >= 0:
                cut = a + _MAX_SENT // 2 + last + 1
            bounded.append((a, cut))
            a = cut
        bounded.append((a, b))
    # trim whitespace
    res = []
    for a, b in bounded:
        seg = text[a:b]
        a2 = a + (len(seg) - len(seg.lstrip()))
        b2 = a + len(seg.rstrip())
        if b2 > a2:
            res.append((a2, b2))
    return res


_MAX_SENT = 800


def _split_clauses(text: str, s: int, e: int, lang: str) -> list[tuple[int, int]]:
    rx = _ZH_CLAUSE if lang == "zh" else _EN_CLAUSE
    out = []
    start = s
    for m in rx.finditer(text, s, e):
        if (
            lang == "zh"
            and m.group(0) in ",，"
            and text[m.start() - 1 : m.start()].isdigit()
            and text[m.end() : m.end() + 1].isdigit()
        ):
            continue
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < e:
        out.append((start, e))
    return out or [(s, e)]


# ------------------------------------------------------------------------------------------------------------
# Section headers
# ------------------------------------------------------------------------------------------------------------

_TARGET_HEADER_EN = re.compile(
    r"\b(?:targets?|goals?|objectives?|missions?|milestones?|ambitions?|key\s+figures|indicators?)\b", re.I
)
_TARGET_HEADER_ZH = re.compile(r"目标|指标|任务清单|目标值|预期目标")
_REVIEW_HEADER_EN = re.compile(
    r"\b(?:review\s+of|achievements?|results?\s+so\s+far|track\s+record|"
    r"what\s+we\s+(?:have\s+)?achieved|progress\s+(?:report|made))\b",
    re.I,
)
_REVIEW_HEADER_ZH = re.compile(
    r"答卷|成绩单|回顾|主要成就|落实情况|完成情况|取得的成绩|成效|发展基础|发展现状|现实基础|发展成就|过去五年|过去一年"
)
_LIST_INTRO = re.compile(r"(?:[:：]\s*\Z|as\s+follows\W*\Z|如下\W*\Z|include\W*\Z|includes\W*\Z)", re.I)
_LABEL_LINE = re.compile(r"^\s*(?:[-–—•●■◆▪·*]+\s*)?[A-Za-z][\w&/'’ .()-]{0,40}?:\s+\S")
_MISSION_LINE = re.compile(
    r"^\s*(?:(?:mission|target|goal|objective|ambition|milestone)\s*\d*\s*[:.-]|\d{1,2}\.\s+by\s+"
    + _YEAR
    + ")",
    re.I,
)


# ------------------------------------------------------------------------------------------------------------
# Time expressions
# ------------------------------------------------------------------------------------------------------------


@dataclass
class _Year:
    pos: int
    end: int
    year: int
    kind: str  # deadline | base | date | past | mention
    how: str = ""  # by | in | bare | relative | period | annual


_EN_YEAR_RE = re.compile(rf"(?<![\d.,$€£/-])(?P<y>{_YEAR})(?![\d%]|\s*(?:percent|per\s+cent))")
_ZH_YEAR_RE = re.compile(rf"(?<![\d.])(?P<y>{_YEAR})(?![\d%.])")
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
_EN_PERIOD_RE = re.compile(rf"(?P<a>{_YEAR})\s*(?:-|–|—|to|/)\s*(?P<b>{_YEAR}|\d\d)\b")
_ZH_PERIOD_RE = re.compile(rf"(?P<a>{_YEAR})\s*年?\s*(?:-|–|—|~|～|至|到)\s*(?P<b>{_YEAR})\s*年?")
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


# ------------------------------------------------------------------------------------------------------------
# Clause-level vocabularies
# ------------------------------------------------------------------------------------------------------------

# English comparators, matched against the text just before the number (lower-cased).
_EN_FILLER = r"(?:\s+(?:a|an|the|record|total\s+of|level\s+of|rate\s+of|further|additional|extra))*\s*\Z"
_EN_CMP = [
    (
        "at_most",
        re.compile(
            r"\b(?:no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|a\s+maximum\s+of|maximum\s+of|"
            r"max\.?|within|not\s+(?:to\s+)?exceed(?:ing)?|no\s+higher\s+than|no\s+greater\s+than|"
            r"capped\s+at|cap(?:ped)?\s+(?:it\s+)?at|limit(?:ed)?\s+(?:it\s+)?to|"
            r"kept?\s+(?:below|under)|or\s+less)" + _EN_FILLER
        ),
    ),
    (
        "at_least",
        re.compile(
            r"\b(?:at\s+least|no\s+less\s+than|not\s+less\s+than|no\s+fewer\s+than|not\s+fewer\s+than|"
            r"a\s+minimum\s+of|minimum\s+of|minimum|min\.?)" + _EN_FILLER
        ),
    ),
    (
        "less_than",
        re.compile(r"\b(?:less\s+than|fewer\s+than|below|under|lower\s+than|beneath)" + _EN_FILLER),
    ),
    (
        "more_than",
        re.compile(
            r"\b(?:more\s+than|over|above|exceed(?:s|ed|ing)?|in\s+excess\s+of|upwards\s+of|beyond|"
            r"surpass(?:es|ing)?|greater\s+than|higher\s+than|top)" + _EN_FILLER
        ),
    ),
    (
        "around",
        re.compile(
            r"(?:\b(?:around|about|approximately|approx\.?|roughly|some|nearly|almost|close\s+to|circa|"
            r"c\.|in\s+the\s+region\s+of|of\s+the\s+order\s+of|an\s+estimated)|~)" + _EN_FILLER
        ),
    ),
]
_EN_CMP_AFTER = [
    (
        "at_least",
        re.compile(
            r"\s*(?:or\s+(?:more|higher|above|greater)|and\s+(?:above|over|more)|plus\b|\+(?!\s*\w))", re.I
        ),
    ),
    ("at_most", re.compile(r"\s*(?:or\s+(?:less|fewer|lower|below)|and\s+below)\b", re.I)),
]
_EN_REDUCE = re.compile(
    r"\b(?:reduc(?:e|es|ed|ing|tion|tions)|cut(?:s|ting)?|decreas(?:e|es|ed|ing)|lower(?:s|ed|ing)?|drop(?:s|ped|ping)?|"
    r"fall(?:s|en|ing)?|fell|declin(?:e|es|ed|ing)|shrink(?:s|ing)?|slash(?:es|ed|ing)?|curb(?:s|ed|ing)?|"
    r"down|less|lessen(?:ing)?|abate(?:ment)?|diminish(?:ing)?)\b",
    re.I,
)
_EN_REDUCE_AFTER = re.compile(
    r"\s*(?!(?:or|and)\b)(?:[A-Za-z-]+\s+){0,2}?(?:reduction|cut|decrease|decline|drop|fall|lower|less)\b",
    re.I,
)
_EN_REL_LEVEL = re.compile(
    rf"\s*(?P<d>below|under|lower\s+than|above|over|higher\s+than)\s+(?:the\s+|its\s+|their\s+)?"
    rf"(?:{_YEAR}|baseline|base[\s-]year)\b",
    re.I,
)
_EN_GROW = re.compile(
    r"\b(?:increas(?:e|es|ed|ing)|ris(?:e|es|ing)|grow(?:s|th|ing)?|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?|"
    r"expand(?:s|ed|ing)?|improv(?:e|es|ed|ing)|up|higher|more|gain)\b",
    re.I,
)
# A change verb that governs a distant "by N%" in the same sentence: "reduce the use of A, the loss of B and
# the sale of C by 40%", "cut A by 15%, B by 25% and C by 50%", "decrease, compared with 2015, A by 20%".
# Only finite / infinitive / -ing forms: "reduced" is too often an adjective ("reduced tariffs").
_EN_REDUCE_VERB = re.compile(
    r"\b(?:reduc(?:e|es|ing)|cut(?:s|ting)?|lower(?:s|ing)?|decreas(?:e|es|ing)|slash(?:es|ing)?|"
    r"curb(?:s|ing)?|bring(?:s|ing)?\s+down|fall(?:s|ing)?|drop(?:s|ping)?|declin(?:e|es|ing))\b",
    re.I,
)
_EN_GROW_VERB = re.compile(
    r"\b(?:increas(?:e|es|ing)|rais(?:e|es|ing)|grow(?:s|ing)?|boost(?:s|ing)?|expand(?:s|ing)?|"
    r"lift(?:s|ing)?|ris(?:e|es|ing))\b",
    re.I,
)
# comparator words that _EN_GROW would read as a direction ("by more than 40%", "by up to 20%")
_EN_CMP_WORDS = re.compile(r"\b(?:more|higher|greater)\s+than\b|\bup\s+to\b", re.I)
_EN_TO_LEVEL = re.compile(
    r"\b(?:to|at)\s*(?:around|about|approximately|at\s+least|more\s+than|over|a\s+record|a|an|the)?\s*\Z",
    re.I,
)
_EN_BY = re.compile(
    r"\bby\s*(?:around|about|approximately|roughly|some|nearly|at\s+least|more\s+than|over|up\s+to|"
    r"no\s+less\s+than|a\s+further|an\s+additional|a\s+total\s+of|a\s+further\s+)?\s*\Z",
    re.I,
)
_EN_OF = re.compile(
    r"\bof\s*(?:around|about|approximately|roughly|some|at\s+least|more\s+than|over|up\s+to|"
    r"no\s+less\s+than)?\s*\Z",
    re.I,
)
_EN_GROWTH_OF = re.compile(
    r"\b(?:growth|increase|rise|inflation)\s+(?:rate\s+)?of\s*(?:around|about|approximately|"
    r"at\s+least|over|more\s+than)?\s*\Z",
    re.I,
)
_EN_ANNUAL = re.compile(
    r"\b(?:average\s+annual|annual\s+average|a\s+year|per\s+year|per\s+annum|each\s+year|every\s+year|"
    r"year[\s-]on[\s-]year\s+average|annually|compound\s+annual|cagr)\b",
    re.I,
)
_EN_GROWTH_NOUN = re.compile(r"\b(?:growth|increase|rise|inflation|cpi|expansion)\b", re.I)
_EN_PAST_VERB = re.compile(
    r"\b(?P<v>reached|was|were|hit|grew|rose|fell|increased|decreased|declined|dropped|totall?ed|amounted|stood|exceeded|"
    r"surpassed|achieved|recorded|broke|saw|registered|climbed|jumped|doubled|tripled|halved|accounted|generated|"
    r"created|invested|spent|attracted|received|signed|completed|reduced|lowered|expanded|grown|risen|fallen|"
    r"diagnosed|delivered|mobili[sz]ed|built|installed|deployed|trained|launched)\b",
    re.I,
)
_EN_AUX_BEFORE_VERB = re.compile(
    r"\b(?P<a>be|been|being|to|will|shall|should|must|would|could|can|may|might|has|have|"
    r"had|is|are|am)\s+(?:(?:not|also|further|still|already|then|now|been|being|"
    r"[a-z]+ly)\s+){0,2}\Z",
    re.I,
)
_EN_FACT_MARK = re.compile(
    r"\b(?:last\s+(?:year|month|week|decade|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|summer|winter|spring|autumn)|ago|so\s+far|to\s+date|as\s+of\s+(?:now|today|the\s+end\s+of\s+"
    r"(?:last|the\s+previous))|since\s+(?:19|20)\d\d|already|currently|at\s+present|now|today[’']s|previously|in\s+the\s+past|"
    r"there\s+(?:is|are|were|was)\b(?!\s+(?:also\s+)?an?\s+(?:[\w-]+\s+){0,2}(?:requirements?|targets?|goals?|"
    r"obligations?|sub-?targets?|mandates?|caps?|limits?)\b)|ranges?\s+from|varies|vary|has\s+risen|have\s+risen|record\s+levels?)\b",
    re.I,
)
_EN_PROJECTION = re.compile(
    r"\b(?:projected|projections?|forecasts?|forecasted|estimated|estimates?|could|would|might|likely|"
    r"(?:we|they|analysts|experts|it\s+is)\s+(?:expect|expects|anticipate|anticipates|predict|predicts)|"
    r"set\s+to\s+(?:increase|rise|grow|fall|decline|double|reach)|on\s+track|potential(?:ly)?|equal\s+to|"
    r"equivalent\s+(?:to|of)|enough\s+to|the\s+equivalent)\b",
    re.I,
)
_EN_PAST_ACT = (
    r"(?:agreed|adopted|announced|published|launched|decided|proposed|presented|set\s+out|signed|approved|"
    r"endorsed|unveiled|introduced|released|issued)"
)
_EN_GOAL_NOUN = re.compile(r"\b(?:goals?|targets?|commitments?|ambitions?|pledges?|objectives?|aims?)\b", re.I)


def _en_projection(before: str) -> re.Match | None:
    """The last projection word before a number, unless a goal noun follows it ("on track toward our goal of …")."""
    last = None
    for m in _EN_PROJECTION.finditer(before):
        last = m
    if last is None or _EN_GOAL_NOUN.search(before, last.end()):
        return None
    return last


_EN_EFFECT_START = re.compile(
    r"^\W*(?:this|these|that|those|it|which|such)\b(?:\s+\w+){0,3}?\s+(?:will|would|could|can|is\s+expected\s+to)\s+"
    r"(?:also\s+|help\s+(?:to\s+)?)?(?:support|create|generate|power|save|avoid|deliver|bring|lead\s+to|result\s+in|cut|"
    r"reduce|lower|provide|mobili[sz]e|unlock|leverage|attract|sustain|add|boost|remove|prevent)\b",
    re.I,
)
_EN_FUNDING = re.compile(
    r"\b(?:invest(?:s|ed|ing|ments?)?|fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|budgets?|allocat(?:e|es|ed|ing|ion)|"
    r"grants?|mobili[sz](?:e|es|ed|ing)|packages?|envelopes?|spend(?:s|ing)?|subsid(?:y|ies|ise|ize)|"
    r"loans?|support(?:ing)?\s+of|commitments?\s+of|commit(?:s|ted)?\s+(?:[$€£]|\w+\s+[$€£]))\b",
    re.I,
)
_EN_FUNDED_BY = re.compile(
    r"\b(?:supported|financed|funded|backed|co-?financed|co-?funded|paid\s+for|underpinned)\s+(?:by|with|through)\s+"
    r"(?:an?\s+|the\s+)?(?:(?:total\s+)?(?:investment|budget|envelope|allocation|contribution)s?\s+of\s+)?"
    r"(?:some\s+|around\s+|about\s+|over\s+|more\s+than\s+|nearly\s+|almost\s+|up\s+to\s+)?[$€£]?\s*\Z",
    re.I,
)
_EN_FUNDS_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:of|in|from)\s+(?:[\w-]+\s+){0,3}?(?:funds?|funding|financing|investments?|grants?|"
    r"loans?|budget|money|subsidies)\b",
    re.I,
)
_EN_MONEY_GOAL = re.compile(
    r"\b(?:aims?|aiming|targets?|targeting|goals?|objectives?|ambitions?)\b[^.;]{0,60}?"
    r"\b(?:mobili[sz]\w*|attract\w*|rais\w*|leverag\w*|reach\w*|secur\w*|generat\w*)\b",
    re.I,
)
_EN_TARGET_LEVEL_VERB = re.compile(
    r"\b(?:increas\w*|rais\w*|boost\w*|grow\w*|lift\w*|expand\w*)\b[^.;]{0,80}\bto\s*(?:a\s+record\s+|around\s+|about\s+)?\Z",
    re.I,
)
_EN_STRONG = re.compile(
    r"\b(?:targets?|targeting|goals?|aims?\s+(?:to|at|for)|aiming|ambitions?|objectives?|missions?|pledges?|pledged\s+to|"
    r"commit(?:s|ted)?\s+to|commitments?|plans?\s+to|planned|seeks?\s+to|strives?\s+to|striving|intends?\s+to|"
    r"ensur(?:e|es|ing)|shall|should|must|will\s+(?:have|be|reach|exceed|increase|rise|grow|fall|drop|decline|account|"
    r"make|double|cut|reduce|deploy|install|build|create|train|achieve|diagnose|survive|lead|hit|maintain|remain|keep|"
    r"stay|hold|provide|deliver|see|need|require)|calls?\s+for|proposes?|proposing|requires?\s+that|is\s+to|are\s+to|"
    r"to\s+be\s+(?:reached|met|achieved|attained|delivered|completed))\b",
    re.I,
)
_EN_FRAMING = re.compile(
    r"\b(?:targets?|goals?|aims?\s+to|ambitions?|objectives?|pledges?|commit(?:s|ted)?\s+to|"
    r"plans?\s+to|will|shall|should|must)\b",
    re.I,
)
_EN_REPORTED = re.compile(
    r"^[^,;:.]{0,60}?\b(?:said|says|told|reported|indicated|believed?|thought|responded|"
    r"answered|would|could|might)\b",
    re.I,
)
_EN_SURVEY = re.compile(
    r"\b(?:respondents|interviewees|(?:those|people|adults|firms|companies|businesses)\s+"
    r"(?:surveyed|polled|asked|questioned)|(?:survey|poll)\s+(?:found|showed|shows|suggests))\b",
    re.I,
)
_EN_CUE = re.compile(
    r"\b(?:will|shall|should|must|to|aim\w*|target\w*|goal\w*|plan\w*|by|reach\w*|exceed\w*|achiev\w*|maintain\w*|"
    r"increas\w*|rais\w*|boost\w*|cut\w*|reduc\w*|doubl\w*|halv\w*|deploy\w*|install\w*|build\w*|ensur\w*|"
    r"at\s+least|more\s+than|over|about|around|approximately|within|min|up\s+to|less\s+than)\b",
    re.I,
)
_EN_DURATION_BEFORE = re.compile(
    r"\b(?:for|lasting|spanning|over)\s+(?:about\s+|around\s+|at\s+least\s+|more\s+than\s+|"
    r"up\s+to\s+|over\s+)?\Z",
    re.I,
)
_EN_BASELINE_BEFORE = re.compile(
    r"\b(?:from|up\s+from|down\s+from|compared\s+(?:with|to)|against|versus|vs\.?)\s+"
    r"(?:the\s+)?(?:current\s+|existing\s+|previous\s+|today['’]s\s+)?(?:level\s+of\s+)?"
    r"(?:around\s+|about\s+)?\Z",
    re.I,
)
_EN_ADJ_FACT = re.compile(
    r"\b(?:current(?:ly)?|existing|present|today['’]s|previous)\s+(?:\w+\s+){0,2}\Z", re.I
)

_EN_RATE = [
    (
        re.compile(
            r"\bper\s+10,?\s?000\s+(?:employed|employees|workers|people\s+employed|persons\s+employed|"
            r"employed\s+persons|employed\s+people|labou?r\s+force)",
            re.I,
        ),
        "per 10,000 employed",
    ),
    (
        re.compile(r"\bper\s+10,?\s?000\s+(?:people|population|inhabitants|residents|persons|capita)", re.I),
        "per 10,000 population",
    ),
    (
        re.compile(r"\bper\s+100,?\s?000\s+(?:people|population|inhabitants|residents|persons)", re.I),
        "per 100,000 population",
    ),
    (
        re.compile(
            r"\bper\s+1,?000\s+(?:people|population|inhabitants|residents|persons|live\s+births|births)", re.I
        ),
        "per 1,000 population",
    ),
]

# Chinese
_ZH_CMP_BEFORE = [
    (
        "at_most",
        re.compile(
            r"(?:不高于|不超过|不多于|不大于|最多|至多|控制在|控制|降至|降到|下降到|降低到|减少到|减至|压缩到|"
            r"压减到|压减至|缩减到|缩小到|少于等于|(?<![路环区城市县镇内外线河])以内)\s*\Z"
        ),
    ),
    ("at_least", re.compile(r"(?:不低于|不少于|不小于|至少|最少|起码)\s*\Z")),
    ("less_than", re.compile(r"(?<!不)(?:低于|少于|小于|不足|未满)\s*\Z")),
    ("more_than", re.compile(r"(?:超过|超出|超|突破|高于|多于|大于|逾|以上)\s*\Z")),
    ("around", re.compile(r"(?:约|大约|大概|近|接近|将近|左右|上下)\s*\Z")),
]
_ZH_CMP_AFTER = [
    ("around", re.compile(r"\s*(?:左右|上下)")),
    ("more_than", re.compile(r"\s*(?:以上|及以上|之上|多)")),
    ("at_most", re.compile(r"\s*(?:以内|以下|之内|及以下)")),
]
_ZH_FILLER = (
    r"(?:再|约|将|要|达|为|在|了|均|分别|力争|确保|累计|全年|当年|年均|每年|今年|预计|进一步|"
    r"基本|稳定|继续|保持|实现)*\s*\Z"
)
_ZH_REDUCE = re.compile(r"(?:下降|降低|减少|压减|削减|缩减|减排|降幅|缩小|减|降)(?:了)?" + _ZH_FILLER)
_ZH_TO_LEVEL = re.compile(
    r"(?:提高到|提升到|增加到|增长到|扩大到|提高至|提升至|增至|升至|上升到|上升至|达到|达|提升为|增加至|扩大至|"
    r"保持在|稳定在|维持在|为|是|到|完成|实现)\s*(?:约|近|超过)?\s*\Z"
)
_ZH_GROW = re.compile(
    r"(?:增长|提高|提升|增加|上涨|涨幅|增速|增幅|增长率|增长速度|扩大|上升|提速|增)(?:了)?" + _ZH_FILLER
)
_ZH_ANNUAL = re.compile(r"年均|年平均|每年|平均每年|年增长率")
_ZH_FACT_MARK = re.compile(
    r"已经|已|截至(?!\s*\d{4}\s*年)|截止(?!\s*\d{4}\s*年)|去年|上年(?!度)|前年|上半年|一季度|实际|落实结果|结果显示|最终|共有|现有|"
    r"目前|当前|过去|以来|成绩|答卷|完成了|实现了|取得了|达到了|好于预期"
)
# "比上年增长5.2%" reports an outcome; "比上年增长6%左右" with a comparator is a target
_ZH_COMPARED_MARK = re.compile(r"比上年末?|较上年末?|同比|比去年|较去年|比上年同期")
_ZH_FACT_DOC = re.compile(r"统计公报|统计快报|统计年鉴|经济运行情况|国民经济运行|统计数据显示|发展统计")
_EN_FACT_DOC = re.compile(
    r"\b(?:statistical\s+(?:bulletin|release|communiqu[eé])|annual\s+statistics|statistics\s+release)\b", re.I
)
_EN_ANALYSIS = re.compile(
    r"\b(?:found|concluded|warned|recommended|calculated|estimated|argued|modelled|modeled)\s+that\b", re.I
)
_ZH_ADJ_FACT = re.compile(r"(?:现行|原有|原|现有|目前|当前|目前的|去年的|上年的)[^，,。；;]{0,6}\Z")
_ZH_PROJECTION = re.compile(
    r"预测|估计|估算|可能|或将|有望|测算|预估|(?:协会|机构|专家|分析师|业内|研究院|研究机构|报告|市场人士)[^，,。；;]{0,6}预计"
)
_ZH_FUNDING = re.compile(r"安排|拨付|拨款|投资|资金|预算|补贴|补助|专项债|债券|贷款|基金规模|融资")
_ZH_STRONG = re.compile(r"目标|预期|力争|确保|要求|提出|明确|计划|规划|任务|争取|努力|方案|要|将")
_ZH_CUE = re.compile(
    r"达到|达|超过|超|突破|提高|提升|增长|增加|下降|降低|减少|压减|保持|控制|新增|建成|建设|打造|培育|完成|"
    r"实现|力争|确保|扩大|缩小|累计|年均|左右|以上|以内|不低于|不少于|不高于|不超过|约|目标|预期"
)
_ZH_FOUNDATION = re.compile(r"为[^。；;！？]{0,80}?(?:打下|奠定|夯实)[^。；;！？]{0,12}?基础")
_ZH_BASELINE_BEFORE = re.compile(r"(?:从|由|自)[^，,。；;]{0,14}?(?:的)?\s*\Z")
_ZH_RATE = [
    (re.compile(r"每万名?(?:就业人员|就业人口|从业人员|劳动力|职工)"), "per 10,000 employed"),
    (re.compile(r"每万(?:名)?(?:人口|人|居民|常住人口)"), "per 10,000 population"),
    (re.compile(r"每十万(?:人口|人|居民)"), "per 100,000 population"),
    (re.compile(r"每千(?:人口|人|居民)"), "per 1,000 population"),
    (re.compile(r"每亿元(?:主营业务|营业)?收入"), "per 100 million CNY revenue"),
]
# a physical amount per group of households: "每百户…30平方米", "30 m2 per 100 households"
_PHYSICAL_PER_SCOPE_UNITS = {"m2", "km2", "m3", "km", "t", "kWh"}
_ZH_SCALE_WORD = {"百": "100", "千": "1,000", "万": "10,000", "十": "10"}
_ZH_PER_HOUSEHOLD = re.compile(r"每(?P<n>百|千|万|十)?户")
_EN_PER_HOUSEHOLD = re.compile(r"\bper\s+(?:(?P<n>\d[\d,]*)\s+)?households?\b", re.I)
_ZH_EMISSION_PAIR = re.compile(
    r"^(?P<a>[\u4e00-\u9fffA-Za-z0-9]{2,8})[、和及与](?P<b>[\u4e00-\u9fffA-Za-z0-9]{1,8}?)"
    r"(?P<tail>排放量|排放总量|排放强度)\Z"
)

# number-less targets
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

_ZH_IND_TAIL = re.compile(
    r"(?:从[^，,。]*?(?:的)?\s*(?:\d[\d.,]*\s*[%％万亿]*[^，,。]{0,3})?(?:提高到|提升到|增加到|增长到|提高至|"
    r"提升至|增至|升至|下降到|降至|降到|减少到|减至|扩大到|到|至)|比\s*\d{4}\s*年|较\s*\d{4}\s*年|"
    r"与\s*\d{4}\s*年相比)?\s*(?:再|约|将|要|力争|确保|累计|预计|进一步|基本|稳定|继续|实现|分别)*\s*"
    r"(?:达到|达|为|是|超过|超|突破|不低于|不少于|不高于|不超过|保持在|控制在|稳定在|维持在|提高到|提升到|"
    r"增加到|增长到|提高至|提升至|增至|升至|下降|降低|减少|压减|降至|降到|下降到|降低到|减少到|减至|"
    r"高于|低于|约占[^，,。；;]{0,20}?的|约|近|接近|左右|在)?\s*(?:约|近)?\s*\Z"
)
_NO_DEADLINE_RE = re.compile(
    r"\b(?:no\s+(?:fixed\s+)?(?:end[\s-]date|deadline|target\s+date|time\s+limit)|open[\s-]ended|without\s+a\s+"
    r"(?:deadline|target\s+date))\b|(?:不设|没有|无)(?:明确的?)?(?:期限|截止时间)",
    re.I,
)
_LIST_GAP = re.compile(
    r"\s*(?:%|％|percent|per\s+cent)?\s*(?:左右|以上|以内|以下)?\s*(?:(?:by|in|for|until)\s+(?:19|20)\d\d)?\s*"
    r"(?:,|，|、|;|；|and|or|和|及|与)\s*"
    r"(?:(?:by|in)\s+(?:19|20)\d\d\s*,?\s*)?",
    re.I,
)
_LIST_TAIL = re.compile(
    r"(?:\s|,|，|、|and|or|和|及|%|percent|per\s+cent|\d[\d.,]*|(?:by|in|for)\s+(?:19|20)\d\d|relative\s+to|"
    r"compared\s+(?:to|with)|from|against|on|below|above|the|its|levels?|baselines?|比|较)*",
    re.I,
)
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'）)]+|<https?:[^>\s]+>|\b[\w.-]+@[\w-]+\.[\w.]+", re.I)
_EN_TIME_CUE = re.compile(
    r"\b(?:within|to|reach\w*|at\s+least|at\s+most|no\s+more\s+than|less\s+than|more\s+than|over|"
    r"under|up\s+to|by|of|cut\w*|reduc\w*|increas\w*|extend\w*|rais\w*|maximum|minimum|"
    r"about|around|approximately)\s*(?:\w+\s+){0,1}\Z",
    re.I,
)
_ZH_TIME_CUE = re.compile(
    r"(?:提高|增加|延长|缩短|达到|达|超过|缩减|减少|控制在|不超过|不少于|到|至|以内|压缩|再|为)\s*\Z"
)

# tasks and goals
_EN_TASK_ORD = ORD_EN  # one list of English ordinals, kept in tasks.py
_EN_TASK_RE = re.compile(
    r"(?:^|(?<=[:.;]\s)|(?<=[:.;])|(?<=\n))\s*(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth)(?:ly)?\s*,\s*",
    re.I,
)
_ZH_TASK_RE = re.compile(r"(?P<w>[一二三四五六七八九十]{1,3})是")
_ZH_TASK_HEAD_RE = re.compile(r"(?m)^\s*[（(](?P<w>[一二三四五六七八九十]{1,3})[)）]\s*(?P<t>[^\n。]{2,80})")
_ZH_ARTICLE_RE = re.compile(r"(?m)^\s*第[一二三四五六七八九十百零]{1,5}条")
_ZH_TASK_DI_RE = re.compile(r"(?:^|(?<=[：:。；;\n]))\s*第(?P<w>[一二三四五六七八九十]{1,2})\s*[，,、]")
_EN_GOAL_WORDS = re.compile(
    r"\b(?:basically\s+\w+|fully\s+(?:built|established|formed|in\s+place)|take\s+shape|be\s+(?:built|established|"
    r"formed|completed|in\s+place)|become|becoming|achieve|significant(?:ly)?\s+(?:progress|improv\w+)|"
    r"world[\s-]class|leading)\b",
    re.I,
)
_ZH_GOAL_WORDS = re.compile(
    r"基本形成|基本建成|基本实现|全面建成|初步形成|初步建成|显著提升|明显增强|取得[^，,。]{0,4}(?:进展|成效|突破)|"
    r"成为|建成|形成|实现|迈上|跃升|完善"
)


# ------------------------------------------------------------------------------------------------------------
# The extractor
# ------------------------------------------------------------------------------------------------------------


@dataclass
class _Item:
    """A candidate target before clean-up."""

    q: Quantity
    sent: _Sent
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


class _Extractor:
    def __init__(self, text: str, lang: str, year: int | None):
        self.text = text
        self.lang = lang
        self.low = text.lower()
        self.year = year
        self._intro_governed: set[int] = set()
        self.title_year = _title_year(text)
        self.sents: list[_Sent] = []
        self.sent_starts: list[int] = []
        self.years: list[_Year] = []
        self.year_pos: list[int] = []
        self.deadline_pos: list[int] = []
        self.deadlines: list[_Year] = []

    # --- segmentation -----------------------------------------------------------------------------
    def segment(self) -> None:
        text, lang = self.text, self.lang
        lines = _logical_lines(text, lang)
        scope_target = False
        scope_review = False
        prev_para = -1
        for li, (ls, le, para) in enumerate(lines):
            line = text[ls:le]
            stripped = line.strip()
            short = len(stripped) <= (32 if lang == "zh" else 90)
            no_end_punct = not re.search(r"[.。;；!?！？,，]\Z", stripped)
            has_quantity = bool(re.search(r"\d\s*(?:%|％|percent|万|亿|元|人|个)", stripped))
            heading = short and no_end_punct and not _BULLET_RE.match(stripped)
            bullet = bool(_BULLET_RE.match(stripped))
            numbered_heading = bool(_NUMBERED_HEADING_RE.match(stripped)) and short
            is_target_header_line = False
            is_review_header_line = False
            if (heading or numbered_heading) and not has_quantity:
                if _REVIEW_HEADER_ZH.search(stripped) if lang == "zh" else _REVIEW_HEADER_EN.search(stripped):
                    is_review_header_line = True
                elif (
                    _TARGET_HEADER_ZH.search(stripped) if lang == "zh" else _TARGET_HEADER_EN.search(stripped)
                ):
                    is_target_header_line = True
            # scope transitions at line level
            if is_review_header_line:
                scope_review, scope_target = True, False
            elif is_target_header_line:
                scope_target, scope_review = True, False
            elif numbered_heading:
                scope_target = scope_review = False
            elif lang == "en" and para != prev_para and not bullet and len(stripped) > 200:
                scope_target = False
            if lang == "en" and para != prev_para and not bullet and not heading and len(stripped) > 200:
                scope_review = False
            prev_para = para
            mission = bool(_MISSION_LINE.match(stripped))
            labelled = bool(_LABEL_LINE.match(stripped)) if lang == "en" else False
            sents = _split_sentences(text, ls, le, lang)
            for ss, se in sents:
                s = _Sent(
                    ss,
                    se,
                    para,
                    li,
                    heading=heading,
                    bullet=bullet,
                    labelled=labelled,
                    target_scope=scope_target or mission,
                    review_scope=scope_review,
                )
                s.clauses = _split_clauses(text, ss, se, lang)
                self.sents.append(s)
                seg = text[ss:se].strip()
                # an inline list intro ("targets include:", "预期目标为:") opens a target scope
                hdr = _TARGET_HEADER_ZH if lang == "zh" else _TARGET_HEADER_EN
                if hdr.search(seg) and (_LIST_INTRO.search(seg) or re.search(r"[:：]", seg)):
                    colon = max(seg.rfind(":"), seg.rfind("："))
                    if colon >= 0 and hdr.search(seg[:colon]):
                        # the part after the colon is in scope; mark this sentence and continue on the line
                        s.target_scope = True
                        scope_target = True
        self.sent_starts = [s.start for s in self.sents]

    def sent_at(self, pos: int) -> _Sent | None:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i < 0:
            return None
        s = self.sents[i]
        return s if pos < s.end or i == len(self.sents) - 1 else s

    @staticmethod
    def clause_at(s: _Sent, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(s.clauses, (pos, float("inf"))) - 1
        return s.clauses[max(i, 0)]

    # --- time expressions -------------------------------------------------------------------------
    def scan_years(self) -> None:
        text, low, lang = self.text, self.low, self.lang
        out: list[_Year] = []
        date_spans: list[tuple[int, int]] = []
        for rx in _DATE_RES:
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
        for m in yrx.finditer(text):
            p, e = m.start("y"), m.end("y")
            y = int(m.group("y"))
            if p in period_start:
                out.append(_Year(p, e, y, "mention", "period"))
                continue
            if p in period_end:
                out.append(_Year(p, e, period_end[p], "deadline", "period"))
                continue
            before = low[max(0, p - 40) : p]
            after = text[e : e + 24]
            if lang == "zh":
                line_start = text.rfind("\n", 0, p) + 1
                heading_year = (
                    not text[line_start:p].strip()
                    and re.match(r"\s*[\u4e00-\u9fff]", after)
                    and not re.match(r"\s*(?:万|亿|千|百|元|个|人|家|件|项|吨|公里|米)", after)
                )
                if not re.match(r"\s*(?:年|-\d\d-)", after) and p not in date_set and not heading_year:
                    out.append(_Year(p, e, y, "mention"))  # "2000亿美元": a number, not a year
                    continue
                if (
                    p in date_set
                    or re.match(r"\s*年\s*\d{1,2}\s*月", after)
                    or re.match(r"-\d\d-\d\d", after)
                ):
                    # "到2025年5月" is still a deadline
                    if re.search(r"(?:到|至|前|截至|截止)\s*\Z", before):
                        out.append(_Year(p, e, y, "deadline", "by"))
                    else:
                        out.append(_Year(p, e, y, "date"))
                    continue
                if (
                    re.search(r"(?:比|较|较之|相比|相较|与|同|从|由|相对于?|对比|基于|以)\s*\Z", before)
                    or re.match(r"\s*年?(?:的|水平|基础上|基数|为基|基准)", after)
                    and not re.search(r"(?:到|至)\s*\Z", before)
                ):
                    out.append(_Year(p, e, y, "base"))
                    continue
                if re.match(r"\s*年?(?:以来|来)", after):
                    out.append(_Year(p, e, y, "past"))
                    continue
                if re.search(r"(?:到|至|截至|截止到|截止)\s*\Z", before) or re.match(
                    r"\s*年?(?:前|底|末|以前|之前)", after
                ):
                    out.append(_Year(p, e, y, "deadline", "by"))
                    continue
                out.append(_Year(p, e, y, "deadline", "bare"))
            else:
                if p in date_set:
                    if re.search(
                        r"\b(?:by|before|until|till|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?"
                        rf"(?:\d{{1,2}}\s+)?{_EN_MONTH}\.?\s*(?:\d{{1,2}},?\s*)?\Z",
                        before,
                        re.I,
                    ):
                        out.append(_Year(p, e, y, "deadline", "by"))
                    else:
                        out.append(_Year(p, e, y, "date"))
                    continue
                if (
                    _EN_BASE_BEFORE.search(before) and _EN_BASE_AFTER.match(after)
                ) or _EN_STRICT_BASE_BEFORE.search(before):
                    out.append(_Year(p, e, y, "base"))
                    continue
                if re.search(r"\bsince\s+\Z", before) or re.search(
                    r"\b(?:up|down)\s+from\s+[^,;.]{0,30}\bin\s+\Z", before
                ):
                    out.append(_Year(p, e, y, "past"))  # "since 2015", "up from 14% in 2022"
                    continue
                if re.match(r"\s*[:：]\s*\S", after) and not text[text.rfind("\n", 0, p) + 1 : p].strip(
                    " \t-–—•*·"
                ):
                    out.append(_Year(p, e, y, "deadline", "by"))  # a milestone line: "2025: up to 1 GW …"
                    continue
                if re.search(
                    r"\b(?:doubl|tripl|quadrupl|increas|ris|grow|rais|cut|reduc|decreas|fall|declin|halv)\w*"
                    r"(?:\s+(?:by\s+)?[\w.%-]+){0,4}\s+from\s+(?:the\s+)?(?:level\s+of\s+|levels\s+of\s+)?\Z",
                    before,
                    re.I,
                ) and not re.match(r"\s*(?:to|until|through|onwards?|-|–)\s", after, re.I):
                    out.append(_Year(p, e, y, "base"))  # "roughly double from 2023", "cut 40% from 2019"
                    continue
                bm = _EN_DEADLINE_BEFORE.search(before)
                if bm:
                    how = "in" if re.search(r"\b(?:in|for)\s+(?:the\s+)?(?:year\s+)?\Z", before) else "by"
                    if how == "in" and self._past_context(p):
                        out.append(_Year(p, e, y, "past"))
                    else:
                        out.append(_Year(p, e, y, "deadline", how))
                    continue
                if _EN_DEADLINE_AFTER.match(after):
                    out.append(_Year(p, e, y, "deadline", "in"))
                    continue
                out.append(_Year(p, e, y, "mention"))
        # relative expressions
        if lang == "zh":
            for m in _ZH_FYP_RE.finditer(text):
                n = cn_to_int(m.group("n"))
                y = _fyp_end(n)
                if y:
                    out.append(_Year(m.start(), m.end(), y, "deadline", "plan"))
            for m in _ZH_FYP2_RE.finditer(text):
                y = _fyp_end(cn_to_int(m.group("n")))
                if y:
                    out.append(_Year(m.start(), m.end(), y, "deadline", "plan"))
            for m in _ZH_REL_RE.finditer(text):
                w = m.group("w")
                if w == "本世纪中叶":
                    out.append(_Year(m.start(), m.end(), 2050, "deadline", "by"))
                elif w in ("当年", "年内"):
                    continue
                elif self.year is None and w in ("今年", "本年度") and self.title_year:
                    # undated text whose headline names one year ("2023年,三座省会城市要这么干!"): "今年" is it
                    out.append(_Year(m.start(), m.end(), self.title_year, "deadline", "annual"))
                elif self.year is None:
                    out.append(_Year(m.start(), m.end(), 0, "deadline", "relative"))  # a year we cannot place
                elif w in ("今年", "本年度"):
                    out.append(_Year(m.start(), m.end(), self.year, "deadline", "annual"))
                elif w == "明年":
                    out.append(_Year(m.start(), m.end(), self.year + 1, "deadline", "annual"))
                else:
                    n = cn_to_int(m.group("n"))
                    if n:
                        out.append(_Year(m.start(), m.end(), self.year + n - 1, "deadline", "by"))
        else:
            for m in _EN_REL_RE.finditer(text):
                w = m.group("w").lower()
                if "century" in w:
                    out.append(_Year(m.start(), m.end(), 2050, "deadline", "by"))
                elif self.year is None:
                    out.append(_Year(m.start(), m.end(), 0, "deadline", "relative"))  # a year we cannot place
                elif w.startswith("this"):
                    out.append(_Year(m.start(), m.end(), self.year, "deadline", "annual"))
                elif w.startswith("next"):
                    out.append(_Year(m.start(), m.end(), self.year + 1, "deadline", "annual"))
                else:
                    ns = m.group("n")
                    n = int(ns) if ns.isdigit() else int(parse_en_words(ns) or 0)
                    if n:
                        out.append(_Year(m.start(), m.end(), self.year + n, "deadline", "by"))
        for m in _NO_DEADLINE_RE.finditer(text):
            out.append(_Year(m.start(), m.end(), 0, "deadline", "relative"))  # an explicit "no end date"
        out.sort(key=lambda y: y.pos)
        self.years = out
        self.year_pos = [y.pos for y in out]
        self.deadlines = [y for y in out if y.kind == "deadline"]
        self.deadline_pos = [y.pos for y in self.deadlines]

    def _defined_term_deadline(self, q: Quantity, s: _Sent) -> tuple[int | None, str] | None:
        """A definition ("Nationwide coverage means “at least 99%”", "全覆盖是指…") takes its deadline from the
        earlier sentence that uses the defined term ("available nationwide by 2030")."""
        if self._own_year(s):
            return None
        head = self.text[s.start : q.start]
        rx = (
            r"\W*(?P<t>[A-Za-z][\w-]{3,})(?:\s+[\w-]+){0,2}?\s+(?:means|is\s+defined\s+as|refers\s+to)\b"
            if self.lang == "en"
            else r"\W*(?P<t>[\u4e00-\u9fff]{2,8}?)(?:是指|指的是|系指)"
        )
        m = re.match(rx, head, re.I)
        if not m:
            return None
        term = m.group("t").lower()
        i = bisect.bisect_right(self.sent_starts, s.start) - 1
        for j in range(i - 1, max(-1, i - 4), -1):
            ps = self.sents[j]
            k = self.low.find(term, ps.start, ps.end)
            if k >= 0:
                lo = bisect.bisect_left(self.deadline_pos, ps.start)
                hi = bisect.bisect_left(self.deadline_pos, ps.end)
                if lo < hi:
                    return self.deadline_for(k, ps, self.clause_at(ps, k))
        return None

    def _own_year(self, s: _Sent) -> bool:
        """The sentence states a deadline of its own."""
        lo = bisect.bisect_left(self.deadline_pos, s.start)
        return lo < len(self.deadline_pos) and self.deadline_pos[lo] < s.end

    def _past_context(self, pos: int) -> bool:
        """Is the English sentence at ``pos`` about the past ("In 2020, 2.7 million were diagnosed")?"""
        s = self.sent_at(pos)
        if s is None:
            return False
        seg = self.text[s.start : s.end]
        if re.search(
            r"\b(?:will|shall|should|must|would|to\s+be|is\s+to|are\s+to|aims?\s+(?:to|at|for)|aiming|"
            r"targets?\s+(?:of|to|for|is|was)|goals?\s+(?:of|to|for|is|was)|plans?\s+to|"
            r"(?:target|goal|aim)\s+(?:of|is))\b",
            seg,
            re.I,
        ):  # a plan noun alone ("launched a plan in 2024") does not make the sentence about the future
            return False
        return bool(
            re.search(
                r"\b(?:was|were|had|reached|grew|rose|fell|increased|decreased|declined|dropped|"
                r"recorded|saw|achieved|hit|diagnosed|lost|died|put\s+forward|adopted|presented|"
                r"announced|launched|published|issued|signed)\b",
                seg,
                re.I,
            )
        )

    def deadline_for(self, pos: int, s: _Sent, clause: tuple[int, int]) -> tuple[int | None, str]:
        """Deadline of a quantity at ``pos``: its clause, its sentence (before, then after), else inherited.

        A relative deadline ("within the next 10 years", "今年") in a document of unknown date gives None."""
        year, how = self._deadline_for(pos, s, clause)
        weak = self._weak_year(year, pos, s) if self.lang == "en" and year and how != "annual" else None
        if weak:
            # a year that dates the act or the document ("In 2024 the Council agreed …") gives way to a deadline
            # stated later in the same sentence ("… by 2027", "in 2030", "over the next 25 years")
            later = [
                d
                for d in self.deadlines[
                    bisect.bisect_right(self.deadline_pos, pos) : bisect.bisect_left(self.deadline_pos, s.end)
                ]
                if d.year != year
            ]
            if later:
                year, how = later[0].year, later[0].how
            elif weak == "act":
                return None, ""  # "In 2024 the Council agreed to install …": 2024 dates the agreement
        return (year or None), how

    def _weak_year(self, year: int, pos: int, s: _Sent) -> str | None:
        """"act" when ``year``, as the deadline found for ``pos``, dates a past act ("agreed in 2024"), "doc"
        when it is the publication year, else None."""
        doc = bool(self.year and year == self.year)
        lo = bisect.bisect_left(self.deadline_pos, s.start)
        hi = bisect.bisect_right(self.deadline_pos, pos)
        for d in self.deadlines[lo:hi]:
            if d.year != year:
                continue
            before = self.text[max(s.start, d.pos - 60) : d.pos]
            after = self.text[d.end : min(s.end, d.end + 60)]
            if re.search(rf"\b{_EN_PAST_ACT}\s+(?:[\w-]+\s+){{0,3}}?in\s+(?:\w+\s+)?\Z", before, re.I) or re.match(
                rf"\W*(?:[\w-]+\s+){{0,4}}?{_EN_PAST_ACT}\b", after, re.I
            ):
                return "act"
        return "doc" if doc else None

    def _deadline_for(self, pos: int, s: _Sent, clause: tuple[int, int]) -> tuple[int | None, str]:
        ds, dp = self.deadlines, self.deadline_pos
        lo = bisect.bisect_left(dp, s.start)
        hi = bisect.bisect_left(dp, s.end)
        in_sent = ds[lo:hi]
        in_clause = [d for d in in_sent if clause[0] <= d.pos < clause[1]]
        if in_clause:
            before = [d for d in in_clause if d.pos < pos]
            after = [d for d in in_clause if d.pos > pos]
            if self.lang == "en" and after:
                # English states the year after the target: "install 600GW by 2030"; take it unless another
                # quantity comes first
                nxt = bisect.bisect_right(self._q_starts, pos)
                if nxt >= len(self._q_starts) or self._q_starts[nxt] > after[0].pos:
                    return after[0].year, after[0].how
            d = before[-1] if before else in_clause[0]
            return d.year, d.how
        before = [d for d in in_sent if d.pos < pos]
        if before:
            return before[-1].year, before[-1].how
        after = [d for d in in_sent if d.pos > pos and d.how in ("by", "in")]
        if after and self.lang == "en":
            return after[0].year, after[0].how
        if lo > 0:
            d = ds[lo - 1]
            if self.lang == "en" and self.year and d.year == self.year and d.how != "annual":
                # the publication year is not inherited from an unrelated sentence ("In 2024 the Commission
                # adopted …", then a target with no year); only from the same paragraph, a list intro ("targets
                # for 2024 as follows:") or a sentence about targets
                sd = self.sent_at(d.pos)
                sd_text = self.text[sd.start : sd.end] if sd is not None else ""
                if not (
                    sd is not None
                    and (sd.para == s.para or _LIST_INTRO.search(sd_text.rstrip()) or _EN_GOAL_NOUN.search(sd_text))
                ):
                    return None, ""
            return d.year, d.how
        return None, ""

    def base_for(self, pos: int, s: _Sent, clause: tuple[int, int], qend: int) -> int | None:
        lo = bisect.bisect_left(self.year_pos, clause[0])
        hi = bisect.bisect_left(self.year_pos, s.end)
        for y in self.years[lo:hi]:
            if y.kind == "base" and (y.pos < clause[1] or self._same_tail(qend, y.pos)):
                return y.year
        return None

    def _same_tail(self, qend: int, ypos: int) -> bool:
        """A base year after the number, in the next clause: "by 55% by 2030, compared to 1990 levels"."""
        between = self.text[qend:ypos]
        return len(between) < 60 and not re.search(r"\d\s*%|[。；;]", between)

    # --- per-quantity resolution -----------------------------------------------------------
    def resolve(self, q: Quantity) -> _Item | None:
        text, lang = self.text, self.lang
        s = self.sent_at(q.start)
        if s is None:
            return None
        clause = self.clause_at(s, q.start)
        pre = text[clause[0] : q.start]
        pre_l = pre.lower()
        post = text[q.end : min(s.end, q.end + 40)]
        sent_text = text[s.start : s.end]
        sent_before = text[s.start : q.start]
        unit = q.unit
        value = q.value
        value_high = q.value_high
        notes: list[str] = []
        status = "target"
        reason = ""

        # ---- things that are not quantities of interest
        if self._in_url(q.start):
            return None
        line_start = text.rfind("\n", 0, q.start) + 1
        if (
            q.value_high is None
            and not q.magnitude
            and re.fullmatch(r"\s*[（(]?\s*", text[line_start : q.start])
            and re.match(r"\s*(?:[、）)]|\.\s)", text[q.end : q.end + 3])
        ):
            return None  # a list number at the start of a line: "1、…", "2) …", "3. …"
        if re.search(r"[“\"「『]\s*\Z", text[max(0, q.start - 2) : q.start]) and re.match(
            r"[^“”\"「」『』\n]{0,3}[”\"」』]", text[q.end : q.end + 5]
        ):
            return None  # a number inside a slogan or name in quotes: 三个“一亿人”, “十四五”
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
            return None  # a reference: "见表2", "Table 3", "Section 604", "EO 14057"
        if q.kind == "time":
            cue = (
                _EN_TIME_CUE.search(pre_l[-40:])
                or re.search(r"\b(?:life\s+expectancy|years\s+of\s+schooling)\b[^.;]{0,30}\Z", pre_l)
                if lang == "en"
                else _ZH_TIME_CUE.search(pre[-8:])
                or re.search(r"(?:寿命|年限|年龄)\s*\Z", pre)  # "人均预期寿命78.3岁": a level in years
            )
            if lang == "en" and not cue:
                cue = re.match(r"\s*of\s+(?:\w+\s+)?(?:education|schooling|study)\b", post, re.I)
            if not cue and not re.match(r"\s*(?:左右|以内|以上|以下|or\s+(?:less|more|fewer))", post, re.I):
                return None  # "Six months on", "for five years": durations in prose
        if lang == "en":
            if q.kind == "time" and _EN_DURATION_BEFORE.search(pre_l):
                return None  # "for five years", "for about two years"
            if (
                unit == "years"
                and value is not None
                and value >= 3
                and re.search(r"\b(?:within|in\s+the\s+next|over\s+the\s+next)\s+(?:the\s+)?\Z", pre_l)
            ):
                return None  # "within 10 years": the horizon of the targets, not a duration target
            if re.search(
                r"\b(?:aged?|ages)\s+(?:from\s+|between\s+|of\s+)?(?:\d+\s*(?:to|and|-|–)\s*)?\Z", pre_l
            ):
                return None  # "those aged from 14 to 35": an age group, not a target
            small = (
                q.kind == "count" and not q.magnitude and value is not None and value < 10 and not q.fraction
            )
            if (
                small
                and value_high is None
                and not re.match(r"\s+(?:more\s+|new\s+|additional\s+|extra\s+)?[a-z]", post)
            ):
                return None
            raw_before = text[max(0, q.start - 30) : q.start].lower()
            if re.match(r"\s*\)", text[q.end : q.end + 3]) and re.search(
                r"\(\s*(?:about|around|approximately|roughly|or|i\.e\.,?|equivalent\s+to|some|c\.)?\s*\Z",
                raw_before,
            ):
                prev_q = self._prev_quantity_end(q.start)
                if prev_q is not None and q.start - prev_q < 40:
                    return None  # "(about $172 billion)", "three out of four cancers (75%)"
        else:
            nxt_q = bisect.bisect_right(self._q_starts, q.start)
            later_in_clause = nxt_q < len(self._q_starts) and self._q_starts[nxt_q] < clause[1]
            if re.match(r"(?:以上|以下|及以上|及以下)(?![的之水左])[\u4e00-\u9fff]", post) and (
                later_in_clause or q.unit != "count"  # "百亿元以上产业集群": a size class, not an amount
            ):
                return None  # "3岁以下婴幼儿…达到4.5个": the number qualifies a noun, the target comes later
            if re.match(r"\s*[）)]", text[q.end : q.end + 3]) and re.search(
                r"[（(]\s*(?:约|合|折合)?\s*\Z", text[max(0, q.start - 8) : q.start]
            ):
                prev_q = self._prev_quantity_end(q.start)
                if prev_q is not None and q.start - prev_q < 20:
                    return None

        # ---- rates "per 10,000 employed"
        if unit == "count":
            rates = _ZH_RATE if lang == "zh" else _EN_RATE
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
        # ---- comparator
        comparator, cmp_src = self._comparator(q, pre, post)
        # ---- direction and measure
        measure = "level"
        change = False
        reduce_ = False
        if lang == "en":
            window = _EN_CMP_WORDS.sub(" ", pre_l[-80:])
            by = _EN_BY.search(pre_l) is not None
            of = _EN_OF.search(pre_l) is not None
            reduce_word = _EN_REDUCE.search(window)
            if by and unit in ("%", "pp") and not reduce_word and not _EN_GROW.search(window):
                gov = self._governing_verb(q, s)
                if gov == "reduce":
                    reduce_word = True
                    notes.append("reduction verb earlier in the sentence governs this 'by N%'")
                elif gov == "grow":
                    window += " increase"
                    notes.append("increase verb earlier in the sentence governs this 'by N%'")
            rel = _EN_REL_LEVEL.match(post) if unit == "%" else None
            if rel:
                # "to 26–28 per cent below 2005 levels": a change from the base year, not a share
                change = True
                reduce_ = rel.group("d").lower() in ("below", "under", "lower")
            elif (reduce_word and (by or of)) or (_EN_REDUCE_AFTER.match(post) and unit in ("%", "pp")):
                reduce_ = True
                change = True
            elif reduce_word and _EN_TO_LEVEL.search(pre_l) and not cmp_src:
                comparator = "at_most"
            elif ((by or of) and _EN_GROW.search(window) and unit in ("%", "pp", "years", "x")) or (
                unit == "%" and _EN_GROWTH_OF.search(pre_l)
            ):
                change = True
            annual = bool(_EN_ANNUAL.search(text[clause[0] : min(clause[1], q.end + 30)])) or bool(
                re.search(r"\baverage\s+annual\b", pre_l)
            )
            if unit == "%" and annual and (change or _EN_GROWTH_NOUN.search(pre_l)):
                measure = "average_annual_growth"
                change = False
                if reduce_word and (by or of):
                    value = -abs(value) if value is not None else value
            elif change:
                measure = "change_from_base"
        else:
            window = pre[-16:]
            if _ZH_REDUCE.search(window) and not re.search(
                r"(?:降至|降到|下降到|降低到|减少到|减至|压缩到|压减到|压减至)\s*"
                r"(?:约|近)?\s*\Z",
                window,
            ):
                reduce_ = True
                change = True
            elif (
                (
                    _ZH_GROW.search(window)
                    and not _ZH_TO_LEVEL.search(window)
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
            annual = bool(_ZH_ANNUAL.search(text[clause[0] : q.end]))
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
            rx = _ZH_PER_HOUSEHOLD if lang == "zh" else _EN_PER_HOUSEHOLD
            m = rx.search(text[clause[0] : q.start] if lang == "zh" else text[s.start : s.end])
            if m:
                n = m.group("n")
                n = _ZH_SCALE_WORD.get(n, n) if n else None
                unit = f"{unit} per {n} households" if n else f"{unit} per household"
        # ---- an elliptical list continues the previous quantity's verb and comparator:
        # "reductions of at least 56% by 2020, 75% by 2030 and 90% by 2040"; "分别下降4.4%和3.5%"
        prev = self._list_head(q, s)
        if prev is not None and measure in ("level", "share") and unit == prev.unit:
            if not cmp_src and prev.comparator not in ("between", "rank_at_most"):
                comparator = prev.comparator
            if prev.measure in ("change_from_base", "average_annual_growth"):
                measure = prev.measure
                if prev.value is not None and prev.value < 0 and value is not None:
                    value = -abs(value)
        # ---- deadline and base year
        deadline, how = self.deadline_for(q.start, s, clause)
        defined = self._defined_term_deadline(q, s)
        if defined is not None:
            deadline, how = defined
            notes.append("deadline taken from the sentence that uses the defined term")
        self._how = how
        base_year = None
        if measure in ("change_from_base", "average_annual_growth"):
            base_year = self.base_for(q.start, s, clause, q.end)
            if base_year is None:
                base_year = self._list_base(q, s)
            if base_year is None and prev is not None and prev.base_year:
                base_year = prev.base_year
            if base_year is None and measure == "change_from_base":
                base_year = self._inherited_base(q.start, s)
            if (
                base_year is None
                and measure == "change_from_base"
                and deadline
                and how in ("annual", "bare", "in")
                and not (self.year and deadline > self.year + 1)  # "for 2030" in a 2024 text: not one year
            ):
                base_year = deadline - 1
                notes.append("one-year change: base year taken as the year before the deadline")
        # ---- status: target, fact, projection, funding
        status, reason = self._classify(
            q, s, clause, pre, pre_l, post, sent_text, sent_before, unit, deadline, comparator, cmp_src
        )
        # ---- indicator and quote
        ind_start, indicator = self._indicator(q, s, clause, pre)
        if prev is not None and prev.sent is s:
            # a list item ("…, 75% by 2030") measures what its head measures
            ind_start, indicator = q.start, prev.indicator
        quote_end = self._quote_end(q, s)
        item = _Item(
            q,
            s,
            clause,
            comparator,
            value,
            value_high,
            unit,
            measure,
            deadline,
            how,
            base_year,
            indicator,
            ind_start,
            quote_end,
            status,
            reason,
            notes,
        )
        item.list_item = prev is not None
        return item

    def _governing_verb(self, q: Quantity, s: _Sent) -> str | None:
        """"reduce"/"grow" when the last change verb before ``q`` in its sentence governs its "by N%".

        The verb may be far away, past a long noun phrase or list ("reduce the use of A, the loss of B and the
        sale of C by 40%"), or past earlier "X by N%" pairs ("cut A by 15%, B by 25% and C by 50%"). Not when
        the number is a share ("by 40% of members"), or a level ("to 40%") or a new verb clause intervenes."""
        if re.match(r"\s*of\b", self.text[q.end : q.end + 8], re.I):
            return None
        lo = max(s.start, q.start - 320)
        seg = self.text[lo : q.start]
        seg = seg[max(seg.rfind(";"), seg.rfind(":")) + 1 :]
        last = None
        for m in _EN_REDUCE_VERB.finditer(seg):
            last = ("reduce", m)
        for m in _EN_GROW_VERB.finditer(seg):
            if last is None or m.start() > last[1].start():
                last = ("grow", m)
        if last is None:
            return self._intro_verb(q, s, seg)
        between = seg[last[1].end() :]
        if re.search(
            r"\b(?:to|at)\s+(?:around\s+|about\s+|at\s+least\s+)?\d|\b(?:which|that|who|while|whereas|but)\b|"
            r"\b(?:will|shall|should|must|is|are|was|were|has|have)\b",
            between,
            re.I,
        ):
            return None
        return last[0]

    def _intro_verb(self, q: Quantity, s: _Sent, seg: str) -> str | None:
        """"reduce"/"grow" when ``q`` sits in a bullet with no verb of its own and the list intro ends with a
        change verb ("Targets for 2030 include reducing: • A by 55%; • B by 30%")."""
        if not s.bullet or re.search(r"\b(?:to|at)\s+\d|\b(?:will|shall|is|are|was|were)\b", seg, re.I):
            return None
        i = bisect.bisect_right(self.sent_starts, s.start) - 1
        j = i - 1
        while j >= 0 and i - j <= 12 and self.sents[j].bullet:
            j -= 1
        if j < 0 or i - j > 12:
            return None
        intro = self.text[self.sents[j].start : self.sents[j].end].rstrip()
        if not _LIST_INTRO.search(intro):
            return None
        tail = intro[-60:]
        rm = list(_EN_REDUCE_VERB.finditer(tail))
        gm = list(_EN_GROW_VERB.finditer(tail))
        if not (rm or gm):
            return None
        last = max(rm + gm, key=lambda x: x.start())
        # the verb must close the intro ("… the EU reducing:"), not sit in its middle
        if re.search(r"\w", re.sub(r"\W*(?:the\s+following|by)?\W*\Z", "", tail[last.end() :])):
            return None
        self._intro_governed.add(q.start)
        return "reduce" if last in rm else "grow"

    def _list_head(self, q: Quantity, s: _Sent) -> _Item | None:
        """The resolved previous quantity when ``q`` only continues its list ("56% by 2020, 75% by 2030")."""
        i = bisect.bisect_left(self._q_starts, q.start) - 1
        if i < 0:
            return None
        pq = self._quantities[i]
        if pq.end <= s.start:
            return None
        between = self.text[pq.end : q.start]
        if not _LIST_GAP.fullmatch(between):
            return None
        return self._resolved.get(pq.start)

    def _list_base(self, q: Quantity, s: _Sent) -> int | None:
        """A base year closing a list of changes: "…, 90% by 2040, relative to the 1990 baseline"."""
        lo = bisect.bisect_left(self.year_pos, q.end)
        hi = bisect.bisect_left(self.year_pos, s.end)
        for y in self.years[lo:hi]:
            if y.kind == "base":
                between = self.text[q.end : y.pos]
                if _LIST_TAIL.fullmatch(between):
                    return y.year
                return None
        return None

    def _in_url(self, pos: int) -> bool:
        i = bisect.bisect_right(self._url_starts, pos) - 1
        return i >= 0 and pos < self._urls[i][1]

    def _prev_quantity_end(self, pos: int) -> int | None:
        i = bisect.bisect_left(self._q_starts, pos) - 1
        if i >= 0:
            return self._quantities[i].end
        return None

    def _inherited_base(self, pos: int, s: _Sent) -> int | None:
        """Base year of an earlier reduction in the sentence ("by 13.5% from the 2020 level, … by 18%")."""
        lo = bisect.bisect_left(self.year_pos, s.start)
        hi = bisect.bisect_left(self.year_pos, pos)
        bases = [y for y in self.years[lo:hi] if y.kind == "base"]
        return bases[-1].year if bases else None

    def _comparator(self, q: Quantity, pre: str, post: str) -> tuple[str, str]:
        if q.value_high is not None:
            return "between", "range"
        if self.lang == "zh":
            for name, rx in _ZH_CMP_AFTER:
                if rx.match(post):
                    if name == "more_than" and post.lstrip().startswith("多") and q.kind != "count":
                        continue
                    return name, "suffix"
            p = pre[-14:]
            for _ in range(4):
                p2 = re.sub(
                    r"(?:为|是|达到|达|在|将|要|再|了|均|分别|累计|全年|当年|今年|预计|进一步|基本|稳定|继续|实现|占[^，,。；;]{0,16}?的?)"
                    r"\s*\Z",
                    "",
                    p,
                )
                if p2 == p:
                    break
                p = p2
            for name, rx in _ZH_CMP_BEFORE:
                if rx.search(p) or rx.search(pre[-14:]):
                    return name, "prefix"
            if q.hint:
                return q.hint, "hint"
            return "at_least", ""
        pre_l = pre.lower()
        for name, rx in _EN_CMP_AFTER:
            if rx.match(post):
                return name, "suffix"
        for name, rx in _EN_CMP:
            if rx.search(pre_l[-60:]):
                if name == "more_than" and re.search(r"\bover\s+the\s*\Z", pre_l):
                    continue
                if (
                    name == "at_most"
                    and re.search(r"\bup\s+to\s*\Z", pre_l)
                    and re.search(r"\b(?:increase|rise|grow|raise|boost)\w*\s+\w*\s*up\s+to\s*\Z", pre_l)
                ):
                    continue
                return name, "prefix"
        return "at_least", ""

    def _classify(
        self,
        q: Quantity,
        s: _Sent,
        clause: tuple[int, int],
        pre: str,
        pre_l: str,
        post: str,
        sent_text: str,
        sent_before: str,
        unit: str,
        deadline: int | None,
        comparator: str,
        cmp_src: str,
    ) -> tuple[str, str]:
        lang = self.lang
        if lang == "zh":
            if _ZH_BASELINE_BEFORE.search(pre) and re.match(
                r"[^，,。；;]{0,3}?(?:提高到|提升到|增加到|增长到|提升至|提高至|"
                r"增至|升至|下降到|降至|降到|减少到|减至|扩大到|到|至)",
                post,
            ):
                return "fact", "baseline (from X to Y)"
            if _ZH_ADJ_FACT.search(pre[-8:]):
                return "fact", "current value"
            # sentence-level past markers before the number, unless a target word comes after them
            fm = None
            for m in _ZH_FACT_MARK.finditer(sent_before):
                fm = m
            if fm is not None:
                after_mark = sent_before[fm.end() :]
                if not re.search(r"目标|提出|要求|力争|确保|预期|计划|将|到\d{4}年", after_mark):
                    return "fact", f"past marker {fm.group(0)}"
            if (
                not cmp_src
                and _ZH_COMPARED_MARK.search(sent_text)
                and not re.search(r"目标|提出|要求|力争|确保|预期|计划", sent_text)
            ):
                return "fact", "a change on the previous year, reported"
            if self.fact_document and not re.search(r"目标|提出|要求|力争|确保|预期|计划", sent_text):
                return "fact", "statistical report"
            # "2020年…为7.8%": a value stated for an explicit earlier year
            lo = bisect.bisect_left(self.year_pos, s.start)
            hi = bisect.bisect_left(self.year_pos, q.start)
            stated = [y for y in self.years[lo:hi] if y.how == "bare" or y.kind in ("past", "date")]
            ym = re.search(r"(\d{4})", str(stated[-1].year)) if stated else None
            if (
                ym
                and re.search(r"(?:为|是|达|有)\s*\Z", pre)
                and not _ZH_STRONG.search(sent_before)
                and not cmp_src
            ):
                y = int(ym.group(1))
                later = [d for d in self.deadlines if d.year > y]
                if later:
                    return "fact", "value for an earlier year"
            latest_plan = max((y.year for y in self.years if y.how == "plan"), default=None)
            if self._how == "plan" and deadline and latest_plan and deadline < latest_plan:
                return "fact", "period of an earlier five-year plan"  # "“十三五”期间…培育…1家" in a 十四五 text
            if re.search(r"如\s?果|假\s?[如设]|倘\s?若|如\s?若|若\s?是|要\s?是", sent_before):
                return "other", "hypothetical (如果…那么)"  # the writer's arithmetic, not a commitment
            if _ZH_PROJECTION.search(sent_before[-30:]) or _ZH_PROJECTION.search(pre):
                return "projection", "projection"
            for m in _ZH_FOUNDATION.finditer(sent_text):
                if s.start + m.start() <= q.start < s.start + m.end():
                    return "other", "laying the foundation for another goal"
            if (
                unit in ("CNY", "USD", "EUR", "GBP")
                and _ZH_FUNDING.search(pre)
                and not cmp_src
                and not (_ZH_TO_LEVEL.search(pre))
                and not re.search(r"(?:完成|实现)[^，,。；;]{0,12}投资", pre)
            ):
                return (
                    "funding",
                    "funding allocation",
                )  # "安排资金500亿元"; "投资额达到2000亿美元" is a target
            if s.review_scope and not re.search(r"目标|提出|预期|要求", sent_text):
                return "fact", "review section"
            if ym and self.year and int(ym.group(1)) < self.year and not _ZH_STRONG.search(sent_before):
                return "fact", "value for a year before the document"
            ym2 = re.search(r"(\d{4})\s*年(?:底|末)?的?\s*(?:约|近)?\s*\Z", pre)
            if ym2:
                y2 = int(ym2.group(1))
                latest = max([d.year for d in self.deadlines] + [self.year or 0])
                if y2 < latest:
                    return "fact", "value for an earlier year"
            framed = re.search(r"目标|指标|任务|提出|明确|要求|预期|计划|力争|确保", sent_text)
            before_document = bool(self.year and deadline and deadline < self.year)
            if before_document and self._how not in ("annual",) and not framed:
                return "fact", "period before the document"  # unless the text frames it as that year's target
            strong = bool(_ZH_STRONG.search(sent_text))
            if deadline is None:
                return (
                    ("target", "")
                    if strong
                    and _ZH_CUE.search(pre + post[:4])
                    and re.search(r"目标|力争|确保|计划|要求", sent_text)
                    else ("other", "no deadline")
                )
            return "target", ""
        # ---- English
        if _EN_BASELINE_BEFORE.search(pre_l[-40:]) and re.match(r"\s*(?:to|-)\s", post):
            return "fact", "baseline (from X to Y)"
        if _EN_BASELINE_BEFORE.search(pre_l[-30:]) and re.search(r"\b(?:up|down)\s+from\s*\Z", pre_l):
            return "fact", "baseline"
        if _EN_ADJ_FACT.search(pre_l[-30:]):
            return "fact", "current value"
        pm = _en_projection(self.text[s.start : q.start])
        if pm and not (s.target_scope and not re.search(r"\b(?:projected|estimated|forecast)\b", pre_l)):
            return "projection", f"projection ({pm.group(0)})"
        if re.match(
            r"[^;:.]{0,80}?\b(?:is|are|was|were)\s+(?:currently\s+)?(?:estimated|projected|forecast|thought|"
            r"believed|reported)\s+to\b",
            self.text[q.end : s.end],
            re.I,
        ):
            return "projection", "estimate (… are estimated to …)"  # "20% of premises are estimated to require"
        if re.match(r"[^,;:.]{0,50}?\b(?:was|were)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b", self.text[q.end : clause[1]], re.I):
            return "fact", "past passive (… were registered)"  # "2.2 million NEVs were registered"
        if re.search(r"\byear[- ]on[- ]year\b|\bcompared\s+with\s+(?:the\s+same\s+period\s+)?last\s+year\b", sent_text, re.I) and not (
            _EN_FRAMING.search(sent_text)
            # a plan's multi-year change on last year ("is planned to increase by 25 percent by 2027 compared
            # with last year") is a target, not a reported change
            or re.search(rf"\b(?:is|are)\s+(?:planned|set|expected)\s+to\b[^.;]*\bby\s+{_YEAR}\b", sent_text, re.I)
        ):
            return "fact", "a change on the previous year, reported"
        if re.match(r"\W*(?:this|that|it|which)\s+(?:is|was|represents|equals|amounts\s+to|means)\b", sent_text, re.I) and not (
            self._own_year(s)
        ):
            return "other", "restatement (this is …)"  # "This is around 5 million premises"
        if self.fact_document and not _EN_FRAMING.search(sent_text):
            return "fact", "statistical report"
        if _EN_ANALYSIS.search(sent_before):
            return (
                "other",
                "a third party's analysis",
            )  # "the Committee found that emissions must fall by 68%"
        if _EN_REPORTED.search(self.text[q.end : s.end]) or _EN_SURVEY.search(sent_text):
            return "fact", "reported opinion or survey"  # "45% of respondents said they would …"
        fm = None
        for m in _EN_FACT_MARK.finditer(sent_before):
            fm = m
        if fm is not None and not _EN_FRAMING.search(sent_before[fm.end() :]):
            # "last week the DOE announced a new target to cut …": the marker dates the announcement
            return "fact", f"past marker ({fm.group(0)})"
        past = self._past_verb(pre)
        if past and not s.target_scope:
            return "fact", f"past tense ({past})"
        narr = _past_narration(sent_text)
        if narr and not s.target_scope:
            return "fact", f"past narration ({narr})"  # "China remained the largest market, with 8.1 million"
        if (
            unit in ("CNY", "USD", "EUR", "GBP")
            and _EN_FUNDING.search(sent_text)
            and not _EN_TARGET_LEVEL_VERB.search(pre_l)
        ):
            return "funding", "funding or investment"
        if (
            unit in ("count", "CNY", "USD", "EUR", "GBP")
            and (_EN_FUNDED_BY.search(pre_l[-60:]) or (q.magnitude and _EN_FUNDS_AFTER.match(post)))
            and not _EN_MONEY_GOAL.search(sent_before)
        ):
            # "supported by 3.3 billion of EU funds", "financed by 2 billion from the recovery facility": money
            # that pays for something, not a level to reach (unless framed as one: "aims to attract …")
            return "funding", "money funding something"
        if _EN_EFFECT_START.search(sent_text) and not s.target_scope:
            return "projection", "effect of an action"
        if unit in ("CNY", "USD", "EUR", "GBP") and re.search(
            r"\b(?:cut\w*|reduc\w*|lower\w*|sav\w*)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}costs?\b", sent_before, re.I
        ):
            return "projection", "estimated saving"  # "will cut the costs of air pollution by £1.7 billion"
        if s.review_scope:
            return "fact", "review section"
        strong = bool(_EN_STRONG.search(sent_text))
        if deadline is None:
            # without a year, only an explicit commitment stated before the number, in a sentence that does
            # not report the past ("have now signed", "announced", "affirmed")
            if (
                _EN_FACT_MARK.search(sent_text)
                or self._past_verb(sent_text)
                or re.search(
                    r"\b(?:announced|affirmed|launched|said|reported|welcomed|noted|signed|joined|agreed)\b",
                    sent_text,
                    re.I,
                )
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
        if s.target_scope or strong or cmp_src or s.bullet or s.labelled or _EN_CUE.search(pre_l[-60:]):
            return "target", ""
        if self._coordinated_target(q, s):
            return "target", ""  # "install 40,000 chargers by 2027, and 5,000 hydrogen stations in 2030"
        return "other", "no target cue"

    def _coordinated_target(self, q: Quantity, s: _Sent) -> bool:
        """The previous quantity of the sentence is a target and ``q`` continues it after "and" / "as well as"."""
        i = bisect.bisect_left(self._q_starts, q.start) - 1
        if i < 0:
            return False
        pq = self._quantities[i]
        prev = self._resolved.get(pq.start)
        if prev is None or prev.sent is not s or prev.status != "target":
            return False
        between = self.text[pq.end : q.start]
        return bool(
            re.search(r"(?:,\s*|\s)(?:and|as\s+well\s+as|plus)\s+(?:also\s+)?(?:some\s+|about\s+|around\s+)?\Z", between, re.I)
        ) and not re.search(r"[;:]|\b(?:was|were|has|have|had)\b", between, re.I)

    @staticmethod
    def _past_verb(pre: str) -> str | None:
        last = None
        for m in _EN_PAST_VERB.finditer(pre):
            last = m
        if last is None:
            return None
        before = pre[: last.start()]
        am = _EN_AUX_BEFORE_VERB.search(before)
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

    # --- indicator phrase and quote ------------------------------------------------------------------------
    def _indicator(self, q: Quantity, s: _Sent, clause: tuple[int, int], pre: str) -> tuple[int, str]:
        text = self.text
        start = clause[0]
        seg = text[start : q.start]
        if self.lang == "zh":
            # strip leading time phrase and connectors
            m = re.match(
                r"\s*(?:[-—–·•●■◆]+|其中|并且|并|且|同时|以及|和|及|另外|此外|——|[一二三四五六七八九十]+是|"
                r"(?:到|至|截至)?\s*\d{4}\s*年(?:底|末|前)?|今年|明年|当年|全年|“十[一二三四五六七八九]五”(?:期间|时期|末)?)*",
                seg,
            )
            off = m.end() if m else 0
            cut = None
            for cm in re.finditer(
                r"(?:(?:到|至|截至)?\s*(?<![从比较由与])\d{4}\s*年(?:底|末|前)?|》|\s|(?:今后|未来)[一二三四五六七八九十\d]+年|今年|"
                r"“?十[一二三四五六七八九]五”?(?:期间|时期|末)?|当年|全年|年内)",
                seg[off:],
            ):
                cut = cm
            if cut is not None and cut.end() < len(seg) - off:
                rest = seg[off + cut.end() :]
                if re.sub(_ZH_IND_TAIL, "", rest).strip(" \t,，、:：“”\"'"):
                    off += cut.end()
                else:  # "高技术产业增加值当年超过": the time word sits between indicator and verb
                    seg = seg[: off + cut.start()] + " " * (cut.end() - cut.start()) + rest
            body = seg[off:]
            ind = re.sub(_ZH_IND_TAIL, "", body)
            ind = ind.strip(" \t,，、:：“”\"'")
            if not ind:
                ind = body.strip() or text[q.start : q.end]
                return start + off, ind
            return start + off + (len(body) - len(body.lstrip())), ind
        # English
        m = re.match(
            r"\s*(?:(?:[-–—•●■◆*]+|and|while|whereas|with|but|so\s+that|such\s+that|that|ensuring\s+that|ensure\s+that|"
            r"in\s+addition|also|including|by\s+(?:the\s+end\s+of\s+)?\d{4}|in\s+\d{4}|from\s+\d{4}|"
            r"in\s+that\s+year|the\s+)\s*,?\s*)*",
            seg,
            re.I,
        )
        off = m.end() if m else 0
        body = seg[off:]
        low = body.lower()
        # "a drop of around 2.5 percent in energy consumption per unit of GDP": the indicator follows
        after = text[q.end : min(clause[1], q.end + 120)]
        verb = None
        for vm in re.finditer(
            r"\b(?:will|shall|should|must|to|is|are|be|been|being|was|were|has|have|had|reach\w*|exceed\w*|"
            r"maintain\w*|reduc\w*|cut\w*|increas\w*|rais\w*|deploy\w*|install\w*|grow\w*|make\s+up|"
            r"account\w*|achiev\w*|doubl\w*|lower\w*|boost\w*|decreas\w*|fall\w*|fallen|hit|keep|"
            r"remain\w*|stay\w*|hold\w*|rise|rising|diagnos\w*|save|saving|build\w*|creat\w*|"
            r"survive|receive|uses?|using|commit\w*|ensur\w*|support\w*)\b",
            low,
        ):
            verb = vm
        subject = body
        obj = ""
        if verb is not None:
            subject = body[: verb.start()]
            obj = body[verb.end() :]
        obj = re.sub(
            r"\b(?:at\s+least|more\s+than|up\s+to|a\s+record|less\s+than|no\s+less\s+than|no\s+more\s+than|"
            r"fewer\s+than|greater\s+than|higher\s+than|lower\s+than|in\s+excess\s+of|upwards\s+of|"
            r"a\s+minimum\s+of|a\s+maximum\s+of|level\s+of|by|to|at|of|around|about|approximately|over|within|"
            r"some|nearly|almost|roughly|the|a|an|min|max|above|below|under|beyond|further|additional|extra|record|"
            r"total)\b\s*",
            " ",
            obj,
            flags=re.I,
        )
        obj = re.sub(r"\s+", " ", obj).strip(" ,:;")
        subject = re.sub(
            r"\b(?:will|shall|should|must|would|could|is|are|be|been|being|has|have|had|to|also|the\s+"
            r"(?:number|amount|level)\s+of\s+the)\s*\Z",
            "",
            subject.strip(),
            flags=re.I,
        ).strip(" ,:;")
        subject = re.sub(
            r"\s+(?:of|at|by|to|with|in)\s*(?:around|about|approximately|at\s+least|more\s+than|over)?\s*\Z",
            "",
            subject,
            flags=re.I,
        ).strip(" ,:;")
        cand = obj if obj and len(obj) > 3 else subject
        if re.fullmatch(
            r"(?:a|an|the)?\s*(?:drop|reduction|cut|decrease|increase|rise|growth|fall|decline)?\s*"
            r"(?:of)?\s*(?:around|about|approximately|at\s+least|over|more\s+than)?",
            cand.lower() or "",
        ):
            am = re.match(r"\s*(?:of|in|for)\s+([^,;:.]{3,80})", after)
            if am:
                return q.end + am.start(1), am.group(1).strip()
            am = re.match(r"\s+(?:more\s+|new\s+|additional\s+|extra\s+)?([A-Za-z][^,;:.]{2,80})", after)
            if am:
                return q.start, am.group(0).strip()
            return q.start, text[q.start : q.end]
        words = cand.split()
        if len(words) > 16:
            cand = " ".join(words[-16:])
        if len(words) <= 1:
            # "planting 18,000 hectares of new woodland": what is counted follows the number
            am = re.match(
                r"\s+(?:of\s+)?(?:more\s+|new\s+|additional\s+|extra\s+)?([A-Za-z][^,;:.()]{2,60}?)"
                r"(?=\s+(?:by|in|per|each|every|a\s+year|annually|from|to|on|at)\b|[,;:.()]|\Z)",
                after,
            )
            if am:
                cand = f"{cand} {am.group(1)}".strip()
                return (start + off if cand.split()[0] != am.group(1).split()[0] else q.start), cand
        idx = body.find(cand[:20]) if cand else -1
        ind_start = start + off + idx if idx >= 0 and cand is subject else start + off
        if cand is not subject:
            ind_start = start + off
        return ind_start, cand

    def _quote_end(self, q: Quantity, s: _Sent) -> int:
        text = self.text
        end = q.end
        if self.lang == "zh":
            m = re.match(r"\s*(?:左右|以上|以内|以下|上下|多)", text[end : end + 4])
            if m:
                end += m.end()
        else:
            m = re.match(
                r"(?:\s+(?:or\s+(?:more|less)|of\s+[\w&/' -]{1,60}?))?(?:\s+(?:in\s+that\s+year|"
                r"by\s+(?:no\s+later\s+than\s+)?\d{4}|in\s+\d{4}|from\s+(?:the\s+)?\d{4}\s+levels?|"
                r"compared\s+(?:to|with)\s+\d{4}\s+levels?))?(?=[\s,.;:)]|\Z)",
                text[end : min(s.end, end + 120)],
            )
            if m and m.end() > 0:
                end += m.end()
        return min(end, s.end if s.end > end else end)

    # --- number-less targets --------------------------------------------------------------------------------
    def special_quantities(self) -> list[Quantity]:
        text = self.text
        out: list[Quantity] = []
        if self.lang == "zh":
            for m in _ZH_RANK_LEAD.finditer(text):
                w = m.group("w")
                value = 1.0 if w in ("领先", "第一", "首位", "居首") else None
                out.append(Quantity(m.start(), m.end(), value, None, "rank", "rank", m.group(0)))
            for m in _ZH_RANK_VERB.finditer(text):
                if any(o.start <= m.start() < o.end or m.start() <= o.start < m.end() for o in out):
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
            for m in _ZH_NETZERO.finditer(text):
                out.append(Quantity(m.start(), m.end(), 0.0, None, "Mt CO2e", "netzero", m.group(0)))
            for m in _ZH_DOUBLE.finditer(text):
                out.append(
                    Quantity(
                        m.start(),
                        m.end(),
                        float(_DOUBLE_VALUE[m.group("w")]),
                        None,
                        "%",
                        "double",
                        m.group(0),
                    )
                )
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
            for m in _EN_NETZERO.finditer(text):
                out.append(Quantity(m.start(), m.end(), 0.0, None, "Mt CO2e", "netzero", m.group(0)))
            for m in _EN_DOUBLE.finditer(text):
                out.append(
                    Quantity(
                        m.start(),
                        m.end(),
                        float(_DOUBLE_VALUE[m.group("w").lower()]),
                        None,
                        "%",
                        "double",
                        m.group(0),
                    )
                )
        return out

    def resolve_special(self, q: Quantity) -> _Item | None:
        text = self.text
        s = self.sent_at(q.start)
        if s is None:
            return None
        clause = self.clause_at(s, q.start)
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
        deadline, how = self.deadline_for(q.start, s, clause)
        if q.kind == "netzero":
            # net zero needs an explicit year in its own sentence
            lo = bisect.bisect_left(self.deadline_pos, s.start)
            hi = bisect.bisect_left(self.deadline_pos, s.end)
            if lo == hi:
                return None
        status, reason = "target", ""
        if self.lang == "en":
            passive_future = re.search(
                r"\b(?:be|been|being|to\s+have|will\s+have)\s+(?:\w+ly\s+)?\Z", pre.lower()
            )
            if q.kind == "double" and (
                re.search(r"\b(?:has|have|had|was|were)\s+(?:\w+\s+)?\Z", pre.lower())
                or (q.raw.lower().endswith("ed") and not passive_future)
            ):
                status, reason = "fact", "past"
            if _en_projection(sent_before) and not s.target_scope:
                status, reason = "projection", "projection"
            fm = _EN_FACT_MARK.search(sent_before)
            if fm:
                status, reason = "fact", f"past marker ({fm.group(0)})"
        else:
            fm = None
            for m in _ZH_FACT_MARK.finditer(sent_before):
                fm = m
            if fm is not None and not re.search(
                r"目标|提出|要求|力争|确保|预期|计划|将|到\d{4}年", sent_before[fm.end() :]
            ):
                status, reason = "fact", f"past marker {fm.group(0)}"
            for m in _ZH_FOUNDATION.finditer(sent_text):
                if s.start + m.start() <= q.start < s.start + m.end():
                    status, reason = "other", "laying the foundation for another goal"
            if _ZH_PROJECTION.search(sent_before[-30:]):
                status, reason = "projection", "projection"
        if q.kind == "double" and self.lang == "en":
            if re.search(r"\b(?:almost|nearly|roughly|about|around|approximately|close\s+to)\s+\Z", pre.lower()):
                comparator = "around"  # "almost double"
            elif re.search(r"\b(?:more\s+than)\s+\Z", pre.lower()):
                comparator = "more_than"
        if deadline is None and status == "target":
            status, reason = "other", "no deadline"
        base_year = None
        if measure == "change_from_base":
            base_year = self.base_for(q.start, s, clause, q.end)
        ind_start, indicator = self._special_indicator(q, s, clause, pre)
        if q.kind == "netzero":
            indicator = "net greenhouse gas emissions" if self.lang == "en" else "温室气体净排放"
        peer = None
        if q.kind == "rank":
            peer = _peer_group(text[s.start : s.end])
        item = _Item(
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

    def _special_indicator(self, q: Quantity, s: _Sent, clause: tuple[int, int], pre: str) -> tuple[int, str]:
        text = self.text
        if q.kind == "double":
            after = text[q.end : clause[1]]
            m = re.match(
                r"\s*(?:of\s+)?(?:the\s+)?([^,;.:，。；]{3,90}?)(?=\s+by\s+\d{4}|\s+in\s+\d{4}|[,;.:，。；]|\Z)",
                after,
            )
            if m and self.lang == "en":
                return clause[0], m.group(1).strip()
        seg = pre
        if self.lang == "zh":
            m = re.match(
                r"\s*(?:其中|并|且|同时|以及|和|及|——|(?:到|至)?\s*\d{4}\s*年(?:底|末|前)?|今年)*", seg
            )
            off = m.end() if m else 0
            ind = re.sub(
                r"(?:位居|位列|跻身|走在|进入|居于|稳居|名列|保持|居|排名|实现|比\s*\d{4}\s*年)\s*\Z",
                "",
                seg[off:],
            ).strip(" ，,")
            return clause[0] + off, ind or text[q.start : q.end]
        m = re.match(r"\s*(?:(?:and|while|with|that|the)\s+)*", seg, re.I)
        off = m.end() if m else 0
        ind = re.sub(
            r"\s*\b(?:will|shall|should|would|to|is|are|be|become|remain|rank\w*|stay|keep|maintain|be\s+among)"
            r"(?:\s+(?:be|become|remain|the))*\s*\Z",
            "",
            seg[off:],
            flags=re.I,
        ).strip(" ,")
        return clause[0] + off, ind or text[q.start : q.end]

    # --- tasks and goals ------------------------------------------------------------------------------------
    def tasks(self) -> list[DraftTask]:
        text = self.text
        if self.lang == "en":
            marks = [
                (m.start("w"), m.end(), _EN_TASK_ORD.index(m.group("w").lower()) + 1)
                for m in _EN_TASK_RE.finditer(text)
            ]
        else:
            marks = []
            for m in _ZH_TASK_RE.finditer(text):
                n = cn_to_int(m.group("w"))
                if n:
                    marks.append((m.start(), m.end(), n))
            if not marks:
                for m in _ZH_TASK_DI_RE.finditer(text):
                    n = cn_to_int(m.group("w"))
                    if n:
                        marks.append((m.start("w") - 1, m.end(), n))
        seqs: list[list[tuple[int, int, int]]] = []
        cur: list[tuple[int, int, int]] = []
        for mk in marks:
            if mk[2] == 1:
                if len(cur) >= 2:
                    seqs.append(cur)
                cur = [mk]
            elif cur and mk[2] == cur[-1][2] + 1 and mk[0] - cur[-1][1] < 2000:
                cur.append(mk)
        if len(cur) >= 2:
            seqs.append(cur)
        out: list[DraftTask] = []
        for seq in seqs:
            for i, (_a, b, n) in enumerate(seq):
                end_limit = seq[i + 1][0] if i + 1 < len(seq) else len(text)
                seg = text[b:end_limit]
                stop = re.search(r"[。\n]" if self.lang == "zh" else r"\.(?=\s|\Z)|\n", seg)
                if self.lang == "zh":
                    stop2 = re.search(r"[；;]", seg)
                    if stop2 and (stop is None or stop2.start() < stop.start()):
                        stop = stop2
                e = b + (stop.start() if stop else len(seg))
                task = text[b:e].rstrip(" ,;，；。.")
                if len(task) >= 2:
                    out.append(DraftTask(task, b, b + len(task), n))
        zh = self.lang == "zh"
        listed = section_tasks(text, zh)
        if len(listed) >= 2 and len(listed) >= len(out):
            return [DraftTask(text[a:b], a, b, n) for a, b, n in listed]
        if zh and not out:
            found = inline_tasks(text)
            if found:
                return [DraftTask(text[a:b], a, b, n) for a, b, n in found]
        if zh and not out and not _ZH_ARTICLE_RE.search(text):  # "第三条 …：（一）…" are legal clauses
            heads = [
                (m.start("t"), m.end("t"), cn_to_int(m.group("w")) or 0, m.group("t"))
                for m in _ZH_TASK_HEAD_RE.finditer(text)
            ]
            if len(heads) >= 2:
                for a, _b, n, t in heads:
                    t2 = t.rstrip(" ，,；;。")
                    out.append(DraftTask(t2, a, a + len(t2), n))
        if zh and not out:
            out = [DraftTask(text[a:b], a, b, n) for a, b, n in lead_tasks(text)]
        return out

    def goals(self, target_sents: set[int]) -> list[DraftGoal]:
        text = self.text
        out: list[DraftGoal] = []
        seen: set[tuple[int | None, str]] = set()
        words = _ZH_GOAL_WORDS if self.lang == "zh" else _EN_GOAL_WORDS
        for d in self.deadlines:
            if d.how not in ("by", "plan") and not (self.lang == "zh" and d.how == "bare"):
                continue
            s = self.sent_at(d.pos)
            if s is None or s.start in target_sents:
                continue
            seg_start = d.pos
            # from the deadline phrase ("by 2025", "到2025年") to the end of the sentence
            back = text[max(s.start, d.pos - 12) : d.pos]
            bm = re.search(r"(?:by|到|至|before|by\s+the\s+end\s+of)\s*\Z", back, re.I)
            if bm:
                seg_start = d.pos - (len(back) - bm.start())
            body = text[seg_start : s.end].rstrip()
            if len(body) < 12 or not words.search(body):
                continue
            qi = bisect.bisect_left(self._q_starts, seg_start)
            if qi < len(self._q_starts) and self._q_starts[qi] < s.end:
                continue  # a sentence with numbers holds targets or facts, not a qualitative goal
            key = (d.year, re.sub(r"\W+", "", body.lower())[:12])
            if key in seen:
                continue
            seen.add(key)
            body = body.rstrip("。.;；")
            out.append(DraftGoal(body, seg_start, seg_start + len(body), d.year))
        return out

    # --- main ---------------------------------------------------------------------------------------------
    def prepare(self) -> list[Quantity]:
        head = self.text[:300]
        self.fact_document = bool((_ZH_FACT_DOC if self.lang == "zh" else _EN_FACT_DOC).search(head))
        self.segment()
        qs = find_zh(self.text) if self.lang == "zh" else find_en(self.text)
        self._urls = [(m.start(), m.end()) for m in _URL_RE.finditer(self.text)]
        self._url_starts = [a for a, _ in self._urls]
        self._quantities = qs
        self._q_starts = [q.start for q in qs]
        self._resolved: dict[int, _Item] = {}
        self.scan_years()
        return qs

    def run(self) -> Draft:
        qs = self.prepare()
        items: list[_Item] = []
        for q in qs:
            it = self.resolve(q)
            if it is not None:
                items.append(it)
                self._resolved[q.start] = it
        for q in self.special_quantities():
            it = self.resolve_special(q)
            if it is not None:
                items.append(it)
        items.sort(key=lambda it: it.q.start)
        targets = [it for it in items if it.status == "target"]
        facts = [it for it in items if it.status == "fact"]
        targets = self._split_pairs(targets)
        targets = _dedupe(targets, self.text, self.lang, [s.start for s in self.sents if s.heading])
        draft_targets = [self._to_target(it) for it in targets]
        draft_facts = []
        for it in facts:
            a, b = it.q.start, it.q.end
            draft_facts.append(DraftFact(it.value, it.unit, self.text[a:b], a, b, it.reason, None))
        target_sents = {it.sent.start for it in targets}
        deadlines = [t.deadline for t in draft_targets if t.deadline]
        goals = self.goals(target_sents)
        horizon = (
            max(deadlines) if deadlines else (max((g.deadline for g in goals if g.deadline), default=None))
        )
        return Draft(
            language=self.lang,
            horizon_year=horizon,
            document_year=self.year,
            targets=draft_targets,
            tasks=self.tasks(),
            goals=goals,
            facts=draft_facts,
        )

    def _split_pairs(self, items: list[_Item]) -> list[_Item]:
        """ "二氧化硫、氮氧化物排放量下降3%": one target per pollutant; in English, a bullet governed by its
        list intro's verb that lists indicators before one number ("• A, B, C and D by 50%") gives one target
        per indicator (commas only: "the use and risk of X" is one indicator)."""
        if self.lang != "zh":
            out = []
            for it in items:
                parts = [it.indicator]
                if it.q.start in self._intro_governed:
                    head = self.text[it.sent.start : it.q.start]
                    head = _BULLET_RE.sub("", head, count=1)
                    head = re.sub(r"\s*\bby\s+(?:more\s+than\s+|at\s+least\s+|over\s+)?\Z", "", head, flags=re.I)
                    parts = [p.strip() for p in re.split(r",\s*", head)]
                    if (
                        len(parts) >= 3
                        and re.match(r"(?:and|or)\s+\w", parts[-1], re.I)
                        and not re.search(r"\d", head)
                    ):
                        parts = [re.sub(r"^(?:and|or)\s+", "", p, flags=re.I) for p in parts]
                    else:
                        parts = [it.indicator]
                if len(parts) == 1:
                    out.append(it)
                else:
                    out += [_Item(**{**it.__dict__, "indicator": p}) for p in parts]
            return out
        out = []
        for it in items:
            m = _ZH_EMISSION_PAIR.match(it.indicator)
            if m:
                a = _Item(**{**it.__dict__, "indicator": m.group("a") + m.group("tail")})
                b = _Item(**{**it.__dict__, "indicator": m.group("b") + m.group("tail")})
                out += [a, b]
            else:
                out.append(it)
        return out

    def _to_target(self, it: _Item) -> DraftTarget:
        text = self.text
        a = min(it.ind_start, it.q.start)
        a = max(a, it.sent.start)
        b = max(it.quote_end, it.q.end)
        quote = text[a:b]
        # trim whitespace at the ends, keeping offsets exact
        lead = len(quote) - len(quote.lstrip())
        trail = len(quote) - len(quote.rstrip())
        a += lead
        b -= trail
        quote = text[a:b]
        value = _round(it.value)
        value_high = _round(it.value_high)
        return DraftTarget(
            indicator=re.sub(r"\s+", " ", it.indicator).strip()[:200],
            comparator=it.comparator,
            value=value,
            value_high=value_high,
            unit=it.unit,
            deadline=it.deadline,
            measure=it.measure,
            base_year=it.base_year,
            quote=quote,
            start=a,
            end=b,
            raw=it.q.raw,
            peer_group=it.peer_group,
            notes=list(it.notes),
        )


_EN_ADJ_ED = {
    "proposed",
    "expected",
    "based",
    "targeted",
    "dedicated",
    "advanced",
    "integrated",
    "renewed",
    "limited",
    "united",
    "related",
    "detailed",
    "combined",
    "skilled",
    "planned",
    "increased",
    "reduced",
    "improved",
    "enhanced",
    "employed",
    "installed",
    "connected",
    "distributed",
    "certified",
    "qualified",
    "committed",
    "interested",
    "concerned",
    "required",
    "needed",
    "added",
    "estimated",
    "projected",
    "regulated",
    "protected",
    "organised",
    "organized",
    "automated",
    "diversified",
    "decentralised",
    "decentralized",
    "accelerated",
    "sustained",
    "balanced",
    "shared",
    "coordinated",
    "networked",
    "recycled",
    "supported",
    "funded",
    "subsidised",
    "subsidized",
    "licensed",
}
_EN_MODAL = re.compile(
    r"\b(?:will|shall|should|must|aims?|aiming|targets?|goals?|plans?\s+to|commit\w*|pledge\w*|ambitions?|"
    r"objectives?|missions?|ensur\w+|to\s+be|is\s+to|are\s+to|by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d|"
    r"strive\w*|seek\w*|intend\w*|want|wants)\b",
    re.I,
)


def _past_narration(sentence: str) -> str | None:
    """A finite past-tense verb in a sentence with no future or commitment wording ("China remained …")."""
    if _EN_MODAL.search(sentence):
        return None
    for m in re.finditer(r"\b([a-z]{3,}ed)\b", sentence):
        w = m.group(1)
        if w in _EN_ADJ_ED:
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


def _round(v: float | None) -> float | None:
    if v is None:
        return None
    r = round(v, 6)
    return float(int(r)) if float(r).is_integer() and abs(r) < 1e15 else r


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
    for rx, pg in _PEER_RULES:
        if rx.search(sentence):
            return pg
    return None


def _ind_key(ind: str, lang: str) -> set[str]:
    if lang == "zh":
        s = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", ind)
        return {s[i : i + 2] for i in range(len(s) - 1)}
    stop = {
        "the",
        "of",
        "a",
        "an",
        "in",
        "to",
        "and",
        "for",
        "by",
        "on",
        "at",
        "will",
        "be",
        "is",
        "are",
        "with",
        "per",
    }
    return {w for w in re.findall(r"[a-z0-9]+", ind.lower()) if w not in stop and len(w) > 2}


def _similar(a: set[str], b: set[str], lang: str) -> bool:
    """Indicator keys that name the same thing: any shared word in English; in Chinese (character bigrams) at
    least half of the shorter key, so "工业增加值占比" and "高新技术企业工业总产值占比" (sharing "工业", "占比")
    stay apart."""
    inter = a & b
    if lang != "zh" or not inter:
        return bool(inter)
    return len(inter) * 2 >= min(len(a), len(b))


def _sent_similar(a: set[str], b: set[str], lang: str) -> bool:
    """Two sentences about the same thing: two shared content words (English); in Chinese, where two shared
    bigrams ("达到", "力争") say little, also a third of the shorter sentence's bigrams."""
    inter = len(a & b)
    if lang != "zh":
        return inter >= 2
    return inter >= 2 and inter * 3 >= min(len(a), len(b))


def _netzero_scope(it: _Item, text: str, lang: str) -> set[str]:
    """What a net-zero commitment covers: the words after "net zero … from/of/in", up to the year."""
    tail = text[it.q.end : it.clause[1]]
    m = re.match(
        r"\s*(?:emissions?\s+)?(?:from|of|in|for|across)\s+(.{3,80}?)(?:\s+(?:by|no\s+later|before|in)\b|[,;.]|\Z)",
        tail,
        re.I,
    )
    if not m or lang != "en":
        return set()
    stop = {"the", "all", "our", "its", "their", "greenhouse", "gases", "gas", "emissions"}
    return {w for w in re.findall(r"[a-z]+", m.group(1).lower()) if w not in stop}


def _strip_numbers(s: str) -> str:
    return re.sub(r"\d[\d.,]*", " ", s)


_VALUE_WORDS = {
    "double",
    "doubling",
    "triple",
    "halve",
    "percent",
    "cent",
    "million",
    "billion",
    "trillion",
    "thousand",
    "least",
    "more",
    "than",
    "around",
    "about",
    "over",
    "will",
    "should",
    "shall",
    "from",
    "into",
    "with",
    "that",
    "this",
    "these",
    "have",
    "been",
    "which",
    "their",
}


def _sent_key(it: _Item, text: str, lang: str) -> set[str]:
    """Content words (English) or character bigrams (Chinese) of a target's sentence, minus the number."""
    sent = text[it.sent.start : it.q.start] + " " + text[it.q.end : it.sent.end]
    key = _ind_key(_strip_numbers(sent), lang)
    if lang == "en":
        key = {w for w in key if w not in _VALUE_WORDS and not w.isdigit()}
    return key


_ANAPHOR = re.compile(r"这一指标|该指标|此项|上述|预期目标|目标为|\bthis\b|\bthe\s+target\b|\bthat\b", re.I)


_RESTATED = re.compile(
    r"\s*(?:左右|以上|以内|以下)?\s*(?:的|之)(?:预期|增长|发展|总体)?(?:目标|指标)|"
    r"\s*(?:per\s*cent|percent|%)?\s*(?:target|goal)s?\s+(?:is|was|will|would|can|could|has|have|set|of)\b",
    re.I,
)


def _dedupe(items: list[_Item], text: str, lang: str, heading_starts: list[int] | None = None) -> list[_Item]:
    """Keep a restated target once: same value, unit, comparator, deadline; similar or anaphoric wording.

    Candidates are bucketed by (unit, deadline, value, value_high, measure), so the pass stays linear on long
    documents with thousands of distinct targets."""
    kept: list[_Item | None] = []
    buckets: dict[tuple, list[int]] = {}
    headings: dict[tuple, list[int]] = {}
    ind_keys: dict[int, set[str]] = {}
    sent_keys: dict[int, set[str]] = {}

    def ikey(it: _Item) -> set[str]:
        k = id(it)
        if k not in ind_keys:
            ind_keys[k] = _ind_key(it.indicator, lang)
        return ind_keys[k]

    def skey(it: _Item) -> set[str]:
        k = id(it)
        if k not in sent_keys:
            sent_keys[k] = _sent_key(it, text, lang)
        return sent_keys[k]

    norms: dict[int, str] = {}
    hs = heading_starts or []

    def _under(head: _Item, it: _Item) -> bool:
        """``it`` is in the section that ``head``'s heading line opens (no other heading in between)."""
        i = bisect.bisect_right(hs, head.sent.start)
        return head.sent.start < it.sent.start and (i >= len(hs) or hs[i] > it.sent.start)

    def norm(it: _Item) -> str:
        k = id(it)
        if k not in norms:
            norms[k] = re.sub(r"\W", "", it.indicator.lower())
        return norms[k]

    for it in items:
        key = (it.unit, it.deadline, it.value, it.value_high, it.measure)
        dup = False
        if (
            it.value is not None
            and _RESTATED.match(text, it.q.end)
            and any(
                k is not None
                and k.unit == it.unit
                and k.deadline == it.deadline
                and k.value is not None
                and abs(k.value) == abs(it.value)
                for k in kept
            )
        ):
            continue  # "百分之8左右的目标…", "the 8% target": names a target already stated
        # the most recent candidates with the same numbers (a bound that keeps pathological inputs linear)
        for idx in buckets.get(key, [])[-200:]:
            k = kept[idx]
            if k is None:
                continue
            same_ind = norm(k) == norm(it)
            if (it.list_item or k.list_item) and k.sent is it.sent:
                continue  # "A、B分别下降8%、8%": one value each
            if k.q.start == it.q.start:
                if same_ind:
                    dup = True
                    break
                continue  # two indicators sharing one number
            if it.q.kind == "netzero" and k.q.kind == "netzero":
                sk, si = _netzero_scope(k, text, lang), _netzero_scope(it, text, lang)
                if not sk or not si or len(sk & si) * 2 >= len(sk | si):
                    dup = True  # "climate-neutral continent" and "no net emissions" by 2050: one commitment
                    break
                continue  # "net zero from federal procurement" vs "… from overall federal operations"
            if k.comparator != it.comparator:
                # a headline restating a body target with a looser comparator ("如何达到12%")
                if (it.sent.heading or k.sent.heading) and ikey(k) & ikey(it):
                    dup = bool(it.sent.heading)
                    break
                continue
            if same_ind:
                dup = True
                break
            if (
                lang == "en"
                and k.sent is not it.sent
                and not (it.list_item or k.list_item)
                and len(skey(k) & skey(it)) >= 4
            ):
                dup = True  # the same number restated in a later sentence about the same thing
                break
            if (k.sent.para != it.sent.para or k.sent.heading or it.sent.heading) and (
                _similar(ikey(k), ikey(it), lang)
                or (
                    _sent_similar(skey(k), skey(it), lang)
                    # two well-named, different Chinese indicators are two targets, however alike the prose
                    and not (lang == "zh" and min(len(ikey(k)), len(ikey(it))) >= 4)
                )
                or _ANAPHOR.search(it.indicator)
                or _ANAPHOR.search(k.indicator)
            ):
                dup = True
                break
        if dup:
            continue
        hkey = key[:4]
        if not it.sent.heading:
            # a headline target restated in the body: prefer the body occurrence
            for idx in headings.get(hkey, []):
                k = kept[idx]
                if k is not None and k.sent.heading and (ikey(k) & ikey(it) or _under(k, it)):
                    kept[idx] = it
                    buckets.setdefault(key, []).append(idx)
                    dup = True
                    break
        if dup:
            continue
        kept.append(it)
        buckets.setdefault(key, []).append(len(kept) - 1)
        if it.sent.heading:
            headings.setdefault(hkey, []).append(len(kept) - 1)
    return [k for k in kept if k is not None]


_TITLE_WORDS_ZH = re.compile(r"规划|方案|计划|纲要|意见|报告|行动|通知|决定|战略|办法")
_TITLE_WORDS_EN = re.compile(
    r"\b(?:Plan|Programme|Program|Strategy|Act|Report|Pledge|Roadmap|Agenda|Compact|"
    r"Mission|Framework|Decade|Deal)\b"
)


def guess_title(text: str, lang: str) -> str | None:
    """The title: a quoted plan name (《…》, "…"), else an early line naming a plan, else the first line."""
    head = text[:4000]
    if lang == "zh":
        for m in re.finditer(r"《([^》\n]{4,80})》", head):
            if _TITLE_WORDS_ZH.search(m.group(1)):
                return m.group(1).strip()
    else:
        for m in re.finditer(r"[\"“]([A-Z][^\"”\n]{10,200})[\"”]", head):
            if _TITLE_WORDS_EN.search(m.group(1)):
                return m.group(1).strip()
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    words = _TITLE_WORDS_ZH if lang == "zh" else _TITLE_WORDS_EN
    for ln in lines[:8]:
        if len(ln) <= 150 and words.search(ln) and not re.search(r"[。.!?]$", ln):
            return ln
    for ln in lines[:3]:
        if (
            not _NUMBERED_HEADING_RE.match(ln)
            and len(ln) <= 100
            and not re.search(r"\d{4}-\d\d-\d\d|[。.!?！？]$", ln)
        ):
            return ln
    return None


def extract_text(text: str, lang: str | None = None, *, year: int | None = None) -> Draft:
    """Targets, tasks, goals and facts of ``text``. ``lang``: "en"/"zh" (detected when None)."""
    if not isinstance(text, str):
        raise TypeError("extract_text needs a str")
    if lang not in (None, "en", "zh"):
        lang = None
    language = lang or detect_language(text)
    if not text.strip():
        return Draft(language=language, horizon_year=None, document_year=year)
    # fullwidth digits and punctuation that matter to numbers map one-to-one (offsets are unchanged)
    norm = text.translate(_FULLWIDTH)
    doc_year = year if year is not None else document_year(norm)
    ex = _Extractor(norm, language, doc_year)
    draft = ex.run()
    draft.title = guess_title(text, language)
    if norm is not text:
        for t in draft.targets:
            t.quote = text[t.start : t.end]
        for task in draft.tasks:
            task.text = text[task.start : task.end]
        for g in draft.goals:
            g.text = text[g.start : g.end]
        for f in draft.facts:
            f.quote = text[f.start : f.end]
    return draft


# Traditional characters that occur in policy wording, mapped one-to-one to simplified ones, so that
# "不低於900萬人" and "控制在百分之4.6以內" read like "不低于900万人" / "以内" (offsets are unchanged).
_TRADITIONAL = (
    "萬億內於個兩實現達預們噸標將長業幣點項劃務計發濟經產總區國際準較減為與無進開術創設數據過間時後來這樣確爭應當從對稅資費額價漲調鎮質續強蓋電網車輛機構養醫療險護體學農糧畝顯戶綠環廢氣遠檢驗優結則層屆歲壽積極圖書館廣東滬門陝遼寧龍蘇貴雲灣臺規綱報議會穩擴斷線約級覽條權證讓責導獲舉須頭驅動勞處歷專辦錢銀鐵運輸島邊鄉縣軍傳統語論說讀課師員職補貼殘兒齡紀營銷購貿連適選遷襲關聯隊藥態節熱燈煉礦銅鋼氫風儲輪號難雙範圍階驟題類響遺漸麼麥飛鳥魚馬見親觀視覺訂認討記訊許評試詳誠談請謀謝識譯變貨賴贏趨跡踐軟載輕輔轉辭逕週遊遲還郵鄰釋針錄閉閱隨雜雖離靈領頻顧飯髮鬥魯鳳麗齊歐亞僅傑劑勢協單廠縮衛負財貢販貧貫賣賦賽贊紅純紙細組終給絕繼緊維綜編績織繫纖",
    "万亿内于个两实现达预们吨标将长业币点项划务计发济经产总区国际准较减为与无进开术创设数据过间时后来这样确争应当从对税资费额价涨调镇质续强盖电网车辆机构养医疗险护体学农粮亩显户绿环废气远检验优结则层届岁寿积极图书馆广东沪门陕辽宁龙苏贵云湾台规纲报议会稳扩断线约级览条权证让责导获举须头驱动劳处历专办钱银铁运输岛边乡县军传统语论说读课师员职补贴残儿龄纪营销购贸连适选迁袭关联队药态节热灯炼矿铜钢氢风储轮号难双范围阶骤题类响遗渐么麦飞鸟鱼马见亲观视觉订认讨记讯许评试详诚谈请谋谢识译变货赖赢趋迹践软载轻辅转辞径周游迟还邮邻释针录闭阅随杂虽离灵领频顾饭发斗鲁凤丽齐欧亚仅杰剂势协单厂缩卫负财贡贩贫贯卖赋赛赞红纯纸细组终给绝继紧维综编绩织系纤",
)
_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".",
        "％": "%",
        "－": "-",
        "\u00a0": " ",
        **dict(zip(_TRADITIONAL[0], _TRADITIONAL[1], strict=True)),
    }
)
