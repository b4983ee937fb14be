"""The real pre-commit tool runs factlint as a hook from this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

FACTS = (REPO / "seeds" / "facts.yaml").read_text(encoding="utf-8")
WRONG = "---\ndate: 2025-06-01\n---\nUK Prime Minister Rishi Sunak visited Kyiv.\n"
RIGHT = "---\ndate: 2025-06-01\n---\nUK Prime Minister Keir Starmer visited Kyiv.\n"


pytestmark = pytest.mark.slow  # pre-commit builds a virtual environment and installs factlint into it


def _pre_commit() -> list[str]:
    executable = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    if executable is None:
        pytest.skip("pre-commit is not installed (it is in the test extra: pip install -e '.[test]')")
    return [executable]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    repo = tmp_path / "drafts"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / "factlint.yaml").write_text("facts: [facts.yaml]\n")
    (repo / "facts.yaml").write_text(FACTS, encoding="utf-8")
    (repo / "draft.md").write_text(WRONG)
    return repo


def _try_repo(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    return subprocess.run(
        [*_pre_commit(), "try-repo", str(REPO), "factlint", "--files", "draft.md", "--color", "never"],
        cwd=repo, capture_output=True, text=True, env=env, timeout=600,
    )


def test_the_hook_fails_on_a_wrong_draft_and_passes_when_corrected(drafts, tmp_path):
    failed = _try_repo(drafts, tmp_path)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "factlint" in failed.stdout and "Failed" in failed.stdout
    assert "draft.md:4:1: error [office-holder] Rishi Sunak was not Prime Minister" in failed.stdout
    (drafts / "draft.md").write_text(RIGHT)
    passed = _try_repo(drafts, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_the_validate_hook_refuses_a_broken_fact_file_and_passes_a_fixed_one(drafts, tmp_path):
    """Editing facts.yaml triggers factlint-validate (the draft hook never runs on it): a broken fact file
    is refused when it is committed, with its location, instead of failing every later draft's commit."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    broken = FACTS.replace("{who: keir-starmer, from: 2024-07-05}", "{who: keir-starmer, from: 2024-07-32}")
    (drafts / "facts.yaml").write_text(broken, encoding="utf-8")
    line = broken.splitlines().index(next(text for text in broken.splitlines() if "2024-07-32" in text)) + 1

    def try_hook(hook: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*_pre_commit(), "try-repo", str(REPO), hook, "--files", "facts.yaml", "--color", "never"],
            cwd=drafts, capture_output=True, text=True, env=env, timeout=600,
        )

    assert "no files to check" in try_hook("factlint").stdout.lower()  # drafts only: a fact file is not one
    failed = try_hook("factlint-validate")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert f"facts.yaml:{line}:" in failed.stdout and "not a real calendar date" in failed.stdout
    (drafts / "facts.yaml").write_text(FACTS, encoding="utf-8")
    passed = try_hook("factlint-validate")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
