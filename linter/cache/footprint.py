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
a title count as the person's content), the ids only moved in the file or given another
``source`` (what decides no finding: linter/fields.py's ``record_content``; their findings cite a
location: only documents whose findings cite them are re-checked), and the words above. When a
change reaches every document (which countries own offices, the events searched everywhere,
the files themselves, a section whose words this module does not know) or is too large to be
worth indexing, every document is re-checked: a stale cached result would be a wrong answer, a
needless re-check only time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from linter.facts.model import Entity, FactBase, sections
from linter.fields import plain_value, record_content, record_from_plain
from linter.mentions.lexicon import required_words, short_forms
from linter.segment.tokens import token_key

ENTITIES = "entities"
EVERYTHING = "*"
QUOTES = "*quotes"
_MAX_WORDS = 5000  # more changed words than this: re-check everything rather than scan for them


def _prefix(section: str) -> str:
    """How the ids of a section's records are recorded: "offices:uk-prime-minister"."""
    return section + ":"


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
        entity = _prefix(ENTITIES)  # the offices' indexes are keyed by entity ids
        super().__init__(
            **{section.name: _Recorded(getattr(base, section.name), used, _prefix(section.name)) for section in sections()},
            sources=base.sources,
            holder_offices=_Recorded(base.holder_offices, used, entity),
            organization_offices=_Recorded(base.organization_offices, used, entity),
            named_offices=_Recorded(base.named_offices, used, entity),
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
    ids: set[str] = field(default_factory=set)  # prefixed as recorded: "entities:id", "offices:id", "#entities:", "*quotes"
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


def _entity_words(entity: Entity) -> set[str]:
    keys = {token_key(text) for text in entity.names}
    if entity.type == "person":
        keys |= short_forms(entity.name, entity.aliases)
    return {_longest_word(key) for key in keys}


def _countries(facts: dict) -> set[str]:
    entities = facts["tables"][ENTITIES]
    return {org for org in facts["organization_offices"] if org in entities and plain_value(Entity, entities[org], "type") == "place"}


def changes(old: dict, new: dict) -> Changes:
    """What changed from ``old`` to ``new``: two entries of the fact cache (facts/cache.py, mentions/compiled.py)."""
    old_facts, new_facts = old["facts"], new["facts"]
    if (
        old_facts["sources"] != new_facts["sources"]
        or old["lexicon"]["always_events"] != new["lexicon"]["always_events"]
        or _countries(old_facts) != _countries(new_facts)
    ):
        return Changes(everything=True)
    found = Changes()
    changed: dict[str, list] = {}  # section -> its changed records, old and new versions
    for section in sections():
        prefix, old_table, new_table = _prefix(section.name), old_facts["tables"][section.name], new_facts["tables"][section.name]
        if len(old_table) != len(new_table):
            found.ids.add("#" + prefix)
        for key in old_table.keys() | new_table.keys():
            before, after = old_table.get(key), new_table.get(key)
            if before == after:
                continue
            if before is not None and after is not None and record_content(section.record, before) == record_content(section.record, after):
                found.moved.add(key)
                continue
            found.ids.add(prefix + key)
            changed.setdefault(section.name, []).extend(record_from_plain(section.record, raw, id=key) for raw in (before, after) if raw is not None)
    if changed.keys() - {ENTITIES, "offices", "events", "quotes"}:
        return Changes(everything=True)  # a section whose words this module does not know: re-check everything
    entity = _prefix(ENTITIES)
    for index in ("holder_offices", "organization_offices", "named_offices"):
        before, after = old_facts[index], new_facts[index]
        found.ids.update(entity + key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
    qualifiers = set(old["lexicon"]["organizations"]) ^ set(new["lexicon"]["organizations"])
    found.ids.update(entity + key for key in qualifiers)  # may now qualify a title, or no longer
    if "quotes" in changed:
        found.ids.add(QUOTES)
    for key in [i[len(entity) :] for i in found.ids if i.startswith(entity)]:
        for facts in (old_facts, new_facts):
            if key in facts["tables"][ENTITIES]:
                found.words |= _entity_words(record_from_plain(Entity, facts["tables"][ENTITIES][key], id=key))
    for office in changed.get("offices", ()):
        found.words.update(_longest_word(token_key(title)) for title in office.titles)
    for event in changed.get("events", ()):
        for pattern in event.mentions:
            words = required_words(pattern)
            if not words:
                return Changes(everything=True)  # an event searched in every document
            found.words.add(max(sorted(words), key=len))
    if "" in found.words or len(found.words) > _MAX_WORDS:
        return Changes(everything=True)
    return found
