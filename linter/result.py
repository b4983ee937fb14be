"""What a run produces: each checked document's findings and date, the problems that kept input
from being checked, and what every report counts from them (findings by severity, fixes available,
the exit code).

Every report (linter/report/), the language server, the scale engine and the result cache speak
in these terms; a finding itself is linter/findings.py's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linter.dates import DocumentDate
from linter.errors import UserError
from linter.findings import SEVERITIES, SEVERITY_RANK, Finding
from linter.source.document import Document

if TYPE_CHECKING:
    from linter.checks.rules import Rule
    from linter.filtering.suppressions import EngineRule


@dataclass
class DocumentResult:
    """One checked document: the date it was checked against, its findings as reported, and the
    problems met while checking it (a rule that failed on it)."""

    path: str
    date: DocumentDate
    findings: list[Finding]
    problems: list[UserError] = field(default_factory=list)
    document: Document | None = None  # its text, when the caller has it (a cached result has not)


@dataclass
class RunResult:
    """A run's result, or a part of one (a group of files, a batch), merged as the run goes."""

    findings: list[Finding] = field(default_factory=list)
    problems: list[UserError] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)  # those with findings (all, with keep_documents)
    checked_paths: list[str] = field(default_factory=list)
    rules: list[Rule | EngineRule] = field(default_factory=list)  # the rules that ran, for reports that describe them
    dates: dict[str, DocumentDate] = field(default_factory=dict)  # each checked document's date, and its source

    @property
    def checked(self) -> int:
        return len(self.checked_paths)

    @property
    def unchecked(self) -> list[str]:
        """Paths that could not be checked at all (a rule failing on a checked document does not count)."""
        checked = set(self.checked_paths)
        return sorted({p.location.path for p in self.problems if p.location and p.location.path not in checked})

    def add(self, checked: DocumentResult, keep_document: bool) -> None:
        """Add one checked document; its text is kept when it has findings (reports quote them), or with ``keep_document``."""
        self.problems.extend(checked.problems)
        if checked.document is not None and (checked.findings or keep_document):
            self.documents[checked.path] = checked.document
        self.findings.extend(checked.findings)
        self.checked_paths.append(checked.path)
        self.dates[checked.path] = checked.date

    def merge(self, part: RunResult) -> None:
        """Add the findings, problems, documents, paths and dates of another part of the run."""
        self.findings.extend(part.findings)
        self.problems.extend(part.problems)
        self.documents.update(part.documents)
        self.checked_paths.extend(part.checked_paths)
        self.dates.update(part.dates)

    def replace(self, paths: list[str], again: RunResult) -> None:
        """Take ``again``'s findings, problems and documents for ``paths`` (checked again) instead of these."""
        rechecked = set(paths)
        self.findings = sorted(
            [finding for finding in self.findings if finding.path not in rechecked] + again.findings, key=lambda finding: finding.sort_key
        )
        self.problems = sorted(
            [problem for problem in self.problems if not (problem.location and problem.location.path in rechecked)] + again.problems,
            key=lambda problem: str(problem.location or ""),
        )
        for path in rechecked:
            self.documents.pop(path, None)
        self.documents.update(again.documents)
        self.dates.update(again.dates)


def summarise(result: RunResult) -> dict[str, int]:
    """The counts every output format shares: files checked, findings (in all and by severity), problems."""
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in result.findings:
        counts[finding.severity] += 1
    return {"files": result.checked, "findings": len(result.findings), **counts, "problems": len(result.problems)}


def fixable(findings: list[Finding], unsafe: bool) -> tuple[int, int]:
    """How many findings --fix would fix, and how many more only --unsafe-fixes would (hidden)."""
    applicable = sum(1 for f in findings if f.fix and f.fix.applies(unsafe))
    hidden = sum(1 for f in findings if f.fix and not f.fix.applies(unsafe))
    return applicable, hidden


def exit_code(result: RunResult, fail_on: str) -> int:
    """2 if anything could not be checked; 1 if a finding reaches the fail level; else 0."""
    if result.problems:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings) else 0
