"""Documents with exact offsets.

Markup is removed by *masking*: :attr:`Document.prose` has the same length as
:attr:`Document.text`, with every character that is not prose (front matter,
code, comments, markup syntax) replaced by a space and every line break kept.
Later stages work on ``prose`` and their offsets are offsets in the original
file, so line and column are always exact.
"""

from __future__ import annotations

import bisect
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from linter.errors import Location, UserError, reading_errors

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` in a document."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass
class Document:
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


_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_BLANK_LINES = regex.compile(r"(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+")


_NOT_LINE_BREAK = regex.compile(r"[^\r\n]+")


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


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]


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


def document_from_text(text: str, path: str, kind: str = "text") -> Document:
    """Build a document from decoded text (used for files, stdin and rule examples)."""
    document = Document(path=path, text=text, kind=kind, line_starts=_line_starts(text))
    if kind == "markdown":
        from linter.source.markdown import mask_markdown

        mask_markdown(document)
    elif kind == "html":
        from linter.source.html import mask_html

        mask_html(document)
    else:
        document.prose = text
        document.blocks = plain_text_blocks(text)
    return document


def document_kind(path: str) -> str | None:
    return TEXT_SUFFIXES.get(Path(path).suffix.lower())


def read_document(path: str, kind: str | None = None) -> Document:
    """Read a file as UTF-8 (a byte order mark is dropped); errors become UserError."""
    return document_from_bytes(read_bytes(path), path, kind)


def read_bytes(path: str) -> bytes:
    """A document file's bytes; errors become UserError."""
    with reading_errors(path), open(path, "rb") as handle:
        return handle.read()


def document_from_bytes(data: bytes, path: str, kind: str | None = None) -> Document:
    """A document from the bytes of a file named ``path``, exactly as :func:`read_document` reads it."""
    kind = kind or document_kind(path) or "text"
    encoding, mark = sniff(data)
    document = document_from_text(decode(data, path), path, kind)
    document.encoding, document.byte_order_mark = encoding, mark
    document.digest = hashlib.sha256(data).hexdigest()
    return document


_MARKS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def sniff(data: bytes) -> tuple[str, bytes]:
    """The encoding a byte order mark announces (UTF-8 when there is none), and the mark."""
    for mark, encoding in _MARKS:
        if data.startswith(mark):
            return encoding, mark
    return "utf-8", b""


def decode(data: bytes, path: str) -> str:
    """Decode a document: UTF-8, or UTF-16 with a byte order mark. Binary content (NUL bytes)
    and invalid UTF-8 are reported with their line and column, not checked."""
    encoding, mark = sniff(data)
    data = data[len(mark) :]
    if encoding != "utf-8":
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            raise UserError(f"not valid {encoding.upper()} (byte {error.start + len(mark)})", Location(path)) from None
    if b"\x00" in data[:65536]:
        raise UserError("binary content (NUL bytes): not a document, not checked", Location(path))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise UserError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8",
            Location(path, line, column),
        ) from None
