"""The HTML report and its SVG charts: built from the real pipeline on a temporary store, parsed, checked."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from planwatch.assess.model import PlanAssessment, Point, Projection, SourceRef, TargetAssessment
from planwatch.plans.model import Evidence, Plan
from planwatch.publish.charts import chart_for_target, nice_ticks
from planwatch.publish.report import render_report

AS_OF = dt.date(2026, 11, 25)


# -- fixtures --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def assessed(builtin_assessed) -> tuple[Plan, PlanAssessment]:
    """The built-in plan assessed on a fresh SQLite store holding the built-in sourced data."""
    plan, result, _ = builtin_assessed
    return plan, result


@pytest.fixture(scope="module")
def html(assessed) -> str:
    plan, result = assessed
    return render_report(plan, result)


# -- a small HTML walker ----------------------------------------------------------------------------------
class Walker(HTMLParser):
    """Records every start tag with its attributes and the ids of the <article>/<section> elements around it."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.stack: list[tuple[str, str | None]] = []
        self.text_in: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a, tuple(i for _, i in self.stack if i)))
        if tag not in self.VOID:
            self.stack.append((tag, a.get("id")))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), tuple(i for _, i in self.stack if i)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        for _, ident in self.stack:
            if ident:
                self.text_in.setdefault(ident, []).append(data)

    def text(self, ident: str) -> str:
        return " ".join(" ".join(self.text_in.get(ident, [])).split())


def walk(doc: str) -> Walker:
    w = Walker()
    w.feed(doc)
    w.close()
    return w


def _plotted(t: TargetAssessment) -> list[Point]:
    pts = t.growth_series if t.measure == "average_annual_growth" else t.series
    return [p for p in pts if p.value is not None]


def _all_points(result: PlanAssessment) -> list[tuple[str, SourceRef]]:
    out = []
    for t in result.targets:
        pts = ([t.latest] if t.latest else []) + t.series + t.growth_series + t.evidence + t.other_basis
        pts += [s.point for s in t.statements] + [p for c in t.conflicts for p in (c.current, c.other) if p is not None]
        out += [(t.target_id, p.source) for p in pts]
        out += [(t.target_id, SourceRef(**p["source"])) for p in t.peers if p.get("source")]
    for s in result.subjects:
        out += [(s.id, e.source) for e in s.evidence]
    return out


# -- the report from the real pipeline --------------------------------------------------------------------
def test_pipeline_gives_the_cases_the_report_must_handle(assessed):
    _, result = assessed
    measures = {t.measure for t in result.targets}
    assert {"rank", "average_annual_growth", "share", "level"} <= measures
    assert any(t.breaks for t in result.targets)
    assert any(t.projection and t.projection.low is not None for t in result.targets)
    assert any(t.peers for t in result.targets)
    assert any(t.base_year_sensitivity for t in result.targets)


def test_is_one_complete_document(html):
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert html.count("<html") == 1 and html.rstrip().endswith("</html>")
    assert html.count("<style>") == 1


def test_one_svg_chart_per_non_rank_target_with_data(assessed, html):
    _, result = assessed
    w = walk(html)
    svgs = [(a, around) for tag, a, around in w.tags if tag == "svg"]
    expected = {t.target_id for t in result.targets if t.measure != "rank" and _plotted(t)}
    assert len(expected) >= 5
    assert len(svgs) == len(expected)
    for a, around in svgs:
        tid = a["id"].removeprefix("chart-")
        assert tid in expected
        assert f"target-{tid}" in around, f"chart {tid} sits outside its target section"
        assert a.get("role") == "img" and a.get("aria-labelledby")
    # every chart is accessible: a <title> and a <desc> inside the svg
    for tid in expected:
        block = re.search(rf'<svg[^>]*id="chart-{re.escape(tid)}".*?</svg>', html, re.S).group(0)
        assert re.search(r"<title id=[^>]*>[^<]+</title>", block)
        assert re.search(r"<desc id=[^>]*>[^<]+</desc>", block)
        assert block.count('class="obs"') == len(_plotted(next(t for t in result.targets if t.target_id == tid)))
    # the rank target gets the peers table instead of a chart
    rank = next(t for t in result.targets if t.measure == "rank")
    assert f'id="chart-{rank.target_id}"' not in html
    section = re.search(rf'<article class="target" id="target-{re.escape(rank.target_id)}">.*?</article>', html, re.S).group(0)
    assert '<table class="peers">' in section
    for p in rank.peers:
        assert f"{p['value']:.2f} trillion yuan" in section


def test_every_target_has_a_section_with_its_quote_and_explanation(assessed, html):
    plan, result = assessed
    w = walk(html)
    ids = {a.get("id") for _, a, _ in w.tags}
    for t in result.targets:
        assert f"target-{t.target_id}" in ids
        text = w.text(f"target-{t.target_id}")
        for q in t.quote.values():
            if q:
                assert q in text
        assert t.explanation["en"] in text
        if t.requirement:
            assert t.requirement.text in text
        for r in t.reasons:
            assert r in text
        for c in t.caveats:
            assert c["en"] in text
        for e in t.evidence:
            assert e.quote in text
        for m in t.methods:
            assert m.method in text and m.status in text
        for case in t.base_year_sensitivity:
            assert f"{case.average_growth:.2f}%" in text
    # the scorecard links to each section
    score = w.text("scorecard")
    for t in result.targets:
        assert f'href="#target-{t.target_id}"' in html
        assert t.indicator_name["en"] in score


def test_header_names_plan_dates_region_as_of_and_database(assessed, html):
    plan, result = assessed
    head = walk(html).text("top")
    assert plan.title.en in head and plan.title.zh in head
    for issuer in plan.issuers:
        assert issuer.en in head and issuer.zh in head
    assert "2023-05-08" in head and "2023-05-17" in head
    assert "Beijing" in head and "CN-BJ" in head
    assert AS_OF.isoformat() in head
    assert result.database.removeprefix("sqlite:///") in head
    links = {a.get("href") for tag, a, around in walk(html).tags if tag == "a" and "top" in around}
    for d in plan.documents:
        assert d.url in links


def test_goal_and_chinese_title(assessed, html):
    plan, result = assessed
    assert result.title["zh"] in html
    zh = render_report(plan, result, lang="zh")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", zh, re.S).group(1)
    assert h1.strip() == result.title["zh"]
    assert "评估表 <span class=\"alt\">· Scorecard</span>" in zh
    assert "Scorecard <span class=\"alt\">· 评估表</span>" in html
    goals = walk(html).text("goals")
    for g in plan.goals:
        assert g.text.en in goals and g.text.zh in goals


def test_verdict_labels_colours_and_provisional_markers(assessed, html):
    _, result = assessed
    w = walk(html)
    rows = [(a, around) for tag, a, around in w.tags if tag == "tr" and (a.get("class") or "").startswith("row-")]
    assert [a["class"] for a, _ in rows] == [f"row-{t.verdict}" for t in result.targets]
    label = {"met": "met", "missed": "missed", "on_track": "on track", "off_track": "off track", "no_data": "no data"}
    scorecard = re.search(r'<table class="scorecard">.*?</table>', html, re.S).group(0)
    body_rows = re.findall(r'<tr class="row-[a-z_]+">.*?</tr>', scorecard, re.S)
    assert len(body_rows) == len(result.targets)
    for t, row in zip(result.targets, body_rows, strict=True):
        assert f'<span class="verdict v-{t.verdict}">{label[t.verdict]} ' in row
        assert ('class="prov"' in row) == t.provisional
        assert str(t.deadline) in row
    # the vocabulary explains all six words
    about = walk(html).text("about")
    for word in ("met", "missed", "on_track", "off_track", "no_data", "provisional"):
        assert word in about
    assert "random walk with drift" in about and "80%" in about
    # colours differ per verdict
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    colours = {v: re.search(rf"\.v-{v} \{{ color: ([^;]+);", css).group(1) for v in label}
    assert len(set(colours.values())) == len(colours)


def test_every_point_source_is_listed_once_and_cited_by_number(assessed, html):
    _, result = assessed
    w = walk(html)
    items = [(a["id"], around) for tag, a, around in w.tags if tag == "li" and (a.get("id") or "").startswith("src-")]
    assert [i for i, _ in items] == [f"src-{n}" for n in range(1, len(items) + 1)]
    hrefs_in_list = {a["href"] for tag, a, around in w.tags if tag == "a" and "sources" in around and "href" in a}
    points = _all_points(result)
    for tid, src in points:
        assert src.url in hrefs_in_list, f"{tid}: {src.url} missing from the source list"
    unique = {(s.publisher, s.title, s.url, s.published) for _, s in points}
    assert len(items) == len(unique)
    # every citation points to an entry that exists, and every entry is cited somewhere
    cited = set(re.findall(r'href="#src-(\d+)"', html))
    assert cited == {i.removeprefix("src-") for i, _ in items}
    # each observation row cites its source's number
    first = result.targets[0]
    section = re.search(rf'<article class="target" id="target-{first.target_id}">.*?</article>', html, re.S).group(0)
    table = re.search(r'<table class="observations">.*?</table>', section, re.S).group(0)
    for p in first.series:
        li = re.search(rf'<li id="src-(\d+)">((?:(?!</li>).)*?)href="{re.escape(p.source.url)}"', html, re.S)
        assert li, p.source.url
        row = re.search(rf"<tr><td class=\"num\">{p.period}</td>.*?</tr>", table, re.S).group(0)
        assert f'href="#src-{li.group(1)}"' in row


def test_offline_no_external_resources(html):
    assert not re.search(r"""\bsrc\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    for m in re.finditer(r"<link\b[^>]*>", html, re.I):
        assert not re.search(r"""href\s*=\s*["']?\s*(https?:)?//""", m.group(0), re.I), m.group(0)
    assert "<script" not in html.lower()
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "@font-face" not in html


def test_tasks_with_orientations_and_empty_evidence(assessed, html):
    plan, _ = assessed
    w = walk(html)
    tasks = [a["id"] for tag, a, _ in w.tags if tag == "div" and (a.get("id") or "").startswith("task-")]
    assert tasks == [f"task-{t.id}" for t in plan.tasks] and len(tasks) == 6
    for t in plan.tasks:
        text = w.text(f"task-{t.id}")
        assert t.title.en in text
        assert "no evidence recorded yet" in text or ("Status" in text and "src-" in html)
        for o in t.orientations:
            assert f'data-orientation="{o}"' in html
    assert "面向国家重大需求" in w.text("tasks")


def test_task_evidence_is_listed_with_its_link(assessed):
    plan, result = assessed
    ev = Evidence(date=dt.date(2026, 3, 1), text="Huairou Science City: two facilities accepted", source="https://example.org/huairou",
                  status="in_progress")
    first = plan.tasks[0].model_copy(update={"evidence": [ev]})
    plan2 = plan.model_copy(update={"tasks": [first, *plan.tasks[1:]]})
    from planwatch.assess.tasks import subjects

    doc = render_report(plan2, result.model_copy(update={"subjects": subjects(plan2, [], {})}))
    text = walk(doc).text(f"task-{first.id}")
    assert "Huairou Science City: two facilities accepted" in text and "no evidence recorded yet" not in text
    assert 'href="https://example.org/huairou"' in doc


def test_everything_is_escaped(assessed):
    plan, result = assessed
    evil = 'Maintained <script>alert("x")</script> & "quoted"'
    t0 = result.targets[0]
    bad_point = t0.series[0].model_copy(update={"source": t0.series[0].source.model_copy(
        update={"url": "javascript:alert(1)", "title": "<img src=x onerror=alert(2)>"})})
    t0b = t0.model_copy(update={"quote": {"en": evil, "zh": "<script>中文</script>"},
                                "reasons": ["<b>bold</b> reason"], "series": [bad_point, *t0.series[1:]]})
    result2 = result.model_copy(update={"targets": [t0b, *result.targets[1:]]})
    p_target = plan.targets[0].model_copy(update={"note": "<script>note</script>"})
    plan2 = plan.model_copy(update={"targets": [p_target, *plan.targets[1:]]})
    doc = render_report(plan2, result2)
    assert "<script" not in doc.lower()
    assert "Maintained &lt;script&gt;alert(" in doc
    assert "&lt;script&gt;中文&lt;/script&gt;" in doc
    assert "&lt;b&gt;bold&lt;/b&gt; reason" in doc
    assert "<img" not in doc and "&lt;img src=x onerror=alert(2)&gt;" in doc
    assert 'href="javascript:' not in doc and "javascript:alert(1)" in doc  # shown as text, never as a link


def test_database_password_is_hidden(assessed):
    plan, result = assessed
    doc = render_report(plan, result.model_copy(update={"database": "postgresql://planner:s3cret@db.example/pw"}))
    assert "s3cret" not in doc
    assert "db.example/pw" in doc


# -- charts.py directly ----------------------------------------------------------------------------------
def _pt(year: int, value: float, status: str = "final") -> Point:
    return Point(period=year, value=value, published_value=value, published_unit="%", status=status, revision=1,
                 source=SourceRef(publisher="Test Bureau", title=f"Release {year}", url=f"https://example.org/{year}",
                                  published=f"{year + 1}-03-01"))


def _ta(**kw) -> TargetAssessment:
    base = dict(target_id="t", indicator="x", indicator_name={"en": "Test share", "zh": "测试"}, region="CN-BJ",
                measure="share", comparator="around", target_value=6.0, target_unit="%", target_value_in_indicator_unit=6.0,
                indicator_unit="%", deadline=2025, quote={"en": "around 6%"}, verdict="on_track", provisional=True,
                explanation={"en": "x", "zh": "x"},
                series=[_pt(y, v) for y, v in [(2015, 5.0), (2016, 5.2), (2017, 5.4), (2018, 6.1), (2019, 6.3), (2020, 6.4)]],
                breaks=[2018])
    base.update(kw)
    ta = TargetAssessment(**base)
    if ta.latest is None and ta.series:
        ta = ta.model_copy(update={"latest": ta.series[-1]})
    return ta


def _coords(points_attr: str) -> list[tuple[float, float]]:
    return [tuple(float(v) for v in pair.split(",")) for pair in points_attr.split()]


def _circles(svg: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r'<circle class="obs" cx="([\d.]+)" cy="([\d.]+)"', svg)]


def test_chart_splits_the_line_at_a_series_break_and_marks_it():
    svg = str(chart_for_target(_ta(), band=(5.82, 6.18), break_reasons={2018: "GDP revised <census>"}))
    assert svg.count("<svg") == 1
    marker = re.search(r'<g class="break" data-year="2018">.*?</g>', svg, re.S)
    assert marker, "no break marker"
    assert "GDP revised &lt;census&gt;" in marker.group(0) and "series break 2018" in marker.group(0)
    bx = float(re.search(r'class="break-line" x1="([\d.]+)"', marker.group(0)).group(1))
    assert 'stroke-dasharray' in re.search(r'<line class="break-line"[^>]*>', marker.group(0)).group(0)
    circles = sorted(_circles(svg))
    assert len(circles) == 6
    x2017, x2018 = circles[2][0], circles[3][0]
    assert x2017 < bx < x2018  # the marker sits between the last old and the first new point
    lines = [_coords(p) for p in re.findall(r'<polyline class="series-line" points="([^"]+)"', svg)]
    assert len(lines) == 2
    assert [len(line) for line in lines] == [3, 3]
    for line in lines:
        for (xa, _), (xb, _) in zip(line, line[1:], strict=False):
            assert not (xa < bx < xb), "a line segment crosses the series break"
    # no other element draws a line from the 2017 point to the 2018 point
    assert not re.search(rf'<line[^>]*x1="{circles[2][0]:.1f}"[^>]*x2="{circles[3][0]:.1f}"', svg)


def test_chart_without_breaks_draws_one_line():
    svg = str(chart_for_target(_ta(breaks=[])))
    assert len(re.findall(r'<polyline class="series-line"', svg)) == 1
    assert 'class="break"' not in svg


def test_chart_links_years_without_a_figure_with_a_dotted_line_only():
    series = [_pt(y, v) for y, v in [(2013, 5.98), (2016, 5.94), (2017, 5.7), (2018, 6.17), (2019, 6.31)]]
    svg = str(chart_for_target(_ta(series=series, breaks=[2018])))
    gaps = re.findall(r'<line class="series-gap" x1="([\d.]+)"[^>]*x2="([\d.]+)"[^>]*stroke-dasharray', svg)
    xs = sorted(x for x, _ in _circles(svg))
    assert [(float(a), float(b)) for a, b in gaps] == [(xs[0], xs[1])]  # 2013→2016 only, not 2017→2018 (a break)
    solid = [_coords(p) for p in re.findall(r'<polyline class="series-line" points="([^"]+)"', svg)]
    assert [[x for x, _ in line] for line in solid] == [[xs[1], xs[2]], [xs[3], xs[4]]]


def test_projection_wedge_from_latest_point_to_deadline():
    proj = Projection(year=2025, value=6.9, low=6.5, high=7.3, method="drift", why="test")
    svg = str(chart_for_target(_ta(projection=proj), band=(5.82, 6.18)))
    wedge = re.search(r'<polygon class="projection-range" points="([^"]+)"', svg)
    assert wedge, "no projection wedge"
    (x0, y0), (x1, y_high), (x2, y_low) = _coords(wedge.group(1))
    last = max(_circles(svg))
    assert (x0, y0) == pytest.approx(last, abs=0.11)  # starts at the latest observation (2020)
    assert x1 == x2 > x0 and y_high < y_low  # opens towards the deadline, high above low
    deadline_x = float(re.search(r'<g class="deadline"><line x1="([\d.]+)"', svg).group(1))
    assert x1 == pytest.approx(deadline_x, abs=0.11)
    assert 'class="projection-line"' in svg
    assert "80% range: 6.50%–7.30%" in svg  # the range in the description / label
    # without a range there is a projection line but no wedge
    svg2 = str(chart_for_target(_ta(projection=proj.model_copy(update={"low": None, "high": None}))))
    assert 'class="projection-line"' in svg2 and 'class="projection-range"' not in svg2


def test_target_band_for_around_and_line_for_more_than():
    svg = str(chart_for_target(_ta(), band=(5.82, 6.18)))
    assert 'class="target-band"' in svg and 'class="target-line"' in svg
    svg2 = str(chart_for_target(_ta(comparator="more_than")))
    assert 'class="target-band"' not in svg2 and 'class="target-line"' in svg2
    assert "target &gt; 6.00%" in svg2


def test_growth_chart_plots_growth_series_and_rank_has_no_chart():
    growth = [_pt(y, v) for y, v in [(2021, 13.1), (2022, 4.4), (2023, 8.5), (2024, 7.7), (2025, 8.7)]]
    ta = _ta(measure="average_annual_growth", target_value=7.5, target_value_in_indicator_unit=7.5, indicator_unit="亿元",
             series=[_pt(2021, 16251.9)], growth_series=growth, breaks=[], current_value=8.3, current_year=2025,
             latest=growth[-1], verdict="met")
    svg = str(chart_for_target(ta, band=(7.275, 7.725), base_year=2022))
    assert len(_circles(svg)) == 5
    assert 'class="average-line"' in svg and "average 2023–2025: 8.30%" in svg
    assert "%" in re.search(r'<text class="axis-label"[^>]*>([^<]*)</text>', svg).group(1)
    assert chart_for_target(_ta(measure="rank", comparator="rank_at_most")) is None
    assert chart_for_target(_ta(series=[], latest=None)) is None


def test_chart_money_axis_is_readable_and_text_escaped():
    series = [Point(period=y, value=v, published_value=v, published_unit="亿元", status="final", revision=1,
                    source=SourceRef(publisher="<Bureau>", title="t", url="https://example.org", published="2024"))
              for y, v in [(2020, 6316.16), (2022, 7947.5), (2024, 9153.0)]]
    ta = _ta(measure="level", comparator="more_than", target_value=8000, target_unit="亿元", target_value_in_indicator_unit=8000,
             indicator_unit="亿元", series=series, breaks=[], indicator_name={"en": "Turnover <b>x</b>", "zh": None})
    svg = str(chart_for_target(ta, source_number=lambda p: 7))
    assert re.search(r'<text class="axis-label"[^>]*>billion yuan</text>', svg)  # 915.3 billion at most
    ticks = [float(t.replace(",", "")) for t in re.findall(r'<text x="\d+" y="[\d.]+" text-anchor="end"[^>]*>([\d,.]+)</text>', svg)]
    assert ticks and min(ticks) <= 631.616 and max(ticks) >= 915.3 and max(ticks) < 2000
    assert "<b>" not in svg and "Turnover &lt;b&gt;x&lt;/b&gt;" in svg
    assert "source [7] &lt;Bureau&gt;" in svg
    zh = str(chart_for_target(ta, lang="zh"))
    assert re.search(r'<text class="axis-label"[^>]*>亿元</text>', zh)
    big = ta.model_copy(update={"series": [*series, series[-1].model_copy(update={"period": 2025, "value": 12000.0})]})
    assert re.search(r'<text class="axis-label"[^>]*>trillion yuan</text>', str(chart_for_target(big)))


@pytest.mark.parametrize("lo,hi", [(5.5, 7.0), (0.0, 1.0), (1579.5, 10547.6), (-3.2, 4.1), (6.0, 6.0)])
def test_nice_ticks_cover_the_range(lo, hi):
    ticks, decimals = nice_ticks(lo, hi)
    assert ticks[0] <= lo and ticks[-1] >= hi
    assert 2 <= len(ticks) <= 8
    steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1 and decimals >= 0


def test_official_statements_are_drawn_as_intervals_not_points(assessed):
    _, result = assessed
    from planwatch.publish.charts import chart_for_target

    t = next(t for t in result.targets if t.target_id == "basic-research-share")
    svg = str(chart_for_target(t))
    assert svg.count('<g class="statement">') == len([s for s in t.statements if s.low is not None or s.high is not None])
    assert "16%左右" in svg and "official statement" in svg
