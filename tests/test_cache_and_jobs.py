"""The compiled fact cache and parallel checking change speed, never results."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from linter.mentions import compiled
from linter.mentions.compiled import load_facts_and_lexicon

from conftest import REPO, run_cli

SEED_FACTS = str(REPO / "seeds" / "facts.yaml")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(directory))
    return directory


def test_second_load_comes_from_the_cache(cache_dir, monkeypatch):
    facts, _ = load_facts_and_lexicon([SEED_FACTS])
    assert len(list(cache_dir.glob("facts-*.marshal"))) == 1
    monkeypatch.setattr(compiled, "load_facts", lambda paths: pytest.fail("should have come from the cache"))
    cached, lexicon = load_facts_and_lexicon([SEED_FACTS])
    assert cached.offices.keys() == facts.offices.keys() and lexicon.names.entries


def test_an_edited_fact_file_misses_the_cache(cache_dir, tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_text((REPO / "seeds" / "facts.yaml").read_text())
    load_facts_and_lexicon([str(path)])
    path.write_text(path.read_text().replace("name: Rishi Sunak", "name: Rishi Sunak-Edited"))
    facts, _ = load_facts_and_lexicon([str(path)])
    assert facts.entities["rishi-sunak"].name == "Rishi Sunak-Edited"
    assert len(list(cache_dir.glob("facts-*.marshal"))) == 2


def test_a_damaged_entry_is_rebuilt(cache_dir):
    load_facts_and_lexicon([SEED_FACTS])
    [entry] = cache_dir.glob("facts-*.marshal")
    entry.write_bytes(b"\x80\x05garbage")
    facts, _ = load_facts_and_lexicon([SEED_FACTS])
    assert "uk-prime-minister" in facts.offices


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(blocked / "cache"))
    facts, _ = load_facts_and_lexicon([SEED_FACTS])
    assert "uk-prime-minister" in facts.offices


def test_a_broken_fact_file_is_still_reported(cache_dir, tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_text("facts_version: 1\nentities: [\n")
    result = run_cli("check", "x.md", "--facts", str(path), cwd=tmp_path, env={"FACTLINT_CACHE_DIR": str(cache_dir)})
    assert result.returncode == 2 and "invalid YAML" in result.stderr


@pytest.mark.parametrize("output_format", ["text", "json", "html"])
def test_jobs_give_byte_identical_output(tmp_path, output_format):
    drafts = tmp_path / "drafts"
    for index in range(12):
        (drafts / f"d{index:02}").mkdir(parents=True)
        body = "UK Prime Minister Rishi Sunak spoke. The goverment fell." if index % 3 else "Prime Minister Keir Starmer spoke."
        (drafts / f"d{index:02}" / "draft.md").write_text(f"---\ndate: 2025-06-01\n---\n{body}\n")
    (drafts / "broken.md").write_bytes(b"\xff\xfd")
    runs = [
        run_cli("check", str(drafts), "--facts", SEED_FACTS, "--format", output_format, "--jobs", str(jobs), "--no-cache", cwd=tmp_path)
        for jobs in (1, 2, 3)
    ]
    assert {r.returncode for r in runs} == {2}
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout and runs[0].stderr == runs[1].stderr == runs[2].stderr
    one_per_finding = {"text": "[office-holder]", "json": '"rule": "office-holder"', "html": "<code>office-holder</code></a> <span>finding"}
    assert runs[0].stdout.count(one_per_finding[output_format]) == 8


# The stores a short run keeps (linter/cache/store.py): compiled regexes and parsed rule packs.

_COUNT_COMPILES = """
import json, sys, regex._main as engine
compiles = []
original = engine._compile
engine._compile = lambda *args: compiles.append(args[0]) or original(*args)
from linter.cli import main
try:
    main()
finally:
    print(json.dumps(compiles), file=sys.stderr)
"""


def _check_counting_compiles(tmp_path, cache_dir, no_cache: bool = False):
    """Run ``factlint check`` on the seed with the seed facts in a new process: its output, and the
    patterns the regex engine compiled."""
    draft = tmp_path / "draft.md"
    draft.write_text((REPO / "seeds" / "coalition-of-the-willing.md").read_text())
    run = subprocess.run(
        [sys.executable, "-c", _COUNT_COMPILES, "check", str(draft), "--facts", SEED_FACTS, "--quiet", *(["--no-cache"] if no_cache else [])],
        capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "FACTLINT_CACHE_DIR": str(cache_dir), "NO_COLOR": "1"},
    )
    return run.stdout, json.loads(run.stderr.strip().splitlines()[-1])


def test_a_second_run_compiles_no_regex_and_finds_the_same(cache_dir, tmp_path):
    first, compiled_first = _check_counting_compiles(tmp_path, cache_dir)
    assert len(compiled_first) > 50 and list(cache_dir.glob("regexes-*.marshal")) and list(cache_dir.glob("yaml-documents-*.marshal"))
    (cache_dir / "results.sqlite").unlink()  # the findings must be found again, not read back
    second, compiled_second = _check_counting_compiles(tmp_path, cache_dir)
    assert [pattern for pattern in compiled_second if pattern and "(?P<subject>" not in pattern] == []  # only patterns with this document's names
    assert second == first and "office-holder" in second


def test_no_cache_neither_reads_nor_writes_the_stores(cache_dir, tmp_path):
    _check_counting_compiles(tmp_path, cache_dir)
    stores = sorted(cache_dir.glob("*.marshal"))
    before = {path: path.stat().st_mtime_ns for path in stores}
    _, compiled = _check_counting_compiles(tmp_path, cache_dir, no_cache=True)
    assert len(compiled) > 50  # nothing read: every pattern compiled afresh
    assert {path: path.stat().st_mtime_ns for path in sorted(cache_dir.glob("*.marshal"))} == before


def test_damaged_stores_are_ignored(cache_dir, tmp_path):
    first, _ = _check_counting_compiles(tmp_path, cache_dir)
    for store in [*cache_dir.glob("regexes-*.marshal"), *cache_dir.glob("yaml-documents-*.marshal")]:
        store.write_bytes(b"\x80\x05garbage")
    (cache_dir / "results.sqlite").unlink()
    again, compiled = _check_counting_compiles(tmp_path, cache_dir)
    assert again == first and len(compiled) > 50


def test_an_edited_rule_pack_is_read_again(cache_dir, tmp_path):
    pack = tmp_path / "house.yaml"
    rule = (
        "rules:\n  - id: house-{0}\n    kind: substitution\n    severity: warning\n    message: 'Write {{replacement}}.'\n"
        "    description: House style.\n    swap: {{utilise: use}}\n    examples: {{flag: [We utilise it.], pass: [We use it.]}}\n"
    )
    pack.write_text(rule.format("first"))
    (tmp_path / "draft.md").write_text("We utilise it.\n")
    assert "house-first" in run_cli("check", "draft.md", "--rules", str(pack), cwd=tmp_path, env={"FACTLINT_CACHE_DIR": str(cache_dir)}).stdout
    pack.write_text(rule.format("second") + "    unknown_key: 1\n")
    result = run_cli("check", "draft.md", "--rules", str(pack), cwd=tmp_path, env={"FACTLINT_CACHE_DIR": str(cache_dir)})
    assert result.returncode == 2 and "house.yaml:9:5: unknown field 'unknown_key'" in result.stderr, result.stderr
