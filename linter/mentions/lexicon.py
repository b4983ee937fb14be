"""Token tries of every name and title in the facts.

Finding mentions walks the document's tokens once; at each token it follows a
dictionary trie as far as the text allows. The cost per token is bounded by the
longest name, not by how many names the facts hold, which is what lets fact
files grow to 100,000 entities (a regex alternation or the ``regex`` module's
named lists slow down sharply with size).
"""

from __future__ import annotations

import re
import re._parser as _parser  # the standard library's regex parser, to find literal words
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress
from typing import Any

from linter.facts.model import FactBase
from linter.mentions.demonyms import demonyms_of
from linter.mentions.vocabulary import PLACE_KINDS
from linter.segment.tokens import Tokens, token_key

_LITERAL = _parser.LITERAL


_PLAIN_FORMAT = 6  # bumped whenever Lexicon.plain() or what build_lexicon derives changes (cached lexicons are rebuilt)
_SEPARATOR = "\x1f"  # joins the tokens of an entry into one dictionary key; never inside a token


@dataclass
class Trie:
    """Maps token sequences to sets of ids; optionally case-insensitive.

    Stored flat, not as nested dictionaries: ``entries`` maps the joined tokens of
    each entry to its ids, and ``longest`` maps each first token to the length of
    its longest entry. A 100,000-entity lexicon is then a few hundred thousand
    strings, which the cache loads in a fraction of a second.
    """

    fold_case: bool = False
    entries: dict[str, tuple[str, ...]] = field(default_factory=dict)  # sorted ids
    longest: dict[str, int] = field(default_factory=dict)
    # The id set of each entry matched so far: a title may belong to thousands of offices.
    _matched: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def _ids(self, joined: str) -> frozenset[str] | None:
        ids = self._matched.get(joined)
        if ids is None and joined in self.entries:
            ids = self._matched[joined] = frozenset(self.entries[joined])
        return ids

    @classmethod
    def build(cls, items: Iterable[tuple[tuple[str, ...], str]], fold_case: bool = False) -> Trie:
        """A trie of (token sequence, id) pairs; ids of one sequence are collected, then sorted once."""
        collected: dict[str, set[str]] = {}
        longest: dict[str, int] = {}
        for key, value in items:
            if not key:
                continue
            if fold_case:
                key = tuple(token.casefold() for token in key)
            collected.setdefault(_SEPARATOR.join(key), set()).add(value)
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
        return cls(fold_case, {joined: tuple(sorted(ids)) for joined, ids in collected.items()}, longest)

    def folded(self) -> Trie:
        """The same entries, matched case-insensitively (for lines written in capitals)."""
        collected: dict[str, set[str]] = {}
        longest: dict[str, int] = {}
        for joined, ids in self.entries.items():
            key = joined.casefold()
            collected.setdefault(key, set()).update(ids)
            first, length = key.split(_SEPARATOR, 1)[0], key.count(_SEPARATOR) + 1
            longest[first] = max(longest.get(first, 0), length)
        return Trie(True, {joined: tuple(sorted(ids)) for joined, ids in collected.items()}, longest)

    def has(self, key: tuple[str, ...]) -> bool:
        """Whether the token sequence is an entry (case-folded first when the trie folds case)."""
        words = tuple(token.casefold() for token in key) if self.fold_case else key
        return _SEPARATOR.join(words) in self.entries

    def keys_of(self, tokens: Tokens) -> tuple[list[str], list[str]]:
        """The token texts this trie is keyed on, with and without possessive endings."""
        return (tokens.lower, tokens.lower_bases) if self.fold_case else (tokens.texts, tokens.bases)

    def longest_at(self, keys: list[str], bases: list[str], index: int) -> tuple[int, frozenset[str], bool] | None:
        """Longest entry starting at token ``index``: (end index, ids, possessive).

        A possessive ("Sunak's") may end an entry but not continue one.
        """
        first = bases[index] if bases[index] in self.longest else keys[index]
        for length in range(min(self.longest.get(first, 0), len(keys) - index), 0, -1):
            end = index + length
            head = keys[index : end - 1]
            ids = self._ids(_SEPARATOR.join([*head, keys[end - 1]]))
            if ids is not None:
                return end, ids, False
            if bases[end - 1] != keys[end - 1]:
                ids = self._ids(_SEPARATOR.join([*head, bases[end - 1]]))
                if ids is not None:
                    return end, ids, True
        return None

    def matches(self, tokens: Tokens) -> list[tuple[int, int, frozenset[str], bool]]:
        """Non-overlapping matches, left to right: (start, end, ids, possessive).

        Of overlapping entries the one reaching furthest wins, so "UK Chancellor of
        the Exchequer" is "UK" + "Chancellor of the Exchequer", not "UK Chancellor" + "of...".
        """
        keys, bases = self.keys_of(tokens)
        found = {}
        for index in compress(range(len(bases)), map(self.longest.__contains__, bases)):  # in C
            match = self.longest_at(keys, bases, index)
            if match:
                found[index] = match
        result, taken_until = [], 0
        for index, (end, ids, possessive) in found.items():
            if index < taken_until:
                continue
            if any(found.get(later, (0,))[0] > end for later in range(index + 1, end)):
                continue  # a later entry overlapping this one reaches further: it wins
            result.append((index, end, ids, possessive))
            taken_until = end
        return result


COURTESY_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof")  # anyone may be given these
RANKS = ("Sir", "Dame", "Lord", "Lady")  # only those whose declared names carry them
# Lower-case particles a family name keeps when it is written alone: "Ole von Beust" -> "von Beust".
NAME_PARTICLES = frozenset({"von", "van", "de", "der", "den", "da", "di", "du", "del", "della", "le", "la", "ter", "zu", "bin", "al"})


@dataclass
class Lexicon:
    """Everything the mention finders look up, built once from the facts: names, titles, event triggers."""

    names: Trie  # canonical names and declared aliases
    short_names: Trie  # derived: "Brown", "Mr Brown", "Sir Alex"; valid only after a full mention
    titles: Trie
    organizations: frozenset[str]  # entity ids that may qualify a title: office owners, organisations, places
    event_triggers: dict[str, frozenset[str]]  # a word every mention must contain -> event ids
    always_events: frozenset[str]  # events whose patterns have no such word

    @cached_property
    def shouted_names(self) -> Trie:
        """Names matched case-insensitively, built the first time a document has a line in capitals."""
        return self.names.folded()

    @cached_property
    def shouted_short_names(self) -> Trie:
        return self.short_names.folded()

    def plain(self) -> dict[str, Any]:
        """The lexicon as plain data, for the fact cache (mentions/compiled.py)."""
        tries = {name: (trie.fold_case, trie.entries, trie.longest) for name, trie in self._tries().items()}
        return {
            "format": _PLAIN_FORMAT, **tries,
            "organizations": self.organizations, "event_triggers": self.event_triggers, "always_events": self.always_events,
        }

    @classmethod
    def from_plain(cls, plain: dict[str, Any]) -> Lexicon:
        if plain["format"] != _PLAIN_FORMAT:
            raise ValueError("a lexicon of another format")
        names, short_names, titles = (Trie(*plain[name]) for name in ("names", "short_names", "titles"))
        return cls(names, short_names, titles, plain["organizations"], plain["event_triggers"], plain["always_events"])

    def _tries(self) -> dict[str, Trie]:
        return {"names": self.names, "short_names": self.short_names, "titles": self.titles}


def short_forms(name: str, aliases: tuple[str, ...]) -> set[tuple[str, ...]]:
    """How the press shortens a person's name once it has been given in full.

    "Gordon Brown" -> "Brown" (and so "Mr Brown", "Dr Brown": a courtesy title before a
    short form is read with it, see mentions/names.py); a rank only if the facts give it:
    an alias "Sir Alex Ferguson" adds "Sir Ferguson" and "Sir Alex".
    """
    key = token_key(name)
    if _family_name_first(key):
        return {(key[0],)}  # "Tsai Ing-wen" -> "Tsai", "Moon Jae-in" -> "Moon"
    if len(key) < 2 or not key[-1][:1].isupper():
        return set()
    # A double-barrelled surname is shortened whole: "Nomusa Dube-Ncube" -> "Dube-Ncube".
    surname = key[-3:] if len(key) >= 4 and key[-2] == "-" and key[-3][:1].isupper() else key[-1:]
    forms: set[tuple[str, ...]] = {surname}
    if len(key) >= 3 and key[-2].lower() in NAME_PARTICLES:
        forms.add(key[-2:])  # "Mayor von Beust", "Intendant Di Candia": the particle is written with the family name
    forms |= {plain for form in forms if (plain := tuple(_unaccented(word) for word in form)) != form and all(plain)}  # "Kocaoglu"
    for alias in aliases:
        alias_key = token_key(alias)
        if len(alias_key) == 3 and alias_key[0] in RANKS:
            forms |= {alias_key[:2], (alias_key[0], *surname)}
    return forms


# Letters that carry no separable accent: "Kılıçdaroğlu" -> "Kilicdaroglu", "Wałęsa" -> "Walesa".
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe"})


def _unaccented(word: str) -> str:
    """The word without its accents, as copy (and every headline in capitals) often writes a name: "Kocaoğlu" -> "Kocaoglu"."""
    return "".join(char for char in unicodedata.normalize("NFKD", word.translate(_PLAIN_LETTERS)) if not unicodedata.combining(char))


def _family_name_first(key: tuple[str, ...]) -> bool:
    """A Chinese or Korean name written family name first, with a hyphenated given name whose
    second syllable is in lower case ("Tsai Ing-wen", "Leung Chun-ying", "Kim Jong-un"); not a
    double-barrelled surname ("Andrew Lloyd-Webber")."""
    return len(key) == 4 and key[0][:1].isupper() and key[1][:1].isupper() and key[2] == "-" and key[3][:1].islower()


def build_lexicon(facts: FactBase) -> Lexicon:
    people = [entity for entity in facts.entities.values() if entity.type == "person"]
    declared = {(token_key(name), entity.id) for entity in facts.entities.values() for name in entity.names}
    declared_keys = {key for key, _ in declared}
    # A country's adjective ("Greek" for Greece) names it too, unless the facts give the word to something.
    adjectives = {(token_key(word), e.id) for e in facts.entities.values() if e.type == "place" for word in demonyms_of(e.names)}
    declared |= {(key, entity) for key, entity in adjectives if key not in declared_keys}
    # A region's name with its kind in lower case ("Santa Fe province" for "Santa Fe Province").
    kinds = ((token_key(name), e.id) for e in facts.entities.values() if e.type == "place" for name in e.names)
    lowered = {((*key[:-1], key[-1].lower()), entity) for key, entity in kinds if len(key) > 1 and key[-1].lower() in PLACE_KINDS}
    declared |= {(key, entity) for key, entity in lowered if key not in declared_keys}
    # A person's name without its accents ("Aziz Kocaoglu", "Kemal Kilicdaroglu"), as copy often writes it.
    unaccented = ((tuple(_unaccented(word) for word in key), entity) for key, entity in declared if facts.entities[entity].type == "person")
    declared |= {(key, entity) for key, entity in unaccented if key not in declared_keys}
    short = {(form, p.id) for p in people for form in short_forms(p.name, p.aliases) if form not in declared_keys}
    titles = ((token_key(title), office.id) for office in facts.offices.values() for title in office.titles)
    owners = {o.organization for o in facts.offices.values() if o.organization}
    qualifiers = owners | {e.id for e in facts.entities.values() if e.type in ("organization", "place")}
    triggers, always = index_event_patterns(facts)
    return Lexicon(Trie.build(declared), Trie.build(short), Trie.build(titles, fold_case=True), frozenset(qualifiers), triggers, always)


def index_event_patterns(facts: FactBase) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Map a word every mention of an event must contain to the events, so a document is
    searched only for events whose word it holds. Patterns without such a word are always searched."""
    triggers: dict[str, set[str]] = {}
    always: set[str] = set()
    for event in facts.events.values():
        for pattern in event.mentions:
            words = required_words(pattern)
            if words:
                triggers.setdefault(max(sorted(words), key=len), set()).add(event.id)
            else:
                always.add(event.id)
    return {word: frozenset(ids) for word, ids in triggers.items()}, frozenset(always)


def required_words(pattern: str) -> set[str]:
    """Whole words (case-folded) that any match of ``pattern`` must contain.

    Only words inside a top-level run of literal characters are taken, and only when
    bounded on both sides by a separator in that run or by the pattern's start or end: then
    they are whole tokens of any match. Anything the parser does not understand gives none.
    """
    try:
        parsed = list(_parser.parse(pattern, flags=re.IGNORECASE))
    except Exception:  # a pattern only the regex module reads: always searched
        return set()
    words: set[str] = set()
    run: list[str] = []
    run_starts_pattern = True

    def flush(ends_pattern: bool) -> None:
        text = "".join(run)
        pieces = re.split(r"(\W+)", text)
        for index in range(0, len(pieces), 2):
            word = pieces[index]
            starts_bounded = index > 0 or run_starts_pattern
            ends_bounded = index + 1 < len(pieces) or ends_pattern
            if word and starts_bounded and ends_bounded:
                words.add(word.casefold())

    for op, argument in parsed:
        if op is _LITERAL:
            run.append(chr(argument))
            continue
        flush(ends_pattern=False)
        run, run_starts_pattern = [], False
    flush(ends_pattern=True)
    return words

