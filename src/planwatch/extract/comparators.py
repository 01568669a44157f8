"""Comparators: the words around a number that say how it binds ("at least", "around", "不低于", "以上").

English reads the words just before the number (and "or more"/"or less" after it); Chinese reads suffixes first,
because the suffix decides ("达到X以上" → more_than, "控制在X左右" → around), then prefixes after stripping
filler verbs. A range is always ``between``; with no comparator word a target is ``at_least``.
"""

from __future__ import annotations

import re

from .quantities import Quantity

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

# Chinese comparators: words before the number, then (deciding) words after it
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


def comparator(lang: str, q: Quantity, pre: str, post: str) -> tuple[str, str]:
    """(comparator, where it came from: "range", "suffix", "prefix", "hint" or "" for the default)."""
    if q.value_high is not None:
        return "between", "range"
    if lang == "zh":
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
