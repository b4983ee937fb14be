"""``kind: event-date``: a date written for a known event must be the event's date.

An event mention (found with the event's ``mentions`` patterns) and a date
*attached* to it are compared. A date is attached when it is in the same
sentence, at most a few words away, with no conjunction, relative pronoun or
relational word between them ("a charity match on 10 January for victims of the
tsunami" dates the match, not the tsunami), and the event is not a point of
reference ("before the Athens Games"). A date without a year may mean any year
of the document's window (or the year before); the rule fires only if none of
those days falls on the event's date or range. If several dates are attached,
one agreeing is enough.
"""

from __future__ import annotations

from typing import Iterator

from linter.checks.kinds.base import Kind, Match
from linter.mentions import vocabulary as words
from linter.mentions.model import Analysis, DateMention, EventMention


class EventDate(Kind):
    name = "event-date"
    summary = "A date given for a known event must agree with the event's date in the facts."

    def placeholders(self) -> frozenset[str]:
        return frozenset({"event", "event_date", "written", "place", "date"})

    def check(self, analysis: Analysis) -> Iterator[Match]:
        reported = set()
        for mention in analysis.events:
            event = analysis.facts.events[mention.event]
            dates = attached_dates(analysis, mention)
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


def attached_dates(analysis: Analysis, mention: EventMention) -> list[DateMention]:
    """The dates in the mention's sentence that date the event itself."""
    tokens = analysis.tokens
    first = tokens.index_at_or_after(mention.span.start)
    if first > 0 and tokens.texts[first - 1].casefold() in words.EVENT_AS_REFERENCE:
        return []
    sentence = analysis.sentence_of(mention.span.start)
    attached = []
    for date in analysis.dates:
        if not sentence.contains(date.span):
            continue
        start, end = sorted((date.span, mention.span))
        between = range(tokens.index_at_or_after(start.end), tokens.index_at_or_after(end.start))
        if len(between) > words.MAX_DATE_DISTANCE:
            continue
        lower = [tokens.texts[i].casefold() for i in between]
        if not any(word in words.DATE_DETACHING or word in (";", ":", "—", "(") for word in lower):
            attached.append(date)
    return attached
