"""What every rule kind shares: its parameters, its placeholders, and what it reports."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

import regex

from linter.fields import Field
from linter.mentions.model import Analysis
from linter.source.document import Span
from linter.user_regex import find_all


@dataclass(frozen=True)
class Match:
    """One place a rule fires, with the values its message is filled from."""

    span: Span
    values: dict[str, str] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()
    replacement: tuple[Span, str] | None = None  # the edit a fix would make, if the kind can propose one


class Kind:
    """A rule kind: a general check parameterised by the rule's own YAML fields.

    ``params`` declares those fields (linter/fields.py): the rule pack's reader reads and checks
    them from that declaration, and the rules schema and docs/rules.md's tables are generated
    from it (linter/contracts.py).
    """

    name: ClassVar[str]
    summary: ClassVar[str]
    params: ClassVar[tuple[Field, ...]] = ()
    needs_facts: ClassVar[bool] = True
    # The Analysis fields its check reads (see linter/analysis.py): only those are extracted,
    # with what they are made from. Reading an undeclared field fails loudly.
    needs: frozenset[str] = frozenset()
    # The fixes a rule of this kind may declare: "safe" (applied by --fix) and/or "unsafe"
    # (only with --unsafe-fixes). Empty: the kind proposes no edits.
    fixes: ClassVar[tuple[str, ...]] = ()
    # A placeholder that opens a message is filled with a capital: its value may be a name that
    # reads with "the" ("{subject} did not ..." -> "The United Kingdom did not ...").
    capitalise_opening: ClassVar[bool] = False

    def __init__(self, params: dict[str, Any]) -> None:
        """Set up from the rule's parameters: every declared one by its key, valid (absent: its default)."""

    def placeholders(self) -> frozenset[str]:
        """Names a message template of this rule may use."""
        raise NotImplementedError

    def check(self, analysis: Analysis) -> Iterator[Match]:
        raise NotImplementedError


REGEX_TIMEOUT = 5.0  # seconds per document: a pathological pattern cannot hang a run


def search_capitals(pattern: regex.Pattern, analysis: Analysis) -> list[regex.Match]:
    """Non-empty matches of a rule's regex on the lines written all in capitals (headlines)."""
    prose = analysis.document.prose
    return [
        found for line in analysis.capitals for found in find_all(pattern, prose, line.start, line.end, REGEX_TIMEOUT) if found.end() > found.start()
    ]


def search_blocks(pattern: regex.Pattern, analysis: Analysis) -> list[regex.Match]:
    """Non-empty matches of a rule's regex in the prose, never crossing a block (paragraph, heading).

    The prose is scanned once. A match that crosses from one block into another is dropped
    and the blocks it touched are scanned one by one instead, so the result is exactly that
    of scanning every block on its own, at the cost of one scan per document.
    """
    prose, blocks = analysis.document.prose, analysis.document.blocks
    if not blocks:
        return []
    starts = [block.start for block in blocks]
    inside: dict[int, list[regex.Match]] = {}
    rescan: set[int] = set()
    for found in find_all(pattern, prose, blocks[0].start, blocks[-1].end, REGEX_TIMEOUT):
        if found.end() == found.start():
            continue
        first = bisect.bisect_right(starts, found.start()) - 1
        last = bisect.bisect_right(starts, found.end() - 1) - 1
        if first == last and first >= 0 and found.end() <= blocks[first].end:
            inside.setdefault(first, []).append(found)
        else:  # crosses blocks, or starts between them: the blocks it touches are scanned alone
            rescan.update(range(max(first, 0), last + 1))
    for index in rescan:
        block = blocks[index]
        inside[index] = [
            found for found in find_all(pattern, prose, block.start, block.end, REGEX_TIMEOUT) if found.end() > found.start()
        ]
    return [found for index in sorted(inside) for found in inside[index]]
