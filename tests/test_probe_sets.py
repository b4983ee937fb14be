"""Every probe set, once scored, is development data: the engine must keep what it learnt from it.

Correct probes must give no finding at warning or above, on every set. Wrong probes must be
caught, except those listed below: each is a reading factlint abstains on by design or a gap
docs/accuracy.md lists ("What factlint still misses or abstains on"). A newly missed probe
fails; a listed probe that is caught again only needs its line removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from linter.analysis import analyse
from linter.checks.engine import evaluate
from linter.checks.rules import load_rules
from linter.dates import DateWindow
from linter.facts.load import load_facts
from linter.mentions.lexicon import build_lexicon
from linter.source.read import document_from_text
from linter.yamlio import load_yaml

PROBE_SETS = sorted(path.parent for path in (REPO / "tests" / "data").glob("probes*/probes.yaml"))
REPORTED = ("error", "warning")

KNOWN_MISSES = frozenset(
    """
    copy-021 speaker-017 blind-yearless-011 blind-qual-008 b3-time-005 b3-time-016 b3-nonclaim-018
    b3-copy-018 b5-time-020 b5-event-020 b5-nonclaim-013 b5-qualifier-003 b5-qualifier-014
    b5-qualifier-016 b5-holder-006 b6-yearless-004 b6-titleq-004 b6-titleq-007 b6-titleq-009
    b6-titleq-017 b7-titlequote-014 b7-nonclaim-021 b8-holder-014 b8-caps-014 b9-speaker-017
    b9-tiq-016 b9-consistency-017 b9-consistency-019 b10-titleq-008 b10-nonclaim-016 b10-holder-010
    b10-place-012 b10-place-016 b10-member-004 b10-consistency-002
    b11-yearless-002 b11-speaker-008 b11-titleq-008 b11-holder-008 b11-quantity-008 b11-member-004
    b11-member-006 b11-member-014 b13-titleq-008 b15-qty-004 b15-place-002 b15-consist-005
    b16-titlequote-010 b16-consistency-006 b17-time-002
    b17-titlequote-010 b18-former-008 b18-place-014 b20-place-006
    b20-consistency-006 b21-event-014 b21-consist-002 b23-titleq-007 b23-titleq-009 b23-place-008
    b23-consist-002 b24-titleq-006 b27-tiq-004 b26-yearless-002 b26-place-002
    b28-yearless-002 b28-quantity-004 b28-quantity-006 b29-tiq-004 b29-place-012 b30-yearless-006
    b30-event-002 b30-quantity-006 b32-event-002 b33-tiq-006 blind-speaker-009
    b34-consistency-004 b35-cons-006 b35-place-004 b35-qty-006
    b35-speaker-008 b36-time-010 b38-tiq-002 b38-tiq-008 b42-tiq-008 b40-nonclaim-006 b41-place-010 b41-consist-006 b45-qty-004 b45-place-004 b45-place-006 b38-place-004 b41-place-004 b44-event-010 b44-place-002 b44-place-004 b44-consist-006 b48-then-002 b48-then-006 b48-qty-006 b48-consist-002 b49-titlequote-007 b49-titlequote-011 b51-titleq-008 b52-tiq-006 b54-place-006 b53-tiq-004 b53-tiq-006 b53-consistency-006 b56-tiq-004 b56-qty-006 b57-event-002 b57-speaker-004 b57-titleq-010 b57-place-002 b57-consistency-002 b58-cons-001 b58-cons-005 b58-qty-006 b60-event-004 b61-event-012 b61-qty-006 b61-place-002 b61-place-004
    """.split()
)


@pytest.mark.parametrize("folder", PROBE_SETS, ids=lambda folder: folder.name)
def test_no_false_alarm_and_no_new_miss(folder: Path):
    facts = load_facts([str(folder / "facts.yaml")])
    lexicon, rules = build_lexicon(facts), load_rules()
    false_alarms, missed, caught_now = [], [], []
    for probe in load_yaml((folder / "probes.yaml").read_text(encoding="utf-8"), "probes.yaml")["probes"]:
        document = document_from_text(str(probe["text"]), f"{probe['id']}.txt")
        analysis = analyse(document, facts, lexicon, DateWindow.parse(str(probe["date"])))
        reported = {finding.rule for finding in evaluate(analysis, rules) if finding.severity in REPORTED}
        expected = {str(rule) for rule in probe.get("expect") or ()}
        false_alarms += [f"{probe['id']}: [{rule}] {probe['text']}" for rule in sorted(reported - expected)]
        if not expected <= reported and probe["id"] not in KNOWN_MISSES:
            missed.append(f"{probe['id']}: expected {sorted(expected)}, got {sorted(reported)}: {probe['text']}")
        if expected and expected <= reported and probe["id"] in KNOWN_MISSES:
            caught_now.append(probe["id"])
    assert not false_alarms, "\n".join(false_alarms)
    assert not missed, "\n".join(missed)
    assert not caught_now, f"caught now: take these out of KNOWN_MISSES: {' '.join(caught_now)}"
