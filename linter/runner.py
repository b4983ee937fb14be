"""The pipeline on each document: read -> segment -> find mentions -> evaluate -> filter.

Which files are checked, under which configuration, is plan.py's; checking many documents in
batches, here or on a cluster, is scale/'s. Reporting (stage 6) is the caller's: the runner returns
each document's result and the run's (linter/result.py), with the problems that kept some input
from being checked.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from linter.analysis import analyse
from linter.checks.engine import evaluate
from linter.checks.rules import Rule
from linter.dates import DATE_KEYS, DateWindow, DocumentDate
from linter.deadline import DocumentTimeout, time_limit
from linter.errors import Location, UserError
from linter.facts.model import FactBase
from linter.filtering.stage import filter_findings
from linter.filtering.suppressions import EngineRule
from linter.mentions.lexicon import Lexicon
from linter.result import DocumentResult, RunResult
from linter.source.document import Document
from linter.source.read import decode, document_from_text, document_kind, read_document

STDIN = "-"


@dataclass
class RunSettings:
    """What one run checks, and with which rules, facts and dates."""

    paths: list[str]  # files to check (see plan.collect_paths), or "-" for standard input
    rules: list[Rule]
    facts: FactBase
    lexicon: Lexicon | None = None  # built from the facts when not given
    date: DateWindow | None = None  # --date: overrides every document's own date
    default_date: DocumentDate | None = None  # from the config; else today
    date_keys: tuple[str, ...] = DATE_KEYS  # front matter keys that date a document, first present wins
    stdin_name: str = "<stdin>"
    engine_rules: list[EngineRule] = field(default_factory=list)  # selected rules about suppressions
    known_rules: set[str] = field(default_factory=set)  # every rule id, selected or not
    today: dt.date = field(default_factory=dt.date.today)
    keep_documents: bool = False  # keep documents without findings too (the HTML report shows them)
    timeout_per_document: float | None = None  # seconds; a document taking longer is reported as not checked


def check_files(paths: list, settings: RunSettings, lexicon: Lexicon, progress: Callable[[int], None] | None = None) -> RunResult:
    """Check documents (paths or units read already, see linter/source/units.py) one by one; a
    document that cannot be read, times out or meets a bug in factlint is a problem of its own."""
    result = RunResult()
    for path in paths:
        where = Location(settings.stdin_name if path == STDIN else str(path))
        try:
            with time_limit(settings.timeout_per_document):
                checked = _check_document(path, settings, lexicon)
        except UserError as problem:
            result.problems.append(problem)
            continue
        except DocumentTimeout:
            result.problems.append(timed_out(settings, where.path))
            continue
        except Exception as error:  # a bug in factlint on this document: the others are still checked
            if os.environ.get("FACTLINT_DEBUG"):
                raise
            result.problems.append(UserError(f"not checked: internal error: {type(error).__name__}: {error} (please report it)", where))
            continue
        result.add(checked, settings.keep_documents)
        if progress:
            progress(1)
    return result


def timed_out(settings: RunSettings, path: str) -> UserError:
    """The problem reported for a document abandoned at the time limit."""
    return UserError(
        f"not checked: took longer than the time limit of {settings.timeout_per_document:g} s per document "
        "(--timeout-per-document, or 'timeout_per_document' in the config)",
        Location(path),
    )


def _check_document(path: str, settings: RunSettings, lexicon: Lexicon) -> DocumentResult:
    """Read and check one document: its date, its findings, and the rules that failed on it."""
    return check_document(_read(path, settings.stdin_name), settings, lexicon)


def check_document(document: Document, settings: RunSettings, lexicon: Lexicon) -> DocumentResult:
    """Check one document already read (a file, or an editor's unsaved text): its date, its findings,
    and the rules that failed on it."""
    date = date_of(document, settings)
    needs = frozenset().union(*(rule.kind.needs for rule in settings.rules))  # only what the rules read is extracted
    analysis = analyse(document, settings.facts, lexicon, date.window, needs)
    problems = [UserError(failure, Location(document.path)) for failure in analysis.failures]
    raw = evaluate(analysis, settings.rules, problems)  # the selected rules only, at their configured severity
    findings = filter_findings(document, raw, settings.engine_rules, settings.known_rules, settings.today)
    return DocumentResult(document.path, date, findings, problems, document)


def _read(path: str, stdin_name: str) -> Document:
    if not isinstance(path, str):  # a unit already read (linter/source/units.py)
        return path.read()
    if path == STDIN:
        text = decode(sys.stdin.buffer.read(), stdin_name)
        return document_from_text(text, stdin_name, document_kind(stdin_name) or "text")
    return read_document(path)


def date_of(document: Document, settings: RunSettings) -> DocumentDate:
    """The window a document is checked against: --date, else its front matter, else the config's, else today."""
    if settings.date is not None:
        return DocumentDate(settings.date, "option")
    return front_matter_date(document, settings.date_keys) or settings.default_date or DocumentDate(DateWindow.day(settings.today), "today")


def front_matter_date(document: Document, keys: tuple[str, ...] = DATE_KEYS) -> DocumentDate | None:
    """The date in a document's front matter: the first of ``keys`` present and not empty
    (``date: 2025-04-05``, ``FROM..TO``, or a date and time such as ``2025-06-10T09:30:00Z``)."""
    for key in keys:
        value = document.metadata.get(key)
        if value is None or not str(value).strip():
            continue
        where = document.metadata_locations.get(key, Location(document.path))
        try:
            return DocumentDate(DateWindow.parse(str(value), times=True), "front_matter", where, key)
        except ValueError as error:
            raise UserError(f"front matter '{key}': {error}", where) from None
    return None


def document_date(document: Document) -> DateWindow | None:
    """The window a document's own front matter gives, with the default keys (for bench/accuracy.py)."""
    found = front_matter_date(document)
    return found.window if found else None
