"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Columns are Unicode code points (``columnKind: unicodeCodePoints``), as in every
factlint output. ``partialFingerprints`` identify a finding by its rule, the
text it points at and the text around it within its paragraph, plus its rank
among identical ones, so they survive edits elsewhere in the file.
"""

from __future__ import annotations

import hashlib
import json

from linter import __version__
from linter.findings import Finding
from linter.runner import RunResult
from linter.source.document import Document

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_CONTEXT = 40  # characters either side of the span that identify a finding


def render_sarif(result: RunResult, color: bool = False) -> str:
    rules = sorted(result.rules, key=lambda rule: rule.id)
    index = {rule.id: position for position, rule in enumerate(rules)}
    fingerprints = _fingerprints(result)
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.path)},
                        "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column},
                    }
                }
            ],
            "partialFingerprints": {"factlintFinding/v1": fingerprints[position]},
            "properties": {"evidence": list(f.evidence)},
        }
        for position, f in enumerate(result.findings)
    ]
    run = {
        "tool": {
            "driver": {
                "name": "factlint",
                "version": __version__,
                "informationUri": "https://github.com/factlint/factlint",
                "rules": [
                    {
                        "id": rule.id,
                        "name": rule.id,
                        "shortDescription": {"text": rule.description.strip().splitlines()[0]},
                        "fullDescription": {"text": " ".join(rule.description.split())},
                        "help": {"text": f"{' '.join(rule.description.split())}\n\nRun 'factlint explain {rule.id}' for examples."},
                        "defaultConfiguration": {"level": LEVELS[rule.severity]},
                        "properties": {"kind": rule.kind_name},
                    }
                    for rule in rules
                ],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not result.problems,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": str(problem)}} for problem in result.problems
                ],
            }
        ],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"


def _uri(path: str) -> str:
    return path.replace("\\", "/")


def _fingerprints(result: RunResult) -> list[str]:
    """One per finding: hash of rule, span text and nearby text, with a rank among equal ones."""
    seen: dict[str, int] = {}
    prints = []
    for finding in result.findings:
        digest = hashlib.sha256(_identity(finding, result.documents.get(finding.path)).encode()).hexdigest()[:32]
        rank = seen.get(digest, 0)
        seen[digest] = rank + 1
        prints.append(f"{digest}:{rank}")
    return prints


def _identity(finding: Finding, document: Document | None) -> str:
    if document is None:
        return f"{finding.rule}\0{finding.path}\0{finding.message}"
    text, span = document.text, finding.span
    block = next((b for b in document.blocks if b.start <= span.start < b.end), None)
    low, high = (block.start, block.end) if block else (0, len(text))  # never reach into another paragraph
    before = " ".join(text[max(low, span.start - _CONTEXT) : span.start].split())
    after = " ".join(text[span.end : min(high, span.end + _CONTEXT)].split())
    return f"{finding.rule}\0{finding.path}\0{text[span.start:span.end]}\0{before}\0{after}"
