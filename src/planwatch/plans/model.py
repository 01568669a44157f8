"""The plan-file model: what a plan promises, in the plan's own words.

Validated with pydantic at the boundary so that every later stage can trust a ``Plan``; the JSON Schema
published in ``docs/plan.schema.json`` is generated from these classes (``planwatch plan schema``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .entries import Indicator, PeerGroup, Region, Text


def _no_bool(v):
    """YAML reads `yes`, `no`, `on`, `off` as booleans; a number field must not take them as 1 or 0."""
    if isinstance(v, bool):
        raise ValueError("a number is required, not a yes/no value")
    return v


#: A finite number, never a boolean (YAML 1.1 reads `yes` as true) and never NaN or infinity.
Number = Annotated[float, BeforeValidator(_no_bool), Field(allow_inf_nan=False)]

Comparator = Literal["around", "at_least", "more_than", "at_most", "less_than", "between", "rank_at_most"]
Measure = Literal["level", "share", "average_annual_growth", "change_from_base", "rank"]
Direction = Literal["increase", "decrease", "neither"]

#: Default tolerance for ``around`` targets, as a fraction of the target value (documented in docs/plans.md).
DEFAULT_AROUND_TOLERANCE = 0.03

FOUR_ORIENTATIONS = {
    "world_frontier": ("the world's science and technology frontier", "面向世界科技前沿"),
    "economic_battlefield": ("the main economic battlefield", "面向经济主战场"),
    "national_needs": ("the country's major needs", "面向国家重大需求"),
    "people_health": ("people's lives and health", "面向人民生命健康"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Document(_Strict):
    title: str
    publisher: str
    url: str
    date: dt.date | None = None
    language: Literal["en", "zh"] | None = None


class Evidence(_Strict):
    date: dt.date
    text: str
    source: str = Field(description="address where the evidence was read")
    status: Literal["not_started", "in_progress", "done", "reported"] = "reported"


class Task(_Strict):
    id: str
    title: Text
    orientations: list[Literal["world_frontier", "economic_battlefield", "national_needs", "people_health"]] = []
    evidence: list[Evidence] = []


class Goal(_Strict):
    id: str
    text: Text
    deadline: int | None = None
    kind: Literal["qualitative"] = "qualitative"
    evidence: list[Evidence] = []


class Target(_Strict):
    id: str
    indicator: str
    region: str | None = Field(None, description="defaults to the plan's region")
    quote: Text
    comparator: Comparator
    value: Number | None = Field(None, description="the target value in `unit` (null only for rank targets "
                                 "without a number)")
    value_high: Number | None = Field(None, description="upper end, for `between`")
    unit: str
    deadline: int = Field(ge=1949, le=2100)
    measure: Measure = "level"
    base_year: int | None = Field(None, description="for average_annual_growth and change_from_base")
    peer_group: str | None = Field(None, description="for rank targets: the group the region is ranked in")
    direction: Direction = "increase"
    tolerance: Number | None = Field(None, ge=0, description="for `around`: absolute half-width in `unit`; "
                                    "default 3% of the target value")
    basis: str | None = Field(None, description="the definition the target is read on, where the indicator has "
                              "several (e.g. fte or headcount); default: the indicator's default basis")
    model: str | None = Field(None, description="projection model for this target (see `planwatch backtest`); "
                              "default: the indicator's, else planwatch's default")
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Target:
        if self.comparator == "between":
            if self.value is None or self.value_high is None or self.value_high < self.value:
                raise ValueError("`between` needs value and value_high with value_high >= value")
        elif self.value_high is not None:
            raise ValueError("value_high is only for the `between` comparator")
        if self.value is None and self.comparator != "rank_at_most":
            raise ValueError("value is required (only a rank target may leave it out)")
        if (self.measure == "rank") != (self.comparator == "rank_at_most"):
            raise ValueError("measure `rank` goes with comparator `rank_at_most` and vice versa")
        if self.measure == "rank" and not self.peer_group:
            raise ValueError("a rank target names its peer_group")
        if self.measure in ("average_annual_growth", "change_from_base"):
            if self.base_year is None:
                raise ValueError(f"measure {self.measure} needs an explicit base_year")
            if self.base_year >= self.deadline:
                raise ValueError("base_year must be before the deadline")
        if self.tolerance is not None and self.comparator != "around":
            raise ValueError("tolerance applies only to `around`")
        return self

    def around_tolerance(self) -> float:
        if self.tolerance is not None:
            return self.tolerance
        return abs(self.value or 0.0) * DEFAULT_AROUND_TOLERANCE


IndicatorDecl = Indicator  # an indicator a plan declares for itself: the same fields as a built-in one
RegionDecl = Region


class Plan(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=100)
    title: Text
    short_title: Text | None = None
    issuers: list[Text] = []
    issued: dt.date | None = None
    released: dt.date | None = None
    region: str
    horizon: int = Field(ge=1949, le=2100)
    documents: list[Document] = []
    indicators: list[Indicator] = Field(default=[], description="indicators this plan declares itself")
    regions: list[Region] = Field(default=[], description="regions this plan declares itself")
    peer_groups: list[PeerGroup] = Field(default=[], description="peer groups this plan declares itself")
    units: dict[str, str] = Field(default={}, description="unit aliases this plan uses: a spelling → a known unit")
    goals: list[Goal] = []
    targets: list[Target] = []
    tasks: list[Task] = []

    @model_validator(mode="after")
    def _deadlines_after_issue(self) -> Plan:
        start = (self.issued or self.released)
        for t in self.targets:
            if start is not None and t.deadline < start.year:
                raise ValueError(f"target {t.id!r} has deadline {t.deadline}, before the plan was issued ({start})")
        if start is not None and self.horizon < start.year:
            raise ValueError(f"horizon {self.horizon} is before the plan was issued ({start})")
        return self

    @model_validator(mode="after")
    def _unique_ids(self) -> Plan:
        for kind, items in (("target", self.targets), ("task", self.tasks), ("goal", self.goals)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise ValueError(f"duplicate {kind} id {item.id!r}")
                seen.add(item.id)
        return self

    def target(self, target_id: str) -> Target:
        for t in self.targets:
            if t.id == target_id:
                return t
        raise KeyError(target_id)

    def region_of(self, target: Target) -> str:
        return target.region or self.region

    def declarations(self):
        from .entries import Declarations

        return Declarations(indicators=self.indicators, regions=self.regions, peer_groups=self.peer_groups,
                            units=self.units)
