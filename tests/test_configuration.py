"""Configuration per file (nearest wins), extend, include/exclude, and .gitignore."""

from __future__ import annotations

import json
import subprocess

from conftest import REPO, run_in_process

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
    result = run_in_process("check", ".", "--format", "json", cwd=tmp_path)
    assert rules_found(result) == [("./news/today.md", "office-holder")]


def test_a_configuration_can_extend_another(tmp_path, write):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write("facts.yaml", FACTS)
    write("base.yaml", "facts: [facts.yaml]\ndate: 2025-06-01\nignore: [repeated-word]\n")
    write("desk/factlint.yaml", "extend: ../base.yaml\nseverity: {office-holder: warning}\n")
    write("desk/draft.md", SUNAK + "It was a a mistake.\n")
    result = run_in_process("check", "draft.md", "--format", "json", cwd=tmp_path / "desk")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("office-holder", "warning")]
    assert result.returncode == 0  # a warning does not fail at the default level


def test_an_extend_cycle_is_an_error(tmp_path, write):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write("a/factlint.yaml", "extend: ../b.yaml\n")
    write("b.yaml", "extend: a/factlint.yaml\n")
    write("a/d.md", "Fine.\n")
    result = run_in_process("check", "d.md", cwd=tmp_path / "a")
    assert result.returncode == 2 and "makes a cycle" in result.stderr


def test_include_and_exclude_apply_to_walked_files_only(tmp_path, write):
    write("factlint.yaml", "exclude: ['archive/*']\n")
    write("archive/old.md", "The goverment fell.\n")
    write("drafts/new.md", "The goverment fell.\n")
    walked = run_in_process("check", ".", "--format", "json", cwd=tmp_path)
    assert rules_found(walked) == [("./drafts/new.md", "misspelling")]
    named = run_in_process("check", "archive/old.md", "--format", "json", cwd=tmp_path)
    assert rules_found(named) == [("archive/old.md", "misspelling")]
    write("factlint.yaml", "include: ['drafts/*.md']\n")
    write("notes.md", "The goverment fell.\n")
    assert rules_found(run_in_process("check", ".", "--format", "json", cwd=tmp_path)) == [("./drafts/new.md", "misspelling")]


def test_directory_walking_respects_gitignore(tmp_path, write):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write(".gitignore", "build/\nscratch.md\n")
    write("build/generated.md", "The goverment fell.\n")
    write("scratch.md", "The goverment fell.\n")
    write("story.md", "The goverment fell.\n")
    result = run_in_process("check", ".", "--format", "json", cwd=tmp_path)
    assert rules_found(result) == [("./story.md", "misspelling")]


def test_configuration_paths_cannot_leave_their_base_directory(tmp_path, write):
    write("outside/facts.yaml", FACTS)
    write("project/factlint.yaml", "facts: [../outside/facts.yaml]\n")
    write("project/d.md", SUNAK)
    escaped = run_in_process("check", "d.md", cwd=tmp_path / "project")
    assert escaped.returncode == 2 and "factlint.yaml:1:8: 'facts' points outside" in escaped.stderr
    write("project/factlint.yaml", "extend: /etc/hostname\n")
    assert "'extend' points outside" in run_in_process("check", "d.md", cwd=tmp_path / "project").stderr
    write("project/factlint.yaml", "date: 2025-06-01\n")
    given = run_in_process("check", "d.md", "--facts", "../outside/facts.yaml", cwd=tmp_path / "project")
    assert given.returncode == 1  # a path on the command line is the user's own choice


def test_a_pyproject_toml_that_is_not_toml_is_a_located_error(tmp_path, write):
    write("draft.md", "Fine.\n")
    write("pyproject.toml", '[project]\nname = "drafts"\n[tool.factlint\n')
    result = run_in_process("check", "draft.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path}/pyproject.toml:3:15: invalid TOML: Expected ']' at the end of a table declaration\n"
    write("pyproject.toml", "[tool.factlint]\nx = " + "[" * 2000 + "]" * 2000 + "\n")  # deeper than tomllib's recursion
    result = run_in_process("check", "draft.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path}/pyproject.toml: invalid TOML: nested too deeply; this is not a factlint configuration\n"


def test_a_shared_fact_repository_outside_the_drafts_may_be_named_when_the_user_allows_it(tmp_path, write):
    """A newsroom keeps one fact repository beside its drafts; the user, not the drafts' configuration, allows it."""
    for repository in ("facts-repo", "drafts"):
        write(f"{repository}/.keep", "")
        subprocess.run(["git", "init", "-q"], cwd=tmp_path / repository, check=True)
    write("facts-repo/facts.yaml", FACTS)
    write("drafts/factlint.yaml", "facts: [../facts-repo/facts.yaml]\ndate: 2025-06-01\n")
    write("drafts/d.md", SUNAK)
    refused = run_in_process("check", "d.md", cwd=tmp_path / "drafts")
    assert refused.returncode == 2 and "'facts' points outside" in refused.stderr and "$FACTLINT_ALLOWED_DIRS" in refused.stderr
    allowed = {"FACTLINT_ALLOWED_DIRS": f"{tmp_path / 'elsewhere'}:{tmp_path / 'facts-repo'}"}
    result = run_in_process("check", "d.md", "--format", "json", cwd=tmp_path / "drafts", env=allowed)
    assert rules_found(result) == [("d.md", "office-holder")]
    other = run_in_process("check", "d.md", cwd=tmp_path / "drafts", env={"FACTLINT_ALLOWED_DIRS": str(tmp_path / "drafts")})
    assert other.returncode == 2  # only the directories listed


def test_validate_with_no_files_checks_the_configuration_and_what_it_names_together(tmp_path, write):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write("people.yaml", "facts_version: 1\nentities:\n  - {id: keir-starmer, name: Keir Starmer}\n")
    write("offices.yaml", "facts_version: 1\noffices:\n  - {id: pm, name: PM, titles: [Prime Minister], holders: [{who: keir-starmer, from: 2024-07-05}]}\n")
    write("house/rules.yaml", "rules: []\n")
    write("factlint.yaml", "facts: [people.yaml, offices.yaml]\nrules: [house/]\n")
    result = run_in_process("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "factlint.yaml: valid config", "people.yaml: valid fact file", "offices.yaml: valid fact file", "house/rules.yaml: valid rule pack"
    ]
    write("offices.yaml", "facts_version: 1\noffices:\n  - {id: pm, name: PM, titles: [Prime Minister], holders: [{who: keir-starmr, from: 2024-07-05}]}\n")
    broken = run_in_process("validate", cwd=tmp_path)
    assert broken.returncode == 2 and broken.stderr.strip() == "offices.yaml:3:60: holder 'keir-starmr' of office 'pm' is not a known entity id (did you mean 'keir-starmer'?)"
    assert broken.stdout.splitlines() == ["factlint.yaml: valid config", "house/rules.yaml: valid rule pack"]
    upward = run_in_process("validate", cwd=tmp_path / "house")  # the configuration is found upward, as check finds it
    assert upward.returncode == 2 and upward.stderr.startswith(str(tmp_path / "offices.yaml"))
    (tmp_path / "factlint.yaml").unlink()
    none = run_in_process("validate", cwd=tmp_path)
    assert none.returncode == 2 and "no files given, and no configuration" in none.stderr
