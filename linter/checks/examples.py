"""Run the examples embedded in rules (as LanguageTool and Semgrep do).

Every rule carries texts it must flag and texts it must pass. ``factlint test``
and the test suite run them; a rule whose examples disagree with it fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from linter.analysis import analyse
from linter.checks.engine import evaluate
from linter.checks.rules import Example, Rule
from linter.dates import DateWindow
from linter.facts.model import FactBase
from linter.findings import Finding
from linter.mentions.lexicon import Lexicon, build_lexicon
from linter.source.document import document_from_text

_UNDATED = DateWindow.day(dt.date(2000, 1, 1))  # examples of rules that do not read dates


@dataclass(frozen=True)
class ExampleResult:
    rule: Rule
    example: Example
    expected: str  # "flag" or "pass"
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return bool(self.findings) == (self.expected == "flag")


def run_examples(rules: list[Rule]) -> list[ExampleResult]:
    results = []
    lexicons: dict[int, tuple[FactBase, Lexicon]] = {}
    for rule in rules:
        key = id(rule.pack)
        if key not in lexicons:
            facts = rule.pack.example_facts or FactBase()
            lexicons[key] = (facts, build_lexicon(facts))
        facts, lexicon = lexicons[key]
        for expected, examples in (("flag", rule.flags), ("pass", rule.passes)):
            for example in examples:
                window = example.date or rule.pack.example_date or _UNDATED
                document = document_from_text(example.text, f"{rule.id}:example")
                findings = evaluate(analyse(document, facts, lexicon, window, rule.kind.needs), [rule])
                results.append(ExampleResult(rule, example, expected, tuple(findings)))
    return results
