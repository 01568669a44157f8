"""Validation of observation rows: pure functions from raw records to storable rows or located errors.

A file is accepted only if every row is valid, so validation collects every error (row, column, reason)
before anything is committed. The grammar is strict on purpose (docs/observations-format.md): a cell
that could be read two ways ("6,5": six and a half, or sixty-five?) is refused with a reason, never
guessed, because a wrong number stored without a word is worse than a rejected file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ..errors import RowError
from ..store.repository import NewObservation
from ..store.vintage import FIGURE_STATUSES, STATUSES, kind_of

REQUIRED = ["indicator", "region", "period", "value", "unit", "status", "publisher", "title", "url", "published"]
OPTIONAL = ["quote", "confidence", "note", "basis", "comparator", "rounded", "derivation"]
COLUMNS = REQUIRED + OPTIONAL
PERIOD_RANGE = (1949, 2100)
STATEMENT_COMPARATORS = ("around", "at_least", "more_than", "at_most", "less_than")
#: Longest accepted text per column (characters); the same on every store.
MAX_LENGTH = {"indicator": 64, "region": 32, "unit": 64, "publisher": 300, "title": 1000, "url": 2000, "quote": 4000,
              "note": 4000, "derivation": 4000, "basis": 32}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_URI = re.compile(r"^(?!javascript:|data:|vbscript:)[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n", ""}

# The number grammar: ASCII digits only, an optional sign, thousands grouped in threes, one decimal mark.
_POINT = re.compile(r"^[+-]?(?:\d{1,3}(?:[,  \u202f]\d{3})+|\d+)(?:\.\d+)?$", re.ASCII)
_COMMA = re.compile(r"^[+-]?(?:\d{1,3}(?:[.  \u202f]\d{3})+|\d+)(?:,\d+)?$", re.ASCII)


class NumberError(ValueError):
    """A cell that is not a number under the documented grammar; the message says why."""


def parse_number(raw: str, decimal: str = "point", unit: str | None = None) -> float:
    """A number as published, under one documented grammar.

    ``decimal="point"`` (the default): ``1,234.5``; a comma is only a thousands separator in groups of
    three, so ``6,5`` and ``1,234,5`` are refused (the file may declare ``decimal="comma"``, then
    ``1.234,5``). A trailing ``%`` is accepted only in a row whose unit is ``%``. No exponents,
    underscores, full-width digits, NaN or infinity."""
    s = str(raw).strip().replace("\u2212", "-")
    if s.endswith("%"):
        if unit is not None and unit.strip() not in ("%", "percent", "per cent"):
            raise NumberError(f"{raw!r} has a % sign but the row's unit is {unit!r}")
        s = s[:-1].rstrip()
    pattern = _COMMA if decimal == "comma" else _POINT
    if not pattern.match(s):
        if decimal != "comma" and re.match(r"^[+-]?\d+,\d{1,2}$|^[+-]?[\d,]*\d,\d{1,2}$", s):
            raise NumberError(f"{raw!r} looks like a decimal comma; write {s.replace(',', '.')!r} or import with "
                              "--decimal comma (then a point groups thousands)")
        raise NumberError(f"{raw!r} is not a number (digits, an optional sign, thousands in groups of three, "
                          f"one decimal {'comma' if decimal == 'comma' else 'point'})")
    s = re.sub(r"[.  \u202f]", "", s).replace(",", ".") if decimal == "comma" else re.sub(r"[,  \u202f]", "", s)
    value = float(s)
    if not math.isfinite(value):
        raise NumberError(f"{raw!r} is not a finite number")
    return value


def parse_published(raw: str, today: dt.date | None = None) -> str:
    """A publication date with its precision: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, a real calendar date."""
    m = _DATE.match(raw)
    if not m:
        raise ValueError(f"{raw!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else 1
    d = int(m.group(3)) if m.group(3) else 1
    try:
        day = dt.date(y, mo, d)
    except ValueError as exc:
        raise ValueError(f"{raw!r} is not a calendar date ({exc})") from None
    if y < PERIOD_RANGE[0]:
        raise ValueError(f"{raw!r} is before {PERIOD_RANGE[0]}")
    if day > (today or dt.date.today()) + dt.timedelta(days=1):
        raise ValueError(f"{raw!r} is in the future: a figure cannot have been published yet")
    return raw


def parse_period(raw: str) -> int:
    if not re.match(r"^[0-9]{4}$", raw):
        if re.match(r"^[0-9]{4}\.0+$", raw):  # spreadsheets write whole years as floats
            raw = raw.split(".")[0]
        else:
            raise ValueError(f"{raw!r} is not a year (four digits, e.g. 2024)")
    period = int(raw)
    if not PERIOD_RANGE[0] <= period <= PERIOD_RANGE[1]:
        raise ValueError(f"{period} is out of range {PERIOD_RANGE[0]}–{PERIOD_RANGE[1]}")
    return period


def check_header(columns: Iterable[str]) -> list[RowError]:
    cols = [str(c).strip() if c is not None else "" for c in columns]
    errors = [RowError(1, c, "missing required column") for c in REQUIRED if c not in cols]
    unknown = [c for c in cols if c and c not in COLUMNS]
    errors += [RowError(1, c, f"unknown column (allowed: {', '.join(COLUMNS)})") for c in unknown]
    dupes = {c for c in cols if c and cols.count(c) > 1}
    errors += [RowError(1, c, "column appears more than once") for c in sorted(dupes)]
    if len(cols) == 1 and (";" in cols[0] or "\t" in cols[0]):
        sep = "semicolons" if ";" in cols[0] else "tabs"
        return [RowError(1, "(header)", f"the header is one column; the file seems to be separated by {sep}: "
                         "planwatch reads comma-separated files (save as CSV UTF-8 with commas)")]
    return errors


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and math.isnan(v):
        return ""
    return str(v).strip()


@dataclass
class Validator:
    """Validates records one at a time (so files stream), remembering what it needs to find duplicates."""

    catalogue: object = None
    decimal: str = "point"
    today: dt.date | None = None
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    max_errors: int = 1000
    _keys: array = field(default_factory=lambda: array("q"))  # 64-bit hashes of line keys, in row order
    _rows: array = field(default_factory=lambda: array("q"))  # their row numbers

    def __post_init__(self) -> None:
        if self.catalogue is None:
            from ..plans.catalogue import load_catalogue

            self.catalogue = load_catalogue()

    def _remember(self, key: tuple, rowno: int) -> None:
        """Keep a compact fingerprint of each row's line (8 bytes), so a million-row file finds its duplicates
        without holding its keys in memory; duplicates are reported when the stream ends."""
        digest = hashlib.blake2b(repr(key).encode("utf-8"), digest_size=8).digest()
        self._keys.append(int.from_bytes(digest, "big", signed=True))
        self._rows.append(rowno)

    def finish(self) -> None:
        """Report rows that repeat an earlier row's line (same indicator, region, period, basis and source)."""
        import numpy as np

        if len(self._keys) < 2:
            return
        keys = np.frombuffer(self._keys, dtype=np.int64)
        rows = np.frombuffer(self._rows, dtype=np.int64)
        order = np.lexsort((rows, keys))
        k, r = keys[order], rows[order]
        dup = np.nonzero(k[1:] == k[:-1])[0] + 1
        if not len(dup):
            return
        first = {}
        for i in range(len(k)):
            if i + 1 < len(k) and k[i + 1] == k[i] and k[i] not in first:
                first[k[i]] = int(r[i])
        for i in sorted(dup.tolist(), key=lambda i: r[i]):
            self.add_error(RowError(int(r[i]), "period", f"duplicate of row {first[k[i]]} (same indicator, region, "
                                    "period, basis and source)"))

    def add_error(self, e: RowError) -> None:
        self.error_count += 1
        if len(self.errors) < self.max_errors:
            self.errors.append(e)

    def validate(self, rowno: int, rec: Mapping[str, object]) -> NewObservation | None:
        """One record → a row to store, or None with its errors added to ``self.errors``."""
        from ..errors import PlanwatchError
        from ..units import factor, normalize_unit

        cat = self.catalogue
        f = {k: _text(rec.get(k)) for k in COLUMNS}
        errs: list[RowError] = []

        def err(col: str, reason: str) -> None:
            errs.append(RowError(rowno, col, reason))

        for col in ("__extra__", "__unnamed__"):
            if rec.get(col):
                err("(row)", "more cells than header columns" if col == "__extra__" else
                    f"a value in a column without a header ({rec[col]!r})")
        for col, text in f.items():
            if _CONTROL.search(text) if col in ("quote", "note", "derivation") else (_CONTROL.search(text) or "\n" in text):
                err(col, "contains control characters (such as a NUL byte or a line break)")
            elif len(text) > MAX_LENGTH.get(col, 4000):
                err(col, f"is {len(text)} characters long; at most {MAX_LENGTH.get(col, 4000)}")
        ind = cat.indicators.get(f["indicator"])
        if not f["indicator"]:
            err("indicator", "missing")
        elif ind is None:
            err("indicator", f"unknown indicator {f['indicator']!r} (see `planwatch indicators`; a plan's own "
                "indicators are known once it is added with `planwatch plan add`)")
        if not f["region"]:
            err("region", "missing")
        elif f["region"] not in cat.regions:
            err("region", f"unknown region {f['region']!r} (see `planwatch regions`)")
        period = None
        if not f["period"]:
            err("period", "missing")
        else:
            try:
                period = parse_period(f["period"])
            except ValueError as exc:
                err("period", str(exc).replace("is not a year", "is not a whole year") if "." in f["period"] else str(exc))
        status = f["status"].lower()
        if status not in STATUSES:
            err("status", f"{f['status']!r} is not one of {', '.join(sorted(STATUSES))}")
        value = None
        if f["value"]:
            try:
                value = parse_number(f["value"], self.decimal, f["unit"] or None)
            except NumberError as exc:
                err("value", str(exc))
        if status == "qualitative":
            if f["value"]:
                err("value", "a qualitative statement has no value (use status statement for words with a number, "
                    "or put the words in quote)")
            if not f["quote"]:
                err("quote", "a qualitative statement needs its words in quote")
        elif status == "statement":
            if not f["value"]:
                err("value", "a statement gives the number its words state (\"保持在16%左右\" → 16); "
                    "words without a number are status qualitative")
            if not f["quote"]:
                err("quote", "a statement needs its words in quote")
        elif status == "withdrawn":
            if f["value"]:
                err("value", "a withdrawal has no value: it retracts the line with the same source address")
        elif status in STATUSES and not f["value"]:
            err("value", "missing (only a qualitative statement or a withdrawal may leave it empty)")
        comparator = f["comparator"].lower() or None
        if comparator and status != "statement":
            err("comparator", "only a statement has a comparator")
        elif comparator and comparator not in STATEMENT_COMPARATORS:
            err("comparator", f"{f['comparator']!r} is not one of {', '.join(STATEMENT_COMPARATORS)}")
        if status == "statement" and comparator is None:
            comparator = "around"
        rounded_text = f["rounded"].lower()
        if rounded_text not in _TRUE | _FALSE:
            err("rounded", f"{f['rounded']!r} is not yes or no")
        rounded = rounded_text in _TRUE
        if status == "derived" and not f["derivation"]:
            err("derivation", "a derived figure states its formula and each input's source")
        elif f["derivation"] and status != "derived":
            err("derivation", "only a derived figure has a derivation")
        basis = f["basis"] or None
        if basis and ind is not None:
            allowed = [b.id for b in getattr(ind, "bases", [])]
            if basis not in allowed:
                err("basis", f"{basis!r} is not a basis of {ind.id}" + (f" ({', '.join(allowed)})" if allowed
                                                                        else " (it has only one definition)"))
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
        if value_std is not None and not math.isfinite(value_std):
            err("value", f"{f['value']!r} {f['unit']} is too large to store")
        for col in ("publisher", "title", "url", "published"):
            if not f[col]:
                err(col, "missing: every observation carries its source")
        if f["url"] and not _URI.match(f["url"]):
            err("url", f"{f['url'][:80]!r} is not an address (e.g. https://…)")
        if f["published"]:
            try:
                parse_published(f["published"], self.today)
                if period is not None and status in FIGURE_STATUSES - {"estimate"} and int(f["published"][:4]) < period:
                    err("published", f"a {status} figure for {period} cannot have been published in {f['published'][:4]}")
            except ValueError as exc:
                err("published", str(exc))
        if f["confidence"] and f["confidence"] not in ("H", "M", "L"):
            err("confidence", f"{f['confidence']!r} is not H, M or L")
        if period is not None:
            self._remember((f["indicator"], f["region"], period, basis or "", f["url"], kind_of(status)), rowno)
        if errs:
            for e in errs:
                self.add_error(e)
            return None
        return NewObservation(
            indicator=f["indicator"], region=f["region"], period=period, value=value, unit=f["unit"],
            value_std=value_std, status=status, publisher=f["publisher"], title=f["title"], url=f["url"],
            published=f["published"], quote=f["quote"] or None, confidence=f["confidence"] or None,
            note=f["note"] or None, basis=basis, comparator=comparator, rounded=rounded,
            derivation=f["derivation"] or None,
        )

    def stream(self, records: Iterable[tuple[int, Mapping[str, object]]]) -> Iterator[NewObservation]:
        """Valid rows as they come; errors collect in ``self.errors`` (check it before committing)."""
        for rowno, rec in records:
            row = self.validate(rowno, rec)
            if row is not None:
                yield row
        self.finish()


def validate_records(records: Iterable[tuple[int, Mapping[str, object]]], catalogue=None,
                     decimal: str = "point") -> tuple[list[NewObservation], list[RowError]]:
    """Check (row number, record) pairs against the catalogue; return rows to store and all errors."""
    v = Validator(catalogue=catalogue, decimal=decimal)
    rows = list(v.stream(records))
    return rows, v.errors
