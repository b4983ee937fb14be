"""The command line as users meet it: ``python -m linter`` in a subprocess."""

from __future__ import annotations

import json
import re

import pytest

from conftest import REPO, SHARED, needs_shared, run_in_process

FACTS = """\
facts_version: 1
entities:
  - {id: rishi-sunak, name: Rishi Sunak, aliases: [Sunak]}
  - {id: keir-starmer, name: Keir Starmer, aliases: [Starmer]}
offices:
  - id: uk-prime-minister
    name: Prime Minister of the United Kingdom
    titles: [Prime Minister]
    holders:
      - {who: rishi-sunak, from: 2022-10-25, to: 2024-07-05}
      - {who: keir-starmer, from: 2024-07-05}
"""


def test_seed_demo_reports_exactly_the_four_findings():
    result = run_in_process("check", "seeds/", "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    source = (REPO / "seeds" / "coalition-of-the-willing.md").read_text(encoding="utf-8").splitlines()
    spans = [(f["rule"], source[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]) for f in findings]
    assert spans == [
        ("former-office-holder", "Donald Trump was president"),
        ("quote-anachronism", "President Trump"),
        ("office-holder", "UK Prime Minister Rishi Sunak"),
        ("event-date", "March 15"),
    ]
    assert [f["message"] for f in findings] == [
        "Donald Trump was not a former President of the United States between 5 April and 31 December 2025: Donald Trump "
        "held it from 20 January 2017 to 20 January 2021 and from 20 January 2025.",
        "Rishi Sunak, quoted as UK Prime Minister, could not have spoken of President Donald Trump: Rishi Sunak was Prime "
        "Minister of the United Kingdom from 25 October 2022 to 5 July 2024 and Donald Trump was President of the United "
        "States from 20 January 2017 to 20 January 2021 and from 20 January 2025; the two never overlapped.",
        "Rishi Sunak was not Prime Minister of the United Kingdom between 5 April and 31 December 2025: it was held by Keir "
        "Starmer (from 5 July 2024); Rishi Sunak held it from 25 October 2022 to 5 July 2024.",
        "First meeting of the coalition of the willing's military chiefs took place on 20 March 2025, not \"March 15\".",
    ]
    assert all(f["severity"] == "error" and f["evidence"] for f in findings)


def test_seed_demo_text_output_reads_like_a_compiler():
    result = run_in_process("check", "seeds/")
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("seeds/coalition-of-the-willing.md:8:846: error [former-office-holder] Donald Trump was not")
    assert "^^^^^^^^^^^^^^^^^^^^^^^^^^" in result.stdout
    assert result.stdout.endswith("Found 4 errors in 1 file.\nNo fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option).\n")
    # What the facts say, in sentences with where they are written; the ids stay in the JSON.
    office_holder = result.stdout.split("\n\n")[2].splitlines()
    assert office_holder[-2:] == [
        "  = facts: Rishi Sunak was Prime Minister of the United Kingdom from 25 October 2022 to 5 July 2024; Keir Starmer from 5 July 2024.",
        "  = source: seeds/facts.yaml:24:5",
    ]
    anachronism = result.stdout.split("\n\n")[1].splitlines()
    assert [line.split(":")[0] for line in anachronism[-3:]] == ["  = facts", "  = facts", "  = source"]
    assert anachronism[-1] == "  = source: seeds/facts.yaml:24:5, seeds/facts.yaml:39:5"
    assert "evidence" not in result.stdout and "uk-prime-minister" not in result.stdout


@needs_shared
def test_seed_body_is_the_unedited_shared_article():
    original = (SHARED / "seeds" / "coalition-of-the-willing.txt").read_text(encoding="utf-8")
    ours = (REPO / "seeds" / "coalition-of-the-willing.md").read_text(encoding="utf-8")
    assert ours.endswith(original) and ours.startswith("---\n")


def test_json_contract(write, tmp_path):
    facts = write("facts.yaml", FACTS)
    draft = write("draft.txt", "Headline\n\nYesterday Prime Minister Rishi Sunak spoke.\n")
    result = run_in_process("check", str(draft), "--facts", str(facts), "--date", "2025-06-01", "--format", "json", cwd=tmp_path)
    payload = json.loads(result.stdout)
    assert set(payload) == {"version", "findings", "problems", "files", "summary"}
    assert payload["files"] == [
        {"path": str(draft), "date": {"from": "2025-06-01", "to": "2025-06-01", "source": "option", "key": None, "location": None}}
    ]
    [finding] = payload["findings"]
    assert finding == {
        "path": str(draft),
        "line": 3,
        "column": 11,
        "end_line": 3,
        "end_column": 37,
        "rule": "office-holder",
        "severity": "error",
        "message": "Rishi Sunak was not Prime Minister of the United Kingdom on 1 June 2025: it was held by Keir Starmer "
        "(from 5 July 2024); Rishi Sunak held it from 25 October 2022 to 5 July 2024.",
        "evidence": ["keir-starmer", "rishi-sunak", "uk-prime-minister"],
        "facts": [
            {
                "text": "Rishi Sunak was Prime Minister of the United Kingdom from 25 October 2022 to 5 July 2024; "
                "Keir Starmer from 5 July 2024.",
                "source": "facts.yaml:6:5",  # relative to the working directory
            }
        ],
        "fix": {
            "applicability": "unsafe",  # a factual suggestion: --fix --unsafe-fixes applies it
            "message": "Replace 'Rishi Sunak' with 'Keir Starmer'",
            "edits": [{"start": {"line": 3, "column": 26}, "end": {"line": 3, "column": 37}, "content": "Keir Starmer"}],
        },
    }
    assert payload["summary"] == {"files": 1, "findings": 1, "error": 1, "warning": 0, "info": 0, "problems": 0}


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_levels(write, tmp_path, fail_on, code):
    draft = write("draft.md", "The goverment fell.\n")  # one warning
    result = run_in_process("check", str(draft), "--fail-on", fail_on, cwd=tmp_path)
    assert result.returncode == code, result.stdout + result.stderr


def test_clean_document_exits_zero(write, tmp_path):
    draft = write("draft.md", "Prime Minister Keir Starmer spoke.\n")
    result = run_in_process("check", str(draft), "--facts", str(write("f.yaml", FACTS)), "--date", "2025-06-01", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, "No findings in 1 file.")


def test_broken_fact_file_exits_two_with_its_location(write, tmp_path):
    facts = write("facts.yaml", FACTS.replace("from: 2022-10-25", "from: 2022-10-35"))
    result = run_in_process("check", str(write("d.txt", "x")), "--facts", str(facts), cwd=tmp_path)
    assert result.returncode == 2
    assert "facts.yaml:10:34: 'from' in offices[0].holders[0]: '2022-10-35' is not a real calendar date" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_rule_pack_exits_two_with_its_location(write, tmp_path):
    pack = write("rules.yaml", "rules:\n  - {id: x, kind: regex, severity: error, message: m, description: d, examples: {flag: [], pass: []}}\n")
    result = run_in_process("check", str(write("d.txt", "x")), "--rules", str(pack), cwd=tmp_path)
    assert result.returncode == 2 and "rules.yaml:2:19: unknown kind 'regex'" in result.stderr


def test_unreadable_file_does_not_stop_the_others_and_two_wins(write, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xffbroken")
    good = write("good.txt", "The goverment fell.\n")
    result = run_in_process("check", str(bad), str(good), str(tmp_path / "missing.txt"), cwd=tmp_path)
    assert result.returncode == 2
    assert "bad.txt:1:1: not valid UTF-8" in result.stderr and "missing.txt: no such file or directory" in result.stderr
    assert "[misspelling]" in result.stdout


def test_usage_errors_exit_two(tmp_path):
    assert run_in_process("check", "x.txt", "--date", "2025-02-30", cwd=tmp_path).returncode == 2
    assert run_in_process("check", "x.txt", "--format", "xml", cwd=tmp_path).returncode == 2
    assert run_in_process("frobnicate", cwd=tmp_path).returncode == 2


def test_config_is_found_upward_and_paths_are_relative_to_it(write, tmp_path):
    write("project/facts/main.yaml", FACTS)
    write("project/factlint.yaml", "facts: [facts/main.yaml]\ndate: 2025-06-01\n")
    draft = write("project/drafts/a/draft.md", "Prime Minister Rishi Sunak spoke.\n")
    result = run_in_process("check", "draft.md", cwd=draft.parent)
    assert result.returncode == 1 and "[office-holder]" in result.stdout


def test_pyproject_config_and_front_matter_date_override(write, tmp_path):
    write("facts.yaml", FACTS)
    write("pyproject.toml", '[project]\nname = "drafts"\n\n[tool.factlint]\nfacts = ["facts.yaml"]\ndate = "2025-06-01"\n')
    write("old.md", "---\ndate: 2023-05-01\n---\nPrime Minister Rishi Sunak spoke.\n")
    assert run_in_process("check", "old.md", cwd=tmp_path).returncode == 0  # front matter: Sunak was PM then
    assert run_in_process("check", "old.md", "--date", "2025-06-01", cwd=tmp_path).returncode == 1  # --date wins


def test_config_errors_are_located(write, tmp_path):
    write("factlint.yaml", "facts: [f.yaml]\nfail_on: sometimes\nselekt: [x]\n")
    result = run_in_process("check", "x.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "factlint.yaml:2:10: fail_on must be one of" in result.stderr
    assert "factlint.yaml:3:1: unknown field 'selekt' in the config (did you mean 'select'?)" in result.stderr


def test_select_and_ignore_by_prefix(write, tmp_path):
    draft = write("d.md", "The goverment fell. It was a a mistake.\n")
    assert "[repeated-word]" not in run_in_process("check", str(draft), "--select", "missp", cwd=tmp_path).stdout
    assert "[misspelling]" not in run_in_process("check", str(draft), "--ignore", "misspelling", cwd=tmp_path).stdout


def test_stdin_with_a_filename(write, tmp_path):
    facts = write("f.yaml", FACTS)
    result = run_in_process(
        "check", "-", "--stdin-filename", "draft.md", "--facts", str(facts), "--date", "2025-06-01",
        cwd=tmp_path, stdin="---\ntitle: t\n---\nPrime Minister Rishi Sunak spoke.\n",
    )
    assert result.returncode == 1 and result.stdout.startswith("draft.md:4:1: error [office-holder]")


def test_directories_are_walked_for_documents(write, tmp_path):
    write("drafts/a.md", "The goverment fell.\n")
    write("drafts/sub/b.txt", "The goverment fell.\n")
    write("drafts/notes.yaml", "goverment: 1\n")
    write("drafts/.hidden/c.md", "The goverment fell.\n")
    result = run_in_process("check", "drafts", "--format", "json", cwd=tmp_path)
    assert sorted(f["path"] for f in json.loads(result.stdout)["findings"]) == ["drafts/a.md", "drafts/sub/b.txt"]


def test_rules_explain_and_test_commands():
    listing = run_in_process("rules")
    assert listing.returncode == 0 and "office-holder" in listing.stdout and "quote-anachronism" in listing.stdout
    explained = run_in_process("explain", "office-holder")
    assert explained.returncode == 0 and "Flags:" in explained.stdout and "UK Prime Minister Rishi Sunak" in explained.stdout
    unknown = run_in_process("explain", "office-holdr")
    assert unknown.returncode == 2 and "did you mean 'office-holder'" in unknown.stderr
    tested = run_in_process("test")
    assert tested.returncode == 0 and " passed, 0 failed" in tested.stdout


def test_test_command_fails_on_a_broken_example(write, tmp_path):
    pack = write("p.yaml", "rules:\n  - {id: x, kind: pattern, severity: error, message: m, description: d, pattern: zzz, examples: {flag: [a, b], pass: [c]}}\n")
    result = run_in_process("test", str(pack), cwd=tmp_path)
    assert result.returncode == 1 and "expected to flag: 'a'" in result.stdout


def test_version():
    result = run_in_process("--version")
    assert result.returncode == 0 and result.stdout.startswith("factlint 1.")


def test_extend_select_and_severity_overrides_from_config(write, tmp_path):
    write("factlint.yaml", "select: [misspelling]\nextend_select: [repeated]\nseverity: {misspelling: error}\n")
    draft = write("d.md", "The goverment fell. It was a a mistake.\n")
    result = run_in_process("check", str(draft), "--format", "json", cwd=tmp_path)
    findings = {f["rule"]: f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert findings == {"misspelling": "error", "repeated-word": "warning"} and result.returncode == 1
    write("factlint.yaml", "severity: {mispelling: error}\n")
    result = run_in_process("check", str(draft), cwd=tmp_path)
    assert result.returncode == 2 and "factlint.yaml:1:12: severity is set for an unknown rule 'mispelling' (did you mean 'misspelling'?)" in result.stderr


def test_statistics_and_quiet(tmp_path, write):
    draft = write("d.md", "The goverment fell. The goverment rose. It was a a mistake.\n")
    stats = run_in_process("check", str(draft), "--statistics", cwd=tmp_path)
    assert stats.stdout.splitlines() == ["     2  misspelling    warning", "     1  repeated-word  warning"]
    quiet = run_in_process("check", str(draft), "--quiet", cwd=tmp_path)
    assert "Found" not in quiet.stdout and quiet.stdout.count("[misspelling]") == 2 and quiet.stderr == ""
    clean = run_in_process("check", str(write("ok.md", "Fine.\n")), "--quiet", cwd=tmp_path)
    assert (clean.returncode, clean.stdout) == (0, "")


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from linter import cli

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setattr(cli.sys, "stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert cli._use_color()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli._use_color()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(cli.sys, "stdout", __import__("io").StringIO())  # a pipe
    assert not cli._use_color()


def test_text_output_is_coloured_on_a_terminal():
    import shutil
    import subprocess
    import sys

    if not shutil.which("script"):
        import pytest

        pytest.skip("util-linux 'script' is needed to give factlint a terminal")
    command = f"{sys.executable} -m linter check seeds/ --no-cache"
    env = {k: v for k, v in __import__("os").environ.items() if k != "NO_COLOR"}
    shown = subprocess.run(["script", "-qec", command, "/dev/null"], cwd=REPO, capture_output=True, text=True, env={**env, "TERM": "xterm"})
    assert "\x1b[1;31merror\x1b[0m" in shown.stdout
    plain = subprocess.run(["script", "-qec", command, "/dev/null"], cwd=REPO, capture_output=True, text=True, env={**env, "TERM": "xterm", "NO_COLOR": "1"})
    assert "\x1b[" not in plain.stdout and "error [office-holder]" in plain.stdout


def test_validate_rejects_a_pack_with_two_rules_of_one_id_with_both_locations(write, tmp_path):
    rule = "  - {id: twice, kind: pattern, severity: error, message: M., description: d, pattern: x, examples: {flag: [], pass: []}}\n"
    write("pack.yaml", "rules:\n" + rule + rule)
    result = run_in_process("validate", "pack.yaml", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "pack.yaml:3:5: duplicate rule id 'twice' (already defined at pack.yaml:2:5)\n")


@pytest.mark.parametrize("named", ["rules/copy.yaml", "rules/", "rules/../rules/events.yaml"])
def test_a_builtin_pack_named_on_the_command_line_is_loaded_once(named):
    tested = run_in_process("test", named)
    assert (tested.returncode, tested.stdout) == (0, run_in_process("test").stdout), tested.stderr
    checked = run_in_process("check", "seeds/", "--rules", named)
    assert checked.returncode == 1 and "Found 4 errors in 1 file.\n" in checked.stdout, checked.stderr


HOUSE_PACK = """\
description: House rules.
example_date: 2025-06-01
rules:
  - id: house-prime-minister
    kind: office-holder
    severity: error
    message: "{person} was not {office} {date}: {record}."
    description: Prime ministers.
    examples:
      flag: [Prime Minister Rishi Sunak spoke., Prime Minister Rishi Sunak arrived.]
      pass: [Prime Minister Keir Starmer spoke., Prime Minister Keir Starmer arrived.]
"""


def test_test_runs_the_examples_of_a_pack_without_example_facts_against_the_facts_given(write, tmp_path):
    write("pack.yaml", HOUSE_PACK)
    write("facts.yaml", FACTS)
    alone = run_in_process("test", "pack.yaml", cwd=tmp_path)
    assert alone.returncode == 1
    assert alone.stdout.splitlines()[0] == (
        "pack.yaml:10:14: [house-prime-minister] expected to flag: 'Prime Minister Rishi Sunak spoke.' (got: no finding); "
        "it ran against no facts: give the pack 'example_facts', or run with --facts FILE"
    )
    given = run_in_process("test", "pack.yaml", "--facts", "facts.yaml", cwd=tmp_path)
    # The built-in packs' own example_facts win over --facts: their examples still pass.
    assert given.returncode == 0
    assert re.fullmatch(r"(\d+) passed, 0 failed \((\d+) examples of \d+ rules, 24 tenure boundary cases\)\n", given.stdout)


def test_test_command_runs_every_example_after_another_paragraph_too(write, tmp_path):
    """A pattern anchored at the start of the text ('^') works in an example and nowhere else in a document."""
    pack = write("p.yaml", "rules:\n  - {id: x, kind: pattern, severity: error, message: m, description: d, pattern: '(?<=^)Zzz', examples: {flag: [Zzz a, Zzz b], pass: [c]}}\n")
    result = run_in_process("test", str(pack), cwd=tmp_path)
    assert result.returncode == 1 and "expected to flag after another paragraph: 'Zzz a'" in result.stdout
    fixed = write("q.yaml", "rules:\n  - {id: y, kind: pattern, severity: error, message: m, description: d, pattern: '(?<=^|\\n)Zzz', examples: {flag: [Zzz a, Zzz b], pass: [c]}}\n")
    assert run_in_process("test", str(fixed), cwd=tmp_path).returncode == 0
