"""A spreadsheet a research desk keeps, exported as CSV: one tenure per row.

Columns (a header row names them, in any order and case): ``person``, ``office``, ``from``,
``to`` (empty: still in office), ``source`` (a URL or citation: every tenure needs one), and
optionally ``aliases`` and ``titles`` (separated by ``;``) and ``verified`` (the day the row was
checked). Dates are ``YYYY-MM-DD``, or ``YYYY-MM`` or ``YYYY`` when only that is known (an inner
bound, marked in a comment). Commas, semicolons or tabs separate the cells. Every bad cell is
reported as ``file:line:column`` (the column counts cells, as a spreadsheet does), and nothing
is imported until all are fixed.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from linter.errors import Location, UserError, UserErrors, did_you_mean, reading_errors
from linter.facts.importers.model import Bound, Imported, ImportedEntity, ImportedOffice, ImportedTenure, inner_tenure, seats_needed

COLUMNS = ("person", "office", "from", "to", "source", "aliases", "titles", "verified")
REQUIRED = ("person", "office", "from", "source")
_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def read_table(path: str, verified: dt.date | None = None) -> Imported:
    """The entities, offices and tenures of a CSV file; ``verified`` applies when it has no ``verified`` column."""
    rows = _rows(path)
    problems: list[UserError] = []
    header_line, header = rows[0] if rows else (1, [])
    columns = _columns(header, header_line, path, problems)
    imported = Imported(f"{Path(path).name} (a table)")
    checked: list[dt.date] = []
    for line, cells in rows[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        cell = _Cells(cells, columns, Location(path, line), problems)
        person, office_name, source = cell.text("person"), cell.text("office"), cell.text("source")
        start, end, day = cell.bound("from"), cell.bound("to"), cell.day("verified")
        if day:
            checked.append(day)
        if person is None or office_name is None or source is None or start is None or cell.failed:
            continue
        days = inner_tenure(start, end)
        if days is None:
            assert end is not None  # inner_tenure finds a certain day whenever the tenure has not ended
            why = "is before" if end.last < start.first else "leaves no day that is certain with"
            problems.append(UserError(f"'to' ({end.written}) {why} 'from' ({start.written})", cell.where("to")))
            continue
        entity = imported.entities.setdefault(person, ImportedEntity(person, person))
        entity.aliases = tuple(dict.fromkeys((*entity.aliases, *cell.names("aliases"))))
        office = imported.offices.setdefault(office_name, ImportedOffice(office_name, office_name, (office_name,)))
        office.titles = tuple(dict.fromkeys((*office.titles, *cell.names("titles"))))
        office.tenures.append(ImportedTenure(person, days[0], days[1], source, days[2]))
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise UserErrors(problems)
    imported.verified = min(checked) if checked else verified  # an office is as current as its least recently checked row
    for office in imported.offices.values():
        office.tenures.sort(key=lambda tenure: (tenure.start, tenure.who))
        office.seats = seats_needed(office, lambda who: who, imported.warnings, path)
    return imported


def _rows(path: str) -> list[tuple[int, list[str]]]:
    """Each record with the line it begins on."""
    try:
        with reading_errors(path, "a CSV table"), open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError as error:
        raise UserError(f"not UTF-8 (byte {error.start}): save the spreadsheet as CSV UTF-8", Location(path)) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True)
    rows, line = [], 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise UserError(f"not CSV: {error}", Location(path, reader.line_num)) from None
    return rows


def _columns(header: list[str], line: int, path: str, problems: list[UserError]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = name.strip().lower()
        if key in columns:
            problems.append(UserError(f"the column '{key}' is named twice", Location(path, line, index + 1)))
        elif key in COLUMNS:
            columns[key] = index
        elif key:
            problems.append(
                UserError(
                    f"unknown column '{name.strip()}'{did_you_mean(key, COLUMNS)}; columns are: {', '.join(COLUMNS)}", Location(path, line, index + 1)
                )
            )
    for key in REQUIRED:
        if key not in columns:
            problems.append(UserError(f"no '{key}' column; the columns must include: {', '.join(REQUIRED)}", Location(path, line)))
    if problems:
        raise problems[0] if len(problems) == 1 else UserErrors(problems)
    return columns


class _Cells:
    """One row's cells by column name; problems are recorded with the cell's line and column."""

    def __init__(self, cells: list[str], columns: dict[str, int], row: Location, problems: list[UserError]) -> None:
        self.cells, self.columns, self.row, self.problems = cells, columns, row, problems
        self.failed = False

    def where(self, column: str) -> Location:
        return Location(self.row.path, self.row.line, self.columns[column] + 1)

    def raw(self, column: str) -> str:
        index = self.columns.get(column)
        return self.cells[index].strip() if index is not None and index < len(self.cells) else ""

    def fail(self, message: str, column: str) -> None:
        self.failed = True
        self.problems.append(UserError(message, self.where(column)))

    def text(self, column: str) -> str | None:
        value = self.raw(column)
        if not value:
            self.fail(f"'{column}' is empty" + ("; every tenure needs a source a fact-checker can open" if column == "source" else ""), column)
            return None
        return value

    def names(self, column: str) -> list[str]:
        return [name.strip() for name in self.raw(column).split(";") if name.strip()]

    def bound(self, column: str) -> Bound | None:
        value = self.raw(column)
        if not value:
            if column == "from":
                self.fail("'from' is empty: when did the tenure begin?", column)
            return None
        found = _DATE.fullmatch(value)
        try:
            if not found:
                raise ValueError
            return Bound.of(int(found[1]), int(found[2]) if found[2] else None, int(found[3]) if found[3] else None)
        except ValueError:
            self.fail(f"'{column}' is '{value}', not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when only that is known", column)
            return None

    def day(self, column: str) -> dt.date | None:
        found = self.bound(column)
        if found is not None and not found.exact:
            self.fail(f"'{column}' must be a day, YYYY-MM-DD", column)
            return None
        return found.first if found else None
