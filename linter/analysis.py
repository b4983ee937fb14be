"""Stages 2 and 3 of the pipeline: segment a document and find its mentions."""

from __future__ import annotations

from linter.dates import DateWindow
from linter.facts.model import FactBase
from linter.mentions.claims import find_claims
from linter.mentions.dates import find_dates
from linter.mentions.events import find_events
from linter.mentions.lexicon import Lexicon
from linter.mentions.model import Analysis
from linter.mentions.names import find_names, find_titles
from linter.mentions.speakers import attribute_quotes
from linter.segment.quotes import find_quotations
from linter.segment.sentences import split_sentences
from linter.mentions.timing import find_times, link_event_dates
from linter.segment.tokens import mark_shouted_lines, tokenize
from linter.source.document import Document


def analyse(document: Document, facts: FactBase, lexicon: Lexicon, window: DateWindow) -> Analysis:
    prose = document.prose
    analysis = Analysis(document=document, facts=facts, window=window)
    analysis.sentences = split_sentences(prose, document.blocks)
    analysis.tokens = tokens = tokenize(prose)
    mark_shouted_lines(prose, tokens)
    analysis.quotations = find_quotations(prose, document.blocks)
    analysis.titles = find_titles(tokens, lexicon)
    analysis.names = find_names(tokens, lexicon, {title.last for title in analysis.titles})
    analysis.dates = find_dates(prose, tokens)
    analysis.times = find_times(prose, analysis.dates, window)
    analysis.claims = find_claims(analysis, lexicon)
    analysis.events = find_events(prose, tokens, analysis.sentences, analysis.dates, lexicon, facts.events, analysis.failures)
    analysis.event_dates = link_event_dates(tokens, analysis.sentences, analysis.events, analysis.dates)
    analysis.quotes = attribute_quotes(analysis.quotations, tokens, analysis.names, analysis.titles, analysis.claims, facts)
    return analysis
