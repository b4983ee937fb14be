"""The real pre-commit tool runs factlint as a hook from this repository, configured as a newsroom would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

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


@pytest.fixture(scope="session")
def hook_repository(tmp_path_factory, worker_id) -> tuple[Path, str, Path]:
    """This working tree (untracked files too) committed once, its commit, and one pre-commit home.

    A draft repository's configuration names the snapshot at that commit, as a newsroom's names
    factlint at a tag, so pre-commit builds the hook's environment once into the shared home and
    every test and every xdist worker reuses it (pre-commit locks its own store; the lock here
    makes the snapshot once). `try-repo` would build a new environment at every call."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    snapshot, home = shared / "factlint-snapshot", shared / "pre-commit-home"
    with FileLock(str(shared / "factlint-snapshot.lock")):
        if not (snapshot / ".git").is_dir():
            listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                    cwd=REPO, check=True, capture_output=True).stdout.decode()
            for name in filter(None, listed.split("\0")):
                if (REPO / name).is_file():
                    (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(REPO / name, snapshot / name)
            _git("init", "-q", cwd=snapshot)
            _git("add", "-A", cwd=snapshot)
            _git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "snapshot", cwd=snapshot)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=snapshot, check=True, capture_output=True, text=True).stdout.strip()
    return snapshot, commit, home


@pytest.fixture
def drafts(tmp_path: Path, hook_repository) -> Path:
    snapshot, commit, _ = hook_repository
    repo = tmp_path / "drafts"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {snapshot}\n  rev: {commit}\n  hooks:\n  - id: factlint\n  - id: factlint-validate\n")
    _git("add", ".pre-commit-config.yaml", cwd=repo)
    (repo / "factlint.yaml").write_text("facts: [facts.yaml]\n")
    (repo / "facts.yaml").write_text(FACTS, encoding="utf-8")
    (repo / "draft.md").write_text(WRONG)
    return repo


def _run_hook(drafts: Path, hook_repository: tuple[Path, str, Path], hook: str, file: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*_pre_commit(), "run", hook, "--files", file, "--color", "never"],
        cwd=drafts, capture_output=True, text=True, env={**os.environ, "PRE_COMMIT_HOME": str(hook_repository[2]), "NO_COLOR": "1"},
        timeout=600,
    )


def test_the_hook_fails_on_a_wrong_draft_and_passes_when_corrected(drafts, hook_repository):
    failed = _run_hook(drafts, hook_repository, "factlint", "draft.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "factlint" in failed.stdout and "Failed" in failed.stdout
    assert "draft.md:4:1: error [office-holder] Rishi Sunak was not Prime Minister" in failed.stdout
    (drafts / "draft.md").write_text(RIGHT)
    passed = _run_hook(drafts, hook_repository, "factlint", "draft.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_the_validate_hook_refuses_a_broken_fact_file_and_passes_a_fixed_one(drafts, hook_repository):
    """Editing facts.yaml triggers factlint-validate (the draft hook never runs on it): a broken fact file
    is refused when it is committed, with its location, instead of failing every later draft's commit."""
    broken = FACTS.replace("{who: keir-starmer, from: 2024-07-05}", "{who: keir-starmer, from: 2024-07-32}")
    (drafts / "facts.yaml").write_text(broken, encoding="utf-8")
    line = broken.splitlines().index(next(text for text in broken.splitlines() if "2024-07-32" in text)) + 1

    def try_hook(hook: str) -> subprocess.CompletedProcess:
        return _run_hook(drafts, hook_repository, hook, "facts.yaml")

    assert "no files to check" in try_hook("factlint").stdout.lower()  # drafts only: a fact file is not one
    failed = try_hook("factlint-validate")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert f"facts.yaml:{line}:" in failed.stdout and "not a real calendar date" in failed.stdout
    (drafts / "facts.yaml").write_text(FACTS, encoding="utf-8")
    passed = try_hook("factlint-validate")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
