"""Score extraction against a hand-checked folder (``NAME.txt|.html|.pdf`` + ``NAME.json``, see FORMAT.md).

A predicted target matches a ground-truth target when value (relative difference ≤ 0.5 %, both null for
number-less rank targets), unit, comparator and deadline all match (for ``between`` the two ends are compared
as an unordered pair). Matching is one-to-one, preferring pairs whose quotes overlap. Per-field accuracy is
measured on pairs matched by quote overlap alone, so it shows *which* field goes wrong.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from pathlib import Path
from typing import Any

from .model import DraftTarget

FIELDS = ("value", "unit", "comparator", "deadline", "measure", "base_year", "value_high")
_EXTS = (".txt", ".html", ".htm", ".pdf")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    denom = max(abs(a), abs(b))
    return denom > 0 and abs(a - b) / denom <= 0.005


def _values_match(p: DraftTarget, g: dict) -> bool:
    if p.comparator == "between" and g.get("comparator") == "between":
        pv = sorted(x for x in (p.value, p.value_high) if x is not None)
        gv = sorted(x for x in (g.get("value"), g.get("value_high")) if x is not None)
        return len(pv) == len(gv) == 2 and all(_close(a, b) for a, b in zip(pv, gv, strict=True))
    return _close(p.value, g.get("value"))


def _unit(u: object) -> object:
    # compatibility forms are the same unit: "µg/m3" (micro sign) = "μg/m3" (Greek mu)
    return unicodedata.normalize("NFKC", u) if isinstance(u, str) else u


def target_matches(p: DraftTarget, g: dict) -> bool:
    return (
        _values_match(p, g)
        and _unit(p.unit) == _unit(g.get("unit"))
        and p.comparator == g.get("comparator")
        and p.deadline == g.get("deadline")
    )


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    out = []
    if not quote:
        return out
    i = text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _gt_overlap(text: str, p: DraftTarget, g: dict) -> int:
    return max((_overlap((p.start, p.end), sp) for sp in _spans(text, g.get("quote", ""))), default=0)


def score_document(text: str, preds: list[DraftTarget], gold: list[dict]) -> dict[str, Any]:
    # one-to-one matching on the four fields, quote overlap first
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if target_matches(p, g):
                pairs.append((-_gt_overlap(text, p, g), gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
    tp = len(used_g)
    # field accuracy on quote-overlap pairs
    ov = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            o = _gt_overlap(text, p, g)
            if o > 0:
                ov.append((-o, gi, pi))
    ov.sort()
    og: set[int] = set()
    op: set[int] = set()
    field_hits = {f: 0 for f in FIELDS}
    n_pairs = 0
    mismatches = []
    for _, gi, pi in ov:
        if gi in og or pi in op:
            continue
        og.add(gi)
        op.add(pi)
        n_pairs += 1
        g, p = gold[gi], preds[pi]
        for f in FIELDS:
            pv = getattr(p, f)
            gv = g.get(f)
            ok = _close(pv, gv) if f in ("value", "value_high") else _unit(pv) == _unit(gv)
            if (
                f in ("value", "value_high")
                and p.comparator == "between"
                and g.get("comparator") == "between"
            ):
                ok = _values_match(p, g)
            if ok:
                field_hits[f] += 1
            elif f in ("value", "unit", "comparator", "deadline"):
                mismatches.append(
                    {"field": f, "predicted": pv, "expected": gv, "quote": g.get("quote", "")[:80]}
                )
    missed = [g for gi, g in enumerate(gold) if gi not in used_g]
    spurious = [p for pi, p in enumerate(preds) if pi not in used_p]
    return {
        "tp": tp,
        "fp": len(preds) - tp,
        "fn": len(gold) - tp,
        "pairs": n_pairs,
        "field_hits": field_hits,
        "missed": missed,
        "spurious": spurious,
        "mismatches": mismatches,
    }


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _doc_path(j: Path) -> Path | None:
    for ext in _EXTS:
        cand = j.with_suffix(ext)
        if cand.exists():
            return cand
    return None


def evaluate(folder: Path, use_dates: bool = False) -> dict[str, Any]:
    """Run extraction over every document with a ground truth in ``folder`` and score it.

    ``use_dates``: pass the ground truth's publication year to the extractor (as a caller who knows the
    document's date would); off by default, so the score measures what the text alone gives.
    """
    from ..errors import PlanwatchError
    from . import extract_text, read_document

    folder = Path(folder)
    if not folder.is_dir():
        raise PlanwatchError(f"no such folder: {folder}")
    docs = []
    totals = {"tp": 0, "fp": 0, "fn": 0}
    by_lang: dict[str, dict[str, int]] = {}
    field_hits = {f: 0 for f in FIELDS}
    n_pairs = 0
    task_tp = task_gold = task_pred = 0
    t0 = time.perf_counter()
    for j in sorted(folder.glob("*.json")):
        path = _doc_path(j)
        if path is None:
            continue
        try:
            gold = json.loads(j.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(gold, dict) or "targets" not in gold:
            continue
        lang = (gold.get("source") or {}).get("language")
        year = None
        if use_dates:
            m = re.match(r"(\d{4})", str((gold.get("source") or {}).get("date", "")))
            year = int(m.group(1)) if m else None
        try:
            text = read_document(path)
            draft = extract_text(text, year=year, max_seconds=0)  # scores do not depend on the machine
        except PlanwatchError as exc:
            docs.append(
                {
                    "document": path.name,
                    "language": lang,
                    "error": str(exc),
                    "gold": len(gold["targets"]),
                    "predicted": 0,
                    "tp": 0,
                    "fp": 0,
                    "fn": len(gold["targets"]),
                }
            )
            totals["fn"] += len(gold["targets"])
            continue
        sc = score_document(text, draft.targets, gold["targets"])
        for k in totals:
            totals[k] += sc[k]
        bl = by_lang.setdefault(lang or draft.language, {"tp": 0, "fp": 0, "fn": 0})
        for k in ("tp", "fp", "fn"):
            bl[k] += sc[k]
        for f in FIELDS:
            field_hits[f] += sc["field_hits"][f]
        n_pairs += sc["pairs"]
        gold_tasks = [re.sub(r"\W+", "", t.lower()) for t in gold.get("tasks", [])]
        pred_tasks = [re.sub(r"\W+", "", t.text.lower()) for t in draft.tasks]
        task_gold += len(gold_tasks)
        task_pred += len(pred_tasks)
        task_tp += sum(1 for g in gold_tasks if any(g[:40] in p or p[:40] in g for p in pred_tasks if p))
        docs.append(
            {
                "document": path.name,
                "language": lang or draft.language,
                "gold": len(gold["targets"]),
                "predicted": len(draft.targets),
                "tp": sc["tp"],
                "fp": sc["fp"],
                "fn": sc["fn"],
                "horizon_year": draft.horizon_year,
                "gold_horizon_year": gold.get("horizon_year"),
                "missed": [
                    {k: g.get(k) for k in ("quote", "comparator", "value", "value_high", "unit", "deadline")}
                    for g in sc["missed"]
                ],
                "spurious": [
                    {
                        "quote": p.quote[:100],
                        "comparator": p.comparator,
                        "value": p.value,
                        "value_high": p.value_high,
                        "unit": p.unit,
                        "deadline": p.deadline,
                    }
                    for p in sc["spurious"]
                ],
                "mismatches": sc["mismatches"],
            }
        )
    overall = _prf(totals["tp"], totals["fp"], totals["fn"])
    return {
        "folder": str(folder),
        "documents": len(docs),
        "targets": {**totals, **overall},
        "by_language": {
            lang: {**v, **_prf(v["tp"], v["fp"], v["fn"])} for lang, v in sorted(by_lang.items())
        },
        "field_accuracy": {f: (field_hits[f] / n_pairs if n_pairs else None) for f in FIELDS},
        "field_pairs": n_pairs,
        "tasks": {
            "gold": task_gold,
            "predicted": task_pred,
            "matched": task_tp,
            **_prf(task_tp, task_pred - task_tp, task_gold - task_tp),
        },
        "per_document": docs,
        "seconds": time.perf_counter() - t0,
        "use_dates": use_dates,
    }


def format_evaluation(result: dict[str, Any]) -> str:
    t = result["targets"]
    lines = [
        f"Extraction evaluation: {result['folder']} ({result['documents']} documents, "
        f"{result['seconds']:.2f} s{', document dates given' if result.get('use_dates') else ''})",
        "",
        f"{'document':48} {'lang':4} {'gold':>4} {'pred':>4} {'tp':>3} {'fp':>3} {'fn':>3}",
    ]
    for d in result["per_document"]:
        flag = "  ERROR: " + d["error"] if d.get("error") else ""
        lines.append(
            f"{d['document'][:48]:48} {str(d['language']):4} {d['gold']:>4} {d['predicted']:>4} {d['tp']:>3} "
            f"{d['fp']:>3} {d['fn']:>3}{flag}"
        )
    lines += ["", f"{'scope':10} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'F1':>6}"]
    lines.append(
        f"{'overall':10} {t['tp']:>4} {t['fp']:>4} {t['fn']:>4} {t['precision']:>9.3f} {t['recall']:>7.3f} "
        f"{t['f1']:>6.3f}"
    )
    for lang, v in result["by_language"].items():
        lines.append(
            f"{lang:10} {v['tp']:>4} {v['fp']:>4} {v['fn']:>4} {v['precision']:>9.3f} {v['recall']:>7.3f} "
            f"{v['f1']:>6.3f}"
        )
    lines += ["", f"Field accuracy on {result['field_pairs']} quote-matched pairs:"]
    for f, acc in result["field_accuracy"].items():
        lines.append(f"  {f:11} {'n/a' if acc is None else f'{acc:.3f}'}")
    tk = result["tasks"]
    lines += [
        "",
        f"Tasks: {tk['matched']}/{tk['gold']} found, {tk['predicted']} predicted (F1 {tk['f1']:.3f})",
    ]
    return "\n".join(lines)
