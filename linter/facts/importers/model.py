"""What an importer hands over: entities, offices and tenures from one source, with their sources.

Dates in sources are often known only to the month or the year. A tenure is recorded by
its *inner bounds* (docs/facts.md): the first day on which the person certainly held the
office and the last day on which they certainly still did, so that an uncertain day can
hide an error but never invent one. The tenure says so in a comment.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from linter.facts.temporal import clashes


@dataclass(frozen=True)
class Bound:
    """A day known to some precision: somewhere from ``first`` to ``last`` (inclusive)."""

    first: dt.date
    last: dt.date
    written: str  # as the source gives it: "2019", "2019-07", "2019-07-24", "unknown"

    @property
    def exact(self) -> bool:
        return self.first == self.last

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> Bound:
        """The year, month or day given (ValueError if it is no real date)."""
        if month is None:
            return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}")
        if day is None:
            return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), f"{year:04d}-{month:02d}")
        day_ = dt.date(year, month, day)
        return cls(day_, day_, day_.isoformat())


UNKNOWN_END = Bound(dt.date.min, dt.date.max, "unknown")  # the source says the tenure ended, not when


@dataclass(frozen=True)
class ImportedTenure:
    """A tenure as a source gives it, before it is merged into a fact file."""

    who: str  # the key of an ImportedEntity
    start: dt.date
    end: dt.date | None
    source: str
    note: str | None = None  # why a bound is an inner bound, written as a comment


def inner_tenure(start: Bound, end: Bound | None) -> tuple[dt.date, dt.date | None, str | None] | None:
    """The days the person certainly held the office, with a note when a bound is uncertain; None if no day is certain.

    The tenure began somewhere in ``start`` and ended somewhere in ``end`` (None: it has not
    ended), never before it began: so it certainly ran from the latest possible start to the
    earliest possible end.
    """
    if end is None:
        first, last = start.last, None
    else:
        first, last = min(start.last, end.last), max(end.first, start.first)
        if end.last < start.first or first > last:  # it ends before it starts, or no day is certain
            return None
    uncertain = [f"the {name} as {bound.written}" for name, bound in (("start", start), ("end", end)) if bound is not None and not bound.exact]
    note = f"inner bound: the source gives {' and '.join(uncertain)}" if uncertain else None
    return first, last, note


@dataclass
class ImportedEntity:
    """A person, organisation or place as a source gives it."""

    key: str  # the source's identifier (a Wikidata item id, a name in a spreadsheet)
    name: str
    aliases: tuple[str, ...] = ()
    type: str = "person"
    source: str | None = None  # a URL unique to this entity, when the source has one


@dataclass
class ImportedOffice:
    """An office and its holders as a source gives them."""

    key: str
    name: str
    titles: tuple[str, ...]
    tenures: list[ImportedTenure] = field(default_factory=list)
    organization: str | None = None  # an ImportedEntity key
    source: str | None = None
    seats: int = 1


@dataclass
class Imported:
    """Everything one import read, ready to be written into a fact file."""

    origin: str  # what was read, for messages and a new file's header: "latest-all.json.gz (a Wikidata dump)"
    entities: dict[str, ImportedEntity] = field(default_factory=dict)
    offices: dict[str, ImportedOffice] = field(default_factory=dict)
    verified: dt.date | None = None  # the day the source was current
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (where, what was left out and why)


def seats_needed(office: ImportedOffice, name_of: Callable[[str], str], warnings: list[tuple[str, str]], where: str) -> int:
    """As many seats as the source has holders at once: one, unless the dates overlap (then a warning says where)."""
    seats = 1
    while (crowded := next(clashes(office.tenures, seats), None)) is not None:  # type: ignore[arg-type]  # clashes reads only .start, .end and .who, which ImportedTenure has
        day, tenures = crowded
        seats = len(tenures)
        names = ", ".join(name_of(tenure.who) for tenure in tenures)
        warnings.append((where, f"{office.name} has {seats} holders at once on {day} ({names}); recorded with seats: {seats}: check the dates"))
    return seats
