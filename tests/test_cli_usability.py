"""The command line as Ruff and Vale users expect it (issue 13): -h, a default path, option names,
concise output, fixable findings marked and counted."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, invoke

FACTS = str(REPO / "seeds" / "facts.yaml")
DRAFT = "The goverment fell. It was a a mistake.\n\nUK Prime Minister Rishi Sunak spoke.\n"  # safe fix, none, unsafe fix
HIDDEN = "(1 hidden fix can be enabled with the `--unsafe-fixes` option)"


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path / "d.md"


def check(*options: str):
    return invoke("check", "d.md", "--facts", FACTS, "--date", "2025-06-01", "--no-cache", *options)


@pytest.mark.parametrize("command", [[], ["check"], ["rules"], ["explain"], ["test"], ["validate"], ["schema"]])
def test_dash_h_is_help_everywhere(command):
    short, long = invoke(*command, "-h"), invoke(*command, "--help")
    assert short.exit_code == 0 and short.stdout == long.stdout and "Usage: factlint" in short.stdout


def test_check_without_a_path_checks_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("The goverment fell.\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("The goverment fell.\n")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--output-format", "json")
    assert sorted(f["path"] for f in json.loads(result.stdout)["findings"]) == ["./a.md", "./sub/b.txt"]
    assert result.stdout == invoke("check", ".", "--output-format", "json").stdout


def test_output_format_and_its_alias_format(draft):
    assert check("--output-format", "json").stdout == check("--format", "json").stdout == check("--output-format", "JSON").stdout
    assert json.loads(check("--format", "json").stdout)["summary"]["findings"] == 3


@pytest.mark.parametrize("name", ["JSON", "sarif", "Html"])
def test_output_given_a_format_name_is_refused_with_a_hint(draft, name):
    result = check("--output", name)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"factlint: error: --output {name}: did you mean --output-format {name.lower()}? To write a file named {name}, use ./{name}\n"
    )
    assert sorted(p.name for p in draft.parent.iterdir()) == ["d.md"]
    assert check("--output", f"./{name}").exit_code == 1 and (draft.parent / name).read_text().startswith("d.md:1:5:")


def test_usage_errors_are_one_line(draft):
    result = check("--output-format", "xml")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("factlint: error: Invalid value for '--output-format' / '--format': 'xml' is not one of 'text', 'concise'")
    assert result.stderr.endswith(" (try 'factlint check -h')\n") and result.stderr.count("\n") == 1


def test_concise_is_one_line_per_finding_then_the_summary(draft):
    assert check("--output-format", "concise").stdout.splitlines() == [
        "d.md:1:5: warning [misspelling] [*] Write \"government\", not \"goverment\".",
        "d.md:1:28: warning [repeated-word] The word \"a\" is written twice.",
        "d.md:3:1: error [office-holder] Rishi Sunak was not Prime Minister of the United Kingdom on 1 June 2025: it was held by "
        "Keir Starmer (from 5 July 2024); Rishi Sunak held it from 25 October 2022 to 5 July 2024.",
        "Found 1 error, 2 warnings in 1 file.",
        f"[*] 1 fixable with the `--fix` option {HIDDEN}.",
    ]
    assert check("--output-format", "concise", "--quiet").stdout.count("\n") == 3


@pytest.mark.parametrize("output_format", ["text", "concise"])
def test_fixable_findings_are_marked_and_counted_as_ruff_does(draft, output_format):
    def marked_and_summary(*options: str) -> tuple[list[str], str]:
        lines = check("--output-format", output_format, *options).stdout.splitlines()
        return [line.split(" ")[2] for line in lines if line.startswith("d.md:") and "[*]" in line], lines[-1]

    assert marked_and_summary() == (["[misspelling]"], f"[*] 1 fixable with the `--fix` option {HIDDEN}.")
    assert marked_and_summary("--unsafe-fixes") == (["[misspelling]", "[office-holder]"], "[*] 2 fixable with the `--fix` option.")
    assert marked_and_summary("--ignore", "misspelling") == ([], f"No fixes available {HIDDEN}.")
    assert marked_and_summary("--select", "repeated") == ([], "Found 1 warning in 1 file.")


def test_diff_says_on_standard_error_what_it_would_fix_and_what_is_hidden(draft):
    only_unsafe = check("--diff", "--ignore", "misspelling")
    assert (only_unsafe.exit_code, only_unsafe.stdout) == (0, "")
    assert only_unsafe.stderr == "No findings would be fixed (1 fix available with `--unsafe-fixes`).\n"
    both = check("--diff")
    assert both.stdout.startswith("--- a/d.md") and both.stderr == "Would fix 1 finding (1 additional fix available with `--unsafe-fixes`).\n"
    assert check("--diff", "--unsafe-fixes").stderr == "Would fix 2 findings.\n"
    assert check("--diff", "--quiet", "--ignore", "misspelling").stderr == ""


def test_json_gives_each_finding_its_fix_or_null(draft):
    fixes = {f["rule"]: f["fix"] for f in json.loads(check("--output-format", "json").stdout)["findings"]}
    assert fixes == {
        "misspelling": {
            "applicability": "safe",
            "message": "Replace 'goverment' with 'government'",
            "edits": [{"start": {"line": 1, "column": 5}, "end": {"line": 1, "column": 14}, "content": "government"}],
        },
        "repeated-word": None,
        "office-holder": {
            "applicability": "unsafe",
            "message": "Replace 'Rishi Sunak' with 'Keir Starmer'",
            "edits": [{"start": {"line": 3, "column": 19}, "end": {"line": 3, "column": 30}, "content": "Keir Starmer"}],
        },
    }


def _unboxed(help_text: str) -> str:
    """Help rendered in rich panels, as one line of words (box drawing and wrapping removed)."""
    return " ".join(help_text.translate({ord(c): " " for c in "│╭╮╰╯─"}).split())


def test_check_help_groups_every_option_in_a_panel_and_ends_with_examples():
    from typer.main import get_command

    from linter.cli import app

    command = get_command(app).commands["check"]
    panels = {getattr(param, "rich_help_panel", None) for param in command.params if param.name not in ("paths", "help")}
    assert panels == {"Facts and rules", "Selection", "Output", "Fixes", "Baselines", "Performance"}
    shown = invoke("check", "-h").stdout
    assert all(f"─ {panel} ─" in shown for panel in panels)
    assert "Examples: factlint check drafts/ --facts facts.yaml factlint check draft.md" in _unboxed(shown)


@pytest.mark.parametrize("command", ["check", "rules", "explain", "test", "schema", "validate", "server", "facts"])
def test_every_command_has_an_example_and_the_overview_never_cuts_its_description(command):
    from typer.main import get_command

    from linter.cli import app

    assert f"Examples: factlint {command}" in _unboxed(invoke(command, "-h").stdout)
    description = " ".join(get_command(app).commands[command].help.split()).replace("\\[", "[")  # as rich shows an escaped [
    assert f"{command} {description}" in _unboxed(invoke("-h").stdout)


def test_rules_shows_each_first_sentence_whole_on_one_line():
    from linter.checks.rules import load_rules

    listing = invoke("rules").stdout.splitlines()
    assert len(listing) == len(load_rules()) + 2  # and the two engine rules
    assert all(line.endswith(".") for line in listing), [line for line in listing if not line.endswith(".")]
    [misspelling] = [line for line in listing if line.startswith("misspelling ")]
    assert "Misspellings of titles, places and institutions that slip into news copy." in misspelling
    assert "Matched" not in misspelling  # the second sentence, which the first line of the YAML used to cut


def test_first_sentence_joins_wrapped_lines_and_knows_abbreviations():
    from linter.segment.sentences import first_sentence

    assert first_sentence("A claim about the U.S.\n  President Trump and Mr. Biden. Then more.\n") == "A claim about the U.S. President Trump and Mr. Biden."
    assert first_sentence("No full stop") == "No full stop" and first_sentence("  \n") == ""


def test_a_check_never_imports_rich(tmp_path):
    """Rich renders the help only; a check (a pre-commit hook's every run) must not pay for importing it."""
    import subprocess
    import sys

    (tmp_path / "d.md").write_text("Fine.\n")
    timed = subprocess.run([sys.executable, "-X", "importtime", "-m", "linter", "check", "d.md"], cwd=tmp_path, capture_output=True, text=True)
    assert timed.returncode == 0
    modules = [line.rsplit("|", 1)[1].strip() for line in timed.stderr.splitlines() if line.startswith("import time:")]
    assert "typer" in modules and "linter.runner" in modules
    assert [name for name in modules if name.split(".")[0] == "rich" or name == "typer.rich_utils"] == []


def test_show_files_lists_what_would_be_checked_and_checks_nothing(tmp_path, monkeypatch):
    for name in ("a.md", "sub/b.txt", "sub/skipped.md", "notes.yaml", ".hidden/c.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("UK Prime Minister Rishi Sunak spoke.\n")
    (tmp_path / "factlint.yaml").write_text("exclude: ['sub/skipped.md']\n")
    monkeypatch.chdir(tmp_path)
    listed = invoke("check", "--show-files")
    assert (listed.exit_code, listed.stdout, listed.stderr) == (0, "./a.md\n./sub/b.txt\n", "")
    named = invoke("check", "sub/skipped.md", "notes.yaml", "missing.md", "--show-files")
    assert (named.exit_code, named.stdout) == (2, "notes.yaml\nsub/skipped.md\n")  # named files are always checked
    assert named.stderr == "missing.md: no such file or directory\n"


def test_show_settings_says_what_a_check_would_use_and_where_each_setting_comes_from(tmp_path, monkeypatch):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "facts.yaml").write_text((REPO / "seeds" / "facts.yaml").read_text())
    (tmp_path / "desk" / "factlint.yaml").write_text(
        "facts: [facts.yaml]\ndate: 2025-06-01\nignore: [repeated]\nseverity: {misspelling: error}\ntimeout_per_document: 5\n"
    )
    (tmp_path / "desk" / "dated.md").write_text("---\ndate: 2024-01-31\n---\nText.\n")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "desk", "desk/dated.md", "--show-settings", "--ignore", "quote", "--fail-on", "warning")
    assert result.exit_code == 0 and result.stderr == ""
    first, second = result.stdout.split("\n\n")
    assert first.splitlines() == [
        "Settings for desk:",
        "  configuration:        desk/factlint.yaml",
        "  facts:                desk/facts.yaml (from desk/factlint.yaml)",
        "  rule packs:           built-in: consistency, copy, events, offices, quantities, quotes, relations",
        "  select:               every rule",
        "  extend select:        none",
        "  ignore:               repeated (from desk/factlint.yaml); quote (from --ignore)",
        "  severity:             misspelling: error (from desk/factlint.yaml)",
        "  rules that run:       17 of 21: office-conflict, event-date-conflict, list-count, misspelling, invisible-character, "
        "event-date, office-holder, former-office-holder, then-office-holder, stale-office-holder, quantity, event-place, capital, member-of, "
        "rotating-presidency, unused-suppression, expired-suppression",
        "  fail on:              warning (from --fail-on)",
        "  date:                 2025-06-01 (from desk/factlint.yaml), unless a document's front matter gives one",
        "  timeout per document: 5 s (from desk/factlint.yaml)",
    ]
    assert second.startswith("Settings for desk/dated.md:\n") and "  date:                 2024-01-31 (from its front matter)\n" in second
    elsewhere = invoke("check", "--show-settings", "--date", "2025-01-01..2025-01-31")
    assert "  configuration:        none (the defaults)\n" in elsewhere.stdout and "  fail on:              error (the default)\n" in elsewhere.stdout
    assert "  date:                 2025-01-01..2025-01-31 (from --date)\n" in elsewhere.stdout
    assert "  timeout per document: 60 s (the default)\n" in elsewhere.stdout


def test_show_settings_of_a_broken_configuration_is_a_located_error(tmp_path, monkeypatch):
    (tmp_path / "factlint.yaml").write_text("fail_on: sometimes\n")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--show-settings")
    assert result.exit_code == 2 and "/factlint.yaml:1:10: fail_on must be one of" in result.stderr and result.stdout == ""


def test_watch_checks_again_after_a_change_and_ctrl_c_ends_it_cleanly(tmp_path):
    import os
    import queue
    import signal
    import subprocess
    import sys
    import threading
    import time

    draft = tmp_path / "d.md"
    draft.write_text("The goverment fell.\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "linter", "check", "d.md", "--watch", "--output-format", "concise", "--no-cache"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_COLOR": "1"},
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()

    def read_until(last: str) -> list[str]:
        seen: list[str] = []
        while not seen or not seen[-1].startswith(last):
            seen.append(lines.get(timeout=30).rstrip("\n"))
        return seen

    try:
        first = read_until("[*] 1 fixable")
        assert first[0].endswith("] Watching for changes (Ctrl-C to stop).") and first[0].startswith("[20")
        assert first[1:-1] == ["d.md:1:5: warning [misspelling] [*] Write \"government\", not \"goverment\".", "Found 1 warning in 1 file."]
        draft.write_text("The goverment fell. It was a a mistake.\n")
        os.utime(draft, ns=(time.time_ns() + 2_000_000_000,) * 2)  # a new time even on a coarse clock
        second = read_until("[*] 1 fixable")
        assert second[0].endswith("] d.md changed; checking again.")
        assert second[1:-1] == [
            "d.md:1:5: warning [misspelling] [*] Write \"government\", not \"goverment\".",
            "d.md:1:28: warning [repeated-word] The word \"a\" is written twice.",
            "Found 2 warnings in 1 file.",
        ]
        (tmp_path / "factlint.yaml").write_text("fail_on: sometimes\n")  # a broken configuration mid-edit: said, and watched
        read_until("[")  # the header of a check that says, on standard error, what is wrong
        time.sleep(1)  # let the watcher note the broken file's time before it is mended
        (tmp_path / "factlint.yaml").write_text("fail_on: warning\n")
        third = read_until("[*] 1 fixable")
        assert third[0].endswith("factlint.yaml changed; checking again.") and third[-2] == "Found 2 warnings in 1 file."
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        errors = process.stderr.read()
        assert "/factlint.yaml:1:10: fail_on must be one of" in errors and "Traceback" not in errors
    finally:
        process.kill()


def test_watch_refuses_to_write(draft):
    result = check("--watch", "--fix")
    assert result.exit_code == 2 and result.stderr.startswith("factlint: error: --watch only reports")
