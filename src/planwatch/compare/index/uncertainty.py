"""Monte Carlo uncertainty of the ranks over the framework's uncertain choices, vectorised with numpy.

Each entry of the framework's ``uncertainty:`` block is one uncertain input, drawn uniformly from its
alternatives (as COINr's ``get_sensitivity`` does): a set of perturbed weights (each nominal weight times
1 ± ``noise``, or drawn from its ``ranges``; a bank of such sets is drawn once and a replication picks one),
an imputation method, treatment on or off, a normalisation, an aggregation (applied at every level).

Replications are not run one at a time. The data choices (imputation × treatment × normalisation) give only
a few distinct normalised matrices; each is computed once. Replications sharing a matrix and a mean are then
aggregated together: the first level is one matrix product of the indicators with all their weight vectors,
higher levels an ``einsum`` over replications (see ``aggregate``). Ranks of every replication come from one
vectorised sort. Chunks of replications can run on a Dask cluster (``scheduler``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .aggregate import Tree, aggregate, level_methods
from .data import Dataset
from .framework import Framework, WeightNoise
from .pipeline import IndexRun, prepare
from .stats import rank_desc

CHUNK = 512  # replications per chunk (bounds memory: chunk × units × aggregates floats)


@dataclass
class Factor:
    """One uncertain input: ``labels`` name its alternatives; a weights factor also has its bank."""

    name: str
    kind: str  # weights | impute | treat | normalise | aggregate
    labels: list[str]
    options: list[Any] = field(default_factory=list)
    nodes: np.ndarray | None = None  # weights: node indices the bank covers
    bank: np.ndarray | None = None  # weights: (bank size, len(nodes))

    @property
    def size(self) -> int:
        return len(self.labels)


@dataclass
class UncertaintyResult:
    units: list[str]
    factors: list[str]
    design: str  # "monte-carlo" or "saltelli"
    evaluations: int
    failed: int  # replications with no index (a mean that could not be taken)
    nominal: np.ndarray  # nominal rank per unit
    mean: np.ndarray
    median: np.ndarray
    q05: np.ndarray
    q95: np.ndarray
    choices: np.ndarray  # (R, factors) index of the alternative drawn
    ranks: np.ndarray  # (R, units)
    seconds: float = 0.0
    sensitivity: Any = None  # sensitivity.SobolResult


def _weight_factor(w: WeightNoise, tree: Tree, rng: np.random.Generator, name: str) -> Factor:
    levels = set(w.levels)
    nodes = [i for i in range(len(tree.ids)) if tree.parent[i] >= 0 and
             (tree.level_name(i) in levels or tree.ids[i] in w.nodes or tree.ids[i] in w.ranges)]
    nominal = tree.weight[nodes]
    bank = np.empty((w.bank, len(nodes)))
    for k, i in enumerate(nodes):
        if tree.ids[i] in w.ranges:
            lo, hi = w.ranges[tree.ids[i]]
            bank[:, k] = rng.uniform(lo, hi, w.bank)
        else:
            bank[:, k] = nominal[k] * (1 + rng.uniform(-1.0, 1.0, w.bank) * (w.noise or 0.0))
    return Factor(name, "weights", [f"set {i + 1}" for i in range(w.bank)], nodes=np.array(nodes, dtype=int), bank=bank)


def factors(fw: Framework, tree: Tree, seed: int) -> list[Factor]:
    u = fw.uncertainty
    if u is None:
        return []
    rng = np.random.default_rng(seed)
    names = u.factor_names()
    out = [_weight_factor(w, tree, rng, names[i]) for i, w in enumerate(u.weights)]
    if u.impute:
        out.append(Factor("impute", "impute", [s.method + (f"({s.group})" if s.group else "") for s in u.impute], list(u.impute)))
    if u.treat:
        out.append(Factor("treat", "treat", ["on" if t else "off" for t in u.treat], list(u.treat)))
    if u.normalise:
        out.append(Factor("normalise", "normalise", [_norm_label(s) for s in u.normalise], list(u.normalise)))
    if u.aggregate:
        out.append(Factor("aggregate", "aggregate", list(u.aggregate), list(u.aggregate)))
    return out


def _norm_label(s: Any) -> str:
    return f"minmax[{s.range[0]:g},{s.range[1]:g}]" if s.method == "minmax" else s.method


def design(n: int, fs: list[Factor], sensitivity: bool, seed: int) -> tuple[np.ndarray, str, int]:
    """Uniform sample in [0, 1)^d: plain Monte Carlo, or Saltelli's design (SALib) for Sobol indices.

    With Sobol indices, n is rounded so that base samples are a power of two: N·(d + 2) ≥ n evaluations."""
    d = len(fs)
    if sensitivity and d >= 2:
        from SALib.sample import sobol as sobol_sample

        base = max(8, 2 ** math.ceil(math.log2(max(n, 1) / (d + 2))))
        problem = {"num_vars": d, "names": [f.name for f in fs], "bounds": [[0.0, 1.0]] * d}
        return sobol_sample.sample(problem, base, calc_second_order=False, seed=seed), "saltelli", base
    return np.random.default_rng(seed + 1).random((n, d)), "monte-carlo", n


def choices(u: np.ndarray, fs: list[Factor]) -> np.ndarray:
    sizes = np.array([f.size for f in fs])
    return np.minimum((u * sizes[None, :]).astype(int), sizes[None, :] - 1)


@dataclass
class Payload:
    """What every chunk needs, sent once to each Dask worker."""

    tree: Tree
    variants: list[np.ndarray]  # normalised matrices
    weight_factors: list[tuple[int, np.ndarray, np.ndarray]]  # (column in choices, nodes, bank)
    methods: list[list[str]]  # per aggregation alternative: mean of each aggregate
    variant_cols: list[int]  # columns of the choices that select the data variant
    variant_index: dict[tuple, int]
    agg_col: int | None
    reference: np.ndarray
    min_coverage: float | None


def evaluate_chunk(p: Payload, idx: np.ndarray) -> np.ndarray:
    """Index scores (rows of ``idx`` × units) for a chunk of replications; reference units are NaN."""
    r = idx.shape[0]
    w = np.repeat(p.tree.weight[None, :], r, axis=0)
    for col, nodes, bank in p.weight_factors:
        w[:, nodes] = bank[idx[:, col]]
    var = np.array([p.variant_index[tuple(row)] for row in idx[:, p.variant_cols]]) if p.variant_cols else np.zeros(r, int)
    agg = idx[:, p.agg_col] if p.agg_col is not None else np.zeros(r, int)
    scores = np.full((r, p.variants[0].shape[0]), np.nan)
    for v in np.unique(var):
        for a in np.unique(agg[var == v]):
            rows = np.flatnonzero((var == v) & (agg == a))
            out = aggregate(p.variants[v], p.tree, w[rows], p.methods[a], p.min_coverage)
            scores[rows] = out[:, :, -1]
    scores[:, p.reference] = np.nan
    return scores


def build_payload(ds: Dataset, fw: Framework, run: IndexRun, fs: list[Factor], idx: np.ndarray, kept: np.ndarray) -> Payload:
    tree = run.tree
    data_kinds = [k for k, f in enumerate(fs) if f.kind in ("impute", "treat", "normalise")]
    combos = sorted({tuple(row) for row in idx[:, data_kinds]}) if data_kinds else [()]
    variants = []
    for combo in combos:
        kw: dict[str, Any] = {}
        for col, choice in zip(data_kinds, combo, strict=True):
            f = fs[col]
            if f.kind == "impute":
                kw["impute_spec"] = f.options[choice]
            elif f.kind == "treat":
                kw["treat_on"] = f.options[choice]
            else:
                kw["normalise_spec"] = f.options[choice]
        variants.append(prepare(ds, fw, kept=kept, **kw).normalised)
    agg_col = next((k for k, f in enumerate(fs) if f.kind == "aggregate"), None)
    spec = fw.steps.aggregate
    if agg_col is None:
        methods = [level_methods(tree, spec.method, spec.levels)]
    else:
        methods = [[m] * len(tree.aggregates) for m in fs[agg_col].options]
    wf = [(k, f.nodes, f.bank) for k, f in enumerate(fs) if f.kind == "weights"]
    return Payload(tree, variants, wf, methods, data_kinds, {c: i for i, c in enumerate(combos)}, agg_col,  # type: ignore[misc]
                   run.reference.copy(), spec.min_coverage)


def run_uncertainty(ds: Dataset, fw: Framework, run: IndexRun, kept: np.ndarray, replications: int | None = None,
                    scheduler: Any = None, progress: bool = False) -> UncertaintyResult | None:
    """Rank statistics over the framework's uncertain choices (None when it declares none)."""
    import time

    u = fw.uncertainty
    n = u.replications if (u and replications is None) else (replications or 0)
    if u is None or n <= 0:
        return None
    fs = factors(fw, run.tree, u.seed)
    if not fs:
        return None
    t0 = time.perf_counter()
    sample, kind, base = design(n, fs, u.sensitivity, u.seed)
    idx = choices(sample, fs)
    payload = build_payload(ds, fw, run, fs, idx, kept)
    chunks = [idx[i: i + CHUNK] for i in range(0, len(idx), CHUNK)]
    scores = np.concatenate(_map_chunks(payload, chunks, scheduler, progress), axis=0)
    ranks = rank_desc(scores, axis=1)
    ranked = ~run.reference
    failed_rows = np.isnan(scores[:, ranked]).any(axis=1)
    if kind == "saltelli":  # rank statistics from the independent A and B samples, as COINr does
        d = len(fs)
        stat_rows = np.zeros(len(idx), bool)
        stat_rows[0:: d + 2] = True
        stat_rows[d + 1:: d + 2] = True
    else:
        stat_rows = np.ones(len(idx), bool)
    use = ranks[stat_rows & ~failed_rows]
    root = run.tree.root
    nominal = run.ranks[:, root]
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            stats = (np.nanmean(use, axis=0), np.nanmedian(use, axis=0), np.nanquantile(use, 0.05, axis=0),
                     np.nanquantile(use, 0.95, axis=0))
    res = UncertaintyResult(list(run.units), [f.name for f in fs], kind, len(idx), int(failed_rows.sum()), nominal,
                            *stats, choices=idx, ranks=ranks, seconds=time.perf_counter() - t0)
    if kind == "saltelli":
        from .sensitivity import sobol_indices

        res.sensitivity = sobol_indices(fs, ranks, nominal, ranked, failed_rows, u.seed)
    return res


def _map_chunks(payload: Payload, chunks: list[np.ndarray], scheduler: Any, progress: bool) -> list[np.ndarray]:
    bar = task = None
    if progress:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Progress(TextColumn("Monte Carlo"), BarColumn(), MofNCompleteColumn(), TextColumn("replications"),
                       TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        task = bar.add_task("mc", total=sum(len(c) for c in chunks))
        bar.start()
    try:
        if scheduler is None:
            out = []
            for c in chunks:
                out.append(evaluate_chunk(payload, c))
                if bar is not None:
                    bar.advance(task, len(c))  # type: ignore[arg-type]
            return out
        from .distributed import map_on_dask

        return map_on_dask(payload, chunks, scheduler, (lambda k: bar.advance(task, k)) if bar is not None else None)  # type: ignore[union-attr]
    finally:
        if bar is not None:
            bar.stop()
