"""Evaluate rules against one analysed document."""

from __future__ import annotations

from linter.checks.kinds.base import REGEX_TIMEOUT
from linter.checks.narrate import narrate
from linter.checks.rules import Rule
from linter.checks.template import render
from linter.errors import Location, UserError
from linter.findings import Finding, Fix
from linter.mentions.model import Analysis
from linter.user_regex import BadRegex, RegexFailed


def evaluate(analysis: Analysis, rules: list[Rule], failures: list[UserError] | None = None) -> list[Finding]:
    """Every rule's findings on one document.

    A rule whose regex gives up (catastrophic backtracking, see REGEX_TIMEOUT) or cannot be
    compiled with this document's names fails for this document only: the failure is added to
    ``failures`` (raised when none is given) and the other rules still run.
    """
    document = analysis.document
    findings: dict[tuple, Finding] = {}
    for rule in rules:
        try:
            matches = list(rule.kind.check(analysis))
        except (TimeoutError, BadRegex) as error:
            if isinstance(error, TimeoutError):
                why = f"its regex took over {REGEX_TIMEOUT:g} s (catastrophic backtracking?)"
            else:
                why = f"{error}" if isinstance(error, RegexFailed) else f"its regex cannot be compiled ({error})"
            failure = UserError(f"rule '{rule.id}' gave up on this document: {why}; fix the pattern at {rule.location}", Location(document.path))
            if failures is None:
                raise failure from None
            failures.append(failure)
            continue
        for match in matches:
            line, column = document.position(match.span.start)
            end_line, end_column = document.position(match.span.end)
            finding = Finding(
                path=document.path,
                span=match.span,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                rule=rule.id,
                severity=rule.severity,
                message=render(rule.message, match.values, rule.kind.capitalise_opening),
                evidence=match.evidence,
                fix=Fix(*match.replacement, safe=rule.fix == "safe") if rule.fix and match.replacement else None,
                facts=narrate(analysis.facts, match.evidence) if match.evidence else (),
            )
            findings.setdefault((rule.id, match.span, finding.message), finding)
    return sorted(findings.values(), key=lambda f: f.sort_key)
