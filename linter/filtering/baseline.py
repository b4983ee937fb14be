"""Baselines: adopt factlint on an archive without first fixing every old finding.

``--write-baseline FILE`` records the findings of a run; ``--baseline FILE``
then reports only findings that are not in it. Entries are keyed by file, rule
and the matched text with its context (linter/fingerprints.py), not by line, so
edits elsewhere do not resurrect old findings; a finding whose own text changes
is new.
"""

from __future__ import annotations

import json
from pathlib import Path

from linter.atomic import write_atomically
from linter.errors import Location, UserError
from linter.fingerprints import fingerprints
from linter.result import RunResult

FORMAT = 1


def write_baseline(path: Path, result: RunResult) -> int:
    """Write the run's findings as a baseline (atomically); returns how many were written."""
    entries = [
        {"path": f.path, "rule": f.rule, "fingerprint": print_, "line": f.line, "message": f.message}
        for f, print_ in zip(result.findings, fingerprints(result.findings, result.documents), strict=True)
    ]
    text = json.dumps({"factlint_baseline": FORMAT, "findings": entries}, indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise UserError(f"cannot write the baseline: {error.strerror}", Location(str(path))) from None
    return len(entries)


def apply_baseline(path: Path, result: RunResult) -> int:
    """Drop the findings recorded in the baseline; returns how many were dropped."""
    known = _read(path)
    prints = fingerprints(result.findings, result.documents)
    kept = [f for f, print_ in zip(result.findings, prints, strict=True) if (f.path, f.rule, print_) not in known]
    dropped = len(result.findings) - len(kept)
    result.findings = kept
    return dropped


def _read(path: Path) -> set[tuple[str, str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError("baseline not found (create it with --write-baseline)", Location(str(path))) from None
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"cannot read the baseline: {error}", Location(str(path))) from None
    except json.JSONDecodeError as error:
        raise UserError(f"not a factlint baseline: {error.msg}", Location(str(path), error.lineno, error.colno)) from None
    if not isinstance(data, dict) or data.get("factlint_baseline") != FORMAT or not isinstance(data.get("findings"), list):
        raise UserError(f"not a factlint baseline (expected 'factlint_baseline': {FORMAT} and a 'findings' list)", Location(str(path)))
    try:
        return {(entry["path"], entry["rule"], entry["fingerprint"]) for entry in data["findings"]}
    except (KeyError, TypeError):
        raise UserError("a baseline entry needs 'path', 'rule' and 'fingerprint'", Location(str(path))) from None
