"""Every input gets a located answer: YAML constructs and user regexes, through the real CLI.

Whatever a fact file, rule pack or configuration contains, ``validate`` and ``check`` end in
a result or in errors naming the file (exit 2), never in factlint's "internal error".
"""

from __future__ import annotations

import re

import pytest

from conftest import run_cli

FACTS_WITH_MERGE_KEYS = """\
facts_version: 1
entities:
  - &person {id: alice-smith, name: Alice Smith, type: person}
  - <<: *person
    id: bob-jones
    name: Bob Jones
offices:
  - id: mayor
    name: Mayor of Example
    titles: [Mayor]
    holders:
      - &term {who: alice-smith, from: 2020-01-01, to: 2024-01-01}
      - {<<: *term, who: bob-jones, from: 2024-01-01, to: TO}
"""
PACK_WITH_MERGE_KEYS = """\
rules:
  - &common
    id: no-utilise
    kind: substitution
    severity: warning
    message: "Write '{replacement}', not '{match}'."
    description: Plain words.
    swap: {utilise: use}
    examples: {flag: [We utilise it.], pass: [We use it.]}
  - <<: *common
    id: no-commence
    swap: {commence: begin}
    examples: {flag: [We commence.], pass: [We begin.]}
"""
CONFIG_WITH_MERGE_KEYS = "defaults: &defaults {fail_on: warning}\n"  # an unknown field: merge keys go in known ones
DEEP = "(" * 600 + "a" + ")" * 600


def test_merge_keys_work_in_fact_files_and_rule_packs(write, tmp_path):
    write("facts.yaml", FACTS_WITH_MERGE_KEYS.replace("TO", "2028-01-01"))
    write("rules.yaml", PACK_WITH_MERGE_KEYS)
    write("factlint.yaml", "severity:\n  <<: {no-utilise: error}\n  no-commence: info\n")
    assert run_cli("validate", "facts.yaml", "rules.yaml", "factlint.yaml", cwd=tmp_path).returncode == 0
    write("draft.md", "Mayor Alice Smith spoke in 2025. We utilise it and commence.\n")
    result = run_cli("check", "draft.md", "--facts", "facts.yaml", "--rules", "rules.yaml", "--date", "2025-06-01", "-q", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "draft.md:1:1: error [office-holder] Alice Smith was not Mayor of Example" in result.stdout
    assert "error [no-utilise] Write 'use', not 'utilise'." in result.stdout
    assert "info [no-commence] Write 'begin', not 'commence'." in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("facts.yaml", FACTS_WITH_MERGE_KEYS.replace("TO", "="), "facts.yaml:13:59: 'to' in offices[0].holders[1]: '=' is not a date"),
        ("facts.yaml", "facts_version: 1\nentities:\n  - &e {id: a, name: A, aliases: [*e]}\n", "facts.yaml:3:35: the alias '*e' is inside"),
        ("facts.yaml", "facts_version: 1\nentities:\n  - {<<: [1], id: a}\n", "facts.yaml:3:10: the value of a merge key"),
        ("facts.yaml", "facts_version: !!int one\n", "facts.yaml:1:16: 'one' is not a valid int"),
        ("rules.yaml", PACK_WITH_MERGE_KEYS.replace("swap: {commence: begin}", "swap: {commence: =}\n    <<: 7"), "rules.yaml:13:9: the value of a merge key"),
        ("rules.yaml", "rules:\n  - {id: x, <<: {kind: pattern}, kind: =}\n", "rules.yaml:2:40: unknown kind '='"),
        ("factlint.yaml", CONFIG_WITH_MERGE_KEYS + "<<: *defaults\n", "factlint.yaml:1:1: unknown field 'defaults' in the config"),
        ("factlint.yaml", "ignore: [<<, =]\nselect: &s [*s]\n", "factlint.yaml:2:13: the alias '*s' is inside"),
    ],
)
def test_yaml_constructs_are_located_errors_in_validate_and_check(write, tmp_path, name, content, expected):
    write(name, content)
    write("draft.md", "Fine.\n")
    option = {"facts.yaml": ["--facts", name], "rules.yaml": ["--rules", name], "factlint.yaml": []}[name]
    for result in (run_cli("validate", name, cwd=tmp_path), run_cli("check", "draft.md", *option, cwd=tmp_path)):
        assert result.returncode == 2 and expected in result.stderr, result.stderr
        assert "internal error" not in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "rules.yaml",
            f"rules:\n  - {{id: deep, kind: pattern, severity: error, message: m, description: d, pattern: '{DEEP}',"
            " examples: {flag: [a], pass: [b]}}\n",
            "rules.yaml:2:85: pattern in rule 'deep' is not a valid regex: nested too deeply for the regex engine",
        ),
        (
            "rules.yaml",
            "rules:\n  - {id: deep, kind: substitution, severity: error, message: m, description: d, examples: {flag: [a], pass: [b]},\n"
            f"     swap: {{? '{DEEP}' : b}}}}\n",
            "rules.yaml:3:15: swap pattern '((((((",
        ),
        (
            "facts.yaml",
            f"facts_version: 1\nevents:\n  - {{id: e, name: E, date: 2025-01-01, mentions: ['{DEEP}']}}\n",
            "facts.yaml:3:50: mention pattern '((((((",
        ),
    ],
)
def test_a_regex_the_engine_cannot_compile_is_that_rules_or_facts_error(write, tmp_path, name, content, expected):
    write(name, content)
    write("draft.md", "Fine.\n")
    option = ["--facts", name] if name == "facts.yaml" else ["--rules", name]
    for result in (run_cli("validate", name, cwd=tmp_path), run_cli("check", "draft.md", *option, cwd=tmp_path)):
        assert result.returncode == 2 and expected in result.stderr, result.stderr
        assert "nested too deeply" in result.stderr and "internal error" not in result.stderr


def test_a_regex_that_fails_while_matching_is_that_rules_error_on_that_document(write, tmp_path):
    """``(?R)`` compiles, then recurses until the regex engine raises MemoryError (here in about a
    second; a slower machine may reach the rule's 5-second regex timeout first, equally located)."""
    write("rules.yaml", "rules:\n  - {id: recurse, kind: pattern, severity: info, message: m, description: d, pattern: '(?R)', examples: {flag: [], pass: []}}\n")
    write("draft.md", "The goverment fell.\n")
    result = run_cli("check", "draft.md", "--rules", "rules.yaml", "-q", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    why = r"the regex engine failed while matching it \(MemoryError\)|its regex took over 5 s \(catastrophic backtracking\?\)"
    assert re.fullmatch(rf"draft\.md: rule 'recurse' gave up on this document: (?:{why}); fix the pattern at rules\.yaml:2:5\n", result.stderr), result.stderr
    assert result.stdout.startswith("draft.md:1:5: warning [misspelling]")  # the other rules still ran


def test_any_exception_the_engine_raises_while_matching_is_the_patterns_error_but_a_timeout_stays_one():
    from linter.user_regex import RegexFailed, find_all

    class Failing:
        def __init__(self, error):
            self.error = error

        def finditer(self, *args, **kwargs):
            yield from ()
            raise self.error

    with pytest.raises(RegexFailed, match=r"^the regex engine failed while matching it \(OverflowError: too far\)$"):
        list(find_all(Failing(OverflowError("too far")), "text", 0, 4, 1.0))
    with pytest.raises(TimeoutError):
        list(find_all(Failing(TimeoutError("regex timed out")), "text", 0, 4, 1.0))


LONG = "x" * 300  # longer than a file name may be (255 bytes on common file systems)


@pytest.mark.parametrize(
    ("args", "config", "expected"),
    [
        (["check", "draft.md", "--rules", LONG], None, f"{LONG}: rule pack not found\n"),
        (["check", "draft.md", "--config", LONG], None, f"{LONG}: config file not found\n"),
        (["rules", "--rules", LONG], None, f"{LONG}: rule pack not found\n"),
        (["test", LONG], None, f"{LONG}: rule pack not found\n"),
        (["check", "draft.md"], f"rules: {LONG}\n", f"{LONG}: rule pack not found\n"),  # found by the long fuzz run
        (["check", "draft.md"], f"extend: {LONG}\n", f"factlint.yaml:1:9: the config to extend, {LONG}, does not exist\n"),
        (["check", "draft.md", "--facts", LONG], None, f"{LONG}: cannot read: File name too long\n"),
    ],
    ids=["--rules", "--config", "rules --rules", "test", "config rules", "config extend", "--facts"],
)
def test_a_path_too_long_for_the_file_system_is_a_located_error(write, tmp_path, args, config, expected):
    """Python 3.11's Path.is_dir() and is_file() raise for such a name instead of answering False."""
    write("draft.md", "Fine.\n")
    if config:
        write("factlint.yaml", config)
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2 and "internal error" not in result.stderr, result.stderr
    assert result.stderr.endswith(expected), result.stderr


@pytest.mark.parametrize(
    ("args", "config", "expected"),
    [
        (["check", "draft.md", "--config", "loop"], None, "loop: config file not found\n"),
        (["check", "draft.md"], "facts: [loop]\n", "loop: cannot read: Too many levels of symbolic links\n"),
        (["check", "draft.md"], "rules: [loop]\n", "loop: rule pack not found\n"),
        (["check", "draft.md"], "extend: loop\n", "factlint.yaml:1:9: the config to extend, loop, does not exist\n"),
        (["check", "draft.md"], 'rules: "\\0"\n', "factlint.yaml:1:8: 'rules' holds a path with a NUL character, which no file name can have\n"),
        (["validate", "factlint.yaml"], 'facts: ["a\\0b"]\n', "factlint.yaml:1:8: 'facts' holds a path with a NUL character"),
    ],
    ids=["--config", "config facts", "config rules", "config extend", "NUL in rules (long fuzz run)", "NUL in facts"],
)
def test_a_symbolic_link_loop_or_a_nul_in_a_path_is_a_located_error(write, tmp_path, args, config, expected):
    """Python 3.11's Path.resolve() raises RuntimeError for a link loop, and ValueError for a NUL."""
    write("draft.md", "Fine.\n")
    (tmp_path / "loop").symlink_to("loop")
    if config:
        write("factlint.yaml", config)
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2 and "internal error" not in result.stderr, result.stderr
    assert expected in result.stderr and result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
