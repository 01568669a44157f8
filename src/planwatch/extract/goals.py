"""Qualitative goals: sentences with an explicit deadline and goal wording but no number ("到2025年，…基本形成",
"by 2025, … will be basically formed"). Sentences that already hold a target are skipped.
"""

from __future__ import annotations

import bisect
import re

from .context import Doc
from .model import DraftGoal

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


def goals(doc: Doc, target_sents: set[int]) -> list[DraftGoal]:
    """Goals from the sentence of each "by"/plan deadline (Chinese: also bare years); ``target_sents`` are the
    start offsets of sentences that hold a target."""
    text = doc.text
    out: list[DraftGoal] = []
    seen: set[tuple[int | None, str]] = set()
    words = _ZH_GOAL_WORDS if doc.lang == "zh" else _EN_GOAL_WORDS
    for d in doc.deadlines:
        if d.how not in ("by", "plan") and not (doc.lang == "zh" and d.how == "bare"):
            continue
        s = doc.sent_at(d.pos)
        if s is None or s.start in target_sents:
            continue
        seg_start = d.pos
        # from the deadline phrase ("by 2025", "到2025年") to the end of the sentence
        back = text[max(s.start, d.pos - 12) : d.pos]
        bm = re.search(r"(?:by|到|至|before|by\s+the\s+end\s+of)\s*\Z", back, re.I)
        if bm:
            seg_start = d.pos - (len(back) - bm.start())
        qi = bisect.bisect_left(doc.q_starts, seg_start)
        if qi < len(doc.q_starts) and doc.q_starts[qi] < s.end:
            continue  # a sentence with numbers holds targets or facts, not a qualitative goal
        body = text[seg_start : s.end].rstrip()
        if len(body) < 12 or not words.search(body):
            continue
        key = (d.year, re.sub(r"\W+", "", body.lower())[:12])
        if key in seen:
            continue
        seen.add(key)
        body = body.rstrip("。.;；")
        out.append(DraftGoal(body, seg_start, seg_start + len(body), d.year))
    return out

