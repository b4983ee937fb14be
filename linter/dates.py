"""Calendar days and day windows.

A document's date is a :class:`DateWindow`: one day, or an inclusive range of
days when the exact day is unknown (an undated 2004-2005 article is
``2004-01-01..2005-12-31``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

import regex

_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")


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
    def of_year(cls, year: int) -> DateWindow:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

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
        """Human phrase: 'on 2025-05-01' or 'between 2025-04-05 and 2025-12-31'."""
        if self.start == self.end:
            return f"on {self.start.isoformat()}"
        return f"between {self.start.isoformat()} and {self.end.isoformat()}"
