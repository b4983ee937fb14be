"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Columns are Unicode code points (``columnKind: unicodeCodePoints``), as in every
factlint output. ``partialFingerprints`` survive edits elsewhere in the file
(see linter/fingerprints.py).
"""

from __future__ import annotations

import json

from linter import __version__
from linter.fingerprints import fingerprints
from linter.result import RunResult
from linter.segment.sentences import first_sentence

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(result: RunResult, color: bool = False) -> str:
    rules = sorted(result.rules, key=lambda rule: rule.id)
    index = {rule.id: position for position, rule in enumerate(rules)}
    prints = fingerprints(result.findings, result.documents)
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
            "partialFingerprints": {"factlintFinding/v1": prints[position]},
            "properties": {"evidence": list(f.evidence), "facts": [note.text for note in f.facts]},
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
                        "shortDescription": {"text": first_sentence(rule.description)},
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
