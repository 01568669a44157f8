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
    with pytest.raises(PlanwatchError, match="unknown unit 'furlongs'"):
        normalize_unit("furlongs")


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
