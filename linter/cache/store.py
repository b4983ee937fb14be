"""Small stores of plain data kept between runs, one file each in the cache directory.

A short run (a pre-commit hook on one draft) spends much of its time on work that gives the same
result every run: compiling the same regexes, parsing the same rule packs. A :class:`PlainStore`
keeps such results by key in one ``marshal`` file (plain data only: reading it cannot run code, as
unpickling can). It is read at its first lookup and written only when a run asks
(:func:`save_all`, after ``check``), so a library user or a test never writes one, and
``--no-cache`` neither reads nor writes any (:func:`disable`). A damaged or unreadable file is
ignored; a store that cannot be written is skipped. Each keeps at most ``limit`` entries, those
the latest run used first, so it stays the size of what runs need.
"""

from __future__ import annotations

import marshal
from collections.abc import Hashable
from itertools import islice
from typing import Any

from linter.cache import cache_dir

_stores: list[PlainStore] = []
_enabled = True


class PlainStore:
    """Plain values by plain key, in ``<cache dir>/<name>.marshal``."""

    def __init__(self, name: str, limit: int) -> None:
        self.name, self.limit = name, limit
        self.entries: dict[Hashable, Any] | None = None  # read at the first lookup
        self.used: dict[Hashable, None] = {}  # keys this run looked up or added, in order
        self.new = False
        _stores.append(self)

    def get(self, key: Hashable) -> Any | None:
        if self.entries is None:
            self.entries = self._read() if _enabled else {}
        found = self.entries.get(key)
        if found is not None:
            self.used[key] = None
        return found

    def put(self, key: Hashable, value: Any) -> None:
        """Keep ``value`` (plain data) under ``key``; a value marshal cannot write is not kept."""
        try:
            marshal.dumps(value)
        except ValueError:
            return
        if self.entries is None:
            self.entries = self._read() if _enabled else {}
        self.entries[key] = value
        self.used[key] = None
        self.new = True

    def save(self) -> None:
        if not (_enabled and self.new and self.entries is not None):
            return
        from linter.atomic import write_atomically  # here: only a run that added something writes

        entries = self.entries
        order = {**self.used, **dict.fromkeys(entries)}  # this run's first, then the older ones
        kept = {key: entries[key] for key in islice(order, self.limit)}
        path = cache_dir() / f"{self.name}.marshal"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, marshal.dumps(kept))
        except (OSError, ValueError):  # ValueError: a key marshal cannot write
            return
        self.new = False

    def _read(self) -> dict[Hashable, Any]:
        try:
            entries = marshal.loads((cache_dir() / f"{self.name}.marshal").read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return entries if isinstance(entries, dict) else {}


def disable() -> None:
    """Neither read nor write any store in this process (``--no-cache``)."""
    global _enabled
    _enabled = False


def save_all() -> None:
    """Write every store this run added to."""
    for store in _stores:
        store.save()
