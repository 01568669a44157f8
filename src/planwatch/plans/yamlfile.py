"""YAML for plan, catalogue and framework files: safe, bounded, strict, and able to point at lines.

- Aliases are counted from the event stream before anything is built and a file with more than a few is
  refused: an alias is expanded wherever it is used, so a few hundred bytes of nested aliases can expand to
  gigabytes ("billion laughs").
- A key given twice in one mapping is an error (PyYAML would silently keep the last one).
- Every key path maps to its line, so validation errors name file:line:field.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

#: Aliases allowed in one file (enough to reuse a block; far too few to explode).
MAX_ALIASES = 20


def _safe():
    """libyaml's C parser when PyYAML was built with it (several times faster), else the Python one."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def _loader():
    import yaml

    class StrictLoader(_safe()):
        """A safe loader that refuses duplicate keys."""

    def construct_mapping(loader, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first on line {seen[key]})", key_node.start_mark)
            seen[key] = line
        return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return StrictLoader


def load(text: str, name: str, error: type) -> tuple[Any, dict[tuple, int]]:
    """(data, line index) of a YAML text; ``error(name, [(line, field, message)])`` for every problem."""
    import yaml

    count = 0
    try:
        for event in yaml.parse(text, Loader=_safe()):
            if isinstance(event, yaml.AliasEvent):
                count += 1
                if count > MAX_ALIASES:
                    raise error(name, [(event.start_mark.line + 1, "(aliases)", f"more than {MAX_ALIASES} YAML aliases; "
                                        "write the repeated blocks out instead")])
        node = yaml.compose(text, Loader=_safe())
        data = _loader()(text).get_single_data()  # a safe loader that refuses duplicate keys
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise error(name, [(mark.line + 1 if mark else None, "(syntax)", str(getattr(exc, "problem", exc)))]) from None
    return data, (line_index(node) if node is not None else {})


def line_index(node: Any, path: tuple = ()) -> dict[tuple, int]:
    """Map every key path in a YAML node tree to its 1-based line, so validation errors can point at lines."""
    import yaml

    index: dict[tuple, int] = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, key.value)
            index[sub] = key.start_mark.line + 1
            for k, v in line_index(value, sub).items():
                if k != sub:
                    index[k] = v
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            index.update(line_index(item, (*path, i)))
    return index


def line_for(index: dict[tuple, int], loc: tuple) -> int | None:
    loc = tuple(loc)
    while loc:
        if loc in index:
            return index[loc]
        loc = loc[:-1]
    return index.get(())


def problems_from(exc, index: dict[tuple, int], root: str) -> list[tuple[int | None, str, str]]:
    """A pydantic ValidationError as (line, field, message) problems."""
    out = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        out.append((line_for(index, loc), ".".join(str(p) for p in loc) or root, err["msg"]))
    return out
