"""The filter stage's two entry points: a document's findings as reported (the runner calls
:func:`filter_findings` once per document), and what is done with a run's findings once every
document is checked (the command line calls :func:`filter_run` once per run).

Which rules run, at which severity, is decided before either, when a group of files is planned
(selection.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from linter.filtering.suppressions import EngineRule, apply_suppressions
from linter.findings import Finding
from linter.result import RunResult, fixable
from linter.source.document import Document


def filter_findings(
    document: Document, findings: list[Finding], engine_rules: Iterable[EngineRule], known_rules: set[str], today: dt.date
) -> list[Finding]:
    """A document's findings as reported: those its suppression comments leave, plus findings about
    those comments (unused, expired) for the ``engine_rules`` selected. ``known_rules`` are every rule
    id, selected or not, that a comment may name; ``today`` decides which comments have expired."""
    if not document.comments:
        return findings
    return apply_suppressions(document, findings, known_rules, {rule.id: rule for rule in engine_rules}, today)


@dataclass(frozen=True)
class RunFilters:
    """What is done with a run's findings once every document is checked (the command line's options)."""

    fix: bool = False  # write the fixes (--fix)
    unsafe_fixes: bool = False  # the unsafe ones too
    diff: bool = False  # show the fixes as a diff instead, and end the run
    add_suppressions: str | None = None  # the reason to write in a suppression comment for every finding
    baseline: Path | None = None  # report only findings not recorded in it
    write_baseline: Path | None = None  # record the findings in it, and end the run


class Notices(Protocol):
    """What :func:`filter_run` did, told as it happens (the command line words it)."""

    def fixed(self, path: str, count: int) -> None: ...  # --fix wrote ``count`` findings' fixes into ``path``

    def diff(self, text: str) -> None: ...  # --diff: one file's fixes, as a unified diff

    def would_fix(self, count: int, hidden: int) -> None: ...  # --diff is done: ``count`` findings fixed, ``hidden`` more with --unsafe-fixes

    def suppressions_added(self, path: str, added: int, left: Counter[str]) -> None: ...  # comments added, findings left by why

    def baseline_written(self, path: Path, count: int) -> None: ...  # ``count`` findings recorded

    def baselined(self, path: Path, count: int) -> None: ...  # ``count`` findings dropped, being in the baseline


Recheck = Callable[[list[str]], RunResult]  # checks the files a filter changed, again


def filter_run(result: RunResult, filters: RunFilters, recheck: Recheck, notices: Notices) -> int | None:
    """Fix (or show the fixes), add suppressions, then record or apply a baseline, as ``filters`` ask,
    in that order. ``result`` becomes what is left to report: the files changed are checked again.

    Returns the exit code when the run ends here, with nothing more to report: after --diff (1 when
    there was something to fix) and after --write-baseline (2 when something could not be checked).
    """
    if filters.fix or filters.diff:
        changed = _apply_fixes(result, recheck, write=filters.fix and not filters.diff, unsafe=filters.unsafe_fixes, notices=notices)
        if filters.diff:
            return 1 if changed else 0
    if filters.add_suppressions is not None:
        _add_suppressions(result, recheck, filters.add_suppressions, notices)
    if filters.write_baseline is not None:
        from linter.filtering.baseline import write_baseline

        notices.baseline_written(filters.write_baseline, write_baseline(filters.write_baseline, result))
        return 2 if result.problems else 0
    if filters.baseline is not None:
        from linter.filtering.baseline import apply_baseline

        notices.baselined(filters.baseline, apply_baseline(filters.baseline, result))
    return None


def _apply_fixes(result: RunResult, recheck: Recheck, write: bool, unsafe: bool, notices: Notices) -> bool:
    """Show the fixes as a diff, or write them and ``recheck`` the files that changed (only those) so
    that what is left is reported; whether any file had something to fix."""
    from linter.filtering.fixes import fixed_text, rewrite, unified_diff

    by_path = _by_path(result.findings)
    changed: list[str] = []
    would_fix = 0
    for path in sorted(result.documents):
        document = result.documents[path]
        new_text, applied = fixed_text(document.text, by_path.get(path, []), unsafe)
        if not applied:
            continue
        changed.append(path)
        would_fix += len(applied)
        if write:
            rewrite(document, new_text)
            del result.documents[path]  # its text is stale now, and the recheck reads the new one
            notices.fixed(path, len(applied))
        else:
            notices.diff(unified_diff(document, new_text))
        del document, new_text  # not kept alive while the next document is fixed, or during the recheck
    if not write:
        notices.would_fix(would_fix, fixable(result.findings, unsafe)[1])
    elif changed:
        result.replace(changed, recheck(changed))
    return bool(changed)


def _add_suppressions(result: RunResult, recheck: Recheck, reason: str, notices: Notices) -> None:
    """Write a suppression for every finding, say how many per file and which were left, and
    ``recheck`` the files that changed, so that what is left is reported."""
    from linter.filtering.add_suppressions import add_suppressions
    from linter.filtering.fixes import rewrite

    by_path = _by_path(result.findings)
    changed: list[str] = []
    for path in sorted(by_path):
        new_text, added, left = add_suppressions(result.documents[path], by_path[path], reason)
        if added:
            rewrite(result.documents[path], new_text, "the suppressions")
            changed.append(path)
        notices.suppressions_added(path, added, left)
    if changed:
        result.replace(changed, recheck(changed))


def _by_path(findings: list[Finding]) -> dict[str, list[Finding]]:
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    return by_path
