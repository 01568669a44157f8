"""Imputation of missing values, column by column or from the whole matrix.

- ``indicator_mean`` / ``indicator_median``: the indicator's mean (median) over the units with a value.
- ``group_mean`` / ``group_median``: the same within the unit's group (e.g. its continent); a unit without a
  group, or a group with no value, stays missing (as in COINr's ``i_mean_grp``).
- ``em``: expectation–maximisation under a multivariate normal model (Dempster, Laird and Rubin 1977; the
  Handbook's section 1.2): each missing block is replaced by its conditional mean given the unit's observed
  values, and the mean and covariance are re-estimated, including the conditional covariance of the filled
  cells, until they settle. A small ridge keeps the covariance invertible when units are few.
- ``regression``: iterated regression imputation: start from the means, then repeatedly regress each
  incomplete indicator on all others over the units that have it and predict the missing cells.

Observed values are never changed: only missing cells are written.
"""

from __future__ import annotations

import numpy as np

from .framework import ImputeSpec


def impute(values: np.ndarray, spec: ImputeSpec, groups: dict[str, list[str | None]] | None = None) -> np.ndarray:
    """A copy of ``values`` (units × indicators) with missing cells filled by ``spec.method``."""
    x = np.array(values, dtype=float)
    missing = np.isnan(x)
    if spec.method == "none" or not missing.any():
        return x
    if spec.method in ("indicator_mean", "indicator_median"):
        stat = _column_stat(x, spec.method.endswith("mean"))
        return np.where(missing, stat[None, :], x)
    if spec.method in ("group_mean", "group_median"):
        labels = (groups or {}).get(spec.group or "")
        if labels is None:
            from ...errors import PlanwatchError

            raise PlanwatchError(f"imputation by group: the data have no group column {spec.group!r}")
        return _by_group(x, labels, spec.method.endswith("mean"))
    fill = _em if spec.method == "em" else _regression
    out = fill(x, spec.max_iter, spec.tol)
    out[~missing] = x[~missing]
    return out


def _column_stat(x: np.ndarray, mean: bool) -> np.ndarray:
    out = np.full(x.shape[1], np.nan)
    for j in range(x.shape[1]):
        col = x[:, j][~np.isnan(x[:, j])]
        if col.size:
            out[j] = col.mean() if mean else np.median(col)
    return out


def _by_group(x: np.ndarray, labels: list[str | None], mean: bool) -> np.ndarray:
    out = x.copy()
    lab = np.array(["" if g is None else str(g) for g in labels], dtype=object)
    has = np.array([g is not None and str(g) != "" for g in labels])
    for g in sorted(set(lab[has])):
        rows = has & (lab == g)
        stat = _column_stat(x[rows], mean)
        block = out[rows]
        out[rows] = np.where(np.isnan(block), stat[None, :], block)
    return out


def _standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mu = np.nanmean(x, axis=0)
    sd = np.nanstd(x, axis=0)
    sd = np.where((sd > 0) & np.isfinite(sd), sd, 1.0)
    mu = np.where(np.isfinite(mu), mu, 0.0)
    return (x - mu) / sd, mu, sd


def _em(x: np.ndarray, max_iter: int, tol: float) -> np.ndarray:
    z, mu0, sd0 = _standardise(x)
    n, p = z.shape
    miss = np.isnan(z)
    filled = np.where(miss, 0.0, z)
    mu = filled.mean(axis=0)
    cov = np.cov(filled, rowvar=False, bias=True).reshape(p, p) + 1e-6 * np.eye(p)
    ridge = 1e-4
    for _ in range(max_iter):
        extra = np.zeros((p, p))
        new = filled.copy()
        for i in np.flatnonzero(miss.any(axis=1)):
            m, o = miss[i], ~miss[i]
            if o.any():
                s_oo = cov[np.ix_(o, o)] + ridge * np.eye(o.sum())
                s_mo = cov[np.ix_(m, o)]
                coef = np.linalg.solve(s_oo, s_mo.T).T
                new[i, m] = mu[m] + coef @ (z[i, o] - mu[o])
                extra[np.ix_(m, m)] += cov[np.ix_(m, m)] - coef @ s_mo.T
            else:
                new[i, m] = mu[m]
                extra[np.ix_(m, m)] += cov[np.ix_(m, m)]
        mu_new = new.mean(axis=0)
        d = new - mu_new
        cov_new = (d.T @ d + extra) / n
        change = np.max(np.abs(new - filled)) if new.size else 0.0
        filled, mu, cov = new, mu_new, cov_new
        if change < tol:
            break
    return filled * sd0 + mu0


def _regression(x: np.ndarray, max_iter: int, tol: float) -> np.ndarray:
    z, mu0, sd0 = _standardise(x)
    miss = np.isnan(z)
    filled = np.where(miss, 0.0, z)
    cols = [j for j in range(z.shape[1]) if miss[:, j].any() and (~miss[:, j]).sum() >= 2]
    alpha = 1e-3
    for _ in range(max_iter):
        change = 0.0
        for j in cols:
            obs = ~miss[:, j]
            others = np.delete(filled, j, axis=1)
            a = np.column_stack([np.ones(obs.sum()), others[obs]])
            gram = a.T @ a + alpha * np.eye(a.shape[1])
            beta = np.linalg.solve(gram, a.T @ z[obs, j])
            pred = np.column_stack([np.ones((~obs).sum()), others[~obs]]) @ beta
            change = max(change, float(np.max(np.abs(pred - filled[~obs, j]))))
            filled[~obs, j] = pred
        if change < tol:
            break
    return filled * sd0 + mu0
