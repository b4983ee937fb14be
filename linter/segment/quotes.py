"""Direct quotations: straight and curly double quotes, within a block.

Curly quotes pair by direction; straight quotes alternate. A quotation may span
sentences. One left open at the end of its paragraph ends there (the press
convention for a quote running over several paragraphs).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from linter.source.document import Span

_OPEN, _CLOSE, _STRAIGHT = "“„«", "”»", '"'
_MARK = regex.compile('[“„«”»"]')


@dataclass(frozen=True)
class Quotation:
    span: Span  # including the quotation marks
    inner: Span  # the quoted words
    closed: bool = True


def find_quotations(prose: str, blocks: list[Span]) -> list[Quotation]:
    quotations: list[Quotation] = []
    for block in blocks:
        open_at: int | None = None
        for mark in _MARK.finditer(prose, block.start, block.end):
            index, char = mark.start(), mark.group()
            if open_at is None and (char in _OPEN or char == _STRAIGHT):
                open_at = index
            elif open_at is not None and (char in _CLOSE or char == _STRAIGHT):
                quotations.append(Quotation(Span(open_at, index + 1), Span(open_at + 1, index)))
                open_at = None
        if open_at is not None and block.end - open_at > 1:
            quotations.append(Quotation(Span(open_at, block.end), Span(open_at + 1, block.end), closed=False))
    return quotations
