"""Store at scale: a 1,000,000-row store (about 14,700 cells × 68 revisions), imported and read by planwatch.

Generates a synthetic observation file (benchmark data, never shipped: 100 declared benchmark regions plus
Beijing and its peers, the Beijing plan's indicators, 21 years, 68 sources per cell), then measures, each in
its own process so peak memory is that process's own:

1. ``planwatch import`` of the whole file into a fresh store (one transaction, streamed in batches;
   PostgreSQL through COPY) — wall time and peak RSS;
2. ``planwatch status`` on the 1M-row store (second run, after the built-in data has loaded) — wall time and
   peak RSS;
3. the physical baseline in the same run: the same rows loaded with raw ``sqlite3.executemany`` (or
   PostgreSQL ``COPY``) into a bare table, no validation, no revisions.

Goals (issue: a store that scales): ``status`` under 1 s and 200 MB on the 1M-row store; import under
300 MB peak.

    python benchmarks/store_scale.py                      # SQLite, 1,000,000 rows
    python benchmarks/store_scale.py --rows 100000        # quicker
    python benchmarks/store_scale.py --postgres postgresql://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

INDICATORS = [("rd_intensity", "%", 6.0), ("basic_research_share", "%", 15.0), ("hightech_value_added", "亿元", 9000.0),
              ("tech_contract_turnover", "亿元", 7000.0), ("digital_economy_value_added", "亿元", 16000.0),
              ("hightech_zone_revenue", "万亿元", 6.0), ("rd_personnel_fte", "万人年", 30.0)]
PEERS = ["CN-BJ", "CN-SH", "CN-GD", "CN-JS", "CN-ZJ", "HTZ-ZGC", "HTZ-ZJ"]
HEADER = ["indicator", "region", "period", "value", "unit", "status", "publisher", "title", "url", "published"]


def regions(n_bench: int) -> list[str]:
    return PEERS + [f"BENCH-{i:03d}" for i in range(n_bench)]


def write_catalogue(path: Path, n_bench: int) -> None:
    lines = ["# Benchmark regions (synthetic; never shipped)", "regions:"]
    lines += [f"  - {{id: BENCH-{i:03d}, name: {{en: 'Benchmark region {i}'}}, kind: other}}" for i in range(n_bench)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate(path: Path, rows: int, revisions: int = 68, years: int = 21) -> int:
    """Write about ``rows`` rows: cells = rows / revisions, spread over indicators × regions × years."""
    cells = max(1, rows // revisions)
    n_regions = max(len(PEERS), cells // (len(INDICATORS) * years) + 1)
    regs = regions(n_regions - len(PEERS))
    written = 0
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for c in range(cells):
            ind, unit, base = INDICATORS[c % len(INDICATORS)]
            region = regs[(c // len(INDICATORS)) % len(regs)]
            year = 2004 + (c // (len(INDICATORS) * len(regs))) % years
            for r in range(revisions):
                w.writerow([ind, region, year, round(base * (1 + 0.001 * r), 3), unit, "final", "Benchmark bureau",
                            f"Release {r}", f"https://bench.example/{c}/{r}", f"{min(year + 1 + r // 12, 2026)}-0{1 + r % 9}-15"])
                written += 1
    return written


def run_measured(args: list[str], env: dict) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MB, stderr) of one child process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode() if p.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args[:4])} failed:\n{err}")
    return wall, usage.ru_maxrss / 1024, err


def baseline_sqlite(path: Path, db: Path) -> float:
    import sqlite3

    t0 = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE obs (indicator TEXT, region TEXT, period INT, value REAL, unit TEXT, status TEXT, "
                "publisher TEXT, title TEXT, url TEXT, published TEXT)")
    with path.open(encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        next(r)
        batch = []
        for row in r:
            batch.append(row)
            if len(batch) >= 50000:
                con.executemany("INSERT INTO obs VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
                batch = []
        con.executemany("INSERT INTO obs VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
    con.commit()
    con.close()
    return time.perf_counter() - t0


def baseline_postgres(path: Path, url: str) -> float:
    import psycopg

    table = "bench_" + uuid.uuid4().hex[:8]
    t0 = time.perf_counter()
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as con, con.cursor() as cur:
        cur.execute(f"CREATE TABLE {table} (indicator TEXT, region TEXT, period INT, value DOUBLE PRECISION, unit TEXT, "
                    "status TEXT, publisher TEXT, title TEXT, url TEXT, published TEXT)")
        with path.open("rb") as f, cur.copy(f"COPY {table} FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            while chunk := f.read(1 << 20):
                copy.write(chunk)
        con.commit()
        elapsed = time.perf_counter() - t0
        cur.execute(f"DROP TABLE {table}")
        con.commit()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--postgres", help="PostgreSQL URL (a fresh schema is used and dropped)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="pw-store-scale-"))
    data, cat = tmp / "rows.csv", tmp / "bench-catalogue.yaml"
    t0 = time.perf_counter()
    n = generate(data, a.rows)
    cells = n // 68
    write_catalogue(cat, max(1, cells // (len(INDICATORS) * 21) + 1))
    print(f"generated {n:,} rows ({cells:,} cells × 68 revisions) in {time.perf_counter() - t0:.1f} s "
          f"({data.stat().st_size / 2**20:.0f} MB)")
    schema = None
    if a.postgres:
        from sqlalchemy import create_engine, text

        schema = "pw_bench_" + uuid.uuid4().hex[:8]
        admin = create_engine(a.postgres.replace("postgresql://", "postgresql+psycopg://"))
        with admin.begin() as c:
            c.execute(text(f"CREATE SCHEMA {schema}"))
        url = admin.url.render_as_string(hide_password=False) + f"?options=-csearch_path%3D{schema}"
    else:
        url = f"sqlite:///{tmp / 'store.sqlite'}"
    env = {**os.environ, "PLANWATCH_HOME": str(tmp / "home")}
    pw = [sys.executable, "-m", "planwatch"]
    try:
        subprocess.run([*pw, "catalogue", "add", str(cat), "--db", url], check=True, env=env, capture_output=True)
        imp_s, imp_mb, _ = run_measured([*pw, "import", str(data), "--db", url], env)
        run_measured([*pw, "status", "--db", url, "-f", "json"], env)  # loads the built-in data once
        st_s, st_mb, _ = run_measured([*pw, "status", "--db", url, "-f", "json"], env)
        base = baseline_postgres(data, a.postgres) if a.postgres else baseline_sqlite(data, tmp / "raw.sqlite")
    finally:
        if schema:
            with admin.begin() as c:
                c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    store = "PostgreSQL (COPY)" if a.postgres else "SQLite"
    print(f"\nstore: {store}; rows: {n:,}")
    print(f"{'':34}{'seconds':>10}{'peak MB':>10}")
    print(f"{'planwatch import (validated)':34}{imp_s:10.1f}{imp_mb:10.0f}")
    print(f"{'raw load, no validation (baseline)':34}{base:10.1f}{'':>10}")
    print(f"{'planwatch status on the store':34}{st_s:10.2f}{st_mb:10.0f}")
    print(f"\nimport / raw load: {imp_s / base:.1f}×")
    goals = [("status under 1 s", st_s < 1.0), ("status under 200 MB", st_mb < 200), ("import under 300 MB", imp_mb < 300)]
    for name, ok in goals:
        print(f"goal {name}: {'met' if ok else 'NOT met'}")
    if not a.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
