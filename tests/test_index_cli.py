"""`planwatch index` end to end: the ASEM example, beijing-hubs on a small fixture store, charts and HTML,
the start-up cost of the CLI, and the benchmark at toy size."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import pw  # the same subprocess runner as the other CLI tests

from planwatch.store.repository import NewObservation, Store

ROOT = Path(__file__).resolve().parent.parent
ASEM = str(ROOT / "examples" / "asem.yaml")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return tmp_path_factory.mktemp("index") / "index.sqlite"


def test_asem_table_prints_scores_ranks_and_intervals(db):
    out = pw("index", ASEM, "--uncertainty", "200", db=db).stdout
    assert "Switzerland" in out and "5–95% ranks" in out and "Median rank" in out
    assert "Sobol indices" in out


def test_asem_json_csv_files_and_html(db, tmp_path):
    html, bars, radar = tmp_path / "asem.html", tmp_path / "bars.svg", tmp_path / "radar.svg"
    proc = pw("index", ASEM, "--format", "json", "--uncertainty", "100", "--chart", str(bars), "--radar", str(radar),
              "--units", "CHE,CHN", "-o", str(html), db=db)
    data = json.loads(proc.stdout)
    period = data["periods"][0]
    che = next(u for u in period["units"] if u["unit"] == "CHE")
    assert che["ranks"]["Index"] == 1 and che["rank_uncertainty"]["q05"] >= 1
    assert period["uncertainty"]["sensitivity"]["factors"][0]["factor"] == "weights"
    assert sum(1 for t in period["treatment"] if t["winsorised"]) == 15
    assert bars.read_text().startswith("<svg") and radar.read_text().count('class="radar-unit"') == 2
    page = html.read_text()
    assert page.startswith("<!DOCTYPE html>") and "Switzerland" in page and "<script" not in page
    assert "<link" not in page and "@import" not in page  # self-contained: nothing fetched
    rows = list(csv.DictReader(io.StringIO(pw("index", ASEM, "-f", "csv", "--level", "Sub-index", "--uncertainty", "0", db=db).stdout)))
    assert len(rows) == 51 and {"Conn", "Sust", "rank", "score"} <= set(rows[0])


@pytest.mark.parametrize("args,message", [
    (["index", "no-such.yaml"], "no such framework file"),
    (["index", ASEM, "--level", "Galaxy"], "unknown level"),
    (["index", ASEM, "--year", "1999"], "no rows for 1999"),
    (["index", ASEM, "--radar", "r.svg", "--units", "XYZ", "--uncertainty", "0"], "not in the index"),
])
def test_mistakes_get_one_line(db, args, message):
    proc = pw(*args, db=db, check=False)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


# -- beijing-hubs on a fixture store ----------------------------------------------------------------------
FIXTURE_YEAR = 2091  # a year no real figure has: these rows are test fixtures, not data

FIXTURE = {  # unit: (rd_intensity, high_value_invention_patents_per_10k, hightech_enterprises, tech_contract_turnover,
             #        gdp) — invented numbers for the test only
    "CN-BJ": (6.5, 130.0, 28000.0, 8000.0, 48000.0),
    "CN-SH": (4.4, 50.0, 24000.0, 4800.0, 50000.0),
    "CN-GD": (3.5, 40.0, 75000.0, 4500.0, 140000.0),
    "CN-JS": (3.3, 35.0, 51000.0, 3900.0, 130000.0),
    "CN-ZJ": (3.2, 33.0, 42000.0, 3000.0, 85000.0),
    "CN-SZ": (5.8, 110.0, 24000.0, 1900.0, 37000.0),
    "CN": (2.7, 12.0, 460000.0, 61000.0, 1300000.0),
}
IDS = ["rd_intensity", "high_value_invention_patents_per_10k", "hightech_enterprises", "tech_contract_turnover", "gdp"]
UNITS = ["%", "件/万人", "家", "亿元", "亿元"]


def _fixture_store(path: Path, units: list[str]) -> str:
    from planwatch.sources.builtin import ensure_builtin

    url = f"sqlite:///{path}"
    store = Store.open(url)
    ensure_builtin(store)
    rows = [NewObservation(indicator=ind, region=u, period=FIXTURE_YEAR, value=FIXTURE[u][k], unit=UNITS[k],
                           value_std=FIXTURE[u][k], status="final", publisher="planwatch test fixture (not real data)",
                           title=f"test row {u} {ind}", url=f"https://example.invalid/fixture/{u}/{ind}", published="2091-01-01")
            for u in units for k, ind in enumerate(IDS)]
    store.write(rows, origin="test fixture")
    return path


def test_beijing_hubs_ranks_a_year_with_enough_sourced_data(tmp_path):
    db = _fixture_store(tmp_path / "hubs.sqlite", list(FIXTURE))
    data = json.loads(pw("index", "beijing-hubs", "--year", str(FIXTURE_YEAR), "--format", "json", "--uncertainty", "128",
                         db=db).stdout)
    period = data["periods"][0]
    assert period["period"] == FIXTURE_YEAR
    units = {u["unit"]: u for u in period["units"]}
    assert units["CN"]["reference"] and units["CN"]["ranks"]["hubs"] is None
    assert sorted(u["ranks"]["hubs"] for k, u in units.items() if k != "CN") == [1, 2, 3, 4, 5, 6]
    assert units["CN-BJ"]["ranks"]["hubs"] == 1 and units["CN-BJ"]["rank_uncertainty"]["q95"] >= 1
    # every input value is a sourced observation: indicators and the GDP denominator
    for u in units.values():
        assert set(u["sources"]) == {"rd_intensity", "high_value_invention_patents_per_10k", "hightech_enterprises_gdp",
                                     "tech_contracts_gdp", "gdp"}
        assert all(s["publisher"].startswith("planwatch test fixture") for s in u["sources"].values())
    bj = units["CN-BJ"]["scores"]
    assert bj["tech_contracts_gdp"] is not None and "investment" in bj
    table = pw("index", "beijing-hubs", "--year", str(FIXTURE_YEAR), "--uncertainty", "0", db=db).stdout
    assert "Beijing" in table and "reference" in table


def test_beijing_hubs_refuses_to_rank_with_too_little_data(tmp_path):
    db = _fixture_store(tmp_path / "thin.sqlite", ["CN-BJ", "CN-SH"])
    proc = pw("index", "beijing-hubs", "--year", str(FIXTURE_YEAR), db=db, check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "no period has enough data to rank" in proc.stderr and "no gap was filled" in proc.stderr
    assert "CN-GD: data for 0% of indicators" in proc.stderr and "missing: rd_intensity" in proc.stderr


def test_beijing_hubs_on_the_built_in_data_says_what_is_missing(tmp_path):
    proc = pw("index", "beijing-hubs", db=tmp_path / "builtin.sqlite", check=False)
    if proc.returncode == 0:  # enough sourced peer data has arrived: then it ranks
        assert "Beijing" in proc.stdout
    else:
        assert "no period has enough data to rank" in proc.stderr and "missing:" in proc.stderr


# -- start-up cost and the benchmark ----------------------------------------------------------------------
def test_the_cli_imports_no_numeric_library_at_start():
    code = "import sys, planwatch.cli; print(sorted(m for m in ('numpy', 'scipy', 'SALib', 'pandas', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_benchmark_runs_at_toy_size():
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "index_uncertainty.py"), "--units", "12", "--indicators",
                           "20", "--replications", "200", "--baseline-sample", "5", "--no-sobol"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "speed-up" in proc.stdout and "ESTIMATED" in proc.stdout and "agree on every sampled replication: True" in proc.stdout


def test_scheduler_option_runs_the_monte_carlo_on_a_dask_cluster(db):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
                                  protocol="tcp", host="127.0.0.1") as cluster:
        remote = json.loads(pw("index", ASEM, "-f", "json", "--uncertainty", "150", "--scheduler", cluster.scheduler_address,
                               db=db).stdout)
    local = json.loads(pw("index", ASEM, "-f", "json", "--uncertainty", "150", db=db).stdout)
    pick = [(u["unit"], u["rank_uncertainty"]) for u in remote["periods"][0]["units"]]
    assert pick == [(u["unit"], u["rank_uncertainty"]) for u in local["periods"][0]["units"]]
