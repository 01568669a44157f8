"""Peer comparisons in the HTML report, from the real pipeline on a temporary SQLite store."""

from __future__ import annotations

import copy
import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from planwatch.publish.charts import SERIES_STYLES, comparison_chart
from planwatch.publish.report import render_report
from planwatch.units import humanize

AS_OF = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def compared(builtin_assessed):
    """(plan, assessment, comparisons) for the built-in plan on a fresh store holding the built-in sourced data."""
    return builtin_assessed


@pytest.fixture(scope="module")
def html(compared) -> str:
    plan, result, comps = compared
    return render_report(plan, result, comparisons=comps)


class Tags(HTMLParser):
    """Every start tag with its attributes and the marks of the elements around it: tag, #id, .class, [data-region]."""

    VOID = {"br", "hr", "img", "input", "link", "meta", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict, tuple[str, ...]]] = []
        self.stack: list[tuple[str, list[str]]] = []
        self.texts: list[tuple[str, tuple[str, ...]]] = []

    def _around(self) -> tuple[str, ...]:
        return tuple(m for _, marks in self.stack for m in marks)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a, self._around()))
        if tag not in self.VOID:
            marks = [tag] + ([f"#{a['id']}"] if a.get("id") else [])
            marks += [f".{c}" for c in (a.get("class") or "").split()]
            marks += [f"[{a['data-region']}]"] if a.get("data-region") else []
            self.stack.append((tag, marks))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), self._around()))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data.strip():
            self.texts.append((data, self._around()))

    def text(self, *marks: str) -> str:
        return " ".join(" ".join(t for t, around in self.texts if all(m in around for m in marks)).split())


def parse(doc: str) -> Tags:
    p = Tags()
    p.feed(doc)
    p.close()
    return p


def _with_data(comp: dict) -> list[dict]:
    return [r for r in comp["rows"] if r["values"]]


# -- the pipeline gives what the feature needs ------------------------------------------------------------
def test_pipeline_compares_beijing_with_peers_on_rd_intensity(compared):
    _, result, comps = compared
    rd = comps["rd-intensity"]
    regions = [r["region"] for r in rd["rows"]]
    assert regions[0] == "CN-BJ" and {"CN-SH", "CN"} <= set(regions)
    assert len(_with_data(rd)) >= 3 and rd["latest_common_year"] is not None
    assert set(comps) <= {t.target_id for t in result.targets}


# -- chart, legend, table ---------------------------------------------------------------------------------
def test_rd_intensity_section_has_a_comparison_chart_with_one_line_per_region(compared, html):
    _, _, comps = compared
    rd = comps["rd-intensity"]
    p = parse(html)
    charts = [(a, around) for tag, a, around in p.tags if tag == "svg" and "cmp-chart" in (a.get("class") or "").split()]
    in_rd = [(a, around) for a, around in charts if "#target-rd-intensity" in around]
    assert len(in_rd) == 1, "no (or more than one) comparison chart in the R&D intensity section"
    svg_id = in_rd[0][0]["id"]
    assert "#cmp-rd-intensity" in in_rd[0][1] and in_rd[0][0].get("role") == "img"
    lines = [(a, around) for tag, a, around in p.tags if tag in ("polyline", "path") and f"#{svg_id}" in around]
    by_region = {}
    for a, around in lines:
        region = next(m[1:-1] for m in reversed(around) if m.startswith("["))
        assert region not in by_region, f"two lines for {region}"
        by_region[region] = a
    expected = {r["region"]: r for r in _with_data(rd)}
    assert set(by_region) == set(expected)
    for region, a in by_region.items():
        assert len(a["points"].split()) == len(expected[region]["values"]), region  # one vertex per published year
    # the plan's region stands out; every line differs in colour and in dash pattern (greyscale, colour blindness)
    own = [a for tag, a, around in p.tags if tag == "g" and "own" in (a.get("class") or "").split() and f"#{svg_id}" in around]
    assert [a["data-region"] for a in own] == ["CN-BJ"]
    assert float(by_region["CN-BJ"]["stroke-width"]) > max(float(a["stroke-width"]) for r, a in by_region.items() if r != "CN-BJ")
    strokes = [a["stroke"] for a in by_region.values()]
    dashes = [a.get("stroke-dasharray", "") for a in by_region.values()]
    assert len(set(strokes)) == len(strokes) and len(set(dashes)) == len(dashes)
    assert len({shape for _, _, shape in SERIES_STYLES}) == len(SERIES_STYLES)
    # a legend naming each region in English with the Chinese alongside
    legend = p.text(f"#{svg_id}", ".cmp-legend")
    for r in rd["rows"]:
        assert r["name_en"] in legend and r["name_zh"] in legend
    assert "Shanghai" in p.text(f"#{svg_id}", ".cmp-legend", "[CN-SH]", ".cmp-name")
    assert "上海" in p.text(f"#{svg_id}", ".cmp-legend", "[CN-SH]", ".cmp-name-other")


def test_comparison_table_gives_latest_values_ranks_and_the_like_units_note(compared, html):
    _, _, comps = compared
    rd = comps["rd-intensity"]
    p = parse(html)
    table = p.text("#cmp-rd-intensity", "table")
    assert f"Rank {rd['latest_common_year']}" in table
    for r in _with_data(rd):
        row = p.text("#cmp-rd-intensity", "table", f"[{r['region']}]")
        latest = max(r["values"])
        assert r["name_en"] in row and str(latest) in row and humanize(r["values"][latest], rd["unit"]) in row
        ranked = sum(1 for x in rd["rows"] if x["rank"] is not None)
        if r["rank"] is not None:
            assert f"{r['rank']} / {ranked}" in row
        else:
            assert "context" in row
    assert "context" in p.text("#cmp-rd-intensity", "table", "[CN]") and "national" in p.text("#cmp-rd-intensity", "table", "[CN]")
    note = p.text("#cmp-rd-intensity", ".cmp-note")
    assert "provinces with provinces" in note and "context" in note and "national" in note.lower()
    assert "How does Beijing compare with Shanghai" in p.text("#cmp-rd-intensity", ".cmp-question")


def test_contents_box_links_to_the_comparison(html):
    p = parse(html)
    links = [a["href"] for tag, a, around in p.tags if tag == "a" and ".toc" in around]
    assert "#cmp-rd-intensity" in links  # the first target with a comparison
    assert "Comparison · 比较" in p.text(".toc")


def test_every_comparison_source_is_in_the_numbered_source_list(compared, html):
    _, _, comps = compared
    p = parse(html)
    items = {a["id"]: around for tag, a, around in p.tags if tag == "li" and (a.get("id") or "").startswith("src-")}
    assert list(items) == [f"src-{n}" for n in range(1, len(items) + 1)]
    listed = {a["href"] for tag, a, around in p.tags if tag == "a" and "#sources" in around and "href" in a}
    urls = {u for comp in comps.values() for r in comp["rows"] for u in r["sources"].values()}
    assert urls and urls <= listed, sorted(urls - listed)[:3]
    # the table cites the entry holding each latest value's address
    for tid, comp in comps.items():
        for r in _with_data(comp):
            url = r["sources"][max(r["values"])]
            cell = re.search(rf'<tr data-region="{re.escape(r["region"])}"[^>]*>.*?</tr>',
                             html[html.index(f'id="cmp-{tid}"'):], re.S).group(0)
            n = re.search(r'href="#src-(\d+)"', cell).group(1)
            entry = re.search(rf'<li id="src-{n}">.*?</li>', html, re.S).group(0)
            assert f'href="{url}"' in entry, (tid, r["region"])
    # every listed source is cited somewhere, and every citation has an entry
    cited = set(re.findall(r'href="#src-(\d+)"', html))
    assert cited == {i.removeprefix("src-") for i in items}


def test_chinese_report_names_regions_in_chinese_first(compared):
    plan, result, comps = compared
    zh = render_report(plan, result, lang="zh", comparisons=comps)
    p = parse(zh)
    assert "上海" in p.text(".cmp-legend", "[CN-SH]", ".cmp-name") and "Shanghai" in p.text(".cmp-legend", "[CN-SH]", ".cmp-name-other")
    assert "比较 · Comparison" in p.text(".toc")
    assert "北京与上海" in p.text("#cmp-rd-intensity", ".cmp-question")
    assert "同类" in p.text("#cmp-rd-intensity", ".cmp-note")


# -- without comparisons nothing changes -----------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_comparisons_the_report_is_unchanged(compared, lang):
    plan, result, comps = compared
    plain = render_report(plan, result, lang=lang)
    assert render_report(plan, result, lang=lang, comparisons=None) == plain
    assert render_report(plan, result, lang=lang, comparisons={}) == plain
    assert "cmp-" not in plain and "Comparison" not in plain
    assert render_report(plan, result, lang=lang, comparisons=comps) != plain


# -- escaping ---------------------------------------------------------------------------------------------
def test_region_names_and_addresses_are_escaped(compared):
    plan, result, comps = compared
    evil = copy.deepcopy(comps)
    sh = next(r for r in evil["rd-intensity"]["rows"] if r["region"] == "CN-SH")
    sh["name_en"] = 'Shang<b>hai</b> & "co"'
    sh["name_zh"] = "<script>上海</script>"
    year = max(sh["values"])
    sh["sources"][year] = "javascript:alert(1)"
    doc = render_report(plan, result, comparisons=evil)
    assert "<b>hai" not in doc and "<script" not in doc.lower()
    assert doc.count("Shang&lt;b&gt;hai&lt;/b&gt; &amp; &#34;co&#34;") >= 2  # legend and table (and the question)
    assert "&lt;script&gt;上海&lt;/script&gt;" in doc
    assert 'href="javascript:' not in doc and "javascript:alert(1)" in doc  # listed as text, never a link
    zh = render_report(plan, result, lang="zh", comparisons=evil)
    assert "<script" not in zh.lower() and "&lt;script&gt;上海&lt;/script&gt;" in zh


# -- the chart on its own ---------------------------------------------------------------------------------
def test_comparison_chart_accepts_json_keys_and_needs_a_figure():
    comp = {"indicator": "x", "unit": "亿元", "latest_common_year": None, "rows": [
        {"region": "A", "name_en": "Alpha", "name_zh": "甲", "values": {"2020": 100.0, "2022": 120.0},
         "sources": {"2020": "https://example.org/a20", "2022": "https://example.org/a22"}, "rank": None},
        {"region": "B", "name_en": "Beta", "name_zh": None, "values": {"2021": 90.0},
         "sources": {"2021": "https://example.org/b21"}, "rank": None},
    ]}
    svg = str(comparison_chart("c", comp, source_number=lambda url: 3 if url.endswith("a22") else None))
    assert svg.count("<polyline") == 2 and 'href="#src-3"' in svg and svg.count("<a ") == 1
    assert "Alpha" in svg and "甲" in svg and "Beta" in svg
    assert "-" not in re.findall(r'text-anchor="end"[^>]*>([^<]*)<', svg)[0]  # money axis starts at 0 or above
    empty = {**comp, "rows": [{**r, "values": {}} for r in comp["rows"]]}
    assert comparison_chart("c", empty) is None


def test_a_comparison_with_the_plan_region_alone_still_renders(compared):
    plan, result, comps = compared
    alone = {"rd-intensity": {**comps["rd-intensity"], "latest_common_year": None,
                              "rows": [{**comps["rd-intensity"]["rows"][0], "rank": None}]}}
    doc = render_report(plan, result, comparisons=alone)
    p = parse(doc)
    assert p.text("#cmp-rd-intensity", ".cmp-legend", "[CN-BJ]") and not p.text("#cmp-rd-intensity", ".cmp-question")
