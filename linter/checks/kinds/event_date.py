"""``kind: event-date``: a date written for a known event must be the event's date.

An event mention (found with the event's ``mentions`` patterns) and the dates that date it
are compared; which dates date which mention is decided once, in linking/event_dates.py
(``link_event_dates``). A date without a year agrees with any day of the same month and day
("the 7 July bombings" in a later year; an anniversary), and speaks of a day within a year of
the article's date: it is never held against an event further ahead, which the words, then, do not
name ("the presidential election ... on April 21" in April 2019), unless they name its year ("The
2028 presidential election will be held on November 14"). A date after an opening verb is an
event's first day, after a closing verb its last ("the Games open on 23 July"). If several dates date one mention,
one agreeing is enough; a recurring event may have one fact per edition, and a date agreeing
with any edition is right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from linter.checks.kinds.base import Kind, Match
from linter.dates import DateWindow
from linter.facts.model import Event
from linter.linking.event_dates import day_of_the_event
from linter.mentions.model import Analysis, DateMention


class EventDate(Kind):
    name = "event-date"
    summary = "A date given for a known event must agree with the event's date in the facts."
    needs = frozenset({"events", "event_dates", "tokens"})

    def placeholders(self) -> frozenset[str]:
        return frozenset({"event", "event_date", "takes_place", "written", "place", "date"})

    def check(self, analysis: Analysis) -> Iterator[Match]:
        # A recurring event ("Australian Open") has one fact per edition, all named by the
        # same words: a date agreeing with any of them is right.
        editions: dict = {}
        for mention in analysis.events:
            editions.setdefault(mention.span, []).append(analysis.facts.events[mention.event])
        for span, events in editions.items():
            dates = analysis.event_dates.get(span, ())
            if not dates or any(
                date.agrees_with(day_of_the_event(analysis.tokens, span, date.span, event.when)) for event in events for date in dates
            ):
                continue
            ahead = all(event.when.start > analysis.window.end + _A_YEAR for event in events)
            if ahead and all(date.year is None for date in dates) and not any(str(event.when.start.year) in analysis.text(span) for event in events):
                continue  # "the presidential election ... on April 21" in 2019 is not the one of November 2020 (but "the 2028 election" is)
            nearest = min(dates, key=lambda d: abs(d.span.start - span.start))
            # The edition meant: the nearest to a reading of the date; of two as near, the one nearer the article.
            event = min(events, key=lambda e: (_distance(e, nearest, analysis.window), abs((e.when.start - analysis.window.start).days)))
            yield Match(
                nearest.span,
                {
                    "event": event.name,
                    "event_date": event.when.describe(),
                    "takes_place": event.when.takes_place(analysis.window),
                    "written": analysis.text(nearest.span),
                    "place": analysis.facts.place_name(event),
                    "date": analysis.window.describe(),
                },
                tuple(sorted(e.id for e in events)),
            )


# A date without a year is a day within a year of the article's date: never of an event further ahead.
_A_YEAR = dt.timedelta(days=366)


def _distance(event: Event, date: DateMention, window: DateWindow) -> int:
    """Days between an event and the nearest reading of a written date (to name the edition meant)."""
    return min((abs((event.when.start - day).days) for day in date.candidates(window)), default=0)
