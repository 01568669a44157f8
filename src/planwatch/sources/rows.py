"""Validation of observation rows: pure functions from raw records to storable rows or located errors.

A file is accepted only if every row is valid, so validation collects every error (row, column, reason)
before anything is written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from ..errors import RowError
from ..store.repository import NewObservation

REQUIRED = ["indicator", "region", "period", "value", "unit", "status", "publisher", "title", "url", "published"]
OPTIONAL = ["quote", "confidence", "note"]
STATUSES = {"final", "preliminary", "estimate", "qualitative"}
PERIOD_RANGE = (1949, 2100)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_header(columns: Iterable[str]) -> list[RowError]:
    cols = [str(c).strip() if c is not None else "" for c in columns]
    errors = [RowError(1, c, "missing required column") for c in REQUIRED if c not in cols]
    unknown = [c for c in cols if c and c not in REQUIRED + OPTIONAL]
    errors += [RowError(1, c, f"unknown column (allowed: {', '.join(REQUIRED + OPTIONAL)})") for c in unknown]
    dupes = {c for c in cols if c and cols.count(c) > 1}
    errors += [RowError(1, c, "column appears more than once") for c in sorted(dupes)]
    return errors


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and math.isnan(v):
        return ""
    return str(v).strip()


def parse_number(raw: str) -> float:
    """A number as published: thousands separators and a trailing % are allowed; nothing else."""
    s = raw.replace(",", "").replace("\u00a0", "").replace(" ", "")
    if s.endswith("%"):
        s = s[:-1]
    value = float(s)  # ValueError for anything else
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


def validate_records(records: Iterable[tuple[int, Mapping[str, object]]]) -> tuple[list[NewObservation], list[RowError]]:
    """Check (row number, record) pairs against the catalogue; return rows to store and all errors."""
    from ..errors import PlanwatchError
    from ..plans.catalogue import load_catalogue
    from ..units import factor, normalize_unit

    cat = load_catalogue()
    out: list[NewObservation] = []
    errors: list[RowError] = []
    seen: dict[tuple, int] = {}
    for rowno, rec in records:
        f = {k: _text(rec.get(k)) for k in REQUIRED + OPTIONAL}
        row_errors: list[RowError] = []

        def err(col: str, reason: str, _row: int = rowno, _errs: list[RowError] = row_errors) -> None:
            _errs.append(RowError(_row, col, reason))

        ind = cat.indicators.get(f["indicator"])
        if not f["indicator"]:
            err("indicator", "missing")
        elif ind is None:
            err("indicator", f"unknown indicator {f['indicator']!r}")
        if not f["region"]:
            err("region", "missing")
        elif f["region"] not in cat.regions:
            err("region", f"unknown region {f['region']!r}")
        period = None
        try:
            period = int(parse_number(f["period"])) if f["period"] else None
            if period is None:
                err("period", "missing")
            elif parse_number(f["period"]) != period:
                err("period", f"{f['period']!r} is not a whole year")
                period = None
            elif not PERIOD_RANGE[0] <= period <= PERIOD_RANGE[1]:
                err("period", f"{period} is out of range {PERIOD_RANGE[0]}–{PERIOD_RANGE[1]}")
                period = None
        except ValueError:
            err("period", f"{f['period']!r} is not a year")
        status = f["status"].lower()
        if status not in STATUSES:
            err("status", f"{f['status']!r} is not one of {', '.join(sorted(STATUSES))}")
        value = None
        if f["value"]:
            try:
                value = parse_number(f["value"])
            except ValueError:
                err("value", f"{f['value']!r} is not a number")
        if status == "qualitative":
            if f["value"]:
                err("value", "a qualitative statement has no value (put its words in quote)")
            if not f["quote"]:
                err("quote", "a qualitative statement needs its words in quote")
        elif status in STATUSES and not f["value"]:
            err("value", "missing (only a qualitative statement may leave it empty)")
        value_std = None
        if not f["unit"]:
            err("unit", "missing")
        else:
            try:
                normalize_unit(f["unit"])
                if ind is not None:
                    k = factor(f["unit"], ind.unit)
                    value_std = value * k if value is not None else None
            except PlanwatchError as exc:
                err("unit", str(exc) if ind is None else f"{exc} (indicator {ind.id} is in {ind.unit})")
        for col in ("publisher", "title", "url", "published"):
            if not f[col]:
                err(col, "missing: every observation carries its source")
        if f["published"] and not _DATE.match(f["published"]):
            err("published", f"{f['published']!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        if f["confidence"] and f["confidence"] not in ("H", "M", "L"):
            err("confidence", f"{f['confidence']!r} is not H, M or L")
        key = (f["indicator"], f["region"], period, f["url"], status == "qualitative")
        if period is not None and key in seen:
            err("period", f"duplicate of row {seen[key]} (same indicator, region, period and source)")
        elif period is not None:
            seen[key] = rowno
        if row_errors:
            errors.extend(row_errors)
            continue
        out.append(
            NewObservation(
                indicator=f["indicator"], region=f["region"], period=period, value=value, unit=f["unit"],
                value_std=value_std, status=status, publisher=f["publisher"], title=f["title"], url=f["url"],
                published=f["published"], quote=f["quote"] or None, confidence=f["confidence"] or None,
                note=f["note"] or None,
            )
        )
    return out, errors
