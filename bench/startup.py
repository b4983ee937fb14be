"""Start-up of the command line on one 2,000-word draft (the pre-commit case).

    python bench/startup.py [--runs 15] [--draft corpus|seed] [--top 12] [--no-bytecode] [--source DIR]

Runs ``python -m linter check DRAFT --facts seeds/facts.yaml`` --runs times (after one
untimed run that fills the fact cache and the bytecode cache) and prints the wall time's
median and range, beside ``python -c pass`` and ``factlint --version``. Bytecode is cached in a
scratch directory (``PYTHONPYCACHEPREFIX``), as it is after ``pip install`` of a wheel;
``--no-bytecode`` compiles factlint's own modules from source on every run, as an editable
install does where ``PYTHONDONTWRITEBYTECODE`` is set. ``--source DIR`` runs the ``linter`` package found in
DIR instead (e.g. an earlier commit's, from ``git archive COMMIT linter rules | tar -x -C DIR``). Then runs it once under ``python -X importtime``
and prints the total time spent importing and the packages that cost most (the self time of
their modules, summed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from draft import REPO, SEED_FACTS, corpus_draft, seed_draft

FACTLINT = [sys.executable, "-m", "linter"]


def wall_times(command: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - start)
    return times


def import_times(command: list[str], env: dict[str, str]) -> tuple[float, list[tuple[int, str]]]:
    """Total import time in seconds, and the time (µs) of each package: the self time of its
    modules, summed; factlint's own modules grouped by subpackage (linter.report, ...)."""
    stderr = subprocess.run([sys.executable, "-X", "importtime", *command[1:]], capture_output=True, text=True, env=env).stderr
    by_package: dict[str, int] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, _, name = line[len("import time:"):].split("|")
        parts = name.strip().split(".")
        package = ".".join(parts[:2]) if parts[0] == "linter" and len(parts) > 1 else parts[0]
        by_package[package] = by_package.get(package, 0) + int(own)
    return sum(by_package.values()) / 1e6, sorted(((us, name) for name, us in by_package.items()), reverse=True)


def describe(label: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    return f"{label}: median {statistics.median(ms):.0f} ms, range {ms[0]:.0f}-{ms[-1]:.0f} ms over {len(ms)} runs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--draft", choices=("corpus", "seed"), default="corpus")
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--no-bytecode", action="store_true", help="compile factlint's modules from source on every run")
    parser.add_argument("--source", type=Path, help="a directory holding the linter package to measure")
    arguments = parser.parse_args()
    text = corpus_draft() if arguments.draft == "corpus" else seed_draft()
    if text is None:
        sys.exit("the corpus draft needs ../shared/corpus/bbc; use --draft seed")
    with tempfile.TemporaryDirectory(prefix="factlint-startup-") as work:
        draft = Path(work) / "draft.md"
        draft.write_text(text, encoding="utf-8")
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
        if arguments.no_bytecode:  # factlint's modules from source; the rest as installed, with its bytecode
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            if not arguments.source and any(REPO.glob("linter/**/__pycache__")):
                sys.exit("--no-bytecode: linter/ holds __pycache__ directories; delete them first")
        else:  # every module's bytecode in a scratch directory, written by the first run
            env["PYTHONPYCACHEPREFIX"] = str(Path(work) / "bytecode")
        if arguments.source:
            env["PYTHONPATH"] = str(arguments.source.resolve())
        check = [*FACTLINT, "check", str(draft), "--facts", str(SEED_FACTS)]
        subprocess.run(check, capture_output=True, env=env)  # fills the fact cache (and bytecode), as later runs find them
        print(f"measuring {arguments.source or 'this checkout'}, bytecode {'not ' if arguments.no_bytecode else ''}cached")
        print(describe("python -c pass", wall_times([sys.executable, "-c", "pass"], arguments.runs, env)))
        print(describe("factlint --version", wall_times([*FACTLINT, "--version"], arguments.runs, env)))
        print(describe(f"factlint check ({arguments.draft} draft, {len(text.split())} words)", wall_times(check, arguments.runs, env)))
        total, top = import_times(check, env)
        print(f"\nimports (python -X importtime, one run): {total * 1000:.0f} ms in all; the costliest:")
        for us, name in top[: arguments.top]:
            print(f"  {us / 1000:7.1f} ms  {name}")


if __name__ == "__main__":
    main()
