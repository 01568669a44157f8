"""Every listing in three formats: a Rich table for people, JSON and CSV for programs.

Commands build plain rows (lists of dicts); this module renders them, so ``--format`` behaves the same
everywhere.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections.abc import Sequence
from typing import Any

FORMATS = ("table", "json", "csv")

VERDICT_STYLE = {"met": "bold green", "on_track": "green", "off_track": "bold red", "missed": "bold red",
                 "no_data": "yellow"}
VERDICT_LABEL = {"met": ("met", "已完成"), "missed": ("missed", "未完成"), "on_track": ("on track", "进度正常"),
                 "off_track": ("off track", "进度落后"), "no_data": ("no data", "无数据")}


def _finite(obj: Any) -> Any:
    """NaN and infinity are not JSON: they become null, so every output parses."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def dumps(obj: Any) -> str:
    return json.dumps(_finite(obj), ensure_ascii=False, indent=2, default=str, allow_nan=False)


#: Cells a spreadsheet would run as a formula (OWASP: CSV injection). A leading apostrophe makes them text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Neutralise a text cell that a spreadsheet would evaluate; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render(rows: Sequence[dict], fmt: str, columns: Sequence[tuple[str, str]] | None = None, title: str | None = None,
           json_payload: Any = None, styles: dict[str, Any] | None = None) -> None:
    """Print rows as a table/json/csv. ``columns`` = (key, header); ``json_payload`` replaces rows for JSON."""
    if fmt == "json":
        sys.stdout.write(dumps(json_payload if json_payload is not None else list(rows)) + "\n")
        return
    cols = list(columns or [(k, k) for k in (rows[0].keys() if rows else [])])
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow([k for k, _ in cols])
        for r in rows:
            w.writerow(["" if r.get(k) is None else csv_safe(r.get(k)) for k, _ in cols])
        sys.stdout.write(buf.getvalue())
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for _, header in cols:
        table.add_column(header, overflow="fold")
    for r in rows:
        cells = []
        for k, _ in cols:
            v = r.get(k)
            text = "" if v is None else str(v)
            style = (styles or {}).get(k, {}).get(v) if styles else None
            cells.append(f"[{style}]{text}[/]" if style else text)
        table.add_row(*cells)
    console = Console()
    if not console.is_terminal:  # a file or a pipe: no screen to fit, so do not fold ids and numbers
        console = Console(width=max(console.width, 160))
    console.print(table)


def stream(rows, fmt: str) -> None:
    """Write rows as JSON (an array) or CSV as they come, so a million-row listing never sits in memory."""
    out = sys.stdout
    first = True
    if fmt == "json":
        out.write("[")
        for r in rows:
            out.write(("\n" if first else ",\n") + json.dumps(_finite(r), ensure_ascii=False, default=str, allow_nan=False))
            first = False
        out.write("\n]\n" if not first else "]\n")
        return
    w = csv.writer(out)
    for r in rows:
        if first:
            w.writerow(list(r))
            first = False
        w.writerow(["" if v is None else csv_safe(v) for v in r.values()])
