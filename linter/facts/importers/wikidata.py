"""Wikidata's "position held" (P39) statements, from a dump or a SPARQL answer, as facts.

Both readers (``dump.py``, ``sparql.py``) fill a :class:`Snapshot`; :func:`build` turns it
into facts, so the two sources give the same fact file for the same data:

* a statement's start and end are its P580/P582 qualifiers, at their precision (day, month
  or year; anything coarser, or before the common era, is left out with a warning); a
  month or year becomes an inner bound, marked in a comment;
* deprecated statements are left out; of two statements of one person in one position that
  overlap in time (a duplicate, or a disagreement), the preferred one is kept, else the more
  precise, else the one with the earlier dates;
* an open tenure (no P582, or an unknown end) is closed on the day its successor began, when
  the statement names the successor (P1366, "replaced by") or the successor's names it (P1365,
  "replaces"); an unknown end, or a successor whose start is not known, keeps only the days
  that are certain (never an open tenure that has ended);
* a position's labels and aliases are its titles, plus the title without its organisation
  ("Prime Minister" of "Prime Minister of the United Kingdom"), which factlint reads back with
  the organisation; its P1001 (applies to jurisdiction, a place) or else its P642 ("of", an
  organisation) is its organisation;
* names are the labels and aliases in the languages asked for (the first language with a
  label gives the name, the rest are aliases, sorted), else the language-independent ``mul``
  label, else the item id;
* every entity, office and tenure keeps its item as its source.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from linter.facts.importers.model import (
    UNKNOWN_END,
    Bound,
    Imported,
    ImportedEntity,
    ImportedOffice,
    ImportedTenure,
    inner_tenure,
    seats_needed,
)

ENTITY_URL = "https://www.wikidata.org/wiki/"
GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
JULIAN = "http://www.wikidata.org/entity/Q1985786"
RANKS = ("preferred", "normal", "deprecated")
_PRECISIONS = {9: "year", 10: "month", 11: "day"}
_TIME = re.compile(r"([+-]?)(\d{1,16})-(\d\d)-(\d\d)T")


@dataclass(frozen=True)
class Time:
    """A Wikibase time value: ``+2024-07-05T00:00:00Z``, its precision (11 day, 10 month, 9 year) and calendar."""

    value: str
    precision: int
    calendar: str = GREGORIAN


@dataclass(frozen=True)
class Statement:
    """One P39 statement: ``person`` held ``position``."""

    where: str  # where the source has it, for warnings ("dump.json:12")
    person: str
    position: str
    rank: str = "normal"
    start: Time | None = None
    end: Time | None = None
    end_unknown: bool = False  # P582 is "unknown value": it ended, nobody recorded when
    replaces: tuple[str, ...] = ()  # P1365: the predecessor
    replaced_by: tuple[str, ...] = ()  # P1366: the successor


@dataclass
class Snapshot:
    """What a reader found: statements, names, the positions' organisations, and when the data was current."""

    origin: str
    statements: list[Statement] = field(default_factory=list)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # item -> language -> label
    aliases: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # item -> language -> aliases
    organizations: dict[str, tuple[str, str]] = field(default_factory=dict)  # position -> (item, "place" | "organization")
    current: dt.date | None = None  # the day the data was current (the dump's newest edit, the query's run)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (where, what)


def item_url(item: str) -> str:
    return ENTITY_URL + item


def bound(time: Time) -> Bound | str:
    """The days a time value may mean, or why it cannot be used."""
    found = _TIME.match(time.value)
    if not found:
        return f"'{time.value}' is not a Wikibase time"
    if found[1] == "-":
        return f"{time.value} is before the common era"
    if time.precision not in _PRECISIONS and time.precision < 11:
        return f"{time.value} is known only to a precision coarser than a year ({time.precision})"
    if time.calendar not in (GREGORIAN, JULIAN):
        return f"{time.value} is in an unknown calendar ({time.calendar})"
    year, month, day = int(found[2]), int(found[3]), int(found[4])
    try:
        if time.precision == 9 or month == 0:
            result = Bound.of(year)
        elif time.precision == 10 or day == 0:
            result = Bound.of(year, month)
        else:
            result = Bound.of(year, month, day)
    except ValueError:
        return f"{time.value} is not a real date"
    if time.calendar == JULIAN:
        result = Bound(_julian_to_gregorian(result.first), _julian_to_gregorian(result.last), result.written + " (Julian)")
    return result


def _julian_to_gregorian(day: dt.date) -> dt.date:
    """A date the Julian calendar names, as a Gregorian date (``date`` holds Julian fields here)."""
    a = (14 - day.month) // 12
    y, m = day.year + 4800 - a, day.month + 12 * a - 3
    julian_day_number = day.day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return dt.date.fromordinal(julian_day_number - 1721425)


def build(snapshot: Snapshot, languages: list[str], verified: dt.date | None = None) -> Imported:
    """The facts a snapshot states (see the module's docstring for what is kept and dropped)."""
    imported = Imported(snapshot.origin, verified=verified or snapshot.current, warnings=list(snapshot.warnings))
    names = _Names(snapshot, languages, imported.warnings)
    kept = _kept_statements(snapshot, imported.warnings)
    starts = {statement: bound(statement.start) for statement in kept if statement.start}
    for statement in kept:
        tenure = _tenure(statement, starts, kept, imported.warnings, names)
        if tenure is None:
            continue
        office = imported.offices.get(statement.position)
        if office is None:
            office = imported.offices[statement.position] = _office(statement.position, snapshot, names, imported)
        office.tenures.append(tenure)
        if statement.person not in imported.entities:
            name, aliases = names.of(statement.person)
            imported.entities[statement.person] = ImportedEntity(statement.person, name, aliases, "person", item_url(statement.person))
    for office in imported.offices.values():
        office.tenures.sort(key=lambda t: (t.start, t.who))
        office.seats = seats_needed(office, lambda who: names.of(who)[0], imported.warnings, office.key)
    return imported


class _Names:
    """Names of items in the languages asked for."""

    def __init__(self, snapshot: Snapshot, languages: list[str], warnings: list[tuple[str, str]]) -> None:
        self.snapshot, self.languages, self.warnings = snapshot, languages, warnings
        self.known: dict[str, tuple[str, tuple[str, ...]]] = {}

    def of(self, item: str) -> tuple[str, tuple[str, ...]]:
        """The item's name and aliases."""
        if item not in self.known:
            labels, aliases = self.snapshot.labels.get(item, {}), self.snapshot.aliases.get(item, {})
            found = [labels[language] for language in self.languages if language in labels]
            found += [alias for language in self.languages for alias in aliases.get(language, ())]
            if not any(language in labels for language in self.languages):
                fallback = labels.get("mul")
                if fallback is None:
                    fallback = item
                    self.warnings.append((item, f"no label in {', '.join(self.languages)} or 'mul'; named by its item id"))
                found.insert(0, fallback)
            unique = list(dict.fromkeys(name.strip() for name in found if name.strip()))
            # Aliases sorted: a query service returns rows in any order, and the same facts must give the same bytes.
            self.known[item] = unique[0], tuple(sorted(unique[1:], key=lambda alias: (alias.casefold(), alias)))
        return self.known[item]

    def label(self, item: str) -> str:
        return f"{item} ({self.of(item)[0]})" if item in self.snapshot.labels else item


def _kept_statements(snapshot: Snapshot, warnings: list[tuple[str, str]]) -> list[Statement]:
    """Statements that are not deprecated, one per period: of overlapping ones, the best ranked, then the most precise."""
    groups: dict[tuple[str, str], list[tuple[int, Statement]]] = {}
    for order, statement in enumerate(snapshot.statements):
        if statement.rank not in RANKS:
            warnings.append((statement.where, f"{statement.person}'s P39 {statement.position} has an unknown rank '{statement.rank}'; skipped"))
        elif statement.rank != "deprecated":
            groups.setdefault((statement.person, statement.position), []).append((order, statement))
    kept: list[tuple[int, Statement]] = []
    for group in groups.values():
        chosen: list[tuple[int, Statement]] = []
        for order, statement in sorted(group, key=lambda pair: (RANKS.index(pair[1].rank), -_precision(pair[1]), _dates(pair[1]), pair[0])):
            other = next((c for _, c in chosen if _overlap(c, statement)), None)
            if other is None:
                chosen.append((order, statement))
            elif (other.start, other.end, other.end_unknown) != (statement.start, statement.end, statement.end_unknown):
                better = "preferred" if other.rank != statement.rank else "more precise (or earlier)"
                warnings.append((
                    statement.where,
                    f"{statement.person}'s P39 {statement.position} overlaps another statement ({other.where}); kept the {better} one",
                ))
        kept.extend(chosen)
    return [statement for _, statement in sorted(kept, key=lambda pair: pair[0])]


def _dates(statement: Statement) -> tuple[str, str]:
    """A statement's dates as written: of two equally good ones, the earlier wins, in whatever order the source lists them."""
    return (statement.start.value if statement.start else "", statement.end.value if statement.end else "")


def _precision(statement: Statement) -> int:
    return sum(time.precision for time in (statement.start, statement.end) if time)


def _outer(statement: Statement) -> tuple[dt.date, dt.date]:
    """The widest period a statement may mean (an unreadable or missing start: from the beginning of time)."""
    start = bound(statement.start) if statement.start else None
    end = bound(statement.end) if statement.end else None
    return (
        start.first if isinstance(start, Bound) else dt.date.min,
        end.last if isinstance(end, Bound) else dt.date.max,
    )


def _overlap(a: Statement, b: Statement) -> bool:
    (a_start, a_end), (b_start, b_end) = _outer(a), _outer(b)
    return a_start <= b_end and b_start <= a_end


def _tenure(
    statement: Statement, starts: dict[Statement, Bound | str], kept: list[Statement], warnings: list[tuple[str, str]], names: _Names
) -> ImportedTenure | None:
    what = f"{names.label(statement.person)} in {names.label(statement.position)}"
    start = starts.get(statement)
    if not isinstance(start, Bound):
        warnings.append((statement.where, f"{what}: {start or 'no start (P580)'}; skipped"))
        return None
    end: Bound | None = None
    notes = []
    if statement.end is not None:
        end_bound = bound(statement.end)
        if isinstance(end_bound, str):
            warnings.append((statement.where, f"{what}: end {end_bound}; skipped"))
            return None
        end = end_bound
    else:
        end = _successor_start(statement, starts, kept)
        if end is not None:
            notes.append("to: the day the successor began; the source names the successor, not the end")
        elif statement.end_unknown or statement.replaced_by:  # it ended (someone succeeded), but when is unknown
            end = UNKNOWN_END
    days = inner_tenure(start, end)
    if days is None:
        warnings.append((statement.where, f"{what}: from {start.written} to {end.written if end else '?'} leaves no day that is certain; skipped"))
        return None
    first, last, note = days
    return ImportedTenure(statement.person, first, last, f"{item_url(statement.person)}#P39", "; ".join(filter(None, [note, *notes])) or None)


def _successor_start(statement: Statement, starts: dict[Statement, Bound | str], kept: list[Statement]) -> Bound | None:
    """The start of the next tenure in the position by the successor the statements name (P1366 here, or P1365 there)."""
    own = starts.get(statement)
    if not isinstance(own, Bound):
        return None
    candidates = [
        start for other in kept
        if other.position == statement.position and other.person != statement.person
        and (other.person in statement.replaced_by or statement.person in other.replaces)
        and isinstance(start := starts.get(other), Bound) and start.first >= own.first
    ]
    return min(candidates, key=lambda b: b.first, default=None)


def _office(position: str, snapshot: Snapshot, names: _Names, imported: Imported) -> ImportedOffice:
    name, aliases = names.of(position)
    organization = snapshot.organizations.get(position)
    titles = [name, *aliases]
    if organization is not None:
        item, kind = organization
        if item not in imported.entities:
            org_name, org_aliases = names.of(item)
            imported.entities[item] = ImportedEntity(item, org_name, org_aliases, kind, item_url(item))
        entity = imported.entities[item]
        titles += _without_organization(titles, (entity.name, *entity.aliases))
    unique = list({title.casefold(): title for title in reversed(titles)}.values())[::-1]  # first spelling of each
    return ImportedOffice(position, name, tuple(unique), organization=organization[0] if organization else None, source=item_url(position))


def _without_organization(titles: list[str], organization: tuple[str, ...]) -> list[str]:
    """'Prime Minister' from 'Prime Minister of the United Kingdom' or 'UK Prime Minister': factlint reads the
    organisation around a title, so the short title with the office's organisation means the same office."""
    short = []
    for title in titles:
        folded = title.casefold()
        for name in organization:
            name_folded = name.casefold()
            for connector in (" of the ", " of "):
                if folded.endswith(connector + name_folded):
                    short.append(title[: -len(connector + name)].strip())
            if folded.startswith(name_folded + " "):
                short.append(title[len(name) + 1 :].strip())
    return [title for title in short if title]
