"""Extraction quality: run ``planwatch.extract.evaluate`` on the hand-checked set and print the table.

python benchmarks/extract_quality.py                      # tests/data/extraction
python benchmarks/extract_quality.py --dates              # also give the extractor each document's date
python benchmarks/extract_quality.py --details            # list missed and spurious targets per document
python benchmarks/extract_quality.py path/to/folder
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "data" / "extraction"))
    ap.add_argument(
        "--dates", action="store_true", help="pass each document's publication year to the extractor"
    )
    ap.add_argument("--details", action="store_true", help="show missed and spurious targets")
    args = ap.parse_args(argv)

    from planwatch.errors import PlanwatchError
    from planwatch.extract import evaluate, format_evaluation

    try:
        res = evaluate(Path(args.folder), use_dates=args.dates)
    except PlanwatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_evaluation(res))
    if args.details:
        for d in res["per_document"]:
            if d.get("missed") or d.get("spurious") or d.get("mismatches"):
                print(f"\n{d['document']}")
                for m in d.get("missed", []):
                    print(
                        f"  missed   {m['comparator']} {m['value']} {m['unit']} {m['deadline']}  "
                        f"{m['quote'][:70]!r}"
                    )
                for s in d.get("spurious", []):
                    print(
                        f"  spurious {s['comparator']} {s['value']} {s['unit']} {s['deadline']}  "
                        f"{s['quote'][:70]!r}"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
