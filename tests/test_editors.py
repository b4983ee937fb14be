"""Real editors' LSP clients running ``factlint server`` on the seed article, where the editor is installed.

Emacs's eglot and Neovim's built-in client are run headless with the scripts in tests/editors/
(the set-ups docs/integrations.md shows); each test skips, saying why, on a machine without the
editor (CI installs none: tests/test_server.py drives the server with pygls's client there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

EDITORS = Path(__file__).parent / "editors"
SPANS = ["Donald Trump was president", "President Trump", "UK Prime Minister Rishi Sunak", "March 15"]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """The seed article, its facts and configuration, in a git repository (an editor's project)."""
    (tmp_path / "seeds").mkdir()
    for name in ("coalition-of-the-willing.md", "facts.yaml"):
        shutil.copy(REPO / "seeds" / name, tmp_path / "seeds" / name)
    shutil.copy(REPO / "factlint.yaml", tmp_path / "factlint.yaml")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    return tmp_path


def _run(command: list[str], cwd: Path) -> list[str]:
    """The editor's output lines; ``factlint`` is this environment's (its bin directory first on PATH)."""
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    return (result.stdout + result.stderr).splitlines()


def _has_eglot() -> bool:
    if not shutil.which("emacs"):
        return False
    probe = subprocess.run(["emacs", "--batch", "--no-init-file", "--eval", "(require 'eglot)"], capture_output=True, timeout=60)
    return probe.returncode == 0


@pytest.mark.skipif(not _has_eglot(), reason="Emacs with eglot is not installed (Debian: apt-get install emacs-nox elpa-eglot)")
def test_emacs_eglot_shows_the_four_findings(workspace):
    lines = [line for line in _run(["emacs", "--batch", "--no-init-file", "-l", str(EDITORS / "eglot.el")], workspace) if line[:2] == "8 "]
    assert [line.split("[", 1)[1].split("]", 1)[0] for line in lines] == SPANS, lines
    assert all(line.startswith("8 eglot-error [") and " factlint [" in line for line in lines), lines


@pytest.mark.skipif(not shutil.which("nvim"), reason="Neovim is not installed (Debian: apt-get install neovim)")
def test_neovim_shows_the_four_findings(workspace):
    lines = [line for line in _run(["nvim", "--headless", "--clean", "-c", f"luafile {EDITORS / 'neovim.lua'}"], workspace) if line[:2] == "8 "]
    assert lines == [
        "8 ERROR [Donald Trump was president] former-office-holder",
        "8 ERROR [President Trump] quote-anachronism",
        "8 ERROR [UK Prime Minister Rishi Sunak] office-holder",
        "8 ERROR [March 15] event-date",
    ], lines
