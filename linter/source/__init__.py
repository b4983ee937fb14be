"""Stage 1: read a document, keep exact offsets, and mark which characters are prose."""

from linter.source.document import Document, Span, read_document, document_from_text

__all__ = ["Document", "Span", "read_document", "document_from_text"]
