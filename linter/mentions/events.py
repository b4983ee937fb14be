"""Mentions of known events, found with each event's own ``mentions`` patterns (as whole words).

Only sentences that also contain a date are searched (an event mention matters
to the rules only beside a date), and only for the events whose trigger word
(see mentions/lexicon.py) the document contains, so the cost does not grow with
the number of events in the facts.
"""

from __future__ import annotations

import bisect

from linter.cache import regexes as kept_regexes
from linter.facts.model import FactBase
from linter.mentions.lexicon import Lexicon
from linter.mentions.model import DateMention, EventMention
from linter.mentions.patterns import mention_spans
from linter.segment.tokens import Tokens
from linter.source.document import Span, outermost

_APOSTROPHE = kept_regexes.compile(r"['’]")


def find_events(
    prose: str, tokens: Tokens, sentences: list[Span], dates: list[DateMention], lexicon: Lexicon, facts: FactBase,
    failures: list[str],
) -> list[EventMention]:
    """Mentions of events; a pattern that backtracks catastrophically is skipped and noted in ``failures``."""
    events = facts.events
    gave_up: set[str] = set()
    if not events or not dates:
        return []
    candidates = _candidates(tokens.lower, lexicon)
    if not candidates:
        return []
    date_starts = sorted(date.span.start for date in dates)
    mentions: list[EventMention] = []
    for sentence in sentences:
        position = bisect.bisect_left(date_starts, sentence.start)
        if position == len(date_starts) or date_starts[position] >= sentence.end:
            continue
        for event_id in sorted(candidates - gave_up):
            for pattern in events[event_id].mentions:
                spans = mention_spans(pattern, prose, sentence, f"event '{event_id}'", failures)
                if spans is None:
                    gave_up.add(event_id)
                    break
                mentions.extend(EventMention(span, event_id) for span in spans)
    return _longest(mentions)


def events_in(prose: str, span: Span, words: list[str], lexicon: Lexicon, facts: FactBase, failures: list[str]) -> list[EventMention]:
    """The events named in ``span`` (whose lower-case words are ``words``): for a phrase a caller
    has found (linking/claim_time.py: "At Expo 2015, then-President X")."""
    mentions: list[EventMention] = []
    for event_id in sorted(_candidates(words, lexicon)):
        for pattern in facts.events[event_id].mentions:
            spans = mention_spans(pattern, prose, span, f"event '{event_id}'", failures)
            if spans is None:
                break
            mentions.extend(EventMention(found, event_id) for found in spans)
    return _longest(mentions)


def _candidates(words: list[str], lexicon: Lexicon) -> set[str]:
    """The events whose trigger word is among ``words``, and those that have none."""
    # The trigger words are split at apostrophes (mentions/lexicon.py): so are the document's words.
    found = set(words)
    found.update(part for word in words if "'" in word or "’" in word for part in _APOSTROPHE.split(word))
    return set(lexicon.always_events).union(*(lexicon.event_triggers[word] for word in found & lexicon.event_triggers.keys()))


def _longest(mentions: list[EventMention]) -> list[EventMention]:
    """Drop a mention inside a longer one ("Marathon" in "London Marathon"): one phrase names one event."""
    kept = outermost(mention.span for mention in mentions)
    return [mention for mention in mentions if mention.span in kept]


def find_event_names(
    prose: str, tokens: Tokens, sentences: list[Span], lexicon: Lexicon, facts: FactBase, failures: list[str]
) -> list[EventMention]:
    """Mentions of events in every sentence, dated or not (issue 15: "the summit was held in Paris"
    needs no date). Only events some relation can speak of are searched: those whose ``place``
    names a place, and the subjects of relations."""
    if not facts.relations:
        return []  # without located-in relations no place can be told apart from another: nothing to check
    wanted = facts.related.events
    if not wanted:
        return []
    mentions: list[EventMention] = []
    for event_id in sorted(_candidates(tokens.lower, lexicon) & wanted):
        for pattern in facts.events[event_id].mentions:
            for sentence in sentences:
                spans = mention_spans(pattern, prose, sentence, f"event '{event_id}'", failures)
                if spans is None:
                    break
                mentions.extend(EventMention(span, event_id) for span in spans)
    return _longest(sorted(set(mentions), key=lambda m: (m.span.start, m.span.end, m.event)))
