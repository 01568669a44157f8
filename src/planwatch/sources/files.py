"""Reading observation files (CSV, Excel) into numbered records, and importing them atomically."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import ImportRejected, PlanwatchError, RowError
from ..store.repository import Store, WriteResult
from .rows import check_header, validate_records


def read_records(path: Path, content: bytes) -> tuple[list[str], list[tuple[int, dict]]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_excel(path, content)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(path, content)
    raise PlanwatchError(f"{path}: unsupported file type {suffix!r} (use .csv or .xlsx)")


def _read_csv(path: Path, content: bytes) -> tuple[list[str], list[tuple[int, dict]]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(str(path), [RowError(1, "(file)", f"not UTF-8 text ({exc.reason} at byte {exc.start})")]) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise ImportRejected(str(path), [RowError(reader.line_num, "(file)", f"malformed CSV: {exc}")]) from None
    if not rows:
        raise ImportRejected(str(path), [RowError(1, "(file)", "the file is empty")])
    header = [h.strip() for h in rows[0]]
    records = []
    for i, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header):
            records.append((i, {"__extra__": row[len(header):], **dict(zip(header, row, strict=False))}))
        else:
            records.append((i, dict(zip(header, row, strict=False))))
    return header, records


def _read_excel(path: Path, content: bytes) -> tuple[list[str], list[tuple[int, dict]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise ImportRejected(str(path), [RowError(1, "(file)", f"not a readable Excel workbook: {exc}")]) from None
    ws = wb.worksheets[0]
    it = ws.iter_rows(values_only=True)
    try:
        header = [str(h).strip() if h is not None else "" for h in next(it)]
    except StopIteration:
        raise ImportRejected(str(path), [RowError(1, "(file)", "the sheet is empty")]) from None
    records = []
    for i, row in enumerate(it, start=2):
        if all(c is None or str(c).strip() == "" for c in row):
            continue
        rec = {}
        for h, c in zip(header, row, strict=False):
            if isinstance(c, float) and c.is_integer() and h == "period":
                c = int(c)
            rec[h] = "" if c is None else (c.isoformat()[:10] if hasattr(c, "isoformat") else str(c))
        records.append((i, rec))
    wb.close()
    return header, records


def validate_file(path: str | Path):
    """Read and validate a file; raise ImportRejected listing every error, or return rows and bytes."""
    p = Path(path)
    try:
        content = p.read_bytes()
    except FileNotFoundError:
        raise PlanwatchError(f"no such file: {p}") from None
    except OSError as exc:
        raise PlanwatchError(f"cannot read {p}: {exc.strerror}") from None
    header, records = read_records(p, content)
    errors = check_header(header)
    if errors:
        raise ImportRejected(str(p), errors)
    extra = [RowError(i, "(row)", "more cells than header columns") for i, r in records if "__extra__" in r]
    rows, row_errors = validate_records(records)
    errors = extra + row_errors
    if errors:
        raise ImportRejected(str(p), sorted(errors, key=lambda e: e.row))
    return rows, content


def import_file(store: Store, path: str | Path) -> WriteResult:
    """Validate the whole file, then write it in one transaction (nothing is written on any error)."""
    rows, content = validate_file(path)
    return store.write(rows, origin=str(Path(path).resolve()), content=content)
