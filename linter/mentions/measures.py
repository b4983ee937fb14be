"""Words naming a measure the facts record figures of (issue 15: quantities).

Each quantity fact's ``mentions`` patterns (case-insensitive regexes, matched as whole words, like
an event's) are searched in the sentences that hold a figure, and only for the quantities whose
required word (see mentions/lexicon.py) the document contains, so the cost does not grow with
the number of figures in the facts. Where two mentions overlap, the longer names the measure
("UK CPI inflation" over "inflation"); one span may name the figures of several measures
("population": every country's), which the rule then tells apart by the subject, or leaves alone.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from linter.facts.model import FactBase
from linter.mentions.lexicon import required_words
from linter.mentions.model import MeasureMention, NumberMention
from linter.mentions.patterns import mention_spans
from linter.segment.tokens import Tokens
from linter.source.document import Span, outermost


def measurable(tokens: Tokens, facts: FactBase) -> set[str]:
    """The quantities the document may name a measure of: those whose required word it contains,
    and those with none. Without any, its figures matter to no rule."""
    if not facts.quantities:
        return set()
    triggers, always = _triggers(tuple((q.id, q.mentions) for q in facts.quantities.values()))
    return set(always).union(*(triggers[word] for word in set(tokens.lower) & triggers.keys()))


@lru_cache(maxsize=64)
def _triggers(patterns: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """A word each mention of a quantity must contain -> the quantities; and those with none."""
    triggers: dict[str, set[str]] = {}
    always: set[str] = set()
    for quantity, mentions in patterns:
        for pattern in mentions:
            words = required_words(pattern)
            if words:
                triggers.setdefault(max(sorted(words), key=len), set()).add(quantity)
            else:
                always.add(quantity)
    return {word: frozenset(ids) for word, ids in triggers.items()}, frozenset(always)


def find_measures(
    prose: str, tokens: Tokens, sentences: list[Span], numbers: list[NumberMention], facts: FactBase, failures: list[str]
) -> list[MeasureMention]:
    """Mentions of measures in sentences with a figure; a pattern that fails is skipped and noted in ``failures``."""
    quantities = facts.quantities
    if not quantities or not numbers:
        return []
    candidates = measurable(tokens, facts)
    if not candidates:
        return []
    patterns: dict[str, set[str]] = {}
    for quantity in sorted(candidates):
        for pattern in quantities[quantity].mentions:
            patterns.setdefault(pattern, set()).add(quantity)
    figure_starts = [number.span.start for number in numbers]
    found: dict[Span, set[str]] = {}
    gave_up: set[str] = set()
    for sentence in sentences:
        position = bisect.bisect_left(figure_starts, sentence.start)
        if position == len(figure_starts) or figure_starts[position] >= sentence.end:
            continue
        for pattern, ids in patterns.items():
            if pattern in gave_up:
                continue
            spans = mention_spans(pattern, prose, sentence, f"quantity '{min(ids)}'", failures)
            if spans is None:
                gave_up.add(pattern)
                continue
            for span in spans:
                found.setdefault(span, set()).update(ids)
    return [MeasureMention(span, frozenset(found[span])) for span in sorted(outermost(found), key=lambda span: span.start)]
