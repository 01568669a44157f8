"""Data assembly: units × indicators for one period, from a table file or from the store.

Tables are wide (one row per unit, one column per indicator, plus optional name, time, group and denominator
columns): CSV, Excel (.xlsx) or a Frictionless data package (``datapackage.json`` naming a CSV resource and
its missing-value markers). The store gives the current revision of each (indicator, region, year), with
its source, so every input of a store-based index can be traced to a publication.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ...errors import PlanwatchError
from .framework import Framework, StoreSource, TableSource

MISSING = {"", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "..", "-"}


@dataclass
class Dataset:
    """One period's data: ``values`` is units × indicators (the framework's indicator order), NaN = missing."""

    units: list[str]
    names: list[str]
    indicators: list[str]
    values: np.ndarray
    groups: dict[str, list[str | None]] = field(default_factory=dict)
    denominators: dict[str, np.ndarray] = field(default_factory=dict)
    reference: np.ndarray | None = None  # True for units that are scored but never ranked
    period: int | None = None
    sources: dict[tuple[str, str], dict] = field(default_factory=dict)  # (unit, indicator or denominator) → source

    def subset(self, rows: np.ndarray) -> Dataset:
        idx = np.flatnonzero(rows) if rows.dtype == bool else rows
        return Dataset(
            units=[self.units[i] for i in idx], names=[self.names[i] for i in idx], indicators=self.indicators,
            values=self.values[idx], groups={k: [v[i] for i in idx] for k, v in self.groups.items()},
            denominators={k: v[idx] for k, v in self.denominators.items()},
            reference=None if self.reference is None else self.reference[idx], period=self.period,
            sources={k: s for k, s in self.sources.items() if k[0] in {self.units[i] for i in idx}})


# -- tables -------------------------------------------------------------------------------------------
def _records(src: TableSource, base: Path | None) -> tuple[list[dict[str, object]], set[str]]:
    path = Path(src.table)
    if not path.is_absolute() and base is not None:
        path = base / path
    missing = set(MISSING)
    try:
        if path.name.endswith(".json"):
            pkg = json.loads(path.read_text(encoding="utf-8"))
            resources = pkg.get("resources") or []
            res = next((r for r in resources if src.resource in (None, r.get("name"))), None)
            if res is None:
                raise PlanwatchError(f"{path}: no resource {src.resource!r} in the data package")
            schema = res.get("schema") or {}
            missing |= set(schema.get("missingValues", []))
            rpath = res.get("path")
            if not isinstance(rpath, str) or "://" in rpath:
                raise PlanwatchError(f"{path}: resource {res.get('name')!r} must be a local CSV file (one path)")
            text = (path.parent / rpath).read_text(encoding="utf-8-sig")
            return list(csv.DictReader(io.StringIO(text))), missing
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True, data_only=True)
            ws = wb[src.sheet] if src.sheet else wb.worksheets[0]
            rows = list(ws.iter_rows(values_only=True))
            header = [str(h) if h is not None else "" for h in rows[0]] if rows else []
            return [dict(zip(header, r, strict=False)) for r in rows[1:]], missing
        text = path.read_text(encoding="utf-8-sig")
        return list(csv.DictReader(io.StringIO(text))), missing
    except FileNotFoundError:
        raise PlanwatchError(f"no such data file: {path}") from None
    except (OSError, ValueError, KeyError) as exc:
        raise PlanwatchError(f"cannot read {path}: {exc}") from None


def _number(v: object, missing: set[str]) -> float:
    if v is None:
        return math.nan
    if isinstance(v, int | float):
        return float(v)
    s = str(v).strip()
    if s in missing:
        return math.nan
    return float(s.replace(",", ""))


def from_table(fw: Framework, year: int | None = None) -> list[Dataset]:
    """One dataset per period in the table (one, when there is no time column), oldest first."""
    src = fw.data
    assert isinstance(src, TableSource)
    recs, missing = _records(src, getattr(fw, "_base", None))
    if not recs:
        raise PlanwatchError(f"{src.table}: no rows")
    leaves = fw.indicators()
    columns = [n.column or n.id for n in leaves]
    wanted = [src.unit_column, *columns, *src.group_columns, *src.denominator_columns]
    wanted += [c for c in (src.name_column, src.time_column) if c]
    absent = [c for c in wanted if c not in recs[0]]
    if absent:
        raise PlanwatchError(f"{src.table}: no column(s) {', '.join(absent)}")
    by_period: dict[int | None, list[dict]] = {}
    for r in recs:
        t = r.get(src.time_column) if src.time_column else None
        by_period.setdefault(None if t in (None, "") else int(float(str(t))), []).append(r)
    periods = sorted(by_period, key=lambda p: (p is None, p))
    if year is not None:
        if year not in by_period:
            raise PlanwatchError(f"{src.table}: no rows for {year}; periods: {', '.join(map(str, periods))}")
        periods = [year]
    out = []
    for p in periods:
        rows = by_period[p]
        units = [str(r[src.unit_column]).strip() for r in rows]
        dup = sorted({u for u in units if units.count(u) > 1})
        if dup:
            raise PlanwatchError(f"{src.table}: unit(s) listed twice{f' for {p}' if p else ''}: {', '.join(dup[:10])}")
        vals = np.empty((len(rows), len(columns)))
        for i, r in enumerate(rows):
            for j, c in enumerate(columns):
                try:
                    vals[i, j] = _number(r[c], missing)
                except ValueError:
                    raise PlanwatchError(f"{src.table}: unit {units[i]}, column {c}: not a number: {r[c]!r}") from None
        names = [str(r[src.name_column]) if src.name_column else u for r, u in zip(rows, units, strict=True)]
        groups = {g: [None if r[g] in (None, "") or str(r[g]) in missing else str(r[g]) for r in rows] for g in src.group_columns}
        dens = {d: np.array([_number(r[d], missing) for r in rows]) for d in src.denominator_columns}
        out.append(Dataset(units, names, [n.id for n in leaves], vals, groups, dens, np.zeros(len(units), bool), p))
    return out


# -- the store ------------------------------------------------------------------------------------------
def from_store(fw: Framework, store, year: int | None = None) -> list[Dataset]:
    """One dataset per year with any figure for the framework's indicators, oldest first."""
    from ...plans.catalogue import load_catalogue

    src = fw.data
    assert isinstance(src, StoreSource)
    cat = load_catalogue()
    leaves = fw.indicators()
    store_ids = {n.id: n.indicator or n.id for n in leaves}
    units = list(src.units) + [u for u in src.reference_units if u not in src.units]
    wanted = sorted(set(store_ids.values()) | set(src.denominators.values()))
    obs = [o for o in store.observations(wanted, units) if o.is_numeric]
    cell: dict[tuple[str, str, int], object] = {(o.indicator, o.region, o.period): o for o in obs}
    years = sorted({o.period for o in obs if o.indicator in set(store_ids.values())})
    if src.years:
        years = [y for y in years if y in src.years]
    if year is not None:
        years = [year]
    out = []
    for y in years:
        vals = np.full((len(units), len(leaves)), np.nan)
        sources: dict[tuple[str, str], dict] = {}
        for i, u in enumerate(units):
            for j, n in enumerate(leaves):
                o = cell.get((store_ids[n.id], u, y))
                if o is not None:
                    vals[i, j] = o.value_std  # type: ignore[attr-defined]
                    sources[(u, n.id)] = {**o.source_dict(), "value": o.value, "unit": o.unit,  # type: ignore[attr-defined]
                                          "status": o.status}  # type: ignore[attr-defined]
        dens = {}
        for name, ind in src.denominators.items():
            col = np.full(len(units), np.nan)
            for i, u in enumerate(units):
                o = cell.get((ind, u, y))
                if o is not None:
                    col[i] = o.value_std  # type: ignore[attr-defined]
                    sources[(u, name)] = {**o.source_dict(), "value": o.value, "unit": o.unit,  # type: ignore[attr-defined]
                                          "status": o.status}  # type: ignore[attr-defined]
            dens[name] = col
        names = [cat.regions[u].name.en if u in cat.regions else u for u in units]
        ref = np.array([u in src.reference_units for u in units])
        out.append(Dataset(units, names, [n.id for n in leaves], vals, {}, dens, ref, y, sources))
    return out


def load_data(fw: Framework, store=None, year: int | None = None) -> list[Dataset]:
    if isinstance(fw.data, TableSource):
        return from_table(fw, year)
    if store is None:
        raise PlanwatchError(f"framework {fw.id} reads the store: open one first")
    return from_store(fw, store, year)
