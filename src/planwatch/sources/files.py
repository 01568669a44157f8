"""Reading observation files (CSV, Excel) into numbered records, and importing them atomically.

Files are read as streams: a million-row import never holds the file, or its rows, in memory at once.
Rows are validated and written in batches inside one transaction; if any row is bad, the transaction
is rolled back and the file is rejected whole, with every error located (row, column, reason).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import ImportRejected, PlanwatchError, RowError
from ..store.repository import Store, WriteResult
from .rows import Validator, check_header

Record = tuple[int, dict]


class _Rollback(Exception):
    """Raised inside the write transaction to undo it when validation found errors."""


def open_records(path: Path, content: bytes | None = None) -> tuple[list[str], Iterator[Record], callable]:
    """(header, records, digest()) for a CSV or Excel file; ``digest()`` is valid once records are consumed."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        data = content if content is not None else _read_bytes(path)
        header, records = _excel_records(path, data)
        digest = hashlib.sha256(data).hexdigest()
        return header, records, lambda: digest
    if suffix in (".csv", ".txt", ""):
        return _csv_records(path, content)
    raise PlanwatchError(f"{path}: unsupported file type {suffix!r} (use .csv or .xlsx)")


def _read_bytes(path: Path) -> bytes:
    with _opened(path) as f:
        return f.read()


def _opened(path: Path):
    """The file opened for reading; a missing, folder or unreadable path is a one-line user error."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise PlanwatchError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise PlanwatchError(f"{path} is a folder, not a file") from None
    except OSError as exc:
        raise PlanwatchError(f"cannot read {path}: {exc.strerror}") from None


class _HashingReader(io.RawIOBase):
    """A binary stream that hashes what passes through it (the import's fingerprint, without a second read)."""

    def __init__(self, raw):
        self.raw, self.sha = raw, hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self.raw.readinto(b)
        if n:
            self.sha.update(memoryview(b)[:n])
        return n or 0


def _csv_records(path: Path, content: bytes | None):
    raw = io.BytesIO(content) if content is not None else _opened(path)
    hashing = _HashingReader(raw)
    text = io.TextIOWrapper(io.BufferedReader(hashing, 1 << 16), encoding="utf-8-sig", newline="")
    reader = csv.reader(text, strict=True)

    def fail(line: int, reason: str):
        raw.close()
        return ImportRejected(str(path), [RowError(line, "(file)", reason)])

    try:
        first = next(reader)
    except StopIteration:
        raise fail(1, "the file is empty") from None
    except UnicodeDecodeError as exc:
        raise fail(1, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except csv.Error as exc:
        raise fail(reader.line_num, f"malformed CSV: {exc}") from None
    header = [h.strip() for h in first]

    def records() -> Iterator[Record]:
        start = reader.line_num + 1
        try:
            for row in reader:
                rowno = start
                start = reader.line_num + 1
                if not any(c.strip() for c in row):
                    continue
                rec = dict(zip(header, row, strict=False))
                if len(row) > len(header):
                    rec["__extra__"] = row[len(header):]
                unnamed = [c for h, c in zip(header, row, strict=False) if not h and c.strip()]
                if unnamed:
                    rec["__unnamed__"] = unnamed[0]
                yield rowno, rec
        except UnicodeDecodeError as exc:
            raise ImportRejected(str(path), [RowError(start, "(file)", f"not UTF-8 text ({exc.reason})")]) from None
        except csv.Error as exc:
            hint = " (an unterminated quote?)" if "EOF" in str(exc) or "quote" in str(exc) else ""
            raise ImportRejected(str(path), [RowError(start, "(file)", f"malformed CSV from this row: {exc}{hint}")]) \
                from None
        finally:
            raw.close()

    return header, records(), lambda: hashing.sha.hexdigest()


def _excel_records(path: Path, content: bytes) -> tuple[list[str], Iterator[Record]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise ImportRejected(str(path), [RowError(1, "(file)", f"not a readable Excel workbook: {exc}")]) from None
    ws = wb.worksheets[0]
    # The stored dimension (e.g. A1:M100) can be stale; read the cells actually present.
    ws.reset_dimensions()
    it = ws.iter_rows(values_only=True)
    try:
        header = [str(h).strip() if h is not None else "" for h in next(it)]
    except StopIteration:
        raise ImportRejected(str(path), [RowError(1, "(file)", "the sheet is empty")]) from None
    while header and header[-1] == "":
        header.pop()

    def records() -> Iterator[Record]:
        for i, row in enumerate(it, start=2):
            if all(c is None or str(c).strip() == "" for c in row):
                continue
            rec: dict = {}
            for j, c in enumerate(row):
                text = "" if c is None else (c.isoformat()[:10] if hasattr(c, "isoformat") else
                                            (repr(c) if isinstance(c, float) else str(c)))
                if isinstance(c, float) and c.is_integer():
                    text = str(int(c))
                if j >= len(header) or not header[j]:
                    if text.strip():
                        rec.setdefault("__unnamed__", text)
                    continue
                rec[header[j]] = text
            yield i, rec
        wb.close()

    return header, records()


def _validated_rows(p: Path, catalogue, decimal: str):
    """Open a file, refuse a bad header at once, and return (validator, lazily validated rows, digest)."""
    header, records, digest = open_records(p)
    errors = check_header(header)
    if errors:
        raise ImportRejected(str(p), errors)
    v = Validator(catalogue=catalogue, decimal=decimal)
    return v, v.stream(records), digest


def import_file(store: Store, path: str | Path, catalogue=None, decimal: str = "point",
                progress=None) -> WriteResult:
    """Validate and write a file in one transaction; on any bad row, roll back and raise ImportRejected."""
    p = Path(path)
    v, rows, digest = _validated_rows(p, catalogue, decimal)
    if progress is not None:
        rows = progress(rows)
    try:
        with store.begin_write() as conn:
            res = store.write(rows, origin=str(p.resolve()), digest="pending", conn=conn)
            if v.error_count:
                raise _Rollback
            from ..store import tables as t

            conn.execute(t.imports.update().where(t.imports.c.id == res.import_id).values(sha256=digest()))
    except _Rollback:
        errs = sorted(v.errors, key=lambda e: e.row)
        if v.error_count > len(errs):
            errs.append(RowError(errs[-1].row, "(file)", f"… {v.error_count - len(errs)} more error(s) not listed"))
        raise ImportRejected(str(p), errs) from None
    return res


def validate_file(path: str | Path, catalogue=None, decimal: str = "point"):
    """Read and validate a whole file without writing; raise ImportRejected or return (rows, digest)."""
    p = Path(path)
    v, stream, digest = _validated_rows(p, catalogue, decimal)
    rows = list(stream)
    if v.errors:
        raise ImportRejected(str(p), sorted(v.errors, key=lambda e: e.row))
    return rows, digest()
