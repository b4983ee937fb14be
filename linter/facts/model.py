"""The fact model: entities, offices with tenures, dated events, canonical quotes.

Every fact keeps the location it was written at, so a verdict can be traced back
to its source line, and its id, which findings list as evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

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
    source: str | None = None  # where the fact comes from: a URL, a file

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
    source: str | None = None

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
    verified: dt.date | None = None  # the last day its holders were checked (the office's own, else its file's)
    source: str | None = None

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


# -- quantities (issue 15) ---------------------------------------------------------------------------
QUANTITY_UNITS = ("percent", "count")  # besides these: a currency code ("GBP") or a named unit ("points", "barrels a day")


@dataclass(frozen=True)
class Quantity:
    """A figure: the value of a measure for a time ("UK CPI inflation, March 2025: 2.6%").

    ``period`` says how the figure is tied to its days. A figure *for* a period (``date:`` a day,
    a month or a year: a statistic describing it) is checked only against copy that names that
    period. A figure *in force* over days (``from:``/``to:``, like a tenure: an interest rate) is
    true on each of them, and is checked at any time the copy speaks of. Figures of one measure
    share its ``name`` and ``subject``. ``tolerance`` is absolute, in the figure's unit. ``subject``
    is whose figure it is: one entity ("ukraine" for "Ukraine's population"), or several the copy
    may name for it (a country and its central bank: "Japan's discount rate", "the Bank of Japan's").
    """

    id: str
    name: str  # the measure, as messages name it: "UK CPI inflation"
    value: float
    unit: str  # "percent", "count", a currency code ("GBP") or a named unit ("points")
    start: dt.date
    end: dt.date | None  # None: in force still (``from`` without ``to``)
    period: bool  # True: ``date`` (the day, month or year it describes); False: ``from``/``to``
    tolerance: float = 0.0
    mentions: tuple[str, ...] = ()  # case-insensitive regexes naming the measure in copy
    subject: tuple[str, ...] = ()  # entity ids: whose figure it is (none: the mentions alone say)
    location: Location | None = None
    source: str | None = None

    @property
    def when(self) -> DateWindow:
        return DateWindow(self.start, self.end or dt.date.max)

    @property
    def measure(self) -> tuple[str, tuple[str, ...]]:
        """What figures of one measure share: the name (whatever its case) and the subject."""
        return self.name.casefold(), tuple(sorted(self.subject))


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


@dataclass
class FactBase:
    """All facts from one or more merged fact files."""

    entities: Mapping[str, Entity] = field(default_factory=dict)
    offices: Mapping[str, Office] = field(default_factory=dict)
    events: Mapping[str, Event] = field(default_factory=dict)
    quotes: Mapping[str, Quote] = field(default_factory=dict)
    quantities: Mapping[str, Quantity] = field(default_factory=dict)  # issue 15: figures with their times
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
