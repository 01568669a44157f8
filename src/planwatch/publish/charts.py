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
           "no_comp": "series break before", "source": "source", "a_year": "a year",
           "statement": "official statement"},
    "zh": {"target": "目标", "proj": "预测", "range": "80%区间", "break": "统计口径断点",
           "deadline": "截止年", "avg": "年均", "obs": "观测值", "prelim": "初步数",
           "no_comp": "断点位于", "source": "来源", "a_year": "", "statement": "官方表述"},
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
    statements: list[tuple[int, float, float, str]] = field(default_factory=list)  # (year, low, high, tooltip)
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
def _axes(ticks: list[float], decimals: int, unit_label: str, y_range: tuple[float, float], years: tuple[int, int],
          box: tuple[float, float, float, float], X: Callable[[float], float]) -> list[str]:  # noqa: N803
    """Grid, y ticks with the unit label, and year ticks: the same frame for every chart."""
    (y_lo, y_hi), (x_first, x_last), (pl, pr_, pt, pb) = y_range, years, box
    e = escape
    out = ['<g class="y-axis">']
    for t in ticks:
        yy = pb - (t - y_lo) / (y_hi - y_lo) * (pb - pt)
        out.append(f'<line x1="{pl}" x2="{pr_}" y1="{_f(yy)}" y2="{_f(yy)}" stroke="{C_GRID}" stroke-width="1"/>')
        out.append(f'<text x="{pl - 8}" y="{_f(yy + 4)}" text-anchor="end" fill="{C_AXIS}">{t:,.{decimals}f}</text>')
    out.append(f'<text class="axis-label" x="{pl - 8}" y="{pt - 14}" text-anchor="start" fill="{C_AXIS}" '
               f'font-weight="600">{e(unit_label)}</text>')
    out.append("</g>")
    out.append('<g class="x-axis">')
    out.append(f'<line x1="{pl}" x2="{pr_}" y1="{pb}" y2="{pb}" stroke="{C_AXIS}" stroke-width="1"/>')
    step = year_step(x_last - x_first)
    for yr in range(int(math.ceil(x_first / step) * step), x_last + 1, step):
        xx = X(yr)
        out.append(f'<line x1="{_f(xx)}" x2="{_f(xx)}" y1="{pb}" y2="{pb + 5}" stroke="{C_AXIS}"/>')
        out.append(f'<text x="{_f(xx)}" y="{pb + 19}" text-anchor="middle" fill="{C_AXIS}">{yr}</text>')
    out.append("</g>")
    return out


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
    ys += [v for _, lo_, hi_, _ in spec.statements for v in (lo_, hi_)]
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
    years += [yr for yr, *_ in spec.statements]
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
    out += _axes(ticks, decimals, unit_label, (y_lo, y_hi), (x_first, x_last), (pl, pr_, pt, pb), X)

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
    # official statements: the interval each puts the value in, a bracket at its year (never a point)
    if spec.statements:
        out.append('<g class="statements">')
        for yr, s_lo, s_hi, tip in spec.statements:
            sx, y0, y1 = X(yr), Y(s_lo), Y(s_hi)
            out.append(f'<g class="statement"><title>{e(tip)}</title>'
                       f'<rect x="{_f(sx - 5)}" y="{_f(y1)}" width="10" height="{_f(max(y0 - y1, 2))}" fill="{C_TARGET}" '
                       f'fill-opacity="0.18" stroke="{C_TARGET}" stroke-width="1.2" stroke-dasharray="3 2"/>'
                       f'<text x="{_f(sx)}" y="{_f(y1 - 4)}" text-anchor="middle" fill="{C_TARGET}" font-size="11">≈</text></g>')
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
    statements = []
    if not growth:
        for st in ta.statements:
            if st.low is None and st.high is None:
                continue
            s_lo = st.low if st.low is not None else st.high
            s_hi = st.high if st.high is not None else st.low
            tip = f"{st.point.period}: “{st.point.quote}” ({st.point.source.publisher}, {st.point.source.published})"
            statements.append((st.point.period, s_lo, s_hi, tip))
            desc.append(f"{w['statement']} {st.point.period}: {full(st.low) if st.low is not None else '…'}–"
                        f"{full(st.high) if st.high is not None else '…'}.")
    spec = ChartSpec(
        chart_id=f"chart-{ta.target_id}", title=f"{name} — {ta.region}", desc=" ".join(desc), unit=unit, lang=lang,
        points=chart_points, breaks=breaks, target_value=target, band=band, target_label=tlabel, deadline=ta.deadline,
        projection=proj, average=average, axis=(k, axis_label), statements=statements,
    )
    return render_svg(spec)


# -- peer comparison charts ------------------------------------------------------------------------------
#: One style per region line: (colour, dash pattern, marker). The colours are the Okabe–Ito palette, which
#: colour-blind readers can tell apart; the dash patterns and marker shapes keep the lines distinct in
#: greyscale and on a black-and-white printout. The first style is the plan's own region (solid, thicker).
SERIES_STYLES: list[tuple[str, str, str]] = [
    ("#0072b2", "", "circle"),
    ("#d55e00", "8 4", "square"),
    ("#009e73", "2 3", "triangle"),
    ("#cc79a7", "10 3 2 3", "diamond"),
    ("#000000", "4 4", "triangle_down"),
    ("#e69f00", "14 4", "plus"),
    ("#56b4e9", "1 3 5 3", "cross"),
]

CMP_WIDTH, CMP_HEIGHT = 880, 290
CMP_MARGIN_RIGHT = 214

_CMP_WORDS = {
    "en": {"title": "compared", "latest": "latest", "source": "source", "this": "this plan", "no_data": "no figure"},
    "zh": {"title": "比较", "latest": "最新", "source": "来源", "this": "本规划", "no_data": "无数据"},
}


@dataclass
class CompareSeries:
    key: str  # region id
    label: str  # name in the report's language
    label_other: str | None  # name in the other language
    points: list[tuple[int, float, str, str | None]]  # (year, value in the data unit, tooltip, link target)
    highlight: bool = False  # the plan's own region
    style: int | None = None  # index into SERIES_STYLES; the series' position when None


def marker_svg(shape: str, x: float, y: float, r: float, colour: str, css_class: str = "cmp-marker",
               tooltip: str | None = None) -> str:
    """A filled marker of the given shape centred on (x, y), with an escaped tooltip when given."""
    common = f'class="{css_class}" fill="{colour}" stroke="#fff" stroke-width="1"'
    if shape == "circle":
        tag, attrs = "circle", f'cx="{_f(x)}" cy="{_f(y)}" r="{_f(r)}"'
    elif shape == "square":
        s = r * 0.9
        tag, attrs = "rect", f'x="{_f(x - s)}" y="{_f(y - s)}" width="{_f(2 * s)}" height="{_f(2 * s)}"'
    else:
        if shape in ("triangle", "triangle_down"):
            d, s = (-1 if shape == "triangle" else 1), r * 1.15
            corners = [(0.0, d * s), (-s, -d * s * 0.75), (s, -d * s * 0.75)]
        elif shape == "diamond":
            s = r * 1.25
            corners = [(0.0, -s), (s, 0.0), (0.0, s), (-s, 0.0)]
        else:  # plus / cross: a filled outline, so it reads like the other shapes
            s, t = r * 1.2, r * 0.42
            corners = [(-t, -s), (t, -s), (t, -t), (s, -t), (s, t), (t, t), (t, s), (-t, s), (-t, t), (-s, t), (-s, -t), (-t, -t)]
            if shape == "cross":
                c = math.sqrt(0.5)
                corners = [((a - b) * c, (a + b) * c) for a, b in corners]
        tag, attrs = "polygon", 'points="' + " ".join(f"{_f(x + a)},{_f(y + b)}" for a, b in corners) + '"'
    if tooltip is None:
        return f"<{tag} {common} {attrs}/>"
    return f"<{tag} {common} {attrs}><title>{escape(tooltip)}</title></{tag}>"


def render_comparison_svg(chart_id: str, title: str, desc: str, unit: str, series: list[CompareSeries],
                          lang: str = "en") -> Markup:
    """One line per region (the plan's region highlighted) with a legend on the right, as inline ``<svg>``."""
    w = _CMP_WORDS["zh" if lang == "zh" else "en"]
    drawn = [s for s in series if s.points]
    values = [v for s in drawn for _, v, _, _ in s.points if math.isfinite(v)]
    largest = max((abs(v) for v in values), default=1.0)
    k, unit_label = axis_unit(unit, largest, lang)
    sy = [v * k for v in values] or [0.0, 1.0]
    lo, hi = min(sy), max(sy)
    pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
    # no negative axis for figures that cannot be negative
    ticks, decimals = nice_ticks(max(lo - pad, 0.0) if lo >= 0 else lo - pad, hi + pad)
    y_lo, y_hi = ticks[0], ticks[-1]
    years = [yr for s in drawn for yr, _, _, _ in s.points] or [2000, 2001]
    x_first, x_last = min(years), max(years)
    if x_first == x_last:
        x_first, x_last = x_first - 1, x_last + 1
    x_lo, x_hi = x_first - 0.5, x_last + 0.5

    # the legend decides the height: one entry per region, names wrapped to the right-hand column
    text_w = CMP_MARGIN_RIGHT - 20 - 34
    entries = []
    for i, s in enumerate(series):
        lines = _wrap(s.label + (f" ({w['this']})" if s.highlight else ""), text_w, 12)
        other = _wrap(s.label_other, text_w, 11) if s.label_other else []
        if not s.points:
            other.append(w["no_data"])
        entries.append((i, s, lines, other, 15 * len(lines) + 13 * len(other) + 8))
    legend_h = sum(h for *_, h in entries)
    height = max(CMP_HEIGHT, MARGIN_TOP + legend_h + 16)
    pl, pr_, pt, pb = MARGIN_LEFT, CMP_WIDTH - CMP_MARGIN_RIGHT, MARGIN_TOP, height - MARGIN_BOTTOM

    def X(year: float) -> float:  # noqa: N802
        return pl + (year - x_lo) / (x_hi - x_lo) * (pr_ - pl)

    def Y(value: float) -> float:  # noqa: N802  (value in data units)
        return pb - (value * k - y_lo) / (y_hi - y_lo) * (pb - pt)

    def style(i: int) -> tuple[str, str, str]:
        n = series[i].style if series[i].style is not None else i
        return SERIES_STYLES[n % len(SERIES_STYLES)]

    e = escape
    tid, did = f"{chart_id}-title", f"{chart_id}-desc"
    out: list[str] = [
        f'<svg class="chart cmp-chart" id="{e(chart_id)}" viewBox="0 0 {CMP_WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{e(tid)} {e(did)}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui, -apple-system, \'Segoe UI\', \'Noto Sans CJK SC\', \'PingFang SC\', sans-serif" '
        f'font-size="12" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{e(tid)}">{e(title)}</title>',
        f'<desc id="{e(did)}">{e(desc)}</desc>',
    ]
    out += _axes(ticks, decimals, unit_label, (y_lo, y_hi), (x_first, x_last), (pl, pr_, pt, pb), X)
    # the plan's own region on top of the other lines; a lone point (no line to find it by) on top of everything
    order = sorted((i for i, s in enumerate(series) if s.points),
                   key=lambda i: (len(series[i].points) == 1, series[i].highlight))
    for i in order:
        s = series[i]
        colour, dash, shape = style(i)
        pts = sorted(s.points)
        width = 3.2 if s.highlight else 1.8
        coords = " ".join(f"{_f(X(yr))},{_f(Y(v))}" for yr, v, _, _ in pts)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g class="cmp-series{" own" if s.highlight else ""}" data-region="{e(s.key)}">')
        out.append(f'<polyline class="cmp-line" points="{coords}" fill="none" stroke="{colour}" stroke-width="{width}"'
                   f'{dash_attr} stroke-linejoin="round" stroke-linecap="round"/>')
        for yr, v, tip, href in pts:
            mark = marker_svg(shape, X(yr), Y(v), 5 if s.highlight else 4, colour, tooltip=tip)
            out.append(f'<a href="{e(href)}">{mark}</a>' if href else mark)
        out.append("</g>")
    # legend: swatch (line pattern and marker) and the name in both languages
    lx = pr_ + 16
    out.append('<g class="cmp-legend">')
    y = pt - 4.0
    for i, s, lines, other, h in entries:
        colour, dash, shape = style(i)
        sw_y = y + 8
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g class="cmp-key" data-region="{e(s.key)}">')
        out.append(f'<line x1="{lx}" x2="{lx + 28}" y1="{_f(sw_y)}" y2="{_f(sw_y)}" stroke="{colour}" '
                   f'stroke-width="{3.2 if s.highlight else 1.8}"{dash_attr} stroke-linecap="round"/>')
        out.append(marker_svg(shape, lx + 14, sw_y, 5 if s.highlight else 4, colour, "cmp-key-marker"))
        weight = ' font-weight="700"' if s.highlight else ""
        spans = "".join(f'<tspan x="{lx + 34}" dy="{0 if j == 0 else 15}">{e(line)}</tspan>' for j, line in enumerate(lines))
        out.append(f'<text class="cmp-name" x="{lx + 34}" y="{_f(y + 12)}" fill="{C_TEXT}" font-size="12"{weight}>{spans}</text>')
        if other:
            oy = y + 12 + 15 * len(lines) - 2
            spans = "".join(f'<tspan x="{lx + 34}" dy="{0 if j == 0 else 13}">{e(line)}</tspan>' for j, line in enumerate(other))
            out.append(f'<text class="cmp-name-other" x="{lx + 34}" y="{_f(oy)}" fill="{C_AXIS}" font-size="11">{spans}</text>')
        out.append("</g>")
        y += h
    out.append("</g>")
    out.append("</svg>")
    return Markup("".join(out))


def comparison_chart(chart_id: str, comparison: dict, *, lang: str = "en", indicator_name: str = "",
                     source_number: Callable[[str], int | None] | None = None,
                     styles: dict[str, int] | None = None) -> Markup | None:
    """The peer-comparison chart for one target from a :func:`planwatch.compare.peers.plan_comparisons` entry.

    The first row is the plan's own region and is highlighted. Every marker's tooltip names its year, value
    and source number, and the marker links to that entry of the report's source list. ``styles`` (region id →
    index into :data:`SERIES_STYLES`) keeps a region's colour, dashes and marker the same across charts."""
    w = _CMP_WORDS["zh" if lang == "zh" else "en"]
    unit = str(comparison.get("unit") or "")
    series: list[CompareSeries] = []
    summary: list[str] = []
    for n, row in enumerate(comparison.get("rows") or []):
        names = (row.get("name_zh"), row.get("name_en")) if lang == "zh" else (row.get("name_en"), row.get("name_zh"))
        name = names[0] or names[1] or str(row.get("region") or "?")
        other = names[1] if names[0] and names[1] and names[1] != names[0] else None
        srcs = {int(y): u for y, u in (row.get("sources") or {}).items()}
        pts = []
        for y, v in sorted((int(y), v) for y, v in (row.get("values") or {}).items()):
            if v is None or not math.isfinite(float(v)):
                continue
            num = source_number(srcs[y]) if source_number and srcs.get(y) else None
            tip = f"{name} {y}: {humanize(float(v), unit, lang)}" + (f" — {w['source']} [{num}]" if num else "")
            pts.append((y, float(v), tip, f"#src-{num}" if num else None))
        key = str(row.get("region") or "")
        series.append(CompareSeries(key, name, other, pts, highlight=n == 0, style=(styles or {}).get(key)))
        if pts:
            summary.append(f"{name} {pts[0][0]}–{pts[-1][0]}, {w['latest']} {humanize(pts[-1][1], unit, lang)} ({pts[-1][0]})")
    if not any(s.points for s in series):
        return None
    names = "、".join(s.label for s in series) if lang == "zh" else ", ".join(s.label for s in series)
    title = f"{indicator_name} — {w['title']}: {names}" if indicator_name else names
    sep = ";" if lang == "zh" else "; "
    return render_comparison_svg(chart_id, title, sep.join(summary) + ".", unit, series, lang)
