"""Validate the extraction evaluation set against FORMAT.md.

Run: python tests/data/extraction/check_extraction_set.py
Checks every NAME.json: it has a NAME.txt beside it, the required fields,
allowed enum values, and that each target quote is an exact substring of the text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMPARATORS = {"around", "at_least", "more_than", "at_most", "less_than", "between", "rank_at_most"}
MEASURES = {"level", "share", "average_annual_growth", "change_from_base", "rank"}
SOURCE_KEYS = {"title", "publisher", "url", "date", "licence", "language"}
TARGET_KEYS = {
    "quote",
    "indicator",
    "comparator",
    "value",
    "value_high",
    "unit",
    "deadline",
    "measure",
    "base_year",
}


def check_target(t: dict, text: str) -> list[str]:
    errs = []
    missing = TARGET_KEYS - t.keys()
    if missing:
        errs.append(f"missing keys {sorted(missing)}")
        return errs
    if t["quote"] not in text:
        errs.append(f"quote not in text: {t['quote']!r}")
    if t["comparator"] not in COMPARATORS:
        errs.append(f"bad comparator {t['comparator']!r}")
    if t["measure"] not in MEASURES:
        errs.append(f"bad measure {t['measure']!r}")
    value, high = t["value"], t["value_high"]
    if value is not None and not isinstance(value, (int, float)):
        errs.append(f"value not a number: {value!r}")
    if t["comparator"] == "between":
        if not isinstance(high, (int, float)):
            errs.append("between needs a numeric value_high")
    elif high is not None:
        errs.append("value_high set but comparator is not between")
    if value is None and t["comparator"] != "rank_at_most":
        errs.append("value is null outside a rank target")
    if t["comparator"] == "rank_at_most" and (t["unit"] != "rank" or t["measure"] != "rank"):
        errs.append("rank target needs unit 'rank' and measure 'rank'")
    if t["deadline"] is not None and not isinstance(t["deadline"], int):
        errs.append(f"deadline not an int year: {t['deadline']!r}")
    if t["base_year"] is not None and not isinstance(t["base_year"], int):
        errs.append(f"base_year not an int year: {t['base_year']!r}")
    if not isinstance(t["unit"], str) or not t["unit"]:
        errs.append("unit missing")
    return errs


def check_file(path: Path) -> list[str]:
    errs = []
    txt_path = path.with_suffix(".txt")
    if not txt_path.exists():
        return [f"{path.name}: no {txt_path.name}"]
    text = txt_path.read_text(encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("source", "horizon_year", "targets", "tasks", "notes"):
        if key not in data:
            errs.append(f"missing top-level key {key!r}")
    source = data.get("source", {})
    if SOURCE_KEYS - source.keys():
        errs.append(f"source missing {sorted(SOURCE_KEYS - source.keys())}")
    if source.get("language") not in ("en", "zh"):
        errs.append(f"bad language {source.get('language')!r}")
    date = str(source.get("date", ""))
    if len(date) != 10 or date[4] != "-" or date[7] != "-":
        errs.append(f"date not YYYY-MM-DD: {date!r}")
    for i, target in enumerate(data.get("targets", [])):
        errs.extend(f"target {i}: {e}" for e in check_target(target, text))
    for task in data.get("tasks", []):
        if task not in text:
            errs.append(f"task not in text: {task!r}")
    return [f"{path.name}: {e}" for e in errs]


def main() -> int:
    files = sorted(HERE.glob("*.json"))
    problems = [e for f in files for e in check_file(f)]
    n_targets = sum(len(json.loads(f.read_text(encoding="utf-8"))["targets"]) for f in files)
    for p in problems:
        print(p)
    print(f"{len(files)} documents, {n_targets} targets, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
