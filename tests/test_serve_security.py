"""Security of ``planwatch serve``: writes refused without the right role (401/403), CSRF enforced, script payloads
rendered inert, SQL metacharacters harmless, oversized bodies and uploads refused, tokens stored only as hashes and
never logged, sign-in limited, reads closed when the deployment requires sign-in."""

from __future__ import annotations

import logging
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from serve_support import PLAN, csrf_of, figure, served_any_fixture, served_fixture, served_on, sqlite_copy, template_db_fixture  # noqa: F401

API_WRITES = [("/api/v1/observations", figure()), ("/api/v1/observations/withdraw", {
    "indicator": "rd_intensity", "region": "CN-BJ", "period": 2024, "url": "https://x", "reason": "r"}),
    (f"/api/v1/plans/{PLAN}/evidence", {"subject": "task-4-talent", "date": "2026", "kind": "achieved", "text": {"en": "x"},
                                        "quote": "q", "source": {"publisher": "p", "title": "t", "url": "https://x",
                                                                 "published": "2026"}}),
    (f"/api/v1/plans/{PLAN}/evidence/1/withdraw", {"reason": "r"}),
    (f"/api/v1/plans/{PLAN}/status", {"subject": "task-4-talent", "status": "achieved", "reason": "r"})]
ADMIN_WRITES = [("/api/v1/plans", {"text": "id: x"}), ("/api/v1/drafts", {"text": "x"}),
                ("/api/v1/users", {"name": "eve", "role": "admin"}), ("/api/v1/users/edna/disable", None)]
PAGE_WRITES = ["/figures", "/figures/withdraw", f"/plans/{PLAN}/tasks/task-4-talent/evidence",
               f"/plans/{PLAN}/tasks/task-4-talent/status", "/admin/users", "/admin/plans", "/admin/plans/draft",
               "/admin/plans/save", "/signout"]


def test_anonymous_and_wrong_role_writes_are_refused(served):
    c = served.client
    for path, body in API_WRITES + ADMIN_WRITES:
        r = c.post(path, json=body)
        assert r.status_code == 401, (path, r.status_code)
        assert r.headers["www-authenticate"] == "Bearer"
        assert c.post(path, json=body, headers=served.auth("pw_not-a-real-token")).status_code == 401
    for path, body in ADMIN_WRITES:
        assert c.post(path, json=body, headers=served.auth(served.editor)).status_code == 403, path
    assert c.get("/api/v1/users", headers=served.auth(served.editor)).status_code == 403
    assert c.get("/api/v1/audit").status_code == 401
    for path in PAGE_WRITES:
        assert c.post(path, data={"csrf_token": "x"}).status_code == 401, path
    for path in ("/figures/new", "/figures/upload", "/admin", "/admin/users", "/admin/plans/new", "/audit"):
        assert c.get(path).status_code == 401, path
    editor = served.signed_in("edna", served.editor)
    csrf = csrf_of(editor.get(f"/plans/{PLAN}").text)
    for path in ("/admin/users", "/admin/plans", "/admin/plans/draft", "/admin/plans/save"):
        assert editor.post(path, data={"csrf_token": csrf, "name": "eve", "role": "admin", "text": "x"}).status_code == 403
    assert editor.get("/admin/users").status_code == 403


def test_csrf_is_enforced_for_sessions(served):
    c = served.signed_in("edna", served.editor)
    csrf = csrf_of(c.get(f"/plans/{PLAN}").text)
    task = f"/plans/{PLAN}/tasks/task-4-talent/status"
    body = {"status": "achieved", "reason": "r"}
    assert c.post(task, data=body).status_code == 403
    assert c.post(task, data={**body, "csrf_token": "forged"}).status_code == 403
    assert c.post(task, data={**body, "csrf_token": csrf}, follow_redirects=False).status_code == 303
    # the API with a session cookie needs the header; with a token it does not (no ambient authority)
    assert c.post("/api/v1/observations", json=figure()).status_code == 403
    assert c.post("/api/v1/observations", json=figure(), headers={"X-CSRF-Token": csrf}).status_code == 201
    assert served.client.post("/api/v1/observations", json=figure(value=5.2), headers=served.auth(served.editor)).status_code == 201
    # sign-in itself is protected against login CSRF, and sign-out ends the session everywhere
    fresh = TestClient(served.app)
    r = fresh.post("/signin", data={"name": "edna", "token": served.editor, "next": "/"}, follow_redirects=False)
    assert r.status_code == 403
    cookie = c.cookies.get("pw_session")
    assert c.post("/signout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    other = TestClient(served.app, cookies={"pw_session": cookie})
    assert other.post(task, data={**body, "csrf_token": csrf}).status_code == 401


def test_session_cookie_and_redirects(served):
    c = TestClient(served.app)

    def login() -> str:
        return re.search(r'name="login_csrf" value="([^"]+)"', c.get("/signin").text).group(1)

    r = c.post("/signin", data={"name": "edna", "token": served.editor, "login_csrf": login(), "next": "//evil.example/"},
               follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower() and served.editor not in cookie
    fresh = TestClient(served.app)
    token = re.search(r'name="login_csrf" value="([^"]+)"', fresh.get("/signin").text).group(1)
    r = fresh.post("/signin", data={"name": "edna", "token": "pw_wrong", "login_csrf": token}, follow_redirects=False)
    assert "error=bad_signin" in r.headers["location"]
    assert served.admin not in fresh.get(r.headers["location"]).text
    for _ in range(10):
        fresh.post("/signin", data={"name": "edna", "token": "pw_wrong", "login_csrf": token})
    r = fresh.post("/signin", data={"name": "edna", "token": served.editor, "login_csrf": token}, follow_redirects=False)
    assert "error=too_many" in r.headers["location"]
    r = fresh.post("/signin", data={"name": "ada", "token": served.editor, "login_csrf": token}, follow_redirects=False)
    assert "error=" in r.headers["location"]  # a token signs in only its own user


def test_tokens_are_stored_only_as_hashes_and_never_logged(served, caplog):
    from sqlalchemy import text

    caplog.set_level(logging.DEBUG)
    c = served.signed_in("edna", served.editor)
    c.get(f"/plans/{PLAN}")
    served.client.get("/api/v1/plans", headers=served.auth(served.admin))
    served.client.post("/api/v1/observations", json=figure(), headers=served.auth(served.editor))
    served.client.post("/api/v1/users", json={"name": "zed", "role": "editor"}, headers=served.auth(served.admin))
    with served.store.engine.connect() as conn:
        dump = " ".join(str(row) for t in ("users", "sessions", "audit", "imports")
                        for row in conn.execute(text(f"SELECT * FROM {t}")))
    assert served.editor not in dump and served.admin not in dump and served.editor[3:20] not in dump
    assert served.editor not in caplog.text and served.admin not in caplog.text


def test_script_payloads_are_rendered_inert(served):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    plan = f"""id: xss-plan
title: {{en: '{payload}', zh: '{payload}'}}
region: CN-BJ
horizon: 2027
goals:
- id: g1
  text: {{en: '{payload}'}}
targets:
- id: t1
  indicator: rd_intensity
  quote: {{en: '{payload}'}}
  comparator: at_least
  value: 6.5
  unit: "%"
  deadline: 2027
tasks:
- id: k1
  title: {{en: '{payload}'}}
"""
    s = served
    assert s.client.post("/api/v1/plans", json={"text": plan}, headers=s.auth(s.admin)).status_code == 201
    r = s.client.post("/api/v1/plans/xss-plan/evidence", headers=s.auth(s.editor), json={
        "subject": "k1", "date": "2026", "kind": "achieved", "text": {"en": payload}, "quote": payload,
        "source": {"publisher": payload, "title": payload, "url": "https://example.org/<script>", "published": "2026"}})
    assert r.status_code == 201
    assert s.client.post("/api/v1/observations", headers=s.auth(s.editor), json=figure(
        quote=payload, note=payload, publisher=payload, title=payload)).status_code == 201
    js = s.client.post("/api/v1/observations", headers=s.auth(s.editor), json=figure(url="javascript:alert(1)"))
    assert js.status_code == 422
    for path in ("/", "/plans/xss-plan", "/plans/xss-plan/targets/t1", "/plans/xss-plan/tasks/k1",
                 f"/plans/{PLAN}/targets/rd-intensity", "/sources", "/plans/xss-plan/report", "/api"):
        html = s.client.get(path).text
        assert "<script" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), path
        assert "<img src=x" not in html, path
    assert "&lt;script&gt;" in s.client.get("/plans/xss-plan").text
    audit = served.signed_in("ada", served.admin).get("/audit").text
    assert "<script" not in audit


def test_sql_metacharacters_in_filters_are_harmless(served_any):
    served = served_any
    c = served.client
    before = c.get("/api/v1/observations", params={"view": "all", "limit": 1000}).json()["items"]
    for evil in ("' OR 1=1 --", "rd_intensity'; DROP TABLE observations; --", '" OR ""="', "%", "_", "\\", "\x00"):
        for path, params in (("/api/v1/observations", {"indicator": evil, "region": evil, "status": evil}),
                             ("/api/v1/observations", {"indicator": evil}), ("/api/v1/revisions", {"indicator": evil,
                                                                                                   "region": "CN-BJ"}),
                             ("/api/v1/sources", {"publisher": evil}), (f"/api/v1/plans/{quote(evil)}", None),
                             (f"/api/v1/indicators/{quote(evil)}", None)):
            r = c.get(path, params=params)
            assert r.status_code in (200, 400, 404, 422), (path, evil)
            if r.status_code == 200:
                assert r.json()["items"] == [], (path, evil)
        assert c.get(f"/plans/{PLAN}", params={"as_of": evil}).status_code in (400, 422)
    audit = served.signed_in("ada", served.admin)
    assert audit.get("/audit", params={"user": "' OR 1=1 --", "plan": "x'--"}).status_code == 200
    nul = c.post("/api/v1/plans/" + PLAN + "/status", headers=served.auth(served.editor),
                 json={"subject": "task-4-talent", "status": "achieved", "reason": "a\x00b"})
    assert nul.status_code == 422
    assert c.get("/api/v1/observations", params={"indicator": "a\x00b"}).status_code == 400
    after = c.get("/api/v1/observations", params={"view": "all", "limit": 1000}).json()["items"]
    assert len(after) == len(before)


def test_oversized_bodies_and_uploads_are_refused(template_db, tmp_path):
    s = served_on(sqlite_copy(template_db, tmp_path), max_upload_bytes=20_000, max_body_bytes=2_000)
    big_csv = b"indicator,region,period,value,unit,status,publisher,title,url,published\n" + b"x" * 30_000
    r = s.client.post("/api/v1/observations/upload", files={"file": ("big.csv", big_csv)}, headers=s.auth(s.editor))
    assert r.status_code == 413
    r = s.client.post("/api/v1/observations", json=figure(note="n" * 5_000), headers=s.auth(s.editor))
    assert r.status_code == 413
    r = s.client.post("/api/v1/plans", json={"text": "x" * 30_000}, headers=s.auth(s.admin))
    assert r.status_code == 413

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(40):
            yield b"y" * 1000

    r = s.client.post("/api/v1/observations", content=chunks(), headers={**s.auth(s.editor), "Content-Type": "application/json"})
    assert r.status_code == 413
    editor = s.signed_in("edna", s.editor)
    csrf = csrf_of(editor.get("/figures/upload").text)
    r = editor.post("/figures/upload", data={"csrf_token": csrf}, files={"file": ("big.csv", big_csv)})
    assert r.status_code == 413
    assert s.client.get("/api/v1/observations", params={"indicator": "rd_intensity", "period": 2025}).status_code == 200


def test_a_private_deployment_needs_sign_in_to_read(template_db, tmp_path):
    s = served_on(sqlite_copy(template_db, tmp_path), require_signin=True)
    for path in ("/", f"/plans/{PLAN}", "/api/v1/plans", "/api/v1/observations", f"/plans/{PLAN}/report"):
        assert s.client.get(path).status_code == 401, path
    r = s.client.get("/api/v1/plans", headers=s.auth(s.editor))
    assert r.status_code == 200 and r.headers["cache-control"].startswith("private")
    page = s.signed_in("edna", s.editor).get(f"/plans/{PLAN}")
    assert page.status_code == 200 and page.headers["cache-control"].startswith("private")
    assert s.client.get("/signin").status_code == 200


@pytest.mark.parametrize("path", ["/static/planwatch.css", "/static/favicon.svg"])
def test_assets_are_served_by_planwatch(served, path):
    r = served.client.get(path)
    assert r.status_code == 200 and "max-age=86400" in r.headers["cache-control"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_each_signed_in_user_gets_their_own_token_on_cached_pages(served):
    from planwatch.serve.accounts import add_user
    from planwatch.serve.pages.common import MARK_CSRF, MARK_USER

    _, other = add_user(served.store, "otto", "editor")
    a, b = served.signed_in("edna", served.editor), served.signed_in("otto", other)
    path = f"/plans/{PLAN}/tasks/task-4-talent"
    pa, pb = a.get(path).text, b.get(path).text
    assert csrf_of(pa) != csrf_of(pb) and "edna" in pa and "otto" in pb and "otto" not in pa
    assert MARK_CSRF not in pa + pb and MARK_USER not in pa + pb
    # each token works only in its own session
    body = {"status": "achieved", "reason": "r"}
    assert a.post(f"{path}/status", data={**body, "csrf_token": csrf_of(pb)}).status_code == 403
    assert a.post(f"{path}/status", data={**body, "csrf_token": csrf_of(pa)}, follow_redirects=False).status_code == 303
    anonymous = served.client.get(path).text
    assert "csrf_token" not in anonymous and MARK_CSRF not in anonymous
