"""Load on `planwatch serve`, and on datasette serving the same observations from the same SQLite file.

Starts the server on loopback with the built-in data (the Beijing plan), then drives it with concurrent
keep-alive clients (asyncio, HTTP/1.1, 32 by default) for a bounded time per scenario, and prints requests/s and
p50/p99 latency for the plan page, a target page and the observations API — and, in the same run, for datasette's
JSON of the same rows of the same table (started with ``datasette serve -i``, its immutable, fastest mode).

What is measured: anonymous pages come from the page cache (keyed by the data version, see serve/data.py), so
"plan page, signed in" is also measured — a signed-in user's page is rendered on every request. The
observations API has no response cache: each request queries the store and serialises the rows, as datasette
does.

Goals (issue: planwatch serve): observations JSON at least as fast as datasette's for the same rows, plan page
p99 under 100 ms, zero errors; the same on PostgreSQL.

    python benchmarks/serve_load.py                       # SQLite; 32 clients; 8 s per scenario
    python benchmarks/serve_load.py --postgres postgresql://postgres@127.0.0.1:5432/test
    python benchmarks/serve_load.py --seconds 4 --clients 16 --json

Everything runs on 127.0.0.1 only; each scenario stops after --seconds (and at most --max-requests requests).
The client shares the machine's cores with the servers, so absolute figures understate a dedicated server; the
comparison with datasette is on equal terms (same client, same machine, same rows).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

PLAN = "beijing-istic-2025"
INDICATOR = "rd_intensity"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"server exited while starting: {proc.args}") from None
            time.sleep(0.2)
    raise SystemExit(f"server did not answer {url} within {timeout} s")


# -- the load generator ---------------------------------------------------------------------------------------
async def _read_response(reader: asyncio.StreamReader) -> tuple[int, int]:
    """(status, body bytes) of one HTTP/1.1 response (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
        return status, len(body)
    if headers.get("transfer-encoding") == "chunked":
        size = 0
        while True:
            n = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
            if n == 0:
                await reader.readuntil(b"\r\n")
                return status, size
            size += len(await reader.readexactly(n + 2)) - 2
    return status, 0


async def _client(host: str, port: int, path: str, stop: float, budget: list[int], out: list[float], errors: list[str],
                  cookie: str | None = None):
    extra = f"Cookie: {cookie}\r\n" if cookie else ""
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\n{extra}\r\n".encode()
    reader = writer = None
    while time.monotonic() < stop and budget[0] > 0:
        budget[0] -= 1
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            t0 = time.perf_counter()
            writer.write(request)
            status, size = await _read_response(reader)
            dt = time.perf_counter() - t0
            if status != 200 or size == 0:
                errors.append(f"HTTP {status}")
            else:
                out.append(dt)
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            errors.append(type(exc).__name__)
            writer = None
    if writer is not None:
        writer.close()


async def _drive(host: str, port: int, path: str, clients: int, seconds: float, max_requests: int,
                 cookie: str | None) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    budget = [max_requests]
    start = time.monotonic()
    await asyncio.gather(*(_client(host, port, path, start + seconds, budget, latencies, errors, cookie)
                           for _ in range(clients)))
    elapsed = time.monotonic() - start
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

    return {"requests": len(latencies), "errors": len(errors), "error_kinds": sorted(set(errors))[:5],
            "rps": len(latencies) / elapsed, "p50_ms": pct(0.50), "p99_ms": pct(0.99), "seconds": elapsed}


def drive(port: int, path: str, clients: int, seconds: float, max_requests: int, cookie: str | None = None) -> dict:
    try:
        import uvloop  # the client's own overhead is part of every figure: keep it small

        run = uvloop.run
    except ImportError:
        run = asyncio.run
    for _ in range(5):  # warm: caches filled, connections and code paths hot
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Cookie": cookie} if cookie else {})
        urllib.request.urlopen(req, timeout=30).read()
    gc.collect()
    gc.freeze()
    return run(_drive("127.0.0.1", port, path, clients, seconds, max_requests, cookie))


# -- the servers ---------------------------------------------------------------------------------------------
def build_sqlite(folder: Path) -> Path:
    from planwatch.sources.builtin import ensure_builtin
    from planwatch.store.repository import Store

    path = folder / "planwatch.sqlite"
    store = Store.open(f"sqlite:///{path}")
    ensure_builtin(store, PLAN)
    store.engine.dispose()
    return path


def postgres_schema(url: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text

    schema = "pw_bench_" + uuid.uuid4().hex[:8]
    with create_engine(url).begin() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    return schema, url + ("&" if "?" in url else "?") + f"options=-csearch_path%3D{schema}"


def drop_schema(url: str, schema: str) -> None:
    from sqlalchemy import create_engine, text

    with create_engine(url).begin() as c:
        c.execute(text(f"DROP SCHEMA {schema} CASCADE"))


def session_cookie(url: str) -> str:
    """A signed-in editor's session, made in the store directly (pages for a signed-in user are rendered each time)."""
    from planwatch.serve import sessions
    from planwatch.serve.accounts import add_user
    from planwatch.store.repository import Store

    store = Store.open(url)
    user, _ = add_user(store, f"bench-{uuid.uuid4().hex[:6]}", "editor")
    value, _ = sessions.start(store, user, hours=1)
    store.engine.dispose()
    return f"{sessions.COOKIE}={value}"


def start(cmd: list[str], env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(cmd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)


def same_rows(pw_port: int, ds_port: int, pw_path: str, ds_path: str) -> int:
    """Both paths return the same observation rows (by id); returns how many."""
    ours = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{pw_port}{pw_path}").read())["items"]
    theirs = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{ds_port}{ds_path}").read())
    a, b = [r["id"] for r in ours], [r["id"] for r in theirs]
    if a != b:
        raise SystemExit(f"planwatch and datasette return different rows ({len(a)} vs {len(b)})")
    return len(a)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=8.0, help="per scenario")
    ap.add_argument("--max-requests", type=int, default=200_000, help="per scenario, a bound besides the time")
    ap.add_argument("--workers", type=int, default=1, help="planwatch serve worker processes")
    ap.add_argument("--postgres", help="also run planwatch on this PostgreSQL server (a temporary schema)")
    ap.add_argument("--no-datasette", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="pw-serve-load-"))
    env = {**os.environ, "PLANWATCH_HOME": str(folder / "home")}
    env.pop("PLANWATCH_DATABASE_URL", None)
    procs: list[subprocess.Popen] = []
    schema = None
    results: list[dict] = []
    try:
        db = build_sqlite(folder)
        backends = [("sqlite", str(db))]
        if args.postgres:
            from planwatch.sources.builtin import ensure_builtin
            from planwatch.store.repository import Store

            schema, pg_url = postgres_schema(args.postgres)
            store = Store.open(pg_url)
            ensure_builtin(store, PLAN)
            store.engine.dispose()
            backends.append(("postgresql", pg_url))
        ds_port = None
        if not args.no_datasette:
            if shutil.which("datasette") is None and not (Path(sys.executable).parent / "datasette").exists():
                raise SystemExit("datasette is not installed (pip install 'planwatch[dev]'), or pass --no-datasette")
            exe = shutil.which("datasette") or str(Path(sys.executable).parent / "datasette")
            ds_port = free_port()
            procs.append(start([exe, "serve", "-i", str(db), "--port", str(ds_port), "--host", "127.0.0.1"], env,
                               folder / "datasette.log"))
            wait_ready(f"http://127.0.0.1:{ds_port}/-/versions.json", procs[-1])
        obs_path = f"/api/v1/observations?indicator={INDICATOR}&view=all&limit=100"
        ds_path = f"/planwatch/observations.json?indicator={INDICATOR}&_size=100&_shape=array&_sort=id"
        for backend, url in backends:
            port = free_port()
            procs.append(start([sys.executable, "-m", "planwatch", "serve", "--port", str(port), "--db", url,
                                "--workers", str(args.workers), "--log-level", "warning"], env, folder / f"{backend}.log"))
            wait_ready(f"http://127.0.0.1:{port}/api/v1/plans", procs[-1])
            rows = same_rows(port, ds_port, obs_path, ds_path) if ds_port else None
            cookie = session_cookie(url)
            scenarios = [("plan page", f"/plans/{PLAN}", None), ("target page", f"/plans/{PLAN}/targets/rd-intensity", None),
                         ("plan page, signed in", f"/plans/{PLAN}", cookie),
                         (f"observations API ({rows or 100} rows)", obs_path, None)]
            for name, path, with_cookie in scenarios:
                r = drive(port, path, args.clients, args.seconds, args.max_requests, with_cookie)
                results.append({"server": f"planwatch ({backend})", "scenario": name, "path": path, **r})
            procs[-1].terminate()
            procs[-1].wait(timeout=30)
        if ds_port:
            r = drive(ds_port, ds_path, args.clients, args.seconds, args.max_requests)
            results.append({"server": "datasette (sqlite, immutable)", "scenario": "observations JSON (same rows)",
                            "path": ds_path, **r})
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    p.kill()
        if schema:
            drop_schema(args.postgres, schema)
        shutil.rmtree(folder, ignore_errors=True)
    return report(results, args)


def report(results: list[dict], args) -> int:
    goals = []
    ds = next((r for r in results if r["server"].startswith("datasette")), None)
    for r in results:
        if r["server"].startswith("planwatch"):
            if r["scenario"] == "plan page":
                goals.append((f"{r['server']}: plan page p99 {r['p99_ms']:.1f} ms < 100 ms", r["p99_ms"] < 100))
            if r["scenario"].startswith("observations") and ds:
                goals.append((f"{r['server']}: observations {r['rps']:.0f} req/s ≥ datasette {ds['rps']:.0f} req/s",
                              r["rps"] >= ds["rps"]))
        goals.append((f"{r['server']}: {r['scenario']}: {r['errors']} errors", r["errors"] == 0))
    if args.json:
        print(json.dumps({"clients": args.clients, "seconds": args.seconds, "workers": args.workers, "results": results,
                          "goals": [{"goal": g, "met": ok} for g, ok in goals]}, indent=2))
    else:
        print(f"{args.clients} concurrent keep-alive clients, {args.seconds:g} s per scenario, planwatch workers: "
              f"{args.workers}, {os.cpu_count()} cores shared by clients and servers")
        print(f"{'server':32} {'scenario':34} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for r in results:
            print(f"{r['server']:32} {r['scenario']:34} {r['requests']:>9} {r['rps']:>8.0f} {r['p50_ms']:>8.1f} "
                  f"{r['p99_ms']:>8.1f} {r['errors']:>7}")
        for goal, ok in goals:
            print(("met     " if ok else "NOT MET ") + goal)
    return 0 if all(ok for _, ok in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
