"""What "meeting" a target means for each comparator, with the tolerance and direction of `around`.

Everything here works in the indicator's unit, so the caller converts the target value first.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Condition:
    """A target as an interval of acceptable values: [low, high], either end open or closed."""

    comparator: str
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True

    def satisfied(self, v: float) -> bool:
        if self.low is not None and (v < self.low or (v == self.low and not self.low_inclusive)):
            return False
        return not (self.high is not None and (v > self.high or (v == self.high and not self.high_inclusive)))

    def threshold_from(self, v: float) -> float | None:
        """The nearest boundary to reach from ``v`` (None if already satisfied)."""
        if self.satisfied(v):
            return None
        if self.low is not None and v <= self.low:
            return self.low
        return self.high

    def describe(self, fmt, lang: str = "en") -> str:
        zh = lang == "zh"
        if self.low is not None and self.high is not None:
            return f"{fmt(self.low)}至{fmt(self.high)}之间" if zh else f"between {fmt(self.low)} and {fmt(self.high)}"
        if self.low is not None:
            if zh:
                return ("不低于" if self.low_inclusive else "超过") + fmt(self.low)
            return ("at least " if self.low_inclusive else "more than ") + fmt(self.low)
        if self.high is not None:
            if zh:
                return ("不高于" if self.high_inclusive else "低于") + fmt(self.high)
            return ("at most " if self.high_inclusive else "less than ") + fmt(self.high)
        return "任意值" if zh else "any value"


def condition_for(comparator: str, value: float | None, value_high: float | None = None,
                  tolerance: float = 0.0, direction: str = "increase") -> Condition:
    """Turn a comparator into the interval it accepts.

    ``around`` accepts value ± tolerance, except that with a desired direction the good side is open:
    "R&D intensity maintained at around 6%" is not failed by 6.6% when more is better.
    """
    if comparator == "at_least":
        return Condition(comparator, value, None)
    if comparator == "more_than":
        return Condition(comparator, value, None, low_inclusive=False)
    if comparator == "at_most":
        return Condition(comparator, None, value)
    if comparator == "less_than":
        return Condition(comparator, None, value, high_inclusive=False)
    if comparator == "between":
        return Condition(comparator, value, value_high)
    if comparator == "rank_at_most":
        return Condition(comparator, None, value)
    if comparator == "around":
        assert value is not None
        lo, hi = value - tolerance, value + tolerance
        if direction == "increase":
            return Condition(comparator, lo, None)
        if direction == "decrease":
            return Condition(comparator, None, hi)
        return Condition(comparator, lo, hi)
    raise ValueError(f"unknown comparator {comparator!r}")
