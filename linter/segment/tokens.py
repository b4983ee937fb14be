"""Word and punctuation tokens, shared by documents and fact strings.

Names and titles in the fact file are tokenized with the same function as the
articles, so "U.S. President" in a fact matches "U.S. President" in a text
whatever the tokenizer does with the dots. Tokens are stored column-wise
(parallel lists) because a large corpus has millions of them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

import regex

# A word starts with a letter or digit and runs on through word characters and combining
# accents, possibly joined by apostrophes ("O'Brien", "Sunak's"); anything else that is not
# white space is a token of its own. The standard library's ``re`` splits this twice as fast
# as ``regex`` with its Unicode classes, with the same tokens on real news.
_TOKEN_SPLIT = re.compile(r"([^\W_][\w\u0300-\u036f]*(?:['’][\w\u0300-\u036f]+)*|[^\w\s]|_)")
_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")
_POSSESSIVE_AT_LINE_END = regex.compile(r"['’][sS]$", regex.MULTILINE)


@dataclass
class Tokens:
    """The tokens of a text: ``texts[i]`` spans ``starts[i]:ends[i]``."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    # Tokens on lines written all in capitals (headlines, wire slugs): there a capital letter says
    # nothing about whether a word is a name. Set by mark_shouted_lines.
    shouted: frozenset[int] = frozenset()

    def capitalised(self, index: int) -> bool:
        """Written with a capital that means something: not merely on an all-capitals line."""
        return self.texts[index][:1].isupper() and index not in self.shouted

    def __len__(self) -> int:
        return len(self.texts)

    # The derived lists are made in C: tokens never contain a line break, so the texts can be
    # joined, transformed in one call and split again.
    @cached_property
    def lower(self) -> list[str]:
        """Case-folded texts (computed once, shared by every stage that ignores case)."""
        return "\n".join(self.texts).casefold().split("\n") if self.texts else []

    @cached_property
    def bases(self) -> list[str]:
        """Texts without a possessive ending ("Sunak's" -> "Sunak")."""
        return _without_possessives(self.texts)

    @cached_property
    def lower_bases(self) -> list[str]:
        return _without_possessives(self.lower)

    def index_at_or_after(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def index_before(self, offset: int) -> int:
        """Index of the last token ending at or before ``offset`` (-1 if none)."""
        return bisect.bisect_right(self.ends, offset) - 1


def tokenize(text: str) -> Tokens:
    """Split a text into tokens in C: ``split`` with a capturing group alternates separators
    and tokens, and the running sum of their lengths gives every offset."""
    parts = _TOKEN_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts)))
    return Tokens(starts=offsets[0:-1:2], ends=offsets[1::2], texts=parts[1::2])


# A line with no lower-case letter and at least two capitals in a row ("PRIME MINISTER SUNAK
# VISITS KYIV", "U.S. TREASURY'S BAKER SAYS"), not counting a line with a single short word.
_SHOUTED_LINE = regex.compile(r"^(?=[^\p{Ll}\n]*\p{Lu}{2}[^\p{Ll}\n]*\p{Lu})[^\p{Ll}\n]+$", regex.MULTILINE)


def mark_shouted_lines(text: str, tokens: Tokens) -> None:
    """Record which tokens stand on all-capitals lines (see ``Tokens.shouted``)."""
    shouted: set[int] = set()
    for line in _SHOUTED_LINE.finditer(text):
        shouted.update(range(tokens.index_at_or_after(line.start()), tokens.index_at_or_after(line.end())))
    tokens.shouted = frozenset(shouted)


def _without_possessives(texts: list[str]) -> list[str]:
    return _POSSESSIVE_AT_LINE_END.sub("", "\n".join(texts)).split("\n") if texts else []


def is_possessive(word: str) -> bool:
    return word.endswith(_POSSESSIVE_ENDINGS)


def token_key(text: str) -> tuple[str, ...]:
    """The token sequence of a fact string (a name, alias or title)."""
    return tuple(tokenize(text).texts)
