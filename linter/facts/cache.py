"""The compiled fact cache: loaded facts as plain data, keyed by the fact files' bytes.

Validating and indexing a 100,000-entity fact file takes many seconds; a pre-commit
hook runs on every commit. The cache key is a hash of factlint's version, the layout
below, and the path and exact bytes of every fact file (in order), so any edit, or a new
factlint, misses the cache and rebuilds. An entry holds only plain data (strings, numbers,
tuples, dictionaries) written with ``marshal``, which loads hundreds of thousands of
values in a fraction of a second and, unlike pickle, cannot run code; facts are
rebuilt as objects only when a document mentions them. Entries are written
atomically (a temporary file, then a rename), and a damaged or unreadable entry
is ignored and rebuilt: when the cache cannot be read or written, factlint works
without it.

A record's plain form is derived from its declaration (facts/model.py, linter/fields.py), and
so is :data:`LAYOUT`, a digest of every section's fields and how each is kept: change a
declaration and old entries are rebuilt, never misread. An entry is a dictionary: ``layout``,
``facts`` (:func:`facts_to_plain`) and what the caller compiles from the facts alongside them
(the lexicon: mentions/compiled.py).

Location: ``$FACTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/factlint``, else
``~/.cache/factlint``.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from linter import __version__
from linter.cache import cache_dir
from linter.facts.model import FactBase, LazyTable, sections
from linter.fields import layout, record_from_plain, record_plain
from linter.yamlio import read_yaml_bytes

_ENVELOPE = 5  # bumped whenever the entry's own keys below change


def _layout() -> str:
    described = "\n".join(f"{section.name}: {layout(section.record)}" for section in sections())
    return hashlib.sha256(f"entry {_ENVELOPE}\n{described}".encode()).hexdigest()[:16]


LAYOUT = _layout()


def entry_path(key: str) -> Path:
    """The cache file of the facts with this key."""
    return cache_dir() / f"facts-{key}.marshal"


def facts_key(paths: list[str]) -> str:
    """The cache key of these fact files: factlint's version, the layout, and each file's path and bytes."""
    digest = hashlib.sha256(f"factlint {__version__} cache {LAYOUT}\n".encode())
    for path in paths:
        data = read_yaml_bytes(path)
        # The path too: facts keep their locations, and a copy elsewhere must cite its own file.
        digest.update(f"{path}\n{len(data)}\n".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()[:40]


def read_entry(entry: Path) -> dict[str, Any] | None:
    """The entry in this file, or None when it is not there, is damaged, or has another layout."""
    try:
        data = marshal.loads(entry.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) and data.get("layout") == LAYOUT else None


def write_entry(entry: Path, compiled: dict[str, Any]) -> None:
    """Write an entry: ``compiled`` holds ``facts`` (:func:`facts_to_plain`) and what was compiled with them."""
    from linter.atomic import write_atomically  # here: only a miss writes, and tempfile is not needed otherwise

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(entry, marshal.dumps({"layout": LAYOUT, **compiled}))
    except OSError:
        pass  # the cache is a convenience: without it, factlint still works


def facts_to_plain(facts: FactBase) -> dict[str, Any]:
    """Every section's records (by id, each as :func:`linter.fields.record_plain`), the sources and the indexes."""
    return {
        "sources": facts.sources,
        "tables": {section.name: {key: record_plain(fact) for key, fact in getattr(facts, section.name).items()} for section in sections()},
        "holder_offices": dict(facts.holder_offices),
        "organization_offices": dict(facts.organization_offices),
        "named_offices": dict(facts.named_offices),
    }


def facts_from_plain(plain: dict[str, Any]) -> FactBase:
    """The facts back from :func:`facts_to_plain`; each record is built when it is first looked up."""
    tables = {section.name: LazyTable(plain["tables"][section.name], _builder(section.record)) for section in sections()}
    indexes = {index: plain[index] for index in ("holder_offices", "organization_offices", "named_offices")}
    return FactBase(**tables, sources=plain["sources"], **indexes)


def _builder(record: type) -> Callable[[str, tuple], object]:
    """Builds a record of this class from its id and plain form."""
    return lambda key, raw: record_from_plain(record, raw, id=key)
