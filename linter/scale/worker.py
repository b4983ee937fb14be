"""What a worker runs: the run's settings set up once (the facts scattered, or loaded from a shared
fact cache file), then batches of documents checked one by one. The same code runs in this process,
in ``--jobs`` processes (engine.py) and on a Dask cluster's workers (dask_run.py).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from linter.cache.footprint import RecordingFacts
from linter.mentions.compiled import load_entry
from linter.mentions.lexicon import Lexicon, build_lexicon
from linter.result import RunResult
from linter.runner import RunSettings, check_files
from linter.source.units import Unit


@dataclass
class Checked:
    """One document's outcome, as a worker returns it."""

    part: RunResult  # its findings, problems, document (when kept) and path
    used: tuple[str, ...] = ()  # the facts its check used (when the result is to be cached)
    today: int = 0  # the day its result depended on, as an ordinal (0: none)


class SetupFailed(RuntimeError):
    """A worker could not set itself up for the run: no document can be checked there."""


@dataclass
class WorkerSetup:
    """What a worker needs to check documents: the run's settings, and the facts either inside
    them or in a fact cache file on a path every worker can read (``facts_path``)."""

    settings: RunSettings
    facts_path: str | None = None
    _loaded: tuple[RunSettings, Lexicon] | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_loaded": None}  # what a worker built stays with that worker

    def materialize(self) -> tuple[RunSettings, Lexicon]:
        if self._loaded is None:
            settings = self.settings
            if self.facts_path is not None:
                loaded = load_entry(Path(self.facts_path))
                if loaded is None:
                    raise SetupFailed(f"cannot load the facts from {self.facts_path}: it is missing, damaged or of another layout")
                facts, lexicon = loaded
                settings = dataclasses.replace(settings, facts=facts, lexicon=lexicon)
            self._loaded = (settings, settings.lexicon or build_lexicon(settings.facts))
        return self._loaded


def check_batch(setup: WorkerSetup, units: list[Unit], record: bool) -> list[Checked]:
    """Check each document on its own; with ``record``, also what its check used (for the cache)."""
    settings, lexicon = setup.materialize()
    if not record:
        return [Checked(check_files([unit], settings, lexicon)) for unit in units]
    outcomes = []
    for unit in units:
        used: set[str] = set()
        recording = dataclasses.replace(settings, facts=RecordingFacts(settings.facts, used), keep_documents=True)
        part = check_files([unit], recording, lexicon)
        today = 0
        for path, document in list(part.documents.items()):
            if part.dates[path].source == "today" or document.comments:
                today = settings.today.toordinal()  # its window, or a suppression's expiry, is today's
            if not settings.keep_documents and not any(finding.path == path for finding in part.findings):
                del part.documents[path]
        outcomes.append(Checked(part, tuple(sorted(used)), today))
    return outcomes
