"""Suppressions written in documents, and the findings they leave."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, run_in_process

FACTS = str(REPO / "seeds" / "facts.yaml")
WRONG = "UK Prime Minister Rishi Sunak spoke."


def findings(tmp_path, write, body: str, *options: str) -> list[tuple[str, int]]:
    write("draft.md", f"---\ndate: 2025-06-01\n---\n{body}\n")
    result = run_in_process("check", "draft.md", "--facts", FACTS, "--format", "json", *options, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return [(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]]


def test_disable_next_line(tmp_path, write):
    body = f"<!-- factlint-disable-next-line office-holder -- a quote from 2023 -->\n{WRONG}\n\n{WRONG}"
    assert findings(tmp_path, write, body) == [("office-holder", 7)]


def test_disable_and_enable_a_region(tmp_path, write):
    body = f"<!-- factlint-disable office-holder -->\n\n{WRONG}\n\n<!-- factlint-enable office-holder -->\n\n{WRONG}"
    assert findings(tmp_path, write, body) == [("office-holder", 10)]


def test_disable_for_the_whole_file_and_for_every_rule(tmp_path, write):
    assert findings(tmp_path, write, f"{WRONG}\n\n<!-- factlint-disable-file office-holder -->") == []
    assert findings(tmp_path, write, f"<!-- factlint-disable-next-line -->\n{WRONG} The goverment fell.") == []


def test_a_suppression_that_suppresses_nothing_is_reported(tmp_path, write):
    body = f"<!-- factlint-disable-next-line event-date -->\n{WRONG}"
    assert findings(tmp_path, write, body) == [("unused-suppression", 4), ("office-holder", 5)]
    assert findings(tmp_path, write, body, "--ignore", "unused-suppression") == [("office-holder", 5)]


def test_an_unknown_rule_in_a_suppression_is_reported_with_a_suggestion(tmp_path, write):
    write("draft.md", f"<!-- factlint-disable-next-line office-holdr -->\n{WRONG}\n")
    result = run_in_process("check", "draft.md", "--facts", FACTS, "--date", "2025-06-01", cwd=tmp_path)
    assert 'No rule is called "office-holdr" (did you mean "office-holder"?)' in result.stdout


@pytest.mark.parametrize(("until", "expected"), [("2999-12-31", []), ("2001-01-01", [("expired-suppression", 4), ("office-holder", 5)])])
def test_until_expires_a_suppression(tmp_path, write, until, expected):
    body = f"<!-- factlint-disable-next-line office-holder until={until} -->\n{WRONG}"
    assert findings(tmp_path, write, body) == expected


def test_a_malformed_until_suppresses_nothing_and_says_why(tmp_path, write):
    body = f"<!-- factlint-disable-next-line office-holder until=2025-02-30 -->\n{WRONG}"
    assert findings(tmp_path, write, body) == [("unused-suppression", 4), ("office-holder", 5)]


def test_directives_in_code_are_not_suppressions(tmp_path, write):
    body = f"```\n<!-- factlint-disable-file -->\n```\n\n{WRONG}"
    assert findings(tmp_path, write, body) == [("office-holder", 8)]


def test_engine_rules_are_listed_and_explained():
    assert "unused-suppression" in run_in_process("rules").stdout
    explained = run_in_process("explain", "expired-suppression")
    assert explained.returncode == 0 and "until= date" in explained.stdout


def test_engine_messages_follow_the_style_guide(tmp_path, write):
    """Dates in words, the document's words in double quotes, sentence case and a full stop (docs/rules.md)."""
    write("draft.md", (
        "---\ndate: 2025-06-01\n---\n"
        f"<!-- factlint-disable-next-line office-holder until=2001-01-01 -->\n{WRONG}\n\n"
        f"<!-- factlint-disable-next-line office-holder until=2025-02-30 -->\n{WRONG}\n\n"
        f"<!-- factlint-disable-next-line event-date, office-holder -->\nThe goverment fell.\n"
    ))
    result = run_in_process("check", "draft.md", "--facts", FACTS, "--format", "json", cwd=tmp_path)
    messages = [f["message"] for f in json.loads(result.stdout)["findings"] if f["rule"].endswith("-suppression")]
    assert messages == [
        "This suppression expired on 1 January 2001; remove it or extend its until= date.",
        'This suppression is ignored: "until=2025-02-30" is not a real date; write until=YYYY-MM-DD.',
        'This suppression of "event-date" and "office-holder" suppresses nothing; remove it.',
    ]
