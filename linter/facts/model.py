"""The fact model: entities, offices with tenures, dated events, canonical quotes.

Every fact keeps the location it was written at, so a verdict can be traced back
to its source line, and its id, which findings list as evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Iterable

from linter.dates import DateWindow
from linter.errors import Location

if TYPE_CHECKING:
    from linter.facts.wording import QuoteIndex

ENTITY_TYPES = ("person", "organization", "place", "other")


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str = "person"
    location: Location | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name first, then the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Tenure:
    """One person's time in one office; both ends inclusive, ``end=None`` means still in office."""

    office: str
    who: str
    start: dt.date
    end: dt.date | None = None
    location: Location | None = None

    def includes(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def last_day(self) -> dt.date:
        return self.end or dt.date.max


@dataclass(frozen=True)
class Office:
    id: str
    name: str
    titles: tuple[str, ...]
    seats: int = 1
    holders: tuple[Tenure, ...] = ()
    organization: str | None = None  # entity id of the organisation the office belongs to
    location: Location | None = None

    def tenures_of(self, person: str) -> tuple[Tenure, ...]:
        return tuple(tenure for tenure in self.holders if tenure.who == person)

    def holders_on(self, day: dt.date) -> tuple[Tenure, ...]:
        return tuple(tenure for tenure in self.holders if tenure.includes(day))


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    when: DateWindow
    place: str | None = None
    mentions: tuple[str, ...] = ()
    location: Location | None = None


@dataclass(frozen=True)
class Quote:
    id: str
    speaker: str
    date: dt.date
    text: str
    location: Location | None = None


@dataclass
class FactBase:
    """All facts from one or more merged fact files."""

    entities: dict[str, Entity] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def offices_for(self, office_ids: Iterable[str], person: str, organizations: frozenset[str] | None = None) -> list[Office]:
        """The offices a title means when given to ``person``.

        Of the offices with the title, those the person held. If they held
        none: a title written with an organisation ("England coach") means all
        of that organisation's offices with the title (a closed set, so the
        claim is checked against each); without one, an unambiguous title means
        its one office, and an ambiguous one ("President", which may be an
        office the facts do not list) means nothing: factlint abstains.
        """
        candidates = [self.offices[office_id] for office_id in sorted(office_ids)]
        if organizations is not None:
            candidates = [office for office in candidates if office.organization in organizations]
        own = [office for office in candidates if office.tenures_of(person)]
        if own:
            return own
        return candidates if organizations is not None or len(candidates) == 1 else []

    @cached_property
    def quote_index(self) -> QuoteIndex:
        from linter.facts.wording import QuoteIndex

        return QuoteIndex(self.quotes)

    def name_of(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id
