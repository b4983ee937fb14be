"""``kind: substitution``: a wrong term and the term to use instead.

Parameters: ``swap``, a mapping of regex -> replacement (matched on word
boundaries, all alternatives in one pass), and ``ignore_case`` (default false).
"""

from __future__ import annotations

from typing import Iterator

import regex

from linter.checks.kinds.base import Kind, Match, search_blocks
from linter.mentions.model import Analysis
from linter.source.document import Span
from linter.user_regex import BadRegex, compile_user_regex, shown
from linter.validate import Checker, not_a_string
from linter.yamlio import YamlMap

_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\p{L}\p{N}])", r"(?![\p{L}\p{N}])"


class Substitution(Kind):
    name = "substitution"
    summary = "A term that should be written another way: wrong term -> preferred term."
    params = ("swap", "ignore_case")
    required = ("swap",)
    needs_facts = False
    fixes = ("safe", "unsafe")

    def __init__(self, rule: YamlMap, checker: Checker, what: str) -> None:
        self.replacements: list[str] = []
        swap = checker.mapping(rule.get("swap"), rule.where("swap"), f"'swap' in {what}") if "swap" in rule else None
        flags = regex.VERSION1 | (regex.IGNORECASE if checker.typed(rule, "ignore_case", bool, what) else 0)
        alternatives = []
        for wrong, right in (swap or {}).items():
            if not isinstance(wrong, str):
                found = not_a_string(wrong, swap.written_key(wrong))
                checker.fail(f"each term of 'swap' in {what} must be a string, not {found}", swap.key_location(wrong))
                continue
            if not isinstance(right, str):
                found = not_a_string(right, swap.written(wrong))
                checker.fail(f"each term of 'swap' in {what} must map to a string, not {found}", swap.where(wrong))
                continue
            try:
                compile_user_regex(wrong, flags)
            except BadRegex as error:
                checker.fail(f"swap pattern {shown(wrong)} in {what} is not a valid regex: {error}", swap.key_location(wrong))
                continue
            alternatives.append(f"(?P<s{len(self.replacements)}>{wrong})")
            self.replacements.append(right)
        try:
            self.pattern = compile_user_regex(f"{_EDGE_BEFORE}(?:{'|'.join(alternatives) or '(?!)'}){_EDGE_AFTER}", flags)
        except BadRegex as error:
            checker.fail(f"the swap patterns of {what} cannot be combined into one regex: {error}", rule.where("swap"))
            self.pattern = compile_user_regex("(?!)")

    def placeholders(self) -> frozenset[str]:
        return frozenset({"match", "replacement"})

    def check(self, analysis: Analysis) -> Iterator[Match]:
        for found in search_blocks(self.pattern, analysis):
            replacement = self.replacements[int(found.lastgroup[1:])]
            if found.group() != replacement:
                span = Span(found.start(), found.end())
                yield Match(span, {"match": found.group(), "replacement": replacement}, replacement=(span, replacement))
