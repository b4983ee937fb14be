"""JSON output: a contract for tools (documented in docs/cli.md).

Lines and columns are 1-based and count characters; the end is exclusive, as in SARIF.
A finding's ``fix`` (null when it has none) is modelled on Ruff's JSON.
"""

from __future__ import annotations

import json

from linter import __version__
from linter.findings import Fix
from linter.result import RunResult, summarise
from linter.source.document import Document


def render_json(result: RunResult, color: bool = False) -> str:
    findings = [
        {
            "path": f.path,
            "line": f.line,
            "column": f.column,
            "end_line": f.end_line,
            "end_column": f.end_column,
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message,
            "evidence": list(f.evidence),
            "facts": [note.as_dict() for note in f.facts],
            "fix": _fix(f.fix, result.documents[f.path]) if f.fix else None,
        }
        for f in result.findings
    ]
    problems = [
        {
            "path": p.location.path if p.location else None,
            "line": p.location.line if p.location else None,
            "column": p.location.column if p.location else None,
            "message": p.message,
        }
        for p in result.problems
    ]
    files = [{"path": path, "date": result.dates[path].as_dict()} for path in result.checked_paths]
    payload = {"version": __version__, "findings": findings, "problems": problems, "files": files, "summary": summarise(result)}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _fix(fix: Fix, document: Document) -> dict:
    """Modelled on Ruff's: its applicability, what it does, and its edits (end exclusive)."""
    (line, column), (end_line, end_column) = document.position(fix.span.start), document.position(fix.span.end)
    return {
        "applicability": "safe" if fix.safe else "unsafe",
        "message": f"Replace '{document.text[fix.span.start:fix.span.end]}' with '{fix.replacement}'",
        "edits": [
            {"start": {"line": line, "column": column}, "end": {"line": end_line, "column": end_column}, "content": fix.replacement}
        ],
    }
