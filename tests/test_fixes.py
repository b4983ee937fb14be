"""Fixes: only what rules declare, written atomically, nothing lost."""

from __future__ import annotations

import os
import textwrap

import pytest

from linter.checks.rules import read_pack
from linter.errors import UserError
from linter.filtering.fixes import rewrite
from linter.source.read import read_document
from linter.yamlio import load_yaml

from conftest import REPO, run_cli

FACTS = str(REPO / "seeds" / "facts.yaml")
DRAFT = "The goverment said.\r\nUK Prime Minister Rishi Sunak spoke.\r\n"


def check(tmp_path, *options):
    return run_cli("check", "d.txt", "--facts", FACTS, "--date", "2025-06-01", *options, cwd=tmp_path)


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DRAFT.encode())
    path.chmod(0o640)
    return path


def test_diff_shows_safe_fixes_and_writes_nothing(tmp_path, draft):
    before = (draft.read_bytes(), draft.stat().st_mtime_ns)
    result = check(tmp_path, "--diff")
    assert result.returncode == 1
    assert "-The goverment said.\n+The government said.\n" in result.stdout and "Keir Starmer" not in result.stdout
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before


def test_fix_applies_safe_fixes_keeping_encoding_line_endings_and_mode(tmp_path, draft):
    result = check(tmp_path, "--fix")
    assert result.returncode == 1 and "[office-holder]" in result.stdout and "[misspelling]" not in result.stdout
    assert draft.read_bytes() == b"\xef\xbb\xbf" + DRAFT.replace("goverment", "government").encode()
    assert oct(draft.stat().st_mode & 0o777) == "0o640"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".d.txt.")]  # no temporary file left


def test_unsafe_fixes_only_on_request_and_fixing_is_idempotent(tmp_path, draft):
    assert check(tmp_path, "--fix", "--unsafe-fixes").returncode == 0
    fixed = draft.read_bytes()
    assert b"UK Prime Minister Keir Starmer spoke." in fixed
    mtime = draft.stat().st_mtime_ns
    again = check(tmp_path, "--fix", "--unsafe-fixes")
    assert again.returncode == 0 and "fixed" not in again.stderr
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == (fixed, mtime)  # nothing to fix: untouched


def test_a_file_changed_on_disk_during_the_run_is_not_overwritten(draft):
    document = read_document(str(draft))
    draft.write_text("An editor's newer text.\n")
    with pytest.raises(UserError, match="changed on disk while factlint ran"):
        rewrite(document, "fixed text")
    assert draft.read_text() == "An editor's newer text.\n"


def test_an_interrupted_write_leaves_the_old_file_whole(draft, monkeypatch):
    document = read_document(str(draft))
    original = draft.read_bytes()

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)  # linter.atomic renames with os.replace
    with pytest.raises(UserError, match="cannot write the fix: No space left on device"):
        rewrite(document, "fixed text")
    assert draft.read_bytes() == original
    assert not [p for p in draft.parent.iterdir() if p.name.startswith(".d.txt.")]


def test_fix_refuses_standard_input(tmp_path):
    result = run_cli("check", "-", "--fix", cwd=tmp_path, stdin="The goverment said.\n")
    assert result.returncode == 2 and "use --diff" in result.stderr


@pytest.mark.parametrize(
    ("kind", "fix", "message"),
    [("office-holder", "safe", "it can declare: unsafe"), ("event-date", "safe", "it proposes no fixes")],
)
def test_a_rule_cannot_declare_a_fix_its_kind_cannot_make(kind, fix, message):
    pack = f"""
    rules:
      - {{id: r, kind: {kind}, severity: error, message: m, description: d, fix: {fix}, examples: {{flag: [], pass: []}}}}
    """
    with pytest.raises(UserError, match=message):
        read_pack(load_yaml(textwrap.dedent(pack), "p.yaml"), "p.yaml")


def test_killing_a_write_at_any_moment_leaves_the_old_or_the_new_file(tmp_path):
    import random
    import signal
    import subprocess
    import sys
    import time

    target = tmp_path / "draft.md"
    old, new = b"old " * 500_000, b"new " * 600_000  # megabytes, so a kill lands mid-write
    target.write_bytes(old)
    writer = (
        "import sys; from pathlib import Path; from linter.atomic import write_atomically\n"
        "path = Path(sys.argv[1]); data = [sys.argv[2].encode() * 500_000, sys.argv[3].encode() * 600_000]\n"
        "i = 0\n"
        "while True:\n"
        "    write_atomically(path, data[i % 2]); i += 1\n"
    )
    rng = random.Random(7)
    for _ in range(12):  # each a new process killed at a random moment of its writes
        process = subprocess.Popen([sys.executable, "-c", writer, str(target), "old ", "new "], cwd=REPO)
        time.sleep(rng.uniform(0.05, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert target.read_bytes() in (old, new)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "draft.md"]
    assert all(name.startswith(".draft.md.") for name in leftovers)  # at most killed temporaries, never the file itself
