"""The ``planwatch`` command line. Heavy libraries (SQLAlchemy, pint, Jinja) load only inside commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .errors import PlanwatchError

app = typer.Typer(
    help="planwatch: a policy plan as a living scorecard — targets, sourced data, verdicts, reports.",
    no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False,
)
plan_app = typer.Typer(help="Work with plan files: validate, add, schema.", no_args_is_help=True)
app.add_typer(plan_app, name="plan")

DEFAULT_PLAN = "beijing-istic-2025"
DbOpt = Annotated[str | None, typer.Option("--db", help="Database path or URL (default: PLANWATCH_DATABASE_URL, "
                                          "else planwatch.sqlite in your data folder).")]
FmtOpt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
PlanArg = Annotated[str, typer.Argument(help="Plan id or plan file (default: the built-in Beijing plan).")]


def _lang_option(value: str) -> str:
    if value not in ("en", "zh"):
        raise typer.BadParameter(f"unknown language {value!r}; use en or zh")
    return value


LangOpt = Annotated[str, typer.Option("--lang", help="Labels in en or zh.", callback=_lang_option)]


def _check_format(fmt: str) -> str:
    from .publish.listing import FORMATS

    if fmt not in FORMATS:
        raise PlanwatchError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return fmt


def _check_lang(lang: str) -> str:
    if lang not in ("en", "zh"):
        raise PlanwatchError(f"unknown language {lang!r}; use en or zh")
    return lang


def _store(db: str | None, plan_id: str | None = None):
    """Open the store; a built-in plan about to be used brings its sourced data along (once per version)."""
    from .sources.builtin import ensure_builtin
    from .store.repository import Store

    store = Store.open(db)
    if plan_id is not None:
        ensure_builtin(store, plan_id)
    return store


def _catalogue(store, plan_id: str | None):
    """The catalogue a command works with: one plan's (``--plan``), else everything the store knows."""
    from .plans.catalogue import catalogue_for, store_catalogue
    from .plans.loader import get_plan

    if plan_id:
        return catalogue_for(get_plan(plan_id, store), store)
    return store_catalogue(store)


def result_date(result):
    import datetime as dt

    return dt.date.fromisoformat(result.as_of)


def write_atomically(output: Path, text: str) -> None:
    """Write a file whole or not at all: a temporary file beside it, renamed into place, removed on failure."""
    if output.is_dir():
        raise PlanwatchError(f"{output} is a folder; give a file name, e.g. {output / 'report.html'}")
    if not output.parent.is_dir():
        raise PlanwatchError(f"cannot write {output}: the folder {output.parent} does not exist")
    tmp = output.with_name(output.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PlanwatchError(f"cannot write {output}: {exc.strerror}") from None


def _as_of(as_of: str | None):
    import datetime as dt

    if not as_of:
        return None
    try:
        return dt.date.fromisoformat(as_of)
    except ValueError:
        raise PlanwatchError(f"--as-of wants a date like 2026-01-31, not {as_of!r}") from None


def _assess(plan_id: str, db: str | None, as_of: str | None):
    from .assess.run import assess_plan
    from .plans.loader import get_plan

    store = _store(db, plan_id)
    plan = get_plan(plan_id, store)
    result = assess_plan(store, plan, _as_of(as_of))
    if all(t.verdict == "no_data" and not t.series and not t.growth_series and not t.statements for t in result.targets):
        from rich.console import Console

        Console(stderr=True).print(f"[yellow]No figures in the store for plan {plan.id} yet: import them with "
                                   f"`planwatch import FILE --plan {plan.id}` (docs/observations-format.md).[/]")
    return plan, result


# -- listings -------------------------------------------------------------------------------------------
@app.command("plans")
def plans_cmd(fmt: FmtOpt = "table", db: DbOpt = None) -> None:
    """List the plans planwatch knows (built-in and added to the store)."""
    from .plans.loader import get_plan, plan_ids
    from .publish.listing import render

    rows = []
    store = _store(db)
    for pid, origin in plan_ids(store):
        p = get_plan(pid, store)
        rows.append({"id": pid, "title_en": (p.short_title or p.title).en, "title_zh": (p.short_title or p.title).zh,
                     "region": p.region, "horizon": p.horizon, "targets": len(p.targets), "tasks": len(p.tasks),
                     "origin": origin})
    render(rows, _check_format(fmt), [("id", "Plan"), ("title_en", "Title"), ("title_zh", "标题"), ("region", "Region"),
                                      ("horizon", "Horizon"), ("targets", "Targets"), ("tasks", "Tasks"),
                                      ("origin", "Origin")], title="Plans / 规划")


@app.command("indicators")
def indicators_cmd(fmt: FmtOpt = "table", db: DbOpt = None,
                   plan: Annotated[str | None, typer.Option("--plan", help="Only the catalogue one plan is read "
                                                            "against.")] = None) -> None:
    """List the indicator catalogue with units, definitions (bases) and caveats."""
    from .publish.listing import render

    cat = _catalogue(_store(db), plan)
    rows = [{"id": i.id, "name_en": i.name.en, "name_zh": i.name.zh, "unit": i.unit, "kind": i.kind,
             "publisher": i.publisher, "breaks": ", ".join(map(str, i.breaks_for("*"))) if i.breaks else "",
             "bases": ", ".join(b.id for b in i.bases),
             "caveats": " | ".join(c.en or "" for c in i.caveats)} for i in cat.indicators.values()]
    render(rows, _check_format(fmt), [("id", "Indicator"), ("name_en", "Name"), ("name_zh", "名称"), ("unit", "Unit"),
                                      ("breaks", "Series breaks"), ("caveats", "Caveats")], title="Indicators / 指标")


@app.command("regions")
def regions_cmd(fmt: FmtOpt = "table", db: DbOpt = None,
                plan: Annotated[str | None, typer.Option("--plan", help="Only one plan's catalogue.")] = None) -> None:
    """List regions and peer groups."""
    from .publish.listing import render

    cat = _catalogue(_store(db), plan)
    groups = {r: [g.id for g in cat.peer_groups.values() if r in g.members] for r in cat.regions}
    rows = [{"id": r.id, "name_en": r.name.en, "name_zh": r.name.zh, "kind": r.kind, "parent": r.parent,
             "peer_groups": ", ".join(groups[r.id])} for r in cat.regions.values()]
    render(rows, _check_format(fmt), [("id", "Region"), ("name_en", "Name"), ("name_zh", "名称"), ("kind", "Kind"),
                                      ("peer_groups", "Peer groups")], title="Regions / 地区")


def _status_rows(result, lang: str) -> list[dict]:
    from .publish.listing import VERDICT_LABEL
    from .units import humanize

    rows = []
    for t in result.targets:
        unit = t.indicator_unit
        is_growth = t.measure == "average_annual_growth"
        is_rank = t.measure == "rank"
        cur_unit = "%" if is_growth else ("rank" if is_rank else unit)
        proj = t.projection
        rng = ""
        if proj and proj.low is not None:
            rng = f"{humanize(proj.low, cur_unit, lang)} – {humanize(proj.high, cur_unit, lang)}"
        rows.append({
            "target": t.target_id,
            "indicator": t.indicator_name.get(lang) or t.indicator_name.get("en"),
            "latest": humanize(t.current_value, cur_unit, lang) + (" (avg)" if is_growth and lang == "en" else ""),
            "year": t.current_year,
            "target_value": _target_text(t, lang),
            "deadline": t.deadline,
            "verdict": t.verdict,
            "verdict_label": VERDICT_LABEL[t.verdict][1 if lang == "zh" else 0] + (" *" if t.provisional else ""),
            "provisional": t.provisional,
            "probability": None if t.probability is None else round(t.probability, 3),
            "confidence": t.confidence or "",
            "decided_by": t.decided_by,
            "projection": humanize(proj.value, cur_unit, lang) if proj else "",
            "range_80": rng,
            "source": (t.latest.source.publisher if t.latest else ""),
        })
    return rows


def _target_text(t, lang: str) -> str:
    from .units import humanize

    words = {"around": ("around ", "左右"), "at_least": ("at least ", "不低于"), "more_than": ("more than ", "超过"),
             "at_most": ("at most ", "不超过"), "less_than": ("less than ", "低于"), "between": ("", ""),
             "rank_at_most": ("rank ≤ ", "排名前")}
    en, zh = words[t.comparator]
    if t.measure == "rank":
        return f"{en}{t.target_value:.0f}" if lang == "en" else f"{zh}{t.target_value:.0f}位"
    v = humanize(t.target_value, t.target_unit, lang)
    if t.comparator == "between":
        v = f"{v} – {humanize(t.target_value_high, t.target_unit, lang)}"
    if t.measure == "average_annual_growth":
        v += " a year" if lang == "en" else "/年"
    if lang == "zh":
        return f"{v}{zh}" if t.comparator == "around" else f"{zh}{v}"
    return en + v


@app.command("status")
def status_cmd(plan: PlanArg = DEFAULT_PLAN, fmt: FmtOpt = "table", db: DbOpt = None, lang: LangOpt = "en",
               as_of: Annotated[str | None, typer.Option("--as-of", help="Judge as of this date (YYYY-MM-DD).")] = None
               ) -> None:
    """The scorecard: each target's latest value, verdict and projection."""
    from .publish.listing import VERDICT_STYLE, render

    _check_format(fmt)
    p, result = _assess(plan, db, as_of)
    rows = _status_rows(result, lang)
    if fmt == "json":
        render(rows, fmt, json_payload=_status_json(result))
        return
    cols = [("target", "Target" if lang == "en" else "目标"), ("latest", "Latest" if lang == "en" else "最新值"),
            ("year", "Year" if lang == "en" else "年份"), ("target_value", "Target value" if lang == "en" else "目标值"),
            ("deadline", "By" if lang == "en" else "期限"), ("verdict_label", "Verdict" if lang == "en" else "结论"),
            ("probability", "P(met)" if lang == "en" else "达标概率"), ("confidence", "Confidence" if lang == "en" else "可信度"),
            ("projection", "Projection" if lang == "en" else "预测"),
            ("range_80", "80% range" if lang == "en" else "80%区间")]
    if fmt == "csv":
        cols = [(k, k) for k in rows[0]] if rows else []
        render(rows, fmt, cols)
        return
    styles = {"verdict_label": {}}
    for r in rows:
        styles["verdict_label"][r["verdict_label"]] = VERDICT_STYLE[r["verdict"]]
    title = (p.short_title or p.title).best(lang) + (f" — as of {result.as_of}" if lang == "en" else f" — 截至{result.as_of}")
    render(rows, fmt, cols, title=title, styles=styles)
    from rich.console import Console

    console = Console()
    for t in result.targets:
        console.print(f"[bold]{t.target_id}[/]: {t.explanation.get(lang) or t.explanation['en']}")
    console.print("[dim]* provisional: the deadline year's figure is not yet published or is preliminary. "
                  "`planwatch show TARGET` gives the series, sources and reasoning.[/]")


def _status_json(result) -> dict:
    """The scorecard as JSON: verdicts and their reasoning; the evidence itself is `planwatch show TARGET`."""
    out = result.model_dump(mode="json", exclude={"targets": {"__all__": {"series", "growth_series", "peers",
                                                                           "other_basis", "evidence"}}})
    for t, ta in zip(out["targets"], result.targets, strict=True):
        t["conflicts"] = t["conflicts"][:5]
        t["conflict_count"] = len(ta.conflicts)
    return out


@app.command("show")
def show_cmd(target: Annotated[str, typer.Argument(help="Target, task or goal id (see `planwatch status`, "
                                                    "`planwatch tasks`).")],
             plan: Annotated[str, typer.Option("--plan", help="Plan id or file.")] = DEFAULT_PLAN,
             fmt: FmtOpt = "table", db: DbOpt = None, lang: LangOpt = "en",
             as_of: Annotated[str | None, typer.Option("--as-of")] = None) -> None:
    """One target: its series with sources, the reasoning, the established methods."""
    from .publish.listing import render

    _check_format(fmt)
    p, result = _assess(plan, db, as_of)
    found = [t for t in result.targets if t.target_id == target]
    subject = next((x for x in result.subjects if x.id == target), None)
    if subject is not None:
        from .compare.index.evidence import goal_evidence

        computed = goal_evidence(_store(db, plan), p.id, subject.id) if subject.kind == "goal" else None
        computed = {k: v for k, v in computed.items() if k != "run"} if computed else None
        _show_subject(subject, fmt, lang, computed)
        return
    if not found:
        ids = [t.target_id for t in result.targets] + [x.id for x in result.subjects]
        raise PlanwatchError(f"no target, task or goal {target!r} in plan {p.id}; known: {', '.join(ids)}")
    t = found[0]
    if fmt == "json":
        render([], fmt, json_payload=t.model_dump(mode="json"))
        return
    rows = _evidence_rows(t, lang)
    if fmt == "csv":
        render(rows, fmt)
        return
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{t.target_id}[/] — {t.indicator_name.get(lang) or t.indicator_name['en']} ({t.region})")
    console.print(f"Quote: {t.quote.get('zh') or ''}  {t.quote.get('en') or ''}")
    if t.basis:
        console.print(f"Read on: {t.basis.get(lang) or t.basis['en']} (figures on other definitions are shown, not trended)")
    render(rows, "table", [("kind", "Evidence"), ("period", "Year"), ("value", "Value"), ("published", "As published"),
                           ("status", "Status"), ("basis", "Basis"), ("conf", "Conf"), ("publisher", "Publisher"),
                           ("date", "Published"), ("url", "Address")], title="Evidence and sources")
    conf = f", confidence {t.confidence}" if t.confidence else ""
    console.print(f"[bold]Verdict:[/] {t.verdict}{' (provisional)' if t.provisional else ''}{conf} — {t.explanation.get(lang)}")
    for c in t.conflicts:
        console.print(f"[red]Conflict:[/] {c.text.get(lang) or c.text['en']}")
    if t.projection:
        console.print(f"[bold]Projection:[/] {t.projection.method}. Why: {t.projection.why}.")
    if t.requirement:
        console.print(f"[bold]What it takes:[/] {t.requirement.text}")
    for r in t.reasons:
        console.print(f"- {r}")
    for m in t.methods:
        console.print(f"[bold]{m.method}[/] ({m.version}): {m.status}" + (f", score {m.score:.2f}" if m.score is not None else "")
                      + (f" — {m.note}" if m.note else ""))
    for b in t.base_year_sensitivity:
        console.print(f"  base {b.base_year}: average {b.average_growth:.2f}% → {b.verdict}"
                      + (f" (projected years {b.projected_years})" if b.projected_years else ""))
    for c in t.caveats:
        console.print(f"[yellow]Caveat:[/] {c.get(lang) or c.get('en')}")
    console.print("[dim]`planwatch history " + t.target_id + "` shows how this verdict changed as figures came out.[/]")


def _show_subject(x, fmt: str, lang: str, computed: dict | None = None) -> None:
    """A task or goal: its status with the reasons given, and every evidence entry with its source."""
    from .publish.listing import render

    if fmt == "json":
        render([], fmt, json_payload={**x.model_dump(mode="json"), "computed_evidence": computed})
        return
    rows = [{"date": e.date, "kind": e.kind + (f" #{e.ranking['rank']}" if e.ranking else ""),
             "text": e.text.get(lang) or e.text.get("en") or "", "quote": e.quote, "publisher": e.source.publisher,
             "published": e.source.published, "url": e.source.url} for e in x.evidence]
    if fmt == "csv":
        render(rows, fmt)
        return
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{x.id}[/] ({x.kind}) — {x.title.get(lang) or x.title.get('en') or x.title.get('zh')}")
    if x.title.get("zh") and lang != "zh":
        console.print(x.title["zh"])
    for h in x.status_history:
        console.print(f"[bold]Status {h.status}[/] (set {h.set_at[:10]} by {h.set_by or 'unknown'}): {h.reason}")
    if not x.status_history:
        console.print("Status: not set (`planwatch task status` sets it from the evidence)")
    render(rows, "table", [("date", "Date"), ("kind", "Kind"), ("text", "Evidence"), ("quote", "Exact words"),
                           ("publisher", "Publisher"), ("published", "Published"), ("url", "Address")],
           title=f"Evidence ({len(rows)} entries)")
    if computed:
        console.print(f"[bold]Computed: {computed['title']}[/] — " + (
            f"{computed['year']}: rank {computed['rank']} of {computed['of']} hubs ranked "
            f"({', '.join(computed['ranked_units'])}), 5–95% rank interval {computed['interval'][0]:.0f}–"
            f"{computed['interval'][1]:.0f}; scored on {', '.join(computed['scored_on'])}. {computed['note']} "
            f"(`planwatch index {computed['framework']}`)" if computed["ranked"] else f"not ranked: {computed['why']}"))


def _evidence_rows(t, lang: str) -> list[dict]:
    """Every piece of evidence behind a verdict, one row each, with its source: figures, figures on other
    definitions, statements, words, published ranks and peers' figures, and conflicting figures."""
    from .units import humanize

    unit = "%" if t.measure == "average_annual_growth" else t.indicator_unit

    def row(kind, p, value, u=unit):
        return {"kind": kind, "period": p.period, "value": value, "published": f"{p.published_value:g} {p.published_unit}"
                if p.published_value is not None else (p.quote or ""), "status": p.status, "basis": p.basis or "",
                "rev": p.revision, "conf": p.confidence or "", "publisher": p.source.publisher, "title": p.source.title,
                "url": p.source.url, "date": p.source.published}

    series = t.growth_series if t.measure == "average_annual_growth" else t.series
    rows = [row("figure" + (" (derived)" if s.status == "derived" else ""), s, humanize(s.value, unit, lang)) for s in series]
    rows += [row("other definition", s, humanize(s.value, t.indicator_unit, lang)) for s in t.other_basis]
    rows += [row(f"statement ({st.used})", st.point, f"{humanize(st.low, unit, lang) if st.low is not None else '…'} – "
                 f"{humanize(st.high, unit, lang) if st.high is not None else '…'}") for st in t.statements]
    rows += [row("words", s, "—") for s in t.evidence]
    rows += [row("published rank", r, humanize(r.value, "rank", lang)) for r in t.ranks]
    for pr in t.peers:
        src = pr["source"]
        rows.append({"kind": f"peer {pr['region']}", "period": pr["period"], "value": humanize(pr["value"], pr["unit"], lang),
                     "published": "", "status": "", "basis": "", "rev": "", "conf": pr.get("confidence") or "",
                     "publisher": src["publisher"], "title": src["title"], "url": src["url"], "date": src["published"]})
    for c in t.conflicts:
        if c.kind == "figures" and c.other is not None:
            rows.append(row("conflicting figure", c.other, humanize(c.other.value, t.indicator_unit, lang)))
    return rows


@app.command("observations")
def observations_cmd(indicator: Annotated[str | None, typer.Option("--indicator", "-i")] = None,
                     region: Annotated[str | None, typer.Option("--region", "-r")] = None,
                     all_revisions: Annotated[bool, typer.Option("--all-revisions", help="Include superseded revisions.")] = False,
                     fmt: FmtOpt = "table", db: DbOpt = None) -> None:
    """List stored observations with their sources (current revisions unless --all-revisions)."""
    from .publish.listing import render

    _check_format(fmt)
    store = _store(db)
    cat = _catalogue(store, None)
    if indicator:
        cat.indicator(indicator)
    if region:
        cat.region(region)
    obs = store.iter_observations([indicator] if indicator else None, [region] if region else None,
                                  all_revisions=all_revisions)
    rows = ({"indicator": o.indicator, "region": o.region, "period": o.period, "revision": o.revision, "value": o.value,
             "unit": o.unit, "status": o.status, "publisher": o.publisher, "title": o.title, "url": o.url,
             "published": o.published, "confidence": o.confidence, "basis": o.basis, "recorded_at": o.recorded_at.isoformat()}
            for o in obs)
    if fmt != "table":
        from .publish.listing import stream

        stream(rows, fmt)
        return
    render(list(rows), fmt, [("indicator", "Indicator"), ("region", "Region"), ("period", "Year"), ("revision", "Rev"),
                       ("value", "Value"), ("unit", "Unit"), ("status", "Status"), ("publisher", "Publisher"),
                       ("url", "Address")] if fmt == "table" else None, title="Observations")


@app.command("compare")
def compare_cmd(indicator: Annotated[str, typer.Argument(help="Indicator id (see `planwatch indicators`).")],
                regions: Annotated[str, typer.Option("--regions", "-r", help="Comma-separated region ids.")] = "CN-BJ,CN-SH,CN-GD,CN",
                since: Annotated[int, typer.Option("--since", help="First year to show.")] = 2015,
                fmt: FmtOpt = "table", db: DbOpt = None, lang: LangOpt = "en") -> None:
    """Compare regions on one indicator: yearly figures side by side, latest values, rank in the latest common year."""
    from .compare.peers import compare
    from .publish.listing import render
    from .units import humanize

    _check_format(fmt)
    store = _store(db)
    cat = _catalogue(store, None)
    ind = cat.indicator(indicator)
    ids = [r.strip() for r in regions.split(",") if r.strip()]
    for r in ids:
        cat.region(r)
    year, rows = compare(store.observations([indicator], ids), ids)
    years = sorted({y for row in rows for y in row.values if y >= since})
    out = []
    for row in rows:
        name = cat.regions[row.region].name.best(lang)
        rec = {"region": row.region, "name": name, "latest_year": row.latest_period,
               "latest": humanize(row.latest_value, ind.unit, lang) if fmt == "table" else row.latest_value,
               "rank": row.rank_in_latest_common_year}
        for y in years:
            v = row.values.get(y)
            rec[str(y)] = (humanize(v, ind.unit, lang) if v is not None else "—") if fmt == "table" else v
        out.append(rec)
    cols = [("name", "Region" if lang == "en" else "地区")] + [(str(y), str(y)) for y in years] + [
        ("rank", f"Rank {year}" if year else "Rank")]
    title = f"{ind.name.best(lang)} ({ind.unit})"
    if fmt == "json":
        render(out, fmt, json_payload={"indicator": indicator, "unit": ind.unit, "latest_common_year": year, "regions": [
            {**r, "sources": {str(y): u for y, u in row.sources.items()}} for r, row in zip(out, rows, strict=True)]})
        return
    render(out, fmt, cols if fmt == "table" else None, title=title)


@app.command("import")
def import_cmd(file: Annotated[Path, typer.Argument(help="CSV or Excel file of observations (docs/observations-format.md).")],
               db: DbOpt = None, fmt: FmtOpt = "table",
               decimal: Annotated[str, typer.Option("--decimal", help="point (1,234.5) or comma (1.234,5): how the "
                                                    "file writes decimals.")] = "point",
               plan: Annotated[str | None, typer.Option("--plan", help="Check rows against this plan's catalogue "
                                                        "(default: everything the store knows).")] = None) -> None:
    """Import observations in one transaction: one bad row rejects the file and nothing is written."""
    from .publish.listing import render
    from .sources.files import import_file

    _check_format(fmt)
    if decimal not in ("point", "comma"):
        raise PlanwatchError(f"--decimal wants point or comma, not {decimal!r}")
    store = _store(db)
    res = import_file(store, file, catalogue=_catalogue(store, plan), decimal=decimal,
                      progress=_row_progress(f"checking and writing {file.name}"))
    row = {"file": str(file), "rows": res.rows, "new": res.new, "revised": res.revised,
           "metadata_only": res.metadata_only, "unchanged": res.unchanged, "import_id": res.import_id}
    render([row], fmt, title="Imported (one transaction)")
    if fmt == "table" and plan:
        typer.echo(f"next: planwatch status {plan}", err=True)


def _row_progress(label: str):
    """Wrap a row stream in a progress display on stderr (rows counted as they are checked and written)."""
    def wrap(rows):
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        if not console.is_terminal:
            yield from rows
            return
        with Progress(SpinnerColumn(), TextColumn("{task.description}: {task.completed:,} rows"), TimeElapsedColumn(),
                      console=console, transient=True) as bar:
            task = bar.add_task(label, total=None)
            for i, r in enumerate(rows, 1):
                if i % 1000 == 0:
                    bar.update(task, completed=i)
                yield r
    return wrap


# -- plan files -----------------------------------------------------------------------------------------
@plan_app.command("validate")
def plan_validate(file: Annotated[Path, typer.Argument(help="Plan YAML file.")], fmt: FmtOpt = "table",
                  db: DbOpt = None) -> None:
    """Check a plan file against the store's catalogue; errors name the file, line and field."""
    from .plans.loader import load_plan_file
    from .publish.listing import render

    _check_format(fmt)
    p = load_plan_file(file, _store(db))
    render([{"file": str(file), "id": p.id, "valid": True, "targets": len(p.targets), "tasks": len(p.tasks),
             "goals": len(p.goals)}], fmt, title="Plan file is valid")


@plan_app.command("add")
def plan_add(file: Annotated[Path, typer.Argument(help="Plan YAML file to add to the store.")], db: DbOpt = None,
             replace: Annotated[bool, typer.Option("--replace", help="Replace a plan with the same id (the old "
                                                   "version stays in the store's history).")] = False) -> None:
    """Validate a plan file and add it to the store: its own indicators, regions and units become known to
    import, status and reports."""
    from .plans.loader import add_plan

    store = _store(db)
    p = add_plan(file, store, replace=replace)
    typer.echo(f"added plan {p.id} ({len(p.targets)} targets, {len(p.indicators)} indicators of its own); next: "
               f"planwatch import FIGURES.csv --plan {p.id}, then planwatch status {p.id}")


@plan_app.command("schema")
def plan_schema() -> None:
    """Print the plan-file JSON Schema."""
    from .plans.loader import json_schema

    typer.echo(json_schema())


# -- catalogue files and built-in data -----------------------------------------------------------------------
catalogue_app = typer.Typer(help="Indicators, regions, peer groups and unit aliases beyond the built-in ones.",
                            no_args_is_help=True)
app.add_typer(catalogue_app, name="catalogue")
data_app = typer.Typer(help="The sourced data that ships with planwatch.", no_args_is_help=True)
app.add_typer(data_app, name="data")


@catalogue_app.command("add")
def catalogue_add(file: Annotated[Path, typer.Argument(help="Catalogue YAML: indicators, regions, peer_groups, units.")],
                  db: DbOpt = None) -> None:
    """Add a catalogue file to the store (a conflicting redefinition of an existing id is refused)."""
    from .plans.loader import add_catalogue

    decl = add_catalogue(file, _store(db))
    typer.echo(f"added {len(decl.indicators)} indicator(s), {len(decl.regions)} region(s), "
               f"{len(decl.peer_groups)} peer group(s), {len(decl.units)} unit alias(es) from {file}")


@data_app.command("load")
def data_load(what: Annotated[str, typer.Argument(help="builtin")] = "builtin",
              plan: Annotated[str | None, typer.Option("--plan", help="Only this built-in plan's data.")] = None,
              db: DbOpt = None) -> None:
    """Load the built-in sourced data into the store (every built-in plan's, or one plan's)."""
    from .sources.builtin import builtin_plans_with_data, ensure_builtin, load_all

    if what != "builtin":
        raise PlanwatchError(f"unknown data set {what!r}; planwatch ships: builtin")
    store = _store(db)
    if plan is not None and plan not in builtin_plans_with_data():
        raise PlanwatchError(f"no built-in data for plan {plan!r}; built-in data: {', '.join(builtin_plans_with_data())}")
    done = {plan: ensure_builtin(store, plan)} if plan else load_all(store)
    for pid, loaded in done.items():
        typer.echo(f"{pid}: {'loaded' if loaded else 'already in the store'}")


# -- report ---------------------------------------------------------------------------------------------
@app.command("report")
def report_cmd(plan: PlanArg = DEFAULT_PLAN,
               output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("planwatch-report.html"),
               db: DbOpt = None, lang: LangOpt = "en", as_of: Annotated[str | None, typer.Option("--as-of")] = None) -> None:
    """Write one self-contained HTML report (scorecard, a chart per target, tasks, sources, caveats)."""
    from .assess.run import assess_plan
    from .compare.peers import plan_comparisons
    from .plans.loader import get_plan
    from .publish.report import render_report

    store = _store(db, plan)
    p = get_plan(plan, store)
    result = assess_plan(store, p, _as_of(as_of))
    from .assess.coverage import coverage, target_indicators
    from .assess.timeline import verdict_timelines
    from .plans.catalogue import catalogue_for

    cat = catalogue_for(p, store)
    cov = coverage(p, cat, store.observations(indicators={i for t in p.targets for i in target_indicators(t, cat)}))
    timelines = verdict_timelines(store, p, today=result_date(result)) if not as_of else None
    from .compare.index.evidence import goal_evidence

    computed = {g.id: e for g in p.goals if (e := goal_evidence(store, p.id, g.id))}
    html = render_report(p, result, lang=lang, comparisons=plan_comparisons(store, p), timelines=timelines, coverage=cov,
                         goal_index=computed)
    write_atomically(output, html)
    typer.echo(f"wrote {output} ({len(html) // 1024} KB, {len(result.targets)} targets)")


# -- extract --------------------------------------------------------------------------------------------
@app.command("extract")
def extract_cmd(
    file: Annotated[str | None, typer.Argument(help="Text, HTML or PDF document; - for standard input.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the draft plan here (default: stdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="yaml or json.")] = "yaml",
    plan_id: Annotated[str | None, typer.Option("--plan-id", help="Id for the draft plan (default: from the file name).")] = None,
    region: Annotated[str | None, typer.Option("--region", help="Region id of the plan (default: unspecified).")] = None,
    evaluate: Annotated[Path | None, typer.Option("--evaluate", help="Score extraction on an annotated folder.")] = None,
    corpus: Annotated[Path | None, typer.Option("--corpus", help="Extract every document in a folder (Dask).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Parquet file for --corpus results.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Local Dask workers for --corpus.")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Address of an existing Dask scheduler.")] = None,
) -> None:
    """Draft a plan file from policy text (English or Chinese): targets with their quotes, tasks, goals."""
    from .publish.listing import dumps

    if evaluate is not None:
        from .extract import evaluate as run_evaluation
        from .extract import format_evaluation

        if not evaluate.is_dir():
            raise PlanwatchError(f"--evaluate wants a folder of annotated documents, not {evaluate}")
        result = run_evaluation(evaluate)
        typer.echo(dumps(result) if fmt == "json" else format_evaluation(result))
        return
    if corpus is not None:
        from .extract import extract_corpus

        if not corpus.is_dir():
            raise PlanwatchError(f"--corpus wants a folder, not {corpus}")
        if out is None:
            raise PlanwatchError("--corpus needs --out FILE.parquet")
        summary = extract_corpus(corpus, out, workers=workers, scheduler=scheduler, progress=True)
        for err in summary.get("errors", []):
            typer.secho(f"skipped: {err}", err=True, fg="yellow")
        typer.echo(f"{summary['documents']} documents, {summary['targets']} targets → {out} "
                   f"({len(summary.get('errors', []))} skipped, {summary['seconds']:.1f} s)")
        return
    if file is None:
        raise PlanwatchError("give a document to read (a path, or - for standard input), or --evaluate/--corpus")
    if fmt not in ("yaml", "json"):
        raise PlanwatchError(f"unknown format {fmt!r}; use yaml or json")
    import re

    from .extract import draft_plan, extract_text, read_document

    if file == "-":
        text = read_document(None, sys.stdin.buffer.read())
        stem = "draft"
    else:
        text = read_document(Path(file))
        stem = Path(file).stem
    draft = extract_text(text)
    pid = plan_id or (re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-._") or "draft")
    if not re.match(r"^[a-z0-9]", pid):
        pid = "plan-" + pid
    plan = draft_plan(draft, pid, region=region)
    if fmt == "json":
        body = dumps(plan)
    else:
        import yaml

        body = "# Draft plan extracted by planwatch: check every target against its quote before use.\n" + \
            yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=100)
    if output:
        output.write_text(body, encoding="utf-8")
        typer.secho(f"wrote {output}: {len(plan.get('targets', []))} targets, {len(plan.get('tasks', []))} tasks "
                    f"(check with: planwatch plan validate {output})", err=True)
    else:
        sys.stdout.write(body if body.endswith("\n") else body + "\n")

# == composite index (planwatch index) ====================================================================
# One block, kept together for merging: the engine is planwatch.compare.index, rendering planwatch.publish.
@app.command("index")
def index_cmd(
    framework: Annotated[str, typer.Argument(help="Framework file (YAML), or a built-in framework: beijing-hubs.")],
    fmt: FmtOpt = "table",
    year: Annotated[int | None, typer.Option("--year", help="Only this period (default: every period with data).")] = None,
    level: Annotated[str | None, typer.Option("--level", help="Show the scores of this level (e.g. Pillar).")] = None,
    uncertainty: Annotated[int | None, typer.Option("--uncertainty", help="Monte Carlo evaluations (0: none; default: "
                                                    "the framework's replications).")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address for the Monte Carlo.")] = None,
    chart: Annotated[Path | None, typer.Option("--chart", help="Write the rank-bar chart (SVG) here.")] = None,
    radar: Annotated[Path | None, typer.Option("--radar", help="Write the pillar radars (SVG) here.")] = None,
    units: Annotated[str | None, typer.Option("--units", help="Comma-separated units for --radar (default: all).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write a self-contained HTML page here.")] = None,
    db: DbOpt = None,
) -> None:
    """Build a composite index: scores, ranks with Monte Carlo intervals, Sobol sensitivity (docs/index.md)."""
    from .compare.index.framework import StoreSource
    from .compare.index.loader import get_framework
    from .compare.index.results import build

    _check_format(fmt)
    fw = get_framework(framework)
    # the built-in hubs framework reads the Beijing plan's sourced peer data, which it brings along
    store = _store(db, DEFAULT_PLAN if fw.id == "beijing-hubs" else None) if isinstance(fw.data, StoreSource) else None
    if uncertainty and fw.uncertainty is None:
        raise PlanwatchError(f"--uncertainty: framework {fw.id} declares no uncertain choices (add an `uncertainty:` block, "
                             "see docs/index.md)")
    if level is not None and level not in fw.level_names():
        raise PlanwatchError(f"unknown level {level!r}; levels: {', '.join(fw.level_names())}")
    result = build(fw, store=store, year=year, replications=uncertainty, scheduler=scheduler, progress=sys.stderr.isatty())
    _index_files(result, chart, radar, units, output)
    _index_print(result, fmt, level)


def _index_files(result, chart: Path | None, radar: Path | None, units: str | None, output: Path | None) -> None:
    from .publish.index_charts import radar_grid, rank_bars

    run = result.run_for(None)
    files = []
    if chart is not None:
        files.append((chart, str(rank_bars(run))))
    if radar is not None:
        chosen = [u.strip() for u in units.split(",") if u.strip()] if units else None
        unknown = [u for u in chosen or [] if u not in run.units]
        if unknown:
            raise PlanwatchError(f"--units: not in the index: {', '.join(unknown)}; units: {', '.join(run.units)}")
        files.append((radar, str(radar_grid(run, chosen))))
    if output is not None:
        from .publish.index_report import render_index_report

        files.append((output, render_index_report(result)))
    for path, text in files:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise PlanwatchError(f"cannot write {path}: {exc.strerror}") from None
        typer.secho(f"wrote {path}", err=True)


def _index_print(result, fmt: str, level: str | None) -> None:
    from .publish.listing import render

    if fmt == "json":
        render([], fmt, json_payload=result.to_json())
        return
    if fmt == "csv":
        rows = result.rows(level, all_periods=True)
        keys = list(dict.fromkeys(k for r in rows for k in r))
        render(rows, fmt, [(k, k) for k in keys])
        return
    from rich.console import Console

    console = Console()
    for _, why in result.refused:  # one line each here; --format json has every unit's missing indicators
        console.print(f"[yellow]not ranked:[/] {why.splitlines()[0]}", highlight=False)
    for run in result.runs:
        rows = result.rows(level, period=run.period)
        tree = run.tree
        cols = [("rank", "Rank"), ("name", "Unit"), ("score", "Score")]
        if run.uncertainty is not None:
            for r in rows:
                lo, hi = r.get("rank_5"), r.get("rank_95")
                r["interval"] = f"{lo:.0f}–{hi:.0f}" if lo is not None and hi is not None else "—"
            cols += [("median_rank", "Median rank"), ("interval", "5–95% ranks")]
        cols += [(k, k) for k in rows[0] if k not in {c for c, _ in cols} | {"period", "unit", "rank_5", "rank_95", "note"}]
        for r in rows:
            for k, v in r.items():
                if isinstance(v, float) and k not in ("median_rank",):
                    r[k] = f"{v:,.2f}"
            if r.get("note"):
                r["name"] = f"{r['name']} ({r['note']})"  # "reference, not ranked"
        title = f"{result.framework.title}: {tree.names[tree.root]}" + (f" — {run.period}" if run.period is not None else "")
        render(rows, "table", cols, title=title)
        unc = run.uncertainty
        if unc is not None:
            console.print(f"[dim]Rank intervals from {unc.evaluations:,} evaluations ({unc.design}) over "
                          f"{', '.join(unc.factors)}" + (f"; {unc.failed} failed" if unc.failed else "") + ".[/]")
            if unc.sensitivity is not None:
                s = unc.sensitivity
                parts = [f"{f} S1 {s.s1[k]:.2f} / ST {s.st[k]:.2f}" for k, f in enumerate(s.factors)]
                console.print("[dim]Sobol indices of the mean rank shift: " + "; ".join(parts) + ".[/]")
        for c in run.excluded:
            console.print(f"[yellow]not scored:[/] {c.unit}: {c.reason}; missing {', '.join(c.missing) or '—'}", highlight=False)
# == end composite index ==================================================================================


from .commands import evidence as _evidence  # noqa: E402  (commands register themselves on the app)
from .commands import serve as _serve  # noqa: E402
from .commands import verdicts as _verdicts  # noqa: E402

_verdicts.register(app)
_evidence.register(app)
_serve.register(app)


def main() -> None:
    try:
        app()
    except PlanwatchError as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        sys.exit(2)
    except KeyboardInterrupt:
        typer.secho("interrupted", err=True)
        sys.exit(130)
