"""What a rule reports: a finding at a span of a document, with the fix it proposes and what the
facts behind it say (checks/narrate.py writes those sentences)."""

from __future__ import annotations

from dataclasses import dataclass

from linter.source.document import Span

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class FactNote:
    """One sentence about the facts, and the fact file location it comes from."""

    text: str
    source: str | None = None  # 'facts.yaml:25:5'

    def as_dict(self) -> dict[str, str | None]:
        return {"text": self.text, "source": self.source}


@dataclass(frozen=True)
class Fix:
    """Replace ``span`` of the document with ``replacement``; ``safe`` fixes are applied by --fix."""

    span: Span
    replacement: str
    safe: bool

    def applies(self, unsafe: bool) -> bool:
        """Whether --fix applies it: a safe fix always, an unsafe one with --unsafe-fixes."""
        return self.safe or unsafe


@dataclass(frozen=True)
class Finding:
    """One thing a rule reports: where, which rule, how severe, what the facts say, and a fix if one is safe."""

    path: str
    span: Span
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive, as in SARIF
    rule: str
    severity: str
    message: str
    evidence: tuple[str, ...] = ()  # ids of the facts the finding rests on
    fix: Fix | None = None
    facts: tuple[FactNote, ...] = ()  # what those facts say, written for a person

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.span.start, self.span.end, self.rule, self.message)
