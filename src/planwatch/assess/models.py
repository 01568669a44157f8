"""Projection models: from the comparable yearly changes of a series to a forecast distribution.

Every model works on the *working scale* (log values for money levels, the values themselves for
shares and rates), takes only changes inside comparable segments (see :func:`.projection.annual_changes`),
and returns a mean and a standard error per horizon, with the degrees of freedom of its spread: with
k changes the spread is estimated from k − 1 degrees of freedom, so ranges and probabilities use
Student's t, not the normal, which would be over-confident on the handful of points a plan indicator has.

Which model is the default, and whether its ranges are calibrated, is decided by ``planwatch backtest``
(docs/backtest.md), not by taste. Candidates:

- ``drift``: random walk with drift, drift = mean of up to 8 recent within-segment changes;
- ``drift_recent``: the same on the newest 3 changes only (reacts to a flattening series);
- ``damped``: the drift of ``drift``, damped by φ = 0.8 a year (Gardner–McKenzie damped trend);
- ``naive``: no change (the benchmark every model must beat), spread from the changes around zero;
- ``ets``: statsmodels' additive damped-trend exponential smoothing (ETSModel), fitted by maximum
  likelihood on the latest contiguous run of yearly values (an established implementation to compare with).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .projection import Changes

#: Chosen by ``planwatch backtest`` (docs/backtest.md): calibrated on the known process and, with its ranges widened
#: by κ, covering 75–85% of outcomes on stored series it was not fitted on, with the lowest Brier score.
DEFAULT_MODEL = "drift"
MODELS = ("drift", "drift_recent", "damped", "naive", "ets")
#: Calibration factors κ: how much each model's spread must be widened for its 80% ranges to cover 80% of
#: outcomes on the stored series (second backtest of 2026-12-02: 45 series, 348 forecasts 1–5 years ahead; the first,
#: on 28 series and 139 forecasts, gave 1.32–1.36). Real plan series carry revisions, breaks and definitional noise
#: a random walk does not, so the raw ranges are too narrow.
CALIBRATION = {"drift": 1.10, "drift_recent": 1.10, "damped": 1.17, "naive": 1.35}
WINDOW = 8
RECENT = 3
PHI = 0.8


@dataclass(frozen=True)
class Trend:
    """A fitted model on the working scale: mean and standard error at any horizon."""

    model: str
    last: float  # working-scale latest value
    drift: float
    sigma: float | None  # year-to-year spread (None: fewer than two changes)
    n_years: int  # years the drift was estimated over (its uncertainty shrinks with them)
    n_changes: int
    phi: float = 1.0
    df: int | None = None  # degrees of freedom of sigma
    kappa: float = 1.0  # calibration factor applied to the spread (CALIBRATION)
    external: Callable[[int], tuple[float, float | None]] | None = None  # a library model's own forecast

    def steps(self, h: int) -> float:
        """Σ φ^k for k = 1..h: how many yearly drifts a horizon adds (h for an undamped trend)."""
        if self.phi == 1.0:
            return float(h)
        return self.phi * (1 - self.phi ** h) / (1 - self.phi)

    def mean(self, h: int) -> float:
        if self.external is not None:
            return self.external(h)[0]
        return self.last + self.drift * self.steps(h)

    def se(self, h: int) -> float | None:
        if h <= 0:
            return 0.0
        if self.external is not None:
            return self.external(h)[1]
        if self.sigma is None:
            return None
        drift_var = (self.steps(h) ** 2 / self.n_years) if (self.n_years and self.model != "naive") else 0.0
        return self.kappa * self.sigma * math.sqrt(h + drift_var)


def _weighted(d: list[float], g: list[int], centre: float | None = None) -> tuple[float, float | None, int]:
    years = sum(g)
    mu = sum(di * gi for di, gi in zip(d, g, strict=True)) / years if centre is None else centre
    if len(d) < 2:
        return mu, None, years
    dof = len(d) - (1 if centre is None else 0)
    var = sum(gi * (di - mu) ** 2 for di, gi in zip(d, g, strict=True)) / dof
    return mu, math.sqrt(var), years


def fit(model: str, last: float, changes: Changes, points: list[tuple[int, float]] | None = None,
        calibrated: bool = True) -> Trend:
    """Fit ``model`` to a series' comparable changes (and, for ``ets``, its working-scale points); with
    ``calibrated`` its spread is widened by the backtest's factor κ (the backtest itself scores raw models)."""
    from dataclasses import replace

    trend = _fit(model, last, changes, points)
    k = CALIBRATION.get(trend.model, 1.0) if calibrated else 1.0
    return replace(trend, kappa=k) if k != 1.0 else trend


def _fit(model: str, last: float, changes: Changes, points: list[tuple[int, float]] | None = None) -> Trend:
    d, g = changes.per_year[-WINDOW:], changes.gaps[-WINDOW:]
    if model == "drift_recent":
        d, g = d[-RECENT:], g[-RECENT:]
    if not d:
        return Trend(model, last, 0.0, None, 0, 0)
    if model == "naive":
        _, sigma, years = _weighted(d, g, centre=0.0)
        sigma = sigma if len(d) >= 2 else None
        return Trend(model, last, 0.0, sigma, years, len(d), df=len(d) if sigma else None)
    mu, sigma, years = _weighted(d, g)
    df = len(d) - 1 if sigma is not None else None
    if model == "damped":
        return Trend(model, last, mu, sigma, years, len(d), phi=PHI, df=df)
    if model == "ets":
        ext = _ets(points or [])
        if ext is not None:
            return Trend(model, last, mu, sigma, years, len(d), df=df, external=ext)
        return Trend("drift", last, mu, sigma, years, len(d), df=df)
    if model in ("drift", "drift_recent"):
        return Trend(model, last, mu, sigma, years, len(d), df=df)
    raise ValueError(f"unknown projection model {model!r}; known: {', '.join(MODELS)}")


def _ets(points: list[tuple[int, float]]):
    """statsmodels' damped additive ETS on the latest run of consecutive years (≥ 6 points), or None."""
    run: list[tuple[int, float]] = []
    for y, v in sorted(points):
        if run and y != run[-1][0] + 1:
            run = []
        run.append((y, v))
    if len(run) < 6:
        return None
    import warnings

    import pandas as pd
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    y = pd.Series([v for _, v in run], dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            res = ETSModel(y, error="add", trend="add", damped_trend=True).fit(disp=False, maxiter=200)
            cache: dict[int, tuple[float, float | None]] = {}

            def at(h: int) -> tuple[float, float | None]:
                if h not in cache:
                    sim = res.get_prediction(start=len(y), end=len(y) + max(h, 1) - 1)
                    frame = sim.summary_frame(alpha=0.2)
                    mean = float(frame["mean"].iloc[h - 1])
                    sd = float((frame["pi_upper"].iloc[h - 1] - frame["pi_lower"].iloc[h - 1]) / (2 * 1.2815515655446004))
                    cache[h] = (mean, sd if math.isfinite(sd) else None)
                return cache[h]

            return at
        except Exception:  # noqa: BLE001  (a failed fit falls back to the drift model)
            return None
