"""Property tests: extraction never raises on arbitrary text, and every offset indexes its quote exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.extract import draft_plan, extract_text

# Fragments that exercise the recognisers (numbers, units, comparators, years, Chinese numerals), mixed with
# arbitrary unicode so the regexes meet every kind of neighbour.
FRAGMENTS = [
    "By 2025,",
    "by 2030",
    "in that year",
    "around",
    "about",
    "at least",
    "more than",
    "over",
    "less than",
    "within",
    "leading in China",
    "rank first in the country",
    "net zero",
    "double",
    "cut by",
    "reduce",
    "6%",
    "6%-7%",
    "6 to 7 percent",
    "50-\n52 percent",
    "1.2 trillion yuan",
    "800 billion yuan",
    "$7.5bn",
    "€4 billion",
    "£22 billion",
    "two-thirds",
    "one million",
    "a quarter",
    "half a million",
    "three out of four",
    "per 10,000 employed",
    "2.5 percentage points",
    "30 GW",
    "650 million tonnes",
    "10,000",
    "300 000",
    "first,",
    "Second,",
    "(75%)",
    "到2025年，",
    "左右",
    "约",
    "达到",
    "超过",
    "以上",
    "不低于",
    "不少于",
    "力争",
    "保持在",
    "控制在",
    "以内",
    "领先",
    "位居前列",
    "全国领先",
    "1.2万亿元",
    "8000亿元",
    "百分之二十",
    "一千二百万人",
    "三分之二",
    "6%-6.5%",
    "1100万人以上",
    "个百分点",
    "每万名就业人员中研发人员数量",
    "260人",
    "比2020年下降18%",
    "年均增长",
    "翻一番",
    "“十四五”",
    "今年",
    "一是",
    "二是",
    "（一）",
    "。",
    "，",
    ".",
    ",",
    ";",
    "\n",
    "\n\n",
    " ",
    "• ",
    "-- ",
    "Mission 3:",
    "2023-05-30",
    "http://x.cn/a?id=1",
]

text_strategy = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map(
    "".join
)


def _check_offsets(text: str) -> None:
    d = extract_text(text)
    for t in d.targets:
        assert 0 <= t.start <= t.end <= len(text)
        assert text[t.start : t.end] == t.quote
        assert t.comparator in {
            "around",
            "at_least",
            "more_than",
            "at_most",
            "less_than",
            "between",
            "rank_at_most",
        }
        assert t.measure in {"level", "share", "average_annual_growth", "change_from_base", "rank"}
        if t.comparator == "between":
            assert t.value is not None and t.value_high is not None
        elif t.comparator != "rank_at_most":
            assert t.value is not None
    for task in d.tasks:
        assert text[task.start : task.end] == task.text
    for g in d.goals:
        assert text[g.start : g.end] == g.text
    for f in d.facts:
        assert text[f.start : f.end] == f.quote


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_extraction_never_raises_and_offsets_are_exact(text):
    _check_offsets(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    _check_offsets(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_draft_plan_always_validates(text):
    import yaml

    from planwatch.plans.loader import parse_plan_text

    d = extract_text(text)
    parse_plan_text(yaml.safe_dump(draft_plan(d, "prop-plan"), allow_unicode=True))
