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
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

import regex

from linter.dates import DateWindow, date_range, long_date, month_end
from linter.errors import Location
from linter.fields import (
    Choice,
    Date,
    DayOrDays,
    Field,
    Form,
    Integer,
    Records,
    Reference,
    References,
    Regex,
    Slug,
    Source,
    Text,
    Texts,
    Value,
    Version,
    declared,
    fields_of,
)
from linter.validate import Checker
from linter.yamlio import YamlMap

if TYPE_CHECKING:
    from linter.facts.wording import QuoteIndex

ENTITY_TYPES = ("person", "organization", "place", "other")
FACTS_VERSION = 1
_ID = "A unique id (across every section and fact file)."


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place the facts name."""

    id: str = declared(Slug(), _ID)
    name: str = declared(Text(), "The canonical name.")
    aliases: tuple[str, ...] = declared(Texts(), "Other ways articles name the entity (matched case-sensitively, as whole words).", default=())
    type: str = declared(
        Choice(ENTITY_TYPES, example="place"), "What it is: an office's `organization` of type `place` is a country.", default="person"
    )  # the example: a place, so that an example relation can put something in it
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
    """An office, the titles articles give it, and who held it when."""

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
    """Something that happened on a day or over days, and the words articles name it by."""

    id: str = declared(Slug(), _ID)
    name: str = declared(Text(), "The event's name, as messages give it.")
    when: DateWindow = declared(DayOrDays(), "When it took place.", key="date")
    place: str | None = declared(
        Text(), "Where it took place: the id of a place entity (its place, checked by relation rules: see *Relations*), or text.", default=None
    )
    mentions: tuple[str, ...] = declared(
        Texts(Regex(regex.IGNORECASE, noun="mention pattern")),
        "Regexes naming the event in an article (case-insensitive, matched as whole words).",
        default=(),
    )
    location: Location | None = None


@dataclass(frozen=True)
class Quote:
    """Words someone is on record as saying, and when."""

    id: str = declared(Slug(), _ID)
    speaker: str = declared(Reference(Entity, role="speaker"), "Who said it.")
    date: dt.date = declared(Date(), "When it was said.")
    text: str = declared(Text(), "The exact words, as spoken.")
    location: Location | None = None


# -- relations (issue 15): entities related with time; places in places ---------------------------
LOCATED_IN = "located-in"  # the relation that puts a place in another: the located-in chain
EVENT_PLACE = "place"  # an event's place: its ``place`` when that names a place entity, or relations of this name


@dataclass(frozen=True)
class Relation:
    """A relation between an entity (or an event) and an entity, for the days it holds: "the
    United Kingdom leads the air segment", "Sweden is a member of NATO", "Northwood Headquarters
    is outside London". Both ends inclusive; no ``start``: since before anything the facts say,
    no ``end``: still so. ``phrase`` (located-in only) says how the place lies in the other, in
    the words before its name: "outside" gives "Northwood, outside London"; the default is "in"."""

    id: str = declared(Slug(), _ID)
    relation: str = declared(
        Slug(),
        "The relation's name: rules check relations by it (`member-of`, `capital`, `leads`). Two are reserved: "
        "`located-in` (a place in a place: see *Relations*) and `place` (an event's place).",
    )
    subject: str = declared(Reference((Entity, Event), role="subject"), "What stands in the relation.")
    object: str = declared(Reference(Entity, role="object"), "What it stands in the relation to.")
    start: dt.date | None = declared(
        Date(), "The first day it holds (inclusive); none: since before anything the facts say.", key="from", default=None
    )
    end: dt.date | None = declared(
        Date(), "The last day it holds (inclusive); none: still so. Neither `from` nor `to`: at all times.", key="to", default=None
    )
    phrase: str | None = declared(
        Text(),
        "`located-in` only: how the place lies in the other, in the words before its name (`outside`): messages then say "
        "\"Northwood, outside London\". Without it: \"in\", which goes without saying.",
        key="as",
        default=None,
    )
    location: Location | None = None
    source: str | None = declared(Source(), "Where the fact comes from.", default=None)

    @staticmethod
    def contradiction(values: dict[str, Any]) -> tuple[str, str] | None:
        """A relation cannot end before it starts; a place lies in a place at all times; only that says how (``as``)."""
        start, end, name = values.get("start"), values.get("end"), values.get("relation")
        if start and end and end < start:
            return "to", f"ends ({end}) before it starts ({start})"
        if name == LOCATED_IN and (start or end):
            return "from" if start else "to", "is a place's located-in relation, which holds at all times; give it no 'from' or 'to'"
        if name != LOCATED_IN and values.get("phrase") is not None:
            return "as", f"has 'as', which is only for the relation '{LOCATED_IN}' (how a place lies in another: 'outside')"
        return None

    @staticmethod
    def conflicts(facts: FactBase) -> Iterator[tuple[str, Location | None]]:
        """Located-in relates places, one place to one place (the places form a tree), without a cycle."""
        types = {key: facts.entities[key].type for key in facts.entities}
        parents: dict[str, Relation] = {}
        for relation in facts.relations.values():
            if relation.relation != LOCATED_IN:
                continue
            for end in (relation.subject, relation.object):
                if end in types and types[end] != "place":
                    yield f"relation '{relation.id}': '{end}' is a {types[end]}; located-in relates places (type: place)", relation.location
            if relation.subject == relation.object:
                yield f"relation '{relation.id}' puts '{relation.subject}' in itself", relation.location
            elif relation.subject in parents:
                earlier = parents[relation.subject]
                yield (
                    f"relation '{relation.id}' puts '{relation.subject}' in a second place (relation '{earlier.id}' puts it in "
                    f"'{earlier.object}'); a place lies in one place, which lies in the next"
                ), relation.location
            else:
                parents[relation.subject] = relation
        in_a_cycle: set[str] = set()
        for start, relation in parents.items():
            seen, place = {start}, relation.object
            while place in parents and place not in seen:
                seen.add(place)
                place = parents[place].object
            if place == start and start not in in_a_cycle:  # reported once, at the first of its relations
                in_a_cycle |= seen
                yield f"relation '{relation.id}' closes a cycle of located-in relations through '{start}'", relation.location

    @staticmethod
    def examples() -> tuple[dict[str, Any], ...]:
        """Every field written, in two relations (tests/test_contracts.py): ``as`` is a located-in
        relation's, and a located-in relation has no days. Ids are the example file's ("example-entity" is a place)."""
        every = {field.key: field.value.example() for field in fields_of(Relation)}
        dated = {key: value for key, value in every.items() if key != "as"}
        placed = {key: value for key, value in every.items() if key not in ("from", "to")}
        return dated, {**placed, "relation": LOCATED_IN, "subject": "example-event"}

    @property
    def timeless(self) -> bool:
        return self.start is None and self.end is None

    def overlaps(self, window: DateWindow) -> bool:
        return (self.start is None or self.start <= window.end) and (self.end is None or window.start <= self.end)


class Relations:
    """The relations indexed for a check: by relation name, and the places' located-in chains.

    Chains form a tree (validation allows one located-in per place and no cycle). Two places
    *agree* when one lies in the other (one is on the other's chain: "held in London" and
    Northwood, outside London); they are *apart* when their chains meet and part below the place
    where they meet (London and Paris, both in Europe); otherwise the facts cannot tell.
    """

    def __init__(self, facts: FactBase) -> None:
        self.facts = facts
        self.by_name: dict[str, list[Relation]] = {}
        self.parent: dict[str, Relation] = {}
        for relation in facts.relations.values():
            if relation.relation == LOCATED_IN:
                self.parent.setdefault(relation.subject, relation)
            else:
                self.by_name.setdefault(relation.relation, []).append(relation)

    @cached_property
    def events(self) -> frozenset[str]:
        """The events a relation can speak of: those whose ``place`` names a place, and subjects of relations."""
        placed = {key for key, event in self.facts.events.items() if self.place_of(event)}
        return frozenset(placed | {r.subject for named in self.by_name.values() for r in named if r.subject in self.facts.events})

    def chain(self, place: str) -> list[str]:
        """The place and every place it lies in, nearest first."""
        chain, seen = [place], {place}
        while (up := self.parent.get(chain[-1])) is not None and up.object not in seen:
            chain.append(up.object)
            seen.add(up.object)
        return chain

    def agree(self, written: str, recorded: str) -> bool | None:
        """True: the same entity, or places one of which lies in the other; False: certainly
        different (two entities that are not both places, or places apart); None: cannot tell."""
        if not (self.facts.is_place(written) and self.facts.is_place(recorded)) or written == recorded:
            return self.same(written, recorded)
        mine, theirs = self.chain(written), self.chain(recorded)
        if written in theirs or recorded in mine:
            return True
        return False if set(mine) & set(theirs) else None

    def same(self, written: str, recorded: str) -> bool | None:
        """Compared as things, not as places: True when one entity (or event), False when two entities, None otherwise."""
        if written == recorded:
            return True
        return False if written in self.facts.entities and recorded in self.facts.entities else None

    def place_of(self, event: Event) -> str | None:
        """The place entity an event's ``place`` names (its id), if it names one."""
        return event.place if event.place and self.facts.is_place(event.place) else None

    def records(self, name: str, subject: str) -> list[Relation]:
        """The facts of a relation for a subject; an event's linked ``place`` counts as a timeless
        relation ``place`` (evidence: the event itself)."""
        found = [r for r in self.by_name.get(name, ()) if r.subject == subject]
        if name == EVENT_PLACE and subject in self.facts.events and (place := self.place_of(self.facts.events[subject])):
            found.append(Relation(subject, EVENT_PLACE, subject, place, location=self.facts.events[subject].location))
        return found

    def records_of_object(self, name: str, obj: str) -> list[Relation]:
        return [r for r in self.by_name.get(name, ()) if r.object == obj]

    def describe_place(self, place: str) -> str:
        """'Northwood, outside London': a place's name, and the place it lies in when the facts say how
        (``as``: "outside"; a plain "in" goes without saying: 'Abuja')."""
        up = self.parent.get(place)
        name = self.facts.name_of(place)
        return f"{name}, {up.phrase} {self.facts.name_of(up.object)}" if up and up.phrase else name

    def name(self, key: str) -> str:
        """An entity's or an event's name."""
        return self.facts.events[key].name if key not in self.facts.entities and key in self.facts.events else self.facts.name_of(key)

    def describe(self, key: str) -> str:
        """A place with what it lies in ('Northwood, outside London'); an entity or an event by its name."""
        return self.describe_place(key) if self.facts.is_place(key) else self.name(key)


# -- quantities (issue 15): figures of measures, for a period or in force over days ----------------
QUANTITY_UNITS = ("percent", "count")  # besides these: a currency code ("GBP") or a named unit ("points", "barrels a day")
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")  # the standard library's re: quicker to compile, and these are plain ASCII
_NAMED_UNIT = re.compile(r"[a-z]+(?: [a-z]+)*")
_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _shown(value: Any) -> str:
    """A value written wrongly, as a message quotes it."""
    return f"'{value}'" if isinstance(value, str) else "nothing" if value is None else "a mapping" if isinstance(value, YamlMap) else repr(value)


class Unit(Value):
    """What a figure counts: percent, count, a currency code or a unit's name in lower case."""

    @staticmethod
    def problem(unit: str, key: str, what: str) -> str | None:
        if unit in QUANTITY_UNITS or _CURRENCY_CODE.fullmatch(unit) or _NAMED_UNIT.fullmatch(unit):
            return None
        hint = " (write 'percent')" if unit.strip().lower() in ("%", "per cent", "pct", "percentage") else ""
        return f"{key} '{unit}' in {what} must be percent, count, a currency code (GBP, USD) or a unit's name in lower case{hint}"

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> str | None:
        unit = checker.text(mapping, field.key, what)
        problem = self.problem(unit, field.key, what) if unit is not None else None
        if problem:
            checker.fail(problem, mapping.where(field.key))
            return None
        return unit

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^(percent|count|[A-Z]{3}|[a-z]+( [a-z]+)*)$"}

    def describe(self) -> str:
        return "`percent`, `count`, a currency code (`GBP`, `USD`) or a unit's name in lower case (`barrels per day`)"

    def example(self) -> str:
        return "percent"


class Amount(Value):
    """A number (2.6, 41200000), or a figure written as copy writes it ("41.2 million", "£1.2bn",
    "2.6%": linter/figures.py), which must then be in the unit written beside it (``unit``; with
    ``points``, a percentage's may be in percentage points), and at least ``minimum``."""

    def __init__(self, unit: str = "unit", minimum: float | None = None, points: bool = False) -> None:
        self.unit, self.minimum, self.points = unit, minimum, points

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> float | None:
        value, written = mapping[field.key], None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        else:
            from linter.figures import parse_number  # here: the number parser is needed only for written values

            figure = parse_number(value) if isinstance(value, str) else None
            if figure is None or figure.bound != "exact" or figure.high is not None:
                message = f"'{field.key}' in {what} must be a number, such as 2.6 or 41200000 or '41.2 million', not {_shown(value)}"
                checker.fail(message, mapping.where(field.key))
                return None
            number, written = figure.value, "percent" if figure.unit == "%" else figure.unit
        unit = mapping.get(self.unit)
        if written is not None and isinstance(unit, str) and Unit.problem(unit, self.unit, what) is None and written != unit:
            allowed = self.points and written == "points" and unit == "percent"  # a percentage's tolerance, in percentage points
            if not allowed:
                checker.fail(f"'{field.key}' in {what} is written in {written}, but the unit is {unit}", mapping.where(field.key))
                return None
        if self.minimum is not None and number < self.minimum:
            checker.fail(f"'{field.key}' in {what} must be {self.minimum:g} or more", mapping.where(field.key))
            return None
        return number

    def schema(self) -> dict[str, Any]:
        number: dict[str, Any] = {"type": "number"}
        if self.minimum is not None:
            number["minimum"] = self.minimum
        return {"oneOf": [number, {"type": "string", "pattern": r"\S"}]}

    def describe(self) -> str:
        least = f", {self.minimum:g} or more" if self.minimum is not None else ""
        return f"a number (`2.6`, `41200000`) or a figure as copy writes it (`41.2 million`, `£1.2bn`, `2.6%`){least}"

    def example(self) -> float:
        return 0.5


class Period(Value):
    """The period a figure describes: a day, a month or a year (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``), read as its days."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> DateWindow | None:
        value = mapping[field.key]
        written = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
        found = _PERIOD.fullmatch(written.strip())
        try:
            if found is None:
                raise ValueError
            year, month, day = int(found[1]), int(found[2] or 0), int(found[3] or 0)
            if day:
                return DateWindow.day(dt.date(year, month, day))
            if month:
                return DateWindow(dt.date(year, month, 1), month_end(dt.date(year, month, 1)))
            return DateWindow(dt.date(year, 1, 1), dt.date(year, 12, 31))
        except ValueError:
            message = f"'{field.key}' in {what} must be a day, month or year written YYYY-MM-DD, YYYY-MM or YYYY, not {_shown(value)}"
            checker.fail(message, mapping.where(field.key))
            return None

    def schema(self) -> dict[str, Any]:
        year = {"type": "integer", "minimum": 1000, "maximum": 9999}
        return {"oneOf": [year, {"type": "string", "pattern": r"^\s*[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\s*$"}]}

    def describe(self) -> str:
        return "a day, month or year: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`"

    def example(self) -> str:
        return "2021-02"

    def plain(self, value: DateWindow | None) -> tuple[int, int] | None:
        return (value.start.toordinal(), value.end.toordinal()) if value else None

    def from_plain(self, raw: tuple[int, int] | None, owner: str | None) -> DateWindow | None:
        return DateWindow(dt.date.fromordinal(raw[0]), dt.date.fromordinal(raw[1])) if raw else None


@dataclass(frozen=True)
class Quantity:
    """A figure: the value of a measure for a time ("UK CPI inflation, March 2025: 2.6%").

    It is written in one of two forms. A figure *for* a period (``date``: a day, a month or a
    year; a statistic describing it) is checked only against copy that names that period. A figure
    *in force* over days (``from``/``to``, like a tenure: an interest rate) is true on each of them,
    and is checked at any time the copy speaks of. Figures of one measure share its ``name`` and
    ``subject``, and agree in unit and form (:meth:`conflicts`). ``tolerance`` is absolute, in the
    figure's unit. ``subject`` is whose figure it is: one entity ("ukraine" for "Ukraine's
    population"), or several the copy may name for it (a country and its central bank: "Japan's
    discount rate", "the Bank of Japan's").
    """

    forms: ClassVar[tuple[Form, ...]] = (
        Form("date", "the day, month or year it describes"),
        Form("from", "and 'to': when it was in force", with_it=("to",)),
    )

    id: str = declared(Slug(), _ID)
    name: str = declared(
        Text(), "The measure, as messages name it (`UK CPI inflation`); figures of one measure share it (whatever its case) and their `subject`."
    )
    mentions: tuple[str, ...] = declared(
        Texts(Regex(noun="mention pattern"), at_least_one="mention pattern"), "Regexes naming the measure in an article (case-insensitive)."
    )
    value: float = declared(Amount(), "The figure, in its unit (a figure written with a unit must be in it).")
    unit: str = declared(Unit(), "What the figure counts.")
    period_days: DateWindow | None = declared(
        Period(), "The period the figure describes (a statistic): it is checked only where the copy names that period.", key="date", default=None
    )
    since: dt.date | None = declared(
        Date(), "The first day the figure is in force (a rate): it is checked on every day the copy speaks of.", key="from", default=None
    )
    until: dt.date | None = declared(Date(), "The last day it is in force (inclusive); none: in force still.", key="to", default=None)
    tolerance: float = declared(
        Amount(minimum=0, points=True),
        "How far a figure may stray from the value and still be right, in the unit (a percentage's in percentage points); default 0.",
        default=0.0,
    )
    subject: tuple[str, ...] = declared(
        References(Entity, role="subject"),
        "Whose figure it is: an entity, or several the copy may name for it (a country and its central bank); the copy must name one.",
        default=(),
    )
    location: Location | None = None
    source: str | None = declared(Source(), "Where the fact comes from.", default=None)

    @property
    def period(self) -> bool:
        """True: a figure for the period it describes (``date``); False: in force over days (``from``/``to``)."""
        return self.period_days is not None

    @property
    def start(self) -> dt.date:
        return self.period_days.start if self.period_days is not None else cast(dt.date, self.since)

    @property
    def end(self) -> dt.date | None:
        """The last day; None: in force still (``from`` without ``to``)."""
        return self.period_days.end if self.period_days is not None else self.until

    @property
    def when(self) -> DateWindow:
        return self.period_days or DateWindow(self.start, self.end or dt.date.max)

    @property
    def measure(self) -> tuple[str, tuple[str, ...]]:
        """What figures of one measure share: the name (whatever its case) and the subject."""
        return self.name.casefold(), tuple(sorted(self.subject))

    @staticmethod
    def contradiction(values: dict[str, Any]) -> tuple[str, str] | None:
        """Days in force cannot end before they start."""
        start, end = values.get("since"), values.get("until")
        return ("to", f"ends ({end}) before it starts ({start})") if start and end and end < start else None

    @staticmethod
    def conflicts(facts: FactBase) -> Iterator[tuple[str, Location | None]]:
        """Figures of one measure (one name and subject) agree in unit and in form (each for a period,
        or each in force over days), and never give two values for one time."""
        by_measure: dict[tuple[str, tuple[str, ...]], list[Quantity]] = {}
        for quantity in facts.quantities.values():
            by_measure.setdefault(quantity.measure, []).append(quantity)
        forms = ("describes a period ('date')", "is in force over days ('from')")
        for figures in by_measure.values():
            figures.sort(key=lambda q: (q.start, q.location.line if q.location and q.location.line else 0))
            first = figures[0]
            for other in figures[1:]:
                if other.unit != first.unit:
                    yield (
                        f"quantity '{other.id}' of {other.name} is in {other.unit}, but '{first.id}' of the same measure is in {first.unit}; "
                        "give another measure another name"
                    ), other.location
                elif other.period != first.period:
                    yield (
                        f"quantity '{other.id}' of {other.name} {forms[not other.period]}, but '{first.id}' of the same measure "
                        f"{forms[not first.period]}; give another measure another name"
                    ), other.location
            for earlier, later in itertools.pairwise(figures):
                if earlier.period and later.period and earlier.when == later.when:
                    yield f"quantity '{later.id}' gives a second value of {later.name} {later.when.describe()} (after '{earlier.id}')", later.location
                elif not earlier.period and not later.period and (earlier.end is None or later.start <= earlier.end):
                    yield (
                        f"quantity '{later.id}' gives a second value of {later.name} on {long_date(later.start)} (after '{earlier.id}', "
                        f"in force {in_force(earlier.start, earlier.end)})"
                    ), later.location

    @staticmethod
    def examples() -> tuple[dict[str, Any], ...]:
        """Every field written, in two figures (tests/test_contracts.py): one for a period, one in force
        over days, of two measures (a measure keeps one form)."""
        every = {field.key: field.value.example() for field in fields_of(Quantity)}
        described = {key: value for key, value in every.items() if key not in ("from", "to")}
        in_force = {key: value for key, value in every.items() if key != "date"}
        return described, {**in_force, "name": "Another example measure"}


def in_force(start: dt.date, end: dt.date | None) -> str:
    """'from 6 February to 7 May 2025', or 'from 6 February 2025' (still in force)."""
    if end is None:
        return f"from {long_date(start)}"
    first, last = date_range(start, end)
    return f"from {first} to {last}"


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
    relations: Mapping[str, Relation] = section(Relation, "Relations between entities (or an event and an entity), with the days they hold.")
    quantities: Mapping[str, Quantity] = section(Quantity, "Figures of measures, each for the period it describes or the days it is in force.")
    sources: tuple[str, ...] = ()
    holder_offices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # person -> offices held
    organization_offices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # organisation -> its offices
    # organisation or place -> the offices with a title that names it ("First Mayor of Hamburg", "Hamburg Mayor")
    named_offices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

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
        self.named_offices = self._offices_by_named_owner()
        return self

    def _offices_by_named_owner(self) -> dict[str, tuple[str, ...]]:
        """Each organisation or place, and the offices whose declared titles name it: "Hamburg's
        First Mayor" is the office titled "First Mayor of Hamburg", whatever its ``organization``."""
        by_name: dict[str, set[str]] = {}
        for entity in self.entities.values():
            if entity.type in ("place", "organization"):
                for name in entity.names:
                    by_name.setdefault(name.lower(), set()).add(entity.id)
        named: dict[str, set[str]] = {}
        for office in self.offices.values():
            for title in office.titles:
                title_words = title.lower().split()
                runs = [
                    (start, end)
                    for start in range(len(title_words))
                    for end in range(start + 1, len(title_words) + 1)
                    if " ".join(title_words[start:end]) in by_name
                ]
                for start, end in runs:
                    if any(a <= start and end <= b and (a, b) != (start, end) for a, b in runs):
                        continue  # "Virginia" inside "Governor of West Virginia" is not the owner
                    for owner in by_name[" ".join(title_words[start:end])]:
                        named.setdefault(owner, set()).add(office.id)
        return {key: tuple(sorted(ids)) for key, ids in named.items()}

    def offices_for(
        self, office_ids: Iterable[str], person: str, organizations: frozenset[str] | None = None, generic: bool = False, one_word: bool = False
    ) -> list[Office]:
        """The offices a title means when given to ``person``.

        Of the offices with the title, those the person held. If they held
        none: a title written with an organisation ("England coach") means all
        of that organisation's offices with the title, or of those whose declared titles name it
        (a closed set, so the claim is checked against each); without one, an unambiguous title means
        its one office, unless it is ``generic`` ("President", "Prime Minister") and the person held
        offices only of owners elsewhere (``_elsewhere``; then
        it may be an office the facts do not list: "opposition leader Friedrich Merz" when the facts
        know the UK's only; "Prime Minister Carlos Moedas", known as mayor of Lisbon, in Portugal, is
        checked against Portugal's); an ambiguous one ("the prime minister") means the offices
        with that title of the countries (entities of type place) whose offices the
        person held ("the prime minister, Jeremy Hunt": the UK's); otherwise nothing,
        and factlint abstains (it may be an office the facts do not list).
        """
        office_ids = office_ids if isinstance(office_ids, (set, frozenset)) else set(office_ids)
        # Through the indexes: a title such as "chief executive" may name thousands of offices.
        if organizations is not None:
            owned = (o for org in organizations for o in (*self.organization_offices.get(org, ()), *self.named_offices.get(org, ())))
            office_ids = office_ids & set(owned)
        held = self.holder_offices.get(person, ())
        own = [self.offices[o] for o in held if o in office_ids]
        if own:
            return own
        if organizations is not None:
            return [self.offices[o] for o in sorted(office_ids)]
        owners = {self.offices[o].organization for o in held}
        if len(office_ids) == 1:
            [only] = office_ids
            # The person's own offices belong to others ("President Bola Tinubu", known as governor of
            # Lagos, when the facts' one president is the Bundesbank's): an office the facts do not list.
            owner = self.offices[only].organization
            elsewhere = generic and owners and all(self._elsewhere(mine, owner, one_word) for mine in owners)
            return [] if elsewhere else [self.offices[only]]
        countries = owners & self._countries
        return [self.offices[o] for o in sorted(office_ids) if self.offices[o].organization in countries]

    def _elsewhere(self, mine: str | None, owner: str | None, one_word: bool) -> bool:
        """Whether an office of ``mine`` puts its holder outside the reach of ``owner``'s office.

        Never when the title's office has no owner, or the same. Two places: unless ``mine`` lies in
        ``owner`` (the mayor of Lisbon may be Portugal's prime minister; the UK's health secretary
        may be mayor of any UK city, so London's mayoralty is no sign he is elsewhere). Otherwise a
        title of one word ("President": of a party, a bank, a company) is taken to be elsewhere
        whenever the owners differ or ``mine`` is unknown, as before; a longer one ("Prime Minister")
        only for a place against an organisation."""
        if owner is None or mine == owner:
            return False
        if mine is None:
            return one_word
        if self.is_place(mine) and self.is_place(owner):
            return owner not in self.related.chain(mine)
        return one_word or (self.is_place(mine) and not self.is_place(owner))

    def is_place(self, key: str) -> bool:
        """Whether ``key`` is an entity of type place."""
        return key in self.entities and self.entities[key].type == "place"

    @cached_property
    def _countries(self) -> frozenset[str]:
        """Entities of type place that own offices: a person's country is read from the offices they held."""
        return frozenset(org for org in self.organization_offices if org in self.entities and self.entities[org].type == "place")

    @cached_property
    def quote_index(self) -> QuoteIndex:
        from linter.facts.wording import QuoteIndex

        return QuoteIndex(self.quotes)

    @cached_property
    def related(self) -> Relations:
        """The relations indexed by name, and the places' located-in chains (issue 15)."""
        return Relations(self)

    def place_name(self, event: Event) -> str:
        """An event's place in words: a place entity's name and what it lies in, or the text written."""
        if not event.place:
            return ""
        return self.related.describe_place(event.place) if self.related.place_of(event) else event.place

    def name_of(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id
