"""Framework files: validation errors name file, line and field; aliases cannot explode; tables of every kind."""

from __future__ import annotations

import json

import numpy as np
import pytest

from planwatch.compare.index.data import load_data
from planwatch.compare.index.loader import MAX_ALIASES, FrameworkFileError, get_framework, load_framework_file
from planwatch.compare.index.pipeline import run
from planwatch.errors import PlanwatchError

GOOD = """\
id: tiny
title: Tiny index
data:
  table: data.csv
  unit_column: unit
  group_columns: [g]
steps:
  impute: {method: group_mean, group: g}
  normalise: {method: minmax, range: [0, 10]}
  aggregate: {method: arithmetic}
index:
  id: I
  children:
    - id: P
      children:
        - {id: a}
        - {id: b, direction: -1, weight: 2}
    - id: Q
      children:
        - {id: c}
"""

CSV = "unit,g,a,b,c\nu1,x,1,5,3\nu2,x,2,,4\nu3,y,3,1,NA\nu4,y,4,2,8\n"


def _write(tmp_path, text, csv_text=CSV):
    (tmp_path / "data.csv").write_text(csv_text, encoding="utf-8")
    f = tmp_path / "fw.yaml"
    f.write_text(text, encoding="utf-8")
    return f


def test_a_good_framework_builds(tmp_path):
    fw = load_framework_file(_write(tmp_path, GOOD))
    assert fw.level_names() == ["Indicator", "Pillar", "Index"]
    r = run(load_data(fw)[0], fw)
    imputed = r.stages["imputed"]
    assert imputed.values[1, 1] == pytest.approx(5.0)  # b for u2: mean of group x (only u1's 5)
    assert imputed.values[2, 2] == pytest.approx(8.0)
    assert r.units == ["u1", "u2", "u3", "u4"]


@pytest.mark.parametrize("old,new,line,field,words", [
    ("        - {id: b, direction: -1, weight: 2}", "        - {id: b, direction: 2}", 17,
     "index.children.0.children.1.direction", "1 or -1"),
    ("        - {id: c}", "        - {id: c, weight: -1}", 20, "index.children.1.children.0.weight", "greater than or equal"),
    ("  normalise: {method: minmax, range: [0, 10]}", "  normalise: {method: minmaxx}", 9, "steps.normalise.method", "minmax"),
    ("        - {id: c}", "        - {id: a}", 20, "index.children.1.children.0.id", "used twice"),
    ("  aggregate: {method: arithmetic}", "  aggregate: {method: geometric}", 9, "steps.normalise", "positive"),
    ("  impute: {method: group_mean, group: g}", "  impute: {method: group_mean}", 8, "steps.impute", "group"),
    ("  unit_column: unit", "  unit_column: unit\n  colour: red", 6, "data.colour", "not permitted"),
    ("        - {id: c}", "        - {id: c, denominator: GDP}", 20, "index.children.1.children.0.denominator", "not declared"),
])
def test_errors_name_the_line_and_field(tmp_path, old, new, line, field, words):
    assert old in GOOD
    with pytest.raises(FrameworkFileError) as exc:
        load_framework_file(_write(tmp_path, GOOD.replace(old, new)))
    msg = str(exc.value)
    assert f"fw.yaml:{line}: {field}:" in msg, msg
    assert words in msg


def test_steps_order_is_checked(tmp_path):
    text = GOOD.replace("steps:\n  impute: {method: group_mean, group: g}\n",
                        "steps:\n  impute: {method: group_mean, group: g}\n  denominate: {}\n")
    with pytest.raises(FrameworkFileError, match="denominate must be the first step"):
        load_framework_file(_write(tmp_path, text))


def test_yaml_syntax_errors_have_lines(tmp_path):
    with pytest.raises(FrameworkFileError, match=r"fw.yaml:\d+: \(syntax\)"):
        load_framework_file(_write(tmp_path, GOOD + "  - [unclosed\n"))


def test_alias_bombs_are_refused_before_expansion(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for k in range(1, 12):
        prev = f"*a{k - 1}"
        lines.append(f"a{k}: &a{k} [{', '.join([prev] * 9)}]")
    with pytest.raises(FrameworkFileError, match=f"more than {MAX_ALIASES} YAML aliases"):
        load_framework_file(_write(tmp_path, "\n".join(lines) + "\n" + GOOD))


def test_a_few_aliases_are_fine(tmp_path):
    text = GOOD.replace("        - {id: a}", "        - &ind {id: a}").replace("        - {id: c}", "        - {id: c, weight: 1}")
    assert load_framework_file(_write(tmp_path, text)).id == "tiny"


def test_excel_and_data_package_tables(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in CSV.strip().split("\n"):
        ws.append([None if v in ("", "NA") else (float(v) if v.replace(".", "").isdigit() else v) for v in row.split(",")])
    wb.save(tmp_path / "data.xlsx")
    (tmp_path / "data.csv").write_text(CSV.replace("NA", "-99"), encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps({"name": "tiny", "resources": [
        {"name": "units", "path": "data.csv", "schema": {"missingValues": ["", "-99"]}}]}), encoding="utf-8")
    results = []
    for table in ("data.xlsx", "datapackage.json"):
        f = tmp_path / f"fw-{table}.yaml"
        f.write_text(GOOD.replace("table: data.csv", f"table: {table}"), encoding="utf-8")
        fw = load_framework_file(f)
        results.append(run(load_data(fw)[0], fw).scores)
    assert np.allclose(results[0], results[1], equal_nan=True)


def test_table_problems_are_plain_errors(tmp_path):
    fw = load_framework_file(_write(tmp_path, GOOD, "unit,g,a,b\nu1,x,1,2\n"))
    with pytest.raises(PlanwatchError, match="no column"):
        load_data(fw)
    fw = load_framework_file(_write(tmp_path, GOOD, "unit,g,a,b,c\nu1,x,1,2,abc\n"))
    with pytest.raises(PlanwatchError, match="not a number"):
        load_data(fw)
    with pytest.raises(PlanwatchError, match="unknown framework"):
        get_framework("no-such-framework")


def test_builtin_framework_names_store_indicators():
    fw = get_framework("beijing-hubs")
    assert fw.data.units[0] == "CN-BJ" and fw.data.reference_units == ["CN"]
    assert {n.indicator or n.id for n in fw.indicators()} >= {"rd_intensity", "tech_contract_turnover"}
