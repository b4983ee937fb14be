"""HTML awareness: only the visible text is prose, at its exact offsets.

Masked (replaced by spaces, line breaks kept): tags, comments (recorded, for
suppressions), and the content of elements that are not visible text (``head``,
``script``, ``style``, ``template``, ``noscript``). A block-level element
(paragraph, heading, list item, table cell, ``br``...) ends a block. Character
references (``&amp;``) stay as written: prose keeps the source's offsets, so a
name written with a reference in the middle ("Fran&ccedil;ois") is not matched.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from linter.cache import regexes as kept_regexes
from linter.source.document import Document, Span, blanked, plain_text_blocks

_COMMENT = kept_regexes.compile(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
_HIDDEN = kept_regexes.compile(r"<(head|script|style|template|noscript)\b[^>]*>.*?(?:</\1\s*>|\Z)", regex.DOTALL | regex.IGNORECASE)
_TAG = kept_regexes.compile(r"</?[A-Za-z][^<>]*>|<![^<>]*>|<\?[^<>]*\?>")
_BLOCK_TAG = kept_regexes.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|br|hr|tr|td|th|table|blockquote|section|article|header|footer|"
    r"aside|nav|main|figure|figcaption|pre|title|body|html)\b[^<>]*>",
    regex.IGNORECASE,
)


def mask_html(document: Document) -> None:
    """Fill ``document.prose``, ``blocks`` and ``comments`` for an HTML document."""
    comments = [match.span() for match in _COMMENT.finditer(document.text)]
    document.comments.extend(Span(start, end) for start, end in comments)
    text = blanked(document.text, comments)
    hidden = [match.span() for match in _HIDDEN.finditer(text)]
    breaks = [start for start, _ in hidden]
    text = blanked(text, hidden)

    def tags() -> Iterator[tuple[int, int]]:
        for match in _TAG.finditer(text):
            if _BLOCK_TAG.fullmatch(match.group()):
                breaks.append(match.start())
            yield match.span()

    document.prose = blanked(text, tags())
    document.blocks = _blocks(document.prose, sorted(breaks))


def _blocks(prose: str, breaks: list[int]) -> list[Span]:
    """Text between block-level tags (and blank lines), trimmed; empty stretches dropped."""
    blocks: list[Span] = []
    for start, end in zip([0, *breaks], [*breaks, len(prose)], strict=True):
        for block in plain_text_blocks(prose[start:end]):
            blocks.append(Span(start + block.start, start + block.end))
    return blocks
