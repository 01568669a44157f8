"""Units: one pint registry for every conversion (亿元, 万亿元, billion yuan, %, pp, per 10,000 employed).

Why pint and not ad-hoc factors: a unit typed by a user ("billion yuan", "亿元", "trillion RMB") is parsed
once, checked for dimension against the indicator, and converted exactly. pint is imported lazily, and
conversions between identical units never touch it, so fast commands stay fast.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .errors import PlanwatchError

# Spellings users and publishers use, mapped to registry names.
_ALIASES: dict[str, str] = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "百分比": "percent",
    "pp": "percentage_point",
    "p.p.": "percentage_point",
    "percentage point": "percentage_point",
    "percentage points": "percentage_point",
    "个百分点": "percentage_point",
    "百分点": "percentage_point",
    "yuan": "yuan",
    "元": "yuan",
    "rmb": "yuan",
    "cny": "yuan",
    "万元": "wan_yuan",
    "亿元": "yi_yuan",
    "亿": "yi_yuan",
    "万亿元": "wan_yi_yuan",
    "万亿": "wan_yi_yuan",
    "million yuan": "million_yuan",
    "billion yuan": "billion_yuan",
    "trillion yuan": "trillion_yuan",
    "100 million yuan": "yi_yuan",
    "persons per 10,000 employed": "per_10k_employed",
    "persons per 10000 employed": "per_10k_employed",
    "per 10,000 employed": "per_10k_employed",
    "per 10000 employed": "per_10k_employed",
    "人/万人": "per_10k_employed",
    "人/万名就业人员": "per_10k_employed",
    "rank": "rank",
    "位": "rank",
    "count": "count",
    "usd": "usd",
    "us dollars": "usd",
    "dollars": "usd",
    "eur": "eur",
    "euros": "eur",
    "gbp": "gbp",
    "pounds": "gbp",
}

_DEFINITIONS = """
percent = 0.01 = %
percentage_point = [share_difference] = pp
yuan = [currency] = CNY
wan_yuan = 1e4 yuan
yi_yuan = 1e8 yuan
wan_yi_yuan = 1e12 yuan
million_yuan = 1e6 yuan
billion_yuan = 1e9 yuan
trillion_yuan = 1e12 yuan
per_10k_employed = [researcher_rate]
rank = [rank]
count = [count]
usd = [currency_usd] = USD
eur = [currency_eur] = EUR
gbp = [currency_gbp] = GBP
"""

# Human labels for canonical registry names, in English and Chinese.
LABELS: dict[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "percentage_point": ("pp", "个百分点"),
    "yuan": ("yuan", "元"),
    "wan_yuan": ("10,000 yuan", "万元"),
    "yi_yuan": ("100 million yuan", "亿元"),
    "wan_yi_yuan": ("trillion yuan", "万亿元"),
    "million_yuan": ("million yuan", "百万元"),
    "billion_yuan": ("billion yuan", "十亿元"),
    "trillion_yuan": ("trillion yuan", "万亿元"),
    "per_10k_employed": ("persons per 10,000 employed", "人/万名就业人员"),
    "rank": ("rank", "位"),
    "count": ("count", "个"),
    "usd": ("US dollars", "美元"),
    "eur": ("euros", "欧元"),
    "gbp": ("pounds sterling", "英镑"),
}


def normalize_unit(text: str) -> str:
    """Return the registry name for a unit as typed or published; raise a clear error if unknown."""
    key = re.sub(r"\s+", " ", str(text).strip()).lower()
    if key in _ALIASES:
        return _ALIASES[key]
    if key.replace(" ", "_") in LABELS:
        return key.replace(" ", "_")
    raise PlanwatchError(f"unknown unit {text!r}; known units: {', '.join(sorted(set(_ALIASES)))}")


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", str(text).strip()).lower()


def is_known_unit(text: str) -> bool:
    try:
        normalize_unit(text)
    except PlanwatchError:
        return False
    return True


def label(unit: str, lang: str = "en") -> str:
    name = normalize_unit(unit)
    en, zh = LABELS.get(name, (name, name))
    return zh if lang == "zh" else en


@lru_cache(maxsize=1)
def registry() -> Any:
    import pint  # lazy: ~0.2 s

    ureg = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    for line in _DEFINITIONS.strip().splitlines():
        ureg.define(line)
    return ureg


# A cache of what pint says about planwatch's own units, so that fast commands need not import pint:
# name -> (multiplier to the base unit, base unit). ``tests/test_units.py`` checks every pair against pint.
FAST_FACTORS: dict[str, tuple[float, str]] = {
    "percent": (0.01, "1"),
    "percentage_point": (1.0, "percentage_point"),
    "yuan": (1.0, "yuan"),
    "wan_yuan": (1e4, "yuan"),
    "yi_yuan": (1e8, "yuan"),
    "wan_yi_yuan": (1e12, "yuan"),
    "million_yuan": (1e6, "yuan"),
    "billion_yuan": (1e9, "yuan"),
    "trillion_yuan": (1e12, "yuan"),
    "per_10k_employed": (1.0, "per_10k_employed"),
    "rank": (1.0, "rank"),
    "count": (1.0, "count"),
    "usd": (1.0, "usd"),
    "eur": (1.0, "eur"),
    "gbp": (1.0, "gbp"),
}


@lru_cache(maxsize=256)
def factor(from_unit: str, to_unit: str) -> float:
    """Multiplier taking a value in ``from_unit`` to ``to_unit``; error if dimensions differ."""
    if _plain(from_unit) == _plain(to_unit):
        return 1.0
    a, b = normalize_unit(from_unit), normalize_unit(to_unit)
    if a == b:
        return 1.0
    fa, fb = FAST_FACTORS.get(a), FAST_FACTORS.get(b)
    if fa and fb:
        if fa[1] != fb[1]:
            raise PlanwatchError(f"cannot convert {label(a)} to {label(b)}: they measure different things")
        return fa[0] / fb[0]
    return pint_factor(a, b)


def pint_factor(a: str, b: str) -> float:
    """The conversion as pint computes it (the authority for FAST_FACTORS)."""
    ureg = registry()
    import pint

    try:
        return float(ureg.Quantity(1.0, a).to(b).magnitude)
    except pint.DimensionalityError as exc:
        raise PlanwatchError(
            f"cannot convert {label(a)} to {label(b)}: they measure different things"
        ) from exc


def convert(value: float, from_unit: str, to_unit: str) -> float:
    return value * factor(from_unit, to_unit)


def compatible(a: str, b: str) -> bool:
    try:
        factor(a, b)
    except PlanwatchError:
        return False
    return True


_CURRENCY_STEPS_EN = [(1e12, "trillion yuan"), (1e9, "billion yuan"), (1e6, "million yuan")]
_CURRENCY_STEPS_ZH = [(1e12, "万亿元"), (1e8, "亿元"), (1e4, "万元")]


def humanize(value: float | None, unit: str, lang: str = "en", digits: int | None = None) -> str:
    """A value as a reader expects it: 1.19 trillion yuan / 1.19万亿元, 6.58%, 260 per 10,000 employed."""
    if value is None:
        return "—"
    try:
        name = normalize_unit(unit)
    except PlanwatchError:
        name = None
    if name and name.endswith("yuan"):
        yuan = value * factor(name, "yuan")
        steps = _CURRENCY_STEPS_ZH if lang == "zh" else _CURRENCY_STEPS_EN
        for size, word in steps:
            if abs(yuan) >= size:
                v = yuan / size
                d = digits if digits is not None else (0 if abs(v) >= 1000 else 1 if abs(v) >= 100 else 2)
                return f"{v:,.{d}f}{word}" if lang == "zh" else f"{v:,.{d}f} {word}"
        return f"{yuan:,.0f} {'元' if lang == 'zh' else 'yuan'}"
    mag = abs(value)
    d = digits if digits is not None else (0 if mag >= 1000 else 1 if mag >= 100 else 2)
    text = f"{value:,.{d}f}"
    if name == "percent":
        return text + "%"
    if name == "rank":
        return f"第{value:.0f}位" if lang == "zh" else f"rank {value:.0f}"
    return f"{text} {label(unit, lang) if name else unit}"
