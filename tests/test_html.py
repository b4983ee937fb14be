"""HTML documents: the visible text is checked, findings point into the source."""

from __future__ import annotations

import json

from linter.source.read import document_from_text

from conftest import REPO, run_cli

PAGE = """<!DOCTYPE html>
<html><head><title>Prime Minister Rishi Sunak</title><style>p { color: red }</style></head>
<body>
<h1>News</h1>
<p class="lead">Yesterday <b>UK Prime Minister</b> <a href="/sunak">Rishi Sunak</a> spoke.</p>
<script>var s = "UK Prime Minister Rishi Sunak";</script>
<!-- factlint-disable-next-line office-holder -->
<p>UK Prime Minister Rishi Sunak, quoted from 2023.</p>
</body></html>
"""


def test_only_visible_text_is_prose_and_offsets_are_kept():
    document = document_from_text(PAGE, "page.html", "html")
    assert len(document.prose) == len(PAGE)
    assert "var s" not in document.prose and "color" not in document.prose and "href" not in document.prose
    texts = [document.prose[b.start : b.end] for b in document.blocks]
    assert "News" in texts and any(" ".join(t.split()) == "Yesterday UK Prime Minister Rishi Sunak spoke." for t in texts)
    in_head = PAGE.index("Prime Minister Rishi Sunak</title>")
    assert document.prose[in_head : in_head + 26].strip() == ""  # the head is not visible text


def test_findings_in_html_point_at_the_source_and_suppressions_work(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    result = run_cli("check", "page.html", "--facts", str(REPO / "seeds" / "facts.yaml"), "--date", "2025-06-01", "--format", "json", cwd=tmp_path)
    [finding] = json.loads(result.stdout)["findings"]
    line = PAGE.splitlines()[finding["line"] - 1]
    assert finding["rule"] == "office-holder" and line[finding["column"] - 1 :].startswith("UK Prime Minister</b>")
    assert line[: finding["end_column"] - 1].endswith("Rishi Sunak")


def test_html_files_are_found_in_directories(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.htm").write_text("<p>The goverment fell.</p>")
    result = run_cli("check", "drafts", "--format", "json", cwd=tmp_path)
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["drafts/a.htm"]
