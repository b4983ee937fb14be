"""A compiled cache of loaded facts and their lexicon.

Validating and indexing a 100,000-entity fact file takes seconds; a pre-commit
hook runs on every commit. The cache key is a hash of factlint's version and the
exact bytes of every fact file (in order), so any edit, or a new factlint,
misses the cache and rebuilds. Entries are written atomically (a temporary file,
then a rename) and a damaged or unreadable entry is ignored and rebuilt. The
cache is a convenience: when it cannot be read or written, factlint works
without it.

Location: ``$FACTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/factlint``, else
``~/.cache/factlint``. Entries are pickles: the cache directory must be as
trusted as factlint itself (see docs/security.md).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from linter import __version__
from linter.errors import Location, UserError
from linter.facts.load import load_facts
from linter.facts.model import FactBase
from linter.mentions.lexicon import Lexicon, build_lexicon


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
    entry = cache_dir() / f"facts-{_key(paths)}.pickle"
    try:
        with open(entry, "rb") as handle:
            facts, lexicon = pickle.load(handle)
        if isinstance(facts, FactBase) and isinstance(lexicon, Lexicon):
            return facts, lexicon
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        pass  # no entry, or a damaged one: rebuild
    facts = load_facts(paths)
    lexicon = build_lexicon(facts)
    _write(entry, (facts, lexicon))
    return facts, lexicon


def _key(paths: list[str]) -> str:
    digest = hashlib.sha256(f"factlint {__version__}\n".encode())
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise UserError("file not found", Location(path)) from None
        except OSError as error:
            raise UserError(f"cannot read: {error.strerror}", Location(path)) from None
        digest.update(f"{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()[:40]


def _write(entry: Path, value: object) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, prefix=".tmp-", delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, entry)
    except OSError:
        try:
            os.unlink(handle.name)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass
