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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import regex

from linter.dates import DateWindow
from linter.errors import Location, UserError, did_you_mean
from linter.facts.model import ENTITY_TYPES, LOCATED_IN, Entity, Event, FactBase, Office, Quote, Relation, Tenure
from linter.facts.temporal import clashes
from linter.user_regex import BadRegex, compile_user_regex, shown
from linter.validate import Checker
from linter.yamlio import YamlMap, read_yaml_file

SLUG = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FACTS_VERSION = 1
_SECTIONS = ("entities", "offices", "events", "quotes", "relations")
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
    _check_relations(facts, reading.entity_ids if reading.entities_known and references else None, checker)
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
        "relations": _relation,
    }
    stores = {"entities": facts.entities, "offices": facts.offices, "events": facts.events, "quotes": facts.quotes, "relations": facts.relations}
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


# -- relations (issue 15): one reader, one check across facts -----------------------------------------
def _relation(mapping: YamlMap, what: str, checker: Checker) -> Relation | None:
    """A relation between an entity (or event) and an entity, with the days it holds (docs/facts.md, "Relations")."""
    checker.keys(mapping, ("id", "relation", "subject", "object", "from", "to", "as", "source"), ("id", "relation", "subject", "object"), what)
    fact_id, name = _fact_id(mapping, what, checker), checker.text(mapping, "relation", what)
    if name is not None and not SLUG.fullmatch(name):
        checker.fail(f"relation '{name}' in {what} must be a slug of lowercase letters, digits and single hyphens", mapping.where("relation"))
        name = None
    subject, obj = checker.text(mapping, "subject", what), checker.text(mapping, "object", what)
    start, end = checker.date(mapping, "from", what), checker.date(mapping, "to", what)
    phrase, source = checker.text(mapping, "as", what), checker.text(mapping, "source", what)
    if start and end and end < start:
        checker.fail(f"{what} ends ({end}) before it starts ({start})", mapping.where("to"))
        return None
    if name == LOCATED_IN and ("from" in mapping or "to" in mapping):
        key = "from" if "from" in mapping else "to"
        checker.fail(f"{what}: a place's located-in relation holds at all times; give it no 'from' or 'to'", mapping.where(key))
        return None
    if phrase is not None and name is not None and name != LOCATED_IN:
        checker.fail(f"'as' in {what} is only for the relation '{LOCATED_IN}' (how a place lies in another: 'outside')", mapping.where("as"))
        return None
    if fact_id is None or name is None or subject is None or obj is None:
        return None
    if ("from" in mapping and start is None) or ("to" in mapping and end is None):
        return None
    return Relation(fact_id, name, subject.strip(), obj.strip(), start, end, phrase.strip() if phrase else None, mapping.location, source)


def _check_relations(facts: FactBase, entity_ids: set[str] | None, checker: Checker) -> None:
    """A relation's subject is an entity or an event, its object an entity (when the entities are
    known: ``entity_ids``); located-in relates places, one place to one place, without a cycle."""
    types = {key: facts.entities[key].type for key in facts.entities}
    parents: dict[str, Relation] = {}
    for relation in facts.relations.values():
        where = _where(relation.location)
        if entity_ids is not None:
            if relation.subject not in entity_ids and relation.subject not in facts.events:
                hint = did_you_mean(relation.subject, entity_ids | set(facts.events))
                checker.fail(f"subject '{relation.subject}' of relation '{relation.id}' is not a known entity or event id{hint}", where)
            if relation.object not in entity_ids:
                hint = did_you_mean(relation.object, entity_ids)
                checker.fail(f"object '{relation.object}' of relation '{relation.id}' is not a known entity id{hint}", where)
        if relation.relation != LOCATED_IN:
            continue
        for end in (relation.subject, relation.object):
            if end in types and types[end] != "place":
                checker.fail(f"relation '{relation.id}': '{end}' is a {types[end]}; located-in relates places (type: place)", where)
        if relation.subject == relation.object:
            checker.fail(f"relation '{relation.id}' puts '{relation.subject}' in itself", where)
        elif relation.subject in parents:
            earlier = parents[relation.subject]
            checker.fail(
                f"relation '{relation.id}' puts '{relation.subject}' in a second place (relation '{earlier.id}' puts it in "
                f"'{earlier.object}'); a place lies in one place, which lies in the next",
                where,
            )
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
            checker.fail(f"relation '{relation.id}' closes a cycle of located-in relations through '{start}'", _where(relation.location))


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
