"""Start-up of the command line on one 2,000-word draft (the pre-commit case).

    python bench/startup.py [--runs 21] [--draft corpus|seed] [--top 10] [--no-bytecode] [--against DIR...] [--instructions]

Runs ``python -m linter check DRAFT --facts seeds/facts.yaml`` --runs times (after one untimed
run that fills the fact cache, the compiled-regex store and the bytecode cache) and prints the
wall time and the CPU time (user + system, of the process) as median and range, beside ``python
-c pass``. The draft is edited before each run, as a pre-commit hook meets it, so its findings
never come from the result cache. Then runs it
under ``python -X importtime`` (5 times) and prints the time spent importing, by package: the
self time of its modules summed, the fastest of the 5 runs for each module, since a shared
machine only ever adds time.

``--against DIR...`` also measures the ``linter`` package found in each DIR (a commit's, from
``git archive COMMIT linter rules | tar -x -C DIR``), alternating with this checkout run by run,
so that all meet the same load. Compare directories on the same file system: without bytecode,
reading the sources is part of the time. Bytecode is cached in a scratch directory
(``PYTHONPYCACHEPREFIX``), as it is after ``pip install`` of a wheel; ``--no-bytecode`` compiles
factlint's own modules from source on every run, as an editable install does where
``PYTHONDONTWRITEBYTECODE`` is set.
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
IMPORT_RUNS = 5


def timed(command: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    """Wall and CPU seconds of one run of the command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, status, usage = os.wait4(process.pid, 0)  # waits as Popen.wait does, and says what the child used
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def import_times(command: list[str], env: dict[str, str], cwd: str) -> dict[str, float]:
    """Seconds spent importing each package (factlint's own by subpackage: linter.report, ...)."""
    fastest: dict[str, int] = {}
    for _ in range(IMPORT_RUNS):
        stderr = subprocess.run(
            [sys.executable, "-X", "importtime", *command[1:]], capture_output=True, text=True, env=env, cwd=cwd
        ).stderr
        for line in stderr.splitlines():
            if line.startswith("import time:") and "cumulative" not in line:
                own, _, name = line[len("import time:"):].split("|")
                fastest[name.strip()] = min(fastest.get(name.strip(), 1 << 60), int(own))
    by_package: dict[str, float] = {}
    for module, us in fastest.items():
        parts = module.split(".")
        package = ".".join(parts[:2]) if parts[0] == "linter" and len(parts) > 1 else parts[0]
        by_package[package] = by_package.get(package, 0) + us / 1e6
    return by_package


def instructions(command: list[str], env: dict[str, str], cwd: str) -> int | None:
    """Instructions executed by one run, counted by callgrind (None without valgrind)."""
    try:
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
            capture_output=True, text=True, env={**env, "PYTHONHASHSEED": "0"}, cwd=cwd,
        )
    except FileNotFoundError:
        return None
    counted = [line.rsplit(":", 1)[1] for line in run.stderr.splitlines() if "Collected :" in line]
    return int(counted[0]) if counted else None


def describe(label: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    return f"{label} median {statistics.median(ms):.0f} ms (range {ms[0]:.0f}-{ms[-1]:.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--draft", choices=("corpus", "seed"), default="corpus")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--no-bytecode", action="store_true", help="compile factlint's modules from source on every run")
    parser.add_argument("--instructions", action="store_true", help="count the instructions of one run with valgrind")
    parser.add_argument("--against", type=Path, nargs="+", default=[], help="directories holding other linter packages, measured in turn with this one")
    arguments = parser.parse_args()
    text = corpus_draft() if arguments.draft == "corpus" else seed_draft()
    if text is None:
        sys.exit("the corpus draft needs ../shared/corpus/bbc; use --draft seed")
    with tempfile.TemporaryDirectory(prefix="factlint-startup-") as work:
        draft = Path(work) / "draft.md"
        draft.write_text(text, encoding="utf-8")
        base = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "PYTHONPATH")}
        if arguments.no_bytecode:  # factlint's modules from source; the rest as installed, with its bytecode
            base["PYTHONDONTWRITEBYTECODE"] = "1"
            if any(REPO.glob("linter/**/__pycache__")):
                sys.exit("--no-bytecode: linter/ holds __pycache__ directories; delete them first")
        sources = {"this checkout": None, **{str(directory): directory.resolve() for directory in arguments.against}}
        envs = {}
        for index, (name, directory) in enumerate(sources.items()):
            env = dict(base)
            if not arguments.no_bytecode:  # every module's bytecode in a scratch directory, written by the first run
                env["PYTHONPYCACHEPREFIX"] = str(Path(work) / f"bytecode-{index}")
            if directory is not None:
                env["PYTHONPATH"] = str(directory)
            envs[name] = env
        check = [*FACTLINT, "check", str(draft), "--facts", str(SEED_FACTS)]
        for env in envs.values():
            subprocess.run(check, capture_output=True, env=env, cwd=work)  # fills the fact cache (and bytecode), as later runs find them
        # Every run starts in the scratch directory: 'python -m' puts the working directory first on the
        # path, and in the repository that would be this checkout's linter, whatever PYTHONPATH says.
        python = [timed([sys.executable, "-c", "pass"], base, work) for _ in range(arguments.runs)]
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in envs}
        for run in range(arguments.runs):
            order = list(envs.items())
            for name, env in order if run % 2 else reversed(order):  # in turn, each first every other time: the same load
                draft.write_text(f"{text}\n\nEdit {run} of {name}.\n", encoding="utf-8")  # not in the result cache
                runs[name].append(timed(check, env, work))
        print(f"{arguments.draft} draft ({len(text.split())} words), bytecode {'not ' if arguments.no_bytecode else ''}cached, {arguments.runs} runs each")
        print(f"python -c pass: {describe('wall', [w for w, _ in python])}, {describe('CPU', [c for _, c in python])}")
        for name, env in envs.items():
            print(f"\n{name}: factlint check: {describe('wall', [w for w, _ in runs[name]])}, {describe('CPU', [c for _, c in runs[name]])}")
            packages = import_times(check, env, work)
            own = sum(seconds for package, seconds in packages.items() if package.split(".")[0] == "linter")
            print(f"  imports (-X importtime, fastest of {IMPORT_RUNS} per module): {sum(packages.values()) * 1000:.0f} ms in all, "
                  f"factlint's own {own * 1000:.0f} ms; the costliest:")
            for package, seconds in sorted(packages.items(), key=lambda item: -item[1])[: arguments.top]:
                print(f"    {seconds * 1000:6.1f} ms  {package}")
            if arguments.instructions:
                draft.write_text(f"{text}\n\nCounted with {name}.\n", encoding="utf-8")
                count = instructions(check, env, work)
                print(f"  instructions (callgrind, one run): {count / 1e6:.1f} million" if count else "  instructions: valgrind not found")


if __name__ == "__main__":
    main()
