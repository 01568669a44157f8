"""Imports: a file with any bad row is rejected whole, with row, column and reason; nothing is written."""

from __future__ import annotations

import csv

import pytest

from planwatch.errors import ImportRejected
from planwatch.sources.files import import_file

HEADER = ["indicator", "region", "period", "value", "unit", "status", "publisher", "title", "url", "published", "quote"]
GOOD = ["tech_contract_turnover", "CN-BJ", "2021", "7005.7", "亿元", "final", "Beijing Municipal Science and Technology "
        "Commission", "Technology market 2021", "https://kw.example/2021", "2022-02-01", ""]


def write_csv(path, rows, header=HEADER):
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def with_(**changes):
    r = dict(zip(HEADER, GOOD, strict=True))
    r.update(changes)
    return [r[h] for h in HEADER]


def test_good_file_imports_with_unit_conversion(sqlite_store, tmp_path):
    f = write_csv(tmp_path / "ok.csv", [GOOD, with_(period="2020", value="631.6", unit="billion yuan", url="https://kw.example/2020")])
    res = import_file(sqlite_store, f)
    assert (res.rows, res.written) == (2, 2)
    obs = {o.period: o for o in sqlite_store.observations(["tech_contract_turnover"])}
    assert obs[2020].value == 631.6 and obs[2020].unit == "billion yuan"
    assert obs[2020].value_std == pytest.approx(6316.0)  # stored also in the catalogue unit, 亿元


@pytest.mark.parametrize(
    ("changes", "column", "reason"),
    [
        ({"indicator": "gdp_of_mars"}, "indicator", "unknown indicator"),
        ({"region": "CN-XX"}, "region", "unknown region"),
        ({"unit": "glorbs"}, "unit", "unknown unit"),
        ({"unit": "furlongs"}, "unit", "different things"),
        ({"unit": "%"}, "unit", "different things"),
        ({"value": "about 7000"}, "value", "not a number"),
        ({"period": "1890"}, "period", "out of range"),
        ({"period": "2021.5"}, "period", "not a whole year"),
        ({"url": ""}, "url", "every observation carries its source"),
        ({"publisher": ""}, "publisher", "every observation carries its source"),
        ({"status": "guess"}, "status", "is not one of"),
        ({"published": "last spring"}, "published", "is not a date"),
        ({"status": "qualitative"}, "value", "qualitative statement has no value"),
    ],
)
def test_one_bad_row_rejects_the_whole_file(sqlite_store, tmp_path, changes, column, reason):
    f = write_csv(tmp_path / "bad.csv", [with_(period="2019", url="https://kw.example/2019"), with_(**changes)])
    with pytest.raises(ImportRejected) as exc:
        import_file(sqlite_store, f)
    errors = exc.value.errors
    assert any(e.row == 3 and e.column == column and reason in e.reason for e in errors), errors
    assert "nothing was imported" in str(exc.value)
    assert sqlite_store.counts()["observations"] == 0


def test_duplicate_rows_are_reported_with_both_rows(sqlite_store, tmp_path):
    f = write_csv(tmp_path / "dup.csv", [GOOD, GOOD])
    with pytest.raises(ImportRejected) as exc:
        import_file(sqlite_store, f)
    assert any(e.row == 3 and "duplicate of row 2" in e.reason for e in exc.value.errors)
    assert sqlite_store.counts()["observations"] == 0


def test_every_error_is_listed_not_just_the_first(sqlite_store, tmp_path):
    f = write_csv(tmp_path / "many.csv", [with_(value="x"), with_(region="??", url="https://kw.example/b")])
    with pytest.raises(ImportRejected) as exc:
        import_file(sqlite_store, f)
    assert {(e.row, e.column) for e in exc.value.errors} >= {(2, "value"), (3, "region")}


def test_missing_columns_and_bad_encoding(sqlite_store, tmp_path):
    f = write_csv(tmp_path / "cols.csv", [GOOD[:5]], header=HEADER[:5])
    with pytest.raises(ImportRejected, match="missing required column"):
        import_file(sqlite_store, f)
    g = tmp_path / "gbk.csv"
    g.write_bytes(",".join(HEADER).encode() + b"\n" + "北京".encode("gbk"))
    with pytest.raises(ImportRejected, match="not UTF-8"):
        import_file(sqlite_store, g)


def test_excel_import(sqlite_store, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append([*GOOD[:2], 2021, 7005.7, *GOOD[4:]])
    wb.save(tmp_path / "obs.xlsx")
    res = import_file(sqlite_store, tmp_path / "obs.xlsx")
    assert res.written == 1
    wb2 = Workbook()
    ws2 = wb2.active
    ws2.append(HEADER)
    ws2.append([*GOOD[:2], 2021, "n/a", *GOOD[4:]])
    wb2.save(tmp_path / "bad.xlsx")
    with pytest.raises(ImportRejected, match="row 2, column 'value'"):
        import_file(sqlite_store, tmp_path / "bad.xlsx")
    assert sqlite_store.counts()["observations"] == 1


def test_an_import_of_a_changed_figure_keeps_the_old_one(sqlite_store, tmp_path):
    import_file(sqlite_store, write_csv(tmp_path / "a.csv", [GOOD]))
    import_file(sqlite_store, write_csv(tmp_path / "b.csv", [with_(value="7100", url="https://kw.example/revised",
                                                              published="2022-06-01")]))
    hist = sqlite_store.history("tech_contract_turnover", "CN-BJ", 2021)
    assert [h.value for h in hist] == [7005.7, 7100.0]
    assert [o.value for o in sqlite_store.observations(["tech_contract_turnover"])] == [7100.0]
