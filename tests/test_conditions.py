"""Every comparator, and `around` with its tolerance and desired direction."""

import pytest

from planwatch.assess.conditions import condition_for


@pytest.mark.parametrize(
    ("comparator", "value", "high", "tol", "direction", "inside", "outside"),
    [
        ("at_least", 10, None, 0, "increase", [10, 11], [9.99]),
        ("more_than", 10, None, 0, "increase", [10.01], [10, 9]),
        ("at_most", 10, None, 0, "decrease", [10, 3], [10.01]),
        ("less_than", 10, None, 0, "decrease", [9.99], [10, 11]),
        ("between", 6, 7, 0, "neither", [6, 6.5, 7], [5.99, 7.01]),
        ("rank_at_most", 1, None, 0, "decrease", [1], [2]),
        # around 6 ± 0.18: more is better, so 6.6 passes; 5.8 fails
        ("around", 6, None, 0.18, "increase", [5.82, 6, 6.6, 9], [5.8]),
        ("around", 6, None, 0.18, "decrease", [3, 6.18], [6.2]),
        ("around", 6, None, 0.18, "neither", [5.82, 6.18], [5.8, 6.2]),
    ],
)
def test_comparators(comparator, value, high, tol, direction, inside, outside):
    cond = condition_for(comparator, value, high, tol, direction)
    for v in inside:
        assert cond.satisfied(v), (comparator, v)
    for v in outside:
        assert not cond.satisfied(v), (comparator, v)


def test_threshold_is_the_nearest_boundary():
    cond = condition_for("between", 6, 7)
    assert cond.threshold_from(5) == 6
    assert cond.threshold_from(8) == 7
    assert cond.threshold_from(6.5) is None
