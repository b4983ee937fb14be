"""The package's import graph has no cycles, including those hidden by imports inside functions.

Every module under ``linter/`` is parsed (never imported) and every import it makes is an edge:
at module level and inside functions, classes and ``try`` blocks alike, since a function-level
import that closes a cycle is still a cycle, only one that shows up later, at run time. Imports
under ``if TYPE_CHECKING:`` are left out: they never run, they only name types for mypy.

An import names a module: ``import linter.a.b`` and ``from linter.a import b`` (when ``b`` is a
module of package ``linter.a``) both point at ``linter.a.b``; ``from linter.a import name`` points
at ``linter.a`` (its ``__init__``). Relative imports are resolved against the importing module's
package. Imports of anything outside ``linter`` are ignored.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "linter"

def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that can run: all of them but those in the body of ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)  # the else branch does run
            continue
        pending.extend(ast.iter_child_nodes(node))
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that module ``name`` (the file ``path``) imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            base = ".".join([*anchor, *([base] if base else [])])
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            targets.add(submodule if submodule in known else base)
    return {target for target in targets if target in known and target != name}


def import_graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(name, path, set(found)) for name, path in found.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle, as the modules along it with the first repeated at the end, or None."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        stack = [(start, iter(sorted(graph[start])))]
        path.append(start)
        on_path.add(start)
        while stack:
            node, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
            elif target in on_path:
                return [*path[path.index(target):], target]
            elif target not in done:
                stack.append((target, iter(sorted(graph[target]))))
                path.append(target)
                on_path.add(target)
    return None


def test_the_graph_sees_function_level_and_relative_imports(tmp_path: Path) -> None:
    """The parser itself: imports inside functions count, TYPE_CHECKING ones do not, relative and
    ``from package import module`` imports resolve to the module."""
    source = tmp_path / "mod.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import fixes\n"
        "from .report import summary, FORMATS\n"
        "if TYPE_CHECKING:\n"
        "    from linter.plan import CheckOptions\n"
        "def later():\n"
        "    import linter.baseline\n"
        "    from linter.checks import narrate\n",
        encoding="utf-8",
    )
    known = {
        "linter", "linter.fixes", "linter.report", "linter.report.summary", "linter.plan", "linter.baseline", "linter.checks", "linter.checks.narrate"
    }
    assert imports_of("linter.mod", source, known) == {
        "linter.fixes", "linter.report", "linter.report.summary", "linter.baseline", "linter.checks.narrate"
    }


def test_find_cycle_names_the_modules_along_it() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_package_has_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])
