"""The pages on the real app: both languages, every table downloadable, the as-of selector, and an editor and an
admin working through the forms (revise a figure and see the verdict and history change, task evidence, new plan
from its text) with the audit page naming who did it."""

from __future__ import annotations

import json
import re

import pytest
from serve_support import PLAN, csrf_of, served_fixture, template_db_fixture  # noqa: F401  (fixtures)

PAGES = ["/", f"/plans/{PLAN}", f"/plans/{PLAN}/targets/rd-intensity", f"/plans/{PLAN}/targets/zgc-revenue-leading",
         f"/plans/{PLAN}/targets/digital-economy-growth", f"/plans/{PLAN}/tasks/task-1-strategic-forces",
         f"/plans/{PLAN}/tasks/basically-formed", "/indicators", "/indicators/rd_intensity", "/regions", "/regions/CN-BJ",
         "/sources", "/sources/1", "/api", "/signin"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_in_both_languages(served, lang):
    for path in PAGES:
        r = served.client.get(path, params={"lang": lang} if lang == "zh" else None)
        assert r.status_code == 200, (path, r.text[:500])
        html = r.text
        assert f'<html lang="{"zh-Hans" if lang == "zh" else "en"}">' in html
        assert 'class="skip" href="#main"' in html and '<main id="main"' in html and "<nav" in html
        assert ("English" if lang == "zh" else "中文") in html  # the switch to the other language
        assert "https://cdn" not in html and "<script" not in html  # no CDN, no script needed
    zh = served.client.get(f"/plans/{PLAN}", params={"lang": "zh"}).text
    assert "评估表" in zh and "进度正常" in zh and 'href="/plans/beijing-istic-2025/targets/rd-intensity?lang=zh"' in zh


def test_every_table_downloads_as_csv_and_json(served):
    for path in (f"/plans/{PLAN}", f"/plans/{PLAN}/targets/tech-contract-turnover", "/indicators/rd_intensity", "/sources"):
        html = served.client.get(path).text
        links = sorted(set(re.findall(r'href="([^"]*download=[^"]*)"', html)))
        tables = set(re.findall(r'<table id="tbl-([^"]+)"', html))
        assert tables and {re.search(r"download=([^&]+)", u).group(1) for u in links} == tables
        for u in links:
            r = served.client.get(u.replace("&amp;", "&"))
            assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
            if "format=json" in u:
                assert isinstance(json.loads(r.text), list)
            else:
                assert r.headers["content-type"].startswith("text/csv")
    scorecard = served.client.get(f"/plans/{PLAN}", params={"download": "scorecard", "format": "json"}).json()
    assert {row["id"] for row in scorecard} >= {"rd-intensity"} and all("verdict" in row for row in scorecard)
    assert served.client.get(f"/plans/{PLAN}", params={"download": "nope"}).status_code == 404


def test_as_of_selector_shows_the_scorecard_as_known_then(served):
    now = served.client.get(f"/plans/{PLAN}", params={"download": "scorecard", "format": "json"}).json()
    then = served.client.get(f"/plans/{PLAN}", params={"download": "scorecard", "format": "json", "as_of": "2023-06-30"}).json()
    assert [r["latest"] for r in now] != [r["latest"] for r in then]
    page = served.client.get(f"/plans/{PLAN}", params={"as_of": "2023-06-30"}).text
    assert 'value="2023-06-30"' in page and "As known on 2023-06-30" in page
    assert "as_of=2023-06-30" in page  # target links keep the date
    target = served.client.get(f"/plans/{PLAN}/targets/rd-intensity", params={"as_of": "2023-06-30"})
    assert target.status_code == 200 and "As known on 2023-06-30" in target.text
    assert served.client.get(f"/plans/{PLAN}", params={"as_of": "not-a-date"}).status_code == 422


def _scorecard(client, target: str) -> dict:
    return next(r for r in client.get(f"/plans/{PLAN}", params={"download": "scorecard", "format": "json"}).json()
                if r["id"] == target)


def test_editor_revises_a_figure_through_the_pages(served):
    c = served.signed_in("edna", served.editor)
    target = f"/plans/{PLAN}/targets/tech-contract-turnover"
    page = c.get(target).text
    chart_before = re.search(r'<svg class="chart".*?</svg>', page, re.S).group(0)
    assert _scorecard(c, "tech-contract-turnover")["verdict"] == "on_track*"
    link = next(u for u in re.findall(r'href="(/figures/new\?[^"]+)"', page) if "period=2024" in u).replace("&amp;", "&")
    form = c.get(link).text
    assert 'value="915.3"' in form or 'value="9153"' in form
    fields = dict(re.findall(r'<input id="f-[^"]+" name="([^"]+)" type="[^"]+" value="([^"]*)"', form))
    fields.update({k: v for k, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)})
    for sel in ("indicator", "region", "status"):
        fields[sel] = re.search(rf'<select id="f-{sel}" name="{sel}".*?<option value="([^"]*)" selected', form, re.S).group(1)
    unit = fields["unit"]
    fields["value"] = "3000" if "亿" in unit else "300"
    r = c.post("/figures", data=fields, follow_redirects=False)
    assert r.status_code == 303, r.text[:2000]
    after = c.get(r.headers["location"])
    assert after.status_code == 200 and "Saved." in after.text
    assert _scorecard(c, "tech-contract-turnover")["verdict"].startswith("off_track")
    chart_after = re.search(r'<svg class="chart".*?</svg>', c.get(target).text, re.S).group(0)
    assert chart_after != chart_before and "2024: 300" in chart_after.replace(",", "")
    history = c.get(target, params={"download": "history", "format": "json"}).json()
    assert history[0]["by"] == "edna" and history[0]["year"] == 2024
    audit = c.get("/audit", params={"user": "edna"}).text
    assert "figure.revise" in audit and "edna" in audit and "tech_contract_turnover CN-BJ 2024" in audit
    # a bad value is refused on the form with its reason, and nothing changes
    fields["value"] = "12,3"
    bad = c.post("/figures", data=fields)
    assert bad.status_code == 422 and "decimal comma" in bad.text and 'role="alert"' in bad.text


def test_task_evidence_and_status_through_the_pages(served):
    c = served.signed_in("edna", served.editor)
    path = f"/plans/{PLAN}/tasks/task-6-openness"
    csrf = csrf_of(c.get(path).text)
    r = c.post(f"{path}/evidence", data={"csrf_token": csrf, "date": "2026-06", "kind": "announced", "text_en": "A forum.",
                                         "quote": "论坛举办", "publisher": "BJ", "title": "News", "url": "https://example.org/f",
                                         "published": "2026-06-02"}, follow_redirects=False)
    assert r.status_code == 303
    page = c.get(path).text
    assert "A forum." in page and "edna" in page
    r = c.post(f"{path}/status", data={"csrf_token": csrf, "status": "achieved", "reason": "forum held"}, follow_redirects=False)
    assert r.status_code == 303
    assert "forum held" in c.get(path).text
    eid = re.search(r'/evidence/(\d+)/withdraw', c.get(path).text).group(1)
    r = c.post(f"{path}/evidence/{eid}/withdraw", data={"csrf_token": csrf, "reason": "not this task"}, follow_redirects=False)
    assert r.status_code == 303
    bad = c.post(f"{path}/evidence", data={"csrf_token": csrf, "date": "2026-06", "kind": "announced", "quote": "q",
                                           "publisher": "BJ", "title": "N", "url": "javascript:alert(1)", "published": "2026-06-02"})
    assert bad.status_code == 422


def test_upload_page_rejects_a_bad_file_whole(served):
    c = served.signed_in("edna", served.editor)
    csrf = csrf_of(c.get("/figures/upload").text)
    header = "indicator,region,period,value,unit,status,publisher,title,url,published\n"
    rows = header + "rd_intensity,CN-BJ,2025,6.1,%,final,S,T,https://example.org/u,2026-03-01\n" + \
        "rd_intensity,CN-ZZ,2025,6.1,%,final,S,T,https://example.org/v,2026-03-01\n"
    r = c.post("/figures/upload", data={"csrf_token": csrf, "decimal": "point"}, files={"file": ("f.csv", rows.encode())})
    assert r.status_code == 422 and "CN-ZZ" in r.text and "Row 3" in r.text
    r = c.post("/figures/upload", data={"csrf_token": csrf, "decimal": "point"},
               files={"file": ("f.csv", (header + rows.splitlines()[1] + "\n").encode())})
    assert r.status_code == 200 and "1 new" in r.text


def test_admin_makes_a_plan_from_its_text(served):
    c = served.signed_in("ada", served.admin)
    csrf = csrf_of(c.get("/admin/plans/new").text)
    text = "北京市工作方案。到2025年，全社会研发经费投入强度保持在6%左右，技术合同成交额达到8000亿元。"
    r = c.post("/admin/plans/draft", data={"csrf_token": csrf, "text": text, "plan_id": "bj-text", "region": "CN-BJ"},
               files={"file": ("", b"")})
    assert r.status_code == 200, r.text[:3000]
    html = r.text
    assert '<mark id="q-1">' in html and '<mark id="q-2">' in html
    form = {k: v for k, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)}
    import html as h

    form = {k: h.unescape(v) for k, v in form.items()}
    form.update({"plan_id": "bj-text", "title_en": "A Beijing plan", "region": "CN-BJ", "horizon": "2025",
                 "t1_include": "1", "t2_include": "1"})
    plan = json.loads(form["plan_json"])
    for i, t in enumerate(plan["targets"], 1):
        for k in ("id", "indicator", "comparator", "unit", "measure"):
            form[f"t{i}_{k}"] = str(t[k])
        form[f"t{i}_value"] = str(t["value"])
        form[f"t{i}_deadline"] = str(t["deadline"])
    form["t1_value"] = "6.5"  # the admin corrects a value
    r = c.post("/admin/plans/save", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text[:3000]
    assert r.headers["location"] == "/plans/bj-text"
    page = c.get("/plans/bj-text")
    assert page.status_code == 200 and "A Beijing plan" in page.text
    targets = c.get("/api/v1/plans/bj-text").json()["targets"]
    assert targets[0]["value"] == 6.5 and targets[0]["indicator"] == "rd_intensity"
    # a wrong correction is refused with the validator's message, and the draft is shown again
    form.update({"plan_id": "bj-text-2", "t1_indicator": "rd_intensity", "t1_unit": "亿元"})
    r = c.post("/admin/plans/save", data=form)
    assert r.status_code == 422 and "does not fit indicator" in r.text and '<mark id="q-1">' in r.text
    assert "plan.add" in c.get("/audit", params={"plan": "bj-text"}).text


def test_admin_users_and_plan_files(served):
    c = served.signed_in("ada", served.admin)
    csrf = csrf_of(c.get("/admin/users").text)
    r = c.post("/admin/users", data={"csrf_token": csrf, "name": "carol", "role": "editor"})
    token = re.search(r'id="new-token" class="token" readonly value="([^"]+)"', r.text).group(1)
    assert token.startswith("pw_") and r.headers["cache-control"] == "no-store"
    assert token not in c.get("/admin/users").text
    assert served.client.get("/api/v1/plans", headers=served.auth(token)).status_code == 200
    r = c.post("/admin/users/carol/disable", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert served.client.get("/api/v1/plans", headers=served.auth(token)).status_code == 401
    bad = c.post("/admin/plans", data={"csrf_token": csrf, "text": "id: x\ntitle: {en: X}\nregion: CN-BJ\nhorizon: 1900\n"},
                 files={"file": ("", b"")})
    assert bad.status_code == 422 and "horizon" in bad.text


def test_printable_report(served):
    r = served.client.get(f"/plans/{PLAN}/report")
    assert r.status_code == 200 and "<style>" in r.text and "<svg" in r.text
    assert "style-src 'self' 'unsafe-inline'" in r.headers["content-security-policy"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "unsafe-inline" not in served.client.get(f"/plans/{PLAN}").headers["content-security-policy"]
