"""``planwatch history`` (verdict timelines) and ``planwatch backtest`` (calibration of projection models)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from ..cli import DEFAULT_PLAN, DbOpt, FmtOpt, LangOpt, _check_format, _check_lang, _store
from ..errors import PlanwatchError


def register(app: typer.Typer) -> None:
    @app.command("history")
    def history_cmd(target: Annotated[str | None, typer.Argument(help="Target id (default: every target).")] = None,
                    plan: Annotated[str, typer.Option("--plan", help="Plan id or file.")] = DEFAULT_PLAN,
                    fmt: FmtOpt = "table", db: DbOpt = None, lang: LangOpt = "en") -> None:
        """The verdict timeline: each target's verdict as it was known at every year-end since the plan was
        issued and on every day a figure for it was published."""
        from ..assess.timeline import verdict_timelines
        from ..plans.loader import get_plan
        from ..publish.listing import VERDICT_LABEL, render
        from ..units import humanize

        _check_format(fmt)
        _check_lang(lang)
        store = _store(db, plan)
        p = get_plan(plan, store)
        ids = [t.id for t in p.targets]
        if target is not None and target not in ids:
            raise PlanwatchError(f"no target {target!r} in plan {p.id}; targets: {', '.join(ids)}")
        timelines = verdict_timelines(store, p, target_ids=[target] if target else None)
        if fmt == "json":
            render([], fmt, json_payload=[t.model_dump(mode="json") for t in timelines])
            return
        rows = []
        for tl in timelines:
            t = p.target(tl.target_id)
            for pt in tl.points:
                unit = "%" if t.measure == "average_annual_growth" else ("rank" if t.measure == "rank" else None)
                rows.append({"target": tl.target_id, "date": pt.date,
                             "verdict": VERDICT_LABEL[pt.verdict][1 if lang == "zh" else 0] + (" *" if pt.provisional else ""),
                             "probability": None if pt.probability is None else round(pt.probability, 3),
                             "confidence": pt.confidence or "", "latest_year": pt.latest_year,
                             "latest": "" if pt.latest_value is None else humanize(pt.latest_value, unit or _unit_of(p, t), lang),
                             "trigger": pt.trigger})
        if fmt == "csv":
            render(rows, fmt)
            return
        render(rows, "table", [("target", "Target"), ("date", "As known on"), ("verdict", "Verdict"),
                               ("probability", "P(met)"), ("confidence", "Confidence"), ("latest", "Latest"),
                               ("latest_year", "Year"), ("trigger", "What changed")], title="Verdict timeline")
        for tl in timelines:
            typer.echo(f"{tl.target_id}: {tl.summary[lang if lang in tl.summary else 'en']}")

    @app.command("backtest")
    def backtest_cmd(fmt: FmtOpt = "table", db: DbOpt = None,
                     synthetic: Annotated[int, typer.Option("--synthetic", help="Series in the synthetic panel "
                                                           "from a known process (0: skip).")] = 2000,
                     ets: Annotated[bool, typer.Option("--ets/--no-ets", help="Also score statsmodels' ETS "
                                                       "(slow; real data only).")] = True,
                     since: Annotated[int, typer.Option("--since", help="First vintage year-end.")] = 2010) -> None:
        """Pseudo-real-time forecasts of every stored series by each projection model, scored against what was
        published later: 80% coverage, MASE and the Brier score of P(met), per model and horizon."""
        from ..assess.backtest import recommend, run_backtest
        from ..publish.listing import render

        _check_format(fmt)
        store = _store(db)
        from ..sources.builtin import load_all

        load_all(store)  # the sourced series planwatch ships are part of every backtest
        result = run_backtest(store, since=since, synthetic=synthetic, ets=ets, progress=fmt == "table")
        if fmt == "json":
            render([], fmt, json_payload=result)
            return
        rows = [{"panel": name, **r} for name, part in (("stored series", result["store"]),
                                                        ("synthetic", result["synthetic"])) for r in part["rows"]]
        for r in rows:
            for k in ("coverage_80", "mase", "brier"):
                r[k] = None if r[k] is None else round(r[k], 3)
        if fmt == "csv":
            render(rows, fmt)
            return
        render(rows, "table", [("panel", "Panel"), ("model", "Model"), ("horizon", "Years ahead"),
                               ("forecasts", "Forecasts"), ("coverage_80", "80% coverage"), ("mase", "MASE"),
                               ("brier", "Brier P(met)")], title="Backtest of projection models")
        rec = recommend(result)
        typer.echo(f"stored series: {result['store']['series']} ({', '.join(result['store']['labels'][:8])}"
                   f"{'…' if len(result['store']['labels']) > 8 else ''}); vintages: year-ends {since}–{dt.date.today().year - 1}")
        typer.echo(rec["text"])


def _unit_of(plan, target) -> str:
    from ..plans.catalogue import catalogue_for

    return catalogue_for(plan).indicator(target.indicator).unit
