"""``kind: event-date-conflict``: one event given two dates in one article that cannot both be right.

Which event a date belongs to is decided once, in linking/event_dates.py (the dates that date
each event mention, as for ``event-date``); this kind compares the dates given to different
mentions of one event with each other. An event is named by the facts' ``mentions``: mentions
naming the same facts are mentions of one event. Only events that take one day are compared
(every edition of it, in the facts, a single day): two days of a summit, a tournament or a war
may both be right.

Two dates cannot both be right when their day and month differ ("20 March" and "March 15"); a
date without a year agrees with any date of the same day and month, and two dates that differ
only in the year are left alone (an anniversary: "on 7 July 2006, a year after the bombings of
7 July 2005"). For a recurring event (one fact per edition, named by the same words: "the London
Marathon") the two dates may be of two editions, so only two dates written with the same year
are compared. Dates inside a quotation, dates in a sentence the rule's ``ignore`` regex matches
(by default in the built-in rule: anniversaries, memorials, "last year's", "annual"...) unless
written with the year of the event, and a
mention given several dates of its own ("held on 23 June and counted on 24 June") are left out.

One finding per event, at the later of the first two dates that disagree; the message names the
earlier one and its line, and the event's date in the facts.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

import regex

from linter.checks.describe import where_else
from linter.checks.kinds.base import Kind, Match
from linter.facts.model import Event
from linter.fields import Field, Regex
from linter.mentions.model import Analysis, DateMention
from linter.source.document import Span
from linter.user_regex import compile_user_regex

PLACEHOLDERS = frozenset({"event", "event_date", "takes_place", "written", "other_written", "other_where", "other_line", "place", "date"})


class EventDateConflict(Kind):
    name = "event-date-conflict"
    summary = "One event given two dates in one article that cannot both be right."
    needs = frozenset({"events", "event_dates", "sentences", "quotations", "tokens"})
    params = (
        Field(
            "ignore",
            Regex(regex.IGNORECASE, noun="ignore pattern"),
            "Dates in a sentence it matches (case-insensitive: an anniversary, a memorial) are left out.",
        ),
    )

    def __init__(self, params: dict[str, Any]) -> None:
        ignore = params["ignore"]
        self.ignore = compile_user_regex(ignore, regex.VERSION1 | regex.IGNORECASE) if ignore is not None else None

    def placeholders(self) -> frozenset[str]:
        return PLACEHOLDERS

    def check(self, analysis: Analysis) -> Iterator[Match]:
        facts = analysis.facts
        editions: dict[Span, set[str]] = {}
        for mention in analysis.events:
            editions.setdefault(mention.span, set()).add(mention.event)
        # Each mention of an event (its editions, by id) with the one date it is given.
        dated: dict[frozenset[str], list[DateMention]] = {}
        starts = [sentence.start for sentence in analysis.sentences]
        quoted = _Quoted([quotation.inner for quotation in analysis.quotations])
        for span in sorted(editions):
            events = [facts.events[event_id] for event_id in sorted(editions[span])]
            if not all(event.when.start == event.when.end for event in events):
                continue  # an event of several days: two of its days may both be right
            years = {event.when.start.year for event in events}
            dates = [date for date in analysis.event_dates.get(span, ()) if self._counts(analysis, starts, quoted, date, span, years)]
            if not dates or any(_disagree(first, second, len(events) > 1) for first in dates for second in dates):
                continue
            dated.setdefault(frozenset(editions[span]), []).append(dates[0])
        for group, dates in dated.items():
            pair = _first_disagreement(sorted(dates, key=lambda d: d.span.start), recurring=len(group) > 1)
            if pair is not None:
                yield self._match(analysis, [facts.events[event_id] for event_id in sorted(group)], *pair)

    def _counts(self, analysis: Analysis, starts: list[int], quoted: _Quoted, date: DateMention, event: Span, years: set[int]) -> bool:
        """A date in the article's own words, in a sentence that is not about an anniversary (the
        ``ignore`` pattern, outside the names of events), or right after the event's words with the
        event's own year ("Twenty years on, ... the subway fire of Feb. 28, 2003": the event's date)."""
        if quoted.holds(date.span.start):
            return False
        if self.ignore is None or (date.year in years and _right_after(analysis, event, date.span)):
            return True
        index = bisect.bisect_right(starts, date.span.start) - 1
        sentence = analysis.sentences[index] if index >= 0 and date.span.start < analysis.sentences[index].end else date.span
        names = [mention.span for mention in analysis.events if sentence.contains(mention.span)]
        return all(  # the words of an event's own name ("the Auckland Anniversary floods") say nothing of the sentence
            any(name.start <= found.start() and found.end() <= name.end for name in names)
            for found in self.ignore.finditer(analysis.document.prose, sentence.start, sentence.end)
        )

    def _match(self, analysis: Analysis, events: list[Event], first: DateMention, second: DateMention) -> Match:
        line, _ = analysis.document.position(second.span.start)
        other_line, _ = analysis.document.position(first.span.start)
        year = second.year or first.year
        event = next((e for e in events if year is None or e.when.start.year == year), events[0])
        values = {
            "event": event.name,
            "event_date": event.when.describe(),
            "takes_place": event.when.takes_place(analysis.window),
            "written": analysis.text(second.span),
            "other_written": analysis.text(first.span),
            "other_where": where_else(line, other_line),
            "other_line": str(other_line),
            "place": analysis.facts.place_name(event),
            "date": analysis.window.describe(),
        }
        return Match(second.span, values, tuple(sorted(e.id for e in events)))


def _right_after(analysis: Analysis, event: Span, date: Span) -> bool:
    """'the subway fire of Feb. 28, 2003', 'the bombings on 7 July 2005': the date follows the event's words."""
    return event.end <= date.start and all(word in ("of", "on", ",") for word in analysis.tokens.lower[
        analysis.tokens.index_at_or_after(event.end) : analysis.tokens.index_at_or_after(date.start)])


class _Quoted:
    """The insides of a document's quotations (in order, none inside another), to look offsets up."""

    def __init__(self, insides: list[Span]) -> None:
        self.insides, self.starts = insides, [span.start for span in insides]

    def holds(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.insides[index].end


def _first_disagreement(ordered: list[DateMention], recurring: bool) -> tuple[DateMention, DateMention] | None:
    """The first date (in text order) that disagrees with an earlier one, and the earliest such
    earlier one. Linear: a date disagrees with an earlier one only if it disagrees with the first
    date of its kind (the first of all; for a recurring event, the first of its year), since two
    earlier dates that disagreed would have been the pair."""
    first_of: dict[int | None, DateMention] = {}
    for date in ordered:
        key = date.year if recurring else None
        earlier = first_of.setdefault(key, date)
        if earlier is not date and _disagree(earlier, date, recurring):
            return earlier, date
    return None


def _disagree(first: DateMention, second: DateMention, recurring: bool) -> bool:
    """Two dates of one single-day event that cannot both be right (see the module)."""
    if first.month == second.month and set(first.days_of_month) & set(second.days_of_month):
        return False  # the same day (or days that overlap), or an anniversary
    if recurring:
        return first.year is not None and first.year == second.year  # else perhaps two editions
    return True
