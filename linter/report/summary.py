"""The words for fixes that text reports and --diff use (the counts are linter/result.py's)."""

from __future__ import annotations


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
