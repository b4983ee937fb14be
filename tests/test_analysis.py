"""The extractor registry: what each extractor reads is what an earlier one fills, and a rule
sees the same findings with only the fields its kind declares as with the whole analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.analysis import EVERYTHING, EXTRACTORS, GIVEN, analyse, extractors_for
from linter.checks.engine import evaluate
from linter.checks.rules import load_rules
from linter.dates import DateWindow
from linter.facts.load import load_facts
from linter.mentions.lexicon import build_lexicon
from linter.mentions.model import Analysis
from linter.source.read import document_from_text
from linter.yamlio import load_yaml

from conftest import REPO


def test_each_extractor_reads_only_what_is_given_or_filled_before_it():
    filled = set(GIVEN)
    for extractor in EXTRACTORS:
        missing = set(extractor.needs) - filled
        assert not missing, f"{extractor.produces} reads {sorted(missing)} before anything fills it"
        filled.add(extractor.produces)


def test_every_analysis_field_has_exactly_one_extractor():
    produced = [extractor.produces for extractor in EXTRACTORS]
    assert sorted(produced) == sorted(Analysis.__annotations__)
    assert len(produced) == len(set(produced))


def test_only_what_is_needed_is_extracted():
    assert [e.produces for e in extractors_for(frozenset())] == []
    assert [e.produces for e in extractors_for(frozenset({"dates"}))] == ["capitals", "tokens", "dates"]
    chain = [e.produces for e in extractors_for(frozenset({"event_dates"}))]
    assert chain == ["sentences", "capitals", "tokens", "dates", "events", "event_dates"]


def test_reading_a_field_nobody_extracted_says_so():
    document = document_from_text("Chancellor Jeremy Hunt spoke.", "doc.txt", "text")
    facts = load_facts([str(REPO / "seeds" / "facts.yaml")])
    analysis = analyse(document, facts, build_lexicon(facts), DateWindow.parse("2025-01-01"), needs={"titles"})
    assert analysis.titles is not None
    with pytest.raises(AttributeError, match="'claims'.*not extracted.*needs"):
        analysis.claims


PROBE_SETS = sorted(path.parent for path in (REPO / "tests" / "data").glob("probes*/probes.yaml"))


@pytest.mark.parametrize("folder", PROBE_SETS, ids=lambda folder: folder.name)
def test_a_rule_finds_the_same_with_only_what_its_kind_needs(folder: Path):
    """Every probe sentence of a set in one document (every kind of claim, quote and event),
    checked by each built-in rule alone, with the fields its kind declares and with all."""
    facts = load_facts([str(folder / "facts.yaml")])
    lexicon, rules = build_lexicon(facts), load_rules([])
    probes = load_yaml((folder / "probes.yaml").read_text(encoding="utf-8"), "probes.yaml")["probes"]
    document = document_from_text("\n\n".join(probe["text"] for probe in probes), "probes.md", "markdown")
    window = DateWindow.parse("2020-01-01..2025-12-31")
    whole = analyse(document, facts, lexicon, window, EVERYTHING)
    assert evaluate(whole, rules), "the document should give findings, or the comparison proves nothing"
    for rule in rules:
        alone = analyse(document, facts, lexicon, window, rule.kind.needs)
        assert evaluate(alone, [rule]) == evaluate(whole, [rule]), rule.id
