"""Word and punctuation tokens, shared by documents and fact strings.

Names and titles in the fact file are tokenized with the same function as the
articles, so "U.S. President" in a fact matches "U.S. President" in a text
whatever the tokenizer does with the dots. Tokens are stored column-wise
(parallel lists) because a large corpus has millions of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*|[^\s\p{L}\p{N}]")
_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")


@dataclass
class Tokens:
    """The tokens of a text: ``texts[i]`` spans ``starts[i]:ends[i]``."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)

    def index_at_or_after(self, offset: int) -> int:
        import bisect

        return bisect.bisect_left(self.starts, offset)

    def index_before(self, offset: int) -> int:
        """Index of the last token ending at or before ``offset`` (-1 if none)."""
        import bisect

        return bisect.bisect_right(self.ends, offset) - 1


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    tokens = Tokens()
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        tokens.starts.append(match.start())
        tokens.ends.append(match.end())
        tokens.texts.append(match.group())
    return tokens


def without_possessive(word: str) -> str:
    """'Sunak's' -> 'Sunak'; other words unchanged."""
    return word[:-2] if word.endswith(_POSSESSIVE_ENDINGS) else word


def is_possessive(word: str) -> bool:
    return word.endswith(_POSSESSIVE_ENDINGS)


def token_key(text: str) -> tuple[str, ...]:
    """The token sequence of a fact string (a name, alias or title)."""
    return tuple(tokenize(text).texts)
