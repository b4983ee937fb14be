"""Baselines: old findings stay quiet, new ones are reported, edits elsewhere change nothing."""

from __future__ import annotations

import json

from conftest import REPO, run_in_process

FACTS = str(REPO / "seeds" / "facts.yaml")
OLD = "---\ndate: 2025-06-01\n---\nUK Prime Minister Rishi Sunak spoke.\n\nThe goverment fell.\n"


def test_write_then_apply_a_baseline(tmp_path, write):
    draft = write("draft.md", OLD)
    baseline = tmp_path / "baseline.json"
    written = run_in_process("check", "draft.md", "--facts", FACTS, "--write-baseline", str(baseline), cwd=tmp_path)
    assert written.returncode == 0 and "Wrote 2 finding(s)" in written.stderr
    assert len(json.loads(baseline.read_text())["findings"]) == 2
    assert run_in_process("check", "draft.md", "--facts", FACTS, "--baseline", str(baseline), cwd=tmp_path).returncode == 0

    # Paragraphs added above: the old findings move lines but stay known.
    draft.write_text(OLD.replace("---\nUK", "---\nA new opening paragraph.\n\nAnother one.\n\nUK"))
    moved = run_in_process("check", "draft.md", "--facts", FACTS, "--baseline", str(baseline), "--format", "json", cwd=tmp_path)
    assert moved.returncode == 0 and json.loads(moved.stdout)["findings"] == []

    # A new error is reported, the old ones still are not.
    draft.write_text(draft.read_text() + "\nPrime Minister Boris Johnson agreed.\n")
    new = run_in_process("check", "draft.md", "--facts", FACTS, "--baseline", str(baseline), "--format", "json", cwd=tmp_path)
    assert new.returncode == 1
    assert [f["message"][:24] for f in json.loads(new.stdout)["findings"]] == ["Boris Johnson was not Pr"]


def test_a_second_identical_finding_is_new(tmp_path, write):
    draft = write("draft.md", "The goverment fell.\n")
    baseline = tmp_path / "b.json"
    run_in_process("check", "draft.md", "--write-baseline", str(baseline), cwd=tmp_path)
    draft.write_text("The goverment fell.\n\nThe goverment fell.\n")
    result = run_in_process("check", "draft.md", "--baseline", str(baseline), "--format", "json", cwd=tmp_path)
    assert len(json.loads(result.stdout)["findings"]) == 1


def test_a_broken_baseline_is_an_error(tmp_path, write):
    write("draft.md", "Fine.\n")
    write("b.json", "{not json")
    result = run_in_process("check", "draft.md", "--baseline", "b.json", cwd=tmp_path)
    assert result.returncode == 2 and "b.json:1:2: not a factlint baseline" in result.stderr
    missing = run_in_process("check", "draft.md", "--baseline", "nope.json", cwd=tmp_path)
    assert missing.returncode == 2 and "baseline not found" in missing.stderr
