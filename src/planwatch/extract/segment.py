"""Segmentation: paragraphs, logical lines, sentences and clauses, with character offsets into the text.

English PDF line breaks inside a sentence are joined into one logical line; Chinese text breaks paragraphs with a
single newline. Each sentence knows its paragraph, whether it is a heading, a bullet or a "Label: value" line,
and whether it sits in a target list or a review section (numbers there are facts). A run-on sentence (longer
than :data:`MAX_SENT`) is cut into pieces of at most :data:`RUN_ON_PIECE` characters so that per-sentence work
stays bounded.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .budget import checked
from .patterns import YEAR

BULLET_RE = re.compile(
    r"^\s*(?:[-–—•●■◆▪·*○◇□►>]+|--+|\(?\d{1,2}[.)）]|\(?[a-z][.)]|[（(][一二三四五六七八九十]+[)）]|"
    r"[一二三四五六七八九十]+、|——)\s*"
)
NUMBERED_HEADING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[IVX]+\.\s|\d+\.\s|第[一二三四五六七八九十]+[章节部分])"
)
_EN_ABBR = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|No|Nos|Art|Fig|vs|etc|approx|e\.g|i\.e|U\.S|U\.K|Inc|Ltd|Co|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Govt|Dept|Corp|Mt|p|pp|al))\Z"
)


@dataclass
class Sent:
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
    if BULLET_RE.match(c) and not c[0].isdigit():
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
    # the last physical line of the current logical line (from its first character after the newline): what a
    # continuation line is compared with, found without re-reading the whole logical line each time
    last = (0, 0)
    for s, e in checked(_physical_lines(text), 1024):
        seg = text[s:e]
        if not seg.strip():
            if not blank:
                para += 1
            blank = True
            continue
        # trim
        ls = s + (len(seg) - len(seg.lstrip()))
        le = s + len(seg.rstrip())
        if out and not blank and lang == "en" and _should_join_en(text[last[0] : last[1]], text[ls:le]):
            out[-1] = (out[-1][0], le, out[-1][2])
            last = (s, le)
        else:
            if lang == "zh" and out and not blank:
                para += 1  # Chinese text breaks paragraphs with a single newline
            out.append((ls, le, para))
            last = (ls, le)
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
    for m in checked(rx.finditer(text, s, e), 1024):
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
    # a run-on "sentence" (longer than any real one: no punctuation for pages) is cut into pieces of sentence
    # length, at a space or comma where possible, so per-sentence work stays linear and small
    bounded = []
    for a, b in checked(out, 1024):
        if b - a > MAX_SENT:
            while b - a > RUN_ON_PIECE:
                cut = a + RUN_ON_PIECE
                window = text[a + RUN_ON_PIECE // 2 : cut]
                last = max(window.rfind(c) for c in ",，、 \n\t")
                if last >= 0:
                    cut = a + RUN_ON_PIECE // 2 + last + 1
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


# the longest sentence kept whole (the evaluation sets' longest is under 500 characters), and the length of the
# pieces a longer run-on "sentence" is cut into
MAX_SENT = 800
RUN_ON_PIECE = 300


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
LIST_INTRO = re.compile(r"(?:[:：]\s*\Z|as\s+follows\W*\Z|如下\W*\Z|include\W*\Z|includes\W*\Z)", re.I)
_LABEL_LINE = re.compile(r"^\s*(?:[-–—•●■◆▪·*]+\s*)?[A-Za-z][\w&/'’ .()-]{0,40}?:\s+\S")
_MISSION_LINE = re.compile(
    r"^\s*(?:(?:mission|target|goal|objective|ambition|milestone)\s*\d*\s*[:.-]|\d{1,2}\.\s+by\s+"
    + YEAR
    + ")",
    re.I,
)


def segment(text: str, lang: str) -> list[Sent]:
    """Sentences of ``text`` with their clauses, paragraph, line and scope (target list, review section).

    Scopes are tracked line by line: a target header ("二、主要目标", "Key targets") opens a target scope, a review
    header ("2020 中国答卷", "A Review of Our Work") a review scope; numbered headings and long English paragraphs
    close them."""
    sents: list[Sent] = []
    lines = _logical_lines(text, lang)
    scope_target = False
    scope_review = False
    prev_para = -1
    for li, (ls, le, para) in enumerate(checked(lines)):
        line = text[ls:le]
        stripped = line.strip()
        short = len(stripped) <= (32 if lang == "zh" else 90)
        no_end_punct = not re.search(r"[.。;；!?！？,，]\Z", stripped)
        has_quantity = bool(re.search(r"\d\s*(?:%|％|percent|万|亿|元|人|个)", stripped))
        heading = short and no_end_punct and not BULLET_RE.match(stripped)
        bullet = bool(BULLET_RE.match(stripped))
        numbered_heading = bool(NUMBERED_HEADING_RE.match(stripped)) and short
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
        for ss, se in checked(_split_sentences(text, ls, le, lang)):
            s = Sent(
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
            sents.append(s)
            seg = text[ss:se].strip()
            # an inline list intro ("targets include:", "预期目标为:") opens a target scope
            hdr = _TARGET_HEADER_ZH if lang == "zh" else _TARGET_HEADER_EN
            if hdr.search(seg) and (LIST_INTRO.search(seg) or re.search(r"[:：]", seg)):
                colon = max(seg.rfind(":"), seg.rfind("："))
                if colon >= 0 and hdr.search(seg[:colon]):
                    # the part after the colon is in scope; mark this sentence and continue on the line
                    s.target_scope = True
                    scope_target = True
    return sents


class LineStarts:
    """Start of the physical line around any position, by binary search over the newline offsets (found once),
    so that "is this number first on its line?" costs O(log n) however long the line is."""

    def __init__(self, text: str):
        self._nl: list[int] = []
        i = text.find("\n")
        while i >= 0:
            self._nl.append(i)
            i = text.find("\n", i + 1)

    def __call__(self, pos: int) -> int:
        """The same as ``text.rfind("\\n", 0, pos) + 1``."""
        i = bisect.bisect_left(self._nl, pos)
        return self._nl[i - 1] + 1 if i else 0


def clause_at(s: Sent, pos: int) -> tuple[int, int]:
    """The clause of ``s`` that contains ``pos`` (its first clause when ``pos`` is before all of them)."""
    i = bisect.bisect_right(s.clauses, (pos, float("inf"))) - 1
    return s.clauses[max(i, 0)]
