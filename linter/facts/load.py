"""Load, validate and merge fact files (the format is documented in docs/facts.md).

Validation is complete: every problem in every file is reported with its
``file:line:col`` before any document is checked, in one pass. Merging several
files is an error when ids clash, when a holder names an unknown entity, or when
an office has more simultaneous holders than seats; these checks across facts run
even when some facts are invalid, as long as their verdicts still mean something
(see :class:`_Reading`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import regex

from linter.dates import DateWindow, date_range, long_date, month_end
from linter.errors import Location, UserError, did_you_mean
from linter.facts.model import ENTITY_TYPES, QUANTITY_UNITS, Entity, Event, FactBase, Office, Quantity, Quote, Tenure
from linter.facts.temporal import clashes
from linter.user_regex import BadRegex, compile_user_regex, shown
from linter.validate import Checker
from linter.yamlio import YamlMap, read_yaml_file

SLUG = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FACTS_VERSION = 1
_SECTIONS = ("entities", "offices", "events", "quotes", "quantities")
_SUGGESTIONS = 20  # unknown entity ids given a did-you-mean, per load (each costs ~0.25 s with 100,000 entities)


@dataclass
class _Reading:
    """What reading the files learnt beyond the valid facts, so that the checks across facts can
    run on the valid ones without reporting what an invalid one would have settled."""

    first_seen: dict[str, Location] = field(default_factory=dict)  # id -> where it was first defined
    entity_ids: set[str] = field(default_factory=set)  # every entity id written, the invalid entities' too
    entities_known: bool = True  # False: some entity's id could not be read, so "not a known entity" may be wrong
    unsure_seats: set[str] = field(default_factory=set)  # offices whose 'seats' is invalid: no clash can be told


def load_facts(paths: list[str]) -> FactBase:
    """Read and merge fact files; raise UserError(s) describing every problem in all of them."""
    return _load(paths, read_yaml_file)


def load_facts_data(data: Any, path: str, references: bool = True) -> FactBase:
    """Validate facts already parsed from YAML (e.g. a rule pack's example facts). Without ``references``,
    ids of entities defined in other fact files (to be merged with this one) are not checked."""
    return _load([path], lambda _: data, references)


def _load(paths: list[str], read: Callable[[str], Any], references: bool = True) -> FactBase:
    checker, reading = Checker(), _Reading()
    facts = FactBase(sources=tuple(paths))
    for path in paths:
        try:
            data = read(path)
        except UserError as error:  # unreadable or not YAML: report it with the other files' problems
            checker.problems.extend(getattr(error, "errors", [error]))
            reading.entities_known = False
            continue
        _read_file(data, path, facts, reading, checker)
    if reading.entities_known and references:
        _check_references(facts, reading.entity_ids, checker)
    _check_seats(facts, reading.unsure_seats, checker)
    _check_quantities(facts, reading.entity_ids if reading.entities_known and references else None, checker)
    order = {path: index for index, path in enumerate(paths)}  # problems in file order, then line by line

    def in_file_order(problem: UserError) -> tuple[int, int, int]:
        location = problem.location
        assert location is not None  # every problem in a fact file says where it is
        return order.get(location.path, len(order)), location.line or 0, location.column or 0

    checker.problems.sort(key=in_file_order)
    checker.raise_if_failed()
    return facts.index()


def _read_file(data: Any, path: str, facts: FactBase, reading: _Reading, checker: Checker) -> None:
    root = checker.mapping(data, Location(path, 1, 1), "a fact file")
    if root is None:
        reading.entities_known = False
        return
    checker.keys(root, ("facts_version", "verified", *_SECTIONS), ("facts_version",), "a fact file")
    version = root.get("facts_version")
    if "facts_version" in root and version != FACTS_VERSION:
        checker.fail(f"unsupported facts_version {version!r}; this factlint reads version {FACTS_VERSION}", root.where("facts_version"))
    verified = checker.date(root, "verified", "a fact file")  # the default of the file's offices
    readers = {
        "entities": _entity, "offices": lambda m, w, c: _office(m, w, c, reading.unsure_seats), "events": _event, "quotes": _quote,
        "quantities": _quantity,
    }
    stores = {
        "entities": facts.entities, "offices": facts.offices, "events": facts.events, "quotes": facts.quotes, "quantities": facts.quantities,
    }
    for section, reader in readers.items():
        if section not in root or root[section] is None:
            continue
        items = checker.sequence(root[section], root.where(section), f"'{section}'")
        if items is None and section == "entities":
            reading.entities_known = False
        if items is None:
            continue
        for index, item in enumerate(items):
            what = f"{section}[{index}]"
            mapping = checker.mapping(item, items.where(index), what)
            if section == "entities":
                written_id = mapping.get("id") if mapping is not None else None
                if isinstance(written_id, str):
                    reading.entity_ids.add(written_id)
                else:
                    reading.entities_known = False
            if mapping is None:
                continue
            fact = reader(mapping, what, checker)
            if fact is None:
                continue
            if fact.id in reading.first_seen:
                earlier = reading.first_seen[fact.id]
                checker.fail(f"duplicate id '{fact.id}' (already defined at {earlier})", mapping.where("id"))
                continue
            reading.first_seen[fact.id] = mapping.where("id")
            if isinstance(fact, Office) and fact.verified is None and verified is not None:
                fact = dataclasses.replace(fact, verified=verified)
            # the FactBase being loaded holds plain dicts (its fields are Mappings so a cached one can be lazy)
            cast(dict[str, object], stores[section])[fact.id] = fact


def _fact_id(mapping: YamlMap, what: str, checker: Checker) -> str | None:
    fact_id = checker.text(mapping, "id", what)
    if fact_id is not None and not SLUG.fullmatch(fact_id):
        checker.fail(f"id '{fact_id}' must be a slug of lowercase letters, digits and single hyphens", mapping.where("id"))
        return None
    return fact_id


def _entity(mapping: YamlMap, what: str, checker: Checker) -> Entity | None:
    checker.keys(mapping, ("id", "name", "aliases", "type", "source"), ("id", "name"), what)
    fact_id, name = _fact_id(mapping, what, checker), checker.text(mapping, "name", what)
    aliases = checker.text_list(mapping, "aliases", what)
    kind = checker.text(mapping, "type", what) or "person"
    source = checker.text(mapping, "source", what)
    if kind not in ENTITY_TYPES:
        checker.fail(f"type '{kind}' in {what} must be one of: {', '.join(ENTITY_TYPES)}", mapping.where("type"))
        return None
    if fact_id is None or name is None:
        return None
    return Entity(fact_id, name.strip(), tuple(a.strip() for a in aliases), kind, mapping.location, source)


def _office(mapping: YamlMap, what: str, checker: Checker, unsure_seats: set[str]) -> Office | None:
    checker.keys(mapping, ("id", "name", "titles", "seats", "holders", "organization", "verified", "source"), ("id", "name", "titles"), what)
    organization = checker.text(mapping, "organization", what)
    verified, source = checker.date(mapping, "verified", what), checker.text(mapping, "source", what)
    fact_id, name = _fact_id(mapping, what, checker), checker.text(mapping, "name", what)
    titles = checker.text_list(mapping, "titles", what)
    if "titles" in mapping and not titles:
        checker.fail(f"{what} needs at least one title", mapping.where("titles"))
    seats = checker.typed(mapping, "seats", int, what)
    if seats is not None and seats < 1:
        checker.fail(f"'seats' in {what} must be at least 1", mapping.where("seats"))
        seats = None
    if "seats" in mapping and seats is None and fact_id is not None:
        unsure_seats.add(fact_id)
    holders = []
    if mapping.get("holders") is not None:
        items = checker.sequence(mapping["holders"], mapping.where("holders"), f"'holders' in {what}")
        for index, item in enumerate(items if items is not None else ()):
            assert items is not None  # the loop runs only over a list
            tenure = _tenure(item, items.where(index), f"{what}.holders[{index}]", fact_id or "?", checker)
            if tenure is not None:
                holders.append(tenure)
    if fact_id is None or name is None or not titles:
        return None
    holders.sort(key=lambda tenure: tenure.start)
    return Office(
        fact_id, name.strip(), tuple(t.strip() for t in titles), seats or 1, tuple(holders), organization, mapping.location,
        verified, source,
    )


def _tenure(item: Any, location: Location, what: str, office_id: str, checker: Checker) -> Tenure | None:
    mapping = checker.mapping(item, location, what)
    if mapping is None:
        return None
    checker.keys(mapping, ("who", "from", "to", "source"), ("who", "from"), what)
    who, source = checker.text(mapping, "who", what), checker.text(mapping, "source", what)
    start, end = checker.date(mapping, "from", what), checker.date(mapping, "to", what)
    if start and end and end < start:
        checker.fail(f"{what} ends ({end}) before it starts ({start})", mapping.where("to"))
        return None
    if who is None or start is None or ("to" in mapping and end is None):
        return None
    return Tenure(office_id, who.strip(), start, end, mapping.location, source)


def _event(mapping: YamlMap, what: str, checker: Checker) -> Event | None:
    checker.keys(mapping, ("id", "name", "date", "place", "mentions"), ("id", "name", "date"), what)
    fact_id, name = _fact_id(mapping, what, checker), checker.text(mapping, "name", what)
    place = checker.text(mapping, "place", what)
    when = _event_date(mapping, what, checker)
    mentions = checker.text_list(mapping, "mentions", what)
    for pattern in mentions:
        try:
            compile_user_regex(pattern, regex.IGNORECASE | regex.VERSION1)
        except BadRegex as error:
            checker.fail(f"mention pattern {shown(pattern)} in {what} is not a valid regex: {error}", mapping.where("mentions"))
            return None
    if fact_id is None or name is None or when is None:
        return None
    return Event(fact_id, name.strip(), when, place, tuple(mentions), mapping.location)


def _event_date(mapping: YamlMap, what: str, checker: Checker) -> DateWindow | None:
    value = mapping.get("date")
    if isinstance(value, YamlMap):
        checker.keys(value, ("from", "to"), ("from", "to"), f"'date' of {what}")
        start, end = checker.date(value, "from", what), checker.date(value, "to", what)
        if start and end and end < start:
            checker.fail(f"the date range of {what} ends before it starts", value.where("to"))
            return None
        return DateWindow(start, end) if start and end else None
    day = checker.date(mapping, "date", what)
    return DateWindow.day(day) if day else None


def _quote(mapping: YamlMap, what: str, checker: Checker) -> Quote | None:
    checker.keys(mapping, ("id", "speaker", "date", "text"), ("id", "speaker", "date", "text"), what)
    fact_id = _fact_id(mapping, what, checker)
    speaker, text = checker.text(mapping, "speaker", what), checker.text(mapping, "text", what)
    day = checker.date(mapping, "date", what)
    if fact_id is None or speaker is None or text is None or day is None:
        return None
    return Quote(fact_id, speaker.strip(), day, text, mapping.location)


# -- quantities (issue 15): one reader, one check across facts ----------------------------------------
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")  # the standard library's re: quicker to compile, and these are plain ASCII
_NAMED_UNIT = re.compile(r"[a-z]+(?: [a-z]+)*")
_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_UNIT_WRITTEN = {"percent": "%"}  # a value written with its unit ("2.6%") must be in the quantity's unit


def _quantity(mapping: YamlMap, what: str, checker: Checker) -> Quantity | None:
    """A figure of a measure for a time (docs/facts.md, "Quantities")."""
    checker.keys(
        mapping, ("id", "name", "value", "unit", "date", "from", "to", "tolerance", "mentions", "subject", "source"),
        ("id", "name", "value", "unit", "mentions"), what,
    )
    fact_id, name = _fact_id(mapping, what, checker), checker.text(mapping, "name", what)
    subject, source = checker.text_list(mapping, "subject", what), checker.text(mapping, "source", what)
    unit = checker.text(mapping, "unit", what)
    if unit is not None and unit not in QUANTITY_UNITS and not _CURRENCY_CODE.fullmatch(unit) and not _NAMED_UNIT.fullmatch(unit):
        hint = " (write 'percent')" if unit.strip().lower() in ("%", "per cent", "pct", "percentage") else ""
        checker.fail(
            f"unit '{unit}' in {what} must be percent, count, a currency code (GBP, USD) or a unit's name in lower case{hint}",
            mapping.where("unit"),
        )
        unit = None
    value = _quantity_number(mapping, "value", unit, what, checker)
    tolerance = _quantity_number(mapping, "tolerance", unit, what, checker) if "tolerance" in mapping else 0.0
    if tolerance is not None and tolerance < 0:
        checker.fail(f"'tolerance' in {what} must be 0 or more", mapping.where("tolerance"))
        tolerance = None
    when = _quantity_time(mapping, what, checker)
    mentions = checker.text_list(mapping, "mentions", what)
    if "mentions" in mapping and not mentions:
        checker.fail(f"{what} needs at least one mention pattern", mapping.where("mentions"))
    for pattern in mentions:
        try:  # its syntax: compiled to ignore case, as it is used, it costs ten times as much at every start
            compile_user_regex(pattern, regex.VERSION1)
        except BadRegex as error:
            checker.fail(f"mention pattern {shown(pattern)} in {what} is not a valid regex: {error}", mapping.where("mentions"))
            return None
    if fact_id is None or name is None or unit is None or value is None or tolerance is None or when is None or not mentions:
        return None
    start, end, period = when
    return Quantity(
        fact_id, name.strip(), value, unit, start, end, period, tolerance, tuple(mentions), tuple(s.strip() for s in subject), mapping.location,
        source,
    )


def _quantity_number(mapping: YamlMap, key: str, unit: str | None, what: str, checker: Checker) -> float | None:
    """A number (41200000, 2.6), or a figure written as copy writes it ("41.2 million", "£1.2bn", "2.6%")."""
    from linter.mentions.numbers import parse_number  # here: the number parser is needed only for written values

    if key not in mapping:
        return None
    value = mapping[key]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    figure = parse_number(value) if isinstance(value, str) else None
    if figure is None or figure.bound != "exact" or figure.high is not None:
        checker.fail(f"'{key}' in {what} must be a number, such as 2.6 or 41200000 or '41.2 million', not {_shown(value)}", mapping.where(key))
        return None
    written = figure.unit if figure.unit != "%" else "percent"
    if unit is not None and written is not None and written != unit and not (written == "points" and unit == "percent" and key == "tolerance"):
        checker.fail(f"'{key}' in {what} is written in {written}, but the unit is {unit}", mapping.where(key))
        return None
    return figure.value


def _quantity_time(mapping: YamlMap, what: str, checker: Checker) -> tuple[dt.date, dt.date | None, bool] | None:
    """(first day, last day or None, whether it is a period the figure describes): from ``date``
    (YYYY-MM-DD, YYYY-MM or YYYY) or from ``from``/``to`` (YYYY-MM-DD; no ``to``: in force still)."""
    if ("date" in mapping) == ("from" in mapping):
        checker.fail(f"{what} needs either 'date' (the day, month or year it describes) or 'from' (and 'to': when it was in force)", mapping.location)
        return None
    if "to" in mapping and "from" not in mapping:
        checker.fail(f"'to' in {what} needs 'from'", mapping.where("to"))
        return None
    if "from" in mapping:
        start, end = checker.date(mapping, "from", what), checker.date(mapping, "to", what)
        if start and end and end < start:
            checker.fail(f"{what} ends ({end}) before it starts ({start})", mapping.where("to"))
            return None
        return (start, end, False) if start and ("to" not in mapping or end) else None
    written = str(mapping["date"]) if isinstance(mapping["date"], (str, int)) and not isinstance(mapping["date"], bool) else ""
    found = _PERIOD.fullmatch(written.strip())
    try:
        if found is None:
            raise ValueError
        year, month, day = int(found[1]), int(found[2] or 0), int(found[3] or 0)
        if day:
            return dt.date(year, month, day), dt.date(year, month, day), True
        if month:
            first = dt.date(year, month, 1)
            return first, month_end(first), True
        return dt.date(year, 1, 1), dt.date(year, 12, 31), True
    except ValueError:
        written_as = _shown(mapping["date"])
        checker.fail(f"'date' in {what} must be a day, month or year written YYYY-MM-DD, YYYY-MM or YYYY, not {written_as}", mapping.where("date"))
        return None


def _check_quantities(facts: FactBase, entity_ids: set[str] | None, checker: Checker) -> None:
    """Figures of one measure (one name and subject) agree in unit and in how they hold (a period
    each describes, or days each is in force), and never give two values for one time; a subject
    is a known entity (when the entities are known: ``entity_ids``)."""
    by_measure: dict[tuple[str, tuple[str, ...]], list[Quantity]] = {}
    for quantity in facts.quantities.values():
        for subject in quantity.subject:
            if entity_ids is not None and subject not in entity_ids:
                hint = did_you_mean(subject, entity_ids)
                checker.fail(f"subject '{subject}' of quantity '{quantity.id}' is not a known entity id{hint}", _where(quantity.location))
        by_measure.setdefault(quantity.measure, []).append(quantity)
    for figures in by_measure.values():
        figures.sort(key=lambda q: (q.start, q.location.line if q.location and q.location.line else 0))
        first = figures[0]
        for other in figures[1:]:
            if other.unit != first.unit:
                checker.fail(
                    f"quantity '{other.id}' of {other.name} is in {other.unit}, but '{first.id}' of the same measure is in {first.unit}; "
                    "give another measure another name",
                    _where(other.location),
                )
            elif other.period != first.period:
                how = ("describes a period ('date')", "is in force over days ('from')")
                checker.fail(
                    f"quantity '{other.id}' of {other.name} {how[not other.period]}, but '{first.id}' of the same measure "
                    f"{how[not first.period]}; give another measure another name",
                    _where(other.location),
                )
        for earlier, later in itertools.pairwise(figures):
            if earlier.period and later.period and (earlier.start, earlier.end) == (later.start, later.end):
                second = f"quantity '{later.id}' gives a second value of {later.name} {later.when.describe()} (after '{earlier.id}')"
                checker.fail(second, _where(later.location))
            elif not earlier.period and not later.period and (earlier.end is None or later.start <= earlier.end):
                checker.fail(
                    f"quantity '{later.id}' gives a second value of {later.name} on {long_date(later.start)} (after '{earlier.id}', "
                    f"in force {tenure_days(earlier.start, earlier.end)})",
                    _where(later.location),
                )


def _check_references(facts: FactBase, entity_ids: set[str], checker: Checker) -> None:
    """Holders, quote speakers and office organisations must be entity ids. An id written for an
    entity that is itself invalid counts as known: its own problem is reported already."""

    unknown = 0

    def check(reference: str, what: str, location: Location | None) -> None:
        nonlocal unknown
        if reference not in entity_ids:
            unknown += 1  # a suggestion costs a pass over every id: at most _SUGGESTIONS of them
            hint = did_you_mean(reference, entity_ids) if unknown <= _SUGGESTIONS else ""
            checker.fail(f"{what} is not a known entity id{hint}", _where(location))

    for office in facts.offices.values():
        if office.organization is not None:
            check(office.organization, f"organization '{office.organization}' of office '{office.id}'", office.location)
        for tenure in office.holders:
            check(tenure.who, f"holder '{tenure.who}' of office '{office.id}'", tenure.location)
    for quote in facts.quotes.values():
        check(quote.speaker, f"speaker '{quote.speaker}' of quote '{quote.id}'", quote.location)


def _check_seats(facts: FactBase, unsure_seats: set[str], checker: Checker) -> None:
    """More simultaneous holders than seats is a clash; a handover day is not (see temporal.clashes).
    An office whose ``seats`` is invalid is not checked (its number of seats is unknown)."""
    for office in facts.offices.values():
        if office.id in unsure_seats:
            continue
        for day, current in clashes(office.holders, office.seats):
            names = ", ".join(facts.name_of(t.who) for t in current)
            checker.fail(
                f"office '{office.id}' has {office.seats} seat(s) but {len(current)} holders on {day}: {names}",
                _where(current[-1].location),
            )


def _where(location: Location | None) -> Location:
    return location or Location("<facts>")


def _shown(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else "nothing" if value is None else "a mapping" if isinstance(value, YamlMap) else repr(value)


def tenure_days(start: dt.date, end: dt.date | None) -> str:
    """'from 6 February to 7 May 2025', or 'from 6 February 2025' (still in force)."""
    if end is None:
        return f"from {long_date(start)}"
    first, last = date_range(start, end)
    return f"from {first} to {last}"
