"""``kind: event-date``: a date written beside a known event must be the event's date.

An event mention (found with the event's ``mentions`` patterns) and a date in
the same sentence are compared. A date without a year may mean any year of the
document's window (or the year before); the rule fires only if none of those
days falls on the event's date or range. If the sentence holds several dates,
any one agreeing is enough (the sentence may name another day too) and the
finding points at the date nearest the mention.
"""

from __future__ import annotations

from typing import Iterator

from linter.checks.kinds.base import Kind, Match
from linter.mentions.model import Analysis


class EventDate(Kind):
    name = "event-date"
    summary = "A date given for a known event must agree with the event's date in the facts."

    def placeholders(self) -> frozenset[str]:
        return frozenset({"event", "event_date", "written", "place", "date"})

    def check(self, analysis: Analysis) -> Iterator[Match]:
        reported = set()
        for mention in analysis.events:
            event = analysis.facts.events[mention.event]
            sentence = analysis.sentence_of(mention.span.start)
            dates = [d for d in analysis.dates if sentence.contains(d.span)]
            if not dates or any(day in event.when for d in dates for day in d.candidates(analysis.window)):
                continue
            nearest = min(dates, key=lambda d: abs(d.span.start - mention.span.start))
            if (nearest.span, event.id) in reported:
                continue
            reported.add((nearest.span, event.id))
            yield Match(
                nearest.span,
                {
                    "event": event.name,
                    "event_date": str(event.when),
                    "written": analysis.text(nearest.span),
                    "place": event.place or "",
                    "date": analysis.window.describe(),
                },
                (event.id,),
            )
