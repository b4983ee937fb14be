"""Output formats for CI: SARIF (against the official schema), GitHub annotations, JUnit, --output."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest

from conftest import REPO, run_in_process

SEED = ["check", "seeds/", "--no-cache"]


SARIF_SCHEMA = REPO / "tests" / "data" / "schemas" / "sarif-schema-2.1.0.json"  # OASIS's published schema, unchanged


def test_sarif_is_valid_against_the_official_schema():
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    result = run_in_process(*SEED, "--format", "sarif")
    assert result.returncode == 1
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(schema).validate(sarif)
    [run] = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert {"shortDescription", "fullDescription", "help", "defaultConfiguration"} <= set(rules["office-holder"])
    assert [r["ruleId"] for r in run["results"]] == ["former-office-holder", "quote-anachronism", "office-holder", "event-date"]
    region = run["results"][2]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (8, 2353, 2382)


def test_sarif_fingerprints_survive_edits_elsewhere(tmp_path, write):
    facts = str(REPO / "seeds" / "facts.yaml")
    body = "UK Prime Minister Rishi Sunak spoke.\n\nLater, UK Prime Minister Rishi Sunak spoke again.\n"
    write("a/draft.md", f"---\ndate: 2025-06-01\n---\n{body}")
    write("b/draft.md", f"---\ndate: 2025-06-01\n---\nA new first paragraph, added later.\n\n{body}")

    def prints(folder: str) -> list[str]:
        sarif = json.loads(run_in_process("check", "draft.md", "--facts", facts, "--format", "sarif", cwd=tmp_path / folder).stdout)
        return [r["partialFingerprints"]["factlintFinding/v1"] for r in sarif["runs"][0]["results"]]

    before, after = prints("a"), prints("b")
    assert before == after and len(set(before)) == 2


def test_github_annotations():
    result = run_in_process(*SEED, "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[2].startswith(
        "::error file=seeds/coalition-of-the-willing.md,line=8,col=2353,endLine=8,endColumn=2382,title=factlint office-holder::Rishi Sunak was not"
    )
    assert lines[-1] == "factlint: 4 finding(s) in 1 file(s): 4 error(s), 0 warning(s), 0 info"


def test_github_escapes_what_workflow_commands_reserve(tmp_path, write):
    write("a,b%c.md", "The goverment fell.\n")
    result = run_in_process("check", "a,b%c.md", "--format", "github", cwd=tmp_path)
    assert result.stdout.startswith("::warning file=a%2Cb%25c.md,line=1,col=5,")


def test_junit_has_a_test_case_per_file_and_an_error_per_unreadable_file(tmp_path, write):
    write("good.md", "Fine prose.\n")
    write("bad.md", "The goverment fell.\n")
    (tmp_path / "broken.md").write_bytes(b"\xff")
    result = run_in_process("check", "good.md", "bad.md", "broken.md", "--format", "junit", cwd=tmp_path)
    assert result.returncode == 2
    suites = ElementTree.fromstring(result.stdout)
    assert (suites.get("tests"), suites.get("failures"), suites.get("errors")) == ("3", "1", "1")
    cases = {case.get("name"): case for case in suites.iter("testcase")}
    assert cases["bad.md"].find("failure").get("type") == "misspelling"
    assert cases["good.md"].find("failure") is None and cases["broken.md"].find("error") is not None


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "junit"])
def test_output_file_keeps_the_exit_code(tmp_path, output_format):
    report = tmp_path / "report.out"
    result = run_in_process(*SEED, "--format", output_format, "--output", str(report))
    assert result.returncode == 1 and result.stdout == "" and report.read_text(encoding="utf-8")
    assert report.read_text(encoding="utf-8") == run_in_process(*SEED, "--format", output_format).stdout


def test_output_to_an_unwritable_place_is_an_error(tmp_path):
    result = run_in_process(*SEED, "--output", str(tmp_path / "missing-dir" / "report.txt"))
    assert result.returncode == 2 and "cannot write the report" in result.stderr


@pytest.mark.parametrize(("umask", "mode"), [("022", 0o644), ("077", 0o600)])
def test_written_files_honour_the_umask_and_a_replaced_file_keeps_its_mode(tmp_path, write, umask, mode):
    import os
    import subprocess
    import sys

    write("d.md", "The goverment fell.\n")
    (tmp_path / "kept.json").write_text("{}")
    (tmp_path / "kept.json").chmod(0o640)
    command = f"umask {umask} && exec {sys.executable} -m linter check d.md --no-cache"
    for options in ("--output report.json --format json", "--write-baseline base.json", "--output kept.json --format json"):
        subprocess.run(["sh", "-c", f"{command} {options}"], cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"}, check=False, timeout=120)
    modes = {name: (tmp_path / name).stat().st_mode & 0o777 for name in ("report.json", "base.json", "kept.json")}
    assert modes == {"report.json": mode, "base.json": mode, "kept.json": 0o640}
    assert json.loads((tmp_path / "kept.json").read_text())["findings"]  # replaced, not left alone
