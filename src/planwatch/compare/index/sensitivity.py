"""Sobol sensitivity indices of the ranks to each uncertain choice (SALib's Saltelli/Jansen estimators).

Two outputs are analysed, as in COINr's ``get_sensitivity``: the mean absolute rank shift from the nominal
ranking over all ranked units (one number per replication: how much the whole ranking moves), and the rank
of each unit on its own. First-order index S1: the share of the output's variance explained by the choice
alone; total index ST: the share it explains with all its interactions. A choice that cannot change the
ranks has ST = 0. A replication that failed (no index) is given the nominal ranks, so it adds no variance.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np


@dataclass
class SobolResult:
    factors: list[str]
    s1: np.ndarray  # per factor, for the mean absolute rank shift
    st: np.ndarray
    s1_conf: np.ndarray
    st_conf: np.ndarray
    unit_s1: np.ndarray  # units × factors, for each unit's rank (NaN for reference units)
    unit_st: np.ndarray
    base_samples: int


def _analyze(problem: dict, y: np.ndarray, seed: int, resamples: int) -> dict:
    from SALib.analyze import sobol

    if not np.isfinite(y).all() or np.var(y) == 0:
        z = np.zeros(problem["num_vars"])
        return {"S1": z, "ST": z, "S1_conf": z, "ST_conf": z}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sobol.analyze(problem, y, calc_second_order=False, num_resamples=resamples, seed=seed)


def sobol_indices(fs: list, ranks: np.ndarray, nominal: np.ndarray, ranked: np.ndarray, failed: np.ndarray,
                  seed: int = 1) -> SobolResult:
    """Indices from ranks of a Saltelli design (rows in SALib's order: A, AB₁…AB_d, B per base sample)."""
    d = len(fs)
    problem = {"num_vars": d, "names": [f.name for f in fs], "bounds": [[0.0, 1.0]] * d}
    r = np.where(failed[:, None], nominal[None, :], ranks)
    shift = np.nanmean(np.abs(r[:, ranked] - nominal[None, ranked]), axis=1)
    main = _analyze(problem, shift, seed, 100)
    unit_s1 = np.full((r.shape[1], d), np.nan)
    unit_st = np.full((r.shape[1], d), np.nan)
    for j in np.flatnonzero(ranked):
        res = _analyze(problem, r[:, j].astype(float), seed, 10)
        unit_s1[j], unit_st[j] = res["S1"], res["ST"]
    return SobolResult([f.name for f in fs], np.asarray(main["S1"]), np.asarray(main["ST"]), np.asarray(main["S1_conf"]),
                       np.asarray(main["ST_conf"]), unit_s1, unit_st, base_samples=len(r) // (d + 2))
