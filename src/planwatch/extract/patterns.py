"""Regex atoms and match helpers shared by the recognisers (years, months) — one spelling of each.

Kept free of any extraction logic so that every other module can import it without creating a cycle.
"""

from __future__ import annotations

import re
from functools import lru_cache

# a year a policy text talks about: 1950–2099 (earlier four-digit numbers are amounts, not years)
YEAR = r"(?:19[5-9]\d|20\d\d)"
# English month names and their abbreviations (an alternation; wrap it in a group to use it)
EN_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)


def last_match(rx: re.Pattern[str], s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The last non-overlapping match of ``rx`` in ``s`` (in ``s[pos:endpos]``): the word nearest to what follows
    it (a past marker or a projection word just before a number governs it, not one at the start of a sentence)."""
    last = None
    for m in rx.finditer(s, pos, len(s) if endpos is None else endpos):
        last = m
    return last


@lru_cache(maxsize=1024)
def found(rx: re.Pattern[str], sentence: str) -> bool:
    """Whether ``rx`` occurs in ``sentence``, remembered: every quantity of a sentence asks the same sentence-wide
    questions ("does it frame a target?", "is it a survey?"), and a run-on text has dozens of quantities per
    sentence, so each question is answered once per sentence instead of once per quantity."""
    return rx.search(sentence) is not None
