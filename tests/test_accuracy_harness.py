"""The accuracy harness (bench/accuracy.py) on a small article: every mutation is made and caught."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from dataclasses import replace

from linter.analysis import analyse
from linter.checks.engine import evaluate
from linter.checks.rules import load_rules
from linter.facts.load import load_facts_data
from linter.mentions.lexicon import build_lexicon
from linter.source.read import document_from_text
from linter.yamlio import load_yaml

from conftest import REPO

spec = importlib.util.spec_from_file_location("accuracy", REPO / "bench" / "accuracy.py")
accuracy = sys.modules["accuracy"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(accuracy)

FACTS = """
facts_version: 1
entities:
  - {id: tony-blair, name: Tony Blair}
  - {id: john-major, name: John Major}
  - {id: gordon-brown, name: Gordon Brown}
  - {id: kenneth-clarke, name: Kenneth Clarke}
  - {id: jack-straw, name: Jack Straw}
  - {id: robin-cook, name: Robin Cook}
  - {id: douglas-hurd, name: Douglas Hurd}
offices:
  - id: uk-prime-minister
    name: Prime Minister of the United Kingdom
    titles: [Prime Minister]
    holders:
      - {who: john-major, from: 1990-11-28, to: 1997-05-02}
      - {who: tony-blair, from: 1997-05-02, to: 2007-06-27}
  - id: uk-chancellor
    name: Chancellor of the Exchequer
    titles: [Chancellor]
    holders:
      - {who: kenneth-clarke, from: 1993-05-27, to: 1997-05-02}
      - {who: gordon-brown, from: 1997-05-02, to: 2007-06-27}
  - id: uk-foreign-secretary
    name: Foreign Secretary
    titles: [Foreign Secretary]
    holders:
      - {who: douglas-hurd, from: 1989-10-26, to: 1995-07-05}
      - {who: robin-cook, from: 1997-05-02, to: 2001-06-08}
      - {who: jack-straw, from: 2001-06-08, to: 2006-05-05}
events:
  - {id: budget-2005, name: 2005 Budget, date: 2005-03-16, mentions: ['Budget']}
"""

ARTICLE = textwrap.dedent(
    """\
    Brown plans

    Chancellor Gordon Brown will present the Budget on 16 March. "We have growth," said Prime Minister Tony Blair.
    Former Chancellor Kenneth Clarke disagreed. "The figures for the last quarter do not support what the government says," said Kenneth Clarke.
    """
)


WINDOW = accuracy.CORPORA["bbc"].window


def facts_with_recorded_quotes():
    facts = load_facts_data(load_yaml(FACTS, "facts.yaml"), "facts.yaml")
    recorder = accuracy.QuoteRecorder(facts)
    recorder.read("a.txt", ARTICLE, WINDOW.start)
    return replace(facts, quotes=recorder.quotes(lambda path: ARTICLE)).index()


def test_every_mutation_is_made_and_caught(tmp_path):
    facts = facts_with_recorded_quotes()
    lexicon, rules = build_lexicon(facts), load_rules()
    maker = accuracy.MutantMaker(facts)
    document = document_from_text(ARTICLE, "a.txt")
    original = analyse(document, facts, lexicon, WINDOW)
    assert evaluate(original, rules) == []
    mutants = maker.mutants("a.txt", original, WINDOW)
    assert {m.kind for m in mutants} == set(accuracy.MUTATIONS)
    for mutant in mutants:
        mutated = document_from_text(mutant.apply(ARTICLE), "a.txt")
        findings = evaluate(analyse(mutated, facts, lexicon, WINDOW), rules)
        assert accuracy.caught(mutant, findings), (mutant, [f.message for f in findings])


def test_a_sentence_naming_a_past_year_gives_no_mutant():
    facts = load_facts_data(load_yaml(FACTS, "facts.yaml"), "facts.yaml")
    document = document_from_text("In 1999 Chancellor Gordon Brown spoke.", "a.txt")
    analysis = analyse(document, facts, build_lexicon(facts), WINDOW)
    assert [m for m in accuracy.MutantMaker(facts).mutants("a.txt", analysis, WINDOW) if m.kind != "event-date"] == []


def test_the_halves_are_fixed_by_a_hash_of_the_name():
    assert accuracy.half_of("business/1m-payoff-for-former-shell-boss.txt") == accuracy.half_of("business/1m-payoff-for-former-shell-boss.txt")
    halves = [accuracy.half_of(f"{number:05d}.md") for number in range(1, 2001)]
    assert 900 < halves.count("tune") < 1100  # about half each
    assert accuracy.half_of("00001.md") in accuracy.HALVES


def test_dropping_former_after_a_word_that_still_says_former_plants_no_error():
    facts = load_facts_data(load_yaml(FACTS, "facts.yaml"), "facts.yaml")
    maker = accuracy.MutantMaker(facts)
    for text, expected in (("Ousted former Chancellor Kenneth Clarke spoke.", 0), ("Tory former Chancellor Kenneth Clarke spoke.", 1)):
        analysis = analyse(document_from_text(text, "a.txt"), facts, build_lexicon(facts), WINDOW)
        assert len([m for m in maker.mutants("a.txt", analysis, WINDOW) if m.kind == "drop-former"]) == expected, text


def test_a_title_ending_a_paragraph_and_a_name_opening_the_next_are_no_phrase():
    facts = load_facts_data(load_yaml(FACTS, "facts.yaml"), "facts.yaml")
    text = "Brown named Chancellor\n\nGordon Brown spoke in 2005.\n\nChancellor Gordon Brown spoke."
    analysis = analyse(document_from_text(text, "a.txt"), facts, build_lexicon(facts), WINDOW)
    sites = {m.start for m in accuracy.MutantMaker(facts).mutants("a.txt", analysis, WINDOW) if m.kind == "holder-swap"}
    assert sites and all(site > text.index("Chancellor Gordon") - 1 for site in sites)
