"""Figures in an article (issue 15: quantities): the extractor of linter/analysis.py. What a figure
is and how it is read is linter/figures.py's."""

from __future__ import annotations

from linter.facts.model import FactBase
from linter.figures import NumberMention, find_numbers
from linter.mentions.measures import measurable
from linter.mentions.model import DateMention, TimeExpression
from linter.segment.tokens import Tokens


def find_figures(prose: str, tokens: Tokens, dates: list[DateMention], times: list[TimeExpression], facts: FactBase) -> list[NumberMention]:
    """The extractor (linter/analysis.py): a figure matters only beside a measure the quantity facts
    record, so in a document that can name none (by the words each measure's mention must hold),
    none is read."""
    return find_numbers(prose, dates, times) if measurable(tokens, facts) else []
