"""Extraction speed: planwatch's full extraction vs quantulum3's quantity parser, on one core.

Generates a deterministic corpus (seeded) of policy-like English documents of about 1,000 words each — real-
sounding plan sentences with targets, past figures, funding amounts and filler — then times

- ``planwatch.extract.extract_text`` (segmentation, quantities, comparators, deadlines, facts, tasks,
  goals), and
- ``quantulum3.parser.parse`` (quantities and units only),

on the same documents in this process, and prints documents per second and the ratio.

    python benchmarks/extract_speed.py             # 2,000 documents
    python benchmarks/extract_speed.py --docs 200  # quicker
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import warnings

SUBJECTS = [
    "the share of renewable energy in final consumption",
    "R&D expenditure as a share of GDP",
    "the number of R&D personnel per 10,000 employed persons",
    "the added value of high-tech industries",
    "the turnover of technology contracts",
    "the employment rate of people aged 20 to 64",
    "the proportion of basic research expenditure",
    "the number of public charging points",
    "greenhouse gas emissions",
    "energy consumption per unit of GDP",
    "the urban unemployment rate",
    "the share of adults with basic digital skills",
    "offshore wind capacity",
    "grain output",
    "the number of high-tech enterprises",
    "the average annual growth rate of the digital economy",
]
COMPARATORS = [
    "around",
    "about",
    "at least",
    "more than",
    "over",
    "less than",
    "within",
    "approximately",
    "no less than",
    "",
]
VERBS = [
    "will reach",
    "will be maintained at",
    "should exceed",
    "is expected to reach",
    "will be kept",
    "should reach",
    "will rise to",
]
UNITS = [
    "%",
    " percent",
    " per cent",
    " billion yuan",
    " trillion yuan",
    " GW",
    " million tonnes",
    " million",
    "",
    " percentage points",
]
FILLER = [
    "The programme adheres to the principle of openness, cooperation and mutual benefit.",
    "Local governments shall strengthen coordination and improve the evaluation mechanism.",
    "Enterprises are encouraged to increase investment in basic research and applied research.",
    "The plan was formulated in accordance with the requirements of the central government.",
    "A monitoring system will track progress and publish an annual report.",
    "Talent policies will be improved to attract scientists and engineers from around the world.",
    "First, we will build a modern industrial system. Second, we will deepen reform and opening up.",
    "Financial institutions should provide long-term credit for strategic emerging industries.",
    "Public services will be delivered online and data will be shared across departments.",
    "The Commission will review the measures and propose adjustments where necessary.",
]
PAST = [
    "In {y0}, {s} reached {v}{u}.",
    "Last year {s} stood at {v}{u}.",
    "{s} rose by {v}{u} in {y0}.",
    "The government invested ${v} billion in the programme in {y0}.",
]
FUTURE = [
    "By {y1}, {s} {verb} {c} {v}{u}.",
    "{s} {verb} {c} {v}{u} by {y1}.",
    "The plan aims to cut {s} by {c} {v}{u} compared with {y0} levels by {y1}.",
    "By {y1}, {s} will be between {v} and {v2}{u}.",
    "The goal is to double {s} by {y1}.",
    "By {y1}, the region will rank first in the country for {s}.",
]


def _number(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return f"{rng.randint(1, 95)}"
    if r < 0.8:
        return f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"
    return f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}"


def make_corpus(n_docs: int, words: int = 1000, seed: int = 20240517) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        parts: list[str] = []
        count = 0
        while count < words:
            r = rng.random()
            y0 = rng.randint(2015, 2023)
            y1 = rng.randint(2024, 2035)
            v = _number(rng)
            fill = {
                "s": rng.choice(SUBJECTS),
                "verb": rng.choice(VERBS),
                "c": rng.choice(COMPARATORS),
                "v": v,
                "v2": str(int(float(v.replace(",", ""))) + rng.randint(1, 5)),
                "u": rng.choice(UNITS),
                "y0": y0,
                "y1": y1,
            }
            if r < 0.35:
                s = rng.choice(FUTURE).format(**fill)
            elif r < 0.55:
                s = rng.choice(PAST).format(**fill)
            else:
                s = rng.choice(FILLER)
            s = s[0].upper() + s[1:]
            s = s.replace("  ", " ")
            parts.append(s)
            count += len(s.split())
            if rng.random() < 0.12:
                parts.append("\n\n")
        docs.append(" ".join(parts).replace(" \n\n ", "\n\n"))
    return docs


def _time(fn, docs: list[str]) -> float:
    t0 = time.perf_counter()
    for d in docs:
        fn(d)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="number of documents (default 2000)")
    ap.add_argument("--words", type=int, default=1000, help="words per document (default 1000)")
    ap.add_argument("--seed", type=int, default=20240517)
    ap.add_argument("--skip-quantulum", action="store_true", help="time planwatch only")
    args = ap.parse_args(argv)

    from planwatch.extract import extract_text

    docs = make_corpus(args.docs, args.words, args.seed)
    n_words = sum(len(d.split()) for d in docs)
    print(
        f"corpus: {len(docs)} documents, {n_words:,} words ({n_words / len(docs):.0f} per document), "
        f"{sum(len(d) for d in docs) / 1e6:.1f} MB"
    )
    extract_text(docs[0])  # warm-up (regex compilation)
    t_pw = _time(extract_text, docs)
    n_targets = sum(len(extract_text(d).targets) for d in docs[:50])
    print(
        f"planwatch extract_text : {len(docs) / t_pw:10.1f} docs/s  ({t_pw:.2f} s; "
        f"{n_targets / min(50, len(docs)):.1f} targets per document)"
    )
    if args.skip_quantulum:
        return 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        print("quantulum3 is not installed (pip install quantulum3); skipping the comparison")
        return 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse(docs[0])  # warm-up (loads its unit tables)
        t_q = _time(parser.parse, docs)
    print(f"quantulum3 parser.parse: {len(docs) / t_q:10.1f} docs/s  ({t_q:.2f} s)")
    print(f"ratio: planwatch is {t_q / t_pw:.1f}x quantulum3's docs/s (goal: >= 5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
