"""Mentions of known events, found with each event's own ``mentions`` patterns (as whole words).

Only sentences that also contain a date are searched (an event mention matters
to the rules only beside a date), and only for the events whose trigger word
(see mentions/lexicon.py) the document contains, so the cost does not grow with
the number of events in the facts.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from linter.facts.model import FactBase
from linter.mentions.lexicon import Lexicon
from linter.mentions.model import DateMention, EventMention
from linter.segment.tokens import Tokens
from linter.source.document import Span, outermost
from linter.user_regex import BadRegex, compile_user_regex, find_all, shown

_APOSTROPHE = regex.compile(r"['’]")
_TIMEOUT = 1.0  # seconds per sentence for one mention pattern


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> regex.Pattern:
    """An event's mention pattern, matched as whole words ("CES" is not in "services")."""
    return compile_user_regex(rf"(?<![\p{{L}}\p{{N}}])(?:{pattern})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE | regex.VERSION1)


def find_events(
    prose: str, tokens: Tokens, sentences: list[Span], dates: list[DateMention], lexicon: Lexicon, facts: FactBase,
    failures: list[str],
) -> list[EventMention]:
    """Mentions of events; a pattern that backtracks catastrophically is skipped and noted in ``failures``."""
    events = facts.events
    gave_up: set[str] = set()
    if not events or not dates:
        return []
    # The trigger words are split at apostrophes (mentions/lexicon.py): so are the document's words.
    words = set(tokens.lower)
    words.update(part for word in tokens.lower if "'" in word or "’" in word for part in _APOSTROPHE.split(word))
    candidates = set(lexicon.always_events).union(*(lexicon.event_triggers[word] for word in words & lexicon.event_triggers.keys()))
    if not candidates:
        return []
    date_starts = sorted(date.span.start for date in dates)
    mentions = []
    for sentence in sentences:
        position = bisect.bisect_left(date_starts, sentence.start)
        if position == len(date_starts) or date_starts[position] >= sentence.end:
            continue
        for event_id in sorted(candidates - gave_up):
            for pattern in events[event_id].mentions:
                try:
                    for match in find_all(_compiled(pattern), prose, sentence.start, sentence.end, _TIMEOUT):
                        if match.end() > match.start():
                            mentions.append(EventMention(Span(match.start(), match.end()), event_id))
                except TimeoutError:
                    gave_up.add(event_id)
                    failures.append(f"the mention pattern {pattern!r} of event '{event_id}' took over {_TIMEOUT:g} s; fix it in the facts")
                except BadRegex as error:
                    gave_up.add(event_id)
                    failures.append(f"the mention pattern {shown(pattern)} of event '{event_id}' cannot be used: {error}; fix it in the facts")
    return _longest(mentions)


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
    words = set(tokens.lower)
    words.update(part for word in tokens.lower if "'" in word or "’" in word for part in _APOSTROPHE.split(word))
    candidates = set(lexicon.always_events).union(*(lexicon.event_triggers[word] for word in words & lexicon.event_triggers.keys()))
    mentions = []
    for event_id in sorted(candidates & wanted):
        for pattern in facts.events[event_id].mentions:
            for sentence in sentences:
                try:
                    for match in find_all(_compiled(pattern), prose, sentence.start, sentence.end, _TIMEOUT):
                        if match.end() > match.start():
                            mentions.append(EventMention(Span(match.start(), match.end()), event_id))
                except (TimeoutError, BadRegex):
                    failures.append(f"the mention pattern {shown(pattern)} of event '{event_id}' could not be searched; fix it in the facts")
                    break
    return _longest(sorted(set(mentions), key=lambda m: (m.span.start, m.span.end, m.event)))
