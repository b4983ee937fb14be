"""Figures in an article (issue 15: quantities): the extractor of linter/analysis.py. What a figure
is and how it is read is linter/figures.py's."""

from __future__ import annotations

from linter.facts.model import FactBase
from linter.figures import NumberMention, find_numbers
from linter.mentions.model import DateMention, TimeExpression


def find_figures(prose: str, dates: list[DateMention], times: list[TimeExpression], facts: FactBase) -> list[NumberMention]:
    """The extractor (linter/analysis.py): a figure matters only against the quantity facts, so without
    any none is read."""
    return find_numbers(prose, dates, times) if facts.quantities else []
