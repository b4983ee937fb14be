"""Calendar dates written in prose: "March 15", "15 March", "March 15, 2025", "15th of March 2025", "2025-03-15".

Month names must be capitalised, so the verbs "may" and "march" are never dates.
"""

from __future__ import annotations

import datetime as dt

import regex

from linter.mentions.model import DateMention
from linter.mentions.vocabulary import MONTHS
from linter.source.document import Span

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
_DATE = regex.compile(
    rf"""\b(?:
        (?P<month_a>{_MONTH})\.?\s+(?P<day_a>{_DAY})(?![\d:])(?:,?\s+(?P<year_a>{_YEAR})\b)?
      | (?<![\d:./,-])(?P<day_b>{_DAY})\s+(?:of\s+)?(?P<month_b>{_MONTH})\b\.?(?:,?\s+(?P<year_b>{_YEAR})\b)?
      | (?P<year_c>{_YEAR})-(?P<month_c>0[1-9]|1[0-2])-(?P<day_c>0[1-9]|[12]\d|3[01])\b
    )""",
    regex.VERBOSE,
)


def find_dates(prose: str) -> list[DateMention]:
    mentions = []
    for match in _DATE.finditer(prose):
        groups = match.groupdict()
        if groups["year_c"]:
            month, day, year = int(groups["month_c"]), int(groups["day_c"]), int(groups["year_c"])
        else:
            suffix = "a" if groups["month_a"] else "b"
            month = MONTHS[groups[f"month_{suffix}"]]
            day = int(regex.match(r"\d+", groups[f"day_{suffix}"]).group())
            year = int(groups[f"year_{suffix}"]) if groups[f"year_{suffix}"] else None
        if not _possible(year, month, day):
            continue
        mentions.append(DateMention(Span(match.start(), match.end()), month, day, year))
    return mentions


def _possible(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February stays possible
    except ValueError:
        return False
    return True
