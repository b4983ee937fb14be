"""Cases generated from the facts: every tenure's first and last day, and the days around them."""

from __future__ import annotations

import pytest

from linter.checks.boundaries import ONE_DAY, BoundaryCase, boundary_cases
from linter.checks.rules import load_rules
from linter.facts.load import load_facts

from conftest import REPO, run_cli

FACT_FILES = [REPO / "seeds" / "facts.yaml", REPO / "tests" / "data" / "bbc" / "facts.yaml"]


@pytest.mark.parametrize("fact_file", FACT_FILES, ids=lambda p: p.parent.name)
def test_every_tenure_rule_flips_exactly_at_each_boundary(fact_file):
    facts = load_facts([str(fact_file)])
    cases = boundary_cases(facts, load_rules())
    failures = [case.describe(facts) for case in cases if not case.ok]
    assert not failures, "\n".join(failures[:20])
    assert {case.expected for case in cases} == {True, False}  # both verdicts exercised
    assert {case.rule.id for case in cases} == {"office-holder", "former-office-holder", "then-office-holder"}


def test_test_command_runs_boundary_cases():
    result = run_cli("test", "--facts", "seeds/facts.yaml")
    assert result.returncode == 0 and "tenure boundary cases" in result.stdout and " 0 failed" in result.stdout


def test_a_failing_case_is_told_in_words():
    facts = load_facts([str(FACT_FILES[0])])
    office = facts.offices["uk-prime-minister"]
    [held] = office.tenures_of("rishi-sunak")
    rule = next(rule for rule in load_rules() if rule.id == "office-holder")
    case = BoundaryCase(rule, office, held, held.start - ONE_DAY, "Prime Minister Rishi Sunak spoke.", True, False)
    assert case.describe(facts) == (
        "[office-holder] expected to flag 'Prime Minister Rishi Sunak spoke.' on 24 October 2022, the day before Rishi "
        "Sunak's tenure as Prime Minister of the United Kingdom (from 25 October 2022 to 5 July 2024)"
    )
