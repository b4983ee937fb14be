"""Test cases generated from the facts: every tenure's, relation's and figure's edges.

For each tenure, a sentence naming the person with the office's title is
checked on the day before it starts, its first day, its last day and the day
after it ends, by each rule of kind ``office-holder`` (whatever claims the rule
checks; not the staleness rules); each dated relation the same way, in words one of
the ``relation`` rule's own patterns reads; each quantity at its tolerance edges. The
expected verdict is computed here directly from the facts,
day by day, as docs/rules.md states it, independently of facts/temporal.py; the
actual verdict goes through the whole pipeline (text, claim, rule). A rule that
does not flip exactly at a boundary fails.
"""

from __future__ import annotations

import datetime as dt
import math
import re._parser as _parser  # the standard library's regex parser, to write words a mention matches
from dataclasses import dataclass

import regex

from linter.analysis import analyse
from linter.checks.describe import figure
from linter.checks.describe import tenure as tenure_in_words
from linter.checks.describe import tolerance as tolerance_in_words
from linter.checks.engine import evaluate
from linter.checks.kinds.office_holder import OfficeHolder
from linter.checks.kinds.quantity import QuantityCheck
from linter.checks.kinds.relation import RelationCheck, expand, fill
from linter.checks.rules import Rule
from linter.dates import DateWindow, date_range, long_date
from linter.facts.model import FactBase, Office, Quantity, Relation, Relations, Tenure
from linter.facts.temporal import Claim
from linter.mentions.lexicon import build_lexicon
from linter.mentions.patterns import mention_pattern
from linter.source.read import document_from_text

ONE_DAY = dt.timedelta(days=1)
_PHRASES = {Claim.CURRENT: "{title} {name} spoke.", Claim.FORMER: "Former {title} {name} spoke.", Claim.EARLIER: "Then-{title} {name} spoke."}


@dataclass(frozen=True)
class GeneratedCase:
    """Copy written from the facts, checked by one rule on one day: what the rule should do, and did."""

    rule: Rule
    day: dt.date  # the article's date
    text: str
    expected: bool  # the rule should flag
    flagged: bool

    @property
    def ok(self) -> bool:
        return self.expected == self.flagged


@dataclass(frozen=True)
class BoundaryCase(GeneratedCase):
    """A tenure edge to check: a day around its first or last day (see the module docstring)."""

    office: Office
    tenure: Tenure

    @property
    def location(self):
        return self.tenure.location

    def describe(self, facts: FactBase) -> str:
        """'[office-holder] expected to flag 'Prime Minister Rishi Sunak spoke.' on 24 October 2022, the day before
        Rishi Sunak's tenure as Prime Minister of the United Kingdom (from 25 October 2022 to 5 July 2024)'."""
        verb = "flag" if self.expected else "pass"
        when = dict(_edge_days(self.tenure.start, self.tenure.end))[self.day]
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
            if _styled(facts.name_of(tenure.who), office):
                continue  # "King Fahd" keeps the style for life: the name claims nothing to test
            days = [day for day, _ in _edge_days(tenure.start, tenure.end)]
            for rule, kind in tenure_rules:
                for claim in sorted(kind.claims, key=lambda c: c.value):
                    text = _PHRASES[claim].format(title=_title(facts, office), name=facts.name_of(tenure.who))
                    for day in days:
                        document = document_from_text(text, f"{office.id}:{tenure.who}:{day}")
                        findings = evaluate(analyse(document, facts, lexicon, DateWindow.day(day), rule.kind.needs), [rule])
                        expected = _expected(claim, office, tenure.who, day)
                        cases.append(BoundaryCase(rule, day, text, expected, bool(findings), office=office, tenure=tenure))
    return cases


def _edge_days(start: dt.date | None, end: dt.date | None) -> list[tuple[dt.date, str]]:
    """The days a period is tested on, with their words: the day before it starts, its first day, its
    last day and the day after it ends (those it has)."""
    days = [(start - ONE_DAY, "the day before"), (start, "the first day of")] if start else []
    return days + ([(end, "the last day of"), (end + ONE_DAY, "the day after")] if end else [])


def _styled(name: str, office: Office) -> bool:
    """Whether a holder's name begins with a title of the office ("King Fahd", "Pope Francis")."""
    return any(name.lower().startswith(title.lower() + " ") for title in office.titles)


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
        handed_over = any(t.end == day and t.start < day for t in own)  # by the end of its last day, former
        return not handed_over and (holds or not any(t.start < day for t in own))
    return not any(t.start <= day for t in own)


# -- relations (issue 15): every dated relation's edges ---------------------------------------------

# Words that make a relation claim speak of other times than the article's date (docs/rules.md,
# "The facts decide"): the generated copy is in the present tense, without them.
_NOT_PRESENT = frozenset("was were had will would could might may shall should to".split())


@dataclass(frozen=True)
class RelationCase(GeneratedCase):
    """A relation written as present-tense copy, checked on a day at one edge of the relation's days."""

    relation: Relation

    @property
    def location(self):
        return self.relation.location

    def describe(self, facts: FactBase) -> str:
        """'[member-of] expected to flag 'Sweden is member of NATO.' on 6 March 2024, the day before the
        relation sweden-in-nato (Sweden member-of NATO, from 7 March 2024)'."""
        verb = "flag" if self.expected else "pass"
        r = self.relation
        when = dict(_edge_days(r.start, r.end))[self.day]
        days = f"from {long_date(r.start)}" if r.start else ""
        days += (" to " if days else "until ") + long_date(r.end) if r.end else ""
        return (
            f"[{self.rule.id}] expected to {verb} {self.text!r} on {long_date(self.day)}, {when} the relation {r.id} "
            f"({facts.related.name(r.subject)} {r.relation} {facts.related.name(r.object)}, {days})"
        )


def relation_cases(facts: FactBase, rules: list[Rule]) -> list[RelationCase]:
    """For each rule of kind ``relation`` and each dated relation of the facts it checks: the pair,
    written in the first of the rule's patterns that reads as present-tense copy, checked on the
    day before the relation starts, its first day, its last day and the day after it ends. Timeless
    relations (an event's place) have no edges; a pair no pattern can be written for is left out."""
    lexicon = build_lexicon(facts)
    related = facts.related
    cases: list[RelationCase] = []
    for rule in rules:
        if not isinstance(rule.kind, RelationCheck):
            continue
        for relation in sorted(related.by_name.get(rule.kind.relation, ()), key=lambda r: r.id):
            written = None if relation.timeless else _relation_text(facts, rule.kind, relation)
            if written is None:
                continue  # no edges, or no wording the rule reads
            text, slots = written
            for day, _ in _edge_days(relation.start, relation.end):
                expected = _relation_expected(related, rule.kind, relation, day, slots)
                cases.append(RelationCase(rule, day, text, expected, _flags(facts, lexicon, rule, text, day), relation=relation))
    return cases


def _relation_text(facts: FactBase, kind: RelationCheck, relation: Relation) -> tuple[str, dict[str, str]] | None:
    """The pair in the first of the kind's patterns whose simplest wording it matches, in the present
    tense, and that pattern's slot types."""
    subject, obj = _words_for(facts, relation.subject), _words_for(facts, relation.object)
    if subject is None or obj is None:
        return None
    words = {"subject": subject, "object": obj}
    for pattern, slots in kind.patterns:
        example = _example(fill(pattern, words))
        if example is None or _NOT_PRESENT & set(example.lower().split()):
            continue
        text = example[:1].upper() + example[1:] + ("" if example[-1] in ".!?" else ".")
        if regex.search(expand(pattern, {slot: (written,) for slot, written in words.items()}), text, kind.flags):
            return text, slots
    return None


def _words_for(facts: FactBase, key: str) -> str | None:
    """How copy names an entity (its name, or else an alias, that no other entity shares: a shared
    name binds no slot) or an event (words one of its mentions matches)."""
    if key in facts.entities:
        shared = {name for other_key, other in facts.entities.items() if other_key != key for name in other.names}
        return next((name for name in facts.entities[key].names if name not in shared), None)
    mentions = facts.events[key].mentions
    return next((words for words in map(_example, mentions) if words and any(mention_pattern(m).fullmatch(words) for m in mentions)), None)


def _relation_expected(related: Relations, kind: RelationCheck, relation: Relation, day: dt.date, slots: dict[str, str]) -> bool:
    """docs/rules.md, "The facts decide", for the relation's own pair on one day: true when the pair (or
    places that agree with it) holds that day; otherwise, without ``unique``, false when the facts
    record the pair at all; with it, false when a certainly different partner holds that day on the
    side that has one, and no partner the facts cannot compare does."""

    def holds(other: Relation) -> bool:
        return (other.start is None or other.start <= day) and (other.end is None or day <= other.end)

    facts = related.by_name[kind.relation]
    sides = [
        (
            kind.same_side(related, "subject", slots, relation.subject, r.subject),
            kind.same_side(related, "object", slots, relation.object, r.object),
            r,
        )
        for r in facts
    ]
    agreeing = [r for subject, obj, r in sides if subject is True and obj is True]
    if any(holds(r) for r in agreeing):
        return False
    if kind.unique is None:
        return bool(agreeing)
    # The facts of the written partner on the side that has one (the subject, for `unique: object`), and
    # whether their other side agrees with the written one: True, False (certainly not) or None (cannot tell).
    if kind.unique == "object":
        others = [(obj, r) for subject, obj, r in sides if subject is True]
    else:
        others = [(subject, r) for subject, obj, r in sides if obj is True]
    that_day = [same for same, r in others if holds(r)]
    return False in that_day and None not in that_day


# -- quantities (issue 15): every figure's tolerance edges -----------------------------------------

_FIGURE_PHRASES = ("{measure} was {figure}{time}.", "{measure} stood at {figure}{time}.", "{measure} of {figure}{time}.")
_SIGNS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}


@dataclass(frozen=True)
class QuantityCase(GeneratedCase):
    """A figure written at one edge of a quantity's tolerance, and what a rule of kind ``quantity`` made of it."""

    quantity: Quantity
    edge: str  # "the value", "the top of its tolerance", "just above its tolerance", ...

    @property
    def location(self):
        return self.quantity.location

    def describe(self, facts: FactBase) -> str:
        """'[quantity] expected to flag 'UK CPI inflation was 2.651% in March 2025.' on 30 April 2025, just above
        the tolerance of UK CPI inflation (2.6% in March 2025, tolerance 0.05 points)'."""
        verb = "flag" if self.expected else "pass"
        q = self.quantity
        margin = f"tolerance {tolerance_in_words(q.tolerance, q.unit)}" if q.tolerance else "no tolerance"
        when = q.when.describe() if q.period else "from " + " to ".join(date_range(q.start, q.end)) if q.end else f"from {long_date(q.start)}"
        return (
            f"[{self.rule.id}] expected to {verb} {self.text!r} on {long_date(self.day)}, {self.edge} of {q.name} "
            f"({figure(q.value, q.unit)} {when}, {margin})"
        )


def quantity_cases(facts: FactBase, rules: list[Rule]) -> list[QuantityCase]:
    """For each quantity and each rule of kind ``quantity``: the figure written at its value, at both
    edges of its tolerance (right) and one digit beyond each (wrong), at the time it is given for (a
    period it describes, named in the sentence; the first and last day a figure is in force, as the
    article's date), and, for a figure in force, its own value on the day before and the day after,
    which are right or wrong as the figures of those days say. The expected verdict is computed here,
    from the facts and the written figure's rounding, independently of the kind."""
    lexicon = build_lexicon(facts)
    rules = [rule for rule in rules if isinstance(rule.kind, QuantityCheck)]
    cases: list[QuantityCase] = []
    for quantity in sorted(facts.quantities.values(), key=lambda q: q.id):
        measure, written = _measure_words(facts, quantity), _writer(quantity)
        if measure is None or written is None:
            continue  # no words its own mentions match, or a unit the copy cannot be written in here
        step = 10.0 ** -(max(_decimals(quantity.value), _decimals(quantity.tolerance)) + 1)
        low, high = quantity.value - quantity.tolerance, quantity.value + quantity.tolerance
        for rule in rules:
            for day, time, values in _days(facts, quantity, step, low, high):
                phrase = _phrase(facts, lexicon, rule, measure, written, quantity, day, time, step)
                if phrase is None:
                    continue  # the rule reads none of the phrasings: nothing to test it with
                for edge, value, expected in values:
                    text = phrase.format(measure=measure, figure=written(value, step), time=time)
                    flagged = _flags(facts, lexicon, rule, text, day)
                    cases.append(QuantityCase(rule, day, text, expected, flagged, quantity=quantity, edge=edge))
    return cases


def _days(facts: FactBase, quantity: Quantity, step: float, low: float, high: float) -> list[tuple[dt.date, str, list[tuple[str, float, bool]]]]:
    """(article's date, time written, [(edge, figure, expected to flag)]) for a quantity."""
    edges = [
        (edge, figure, not _agrees(figure, step / 2, quantity))
        for edge, figure in (
            ("the value", quantity.value), ("the bottom of the tolerance", low), ("the top of the tolerance", high),
            ("just below the tolerance", low - step), ("just above the tolerance", high + step),
        )
    ]
    if quantity.period:
        return [(quantity.when.end + ONE_DAY, f" {quantity.when.describe()}", edges)]
    days = [(quantity.start, "", edges)]
    if quantity.end is not None and quantity.end != quantity.start:
        days.append((quantity.end, "", edges))
    neighbours = [quantity.start - ONE_DAY] + ([quantity.end + ONE_DAY] if quantity.end else [])
    for day in neighbours:
        other = [q for q in facts.quantities.values() if q.measure == quantity.measure and q.id != quantity.id and q.when.start <= day <= q.when.end]
        expected = bool(other) and not _agrees(quantity.value, step / 2, other[0])
        edge = "the day before" if day < quantity.start else "the day after"
        days.append((day, "", [(edge, quantity.value, expected)]))
    return days


def _agrees(written: float, precision: float, quantity: Quantity) -> bool:
    """docs/rules.md: a figure written ``written`` (rounded: give or take ``precision``) is right when
    that range meets the quantity's value give or take its tolerance."""
    return written - precision <= quantity.value + quantity.tolerance and written + precision >= quantity.value - quantity.tolerance


def _phrase(
    facts: FactBase, lexicon, rule: Rule, measure: str, written, quantity: Quantity, day: dt.date, time: str, step: float
) -> str | None:
    """The first phrasing the rule reads: the one where a figure far from the value is flagged."""
    far = quantity.value + quantity.tolerance + max(1.0, abs(quantity.value)) * 10
    for phrase in _FIGURE_PHRASES:
        if _flags(facts, lexicon, rule, phrase.format(measure=measure, figure=written(far, step), time=time), day):
            return phrase
    return None


def _flags(facts: FactBase, lexicon, rule: Rule, text: str, day: dt.date) -> bool:
    document = document_from_text(text, f"{rule.id}:{day}")
    return bool(evaluate(analyse(document, facts, lexicon, DateWindow.day(day), rule.kind.needs), [rule]))


def _measure_words(facts: FactBase, quantity: Quantity) -> str | None:
    """Words naming the quantity that its own mentions match: its name, else a mention written as plain
    words; with its (first) subject as a possessive before them ("United Kingdom's population")."""
    candidates = [quantity.name, *(words for words in map(_example, quantity.mentions) if words)]
    for words in candidates:
        if any(mention_pattern(mention).fullmatch(words) for mention in quantity.mentions):
            return f"{facts.name_of(quantity.subject[0])}'s {words}" if quantity.subject else words[:1].upper() + words[1:]
    return None


def _example(pattern: str) -> str | None:
    """Words a simple mention pattern matches: its first alternative, optional parts left out, each
    repeat once ('(?:interest|base) rates?' gives 'interest rate'); None for anything else."""
    try:
        parsed = _parser.parse(pattern)
    except Exception:  # a pattern only the regex module reads
        return None

    def walk(items) -> str | None:
        text = ""
        for op, argument in items:
            if op is _parser.LITERAL:
                text += chr(argument)
            elif op is _parser.SUBPATTERN:
                inner = walk(argument[-1])
                if inner is None:
                    return None
                text += inner
            elif op is _parser.BRANCH:
                inner = walk(argument[1][0])
                if inner is None:
                    return None
                text += inner
            elif op in (_parser.ASSERT, _parser.ASSERT_NOT, _parser.AT):
                continue  # a lookaround or an anchor: matches no words
            elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
                low, _, body = argument
                inner = walk(body) if low else ""
                if inner is None:
                    return None
                text += inner * min(low, 1)
            else:
                return None
        return text

    words = walk(parsed)
    return " ".join(words.split()) if words and words.strip() else None


def _writer(quantity: Quantity):
    """How a figure of this quantity is written, at a number of decimals: '2.651%', '£1,200.5', '4,800.1 points'."""
    unit = quantity.unit

    def number(value: float, step: float) -> str:
        decimals = max(0, round(-math.log10(step)))
        return f"{value:,.{decimals}f}"

    if unit == "percent":
        return lambda value, step: f"{number(value, step)}%"
    if unit in _SIGNS:
        return lambda value, step: f"-{_SIGNS[unit]}{number(-value, step)}" if value < 0 else f"{_SIGNS[unit]}{number(value, step)}"
    if unit == "count":
        return number
    if len(unit) == 3 and unit.isupper():
        return None  # a currency the figures of copy are not read in
    return lambda value, step: f"{number(value, step)} {unit}"


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0
