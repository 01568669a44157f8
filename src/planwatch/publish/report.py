"""The self-contained HTML report: one file, no network, readable on screen and on paper.

``render_report(plan, result, lang)`` turns a plan and its assessment into a single HTML document: header,
goals, scorecard, one section per target (quote, explanation, an inline SVG chart from :mod:`.charts`,
what it takes, reasons, established methods, base-year sensitivity, peers, an optional peer comparison
(``render_report(..., comparisons=...)``), statements, caveats), the task
list, a numbered source list that every figure cites, and the methods and vocabulary. Jinja autoescape
is on; the only pre-rendered markup is the SVG, which :mod:`.charts` escapes itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, StrictUndefined

from ..assess.model import PlanAssessment, Point, SourceRef, TargetAssessment
from ..errors import PlanwatchError
from ..plans.model import FOUR_ORIENTATIONS, Plan, Target
from ..units import convert, humanize
from . import report_evidence
from .charts import chart_for_target, comparison_chart, tolerance_text

TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"
#: Where the stylesheet's comparison rules start: they are left out of reports without comparisons.
COMPARISON_CSS = "\n/* == peer comparison"

VERDICTS = ("met", "missed", "on_track", "off_track", "no_data")
VERDICT_LABEL = {"met": ("met", "已完成"), "missed": ("missed", "未完成"), "on_track": ("on track", "进度正常"),
                 "off_track": ("off track", "进度落后"), "no_data": ("no data", "无数据"),
                 "provisional": ("provisional", "暂定")}
VERDICT_MEANING = {
    "met": ("The deadline year's figure is published and satisfies the target.",
            "截止年份的数据已发布,且达到目标。"),
    "missed": ("The deadline year's figure is published and does not satisfy the target.",
               "截止年份的数据已发布,未达到目标。"),
    "on_track": ("The deadline figure is not published yet; the projection from the latest comparable figures "
                 "reaches the target (for a rank: the latest published rank meets it).",
                 "截止年份数据尚未发布;按最新可比数据推算可达到目标(排名类:最新公布排名达到目标)。"),
    "off_track": ("The deadline figure is not published yet; the projection falls short of the target.",
                  "截止年份数据尚未发布;按推算达不到目标。"),
    "no_data": ("Too few comparable figures to judge: no verdict is guessed.", "可比数据太少,不作判断。"),
    "provisional": ("Added to a verdict that can still change: the deadline has passed but its figure is not out "
                    "yet, or the deciding figure is preliminary.",
                    "结论仍可能变化:截止年份已过但数据未发布,或决定结论的数据为初步数。"),
}

COMPARATOR_WORDS = {
    "around": ("around", "左右"), "at_least": ("at least", "不低于"), "more_than": ("more than", "超过"),
    "at_most": ("at most", "不高于"), "less_than": ("less than", "低于"), "between": ("between", "介于"),
    "rank_at_most": ("rank", "排名前"),
}

#: Bilingual labels: (English, Chinese). Headings show the chosen language first, the other alongside.
LABELS: dict[str, tuple[str, str]] = {
    "report": ("Plan scorecard", "规划目标评估报告"),
    "contents": ("Contents", "目录"),
    "issuers": ("Issuers", "发布单位"),
    "issued": ("Issued", "印发日期"),
    "released": ("Released", "公开日期"),
    "region": ("Region", "地区"),
    "horizon": ("Horizon", "规划期末"),
    "as_of": ("As of", "评估日期"),
    "database": ("Computed from", "数据库"),
    "documents": ("Plan documents", "规划文本"),
    "goals": ("Overall goals", "总体目标"),
    "scorecard": ("Scorecard", "评估表"),
    "targets": ("Targets", "指标"),
    "target": ("Target", "目标"),
    "latest": ("Latest", "最新值"),
    "deadline": ("Deadline", "期限"),
    "verdict": ("Verdict", "结论"),
    "probability": ("Probability", "概率"),
    "projection": ("Projection", "预测"),
    "quote": ("The plan's words", "规划原文"),
    "explanation": ("Assessment", "评估说明"),
    "chart": ("Chart", "图"),
    "no_chart": ("No chart: there is no numeric observation to plot.", "无图:尚无数值观测。"),
    "rank_no_chart": ("A rank target: the published rank and the peers' figures are shown instead of a line chart.",
                      "排名类目标:列出公布的排名和同类数据,不画折线图。"),
    "what_it_takes": ("What it takes", "达标所需"),
    "reasons": ("Reasons and assumptions", "理由与假设"),
    "methods": ("Established methods", "通行评估方法"),
    "method": ("Method", "方法"),
    "version": ("Version", "版本"),
    "status": ("Status", "状态"),
    "score": ("Score", "得分"),
    "components": ("Key components", "关键数值"),
    "note": ("Note", "说明"),
    "sensitivity": ("Base-year sensitivity", "基期敏感性"),
    "base_year": ("Base year", "基期"),
    "average_growth": ("Average growth", "年均增速"),
    "observed_years": ("Published years", "已发布年份"),
    "projected_years": ("Filled years", "推算年份"),
    "peers": ("Peers", "同类比较"),
    "published_rank": ("Published rank", "公布排名"),
    "zone": ("Region / zone", "地区/园区"),
    "year": ("Year", "年份"),
    "value": ("Value", "数值"),
    "as_published": ("As published", "原始公布值"),
    "confidence": ("Confidence", "可信度"),
    "source": ("Source", "来源"),
    "data": ("Observations", "观测数据"),
    "series_kind": ("Series", "序列"),
    "level": ("level", "水平值"),
    "growth": ("growth", "增速"),
    "statements": ("Official statements", "官方表述"),
    "other_basis": ("other definition", "其他口径"),
    "conflicts": ("Conflicting evidence", "相互矛盾的证据"),
    "timeline": ("Verdict timeline", "结论时间线"),
    "confidence_verdict": ("Confidence", "可信度"),
    "decided_by": ("Decided by", "依据"),
    "read_on": ("Read on", "口径"),
    "interval": ("Interval", "区间"),
    "used": ("Use", "用途"),
    "as_known": ("As known on", "截至"),
    "what_changed": ("What changed", "变化原因"),
    "status_task": ("Status", "状态"),
    "set_by": ("set by", "设定人"),
    "coverage": ("Data coverage", "数据覆盖"),
    "coverage_note": ("● figure · ◐ derived · ≈ official statement · w words only · · gap", "●数据 ◐推算 ≈官方表述 w文字 ·缺失"),
    "ranking": ("Ranking", "排名"),
    "computed": ("Computed evidence", "计算得出的证据"),
    "caveats": ("Caveats", "注意事项"),
    "tasks": ("Tasks", "重点任务"),
    "orientations": ("Four Orientations", "四个面向"),
    "evidence": ("Evidence", "进展证据"),
    "no_evidence": ("no evidence recorded yet", "尚无记录"),
    "sources": ("Sources", "数据来源"),
    "cited_by": ("Cited for", "引用于"),
    "about": ("Methods and caveats", "方法与说明"),
    "vocabulary": ("Verdicts", "结论用语"),
    "projection_method": ("Projection", "预测方法"),
    "units_note": ("Units", "单位"),
    "this_region": ("this plan", "本规划"),
    "legend_obs": ("observation", "观测值"),
    "legend_prelim": ("preliminary", "初步数"),
    "legend_target": ("target / tolerance band", "目标/容差带"),
    "legend_proj": ("projection and 80% range", "预测及80%区间"),
    "legend_break": ("series break", "口径断点"),
    "legend_statement": ("official statement (interval)", "官方表述(区间)"),
    "legend_gap": ("years without a figure", "无数据年份"),
    "legend_deadline": ("deadline", "截止年"),
    "generated": ("Generated by planwatch", "由 planwatch 生成"),
    "provisional": VERDICT_LABEL["provisional"],
    "range80": ("80% range", "80%区间"),
    "average": ("average", "年均"),
    "a_year": ("a year", "每年"),
    "break_notes": ("Series breaks", "口径断点"),
    "comparison": ("Comparison", "比较"),
    "cmp_latest_year": ("Latest year", "最新年份"),
    "cmp_latest_value": ("Latest value", "最新值"),
    "rank": ("Rank", "排名"),
    "cmp_caption": ("Markers are published figures (each links to its source); a line joins one region's figures, "
                    "also across years without a figure. Each region keeps its colour, dashes and marker in every chart.",
                    "标记为公布数据(链接到来源);折线连接同一地区的数据,包括跨越无数据的年份。各地区在所有图中的颜色、线型和标记相同。"),
    "cmp_source_only": ("Source of a comparison figure, as recorded in the database", "比较数据来源(数据库记录的地址)"),
}

#: Kinds of region, as a plural for "ranks compare provinces with provinces".
KIND_PLURAL: dict[str, tuple[str, str]] = {
    "country": ("countries", "国家"), "province": ("provinces", "省级地区"), "city": ("cities", "城市"),
    "region": ("regions", "区域"), "zone": ("zones", "园区"),
}
#: Why a region is shown but not ranked.
KIND_CONTEXT: dict[str, tuple[str, str]] = {
    "country": ("national figure, context", "全国数据,仅供参考"),
    "region": ("multi-province region, context", "跨省区域,仅供参考"),
    "city": ("city, context", "城市,仅供参考"), "zone": ("zone, context", "园区,仅供参考"),
    "province": ("province, context", "省级地区,仅供参考"),
}


def _pick(pair: tuple[str, str], lang: str) -> tuple[str, str]:
    return (pair[1], pair[0]) if lang == "zh" else pair


def _text(d: dict[str, str | None] | Any, lang: str) -> tuple[str, str | None]:
    """(text in the chosen language, the other language's text or None) from an en/zh mapping or Text."""
    en = d.get("en") if isinstance(d, dict) else getattr(d, "en", None)
    zh = d.get("zh") if isinstance(d, dict) else getattr(d, "zh", None)
    first, second = (zh, en) if lang == "zh" else (en, zh)
    if not first:
        return second or "", None
    return first, second if second and second != first else None


def _ordered(d: dict[str, str | None], lang: str) -> list[tuple[str, str]]:
    """[(language code, text)] for the languages present, the chosen language first."""
    order = ("zh", "en") if lang == "zh" else ("en", "zh")
    return [(code, d[code]) for code in order if d.get(code)]


def safe_href(url: str | None) -> str | None:
    """The address as a link target only when it is a web address (never javascript:, data:, …)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def display_database(url: str) -> str:
    """The database address with any password hidden."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparseable address is shown without its credentials part
        return url.split("@")[-1] if "@" in url else url


def fmt_probability(p: float | None) -> str:
    if p is None:
        return "—"
    if p > 0.995:
        return ">99%"
    if p < 0.005:
        return "<1%"
    return f"{p:.0%}"


def fmt_published(v: float) -> str:
    """A figure as the source printed it: no digits added or dropped (4738 → 4,738; 16.6 → 16.6)."""
    text = f"{v:,.6f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def fmt_number(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if abs(v) >= 1000:
            return f"{v:,.1f}"
        if abs(v) >= 1:
            return f"{v:.3g}" if abs(v) < 10 else f"{v:.4g}"
        return f"{v:.4f}".rstrip("0").rstrip(".") if v else "0"
    return str(v)


# -- sources ---------------------------------------------------------------------------------------------
@dataclass
class SourceEntry:
    number: int
    publisher: str
    title: str
    url: str
    published: str
    href: str | None
    cited_for: list[str] = field(default_factory=list)
    url_only: bool = False  # known only by its address (comparison figures carry no publisher or title)


class SourceList:
    """Every source any point uses, deduplicated and numbered in order of first use."""

    def __init__(self) -> None:
        self.entries: list[SourceEntry] = []
        self._index: dict[tuple[str, str, str, str], SourceEntry] = {}
        self._by_url: dict[str, SourceEntry] = {}  # the first entry with each address

    def add(self, src: SourceRef | dict, cited_for: str | None = None) -> int:
        if isinstance(src, dict):
            src = SourceRef(**{k: str(src.get(k) or "") for k in ("publisher", "title", "url", "published")})
        key = (src.publisher.strip(), src.title.strip(), src.url.strip(), str(src.published).strip())
        entry = self._index.get(key)
        if entry is None:
            entry = SourceEntry(len(self.entries) + 1, *key, href=safe_href(src.url))
            self.entries.append(entry)
            self._index[key] = entry
            self._by_url.setdefault(entry.url, entry)
        if cited_for and cited_for not in entry.cited_for:
            entry.cited_for.append(cited_for)
        return entry.number

    def add_url(self, url: str | None, cited_for: str | None = None) -> int | None:
        """Cite a source known only by its address: the entry already listed with that address, or a new one."""
        url = str(url or "").strip()
        if not url:
            return None
        entry = self._by_url.get(url)
        if entry is None:
            self.add(SourceRef(publisher="", title="", url=url, published=""))
            entry = self._by_url[url]
            entry.url_only = True
        if cited_for and cited_for not in entry.cited_for:
            entry.cited_for.append(cited_for)
        return entry.number

    def number_for_url(self, url: str | None) -> int | None:
        entry = self._by_url.get(str(url or "").strip())
        return entry.number if entry else None

    def number(self, src: SourceRef | Point) -> int | None:
        if isinstance(src, Point):
            src = src.source
        key = (src.publisher.strip(), src.title.strip(), src.url.strip(), str(src.published).strip())
        entry = self._index.get(key)
        return entry.number if entry else None


# -- per-target context ----------------------------------------------------------------------------------
def _plan_target(plan: Plan, target_id: str) -> Target | None:
    try:
        return plan.target(target_id)
    except KeyError:
        return None


def _band(ta: TargetAssessment, t: Target | None) -> tuple[float, float] | None:
    """The accepted range drawn on the chart, in the chart's unit (indicator unit; % for growth targets)."""
    growth = ta.measure == "average_annual_growth"
    target = ta.target_value if growth else ta.target_value_in_indicator_unit
    if target is None:
        return None
    try:
        if ta.comparator == "around" and t is not None:
            tol = t.around_tolerance()
            if not growth:
                tol = convert(tol, ta.target_unit, ta.indicator_unit)
            return (target - tol, target + tol) if tol else None
        if ta.comparator == "between" and ta.target_value_high is not None:
            hi = ta.target_value_high if growth else convert(ta.target_value_high, ta.target_unit, ta.indicator_unit)
            return (target, hi)
    except PlanwatchError:
        return None
    return None


def describe_target(ta: TargetAssessment, band: tuple[float, float] | None, lang: str) -> str:
    """The target in words, in the plan's own unit: "around 6.00% (± 0.18 pp)", "more than 1.20 trillion yuan"."""
    en, zh = COMPARATOR_WORDS.get(ta.comparator, (ta.comparator, ta.comparator))
    growth = ta.measure == "average_annual_growth"
    if ta.measure == "rank":
        v = int(ta.target_value) if ta.target_value is not None else "?"
        return f"前{v}位" if lang == "zh" else f"rank {v} or better"
    value = humanize(ta.target_value, ta.target_unit, lang)
    if ta.comparator == "between" and ta.target_value_high is not None:
        high = humanize(ta.target_value_high, ta.target_unit, lang)
        text = f"{value}至{high}之间" if lang == "zh" else f"between {value} and {high}"
    elif ta.comparator == "around":
        text = f"{value}左右" if lang == "zh" else f"around {value}"
        if band:
            unit = "%" if growth else ta.indicator_unit
            text += f" ({tolerance_text((band[1] - band[0]) / 2, unit, lang)})"
    else:
        text = f"{zh}{value}" if lang == "zh" else f"{en} {value}"
    if growth:
        text = ("年均" + text) if lang == "zh" else f"{text} a year"
    return text


def _point_unit(ta: TargetAssessment, p: Point, kind: str) -> str:
    if kind == "growth" or (ta.measure == "rank" and p.published_unit == "rank"):
        return "%" if kind == "growth" else "rank"
    return ta.indicator_unit


def _obs_row(ta: TargetAssessment, p: Point, kind: str, sources: SourceList, lang: str) -> dict:
    unit = _point_unit(ta, p, kind)
    published = "—"
    if p.published_value is not None:
        sep = "" if p.published_unit in ("%", "亿元", "万亿元", "万元", "元") else " "
        published = f"{fmt_published(float(p.published_value))}{sep}{p.published_unit}"
    return {
        "kind": _pick(LABELS[kind], lang)[0], "year": p.period, "value": humanize(p.value, unit, lang),
        "published": published, "status": p.status, "revision": p.revision, "confidence": p.confidence or "—",
        "quote": p.quote, "note": p.note, "source": sources.number(p.source),
    }


def _latest_text(ta: TargetAssessment, lang: str) -> tuple[str, str | None]:
    """(latest figure with year, second line: the average for growth targets)."""
    p = ta.latest
    if p is None or p.value is None:
        return "—", None
    growth = ta.measure == "average_annual_growth"
    unit = "%" if growth else ("rank" if ta.measure == "rank" else ta.indicator_unit)
    main = f"{humanize(p.value, unit, lang)} ({p.period})"
    extra = None
    if growth and ta.current_value is not None:
        word = _pick(LABELS["average"], lang)[0]
        extra = f"{word} {humanize(ta.current_value, '%', lang)}"
    return main, extra


def _projection_text(ta: TargetAssessment, lang: str) -> tuple[str, str | None]:
    pj = ta.projection
    if pj is None:
        return "—", None
    unit = "%" if ta.measure == "average_annual_growth" else ta.indicator_unit
    main = f"{humanize(pj.value, unit, lang)} ({pj.year})"
    rng = None
    if pj.low is not None and pj.high is not None:
        rng = f"{_pick(LABELS['range80'], lang)[0]}: {humanize(pj.low, unit, lang)}–{humanize(pj.high, unit, lang)}"
    return main, rng


def _components(m: Any) -> list[tuple[str, str]]:
    keys = ("base_year", "base_value", "current_year", "current_value", "target", "target_year", "cagr_observed",
            "cagr_required", "projected_value", "progress_value", "progress_ratio")
    out = []
    for k in keys:
        if k in m.components and m.components[k] is not None:
            v = m.components[k]
            if k.startswith("cagr") and isinstance(v, float):
                text = f"{v * 100:.2f}%"
            elif isinstance(v, float) and k in ("progress_value", "progress_ratio"):
                text = f"{v:.3f}"
            elif isinstance(v, float):
                text = fmt_published(round(v, 4))
            else:
                text = fmt_number(v)
            out.append((k, text))
    return out


def _has_gaps(ta: TargetAssessment) -> bool:
    """Whether the chart links two figures more than a year apart (drawn dotted) within one segment."""
    pts = ta.growth_series if ta.measure == "average_annual_growth" else ta.series
    years = sorted(p.period for p in pts if p.value is not None)
    return any(b - a > 1 and not any(a < br <= b for br in ta.breaks) for a, b in zip(years, years[1:], strict=False))


def _region_name(regions: dict, region_id: str, lang: str) -> str:
    r = regions.get(region_id)
    if r is None:
        return region_id
    return r.name.best(lang)


def _comparison_rows(comparison: dict) -> list[dict]:
    """The comparison's rows with their values and sources keyed by int year (JSON round trips make them strings)."""
    rows = []
    for r in comparison.get("rows") or []:
        values = {int(y): float(v) for y, v in (r.get("values") or {}).items() if v is not None}
        rows.append({**r, "values": dict(sorted(values.items())),
                     "sources": {int(y): str(u) for y, u in (r.get("sources") or {}).items() if u}})
    return rows


def _and(names: list[str], lang: str) -> str:
    if lang == "zh" or len(names) < 2:
        return "、".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _comparison_context(ta: TargetAssessment, comparison: dict | None, sources: SourceList, regions: dict,
                        name: str, lang: str, styles: dict[str, int] | None = None) -> dict | None:
    """The peer comparison block of a target section: chart, table of latest values and ranks, and the rank note."""
    if not comparison:
        return None
    rows = _comparison_rows(comparison)
    if not any(r["values"] for r in rows):
        return None
    unit = str(comparison.get("unit") or ta.indicator_unit)
    year = comparison.get("latest_common_year")

    def kind(r: dict) -> str | None:
        return getattr(regions.get(str(r.get("region"))), "kind", None)

    def name_in(r: dict, code: str) -> str:
        return str(r.get(f"name_{code}") or r.get("name_en") or r.get("name_zh") or r.get("region") or "?")

    own_kind = kind(rows[0])
    ranked = [r for r in rows if r.get("rank") is not None]
    table = []
    for i, r in enumerate(rows):
        first, second = _text({"en": r.get("name_en"), "zh": r.get("name_zh")}, lang)
        latest = max(r["values"]) if r["values"] else None
        url = r["sources"].get(latest) if latest is not None else None
        context = None
        if r.get("rank") is None and kind(r) != own_kind:
            context = _pick(KIND_CONTEXT.get(kind(r) or "", ("context", "仅供参考")), lang)[0]
        table.append({
            "region": str(r.get("region") or ""), "name": first or str(r.get("region") or "?"), "name_other": second,
            "own": i == 0, "year": latest,
            "value": humanize(r["values"][latest], unit, lang) if latest is not None else "—",
            "rank": r.get("rank"), "of": len(ranked), "context": context,
            "source": sources.number_for_url(url), "url": url, "href": safe_href(url),
        })
    others = [t["name"] for t in table[1:]]
    question = None
    if others:
        question = (f"{table[0]['name']}与{_and(others, lang)}相比如何?" if lang == "zh"
                    else f"How does {table[0]['name']} compare with {_and(others, lang)}?")
    kind_en, kind_zh = KIND_PLURAL.get(own_kind or "", ("like regions", "同类地区"))
    like = [r for r in rows if kind(r) == own_kind and r["values"]]
    unranked = [r for r in rows if r.get("rank") is None and kind(r) != own_kind]
    en = f"Ranks compare only like units ({kind_en} with {kind_en}"
    zh = f"排名只在同类地区之间比较({kind_zh}与{kind_zh}"
    if year is not None:
        en += (f": {_and([name_in(r, 'en') for r in ranked], 'en')}) in {year}, the latest year each of them has a figure for; "
               "1 is the highest.")
        zh += f":{_and([name_in(r, 'zh') for r in ranked], 'zh')}),比较年份为{year}年,即它们均有数据的最近年份;1为数值最高。"
    elif len(like) < 2:
        en += f"); no other of the {kind_en} shown has figures here, so none is ranked."
        zh += ");此处没有其他同类地区的数据,因此不排名。"
    else:
        en += "); no year has a figure for each of them, so none is ranked."
        zh += ");没有一个年份它们都有数据,因此不排名。"
    if unranked:
        names_en, names_zh = _and([name_in(r, "en") for r in unranked], "en"), _and([name_in(r, "zh") for r in unranked], "zh")
        en += (f" {names_en} {'is' if len(unranked) == 1 else 'are'} context, not ranked: "
               "national figures and other kinds of unit are not like units.")
        zh += f"{names_zh}仅作参考,不参与排名:全国数据及其他类型地区不属同类。"
    else:
        en += " National figures, where shown, are context and are not ranked."
        zh += "全国数据(如列出)仅作参考,不参与排名。"
    chart = comparison_chart(f"cmp-chart-{ta.target_id}", comparison, lang=lang, indicator_name=name,
                             source_number=sources.number_for_url, styles=styles)
    note, note_other = (zh, en) if lang == "zh" else (en, zh)
    return {"anchor": f"cmp-{ta.target_id}", "question": question, "chart": chart, "rows": table, "year": year,
            "caption": name + ("。" if lang == "zh" else "."), "unit": unit, "note": note, "note_other": note_other}


def _target_context(plan: Plan, ta: TargetAssessment, sources: SourceList, regions: dict, break_reasons: dict,
                    lang: str, comparison: dict | None = None, styles: dict[str, int] | None = None,
                    timeline=None) -> dict:
    t = _plan_target(plan, ta.target_id)
    band = _band(ta, t)
    name, name_other = _text(ta.indicator_name, lang)
    rows = [_obs_row(ta, p, "level", sources, lang) for p in ta.series]
    rows += [_obs_row(ta, p, "growth", sources, lang) for p in ta.growth_series]
    if ta.measure == "rank" and ta.latest is not None and all(p.source != ta.latest.source or p.period != ta.latest.period
                                                             or p.value != ta.latest.value for p in ta.series):
        latest_row = _obs_row(ta, ta.latest, "level", sources, lang)
        latest_row["kind"] = _pick(LABELS["published_rank"], lang)[0]
        latest_row["value"] = humanize(ta.latest.value, "rank", lang)
        rows.append(latest_row)
    reasons_by_year = break_reasons.get((ta.indicator, ta.region), {})
    chart = chart_for_target(ta, lang=lang, band=band, base_year=t.base_year if t else None,
                             break_reasons={b: _text(r, lang)[0] for b, r in reasons_by_year.items()},
                             source_number=sources.number)
    peers = []
    if ta.peers:
        own_years = {p["period"] for p in ta.peers}
        for p in ta.series:
            if p.period in own_years:
                peers.append({"region": _region_name(regions, ta.region, lang), "own": True, "year": p.period,
                              "value": humanize(p.value, ta.indicator_unit, lang), "confidence": p.confidence or "—",
                              "source": sources.number(p.source)})
        for p in ta.peers:
            src = p.get("source") or {}
            peers.append({"region": _region_name(regions, str(p.get("region")), lang), "own": False, "year": p.get("period"),
                          "value": humanize(p.get("value"), str(p.get("unit") or ta.indicator_unit), lang),
                          "confidence": p.get("confidence") or "—",
                          "source": sources.add(src) if src else None})
        peers.sort(key=lambda r: (r["year"] or 0, not r["own"]))
    latest, latest_extra = _latest_text(ta, lang)
    projection, projection_range = _projection_text(ta, lang)
    statements = report_evidence.statements(ta, sources, lang)
    rows += [{**_obs_row(ta, p, "level", sources, lang), "kind": _pick(LABELS["other_basis"], lang)[0]}
             for p in ta.other_basis]
    growth = ta.measure == "average_annual_growth"
    return {
        "id": ta.target_id, "anchor": f"target-{ta.target_id}", "name": name, "name_other": name_other,
        "indicator": ta.indicator, "region": ta.region, "region_name": _region_name(regions, ta.region, lang),
        "measure": ta.measure, "verdict": ta.verdict, "verdict_label": _pick(VERDICT_LABEL[ta.verdict], lang),
        "provisional": ta.provisional, "probability": fmt_probability(ta.probability),
        "target_text": describe_target(ta, band, lang), "deadline": ta.deadline,
        "latest": latest, "latest_extra": latest_extra, "projection": projection, "projection_range": projection_range,
        "projection_method": ta.projection.method if ta.projection else None,
        "projection_why": ta.projection.why if ta.projection else None,
        "quotes": _ordered(ta.quote, lang), "explanations": _ordered(ta.explanation, lang),
        "note": t.note if t else None,
        "chart": chart, "is_rank": ta.measure == "rank",
        "requirement": ta.requirement.text if ta.requirement else None,
        "reasons": ta.reasons,
        "methods": [{"method": m.method, "version": m.version, "status": m.status,
                     "score": fmt_number(m.score) if m.score is not None else "—", "components": _components(m),
                     "note": m.note} for m in ta.methods],
        "sensitivity": [{"base_year": c.base_year, "average": humanize(c.average_growth, "%", lang),
                         "observed": ", ".join(map(str, c.observed_years)) or "—",
                         "projected": ", ".join(map(str, c.projected_years)) or "—",
                         "verdict": c.verdict, "verdict_label": _pick(VERDICT_LABEL[c.verdict], lang),
                         "chosen": t is not None and t.base_year == c.base_year}
                        for c in ta.base_year_sensitivity],
        "peers": peers, "statements": statements, "rows": rows, "growth": growth, "has_gaps": _has_gaps(ta),
        "breaks": [(b, _text(reasons_by_year[b], lang)[0] if b in reasons_by_year else "") for b in ta.breaks],
        "caveats": [_text(c, lang) for c in ta.caveats],
        "comparison": _comparison_context(ta, comparison, sources, regions, name, lang, styles),
        "facts": report_evidence.verdict_facts(ta, lang), "conflicts": report_evidence.conflicts(ta, sources, lang),
        "timeline": report_evidence.timeline(timeline, VERDICT_LABEL, lang),
    }


def _collect_sources(result: PlanAssessment, comparisons: dict[str, dict] | None = None) -> SourceList:
    """Number the sources in reading order: target by target, latest first, then series, growth, statements, peers,
    and the peer comparison (a comparison figure's address joins the entry already listed with that address)."""
    sources = SourceList()
    for ta in result.targets:
        pts: list[tuple[str, Point]] = []
        if ta.latest is not None:
            pts.append(("", ta.latest))
        pts += [("", p) for p in ta.series] + [("growth ", p) for p in ta.growth_series]
        pts += [("statement ", p) for p in ta.evidence]
        for prefix, p in sorted(pts, key=lambda x: (x[0] == "statement ", x[1].period)):
            sources.add(p.source, f"{ta.target_id} {prefix}{p.period}")
        for peer in ta.peers:
            if peer.get("source"):
                sources.add(peer["source"], f"{ta.target_id} peer {peer.get('region')} {peer.get('period')}")
        for i, row in enumerate(_comparison_rows((comparisons or {}).get(ta.target_id) or {})):
            details = {str(k): v for k, v in (row.get("source_details") or {}).items()}
            for year, url in row["sources"].items():  # the first row is the target's own region
                cited = f"{ta.target_id} {year}" if i == 0 else f"{ta.target_id} comparison {row.get('region')} {year}"
                if str(year) in details and sources.number_for_url(url) is None:
                    sources.add(details[str(year)], cited)  # publisher and title known: a full entry
                else:
                    sources.add_url(url, cited)
    return sources


def _series_styles(plan: Plan, comparisons: dict[str, dict]) -> dict[str, int]:
    """A line style per region for every comparison chart of the report: the plan's region first, then by first use."""
    styles = {plan.region: 0}
    for comparison in comparisons.values():
        for row in (comparison or {}).get("rows") or []:
            styles.setdefault(str(row.get("region") or ""), len(styles))
    return styles


def _catalogue(plan: Plan) -> tuple[dict, dict]:
    """(regions, break reasons by (indicator, region)) from the catalogue; empty when it cannot be read."""
    try:
        from ..plans.catalogue import catalogue_for

        cat = catalogue_for(plan)
    except Exception:  # noqa: BLE001 - the report still renders without names and break reasons
        return {}, {}
    reasons: dict[tuple[str, str], dict[int, Any]] = {}
    for t in plan.targets:
        ind = cat.indicators.get(t.indicator)
        if ind is None:
            continue
        region = plan.region_of(t)
        reasons[(ind.id, region)] = {b.from_period: b.reason for b in ind.breaks if b.applies_to(region)}
    return cat.regions, reasons


def _text_ctx(text: Any, lang: str) -> dict:
    first, second = _text(text, lang)
    return {"text": first, "other": second}


def build_context(plan: Plan, result: PlanAssessment, lang: str = "en", comparisons: dict[str, dict] | None = None,
                  timelines=None, coverage=None, goal_index: dict | None = None) -> dict:
    """Everything the template shows. ``comparisons`` (target id → peer comparison, as returned by
    :func:`planwatch.compare.peers.plan_comparisons`) adds a comparison block to those targets' sections."""
    lang = "zh" if lang == "zh" else "en"
    comparisons = comparisons or {}
    regions, break_reasons = _catalogue(plan)
    sources = _collect_sources(result, comparisons)
    styles = _series_styles(plan, comparisons)
    timelines = {tl.target_id: tl for tl in (timelines or [])}
    targets = [_target_context(plan, ta, sources, regions, break_reasons, lang, comparisons.get(ta.target_id), styles,
                               timelines.get(ta.target_id))
               for ta in result.targets]
    subject_tasks, subject_goals = report_evidence.subjects(result, sources, lang)

    def lab(key: str) -> dict:
        first, second = _pick(LABELS[key], lang)
        return {"text": first, "other": second}

    def evidence(items: list) -> list[dict]:
        return [{"date": e.date.isoformat(), "status": e.status, "text": e.text, "source": e.source,
                 "href": safe_href(e.source)} for e in items]

    title_first, title_second = _text(result.title or plan.title.model_dump(), lang)
    counts = {v: sum(1 for t in result.targets if t.verdict == v) for v in VERDICTS}
    return {
        "lang": lang,
        "L": {k: lab(k) for k in LABELS},
        "title": title_first, "title_other": title_second,
        "title_en": result.title.get("en") or plan.title.en, "title_zh": result.title.get("zh") or plan.title.zh,
        "short_title": _text_ctx(plan.short_title, lang) if plan.short_title else None,
        "plan_id": plan.id,
        "issuers": [_text_ctx(i, lang) for i in plan.issuers],
        "issued": plan.issued.isoformat() if plan.issued else None,
        "released": plan.released.isoformat() if plan.released else None,
        "region": plan.region, "region_name": _region_name(regions, plan.region, lang),
        "horizon": result.horizon, "as_of": result.as_of,
        "database": display_database(result.database),
        "documents": [{"title": d.title, "publisher": d.publisher, "url": d.url, "href": safe_href(d.url),
                       "date": d.date.isoformat() if d.date else None, "language": d.language} for d in plan.documents],
        "goals": [{"id": g.id, **_text_ctx(g.text, lang), "deadline": g.deadline, "evidence": evidence(g.evidence)}
                  for g in plan.goals],
        "subject_tasks": subject_tasks, "subject_goals": subject_goals,
        "goal_index": {gid: _goal_index(e, sources) for gid, e in (goal_index or {}).items()},
        "coverage": report_evidence.coverage(coverage, lambda r: _region_name(regions, r, lang), lang),
        "targets": targets,
        "comparison_anchor": next((t["comparison"]["anchor"] for t in targets if t["comparison"]), None),
        "counts": [(v, _pick(VERDICT_LABEL[v], lang), counts[v]) for v in VERDICTS if counts[v]],
        "tasks": [{"id": t.id, **_text_ctx(t.title, lang),
                   "orientations": [(o, *_pick(FOUR_ORIENTATIONS[o], lang)) for o in t.orientations],
                   "evidence": evidence(t.evidence)} for t in plan.tasks],
        "sources": sources.entries,
        "vocabulary": [(v, _pick(VERDICT_LABEL[v], lang), _pick(VERDICT_MEANING[v], lang))
                       for v in (*VERDICTS, "provisional")],
        "generated": dt.date.today().isoformat(),
    }


def _goal_index(e: dict, sources: SourceList) -> dict:
    """A composite index as goal evidence: its summary, the rank-bar chart of its latest ranked year, its sources."""
    out = {k: v for k, v in e.items() if k != "run"}
    out["source_numbers"] = [sources.add(src) for src in (e.get("sources") or {}).values() if src and src.get("url")]
    out["chart"] = None
    if e.get("run") is not None:
        from .index_charts import rank_bars

        out["chart"] = rank_bars(e["run"], chart_id=f"goal-index-{e['framework']}")
    return out


def _environment() -> Environment:
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    return env


def _read_resource(name: str) -> str:
    return (resources.files("planwatch.publish") / "templates" / name).read_text(encoding="utf-8")


def render_report(plan: Plan, result: PlanAssessment, lang: str = "en", comparisons: dict[str, dict] | None = None,
                  timelines=None, coverage=None, goal_index: dict | None = None) -> str:
    """One self-contained HTML document (inline CSS and SVG; no script, font or image is fetched).

    ``comparisons``, as returned by :func:`planwatch.compare.peers.plan_comparisons`, adds to each target it
    covers a chart of the plan's region beside its peers and a table of their latest values, ranks and sources;
    without it the report is exactly the report without comparisons."""
    env = _environment()
    template = env.from_string(_read_resource(TEMPLATE))
    ctx = build_context(plan, result, lang, comparisons, timelines, coverage, goal_index)
    css = _read_resource(STYLESHEET)
    if not ctx["comparison_anchor"]:
        css = css.partition(COMPARISON_CSS)[0]
    return template.render(**ctx, css=css)
