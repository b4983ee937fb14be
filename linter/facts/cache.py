"""A compiled cache of loaded facts and their lexicon.

Validating and indexing a 100,000-entity fact file takes many seconds; a pre-commit
hook runs on every commit. The cache key is a hash of factlint's version and the
path and exact bytes of every fact file (in order), so any edit, or a new factlint,
misses the cache and rebuilds. The entry holds only plain data (strings, numbers, tuples,
dictionaries) written with ``marshal``, which loads hundreds of thousands of
values in a fraction of a second and, unlike pickle, cannot run code; facts are
rebuilt as objects only when a document mentions them. Entries are written
atomically (a temporary file, then a rename), and a damaged or unreadable entry
is ignored and rebuilt: when the cache cannot be read or written, factlint works
without it.

Location: ``$FACTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/factlint``, else
``~/.cache/factlint``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
from pathlib import Path

from linter import __version__
from linter.dates import DateWindow
from linter.errors import Location
from linter.facts.load import load_facts
from linter.facts.model import Entity, Event, FactBase, LazyTable, Office, Quantity, Quote, Tenure
from linter.mentions.lexicon import Lexicon, Trie, build_lexicon
from linter.yamlio import read_yaml_bytes

_FORMAT = 4  # bumped whenever the layout below changes (4: quantities, last)


def cache_dir() -> Path:
    if os.environ.get("FACTLINT_CACHE_DIR"):
        return Path(os.environ["FACTLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factlint"


def load_facts_and_lexicon(paths: list[str], use_cache: bool = True) -> tuple[FactBase, Lexicon]:
    """Facts and lexicon for the given files, from the cache when their bytes are unchanged."""
    if not use_cache:
        facts = load_facts(paths)
        return facts, build_lexicon(facts)
    entry = entry_path(facts_key(paths))
    try:
        return facts_from_plain(marshal.loads(entry.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
        pass  # no entry, or a damaged one: rebuild
    facts = load_facts(paths)
    lexicon = build_lexicon(facts)
    _write(entry, marshal.dumps(_to_plain(facts, lexicon)))
    return facts, lexicon


def entry_path(key: str) -> Path:
    """The cache file of the facts with this key."""
    return cache_dir() / f"facts-{key}.marshal"


def plain_facts(key: str) -> tuple | None:
    """The plain data cached under ``key`` (see _to_plain), or None when it is not (or no longer) there."""
    try:
        data = marshal.loads(entry_path(key).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, tuple) and data and data[0] == _FORMAT else None


def facts_key(paths: list[str]) -> str:
    """The cache key of these fact files: factlint's version and each file's path and bytes."""
    digest = hashlib.sha256(f"factlint {__version__} cache {_FORMAT}\n".encode())
    for path in paths:
        data = read_yaml_bytes(path)
        # The path too: facts keep their locations, and a copy elsewhere must cite its own file.
        digest.update(f"{path}\n{len(data)}\n".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()[:40]


def _location(location: Location | None) -> tuple:
    return (location.path, location.line, location.column) if location else ()


def _to_plain(facts: FactBase, lexicon: Lexicon) -> tuple:
    entities = {e.id: (e.name, e.aliases, e.type, _location(e.location), e.source) for e in facts.entities.values()}
    offices = {
        o.id: (
            o.name, o.titles, o.seats, o.organization, _location(o.location),
            tuple((t.who, t.start.toordinal(), t.end.toordinal() if t.end else 0, _location(t.location), t.source) for t in o.holders),
            o.verified.toordinal() if o.verified else 0, o.source,
        )
        for o in facts.offices.values()
    }
    events = {
        e.id: (e.name, e.when.start.toordinal(), e.when.end.toordinal(), e.place, e.mentions, _location(e.location))
        for e in facts.events.values()
    }
    quotes = {q.id: (q.speaker, q.date.toordinal(), q.text, _location(q.location)) for q in facts.quotes.values()}
    tries = tuple((trie.fold_case, trie.entries, trie.longest) for trie in (lexicon.names, lexicon.short_names, lexicon.titles))
    return (
        _FORMAT, facts.sources, entities, offices, events, quotes, facts.holder_offices, facts.organization_offices,
        tries, lexicon.organizations, lexicon.event_triggers, lexicon.always_events, _quantities_plain(facts),
    )


def _quantities_plain(facts: FactBase) -> dict[str, tuple]:
    """Quantities (issue 15), each as the fields of ``Quantity`` after its id, days as ordinals."""
    return {
        q.id: (q.name, q.value, q.unit, q.start.toordinal(), q.end.toordinal() if q.end else 0, q.period, q.tolerance, q.mentions, q.subject,
               _location(q.location), q.source)
        for q in facts.quantities.values()
    }


def facts_from_plain(data: tuple) -> tuple[FactBase, Lexicon]:
    """Facts and lexicon from a cache entry's plain data (also read by Dask workers from a shared path)."""
    layout, sources, entities, offices, events, quotes, holder_offices, organization_offices, tries, organizations, triggers, always, *more = data
    if layout != _FORMAT:
        raise ValueError("old cache layout")
    (quantities,) = more
    day = dt.date.fromordinal

    def where(raw: tuple) -> Location | None:
        return Location(*raw) if raw else None

    def office(key: str, raw: tuple) -> Office:
        name, titles, seats, organization, location, holders, verified, source = raw
        tenures = tuple(
            Tenure(key, who, day(start), day(end) if end else None, where(at), origin) for who, start, end, at, origin in holders
        )
        return Office(key, name, titles, seats, tenures, organization, where(location), day(verified) if verified else None, source)

    def quantity(key: str, raw: tuple) -> Quantity:
        name, value, unit, start, end, period, tolerance, mentions, subject, location, source = raw
        return Quantity(key, name, value, unit, day(start), day(end) if end else None, period, tolerance, mentions, subject, where(location), source)

    facts = FactBase(
        entities=LazyTable(entities, lambda key, r: Entity(key, r[0], r[1], r[2], where(r[3]), r[4])),
        offices=LazyTable(offices, office),
        events=LazyTable(events, lambda key, r: Event(key, r[0], DateWindow(day(r[1]), day(r[2])), r[3], r[4], where(r[5]))),
        quotes=LazyTable(quotes, lambda key, r: Quote(key, r[0], day(r[1]), r[2], where(r[3]))),
        quantities=LazyTable(quantities, quantity),
        sources=sources,
        holder_offices=holder_offices,
        organization_offices=organization_offices,
    )
    names, short_names, titles = (Trie(fold, entries, longest) for fold, entries, longest in tries)
    return facts, Lexicon(names, short_names, titles, organizations, triggers, always)


def _write(entry: Path, data: bytes) -> None:
    from linter.atomic import write_atomically  # here: only a miss writes, and tempfile is not needed otherwise

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(entry, data)
    except OSError:
        pass  # the cache is a convenience: without it, factlint still works
