"""Archive scale: a generated archive of short articles, checked on a local Dask cluster.

    python bench/archive.py generate [--articles 1000000] [--out DIR]       # JSONL shards
    python bench/archive.py run [--out DIR] [--shards 1] [--limit N] [--workers 2] [--json FILE]

``generate`` writes ``--articles`` short articles (4-8 sentences each) as gzip'd JSONL shards of
50,000 records, built from the sentences of the two corpora (../shared/corpus: BBC 2004-05 and
Reuters 1987), deterministically (seed 17): the same shards byte for byte on every machine.
Each record has an id, a date (its source corpus's years) and its text.

``run`` checks with the BBC development facts and 10,000 generated entities (bench/run.py's),
and measures, on this machine: one process checking a shard (documents/s, the local
baseline); the same shards on a local cluster of ``--workers`` workers started here (``dask
scheduler`` and ``dask worker`` processes, one thread each), facts scattered and facts loaded
from the shared fact cache; the serial part, which is what the client does alone (reading,
decompressing, hashing and looking up every record: a second run with every result cached);
and the cost of getting facts of 10,000 and 100,000 generated entities to the workers. Each
output is compared with the local one (they must be identical). Figures go to stdout and --json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
SHARD_RECORDS = 50_000
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")


def sentences() -> list[tuple[str, str]]:
    """(corpus, sentence) of both corpora, in a fixed order."""
    found = []
    for corpus, pattern in (("bbc", "bbc/*/*.txt"), ("reuters", "reuters-1987/articles/*.md")):
        for path in sorted(SHARED.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            if text.startswith("---\n"):
                text = text.split("---\n", 2)[2]
            found += [(corpus, s.strip()) for s in _SENTENCE.split(" ".join(text.split())) if 30 <= len(s.strip()) <= 400]
    if not found:
        sys.exit(f"corpus not found: {SHARED}")
    return found


def generate(articles: int, out: Path) -> list[Path]:
    pool = sentences()
    by_corpus = {name: [s for c, s in pool if c == name] for name in ("bbc", "reuters")}
    rng = random.Random(17)
    out.mkdir(parents=True, exist_ok=True)
    shards = []
    for shard in range((articles + SHARD_RECORDS - 1) // SHARD_RECORDS):
        path = out / f"archive-{shard:03}.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as handle:
            for number in range(shard * SHARD_RECORDS, min(articles, (shard + 1) * SHARD_RECORDS)):
                corpus = "bbc" if rng.random() < 0.5 else "reuters"
                body = " ".join(rng.choice(by_corpus[corpus]) for _ in range(rng.randint(4, 8)))
                year = rng.choice((2004, 2005)) if corpus == "bbc" else 1987
                date = f"{year}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
                handle.write(json.dumps({"id": f"a{number:07}", "date": date, "text": body}) + "\n")
        shards.append(path)
    return shards


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalCluster:
    """``dask scheduler`` and ``dask worker`` processes on the loopback address."""

    def __init__(self, workers: int, scratch: Path) -> None:
        self.address = f"tcp://127.0.0.1:{_port()}"
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
        self.processes = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                            "--port", self.address.rsplit(":", 1)[1], "--dashboard-address", "127.0.0.1:0"], **quiet)]
        for index in range(workers):
            self.processes.append(subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", self.address, "--host", "127.0.0.1", "--nthreads", "1",
                 "--no-nanny", "--dashboard-address", "127.0.0.1:0", "--local-directory", str(scratch / f"worker-{index}")], **quiet))
        from distributed import Client

        with Client(self.address, timeout="30s") as client:
            client.wait_for_workers(workers, timeout=120)

    def stop(self) -> None:
        for process in reversed(self.processes):  # workers first, then the scheduler
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)


def _timed(command: list[str], env: dict) -> tuple[float, bytes]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, env=env, cwd=REPO)
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr.decode()[-2000:]}")
    return time.perf_counter() - started, result.stdout


def _load_on_worker(entry: str) -> float:
    """Seconds a worker takes to load facts from a fact cache file (--cluster-facts cache)."""
    from linter.runner import RunSettings
    from linter.scale.worker import WorkerSetup

    started = time.perf_counter()
    WorkerSetup(RunSettings([], [], None), entry).materialize()
    return time.perf_counter() - started


def _scatter_cost(address: str, entities: int, scratch: Path) -> dict:
    """Seconds to scatter the facts of ``entities`` generated entities to every worker, and for
    one worker to load them itself from the fact cache file instead; and the file's size."""
    sys.path.insert(0, str(REPO))
    from distributed import Client
    from run import generate_facts  # bench/run.py

    from linter.facts.cache import entry_path, facts_key
    from linter.mentions.compiled import load_facts_and_lexicon
    from linter.runner import RunSettings
    from linter.scale.worker import WorkerSetup

    path = scratch / f"facts-{entities}.yaml"
    path.write_text(generate_facts(entities), encoding="utf-8")
    facts, lexicon = load_facts_and_lexicon([str(path)])
    entry = entry_path(facts_key([str(path)]))
    with Client(address, timeout="30s") as client:
        started = time.perf_counter()
        scattered = client.scatter(WorkerSetup(RunSettings([], [], facts, lexicon)), broadcast=True, hash=False)
        client.run(lambda: None)
        scatter_s = time.perf_counter() - started
        del scattered
        load_s = client.submit(_load_on_worker, str(entry), pure=False).result()
    return {"entities": entities, "scatter_s": scatter_s, "load_from_path_s": load_s, "entry_mb": entry.stat().st_size / 1e6}


def run(out: Path, shards: int, workers: int, limit: int | None) -> dict:
    paths = sorted(out.glob("archive-*.jsonl.gz"))[:shards]
    if not paths:
        sys.exit(f"no shards in {out}: run 'python bench/archive.py generate' first")
    scratch = Path(tempfile.mkdtemp(prefix="factlint-archive-"))
    if limit:  # a stated subset: the first records of the first shard
        subset = scratch / "subset.jsonl.gz"
        with gzip.open(paths[0], "rb") as source, gzip.open(subset, "wb") as target:
            target.writelines(line for _, line in zip(range(limit), source))
        paths = [subset]
    records = sum(1 for path in paths for _ in gzip.open(path, "rb"))
    megabytes = sum(len(line) for path in paths for line in gzip.open(path, "rb")) / 1e6
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(scratch / "cache"), "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    sys.path.insert(0, str(REPO / "bench"))
    from run import generate_facts  # bench/run.py: the same 10,000 generated entities as its benchmark

    (scratch / "generated.yaml").write_text(generate_facts(10_000), encoding="utf-8")
    facts = ["--facts", str(REPO / "tests/data/bbc/facts.yaml"), "--facts", str(scratch / "generated.yaml")]
    check = [sys.executable, "-m", "linter", "check", *map(str, paths), *facts, "--format", "json"]
    figures: dict = {"records": records, "megabytes": megabytes, "workers": workers, "shards": shards}
    local_s, local_out = _timed([*check, "--no-cache"], env)
    figures["local"] = {"wall_s": local_s, "docs_per_s": records / local_s}
    first_s, cached_out = _timed(check, env)  # fills the result cache
    again_s, again_out = _timed(check, env)  # every result from the cache: the client's serial work
    figures["cache"] = {"first_s": first_s, "second_s": again_s, "speedup": first_s / again_s, "serial_docs_per_s": records / again_s}
    cluster = LocalCluster(workers, scratch)
    try:
        for mode in ("scatter", "cache"):  # no result cache for the first; a fresh one for the second
            command = [*check, "--scheduler", cluster.address, "--cluster-facts", mode]
            wall, output = _timed([*command, "--no-cache"] if mode == "scatter" else command, {**env, "FACTLINT_CACHE_DIR": str(scratch / "cache-2")})
            assert output == local_out, f"cluster output ({mode}) differs from the local run"
            figures[f"cluster_{mode}"] = {"wall_s": wall, "docs_per_s": records / wall, "per_worker_docs_per_s": records / wall / workers}
            print(json.dumps(figures), flush=True)
        figures["facts_to_workers"] = [_scatter_cost(cluster.address, size, scratch) for size in (10_000, 100_000)]
    finally:
        cluster.stop()
    assert cached_out == again_out == local_out, "cached output differs from the local run"
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("generate", "run"))
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "factlint-archive")
    parser.add_argument("--shards", type=int, default=1, help="shards to check (50,000 records each)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, help="check only the first LIMIT records of the first shard")
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    if options.action == "generate":
        started = time.perf_counter()
        shards = generate(options.articles, options.out)
        size = sum(p.stat().st_size for p in shards) / 1e6
        print(f"{options.articles} articles in {len(shards)} shards ({size:.0f} MB gzip'd) in {options.out}, {time.perf_counter() - started:.0f} s")
        return
    figures = run(options.out, options.shards, options.workers, options.limit)
    print(json.dumps(figures, indent=2))
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
