"""Checking on a Dask distributed cluster (``--scheduler ADDRESS``, ``scheduler:`` in the config).

Any deployment of ``distributed`` will do: ``dask scheduler`` and ``dask worker`` by hand, or on
Kubernetes, YARN or an HPC job queue. This process (the client) reads the documents, looks them
up in the result cache and sends the others in batches of about a megabyte (engine.py); workers
need no access to the client's files. The facts and rules reach each worker once: scattered to
every worker before the first batch (``--cluster-facts scatter``, the default), or, with
``--cluster-facts cache``, as the path of the compiled fact cache entry, which each worker loads
itself (the cache directory, ``FACTLINT_CACHE_DIR``, must then be shared with the workers).

A worker lost in the middle of a batch is not a lost run: the scheduler runs its batches again
elsewhere. A batch whose worker dies every time it is tried is split and its documents sent one
by one, so that a document that kills workers is reported as not checked (exit code 2) and every
other one is checked. The per-document time limit is not enforced on workers (their tasks run
in threads, where no timer can interrupt them: linter/deadline.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from typing import TYPE_CHECKING

from linter import __version__
from linter.errors import Location, UserError
from linter.facts.model import FactBase
from linter.result import RunResult
from linter.scale.worker import Checked, SetupFailed, WorkerSetup, check_batch

if TYPE_CHECKING:
    from linter.plan import CheckOptions
    from linter.source.units import Unit

CLOSE_SECONDS = 10
WORKER_WAIT_SECONDS = 60


def _identity() -> str:
    """The factlint a worker runs: results are the same only with the same code."""
    from linter.cache.results import _code_digest

    return f"{__version__} {_code_digest().hex()[:12]}"


class ClusterExecutor:
    """Submits batches to a Dask cluster and waits for them in order (engine.Executor)."""

    def __init__(self, address: str, setup: WorkerSetup, fact_files: tuple[str, ...], options: CheckOptions) -> None:
        try:
            import dask.config
            from distributed import Client
        except ImportError:
            raise UserError("--scheduler needs Dask's distributed, which is not installed: pip install 'factlint[cluster]'") from None
        self.address = address
        try:
            # Dask's own setting (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT, 30 s unless set) decides how long to try.
            timeout = dask.config.get("distributed.comm.timeouts.connect")
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError, TypeError) as error:
            raise UserError(f"cannot reach the Dask scheduler at {address} within {timeout}: {error}") from None
        try:
            self._prepare(setup, fact_files, options)
        except BaseException:
            self.close()
            raise

    def _prepare(self, setup: WorkerSetup, fact_files: tuple[str, ...], options: CheckOptions) -> None:
        try:
            self.client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
        except TimeoutError:
            raise UserError(f"no Dask worker joined the scheduler at {self.address} within {WORKER_WAIT_SECONDS} s") from None
        ours = _identity()
        for worker, theirs in sorted(self.client.run(_identity).items()):
            if theirs != ours:
                raise UserError(f"the Dask worker {worker} runs factlint {theirs}, this client {ours}: install the same factlint on both")
        self.workers = max(1, len(self.client.scheduler_info(n_workers=-1)["workers"]))
        if options.cluster_facts == "cache":
            if not (options.use_cache and fact_files):
                raise UserError("--cluster-facts cache needs the fact cache (not --no-cache) and a fact file")
            from linter.facts.cache import entry_path, facts_key  # the entry the client has just loaded or written

            entry = str(entry_path(facts_key(list(fact_files))).resolve())
            setup = WorkerSetup(dataclasses.replace(setup.settings, facts=FactBase(), lexicon=None), entry)
        started = time.perf_counter()
        self.plain_setup = setup
        self.setup = self.client.scatter(setup, broadcast=True, hash=False)
        self.setup_seconds = time.perf_counter() - started

    def submit(self, units: list[Unit], record: bool) -> object:
        return self.client.submit(check_batch, self.setup, units, record, pure=False)

    def result(self, handle, units: list[Unit], record: bool, attempt: int = 1) -> list[Checked]:
        from distributed import KilledWorker

        try:
            return handle.result()
        except KilledWorker as error:
            if len(units) > 1:  # find the document that kills workers: send them one by one
                singles = [self.submit([unit], record) for unit in units]
                return [self.result(single, [unit], record)[0] for single, unit in zip(singles, units, strict=True)]
            return [_not_checked(units[0], f"the Dask worker checking it died ({error})")]
        except SetupFailed as error:
            raise UserError(f"a Dask worker of {self.address} {error}") from None
        except Exception as error:
            if _connection_lost(error):
                raise UserError(f"lost the Dask scheduler at {self.address}: {type(error).__name__}: {error}") from None
            if type(error).__name__ == "FutureCancelledError" and attempt < _ATTEMPTS:
                # A worker died holding what the batch needed (its copy of the scattered setup), and
                # the scheduler forgot the batch: scatter the setup again and send the batch again.
                self.setup = self.client.scatter(self.plain_setup, broadcast=True, hash=False)
                return self.result(self.submit(units, record), units, record, attempt + 1)
            return [_not_checked(unit, f"the Dask worker failed: {type(error).__name__}: {error}") for unit in units]

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a client whose scheduler is gone: nothing left to do
            self.client.close(timeout=CLOSE_SECONDS)


_ATTEMPTS = 3  # tries of a batch whose task the scheduler forgot when a worker died


def _connection_lost(error: Exception) -> bool:
    from distributed.comm.core import CommClosedError

    return isinstance(error, CommClosedError) or type(error).__name__ == "CancelledError"


def _not_checked(unit: Unit, why: str) -> Checked:
    return Checked(RunResult(problems=[UserError(f"not checked: {why}", Location(str(unit)))]))
