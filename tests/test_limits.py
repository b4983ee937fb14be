"""Resource limits a user can rely on: the time limit per document, memory in proportion to a
document's size, and --fix rechecking only what it changed.

Peak resident memory per document size is measured in bench/limits.py (docs/security.md); here
the memory Python allocates while checking one document is held to the documented constant.
"""

from __future__ import annotations

import signal
import tracemalloc

import pytest
from typer.testing import CliRunner

from linter import runner
from linter.cli import app

from conftest import REPO, run_cli

SLOW_PACK = """\
rules:
  - {id: slow, kind: pattern, severity: info, message: m, description: d, pattern: '(a+)+$', examples: {flag: [], pass: []}}
"""


@pytest.fixture
def slow_and_small(tmp_path):
    """A document on which a rule backtracks catastrophically (5 s, its regex timeout, on any
    machine), and a small one with one finding."""
    (tmp_path / "slow.yaml").write_text(SLOW_PACK, encoding="utf-8")
    (tmp_path / "big.md").write_text("a" * 5000 + "!\n", encoding="utf-8")
    (tmp_path / "small.md").write_text("The goverment fell.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])  # in this process, and in worker processes
def test_a_document_over_the_time_limit_is_not_checked_and_the_others_are(slow_and_small, jobs):
    options = ["--rules", "slow.yaml", "--timeout-per-document", "0.5", "--jobs", jobs, "-q"]
    result = run_cli("check", "big.md", "small.md", *options, cwd=slow_and_small)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        "big.md: not checked: took longer than the time limit of 0.5 s per document "
        "(--timeout-per-document, or 'timeout_per_document' in the config)\n"
    )
    assert result.stdout.startswith("small.md:1:5: warning [misspelling]") and "big.md" not in result.stdout


@pytest.mark.parametrize("seconds", ["nan", "-1", "soon"])
def test_a_time_limit_that_is_not_seconds_is_a_usage_error(tmp_path, seconds):
    result = run_cli("check", "x.md", "--timeout-per-document", seconds, cwd=tmp_path)
    assert result.returncode == 2 and "timeout-per-document" in result.stderr and "internal error" not in result.stderr


def test_the_time_limit_comes_from_the_config_and_is_validated(slow_and_small):
    (slow_and_small / "factlint.yaml").write_text("timeout_per_document: 0.5\n")
    result = run_cli("check", "big.md", "small.md", "--rules", "slow.yaml", "-q", cwd=slow_and_small)
    assert result.returncode == 2 and "big.md: not checked: took longer than the time limit of 0.5 s" in result.stderr
    (slow_and_small / "factlint.yaml").write_text("timeout_per_document: soon\n")
    result = run_cli("check", "small.md", cwd=slow_and_small)
    assert result.returncode == 2
    assert result.stderr.endswith("/factlint.yaml:1:23: timeout_per_document must be a number of seconds (0: no limit)\n")


@pytest.mark.parametrize("seconds", ["30", "1e300"])  # a limit longer than the timer can hold is no limit
def test_the_timer_is_disarmed_after_every_document(tmp_path, monkeypatch, seconds):
    (tmp_path / "a.md").write_text("The goverment fell.\n")
    (tmp_path / "b.md").write_text("Fine.\n")
    monkeypatch.chdir(tmp_path)
    before = signal.getsignal(signal.SIGALRM)
    result = CliRunner().invoke(app, ["check", "a.md", "b.md", "--timeout-per-document", seconds])
    assert result.exit_code == 0 and "a.md:1:5: warning [misspelling]" in result.output, result.output
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) is before


def test_fix_rechecks_only_the_files_it_changed(tmp_path, monkeypatch):
    (tmp_path / "fixed.md").write_text("The goverment fell.\n")
    (tmp_path / "untouched.md").write_text("It was a a mistake.\n")  # a finding with no fix
    checked: list[str] = []
    check_document = runner._check_document

    def spy(path, settings, lexicon):
        checked.append(str(path))  # a file already read (linter/source/units.py) is named by its path
        return check_document(path, settings, lexicon)

    monkeypatch.setattr(runner, "_check_document", spy)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "fixed.md", "untouched.md", "--fix", "-q"])
    assert sorted(checked) == ["fixed.md", "fixed.md", "untouched.md"]
    assert (tmp_path / "fixed.md").read_text() == "The government fell.\n"
    assert result.exit_code == 0 and result.stdout.startswith("untouched.md:1:8: warning [repeated-word]"), result.output
    assert "fixed.md:" not in result.stdout


def test_an_endless_fact_file_is_refused_at_the_size_limit(tmp_path):
    """/dev/zero has no size to check beforehand; reading stops after the limit (and the fact
    cache, which reads the bytes to key them, stops there too)."""
    (tmp_path / "d.md").write_text("Fine.\n")
    result = run_cli("check", "d.md", "--facts", "/dev/zero", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr == "/dev/zero: too large to load (the limit is 64 MiB): split it into several files\n"


def test_a_document_is_checked_in_under_20_times_its_size(tmp_path, monkeypatch):
    """What checking one document allocates at its peak (tracemalloc: the same on every machine,
    unlike resident memory), over the document's size in bytes. The seed article's curly quotes
    make Python store its text at 2 bytes a character, the costlier case; a misspelling per
    article gives findings to keep. About 16x here; before issue 12, 67x."""
    article = (REPO / "seeds" / "coalition-of-the-willing.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    piece = article.replace("\n", "\n\n") + "\nThe goverment said so.\n\n"
    path = tmp_path / "long.md"
    path.write_text("---\ndate: 2025-06-01\n---\n" + piece * (512 * 1024 // len(piece.encode("utf-8"))), encoding="utf-8")
    peaks = []
    check_document = runner._check_document

    def measured(path, settings, lexicon):
        tracemalloc.start()
        try:
            return check_document(path, settings, lexicon)
        finally:
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()

    monkeypatch.setattr(runner, "_check_document", measured)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "long.md", "--facts", str(REPO / "seeds" / "facts.yaml"), "--no-cache", "-q"])
    assert result.exit_code == 1 and result.output.count("[misspelling]") > 90, result.output[-300:]
    [peak] = peaks
    assert peak < 20 * path.stat().st_size, f"{peak / path.stat().st_size:.1f} times the document's size"
