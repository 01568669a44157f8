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

from ..errors import PlanFileError, PlanwatchError
from .model import Plan


def _line_index(node: Any, path: tuple = ()) -> dict[tuple, int]:
    """Map every key path in a YAML node tree to its 1-based line, so pydantic errors can point at lines."""
    import yaml

    index: dict[tuple, int] = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, key.value)
            index[sub] = key.start_mark.line + 1
            for k, v in _line_index(value, sub).items():
                if k != sub:
                    index[k] = v
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            index.update(_line_index(item, (*path, i)))
    return index


def _line_for(index: dict[tuple, int], loc: tuple) -> int | None:
    loc = tuple(loc)
    while loc:
        if loc in index:
            return index[loc]
        loc = loc[:-1]
    return index.get(())


def parse_plan_text(text: str, name: str = "<plan>") -> Plan:
    """Parse and validate plan YAML (or JSON, a subset of YAML)."""
    import yaml
    from pydantic import ValidationError

    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise PlanFileError(name, [(line, "(syntax)", str(getattr(exc, "problem", exc)))]) from None
    if not isinstance(data, dict):
        raise PlanFileError(name, [(1, "(document)", "a plan file is a mapping with id, title, targets, …")])
    index = _line_index(node) if node is not None else {}
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            field = ".".join(str(p) for p in loc) or "(plan)"
            problems.append((_line_for(index, loc), field, err["msg"]))
        raise PlanFileError(name, problems) from None
    _check_against_catalogue(plan, name, index)
    return plan


def _check_against_catalogue(plan: Plan, name: str, index: dict[tuple, int]) -> None:
    from ..units import compatible, is_known_unit
    from .catalogue import catalogue_for

    cat = catalogue_for(plan)
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


def load_plan_file(path: str | os.PathLike) -> Plan:
    p = Path(path)
    return parse_plan_text(read_text_file(p, "plan file"), str(p))


def user_plans_dir() -> Path:
    from ..store.db import data_dir

    return data_dir() / "plans"


def _builtin_files() -> dict[str, Any]:
    folder = resources.files("planwatch.plans") / "builtin"
    return {f.name.rsplit(".", 1)[0]: f for f in folder.iterdir() if f.name.endswith((".yaml", ".yml"))}


def plan_ids() -> list[tuple[str, str]]:
    """All known plans as (id, origin), built-in first."""
    out = [(pid, "built-in") for pid in sorted(_builtin_files())]
    udir = user_plans_dir()
    if udir.is_dir():
        out += [(f.stem, str(f)) for f in sorted(udir.glob("*.yaml"))]
    return out


DEFAULT_PLAN = "beijing-istic-2025"


@lru_cache(maxsize=16)
def get_plan(plan_id: str = DEFAULT_PLAN) -> Plan:
    """A plan by id (built-in or user-added), or by path to a plan file."""
    builtin = _builtin_files()
    if plan_id in builtin:
        return parse_plan_text(builtin[plan_id].read_text(encoding="utf-8"), f"builtin:{plan_id}")
    user = user_plans_dir() / f"{plan_id}.yaml"
    if user.is_file():
        return load_plan_file(user)
    if plan_id.endswith((".yaml", ".yml", ".json")) or os.sep in plan_id:
        return load_plan_file(plan_id)
    known = ", ".join(pid for pid, _ in plan_ids())
    raise PlanwatchError(f"unknown plan {plan_id!r}; known plans: {known}")


def add_plan(path: str | os.PathLike) -> Plan:
    """Validate a plan file and copy it into the user's plan folder under its id."""
    plan = load_plan_file(path)
    if plan.id in _builtin_files():
        raise PlanwatchError(f"plan id {plan.id!r} is taken by a built-in plan; choose another id")
    udir = user_plans_dir()
    udir.mkdir(parents=True, exist_ok=True)
    dest = udir / f"{plan.id}.yaml"
    tmp = dest.with_suffix(".tmp")
    tmp.write_text(Path(path).read_text(encoding="utf-8"), encoding="utf-8")
    tmp.replace(dest)
    get_plan.cache_clear()
    return plan


def json_schema() -> str:
    return json.dumps(Plan.model_json_schema(), indent=2, ensure_ascii=False)
