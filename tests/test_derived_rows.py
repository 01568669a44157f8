"""Every derived figure shipped with planwatch recomputes from the inputs its derivation names: a typo in an input, a
slip in the arithmetic or a value that is not the derivation's result fails here, before it reaches a verdict."""

from __future__ import annotations

import csv
import re

import pytest

from planwatch.sources.builtin import builtin_files, builtin_plans_with_data

NUM = r"(\d+(?:\.\d+)?)"
GAP = r"[^\d=≈;]{0,40}?"
# "a / b × 100 = c", "a 万元 / b 万元 × 100 = c", "a ÷ b = c" (labels and units may stand between the numbers)
DIVISION = re.compile(NUM + GAP + r"\s*[/÷]\s*" + GAP + NUM + r"(?:" + GAP + r"\s*[×x]\s*" + NUM + r")?" + GAP
                      + r"\s*(?:=|≈)\s*" + NUM)
PRODUCT = re.compile(r"(?<![\d./÷])(?<![/÷]\s)" + NUM + r"\s*[×x]\s*" + NUM + r"\s*=\s*" + NUM)  # "0.228 × 28000.4 = 6384.09"
FROM_100 = re.compile(r"=\s*100\s*-\s*" + NUM)  # "index = 100 - 18"


def _close(expected: float, shown: str) -> bool:
    """``shown`` is ``expected`` to the digits it shows (half a unit of its last digit, or 0.01% for long values)."""
    places = len(shown.split(".")[1]) if "." in shown else 0
    return abs(expected - float(shown)) <= 0.5 * 10 ** -places + abs(expected) * 1e-4


def _derived_rows():
    for plan in builtin_plans_with_data():
        for f in builtin_files(plan):
            for i, r in enumerate(csv.DictReader(f.read_text(encoding="utf-8").splitlines()), start=2):
                if r["status"] == "derived":
                    yield pytest.param(r, id=f"{f.name}:{i}")


def _problems(row: dict[str, str]) -> list[str]:
    """What does not recompute in a derived row (empty when everything does)."""
    d = row["derivation"]
    checks = []
    for m in DIVISION.finditer(d):
        a, b, k, c = m.groups()
        checks.append((f"{a}/{b}×{k or 1} = {c}", _close(float(a) / float(b) * float(k or 1), c)))
    for m in PRODUCT.finditer(d):
        a, b, c = m.groups()
        checks.append((f"{a}×{b} = {c}", _close(float(a) * float(b), c)))
    for m in FROM_100.finditer(d):
        checks.append((f"100 - {m.group(1)} = {row['value']}", _close(100 - float(m.group(1)), row["value"])))
    if not checks:
        return [f"no arithmetic planwatch can recompute in the derivation: {d[:120]}"]
    out = [c for c, good in checks if not good]
    # the row's value is the derivation's result (for "100 - x" the check above compares it)
    if not FROM_100.search(d) and not re.search(rf"(?<![\d.]){re.escape(row['value'])}(?!\d)", d):
        out.append(f"the value {row['value']} is not the derivation's result")
    return out


@pytest.mark.parametrize("row", list(_derived_rows()))
def test_a_derived_figure_recomputes_from_its_stated_inputs(row):
    assert _problems(row) == []


def test_the_check_catches_a_slip_in_the_arithmetic_or_the_value():
    good = "基础研究 1909929.8万元 / R&D内部支出合计 13840231.1万元 × 100 = 13.80; both from 中国科技统计年鉴2016"
    assert _problems({"derivation": good, "value": "13.80"}) == []
    assert _problems({"derivation": good.replace("= 13.80", "= 13.90"), "value": "13.90"})
    assert _problems({"derivation": good, "value": "13.9"})
    assert _problems({"derivation": "computed from the yearbook", "value": "13.80"})
    assert _problems({"derivation": "share 22.8% × GDP 28000.4亿元 = 0.228 × 28000.4 = 6384.09 → 6384.1亿元",
                      "value": "6384.1"}) == []
