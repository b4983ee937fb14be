"""Resource limits: peak memory per document size, --fix on a large document, the time limit, refusals.

    python bench/limits.py [--sizes 1,5,20] [--json FILE]

Each measurement runs ``factlint check`` in a fresh child process and reads that child's peak
resident memory (``getrusage(RUSAGE_CHILDREN).ru_maxrss`` in a wrapper process of its own, so
measurements never mix). Documents are Markdown made of articles repeated up to the size, with
a misspelling per article so that ``--fix`` has work, from two sources: the BBC corpus
(../shared/corpus/bbc, skipped when absent; 3 MB of mostly ASCII news, 1 byte a character in
memory) and the seed article (its curly quotes make Python store it at 2 bytes a character).
Reported per source and size: wall time, peak RSS, peak RSS / size, and (peak RSS - an empty
document's) / size, the memory the document itself costs. Then ``--fix`` on the largest
document, a check with ``--timeout-per-document 1`` on it (how soon an over-long document is
abandoned), and how fast a 100 MB fact file is refused.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
SEED = REPO / "seeds" / "coalition-of-the-willing.md"
FACTS = REPO / "seeds" / "facts.yaml"
MB = 1024 * 1024

_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, code)
"""


def sources() -> dict[str, list[str]]:
    """Articles to build documents from, by source."""
    found = {"seed article": [SEED.read_text(encoding="utf-8").split("---\n", 2)[2]]}
    if CORPUS.is_dir():
        found["BBC corpus"] = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.rglob("*.txt"))]
    return found


def write_document(path: Path, size: int, texts: list[str]) -> int:
    """A Markdown document of about ``size`` bytes; returns its exact size."""
    written = 0
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("---\ndate: 2005-06-01\n---\n")
        while written < size:
            for text in texts:
                piece = text.replace("\n", "\n\n") + "\nThe goverment said so.\n\n"
                handle.write(piece)
                written += len(piece.encode("utf-8"))
                if written >= size:
                    break
    return path.stat().st_size


def measure(*args: str, cwd: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in bytes and exit code of ``factlint`` with ``args``, in a fresh process."""
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "linter", *args]
    seconds, peak, code = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True).stdout.split()
    return float(seconds), int(peak), int(code)


def refusal_seconds(path: Path) -> float:
    """How long reading a fact file over the size limit takes to fail."""
    from linter.errors import UserError
    from linter.yamlio import read_yaml_file

    started = time.perf_counter()
    try:
        read_yaml_file(str(path))
    except UserError:
        return time.perf_counter() - started
    raise AssertionError(f"{path} was not refused")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,20", help="document sizes in MB")
    parser.add_argument("--json", help="also write the figures to this file")
    options = parser.parse_args()
    figures: dict = {"documents": []}
    check = ["check", "--facts", str(FACTS), "--no-cache", "--timeout-per-document", "0"]
    with tempfile.TemporaryDirectory(prefix="factlint-limits-") as scratch:
        folder = Path(scratch)
        (folder / "empty.md").write_text("\n")
        _, baseline, _ = measure(*check, "empty.md", cwd=folder)
        figures["baseline_mb"] = baseline / MB
        print(f"empty document: peak {baseline / MB:.0f} MB (interpreter, rules, facts)")
        print(f"{'source':<13} {'size MB':>8} {'wall s':>7} {'peak MB':>8} {'peak/size':>10} {'(peak-empty)/size':>18}")
        for source, texts in sources().items():
            for megabytes in (float(size) for size in options.sizes.split(",")):
                path = folder / f"doc-{megabytes:g}mb.md"
                size = write_document(path, int(megabytes * MB), texts)
                seconds, peak, _ = measure(*check, path.name, cwd=folder)
                row = {
                    "source": source, "size_mb": size / MB, "wall_s": seconds, "peak_mb": peak / MB,
                    "ratio": peak / size, "marginal_ratio": (peak - baseline) / size,
                }
                figures["documents"].append(row)
                print(
                    f"{source:<13} {row['size_mb']:>8.1f} {seconds:>7.1f} {row['peak_mb']:>8.0f} {row['ratio']:>9.1f}x"
                    f" {row['marginal_ratio']:>17.1f}x"
                )
                largest = path  # the last source's largest document is used below
        seconds, peak, code = measure(*check, largest.name, "--fix", cwd=folder)
        figures["fix"] = {"wall_s": seconds, "peak_mb": peak / MB, "exit": code}
        print(f"--fix on {largest.name}: {seconds:.1f} s, peak {peak / MB:.0f} MB, exit {code}")
        seconds, _, code = measure(*check[:-1], "1", largest.name, cwd=folder)
        figures["time_limit_1s"] = {"wall_s": seconds, "exit": code}
        print(f"--timeout-per-document 1 on {largest.name}: abandoned, run over in {seconds:.1f} s, exit {code}")
        huge = folder / "huge.yaml"
        with open(huge, "wb") as handle:
            handle.truncate(100 * MB)  # sparse: 100 MB on paper
        figures["refuse_100mb_fact_file_s"] = refusal_seconds(huge)
        print(f"a 100 MB fact file refused in {figures['refuse_100mb_fact_file_s'] * 1000:.2f} ms")
    if options.json:
        Path(options.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
