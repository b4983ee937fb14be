"""The facts behind a finding, written as sentences for a person.

A finding's evidence is a list of fact ids; an editor reading a report wants what
those facts say ("Rishi Sunak was Prime Minister of the United Kingdom from
25 October 2022 to 5 July 2024; Keir Starmer from 5 July 2024.") and where they
are written, so a doubtful fact can be checked at its source.
"""

from __future__ import annotations

from collections.abc import Iterable

from linter.checks.describe import figure, tenures, tolerance
from linter.dates import date_range, long_date
from linter.errors import Location
from linter.facts.model import LOCATED_IN, FactBase, Office
from linter.findings import FactNote

QUOTE_EXCERPT = 280  # characters of a canonical quote shown before it is cut


def narrate(facts: FactBase, evidence: Iterable[str]) -> tuple[FactNote, ...]:
    """Sentences stating the offices, events and quotes among ``evidence``.

    An office is told through the tenures of the people in the evidence, in the
    order they held it; a person in the evidence who never held the one office
    concerned is said to have no recorded tenure. People and organisations are
    otherwise named in the finding's message and get no sentence of their own.
    """
    ids = list(dict.fromkeys(evidence))
    people = [i for i in ids if i in facts.entities]
    offices = [facts.offices[i] for i in ids if i in facts.offices]
    notes = [note for office in offices if (note := _office_note(facts, office, people))]
    if len(offices) == 1:
        office = offices[0]
        notes.extend(
            FactNote(f"The facts record no tenure of {facts.name_of(person)} as {office.name}.", _source(office.location))
            for person in people
            if facts.entities[person].type == "person" and not office.tenures_of(person)
        )
    notes.extend(_event_note(facts, i) for i in ids if i in facts.events)
    notes.extend(_quote_note(facts, i) for i in ids if i in facts.quotes)
    notes.extend(_relation_note(facts, i) for i in ids if i in facts.relations)
    notes.extend(_quantity_note(facts, i) for i in ids if i in facts.quantities)
    return tuple(notes)


def _office_note(facts: FactBase, office: Office, people: list[str]) -> FactNote | None:
    holders = list(dict.fromkeys(t.who for t in sorted((t for t in office.holders if t.who in people), key=lambda t: t.start)))
    if not holders:
        return None
    first, *others = holders
    parts = [f"{facts.name_of(first)} was {office.name} {tenures(office, first)}"]
    parts.extend(f"{facts.name_of(person)} {tenures(office, person)}" for person in others)
    return FactNote("; ".join(parts) + ".", _source(office.location))


def _event_note(facts: FactBase, event_id: str) -> FactNote:
    event = facts.events[event_id]
    place = f" ({facts.place_name(event)})" if event.place else ""
    return FactNote(f"{event.name} took place {event.when.describe()}{place}.", _source(event.location))


def _quote_note(facts: FactBase, quote_id: str) -> FactNote:
    quote = facts.quotes[quote_id]
    words = " ".join(quote.text.split())
    if len(words) > QUOTE_EXCERPT:
        words = words[:QUOTE_EXCERPT].rsplit(" ", 1)[0] + " …"
    return FactNote(f"{facts.name_of(quote.speaker)} said on {long_date(quote.date)}: “{words}”", _source(quote.location))


def _relation_note(facts: FactBase, relation_id: str) -> FactNote:
    """'The relation member-of holds between Sweden and NATO from 7 March 2024.', 'Northwood is outside London.' (issue 15)"""
    relation, related = facts.relations[relation_id], facts.related
    if relation.relation == LOCATED_IN:
        return FactNote(f"{related.name(relation.subject)} is {relation.phrase or 'in'} {related.name(relation.object)}.", _source(relation.location))
    when = ""
    if relation.start and relation.end:
        first, last = date_range(relation.start, relation.end)
        when = f" from {first} to {last}"
    elif relation.start:
        when = f" from {long_date(relation.start)}"
    elif relation.end:
        when = f" until {long_date(relation.end)}"
    pair = f"{related.name(relation.subject)} and {related.describe(relation.object)}"
    return FactNote(f"The relation {relation.relation} holds between {pair}{when}.", _source(relation.location))


def _quantity_note(facts: FactBase, quantity_id: str) -> FactNote:
    """'UK CPI inflation was 2.6% in March 2025 (tolerance 0.05 points; source: https://www.ons.gov.uk/...).'"""
    quantity = facts.quantities[quantity_id]
    when = quantity.when.describe() if quantity.period or quantity.end else f"from {long_date(quantity.start)}"
    if not quantity.period and quantity.end:
        first, last = date_range(quantity.start, quantity.end)
        when = f"from {first} to {last}" if quantity.start != quantity.end else when
    details = [f"tolerance {tolerance(quantity.tolerance, quantity.unit)}"] if quantity.tolerance else []
    details += [f"source: {quantity.source}"] if quantity.source else []
    aside = f" ({'; '.join(details)})" if details else ""
    return FactNote(f"{quantity.name} was {figure(quantity.value, quantity.unit)} {when}{aside}.", _source(quantity.location))


def _source(location: Location | None) -> str | None:
    return location.shown() if location else None
