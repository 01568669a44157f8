"""Inline SVG charts for a composite index, in the report's house style (see :mod:`.charts`).

- :func:`rank_bars`: one row per unit in rank order — a bar for the index score, and beside it the unit's
  rank with its 5–95% Monte Carlo interval (whisker) and median (hollow dot), as COINr's uncertainty plot.
- :func:`radar`: the unit's scores on the pillars (the level below the index, or any level) as a polygon,
  against the median unit (dashed), so strengths and weaknesses show as shape.

Every text is escaped here, so the SVG can be inserted into a page as it is.
"""

from __future__ import annotations

import math

import numpy as np
from markupsafe import Markup, escape

from ..compare.index.pipeline import IndexRun
from .charts import C_AXIS, C_GRID, C_OBS, C_TEXT, SERIES_STYLES, _f, _text_width, nice_ticks

FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', sans-serif"
ROW = 18


def _svg_open(chart_id: str, width: float, height: float, title: str, desc: str, css: str = "chart index-chart",
              at: tuple[float, float] | None = None) -> list[str]:
    """The opening of an accessible ``<svg>``; ``at`` places it inside another SVG at (x, y), full size."""
    e = escape
    box = f'x="{_f(at[0])}" y="{_f(at[1])}" width="{_f(width)}" height="{_f(height)}"' if at else 'width="100%"'
    return [f'<svg class="{css}" id="{e(chart_id)}" viewBox="0 0 {_f(width)} {_f(height)}" {box} role="img" '
            f'aria-labelledby="{e(chart_id)}-title {e(chart_id)}-desc" xmlns="http://www.w3.org/2000/svg" '
            f'font-family="{FONT}" font-size="12" preserveAspectRatio="xMidYMid meet">',
            f'<title id="{e(chart_id)}-title">{e(title)}</title>', f'<desc id="{e(chart_id)}-desc">{e(desc)}</desc>']


def rank_bars(run: IndexRun, chart_id: str = "index-ranks", title: str | None = None) -> Markup:
    """Index scores as bars, and ranks with their Monte Carlo intervals, one row per unit."""
    e = escape
    tree, root = run.tree, run.tree.root
    score = run.scores[:, root]
    order = list(np.lexsort((np.array(run.units), np.nan_to_num(run.ranks[:, root], nan=1e9), run.reference)))
    labels = [f"{'—' if np.isnan(run.ranks[i, root]) else int(run.ranks[i, root])}  {run.names[i]}" for i in order]
    label_w = min(260.0, max(_text_width(s, 12) for s in labels) + 14)
    width, gap, rank_w = 900.0, 56.0, 240.0
    bar_w = width - label_w - gap - rank_w - 20
    top, n = 46.0, len(order)
    height = top + ROW * n + 40
    finite = score[np.isfinite(score)]
    lo = min(0.0, float(finite.min())) if finite.size else 0.0
    hi = float(finite.max()) if finite.size else 1.0
    ticks, dec = nice_ticks(lo, hi, 4)
    t_lo, t_hi = ticks[0], ticks[-1]
    x0 = label_w

    def bx(v: float) -> float:
        return x0 + (v - t_lo) / (t_hi - t_lo) * bar_w

    unc = run.uncertainty
    n_ranked = int((~run.reference).sum())
    rx0 = x0 + bar_w + gap

    def rx(r: float) -> float:  # rank 1 on the left
        return rx0 + (r - 1) / max(n_ranked - 1, 1) * rank_w

    desc = f"{n} units ranked by {tree.names[root]}" + (
        f"; whiskers: 5–95% rank range over {unc.evaluations} Monte Carlo replications" if unc is not None else "")
    out = _svg_open(chart_id, width, height, title or f"{tree.names[root]}: scores and ranks", desc)
    out.append(f'<text x="{_f(x0)}" y="16" font-weight="600" fill="{C_TEXT}">{e(tree.names[root])} score</text>')
    out.append(f'<text x="{_f(rx0)}" y="16" font-weight="600" fill="{C_TEXT}">Rank'
               + (" (median ○, 5–95% range)" if unc is not None else "") + "</text>")
    for t in ticks:
        xx = bx(t)
        out.append(f'<line x1="{_f(xx)}" x2="{_f(xx)}" y1="{top - 6}" y2="{_f(top + ROW * n)}" stroke="{C_GRID}"/>')
        out.append(f'<text x="{_f(xx)}" y="{top - 10}" text-anchor="middle" fill="{C_AXIS}" font-size="11">{t:,.{dec}f}</text>')
    step_ticks = range(1, n_ranked + 1) if n_ranked <= 12 else (t for t in range(5, n_ranked, 5) if n_ranked - t >= 3)
    for r in sorted({1, max(n_ranked, 1), *step_ticks}):
        out.append(f'<line x1="{_f(rx(r))}" x2="{_f(rx(r))}" y1="{top - 6}" y2="{_f(top + ROW * n)}" stroke="{C_GRID}"/>')
        out.append(f'<text x="{_f(rx(r))}" y="{top - 10}" text-anchor="middle" fill="{C_AXIS}" font-size="11">{r}</text>')
    for row, i in enumerate(order):
        y = top + row * ROW
        cy = y + ROW / 2
        ref = bool(run.reference[i])
        colour = C_AXIS if ref else C_OBS
        out.append(f'<g class="unit-row" data-unit="{e(run.units[i])}">')
        out.append(f'<text x="{_f(x0 - 8)}" y="{_f(cy + 4)}" text-anchor="end" fill="{C_TEXT}">{e(labels[row])}</text>')
        if np.isfinite(score[i]):
            w = max(bx(score[i]) - bx(max(t_lo, 0.0)), 0.5)
            tip = f"{run.names[i]}: {score[i]:,.2f}" + (" (reference, not ranked)" if ref else "")
            out.append(f'<rect x="{_f(bx(max(t_lo, 0.0)))}" y="{_f(y + 3)}" width="{_f(w)}" height="{ROW - 6}" fill="{colour}" '
                       f'fill-opacity="{0.45 if ref else 0.85}"><title>{e(tip)}</title></rect>')
        if not ref and np.isfinite(run.ranks[i, root]):
            nom = run.ranks[i, root]
            if unc is not None and np.isfinite(unc.q05[i]):
                tip = (f"{run.names[i]}: rank {int(nom)}, median {unc.median[i]:g}, "
                       f"5–95% {unc.q05[i]:g}–{unc.q95[i]:g}")
                out.append(f'<line x1="{_f(rx(unc.q05[i]))}" x2="{_f(rx(unc.q95[i]))}" y1="{_f(cy)}" y2="{_f(cy)}" '
                           f'stroke="{SERIES_STYLES[1][0]}" stroke-width="3" stroke-linecap="round"><title>{e(tip)}</title></line>')
                out.append(f'<circle cx="{_f(rx(unc.median[i]))}" cy="{_f(cy)}" r="4.5" fill="#fff" '
                           f'stroke="{SERIES_STYLES[1][0]}" stroke-width="2"/>')
            out.append(f'<circle cx="{_f(rx(nom))}" cy="{_f(cy)}" r="3" fill="{C_OBS}"><title>rank {int(nom)}</title></circle>')
        out.append("</g>")
    note = "bars: score; dot: rank" + ("; ring: median rank; line: 5–95% rank range" if unc is not None else "")
    out.append(f'<text x="{_f(x0)}" y="{_f(height - 12)}" fill="{C_AXIS}" font-size="11">{e(note)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _pillars(run: IndexRun, level: str | None) -> list[int]:
    tree = run.tree
    if level:
        return tree.nodes_at(level)
    if len(tree.level_names) >= 3:
        return tree.nodes_at(2)
    return [int(c) for c in tree.children[tree.root]]


def radar(run: IndexRun, unit: str, level: str | None = None, size: float = 300.0, chart_id: str | None = None,
          at: tuple[float, float] | None = None) -> Markup:
    """The unit's scores on each pillar as a polygon, with the median unit dashed for reference."""
    e = escape
    tree = run.tree
    cols = _pillars(run, level)
    i = run.units.index(unit)
    vals = run.scores[:, cols]
    hi = float(np.nanmax(vals)) if np.isfinite(vals).any() else 1.0
    lo = min(0.0, float(np.nanmin(vals))) if np.isfinite(vals).any() else 0.0
    ticks, _ = nice_ticks(lo, hi, 4)
    r_lo, r_hi = ticks[0], ticks[-1]
    cx = cy = size / 2
    rad = size / 2 - 58
    k = len(cols)

    def point(j: int, v: float) -> tuple[float, float]:
        a = -math.pi / 2 + 2 * math.pi * j / k
        rr = 0.0 if not np.isfinite(v) else (v - r_lo) / (r_hi - r_lo) * rad
        return cx + rr * math.cos(a), cy + rr * math.sin(a)

    median = np.nanmedian(np.where(run.reference[:, None], np.nan, vals), axis=0) if (~run.reference).any() else vals[0]
    cid = chart_id or f"radar-{unit}"
    desc = "; ".join(f"{tree.names[c]} {run.scores[i, c]:,.1f}" for c in cols if np.isfinite(run.scores[i, c]))
    out = _svg_open(cid, size, size + 10, f"{run.names[i]}: {tree.level_name(cols[0])} scores", desc, "chart radar-chart", at)
    for t in ticks[1:]:
        ring = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(j, t) for j in range(k)))
        out.append(f'<polygon points="{ring}" fill="none" stroke="{C_GRID}"/>')
    for j, c in enumerate(cols):
        x, y = point(j, r_hi)
        out.append(f'<line x1="{_f(cx)}" y1="{_f(cy)}" x2="{_f(x)}" y2="{_f(y)}" stroke="{C_GRID}"/>')
        lx, ly = point(j, r_hi + (r_hi - r_lo) * 0.12)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        name = tree.names[c] if _text_width(tree.names[c], 10) < 110 else tree.ids[c]
        out.append(f'<text x="{_f(lx)}" y="{_f(ly + 4)}" text-anchor="{anchor}" fill="{C_AXIS}" font-size="10">{e(name)}</text>')
    med = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(j, median[j]) for j in range(k)))
    out.append(f'<polygon class="radar-median" points="{med}" fill="none" stroke="{C_AXIS}" stroke-dasharray="4 3">'
               f'<title>median unit</title></polygon>')
    own = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(j, run.scores[i, c]) for j, c in enumerate(cols)))
    out.append(f'<polygon class="radar-unit" points="{own}" fill="{C_OBS}" fill-opacity="0.25" stroke="{C_OBS}" stroke-width="2"/>')
    for j, c in enumerate(cols):
        v = run.scores[i, c]
        if np.isfinite(v):
            x, y = point(j, v)
            out.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3" fill="{C_OBS}"><title>{e(tree.names[c])}: {v:,.1f}</title></circle>')
    rank = run.ranks[i, tree.root]
    head = f"{run.names[i]}" + (f" — rank {int(rank)}" if np.isfinite(rank) else " (reference)")
    out.append(f'<text x="{_f(cx)}" y="{_f(size + 4)}" text-anchor="middle" fill="{C_TEXT}" font-weight="600">{e(head)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def radar_grid(run: IndexRun, units: list[str] | None = None, level: str | None = None, columns: int = 3) -> Markup:
    """Radars of several units side by side in one SVG (for ``--radar FILE``)."""
    chosen = units or list(run.units)
    size = 300.0
    rows = math.ceil(len(chosen) / columns)
    width, height = size * min(columns, len(chosen)), (size + 10) * rows
    out = _svg_open("index-radars", width, height, f"{run.tree.names[run.tree.root]}: pillar profiles",
                    f"pillar scores of {len(chosen)} units")
    for k, u in enumerate(chosen):
        out.append(str(radar(run, u, level, size, chart_id=f"radar-{k}", at=((k % columns) * size, (k // columns) * (size + 10)))))
    out.append("</svg>")
    return Markup("".join(out))
