import pytest

from planwatch.errors import PlanwatchError
from planwatch.units import compatible, convert, humanize, normalize_unit


@pytest.mark.parametrize(
    ("value", "src", "dst", "expected"),
    [
        (1.2, "万亿元", "亿元", 12000.0),
        (800, "billion yuan", "亿元", 8000.0),
        (8536.9, "亿元", "billion yuan", 853.69),
        (1, "trillion yuan", "万亿元", 1.0),
        (58841.9, "亿元", "万亿元", 5.88419),
        (6.83, "%", "percent", 6.83),
        (260, "persons per 10,000 employed", "per 10,000 employed", 260.0),
    ],
)
def test_conversions(value, src, dst, expected):
    assert convert(value, src, dst) == pytest.approx(expected)


def test_percent_and_percentage_points_are_different_things():
    assert not compatible("%", "pp")
    assert not compatible("亿元", "%")
    with pytest.raises(PlanwatchError, match="different things"):
        convert(1, "%", "亿元")


def test_unknown_unit_is_a_clear_error():
    with pytest.raises(PlanwatchError, match="unknown unit .glorbs."):
        normalize_unit("glorbs")


def test_humanize_in_both_languages():
    assert humanize(11859, "亿元", "en") == "1.19 trillion yuan"
    assert humanize(11859, "亿元", "zh") == "1.19万亿元"
    assert humanize(9153, "亿元", "en") == "915.3 billion yuan"
    assert humanize(6.58, "%") == "6.58%"
    assert humanize(1, "rank", "zh") == "第1位"


def test_fast_factor_cache_agrees_with_pint():
    from planwatch.units import FAST_FACTORS, pint_factor

    names = list(FAST_FACTORS)
    for a in names:
        for b in names:
            same = FAST_FACTORS[a][1] == FAST_FACTORS[b][1]
            if same:
                assert FAST_FACTORS[a][0] / FAST_FACTORS[b][0] == pytest.approx(pint_factor(a, b)), (a, b)
            else:
                with pytest.raises(PlanwatchError):
                    pint_factor(a, b)


@pytest.mark.parametrize(
    ("value", "src", "dst", "expected"),
    [
        (3.5, "万人", "persons", 35000.0),
        (1.4, "亿人", "万人", 14000.0),
        (33.8, "万人年", "person-years", 338000.0),
        (12.0, "件/万人", "per 10,000 people", 12.0),
        (5.0, "万吨标准煤", "吨标准煤", 50000.0),
        (1.0, "Mtoe", "ktoe", 1000.0),
        (1312.0, "Mtoe", "万吨标准煤", 1312.0 * 41.868 / 29.3076 * 100),
        (35.0, "µg/m³", "mg/m³", 0.035),
        (2.0, "亿千瓦时", "千瓦时", 2e8),
        (3.0, "‰", "%", 0.3),
        (12.0, "per 100,000", "‰", 0.12),
        (69.0, "index 1990=100", "index points", 69.0),
        (2.5, "tonnes", "kg", 2500.0),
    ],
)
def test_registry_conversions_both_ways(value, src, dst, expected):
    assert convert(value, src, dst) == pytest.approx(expected, rel=1e-9)
    assert convert(expected, dst, src) == pytest.approx(value, rel=1e-9)


def test_dimension_checks_and_declared_aliases():
    from planwatch.units import register_alias

    assert not compatible("万人", "万人年")  # heads are not person-years
    assert not compatible("Mtoe", "tonnes")  # energy is not mass
    assert not compatible("件/万人", "%")
    register_alias("patents per 10,000 people", "件/万人")
    assert convert(8.0, "patents per 10,000 people", "件/万人") == 8.0
    assert normalize_unit("furlongs")  # anything pint can read is a unit
