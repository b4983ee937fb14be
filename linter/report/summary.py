"""Counts shared by every output format."""

from __future__ import annotations

from linter.findings import SEVERITIES
from linter.runner import RunResult


def summarise(result: RunResult) -> dict[str, int]:
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in result.findings:
        counts[finding.severity] += 1
    return {"files": result.checked, "findings": len(result.findings), **counts, "problems": len(result.problems)}
