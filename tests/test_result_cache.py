"""The result cache changes speed, never results: a change of the facts re-checks every document
whose result it can change, and a damaged or busy cache is no error."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from conftest import FACTS, REPO, run_cli

DOCUMENTS = {
    "pm.txt": "Prime Minister Rishi Sunak spoke in London on Monday.",
    "hacker.txt": "Prime Minister Jim Hacker spoke in London on Monday.",
    "bojo.txt": "Prime Minister Bojo spoke in London on Monday.",
    "chef.txt": "The chef said the soup was cold. The goverment fell.",
    "quote.txt": 'Keir Starmer said: "We will stand with Ukraine for as long as it takes, and we will never waver."',
}


@pytest.fixture
def archive(tmp_path):
    for name, text in DOCUMENTS.items():
        (tmp_path / "docs" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "docs" / name).write_text(text + "\n")
    (tmp_path / "facts.yaml").write_text(FACTS)
    return tmp_path


def _check(folder, *extra: str):
    env = {"FACTLINT_CACHE_DIR": str(folder / "cache")}
    return run_cli("check", "docs", "--facts", "facts.yaml", "--date", "2025-06-01", "--format", "json", *extra, cwd=folder, env=env)


def _stats(result) -> str:
    return next(line for line in result.stderr.splitlines() if "result cache" in line)


def _same_as_uncached(folder) -> dict:
    cached, fresh = _check(folder, "--cache-stats"), _check(folder, "--no-cache")
    assert (cached.returncode, cached.stdout) == (fresh.returncode, fresh.stdout)
    return {"stats": _stats(cached), "findings": {(f["path"], f["rule"]) for f in json.loads(cached.stdout)["findings"]}}


def test_a_second_run_comes_from_the_cache_with_the_same_output(archive):
    first = _check(archive, "--cache-stats")
    assert "0 of 5 document(s) from the cache" in _stats(first)
    for output in ("json", "text", "sarif", "html"):
        again = run_cli("check", "docs", "--facts", "facts.yaml", "--date", "2025-06-01", "--format", output, "--cache-stats",
                        cwd=archive, env={"FACTLINT_CACHE_DIR": str(archive / "cache")})
        fresh = run_cli("check", "docs", "--facts", "facts.yaml", "--date", "2025-06-01", "--format", output, "--no-cache", cwd=archive)
        assert (again.returncode, again.stdout) == (fresh.returncode, fresh.stdout), output
    assert "5 of 5 document(s) from the cache" in _stats(again)


def test_no_cache_reads_and_writes_no_result(archive):
    _check(archive, "--no-cache")
    assert not (archive / "cache" / "results.sqlite").exists()


def test_editing_a_document_or_the_date_checks_it_again(archive):
    _check(archive)
    (archive / "docs" / "chef.txt").write_text("The goverment fell. The goverment rose.\n")
    assert "4 of 5" in _same_as_uncached(archive)["stats"]
    dated = _check(archive, "--cache-stats", "--date", "2023-06-01")
    assert "0 of 5" in _stats(dated)


def test_a_changed_tenure_rechecks_the_documents_it_touches_and_changes_their_result(archive):
    before = _same_as_uncached(archive)
    assert ("docs/pm.txt", "office-holder") in before["findings"]
    facts = archive / "facts.yaml"
    moved = FACTS.replace("rishi-sunak, from: 2022-10-25, to: 2024-07-05", "rishi-sunak, from: 2022-10-25, to: 2025-07-05")
    facts.write_text(moved.replace("{who: keir-starmer, from: 2024-07-05}", "{who: keir-starmer, from: 2025-07-05}"))
    after = _same_as_uncached(archive)
    assert ("docs/pm.txt", "office-holder") not in after["findings"]
    # The office's titles are in pm.txt, hacker.txt and bojo.txt; chef.txt and quote.txt cannot be touched.
    assert "2 of 5 document(s) from the cache; 3 checked" in after["stats"]


def test_a_new_alias_and_a_new_person_reach_documents_that_used_no_fact(archive):
    before = _same_as_uncached(archive)
    assert not any(path in ("docs/hacker.txt", "docs/bojo.txt") for path, _ in before["findings"])
    facts = archive / "facts.yaml"
    facts.write_text(FACTS.replace("aliases: [Johnson, Mr Johnson]", "aliases: [Johnson, Mr Johnson, Bojo]"))
    assert ("docs/bojo.txt", "office-holder") in _same_as_uncached(archive)["findings"]
    facts.write_text(facts.read_text().replace("entities:\n", "entities:\n  - {id: jim-hacker, name: Jim Hacker}\n", 1))
    after = _same_as_uncached(archive)
    assert ("docs/hacker.txt", "office-holder") in after["findings"]


def test_a_changed_quote_rechecks_documents_with_quotations(archive):
    before = _same_as_uncached(archive)
    assert ("docs/quote.txt", "quote-wording") in before["findings"]
    (archive / "facts.yaml").write_text(FACTS.replace("and we will not waver", "and we will never waver"))
    assert ("docs/quote.txt", "quote-wording") not in _same_as_uncached(archive)["findings"]


def test_a_re_verified_office_rechecks_the_documents_whose_verdict_rests_on_it(tmp_path):
    """An office's ``verified`` decides stale-office-holder: it is the office's content, not only where it is written."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "pm.txt").write_text("Prime Minister Keir Starmer spoke in London on Monday.\n")
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS.replace("    titles: [Prime Minister, UK Prime Minister, PM]\n", "    titles: [Prime Minister, UK Prime Minister, PM]\n    verified: 2025-05-01\n"))
    assert _same_as_uncached(tmp_path)["findings"] == set()
    facts.write_text(facts.read_text().replace("verified: 2025-05-01", "verified: 2024-01-01"))
    assert _same_as_uncached(tmp_path)["findings"] == {("docs/pm.txt", "stale-office-holder")}


def test_concurrent_runs_share_the_cache_safely(archive):
    env = {"FACTLINT_CACHE_DIR": str(archive / "cache"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "linter", "check", "docs", "--facts", "facts.yaml", "--date", "2025-06-01", "--format", "json"]
    runs = [subprocess.Popen(command, cwd=archive, stdout=subprocess.PIPE, env={**os.environ, **env}) for _ in range(4)]
    outputs = {run.communicate(timeout=120)[0] for run in runs}
    fresh = _check(archive, "--no-cache").stdout.encode()
    assert outputs == {fresh}
    with sqlite3.connect(archive / "cache" / "results.sqlite") as database:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert database.execute("SELECT COUNT(*) FROM results").fetchone() == (5,)


def test_a_damaged_cache_is_ignored(archive):
    (archive / "cache").mkdir()
    (archive / "cache" / "results.sqlite").write_bytes(b"this is not a database" * 100)
    result = _check(archive, "--cache-stats")
    assert result.returncode == 1 and result.stdout == _check(archive, "--no-cache").stdout


def test_the_cache_keeps_at_most_its_bound(archive, monkeypatch):
    from linter.cache import results
    from linter.plan import CheckOptions, check

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(archive / "cache"))
    monkeypatch.setattr(results, "MAX_ENTRIES", 3)
    monkeypatch.chdir(archive)
    check(["docs"], CheckOptions(facts=["facts.yaml"]), str)
    with sqlite3.connect(archive / "cache" / "results.sqlite") as database:
        assert database.execute("SELECT COUNT(*) FROM results").fetchone() == (3,)


def test_a_document_that_crashes_the_engine_is_a_problem_of_that_document(archive, monkeypatch):
    from linter import runner
    from linter.plan import CheckOptions, check

    real = runner.analyse

    def fragile(document, *args):
        if document.path.endswith("chef.txt"):
            raise ZeroDivisionError("a bug")
        return real(document, *args)

    monkeypatch.setattr(runner, "analyse", fragile)
    monkeypatch.delenv("FACTLINT_DEBUG", raising=False)
    monkeypatch.chdir(archive)
    result, _ = check(["docs"], CheckOptions(facts=["facts.yaml"], use_cache=False), str)
    assert [str(p) for p in result.problems] == ["docs/chef.txt: not checked: internal error: ZeroDivisionError: a bug (please report it)"]
    assert len(result.checked_paths) == 4


def test_the_seed_demo_is_the_same_from_the_cache():
    runs = [run_cli("check", "seeds/", cwd=REPO) for _ in range(2)] + [run_cli("check", "seeds/", "--no-cache", cwd=REPO)]
    assert {(run.returncode, run.stdout) for run in runs} == {(1, runs[2].stdout)}
