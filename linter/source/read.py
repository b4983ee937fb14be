"""Stage 1: read a document: bytes to text (UTF-8, or UTF-16 with a byte order mark), then the
reader of its kind (markdown.py, html.py; plain text is its own prose) masks what is not prose.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from linter.cache import regexes as kept_regexes
from linter.errors import Location, UserError, reading_errors
from linter.source.document import Document, plain_text_blocks
from linter.source.html import mask_html
from linter.source.markdown import mask_markdown

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_LINE_BREAK = kept_regexes.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]


def document_from_text(text: str, path: str, kind: str = "text") -> Document:
    """Build a document from decoded text (used for files, stdin and rule examples)."""
    document = Document(path=path, text=text, kind=kind, line_starts=_line_starts(text))
    if kind == "markdown":
        mask_markdown(document)
    elif kind == "html":
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
