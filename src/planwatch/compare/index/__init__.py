"""Composite indices: an indicator framework (a YAML file) over units × indicators, built the way the
OECD/JRC Handbook on Constructing Composite Indicators and COINr build them, with Monte Carlo uncertainty
and Sobol sensitivity of the ranks.

Modules hold one responsibility each: ``framework`` (the file's model) and ``loader`` (file:line errors),
``data`` (tables and the store), the stages ``screen``, ``impute``, ``treat``, ``normalise`` and
``aggregate``, ``pipeline`` (the stages in order), ``diagnostics``, ``uncertainty`` and ``sensitivity``,
and ``results`` (rows and JSON for output). The numeric core works on numpy arrays of units × indicators.
"""

from __future__ import annotations

from typing import Any


def build_index(framework: str, store: Any = None, year: int | None = None, replications: int | None = None,
                scheduler: Any = None, progress: bool = False) -> Any:
    """Load a framework (file path or built-in id), read its data, and build the index for every period.

    Returns an :class:`~planwatch.compare.index.results.IndexResult`."""
    from .results import build

    return build(framework, store=store, year=year, replications=replications, scheduler=scheduler, progress=progress)
