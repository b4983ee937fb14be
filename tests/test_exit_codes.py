"""Exit codes are the truth: a matrix over formats, fail levels, --quiet, --output, baselines and suppressions."""

from __future__ import annotations

import itertools
import os

import pytest
from typer.testing import CliRunner

from linter.cli import app

from conftest import REPO

FACTS = str(REPO / "seeds" / "facts.yaml")
SCENARIOS = {
    # name: (files, highest severity found, could every file be checked?)
    "clean": ({"a.md": "Fine prose.\n"}, None, True),
    "warning": ({"a.md": "The goverment fell.\n"}, "warning", True),
    "error": ({"a.md": "UK Prime Minister Rishi Sunak spoke.\n"}, "error", True),
    "unreadable-and-clean": ({"a.md": "Fine prose.\n", "b.md": b"\xff"}, None, False),
    "unreadable-and-error": ({"a.md": "UK Prime Minister Rishi Sunak spoke.\n", "b.md": b"\x00binary"}, "error", False),
}
RANK = {None: 0, "info": 1, "warning": 2, "error": 3}


def expected(highest: str | None, checked_all: bool, fail_on: str) -> int:
    if not checked_all:
        return 2  # 2 wins: a run that could not check something never exits 0 (nor 1)
    if fail_on == "never":
        return 0
    return 1 if RANK[highest] >= RANK[fail_on] else 0


def write(folder, files):
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content)


@pytest.mark.parametrize(
    ("scenario", "output_format", "fail_on", "quiet", "to_file"),
    list(itertools.product(SCENARIOS, ["text", "json", "sarif", "github", "junit"], ["error", "warning", "info", "never"], [False, True], [False, True])),
)
def test_exit_code_matrix(tmp_path, monkeypatch, scenario, output_format, fail_on, quiet, to_file):
    files, highest, checked_all = SCENARIOS[scenario]
    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    args = ["check", *files, "--facts", FACTS, "--date", "2025-06-01", "--format", output_format, "--fail-on", fail_on, "--no-cache"]
    args += ["--quiet"] if quiet else []
    args += ["--output", "report.out"] if to_file else []
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == expected(highest, checked_all, fail_on), result.output
    if to_file:
        assert os.path.exists("report.out")


@pytest.mark.parametrize("scenario", ["warning", "error", "unreadable-and-error"])
def test_a_baseline_of_everything_leaves_only_what_could_not_be_checked(tmp_path, monkeypatch, scenario):
    files, _, checked_all = SCENARIOS[scenario]
    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    common = ["check", *files, "--facts", FACTS, "--date", "2025-06-01", "--no-cache", "--fail-on", "info"]
    recorded = CliRunner().invoke(app, [*common, "--write-baseline", "base.json"], catch_exceptions=False)
    assert recorded.exit_code == (0 if checked_all else 2)
    again = CliRunner().invoke(app, [*common, "--baseline", "base.json"], catch_exceptions=False)
    assert again.exit_code == (0 if checked_all else 2)


def test_a_suppressed_error_exits_zero_and_an_unused_suppression_is_a_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("<!-- factlint-disable-next-line office-holder -->\nUK Prime Minister Rishi Sunak spoke.\n")
    common = ["check", "a.md", "--facts", FACTS, "--date", "2025-06-01", "--no-cache"]
    assert CliRunner().invoke(app, common, catch_exceptions=False).exit_code == 0
    (tmp_path / "a.md").write_text("<!-- factlint-disable-next-line office-holder -->\nFine.\n")
    assert CliRunner().invoke(app, common, catch_exceptions=False).exit_code == 0
    assert CliRunner().invoke(app, [*common, "--fail-on", "warning"], catch_exceptions=False).exit_code == 1
