"""Direct quotations: straight and curly double quotes, within a block; single quotes in a
block that has no double ones.

Curly quotes pair by direction; straight quotes alternate, except that one with a space
before it and a word after it opens a quotation even while another is open. A quotation may
span sentences. One left open at the end of its paragraph ends there (the press convention for
a quote running over several paragraphs), and so does one left open where another opens: the
same convention in copy whose paragraphs were run together ('Cole said: "No-one is blaming
Robin. "It's just something that happens."').

Single quotes are the quotation marks of headlines ("OBAMA: 'NO PLAN B'") and of some house
styles, but also apostrophes ("it's", "workers' rights", "rock 'n' roll"). In a block with
double quotes they are quotes within quotes and are left alone; in a block without, a single
quote opens a quotation after a space or an opening bracket and before a letter, closes it
after a letter or a punctuation mark and before a space or a punctuation mark, and a quotation
has at least two words: a scare-quoted word is not a quotation, and one left open is not taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.cache import regexes as kept_regexes
from linter.source.document import Span

_OPEN, _CLOSE, _STRAIGHT = "“„«", "”»", '"'
_MARK = kept_regexes.compile('[“„«”»"]')
_SINGLE_OPEN = kept_regexes.compile(r"(?<![^\s(\[{:—–-])['‘](?=\p{L})")  # not "'90s"
_SINGLE_CLOSE = kept_regexes.compile(r"(?<=[\p{L}\p{N}.,!?…])['’](?![^\s)\]}.,;:!?—–-])")


@dataclass(frozen=True)
class Quotation:
    """A quotation in the prose: its marks and the words between them."""

    span: Span  # including the quotation marks
    inner: Span  # the quoted words
    closed: bool = True


def find_quotations(prose: str, blocks: list[Span]) -> list[Quotation]:
    quotations: list[Quotation] = []
    for block in blocks:
        open_at: int | None = None
        for mark in _MARK.finditer(prose, block.start, block.end):
            index, char = mark.start(), mark.group()
            if char in _OPEN or (char == _STRAIGHT and (open_at is None or _opens(prose, index, block))):
                if open_at is not None:  # a quotation opens where one is left open: that one ends here
                    end = len(prose[open_at:index].rstrip()) + open_at
                    quotations.append(Quotation(Span(open_at, end), Span(open_at + 1, end), closed=False))
                open_at = index
            elif open_at is not None and (char in _CLOSE or char == _STRAIGHT):
                quotations.append(Quotation(Span(open_at, index + 1), Span(open_at + 1, index)))
                open_at = None
        if open_at is not None and block.end - open_at > 1:
            quotations.append(Quotation(Span(open_at, block.end), Span(open_at + 1, block.end), closed=False))
        if not _MARK.search(prose, block.start, block.end):
            quotations.extend(_single_quoted(prose, block))
    return sorted(quotations, key=lambda quotation: quotation.span.start)


def _opens(prose: str, index: int, block: Span) -> bool:
    """A straight quote that can only open: after a space (or the block's start) and before a word."""
    before = prose[index - 1] if index > block.start else " "
    after = prose[index + 1] if index + 1 < block.end else " "
    return before.isspace() and after.isalnum()


def _single_quoted(prose: str, block: Span) -> list[Quotation]:
    found = []
    position = block.start
    while (opening := _SINGLE_OPEN.search(prose, position, block.end)) is not None:
        closing = _SINGLE_CLOSE.search(prose, opening.end(), block.end)
        if closing is None:
            break
        inner = Span(opening.end(), closing.start())
        if " " in prose[inner.start : inner.end]:
            found.append(Quotation(Span(opening.start(), closing.end()), inner))
        position = closing.end()
    return found
