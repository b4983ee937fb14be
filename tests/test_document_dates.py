"""The date a document is checked against: where it comes from, as CMS tools write it, and saying so."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from linter.cli import app
from linter.dates import long_date

from conftest import REPO, invoke

FACTS = str(REPO / "seeds" / "facts.yaml")  # Sunak was Prime Minister until 5 July 2024, Starmer from then
CLAIM = "Prime Minister Rishi Sunak spoke.\n"


def check(tmp_path, monkeypatch, *args: str):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(app, ["check", *args, "--facts", FACTS, "--no-cache"])


def files_of(result) -> dict[str, dict]:
    return {entry["path"]: entry["date"] for entry in json.loads(result.stdout)["files"]}


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2024-07-04", "2024-07-04"),
        ("2024-07-04T09:30:00Z", "2024-07-04"),  # Hugo, most CMS exports
        ("2024-07-04T09:30:00+01:00", "2024-07-04"),
        ("2024-07-04T09:30+01:00", "2024-07-04"),  # no seconds
        ("2024-07-04 09:30:00 +0100", "2024-07-04"),  # Jekyll
        ("2024-07-04t23:59:43.10-05:00", "2024-07-04"),  # YAML's timestamp: the day as written, not in UTC (5 July)
        ("2024-07-04 21:59:43.10 -5", "2024-07-04"),  # YAML's timestamp with a short zone
        ('"2024-07-04T09:30:00Z"', "2024-07-04"),  # quoted
        ("2024-07-04T09:30:00Z..2024-07-06", "2024-07-04..2024-07-06"),  # a window: true on 4 July, so no finding
    ],
)
def test_front_matter_dates_and_date_times_as_cms_tools_write_them(tmp_path, monkeypatch, written, day):
    (tmp_path / "a.md").write_text(f"---\ndate: {written}\n---\n{CLAIM}")
    result = check(tmp_path, monkeypatch, "a.md", "--format", "json")
    assert result.exit_code == 0, result.output  # Sunak was still Prime Minister on 4 July 2024
    start, _, end = day.partition("..")
    assert files_of(result)["a.md"] == {"from": start, "to": end or start, "source": "front_matter", "key": "date", "location": "a.md:2:7"}


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        ("date: 2024-07-04T25:00:00Z", "a.md:2:7: front matter 'date': '2024-07-04T25:00:00Z' does not hold a real time of day and zone"),
        ("date: 2024-02-30T10:00:00Z", "a.md:2:7: front matter 'date': '2024-02-30T10:00:00Z' is not a real calendar date"),
        ("pubDate: 4 July 2024", "a.md:2:10: front matter 'pubDate': '4 July 2024' is not a date; write it as YYYY-MM-DD, or as a date and time"),
    ],
)
def test_a_bad_front_matter_date_is_located_and_the_summary_says_the_file_was_not_checked(tmp_path, monkeypatch, front_matter, message):
    (tmp_path / "a.md").write_text(f"---\n{front_matter}\n---\n{CLAIM}")
    (tmp_path / "b.md").write_text(f"---\ndate: 2024-01-01\n---\n{CLAIM}")
    result = check(tmp_path, monkeypatch, "a.md", "b.md")
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output
    assert result.stdout == "No findings in 1 file; 1 file could not be checked.\n"
    alone = check(tmp_path, monkeypatch, "a.md")
    assert alone.stdout == "Nothing was checked: 1 file could not be checked.\n"


def test_published_and_pubdate_are_read_and_the_first_key_of_the_list_wins(tmp_path, monkeypatch):
    (tmp_path / "pub.md").write_text(f"---\npublished: 2024-07-04T08:00:00Z\n---\n{CLAIM}")
    (tmp_path / "astro.md").write_text(f"---\ntitle: t\npubDate: 2024-07-04\n---\n{CLAIM}")
    (tmp_path / "both.md").write_text(f"---\npublished: 2025-01-01\ndate: 2024-07-04\n---\n{CLAIM}")
    (tmp_path / "empty.md").write_text(f"---\ndate:\npublished: 2024-07-04\n---\n{CLAIM}")  # an empty key is no date
    result = check(tmp_path, monkeypatch, "pub.md", "astro.md", "both.md", "empty.md", "--format", "json")
    assert result.exit_code == 0, result.output
    assert {path: (date["key"], date["from"]) for path, date in files_of(result).items()} == {
        "pub.md": ("published", "2024-07-04"),
        "astro.md": ("pubDate", "2024-07-04"),
        "both.md": ("date", "2024-07-04"),  # 'date' comes first in the default list, wherever it is written
        "empty.md": ("published", "2024-07-04"),
    }
    (tmp_path / "factlint.yaml").write_text("date_keys: [published]\n")
    again = check(tmp_path, monkeypatch, "both.md", "--format", "json")
    assert again.exit_code == 1 and files_of(again)["both.md"]["key"] == "published"  # 2025: Sunak was no longer


def test_date_keys_is_validated(tmp_path, monkeypatch):
    (tmp_path / "factlint.yaml").write_text("date_keys: [date, NO]\n")
    (tmp_path / "a.md").write_text(CLAIM)
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "a.md")
    assert result.exit_code == 2
    assert "factlint.yaml:1:19: each item of 'date_keys' in the config must be a non-empty string" in result.stderr


def test_verbose_says_each_files_date_and_where_it_came_from(tmp_path, monkeypatch):
    (tmp_path / "front.md").write_text(f"---\ntitle: t\ndate: 2024-07-04\n---\n{CLAIM}")
    (tmp_path / "plain.txt").write_text(CLAIM)
    (tmp_path / "factlint.yaml").write_text("date: 2024-04-05..2024-12-31\n")
    result = check(tmp_path, monkeypatch, "front.md", "plain.txt", "-v")
    assert result.stderr.splitlines() == [
        "factlint: front.md: dated on 4 July 2024 (front matter 'date', line 3)",
        "factlint: plain.txt: dated between 5 April and 31 December 2024 (the config's 'date', factlint.yaml:1:7)",
    ]
    given = check(tmp_path, monkeypatch, "front.md", "--date", "2025-01-01", "--verbose")
    assert given.stderr == "factlint: front.md: dated on 1 January 2025 (--date)\n" and given.exit_code == 1


def test_a_document_without_a_date_is_checked_as_of_today_with_one_warning(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(CLAIM + "Prime Minister Rishi Sunak spoke again.\n")
    (tmp_path / "b.txt").write_text("Fine.\n")
    result = check(tmp_path, monkeypatch, "a.md", "b.txt", "--format", "json")
    today = dt.date.today()
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [
        f"factlint: warning: {path} has no date, so it was checked as of today, {long_date(today)}; give it one with "
        "'date: YYYY-MM-DD' in its front matter (Markdown), --date, or 'date:' in the config"
        for path in ("a.md", "b.txt")
    ]
    assert files_of(result)["a.md"] == {"from": today.isoformat(), "to": today.isoformat(), "source": "today", "key": None, "location": None}
    assert check(tmp_path, monkeypatch, "a.md", "--quiet").stderr == ""
    assert check(tmp_path, monkeypatch, "a.md", "--date", "2024-01-01").stderr == ""
