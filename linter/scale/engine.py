"""Checking a stream of documents: through the result cache, in batches, here or elsewhere.

The documents of a run (files, records of JSONL shards, standard input) are read once, in order,
by this process. Each is looked up in the result cache (linter/cache/results.py); the others go
into batches of about ``BATCH_BYTES`` that an executor checks: this process, ``--jobs`` worker
processes, or a Dask cluster (linter/scale/dask_run.py). At most a few batches per worker are in
flight, so an archive of millions of documents is never held in memory, and results are taken
back in the order the documents came in. The merged result is sorted (files, findings, problems),
so the output is the same whichever executor checked what.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from linter.cache.results import ResultCache
from linter.result import DocumentResult, RunResult
from linter.runner import STDIN, RunSettings
from linter.scale.worker import Checked, WorkerSetup, check_batch
from linter.source.jsonl import Record
from linter.source.units import FileBytes, Unit, read_units

if TYPE_CHECKING:
    from linter.plan import CheckOptions

BATCH_BYTES = 1 << 20  # about a second of work for one worker
BATCH_DOCUMENTS = 2000  # and never more documents than this in one batch
_LOOKUP_WINDOW = 256  # documents looked up in the cache at once


class Executor(Protocol):
    """Checks batches somewhere; ``result`` waits for one submitted batch."""

    workers: int

    def submit(self, units: list[Unit], record: bool) -> object: ...

    def result(self, handle: object, units: list[Unit], record: bool) -> list[Checked]: ...


class LocalExecutor:
    """This process: a batch is checked when its result is asked for."""

    workers = 1

    def __init__(self, setup: WorkerSetup) -> None:
        self.setup = setup

    def submit(self, units: list[Unit], record: bool) -> object:
        return None

    def result(self, handle: object, units: list[Unit], record: bool) -> list[Checked]:
        return check_batch(self.setup, units, record)


_POOL_SETUP: WorkerSetup | None = None  # inherited by forked --jobs workers


def _pool_check(units: list[Unit], record: bool) -> list[Checked]:
    assert _POOL_SETUP is not None  # set before the pool forks its workers
    return check_batch(_POOL_SETUP, units, record)


class PoolExecutor:
    """``--jobs N`` processes, forked after the facts and rules are loaded, so they inherit them."""

    def __init__(self, setup: WorkerSetup, jobs: int) -> None:
        import multiprocessing

        global _POOL_SETUP
        _POOL_SETUP = setup
        self.workers = jobs
        self.pool = multiprocessing.get_context("fork").Pool(jobs)

    def submit(self, units: list[Unit], record: bool) -> object:
        return self.pool.apply_async(_pool_check, (units, record))

    def result(self, handle, units: list[Unit], record: bool) -> list[Checked]:
        return handle.get()

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


def execute(
    settings: RunSettings,
    executor: Executor,
    cache: ResultCache | None,
    progress: Callable[[int], None] | None = None,
) -> RunResult:
    """Check every document of ``settings.paths`` (see the module), the cache first."""
    problems: list = []
    result = RunResult(problems=problems, rules=[*settings.rules, *settings.engine_rules])
    in_flight: deque = deque()
    record = cache is not None

    def take(batch: list[Unit], keys: list[bytes], handle: object) -> None:
        outcomes = executor.result(handle, batch, record)
        if cache is not None:
            cache.store([
                (key, path, outcome.part.findings, outcome.used, outcome.today, outcome.part.dates[path])
                for key, outcome in zip(keys, outcomes, strict=True)
                if not outcome.part.problems and outcome.part.checked_paths
                for path in outcome.part.checked_paths[:1]
            ])
        for outcome in outcomes:
            result.merge(outcome.part)
        if progress:
            progress(len(batch))

    def send(batch: list[Unit], keys: list[bytes]) -> None:
        in_flight.append((batch, keys, executor.submit(batch, record)))
        while len(in_flight) > 2 * executor.workers:
            take(*in_flight.popleft())

    batch: list[Unit] = []
    keys: list[bytes] = []
    size = 0
    for window in _windows(read_units(settings.paths, problems, STDIN), _LOOKUP_WINDOW):
        stdin: list[Unit] = [unit for unit in window if unit == STDIN]
        if stdin:  # read from this process's standard input: checked here, never cached
            result.merge(check_batch(WorkerSetup(settings), stdin, False)[0].part)
        read = [unit for unit in window if not isinstance(unit, str)]  # a str unit is only ever STDIN
        if cache is not None:
            window_keys, cached = cache.lookup(read)
        else:
            window_keys, cached = [b""] * len(read), [None] * len(read)
        hits = 0
        for unit, key, hit in zip(read, window_keys, cached, strict=True):
            if hit is not None:
                hits += 1
                _merge_cached(result, unit, hit, settings.keep_documents)
                continue
            batch.append(unit)
            keys.append(key)
            size += len(unit.data)
            if size >= BATCH_BYTES or len(batch) >= BATCH_DOCUMENTS:
                send(batch, keys)
                batch, keys, size = [], [], 0
        if progress and hits:
            progress(hits)
    if batch:
        send(batch, keys)
    while in_flight:
        take(*in_flight.popleft())
    result.checked_paths.sort()
    result.findings.sort(key=lambda finding: finding.sort_key)
    result.problems.sort(key=lambda problem: str(problem.location or ""))
    return result


def _windows(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    window: list[Unit] = []
    for unit in units:
        window.append(unit)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


def _merge_cached(result: RunResult, unit: FileBytes | Record, hit: DocumentResult, keep_documents: bool) -> None:
    """A cached result; the document is read again only when a report quotes it."""
    if hit.findings or keep_documents:
        hit.document = unit.read()
    result.add(hit, keep_documents)


def run_checks(settings: RunSettings, fact_files: tuple[str, ...], options: CheckOptions, progress: Callable[[int], None] | None) -> RunResult:
    """A group's run as the command line asks for it: the result cache unless --no-cache, on a
    Dask cluster with a scheduler, else in ``--jobs`` processes."""
    cache = None
    if options.use_cache:
        from linter.cache.results import ResultCache, context_key
        from linter.facts.cache import facts_key

        context = context_key(
            settings.rules, settings.engine_rules, settings.known_rules, (str(settings.date), str(settings.default_date), settings.date_keys)
        )
        cache = ResultCache.open(context, facts_key(list(fact_files)) if fact_files else "", settings.today.toordinal())
    setup = WorkerSetup(dataclasses.replace(settings, paths=[]))
    executor: Executor
    if options.scheduler:
        from linter.scale.dask_run import ClusterExecutor

        executor = ClusterExecutor(options.scheduler, setup, fact_files, options)
    elif options.jobs > 1:
        executor = PoolExecutor(setup, options.jobs)
    else:
        executor = LocalExecutor(setup)
    try:
        return execute(settings, executor, cache, progress)
    finally:
        getattr(executor, "close", lambda: None)()
        if cache is not None:
            cache.close()
            if options.cache_stats is not None:
                options.cache_stats.add(cache.stats)
