"""Read framework files: YAML → validated ``Framework``, with errors that name the file, the line and the field.

Built-in frameworks ship in ``compare/index/builtin`` and are found by id (``beijing-hubs``); any other
argument is a path. Files are parsed with PyYAML's safe loader; aliases are counted first and a file with
more than a few is refused, because an alias is expanded wherever it is used and a handful of nested ones
can make a small file expand to gigabytes.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from ...errors import PlanwatchError
from .framework import Framework

#: Aliases allowed in one framework file (enough to reuse a block; far too few to explode).
MAX_ALIASES = 20


class FrameworkFileError(PlanwatchError):
    """A framework file that does not validate; each problem names file, line and field."""

    def __init__(self, path: str, problems: list[tuple[int | None, str, str]]):
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  {path}:{line if line is not None else '?'}: {field}: {msg}" for line, field, msg in problems)
        super().__init__(f"{path}: invalid framework file ({len(problems)} problem(s)):\n{lines}")


def _count_aliases(text: str, name: str) -> None:
    import yaml

    count = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                count += 1
                if count > MAX_ALIASES:
                    line = event.start_mark.line + 1
                    raise FrameworkFileError(name, [(line, "(aliases)", f"more than {MAX_ALIASES} YAML aliases; "
                                                     "write the repeated blocks out instead")])
    except yaml.YAMLError:
        return  # the syntax error is reported, with its line, by the full parse


def parse_framework_text(text: str, name: str = "<framework>", base: Path | None = None) -> Framework:
    """Parse and validate framework YAML. ``base`` is the folder relative table paths start from."""
    import yaml
    from pydantic import ValidationError

    from ...plans.loader import _line_for, _line_index

    _count_aliases(text, name)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise FrameworkFileError(name, [(mark.line + 1 if mark else None, "(syntax)", str(getattr(exc, "problem", exc)))]) from None
    if not isinstance(data, dict):
        raise FrameworkFileError(name, [(1, "(document)", "a framework file is a mapping with id, title, data, index, …")])
    index = _line_index(node) if node is not None else {}
    try:
        fw = Framework.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = _clean_loc(err["loc"])
            problems.append((_line_for(index, loc), ".".join(str(p) for p in loc) or "(framework)", err["msg"]))
        raise FrameworkFileError(name, problems) from None
    problems = [(_line_for(index, loc), ".".join(str(p) for p in loc), msg) for loc, msg in fw.problems()]
    problems += _check_store_ids(fw, index)
    if problems:
        raise FrameworkFileError(name, problems)
    fw._base = base
    return fw


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-branch and validator labels so a location is a path into the YAML."""
    out = []
    for p in loc:
        if isinstance(p, str) and (p.startswith("function-") or p in ("TableSource", "StoreSource", "tuple[float, float]")):
            continue
        out.append(p)
    return tuple(out)


def _check_store_ids(fw: Framework, index: dict) -> list[tuple[int | None, str, str]]:
    """A store framework names catalogue indicators and regions; say which ids are unknown, with lines."""
    from ...plans.catalogue import load_catalogue
    from ...plans.loader import _line_for
    from .framework import StoreSource

    if not isinstance(fw.data, StoreSource):
        return []
    cat = load_catalogue()
    out = []
    for i, u in enumerate(fw.data.units):
        if u not in cat.regions:
            out.append((_line_for(index, ("data", "units", i)), f"data.units.{i}", f"unknown region {u!r} (see `planwatch regions`)"))
    for i, u in enumerate(fw.data.reference_units):
        if u not in cat.regions:
            out.append((_line_for(index, ("data", "reference_units", i)), f"data.reference_units.{i}", f"unknown region {u!r}"))
    for name, ind in fw.data.denominators.items():
        if ind not in cat.indicators:
            out.append((_line_for(index, ("data", "denominators", name)), f"data.denominators.{name}",
                        f"unknown indicator {ind!r} (see `planwatch indicators`)"))
    path = _node_paths(fw)
    for n in fw.indicators():
        ind = n.indicator or n.id
        if ind not in cat.indicators:
            loc = (*path[n.id], "indicator" if n.indicator else "id")
            out.append((_line_for(index, loc), ".".join(map(str, loc)), f"unknown store indicator {ind!r} (see `planwatch indicators`)"))
    return out


def _node_paths(fw: Framework) -> dict[str, tuple]:
    paths: dict[str, tuple] = {}

    def walk(n: Any, loc: tuple) -> None:
        paths[n.id] = loc
        for i, c in enumerate(n.children or []):
            walk(c, (*loc, "children", i))

    walk(fw.index, ("index",))
    return paths


def load_framework_file(path: str | os.PathLike) -> Framework:
    from ...plans.loader import read_text_file

    p = Path(path)
    return parse_framework_text(read_text_file(p, "framework file", FrameworkFileError), str(p), base=p.resolve().parent)


def builtin_frameworks() -> dict[str, Any]:
    folder = resources.files("planwatch.compare.index") / "builtin"
    return {f.name.rsplit(".", 1)[0]: f for f in folder.iterdir() if f.name.endswith((".yaml", ".yml"))}


def get_framework(name: str) -> Framework:
    """A built-in framework by id, or a framework file by path."""
    builtin = builtin_frameworks()
    if name in builtin:
        return parse_framework_text(builtin[name].read_text(encoding="utf-8"), f"builtin:{name}")
    if name.endswith((".yaml", ".yml", ".json")) or os.sep in name or Path(name).is_file():
        return load_framework_file(name)
    raise PlanwatchError(f"unknown framework {name!r}: give a framework file, or one of: {', '.join(sorted(builtin))}")
