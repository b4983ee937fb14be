"""The GitHub Action (action.yml): its steps' script run here as the runner would run it.

GitHub's runners and the SARIF upload action cannot run on this machine (docs/integrations.md
says so); what the action itself does, turning inputs into a factlint run, finding the changed
documents of a pull request or push in a real git repository, and setting its outputs, is run
for real, and action.yml is checked to pass every input to the script and none into a shell line.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

SCRIPT = REPO / ".github" / "actions" / "factlint" / "run.py"
ARTICLE = "seeds/coalition-of-the-willing.md"


def _script():
    spec = importlib.util.spec_from_file_location("factlint_action", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(cwd: Path, **inputs: str) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """Run the script's check as the action's step does; its outputs as the runner would read them."""
    output = cwd.parent / f"{cwd.name}-output.txt"
    output.write_text("")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_"))},
        "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(cwd.parent / f"{cwd.name}-summary.md"),
        "RUNNER_TEMP": str(cwd.parent), "NO_COLOR": "1",
        **inputs,
    }
    result = subprocess.run([sys.executable, str(SCRIPT), "check"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    return result, outputs


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """A repository of drafts: the seed article, its facts and a configuration."""
    root = tmp_path / "drafts"
    (root / "seeds").mkdir(parents=True)
    for name in ("coalition-of-the-willing.md", "facts.yaml"):
        shutil.copy(REPO / "seeds" / name, root / "seeds" / name)
    shutil.copy(REPO / "factlint.yaml", root / "factlint.yaml")
    return root


def _git(root: Path, *arguments: str) -> str:
    command = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *arguments]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def test_given_paths_give_annotations_sarif_and_the_finding_count(drafts):
    result, outputs = _run(drafts, INPUT_PATHS="seeds")
    assert result.returncode == 0, result.stdout + result.stderr  # the job fails in the action's last step
    assert outputs["findings"] == "4" and outputs["exit-code"] == "1"
    sarif = json.loads(Path(outputs["sarif-file"]).read_text())
    assert Path(outputs["sarif-file"]).parent == drafts.parent and len(sarif["runs"][0]["results"]) == 4
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error file=seeds/coalition-of-the-willing.md,line=8,")]
    assert len(annotations) == 4 and "title=factlint office-holder::Rishi Sunak was not Prime Minister" in "\n".join(annotations)
    assert (drafts.parent / "drafts-summary.md").read_text() == "factlint: 4 finding(s), exit code 1 (fail-on: error)\n"


def test_fail_on_never_without_sarif_or_annotations(drafts):
    (drafts / "extra.yaml").write_text("facts_version: 1\n")
    result, outputs = _run(drafts, INPUT_PATHS=ARTICLE, INPUT_FAIL_ON="never", INPUT_SARIF="false", INPUT_ANNOTATIONS="false",
                           INPUT_FACTS="seeds/facts.yaml\nextra.yaml", INPUT_DATE="2025-06-01")
    assert result.returncode == 0 and outputs == {"findings": "4", "exit-code": "0", "sarif-file": ""}
    assert "::error" not in result.stdout
    assert f"factlint check {ARTICLE} --facts seeds/facts.yaml --facts extra.yaml --date 2025-06-01" in result.stdout


def test_a_bad_date_is_factlint_s_own_located_error(drafts):
    result, outputs = _run(drafts, INPUT_PATHS=ARTICLE, INPUT_DATE="2025-13-01", INPUT_ANNOTATIONS="false")
    assert result.returncode == 0 and outputs["exit-code"] == "2" and outputs["findings"] == "0"
    assert "factlint: error: --date: " in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ({"INPUT_FAIL_ON": "errors"}, "input 'fail-on' must be one of error, warning, info, never (got 'errors')"),
        ({"INPUT_SARIF": "yes"}, "input 'sarif' must be true or false (got 'yes')"),
        ({"INPUT_ANNOTATIONS": ""}, "input 'annotations' must be true or false (got '')"),
        # A line break cannot start a workflow command of its own: it is written as an escape.
        ({"INPUT_FAIL_ON": "x\n::add-mask::y"}, "input 'fail-on' must be one of error, warning, info, never (got 'x\\n::add-mask::y')"),
    ],
)
def test_a_bad_input_is_one_error_line_and_exit_2(drafts, inputs, message):
    result, outputs = _run(drafts, INPUT_PATHS=ARTICLE, **inputs)
    assert result.returncode == 2 and outputs == {}
    assert result.stdout == f"::error title=factlint::{message}\n"


def test_install_is_the_action_s_own_copy_or_a_release():
    script = _script()
    assert script.install_command("", "/actions/factlint")[-1] == "/actions/factlint"
    assert script.install_command(" 1.0.0 ", "/actions/factlint")[-1] == "factlint==1.0.0"
    for bad in ("latest", "1.0; curl example.org | sh", "--index-url=http://example.org 1.0"):
        with pytest.raises(script.InputError, match="input 'version' must be a release"):
            script.install_command(bad, "/actions/factlint")


def test_a_pull_request_checks_only_the_documents_it_changed(drafts, tmp_path):
    (drafts / "kept.md").write_text("The goverment fell.\n")  # unchanged by the pull request: not checked
    (drafts / "gone.md").write_text("Fine.\n")
    _git(drafts, "init", "-q", "-b", "main")
    _git(drafts, "add", ".")
    _git(drafts, "commit", "-q", "-m", "base")
    base = _git(drafts, "rev-parse", "HEAD")
    _git(drafts, "checkout", "-q", "-b", "topic")
    article = drafts / ARTICLE
    article.write_text(article.read_text() + "\nOne more line.\n")
    (drafts / "gone.md").unlink()
    (drafts / "seeds" / "facts.yaml").write_text((drafts / "seeds" / "facts.yaml").read_text() + "\n")
    _git(drafts, "commit", "-q", "-am", "edit")
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"base": {"sha": base}, "head": {"sha": _git(drafts, "rev-parse", "HEAD")}}}))
    result, outputs = _run(drafts, GITHUB_EVENT_NAME="pull_request", GITHUB_EVENT_PATH=str(event))
    assert f"factlint check {ARTICLE}\n" in result.stdout, result.stdout  # not kept.md, not the deleted gone.md, no YAML
    assert outputs["findings"] == "4" and outputs["exit-code"] == "1"
    # A push: the same, from the event's 'before'.
    event.write_text(json.dumps({"before": base, "after": _git(drafts, "rev-parse", "HEAD")}))
    result, outputs = _run(drafts, GITHUB_EVENT_NAME="push", GITHUB_EVENT_PATH=str(event))
    assert f"factlint check {ARTICLE}\n" in result.stdout and outputs["findings"] == "4"
    # A push that created the branch has nothing to compare with: the whole repository.
    event.write_text(json.dumps({"before": "0" * 40, "after": _git(drafts, "rev-parse", "HEAD")}))
    result, outputs = _run(drafts, GITHUB_EVENT_NAME="push", GITHUB_EVENT_PATH=str(event))
    assert "factlint check .\n" in result.stdout and outputs["findings"] == "5"  # kept.md's misspelling too


def test_a_pull_request_without_documents_or_with_a_shallow_clone(drafts, tmp_path):
    _git(drafts, "init", "-q", "-b", "main")
    _git(drafts, "add", ".")
    _git(drafts, "commit", "-q", "-m", "base")
    base = _git(drafts, "rev-parse", "HEAD")
    (drafts / "factlint.yaml").write_text((drafts / "factlint.yaml").read_text() + "fail_on: error\n")
    _git(drafts, "commit", "-q", "-am", "configuration only")
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"base": {"sha": base}}}))
    result, outputs = _run(drafts, GITHUB_EVENT_NAME="pull_request", GITHUB_EVENT_PATH=str(event))
    assert result.returncode == 0 and outputs == {"findings": "0", "exit-code": "0", "sarif-file": ""}
    assert "::notice title=factlint::No Markdown, plain-text or HTML document changed" in result.stdout
    event.write_text(json.dumps({"pull_request": {"base": {"sha": "1" * 40}}}))  # not in the clone, as in a shallow one
    result, outputs = _run(drafts, GITHUB_EVENT_NAME="pull_request", GITHUB_EVENT_PATH=str(event))
    assert result.returncode == 2 and "check out with 'fetch-depth: 0', or give the 'paths' input" in result.stdout


def test_action_yml_passes_every_input_to_the_script_and_none_into_a_command():
    action = yaml.safe_load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    passed = {value: key for step in steps for key, value in step.get("env", {}).items()}
    for name in action["inputs"]:
        if name != "python-version":
            assert passed[f"${{{{ inputs.{name} }}}}"] == "INPUT_" + name.upper().replace("-", "_")
    read = set(re.findall(r'"(INPUT_[A-Z_]+)"', SCRIPT.read_text()))
    assert read == {v for v in passed.values() if v.startswith("INPUT_")}
    for step in steps:
        assert "${{" not in step.get("run", ""), f"an expression pasted into a shell line: {step['run']!r}"
    assert set(action["outputs"]) == {"findings", "exit-code", "sarif-file"}
