"""The progress bar appears only for long runs on a terminal, never in pipes or CI."""

from __future__ import annotations

import io

from linter.report.progress import MIN_FILES, Progress, wanted


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_only_on_a_terminal_outside_ci_for_long_runs(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert wanted(MIN_FILES, quiet=False, stream=Terminal())
    assert not wanted(MIN_FILES, quiet=False, stream=io.StringIO())  # a pipe
    assert not wanted(MIN_FILES - 1, quiet=False, stream=Terminal())
    assert not wanted(MIN_FILES, quiet=True, stream=Terminal())
    monkeypatch.setenv("CI", "true")
    assert not wanted(MIN_FILES, quiet=False, stream=Terminal())


def test_the_bar_counts_and_clears_its_line():
    stream = Terminal()
    bar = Progress(4, stream, width=8)
    bar.advance()
    bar.advance(3)
    bar.close()
    assert "\r[##......] 1/4 files" in stream.getvalue() and "\r[########] 4/4 files" in stream.getvalue()
    assert stream.getvalue().endswith("\r")


def test_no_progress_in_a_pipe(tmp_path):
    from conftest import run_cli

    for index in range(MIN_FILES):
        (tmp_path / f"d{index}.md").write_text("Fine.\n")
    result = run_cli("check", ".", cwd=tmp_path, env={"CI": ""})
    assert "files" not in result.stderr and "\r" not in result.stderr
