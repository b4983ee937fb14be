"""Facts and their lexicon, compiled once per version of the fact files.

Loading a large fact file and building its lexicon takes seconds; the fact cache
(facts/cache.py) keeps both as plain data, keyed by the files' bytes. The facts package
knows nothing of the lexicon: this module puts the lexicon's plain form
(:meth:`Lexicon.plain`) into the cache entry beside the facts', and builds both back.
"""

from __future__ import annotations

from pathlib import Path

from linter.facts.cache import entry_path, facts_from_plain, facts_key, facts_to_plain, read_entry, write_entry
from linter.facts.load import load_facts
from linter.facts.model import FactBase
from linter.mentions.lexicon import Lexicon, build_lexicon


def load_facts_and_lexicon(paths: list[str], use_cache: bool = True) -> tuple[FactBase, Lexicon]:
    """Facts and lexicon for the given files, from the cache when their bytes are unchanged."""
    if not use_cache:
        facts = load_facts(paths)
        return facts, build_lexicon(facts)
    entry = entry_path(facts_key(paths))
    cached = load_entry(entry)
    if cached is not None:
        return cached
    facts = load_facts(paths)
    lexicon = build_lexicon(facts)
    write_entry(entry, {"facts": facts_to_plain(facts), "lexicon": lexicon.plain()})
    return facts, lexicon


def load_entry(entry: Path) -> tuple[FactBase, Lexicon] | None:
    """Facts and lexicon from a cache entry (also read by Dask workers from a shared path); None
    when it is missing, damaged or of another layout."""
    compiled = read_entry(entry)
    if compiled is None:
        return None
    try:
        return facts_from_plain(compiled["facts"]), Lexicon.from_plain(compiled["lexicon"])
    except (KeyError, IndexError, TypeError, ValueError):
        return None  # damaged, or written by a factlint whose lexicon differs
