"""``kind: office-conflict``: one person given, in one article and at one time, two offices
nobody holds at once.

The claims are the title claims of the mention stage (mentions/claims.py), with their reading
of time (linking/claim_time.py). Two claims are compared only when both are current claims
("Chancellor Rachel Reeves", "Rachel Reeves, the home secretary,") in the article's own words
(not inside a quotation) that speak of the article's date and nothing else: "former",
"then-", "at the time", a time governing the clause ("In 2019, Home Secretary Sajid Javid")
or a time elsewhere in it ("Chancellor Jeremy Hunt cut national insurance in November 2023")
may make the two claims speak of different days, and such claims are left alone.

Two offices are *incompatible* when the rule declares them so (``exclusive``: groups of office
ids, no two of which one person holds at once) or, with ``infer_exclusive`` (the default), when
the facts show it (facts/temporal.py, ``exclusive_by_record``): on some day the facts know every
holder of both offices, and nobody is recorded holding both on one day (a handover day aside).
Offices are not incompatible merely because they differ: a Prime Minister who is also First
Lord of the Treasury, a minister with two portfolios, a chairman who is chief executive are all
recorded holding both, or never covered together, and are not reported. A title that may mean
several offices (an ambiguous "President") conflicts only if every office it may mean conflicts
with every office the other may mean; a person the facts record holding both offices at once,
on some day of the article's date, is never reported.

A title the article also gives the person at another time ("former Education Secretary X",
"In 2003, Education Secretary X") is not compared either: at the article's date it may be a loose
way of speaking of that time. A person whose title, in any of their claims, is written with a word of ``transitions`` in it
or among the three words before it ("new", "outgoing", "appointed": "the newly appointed Home
Secretary X") is not compared: the article tells of a change of office.

One finding per person and pair of offices, at the later claim; the message names the earlier
one and its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.checks.describe import where_else
from linter.checks.kinds.base import Kind, Match
from linter.dates import DateWindow
from linter.facts.model import Office
from linter.facts.temporal import Claim, exclusive_by_record
from linter.fields import Boolean, Field, Texts, Value
from linter.mentions.model import Analysis, OfficeClaim
from linter.validate import Checker
from linter.yamlio import YamlList, YamlMap

PLACEHOLDERS = frozenset(
    {"person", "text", "title", "office", "other_text", "other_title", "other_office", "other_where", "other_line", "date"}
)


class OfficeGroups(Value):
    """Groups of office ids, two or more in each."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> tuple[frozenset[str], ...] | None:
        groups = checker.sequence(mapping[field.key], mapping.where(field.key), f"'{field.key}' in {what}")
        if groups is None:
            return None
        valid = []
        for index, group in enumerate(groups):
            if not isinstance(group, YamlList) or len(group) < 2 or not all(isinstance(i, str) and i.strip() for i in group):
                checker.fail(f"each item of '{field.key}' in {what} must be a list of two office ids or more", groups.where(index))
                continue
            valid.append(frozenset(group))
        return tuple(valid)

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "array", "minItems": 2, "items": {"type": "string", "pattern": r"\S"}}}

    def describe(self) -> str:
        return "a list of lists of office ids, two or more in each"

    def example(self) -> list[list[str]]:
        return [["example-office", "another-office"]]


class OfficeConflict(Kind):
    name = "office-conflict"
    summary = "One person given two incompatible offices at the same time in one article."
    needs = frozenset({"claims", "tokens"})
    params = (
        Field(
            "exclusive",
            OfficeGroups(),
            "Groups of offices no two of which one person holds at once (a group the facts contradict for this person is not reported).",
            default=(),
        ),
        Field("infer_exclusive", Boolean(), "Also offices the facts show nobody holding at once.", default=True),
        Field("transitions", Texts(), "Words in or before a title that tell of a change of office: that person is not compared.", default=()),
    )

    def __init__(self, params: dict[str, Any]) -> None:
        self.groups: list[frozenset[str]] = list(params["exclusive"])
        self.infer = params["infer_exclusive"]
        self.transitions = frozenset(word.casefold() for word in params["transitions"])

    def placeholders(self) -> frozenset[str]:
        return PLACEHOLDERS

    def exclusive(self, first: Office, second: Office) -> bool:
        """Whether one person cannot hold both offices at once: declared, or shown by the facts."""
        if first.id == second.id:
            return False
        if any(first.id in group and second.id in group for group in self.groups):
            return True
        return self.infer and exclusive_by_record(first, second)

    def check(self, analysis: Analysis) -> Iterator[Match]:
        facts, window = analysis.facts, analysis.window
        # Per person, the first claim of each set of offices: a later claim with the same offices
        # would be compared with the same result, and the first of them is the one named.
        seen: dict[str, dict[frozenset[str], tuple[OfficeClaim, list[Office]]]] = {}
        reported: set[tuple[str, frozenset[frozenset[str]]]] = set()
        changing = {claim.person for claim in analysis.claims if self._in_transition(analysis, claim)}
        # The offices the article also gives a person at another time ("former Education Secretary
        # X", "In 2003, Education Secretary X"): a title of one of them at the article's date may be
        # a loose way of speaking of that time, and is not compared.
        past: dict[str, set[str]] = {}
        for claim in analysis.claims:
            if claim.person is not None and (claim.claim is not Claim.CURRENT or claim.times != (window,)):
                past.setdefault(claim.person, set()).update(claim.title.offices)
        for claim in sorted(analysis.claims, key=lambda c: c.span.start):
            person = claim.person
            if person is None or person in changing or claim.quoted or claim.claim is not Claim.CURRENT or claim.times != (window,):
                continue
            offices = claim.title.offices_for(facts, person, claim.organizations)
            if not offices or any(office.id in past.get(person, ()) for office in offices):
                continue
            earlier = seen.setdefault(person, {})
            ids = frozenset(office.id for office in offices)
            for other_ids, (other, other_offices) in earlier.items():
                key = (person, frozenset({other_ids, ids}))
                if key in reported or not self._conflict(other_offices, offices, person, window):
                    continue
                reported.add(key)
                yield self._match(analysis, claim, offices, other, other_offices, person)
                break
            earlier.setdefault(ids, (claim, offices))

    def _in_transition(self, analysis: Analysis, claim: OfficeClaim) -> bool:
        """A word of ``transitions`` in the claim or among the three words before it ("the newly
        appointed Home Secretary X", "outgoing Education Secretary X"): the article tells of a
        change of office, and may give the person both."""
        if not self.transitions:
            return False
        tokens = analysis.tokens
        first, last = tokens.index_at_or_after(claim.span.start), tokens.index_at_or_after(claim.span.end)
        return any(word in self.transitions for word in tokens.lower[max(first - 3, 0) : last])

    def _conflict(self, first: list[Office], second: list[Office], person: str, window: DateWindow) -> bool:
        """Every office one title may mean is incompatible with every office the other may mean, and
        the facts do not record the person holding both on a day of the window."""
        return all(self.exclusive(a, b) and not _holds_both(a, b, person, window) for a in first for b in second)

    def _match(
        self, analysis: Analysis, claim: OfficeClaim, offices: list[Office], other: OfficeClaim, other_offices: list[Office], person: str
    ) -> Match:
        line, _ = analysis.document.position(claim.span.start)
        other_line, _ = analysis.document.position(other.span.start)
        values = {
            "person": analysis.facts.name_of(person),
            "text": analysis.text(claim.span),
            "title": analysis.text(claim.title.span),
            "office": _names(offices),
            "other_text": analysis.text(other.span),
            "other_title": analysis.text(other.title.span),
            "other_office": _names(other_offices),
            "other_where": where_else(line, other_line),
            "other_line": str(other_line),
            "date": analysis.window.describe(),
        }
        evidence = tuple(sorted({person, *(o.id for o in offices), *(o.id for o in other_offices)}))
        return Match(claim.span, values, evidence)


def _holds_both(first: Office, second: Office, person: str, window: DateWindow) -> bool:
    """The facts record the person in both offices on one day of the window (a declared exclusivity
    the record contradicts is not reported)."""
    return any(
        max(a.start, b.start, window.start) <= min(a.last_day, b.last_day, window.end)
        for a in first.tenures_of(person)
        for b in second.tenures_of(person)
    )


def _names(offices: list[Office]) -> str:
    names = list(dict.fromkeys(office.name for office in offices))
    return f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]
