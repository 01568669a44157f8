"""What a catalogue holds — indicators, regions, peer groups, unit aliases — as one set of models used by
the built-in catalogue, by catalogue files and by the declarations inside plan files, so a plan's own
indicator carries the same metadata (breaks, bases, caveats, links, projection model) as a built-in one."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Text(BaseModel):
    """A wording in English and/or Chinese (at least one)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    en: str | None = None
    zh: str | None = None

    @field_validator("en", "zh")
    @classmethod
    def _not_blank(cls, v: str | None) -> str | None:
        return v if v is None or v.strip() else None

    @model_validator(mode="after")
    def _one_language(self) -> Text:
        if not (self.en or self.zh):
            raise ValueError("give the text in at least one language (en or zh)")
        return self

    def best(self, lang: str = "en") -> str:
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or second or ""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SeriesBreak(_Strict):
    from_period: int = Field(ge=1949, le=2100)
    reason: Text
    regions: list[str] | None = None  # None: every region

    def applies_to(self, region: str) -> bool:
        return self.regions is None or region in self.regions


class Basis(_Strict):
    """One definition of an indicator that has several (FTE vs head count; current vs constant prices)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=32)
    name: Text


class Indicator(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=64)
    name: Text
    unit: str = Field(min_length=1, max_length=64)
    kind: Literal["share", "level", "rate", "growth", "rank"] = "level"
    definition: Text | None = None
    publisher: str = "(declared in a plan or catalogue file)"
    caveats: list[Text] = []
    breaks: list[SeriesBreak] = []
    growth_indicator: str | None = None  # a companion series of published y/y growth rates (%)
    rank_indicator: str | None = None  # a companion series of published ranks
    price_basis: Literal["current", "constant", "unknown", "not_applicable"] = "not_applicable"
    bases: list[Basis] = []  # definitions figures may be published on; trends never mix them
    default_basis: str | None = None  # the basis a target is read on unless it names one
    projection_model: str | None = None  # default projection model for targets on this indicator

    def breaks_for(self, region: str) -> list[int]:
        return sorted(b.from_period for b in self.breaks if b.applies_to(region))

    def basis(self, basis_id: str | None) -> Basis | None:
        return next((b for b in self.bases if b.id == basis_id), None)

    def described(self) -> Text:
        return self.definition or self.name

    def essence(self) -> dict:
        """The fields two declarations of one id must agree on (wording may differ; meaning may not)."""
        from ..units import normalize_unit

        try:
            unit = normalize_unit(self.unit)
        except Exception:  # noqa: BLE001  (an unknown unit is reported by validation)
            unit = self.unit
        return {"unit": unit, "kind": self.kind, "bases": sorted(b.id for b in self.bases),
                "default_basis": self.default_basis, "breaks": sorted((b.from_period, tuple(b.regions or ())) for b in self.breaks),
                "growth_indicator": self.growth_indicator, "rank_indicator": self.rank_indicator,
                "price_basis": self.price_basis}


class Region(_Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=32)
    name: Text
    kind: Literal["country", "province", "city", "region", "zone", "other"] = "other"
    parent: str | None = None

    def essence(self) -> dict:
        return {"kind": self.kind, "parent": self.parent}


class PeerGroup(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=64)
    name: Text
    members: list[str]
    size: int | None = None  # the group's full size where more members exist than the catalogue lists
    size_source: str | None = None

    def essence(self) -> dict:
        return {"members": sorted(self.members), "size": self.size}


class Declarations(_Strict):
    """Catalogue entries as a plan or catalogue file declares them."""

    indicators: list[Indicator] = []
    regions: list[Region] = []
    peer_groups: list[PeerGroup] = []
    units: dict[str, str] = Field(default={}, description="unit aliases: a spelling → a unit planwatch knows")
