"""Aggregation up the hierarchy, vectorised over Monte Carlo replications.

Each aggregate is a weighted mean of its children, with the weights renormalised over the children a unit
has a value for (COINr's ``a_amean``/``a_gmean``/``a_hmean``; Handbook section 6):

- arithmetic: Σ wᵢxᵢ / Σ wᵢ
- geometric:  exp(Σ wᵢ log xᵢ / Σ wᵢ)   (needs xᵢ > 0)
- harmonic:   Σ wᵢ / Σ (wᵢ/xᵢ)          (needs xᵢ ≠ 0)

A unit whose children are all missing, or cover less than ``min_coverage`` of them, gets no score. A unit
with a value the mean cannot take (zero or negative for the geometric mean) gets NaN, and the caller says so.

The same code serves the nominal index (one weight vector) and the Monte Carlo (R weight vectors): each
mean is Σ wᵢ f(xᵢ) / Σ wᵢ with f = x, log x or 1/x, so for children that are indicators — identical across
replications that share a data variant — the sums over all replications are one matrix product.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .framework import Framework


@dataclass(frozen=True)
class Tree:
    """The hierarchy as arrays: node i is ``ids[i]``; indicators come first, then aggregates bottom-up."""

    ids: list[str]
    names: list[str]
    n_leaves: int
    level: np.ndarray  # level of every node (1 = indicator)
    parent: np.ndarray  # index of the parent, -1 for the index
    weight: np.ndarray  # nominal weight within the parent
    children: list[np.ndarray]  # per node (empty for indicators)
    level_names: list[str]

    @classmethod
    def from_framework(cls, fw: Framework) -> Tree:
        levels = fw.node_levels()
        nodes = fw.nodes()
        leaves = [n for n in nodes if n.is_indicator]
        aggs = sorted((n for n in nodes if not n.is_indicator), key=lambda n: levels[n.id])  # stable: written order
        ordered = leaves + aggs
        pos = {n.id: i for i, n in enumerate(ordered)}
        parent = np.full(len(ordered), -1)
        children = []
        for n in ordered:
            ch = np.array([pos[c.id] for c in n.children or []], dtype=int)
            parent[ch] = pos[n.id]
            children.append(ch)
        return cls(ids=[n.id for n in ordered], names=[n.name or n.id for n in ordered], n_leaves=len(leaves),
                   level=np.array([levels[n.id] for n in ordered]), parent=parent,
                   weight=np.array([n.weight for n in ordered], dtype=float), children=children,
                   level_names=fw.level_names())

    @property
    def aggregates(self) -> range:
        return range(self.n_leaves, len(self.ids))

    @property
    def root(self) -> int:
        return len(self.ids) - 1

    def level_name(self, node: int) -> str:
        return self.level_names[int(self.level[node]) - 1]

    def nodes_at(self, level: str | int) -> list[int]:
        lv = level if isinstance(level, int) else self.level_names.index(level) + 1
        return [i for i in range(len(self.ids)) if self.level[i] == lv]


def _forward(method: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(f(x) with missing → 0, cells the mean cannot take)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "geometric":
            bad = x <= 0
            f = np.log(np.where(bad, 1.0, x))
        elif method == "harmonic":
            bad = x == 0
            f = 1.0 / np.where(bad, 1.0, x)
        else:
            bad = np.zeros(x.shape, dtype=bool)
            f = x
    return np.where(np.isnan(x), 0.0, f), bad


def _backward(method: str, num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "geometric":
            out = np.exp(num / den)
        elif method == "harmonic":
            out = den / num
        else:
            out = num / den
    return np.where(den > 0, out, np.nan)


def aggregate(leaves: np.ndarray, tree: Tree, weights: np.ndarray, methods: list[str],
              min_coverage: float | None = None) -> np.ndarray:
    """Scores of every aggregate: an array (R, units, aggregates) in ``tree.aggregates`` order.

    ``leaves`` is (units, indicators), shared by all replications, or (R, units, indicators); ``weights``
    is (R, nodes); ``methods`` gives the mean for each aggregate (same order as ``tree.aggregates``)."""
    weights = np.atleast_2d(weights)
    r = weights.shape[0]
    shared = leaves.ndim == 2
    n_units = leaves.shape[-2]
    first = tree.n_leaves
    out = np.empty((r, n_units, len(tree.ids) - first))
    for k, p in enumerate(tree.aggregates):
        ch = tree.children[p]
        w = weights[:, ch]  # (R, k)
        method = methods[k]
        if shared and ch.max() < first:
            vals = leaves[:, ch]  # (U, k): one matrix product serves every replication
            f, bad = _forward(method, vals)
            mask = (~np.isnan(vals)).astype(float)
            num = (f @ w.T).T  # (R, U)
            den = (mask @ w.T).T
            badu = bad.any(axis=1)[None, :]
            cover = mask.mean(axis=1)[None, :]
        else:
            parts = [np.broadcast_to(leaves[..., c], (r, n_units)) if c < first else out[:, :, c - first] for c in ch]
            vals = np.stack(parts, axis=-1)  # (R, U, k)
            f, bad = _forward(method, vals)
            mask = ~np.isnan(vals)
            num = np.einsum("ruk,rk->ru", f, w)
            den = np.einsum("ruk,rk->ru", mask.astype(float), w)
            badu = bad.any(axis=-1)
            cover = mask.mean(axis=-1)
        res = _backward(method, num, den)
        res = np.where(badu, np.nan, res)
        if min_coverage is not None:
            res = np.where(cover < min_coverage, np.nan, res)
        out[:, :, k] = res
    return out


def level_methods(tree: Tree, default: str, by_level: dict[str, str]) -> list[str]:
    """The mean used for each aggregate: the level's override, else the default."""
    return [by_level.get(tree.level_name(p), default) for p in tree.aggregates]
