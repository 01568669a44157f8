"""The extract package's module structure: every module imports, none is past ~800 lines, and the imports
between its modules run one way (no cycles), so each responsibility can be read and tested on its own."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import planwatch.extract

PACKAGE = Path(planwatch.extract.__file__).parent
MAX_LINES = 800


def _modules() -> list[str]:
    return sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


def _imports(name: str) -> set[str]:
    """Sibling modules that ``name`` imports at module level (lazy imports inside functions are left out)."""
    tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                out.add(node.module.split(".")[0])
            else:
                out.update(a.name for a in node.names)
    return out & set(_modules())


def test_every_module_imports_and_is_small():
    for name in _modules():
        importlib.import_module(f"planwatch.extract.{name}")
        lines = (PACKAGE / f"{name}.py").read_text(encoding="utf-8").count("\n")
        assert lines <= MAX_LINES, f"{name}.py has {lines} lines; split it by responsibility"


def test_module_imports_have_no_cycle():
    graph = {name: _imports(name) for name in _modules()}
    done: set[str] = set()
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, "import cycle: " + " → ".join((*path, name))
        if name in done:
            return
        for dep in sorted(graph[name]):
            visit(dep, (*path, name))
        done.add(name)
        order.append(name)

    for name in graph:
        visit(name, ())
    assert order.index("patterns") < order.index("engine")
    # the engine is the top: nothing in the package imports it at module level
    assert not [n for n, deps in graph.items() if "engine" in deps]


def test_public_api_unchanged():
    """The split moved code between private modules only: the package exports what it exported before."""
    expected = "Draft DraftFact DraftGoal DraftTarget DraftTask MAX_DOCUMENT_BYTES draft_plan evaluate"
    expected += " extract_corpus extract_text format_evaluation read_document"
    assert sorted(planwatch.extract.__all__) == sorted(expected.split())
    assert all(hasattr(planwatch.extract, name) for name in planwatch.extract.__all__)
