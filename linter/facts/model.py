"""The fact model: entities, offices with tenures, dated events, canonical quotes.

Every fact keeps the location it was written at, so a verdict can be traced back
to its source line, and its id, which findings list as evidence.

This is also the fact file's one declaration: each section is a :class:`FactBase` table
(made with :func:`section`) of a record class whose fields say how they are written
(:func:`linter.fields.declared`). Reading and validating fact files (load.py), the fact
cache's layout (cache.py), the JSON Schema and the tables in docs/facts.md
(linter/contracts.py) are all derived from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from linter.dates import DateWindow
from linter.errors import Location
from linter.fields import Choice, Date, DayOrDays, Field, Integer, Records, Reference, Regex, Slug, Source, Text, Texts, Version, declared

if TYPE_CHECKING:
    from linter.facts.wording import QuoteIndex

ENTITY_TYPES = ("person", "organization", "place", "other")
FACTS_VERSION = 1
_ID = "A unique id (across every section and fact file)."


@dataclass(frozen=True)
class Entity:
    id: str = declared(Slug(), _ID)
    name: str = declared(Text(), "The canonical name.")
    aliases: tuple[str, ...] = declared(Texts(), "Other ways articles name the entity (matched case-sensitively, as whole words).", default=())
    type: str = declared(Choice(ENTITY_TYPES), "What it is: an office's `organization` of type `place` is a country.", default="person")
    location: Location | None = None
    source: str | None = declared(Source(), "Where the fact comes from.", default=None)

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name first, then the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Tenure:
    """One person's time in one office; both ends inclusive, ``end=None`` means still in office."""

    office: str  # the id of the office: not written, the tenure is written inside it
    who: str = declared(Reference(Entity, role="holder"), "Who held the office.")
    start: dt.date = declared(Date(), "The first day in office (inclusive).", key="from")
    end: dt.date | None = declared(Date(), "The last day in office (inclusive); none: still in office.", key="to", default=None)
    location: Location | None = None
    source: str | None = declared(Source(), "Where the fact comes from.", default=None)

    @staticmethod
    def contradiction(values: dict[str, Any]) -> tuple[str, str] | None:
        """A tenure cannot end before it starts: the key to point at, and what is wrong."""
        start, end = values.get("start"), values.get("end")
        return ("to", f"ends ({end}) before it starts ({start})") if start and end and end < start else None

    def includes(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def last_day(self) -> dt.date:
        return self.end or dt.date.max


@dataclass(frozen=True)
class Office:
    id: str = declared(Slug(), _ID)
    name: str = declared(Text(), "The office's full name, as messages give it.")
    titles: tuple[str, ...] = declared(Texts(at_least_one="title"), "Titles articles use for it (matched case-insensitively, as whole words).")
    seats: int = declared(Integer(minimum=1), "How many hold it at once (co-chairs: 2).", default=1)
    holders: tuple[Tenure, ...] = declared(
        Records(Tenure, owner="office", ordered_by="start"), "Who held it, when; kept in order of their first day.", default=()
    )
    organization: str | None = declared(
        Reference(Entity, role="organization"), "The entity the office belongs to (a company, a club, a country).", default=None
    )
    location: Location | None = None
    verified: dt.date | None = declared(
        Date(), "The last day its holders were checked (the office's own, else its file's `verified`).", default=None
    )
    source: str | None = declared(Source(), "Where the fact comes from.", default=None)

    def tenures_of(self, person: str) -> tuple[Tenure, ...]:
        return tuple(tenure for tenure in self.holders if tenure.who == person)

    def holders_on(self, day: dt.date) -> tuple[Tenure, ...]:
        return tuple(tenure for tenure in self.holders if tenure.includes(day))


@dataclass(frozen=True)
class Event:
    id: str = declared(Slug(), _ID)
    name: str = declared(Text(), "The event's name, as messages give it.")
    when: DateWindow = declared(DayOrDays(), "When it took place.", key="date")
    place: str | None = declared(Text(), "Where it took place.", default=None)
    mentions: tuple[str, ...] = declared(
        Texts(Regex(regex.IGNORECASE, noun="mention pattern")),
        "Regexes naming the event in an article (case-insensitive, matched as whole words).",
        default=(),
    )
    location: Location | None = None


@dataclass(frozen=True)
class Quote:
    id: str = declared(Slug(), _ID)
    speaker: str = declared(Reference(Entity, role="speaker"), "Who said it.")
    date: dt.date = declared(Date(), "When it was said.")
    text: str = declared(Text(), "The exact words, as spoken.")
    location: Location | None = None


class LazyTable(Mapping):
    """A read-only id -> fact table whose facts are built on first access.

    Used for facts loaded from the cache: a document touches only the few people
    and offices it mentions, so building all 100,000 objects up front would be waste.
    """

    def __init__(self, raw: dict[str, tuple], build: Callable[[str, tuple], object]) -> None:
        self._raw, self._build = raw, build
        self._made: dict[str, object] = {}

    def __getitem__(self, key: str):
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._build(key, self._raw[key])
        return made

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self):
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def section(record: type, description: str) -> Any:
    """A FactBase table, and the fact file's section of the same name: records of ``record`` by id."""
    return field(default_factory=dict, metadata={"record": record, "description": description})


class Section(NamedTuple):
    name: str  # the FactBase table and the fact file's key
    record: type
    description: str


@cache
def sections() -> tuple[Section, ...]:
    """The fact file's sections, in the order of FactBase's tables."""
    tables = [table for table in fields(FactBase) if "record" in table.metadata]
    return tuple(Section(table.name, table.metadata["record"], table.metadata["description"]) for table in tables)


# The fact file's own fields; its sections are FactBase's tables.
FILE_FIELDS = (
    Field("facts_version", Version(FACTS_VERSION), f"The version of the format; this factlint reads {FACTS_VERSION}.", required=True),
    Field("verified", Date(), "The last day the file's offices were checked (an office's own `verified` wins)."),
)


@dataclass
class FactBase:
    """All facts from one or more merged fact files."""

    entities: Mapping[str, Entity] = section(Entity, "People, organisations, places and other things articles name.")
    offices: Mapping[str, Office] = section(Office, "Offices, with who held them when.")
    events: Mapping[str, Event] = section(Event, "Events, with their dates.")
    quotes: Mapping[str, Quote] = section(Quote, "Canonical quotes: who said what, when.")
    sources: tuple[str, ...] = ()
    holder_offices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # person -> offices held
    organization_offices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # organisation -> its offices

    def index(self) -> FactBase:
        """Build the indexes from the offices (called once, after loading)."""
        holders: dict[str, set[str]] = {}
        owners: dict[str, set[str]] = {}
        for office in self.offices.values():
            for tenure in office.holders:
                holders.setdefault(tenure.who, set()).add(office.id)
            if office.organization:
                owners.setdefault(office.organization, set()).add(office.id)
        self.holder_offices = {key: tuple(sorted(ids)) for key, ids in holders.items()}
        self.organization_offices = {key: tuple(sorted(ids)) for key, ids in owners.items()}
        return self

    def offices_for(self, office_ids: Iterable[str], person: str, organizations: frozenset[str] | None = None) -> list[Office]:
        """The offices a title means when given to ``person``.

        Of the offices with the title, those the person held. If they held
        none: a title written with an organisation ("England coach") means all
        of that organisation's offices with the title (a closed set, so the
        claim is checked against each); without one, an unambiguous title means
        its one office; an ambiguous one ("the prime minister") means the offices
        with that title of the countries (entities of type place) whose offices the
        person held ("the prime minister, Jeremy Hunt": the UK's); otherwise nothing,
        and factlint abstains (it may be an office the facts do not list).
        """
        office_ids = office_ids if isinstance(office_ids, (set, frozenset)) else set(office_ids)
        # Through the indexes: a title such as "chief executive" may name thousands of offices.
        if organizations is not None:
            office_ids = office_ids & {o for org in organizations for o in self.organization_offices.get(org, ())}
        held = self.holder_offices.get(person, ())
        own = [self.offices[o] for o in held if o in office_ids]
        if own:
            return own
        if organizations is not None or len(office_ids) == 1:
            return [self.offices[o] for o in sorted(office_ids)]
        countries = {self.offices[o].organization for o in held} & {e for e in self._countries}
        return [self.offices[o] for o in sorted(office_ids) if self.offices[o].organization in countries]

    @cached_property
    def _countries(self) -> frozenset[str]:
        """Entities of type place that own offices: a person's country is read from the offices they held."""
        return frozenset(org for org in self.organization_offices if org in self.entities and self.entities[org].type == "place")

    @cached_property
    def quote_index(self) -> QuoteIndex:
        from linter.facts.wording import QuoteIndex

        return QuoteIndex(self.quotes)

    def name_of(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id
