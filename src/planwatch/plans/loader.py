"""Read plan files: YAML → validated ``Plan``, with errors that name the file, the line and the field.

Built-in plans ship in ``plans/builtin``; plans a user adds (``planwatch plan add``) live in the user's
data directory and are found by id the same way.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import CatalogueFileError, PlanFileError, PlanwatchError
from .model import Plan
from .yamlfile import line_for, line_index, problems_from
from .yamlfile import load as load_yaml

_line_index = line_index  # kept for the framework loader
_line_for = line_for


def parse_plan_text(text: str, name: str = "<plan>", store=None, check: bool = True) -> Plan:
    """Parse and validate plan YAML (or JSON, a subset of YAML) against the catalogue of ``store``."""
    from pydantic import ValidationError

    data, index = load_yaml(text, name, PlanFileError)
    if not isinstance(data, dict):
        raise PlanFileError(name, [(1, "(document)", "a plan file is a mapping with id, title, targets, …")])
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise PlanFileError(name, problems_from(exc, index, "(plan)")) from None
    if check:
        _check_against_catalogue(plan, name, index, store)
    return plan


def _check_against_catalogue(plan: Plan, name: str, index: dict[tuple, int], store=None) -> None:
    from ..units import compatible, is_known_unit
    from .catalogue import catalogue_for

    try:
        cat = catalogue_for(plan, store)
    except PlanwatchError as exc:
        raise PlanFileError(name, [(_line_for(index, ("indicators",)), "(declarations)", str(exc))]) from None
    problems = []
    if plan.region not in cat.regions:
        problems.append((_line_for(index, ("region",)), "region",
                         f"unknown region {plan.region!r} (declare it under `regions:` or see `planwatch regions`)"))
    for i, d in enumerate(plan.indicators):
        if not is_known_unit(d.unit) and not d.unit.strip():
            problems.append((_line_for(index, ("indicators", i, "unit")), f"indicators.{i}.unit", "empty unit"))
    for i, t in enumerate(plan.targets):
        where = ("targets", i)
        ind = cat.indicators.get(t.indicator)
        if ind is None:
            problems.append((_line_for(index, (*where, "indicator")), f"targets.{i}.indicator",
                             f"unknown indicator {t.indicator!r} (declare it under `indicators:` or see "
                             "`planwatch indicators`)"))
        elif t.measure not in ("average_annual_growth", "change_from_base", "rank") and not compatible(t.unit, ind.unit):
            problems.append((_line_for(index, (*where, "unit")), f"targets.{i}.unit",
                             f"unit {t.unit!r} does not fit indicator {ind.id} (measured in {ind.unit})"))
        elif t.measure in ("average_annual_growth", "change_from_base") and not compatible(t.unit, "%"):
            problems.append((_line_for(index, (*where, "unit")), f"targets.{i}.unit",
                             f"a {t.measure} target is stated in % (got {t.unit!r})"))
        if t.region and t.region not in cat.regions:
            problems.append((_line_for(index, (*where, "region")), f"targets.{i}.region",
                             f"unknown region {t.region!r}"))
        if t.peer_group and t.peer_group not in cat.peer_groups:
            problems.append((_line_for(index, (*where, "peer_group")), f"targets.{i}.peer_group",
                             f"unknown peer group {t.peer_group!r}"))
    if problems:
        raise PlanFileError(name, problems)


def read_text_file(p: Path, what: str, file_error: type[PlanwatchError] = PlanFileError) -> str:
    """A UTF-8 file's text; a missing, unreadable or non-UTF-8 file is a one-line user error."""
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanwatchError(f"no such {what}: {p}") from None
    except UnicodeDecodeError:
        raise file_error(str(p), [(None, "(file)", "not UTF-8 text")]) from None  # type: ignore[call-arg]
    except OSError as exc:
        raise PlanwatchError(f"cannot read {p}: {exc.strerror}") from None


def load_plan_file(path: str | os.PathLike, store=None) -> Plan:
    p = Path(path)
    return parse_plan_text(read_text_file(p, "plan file"), str(p), store)


def user_plans_dir() -> Path:
    """Where plans added before plans lived in the store were kept (still read, never written)."""
    from ..store.db import data_dir

    return data_dir() / "plans"


def _builtin_files() -> dict[str, Any]:
    folder = resources.files("planwatch.plans") / "builtin"
    return {f.name.rsplit(".", 1)[0]: f for f in folder.iterdir() if f.name.endswith((".yaml", ".yml"))}


@lru_cache(maxsize=8)
def _builtin_plan(plan_id: str) -> Plan:
    return parse_plan_text(_builtin_files()[plan_id].read_text(encoding="utf-8"), f"builtin:{plan_id}")


def builtin_ids() -> list[str]:
    return sorted(_builtin_files())


@lru_cache(maxsize=1)
def builtin_declarations():
    """(origin, declarations) of the built-in plans, read without the catalogue check (they extend it)."""
    out = []
    for pid, f in sorted(_builtin_files().items()):
        plan = parse_plan_text(f.read_text(encoding="utf-8"), f"builtin:{pid}", check=False)
        out.append((f"built-in plan {pid}", plan.declarations()))
    return tuple(out)


def stored_declarations(store):
    """(origin, declarations) of every plan and catalogue file added to a store, oldest first."""
    from .entries import Declarations

    out = []
    for doc in store.documents():
        origin = f"{doc['kind']} {doc['key']}"
        data, _ = load_yaml(doc["text"], origin, PlanFileError)
        if doc["kind"] == "plan":
            out.append((origin, Plan.model_validate(data).declarations()))
        else:
            out.append((origin, Declarations.model_validate(data)))
    return out


def plan_ids(store=None) -> list[tuple[str, str]]:
    """All known plans as (id, origin), built-in first."""
    out = [(pid, "built-in") for pid in builtin_ids()]
    seen = set(builtin_ids())
    if store is not None:
        for doc in store.documents("plan"):
            out.append((doc["key"], f"added {doc['added_at']:%Y-%m-%d}" + (f" by {doc['added_by']}" if doc["added_by"] else "")))
            seen.add(doc["key"])
    udir = user_plans_dir()
    if udir.is_dir():
        out += [(f.stem, str(f)) for f in sorted(udir.glob("*.yaml")) if f.stem not in seen]
    return out


DEFAULT_PLAN = "beijing-istic-2025"


def get_plan(plan_id: str = DEFAULT_PLAN, store=None) -> Plan:
    """A plan by id (built-in, added to the store, or in the old user folder), or by path to a plan file."""
    if plan_id in _builtin_files():
        return _builtin_plan(plan_id)
    if store is not None and len(plan_id) <= 100:
        doc = store.document("plan", plan_id)
        if doc is not None:
            return parse_plan_text(doc["text"], f"plan {plan_id}", store)
    if len(plan_id) <= 100 and "/" not in plan_id:
        user = user_plans_dir() / f"{plan_id}.yaml"
        if user.is_file():
            return load_plan_file(user, store)
    if plan_id.endswith((".yaml", ".yml", ".json")) or os.sep in plan_id:
        return load_plan_file(plan_id, store)
    known = ", ".join(pid for pid, _ in plan_ids(store))
    shown = plan_id if len(plan_id) <= 60 else plan_id[:60] + "…"
    raise PlanwatchError(f"unknown plan {shown!r}; known plans: {known}")


def add_plan(path: str | os.PathLike, store, replace: bool = False, added_by: str | None = None) -> Plan:
    """Validate a plan file against the store's catalogue and keep it in the store under its id.

    An id already taken is refused unless ``replace`` (the earlier version stays in the store's history)."""
    p = Path(path)
    text = read_text_file(p, "plan file")
    return add_plan_text(text, str(p), store, replace, added_by)


def add_plan_text(text: str, origin: str, store, replace: bool = False, added_by: str | None = None) -> Plan:
    plan = parse_plan_text(text, origin, store)
    if plan.id in _builtin_files():
        raise PlanwatchError(f"plan id {plan.id!r} is taken by a built-in plan; choose another id")
    existing = store.document("plan", plan.id)
    if existing is not None and not replace and existing["text"] != text:
        raise PlanwatchError(f"a plan with id {plan.id!r} is already in the store (added {existing['added_at']:%Y-%m-%d} "
                             f"from {existing['origin']}); use --replace to replace it (the old version is kept in "
                             "the store's history)")
    store.add_document("plan", plan.id, text, origin, added_by)
    return plan


def add_catalogue(path: str | os.PathLike, store, added_by: str | None = None):
    """Validate a catalogue file (indicators, regions, peer groups, unit aliases) and keep it in the store."""
    from pydantic import ValidationError

    from .catalogue import store_catalogue
    from .entries import Declarations

    p = Path(path)
    text = read_text_file(p, "catalogue file")
    data, index = load_yaml(text, str(p), CatalogueFileError)
    if not isinstance(data, dict):
        raise CatalogueFileError(str(p), [(1, "(document)", "a catalogue file is a mapping with indicators, regions, …")])
    try:
        decl = Declarations.model_validate(data)
    except ValidationError as exc:
        raise CatalogueFileError(str(p), problems_from(exc, index, "(catalogue)")) from None
    store_catalogue(store).merged(decl, str(p))  # refuses a conflicting redefinition
    store.add_document("catalogue", p.name, text, str(p.resolve()), added_by)
    return decl


def json_schema() -> str:
    return json.dumps(Plan.model_json_schema(), indent=2, ensure_ascii=False)
