"""``planwatch coverage``, ``planwatch tasks``, ``planwatch evidence add`` and ``planwatch task status``: what
evidence a plan's verdicts, tasks and goals rest on, and how editors add to it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli import DEFAULT_PLAN, DbOpt, FmtOpt, LangOpt, PlanArg, _check_format, _store
from ..errors import PlanwatchError

# column headings of these listings in the two languages planwatch speaks (status and evidence-kind words are
# the report's, so the CLI, the report and the pages say the same)
_LABELS = {
    "Task / goal": "任务/目标", "Date": "日期", "Kind": "类型", "Evidence": "证据", "Publisher": "发布机构",
    "Published": "发布日期", "Address": "网址", "Title": "标题", "Status": "状态", "Entries": "条目", "Latest": "最新",
    "Why this status": "状态依据", "Tasks and goal": "任务与目标", "Target": "目标", "Region": "地区", "Filled": "已填",
}


def _t(label: str, lang: str) -> str:
    return _LABELS.get(label, label) if lang == "zh" else label


def _word(table: dict, key, lang: str) -> str:
    """A status or evidence kind in ``lang`` (the report's words); the key itself in English listings."""
    if lang != "zh":
        return key if key is not None else "not set"
    return table.get(key, (key, key))[1]


task_app = typer.Typer(help="Set the status of a plan's tasks and goal from their evidence.", no_args_is_help=True)
evidence_app = typer.Typer(help="Dated, sourced evidence for a plan's tasks and goal.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(task_app, name="task")
    app.add_typer(evidence_app, name="evidence")

    @app.command("coverage")
    def coverage_cmd(plan: PlanArg = DEFAULT_PLAN, fmt: FmtOpt = "table", db: DbOpt = None,
                     since: Annotated[int | None, typer.Option("--since", help="First year (default: 8 years before the "
                                                               "plan was issued).")] = None,
                     peers: Annotated[bool, typer.Option("--peers/--no-peers", help="Also the peers' rows.")] = True,
                     lang: LangOpt = "en") -> None:
        """Which cells have evidence: per target, region and year, a figure (●), a derived figure (◐), an official
        statement (≈), words only (w) or a gap (·), with the count of filled cells."""
        from ..assess.coverage import MARK, coverage, target_indicators
        from ..plans.catalogue import catalogue_for
        from ..plans.loader import get_plan
        from ..publish.listing import render

        _check_format(fmt)
        store = _store(db, plan)
        p = get_plan(plan, store)
        cat = catalogue_for(p, store)
        ids = {i for t in p.targets for i in target_indicators(t, cat)}
        cov = coverage(p, cat, store.observations(indicators=ids), first_year=since, peers=peers)
        if fmt == "json":
            render([], fmt, json_payload=cov.model_dump(mode="json"))
            return
        rows = [{"target": r.target_id, "region": r.region, **{str(y): (r.cells[y] if fmt == "csv" else MARK[r.cells[y]])
                                                               for y in cov.years},
                 "filled": f"{r.filled}/{r.total}"} for r in cov.rows]
        if fmt == "csv":
            render(rows, fmt)
            return
        title = (f"Coverage of {p.id}: {cov.filled} of {cov.total} {p.region} cells have a figure" if lang == "en" else
                 f"{p.id} 数据覆盖:{p.region} {cov.total} 个单元格中 {cov.filled} 个有数值")
        render(rows, "table", [("target", _t("Target", lang)), ("region", _t("Region", lang))]
               + [(str(y), str(y)[2:]) for y in cov.years] + [("filled", _t("Filled", lang))], title=title)
        typer.echo("● figure  ◐ derived  ≈ official statement  w words only  · gap" if lang == "en" else
                   "● 数值  ◐ 推算值  ≈ 官方表述  w 仅文字  · 缺口")

    @app.command("tasks")
    def tasks_cmd(plan: PlanArg = DEFAULT_PLAN, fmt: FmtOpt = "table", db: DbOpt = None, lang: LangOpt = "en",
                  evidence: Annotated[bool, typer.Option("--evidence", help="List every evidence entry.")] = False,
                  as_of: Annotated[str | None, typer.Option("--as-of")] = None) -> None:
        """The plan's tasks and goal: status (who set it and why) and the dated, sourced evidence behind it."""
        from ..cli import _assess
        from ..publish.listing import render
        from ..publish.report_evidence import EVIDENCE_KIND_LABEL, STATUS_LABEL

        _check_format(fmt)
        _, result = _assess(plan, db, as_of)
        if fmt == "json":
            render([], fmt, json_payload=[s.model_dump(mode="json") for s in result.subjects])
            return
        if evidence or fmt == "csv":
            rows = [{"subject": s.id, "date": e.date,
                     "kind": _word(EVIDENCE_KIND_LABEL, e.kind, lang) if fmt == "table" else e.kind,
                     "text": e.text.get(lang) or e.text.get("en") or "",
                     "quote": e.quote, "publisher": e.source.publisher, "url": e.source.url, "published": e.source.published}
                    for s in result.subjects for e in s.evidence]
            cols = [("subject", "Task / goal"), ("date", "Date"), ("kind", "Kind"), ("text", "Evidence"),
                    ("publisher", "Publisher"), ("published", "Published"), ("url", "Address")]
            render(rows, fmt, [(k, _t(v, lang)) for k, v in cols] if fmt == "table" else None,
                   title=_t("Evidence", lang))
            return
        rows = [{"id": s.id, "kind": s.kind, "title": (s.title.get(lang) or s.title.get("en") or "")[:90],
                 "status": _word(STATUS_LABEL, s.status, lang), "reason": s.status_history[-1].reason[:120] if s.status_history else "",
                 "evidence": len(s.evidence), "latest": s.evidence[-1].date if s.evidence else ""} for s in result.subjects]
        cols = [("id", "Task / goal"), ("title", "Title"), ("status", "Status"), ("evidence", "Entries"),
                ("latest", "Latest"), ("reason", "Why this status")]
        render(rows, "table", [(k, _t(v, lang)) for k, v in cols], title=_t("Tasks and goal", lang))

    @evidence_app.command("add")
    def evidence_add(file: Annotated[Path, typer.Argument(help="Evidence YAML (docs/evidence-format.md).")],
                     db: DbOpt = None, by: Annotated[str | None, typer.Option("--by", help="Who records it.")] = None) -> None:
        """Add dated, sourced evidence (and statuses) for a plan's tasks and goal; nothing stored is changed."""
        from ..plans.loader import get_plan, read_text_file
        from ..sources.evidence import load_evidence, parse_evidence_text

        doc = parse_evidence_text(read_text_file(file, "evidence file"), str(file))
        store = _store(db, doc.plan)
        added, skipped, n = load_evidence(store, doc, get_plan(doc.plan, store), recorded_by=by)
        typer.echo(f"{added} entr{'y' if added == 1 else 'ies'} added, {skipped} already stored, {n} status(es) set")

    @task_app.command("status")
    def task_status(subject: Annotated[str, typer.Argument(help="Task or goal id.")],
                    status: Annotated[str, typer.Argument(help="not_started, in_progress, achieved or unclear")],
                    reason: Annotated[str, typer.Option("--reason", help="Why, from the evidence.")],
                    plan: Annotated[str, typer.Option("--plan")] = DEFAULT_PLAN, db: DbOpt = None,
                    by: Annotated[str | None, typer.Option("--by", help="Who sets it.")] = None) -> None:
        """Set a task's or the goal's status (the earlier statuses stay in its history)."""
        from ..plans.loader import get_plan
        from ..store.evidence import set_status

        store = _store(db, plan)
        p = get_plan(plan, store)
        known = [t.id for t in p.tasks] + [g.id for g in p.goals]
        if subject not in known:
            raise PlanwatchError(f"no task or goal {subject!r} in plan {p.id}; known: {', '.join(known)}")
        set_status(store, p.id, subject, status, reason, by)
        typer.echo(f"{subject}: {status}")
