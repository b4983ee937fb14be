"""Load, validate and merge fact files (the format is documented in docs/facts.md).

What each section and field may hold is declared once, in facts/model.py; reading and checking
each record is derived from that declaration (linter/fields.py). Validation is complete: every
problem in every file is reported with its ``file:line:col`` before any document is checked, in
one pass. Merging several files is an error when ids clash, when a record refers to an id no
record has (a holder that is no entity), when an office has more simultaneous holders than
seats, or when a section's rule across its records (its record class's ``conflicts``: a place
put in two places) fails; these checks across facts run even when some facts are invalid, as
long as their verdicts still mean something (see :class:`_Reading`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from linter.errors import Location, UserError, did_you_mean
from linter.facts.model import FILE_FIELDS, FactBase, Office, sections
from linter.facts.temporal import clashes
from linter.fields import noun, read_fields, read_record, references
from linter.validate import Checker
from linter.yamlio import read_yaml_file

_SUGGESTIONS = 20  # unknown ids given a did-you-mean, per load (each costs ~0.25 s with 100,000 entities)


@dataclass
class _Reading:
    """What reading the files learnt beyond the valid facts, so that the checks across facts can
    run on the valid ones without reporting what an invalid one would have settled."""

    first_seen: dict[str, Location] = field(default_factory=dict)  # id -> where it was first defined
    ids: dict[str, set[str]] = field(default_factory=dict)  # section -> every id written in it, the invalid records' too
    unsure: set[str] = field(default_factory=set)  # sections some of whose ids could not be read: "no such id" may be wrong
    incomplete: set[str] = field(default_factory=set)  # ids of facts with an invalid field: their seats or days may be wrong


def load_facts(paths: list[str]) -> FactBase:
    """Read and merge fact files; raise UserError(s) describing every problem in all of them."""
    return _load(paths, read_yaml_file)


def load_facts_data(data: Any, path: str, references: bool = True) -> FactBase:
    """Validate facts already parsed from YAML (e.g. a rule pack's example facts). Without ``references``,
    ids of entities defined in other fact files (to be merged with this one) are not checked."""
    return _load([path], lambda _: data, references)


def _load(paths: list[str], read: Callable[[str], Any], check_references: bool = True) -> FactBase:
    checker, reading = Checker(), _Reading()
    facts = FactBase(sources=tuple(paths))
    for path in paths:
        try:
            data = read(path)
        except UserError as error:  # unreadable or not YAML: report it with the other files' problems
            checker.problems.extend(getattr(error, "errors", [error]))
            reading.unsure.update(section.name for section in sections())
            continue
        _read_file(data, path, facts, reading, checker)
    if check_references:
        _check_references(facts, reading, checker)
    _check_seats(facts, reading.incomplete, checker)
    _check_conflicts(facts, checker)
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
        reading.unsure.update(section.name for section in sections())
        return
    names = [section.name for section in sections()]
    checker.keys(root, [*(f.key for f in FILE_FIELDS), *names], [f.key for f in FILE_FIELDS if f.required], "a fact file")
    verified = read_fields(FILE_FIELDS, root, "a fact file", checker, check_keys=False).by_name.get("verified")
    for section in sections():
        if root.get(section.name) is None:
            continue
        items = checker.sequence(root[section.name], root.where(section.name), f"'{section.name}'")
        if items is None:
            reading.unsure.add(section.name)
            continue
        written = reading.ids.setdefault(section.name, set())
        table = cast(dict[str, object], getattr(facts, section.name))  # plain dicts while loading (a cached FactBase's are lazy)
        for index, item in enumerate(items):
            what = f"{section.name}[{index}]"
            mapping = checker.mapping(item, items.where(index), what)
            written_id = mapping.get("id") if mapping is not None else None
            if isinstance(written_id, str):
                written.add(written_id)
            else:
                reading.unsure.add(section.name)
            if mapping is None:
                continue
            fact, complete = read_record(section.record, mapping, what, checker)
            if fact is None:
                continue
            if fact.id in reading.first_seen:
                checker.fail(f"duplicate id '{fact.id}' (already defined at {reading.first_seen[fact.id]})", mapping.where("id"))
                continue
            reading.first_seen[fact.id] = mapping.where("id")
            if not complete:
                reading.incomplete.add(fact.id)
            if isinstance(fact, Office) and fact.verified is None and verified is not None:
                fact = dataclasses.replace(fact, verified=verified)  # the file's date is its offices' default
            table[fact.id] = fact


def _check_references(facts: FactBase, reading: _Reading, checker: Checker) -> None:
    """Every id a fact refers to (a holder, a speaker, an office's organisation) must be a record's
    of that section. An id written for a record that is itself invalid counts as known: its own
    problem is reported already. A section some of whose ids could not be read is not checked against."""
    section_of = {section.record: section.name for section in sections()}
    unknown = 0
    for section in sections():
        for fact in getattr(facts, section.name).values():
            for reference, value, location in references(fact):
                targets = [section_of[to] for to in reference.targets]  # one section, or several (an entity or an event)
                if any(target in reading.unsure or value in reading.ids.get(target, ()) for target in targets):
                    continue
                unknown += 1  # a suggestion costs a pass over every id: at most _SUGGESTIONS of them
                known = reading.ids.get(targets[0], ()) if len(targets) == 1 else set().union(*(reading.ids.get(t, ()) for t in targets))
                hint = did_you_mean(value, known) if unknown <= _SUGGESTIONS else ""
                nouns = " or ".join(noun(to) for to in reference.targets)
                checker.fail(f"{reference.role} '{value}' of {noun(section.record)} '{fact.id}' is not a known {nouns} id{hint}", _where(location))


def _check_conflicts(facts: FactBase, checker: Checker) -> None:
    """Each section's rule across its records (its record class's ``conflicts``: a place lies in one place)."""
    for section in sections():
        conflicts = getattr(section.record, "conflicts", None)
        if conflicts is not None:
            for message, location in conflicts(facts):
                checker.fail(message, _where(location))


def _check_seats(facts: FactBase, incomplete: set[str], checker: Checker) -> None:
    """More simultaneous holders than seats is a clash; a handover day is not (see temporal.clashes).
    An office with an invalid field, its own or a holder's, is not checked: its seats or days may be what is wrong."""
    for office in facts.offices.values():
        if office.id in incomplete:
            continue
        for day, current in clashes(office.holders, office.seats):
            names = ", ".join(facts.name_of(t.who) for t in current)
            checker.fail(
                f"office '{office.id}' has {office.seats} seat(s) but {len(current)} holders on {day}: {names}",
                _where(current[-1].location),
            )


def _where(location: Location | None) -> Location:
    return location or Location("<facts>")
