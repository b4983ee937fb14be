"""Fixes: apply the edits findings propose, and write them back without losing anything.

``--fix`` applies the fixes rules declare safe (a substitution's preferred term);
``--unsafe-fixes`` also applies factual suggestions (the office's real holder),
which a person should confirm. Overlapping fixes are applied one at a time, left
to right. Writes are atomic (a temporary file in the same directory, then a
rename), keep the encoding (a byte order mark too), the line endings and the file
mode, never touch a file with nothing to fix, and refuse a file that changed on
disk since it was read.
"""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

from linter.atomic import write_atomically
from linter.errors import Location, UserError
from linter.findings import Finding
from linter.source.document import Document


def fixed_text(text: str, findings: list[Finding], unsafe: bool) -> tuple[str, list[Finding]]:
    """The text with the chosen fixes applied, and the findings whose fixes were applied."""
    chosen = sorted(((f, f.fix) for f in findings if f.fix and f.fix.applies(unsafe)), key=lambda pair: (pair[1].span.start, pair[1].span.end))
    pieces, applied, position = [], [], 0
    for finding, fix in chosen:
        if fix.span.start < position:
            continue  # overlaps a fix already applied: the next run will see it again
        pieces += [text[position : fix.span.start], fix.replacement]
        position = fix.span.end
        applied.append(finding)
    pieces.append(text[position:])
    return "".join(pieces), applied


def unified_diff(document: Document, new_text: str) -> str:
    return "".join(
        difflib.unified_diff(
            document.text.splitlines(keepends=True), new_text.splitlines(keepends=True), f"a/{document.path}", f"b/{document.path}"
        )
    )


def rewrite(document: Document, new_text: str, what: str = "the fix") -> None:
    """Replace the file's content with ``new_text`` (``what``: the fix, the suppressions) atomically,
    encoded as it was (linter.atomic keeps its mode), unless the file changed since it was read."""
    path = Path(document.path)
    try:
        current = path.read_bytes()
    except OSError as error:
        raise UserError(f"cannot write {what}: {error.strerror}", Location(document.path)) from None
    if hashlib.sha256(current).hexdigest() != document.digest:
        raise UserError(f"changed on disk while factlint ran; {what} not written (run again)", Location(document.path))
    data = document.byte_order_mark + new_text.encode(document.encoding)
    try:
        write_atomically(path, data)
    except OSError as error:
        raise UserError(f"cannot write {what}: {error.strerror}", Location(document.path)) from None
