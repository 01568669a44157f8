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

# Spellings users and publishers use, mapped to registry names (docs/units.md lists them all).
_ALIASES: dict[str, str] = {
    "%": "percent", "percent": "percent", "per cent": "percent", "百分比": "percent", "% y/y": "percent",
    "% of gdp": "percent",
    "‰": "permille", "per mille": "permille", "per thousand": "permille", "千分比": "permille",
    "per 1,000": "permille", "per 1000": "permille",
    "per 10,000": "per_10k", "per 10000": "per_10k", "万分之": "per_10k",
    "per 100,000": "per_100k", "per 100000": "per_100k", "十万分之": "per_100k",
    "pp": "percentage_point", "p.p.": "percentage_point", "percentage point": "percentage_point",
    "percentage points": "percentage_point", "个百分点": "percentage_point", "百分点": "percentage_point",
    "yuan": "yuan", "元": "yuan", "rmb": "yuan", "cny": "yuan",
    "万元": "wan_yuan", "亿元": "yi_yuan", "亿": "yi_yuan", "万亿元": "wan_yi_yuan", "万亿": "wan_yi_yuan",
    "million yuan": "million_yuan", "billion yuan": "billion_yuan", "trillion yuan": "trillion_yuan",
    "100 million yuan": "yi_yuan",
    "persons per 10,000 employed": "per_10k_employed", "persons per 10000 employed": "per_10k_employed",
    "per 10,000 employed": "per_10k_employed", "per 10000 employed": "per_10k_employed",
    "人/万人": "per_10k_employed", "人/万名就业人员": "per_10k_employed", "人年/万人": "per_10k_employed",
    "rank": "rank", "位": "rank",
    "万家": "wan_count", "万件": "wan_count",
    "count": "pw_count", "个": "pw_count", "件": "pw_count", "项": "pw_count", "家": "pw_count", "unit": "pw_count", "units": "pw_count",
    "件/万人": "count_per_10k_persons", "per 10,000 people": "count_per_10k_persons",
    "per 10,000 persons": "count_per_10k_persons",
    "persons": "person", "person": "person", "人": "person", "thousand persons": "thousand_person",
    "million persons": "million_person", "万人": "wan_person", "亿人": "yi_person",
    "person-years": "person_year", "person years": "person_year", "人年": "person_year", "万人年": "wan_person_year",
    "吨": "tonne", "t": "tonne", "万吨": "wan_tonne", "tonnes": "tonne",
    "吨标准煤": "tce", "tce": "tce", "万吨标准煤": "wan_tce", "亿吨标准煤": "yi_tce",
    "mtoe": "pw_mtoe", "ktoe": "pw_ktoe", "toe": "pw_toe",
    "千瓦时": "kWh", "kwh": "kWh", "万千瓦时": "wan_kWh", "亿千瓦时": "yi_kWh",
    "µg/m³": "microgram / meter ** 3", "μg/m³": "microgram / meter ** 3", "ug/m3": "microgram / meter ** 3",
    "微克/立方米": "microgram / meter ** 3",
    "index": "index_point", "index points": "index_point", "指数": "index_point",
    "usd": "usd", "us dollars": "usd", "dollars": "usd", "eur": "eur", "euros": "eur", "gbp": "gbp", "pounds": "gbp",
}
#: Units whose spelling carries a base period ("index 1990=100", "index (2015=100)") are index points.
_INDEX = re.compile(r"^index\b.*\d{4}\s*=\s*100\)?$")
#: Aliases declared by plans and catalogue files at run time (``register_alias``).
_DECLARED: dict[str, str] = {}

_DEFINITIONS = """
per_10k = 1e-4
per_100k = 1e-5
percentage_point = [share_difference]
yuan = [currency] = CNY
wan_yuan = 1e4 yuan
yi_yuan = 1e8 yuan
wan_yi_yuan = 1e12 yuan
million_yuan = 1e6 yuan
billion_yuan = 1e9 yuan
trillion_yuan = 1e12 yuan
per_10k_employed = [researcher_rate]
rank = [rank]
pw_count = [count]
person = [population]
thousand_person = 1e3 person
million_person = 1e6 person
wan_person = 1e4 person
yi_person = 1e8 person
wan_count = 1e4 pw_count
count_per_10k_persons = pw_count / (1e4 * person)
person_year = [labour]
wan_person_year = 1e4 person_year
wan_tonne = 1e4 tonne
tce = 29.3076e9 joule
wan_tce = 1e4 tce
yi_tce = 1e8 tce
pw_toe = 41.868e9 joule
pw_ktoe = 1e3 pw_toe
pw_mtoe = 1e6 pw_toe
wan_kWh = 1e4 kWh
yi_kWh = 1e8 kWh
index_point = [index]
usd = [currency_usd] = USD
eur = [currency_eur] = EUR
gbp = [currency_gbp] = GBP
"""

# Human labels for canonical registry names, in English and Chinese.
LABELS: dict[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "permille": ("‰", "‰"),
    "per_10k": ("per 10,000", "万分之"),
    "per_100k": ("per 100,000", "十万分之"),
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
    "pw_count": ("count", "个"),
    "wan_count": ("10,000", "万"),
    "count_per_10k_persons": ("per 10,000 people", "件/万人"),
    "person": ("persons", "人"),
    "thousand_person": ("thousand persons", "千人"),
    "million_person": ("million persons", "百万人"),
    "wan_person": ("10,000 persons", "万人"),
    "yi_person": ("100 million persons", "亿人"),
    "person_year": ("person-years", "人年"),
    "wan_person_year": ("10,000 person-years", "万人年"),
    "tonne": ("tonnes", "吨"),
    "wan_tonne": ("10,000 tonnes", "万吨"),
    "tce": ("tonnes of coal equivalent", "吨标准煤"),
    "wan_tce": ("10,000 tce", "万吨标准煤"),
    "yi_tce": ("100 million tce", "亿吨标准煤"),
    "pw_toe": ("toe", "吨油当量"),
    "pw_ktoe": ("ktoe", "千吨油当量"),
    "pw_mtoe": ("Mtoe", "百万吨油当量"),
    "kWh": ("kWh", "千瓦时"),
    "wan_kWh": ("10,000 kWh", "万千瓦时"),
    "yi_kWh": ("100 million kWh", "亿千瓦时"),
    "microgram / meter ** 3": ("µg/m³", "微克/立方米"),
    "index_point": ("index points", "指数点"),
    "usd": ("US dollars", "美元"),
    "eur": ("euros", "欧元"),
    "gbp": ("pounds sterling", "英镑"),
}


def register_opaque(unit: str) -> None:
    """A unit a plan declares that neither planwatch nor pint knows ("Mt CO2e"): accepted exactly as written,
    as a measure of its own — figures in it are stored and compared, never converted to anything else."""
    key = _plain(unit)
    if key not in _ALIASES and key not in _DECLARED and not is_known_unit(unit):
        _DECLARED[key] = "opaque:" + key
        factor.cache_clear()


def register_alias(alias: str, unit: str) -> None:
    """A plan or catalogue file names a unit its own way ("patents per 10,000 people" → 件/万人)."""
    target = normalize_unit(unit)
    _DECLARED[_plain(alias)] = target
    factor.cache_clear()


def normalize_unit(text: str) -> str:
    """The registry name for a unit as typed or published: planwatch's documented units, a declared alias,
    or anything pint can parse; a clear error otherwise."""
    key = _plain(text)
    if key in _ALIASES:
        return _ALIASES[key]
    if key in _DECLARED:
        return _DECLARED[key]
    if key.replace(" ", "_") in LABELS:
        return key.replace(" ", "_")
    if _INDEX.match(key):
        return "index_point"
    if not key or any(c in key for c in "\x00\n"):
        raise PlanwatchError(f"unknown unit {text!r}")
    return _pint_name(str(text).strip())


@lru_cache(maxsize=512)
def _pint_name(text: str) -> str:
    ureg = registry()
    try:
        unit = ureg.parse_units(text.replace("³", "**3").replace("²", "**2").replace("µ", "u").replace("μ", "u"))
    except Exception as exc:  # noqa: BLE001 - pint's parser raises many types for odd text (")": tokenize.TokenError)
        raise PlanwatchError(f"unknown unit {text!r}: neither one of planwatch's units (docs/units.md) nor a unit "
                             f"pint can read ({exc.__class__.__name__})") from None
    return str(unit)


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
    if name.startswith("opaque:"):
        return str(unit).strip()
    en, zh = LABELS.get(name, (name, name))
    return zh if lang == "zh" else en


@lru_cache(maxsize=1)
def registry() -> Any:
    import pint  # lazy: ~0.2 s

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=False)
    for line in _DEFINITIONS.strip().splitlines():
        ureg.define(line)
    return ureg


# A cache of what pint says about planwatch's most used units, so that fast commands need not import pint:
# name -> (multiplier to the base unit, base unit). ``tests/test_units.py`` checks every pair against pint.
FAST_FACTORS: dict[str, tuple[float, str]] = {
    "percent": (0.01, "1"),
    "permille": (0.001, "1"),
    "per_10k": (1e-4, "1"),
    "per_100k": (1e-5, "1"),
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
    "pw_count": (1.0, "pw_count"),
    "wan_count": (1e4, "pw_count"),
    "person": (1.0, "person"),
    "thousand_person": (1e3, "person"),
    "million_person": (1e6, "person"),
    "wan_person": (1e4, "person"),
    "yi_person": (1e8, "person"),
    "person_year": (1.0, "person_year"),
    "wan_person_year": (1e4, "person_year"),
    "index_point": (1.0, "index_point"),
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
    if a.startswith("opaque:") or b.startswith("opaque:"):
        raise PlanwatchError(f"cannot convert {label(a)} to {label(b)}: they measure different things")
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
