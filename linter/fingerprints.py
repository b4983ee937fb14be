"""Identities of findings that survive edits elsewhere in a file.

A finding is identified by its file, its rule, the text it points at and up to
forty characters around it within its own paragraph, plus its rank among
findings with the same identity. Line numbers play no part, so inserting or
deleting paragraphs does not change the identity of the findings around them.
Used by SARIF's ``partialFingerprints`` and by baselines.
"""

from __future__ import annotations

import hashlib

from linter.findings import Finding
from linter.source.document import Document

_CONTEXT = 40


def fingerprints(findings: list[Finding], documents: dict[str, Document]) -> list[str]:
    """One per finding, in order: a hash of its identity and its rank among equal ones."""
    seen: dict[str, int] = {}
    prints = []
    for finding in findings:
        digest = hashlib.sha256(_identity(finding, documents.get(finding.path)).encode()).hexdigest()[:32]
        rank = seen.get(digest, 0)
        seen[digest] = rank + 1
        prints.append(f"{digest}:{rank}")
    return prints


def _identity(finding: Finding, document: Document | None) -> str:
    if document is None:
        return f"{finding.rule}\0{finding.path}\0{finding.message}"
    text, span = document.text, finding.span
    block = next((b for b in document.blocks if b.start <= span.start < b.end), None)
    low, high = (block.start, block.end) if block else (0, len(text))  # never reach into another paragraph
    before = " ".join(text[max(low, span.start - _CONTEXT) : span.start].split())
    after = " ".join(text[span.end : min(high, span.end + _CONTEXT)].split())
    return f"{finding.rule}\0{finding.path}\0{text[span.start:span.end]}\0{before}\0{after}"
