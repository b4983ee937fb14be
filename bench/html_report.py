"""HTML report benchmark: page size, time to write it, and time for Chromium to open it.

    python bench/html_report.py [--runs 3]

Two runs over the 1,333 BBC articles (../shared/corpus/bbc):

- ``development facts``: the built-in rules with tests/data/bbc/facts.yaml, the real
  case (the corpus is clean, so a few findings);
- ``every document``: the same plus a rule pack that flags every "said" (info) and
  every "government" (warning), so nearly every document has findings.

For each: findings, documents with and without findings in the page, page size, median wall time of
``factlint check --format html --output``, and, in headless Chromium (Debian's,
driven by Playwright as in tests/browser.py), the median time from navigation to
DOMContentLoaded and to the load event, and the time to open one collapsed
document by following a link to its first span.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
DEV_FACTS = REPO / "tests" / "data" / "bbc" / "facts.yaml"
WINDOW = "2004-01-01..2005-12-31"
STRESS_RULES = """\
rules:
  - id: bench-said
    kind: pattern
    severity: info
    pattern: '\\bsaid\\b'
    message: "A 'said' (a benchmark rule that fires in nearly every article)."
    description: Benchmark only.
    examples: {flag: [He said so.], pass: [He says so.]}
  - id: bench-government
    kind: pattern
    severity: warning
    pattern: '\\bgovernment\\b'
    message: "A 'government' (a benchmark rule)."
    description: Benchmark only.
    examples: {flag: [The government fell.], pass: [The minister fell.]}
"""


def write_report(target: Path, extra: list[str], runs: int) -> float:
    """Median wall seconds of writing the report (start-up and cached fact loading included)."""
    command = [sys.executable, "-m", "linter", "check", str(CORPUS), "--facts", str(DEV_FACTS), "--date", WINDOW,
               "--format", "html", "--output", str(target), *extra]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        times.append(time.perf_counter() - started)
        if result.returncode not in (0, 1):
            sys.exit(f"factlint failed ({result.returncode}): {result.stderr}")
    return statistics.median(times)


def open_in_browser(target: Path, runs: int) -> dict[str, float]:
    sys.path.insert(0, str(REPO / "tests"))
    from browser import chromium, unavailable_reason

    reason = unavailable_reason()
    if reason:
        print(f"  (no browser timings: {reason})")
        return {}
    loaded, ready, opened = [], [], []
    with chromium() as browser:
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(target.as_uri(), wait_until="load")
            timing = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; "
                                   "return [n.domContentLoadedEventEnd, n.loadEventEnd]; })()")
            ready.append(timing[0] / 1000)
            loaded.append(timing[1] / 1000)
            last = page.locator('li[id^="l"] a.where').last
            if last.count():
                started = time.perf_counter()
                last.click()
                page.wait_for_function("() => document.querySelector('details.document[open] mark.current') !== null")
                opened.append(time.perf_counter() - started)
            page.close()
    figures = {"DOMContentLoaded s": statistics.median(ready), "load s": statistics.median(loaded)}
    if opened:
        figures["open a document s"] = statistics.median(opened)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"the corpus is not at {CORPUS}")
    with tempfile.TemporaryDirectory() as scratch:
        rules = Path(scratch) / "stress.yaml"
        rules.write_text(STRESS_RULES, encoding="utf-8")
        cases = {"development facts": [], "every document": ["--rules", str(rules)]}
        for name, extra in cases.items():
            target = Path(scratch) / f"{name.replace(' ', '-')}.html"
            seconds = write_report(target, extra, arguments.runs)
            page = target.read_text(encoding="utf-8")
            findings = page.count('<div class="note ')
            marked, clean = page.count('<details class="document" id="d'), page.count('<details class="document" id="c')
            print(f"{name}:")
            print(f"  findings {findings:,}; documents with findings {marked:,}, without {clean:,} (all collapsed)")
            print(f"  page {target.stat().st_size / 1e6:.2f} MB, written in {seconds:.2f} s (median of {arguments.runs})")
            for label, value in open_in_browser(target, arguments.runs).items():
                print(f"  {label}: {value:.3f}")


if __name__ == "__main__":
    main()
