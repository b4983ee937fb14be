"""Calendar days and day windows.

A document's date is a :class:`DateWindow`: one day, or an inclusive range of
days when the exact day is unknown (an undated 2004-2005 article is
``2004-01-01..2005-12-31``); :class:`DocumentDate` says where a document's
window came from.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from linter.cache import regexes as kept_regexes
from linter.errors import Location

DATE_KEYS = ("date", "published", "pubDate")  # front matter keys that date a document, first present wins
_ISO_DATE = kept_regexes.compile(r"(\d{4})-(\d{2})-(\d{2})")
# A date and time as CMS exports, Hugo, Jekyll and YAML's timestamps write them: 2025-06-10T09:30:00Z,
# 2025-06-10T09:30+01:00, 2025-06-10 09:30:00 +0100, 2001-12-14 21:59:43.10 -5.
_DATE_TIME = kept_regexes.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})(?:[Tt]|[ \t]+)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"(?:[ \t]*(?:[Zz]|[+-](?P<zone_hour>\d{1,2})(?::?(?P<zone_minute>\d{2}))?))?"
)
MONTH_NAMES = tuple(calendar.month_name[1:])  # fixed English names, whatever the locale


def long_date(day: dt.date) -> str:
    """'25 October 2022': how every message and report writes a day."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def date_range(start: dt.date, end: dt.date) -> tuple[str, str]:
    """The two ends of a range in words, the year (and month) written once when they share it:
    ('5 April', '31 December 2025'), ('1', '5 March 2025'), ('6 September 2022', '2 May 2023')."""
    if start.year != end.year:
        return long_date(start), long_date(end)
    if start.month != end.month:
        return f"{start.day} {MONTH_NAMES[start.month - 1]}", long_date(end)
    return str(start.day), long_date(end)


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def parse_iso_date(text: str, times: bool = False) -> dt.date:
    """Parse ``YYYY-MM-DD``; the ValueError says what is wrong in plain words.

    With ``times``, a date and time with or without a zone is accepted too, and its day is the
    calendar date as written, in the writer's own zone: an article stamped
    ``2025-06-10T23:30:00-05:00`` was published on 10 June where it was written.
    """
    written = text = text.strip()
    timed = _DATE_TIME.fullmatch(text) if times else None
    if timed:
        fields = {name: int(value) for name, value in timed.groupdict().items() if value and name != "date"}
        limits = {"hour": 23, "minute": 59, "second": 60, "zone_hour": 23, "zone_minute": 59}
        if any(value > limits[name] for name, value in fields.items()):
            raise ValueError(f"'{written}' does not hold a real time of day and zone")
        text = timed["date"]
    match = _ISO_DATE.fullmatch(text)
    if not match:
        also = ", or as a date and time such as 2025-06-10T09:30:00Z" if times else ""
        raise ValueError(f"'{written}' is not a date; write it as YYYY-MM-DD{also}")
    year, month, day = (int(group) for group in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{written}' is not a real calendar date") from None


@dataclass(frozen=True, order=True)
class DateWindow:
    """The inclusive range of days on which something may be true."""

    start: dt.date
    end: dt.date

    @classmethod
    def day(cls, day: dt.date) -> DateWindow:
        return cls(day, day)

    @classmethod
    def of_year(cls, year: int) -> DateWindow:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def parse(cls, text: str, times: bool = False) -> DateWindow:
        """Parse ``YYYY-MM-DD`` or ``FROM..TO`` (with ``times``, either may be a date and time)."""
        text = str(text).strip()
        if ".." in text:
            first, _, last = text.partition("..")
            start, end = parse_iso_date(first, times), parse_iso_date(last, times)
            if end < start:
                raise ValueError(f"the window '{text}' ends before it starts")
            return cls(start, end)
        return cls.day(parse_iso_date(text, times))

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def takes_place(self, seen_from: DateWindow) -> str:
        """How a message tells an event of this time from an article's: "will take place" when it
        is wholly after it, else "took place" (either agrees with a plural name: "the Olympics")."""
        return "will take place" if self.start > seen_from.end else "took place"

    def days(self) -> Iterator[dt.date]:
        day = self.start
        while day <= self.end:
            yield day
            day += dt.timedelta(days=1)

    def __str__(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def describe(self) -> str:
        """In words: 'on 20 March 2025', 'in March 2025', 'in 2025', 'between 2014 and 2016' (whole
        years) or 'between 5 April and 31 December 2025'."""
        start, end = self.start, self.end
        if start == end:
            return f"on {long_date(start)}"
        if start.day == 1 and end == month_end(start):
            return f"in {MONTH_NAMES[start.month - 1]} {start.year}"
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return f"in {start.year}" if start.year == end.year else f"between {start.year} and {end.year}"
        first, last = date_range(start, end)
        return f"between {first} and {last}"


@dataclass(frozen=True)
class DocumentDate:
    """The window a document is checked against, and where it came from."""

    window: DateWindow
    source: str  # "option" (--date), "front_matter", "config" or "today"
    location: Location | None = None  # where the front matter key or the config's 'date' is written
    key: str | None = None  # the front matter key

    def describe(self) -> str:
        """Where the date came from, for a person: "front matter 'date', line 4"."""
        if self.source == "option":
            return "--date"
        if self.source == "front_matter":
            return f"front matter '{self.key}'" + (f", line {self.location.line}" if self.location and self.location.line else "")
        if self.source == "config":
            assert self.location is not None  # a config date always records where it is written
            return f"the config's 'date', {self.location.shown()}"
        return "today; no date found"

    def as_dict(self) -> dict[str, str | None]:
        """For the JSON output: the window's ends (ISO), the source, the key and where it is written."""
        return {
            "from": self.window.start.isoformat(),
            "to": self.window.end.isoformat(),
            "source": self.source,
            "key": self.key,
            "location": self.location.shown() if self.location else None,
        }
