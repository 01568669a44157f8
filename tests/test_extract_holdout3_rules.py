"""Round-3 rules (general patterns seen in held-out set 3), tested on sentences written for these tests."""

from __future__ import annotations

from planwatch.extract import extract_text


def _tuples(text: str, year: int | None = None) -> list[tuple]:
    d = extract_text(text, year=year)
    for t in d.targets:
        assert text[t.start : t.end] == t.quote
    return [(t.comparator, t.value, t.unit, t.deadline, t.measure) for t in d.targets]


def test_list_intro_reduction_verb_governs_bullets() -> None:
    text = (
        "Interim goals for 2035 include the region cutting:\n\n"
        "  • road traffic deaths by more than 40%;\n"
        "  • the number of households exposed to flooding by 20%;\n"
        "  • landfilled food waste by 35%.\n"
    )
    assert _tuples(text) == [
        ("more_than", -40.0, "%", 2035, "change_from_base"),
        ("at_least", -20.0, "%", 2035, "change_from_base"),
        ("at_least", -35.0, "%", 2035, "change_from_base"),
    ]


def test_list_intro_increase_verb_governs_bullets() -> None:
    text = "Milestones for 2028 include the city increasing:\n\n• cycling trips by 60%;\n• tree cover by 15%.\n"
    assert _tuples(text) == [
        ("at_least", 60.0, "%", 2028, "change_from_base"),
        ("at_least", 15.0, "%", 2028, "change_from_base"),
    ]


def test_bullet_listing_several_indicators_before_one_number_gives_one_target_each() -> None:
    text = (
        "Goals for 2032 include the state reducing:\n\n"
        "• fertiliser run-off, the use and risk of herbicides, and the use of antibiotics in livestock by 45%;\n"
        "• idle time and waste in ports by 10%.\n"
    )
    got = _tuples(text)
    assert got.count(("at_least", -45.0, "%", 2032, "change_from_base")) == 3
    assert got.count(("at_least", -10.0, "%", 2032, "change_from_base")) == 1  # "A and B" stays one


def test_verb_in_the_middle_of_the_intro_does_not_govern_bullets() -> None:
    text = "To reduce costs, the plan sets these goals for 2030:\n\n• 500 new buses;\n• 20 depots.\n"
    assert all(v is None or v > 0 for _, v, *_ in _tuples(text))


def test_from_year_after_change_verb_is_a_base_not_a_deadline() -> None:
    text = (
        "By 2028, freight rail volume is set to roughly double from 2024, and parcel deliveries by rail "
        "will increase by 35 percent."
    )
    got = _tuples(text)
    assert ("around", 100.0, "%", 2028, "change_from_base") in got
    assert ("at_least", 35.0, "%", 2028, "change_from_base") in got


def test_planned_multi_year_change_on_last_year_is_a_target() -> None:
    text = (
        "Under the programme, investment in clinics is planned to grow by more than 15 percent by 2029 "
        "compared with last year."
    )
    assert _tuples(text) == [("more_than", 15.0, "%", 2029, "change_from_base")]


def test_reported_change_on_last_year_is_still_a_fact() -> None:
    assert _tuples("Retail sales rose 6 percent compared with last year.") == []


def test_headline_year_dates_this_year_in_undated_chinese_news() -> None:
    text = "2024年,这座城市这样发展\n据市长介绍,今年的主要预期目标是,地区生产总值增长5.5%左右,一般公共预算收入增长4%。\n"
    got = _tuples(text)
    assert ("around", 5.5, "%", 2024, "change_from_base") in got


def test_headline_deadline_or_period_is_not_this_year() -> None:
    for head in ("2030年前碳达峰行动方案", "全民健身计划(2021—2025年)"):
        text = head + "\n今年地区生产总值增长5%左右。\n"
        assert all(t[3] is None for t in _tuples(text))
