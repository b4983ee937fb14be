"""Which facts a document's check used, and which documents a change of the facts can touch.

A cached result stays right after the fact files change if nothing the check of that document
depended on changed. A check depends on the facts in two ways, and both are tracked:

1. **What it looked up.** The document is checked against a :class:`RecordingFacts`, which
   records every id looked up in (or tested against) each table: entities, offices, events,
   quotes and the two office indexes. Going through a whole table records a dependency on every
   fact (``*``); asking a table's size records its size; the quote index records the quotes as a
   whole (``*quotes``) when it is searched, which happens only for quotations.
2. **What it could have matched.** Names, titles and event words are found through the lexicon
   (mentions/lexicon.py); a new alias can match a document that looked up nothing. A lexicon
   entry matches only where all of its words are tokens of the document, so a document is
   re-checked when it contains, as a whole word ignoring case, a word of a changed fact: for
   each name, alias, short form ("Brown", "Sir Alex"), title and event word of a changed fact,
   old or new, its longest word.

:func:`changes` compares two versions of the facts (as the fact cache stores them: plain data)
and returns the ids whose content changed (a person's offices and whether an entity can qualify
a title count as the person's content), the ids only moved in the file (their findings cite a
location: only documents whose findings cite them are re-checked), and the words above. When a
change reaches every document (which countries own offices, the events searched everywhere,
the files themselves) or is too large to be worth indexing, every document is re-checked: a
stale cached result would be a wrong answer, a needless re-check only time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from linter.facts.model import FactBase
from linter.mentions.lexicon import required_words, short_forms
from linter.segment.tokens import token_key

EVERYTHING = "*"
QUOTES = "*quotes"
_MAX_WORDS = 5000  # more changed words than this: re-check everything rather than scan for them


class _Recorded(Mapping):
    """A read-only view of a fact table that records the ids asked for."""

    def __init__(self, table: Mapping, used: set[str], prefix: str) -> None:
        self._table, self._used, self._prefix = table, used, prefix

    def __getitem__(self, key: str):
        self._used.add(self._prefix + key)
        return self._table[key]

    def get(self, key: str, default=None):
        self._used.add(self._prefix + key)
        return self._table.get(key, default)

    def __contains__(self, key: object) -> bool:
        self._used.add(self._prefix + str(key))
        return key in self._table

    def __iter__(self):
        self._used.add(EVERYTHING)
        return iter(self._table)

    def __len__(self) -> int:
        self._used.add("#" + self._prefix)
        return len(self._table)


class _RecordedQuoteIndex:
    def __init__(self, index, used: set[str]) -> None:
        self._index, self._used = index, used

    def source_of(self, text: str):
        self._used.add(QUOTES)
        return self._index.source_of(text)


class RecordingFacts(FactBase):
    """The facts of ``base``, recording into ``used`` what a check looks up (see the module)."""

    def __init__(self, base: FactBase, used: set[str]) -> None:
        super().__init__(
            entities=_Recorded(base.entities, used, "e:"),
            offices=_Recorded(base.offices, used, "o:"),
            events=_Recorded(base.events, used, "v:"),
            quotes=_Recorded(base.quotes, used, "q:"),
            quantities=_Recorded(base.quantities, used, "n:"),
            sources=base.sources,
            holder_offices=_Recorded(base.holder_offices, used, "e:"),
            organization_offices=_Recorded(base.organization_offices, used, "e:"),
        )
        self._base, self._used = base, used

    @property
    def quote_index(self):
        return _RecordedQuoteIndex(self._base.quote_index, self._used)

    @property
    def _countries(self) -> frozenset[str]:  # a change to it re-checks everything (see changes())
        return self._base._countries


@dataclass
class Changes:
    """How two versions of the facts differ, as far as cached results are concerned."""

    everything: bool = False
    ids: set[str] = field(default_factory=set)  # prefixed as recorded: "e:id", "o:id", "v:id", "q:id", "#e:", "*quotes"
    moved: set[str] = field(default_factory=set)  # fact ids (unprefixed) whose location alone changed
    words: set[str] = field(default_factory=set)  # case-folded

    def pattern(self) -> re.Pattern | None:
        """A regex finding any changed word as a whole word in case-folded text."""
        if not self.words:
            return None
        alternatives = "|".join(re.escape(word) for word in sorted(self.words, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _longest_word(key: tuple[str, ...]) -> str:
    """The longest word of a lexicon entry; "" when it has none (it could then match anywhere)."""
    words = [token.casefold() for token in key if token[:1].isalnum()]
    return max(words, key=len) if words else ""


def _entity_words(raw: tuple) -> set[str]:
    name, aliases, kind = raw[0], tuple(raw[1]), raw[2]
    keys = {token_key(text) for text in (name, *aliases)}
    if kind == "person":
        keys |= short_forms(name, aliases)
    return {_longest_word(key) for key in keys}


def _countries(plain: tuple) -> set[str]:
    entities, organization_offices = plain[2], plain[7]
    return {org for org in organization_offices if org in entities and entities[org][2] == "place"}


def changes(old: tuple, new: tuple) -> Changes:
    """What changed from ``old`` to ``new``: the plain data of the fact cache (facts/cache.py)."""
    found = Changes()
    (_, old_sources, *old_tables), (_, new_sources, *new_tables) = old[:8], new[:8]
    if old_sources != new_sources or old[11] != new[11] or _countries(old) != _countries(new):
        return Changes(everything=True)
    if old[12:] != new[12:]:
        return Changes(everything=True)  # quantities (issue 15): few, and their mentions are regexes searched everywhere
    content = {  # each table's fact without its location(s)
        "e:": lambda r: tuple(r[:3]),
        "o:": lambda r: (*r[:4], tuple(tuple(t[:3]) for t in r[5])),
        "v:": lambda r: tuple(r[:5]),
        "q:": lambda r: tuple(r[:3]),
    }
    changed_raw: dict[str, list[tuple]] = {prefix: [] for prefix in content}
    for (prefix, strip), old_table, new_table in zip(content.items(), old_tables[:4], new_tables[:4], strict=False):
        if len(old_table) != len(new_table):
            found.ids.add("#" + prefix)
        for key in old_table.keys() | new_table.keys():
            before, after = old_table.get(key), new_table.get(key)
            if before == after:
                continue
            if before is not None and after is not None and strip(before) == strip(after):
                found.moved.add(key)
                continue
            found.ids.add(prefix + key)
            changed_raw[prefix] += [raw for raw in (before, after) if raw is not None]
    old_holders, old_owners, new_holders, new_owners = old_tables[4], old_tables[5], new_tables[4], new_tables[5]
    for index_old, index_new in ((old_holders, new_holders), (old_owners, new_owners)):
        found.ids.update("e:" + key for key in index_old.keys() | index_new.keys() if index_old.get(key) != index_new.get(key))
    found.ids.update("e:" + key for key in set(old[9]) ^ set(new[9]))  # may now qualify a title, or no longer
    if changed_raw["q:"]:
        found.ids.add(QUOTES)
    for prefix_id in [i for i in found.ids if i.startswith("e:")]:
        for table in (old_tables[0], new_tables[0]):
            if prefix_id[2:] in table:
                found.words |= _entity_words(table[prefix_id[2:]])
    for raw in changed_raw["o:"]:
        found.words.update(_longest_word(token_key(title)) for title in raw[1])
    for raw in changed_raw["v:"]:
        for pattern in raw[4]:
            words = required_words(pattern)
            if not words:
                return Changes(everything=True)  # an event searched in every document
            found.words.add(max(sorted(words), key=len))
    if "" in found.words or len(found.words) > _MAX_WORDS:
        return Changes(everything=True)
    return found
