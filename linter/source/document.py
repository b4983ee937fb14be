"""Documents with exact offsets (reading one from a file or from text is read.py's).

Markup is removed by *masking*: :attr:`Document.prose` has the same length as
:attr:`Document.text`, with every character that is not prose (front matter,
code, comments, markup syntax) replaced by a space and every line break kept.
Later stages work on ``prose`` and their offsets are offsets in the original
file, so line and column are always exact.
"""

from __future__ import annotations

import bisect
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from linter.cache import regexes as kept_regexes
from linter.errors import Location


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` in a document."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


def outermost(spans: Iterable[Span]) -> set[Span]:
    """The distinct spans that lie inside no other: one sweep by start (the longer first), a span
    being inside another when one before it in that order reaches as far."""
    kept: set[Span] = set()
    furthest = -1
    for span in sorted(set(spans), key=lambda span: (span.start, -span.end)):
        if furthest < span.end:
            kept.add(span)
        furthest = max(furthest, span.end)
    return kept


@dataclass
class Document:
    """A document as read: its exact text, the prose to analyse (markup blanked, offsets kept) and its metadata."""

    path: str
    text: str
    kind: str = "text"
    prose: str = ""
    blocks: list[Span] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    metadata_locations: dict[str, Location] = field(default_factory=dict)
    line_starts: list[int] = field(default_factory=list)
    comments: list[Span] = field(default_factory=list)  # markup comments in prose (<!-- ... -->)
    encoding: str = "utf-8"  # how the file is encoded (kept when fixing): utf-8, utf-16-le or utf-16-be
    byte_order_mark: bytes = b""  # the byte order mark the file began with, if any (kept when fixing)
    digest: str = ""  # sha256 of the bytes read, to notice a file changed on disk during a run

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        line_index = bisect.bisect_right(self.line_starts, offset) - 1
        return line_index + 1, offset - self.line_starts[line_index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def location(self, offset: int) -> Location:
        return Location(self.path, *self.position(offset))


_BLANK_LINES = kept_regexes.compile(r"(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+")
_NOT_LINE_BREAK = kept_regexes.compile(r"[^\r\n]+")


def blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with every character in the spans, line breaks aside, made a space; offsets never move.

    ``spans`` come in ascending order of start (as a regex finds them) and may overlap. The
    result is written in one pass, so masking costs about the text's size, not an object per
    character or per span.
    """
    written, position = io.StringIO(newline=""), 0
    for start, end in spans:
        start = max(start, position)
        if end > start:
            written.write(text[position:start])
            written.write(_NOT_LINE_BREAK.sub(lambda run: " " * len(run.group()), text[start:end]))
            position = end
    written.write(text[position:])
    return written.getvalue()


def plain_text_blocks(prose: str) -> list[Span]:
    """Paragraphs of plain text: runs of lines separated by blank lines, trimmed of white space."""
    blocks, start = [], 0
    for separator in [*_BLANK_LINES.finditer(prose), None]:
        end = separator.start() if separator else len(prose)
        chunk = prose[start:end]
        stripped = chunk.strip()
        if stripped:
            first = start + (len(chunk) - len(chunk.lstrip()))
            blocks.append(Span(first, first + len(stripped)))
        start = separator.end() if separator else end
    return blocks
