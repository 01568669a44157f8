"""The command line of `planwatch serve`: accounts (`planwatch user add|list|disable`) and a shared deployment —
several workers on the real PostgreSQL server, where a change made through one worker is seen by every other."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from serve_support import PLAN, figure, pg_schema
from typer.testing import CliRunner

from planwatch.cli import app


def test_user_commands(tmp_path):
    db = str(tmp_path / "u.sqlite")
    runner = CliRunner()
    r = runner.invoke(app, ["user", "add", "alice", "--role", "editor", "--db", db])
    assert r.exit_code == 0, r.output
    token = r.stdout.strip().splitlines()[-1]
    assert token.startswith("pw_") and len(token) > 40
    assert runner.invoke(app, ["user", "add", "alice", "--db", db]).exit_code != 0  # names are never reused
    assert runner.invoke(app, ["user", "add", "bob", "--role", "owner", "--db", db]).exit_code != 0
    listed = runner.invoke(app, ["user", "list", "--format", "json", "--db", db])
    rows = json.loads(listed.stdout)
    assert rows[0]["name"] == "alice" and rows[0]["active"] is True and token not in listed.stdout
    assert runner.invoke(app, ["user", "disable", "alice", "--db", db]).exit_code == 0
    assert json.loads(runner.invoke(app, ["user", "list", "--format", "json", "--db", db]).stdout)[0]["active"] is False
    assert runner.invoke(app, ["user", "disable", "nobody", "--db", db]).exit_code != 0


def test_serve_refuses_a_log_level_that_would_log_tokens():
    r = CliRunner().invoke(app, ["serve", "--log-level", "trace"])
    assert r.exit_code != 0 and "trace" in str(r.exception or r.output)


def test_cli_start_up_does_not_import_the_server():
    code = "import sys, planwatch.cli; print(any(m.startswith(('fastapi', 'uvicorn', 'planwatch.serve')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _call(url: str, body: dict | None = None, token: str | None = None) -> tuple[int, dict]:
    req = urllib.request.Request(url, data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json",
                                          **({"Authorization": f"Bearer {token}"} if token else {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


@pytest.mark.slow
@pytest.mark.postgres
def test_several_workers_on_postgresql(tmp_path):
    with pg_schema("pw_workers_") as url:
        env = {**os.environ, "PLANWATCH_HOME": str(tmp_path / "home")}
        port = _free_port()
        token = subprocess.run([sys.executable, "-m", "planwatch", "user", "add", "edna", "--db", url], env=env,
                               capture_output=True, text=True, check=True, timeout=120).stdout.strip()
        proc = subprocess.Popen([sys.executable, "-m", "planwatch", "serve", "--port", str(port), "--db", url,
                                 "--workers", "2", "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    if _call(base + "/api/v1/plans")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            target = f"{base}/api/v1/plans/{PLAN}/targets/rd-intensity"
            before = _call(target)[1]["verdict"]
            status, res = _call(base + "/api/v1/observations", figure(), token)
            assert status == 201, res
            # new connections each time: the kernel spreads them over both workers. A signed-in reader sees the
            # change at once on every worker; an anonymous one within the version TTL (one second).
            signed_in = {_call(target, token=token)[1]["verdict"] for _ in range(20)}
            time.sleep(1.2)
            anonymous = {_call(target)[1]["verdict"] for _ in range(20)}
            assert before != "missed" and signed_in == {"missed"} and anonymous == {"missed"}
        finally:
            proc.terminate()
            proc.wait(timeout=30)
