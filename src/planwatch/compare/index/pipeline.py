"""The index pipeline for one period: the framework's steps in order, every stage kept for inspection.

Stages (OECD/JRC Handbook order; COINr's names): raw → denominated → screened / imputed / treated (in the
order the framework lists them) → normalised → aggregated. Each stage is a units × columns array, so any of
them can be compared with another implementation cell by cell. The Monte Carlo re-runs the data stages with
alternative choices through :func:`prepare`, on the units the nominal run kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ...errors import PlanwatchError
from .aggregate import Tree, aggregate, level_methods
from .data import Dataset
from .framework import Framework, ImputeSpec, NormaliseSpec, ScreenSpec, TreatSpec
from .impute import impute
from .normalise import normalise
from .screen import UnitCoverage, screen_units
from .stats import rank_desc
from .treat import Treatment, treat


class CoverageError(PlanwatchError):
    """Too few units have enough data to rank: the message lists what each unit is missing."""

    def __init__(self, message: str, coverage: list[UnitCoverage]):
        self.coverage = coverage
        super().__init__(message)


@dataclass
class Stage:
    units: list[str]
    columns: list[str]
    values: np.ndarray

    def as_dict(self) -> dict[str, dict[str, float | None]]:
        return {u: {c: (None if np.isnan(v) else float(v)) for c, v in zip(self.columns, row, strict=True)}
                for u, row in zip(self.units, self.values, strict=True)}


@dataclass
class Prepared:
    """Everything up to normalisation, for one set of choices."""

    stages: dict[str, Stage]
    kept: np.ndarray  # rows of the dataset kept by screening
    coverage: list[UnitCoverage]
    treatment: list[Treatment]
    normalised: np.ndarray


@dataclass
class IndexRun:
    framework: Framework
    tree: Tree
    period: int | None
    units: list[str]
    names: list[str]
    reference: np.ndarray  # scored, not ranked
    stages: dict[str, Stage]
    coverage: list[UnitCoverage]
    treatment: list[Treatment]
    scores: np.ndarray  # units × nodes (normalised indicators, then aggregates)
    ranks: np.ndarray  # units × nodes, among the ranked units; NaN for reference units
    sources: dict[tuple[str, str], dict] = field(default_factory=dict)
    uncertainty: object | None = None
    diagnostics: object | None = None

    @property
    def excluded(self) -> list[UnitCoverage]:
        return [c for c in self.coverage if not c.kept]

    def column(self, node: str) -> np.ndarray:
        return self.scores[:, self.tree.ids.index(node)]


def denominate(values: np.ndarray, fw: Framework, ds: Dataset) -> np.ndarray:
    """Each indicator with a denominator divided by it: value / (denominator / scale)."""
    out = np.array(values, dtype=float)
    for j, n in enumerate(fw.indicators()):
        if n.denominator:
            with np.errstate(invalid="ignore", divide="ignore"):
                out[:, j] = out[:, j] / (ds.denominators[n.denominator] / n.scale)
    return out


def prepare(ds: Dataset, fw: Framework, *, impute_spec: ImputeSpec | None = None, treat_spec: TreatSpec | None = None,
            normalise_spec: NormaliseSpec | None = None, treat_on: bool = True, kept: np.ndarray | None = None) -> Prepared:
    """Run the steps before aggregation. Overrides replace the framework's choice for that step; ``kept``
    fixes the units (the Monte Carlo keeps the nominal run's units whatever the choices)."""
    steps = fw.steps
    leaves = fw.indicators()
    names = [n.id for n in leaves]
    x = ds.values.copy()
    rows = np.arange(len(ds.units))
    stages = {"raw": Stage(list(ds.units), names, x.copy())}
    coverage: list[UnitCoverage] = []
    records: list[Treatment] = []
    for step in steps.order:
        cur_units = [ds.units[i] for i in rows]
        if step == "denominate":
            if steps.denominate and steps.denominate.enabled:
                x = denominate(x, fw, ds)
            stages["denominated"] = Stage(cur_units, names, x.copy())
        elif step == "screen":
            spec = steps.screen or ScreenSpec()
            coverage = screen_units(x, cur_units, names, spec, _explainer(ds, fw, rows))
            if kept is None:
                keep = np.array([c.kept for c in coverage], dtype=bool)
                _check_enough(coverage, keep, ds, rows, spec)
            else:
                keep = np.isin(rows, kept)
            rows, x = rows[keep], x[keep]
            stages["screened"] = Stage([ds.units[i] for i in rows], names, x.copy())
        elif step == "impute":
            spec_i = impute_spec or steps.impute or ImputeSpec()
            groups = {k: [v[i] for i in rows] for k, v in ds.groups.items()}
            x = impute(x, spec_i, groups)
            stages["imputed"] = Stage(cur_units, names, x.copy())
        elif step == "treat":
            spec_t = treat_spec or steps.treat or TreatSpec()
            if treat_on and spec_t.method != "none":
                x, records = treat(x, names, spec_t, skip={n.id for n in leaves if not n.treat})
            stages["treated"] = Stage(cur_units, names, x.copy())
        elif step == "normalise":
            spec_n = normalise_spec or steps.normalise
            x = normalise(x, spec_n, np.array([n.direction for n in leaves]),
                          targets=np.array([np.nan if n.target is None else n.target for n in leaves]),
                          goalposts=[n.goalposts for n in leaves], units=[ds.units[i] for i in rows], names=names)
            stages["normalised"] = Stage([ds.units[i] for i in rows], names, x.copy())
    if kept is not None and "screen" not in steps.order:
        sel = np.isin(rows, kept)
        rows, x = rows[sel], x[sel]
    return Prepared(stages, rows, coverage, records, x)


def _explainer(ds: Dataset, fw: Framework, rows: np.ndarray):
    """Name a missing cell by what is missing: the indicator (its store id), or the denominator it needs."""
    leaves = fw.indicators()

    def explain(i: int, j: int) -> str:
        n, r = leaves[j], rows[i]
        label = n.id if not n.indicator or n.indicator == n.id else f"{n.id} ({n.indicator})"
        if not np.isnan(ds.values[r, j]) and n.denominator:
            return f"{n.id} (no {n.denominator})"
        return label

    return explain


def _check_enough(coverage: list[UnitCoverage], keep: np.ndarray, ds: Dataset, rows: np.ndarray, spec: ScreenSpec) -> None:
    ref = ds.reference[rows] if ds.reference is not None else np.zeros(len(rows), bool)
    ranked = int((keep & ~ref).sum())
    if ranked >= spec.min_units:
        return
    when = f" for {ds.period}" if ds.period is not None else ""
    lines = [f"too little data to rank{when}: {ranked} unit(s) pass the coverage rule, {spec.min_units} needed"]
    for c in coverage:
        if not c.kept:
            miss = ", ".join(c.missing) if c.missing else "—"
            lines.append(f"  {c.unit}: {c.reason}; missing: {miss}")
    raise CoverageError("\n".join(lines), coverage)


def nominal_weights(tree: Tree) -> np.ndarray:
    return tree.weight[None, :]


def score(normalised: np.ndarray, tree: Tree, fw: Framework, weights: np.ndarray | None = None,
          methods: list[str] | None = None) -> np.ndarray:
    """Aggregate scores of every node for one weight vector: units × nodes."""
    spec = fw.steps.aggregate
    m = methods or level_methods(tree, spec.method, spec.levels)
    w = nominal_weights(tree) if weights is None else np.atleast_2d(weights)
    agg = aggregate(normalised, tree, w, m, spec.min_coverage)[0]
    return np.concatenate([normalised, agg], axis=1)


def run(ds: Dataset, fw: Framework, tree: Tree | None = None) -> IndexRun:
    """The nominal index for one period."""
    tree = tree or Tree.from_framework(fw)
    prep = prepare(ds, fw)
    scores = score(prep.normalised, tree, fw)
    _check_means(prep.normalised, scores, tree, fw, [ds.units[i] for i in prep.kept])
    units = [ds.units[i] for i in prep.kept]
    ref = ds.reference[prep.kept] if ds.reference is not None else np.zeros(len(units), bool)
    stages = dict(prep.stages)
    stages["aggregated"] = Stage(units, tree.ids, scores.copy())
    return IndexRun(fw, tree, ds.period, units, [ds.names[i] for i in prep.kept], ref, stages, prep.coverage,
                    prep.treatment, scores, rank_among(scores, ref), dict(ds.sources))


def rank_among(scores: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Ranks of every column among the non-reference units (reference units get NaN)."""
    masked = np.where(reference[:, None], np.nan, scores)
    return rank_desc(masked, axis=0)


def _check_means(normalised: np.ndarray, scores: np.ndarray, tree: Tree, fw: Framework, units: list[str]) -> None:
    """A geometric/harmonic mean over a non-positive value is an error in the nominal index, not a gap."""
    spec = fw.steps.aggregate
    methods = level_methods(tree, spec.method, spec.levels)
    for k, p in enumerate(tree.aggregates):
        if methods[k] == "arithmetic":
            continue
        vals = scores[:, tree.children[p]]
        bad = (vals <= 0) if methods[k] == "geometric" else (vals == 0)
        if bad.any():
            i, j = np.argwhere(bad)[0]
            raise PlanwatchError(f"{methods[k]} mean of {tree.ids[p]}: {units[i]} has {vals[i, j]:g} for "
                                 f"{tree.ids[tree.children[p][j]]} (needs positive values; normalise to [1, 100])")
