"""The whole record: every shipped row carries its provenance, conflicts carry notes, coverage is visible,
and tasks and the goal show dated, sourced evidence in show, tasks and JSON, in both languages."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.sources.builtin import builtin_evidence_files, builtin_files, builtin_plans_with_data
from planwatch.sources.evidence import parse_evidence_text

runner = CliRunner()


@pytest.mark.parametrize("plan_id", builtin_plans_with_data())
def test_every_shipped_row_has_publisher_address_date_and_quote(plan_id):
    for f in builtin_files(plan_id):
        for i, r in enumerate(csv.DictReader(f.read_text(encoding="utf-8").splitlines()), start=2):
            for col in ("publisher", "title", "url", "published", "quote"):
                assert r[col].strip(), f"{plan_id}/{f.name} row {i}: no {col}"


@pytest.mark.parametrize("plan_id", builtin_plans_with_data())
def test_conflicting_rows_for_one_cell_each_carry_a_note(plan_id):
    cells = defaultdict(list)
    for f in builtin_files(plan_id):
        for r in csv.DictReader(f.read_text(encoding="utf-8").splitlines()):
            if r["value"] and r["status"] not in ("statement", "qualitative"):
                cells[(r["indicator"], r["region"], r["period"], r["basis"])].append(r)
    for key, rows in cells.items():
        if len({(r["value"], r["unit"]) for r in rows}) > 1:
            assert all(r["note"].strip() for r in rows), (key, [(r["value"], r["note"][:40]) for r in rows])


def test_every_evidence_entry_is_sourced_and_dated():
    for f in builtin_evidence_files("beijing-istic-2025"):
        doc = parse_evidence_text(f.read_text(encoding="utf-8"), f.name)  # the model refuses an unsourced entry
        entries = [e for s in [*doc.tasks, *doc.goals] for e in s.evidence]
        assert len(entries) >= 40
        assert {s.id for s in doc.tasks} == {f"task-{i}" for i in []} | {s.id for s in doc.tasks}
        assert all(s.status for s in [*doc.tasks, *doc.goals])
        assert any(e.kind == "ranking" and e.ranking for s in doc.goals for e in s.evidence)


def test_coverage_matrix_counts_beijing_cells(tmp_path):
    r = runner.invoke(app, ["coverage", "-f", "json", "--db", str(tmp_path / "c.sqlite")])
    assert r.exit_code == 0, r.output
    cov = json.loads(r.output)
    assert cov["total"] == 77 and cov["years"][0] == 2015 and cov["years"][-1] == 2025
    own = [row for row in cov["rows"] if row["region"] in ("CN-BJ", "HTZ-ZGC")]
    assert len(own) == 7 and cov["filled"] == sum(row["filled"] for row in own)
    rd = next(row for row in own if row["target_id"] == "rd-intensity")
    assert rd["cells"]["2024"] == "figure" and rd["cells"]["2025"] == "statement"
    assert any(row["region"] == "CN-SH" for row in cov["rows"])  # peers are shown too
    csv_out = runner.invoke(app, ["coverage", "-f", "csv", "--db", str(tmp_path / "c.sqlite")]).output
    assert csv_out.splitlines()[0].startswith("target,region,2015")


def test_tasks_and_goal_show_their_evidence_in_both_languages(tmp_path):
    db = str(tmp_path / "t.sqlite")
    r = runner.invoke(app, ["tasks", "-f", "json", "--db", db])
    assert r.exit_code == 0, r.output
    subjects = {s["id"]: s for s in json.loads(r.output)}
    goal = subjects["basically-formed"]
    assert goal["status"] == "unclear" and len(goal["evidence"]) >= 10
    assert all(e["source"]["url"] and e["source"]["published"] and e["quote"] for s in subjects.values() for e in s["evidence"])
    assert all(e["text"]["en"] and e["text"]["zh"] for e in goal["evidence"])
    shown = runner.invoke(app, ["show", "task-1-strategic-forces", "--db", db, "--lang", "zh"]).output
    assert "in_progress" in shown and "Evidence" in shown
    status = json.loads(runner.invoke(app, ["status", "-f", "json", "--db", db]).output)
    assert {s["id"] for s in status["subjects"]} >= {"task-1-strategic-forces", "basically-formed"}


def test_an_editor_adds_evidence_and_sets_a_status_and_history_keeps_both(tmp_path):
    db = str(tmp_path / "e.sqlite")
    f = tmp_path / "ev.yaml"
    f.write_text(Path(__file__).parent.joinpath("data", "any-plan", "evidence-example.yaml").read_text(encoding="utf-8"),
                 encoding="utf-8")
    r = runner.invoke(app, ["evidence", "add", str(f), "--db", db, "--by", "analyst"])
    assert r.exit_code == 0 and "1 entry added" in r.output, r.output
    assert "0 entries added, 1 already stored" in runner.invoke(app, ["evidence", "add", str(f), "--db", db]).output
    r = runner.invoke(app, ["task", "status", "task-5-reform", "achieved", "--reason", "regulations in force",
                            "--db", db, "--by", "analyst"])
    assert r.exit_code == 0
    subj = next(s for s in json.loads(runner.invoke(app, ["tasks", "-f", "json", "--db", db]).output) if s["id"] == "task-5-reform")
    assert subj["status"] == "achieved" and [h["status"] for h in subj["status_history"]][-2:] == ["in_progress", "achieved"]
    bad = runner.invoke(app, ["task", "status", "task-5-reform", "done", "--reason", "x", "--db", db])
    assert bad.exit_code != 0 and "unknown status" in str(bad.exception)


def test_the_hubs_index_is_shown_as_evidence_for_the_goal(tmp_path):
    db = str(tmp_path / "g.sqlite")
    r = runner.invoke(app, ["show", "basically-formed", "-f", "json", "--db", db])
    assert r.exit_code == 0, r.output
    computed = json.loads(r.output)["computed_evidence"]
    assert computed["framework"] == "beijing-hubs"
    if computed["ranked"]:  # every input behind the rank is a sourced observation
        assert computed["rank"] >= 1 and computed["of"] >= 3
        assert all(src["url"] and src["published"] for src in computed["sources"].values() if src)
    else:
        assert computed["why"]


def test_tasks_and_coverage_speak_chinese_and_tasks_carry_the_chinese_wording_found(tmp_path):
    db = str(tmp_path / "z.sqlite")
    tasks = runner.invoke(app, ["tasks", "--lang", "zh", "--db", db])
    assert tasks.exit_code == 0, tasks.output
    assert "任务与目标" in tasks.output and "状态依据" in tasks.output and "推进中" in tasks.output
    assert "建强建优战略科技力量" in tasks.output  # task 1's heading, as 科技日报 quoted the plan
    assert "Task / goal" not in tasks.output and "in_progress" not in tasks.output
    english = runner.invoke(app, ["tasks", "--db", db]).output
    assert "Tasks and goal" in english and "建强建优" not in english
    st = runner.invoke(app, ["status", "--lang", "zh", "--db", db]).output
    assert "截至" in st and "as of" not in st
    ev = runner.invoke(app, ["tasks", "--lang", "zh", "--evidence", "--db", db]).output
    assert "类型" in ev and "评价" in ev and "assessment" not in ev
    cov = runner.invoke(app, ["coverage", "--lang", "zh", "--no-peers", "--db", db])
    assert cov.exit_code == 0 and "数据覆盖" in cov.output and "缺口" in cov.output, cov.output
    subjects = {s["id"]: s for s in json.loads(runner.invoke(app, ["tasks", "-f", "json", "--db", db]).output)}
    with_zh = {i for i, s in subjects.items() if s["title"].get("zh")}
    assert {"task-1-strategic-forces", "task-2-original-research", "basically-formed"} <= with_zh
