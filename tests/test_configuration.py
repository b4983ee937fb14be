"""Configuration per file (nearest wins), extend, include/exclude, and .gitignore."""

from __future__ import annotations

import json
import subprocess

from conftest import REPO, run_cli

FACTS = (REPO / "seeds" / "facts.yaml").read_text(encoding="utf-8")
SUNAK = "Prime Minister Rishi Sunak spoke.\n"


def rules_found(result) -> list[tuple[str, str]]:
    return sorted((f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"])


def test_the_nearest_configuration_wins_for_each_file(tmp_path, write):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)  # "../facts.yaml" stays in the repository
    write("facts.yaml", FACTS)
    write("factlint.yaml", "facts: [facts.yaml]\ndate: 2025-06-01\n")
    write("archive/factlint.yaml", "facts: [../facts.yaml]\ndate: 2023-06-01\n")  # Sunak was PM then
    write("news/today.md", SUNAK)
    write("archive/2023.md", SUNAK)
    result = run_cli("check", ".", "--format", "json", cwd=tmp_path)
    assert rules_found(result) == [("./news/today.md", "office-holder")]


def test_a_configuration_can_extend_another(tmp_path, write):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write("facts.yaml", FACTS)
    write("base.yaml", "facts: [facts.yaml]\ndate: 2025-06-01\nignore: [repeated-word]\n")
    write("desk/factlint.yaml", "extend: ../base.yaml\nseverity: {office-holder: warning}\n")
    write("desk/draft.md", SUNAK + "It was a a mistake.\n")
    result = run_cli("check", "draft.md", "--format", "json", cwd=tmp_path / "desk")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("office-holder", "warning")]
    assert result.returncode == 0  # a warning does not fail at the default level


def test_an_extend_cycle_is_an_error(tmp_path, write):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write("a/factlint.yaml", "extend: ../b.yaml\n")
    write("b.yaml", "extend: a/factlint.yaml\n")
    write("a/d.md", "Fine.\n")
    result = run_cli("check", "d.md", cwd=tmp_path / "a")
    assert result.returncode == 2 and "makes a cycle" in result.stderr


def test_include_and_exclude_apply_to_walked_files_only(tmp_path, write):
    write("factlint.yaml", "exclude: ['archive/*']\n")
    write("archive/old.md", "The goverment fell.\n")
    write("drafts/new.md", "The goverment fell.\n")
    walked = run_cli("check", ".", "--format", "json", cwd=tmp_path)
    assert rules_found(walked) == [("./drafts/new.md", "misspelling")]
    named = run_cli("check", "archive/old.md", "--format", "json", cwd=tmp_path)
    assert rules_found(named) == [("archive/old.md", "misspelling")]
    write("factlint.yaml", "include: ['drafts/*.md']\n")
    write("notes.md", "The goverment fell.\n")
    assert rules_found(run_cli("check", ".", "--format", "json", cwd=tmp_path)) == [("./drafts/new.md", "misspelling")]


def test_directory_walking_respects_gitignore(tmp_path, write):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write(".gitignore", "build/\nscratch.md\n")
    write("build/generated.md", "The goverment fell.\n")
    write("scratch.md", "The goverment fell.\n")
    write("story.md", "The goverment fell.\n")
    result = run_cli("check", ".", "--format", "json", cwd=tmp_path)
    assert rules_found(result) == [("./story.md", "misspelling")]


def test_configuration_paths_cannot_leave_their_base_directory(tmp_path, write):
    write("outside/facts.yaml", FACTS)
    write("project/factlint.yaml", "facts: [../outside/facts.yaml]\n")
    write("project/d.md", SUNAK)
    escaped = run_cli("check", "d.md", cwd=tmp_path / "project")
    assert escaped.returncode == 2 and "factlint.yaml:1:8: 'facts' points outside" in escaped.stderr
    write("project/factlint.yaml", "extend: /etc/hostname\n")
    assert "'extend' points outside" in run_cli("check", "d.md", cwd=tmp_path / "project").stderr
    write("project/factlint.yaml", "date: 2025-06-01\n")
    given = run_cli("check", "d.md", "--facts", "../outside/facts.yaml", cwd=tmp_path / "project")
    assert given.returncode == 1  # a path on the command line is the user's own choice


def test_a_pyproject_toml_that_is_not_toml_is_a_located_error(tmp_path, write):
    write("draft.md", "Fine.\n")
    write("pyproject.toml", '[project]\nname = "drafts"\n[tool.factlint\n')
    result = run_cli("check", "draft.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path}/pyproject.toml:3:15: invalid TOML: Expected ']' at the end of a table declaration\n"
    write("pyproject.toml", "[tool.factlint]\nx = " + "[" * 2000 + "]" * 2000 + "\n")  # deeper than tomllib's recursion
    result = run_cli("check", "draft.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path}/pyproject.toml: invalid TOML: nested too deeply; this is not a factlint configuration\n"
