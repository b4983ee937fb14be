"""Compare a quotation in an article with the canonical quotes in the facts.

An article may shorten a quote with an ellipsis ("..." or "…"), replace words
with a [bracketed insertion] or alter one in brackets ("[M]y"), quote only part of it, and write it in British or
American spelling; none of these is a change of wording. Any other difference (a word changed, added or dropped
without an ellipsis) is.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from linter.cache import regexes as kept_regexes

if TYPE_CHECKING:  # only named in annotations: FactBase.quote_index builds this module's QuoteIndex, so a run-time import would be a cycle
    from linter.facts.model import Quote

# A word the editor altered in brackets ("[M]y", "he[r]") is an insertion, as is a [bracketed phrase].
_ALTERED = r"[\p{L}\p{N}]*\[[\p{L}]{1,3}\][\p{L}\p{N}'’]+|[\p{L}\p{N}]+\[[\p{L}]{1,3}\]"
_PART = kept_regexes.compile(_ALTERED + r"|\[[^\]]*\]|\.\.\.|…|[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
_GAP, _INSERTION = "\x00gap", "\x00insertion"
_SENTENCE_END = kept_regexes.compile(r"[.!?]")
_MIN_WORDS = 4
# A quotation is taken from a canonical quote when most of its words (seven in ten) are the quote's, in order,
# and they are a substantial part of it: at least _MIN_MATCHED words, or half of the quote. A
# stock phrase a long quote happens to contain ("not like flicking a switch", "a step in the
# right direction") is neither, and is nobody's words in particular.
_MIN_SHARE_OF_QUOTATION = 0.7
_MIN_MATCHED = 7
_MIN_SHARE_OF_QUOTE = 0.5
# To be considered at all (the index lookup): two word triples in common, or one where the quotation
# is so short that a single changed word leaves it only one ("I'm somebody that nobody sent" has one
# triple of "I'm nobody that nobody sent": a word spoils the three triples it is in).
_MIN_SHARED_TRIPLES = 2
# Where two texts part: several words each side between two anchors, or, where they never fall
# back in step (at the end), several words on one side for more than one on the other, make them
# different sentences; a misquotation changes a word or two.
_DIVERGENCE = 4
_DIVERGENCE_AT_THE_END = 2


# To find which quote a quotation is, a contraction and its spelled-out form are the same
# words: "it's" is "it is", "won't" is "will not", "the lady's not for turning" is "the lady
# is not for turning".
_SPELLED_OUT = {"won't": ("will", "not"), "can't": ("can", "not"), "shan't": ("shall", "not"), "cannot": ("can", "not")}
_ENDINGS = {"n't": "not", "'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "'d": "would"}
# "'s" stands for "is", "has" or a possessive: one token when looking for a quotation's source.
_IS = "'s"


def _spelled_out(word: str, is_has: bool = True) -> tuple[str, ...]:
    """The word with a contraction spelled out; with ``is_has``, "is" and "has" are the one token
    "'s" stands for (to find a quotation's source; comparing its words keeps them apart)."""
    if word in _SPELLED_OUT:
        return _SPELLED_OUT[word]
    for ending, full in _ENDINGS.items():
        if word.endswith(ending) and len(word) > len(ending):
            return (word[: -len(ending)], full)
    if word.endswith("'s") and len(word) > 2:
        return (word[:-2], _IS)  # "lady's" may be "lady is" (or a possessive: the same either way)
    if is_has and word in ("is", "has"):
        return (_IS,)
    return (word,)


# British and American spellings of one word are the same word: a newsroom quotes in its own
# spelling ("characterised" for "characterized", "labour" for "labor"). Each rule merges only
# spellings that differ in the way the two conventions differ, never two words.
_SPELLING_VARIANTS = [
    (kept_regexes.compile(r"(?<=\p{L}{2})(i|y)s(e|es|ed|ing|ation|ations|er|ers)$"), r"\1z\2"),  # characterise, analyse
    (kept_regexes.compile(r"(?<=\p{L}{3})our"), "or"),  # labour, favourite, neighbourhood
    (kept_regexes.compile(r"(?<=\p{L}{2}[bnt])re(s|d)?$"), r"er\1"),  # centre, theatre, fibre
    (kept_regexes.compile(r"(?<=\p{L}{4})ll(ed|ing|er|ers)$"), r"l\1"),  # travelled, cancelling
    (kept_regexes.compile(r"(?<=\p{L}{3})ogue(s)?$"), r"og\1"),  # catalogue, dialogue
    (kept_regexes.compile(r"^(def|off|pret|lic)ence(s)?$"), r"\1ense\2"),  # defence, licence
    (kept_regexes.compile(r"^programme(s|d)?$"), r"program\1"),
]


def spelling_key(word: str) -> str:
    """One spelling for a word's British and American forms."""
    for pattern, replacement in _SPELLING_VARIANTS:
        word = pattern.sub(replacement, word)
    return word


def quote_words(text: str, spell_out: bool = False) -> list[str]:
    """Lower-cased words, with '...' and [insertions] as marker tokens; with ``spell_out``,
    contractions spelled out and one spelling for British and American forms (to find which
    quote a quotation is, not to compare its words: "it is" for "it's" is a change of wording,
    if a small one)."""
    words: list[str] = []
    for match in _PART.finditer(text):
        part = match.group()
        if part in ("...", "…"):
            words.append(_GAP)
        elif "[" in part:
            words.append(_INSERTION)
        else:
            word = part.casefold().replace("’", "'")
            if spell_out:
                words.extend(spelling_key(spelled) for spelled in _spelled_out(word))
            else:
                words.append(word)
    return words


def _triples(words: list[str]) -> set[tuple[str, ...]]:
    plain = _plain(words)
    return {tuple(plain[i : i + 3]) for i in range(len(plain) - 2)}


@dataclass
class QuoteIndex:
    """Finds the canonical quote an article quotation is taken from."""

    quotes: Mapping[str, Quote]

    @cached_property
    def _by_triple(self) -> dict[tuple[str, ...], set[str]]:
        index: dict[tuple[str, ...], set[str]] = {}
        for quote in self.quotes.values():
            for triple in _triples(quote_words(quote.text, spell_out=True)):
                index.setdefault(triple, set()).add(quote.id)
        return index

    def source_of(self, text: str) -> Quote | None:
        if not self.quotes:
            return None
        words = _plain(quote_words(text, spell_out=True))
        if len(words) < _MIN_WORDS:
            return None
        triples = _triples(words)
        least = max(1, min(_MIN_SHARED_TRIPLES, len(triples) - 3))
        hits: dict[str, int] = {}
        for triple in triples:
            for quote_id in self._by_triple.get(triple, ()):
                hits[quote_id] = hits.get(quote_id, 0) + 1
        for quote_id in sorted(hits, key=lambda q: (-hits[q], q)):
            if hits[quote_id] < least:
                break
            recorded = _plain(quote_words(self.quotes[quote_id].text, spell_out=True))
            matcher = difflib.SequenceMatcher(None, words, recorded, autojunk=False)
            matched = sum(block.size for block in matcher.get_matching_blocks())
            substantial = matched >= _MIN_MATCHED or matched >= _MIN_SHARE_OF_QUOTE * len(recorded)
            if matched >= _MIN_SHARE_OF_QUOTATION * len(words) and substantial and not _diverges(matcher, len(words)):
                return self.quotes[quote_id]
        return None


def _diverges(matcher: difflib.SequenceMatcher, quotation_end: int) -> bool:
    """Whether the two go different ways: a shared opening ("I do not think it would be right for
    me to ...", "There is no Plan B because we do not have ...") followed by another sentence is
    not a misquotation of it, which changes a word or two and falls back in step. Runs of two
    words or more anchor the comparison, and so does one word back in step right after a word or
    two changed for as many ("a more dangerous place" for "a more volatile place"), or the
    quotation's last word (it ends at ``quotation_end`` words) after a word or two; a stray "the"
    or "to" in common elsewhere does not."""
    previous_a: int | None = None
    previous_c = 0
    for block in matcher.get_matching_blocks():  # the last is the closing dummy (len(a), len(b), 0)
        at_the_end = block.size == 0
        in_step = previous_a is not None and (
            block.a - previous_a == block.b - previous_c <= 2
            # the quotation's last words back in step after a word or two added or dropped: "to German
            # politics," for "to politics. We will ...", where the quotation stops and the quote goes on
            or (block.a + block.size == quotation_end and max(block.a - previous_a, block.b - previous_c) <= 2)
        )
        if not at_the_end and block.size < 2 and not in_step:
            continue
        if previous_a is not None:
            fewer, more = sorted((block.a - previous_a, block.b - previous_c))
            if more >= _DIVERGENCE and fewer >= (_DIVERGENCE_AT_THE_END if at_the_end else _DIVERGENCE):
                return True
        previous_a, previous_c = block.a + block.size, block.b + block.size
    return False


def _plain(words: list[str]) -> list[str]:
    """Words without the elision and insertion markers."""
    return [w for w in words if not w.startswith("\x00")]


@dataclass(frozen=True)
class WordingChange:
    """One difference between a quotation's words and the recorded ones."""

    written: str  # the article's words ("" when it dropped some)
    recorded: str  # the canonical words ("" when it added some)

    def __str__(self) -> str:
        if not self.written:
            return f'drops "{self.recorded}"'
        if not self.recorded:
            return f'adds "{self.written}"'
        return f'has "{self.written}" where the record has "{self.recorded}"'


class _Compared:
    """A text's words as compared (contractions spelled out, one spelling), each with the word written."""

    def __init__(self, text: str) -> None:
        self.words = quote_words(text)
        # The words that open a sentence (after ".", "!" or "?"), and the end: where whole sentences start and stop.
        ends = [match.end() for match in _PART.finditer(text)]
        starts = [match.start() for match in _PART.finditer(text)]
        self.sentence_starts = {0, len(self.words)} | {
            index for index in range(1, len(starts)) if _SENTENCE_END.search(text, ends[index - 1], starts[index])
        }
        self.keys: list[str] = []
        self.owners: list[int] = []  # for each key, the index of the word it comes from
        for index, word in enumerate(self.words):
            for part in (word,) if word.startswith("\x00") else _spelled_out(word, is_has=False):
                self.keys.append(spelling_key(part))
                self.owners.append(index)

    def written(self, first: int, last: int) -> list[str]:
        """The words written for the keys [first, last)."""
        return [self.words[i] for i in sorted(set(self.owners[first:last]))]

    def at_a_sentence_start(self, key: int) -> bool:
        """Whether the key ``key`` (its index; the end too) begins a sentence of the text."""
        if key < 0:
            return False
        return (self.owners[key] if key < len(self.owners) else len(self.words)) in self.sentence_starts


def _whole_sentences_left_out(article: _Compared, canon: _Compared, at: int, first: int, last: int) -> bool:
    """Whether the record's keys [first, last), left out at the article's key ``at``, are whole
    sentences of the record, left out between sentences of the article. A word repeated around the
    gap may shift where the comparison puts it ("... responsibility. [The priorities are set.] The
    challenge": the gap may be found one "the" later), so shifts that keep the same words are tried."""
    for shift in range(-_MAX_SHIFT, _MAX_SHIFT + 1):
        if shift < 0 and (first + shift < 0 or canon.keys[first + shift : first] != canon.keys[last + shift : last]):
            continue
        if shift > 0 and canon.keys[first : first + shift] != canon.keys[last : last + shift]:
            continue
        if all(text.at_a_sentence_start(i + shift) for text, i in ((article, at), (canon, first), (canon, last))):
            return True
    return False


_MAX_SHIFT = 3


def _same_words(written: list[str], recorded: list[str]) -> bool:
    """Word for word the same, "'s" standing for "is" or "has" ("the hour's come", "the hour has come")."""
    return len(written) == len(recorded) and all(
        a == b or (_IS in (a, b) and {a, b} - {_IS} <= {"is", "has"}) for a, b in zip(written, recorded, strict=True)
    )


# A misquotation changes a word or two; a quotation that differs from the record in more places
# than this, spread over a quarter of its words or more, none of them a negation, is another
# rendering of the same words (another transcript, another translation): see ``another_rendering``.
_MAX_CHANGES = 3
_RENDERING_SHARE = 0.25
_NEGATIONS = frozenset({"not", "no", "never", "nor", "n't", "cannot", "none", "nothing"})


def another_rendering(changes: list[WordingChange], written: str) -> bool:
    """Whether a quotation's changes make it another rendering of the record's words, not a misquotation."""
    if len(changes) <= _MAX_CHANGES:
        return False
    changed = [word for change in changes for word in f"{change.written} {change.recorded}".lower().split()]
    if not _NEGATIONS.isdisjoint(changed) or any(word.endswith("n't") for word in changed):
        return False  # "We will raise income tax" for "We will not raise income tax": the sense turned round
    written_changed = sum(len(change.written.split()) for change in changes)
    return written_changed >= _RENDERING_SHARE * max(len(quote_words(written)), 1)


def wording_changes(written: str, recorded: str, small_words: frozenset[str] = frozenset()) -> list[WordingChange]:
    """Differences between an article's quotation and the canonical text; a contraction for its
    spelled-out form ("hour's come" for "hour has come") is a way of writing the same words, and
    words before or after all that the two share are where one of them stops (quoting part of the
    record, or more than the record, which is often an excerpt). One of ``small_words`` added or
    dropped ("the", "and") is how transcripts of one remark differ, not a change of what was said."""
    article, canon = _Compared(written), _Compared(recorded)
    matcher = difflib.SequenceMatcher(None, article.keys, canon.keys, autojunk=False)
    opcodes = matcher.get_opcodes()
    first_equal = next((i for i, op in enumerate(opcodes) if op[0] == "equal"), None)
    last_equal = max((i for i, op in enumerate(opcodes) if op[0] == "equal"), default=None)
    changes = []
    for position, (op, a1, a2, c1, c2) in enumerate(opcodes):
        if op == "equal" or _same_words(article.keys[a1:a2], canon.keys[c1:c2]):
            continue
        written_words = [w for w in article.written(a1, a2) if not w.startswith("\x00")]
        marked = any(w.startswith("\x00") for w in article.keys[max(a1 - 1, 0) : a2 + 1])
        if not written_words and (marked or first_equal is None or last_equal is None or position < first_equal or position > last_equal):
            continue  # an elision, an insertion, or the part of the quote not quoted
        if not written_words and _whole_sentences_left_out(article, canon, a1, c1, c2):
            continue  # whole sentences of the record left out between two quoted in full
        recorded_words = canon.written(c1, c2)
        if not recorded_words and first_equal is not None and last_equal is not None and not first_equal <= position <= last_equal:
            continue  # the quotation goes on where the record stops: a record is often an excerpt of what was said
        if _INSERTION in article.keys[a1:a2]:
            # "[the arms] might be used" for "some UK arms exports to Israel may be used": the
            # bracketed words stand for recorded ones; what is written after them is compared
            # with the recorded words just as many from the end.
            after = article.keys[a1:a2][::-1].index(_INSERTION)
            written_words = article.written(a2 - after, a2) if after else []
            recorded_words = canon.written(c2 - after, c2) if after else []
            if not written_words or _same_words(article.keys[a2 - after : a2], canon.keys[c2 - after : c2]):
                continue
        if last_equal is not None and position > last_equal and len(recorded_words) > len(written_words) + 1:
            recorded_words = [*recorded_words[: len(written_words) + 1], "…"]  # the quote stops here
        elif first_equal is not None and position < first_equal and len(recorded_words) > len(written_words) + 1:
            recorded_words = ["…", *recorded_words[-(len(written_words) + 1) :]]  # the quote starts here
        if len(written_words) + len(recorded_words) == 1 and " ".join(written_words + recorded_words).lower() in small_words:
            continue
        changes.append(WordingChange(" ".join(written_words), " ".join(recorded_words)))
    return changes
