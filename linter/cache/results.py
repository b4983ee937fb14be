"""The result cache: a document checked before, with the same bytes, rules and configuration, is
not checked again (as Ruff caches), and a change of the facts re-checks only the documents it
can touch (see footprint.py).

An entry is keyed by a hash of everything else that decides a document's findings: factlint's
version and code, the rules that run (their packs' bytes, ids and severities), the date options,
and the document's name and bytes. The entry holds the findings, the key of the facts they were
found with (the fact cache's key), and the facts the check used. It is valid for other facts
when none of what the check used changed and the document holds no word of a changed fact; a
check that depended on today's date (no date given anywhere, or a suppression with ``until=``)
is valid only on the day it ran. Documents that could not be checked (a problem, a time limit)
are never cached.

Entries live in one SQLite database beside the fact cache (``$FACTLINT_CACHE_DIR/results.sqlite``):
each write is a transaction, so concurrent runs and a crash leave whole entries or none, and at
most ``MAX_ENTRIES`` are kept (the least recently used go first). The cache is a convenience: when
it cannot be opened, read or written, the run goes on without it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from linter import __version__
from linter.cache import cache_dir
from linter.cache.footprint import EVERYTHING, Changes, changes
from linter.cache.store import PlainStore
from linter.dates import DateWindow, DocumentDate
from linter.errors import Location
from linter.facts.cache import entry_path, read_entry
from linter.findings import FactNote, Finding, Fix
from linter.result import DocumentResult
from linter.source.document import Span
from linter.source.jsonl import Record
from linter.source.read import decode
from linter.source.units import FileBytes

MAX_ENTRIES = 2_000_000  # about 1 KB each: a 2 GB cache at most
_LAYOUT = 3  # bumped whenever the entry layout changes (3: facts recorded by section name)
_LOOKUP_CHUNK = 500  # keys per query (SQLite's limit on parameters is higher)


@dataclass
class CacheStats:
    """What the cache did in a run, for --cache-stats."""

    documents: int = 0
    from_cache: int = 0
    new_or_edited: int = 0  # no entry for these bytes, rules and configuration
    touched_by_facts: int = 0  # an entry, but the facts changed something its check used or could match

    def add(self, other: CacheStats) -> None:
        for name in ("documents", "from_cache", "new_or_edited", "touched_by_facts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def describe(self) -> str:
        checked = self.new_or_edited + self.touched_by_facts
        share = f"{checked / self.documents:.1%}" if self.documents else "0%"
        return (
            f"factlint: result cache: {self.from_cache} of {self.documents} document(s) from the cache; "
            f"{checked} checked ({share}): {self.new_or_edited} new or edited, {self.touched_by_facts} touched by changed facts"
        )


@dataclass
class ResultCache:
    """The findings of documents already checked, in SQLite, keyed on what decides them."""

    context: bytes  # hash of what decides results besides the document and the facts
    facts_key: str
    today: int  # ordinal
    connection: sqlite3.Connection | None
    stats: CacheStats = field(default_factory=CacheStats)
    _changes: dict[str, Changes | None] = field(default_factory=dict)
    _current: dict | None = None  # the fact cache entry of this run's facts ({}: none)
    _stamp: int = field(default_factory=lambda: int(time.time()))

    @classmethod
    def open(cls, context: bytes | None, facts_key: str, today: int, directory: Path | None = None) -> ResultCache | None:
        """The cache in ``directory`` (the fact cache's by default); None when it cannot be used."""
        if context is None:
            return None
        try:
            directory = directory or cache_dir()
            directory.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(directory / "results.sqlite", timeout=30, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("CREATE TABLE IF NOT EXISTS results (key BLOB PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL)")
        except (OSError, sqlite3.Error):
            return None
        return cls(context, facts_key, today, connection)

    def key(self, unit: FileBytes | Record) -> bytes:
        name = f"f\0{unit.path}" if isinstance(unit, FileBytes) else f"r\0{unit.shard}"
        digest = hashlib.sha256(self.context)
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(unit.data)
        return digest.digest()

    def lookup(self, units: list[FileBytes | Record]) -> tuple[list[bytes], list[DocumentResult | None]]:
        """Each unit's key, and its valid cached result (without the document's text) or None."""
        keys = [self.key(unit) for unit in units]
        self.stats.documents += len(units)
        stored = self._read(keys)
        found: list[DocumentResult | None] = []
        rows: list[tuple[bytes, bytes | None]] = []  # entries now valid for these facts, or only used
        for unit, key in zip(units, keys, strict=True):
            value = stored.get(key)
            entry = _decode(value) if value is not None else None
            if entry is None:
                self.stats.new_or_edited += 1
                found.append(None)
                continue
            facts_key, today, used, path, findings, date = entry
            if (today and today != self.today) or (facts_key != self.facts_key and not self._still_valid(facts_key, used, findings, unit)):
                self.stats.touched_by_facts += 1
                found.append(None)
                continue
            # Valid for these facts too: say so, so that the next run need not ask again.
            rows.append((key, marshal.dumps((_LAYOUT, self.facts_key, today, used, path, findings, date)) if facts_key != self.facts_key else None))
            self.stats.from_cache += 1
            found.append(DocumentResult(path, _date(date), [_finding(path, raw) for raw in findings]))
        self._write(rows)
        return keys, found

    def store(self, entries: list[tuple[bytes, str, list[Finding], tuple[str, ...], int, DocumentDate]]) -> None:
        """Record checked documents: (key, path, findings, facts used, the day it depended on or 0, its date)."""
        self._write([
            (key, marshal.dumps((_LAYOUT, self.facts_key, today, used, path, tuple(_plain(f) for f in findings), _plain_date(date))))
            for key, path, findings, used, today, date in entries
        ])

    def close(self) -> None:
        """Keep at most MAX_ENTRIES, then close."""
        if self.connection is None:
            return
        try:
            count = self.connection.execute("SELECT COUNT(*) FROM results").fetchone()[0]
            if count > MAX_ENTRIES:
                self.connection.execute(
                    "DELETE FROM results WHERE key IN (SELECT key FROM results ORDER BY used LIMIT ?)", (count - MAX_ENTRIES,)
                )
            self.connection.close()
        except sqlite3.Error:
            pass
        self.connection = None

    def _read(self, keys: list[bytes]) -> dict[bytes, bytes]:
        if self.connection is None:
            return {}
        stored: dict[bytes, bytes] = {}
        try:
            for start in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[start : start + _LOOKUP_CHUNK]
                query = f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(chunk))})"
                stored.update(self.connection.execute(query, chunk).fetchall())
        except sqlite3.Error:
            self.connection = None  # damaged or locked for too long: go on without the cache
        return stored

    def _write(self, rows: list[tuple[bytes, bytes | None]]) -> None:
        """Insert or replace entries (a value) or mark them used (None), in one transaction."""
        if self.connection is None or not rows:
            return
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                self.connection.executemany(
                    "INSERT OR REPLACE INTO results (key, value, used) VALUES (?, ?, ?)",
                    [(key, value, self._stamp) for key, value in rows if value is not None],
                )
                self.connection.executemany("UPDATE results SET used = ? WHERE key = ?", [(self._stamp, key) for key, value in rows if value is None])
        except sqlite3.Error:
            self.connection = None

    def _still_valid(self, facts_key: str, used: tuple[str, ...], findings: tuple, unit: FileBytes | Record) -> bool:
        """Whether a result found with other facts is still the result with these (footprint.py)."""
        if facts_key not in self._changes:
            if self._current is None:
                self._current = read_entry(entry_path(self.facts_key)) or {}
            old = read_entry(entry_path(facts_key))
            self._changes[facts_key] = changes(old, self._current) if old and self._current else None
        found = self._changes[facts_key]
        if found is None or found.everything or EVERYTHING in used or found.ids.intersection(used):
            return False
        if found.moved and any(found.moved.intersection(raw[9]) for raw in findings):
            return False  # a finding cites a fact that moved in its file
        pattern = found.pattern()
        return pattern is None or not pattern.search(_text(unit).casefold())


def _text(unit: FileBytes | Record) -> str:
    """The text a document's words are in (a record's body without its JSON escapes); undecodable: ''."""
    try:
        if isinstance(unit, FileBytes):
            return decode(unit.data, unit.path)
        import json  # only for records: a run of files never pays for it at start-up

        record = json.loads(unit.data)
        return str(record.get("text", "")) + str(record.get("html", ""))
    except Exception:  # such a document was never cached: it had a problem
        return ""


def _decode(value: bytes) -> tuple | None:
    try:
        entry = marshal.loads(value)
    except (EOFError, ValueError, TypeError):
        return None
    return entry[1:] if isinstance(entry, tuple) and len(entry) == 7 and entry[0] == _LAYOUT else None


def _plain_date(date: DocumentDate) -> tuple:
    location = (date.location.path, date.location.line, date.location.column) if date.location else ()
    return (date.window.start.toordinal(), date.window.end.toordinal(), date.source, date.key, location)


def _date(raw: tuple) -> DocumentDate:
    start, end, source, key, location = raw
    window = DateWindow(dt.date.fromordinal(start), dt.date.fromordinal(end))
    return DocumentDate(window, source, Location(*location) if location else None, key)


def _plain(finding: Finding) -> tuple:
    fix = (finding.fix.span.start, finding.fix.span.end, finding.fix.replacement, finding.fix.safe) if finding.fix else ()
    return (
        finding.span.start, finding.span.end, finding.line, finding.column, finding.end_line, finding.end_column,
        finding.rule, finding.severity, finding.message, finding.evidence, fix,
        tuple((note.text, note.source) for note in finding.facts),
    )


def _finding(path: str, raw: tuple) -> Finding:
    start, end, line, column, end_line, end_column, rule, severity, message, evidence, fix, notes = raw
    return Finding(
        path, Span(start, end), line, column, end_line, end_column, rule, severity, message, tuple(evidence),
        Fix(Span(fix[0], fix[1]), fix[2], fix[3]) if fix else None,
        tuple(FactNote(text, source) for text, source in notes),
    )


def context_key(rules: list, engine_rules: list, known_rules: set[str], options: tuple) -> bytes | None:
    """A hash of factlint's code and version, the rules that run and ``options``; None when a
    rule's pack cannot be read (then nothing is cached)."""
    digest = hashlib.sha256(f"factlint {__version__} results {_LAYOUT}\n".encode())
    digest.update(_code_digest())
    packs: set[str] = set()
    for rule in rules:
        digest.update(repr((rule.id, rule.severity, rule.kind_name, str(rule.location))).encode())
        packs.add(rule.location.path)
    for rule in engine_rules:
        digest.update(repr((rule.id, rule.severity)).encode())
    digest.update(repr((sorted(known_rules), options)).encode())
    for pack in sorted(packs):
        try:
            digest.update(Path(pack).read_bytes())
        except OSError:
            return None
    return digest.digest()


_CODE: list[bytes] = []
_code_digests = PlainStore("code-digests", limit=8)  # by the files' sizes and times of change


def _code_digest() -> bytes:
    """A hash of factlint's own source and built-in rules, so that a changed checkout (whose
    version did not change) never reuses results of other code. Reading every file costs a short
    run 10 ms, so the hash is kept by the files' sizes and times of change (as Python's bytecode
    cache tells a changed module): a fresh install of the same code reads them once, and agrees."""
    if not _CODE:
        root = Path(__file__).resolve().parent.parent
        files = sorted([*root.rglob("*.py"), *root.rglob("*.yaml"), *root.rglob("*.json")])
        stamps = hashlib.sha256()
        for path in files:
            status = path.stat()
            stamps.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
        digest = _code_digests.get(stamps.digest())
        if digest is None:
            contents = hashlib.sha256()
            for path in files:
                contents.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
            digest = contents.digest()
            _code_digests.put(stamps.digest(), digest)
        _CODE.append(digest)
    return _CODE[0]
