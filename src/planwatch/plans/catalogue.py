"""The catalogue: what each indicator means, in which unit, with which caveats; regions; peer groups.

One catalogue serves import, status, reports and the API. It is the built-in catalogue (YAML beside the
code, ``plans/data``, so analysts can correct definitions without touching Python), plus what the
built-in plans declare, plus every declaration stored with the plans and catalogue files added to a
store (``planwatch plan add``, ``planwatch catalogue add``). A declaration that redefines an existing
id with another meaning (unit dimension, kind, bases, breaks, links) is refused with a clear message;
repeating the same meaning in other words is fine.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel

from ..errors import PlanwatchError
from .entries import Basis, Declarations, Indicator, PeerGroup, Region, SeriesBreak, Text  # noqa: F401  (re-exported)


class Catalogue(BaseModel):
    indicators: dict[str, Indicator]
    regions: dict[str, Region]
    peer_groups: dict[str, PeerGroup]
    units: dict[str, str] = {}

    def indicator(self, indicator_id: str) -> Indicator:
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise PlanwatchError(f"unknown indicator {indicator_id!r}; see `planwatch indicators`") from None

    def region(self, region_id: str) -> Region:
        try:
            return self.regions[region_id]
        except KeyError:
            raise PlanwatchError(f"unknown region {region_id!r}; see `planwatch regions`") from None

    def merged(self, decl: Declarations, origin: str) -> Catalogue:
        """This catalogue plus ``decl``; a conflicting redefinition is refused, naming both origins."""
        from ..units import is_known_unit, register_alias, register_opaque

        indicators, regions, groups = dict(self.indicators), dict(self.regions), dict(self.peer_groups)
        units = dict(self.units)
        for alias, unit in decl.units.items():
            if not is_known_unit(unit):
                raise PlanwatchError(f"{origin}: unit alias {alias!r} names {unit!r}, which is not a unit planwatch knows")
            register_alias(alias, unit)
            units[alias] = unit
        for new, table, what in ((decl.indicators, indicators, "indicator"), (decl.regions, regions, "region"),
                                 (decl.peer_groups, groups, "peer group")):
            for item in new:
                old = table.get(item.id)
                if old is not None and old.essence() != item.essence():
                    diff = {k: (v, item.essence()[k]) for k, v in old.essence().items() if item.essence()[k] != v}
                    raise PlanwatchError(f"{origin}: {what} {item.id!r} is already defined with another meaning "
                                         f"({', '.join(f'{k}: {a!r} here {b!r}' for k, (a, b) in diff.items())}); "
                                         "use a new id, or the existing definition as it is")
                table.setdefault(item.id, item)
        for i in decl.indicators:
            if not is_known_unit(i.unit):  # a unit of its own: stored and compared as written, never converted
                register_opaque(i.unit)
        return Catalogue(indicators=indicators, regions=regions, peer_groups=groups, units=units)


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The built-in catalogue: the YAML files and what the built-in plans declare."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: this runs on every start
    data_dir = resources.files("planwatch.plans") / "data"
    ind = yaml.load((data_dir / "indicators.yaml").read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    reg = yaml.load((data_dir / "regions.yaml").read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    cat = Catalogue(
        indicators={i["id"]: Indicator(**i) for i in ind["indicators"]},
        regions={r["id"]: Region(**r) for r in reg["regions"]},
        peer_groups={g["id"]: PeerGroup(**g) for g in reg.get("peer_groups", [])},
    )
    from .loader import builtin_declarations

    for origin, decl in builtin_declarations():
        cat = cat.merged(decl, origin)
    return cat


def with_declarations(base: Catalogue, docs: Iterable[tuple[str, Declarations]]) -> Catalogue:
    cat = base
    for origin, decl in docs:
        cat = cat.merged(decl, origin)
    return cat


def store_catalogue(store) -> Catalogue:
    """The built-in catalogue plus every plan and catalogue file added to this store."""
    if store is None:
        return load_catalogue()
    from .loader import stored_declarations

    return with_declarations(load_catalogue(), stored_declarations(store))


def catalogue_for(plan, store=None) -> Catalogue:
    """The catalogue a plan is read against: the store's (or the built-in one) plus the plan's own declarations."""
    base = store_catalogue(store)
    decl = plan.declarations()
    if not (decl.indicators or decl.regions or decl.peer_groups or decl.units):
        return base
    return base.merged(decl, f"plan {plan.id}")
