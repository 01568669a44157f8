"""The browser test: `planwatch serve` started as a user would, driven by Playwright in Debian's Chromium
(/usr/bin/chromium — never a downloaded browser). It opens the plan page, follows a target, switches to Chinese,
signs in as an editor, revises a figure and sees the verdict and the history change, finds the change on the
audit page, and runs axe-core on every page it visits: no serious or critical violation is allowed."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from serve_support import PLAN, template_db_fixture  # noqa: F401  (fixtures)

CHROMIUM = os.environ.get("PLANWATCH_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).parent / "data" / "axe" / "axe.min.js"
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _planwatch(*args: str, env: dict) -> str:
    return subprocess.run([sys.executable, "-m", "planwatch", *args], env=env, check=True, capture_output=True,
                          text=True, timeout=120).stdout


@pytest.fixture
def server(template_db, tmp_path):
    """`planwatch serve` on a free loopback port over a copy of the built-in data, with an editor."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: .ci/run installs Debian's chromium with apt (browser test skipped)")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is a dev dependency")
    db = tmp_path / "browser.sqlite"
    shutil.copy(template_db, db)
    env = {**os.environ, "PLANWATCH_HOME": str(tmp_path / "home"), "PYTHONUNBUFFERED": "1"}
    token = _planwatch("user", "add", "edna", "--role", "editor", "--db", str(db), env=env).strip()
    port = _free_port()
    log = tmp_path / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "planwatch", "serve", "--port", str(port), "--db", str(db),
                                 "--log-level", "debug"], env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/api/v1/plans", timeout=2)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("planwatch serve exited:\n" + log.read_text())
                time.sleep(0.1)
        yield base, token, log
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _axe(page) -> None:
    """Run axe-core on the page; fail on any serious or critical violation, naming the rule and the elements."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}" for v in result
           if v["impact"] in ("serious", "critical")]
    assert not bad, f"{page.url}: " + "; ".join(bad)


def test_browser_journey(server):
    from playwright.sync_api import expect, sync_playwright

    base, token, log = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            # 1. the site as served, with its own CSP: nothing on the page is blocked or broken
            strict = browser.new_page()
            errors: list[str] = []
            strict.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            strict.goto(f"{base}/plans/{PLAN}")
            strict.goto(f"{base}/plans/{PLAN}/targets/rd-intensity")
            assert not errors, errors
            # on a phone the page fits the screen; wide tables scroll inside their own box
            strict.set_viewport_size({"width": 375, "height": 800})
            strict.goto(f"{base}/plans/{PLAN}")
            assert strict.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
            strict.close()

            # 2. the journey, with axe-core injected (bypass_csp lets the test add its script)
            ctx = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
            page = ctx.new_page()
            page.goto(f"{base}/")
            _axe(page)
            page.get_by_role("link", name=re.compile("Beijing International S&T Innovation Center")).click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("Beijing")
            expect(page.locator("#tbl-scorecard")).to_be_visible()
            _axe(page)
            # keyboard: the first Tab reaches the skip link, which moves focus to the main content
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.className") == "skip"
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.id") == "main"

            page.get_by_role("link", name="Turnover of technology contracts").click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("Turnover of technology contracts")
            expect(page.locator("#h-verdict .badge")).to_contain_text("on track")
            _axe(page)

            page.get_by_role("link", name="中文").click()
            assert page.evaluate("document.documentElement.lang") == "zh-Hans"
            expect(page.get_by_role("heading", level=1)).to_contain_text("技术合同成交额")
            expect(page.locator("#h-verdict .badge")).to_contain_text("进度正常")
            _axe(page)

            page.get_by_role("link", name="登录").click()
            _axe(page)
            page.get_by_label("用户").fill("edna")
            page.get_by_label("API 令牌").fill(token)
            page.get_by_role("button", name="登录").click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("技术合同成交额")
            expect(page.locator("header .user")).to_contain_text("edna")
            _axe(page)

            chart_before = page.locator("svg.chart").first.inner_html()
            page.locator("a[href*='/figures/new'][href*='period=2024']").first.click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("新增或修订数据")
            _axe(page)
            value = page.get_by_label("数值", exact=True)
            value.fill("3000" if "亿" in page.get_by_label("单位").input_value() else "300")
            page.get_by_role("button", name="保存").first.click()

            expect(page.get_by_role("heading", level=1)).to_contain_text("技术合同成交额")
            expect(page.locator("#h-verdict .badge")).to_contain_text("进度落后")
            assert page.locator("svg.chart").first.inner_html() != chart_before  # the chart follows the figure
            first = page.locator("#tbl-history tbody tr").first
            expect(first).to_contain_text("edna")
            expect(first).to_contain_text("2024")
            _axe(page)

            page.get_by_role("link", name="修改记录").click()
            expect(page.locator("#tbl-audit tbody tr").first).to_contain_text("edna")
            expect(page.locator("#tbl-audit tbody tr").first).to_contain_text("figure.revise")
            _axe(page)
            ctx.close()
        finally:
            browser.close()
    text = log.read_text()
    assert token not in text and token[3:15] not in text  # the token never reaches the server's log
    assert "GET /plans/beijing-istic-2025" in text  # (the log is there and has the requests)
