"""Small trend charts for the scorecard: the figures of a target as a sparkline with the target level, as
inline SVG (no script). The full chart of a target page is the report's (:func:`publish.charts.chart_for_target`).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..assess.model import TargetAssessment

W, H, PAD = 120, 32, 3


def sparkline(ta: TargetAssessment, label: str) -> Markup | None:
    """The target's figures (growth figures for a growth target) and the target value as a dashed line."""
    growth = ta.measure == "average_annual_growth"
    pts = sorted((p.period, p.value) for p in (ta.growth_series if growth else ta.series) if p.value is not None)
    if len(pts) < 2 or ta.measure == "rank":
        return None
    target = ta.target_value if growth else ta.target_value_in_indicator_unit
    values = [v for _, v in pts] + ([target] if target is not None else [])
    lo, hi = min(values), max(values)
    span = (hi - lo) or abs(hi) or 1.0
    x0, x1 = pts[0][0], max(pts[-1][0], ta.deadline)

    def x(year: float) -> float:
        return PAD + (year - x0) / ((x1 - x0) or 1) * (W - 2 * PAD)

    def y(v: float) -> float:
        return H - PAD - (v - lo) / span * (H - 2 * PAD)

    path = " ".join(f"{'M' if i == 0 else 'L'}{x(a):.1f},{y(b):.1f}" for i, (a, b) in enumerate(pts))
    parts = [f'<svg class="spark" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-label="{escape(label)}">']
    if target is not None:
        parts.append(f'<line x1="{PAD}" x2="{W - PAD}" y1="{y(target):.1f}" y2="{y(target):.1f}" stroke="#1a7f37" '
                     'stroke-dasharray="3 2" stroke-width="1"/>')
    parts.append(f'<path d="{path}" fill="none" stroke="#1f4e79" stroke-width="1.6"/>')
    lx, ly = x(pts[-1][0]), y(pts[-1][1])
    parts.append(f'<circle cx="{lx:.1f}" cy="{ly:.1f}" r="2.2" fill="#1f4e79"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def spark_label(ta: TargetAssessment, lang: str) -> str:
    from ..units import humanize

    growth = ta.measure == "average_annual_growth"
    unit = "%" if growth else ta.indicator_unit
    pts = sorted((p.period, p.value) for p in (ta.growth_series if growth else ta.series) if p.value is not None)
    if not pts:
        return ""
    (a, va), (b, vb) = pts[0], pts[-1]
    if lang == "zh":
        return f"趋势:{a}年 {humanize(va, unit, lang)} → {b}年 {humanize(vb, unit, lang)}"
    return f"Trend: {humanize(va, unit, lang)} in {a} → {humanize(vb, unit, lang)} in {b}"
