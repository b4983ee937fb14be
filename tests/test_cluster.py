"""A real Dask cluster on the loopback address: the same output as a local run, and nothing lost
when a worker dies in the middle of a run."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, invoke, run_cli

distributed = pytest.importorskip("distributed", reason="Dask's distributed is not installed (pip install 'factlint[cluster]')")

SEED = REPO / "seeds" / "coalition-of-the-willing.md"
SEED_FACTS = str(REPO / "seeds" / "facts.yaml")
DASK = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
WORKER = [sys.executable, "-m", "distributed.cli.dask_worker"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds} s waiting for {what}")
        time.sleep(0.2)


pytestmark = pytest.mark.slow  # a real scheduler and workers, started per module and killed mid-run


class Cluster:
    """A scheduler and workers as processes of their own; every one is stopped at the end."""

    def __init__(self, tmp: Path) -> None:
        self.tmp, self.port = tmp, _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.processes: list[subprocess.Popen] = []
        self.workers: list[subprocess.Popen] = []
        self.scheduler = self._start([*DASK, "--host", "127.0.0.1", "--port", str(self.port), "--dashboard-address", "127.0.0.1:0", "--no-show"], "scheduler")

    def _start(self, command: list[str], name: str) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "wb")
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=self.tmp, env={**os.environ, "PYTHONPATH": str(REPO)})
        self.processes.append(process)
        return process

    def add_worker(self) -> subprocess.Popen:
        name = f"worker-{len(self.workers)}"
        worker = self._start(
            [*WORKER, self.address, "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1", "--no-nanny",
             "--dashboard-address", "127.0.0.1:0", "--local-directory", str(self.tmp / name), "--death-timeout", "60"],
            name,
        )
        self.workers.append(worker)
        return worker

    def client(self):
        return distributed.Client(self.address, timeout="20s", set_as_default=False)

    def wait_for_workers(self, count: int) -> None:
        with self.client() as client:
            client.wait_for_workers(count, timeout=60)

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    running = Cluster(tmp_path_factory.mktemp("dask"))
    try:
        running.add_worker()
        running.add_worker()
        running.wait_for_workers(2)
        yield running
    finally:
        running.stop()


def _archive(folder: Path, records: int) -> tuple[Path, Path]:
    """A folder of Markdown articles and a gzip'd JSONL shard of records made from the seed article."""
    text = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    paragraphs = [p for p in text.split("\n") if p.strip()]
    articles = folder / "articles"
    articles.mkdir()
    for number in range(12):
        body = "\n\n".join(paragraphs[number % len(paragraphs) :] + paragraphs[: number % len(paragraphs)])
        (articles / f"{number:03}.md").write_text(f"---\ndate: 2025-0{1 + number % 9}-10\n---\n{body}\nThe goverment said so.\n", encoding="utf-8")
    shard = folder / "archive.jsonl.gz"
    with gzip.open(shard, "wt", encoding="utf-8") as handle:
        for number in range(records):
            body = "\n\n".join(paragraphs[number % len(paragraphs) :] + paragraphs[: number % len(paragraphs)])
            handle.write(json.dumps({"id": f"story-{number}", "date": f"2025-0{1 + number % 9}-1{number % 10}", "text": body}) + "\n")
    return articles, shard


def test_a_directory_and_a_shard_give_the_local_output(cluster, tmp_path, monkeypatch):
    # Every format renders the same result (tests/test_golden.py): text, the full JSON and SARIF show it is the same.
    articles, shard = _archive(tmp_path, 40)
    monkeypatch.chdir(tmp_path)
    for output in ("text", "json", "sarif"):
        local = invoke("check", str(articles), str(shard), "--facts", SEED_FACTS, "--format", output, "--no-cache")
        remote = run_cli("check", str(articles), str(shard), "--facts", SEED_FACTS, "--format", output, "--no-cache",
                         "--scheduler", cluster.address, cwd=tmp_path)
        assert local.exit_code == 1 and "story-3" in local.stdout, local.stderr
        assert (remote.returncode, remote.stdout) == (local.exit_code, local.stdout), (output, remote.stderr)


def test_workers_can_load_the_facts_from_the_shared_fact_cache(cluster, tmp_path):
    articles, shard = _archive(tmp_path, 10)
    cache = {"FACTLINT_CACHE_DIR": str(tmp_path / "cache")}  # the workers share this machine's disk
    local = run_cli("check", str(articles), str(shard), "--facts", SEED_FACTS, "--no-cache", cwd=tmp_path)
    remote = run_cli("check", str(articles), str(shard), "--facts", SEED_FACTS, "--scheduler", cluster.address,
                     "--cluster-facts", "cache", cwd=tmp_path, env=cache)
    assert (remote.returncode, remote.stdout) == (local.returncode, local.stdout), remote.stderr


def _tasks(client) -> dict[str, int]:
    def count(dask_scheduler) -> dict[str, int]:
        states: dict[str, int] = {}
        for task in dask_scheduler.tasks.values():
            if task.key.startswith("check_batch"):
                states[task.state] = states.get(task.state, 0) + 1
        return states

    return client.run_on_scheduler(count)


def test_a_worker_killed_mid_run_loses_nothing(tmp_path):
    running = Cluster(tmp_path)
    try:
        running.add_worker()
        doomed = running.add_worker()
        running.wait_for_workers(2)
        _, shard = _archive(tmp_path, 700)  # about 3.5 MB: several batches per worker, seconds of work
        local = run_cli("check", str(shard), "--facts", SEED_FACTS, "--format", "json", "--no-cache", cwd=tmp_path)
        command = [sys.executable, "-m", "linter", "check", str(shard), "--facts", SEED_FACTS, "--format", "json", "--no-cache",
                   "--scheduler", running.address]
        with running.client() as observer:
            check = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"})
            try:
                # Mid-run: a batch done and another being worked on. The run sends batches as others
                # finish, so between two of them the scheduler may hold none: wait for both at once.
                _wait(lambda: _mid_run(_tasks(observer)), 120, "a batch done while another is processed")
                assert check.poll() is None
                os.kill(doomed.pid, signal.SIGKILL)  # mid-run: batches done, batches still to do
                stdout, stderr = check.communicate(timeout=300)
            finally:
                if check.poll() is None:
                    check.kill()
                    check.wait(timeout=10)
        assert doomed.wait(timeout=10) == -signal.SIGKILL
        assert check.returncode == local.returncode == 1, stderr
        assert stdout.decode() == local.stdout
        assert json.loads(stdout)["summary"]["files"] == 700
    finally:
        running.stop()


def _mid_run(states: dict) -> bool:
    done = states.get("memory", 0) + states.get("released", 0)
    return done >= 1 and states.get("processing", 0) + states.get("queued", 0) >= 1


def test_an_unreachable_scheduler_is_one_located_line(tmp_path):
    (tmp_path / "a.txt").write_text("The goverment said so.\n")
    result = run_cli("check", "a.txt", "--scheduler", f"tcp://127.0.0.1:{_free_port()}", cwd=tmp_path,
                     env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})  # Dask's own setting decides how long to try
    assert result.returncode == 2
    assert result.stderr.startswith("factlint: error: cannot reach the Dask scheduler at tcp://127.0.0.1:") and result.stderr.count("\n") == 1
    assert " within 2s: " in result.stderr


def test_without_distributed_the_error_says_what_to_install(tmp_path):
    (tmp_path / "a.txt").write_text("The goverment said so.\n")
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "distributed.py").write_text("raise ImportError('not installed')\n")
    result = run_cli("check", "a.txt", "--scheduler", "tcp://127.0.0.1:1", cwd=tmp_path,
                     env={"PYTHONPATH": os.pathsep.join([str(blocker), str(REPO)])})
    assert result.returncode == 2
    assert result.stderr == "factlint: error: --scheduler needs Dask's distributed, which is not installed: pip install 'factlint[cluster]'\n"
