"""Numbers as written: digits with separators, English number words and fractions, Chinese numerals.

Pure functions, no regex state; the quantity recogniser (:mod:`.quantities`) finds the spans and calls these.
"""

from __future__ import annotations

import re

# --- English ------------------------------------------------------------------------------------------------

EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_SCALES = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
}
EN_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "tenth": 10,
    "tenths": 10,
}
EN_MAGNITUDE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}

# English ordinals in order: task sequences ("First, … Second, …") and NPC sessions ("second session")
ORD_EN = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
)

_SPLIT = re.compile(r"[\s\-]+")


def parse_digits(s: str) -> float:
    """'10,000' / '300 000' / '1.2' / '１２' → float."""
    s = s.replace(",", "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("\u2009", "")
    return float(s)


def parse_en_words(s: str) -> float | None:
    """'two hundred and fifty thousand' → 250000; 'half a million' → 500000; None if not a number."""
    words = [w for w in _SPLIT.split(s.lower().strip()) if w and w != "and"]
    if not words:
        return None
    if words[0] == "half" and len(words) >= 2:  # "half a million"
        rest = [w for w in words[1:] if w not in ("a", "an")]
        if len(rest) == 1 and rest[0] in EN_SCALES:
            return 0.5 * EN_SCALES[rest[0]]
        return None
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in ("a", "an"):
            if seen:
                return None
            current = 1
            seen = True
        elif w in EN_UNITS:
            current += EN_UNITS[w]
            seen = True
        elif w in EN_TENS:
            current += EN_TENS[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in EN_SCALES:
            total += (current or 1) * EN_SCALES[w]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_en_fraction(s: str) -> float | None:
    """'one third' / 'two-thirds' / 'a quarter' / 'three quarters' / 'half' → percent (33.33, 66.67, …)."""
    words = [w for w in _SPLIT.split(s.lower().strip()) if w]
    if not words:
        return None
    if len(words) == 1 and words[0] == "half":
        return 50.0
    if len(words) == 2 and words[1] in EN_FRACTIONS:
        num = 1 if words[0] in ("a", "an", "one") else EN_UNITS.get(words[0])
        if num is None:
            return None
        den = EN_FRACTIONS[words[1]]
        return round(100.0 * num / den, 2)
    return None


# --- Chinese ------------------------------------------------------------------------------------------------

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}


def parse_cn_numeral(s: str) -> float | None:
    """'一千二百' → 1200; '两万' → 20000; '一点五' → 1.5; '二〇二五' → 2025; None if malformed."""
    s = s.strip()
    if not s:
        return None
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = parse_cn_numeral(whole) if whole else 0.0
        if w is None or not frac or any(c not in CN_DIGITS for c in frac):
            return None
        return float(f"{int(w)}.{''.join(str(CN_DIGITS[c]) for c in frac)}")
    if all(c in CN_DIGITS for c in s):  # digit-by-digit: 二〇二五
        if len(s) == 1:
            return float(CN_DIGITS[s])
        return float("".join(str(CN_DIGITS[c]) for c in s))
    total = 0.0  # completed 亿 groups
    section = 0.0  # completed 万 groups within the current 亿 group
    small = 0.0  # within the current 万 group
    digit: int | None = None
    last_small = 10000
    for c in s:
        if c in CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row without a unit ("十四五")
            digit = CN_DIGITS[c]
        elif c in CN_SMALL:
            unit = CN_SMALL[c]
            if unit >= last_small:
                return None
            small += (digit if digit is not None else 1) * unit
            last_small = unit
            digit = None
        elif c in CN_BIG:
            big = CN_BIG[c]
            group = small + (digit or 0)
            if big == 1e4:
                section += (group or (1 if section == 0 and total == 0 else 0)) * 1e4
            else:
                total = (total + section + group) * 1e8 if (total + section + group) else 1e8
                section = 0.0
            small = 0.0
            digit = None
            last_small = 10000
        else:
            return None
    return total + section + small + (digit or 0)


def cn_to_int(s: str) -> int | None:
    v = parse_cn_numeral(s) if not s.isdigit() else float(s)
    return int(v) if v is not None else None
