"""``kind: substitution``: a wrong term and the term to use instead.

Parameters: ``swap``, a mapping of regex -> replacement (matched on word
boundaries, all alternatives in one pass), ``ignore_case`` (default false) and ``in_capitals``
(default false; true also matches on lines written all in capitals, whatever the case, and
proposes the replacement in capitals: "PRIME MINSTER" -> "PRIME MINISTER").
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from linter.checks.kinds.base import Kind, Match, search_blocks, search_capitals
from linter.mentions.model import Analysis
from linter.source.document import Span
from linter.user_regex import BadRegex, compile_user_regex, shown
from linter.validate import Checker, not_a_string
from linter.yamlio import YamlMap

_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\p{L}\p{N}])", r"(?![\p{L}\p{N}])"


class Substitution(Kind):
    name = "substitution"
    summary = "A term that should be written another way: wrong term -> preferred term."
    params = ("swap", "ignore_case", "in_capitals")
    required = ("swap",)
    needs_facts = False
    fixes = ("safe", "unsafe")

    def __init__(self, rule: YamlMap, checker: Checker, what: str) -> None:
        self.replacements: list[str] = []
        swap = checker.mapping(rule.get("swap"), rule.where("swap"), f"'swap' in {what}") if "swap" in rule else None
        flags = regex.VERSION1 | (regex.IGNORECASE if checker.typed(rule, "ignore_case", bool, what) else 0)
        alternatives = []
        for wrong, right in (swap or {}).items():
            assert swap is not None  # only its entries are looped over
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
        combined = f"{_EDGE_BEFORE}(?:{'|'.join(alternatives) or '(?!)'}){_EDGE_AFTER}"
        try:
            self.pattern = compile_user_regex(combined, flags)
        except BadRegex as error:
            checker.fail(f"the swap patterns of {what} cannot be combined into one regex: {error}", rule.where("swap"))
            combined, self.pattern = "(?!)", compile_user_regex("(?!)")
        in_capitals = checker.typed(rule, "in_capitals", bool, what)
        self.in_capitals = compile_user_regex(combined, flags | regex.IGNORECASE) if in_capitals else None
        self.needs = frozenset({"capitals"}) if in_capitals else frozenset()

    def placeholders(self) -> frozenset[str]:
        return frozenset({"match", "replacement"})

    def check(self, analysis: Analysis) -> Iterator[Match]:
        capitals = [(found, True) for found in search_capitals(self.in_capitals, analysis)] if self.in_capitals else []
        for found, in_capitals in [*((found, False) for found in search_blocks(self.pattern, analysis)), *capitals]:
            replacement = self.replacements[int(found.lastgroup[1:])]
            replacement = replacement.upper() if in_capitals else replacement
            if found.group() != replacement:
                span = Span(found.start(), found.end())
                yield Match(span, {"match": found.group(), "replacement": replacement}, replacement=(span, replacement))
