"""Run the examples embedded in rules (as LanguageTool and Semgrep do).

Every rule carries texts it must flag and texts it must pass. ``factlint test``
and the test suite run them; a rule whose examples disagree with it fails. A pack's
examples run against its ``example_facts``; a pack without them, against the facts
``factlint test --facts`` gives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from linter.analysis import analyse
from linter.checks.engine import evaluate
from linter.checks.rules import Example, Rule
from linter.dates import DateWindow
from linter.facts.model import FactBase
from linter.findings import Finding
from linter.mentions.lexicon import Lexicon, build_lexicon
from linter.source.read import document_from_text

_UNDATED = DateWindow.day(dt.date(2000, 1, 1))  # examples of rules that do not read dates
# An example must get the same verdict wherever it stands: after another paragraph too, where a
# pattern anchored at the start of the text ("^") no longer matches the start of the document.
_LEAD_PARAGRAPH = "Our reporter writes.\n\n"


@dataclass(frozen=True)
class ExampleResult:
    """How one of a rule's embedded examples fared: what it expected and what the rule found."""

    rule: Rule
    example: Example
    expected: str  # "flag" or "pass"
    findings: tuple[Finding, ...]
    had_facts: bool = True  # whether the example ran against any facts (its pack's, or those given)
    placement: str = ""  # where in a document it got the wrong verdict, when not at the start

    @property
    def ok(self) -> bool:
        return bool(self.findings) == (self.expected == "flag")

    @property
    def lacks_facts(self) -> bool:
        """A rule that needs facts cannot flag an example run against none."""
        return not self.ok and self.expected == "flag" and not self.had_facts and self.rule.kind.needs_facts


def run_examples(rules: list[Rule], facts: FactBase | None = None) -> list[ExampleResult]:
    """Every example of every rule, against its pack's ``example_facts``, else against ``facts``."""
    results = []
    lexicons: dict[int, Lexicon] = {}
    for rule in rules:
        given = rule.pack.example_facts if rule.pack.example_facts is not None else facts
        used = given if given is not None else FactBase()
        if id(used) not in lexicons:
            lexicons[id(used)] = build_lexicon(used)
        had_facts = given is not None
        for expected, examples in (("flag", rule.flags), ("pass", rule.passes)):
            for example in examples:
                window = example.date or rule.pack.example_date or _UNDATED
                lexicon = lexicons[id(used)]
                result = ExampleResult(rule, example, expected, _check(example.text, rule, used, lexicon, window), had_facts)
                if result.ok:
                    placed = _check(_LEAD_PARAGRAPH + example.text, rule, used, lexicon, window)
                    if bool(placed) != bool(result.findings):
                        result = replace(result, findings=placed, placement="after another paragraph")
                results.append(result)
    return results


def _check(text: str, rule: Rule, facts: FactBase, lexicon: Lexicon, window: DateWindow) -> tuple[Finding, ...]:
    document = document_from_text(text, f"{rule.id}:example")
    return tuple(evaluate(analyse(document, facts, lexicon, window, rule.kind.needs), [rule]))
