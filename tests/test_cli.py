"""The CLI end to end on the built-in plan, run as a user runs it (a real process, a real SQLite file)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest


def pw(*args, db, check=True, env_extra=None):
    env = {**os.environ, "PLANWATCH_DATABASE_URL": f"sqlite:///{db}", **(env_extra or {})}
    proc = subprocess.run([sys.executable, "-m", "planwatch", *args], capture_output=True, text=True, env=env, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\nstdout:{proc.stdout}\nstderr:{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return tmp_path_factory.mktemp("cli") / "cli.sqlite"


def test_status_json_lists_seven_targets_with_verdicts_and_sources(db):
    out = json.loads(pw("status", "--format", "json", "--as-of", "2026-11-25", db=db).stdout)
    targets = out["targets"]
    assert len(targets) == 7
    allowed = {"met", "missed", "on_track", "off_track", "no_data"}
    for t in targets:
        assert t["verdict"] in allowed
        if t["verdict"] != "no_data":
            src = t["latest"]["source"]
            assert src["publisher"] and src["url"].startswith("http") and src["published"]
            assert t["latest"]["value"] is not None
    by_id = {t["target_id"]: t for t in targets}
    # honest gaps: no sourced recent Beijing figure for R&D personnel
    assert by_id["rd-personnel"]["verdict"] == "no_data"
    assert by_id["rd-intensity"]["latest"]["period"] >= 2024
    assert by_id["zgc-revenue-leading"]["measure"] == "rank"
    assert by_id["digital-economy-growth"]["base_year_sensitivity"]


def test_status_table_and_csv(db):
    table = pw("status", db=db).stdout
    assert "rd-intensity" in table and "Verdict" in table
    rows = list(csv.DictReader(io.StringIO(pw("status", "--format", "csv", db=db).stdout)))
    assert len(rows) == 7 and {"target", "verdict", "latest", "source"} <= set(rows[0])
    zh = pw("status", "--lang", "zh", db=db).stdout
    assert "结论" in zh


def test_show_gives_series_sources_and_methods(db):
    out = json.loads(pw("show", "tech-contract-turnover", "--format", "json", db=db).stdout)
    assert len(out["series"]) >= 8
    assert all(p["source"]["url"] for p in out["series"])
    assert {m["method"] for m in out["methods"]} == {"statcan_cagr_ratio", "unsd_2023"}
    text = pw("show", "rd-intensity", db=db).stdout
    assert "Caveat" in text and "statcan_cagr_ratio" in text


@pytest.mark.parametrize("cmd", [["plans"], ["indicators"], ["regions"], ["observations", "-i", "rd_intensity"]])
def test_every_listing_has_json(db, cmd):
    data = json.loads(pw(*cmd, "--format", "json", db=db).stdout)
    assert isinstance(data, list) and data


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "no-such-plan"], "unknown plan 'no-such-plan'"),
        (["show", "nope"], "no target, task or goal 'nope'"),
        (["status", "--format", "xml"], "unknown format 'xml'"),
        (["import", "/no/such/file.csv"], "no such file"),
        (["status", "--as-of", "yesterday"], "--as-of wants a date"),
    ],
)
def test_user_mistakes_get_a_message_not_a_traceback(db, args, message):
    proc = pw(*args, db=db, check=False)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_import_rejection_from_the_cli(db, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("indicator,region,period,value,unit,status,publisher,title,url,published\n"
                 "rd_intensity,CN-BJ,2026,abc,%,final,P,T,https://x.example,2027-01-01\n", encoding="utf-8")
    before = json.loads(pw("observations", "--format", "json", "--all-revisions", db=db).stdout)
    proc = pw("import", str(f), db=db, check=False)
    assert proc.returncode == 2 and "row 2, column 'value'" in proc.stderr and "Traceback" not in proc.stderr
    after = json.loads(pw("observations", "--format", "json", "--all-revisions", db=db).stdout)
    assert len(after) == len(before)


def test_plan_validate_and_add(db, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: {en: X}\nregion: CN-BJ\nhorizon: 2025\ntargets:\n  - id: a\n    indicator: nope\n"
                   "    quote: {en: q}\n    comparator: at_least\n    value: 1\n    unit: '%'\n    deadline: 2025\n", encoding="utf-8")
    proc = pw("plan", "validate", str(bad), db=db, check=False)
    assert proc.returncode == 2 and f"{bad}:7: targets.0.indicator" in proc.stderr
    good = tmp_path / "good.yaml"
    good.write_text(bad.read_text(encoding="utf-8").replace("indicator: nope", "indicator: rd_intensity"), encoding="utf-8")
    assert json.loads(pw("plan", "validate", str(good), "--format", "json", db=db).stdout)[0]["valid"] is True
    home = {"PLANWATCH_HOME": str(tmp_path / "home")}
    pw("plan", "add", str(good), db=db, env_extra=home)
    ids = [p["id"] for p in json.loads(pw("plans", "--format", "json", db=db, env_extra=home).stdout)]
    assert "x" in ids
    out = json.loads(pw("status", "x", "--format", "json", db=db, env_extra=home).stdout)
    assert out["targets"][0]["verdict"] in {"met", "on_track"}


def test_report_writes_a_self_contained_file(db, tmp_path):
    out = tmp_path / "r.html"
    pw("report", "-o", str(out), db=db)
    html = out.read_text(encoding="utf-8")
    assert html.count("<svg") >= 5
    assert "<script src" not in html and "<link " not in html


def test_compare_lists_peers_with_rank_and_sources(db):
    out = json.loads(pw("compare", "rd_intensity", "-r", "CN-BJ,CN-SH,CN", "--format", "json", db=db).stdout)
    rows = {r["region"]: r for r in out["regions"]}
    assert out["latest_common_year"] is not None
    assert rows["CN-BJ"]["rank"] == 1 and rows["CN"]["rank"] == 3
    assert all(u.startswith("http") for u in rows["CN-SH"]["sources"].values())
    proc = pw("compare", "rd_intensity", "-r", "CN-BJ,XX", db=db, check=False)
    assert proc.returncode == 2 and "unknown region 'XX'" in proc.stderr
