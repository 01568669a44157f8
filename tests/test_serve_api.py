"""The JSON API on the real app, on SQLite and on the real PostgreSQL server: reads, pagination, ETags and
caching, writes by role with their audit rows, and the verdict and history following an editor's revision."""

from __future__ import annotations

import io

from serve_support import PLAN, figure, served_any_fixture, served_fixture, template_db_fixture  # noqa: F401  (fixtures)


def test_reads(served_any):
    c = served_any.client
    plans = c.get("/api/v1/plans").json()["items"]
    assert PLAN in {p["id"] for p in plans}
    plan = c.get(f"/api/v1/plans/{PLAN}").json()
    assert plan["id"] == PLAN and len(plan["targets"]) == 7
    targets = c.get(f"/api/v1/plans/{PLAN}/targets").json()
    assert {t["target_id"] for t in targets["items"]} >= {"rd-intensity", "tech-contract-turnover"}
    rd = c.get(f"/api/v1/plans/{PLAN}/targets/rd-intensity").json()
    assert rd["verdict"] in ("met", "on_track") and rd["series"] and rd["series"][0]["source"]["url"]
    old = c.get(f"/api/v1/plans/{PLAN}/targets/rd-intensity", params={"as_of": "2023-06-30"}).json()
    assert max(p["period"] for p in old["series"]) < max(p["period"] for p in rd["series"])
    timeline = c.get(f"/api/v1/plans/{PLAN}/targets/rd-intensity/timeline").json()
    assert timeline["points"] and timeline["summary"]["zh"]
    tasks = c.get(f"/api/v1/plans/{PLAN}/tasks").json()["items"]
    assert {t["kind"] for t in tasks} == {"task", "goal"} and any(t["evidence"] for t in tasks)
    cov = c.get(f"/api/v1/plans/{PLAN}/coverage").json()
    assert cov["years"] and any(r["own"] for r in cov["rows"])
    assert set(v for r in cov["rows"] for v in r["cells"].values()) <= {"figure", "derived", "statement", "words", "gap"}
    assert any(i["id"] == "rd_intensity" for i in c.get("/api/v1/indicators").json()["items"])
    assert c.get("/api/v1/indicators/rd_intensity").json()["unit"] == "%"
    assert c.get("/api/v1/regions/CN-BJ").json()["id"] == "CN-BJ"
    assert c.get("/api/v1/regions").json()["peer_groups"]
    for missing in (f"/api/v1/plans/{PLAN}/targets/nope", "/api/v1/plans/nope", "/api/v1/indicators/nope",
                    "/api/v1/regions/nope", "/api/v1/sources/999999"):
        r = c.get(missing)
        assert r.status_code == 404 and r.json()["detail"]
    assert c.get(f"/api/v1/plans/{PLAN}/targets", params={"as_of": "2999-01-01"}).status_code == 422
    assert c.get(f"/api/v1/plans/{PLAN}/targets", params={"as_of": "yesterday"}).status_code == 422


def test_observations_filter_and_pages(served_any):
    c = served_any.client
    first = c.get("/api/v1/observations", params={"indicator": "rd_intensity", "region": "CN-BJ", "limit": 5}).json()
    assert len(first["items"]) == 5 and first["next"]
    assert all(o["indicator"] == "rd_intensity" and o["region"] == "CN-BJ" and o["current"] for o in first["items"])
    second = c.get(first["next"]).json()
    assert not {o["id"] for o in first["items"]} & {o["id"] for o in second["items"]}
    one = c.get("/api/v1/observations", params={"indicator": "rd_intensity,basic_research_share", "period": 2022}).json()
    assert {o["indicator"] for o in one["items"]} == {"rd_intensity", "basic_research_share"}
    assert {o["period"] for o in one["items"]} == {2022}
    span = c.get("/api/v1/observations", params={"indicator": "rd_intensity", "period_from": 2019, "period_to": 2020}).json()
    assert {o["period"] for o in span["items"]} == {2019, 2020}
    st = c.get("/api/v1/observations", params={"status": "statement", "limit": 1000}).json()["items"]
    assert st and {o["status"] for o in st} == {"statement"}
    every = c.get("/api/v1/observations", params={"view": "all", "indicator": "rd_intensity", "limit": 1000}).json()["items"]
    assert len(every) > len(c.get("/api/v1/observations", params={"indicator": "rd_intensity", "limit": 1000}).json()["items"])
    revs = c.get("/api/v1/revisions", params={"indicator": "rd_intensity", "region": "CN-BJ", "period": 2023}).json()["items"]
    assert len(revs) >= 2 and {r["period"] for r in revs} == {2023}
    src = c.get("/api/v1/sources", params={"limit": 3}).json()
    assert len(src["items"]) == 3 and src["next"]
    detail = c.get(f"/api/v1/sources/{src['items'][0]['id']}").json()
    assert detail["observations"] and detail["publisher"] == src["items"][0]["publisher"]
    assert c.get("/api/v1/observations", params={"limit": 0}).status_code == 422
    assert c.get("/api/v1/observations", params={"limit": 5000}).status_code == 422


def test_etag_and_cache_control(served):
    c = served.client
    r = c.get("/api/v1/observations", params={"indicator": "rd_intensity"})
    assert r.headers["etag"] and "max-age" in r.headers["cache-control"]
    again = c.get("/api/v1/observations", params={"indicator": "rd_intensity"}, headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304 and not again.content
    page = c.get(f"/plans/{PLAN}")
    assert page.headers["etag"] and "no-cache" in page.headers["cache-control"]
    assert c.get(f"/plans/{PLAN}", headers={"If-None-Match": page.headers["etag"]}).status_code == 304
    c.post("/api/v1/observations", json=figure(), headers=served.auth(served.editor))
    changed = c.get("/api/v1/observations", params={"indicator": "rd_intensity"}, headers={"If-None-Match": r.headers["etag"]})
    assert changed.status_code == 200 and changed.headers["etag"] != r.headers["etag"]


def test_editor_revises_a_figure_and_the_verdict_and_history_follow(served_any):
    s = served_any
    c = s.client
    before = c.get(f"/api/v1/plans/{PLAN}/targets/rd-intensity").json()
    r = c.post("/api/v1/observations", json=figure(), headers=s.auth(s.editor))
    assert r.status_code == 201, r.text
    assert r.json()["new"] == 1
    after = c.get(f"/api/v1/plans/{PLAN}/targets/rd-intensity").json()
    assert before["verdict"] == "met" and before["provisional"]  # by the official 2025 statement
    assert after["verdict"] == "missed" and not after["provisional"]  # the deadline year's figure is out
    # a correction of the same source line is a revision; the old value stays in the history
    r = c.post("/api/v1/observations", json=figure(value=6.2), headers=s.auth(s.editor))
    assert r.json()["revised"] == 1
    assert c.get(f"/api/v1/plans/{PLAN}/targets/rd-intensity").json()["verdict"] == "met"
    revs = c.get("/api/v1/revisions", params={"indicator": "rd_intensity", "region": "CN-BJ", "period": 2025}).json()["items"]
    mine = [x for x in revs if x["source"]["url"] == figure()["url"]]
    assert [x["value"] for x in mine] == [5.1, 6.2] and {x["added_by"] for x in mine} == {"edna"}
    # a retraction is a revision too: the figure stops counting, its history stays
    w = c.post("/api/v1/observations/withdraw", headers=s.auth(s.editor), json={
        "indicator": "rd_intensity", "region": "CN-BJ", "period": 2025, "url": figure()["url"], "reason": "wrong table"})
    assert w.status_code == 201, w.text
    assert c.get(f"/api/v1/plans/{PLAN}/targets/rd-intensity").json()["verdict"] == before["verdict"]
    revs = c.get("/api/v1/revisions", params={"indicator": "rd_intensity", "region": "CN-BJ", "period": 2025}).json()["items"]
    assert [x["status"] for x in revs if x["source"]["url"] == figure()["url"]] == ["final", "final", "withdrawn"]
    audit = c.get("/api/v1/audit", params={"user": "edna"}, headers=s.auth(s.admin)).json()["items"]
    assert [a["action"] for a in audit][:3] == ["figure.withdraw", "figure.revise", "figure.add"]
    assert audit[1]["old_value"].startswith("5.1 %") and audit[1]["new_value"].startswith("6.2 %")
    assert "Beijing Municipal Bureau of Statistics" in audit[1]["source"]


def test_a_bad_figure_is_refused_with_row_column_and_reason(served_any):
    s = served_any
    r = s.client.post("/api/v1/observations", json=figure(value="6,5", region="XX", published="2030-01-01"),
                      headers=s.auth(s.editor))
    assert r.status_code == 422
    cols = {e["column"] for e in r.json()["errors"]}
    assert {"value", "region", "published"} <= cols and all(e["reason"] for e in r.json()["errors"])
    odd = s.client.post("/api/v1/observations", json=figure(unit=")"), headers=s.auth(s.editor))  # found by schemathesis
    assert odd.status_code == 422 and odd.json()["errors"][0]["column"] == "unit"


def test_upload_is_one_transaction_like_import(served):
    s = served
    header = "indicator,region,period,value,unit,status,publisher,title,url,published\n"
    good = header + "rd_intensity,CN-BJ,2025,6.4,%,preliminary,BJ Stats,Bulletin,https://example.org/a,2026-02-01\n"
    bad = good + "rd_intensity,CN-BJ,2026,abc,%,final,BJ Stats,Bulletin,https://example.org/b,2026-02-01\n"
    r = s.client.post("/api/v1/observations/upload", files={"file": ("bad.csv", bad.encode(), "text/csv")},
                      headers=s.auth(s.editor))
    assert r.status_code == 422
    assert r.json()["errors"][0] == {"row": 3, "column": "value", "reason": r.json()["errors"][0]["reason"]}
    q = {"indicator": "rd_intensity", "period": 2025, "status": "preliminary"}
    assert not s.client.get("/api/v1/observations", params=q).json()["items"]
    r = s.client.post("/api/v1/observations/upload", files={"file": ("good.csv", good.encode(), "text/csv")},
                      headers=s.auth(s.editor))
    assert r.status_code == 201 and r.json()["new"] == 1
    from openpyxl import Workbook

    wb = Workbook()
    for row in (header.strip().split(","),
                ["rd_intensity", "CN-BJ", 2025, 6.45, "%", "preliminary", "BJ Stats", "Bulletin", "https://example.org/a",
                 "2026-02-01"]):
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    r = s.client.post("/api/v1/observations/upload", headers=s.auth(s.editor),
                      files={"file": ("f.xlsx", buf.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")})
    assert r.status_code == 201 and r.json()["revised"] == 1


def test_task_evidence_and_status(served_any):
    s = served_any
    c = s.client
    task = "task-4-talent"
    entry = {"subject": task, "date": "2026-05", "kind": "achieved", "text": {"en": "A new talent programme started."},
             "quote": "人才计划启动", "source": {"publisher": "BJ Gov", "title": "News", "url": "https://example.org/t",
                                               "published": "2026-05-03"}}
    r = c.post(f"/api/v1/plans/{PLAN}/evidence", json=entry, headers=s.auth(s.editor))
    assert r.status_code == 201 and r.json()["detail"] == "recorded"
    assert c.post(f"/api/v1/plans/{PLAN}/evidence", json=entry, headers=s.auth(s.editor)).json()["detail"] == "already recorded"
    items = {t["id"]: t for t in c.get(f"/api/v1/plans/{PLAN}/tasks").json()["items"]}
    mine = [e for e in items[task]["evidence"] if e["url"] == "https://example.org/t"]
    assert mine and mine[0]["recorded_by"] == "edna"
    r = c.post(f"/api/v1/plans/{PLAN}/evidence/{mine[0]['id']}/withdraw", json={"reason": "duplicate"}, headers=s.auth(s.editor))
    assert r.status_code == 201
    items = {t["id"]: t for t in c.get(f"/api/v1/plans/{PLAN}/tasks").json()["items"]}
    assert not [e for e in items[task]["evidence"] if e["url"] == "https://example.org/t"]
    r = c.post(f"/api/v1/plans/{PLAN}/status", json={"subject": task, "status": "achieved", "reason": "all done"},
               headers=s.auth(s.editor))
    assert r.status_code == 201
    items = {t["id"]: t for t in c.get(f"/api/v1/plans/{PLAN}/tasks").json()["items"]}
    assert items[task]["status"]["status"] == "achieved" and items[task]["status"]["set_by"] == "edna"
    assert len(items[task]["status_history"]) >= 2
    bad = c.post(f"/api/v1/plans/{PLAN}/status", json={"subject": "no-such-task", "status": "achieved", "reason": "x"},
                 headers=s.auth(s.editor))
    assert bad.status_code == 422
    audit = c.get("/api/v1/audit", params={"plan": PLAN}, headers=s.auth(s.editor)).json()["items"]
    assert {"evidence.add", "evidence.withdraw", "status.set"} <= {a["action"] for a in audit}
    status_row = next(a for a in audit if a["action"] == "status.set")
    assert status_row["old_value"] == "in_progress" and status_row["new_value"] == "achieved"


PLAN_YAML = """\
id: team-plan
title: {en: A team's plan, zh: 团队规划}
region: CN-BJ
horizon: 2027
targets:
- id: rd
  indicator: rd_intensity
  quote: {en: R&D intensity at least 6.5%}
  comparator: at_least
  value: 6.5
  unit: "%"
  deadline: 2027
"""


def test_admin_adds_plans_and_users(served_any):
    s = served_any
    c = s.client
    assert c.post("/api/v1/plans", json={"text": PLAN_YAML}, headers=s.auth(s.editor)).status_code == 403
    r = c.post("/api/v1/plans", json={"text": PLAN_YAML}, headers=s.auth(s.admin))
    assert r.status_code == 201, r.text
    assert "team-plan" in {p["id"] for p in c.get("/api/v1/plans").json()["items"]}
    assert c.get("/api/v1/plans/team-plan/targets").json()["items"][0]["verdict"] in ("on_track", "off_track", "met")
    bad = c.post("/api/v1/plans", json={"text": PLAN_YAML.replace("rd_intensity", "no_such_indicator").replace(
        "team-plan", "team-plan-2")}, headers=s.auth(s.admin))
    assert bad.status_code == 422 and bad.json()["errors"][0]["column"] == "targets.0.indicator"
    assert bad.json()["errors"][0]["row"] == 7  # the line of `indicator:`
    again = c.post("/api/v1/plans", json={"text": PLAN_YAML.replace("2027\ntargets", "2028\ntargets")}, headers=s.auth(s.admin))
    assert again.status_code == 422
    assert c.post("/api/v1/plans", json={"text": PLAN_YAML.replace("2027\ntargets", "2028\ntargets"), "replace": True},
                  headers=s.auth(s.admin)).status_code == 201
    made = c.post("/api/v1/users", json={"name": "newbie", "role": "editor"}, headers=s.auth(s.admin))
    assert made.status_code == 201 and made.json()["token"].startswith("pw_")
    token = made.json()["token"]
    assert c.post("/api/v1/observations", json=figure(), headers=s.auth(token)).status_code == 201
    assert c.post("/api/v1/users/newbie/disable", headers=s.auth(s.admin)).status_code == 200
    assert c.post("/api/v1/observations", json=figure(value=5.5), headers=s.auth(token)).status_code == 401
    names = {u["name"]: u for u in c.get("/api/v1/users", headers=s.auth(s.admin)).json()["items"]}
    assert names["newbie"]["active"] is False and names["ada"]["role"] == "admin"
    actions = [a["action"] for a in c.get("/api/v1/audit", params={"user": "ada"}, headers=s.auth(s.admin)).json()["items"]]
    assert {"plan.add", "plan.replace", "user.add", "user.disable"} <= set(actions)


def test_draft_from_text(served):
    text = "到2025年，全社会研发经费投入强度保持在6%左右。技术合同成交额达到8000亿元。"
    r = served.client.post("/api/v1/drafts", json={"text": text, "plan_id": "bj-draft"}, headers=served.auth(served.admin))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["plan"]["id"] == "bj-draft" and len(body["plan"]["targets"]) == 2
    assert all(text[t["start"]:t["end"]] == t["quote"] for t in body["targets"])


def test_openapi_document(served):
    doc = served.client.get("/api/v1/openapi.json").json()
    paths = set(doc["paths"])
    assert {"/api/v1/plans", "/api/v1/observations", "/api/v1/revisions", "/api/v1/plans/{plan_id}/coverage",
            "/api/v1/plans/{plan_id}/tasks", "/api/v1/plans/{plan_id}/targets/{target_id}"} <= paths
    assert not any(p.startswith(("/plans", "/admin", "/figures")) for p in paths)  # pages are not API
