"""Golden output: every format's report of one small fixed check, compared byte for byte.

The check is ``factlint check drafts --date 2025-06-01 --output-format FORMAT``, run from
tests/golden/input/ (its factlint.yaml gives the facts and makes repeated-word an info), so the
paths are relative and the same on every machine. Any change to what a report says or how it is
laid out, a rule's message, a summary line, a JSON key, shows here as a diff in review.

After an intended change, write the snapshots again and review the diff:

    FACTLINT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py

The HTML page inlines its style and script and a Content-Security-Policy of their hashes, which
change with any edit to them (tests/test_html*.py test those); its <main> element, which holds
everything the report says, is the snapshot.
"""

from __future__ import annotations

import os

import pytest

from conftest import REPO, invoke

GOLDEN = REPO / "tests" / "golden"
FORMATS = ["text", "concise", "json", "sarif", "github", "junit", "html"]


def _snapshot(output_format: str, report: str) -> str:
    if output_format == "html":
        return report[report.index("<main>") : report.index("</main>") + len("</main>")] + "\n"
    return report


@pytest.mark.parametrize("output_format", FORMATS)
def test_report_matches_its_golden_file(monkeypatch, output_format):
    monkeypatch.chdir(GOLDEN / "input")
    result = invoke("check", "drafts", "--date", "2025-06-01", "--no-cache", "--output-format", output_format)
    assert result.exit_code == 2  # drafts/broken.md is not UTF-8: every format reports it
    actual = _snapshot(output_format, result.stdout).encode("utf-8")
    golden = GOLDEN / f"report.{output_format}"
    if os.environ.get("FACTLINT_UPDATE_GOLDEN") == "1":
        golden.write_bytes(actual)
    assert actual == golden.read_bytes(), f"{golden.name} differs; if the change is intended, see this file's docstring"


def test_every_format_has_a_golden_file():
    from linter.report import FORMATS as ALL

    assert sorted(FORMATS) == sorted(ALL) and sorted(p.name for p in GOLDEN.glob("report.*")) == sorted(f"report.{f}" for f in FORMATS)
