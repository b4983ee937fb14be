"""Markdown awareness: find the prose, mask the rest, split into blocks.

Not prose: YAML front matter (read as metadata), fenced code blocks, inline code,
HTML comments and tags, link destinations, and markup characters (heading and
list markers, emphasis). Headings, list items and paragraphs become separate
blocks, so a heading never runs into the next sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from linter.cache import regexes as kept_regexes
from linter.errors import Location, UserError
from linter.source.document import Document, Span, blanked
from linter.yamlio import YamlMap, load_yaml

_FRONT_MATTER = kept_regexes.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.DOTALL | regex.MULTILINE)
_FENCE = kept_regexes.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", regex.MULTILINE)
_HTML_COMMENT = kept_regexes.compile(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
_INLINE_CODE = kept_regexes.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", regex.DOTALL)
_HTML_TAG = kept_regexes.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<https?://[^>\s]+>")
_LINK_DESTINATION = kept_regexes.compile(r"(?<=\])(\([^()\s]*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])")
_LINE_MARKER = kept_regexes.compile(r"^[ \t]*(?:#{1,6}(?=\s)|>+|[-*+](?=\s)|\d{1,9}[.)](?=\s))", regex.MULTILINE)
_EMPHASIS = kept_regexes.compile(r"\*+|(?<!\w)_+|_+(?!\w)|~~")
_BLOCK_START = kept_regexes.compile(r"^[ \t]*(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\|)")


def mask_markdown(document: Document) -> None:
    """Fill ``document.prose``, ``blocks`` and ``metadata`` for a Markdown document."""
    front = _FRONT_MATTER.match(document.text)
    hidden = []  # spans of front matter and fenced code
    if front:
        _read_front_matter(document, front)
        hidden.append((0, front.end()))
    hidden += _fenced_code(document.text, front.end() if front else 0)
    text = blanked(document.text, hidden)
    for pattern in (_INLINE_CODE, _HTML_COMMENT, _HTML_TAG, _LINK_DESTINATION, _LINE_MARKER, _EMPHASIS):
        if pattern is _LINE_MARKER:
            block_lines = {match.start() for match in _BLOCK_START.finditer(text)}
        spans: Iterable[tuple[int, int]] = (match.span() for match in pattern.finditer(text))
        if pattern is _HTML_COMMENT:
            spans = list(spans)
            document.comments.extend(Span(start, end) for start, end in spans)
        text = blanked(text, spans)
    document.prose = text
    document.blocks = _blocks(text, block_lines)


def _fenced_code(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of fenced code blocks from ``start`` (an unclosed one runs to the end)."""
    spans: list[tuple[int, int]] = []
    position = start
    while True:
        opening = _FENCE.search(text, position)
        if not opening:
            return spans
        fence = opening.group(1)
        closing = kept_regexes.compile(rf"^[ ]{{0,3}}{regex.escape(fence[0])}{{{len(fence)},}}[ \t]*$", regex.MULTILINE)
        end_match = closing.search(text, opening.end())
        end = end_match.end() if end_match else len(text)
        spans.append((opening.start(), end))
        position = end


def _blocks(prose: str, block_lines: set[int]) -> list[Span]:
    """Runs of non-blank lines; a heading, list item or quote line starts a new block."""
    blocks: list[Span] = []
    current_start: int | None = None
    current_end = 0
    offset = 0
    for line in prose.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if not content.strip():
            if current_start is not None:
                blocks.append(Span(current_start, current_end))
                current_start = None
        else:
            if offset in block_lines and current_start is not None:
                blocks.append(Span(current_start, current_end))
                current_start = None
            if current_start is None:
                current_start = offset + (len(content) - len(content.lstrip()))
            current_end = offset + len(content.rstrip())
        offset += len(line)
    if current_start is not None:
        blocks.append(Span(current_start, current_end))
    return blocks


def _read_front_matter(document: Document, match: regex.Match) -> None:
    # Pad with one line so that YAML line numbers are the document's line numbers.
    data = load_yaml("\n" + match.group(1), document.path)
    if data is None:
        return
    if not isinstance(data, YamlMap):
        raise UserError("front matter must be a YAML mapping", Location(document.path, 2, 1))
    document.metadata = dict(data)
    document.metadata_locations = data.value_locations()
