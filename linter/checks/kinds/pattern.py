"""``kind: pattern``: a regular expression, with macros for lists drawn from the facts.

Its parameters are declared in ``Pattern.params``. Macros stand for every known surface form of
a kind of mention: ``{person}``, ``{organization}``, ``{place}``, ``{entity}``
(any entity) and ``{title}`` (any office title). The first use of a macro is a
named group, usable as a message placeholder.

Macros cost nothing per fact: the names are found in one pass over the tokens
(see mentions/lexicon.py), and a macro expands to the names *this document*
mentions, so the regex stays small however large the fact file is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from linter.cache import regexes as kept_regexes
from linter.checks.kinds.base import Kind, Match, search_blocks, search_capitals
from linter.fields import Boolean, Field, Regex
from linter.mentions.model import Analysis
from linter.source.document import Span
from linter.user_regex import cached_user_regex, document_regex

MACROS = ("person", "organization", "place", "entity", "title")
_MACRO = kept_regexes.compile(r"(?<!\\)\{(" + "|".join(MACROS) + r")\}")


def expand(pattern: str, forms: dict[str, tuple[str, ...]]) -> str:
    """Replace macros by alternations of the given surface forms (longest first)."""
    used: set[str] = set()

    def replace(match: regex.Match) -> str:
        macro = match.group(1)
        alternatives = "|".join(regex.escape(form) for form in sorted(forms.get(macro, ()), key=len, reverse=True))
        body = alternatives or "(?!)"
        group = f"(?P<{macro}>{body})" if macro not in used else f"(?:{body})"
        used.add(macro)
        return rf"(?<![\p{{L}}\p{{N}}]){group}(?![\p{{L}}\p{{N}}])"

    return _MACRO.sub(replace, pattern)


class PatternWithMacros(Regex):
    """A regex that may use the macros: it must compile with them expanded (to named groups)."""

    def compiled_form(self, pattern: str) -> str:
        return expand(pattern, {})


class Pattern(Kind):
    name = "pattern"
    summary = "A regular expression over the prose, with macros for names and titles from the facts."
    params = (
        Field(
            "pattern",
            PatternWithMacros(described="a regex; macros: " + ", ".join(f"`{{{macro}}}`" for macro in MACROS)),
            "Matched within each block of the prose (a paragraph, a heading), never across two.",
            required=True,
        ),
        Field("ignore_case", Boolean(), "Match `pattern` whatever the case.", default=False),
        Field("across_markup", Boolean(), "`false` drops a match that spans markup, such as an inline HTML tag between two words.", default=True),
        Field(
            "in_capitals",
            Regex(regex.IGNORECASE),
            "Matched, whatever the case, only on lines written all in capitals (headlines), where letter case says nothing.",
        ),
    )
    needs_facts = False

    def __init__(self, params: dict[str, Any]) -> None:
        self.source = params["pattern"]
        self.flags = regex.VERSION1 | (regex.IGNORECASE if params["ignore_case"] else 0)
        self.across_markup = params["across_markup"]
        self.macros = frozenset(_MACRO.findall(self.source))
        self.needs = frozenset({"names", "titles"}) if self.macros else frozenset()
        self.groups = frozenset(cached_user_regex(expand(self.source, {}), self.flags).groupindex)
        self.in_capitals = None
        if params["in_capitals"] is not None:
            self.in_capitals = cached_user_regex(params["in_capitals"], regex.VERSION1 | regex.IGNORECASE)
            self.groups |= frozenset(self.in_capitals.groupindex)
            self.needs |= {"capitals"}

    def placeholders(self) -> frozenset[str]:
        return frozenset({"match"}) | self.groups

    def check(self, analysis: Analysis) -> Iterator[Match]:
        forms = _surface_forms(analysis, self.macros) if self.macros else {}
        if any(not forms.get(macro) for macro in self.macros):
            return  # a macro with nothing to stand for: the pattern cannot match here
        compiled = (document_regex if forms else cached_user_regex)(expand(self.source, forms), self.flags)
        document = analysis.document
        found_in_capitals = search_capitals(self.in_capitals, analysis) if self.in_capitals else []
        for found in [*search_blocks(compiled, analysis), *found_in_capitals]:
            if not self.across_markup and _spans_markup(document.text, document.prose, found.start(), found.end()):
                continue
            values = {name: value or "" for name, value in found.groupdict().items()}
            yield Match(Span(found.start(), found.end()), {"match": found.group(), **values})


def _spans_markup(text: str, prose: str, start: int, end: int) -> bool:
    """Whether markup was masked out of [start, end): the prose has a space where the text has none."""
    return text[start:end] != prose[start:end] and any(
        original != masked and not original.isspace() for original, masked in zip(text[start:end], prose[start:end], strict=True)
    )


def _surface_forms(analysis: Analysis, macros: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The names and titles as written in this document, grouped by macro."""
    forms: dict[str, set[str]] = {macro: set() for macro in macros}
    for mention in analysis.names:
        written = analysis.text(mention.span)
        types = {analysis.facts.entities[entity].type for entity in mention.candidates}
        for macro in macros & ({"entity"} | types):
            forms[macro].add(written)
    if "title" in macros:
        forms["title"] = {analysis.text(mention.span) for mention in analysis.titles}
    return {macro: tuple(sorted(values)) for macro, values in forms.items()}
