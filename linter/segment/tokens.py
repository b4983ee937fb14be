"""Word and punctuation tokens, shared by documents and fact strings.

Names and titles in the fact file are tokenized with the same function as the
articles, so "U.S. President" in a fact matches "U.S. President" in a text
whatever the tokenizer does with the dots. Tokens are stored column-wise
(parallel lists) because a large corpus has millions of them: offsets in compact
arrays (8 bytes each), and each distinct word once (interned), since a language
repeats its words; a 20 MB document has millions of tokens but few distinct ones.
"""

from __future__ import annotations

import bisect
import re
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

import regex

from linter.cache import regexes as kept_regexes
from linter.source.document import Span

# A word starts with a letter or digit and runs on through word characters and combining
# accents, possibly joined by apostrophes ("O'Brien", "Sunak's"); anything else that is not
# white space is a token of its own. The standard library's ``re`` splits this twice as fast
# as ``regex`` with its Unicode classes, with the same tokens on real news.
_TOKEN_SPLIT = re.compile(r"([^\W_][\w\u0300-\u036f]*(?:['’][\w\u0300-\u036f]+)*|[^\w\s]|_)")
_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")


@dataclass
class Tokens:
    """The tokens of a text: ``texts[i]`` spans ``starts[i]:ends[i]``."""

    starts: array = field(default_factory=lambda: array("q"))
    ends: array = field(default_factory=lambda: array("q"))
    texts: list[str] = field(default_factory=list)
    # Tokens on lines written all in capitals (headlines, wire slugs): there a capital letter says
    # nothing about whether a word is a name. Set by document_tokens.
    shouted: frozenset[int] = frozenset()
    # Tokens on headlines in title case ("Foreign Secretary Jeremy Hunt Meets Zelenskiy in Kyiv"):
    # there too a capital says nothing about names. Set by document_tokens.
    title_cased: frozenset[int] = frozenset()

    def capitalised(self, index: int) -> bool:
        """Written with a capital that means something: not merely on an all-capitals or title-case line."""
        return self.texts[index][:1].isupper() and index not in self.shouted and index not in self.title_cased

    def closes_plural_possessive(self, index: int) -> bool:
        """An apostrophe at ``index`` ending the word before it: "Barclays' chief", "the students' families"."""
        texts = self.texts
        return (
            0 < index < len(texts) and texts[index] in ("'", "’") and texts[index - 1][-1:] in ("s", "S")
            and self.starts[index] == self.ends[index - 1]
        )

    def __len__(self) -> int:
        return len(self.texts)

    # The derived lists are computed once per distinct word per process (see _WordMemo) and mapped
    # over the tokens in C, so they cost a pointer per token, not a new string.
    @cached_property
    def lower(self) -> list[str]:
        """Case-folded texts (computed once, shared by every stage that ignores case)."""
        return _mapped(self.texts, _LOWER)

    @cached_property
    def bases(self) -> list[str]:
        """Texts without a possessive ending ("Sunak's" -> "Sunak")."""
        return _mapped(self.texts, _BASE)

    @cached_property
    def lower_bases(self) -> list[str]:
        return _mapped(self.lower, _BASE)

    def index_at_or_after(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def index_before(self, offset: int) -> int:
        """Index of the last token ending at or before ``offset`` (-1 if none)."""
        return bisect.bisect_right(self.ends, offset) - 1


_CHUNK = 1 << 16  # characters split at a time, so that the strings made before interning stay few


def tokenize(text: str) -> Tokens:
    """Split a text into tokens in C: ``split`` with a capturing group alternates separators
    and tokens, and the running sum of their lengths gives every offset. Long texts are split
    a chunk at a time, each chunk ending at a line break (no token spans one)."""
    offset_type = "i" if len(text) < 2**31 else "q"  # 4 bytes per offset, 8 for texts of 2 G characters
    tokens = Tokens(array(offset_type), array(offset_type))
    start = 0
    while start < len(text):
        end = text.find("\n", start + _CHUNK) + 1 or len(text)
        parts = _TOKEN_SPLIT.split(text[start:end])  # the whole text itself, not a copy, when it is short
        offsets = array(offset_type, accumulate(map(len, parts), initial=start))[1:]
        tokens.starts.extend(offsets[0:-1:2])
        tokens.ends.extend(offsets[1::2])
        tokens.texts.extend(map(sys.intern, parts[1::2]))
        start = end
    return tokens


# A line with no lower-case letter and at least two capitals in a row ("PRIME MINISTER SUNAK
# VISITS KYIV", "U.S. TREASURY'S BAKER SAYS"), not counting a line with a single short word.
_SHOUTED_LINE = kept_regexes.compile(r"^(?=[^\p{Ll}\n]*\p{Lu}{2}[^\p{Ll}\n]*\p{Lu})[^\p{Ll}\n]+$", regex.MULTILINE)


def lines_in_capitals(prose: str) -> list[Span]:
    """The lines written all in capitals: headlines, wire slugs, captions."""
    return [Span(line.start(), line.end()) for line in _SHOUTED_LINE.finditer(prose)]


# Words a headline in title case may leave in lower case.
_HEADLINE_LOWER_WORDS = "a an and as at but by for from in into nor of off on onto or over per the to up via vs with".split()
# A word that opens in lower case and is none of those: the line is not in title case.
_LOWER_WORD = kept_regexes.compile(rf"(?<![\w'’.-])(?!(?:{'|'.join(_HEADLINE_LOWER_WORDS)})\b)\p{{Ll}}")
_WORD = kept_regexes.compile(r"(?<![\w'’.-])\p{L}")
_MIN_HEADLINE_WORDS = 4


def lines_in_title_case(prose: str, capitals: list[Span]) -> list[Span]:
    """The lines of four words or more written in title case, not all in capitals: every word but
    a few short ones capitalised ("UK Foreign Secretary Jeremy Hunt Meets Zelenskiy in Kyiv")."""
    shouted = {line.start for line in capitals}
    lines, start = [], 0
    while start < len(prose):
        end = prose.find("\n", start)
        end = len(prose) if end < 0 else end
        if start not in shouted and not _LOWER_WORD.search(prose, start, end):
            words = _WORD.findall(prose, start, end)
            if len(words) >= _MIN_HEADLINE_WORDS and any(letter.islower() for letter in prose[start:end]):
                lines.append(Span(start, end))
        start = end + 1
    return lines


def document_tokens(prose: str, capitals: list[Span]) -> Tokens:
    """A document's tokens, those on its lines in capitals and in title case marked (fact strings are tokenized bare)."""
    tokens = tokenize(prose)
    tokens.shouted = _token_indices(tokens, capitals)
    tokens.title_cased = _token_indices(tokens, lines_in_title_case(prose, capitals))
    return tokens


def _token_indices(tokens: Tokens, lines: list[Span]) -> frozenset[int]:
    return frozenset(index for line in lines for index in range(tokens.index_at_or_after(line.start), tokens.index_at_or_after(line.end)))


class _WordMemo(dict):
    """A process-wide memo of one transformation of words: news repeats its words, so after
    the first documents nearly every token is a dictionary hit in C, not a new string.
    Bounded: cleared when it holds more than ``_MEMO_LIMIT`` words."""

    def __init__(self, transform: Callable[[str], str]) -> None:
        super().__init__()
        self.transform = transform

    def __missing__(self, word: str) -> str:
        if len(self) >= _MEMO_LIMIT:
            self.clear()
        value = self[word] = sys.intern(self.transform(word))
        return value


_MEMO_LIMIT = 1 << 20


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(_POSSESSIVE_ENDINGS) else word


_LOWER = _WordMemo(str.casefold)
_BASE = _WordMemo(_without_possessive)


def _mapped(texts: list[str], memo: _WordMemo) -> list[str]:
    """``[memo.transform(text) for text in texts]``, each distinct word transformed once per process."""
    return list(map(memo.__getitem__, texts))


def is_possessive(word: str) -> bool:
    return word.endswith(_POSSESSIVE_ENDINGS)


def token_key(text: str) -> tuple[str, ...]:
    """The token sequence of a fact string (a name, alias or title)."""
    return tuple(tokenize(text).texts)
