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
    source_details: dict[int, dict]


def compare(observations: list[StoredObservation], regions: list[str],
            rank_among: list[str] | None = None) -> tuple[int | None, list[PeerRow]]:
    """Rows per region (in the order given) and the latest year every ranked region with data has a figure for.

    ``rank_among`` limits the ranking to comparable units (provinces among provinces, not a province
    against the country that contains it); by default every region given is ranked."""
    by_region: dict[str, dict[int, StoredObservation]] = {r: {} for r in regions}
    for o in observations:
        if o.is_numeric and o.region in by_region:
            by_region[o.region][o.period] = o
    ranked = rank_among if rank_among is not None else regions
    with_data = [r for r in regions if by_region[r] and r in ranked]
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
            source_details={y: o.source_dict() for y, o in sorted(series.items())},
        ))
    return year, rows


#: Regions a Beijing-style provincial plan is compared with by default.
DEFAULT_PEERS = ["CN-BJ", "CN-SH", "CN-GD", "CN-JS", "CN-SZ", "CN-JJJ", "CN"]


def plan_comparisons(store, plan, peers: list[str] | None = None) -> dict[str, dict]:
    """Per target: the plan region beside peers on the target's indicator (only where a peer has figures)."""
    from ..plans.catalogue import catalogue_for

    cat = catalogue_for(plan, store)
    out: dict[str, dict] = {}
    for t in plan.targets:
        if t.measure == "rank":
            continue
        ind = cat.indicator(t.indicator)
        ind_id = ind.growth_indicator if t.measure == "average_annual_growth" and ind.growth_indicator else ind.id
        unit = "%" if ind_id != ind.id else ind.unit
        region = plan.region_of(t)
        regions = [region] + [r for r in (peers or DEFAULT_PEERS) if r != region and r in cat.regions]
        kind = cat.regions[region].kind
        same_kind = [r for r in regions if cat.regions[r].kind == kind]
        year, rows = compare(store.observations([ind_id], regions), regions, rank_among=same_kind)
        rows = [r for r in rows if r.values]
        if len(rows) < 2:
            continue
        out[t.id] = {
            "indicator": ind_id, "unit": unit, "latest_common_year": year,
            "rows": [{"region": r.region, "name_en": cat.regions[r.region].name.en,
                      "name_zh": cat.regions[r.region].name.zh, "values": r.values,
                      "sources": r.sources, "source_details": r.source_details,
                      "rank": r.rank_in_latest_common_year} for r in rows],
        }
    return out
