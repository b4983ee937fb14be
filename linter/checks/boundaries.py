"""Test cases generated from the facts: every tenure's boundaries.

For each tenure, a sentence naming the person with the office's title is
checked on the day before it starts, its first day, its last day and the day
after it ends, by each rule of kind ``office-holder`` (whatever claims the rule
checks; not the staleness rules). The expected verdict is computed here directly from the tenure list,
day by day, as docs/rules.md states it, independently of facts/temporal.py; the
actual verdict goes through the whole pipeline (text, claim, rule). A rule that
does not flip exactly at a boundary fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from linter.analysis import analyse
from linter.checks.describe import tenure as tenure_in_words
from linter.checks.engine import evaluate
from linter.checks.kinds.office_holder import OfficeHolder
from linter.checks.rules import Rule
from linter.dates import DateWindow, long_date
from linter.facts.model import FactBase, Office, Tenure
from linter.facts.temporal import Claim
from linter.mentions.lexicon import build_lexicon
from linter.source.read import document_from_text

ONE_DAY = dt.timedelta(days=1)
_PHRASES = {Claim.CURRENT: "{title} {name} spoke.", Claim.FORMER: "Former {title} {name} spoke.", Claim.EARLIER: "Then-{title} {name} spoke."}


@dataclass(frozen=True)
class BoundaryCase:
    rule: Rule
    office: Office
    tenure: Tenure
    day: dt.date
    text: str
    expected: bool  # the rule should flag
    flagged: bool

    @property
    def ok(self) -> bool:
        return self.expected == self.flagged

    def describe(self, facts: FactBase) -> str:
        """'[office-holder] expected to flag 'Prime Minister Rishi Sunak spoke.' on 24 October 2022, the day before
        Rishi Sunak's tenure as Prime Minister of the United Kingdom (from 25 October 2022 to 5 July 2024)'."""
        verb = "flag" if self.expected else "pass"
        when = {
            self.tenure.start - ONE_DAY: "the day before",
            self.tenure.start: "the first day of",
            self.tenure.end: "the last day of",
            self.tenure.end and self.tenure.end + ONE_DAY: "the day after",
        }[self.day]
        return (
            f"[{self.rule.id}] expected to {verb} {self.text!r} on {long_date(self.day)}, {when} "
            f"{facts.name_of(self.tenure.who)}'s tenure as {self.office.name} ({tenure_in_words(self.tenure)})"
        )


def boundary_cases(facts: FactBase, rules: list[Rule]) -> list[BoundaryCase]:
    lexicon = build_lexicon(facts)
    cases = []
    # A staleness rule (stale_after_days) says how current the facts are, not whether a claim agrees with them.
    tenure_rules = [(rule, rule.kind) for rule in rules if isinstance(rule.kind, OfficeHolder) and rule.kind.stale_after is None]
    for office in facts.offices.values():
        for tenure in office.holders:
            days = [tenure.start - ONE_DAY, tenure.start] + ([tenure.end, tenure.end + ONE_DAY] if tenure.end else [])
            for rule, kind in tenure_rules:
                for claim in sorted(kind.claims, key=lambda c: c.value):
                    text = _PHRASES[claim].format(title=_title(facts, office), name=facts.name_of(tenure.who))
                    for day in days:
                        document = document_from_text(text, f"{office.id}:{tenure.who}:{day}")
                        findings = evaluate(analyse(document, facts, lexicon, DateWindow.day(day), rule.kind.needs), [rule])
                        expected = _expected(claim, office, tenure.who, day)
                        cases.append(BoundaryCase(rule, office, tenure, day, text, expected, bool(findings)))
    return cases


def _title(facts: FactBase, office: Office) -> str:
    """The office's first title, with its organisation's name when it has one."""
    title = office.titles[0]
    return f"{facts.name_of(office.organization)} {title}" if office.organization else title


def _expected(claim: Claim, office: Office, person: str, day: dt.date) -> bool:
    """Whether a rule checking ``claim`` must flag on ``day`` (docs/rules.md, day by day)."""
    own = [t for t in office.holders if t.who == person]
    holds = any(t.start <= day and (t.end is None or day <= t.end) for t in own)
    covered = sum(1 for t in office.holders if t.start <= day and (t.end is None or day <= t.end)) >= office.seats
    if claim is Claim.CURRENT:
        return not holds and covered
    if claim is Claim.FORMER:
        return holds or not any(t.start < day for t in own)
    return not any(t.start <= day for t in own)
