"""Calendar dates written in prose: "March 15", "15 March", "March 15, 2025", "15th of March 2025", "2025-03-15";
and written times with a year ("in 2019", "in March 2019", "in the 1990s", "between 2014 and 2016"): see ``find_times``.

Month names must be capitalised, so the verbs "may" and "march" are never dates; on a line in
capitals ("FUNERAL ON TUESDAY 20 SEPTEMBER") they are read whatever their case.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cache

import regex

from linter.cache import regexes as kept_regexes
from linter.dates import DateWindow, month_end
from linter.facts.model import FactBase
from linter.mentions.model import DateMention, TimeExpression
from linter.mentions.vocabulary import MONTHS
from linter.segment.tokens import Tokens
from linter.source.document import Span

_TOKENS_BEFORE = 4  # "15th of March", "3 to 4 March": the first day is at most four tokens before the month name
_TOKENS_AFTER = 5  # "March 15th, 2025", "October 29-31, 2021", "2025-03-15": a date ends at most five tokens after its anchor

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
# "3-4 October", "October 17–18": the days of a range within one month.
_RANGE_DASH = r"(?:\s?[-–]\s?|\s+to\s+)"
_DIGITS = kept_regexes.compile(r"\d+")
# "15 Sept. 2025": a full stop after an abbreviated month is part of the date; after "15 March."
# it ends the sentence.
_ABBREVIATION_DOT = r"(?:(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.)?"
_DATE = kept_regexes.compile(
    rf"""\b(?:
        (?P<month_a>{_MONTH})\.?\s+(?:(?P<from_a>{_DAY}){_RANGE_DASH})?(?P<day_a>{_DAY})(?![\d:])(?:,?\s+(?P<year_a>{_YEAR})\b)?
      | (?<![\d:./,-])(?:(?P<from_b>{_DAY}){_RANGE_DASH})?(?P<day_b>{_DAY})\s+(?:of\s+)?(?P<month_b>{_MONTH})\b{_ABBREVIATION_DOT}
        (?:,?\s+(?P<year_b>{_YEAR})\b)?
      | (?P<year_c>{_YEAR})-(?P<month_c>0[1-9]|1[0-2])-(?P<day_c>0[1-9]|[12]\d|3[01])\b
    )""",
    regex.VERBOSE,
)
_DATE_ANY_CASE = kept_regexes.compile(_DATE.pattern, regex.VERBOSE | regex.IGNORECASE)


def find_dates(prose: str, tokens: Tokens) -> list[DateMention]:
    """Dates, searched only around month names and four-digit years (the date regex is costly
    to try at every position of a long text; the tokens say where a date can be)."""
    mentions: list[DateMention] = []
    last = len(tokens) - 1
    shouted = {i for i in tokens.shouted if tokens.texts[i].title() in MONTHS}  # "20 SEPTEMBER" on a line in capitals
    for index in [i for i, text in enumerate(tokens.texts) if text in MONTHS or (len(text) == 4 and text.isdigit()) or i in shouted]:
        # From the day before the month ("15th of March") to the year after it ("2025-03-15"),
        # ending one character past a token so that look-aheads see what follows. Only a date
        # containing this anchor counts: another anchor's window may cut a date short.
        anchor_start, anchor_end = tokens.starts[index], tokens.ends[index]
        start = tokens.starts[max(index - _TOKENS_BEFORE, 0)]
        end = min(tokens.ends[min(index + _TOKENS_AFTER, last)] + 1, len(prose))
        pattern = _DATE_ANY_CASE if index in tokens.shouted else _DATE
        for match in pattern.finditer(prose, start, end):
            if match.start() <= anchor_start and anchor_end <= match.end():
                mention = _mention(match)
                if mention and (not mentions or mention.span.start >= mentions[-1].span.end):
                    mentions.append(mention)
    return mentions


def _mention(match: regex.Match) -> DateMention | None:
    groups = match.groupdict()
    year: int | None
    first_day: int | None = None  # of a range of days
    if groups["year_c"]:
        month, day, year = int(groups["month_c"]), int(groups["day_c"]), int(groups["year_c"])
    else:
        suffix = "a" if groups["month_a"] else "b"
        month = MONTHS[groups[f"month_{suffix}"].title()]
        day = int(_DIGITS.match(groups[f"day_{suffix}"]).group())
        year = int(groups[f"year_{suffix}"]) if groups[f"year_{suffix}"] else None
        if first := groups[f"from_{suffix}"]:
            first_day = int(_DIGITS.match(first).group())
            if first_day >= day:
                return None  # "10-3 March": no range
    if not _possible(year, month, day):
        return None
    return DateMention(Span(match.start(), match.end()), month, day, year, first_day)


def _possible(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February stays possible
    except ValueError:
        return False
    return True


# -- times with a year ----------------------------------------------------------------------------

_MONTH = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "May"), key=len, reverse=True))
# "in 2019", "during 2019", "in March 2019", "in early 2019", "in the 1990s", "in mid-2019", "as early as 2017"
# (the year it names: "as late as", "as recently as", "as far back as" and "as long ago as" too).
_YEAR_PHRASE = kept_regexes.compile(
    rf"""\b(?:[Ii]n|[Dd]uring|[Oo]n|[Bb]ack\s+in|[Aa]s\s+(?:early|late|recently|far\s+back|long\s+ago)\s+as)\s+
    (?:(?:early|late|mid)[-\s]+)?
    (?:(?P<month>{_MONTH})\s+)?
    (?:(?P<year>(?:1[89]|20)\d\d)|the\s+(?P<decade>(?:1[89]|20)\d)0s)\b(?![-/]\d)""",
    regex.VERBOSE,
)

# "between 2014 and 2016", "from 2014 to 2016", "in 2014-16", "during 2014–2016": the years from the first to the last.
_YEAR_RANGE = kept_regexes.compile(
    r"""\b(?:[Bb]etween\s+(?P<first>(?:1[89]|20)\d\d)\s+and\s+(?P<last>(?:1[89]|20)\d\d)
    |[Ff]rom\s+(?P<first>(?:1[89]|20)\d\d)\s+(?:to|until|till|through)\s+(?P<last>(?:1[89]|20)\d\d)
    |(?:[Ii]n|[Dd]uring)\s+(?P<first>(?:1[89]|20)\d\d)\s?[-–]\s?(?P<last>(?:1[89]|20)?\d\d))\b(?![-/]\d)""",
    regex.VERBOSE | regex.VERSION1,
)

_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50,
}
# "Twenty years ago today", "A year ago last Saturday", "a decade ago", "10 years ago", "last year": counted back from the article's
# date, as that whole year.
_YEARS_AGO = kept_regexes.compile(
    rf"""\b(?:(?P<count>{"|".join(sorted(_COUNTS, key=len, reverse=True))}|\d{{1,2}})\s+(?P<unit>years?|decades?)\s+ago
    (?:\s+(?:today|yesterday|this\s+week|this\s+month|(?:last|this|on)\s+(?:week|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)))?
    |(?P<last>[Ll]ast\s+year))\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
# Each match holds one of these words: a text without either is not searched (the regex above is costly).
_YEARS_AGO_WORDS = kept_regexes.compile("ago|last", regex.IGNORECASE)
# "over the past four years", "the last decade", "the past 18 months", "four years in which", "eight
# years under": a span counted back that ends at the article's date. "The last two years of his term" is not one.
_COUNT = rf"""(?:{"|".join(sorted(_COUNTS, key=len, reverse=True))}|\d{{1,2}})"""
_SPAN_BACK = kept_regexes.compile(
    rf"""\b(?:(?:the|these)\s+(?:past|last)\s+(?:(?P<count>{_COUNT})\s+)?
        (?P<unit>years?|decades?|months?)\b(?!\s+(?:of|to|in\s+office)\b)(?(count)|(?<!years|months))
    |(?<!\b(?:next|coming|following)\s)(?P<span>{_COUNT})\s+(?P<span_unit>years|decades|months)(?=\s+(?:(?:in|during)\s+which|when|under)\b))""",
    regex.VERBOSE | regex.IGNORECASE,
)
_SPAN_BACK_WORDS = kept_regexes.compile("year|decade|month", regex.IGNORECASE)


def find_times(prose: str, dates: list[DateMention], window: DateWindow) -> list[TimeExpression]:
    """Written times: full dates, year, month-year and decade phrases, ranges of years, years counted back from the
    article's date ("twenty years ago", "last year": that whole year), and dates without a year,
    one expression for each day such a date may be: within the year before the article's date
    ("On 14 April," in an article of 10 June 2024 is 14 April 2024; never a day after the article),
    or, in a clause about the future, within the year after it ("will deliver her statement on 26
    March" in an article of 1 March 2025 is 26 March 2025)."""
    found = [TimeExpression(d.span, d.days_in(d.year)) for d in dates if d.year]
    earliest, latest = window.start - dt.timedelta(days=365), window.end + dt.timedelta(days=365)
    for date in dates:
        if not date.year:
            ahead = _in_a_future_clause(prose, date.span.start)
            found += [
                TimeExpression(date.span, date.days_in(day.year))
                for day in date.candidates(window, ahead=ahead)
                if (window.end < day <= latest if ahead else earliest < day <= window.end)
            ]
    taken = sorted(d.span for d in dates if d.year)
    starts = [span.start for span in taken]
    for match in _YEAR_PHRASE.finditer(prose):
        span = Span(match.start(), match.end())
        index = bisect.bisect_left(starts, span.end) - 1
        if index >= 0 and taken[index].end > span.start:
            continue  # "on 23 September 2022" is the full date already found
        found.append(TimeExpression(span, _window(match)))
    for match in _YEAR_RANGE.finditer(prose):
        first, last = int(match.group("first")), match.group("last")
        last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if first < last_year:
            found.append(TimeExpression(Span(match.start(), match.end()), DateWindow(dt.date(first, 1, 1), dt.date(last_year, 12, 31))))
    for match in _YEARS_AGO.finditer(prose) if _YEARS_AGO_WORDS.search(prose) else ():
        back = 1 if match.group("last") else _years(match.group("count"), match.group("unit"))
        if back <= window.end.year - 1:
            found.append(
                TimeExpression(
                    Span(match.start(), match.end()), DateWindow(dt.date(window.start.year - back, 1, 1), dt.date(window.end.year - back, 12, 31))
                )
            )
    for match in _SPAN_BACK.finditer(prose) if _SPAN_BACK_WORDS.search(prose) else ():
        count, unit = match.group("count") or match.group("span") or "1", (match.group("unit") or match.group("span_unit")).lower()
        months = _number(count) if unit.startswith("month") else 12 * _years(count, unit)
        found.append(TimeExpression(Span(match.start(), match.end()), DateWindow(_months_before(window.start, months), window.end)))
    return sorted(found, key=lambda t: t.span)


def _months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` earlier (the month's last day where it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, month_end(dt.date(year, month + 1, 1)).day))


# Words that make a clause speak of the future: "will deliver", "is due to open", "is set to".
_FUTURE_CLAUSE = kept_regexes.compile(r"(?i)\b(?:will|shall|is\s+(?:due|set)\s+to|are\s+(?:due|set)\s+to)\b|['’]ll\b")
_CLAUSE_START = kept_regexes.compile(r"[.!?;:,\n]")


def _in_a_future_clause(prose: str, start: int) -> bool:
    """Whether the clause a date stands in, up to the date, speaks of the future."""
    begins = max((m.end() for m in _CLAUSE_START.finditer(prose, max(start - 200, 0), start)), default=max(start - 200, 0))
    return _FUTURE_CLAUSE.search(prose, begins, start) is not None


def _number(count: str) -> int:
    """A count written in figures or in words: "18", "four"."""
    return int(count) if count.isdigit() else _COUNTS[count.lower()]


def _years(count: str, unit: str) -> int:
    return _number(count) * (10 if unit.lower().startswith("decade") else 1)


def _window(match: regex.Match) -> DateWindow:
    if match.group("decade"):
        first = int(match.group("decade")) * 10
        return DateWindow(dt.date(first, 1, 1), dt.date(first + 9, 12, 31))
    year = int(match.group("year"))
    if match.group("month"):
        month = MONTHS[match.group("month")]
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return DateWindow(dt.date(year, month, 1), following - dt.timedelta(days=1))
    return DateWindow.of_year(year)


# -- times a figure may be given for (issue 15: quantities) -----------------------------------------

_FULL_MONTHS = "|".join(m for m in MONTHS if len(m) > 3 or m == "May")
# "in March", "during March", "for March" (a month without a year; "in March 2019" is a written
# time already), "last November" and "last month": a monthly figure is given for a month, often
# without its year, and a rate set then is told by its month.
_MONTH_PHRASE = (
    rf"""\b(?:[Ii]n|[Dd]uring|[Ff]or)\s+(?:(?:early|late|mid)[-\s]+)?(?P<month>{_FULL_MONTHS})\b(?!['’]s|\s+\d)
      (?P<which>,?\s+(?:of\s+)?(?P<relative>last|this|next)\s+year\b)?
    |\b[Ll]ast\s+(?P<last_named>{_FULL_MONTHS})\b(?!['’]s|\s+\d)
    |\b(?P<last>[Ll]ast\s+month)\b""",
    regex.VERBOSE,
)


@cache
def _month_phrase() -> regex.Pattern:
    return kept_regexes.compile(*_MONTH_PHRASE)


def find_figure_times(prose: str, times: list[TimeExpression], window: DateWindow, facts: FactBase) -> list[TimeExpression]:
    """The written times (``find_times``), and the months a figure may be given for without a year:
    "in March" is each March that began in the year before the article's date up to it (one
    expression for each), "last month" each month before a month of the article's date window,
    "last November" the latest November before the article's month and the one before it.
    Only figures read these (a title claim's time is still ``find_times``'s), and only against quantity facts."""
    found = list(times)
    if not facts.quantities:
        return found
    for match in _month_phrase().finditer(prose):
        span = Span(match.start(), match.end())
        if match.group("last"):
            months = _months_between(_month_before(window.start), _month_before(window.end))
        elif match.group("last_named"):  # "last November": the latest one before the article's month, or the one before it
            number = MONTHS[match.group("last_named")]
            latest = dt.date(window.start.year - (number >= window.start.month), number, 1)
            months = [latest.replace(year=latest.year - 1), latest]
        elif match.group("which"):  # "in March last year": that March, not the whole year "last year" alone would be
            number, back = MONTHS[match.group("month")], {"last": 1, "this": 0, "next": -1}[match.group("relative")]
            months = [dt.date(year - back, number, 1) for year in range(window.start.year, window.end.year + 1)]
            found = [t for t in found if not span.contains(t.span)]
        else:
            number = MONTHS[match.group("month")]
            earliest = window.start - dt.timedelta(days=365)
            months = [
                dt.date(year, number, 1) for year in range(earliest.year, window.end.year + 1) if earliest < dt.date(year, number, 1) <= window.end
            ]
        found += [TimeExpression(span, DateWindow(first, month_end(first))) for first in months]
    # "A year ago", "two years ago" are about then, not that calendar year (whose figure is an
    # average): half a year either side, so no figure for a year is taken for it, and a rate in
    # force is checked on every day of it.
    return sorted((_about(prose, t) for t in found), key=lambda t: t.span)


def _about(prose: str, time: TimeExpression) -> TimeExpression:
    if not prose[time.span.start : time.span.end].lower().rstrip().endswith(("ago", "ago today", "ago this week", "ago this month")):
        return time
    half = dt.timedelta(days=182)
    return TimeExpression(time.span, DateWindow(time.window.start - half, time.window.end + half))


def _month_before(day: dt.date) -> dt.date:
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    months = []
    while first <= last:
        months.append(first)
        first = (first + dt.timedelta(days=32)).replace(day=1)
    return months
