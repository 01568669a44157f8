"""Report sections about evidence: statements as intervals, conflicting figures, figures on other definitions,
the verdict timeline, tasks and the goal with their sourced evidence and status, and the coverage matrix.

Kept apart from :mod:`.report` (the scorecard and target sections) so each module holds one part of the page.
Every entry cites a numbered source from the report's source list.
"""

from __future__ import annotations

from ..plans.model import FOUR_ORIENTATIONS
from ..units import humanize

STATUS_LABEL = {"not_started": ("not started", "未启动"), "in_progress": ("in progress", "推进中"),
                "achieved": ("achieved", "已完成"), "unclear": ("unclear", "不明确"), None: ("not set", "未设定")}
EVIDENCE_KIND_LABEL = {"achieved": ("achieved", "已实现"), "announced": ("announced", "已宣布"),
                       "assessment": ("assessment", "评价"), "ranking": ("ranking", "排名")}
CONFIDENCE_LABEL = {"high": ("high", "高"), "medium": ("medium", "中"), "low": ("low", "低"), None: ("—", "—")}
DECIDED_LABEL = {"figure": ("the deadline year's figure", "截止年份数据"), "projection": ("a projection", "推算"),
                 "statement": ("an official statement for the deadline year", "截止年份的官方表述"),
                 "rank": ("a rank", "排名"), "none": ("nothing yet", "尚无依据")}
USED_LABEL = {"decides": ("decides the verdict", "决定结论"), "conditions": ("the projection is conditioned on it", "用于修正推算"),
              "shown": ("shown", "列示")}
COVERAGE_MARK = {"figure": "●", "derived": "◐", "statement": "≈", "words": "w", "gap": "·"}


def pick(pair: tuple[str, str], lang: str) -> tuple[str, str]:
    return (pair[1], pair[0]) if lang == "zh" else pair


def text(d: dict, lang: str) -> str:
    return (d.get("zh") if lang == "zh" else d.get("en")) or d.get("en") or d.get("zh") or ""


def statements(ta, sources, lang: str) -> list[dict]:
    """Official statements with a number (as the interval they mean) and words without one."""
    unit = ta.indicator_unit
    out = []
    for s in ta.statements:
        lo = humanize(s.low, unit, lang) if s.low is not None else "…"
        hi = humanize(s.high, unit, lang) if s.high is not None else "…"
        out.append({"year": s.point.period, "quote": s.point.quote, "interval": f"{lo} – {hi}",
                    "used": pick(USED_LABEL[s.used], lang), "publisher": s.point.source.publisher,
                    "confidence": s.point.confidence or "—", "note": s.point.note, "source": sources.add(s.point.source)})
    for p in ta.evidence:
        out.append({"year": p.period, "quote": p.quote, "interval": None, "used": pick(USED_LABEL["shown"], lang),
                    "publisher": p.source.publisher, "confidence": p.confidence or "—", "note": p.note,
                    "source": sources.add(p.source)})
    return sorted(out, key=lambda r: r["year"])


def conflicts(ta, sources, lang: str) -> list[dict]:
    return [{"year": c.period, "text": text(c.text, lang),
             "sources": [sources.add(p.source) for p in (c.current, c.other) if p is not None]} for c in ta.conflicts]


def verdict_facts(ta, lang: str) -> dict:
    return {"confidence": pick(CONFIDENCE_LABEL[ta.confidence], lang), "decided_by": pick(DECIDED_LABEL[ta.decided_by], lang),
            "basis": text(ta.basis, lang) if ta.basis else None}


def timeline(tl, verdict_label: dict, lang: str) -> dict | None:
    if tl is None:
        return None
    rows = []
    for p in tl.points:
        label = verdict_label[p.verdict]
        rows.append({"date": p.date, "verdict": p.verdict, "label": pick(label, lang), "provisional": p.provisional,
                     "probability": None if p.probability is None else f"{p.probability:.0%}", "trigger": p.trigger})
    return {"summary": text(tl.summary, lang), "summary_other": text(tl.summary, "en" if lang == "zh" else "zh"),
            "rows": rows}


def subjects(result, sources, lang: str) -> tuple[list[dict], list[dict]]:
    """(tasks, goals) with their status, reasons and evidence, each entry citing its source."""
    tasks, goals = [], []
    for s in result.subjects:
        entries = [{"date": e.date, "kind": e.kind, "text": text(e.text, lang), "quote": e.quote,
                    "ranking": e.ranking, "source": sources.add(e.source)} for e in s.evidence]
        last = s.status_history[-1] if s.status_history else None
        item = {"id": s.id, "title": text(s.title, lang), "title_other": text(s.title, "en" if lang == "zh" else "zh"),
                "status": s.status, "status_label": pick(STATUS_LABEL[s.status], lang),
                "reason": last.reason if last else None, "set_by": last.set_by if last else None,
                "set_at": last.set_at[:10] if last else None, "evidence": entries, "deadline": s.deadline,
                "orientations": [(o, *pick(FOUR_ORIENTATIONS[o], lang)) for o in s.orientations]}
        (tasks if s.kind == "task" else goals).append(item)
    return tasks, goals


def coverage(cov, regions_name, lang: str) -> dict | None:
    if cov is None:
        return None
    return {"years": cov.years, "filled": cov.filled, "total": cov.total,
            "rows": [{"target": r.target_id, "region": regions_name(r.region), "own": r.own,
                      "cells": [(y, r.cells[y], COVERAGE_MARK[r.cells[y]]) for y in cov.years],
                      "filled": f"{r.filled}/{r.total}"} for r in cov.rows]}
