"""Side-by-side comparison of regions on one indicator, from the store's current figures.

Pure over observations: the caller reads the store. Only figures in the indicator's own unit are compared,
and each value keeps its source, because peers are often published by different bodies.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store.repository import StoredObservation


@dataclass(frozen=True)
class PeerRow:
    region: str
    latest_period: int | None
    latest_value: float | None
    rank_in_latest_common_year: int | None
    values: dict[int, float]
    sources: dict[int, str]


def compare(observations: list[StoredObservation], regions: list[str]) -> tuple[int | None, list[PeerRow]]:
    """Rows per region (in the order given) and the latest year every region with data has a figure for."""
    by_region: dict[str, dict[int, StoredObservation]] = {r: {} for r in regions}
    for o in observations:
        if o.is_numeric and o.region in by_region:
            by_region[o.region][o.period] = o
    with_data = [r for r in regions if by_region[r]]
    common = set.intersection(*(set(by_region[r]) for r in with_data)) if len(with_data) > 1 else set()
    year = max(common) if common else None
    ranks: dict[str, int] = {}
    if year is not None:
        ordered = sorted(with_data, key=lambda r: -by_region[r][year].value_std)
        ranks = {r: i + 1 for i, r in enumerate(ordered)}
    rows = []
    for r in regions:
        series = by_region[r]
        last = max(series) if series else None
        rows.append(PeerRow(
            region=r, latest_period=last, latest_value=series[last].value_std if last else None,
            rank_in_latest_common_year=ranks.get(r), values={y: o.value_std for y, o in sorted(series.items())},
            sources={y: o.url for y, o in sorted(series.items())},
        ))
    return year, rows
