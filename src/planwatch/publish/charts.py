"""Inline SVG charts for the HTML report, drawn in Python: no JavaScript library, no network, no fonts.

One chart per target: observations as points joined by a line *within* each comparable segment (a series
break splits the line and is drawn as a dashed vertical marker), the target as a line or, for ``around``
and ``between``, a band, the deadline, and the projection from the latest point to the deadline with its
80% range as a shaded wedge. Every piece of text is escaped here, so the result is safe to insert as-is.

The geometry is kept in a small :class:`ChartSpec` so the drawing can be tested without a database.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..assess.model import Point, TargetAssessment
from ..errors import PlanwatchError
from ..units import factor, humanize, label, normalize_unit

# Geometry (viewBox units; the SVG scales to the page width).
WIDTH, HEIGHT = 880, 360
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 190, 40, 46

# Colours (presentation attributes, so a copied SVG looks the same outside the report).
C_OBS = "#1f4e79"
C_TARGET = "#1a7f37"
C_PROJ = "#8250df"
C_BREAK = "#b35900"
C_GRID = "#e4e7eb"
C_AXIS = "#57606a"
C_TEXT = "#24292f"

_COMPARATOR_SIGN = {"around": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<"}

_WORDS = {
    "en": {"target": "target", "proj": "projected", "range": "80% range", "break": "series break",
           "deadline": "deadline", "avg": "average", "obs": "Observations", "prelim": "preliminary",
           "no_comp": "series break before", "source": "source", "a_year": "a year"},
    "zh": {"target": "目标", "proj": "预测", "range": "80%区间", "break": "统计口径断点",
           "deadline": "截止年", "avg": "年均", "obs": "观测值", "prelim": "初步数",
           "no_comp": "断点位于", "source": "来源", "a_year": ""},
}


@dataclass
class ChartPoint:
    year: int
    value: float  # in the chart's data unit (not yet scaled for the axis)
    tooltip: str
    hollow: bool = False  # preliminary / estimate figures are drawn hollow


@dataclass
class ChartProjection:
    from_year: int
    from_value: float
    year: int
    value: float
    low: float | None = None
    high: float | None = None
    label: str = ""


@dataclass
class ChartSpec:
    chart_id: str
    title: str
    desc: str
    unit: str  # the data unit (indicator unit, or "%" for growth charts)
    lang: str = "en"
    points: list[ChartPoint] = field(default_factory=list)
    breaks: list[tuple[int, str]] = field(default_factory=list)  # (first year of the new segment, reason)
    target_value: float | None = None
    band: tuple[float, float] | None = None
    target_label: str = ""
    deadline: int | None = None
    projection: ChartProjection | None = None
    average: tuple[int, int, float, str] | None = None  # (from_year, to_year, value, label) for growth targets
    axis: tuple[float, str] | None = None  # (multiplier to axis unit, axis label); chosen from the data when None


# -- axis helpers ----------------------------------------------------------------------------------------
_YUAN_STEPS = {
    "en": [(1e12, "trillion yuan"), (1e9, "billion yuan"), (1e6, "million yuan")],
    "zh": [(1e12, "万亿元"), (1e8, "亿元"), (1e4, "万元")],
}


def axis_unit(unit: str, largest: float, lang: str = "en") -> tuple[float, str]:
    """(multiplier from data unit to axis unit, axis unit label): money is shown in a readable magnitude."""
    try:
        name = normalize_unit(unit)
    except PlanwatchError:
        return 1.0, unit
    if name.endswith("yuan"):
        to_yuan = factor(name, "yuan")
        yuan = abs(largest) * to_yuan
        for size, word in _YUAN_STEPS["zh" if lang == "zh" else "en"]:
            if yuan >= size:
                return to_yuan / size, word
        return to_yuan, "元" if lang == "zh" else "yuan"
    if name == "percent":
        return 1.0, "%"
    return 1.0, label(unit, lang)


def nice_ticks(lo: float, hi: float, count: int = 5) -> tuple[list[float], int]:
    """Round tick values covering [lo, hi] and the decimals needed to print them."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        lo, hi = 0.0, 1.0
    if hi - lo <= 0:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = mag
    for m in (1, 2, 2.5, 5, 10):
        step = m * mag
        if (hi - lo) / step <= count:
            break
    first = math.floor(lo / step + 1e-9) * step
    last = math.ceil(hi / step - 1e-9) * step
    n = int(round((last - first) / step))
    ticks = [first + i * step for i in range(n + 1)]
    decimals = max(0, -int(math.floor(math.log10(step) + 1e-9)))
    if abs(step / 10 ** math.floor(math.log10(step) + 1e-9) - 2.5) < 1e-9:
        decimals += 1
    return ticks, decimals


def year_step(span: int) -> int:
    for step in (1, 2, 5, 10, 20, 50):
        if span / step <= 16:
            return step
    return 100


def _text_width(text: str, size: float) -> float:
    """Rough rendered width: CJK characters are square, Latin ones about 0.6 em."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.6 for ch in text)


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Break a label into lines that fit ``width``: before a "(…)" group first, then at spaces."""
    lines: list[str] = []

    def put(piece: str) -> None:
        if lines and _text_width(lines[-1] + " " + piece, size) <= width:
            lines[-1] += " " + piece
        else:
            lines.append(piece)

    for chunk in re.split(r"\s+(?=\()", text.strip()):
        if _text_width(chunk, size) <= width:
            put(chunk)
            continue
        for word in chunk.split(" "):
            if word:
                put(word)
    return lines or [text]


def _f(v: float) -> str:
    return f"{v:.1f}"


def _spread_labels(wanted: list[tuple[float, float]], top: float, bottom: float) -> list[float]:
    """Move label centres (y, height) apart so they do not overlap, staying within [top, bottom]."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i][0])
    placed: dict[int, float] = {}
    prev_bottom = top
    for i in order:
        y, h = wanted[i]
        y = max(y, prev_bottom + h / 2)
        placed[i] = y
        prev_bottom = y + h / 2 + 2
    # push back up from the bottom if the stack ran off the plot
    overflow = max((placed[i] + wanted[i][1] / 2 - bottom for i in order), default=0)
    if overflow > 0:
        next_top = bottom
        for i in reversed(order):
            h = wanted[i][1]
            placed[i] = min(placed[i], next_top - h / 2)
            next_top = placed[i] - h / 2 - 2
    return [placed[i] for i in range(len(wanted))]


# -- drawing ---------------------------------------------------------------------------------------------
def render_svg(spec: ChartSpec) -> Markup:
    """Draw a chart spec as one accessible inline ``<svg>`` element."""
    w = _WORDS["zh" if spec.lang == "zh" else "en"]
    pts = sorted((p for p in spec.points if p.value is not None and math.isfinite(p.value)), key=lambda p: p.year)
    ys: list[float] = [p.value for p in pts]
    if spec.target_value is not None:
        ys.append(spec.target_value)
    if spec.band:
        ys += list(spec.band)
    pr = spec.projection
    if pr:
        ys += [v for v in (pr.from_value, pr.value, pr.low, pr.high) if v is not None]
    if spec.average:
        ys.append(spec.average[2])
    largest = max((abs(v) for v in ys), default=1.0)
    k, unit_label = spec.axis or axis_unit(spec.unit, largest, spec.lang)
    sy = [v * k for v in ys] or [0.0, 1.0]
    lo, hi = min(sy), max(sy)
    pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
    ticks, decimals = nice_ticks(lo - pad, hi + pad)
    y_lo, y_hi = ticks[0], ticks[-1]

    years = [p.year for p in pts] + [b for b, _ in spec.breaks if pts and min(p.year for p in pts) < b]
    if spec.deadline:
        years.append(spec.deadline)
    if pr:
        years += [pr.from_year, pr.year]
    if spec.average:
        years += [spec.average[0], spec.average[1]]
    x_first, x_last = (min(years), max(years)) if years else (2000, 2001)
    x_lo, x_hi = x_first - 0.6, x_last + 0.6
    pl, pr_, pt, pb = MARGIN_LEFT, WIDTH - MARGIN_RIGHT, MARGIN_TOP, HEIGHT - MARGIN_BOTTOM

    def X(year: float) -> float:  # noqa: N802
        return pl + (year - x_lo) / (x_hi - x_lo) * (pr_ - pl)

    def Y(value: float) -> float:  # noqa: N802  (value in data units)
        return pb - (value * k - y_lo) / (y_hi - y_lo) * (pb - pt)

    e = escape
    tid, did = f"{spec.chart_id}-title", f"{spec.chart_id}-desc"
    out: list[str] = [
        f'<svg class="chart" id="{e(spec.chart_id)}" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{e(tid)} {e(did)}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui, -apple-system, \'Segoe UI\', \'Noto Sans CJK SC\', \'PingFang SC\', sans-serif" '
        f'font-size="12" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{e(tid)}">{e(spec.title)}</title>',
        f'<desc id="{e(did)}">{e(spec.desc)}</desc>',
    ]
    # grid and y axis
    out.append('<g class="y-axis">')
    for t in ticks:
        yy = pb - (t - y_lo) / (y_hi - y_lo) * (pb - pt)
        out.append(f'<line x1="{pl}" x2="{pr_}" y1="{_f(yy)}" y2="{_f(yy)}" stroke="{C_GRID}" stroke-width="1"/>')
        out.append(f'<text x="{pl - 8}" y="{_f(yy + 4)}" text-anchor="end" fill="{C_AXIS}">{t:,.{decimals}f}</text>')
    out.append(f'<text class="axis-label" x="{pl - 8}" y="{pt - 14}" text-anchor="start" fill="{C_AXIS}" '
               f'font-weight="600">{e(unit_label)}</text>')
    out.append("</g>")
    # x axis
    out.append('<g class="x-axis">')
    out.append(f'<line x1="{pl}" x2="{pr_}" y1="{pb}" y2="{pb}" stroke="{C_AXIS}" stroke-width="1"/>')
    step = year_step(x_last - x_first)
    first_tick = int(math.ceil(x_first / step) * step)
    for yr in range(first_tick, x_last + 1, step):
        xx = X(yr)
        out.append(f'<line x1="{_f(xx)}" x2="{_f(xx)}" y1="{pb}" y2="{pb + 5}" stroke="{C_AXIS}"/>')
        out.append(f'<text x="{_f(xx)}" y="{pb + 19}" text-anchor="middle" fill="{C_AXIS}">{yr}</text>')
    out.append("</g>")

    right_labels: list[tuple[float, float, list[str], str]] = []  # (wanted y, height, lines, colour)
    # target band / line
    if spec.band or spec.target_value is not None:
        out.append('<g class="target">')
        if spec.band:
            b0, b1 = min(spec.band), max(spec.band)
            out.append(f'<rect class="target-band" x="{pl}" width="{pr_ - pl}" y="{_f(Y(b1))}" '
                       f'height="{_f(max(Y(b0) - Y(b1), 1.5))}" fill="{C_TARGET}" fill-opacity="0.14"/>')
        if spec.target_value is not None:
            ty = Y(spec.target_value)
            out.append(f'<line class="target-line" x1="{pl}" x2="{pr_}" y1="{_f(ty)}" y2="{_f(ty)}" stroke="{C_TARGET}" '
                       f'stroke-width="1.6" stroke-dasharray="7 4"/>')
            lines = _wrap(spec.target_label, MARGIN_RIGHT - 14, 12)
            right_labels.append((ty, 15 * len(lines) + 1, lines, C_TARGET))
        out.append("</g>")
    # deadline
    if spec.deadline:
        dx = X(spec.deadline)
        out.append(f'<g class="deadline"><line x1="{_f(dx)}" x2="{_f(dx)}" y1="{pt}" y2="{pb}" stroke="{C_AXIS}" '
                   f'stroke-width="1" stroke-dasharray="2 3"/><text x="{_f(dx - 4)}" y="{pb - 6}" text-anchor="end" '
                   f'fill="{C_AXIS}" font-size="11">{e(w["deadline"])} {spec.deadline}</text></g>')
    # series breaks (the dashed line sits between the last year of the old segment and the break year)
    if spec.breaks:
        out.append('<g class="breaks">')
        occupied: list[tuple[float, float, float]] = []  # (x from, x to, y) of labels already placed
        deadline_x = X(spec.deadline) if spec.deadline else None
        for b, reason in sorted(spec.breaks):
            if not (x_lo < b - 0.5 < x_hi):
                continue
            bx = X(b - 0.5)
            text = f"{w['break']} {b}"
            width = _text_width(text, 11)
            # to the right of the line unless that runs off the plot or across the deadline line
            right = bx + 4 + width <= pr_ and not (deadline_x is not None and bx < deadline_x < bx + 4 + width)
            x0, x1 = (bx + 4, bx + 4 + width) if right else (bx - 4 - width, bx - 4)
            ly = pt - 2.0
            while any(a < x1 and x0 < c and abs(y - ly) < 12 for a, c, y in occupied):
                ly += 13
            occupied.append((x0, x1, ly))
            anchor = "start" if right else "end"
            out.append(f'<g class="break" data-year="{b}"><title>{e(w["break"])} ({b}): {e(reason)}</title>'
                       f'<line class="break-line" x1="{_f(bx)}" x2="{_f(bx)}" y1="{pt - 12}" y2="{pb}" stroke="{C_BREAK}" '
                       f'stroke-width="1.4" stroke-dasharray="5 4"/>'
                       f'<text x="{_f(x0 if right else x1)}" y="{_f(ly)}" text-anchor="{anchor}" fill="{C_BREAK}" '
                       f'font-size="11">{e(text)}</text></g>')
        out.append("</g>")
    # projection wedge
    if pr:
        out.append('<g class="projection">')
        x0, y0, x1 = X(pr.from_year), Y(pr.from_value), X(pr.year)
        if pr.low is not None and pr.high is not None:
            out.append(f'<polygon class="projection-range" points="{_f(x0)},{_f(y0)} {_f(x1)},{_f(Y(pr.high))} '
                       f'{_f(x1)},{_f(Y(pr.low))}" fill="{C_PROJ}" fill-opacity="0.16" stroke="{C_PROJ}" '
                       f'stroke-opacity="0.35" stroke-width="1"/>')
        out.append(f'<line class="projection-line" x1="{_f(x0)}" y1="{_f(y0)}" x2="{_f(x1)}" y2="{_f(Y(pr.value))}" '
                   f'stroke="{C_PROJ}" stroke-width="2" stroke-dasharray="6 4"/>')
        out.append(f'<circle class="projection-point" cx="{_f(x1)}" cy="{_f(Y(pr.value))}" r="4.5" fill="#fff" '
                   f'stroke="{C_PROJ}" stroke-width="2"><title>{e(pr.label)}</title></circle>')
        out.append("</g>")
        lines = [part for line in pr.label.split("\n") for part in _wrap(line, MARGIN_RIGHT - 14, 12)]
        right_labels.append((Y(pr.value), 15 * len(lines) + 1, lines, C_PROJ))
    # average (growth targets)
    if spec.average:
        a0, a1, av, alabel = spec.average
        out.append(f'<line class="average-line" x1="{_f(X(a0 - 0.4))}" x2="{_f(X(a1 + 0.4))}" y1="{_f(Y(av))}" '
                   f'y2="{_f(Y(av))}" stroke="{C_OBS}" stroke-width="2.5" stroke-opacity="0.55"><title>{e(alabel)}</title></line>')
        lines = _wrap(alabel, MARGIN_RIGHT - 14, 12)
        right_labels.append((Y(av), 15 * len(lines) + 1, lines, C_OBS))
    # observations: one polyline per comparable segment, never across a break
    out.append('<g class="series">')
    segments: list[list[ChartPoint]] = []
    for p in pts:
        seg = sum(1 for b, _ in spec.breaks if p.year >= b)
        if segments and sum(1 for b, _ in spec.breaks if segments[-1][-1].year >= b) == seg:
            segments[-1].append(p)
        else:
            segments.append([p])
    for seg in segments:
        # within a segment: solid runs of consecutive years; a thin dotted link across years with no figure
        runs: list[list[ChartPoint]] = [[seg[0]]]
        for prev, p in zip(seg, seg[1:], strict=False):
            if p.year - prev.year == 1:
                runs[-1].append(p)
            else:
                out.append(f'<line class="series-gap" x1="{_f(X(prev.year))}" y1="{_f(Y(prev.value))}" x2="{_f(X(p.year))}" '
                           f'y2="{_f(Y(p.value))}" stroke="{C_OBS}" stroke-width="1.5" stroke-opacity="0.7" '
                           f'stroke-dasharray="2 4"/>')
                runs.append([p])
        for run in runs:
            if len(run) > 1:
                coords = " ".join(f"{_f(X(p.year))},{_f(Y(p.value))}" for p in run)
                out.append(f'<polyline class="series-line" points="{coords}" fill="none" stroke="{C_OBS}" '
                           f'stroke-width="2" stroke-linejoin="round"/>')
    for p in pts:
        fill = "#fff" if p.hollow else C_OBS
        out.append(f'<circle class="obs" cx="{_f(X(p.year))}" cy="{_f(Y(p.value))}" r="4" fill="{fill}" stroke="{C_OBS}" '
                   f'stroke-width="2"><title>{e(p.tooltip)}</title></circle>')
    if pts:  # the latest value, written next to its point (readable on paper, where tooltips are not)
        lp = pts[-1]
        out.append(f'<text class="last-value" x="{_f(X(lp.year))}" y="{_f(Y(lp.value) - 10)}" text-anchor="middle" '
                   f'fill="{C_OBS}" font-size="12" font-weight="600" stroke="#fff" stroke-width="3" paint-order="stroke">'
                   f'{e(short_number(lp.value, k, unit_label))}</text>')
    out.append("</g>")
    # right-hand labels, spread so they never overlap
    if right_labels:
        ys_placed = _spread_labels([(y, h) for y, h, _, _ in right_labels], pt - 10, pb + 10)
        out.append('<g class="labels">')
        for (want, h, lines, colour), y in zip(right_labels, ys_placed, strict=True):
            if abs(y - want) > 3:  # leader line when the label had to move
                out.append(f'<line x1="{pr_ + 2}" y1="{_f(want)}" x2="{pr_ + 8}" y2="{_f(y)}" stroke="{colour}" stroke-width="1"/>')
            top = y - h / 2 + 11
            spans = "".join(f'<tspan x="{pr_ + 10}" dy="{0 if i == 0 else 15}">{e(line)}</tspan>' for i, line in enumerate(lines))
            out.append(f'<text x="{pr_ + 10}" y="{_f(top)}" fill="{colour}" font-size="12">{spans}</text>')
        out.append("</g>")
    out.append("</svg>")
    return Markup("".join(out))


# -- from an assessment ----------------------------------------------------------------------------------
def _point_tooltip(p: Point, unit: str, lang: str, ref: Callable[[Point], int | None] | None) -> str:
    w = _WORDS["zh" if lang == "zh" else "en"]
    text = f"{p.period}: {humanize(p.value, unit, lang)}"
    if p.status not in ("final", "revised"):
        text += f" ({w['prelim'] if p.status in ('preliminary', 'estimate') else p.status})"
    n = ref(p) if ref else None
    text += f" — {w['source']} [{n}] {p.source.publisher}" if n else f" — {p.source.publisher}"
    return text


def tolerance_text(half_width: float, unit: str, lang: str = "en") -> str:
    """± half-width as a reader expects it (percentage points for % values)."""
    try:
        pct = normalize_unit(unit) == "percent"
    except PlanwatchError:
        pct = False
    if pct:
        return f"± {half_width:.2f} 个百分点" if lang == "zh" else f"± {half_width:.2f} pp"
    return f"± {humanize(half_width, unit, lang)}"


def short_number(value: float, k: float, axis_label: str) -> str:
    """A value in the axis unit, for labels drawn on the chart (the axis names the unit)."""
    x = value * k
    d = 0 if abs(x) >= 1000 else 1 if abs(x) >= 100 else 2
    return f"{x:,.{d}f}%" if axis_label == "%" else f"{x:,.{d}f}"


def chart_for_target(ta: TargetAssessment, *, lang: str = "en", band: tuple[float, float] | None = None,
                     base_year: int | None = None, break_reasons: dict[int, str] | None = None,
                     source_number: Callable[[Point], int | None] | None = None) -> Markup | None:
    """The chart for one assessed target, or None (rank targets, or no numeric observation at all).

    ``band`` is the accepted range in the chart's data unit (the indicator unit, or % for growth targets):
    the tolerance band of ``around`` or the two ends of ``between``. ``base_year`` lets a growth chart draw
    the average over base_year+1..deadline.
    """
    if ta.measure == "rank":
        return None
    w = _WORDS["zh" if lang == "zh" else "en"]
    growth = ta.measure == "average_annual_growth"
    unit = "%" if growth else ta.indicator_unit
    pts = [p for p in (ta.growth_series if growth else ta.series) if p.value is not None]
    if not pts:
        return None
    name = (ta.indicator_name.get("zh") if lang == "zh" else ta.indicator_name.get("en")) or ta.indicator
    chart_points = [ChartPoint(p.period, p.value, _point_tooltip(p, unit, lang, source_number),
                               hollow=p.status in ("preliminary", "estimate")) for p in pts]
    target = ta.target_value if growth else ta.target_value_in_indicator_unit
    pj = ta.projection
    values = [p.value for p in pts] + [v for v in (target, *(band or ())) if v is not None]
    if pj is not None:
        values += [v for v in (pj.value, pj.low, pj.high) if v is not None]
    k, axis_label = axis_unit(unit, max(abs(v) for v in values), lang)

    def short(v: float) -> str:
        return short_number(v, k, axis_label)

    def full(v: float | None) -> str:
        return humanize(v, unit, lang)

    tlabel = tdesc = ""
    if target is not None:
        if ta.comparator == "between" and band:
            tlabel = f"{w['target']} {short(min(band))}–{short(max(band))}"
            tdesc = f"{w['target']} {full(min(band))}–{full(max(band))}"
        else:
            sign = _COMPARATOR_SIGN.get(ta.comparator, "")
            tlabel = f"{w['target']} {sign} {short(target)}".replace("  ", " ")
            tdesc = f"{w['target']} {sign} {full(target)}".replace("  ", " ")
            if ta.comparator == "around" and band:
                tol = (max(band) - min(band)) / 2
                tlabel += f" ({tolerance_text(tol, unit, lang)})" if axis_label == "%" else f" (± {short(tol)})"
                tdesc += f" ({tolerance_text(tol, unit, lang)})"
    proj = None
    proj_desc = ""
    if pj is not None:
        start = max(pts, key=lambda p: p.period)
        if not growth and ta.latest is not None and ta.latest.value is not None and ta.latest.period <= pj.year:
            start = ta.latest
        if pj.year > start.period:
            head = f"{w['proj']} {w['avg'] if growth else pj.year}"
            lab, proj_desc = f"{head}: {short(pj.value)}", f"{head}: {full(pj.value)}"
            if pj.low is not None and pj.high is not None:
                lab += f"\n{w['range']}: {short(pj.low)}–{short(pj.high)}"
                proj_desc += f"; {w['range']}: {full(pj.low)}–{full(pj.high)}"
            proj = ChartProjection(start.period, start.value, pj.year, pj.value, pj.low, pj.high, lab)
    average = None
    if growth and pj is None and ta.current_value is not None and base_year is not None:
        a0, a1 = base_year + 1, ta.deadline
        average = (a0, a1, ta.current_value, f"{w['avg']} {a0}–{a1}: {short(ta.current_value)}")
    breaks = [(b, (break_reasons or {}).get(b, "")) for b in ta.breaks]
    first, last = pts[0], pts[-1]
    desc = [f"{w['obs']} {first.period}–{last.period}: {full(first.value)} → {full(last.value)}."]
    if tdesc:
        desc.append(f"{tdesc}, {ta.deadline}.")
    if proj_desc:
        desc.append(proj_desc + ".")
    if average:
        desc.append(average[3] + ".")
    for b, reason in breaks:
        desc.append(f"{w['break']} {b}" + (f": {reason}." if reason else "."))
    spec = ChartSpec(
        chart_id=f"chart-{ta.target_id}", title=f"{name} — {ta.region}", desc=" ".join(desc), unit=unit, lang=lang,
        points=chart_points, breaks=breaks, target_value=target, band=band, target_label=tlabel, deadline=ta.deadline,
        projection=proj, average=average, axis=(k, axis_label),
    )
    return render_svg(spec)
