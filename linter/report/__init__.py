"""Stage 6: report findings: text and an HTML page for people; JSON, SARIF, GitHub annotations and JUnit for tools.

Each format's module is imported when that format is first used: a text run (every pre-commit
hook) does not pay for the HTML page's, SARIF's or JUnit's imports (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

_MODULES = {
    "text": "text", "concise": "text", "json": "json_format", "sarif": "sarif", "github": "github", "junit": "junit", "html": "html",
}
HUMAN_FORMATS = ("text", "concise")  # they take summary= and unsafe_fixes= too


def _renderer(name: str) -> Callable[..., str]:
    return getattr(import_module(f"linter.report.{_MODULES[name]}"), f"render_{name}")


def _on_first_use(name: str) -> Callable[..., str]:
    def render(result: Any, color: bool = False, **options: Any) -> str:
        return _renderer(name)(result, color, **options)

    return render


FORMATS = {name: _on_first_use(name) for name in _MODULES}


def __getattr__(attribute: str) -> Callable[..., str]:
    """``from linter.report import render_json`` still works, importing that format only."""
    name = attribute.removeprefix("render_")
    if attribute.startswith("render_") and name in _MODULES:
        return _renderer(name)
    raise AttributeError(f"module 'linter.report' has no attribute {attribute!r}")


__all__ = ["FORMATS", "HUMAN_FORMATS"]
