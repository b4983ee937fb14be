"""Calendar days and day windows.

A document's date is a :class:`DateWindow`: one day, or an inclusive range of
days when the exact day is unknown (an undated 2004-2005 article is
``2004-01-01..2005-12-31``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterator

import regex

_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")
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


def parse_iso_date(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD``; the ValueError says what is wrong in plain words."""
    match = _ISO_DATE.fullmatch(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date; write it as YYYY-MM-DD")
    year, month, day = (int(group) for group in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a real calendar date") from None


@dataclass(frozen=True, order=True)
class DateWindow:
    """The inclusive range of days on which something may be true."""

    start: dt.date
    end: dt.date

    @classmethod
    def day(cls, day: dt.date) -> DateWindow:
        return cls(day, day)

    @classmethod
    def parse(cls, text: str) -> DateWindow:
        """Parse ``YYYY-MM-DD`` or ``FROM..TO``."""
        text = str(text).strip()
        if ".." in text:
            first, _, last = text.partition("..")
            start, end = parse_iso_date(first), parse_iso_date(last)
            if end < start:
                raise ValueError(f"the window '{text}' ends before it starts")
            return cls(start, end)
        return cls.day(parse_iso_date(text))

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

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
        """In words: 'on 20 March 2025', 'in March 2025', 'in 2025' or 'between 5 April and 31 December 2025'."""
        start, end = self.start, self.end
        if start == end:
            return f"on {long_date(start)}"
        if start.day == 1 and end == month_end(start):
            return f"in {MONTH_NAMES[start.month - 1]} {start.year}"
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return f"in {start.year}"
        first, last = date_range(start, end)
        return f"between {first} and {last}"
