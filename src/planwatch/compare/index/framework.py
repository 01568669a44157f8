"""The indicator-framework file: a hierarchy of indicators and the methods that turn them into an index.

Validated with pydantic at the boundary (``loader`` adds file:line to every error), so the numeric core can
trust a ``Framework``: ids are unique, every leaf is an indicator, weights are non-negative, methods exist,
and choices that cannot work together (a geometric mean over values that can be zero) are refused before
any data is read. Method names follow the OECD/JRC Handbook (2008) and COINr; ``docs/index.md`` gives the
formulas.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

Id = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_.\-]*$", max_length=80)]

ImputeMethod = Literal["none", "indicator_mean", "indicator_median", "group_mean", "group_median", "em", "regression"]
NormaliseMethod = Literal["minmax", "zscore", "rank", "percentile", "borda", "distance_to_target",
                          "distance_to_frontier", "distance_to_reference", "fraction_of_max", "goalposts", "none"]
AggregateMethod = Literal["arithmetic", "geometric", "harmonic"]
STEP_NAMES = ("denominate", "screen", "impute", "treat", "normalise", "aggregate")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Node(_Strict):
    """A node of the hierarchy: an indicator (no children) or an aggregate of its children."""

    id: Id
    name: str | None = None
    weight: float = Field(1.0, ge=0, description="weight within the parent (normalised over the siblings)")
    children: list[Node] | None = None
    # indicator-only fields
    direction: Literal[1, -1] = 1
    unit: str | None = None
    column: str | None = Field(None, description="table column (default: the id)")
    indicator: str | None = Field(None, description="store indicator id (default: the id)")
    denominator: str | None = Field(None, description="a denominator declared under data: the value is divided by it")
    scale: float = Field(1.0, gt=0, description="value / (denominator / scale), e.g. 100 for a percentage")
    target: float | None = Field(None, description="target for distance_to_target normalisation")
    goalposts: tuple[float, float] | None = Field(None, description="(lower, upper) for goalposts normalisation")
    treat: bool = Field(True, description="false: never winsorise or transform this indicator")

    @property
    def is_indicator(self) -> bool:
        return not self.children

    @model_validator(mode="after")
    def _leaf_fields(self) -> Node:
        if self.children is not None and not self.children:
            raise ValueError("an aggregate needs at least one child (leave out `children` for an indicator)")
        if self.children:
            used = [f for f in ("column", "indicator", "denominator", "target", "goalposts")
                    if getattr(self, f) is not None]
            if used or self.direction != 1:
                raise ValueError(f"{', '.join(used) or 'direction'}: only indicators (nodes without children) take this")
        if self.goalposts is not None and self.goalposts[0] == self.goalposts[1]:
            raise ValueError("goalposts: lower and upper must differ")
        return self


class TableSource(_Strict):
    """Units × indicators from a CSV, Excel or Frictionless data-package file (one row per unit)."""

    table: str = Field(description="path relative to the framework file: .csv, .xlsx or datapackage.json")
    sheet: str | None = None
    resource: str | None = Field(None, description="data-package resource name (default: the first)")
    unit_column: str = "unit"
    name_column: str | None = None
    time_column: str | None = None
    group_columns: list[str] = []
    denominator_columns: list[str] = []


class StoreSource(_Strict):
    """Units × indicators × years from planwatch's store of sourced observations (current revisions)."""

    store: Literal[True] = True
    units: list[Id] = Field(min_length=2)
    reference_units: list[Id] = Field([], description="scored and shown, never ranked (e.g. the national figure)")
    denominators: dict[Id, Id] = Field({}, description="name used by indicators → store indicator id")
    years: list[int] | None = None


class ImputeSpec(_Strict):
    method: ImputeMethod = "none"
    group: str | None = Field(None, description="group column for group_mean / group_median")
    max_iter: int = Field(200, ge=1)
    tol: float = Field(1e-8, gt=0)

    @model_validator(mode="after")
    def _group(self) -> ImputeSpec:
        if self.method in ("group_mean", "group_median") and not self.group:
            raise ValueError(f"{self.method} needs `group:` (a group column of the data)")
        return self


class ScreenSpec(_Strict):
    min_coverage: float = Field(2 / 3, ge=0, le=1, description="share of indicators a unit must have data for")
    min_nonzero: float = Field(0.05, ge=0, le=1)
    by: Literal["missing", "zeros", "both"] = "missing"
    include: list[str] = Field([], description="units kept whatever their coverage")
    exclude: list[str] = Field([], description="units dropped whatever their coverage")
    min_units: int = Field(2, ge=1, description="refuse to rank when fewer units pass")


class TreatSpec(_Strict):
    method: Literal["winsorise", "none"] = "winsorise"
    winmax: int | None = Field(5, ge=0, description="most points winsorised per indicator (null: no limit)")
    skew: float = Field(2.0, gt=0, description="an indicator fails when |skewness| > skew …")
    kurtosis: float = Field(3.5, description="… and (excess) kurtosis > kurtosis")
    fallback: Literal["log", "log_plus", "none"] = "log"
    combine: bool = Field(False, description="log-transform the winsorised values instead of the originals")


class NormaliseSpec(_Strict):
    method: NormaliseMethod = "minmax"
    range: tuple[float, float] = (0.0, 100.0)
    mean: float = 0.0
    sd: float = Field(1.0, gt=0)
    cap: bool = Field(False, description="distance_to_target/reference: cap scores at 1")
    reference: str | None = Field(None, description="unit for distance_to_reference")
    scale: float = Field(100.0, gt=0, description="goalposts: score of the upper goalpost")

    @model_validator(mode="after")
    def _check(self) -> NormaliseSpec:
        if self.method == "minmax" and self.range[0] >= self.range[1]:
            raise ValueError("range: the lower end must be below the upper end")
        if self.method == "distance_to_reference" and not self.reference:
            raise ValueError("distance_to_reference needs `reference:` (a unit id)")
        return self

    def can_be_nonpositive(self) -> bool:
        """Whether this method can give a zero or negative score (ruling out geometric/harmonic means)."""
        if self.method == "minmax":
            return self.range[0] <= 0
        return self.method not in ("rank", "fraction_of_max")


class AggregateSpec(_Strict):
    method: AggregateMethod = "arithmetic"
    levels: dict[str, AggregateMethod] = Field({}, description="level name → method, overriding `method`")
    min_coverage: float | None = Field(None, ge=0, le=1, description="share of children with data an aggregate needs")


class DenominateSpec(_Strict):
    enabled: bool = True


class Steps(_Strict):
    """Pipeline steps, run in the order written; normalise and aggregate come last."""

    denominate: DenominateSpec | None = None
    screen: ScreenSpec | None = None
    impute: ImputeSpec | None = None
    treat: TreatSpec | None = None
    normalise: NormaliseSpec = NormaliseSpec()
    aggregate: AggregateSpec = AggregateSpec()
    order: list[str] = Field([], exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _record_order(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = dict(data)
            keys = [k for k in data if k in STEP_NAMES]
            data = {k: ({} if v is None or v is True else v) for k, v in data.items()}
            data["order"] = keys
        return data

    @model_validator(mode="after")
    def _check_order(self) -> Steps:
        order = [k for k in self.order if k not in ("normalise", "aggregate")]
        if "denominate" in order and order[0] != "denominate":
            raise ValueError("denominate must be the first step (it works on the raw values)")
        written = [k for k in self.order if k in ("normalise", "aggregate")]
        if written and (self.order[-len(written):] != written or written not in (["normalise", "aggregate"], ["normalise"], ["aggregate"])):
            raise ValueError("normalise and aggregate must be the last steps, in that order")
        self.order = order + ["normalise", "aggregate"]
        return self


class WeightNoise(_Strict):
    """One uncertain weight choice: weights of the listed levels (or nodes) perturbed within ranges."""

    levels: list[str] = []
    nodes: list[str] = []
    noise: float | None = Field(None, gt=0, lt=1, description="± this share of each nominal weight")
    ranges: dict[str, tuple[float, float]] = Field({}, description="node id → (low, high) weight range")
    bank: int = Field(1000, ge=2, description="how many perturbed weight sets the choice picks from")

    @model_validator(mode="after")
    def _check(self) -> WeightNoise:
        if self.noise is None and not self.ranges:
            raise ValueError("give `noise:` (± share of each weight) or `ranges:` (node → [low, high])")
        if self.noise is not None and not (self.levels or self.nodes):
            raise ValueError("noise: say which weights vary with `levels:` or `nodes:`")
        for node, (lo, hi) in self.ranges.items():
            if not 0 <= lo <= hi:
                raise ValueError(f"ranges.{node}: need 0 <= low <= high")
        return self


class Uncertainty(_Strict):
    """Choices to vary in the Monte Carlo: each entry is one uncertain input (one Sobol factor)."""

    replications: int = Field(1000, ge=0)
    seed: int = 1
    sensitivity: bool = Field(True, description="Sobol indices when two or more choices vary")
    weights: list[WeightNoise] = []
    impute: list[ImputeSpec] = []
    treat: list[bool] = []
    normalise: list[NormaliseSpec] = []
    aggregate: list[AggregateMethod] = []

    @field_validator("weights", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return [v] if isinstance(v, dict) else v

    @field_validator("impute", "normalise", mode="before")
    @classmethod
    def _names(cls, v: Any) -> Any:
        return [{"method": x} if isinstance(x, str) else x for x in v] if isinstance(v, list) else v

    @field_validator("treat", mode="before")
    @classmethod
    def _on_off(cls, v: Any) -> Any:
        words = {"on": True, "off": False}
        return [words.get(x, x) if isinstance(x, str) else x for x in v] if isinstance(v, list) else v

    @field_validator("impute", "treat", "normalise", "aggregate")
    @classmethod
    def _alternatives(cls, v: list) -> list:
        if len(v) == 1:
            raise ValueError("list two or more alternatives (one alternative is not uncertain)")
        return v

    def factor_names(self) -> list[str]:
        names = [("weights" if len(self.weights) == 1 else f"weights.{i + 1}") for i in range(len(self.weights))]
        return names + [k for k in ("impute", "treat", "normalise", "aggregate") if getattr(self, k)]


class Framework(_Strict):
    id: Id
    title: str
    description: str | None = None
    citation: str | None = None
    data: TableSource | StoreSource
    levels: list[str] | None = Field(None, description="level names from the indicators (first) up to the index")
    index: Node
    steps: Steps = Steps()
    uncertainty: Uncertainty | None = None
    _base: Any = PrivateAttr(None)  # folder that relative table paths start from (set by the loader)

    @field_validator("data", mode="before")
    @classmethod
    def _source_kind(cls, v: Any) -> Any:
        if isinstance(v, dict) and "store" in v and isinstance(v["store"], dict):
            return {**v["store"], "store": True, **{k: x for k, x in v.items() if k != "store"}}
        return v

    # -- the tree ------------------------------------------------------------------------------------
    def nodes(self) -> list[Node]:
        """Every node, children before parents (leaves in the order written)."""
        out: list[Node] = []

        def walk(n: Node) -> None:
            for c in n.children or []:
                walk(c)
            out.append(n)

        walk(self.index)
        return out

    def indicators(self) -> list[Node]:
        return [n for n in self.nodes() if n.is_indicator]

    def node_levels(self) -> dict[str, int]:
        """Level of every node: 1 for indicators, 1 + the highest child level for an aggregate."""
        lev: dict[str, int] = {}
        for n in self.nodes():
            lev[n.id] = 1 if n.is_indicator else 1 + max(lev[c.id] for c in n.children or [])
        return lev

    def level_names(self) -> list[str]:
        top = max(self.node_levels().values())
        if self.levels:
            return list(self.levels)
        middle = ["Pillar"] + [f"Level {k}" for k in range(3, top)]
        return (["Indicator"] + middle[: top - 2] + ["Index"]) if top > 1 else ["Indicator"]

    def problems(self) -> list[tuple[tuple, str]]:
        """Cross-field problems as (location, message): the loader turns each location into a file line."""
        out: list[tuple[tuple, str]] = []
        seen: dict[str, tuple] = {}

        def walk(n: Node, loc: tuple) -> None:
            if n.id in seen:
                out.append(((*loc, "id"), f"node id {n.id!r} is used twice"))
            seen[n.id] = loc
            for i, c in enumerate(n.children or []):
                walk(c, (*loc, "children", i))

        walk(self.index, ("index",))
        if self.index.is_indicator:
            out.append((("index",), "the top node needs children"))
            return out
        top = max(self.node_levels().values())
        if self.levels is not None and len(self.levels) != top:
            out.append((("levels",), f"the hierarchy has {top} levels but {len(self.levels)} names are given"))
        names = self.level_names()
        for lv in self.steps.aggregate.levels:
            if lv not in names:
                out.append((("steps", "aggregate", "levels", lv), f"unknown level {lv!r}; levels are {', '.join(names)}"))
        u = self.uncertainty
        for i, w in enumerate(u.weights if u else []):
            for lv in w.levels:
                if lv not in names:
                    out.append((("uncertainty", "weights", i, "levels"), f"unknown level {lv!r}; levels are {', '.join(names)}"))
            for node in [*w.nodes, *w.ranges]:
                if node not in seen:
                    out.append((("uncertainty", "weights", i), f"unknown node {node!r}"))
        dens = set(self.data.denominator_columns if isinstance(self.data, TableSource) else self.data.denominators)
        for n in self.indicators():
            if n.denominator and n.denominator not in dens:
                out.append(((*seen[n.id], "denominator"), f"{n.denominator!r} is not declared under data "
                            f"({'denominator_columns' if isinstance(self.data, TableSource) else 'denominators'})"))
        out += self._mean_problems()
        return out

    def _mean_problems(self) -> list[tuple[tuple, str]]:
        """Geometric and harmonic means need positive values: refuse a normalisation that can give zero.

        Checked for the nominal pair and for every pair the Monte Carlo can draw."""
        u = self.uncertainty
        agg = self.steps.aggregate
        nominal_aggs = {agg.method, *agg.levels.values()}
        norms = [(("steps", "normalise"), self.steps.normalise, nominal_aggs)]
        mc_norms = [(("uncertainty", "normalise", i), s) for i, s in enumerate(u.normalise)] if u and u.normalise else \
            [(("steps", "normalise"), self.steps.normalise)]
        mc_aggs = set(u.aggregate) if u and u.aggregate else nominal_aggs
        if u and (u.normalise or u.aggregate):
            norms += [(loc, s, mc_aggs) for loc, s in mc_norms]
        out: dict[tuple, str] = {}
        for loc, spec, aggs in norms:
            bad = sorted(set(aggs) & {"geometric", "harmonic"})
            if bad and spec.method != "none" and spec.can_be_nonpositive():
                rng = f" to {list(spec.range)}" if spec.method == "minmax" else ""
                out[loc] = (f"{' and '.join(bad)} aggregation needs positive scores, but {spec.method} normalisation"
                            f"{rng} can give zero or less (use minmax with range [1, 100], or rank)")
        return list(out.items())
