"""``kind: substitution``: a wrong term and the term to use instead.

Its parameters are declared in ``Substitution.params``: ``swap``, a mapping of regex ->
replacement (matched on word boundaries, all alternatives in one pass), ``ignore_case`` and
``in_capitals`` (also match on lines written all in capitals, whatever the case, and propose the
replacement in capitals: "PRIME MINSTER" -> "PRIME MINISTER").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from linter.checks.kinds.base import Kind, Match, search_blocks, search_capitals
from linter.fields import Boolean, Field, Value
from linter.mentions.model import Analysis
from linter.source.document import Span
from linter.user_regex import BadRegex, cached_user_regex, compile_user_regex, shown
from linter.validate import Checker, not_a_string
from linter.yamlio import YamlMap

_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\p{L}\p{N}])", r"(?![\p{L}\p{N}])"


def _combined(wrong_terms: list[str]) -> str:
    """One regex of all the wrong terms: the n-th as the group ``s<n>``, each on word boundaries."""
    alternatives = "|".join(f"(?P<s{index}>{wrong})" for index, wrong in enumerate(wrong_terms)) or "(?!)"
    return f"{_EDGE_BEFORE}(?:{alternatives}){_EDGE_AFTER}"


class Swaps(Value):
    """A mapping of wrong term (a regex) to the term to write instead; the regexes must combine into one."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> dict[str, str] | None:
        swap = checker.mapping(mapping[field.key], mapping.where(field.key), f"'{field.key}' in {what}")
        if swap is None:
            return None
        valid = {}
        for wrong, right in swap.items():
            if not isinstance(wrong, str):
                found = not_a_string(wrong, swap.written_key(wrong))
                checker.fail(f"each term of '{field.key}' in {what} must be a string, not {found}", swap.key_location(wrong))
            elif not isinstance(right, str):
                found = not_a_string(right, swap.written(wrong))
                checker.fail(f"each term of '{field.key}' in {what} must map to a string, not {found}", swap.where(wrong))
            else:
                try:
                    compile_user_regex(wrong, regex.VERSION1)
                    valid[wrong] = right
                except BadRegex as error:
                    checker.fail(f"swap pattern {shown(wrong)} in {what} is not a valid regex: {error}", swap.key_location(wrong))
        try:
            cached_user_regex(_combined(list(valid)), regex.VERSION1)  # the rule compiles the same: once
        except BadRegex as error:
            checker.fail(f"the swap patterns of {what} cannot be combined into one regex: {error}", mapping.where(field.key))
            return None
        return valid

    def schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": {"type": "string"}}

    def describe(self) -> str:
        return "a mapping of regex (the wrong term) to text (the term to write)"

    def example(self) -> dict[str, str]:
        return {"Prime Minster": "Prime Minister"}


class Substitution(Kind):
    name = "substitution"
    summary = "A term that should be written another way: wrong term -> preferred term."
    params = (
        Field("swap", Swaps(), "Each wrong term, matched on word boundaries (all in one pass), and the term to write instead.", required=True),
        Field("ignore_case", Boolean(), "Match the wrong terms whatever the case.", default=False),
        Field(
            "in_capitals",
            Boolean(),
            "Also match on lines written all in capitals, whatever the case, and propose the replacement in capitals.",
            default=False,
        ),
    )
    needs_facts = False
    fixes = ("safe", "unsafe")

    def __init__(self, params: dict[str, Any]) -> None:
        swap: dict[str, str] = params["swap"]
        self.replacements = list(swap.values())
        flags = regex.VERSION1 | (regex.IGNORECASE if params["ignore_case"] else 0)
        self.pattern = cached_user_regex(_combined(list(swap)), flags)
        # On lines in capitals, whatever the case: compiled the first time a document has such a line.
        self.in_capitals = (_combined(list(swap)), flags | regex.IGNORECASE) if params["in_capitals"] else None
        self.needs = frozenset({"capitals"}) if params["in_capitals"] else frozenset()

    def placeholders(self) -> frozenset[str]:
        return frozenset({"match", "replacement"})

    def check(self, analysis: Analysis) -> Iterator[Match]:
        capitals = []
        if self.in_capitals is not None and analysis.capitals:
            capitals = [(found, True) for found in search_capitals(cached_user_regex(*self.in_capitals), analysis)]
        for found, in_capitals in [*((found, False) for found in search_blocks(self.pattern, analysis)), *capitals]:
            replacement = self.replacements[int(found.lastgroup[1:])]
            replacement = replacement.upper() if in_capitals else replacement
            if found.group() != replacement:
                span = Span(found.start(), found.end())
                yield Match(span, {"match": found.group(), "replacement": replacement}, replacement=(span, replacement))
