"""Turn a :class:`~planwatch.extract.model.Draft` into a plan-file dict that ``parse_plan_text`` accepts.

What the draft must satisfy (see ``planwatch.plans.model`` and ``loader._check_against_catalogue``):

- every target names an indicator: the draft declares one per target under ``indicators:`` with the target's
  unit, so units the registry does not know ("GW", "t", "index") are still valid;
- currency is written in a unit the registry knows ("亿元", "万亿元", "billion yuan", "usd", …) — never "CNY";
- growth and change targets are stated in % and carry a base year (the stated one, else the year before the
  document's year, with a ``note`` saying it was assumed);
- rank targets name a ``peer_group`` from the catalogue ("national-high-tech-zones" for high-tech zones and
  demonstration zones, else "provinces");
- the plan's region is declared under ``regions:`` when it is not a catalogue region ("unspecified" by
  default).

The result is a draft for a person to check: assumptions are written into each target's ``note``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import PlanwatchError
from .model import Draft, DraftTarget

_CURRENCY_UNITS = {"USD": "usd", "EUR": "eur", "GBP": "gbp"}


def _slug(text: str, fallback: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    s = re.sub(r"-{2,}", "-", s)[:48].strip("-")
    return s or fallback


def _unique(base: str, seen: set[str]) -> str:
    cand = base
    i = 2
    while cand in seen:
        cand = f"{base}-{i}"
        i += 1
    seen.add(cand)
    return cand


def _plan_unit(t: DraftTarget, lang: str) -> tuple[str, float | None, float | None]:
    """Unit and values as the plan file states them (currency in a registry unit)."""
    v, vh = t.value, t.value_high
    if t.unit == "CNY":
        raw = t.raw or ""
        if "万亿" in raw:
            unit, f = "万亿元", 1e12
        elif "亿" in raw:
            unit, f = "亿元", 1e8
        elif "万" in raw:
            unit, f = "万元", 1e4
        elif re.search(r"trillion|\btn\b", raw, re.I):
            unit, f = "trillion yuan", 1e12
        elif re.search(r"billion|\bbn\b", raw, re.I):
            unit, f = "billion yuan", 1e9
        elif re.search(r"million|\bmn\b", raw, re.I):
            unit, f = "million yuan", 1e6
        else:
            unit, f = ("元" if lang == "zh" else "yuan"), 1.0
        conv = lambda x: None if x is None else round(x / f, 6)  # noqa: E731
        return unit, conv(v), conv(vh)
    if t.unit in _CURRENCY_UNITS:
        return _CURRENCY_UNITS[t.unit], v, vh
    return t.unit, v, vh


def _catalogue():
    from ..plans.catalogue import load_catalogue

    return load_catalogue()


def _region_in_text(text: str, cat) -> str | None:  # noqa: ANN001
    low = text.lower()
    best = None
    for rid, r in cat.regions.items():
        for name in (r.name.en, r.name.zh):
            if name and len(name) >= 2 and name.lower() in low and (best is None or len(name) > best[1]):
                best = (rid, len(name))
    return best[0] if best else None


# Catalogue indicators a draft target may use instead of declaring its own: (id, English pattern, Chinese
# pattern, accepted (unit, measure) pairs as extracted). Matched on the target's indicator phrase only.
_CATALOGUE_MATCH: list[tuple[str, re.Pattern, re.Pattern, set[tuple[str, str]]]] = [
    (
        "rd_intensity",
        re.compile(
            r"\bR&D\s+intensity|\b(?:R&D|research\s+and\s+(?:experimental\s+)?development)\b.*"
            r"\b(?:GDP|gross\s+domestic\s+product)\b",
            re.I,
        ),
        re.compile(r"(?:研发|研究与试验发展|R&D)[^，。]*(?:投入强度|占[^，。]*(?:GDP|生产总值)|强度)"),
        {("%", "share")},
    ),
    (
        "basic_research_share",
        re.compile(r"\bbasic\s+research\b", re.I),
        re.compile(r"基础研究"),
        {("%", "share")},
    ),
    (
        "rd_personnel_per_10k",
        re.compile(r"\b(?:R&D|research)\s+(?:personnel|staff|workers)\b", re.I),
        re.compile(r"研发人员|R&D人员|研究与试验发展人员"),
        {("per 10,000 employed", "level")},
    ),
    (
        "hightech_value_added",
        re.compile(
            r"\b(?:value[- ]added|added\s+value)\b.*\bhigh[- ]tech|"
            r"\bhigh[- ]tech\b.*\b(?:value[- ]added|added\s+value)\b",
            re.I,
        ),
        re.compile(r"高技术产业增加值|高新技术产业增加值"),
        {("CNY", "level")},
    ),
    (
        "digital_economy_value_added",
        re.compile(
            r"\b(?:value[- ]added|added\s+value)\b.*\bdigital\s+economy|"
            r"\bdigital\s+economy\b.*\b(?:value[- ]added|added\s+value)\b",
            re.I,
        ),
        re.compile(r"数字经济(?:核心产业)?增加值"),
        {("CNY", "level"), ("%", "average_annual_growth"), ("%", "change_from_base")},
    ),
    (
        "tech_contract_turnover",
        re.compile(r"\btechnology\s+contracts?\b", re.I),
        re.compile(r"技术合同成交"),
        {("CNY", "level")},
    ),
    (
        "hightech_zone_revenue",
        re.compile(r"\brevenue\b.*\b(?:zone|zhongguancun|park)\b", re.I),
        re.compile(r"(?:高新区|示范区|中关村|园区)[^，。]*(?:总收入|营业收入)"),
        {("CNY", "level"), ("rank", "rank")},
    ),
]
# catalogue regions a text may name (checked on the target's own wording first, then on the whole draft)
_REGION_NAMES: list[tuple[str, re.Pattern]] = [
    ("HTZ-ZGC", re.compile(r"zhongguancun|中关村", re.I)),
    ("CN-BJ", re.compile(r"\bbeijing\b|北京", re.I)),
    ("CN-SH", re.compile(r"\bshanghai\b|上海", re.I)),
    ("CN-GD", re.compile(r"\bguangdong\b|广东", re.I)),
    ("CN", re.compile(r"\bchina\b|全国|我国", re.I)),
]


def catalogue_indicator(t: DraftTarget, lang: str) -> str | None:
    """The catalogue indicator id a target's indicator phrase clearly names, when its unit fits (else None)."""
    phrase = t.indicator or ""
    for iid, en, zh, fits in _CATALOGUE_MATCH:
        rx = zh if lang == "zh" else en
        if rx.search(phrase) and (t.unit, t.measure) in fits:
            return iid
    return None


def _document_region(draft: Draft) -> str | None:
    """The province-level catalogue region the draft names most (quotes, goals, title), else "CN" if named."""
    text = " ".join([draft.title or ""] + [t.quote for t in draft.targets] + [g.text for g in draft.goals])
    counts = {rid: len(rx.findall(text)) for rid, rx in _REGION_NAMES if rid != "HTZ-ZGC"}
    prov = max((r for r in counts if r != "CN"), key=lambda r: counts[r])
    if counts[prov]:
        return prov
    return "CN" if counts["CN"] else None


def _target_region(t: DraftTarget, iid: str, doc_region: str | None) -> str | None:
    own = t.indicator + " " + t.quote
    if iid == "hightech_zone_revenue":
        return "HTZ-ZGC" if _REGION_NAMES[0][1].search(own) else None
    for rid, rx in _REGION_NAMES[1:]:
        if rx.search(t.indicator):
            return rid
    return doc_region


def draft_plan(
    draft: Draft, plan_id: str, title: str | None = None, region: str | None = None
) -> dict[str, Any]:
    """A plan-file dict for ``draft``.

    It validates with ``parse_plan_text(yaml.safe_dump(d, allow_unicode=True))``.
    """
    pid = plan_id.strip().lower() if plan_id else ""
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", pid):
        pid2 = _slug(plan_id or "", "")
        if not pid2:
            raise PlanwatchError(f"plan id {plan_id!r} must be lowercase letters, digits, '.', '_' or '-'")
        pid = pid2
    lang = draft.language if draft.language in ("en", "zh") else "en"
    cat = _catalogue()
    # the region the text names most becomes the plan's region unless the caller gives one
    region_id = (region or _document_region(draft) or "unspecified").strip()
    plan: dict[str, Any] = {"id": pid}
    plan_title = (title or draft.title or pid).strip() or pid
    plan["title"] = {lang: plan_title}
    plan["region"] = region_id
    deadlines = [t.deadline for t in draft.targets if t.deadline] + [
        g.deadline for g in draft.goals if g.deadline
    ]
    horizon = (
        draft.horizon_year
        or (max(deadlines) if deadlines else None)
        or draft.document_year
        or dt.date.today().year
    )
    horizon = min(max(int(horizon), 1949), 2100)
    plan["horizon"] = horizon
    if region_id not in cat.regions:
        unspecified = {"en": "Unspecified region (set the plan's region)", "zh": "未指定地区"}
        name = unspecified if region_id == "unspecified" else {lang: region_id}
        plan["regions"] = [{"id": region_id, "name": name, "kind": "other"}]

    doc_region = region_id if region_id in cat.regions else _document_region(draft)
    indicators: list[dict[str, Any]] = []
    targets: list[dict[str, Any]] = []
    ind_ids: set[str] = set()
    target_ids: set[str] = set()
    for i, t in enumerate(draft.targets, start=1):
        notes = list(t.notes)
        unit, value, value_high = _plan_unit(t, lang)
        measure = t.measure
        comparator = t.comparator
        base_year = t.base_year
        deadline = t.deadline
        if deadline is None:
            deadline = horizon
            notes.append(f"no deadline in the text; the plan horizon {horizon} is assumed")
        if measure in ("average_annual_growth", "change_from_base") and unit != "%":
            notes.append(
                f"stated as a change of {value:+g} {unit} from the base; recorded as a level target "
                "because plan files state growth and change targets in %"
            )
            measure = "level"
            base_year = None
        if measure in ("average_annual_growth", "change_from_base"):
            if base_year is None or base_year >= deadline:
                if draft.document_year and draft.document_year - 1 < deadline:
                    base_year = draft.document_year - 1
                    notes.append(f"base year not stated; assumed {base_year} (the year before the document)")
                else:
                    base_year = deadline - 1
                    notes.append(f"base year not stated; assumed {base_year} (the year before the deadline)")
        else:
            base_year = None
        if comparator == "between":
            lo, hi = (
                sorted([x for x in (value, value_high) if x is not None])
                if value_high is not None
                else (value, value)
            )
            value, value_high = lo, hi
        else:
            value_high = None
        peer_group = None
        if measure == "rank" or comparator == "rank_at_most":
            measure, comparator, unit = "rank", "rank_at_most", "rank"
            peer_group = t.peer_group if (t.peer_group in cat.peer_groups) else "provinces"
            if not t.peer_group:
                notes.append("peer group not stated; 'provinces' assumed")
        if value is None and comparator != "rank_at_most":
            continue  # cannot happen for extracted targets; keep the draft valid regardless
        ind_base = _slug(t.indicator, "") if lang == "en" else ""
        cat_id = catalogue_indicator(t, lang)
        cat_region = None
        if cat_id is not None and cat_id in cat.indicators:
            cat_region = _target_region(t, cat_id, doc_region)
        if cat_id is not None and cat_region is not None and cat_id in cat.indicators:
            ind_id = cat_id  # tracks real data: the catalogue indicator, for a catalogue region
            notes.append(f"indicator matched to the catalogue indicator {cat_id}")
        else:
            cat_id = None
            ind_id = _unique(ind_base or f"indicator-{i}", ind_ids)
        kind = {
            "share": "share",
            "average_annual_growth": "growth",
            "change_from_base": "growth",
            "rank": "rank",
        }.get(measure, "rate" if unit.startswith("per ") else "level")
        ind_unit = "%" if measure in ("average_annual_growth", "change_from_base") else unit
        if cat_id is None:
            indicators.append(
                {"id": ind_id, "name": {lang: t.indicator or t.quote[:80]}, "unit": ind_unit, "kind": kind}
            )
        tid = _unique(ind_base or f"target-{i}", target_ids)
        direction = (
            "decrease"
            if (
                comparator in ("at_most", "less_than")
                or (value is not None and value < 0 and measure != "rank")
            )
            else "increase"
        )
        entry: dict[str, Any] = {
            "id": tid,
            "indicator": ind_id,
            "quote": {lang: t.quote},
            "comparator": comparator,
            "value": value,
            "unit": unit,
            "deadline": int(deadline),
            "measure": measure,
            "direction": direction,
        }
        if value_high is not None:
            entry["value_high"] = value_high
        if base_year is not None:
            entry["base_year"] = int(base_year)
        if peer_group:
            entry["peer_group"] = peer_group
        reg = cat_region if cat_id is not None else _region_in_text(t.indicator, cat)
        if reg and reg != region_id:
            entry["region"] = reg
        if notes:
            entry["note"] = "; ".join(dict.fromkeys(notes))
        targets.append(entry)
    if indicators:
        plan["indicators"] = indicators
    if draft.goals:
        gids: set[str] = set()
        plan["goals"] = [
            {
                "id": _unique(f"goal-{i}", gids),
                "text": {lang: g.text},
                **({"deadline": g.deadline} if g.deadline and 1949 <= g.deadline <= 2100 else {}),
            }
            for i, g in enumerate(draft.goals, start=1)
        ]
    if targets:
        plan["targets"] = targets
    if draft.tasks:
        tids: set[str] = set()
        plan["tasks"] = [
            {"id": _unique(f"task-{task.number or i}", tids), "title": {lang: task.text}}
            for i, task in enumerate(draft.tasks, start=1)
        ]
    return plan
