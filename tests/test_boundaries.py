"""Cases generated from the facts: every tenure's and dated relation's first and last day, and the days around them."""

from __future__ import annotations

import pytest
import yaml

from linter.checks.boundaries import ONE_DAY, BoundaryCase, boundary_cases, relation_cases
from linter.checks.rules import load_rules
from linter.facts.load import load_facts
from linter.facts.model import Relation

from conftest import REPO, run_cli, run_in_process

FACT_FILES = [
    REPO / "seeds" / "facts.yaml",
    REPO / "tests" / "data" / "bbc" / "facts.yaml",
    REPO / "tests" / "data" / "reuters" / "facts.yaml",
    REPO / "tests" / "data" / "probes-blind-11" / "facts.yaml",  # styled names: "King Fahd"
]


@pytest.mark.parametrize("fact_file", FACT_FILES, ids=lambda p: p.parent.name)
def test_every_tenure_rule_flips_exactly_at_each_boundary(fact_file):
    facts = load_facts([str(fact_file)])
    cases = boundary_cases(facts, load_rules())
    failures = [case.describe(facts) for case in cases if not case.ok]
    assert not failures, "\n".join(failures[:20])
    assert {case.expected for case in cases} == {True, False}  # both verdicts exercised
    assert {case.rule.id for case in cases} == {"office-holder", "former-office-holder", "then-office-holder"}


def test_a_styled_holder_has_no_cases():
    """'King Fahd' keeps the style for life, so 'Former Saudi Arabia King King Fahd' would test nothing."""
    facts = load_facts([str(FACT_FILES[3])])
    cases = boundary_cases(facts, load_rules())
    assert "saudi-king" in facts.offices and cases
    assert not any(case.office.id == "saudi-king" for case in cases)  # every holder is styled "King ..."


def test_test_command_runs_boundary_cases():
    result = run_cli("test", "--facts", "seeds/facts.yaml")
    assert result.returncode == 0 and "tenure boundary cases" in result.stdout and " 0 failed" in result.stdout


def test_a_failing_case_is_told_in_words():
    facts = load_facts([str(FACT_FILES[0])])
    office = facts.offices["uk-prime-minister"]
    [held] = office.tenures_of("rishi-sunak")
    rule = next(rule for rule in load_rules() if rule.id == "office-holder")
    case = BoundaryCase(rule, held.start - ONE_DAY, "Prime Minister Rishi Sunak spoke.", True, False, office=office, tenure=held)
    assert case.describe(facts) == (
        "[office-holder] expected to flag 'Prime Minister Rishi Sunak spoke.' on 24 October 2022, the day before Rishi "
        "Sunak's tenure as Prime Minister of the United Kingdom (from 25 October 2022 to 5 July 2024)"
    )


# -- relations: the example facts of rules/relations.yaml, as a newsroom's fact file ------------------


@pytest.fixture
def relation_facts(tmp_path):
    """rules/relations.yaml's example facts (capitals, memberships, presidencies with days) in a fact file."""
    pack = yaml.safe_load((REPO / "rules" / "relations.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "relations.yaml"
    path.write_text(yaml.safe_dump({"facts_version": 1, **pack["example_facts"]}, sort_keys=False), encoding="utf-8")
    return path


RELATION_FACTS = {
    "probes-blind-8": ["probes-blind-8/facts.yaml"],
    "bbc": ["bbc/facts.yaml", "bbc/relations.yaml"],  # "France" is also the rugby team's name
}


@pytest.mark.parametrize("which", ["pack", *RELATION_FACTS])
def test_every_dated_relation_flips_exactly_at_each_edge(relation_facts, which):
    """On the pack's example facts, and on fact files written by people who never saw the engine."""
    paths = [relation_facts] if which == "pack" else [REPO / "tests" / "data" / path for path in RELATION_FACTS[which]]
    facts = load_facts([str(path) for path in paths])
    cases = relation_cases(facts, load_rules())
    failures = [case.describe(facts) for case in cases if not case.ok]
    assert not failures, "\n".join(failures)
    assert {case.expected for case in cases} == {True, False}
    assert {case.rule.id for case in cases} >= {"capital", "member-of"}  # event places are timeless
    checked = {"capital", "member-of", "holds-presidency-of"} & {case.rule.kind.relation for case in cases}
    dated = [r for r in facts.relations.values() if not r.timeless and r.relation in checked]
    tested = {case.relation.id for case in cases}
    # Left out only where copy cannot name a side: every name it has is another entity's too.
    for relation in dated:
        if relation.id not in tested:
            shared = [key for key in (relation.subject, relation.object) if all(
                any(name in other.names for other_key, other in facts.entities.items() if other_key != key) for name in facts.entities[key].names
            )]
            assert shared, f"{relation.id} has no cases"
    assert len(cases) == sum(2 * (r.start is not None) + 2 * (r.end is not None) for r in dated if r.id in tested)


def test_a_relation_rule_that_misreads_the_last_day_fails_its_cases(relation_facts, monkeypatch):
    """The cases can fail: with a relation's last day read as already over, each last day is wrong."""
    monkeypatch.setattr(Relation, "overlaps", lambda self, w: (self.start is None or self.start <= w.end) and (self.end is None or w.start < self.end))
    facts = load_facts([str(relation_facts)])
    broken = [case for case in relation_cases(facts, load_rules()) if not case.ok]
    assert broken and all(case.day == case.relation.end for case in broken)
    assert "united-kingdom-in-the-eu" in {case.relation.id for case in broken}  # a membership: recorded, so every other day is false


def test_a_failing_relation_case_is_told_in_words(relation_facts):
    facts = load_facts([str(relation_facts)])
    [case] = [c for c in relation_cases(facts, load_rules()) if c.relation.id == "sweden-in-nato" and c.expected]
    assert case.describe(facts) == (
        "[member-of] expected to flag 'Sweden is member of NATO.' on 6 March 2024, the day before the relation sweden-in-nato "
        "(Sweden member-of NATO, from 7 March 2024)"
    )


def test_the_test_command_counts_relation_cases(relation_facts):
    result = run_in_process("test", "--facts", str(relation_facts))
    assert result.returncode == 0, result.stdout
    assert "18 relation boundary cases" in result.stdout and " 0 failed" in result.stdout
