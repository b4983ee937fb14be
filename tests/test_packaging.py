"""The built wheel carries the rule packs and the HTML report's assets, and works outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from conftest import REPO


@pytest.mark.slow  # builds the wheel and installs it in a new virtual environment
def test_wheel_ships_the_rule_packs_and_finds_them(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--quiet", "-w", str(tmp_path / "dist")],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = (tmp_path / "dist").glob("factlint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert {f"linter/builtin_rules/{pack}.yaml" for pack in ("offices", "quotes", "events", "copy")} <= set(names)
        assert {f"linter/schemas/{name}.schema.json" for name in ("facts", "rules", "config")} <= set(names)
        assert {"linter/report/assets/report.css", "linter/report/assets/report.js"} <= set(names)
        assert any(name.endswith("entry_points.txt") and b"factlint = linter.cli:main" in archive.read(name) for name in names)
        archive.extractall(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    listing = subprocess.run([sys.executable, "-m", "linter", "rules"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert listing.returncode == 0, listing.stderr
    assert "office-holder" in listing.stdout
    from_wheel = subprocess.run(
        [sys.executable, "-c", "from linter.checks.rules import builtin_rules_dir; print(builtin_rules_dir())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60,
    )
    assert from_wheel.stdout.strip() == str(tmp_path / "site" / "linter" / "builtin_rules")
    (elsewhere / "draft.txt").write_text("The goverment fell.\n", encoding="utf-8")  # a warning: exit 0
    page = subprocess.run(
        [sys.executable, "-m", "linter", "check", "draft.txt", "--format", "html"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60,
    )
    assert page.returncode == 0 and "<mark" in page.stdout and "</script>" in page.stdout, page.stderr
