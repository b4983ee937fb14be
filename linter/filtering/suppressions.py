"""Stage 5: suppressions written in the document, and the findings they leave.

In Markdown (and HTML) documents, HTML comments control which findings are reported:

    <!-- factlint-disable-next-line office-holder, event-date -- the facts are out of date -->
    <!-- factlint-disable quote-wording until=2026-06-30 -->  ...  <!-- factlint-enable quote-wording -->
    <!-- factlint-disable-file repeated-word -->

Rules are listed by id (none: every rule). ``until=YYYY-MM-DD`` makes a suppression
expire; after that day it no longer suppresses and is reported. ``-- reason`` is
free text. As with Ruff's unused-noqa, a suppression that suppresses nothing is
itself reported, so stale ones do not pile up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from linter.cache import regexes as kept_regexes
from linter.checks.describe import join
from linter.dates import long_date, parse_iso_date
from linter.errors import did_you_mean
from linter.findings import Finding
from linter.source.document import Document, Span

_SEPARATORS = kept_regexes.compile(r"[\s,]+")
_DIRECTIVE = kept_regexes.compile(
    r"<!--\s*factlint-(?P<action>disable-next-line|disable-file|disable|enable)(?![\w-])(?P<body>.*?)-->", regex.DOTALL
)


@dataclass(frozen=True)
class EngineRule:
    """A rule of the engine itself (not a YAML rule pack): reported like any other."""

    id: str
    severity: str
    description: str
    message: str = ""
    kind_name: str = "suppression"


UNUSED = EngineRule("unused-suppression", "warning", "A factlint-disable comment that suppresses nothing (as Ruff's unused-noqa): remove it.")
EXPIRED = EngineRule(
    "expired-suppression", "warning", "A factlint-disable comment past its until= date: it no longer suppresses; remove it or extend it."
)
ENGINE_RULES = (UNUSED, EXPIRED)


@dataclass
class Suppression:
    """An inline comment that turns rules off (or on) for part of a document."""

    comment: Span
    action: str
    rules: tuple[str, ...]  # empty: every rule
    until: dt.date | None
    scope: Span
    used: set[str] = field(default_factory=set)
    problem: str | None = None  # a malformed directive, reported as unused

    def covers(self, finding: Finding) -> bool:
        if self.problem is not None:
            return False  # a malformed directive suppresses nothing
        return self.scope.start <= finding.span.start < self.scope.end and (not self.rules or finding.rule in self.rules)


def apply_suppressions(
    document: Document, findings: list[Finding], known_rules: set[str], report: dict[str, EngineRule], today: dt.date
) -> list[Finding]:
    """The findings no suppression covers, plus findings about the suppressions themselves.

    ``report`` holds the engine rules selected for this run (unused-suppression, expired-suppression).
    """
    suppressions = parse_suppressions(document)
    if not suppressions:
        return findings
    kept: list[Finding] = []
    for finding in findings:
        active = [s for s in suppressions if s.covers(finding) and not (s.until and s.until < today)]
        for suppression in active:
            suppression.used.add(finding.rule)
        if not active:
            kept.append(finding)
    for suppression in suppressions:
        expired = suppression.until is not None and suppression.until < today
        if expired and EXPIRED.id in report:
            assert suppression.until is not None  # expired implies a date
            message = f"This suppression expired on {long_date(suppression.until)}; remove it or extend its until= date."
            kept.append(_finding(document, suppression, report[EXPIRED.id], message))
        elif not expired and UNUSED.id in report:
            unused = _unused_message(suppression, known_rules)
            if unused:
                kept.append(_finding(document, suppression, report[UNUSED.id], unused))
    return sorted(kept, key=lambda f: f.sort_key)


def _unused_message(suppression: Suppression, known_rules: set[str]) -> str | None:
    if suppression.problem:
        return suppression.problem
    unknown = [rule for rule in suppression.rules if rule not in known_rules]
    if unknown:
        suggestion = did_you_mean(unknown[0], known_rules, quote='"')
        return f'No rule is called "{unknown[0]}"{suggestion}; this suppression suppresses nothing for it.'
    unused = [rule for rule in suppression.rules if rule not in suppression.used]
    if not suppression.rules and not suppression.used:
        return "This suppression suppresses nothing; remove it."
    if unused:
        rules = join([f'"{rule}"' for rule in unused])
        return f"This suppression of {rules} suppresses nothing; remove it."
    return None


def parse_suppressions(document: Document) -> list[Suppression]:
    """The suppression comments of a document, in order, each with the text it covers."""
    suppressions: list[Suppression] = []
    open_regions: dict[str, Suppression] = {}  # rule ("" for all) -> its disable, until an enable
    for comment in document.comments:
        match = _DIRECTIVE.fullmatch(document.text, comment.start, comment.end)
        if not match:
            continue
        action, (rules, until, problem) = match.group("action"), _arguments(match.group("body"))
        if action == "enable":
            for rule in rules or list(open_regions):
                region = open_regions.pop(rule, None)
                if region:
                    region.scope = Span(region.scope.start, comment.start)
            continue
        if action == "disable-next-line":
            line = document.position(comment.end)[0] + 1
            scope = _line_span(document, line)
        elif action == "disable-file":
            scope = Span(0, len(document.text))
        else:
            scope = Span(comment.end, len(document.text))
        suppression = Suppression(comment, action, rules, until, scope, problem=problem)
        suppressions.append(suppression)
        if action == "disable":
            for rule in rules or ("",):
                open_regions[rule] = suppression
    return suppressions


def _arguments(body: str) -> tuple[tuple[str, ...], dt.date | None, str | None]:
    """'office-holder, event-date until=2026-01-01 -- reason' -> rules, until, problem."""
    body = body.split("--", 1)[0]
    until, problem = None, None
    words = []
    for word in _SEPARATORS.split(body.strip()):
        if not word:
            continue
        if word.startswith("until="):
            try:
                until = parse_iso_date(word[len("until="):])
            except ValueError:
                problem = f'This suppression is ignored: "{word}" is not a real date; write until=YYYY-MM-DD.'
        else:
            words.append(word)
    return tuple(words), until, problem


def _line_span(document: Document, line: int) -> Span:
    if line > len(document.line_starts):
        return Span(len(document.text), len(document.text))
    end = document.line_starts[line] if line < len(document.line_starts) else len(document.text)
    return Span(document.line_starts[line - 1], end)


def _finding(document: Document, suppression: Suppression, rule: EngineRule, message: str) -> Finding:
    (line, column), (end_line, end_column) = document.position(suppression.comment.start), document.position(suppression.comment.end)
    return Finding(document.path, suppression.comment, line, column, end_line, end_column, rule.id, rule.severity, message)
