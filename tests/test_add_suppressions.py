"""--add-suppressions REASON: a suppression for every finding, as Ruff's --add-noqa; text is only added."""

from __future__ import annotations

import difflib
import json

import pytest

from conftest import REPO, invoke

FACTS = str(REPO / "seeds" / "facts.yaml")
REASON = "checked with the desk, 2025-06-02"
MARKDOWN = (
    "---\ntitle: t\n---\n"
    "UK Prime Minister Rishi Sunak spoke first.\n"  # the first line after the front matter: a comment line above it
    "Later, said **UK Prime Minister**\n"  # a second paragraph line: the comment goes at the end of the line before
    "Rishi Sunak. It was a a mistake.\n"
    "\n"
    "- The goverment fell.\n"
    "  <!-- factlint-disable-next-line repeated-word -- kept -->\n"  # a suppression already there stays whole and used
    "  The goverment fell, and a a hard break:  \n"
    "The goverment fell.\n"
)
HTML = "<p>Fine\n<b>The goverment</b> fell.</p>\n<p>\nThe goverment fell.</p>\n"


def findings(*paths: str) -> list[tuple[str, int, str]]:
    result = invoke("check", *paths, "--facts", FACTS, "--date", "2025-06-01", "--no-cache", "--output-format", "json")
    return [(f["path"], f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


def only_added(before: str, after: str) -> bool:
    return all(tag in ("equal", "insert") for tag, *_ in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes())


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, text in {"a.md": MARKDOWN, "b.html": HTML, "c.txt": "The goverment fell.\n"}.items():
        (tmp_path / name).write_bytes(text.encode())
    return tmp_path


def test_every_finding_is_suppressed_none_unused_and_only_text_is_added(drafts):
    before = findings("a.md", "b.html", "c.txt")
    assert [(path, rule) for path, _, rule in before].count(("a.md", "misspelling")) == 3 and ("c.txt", 1, "misspelling") in before
    result = invoke("check", "a.md", "b.html", "c.txt", "--facts", FACTS, "--date", "2025-06-01", "--no-cache", "--add-suppressions", REASON)
    assert result.stderr.splitlines() == [
        "factlint: added 6 suppression comment(s) to a.md",
        "factlint: added 2 suppression comment(s) to b.html",
        "factlint: c.txt: 1 finding(s) not suppressed: plain text has no comments to hold a suppression (a baseline can: --write-baseline)",
    ]
    assert result.exit_code == 0 and result.stdout.startswith("c.txt:1:5: warning [misspelling]")  # what is left is reported
    assert findings("a.md", "b.html", "c.txt") == [("c.txt", 1, "misspelling")]  # nothing unused either
    for name, original in (("a.md", MARKDOWN), ("b.html", HTML)):
        assert only_added(original, (drafts / name).read_text())
    assert (drafts / "a.md").read_text().splitlines()[3:7] == [
        f"<!-- factlint-disable-next-line office-holder -- {REASON} -->",
        f"UK Prime Minister Rishi Sunak spoke first. <!-- factlint-disable-next-line office-holder -- {REASON} -->",
        f"Later, said **UK Prime Minister** <!-- factlint-disable-next-line repeated-word -- {REASON} -->",
        "Rishi Sunak. It was a a mistake.",
    ]
    assert f"  <!-- factlint-disable-next-line repeated-word -- kept --> <!-- factlint-disable-next-line misspelling -- {REASON} -->\n" in (
        drafts / "a.md"
    ).read_text()
    assert f"a a hard break: <!-- factlint-disable-next-line misspelling -- {REASON} -->  \n" in (drafts / "a.md").read_text()  # still a hard break


def test_adding_twice_adds_nothing_the_second_time(drafts):
    command = ["check", "a.md", "b.html", "--facts", FACTS, "--date", "2025-06-01", "--no-cache", "--add-suppressions", REASON]
    invoke(*command)
    written = {name: (drafts / name).read_bytes() for name in ("a.md", "b.html")}
    again = invoke(*command)
    assert (again.exit_code, again.stdout, again.stderr) == (0, "No findings in 2 files.\n", "")
    assert {name: (drafts / name).read_bytes() for name in written} == written


def test_line_endings_and_byte_order_mark_are_kept(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_bytes(b"\xef\xbb\xbfThe goverment fell.\r\n\r\nIt was a a mistake.\r\n")
    invoke("check", "d.md", "--no-cache", "--add-suppressions", "house style")
    assert (tmp_path / "d.md").read_bytes() == (
        b"\xef\xbb\xbf<!-- factlint-disable-next-line misspelling -- house style -->\r\nThe goverment fell.\r\n\r\n"
        b"<!-- factlint-disable-next-line repeated-word -- house style -->\r\nIt was a a mistake.\r\n"
    )


def test_a_line_no_comment_can_precede_without_changing_the_text_is_left_and_said(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "A line with a Markdown hard break\\\nThe goverment fell.\n"  # a comment line would split the paragraph
    (tmp_path / "d.md").write_text(f"The goverment fell.\n\n{text}")
    result = invoke("check", "d.md", "--no-cache", "--add-suppressions", "house style")
    assert (tmp_path / "d.md").read_text() == f"<!-- factlint-disable-next-line misspelling -- house style -->\nThe goverment fell.\n\n{text}"
    assert result.stderr.startswith(
        "factlint: added 1 suppression comment(s) to d.md\n"
        "factlint: d.md: 1 finding(s) not suppressed: no comment could be placed before their lines without changing how the document reads\n"
    )
    assert result.stdout.startswith("d.md:5:5: warning [misspelling]")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--add-suppressions", " "], "factlint: error: --add-suppressions: give a reason"),
        (["--add-suppressions", "ends --> here"], "factlint: error: --add-suppressions: the reason must be one line without '-->'"),
        (["--add-suppressions", "two\nlines"], "factlint: error: --add-suppressions: the reason must be one line"),
        (["--add-suppressions", "why", "--diff"], "factlint: error: --add-suppressions writes to the files checked: not with --diff"),
    ],
)
def test_a_reason_that_cannot_be_written_is_refused_before_anything_is_written(drafts, options, message):
    result = invoke("check", "a.md", "--no-cache", *options)
    assert result.exit_code == 2 and result.stderr.startswith(message) and (drafts / "a.md").read_text() == MARKDOWN
