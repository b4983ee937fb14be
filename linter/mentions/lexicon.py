"""Token tries of every name and title in the facts.

Finding mentions walks the document's tokens once; at each token it follows a
dictionary trie as far as the text allows. The cost per token is bounded by the
longest name, not by how many names the facts hold, which is what lets fact
files grow to 100,000 entities (a regex alternation or the ``regex`` module's
named lists slow down sharply with size).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from linter.facts.model import FactBase
from linter.segment.tokens import is_possessive, token_key, without_possessive

_END = ""  # trie key marking "a full entry ends here"; no token is empty


@dataclass
class Trie:
    """Maps token sequences to sets of ids; optionally case-insensitive."""

    fold_case: bool = False
    root: dict = field(default_factory=dict)

    def add(self, key: tuple[str, ...], value: str) -> None:
        if not key:
            return
        node = self.root
        for token in key:
            node = node.setdefault(token.casefold() if self.fold_case else token, {})
        node.setdefault(_END, set()).add(value)

    def longest_at(self, texts: list[str], index: int) -> tuple[int, frozenset[str], bool] | None:
        """Longest entry starting at token ``index``: (end index, ids, possessive)."""
        node, best, position = self.root, None, index
        while position < len(texts):
            word = texts[position].casefold() if self.fold_case else texts[position]
            if is_possessive(word):  # "Sunak's": may end an entry, cannot continue one
                child = node.get(without_possessive(word))
                if child and _END in child:
                    best = (position + 1, frozenset(child[_END]), True)
            child = node.get(word)
            if child is None:
                break
            if _END in child:
                best = (position + 1, frozenset(child[_END]), False)
            node = child
            position += 1
        return best

    def matches(self, texts: list[str]) -> Iterator[tuple[int, int, frozenset[str], bool]]:
        """Non-overlapping matches, left to right: (start, end, ids, possessive).

        Of overlapping entries the one reaching furthest wins, so "UK Chancellor of
        the Exchequer" is "UK" + "Chancellor of the Exchequer", not "UK Chancellor" + "of...".
        """
        index = 0
        while index < len(texts):
            found = self._at(texts, index)
            if found is None:
                index += 1
                continue
            end = found[0]
            if any((later := self._at(texts, i)) and later[0] > end for i in range(index + 1, end)):
                index += 1  # a later entry overlapping this one reaches further: it wins
                continue
            yield index, *found
            index = end

    def _at(self, texts: list[str], index: int) -> tuple[int, frozenset[str], bool] | None:
        word = texts[index].casefold() if self.fold_case else texts[index]
        if word in self.root or without_possessive(word) in self.root:
            return self.longest_at(texts, index)
        return None


COURTESY_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof")  # anyone may be given these
RANKS = ("Sir", "Dame", "Lord", "Lady")  # only those whose declared names carry them


@dataclass
class Lexicon:
    names: Trie  # canonical names and declared aliases
    short_names: Trie  # derived: "Brown", "Mr Brown", "Sir Alex"; valid only after a full mention
    titles: Trie
    office_organizations: frozenset[str]  # entity ids that own an office


def short_forms(name: str, aliases: tuple[str, ...]) -> set[tuple[str, ...]]:
    """How the press shortens a person's name once it has been given in full.

    "Gordon Brown" -> "Brown", "Mr Brown", "Dr Brown"...; a rank is used only if the
    facts give it: an alias "Sir Alex Ferguson" adds "Sir Ferguson" and "Sir Alex".
    """
    key = token_key(name)
    if len(key) < 2 or not key[-1][:1].isupper():
        return set()
    surname = key[-1]
    forms = {(surname,), *((title, surname) for title in COURTESY_TITLES)}
    for alias in aliases:
        alias_key = token_key(alias)
        if len(alias_key) == 3 and alias_key[0] in RANKS:
            forms |= {alias_key[:2], (alias_key[0], surname)}
    return forms


def build_lexicon(facts: FactBase) -> Lexicon:
    names, short_names, titles = Trie(), Trie(), Trie(fold_case=True)
    for entity in facts.entities.values():
        keys = {token_key(name) for name in entity.names}
        for key in keys:
            names.add(key, entity.id)
        if entity.type == "person":
            for form in short_forms(entity.name, entity.aliases) - keys:
                short_names.add(form, entity.id)
    for office in facts.offices.values():
        for title in office.titles:
            titles.add(token_key(title), office.id)
    organizations = frozenset(o.organization for o in facts.offices.values() if o.organization)
    return Lexicon(names, short_names, titles, organizations)
