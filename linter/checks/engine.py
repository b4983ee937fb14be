"""Evaluate rules against one analysed document."""

from __future__ import annotations

from linter.checks.rules import Rule
from linter.checks.template import render
from linter.findings import Finding, Fix
from linter.mentions.model import Analysis


def evaluate(analysis: Analysis, rules: list[Rule]) -> list[Finding]:
    document = analysis.document
    findings: dict[tuple, Finding] = {}
    for rule in rules:
        for match in rule.kind.check(analysis):
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
                message=render(rule.message, match.values),
                evidence=match.evidence,
                fix=Fix(*match.replacement, safe=rule.fix == "safe") if rule.fix and match.replacement else None,
            )
            findings.setdefault((rule.id, match.span, finding.message), finding)
    return sorted(findings.values(), key=lambda f: f.sort_key)
