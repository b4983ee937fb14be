"""Counts shared by every output format, and the words for fixes that text reports and --diff use."""

from __future__ import annotations

from linter.findings import SEVERITIES, Finding
from linter.runner import RunResult


def summarise(result: RunResult) -> dict[str, int]:
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in result.findings:
        counts[finding.severity] += 1
    return {"files": result.checked, "findings": len(result.findings), **counts, "problems": len(result.problems)}


def fixable(findings: list[Finding], unsafe: bool) -> tuple[int, int]:
    """How many findings --fix would fix, and how many more only --unsafe-fixes would (hidden)."""
    applicable = sum(1 for f in findings if f.fix and f.fix.applies(unsafe))
    hidden = sum(1 for f in findings if f.fix and not f.fix.applies(unsafe))
    return applicable, hidden


def fix_summary(applicable: int, hidden: int) -> str | None:
    """The summary's line about fixes, worded as Ruff's."""
    more = f"{hidden} hidden fix{'es' if hidden != 1 else ''} can be enabled with the `--unsafe-fixes` option"
    if applicable and hidden:
        return f"[*] {applicable} fixable with the `--fix` option ({more})."
    if applicable:
        return f"[*] {applicable} fixable with the `--fix` option."
    if hidden:
        return f"No fixes available ({more})."
    return None


def diff_summary(would_fix: int, hidden: int) -> str | None:
    """What --diff says on standard error, worded as Ruff's: so that an empty diff is explained."""
    more = f"{hidden} {'additional ' if would_fix else ''}fix{'es' if hidden != 1 else ''} available with `--unsafe-fixes`"
    if would_fix:
        fixes = f"Would fix {would_fix} finding{'s' if would_fix != 1 else ''}"
        return f"{fixes} ({more})." if hidden else f"{fixes}."
    return f"No findings would be fixed ({more})." if hidden else None
