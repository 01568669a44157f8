"""The indicator and region catalogue: what each series means, in which unit, with which caveats.

Kept as YAML beside the code (``plans/data``) so analysts can read and correct definitions without
touching Python; loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .model import Text


class SeriesBreak(BaseModel):
    model_config = ConfigDict(extra="forbid")
    from_period: int
    reason: Text
    regions: list[str] | None = None  # None: every region

    def applies_to(self, region: str) -> bool:
        return self.regions is None or region in self.regions


class Basis(BaseModel):
    """One definition of an indicator that has several (FTE vs head count; current vs constant prices)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    name: Text


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: Text
    unit: str
    kind: Literal["share", "level", "rate", "growth", "rank"]
    definition: Text
    publisher: str
    caveats: list[Text] = []
    breaks: list[SeriesBreak] = []
    growth_indicator: str | None = None  # a companion series of published y/y growth rates (%)
    rank_indicator: str | None = None  # a companion series of published ranks
    price_basis: Literal["current", "constant", "unknown", "not_applicable"] = "not_applicable"
    bases: list[Basis] = []  # definitions figures may be published on; trends never mix them
    default_basis: str | None = None  # the basis a target is read on unless it names one
    projection_model: str | None = None  # default projection model for targets on this indicator

    def basis(self, basis_id: str | None) -> Basis | None:
        return next((b for b in self.bases if b.id == basis_id), None)

    def breaks_for(self, region: str) -> list[int]:
        return sorted(b.from_period for b in self.breaks if b.applies_to(region))


class Region(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: Text
    kind: Literal["country", "province", "city", "region", "zone"]
    parent: str | None = None


class PeerGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: Text
    members: list[str]
    size: int | None = None  # the group's full size where more members exist than the catalogue lists
    size_source: str | None = None


class Catalogue(BaseModel):
    indicators: dict[str, Indicator]
    regions: dict[str, Region]
    peer_groups: dict[str, PeerGroup]

    def indicator(self, indicator_id: str) -> Indicator:
        from ..errors import PlanwatchError

        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise PlanwatchError(
                f"unknown indicator {indicator_id!r}; see `planwatch indicators`"
            ) from None

    def region(self, region_id: str) -> Region:
        from ..errors import PlanwatchError

        try:
            return self.regions[region_id]
        except KeyError:
            raise PlanwatchError(f"unknown region {region_id!r}; see `planwatch regions`") from None


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    import yaml

    data_dir = resources.files("planwatch.plans") / "data"
    ind = yaml.safe_load((data_dir / "indicators.yaml").read_text(encoding="utf-8"))
    reg = yaml.safe_load((data_dir / "regions.yaml").read_text(encoding="utf-8"))
    return Catalogue(
        indicators={i["id"]: Indicator(**i) for i in ind["indicators"]},
        regions={r["id"]: Region(**r) for r in reg["regions"]},
        peer_groups={g["id"]: PeerGroup(**g) for g in reg.get("peer_groups", [])},
    )


def catalogue_for(plan) -> Catalogue:
    """The built-in catalogue plus the indicators and regions a plan file declares itself."""
    base = load_catalogue()
    if not plan.indicators and not plan.regions:
        return base
    indicators = dict(base.indicators)
    for d in plan.indicators:
        indicators[d.id] = Indicator(id=d.id, name=d.name, unit=d.unit, kind=d.kind,
                                     definition=d.definition or d.name, publisher="(declared in the plan file)")
    regions = dict(base.regions)
    for r in plan.regions:
        regions[r.id] = Region(id=r.id, name=r.name, kind="region" if r.kind == "other" else r.kind)
    return Catalogue(indicators=indicators, regions=regions, peer_groups=base.peer_groups)
