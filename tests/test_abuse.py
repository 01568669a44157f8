"""Every careless or hostile input from the reliability review gives the right data or a one-line error.

Each case here is a regression test for a case that once stored wrong data without a word, crashed with a
traceback, or hung."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import stat
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.errors import ImportRejected, PlanwatchError
from planwatch.sources.files import import_file
from planwatch.sources.rows import NumberError, parse_number, parse_published

HEADER = ["indicator", "region", "period", "value", "unit", "status", "publisher", "title", "url", "published", "quote"]
GOOD = {"indicator": "tech_contract_turnover", "region": "CN-BJ", "period": "2021", "value": "7005.7", "unit": "亿元",
        "status": "final", "publisher": "Beijing Municipal Science and Technology Commission", "title": "Technology market 2021",
        "url": "https://kw.example/2021", "published": "2022-02-01", "quote": ""}


def write(path, rows, header=HEADER, delimiter=","):
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(header)
        for r in rows:
            w.writerow([r.get(h, "") for h in header])
    return path


def rejected(store, path, column, reason):
    with pytest.raises(ImportRejected) as exc:
        import_file(store, path)
    assert any(e.column == column and reason in e.reason for e in exc.value.errors), exc.value.errors
    assert store.counts()["observations"] == 0


# -- numbers and dates ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "why"), [
    ("6,5", "decimal comma"), ("1,234,5", "decimal comma"), ("1_000", "not a number"), ("１２３", "not a number"),
    ("2e3", "not a number"), ("nan", "not a number"), ("inf", "not a number"), ("1,23", "decimal comma"),
])
def test_ambiguous_or_foreign_numbers_are_refused(raw, why):
    with pytest.raises(NumberError, match=why):
        parse_number(raw)


def test_the_number_grammar_accepts_what_publishers_write():
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("−3.2") == -3.2
    assert parse_number("12%", unit="%") == 12.0
    assert parse_number("1.234,5", decimal="comma") == 1234.5
    with pytest.raises(NumberError, match="% sign but the row's unit is '亿元'"):
        parse_number("12%", unit="亿元")


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
@settings(max_examples=300, deadline=None)
def test_every_plain_decimal_round_trips(d):
    text = format(d, "f")
    assert parse_number(text) == pytest.approx(float(text))
    grouped = f"{d:,f}"
    assert parse_number(grouped) == pytest.approx(float(text))


@pytest.mark.parametrize("raw", ["2024-13-45", "2023-02-30", "0000-00-00", "2024-1-5", "24-01-05", "2099-01-01"])
def test_impossible_or_future_dates_are_refused(raw):
    with pytest.raises(ValueError):
        parse_published(raw, today=dt.date(2026, 12, 2))


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2026, 12, 1)))
def test_every_real_date_is_accepted_at_each_precision(d):
    for text in (d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]):
        assert parse_published(text, today=dt.date(2026, 12, 2)) == text


@pytest.mark.parametrize(("changes", "column", "reason"), [
    ({"value": "6,5", "unit": "%", "indicator": "rd_intensity"}, "value", "decimal comma"),
    ({"value": "12%"}, "value", "% sign"),
    ({"value": "1e308", "unit": "万亿元"}, "value", "not a number"),
    ({"value": "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
               "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
               "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
      "unit": "万亿元"}, "value", "not a finite number"),
    ({"period": "2e3"}, "period", "not a year"),
    ({"published": "2023-02-30"}, "published", "not a calendar date"),
    ({"title": "bad\x00title"}, "title", "control characters"),
    ({"title": "t" * 20000}, "title", "at most 1000"),
    ({"url": "javascript:alert(1)"}, "url", "is not an address"),
    ({"published": "2020-01-01"}, "published", "cannot have been published in 2020"),
])
def test_bad_cells_reject_the_file(sqlite_store, tmp_path, changes, column, reason):
    rejected(sqlite_store, write(tmp_path / "f.csv", [{**GOOD, **changes}]), column, reason)


def test_semicolon_files_and_unterminated_quotes_get_a_hint(sqlite_store, tmp_path):
    rejected(sqlite_store, write(tmp_path / "semi.csv", [GOOD], delimiter=";"), "(header)", "separated by semicolons")
    f = tmp_path / "quote.csv"
    f.write_text(",".join(HEADER) + "\n" + ",".join(GOOD.values()) + "\n"
                 + 'tech_contract_turnover,CN-BJ,2020,"631.6,亿元,final,p,t,https://x,2021-01-01,\n' * 3, encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        import_file(sqlite_store, f)
    assert any(e.row == 3 for e in exc.value.errors), exc.value.errors


def test_a_value_without_a_header_is_refused_in_csv_and_excel(sqlite_store, tmp_path):
    from openpyxl import Workbook

    f = tmp_path / "extra.csv"
    f.write_text(",".join([*HEADER, ""]) + "\n" + ",".join([*GOOD.values(), "surprise"]) + "\n", encoding="utf-8")
    rejected(sqlite_store, f, "(row)", "without a header")
    wb = Workbook()
    ws = wb.active
    ws.append([*HEADER, None])
    ws.append([*GOOD.values(), "surprise"])
    wb.save(tmp_path / "extra.xlsx")
    rejected(sqlite_store, tmp_path / "extra.xlsx", "(row)", "without a header")


def test_excel_with_a_stale_dimension_is_read_to_the_last_real_row(sqlite_store, tmp_path):
    import re
    import zipfile

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for y in range(1990, 2090):
        ws.append([*list(GOOD.values())[:2], y, 100 + y - 1990, "亿元", "final", "p", "t", f"https://x/{y}", "2090", ""])
    src, dst = tmp_path / "a.xlsx", tmp_path / "stale.xlsx"
    wb.save(src)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:K10"', data)
            zout.writestr(item, data)
    with pytest.raises(ImportRejected) as exc:  # 2090 is in the future: every row is read and checked
        import_file(sqlite_store, dst)
    assert len({e.row for e in exc.value.errors}) == 100


# -- revisions never drop a change ------------------------------------------------------------------------------
def test_import_summary_counts_new_revised_metadata_and_unchanged(sqlite_store, tmp_path):
    a = import_file(sqlite_store, write(tmp_path / "a.csv", [GOOD]))
    b = import_file(sqlite_store, write(tmp_path / "b.csv", [{**GOOD, "value": "7100"}]))
    c = import_file(sqlite_store, write(tmp_path / "c.csv", [{**GOOD, "value": "7100", "title": "Renamed"}]))
    d = import_file(sqlite_store, write(tmp_path / "d.csv", [{**GOOD, "value": "7100", "title": "Renamed"}]))
    assert (a.new, b.revised, c.metadata_only, d.unchanged) == (1, 1, 1, 1)


# -- stores that cannot be written, or are not stores -----------------------------------------------------------
def run_cli(*args):
    return CliRunner().invoke(app, list(args))


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_database_is_a_message(tmp_path):
    db = tmp_path / "ro.sqlite"
    assert run_cli("plans", "--db", str(db)).exit_code == 0
    db.chmod(stat.S_IRUSR)
    r = run_cli("import", str(write(tmp_path / "a.csv", [GOOD])), "--db", str(db))
    assert r.exit_code != 0 and "read-only" in r.output


def test_a_file_that_is_not_a_database_and_a_missing_folder_are_messages(tmp_path):
    notdb = tmp_path / "notes.sqlite"
    notdb.write_bytes(b"this is not a database, just notes " * 100)
    for args in (["plans", "--db", str(notdb)], ["plans", "--db", str(tmp_path / "no" / "such" / "dir" / "x.sqlite")]):
        proc = subprocess.run([sys.executable, "-m", "planwatch", *args], capture_output=True, text=True)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr.startswith("error:"), proc.stderr
    assert not (tmp_path / "no").exists()


def test_long_plan_ids_unknown_options_and_languages(tmp_path):
    db = str(tmp_path / "x.sqlite")
    r = run_cli("status", "p" * 5000, "--db", db)
    assert r.exit_code != 0 and "unknown plan" in str(r.exception or r.output)
    assert run_cli("status", "--lang", "fr", "--db", db).exit_code != 0
    r = run_cli("observations", "-i", "no_such_indicator", "--db", db)
    assert r.exit_code != 0 and "unknown indicator" in str(r.exception)


def test_report_to_a_folder_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "folder"
    out.mkdir()
    r = run_cli("report", "-o", str(out), "--db", str(tmp_path / "r.sqlite"))
    assert r.exit_code != 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "r.sqlite", "r.sqlite-shm", "r.sqlite-wal"] or \
        not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_json_is_always_valid_and_csv_cells_never_run_as_formulas(tmp_path):
    db = str(tmp_path / "j.sqlite")
    f = write(tmp_path / "evil.csv", [{**GOOD, "title": "=cmd|' /C calc'!A0", "publisher": "+SUM(1,2)"}])
    assert run_cli("import", str(f), "--db", db).exit_code == 0
    out = run_cli("observations", "-f", "csv", "--db", db).output
    assert "'=cmd" in out and "'+SUM" in out
    data = json.loads(run_cli("observations", "-f", "json", "--db", db).output)
    assert data[0]["title"].startswith("=cmd")  # JSON keeps the text as it is
    from planwatch.publish.listing import dumps

    assert json.loads(dumps({"x": float("nan"), "y": [float("inf")]})) == {"x": None, "y": [None]}


def test_a_plan_value_of_nan_or_yes_is_refused(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text("id: p\ntitle: {en: P}\nregion: CN-BJ\nhorizon: 2025\ntargets:\n  - id: t\n    indicator: rd_intensity\n"
                    "    quote: {en: q}\n    comparator: at_least\n    value: .nan\n    unit: '%'\n    deadline: 2025\n",
                    encoding="utf-8")
    r = run_cli("plan", "validate", str(plan), "--db", str(tmp_path / "v.sqlite"))
    assert r.exit_code != 0 and isinstance(r.exception, PlanwatchError)


def test_a_read_only_store_is_a_message_even_for_root(tmp_path):
    """SQLite's read-only open mode refuses writes whoever runs planwatch (file permissions do not stop root)."""
    db = tmp_path / "ro.sqlite"
    assert run_cli("plans", "--db", str(db)).exit_code == 0  # created and migrated
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    r = run_cli("import", str(write(tmp_path / "a.csv", [GOOD])), "--db", url)
    assert r.exit_code != 0 and isinstance(r.exception, PlanwatchError) and "read-only" in str(r.exception)


@given(st.lists(st.sampled_from(["id: p\n", "title: {en: P}\n", "region: CN-BJ\n", "horizon: 2025\n", "targets:\n",
                                 "  - id: t\n", "    indicator: rd_intensity\n", "    quote: {en: q}\n",
                                 "    comparator: at_least\n", "    value: 6\n", "    value: yes\n", "    unit: '%'\n",
                                 "    deadline: 2025\n", "issued: 2023-05-08\n", "a: &x [1]\n", "b: *x\n", "- [\n",
                                 "    value: .inf\n", "tasks: 5\n", "id: P!\n", "\x00\n", "horizon: 1900\n"]),
                max_size=16))
@settings(max_examples=200, deadline=None)
def test_any_plan_text_is_a_plan_or_a_located_error(lines):
    from planwatch.errors import PlanFileError
    from planwatch.plans.loader import parse_plan_text

    try:
        parse_plan_text("".join(lines), "fuzz.yaml")
    except PlanFileError as exc:
        assert exc.problems and all(isinstance(p[2], str) for p in exc.problems)
