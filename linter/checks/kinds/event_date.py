"""``kind: event-date``: a date written for a known event must be the event's date.

An event mention (found with the event's ``mentions`` patterns) and a date
*attached* to it are compared. A date is attached when it is in the same
sentence, at most a few words away, with no conjunction, relative pronoun or
relational word between them ("a charity match on 10 January for victims of the
tsunami" dates the match, not the tsunami), except a relative clause on the event
itself ("the Australian Open, which starts on 17 January"). A date without a year
may mean any year of the document's window (or the year before); the rule fires
only if none of those days falls on the event's date or range. If several dates
are attached, one agreeing is enough; a recurring event may have one fact per
edition, and a date agreeing with any edition is right.
"""

from __future__ import annotations

from typing import Iterator

from linter.checks.kinds.base import Kind, Match
from linter.mentions import vocabulary as words
from linter.mentions.model import Analysis, DateMention, EventMention


_CLAUSE_BREAKS = (";", ":", "—", "(")


class EventDate(Kind):
    name = "event-date"
    summary = "A date given for a known event must agree with the event's date in the facts."

    def placeholders(self) -> frozenset[str]:
        return frozenset({"event", "event_date", "written", "place", "date"})

    def check(self, analysis: Analysis) -> Iterator[Match]:
        # A recurring event ("Australian Open") has one fact per edition, all named by the
        # same words: a date agreeing with any of them is right.
        by_span: dict = {}
        for mention in analysis.events:
            by_span.setdefault(mention.span, []).append(analysis.facts.events[mention.event])
        for span, events in by_span.items():
            dates = attached_dates(analysis, EventMention(span, events[0].id))
            if not dates or any(day in event.when for event in events for d in dates for day in d.candidates(analysis.window)):
                continue
            nearest = min(dates, key=lambda d: abs(d.span.start - span.start))
            event = min(events, key=lambda e: _distance(e.when, nearest.candidates(analysis.window)))
            yield Match(
                nearest.span,
                {
                    "event": event.name,
                    "event_date": str(event.when),
                    "written": analysis.text(nearest.span),
                    "place": event.place or "",
                    "date": analysis.window.describe(),
                },
                tuple(sorted(e.id for e in events)),
            )


def _distance(when, days) -> int:
    """Days between an event and the nearest reading of a written date (to name the edition meant)."""
    return min((abs((when.start - day).days) for day in days), default=0)


def attached_dates(analysis: Analysis, mention: EventMention) -> list[DateMention]:
    """The dates in the mention's sentence that date the event itself."""
    tokens = analysis.tokens
    sentence = analysis.sentence_of(mention.span.start)
    attached = []
    for date in analysis.dates:
        if not sentence.contains(date.span):
            continue
        start, end = sorted((date.span, mention.span))
        between = [tokens.texts[i].casefold() for i in range(tokens.index_at_or_after(start.end), tokens.index_at_or_after(end.start))]
        if len(between) > words.MAX_DATE_DISTANCE:
            continue
        if start == mention.span:  # the date follows the event
            between = _without_relative_pronoun(between)
        event_first = start == mention.span
        if not any(_detaches(between, index, event_first) for index in range(len(between))):
            attached.append(date)
    return attached


def _detaches(between: list[str], index: int, event_first: bool) -> bool:
    word = between[index]
    if event_first and word == "and" and index + 1 < len(between) and between[index + 1] in words.TIMING_VERBS:
        return False  # "the show ..., and runs from 6 to 9 January": the event is still the subject
    return word in words.DATE_DETACHING or word in _CLAUSE_BREAKS


def _without_relative_pronoun(between: list[str]) -> list[str]:
    """'the Open, which starts on', 'CES in Las Vegas, which ran from': a relative clause
    opened by a comma after the event's phrase attaches its date to the event."""
    for index, word in enumerate(between):
        if word in words.RELATIVE_PRONOUNS and (index == 0 or between[index - 1] == ","):
            return between[index + 1 :]
        if _detaches(between, index, event_first=True):
            break
    return between
