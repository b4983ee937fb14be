"""Cases generated from the facts: every tenure's first and last day, and the days around them."""

from __future__ import annotations

import pytest

from linter.checks.boundaries import boundary_cases
from linter.checks.rules import load_rules
from linter.facts.load import load_facts

from conftest import REPO, run_cli

FACT_FILES = [REPO / "seeds" / "facts.yaml", REPO / "tests" / "data" / "bbc" / "facts.yaml"]


@pytest.mark.parametrize("fact_file", FACT_FILES, ids=lambda p: p.parent.name)
def test_every_tenure_rule_flips_exactly_at_each_boundary(fact_file):
    cases = boundary_cases(load_facts([str(fact_file)]), load_rules())
    failures = [case.describe() for case in cases if not case.ok]
    assert not failures, "\n".join(failures[:20])
    assert {case.expected for case in cases} == {True, False}  # both verdicts exercised
    assert {case.rule.id for case in cases} == {"office-holder", "former-office-holder", "then-office-holder"}


def test_test_command_runs_boundary_cases():
    result = run_cli("test", "--facts", "seeds/facts.yaml")
    assert result.returncode == 0 and "tenure boundary cases" in result.stdout and " 0 failed" in result.stdout
