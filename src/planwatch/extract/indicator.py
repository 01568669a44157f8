"""The indicator phrase of a target (what is measured) and where its quote ends.

Heuristic and for reading only: in Chinese the clause before the number minus leading time words and trailing
verbs ("到2025年，研发经费投入强度达到" → "研发经费投入强度"); in English the object of the last verb before the number,
else its subject, else the noun phrase after it ("a drop of 2.5 percent in energy consumption per unit of GDP").
"""

from __future__ import annotations

import re

from .patterns import last_match
from .quantities import Quantity
from .segment import Sent

# What ends a Chinese clause before its number: an optional "from X to" / "比2020年" baseline, filler adverbs, a
# verb or comparator word, and "约/近" ("研发经费投入强度从2.4%提高到" → the tail is "从2.4%提高到").
_ZH_FILLERS = "再|约|将|要|力争|确保|累计|预计|进一步|基本|稳定|继续|实现|分别"
_ZH_VERBS = (
    "达到|达|为|是|超过|超|突破|不低于|不少于|不高于|不超过|保持在|控制在|稳定在|维持在|提高到|提升到|"
    "增加到|增长到|提高至|提升至|增至|升至|下降|降低|减少|压减|降至|降到|下降到|降低到|减少到|减至|"
    "高于|低于|约|近|接近|左右|在"
)
_ZH_IND_TAIL = re.compile(
    r"(?:从[^，,。]*?(?:的)?\s*(?:\d[\d.,]*\s*[%％万亿]*[^，,。]{0,3})?(?:提高到|提升到|增加到|增长到|提高至|"
    r"提升至|增至|升至|下降到|降至|降到|减少到|减至|扩大到|到|至)|比\s*\d{4}\s*年|较\s*\d{4}\s*年|"
    rf"与\s*\d{{4}}\s*年相比)?\s*(?:{_ZH_FILLERS})*\s*"
    rf"(?:{_ZH_VERBS.replace('|约|近|', '|约占[^，,。；;]{0,20}?的|约|近|')})?\s*(?:约|近)?\s*\Z"
)
# A match of _ZH_IND_TAIL starts at 从/比/较/与 (its optional first group) or inside the run of these characters
# (and whitespace) that ends the clause, at most 23 characters before it for "约占…的": where to start looking.
_ZH_TAIL_CHARS = frozenset(_ZH_FILLERS + _ZH_VERBS + "约近") - {"|"}
_ZH_TAIL_LONGEST_ODD = len("约占") + 20 + len("的")


def _tail_start(body: str) -> int:
    """A position at or before the start of every match of _ZH_IND_TAIL in ``body`` (found from the end, so the
    search for the leftmost match does not try every position of a long clause)."""

    def run_start(k: int) -> int:
        while k > 0 and (body[k - 1] in _ZH_TAIL_CHARS or body[k - 1].isspace()):
            k -= 1
        return k

    lo = run_start(max(0, run_start(len(body)) - _ZH_TAIL_LONGEST_ODD))
    for c in "从比较与":
        i = body.find(c, 0, lo)
        if i >= 0:
            lo = i
    return lo


# Time words and breaks inside a Chinese clause: the indicator starts after the last one ("到2025年，全市研发…")
_ZH_CUT = re.compile(
    r"(?:(?:到|至|截至)?\s*(?<![从比较由与])\d{4}\s*年(?:底|末|前)?|》|\s|(?:今后|未来)[一二三四五六七八九十\d]+年|今年|"
    r"“?十[一二三四五六七八九]五”?(?:期间|时期|末)?|当年|全年|年内)"
)
# a run of the only characters a match of _ZH_CUT can hold
_ZH_CUT_RUN = re.compile(r"[到至截年底末前》今后未来一二三四五六七八九十“”期间时内当全\s\d]+")


def _last_cut(t: str) -> re.Match | None:
    """The last match of ``_ZH_CUT.finditer(t)``, without scanning all of a long clause with it.

    A match holds only characters of _ZH_CUT_RUN, so it lies inside one maximal run of them, and the matches in a
    run are those a scan of that run alone finds. The last run with a match has the last match."""
    for run in reversed([m.span() for m in _ZH_CUT_RUN.finditer(t)]):
        last = last_match(_ZH_CUT, t, run[0], run[1])
        if last is not None:
            return last
    return None


def _strip_tail(body: str) -> str:
    """``body`` without the verb and comparator words that end it ("…研发经费投入强度达到" → "…研发经费投入强度").

    The same as ``_ZH_IND_TAIL.sub("", body)``: the pattern is anchored at the end, so its leftmost match runs to
    the end (it matches the empty string there at least) and nothing is left to replace after it."""
    return body[: _ZH_IND_TAIL.search(body, _tail_start(body)).start()]


def indicator(text: str, lang: str, q: Quantity, clause: tuple[int, int], pre: str) -> tuple[int, str]:
    """(start, phrase) of what ``q`` measures; ``pre`` is the clause text before it."""
    start = clause[0]
    seg = text[start : q.start]
    if lang == "zh":
        # strip leading time phrase and connectors
        m = re.match(
            r"\s*(?:[-—–·•●■◆]+|其中|并且|并|且|同时|以及|和|及|另外|此外|——|[一二三四五六七八九十]+是|"
            r"(?:到|至|截至)?\s*\d{4}\s*年(?:底|末|前)?|今年|明年|当年|全年|“十[一二三四五六七八九]五”(?:期间|时期|末)?)*",
            seg,
        )
        off = m.end() if m else 0
        cut = _last_cut(seg[off:])
        stripped = None  # body without its tail, when already computed
        if cut is not None and cut.end() < len(seg) - off:
            rest = seg[off + cut.end() :]
            stripped = _strip_tail(rest)
            if stripped.strip(" \t,，、:：“”\"'"):
                off += cut.end()
            else:  # "高技术产业增加值当年超过": the time word sits between indicator and verb
                seg = seg[: off + cut.start()] + " " * (cut.end() - cut.start()) + rest
                stripped = None
        body = seg[off:]
        ind = _strip_tail(body) if stripped is None else stripped
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


def quote_end(text: str, lang: str, q: Quantity, s: Sent) -> int:
    """End of the quote: the number plus the words that complete it ("以上", "or more", "by 2030")."""
    end = q.end
    if lang == "zh":
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


def special_indicator(text: str, lang: str, q: Quantity, clause: tuple[int, int], pre: str) -> tuple[int, str]:
    """(start, phrase) of what a number-less target (rank, net zero, doubling) is about."""
    if q.kind == "double":
        after = text[q.end : clause[1]]
        m = re.match(
            r"\s*(?:of\s+)?(?:the\s+)?([^,;.:，。；]{3,90}?)(?=\s+by\s+\d{4}|\s+in\s+\d{4}|[,;.:，。；]|\Z)",
            after,
        )
        if m and lang == "en":
            return clause[0], m.group(1).strip()
    seg = pre
    if lang == "zh":
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


