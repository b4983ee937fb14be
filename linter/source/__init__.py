"""Stage 1: read a document, keep exact offsets, and mark which characters are prose."""

from linter.source.document import Document, Span
from linter.source.read import document_from_text, read_document

__all__ = ["Document", "Span", "document_from_text", "read_document"]
