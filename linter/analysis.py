"""Stages 2 and 3 of the pipeline: segment a document, find its mentions, link them.

Each kind of mention is one ``Extractor``: the ``Analysis`` field it fills, and a function
whose parameters name what it reads, either what every document has (``prose``, ``blocks``,
``facts``, ``lexicon``, ``window``, ``failures``) or fields that earlier extractors fill. The
parameters are the declaration: ``analyse`` passes each function its inputs by name, and runs
only the extractors the rules need, with what those read, in the order of ``EXTRACTORS``.
Adding a kind of mention is a function and one line below.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from linter.dates import DateWindow
from linter.facts.model import FactBase
from linter.linking.event_dates import link_event_dates
from linter.linking.speakers import attribute_quotes
from linter.mentions.claims import find_claims
from linter.mentions.dates import find_dates, find_figure_times, find_times
from linter.mentions.events import find_event_names, find_events
from linter.mentions.lexicon import Lexicon
from linter.mentions.measures import find_measures
from linter.mentions.model import Analysis
from linter.mentions.names import find_names, find_titles
from linter.mentions.numbers import find_figures
from linter.segment.quotes import find_quotations
from linter.segment.sentences import split_sentences
from linter.segment.tokens import document_tokens, lines_in_capitals
from linter.source.document import Document


@dataclass(frozen=True)
class Extractor:
    """One stage of the analysis: the function that fills one field of ``Analysis`` from the fields it reads."""

    produces: str  # the Analysis field it fills
    function: Callable[..., object]

    @cached_property
    def needs(self) -> tuple[str, ...]:
        """What it reads: its parameters' names."""
        return tuple(inspect.signature(self.function).parameters)


EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("sentences", split_sentences),
    Extractor("capitals", lines_in_capitals),
    Extractor("tokens", document_tokens),
    Extractor("quotations", find_quotations),
    Extractor("titles", find_titles),
    Extractor("names", find_names),
    Extractor("dates", find_dates),
    Extractor("times", find_times),
    Extractor("claims", find_claims),
    Extractor("events", find_events),
    Extractor("event_dates", link_event_dates),
    Extractor("quotes", attribute_quotes),
    Extractor("event_names", find_event_names),  # issue 15: relations
    Extractor("numbers", find_figures),  # issue 15: quantities
    Extractor("figure_times", find_figure_times),
    Extractor("measures", find_measures),
)
GIVEN = frozenset({"prose", "blocks", "facts", "lexicon", "window", "failures"})  # what every document has
EVERYTHING = frozenset(extractor.produces for extractor in EXTRACTORS)


def analyse(document: Document, facts: FactBase, lexicon: Lexicon, window: DateWindow, needs: Iterable[str] = EVERYTHING) -> Analysis:
    """The analysis of one document, with the fields ``needs`` names and everything they read."""
    analysis = Analysis(document=document, facts=facts, window=window)
    given = {"prose": document.prose, "blocks": document.blocks, "facts": facts, "lexicon": lexicon, "window": window, "failures": analysis.failures}
    for extractor in extractors_for(frozenset(needs)):
        inputs = {name: given[name] if name in GIVEN else getattr(analysis, name) for name in extractor.needs}
        setattr(analysis, extractor.produces, extractor.function(**inputs))
    return analysis


def extractors_for(needs: frozenset[str]) -> list[Extractor]:
    """The extractors that fill ``needs``, and those they read from, in registry order."""
    wanted = set(needs)
    for extractor in reversed(EXTRACTORS):  # a later extractor reads only earlier ones
        if extractor.produces in wanted:
            wanted.update(name for name in extractor.needs if name not in GIVEN)
    return [extractor for extractor in EXTRACTORS if extractor.produces in wanted]
