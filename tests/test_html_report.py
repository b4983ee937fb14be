"""The HTML report as a document: structure, escaping, overlaps, self-containment.

What a browser does with it (rendering, links, scripts not running, contrast) is
tested in a real Chromium by test_report_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

from conftest import REPO, run_cli
from html_tree import Element, parse

def report(*args: str, cwd=REPO) -> tuple[str, Element, int]:
    result = run_cli("check", *args, "--format", "html", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout, parse(result.stdout), result.returncode


def by_id(root: Element) -> dict[str, Element]:
    return {e.attrs["id"]: e for e in root.iter() if e.attrs.get("id")}


SEED_SPANS = {
    "former-office-holder": "Donald Trump was president",
    "quote-anachronism": "President Trump",
    "office-holder": "UK Prime Minister Rishi Sunak",
    "event-date": "March 15",
}


def test_seed_report_marks_the_four_findings_and_links_the_list_to_them():
    page, root, code = report("seeds/")
    assert code == 1
    ids = by_id(root)
    items = root.find_all("li")
    listed = [li for li in items if li.attrs.get("id", "").startswith("l")]
    assert len(listed) == 4
    for item in listed:
        number = item.attrs["id"][1:]
        [link] = [a for a in item.find_all("a") if a.attrs.get("href") == f"#f{number}"]
        rule = item.find_all("code")[0].text()
        assert f"f{number}" in ids, "the list links to an anchor that exists"
        marks = [m for m in root.find_all("mark") if number in m.attrs["data-f"].split()]
        assert "".join(m.text() for m in marks) == SEED_SPANS[rule]
        assert all("sev-error" in m.classes for m in marks)
        note = ids[f"n{number}"]
        assert "note" in note.classes and rule in note.text()
    office_note = ids[f"n{[li for li in listed if 'office-holder' == li.find_all('code')[0].text()][0].attrs['id'][1:]}"]
    assert (
        "Rishi Sunak was Prime Minister of the United Kingdom from 25 October 2022 to 5 July 2024; Keir Starmer from 5 July 2024."
        in office_note.text()
    )
    assert "seeds/facts.yaml:24" in office_note.text(), "each fact cites where it is written"
    assert "replace Rishi Sunak with Keir Starmer" in office_note.text(), "the <q> elements quote them"


def test_the_document_text_is_shown_whole_and_unchanged():
    _, root, _ = report("seeds/")
    source = (REPO / "seeds" / "coalition-of-the-willing.md").read_text(encoding="utf-8").splitlines()
    lines = [e for e in root.find_all("div", "line")]
    assert [int(line.attrs["data-line"]) for line in lines] == list(range(1, len(source) + 1))
    assert [line.text(skip={"ref"}) for line in lines] == source
    markup = "".join(span.text() for line in lines[:6] for span in line.find_all("span", "markup"))
    assert "date:" in markup, "front matter is shown, dimmed as markup"


def test_everything_from_documents_is_escaped(write, tmp_path):
    hostile = '<script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2"> "q" & \'a\' </div>'
    write("draft.md", f"The goverment said {hostile}\n")
    write("page.html", f"<p>The goverment said {html.escape(hostile)}</p><script>window.pwned = 3</script>\n")
    write(f"{hostile.replace('/', '')}.txt", "The goverment fell.\n")  # in a path too
    page, root, _ = report(".", cwd=tmp_path)
    assert [e.tag for e in root.iter() if e.tag in {"img", "iframe", "object", "embed", "link"}] == []
    scripts = root.find_all("script")
    assert len(scripts) == 1 and "pwned" not in scripts[0].text(), "the only script is the report's own"
    assert not any(name.startswith("on") for e in root.iter() for name in e.attrs)
    shown = root.text()
    assert "<script>window.pwned = 1</script>" in shown and '<img src=x onerror="window.pwned = 2">' in shown


def test_overlapping_findings_are_marked_as_overlapping(write, tmp_path):
    write("rules.yaml", """\
        rules:
          - id: long-span
            kind: pattern
            severity: warning
            pattern: 'quick brown fox'
            message: "Long span."
            description: A test rule.
            examples: {flag: [The quick brown fox.], pass: [A slow fox.]}
          - id: short-span
            kind: pattern
            severity: error
            pattern: 'brown'
            message: "Short span."
            description: A test rule.
            examples: {flag: [A brown dog.], pass: [A red dog.]}
        """)
    write("draft.txt", "The quick brown fox.\n")
    _, root, _ = report("draft.txt", "--rules", "rules.yaml", "--select", "long-span", "--extend-select", "short-span", cwd=tmp_path)
    marks = root.find_all("mark")
    assert [(m.text(), m.attrs["data-f"], "overlap" in m.classes) for m in marks] == [
        ("quick ", "1", False),
        ("brown", "1 2", True),
        (" fox", "1", False),
    ]
    assert "sev-error" in marks[1].classes, "an overlap shows its most severe finding"
    ids = by_id(root)
    assert "overlaps finding 2" in ids["n1"].text() and "overlaps finding 1" in ids["n2"].text()
    refs = [a.text() for a in root.find_all("a", "ref")]
    assert refs == ["2", "1"], "each span ends with its number: 'brown' (2), then the fox (1)"


def test_the_page_is_self_contained_and_allows_only_its_own_style_and_script():
    page, root, _ = report("seeds/")
    urls = [value for e in root.iter() for name, value in e.attrs.items() if name in {"src", "href", "action"} and value]
    assert urls and all(url.startswith("#") for url in urls), "every link stays inside the page"
    assert not re.search(r"url\(|@import|https?://", "".join(e.text() for e in root.find_all("style")))
    [policy] = [e.attrs["content"] for e in root.find_all("meta") if e.attrs.get("http-equiv") == "Content-Security-Policy"]
    [style] = root.find_all("style")
    [script] = root.find_all("script")

    def digest(text: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert "default-src 'none'" in policy
    assert f"style-src '{digest(style.text())}'" in policy and f"script-src '{digest(script.text())}'" in policy


def test_invisible_characters_are_shown_by_code_point(write, tmp_path):
    write("draft.txt", "UK Prime Minister Rishi\u200bSunak spoke \u202eevil\u202c.\n")
    _, root, _ = report("draft.txt", cwd=tmp_path)
    shown = [abbr.text() for line in root.find_all("div", "line") for abbr in line.find_all("abbr", "hidden-char")]
    assert shown == ["U+200B", "U+202E", "U+202C"]
    assert "\u202e" not in root.text(), "no character that reorders text reaches the page"


def test_many_documents_start_collapsed_with_those_with_findings_first(write, tmp_path):
    for number in range(12):
        write(f"docs/{number:02}-clean.txt", "Nothing to see.\n")
        write(f"docs/{number:02}-typo.txt", "The goverment fell.\n")
    _, root, _ = report("docs", cwd=tmp_path)
    documents = root.find_all("details", "document")
    assert len(documents) == 24 and not any("open" in d.attrs for d in documents)
    names = [d.find_all("h3")[0].text() for d in documents]
    assert all(name.endswith("-typo.txt") for name in names[:12]) and all(name.endswith("-clean.txt") for name in names[12:])
    assert root.text().count("Nothing to see.") == 12, "documents without findings are there to read too"


def test_past_a_budget_documents_without_findings_are_listed_by_name(write, tmp_path, monkeypatch):
    from linter.plan import CheckOptions, check
    from linter.report import html as html_report

    write("typo.txt", "The goverment fell.\n")
    for number in range(3):
        write(f"clean-{number}.txt", "Nothing to see.\n")  # 16 characters each
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(html_report, "CLEAN_TEXT_BUDGET", 40)
    result, _ = check(["."], CheckOptions(keep_documents=True), str)
    root = parse(html_report.render_html(result))
    assert root.text().count("Nothing to see.") == 2
    [left_out] = root.find_all("ul", "clean-list")
    assert left_out.text() == "./clean-2.txt" and "The text of 1 more document is left out" in root.text()


def test_a_few_documents_start_open(write, tmp_path):
    write("draft.txt", "The goverment fell.\n")
    _, root, _ = report("draft.txt", cwd=tmp_path)
    assert all("open" in d.attrs for d in root.find_all("details", "document"))


def test_no_findings_and_unreadable_files_are_reported(write, tmp_path):
    write("fine.txt", "All is well.\n")
    (tmp_path / "bad.txt").write_bytes(b"caf\xff\n")
    result = run_cli("check", "fine.txt", "bad.txt", "--format", "html", cwd=tmp_path)
    assert result.returncode == 2
    root = parse(result.stdout)
    assert "No findings." in root.text()
    [problem] = root.find_all("ul", "problems")
    assert "bad.txt:1:4" in problem.text() and "not valid UTF-8" in problem.text()


def test_output_file_keeps_the_exit_code(tmp_path):
    target = tmp_path / "report.html"
    result = run_cli("check", "seeds/", "--format", "html", "--output", str(target))
    assert result.returncode == 1 and result.stdout == ""
    assert parse(target.read_text(encoding="utf-8")).find_all("mark")


def test_a_span_across_lines_is_marked_on_each_line_with_its_note_after_the_last(write, tmp_path):
    write("draft.md", "---\ndate: 2025-06-01\n---\nYesterday UK Prime\r\nMinister Rishi Sunak spoke.\r\n\r\nThe end.\r\n")
    _, root, _ = report("draft.md", "--facts", str(REPO / "seeds" / "facts.yaml"), cwd=tmp_path)
    lines = root.find_all("div", "line")
    assert [line.text(skip={"ref"}) for line in lines] == ["---", "date: 2025-06-01", "---", "Yesterday UK Prime",
                                                           "Minister Rishi Sunak spoke.", "", "The end."]
    assert [(mark.text(), mark.attrs["data-f"]) for mark in root.find_all("mark")] == [("UK Prime", "1"), ("Minister Rishi Sunak", "1")]
    text = root.find_all("div", "text")[0]
    kinds = [("note" if "note" in child.classes else child.attrs.get("data-line")) for child in text.children if isinstance(child, Element)]
    assert kinds == ["1", "2", "3", "4", "5", "note", "6", "7"]


def test_an_empty_span_is_a_numbered_point_in_the_text():
    from linter.findings import Finding
    from linter.report.html_document import Numbered, render_document
    from linter.source.document import Span
    from linter.source.read import document_from_text

    document = document_from_text("One two.\n", "draft.txt")
    point = Finding("draft.txt", Span(3, 3), 1, 4, 1, 4, "a-rule", "info", "Here.")
    rendered = render_document(document, [Numbered(1, point)], lambda item, overlapping: "<aside></aside>")
    assert rendered == (
        '<div class="line" data-line="1"><span class="tx">One<span class="anchor" id="f1"></span>'
        '<a class="ref sev-info" href="#n1" aria-label="Finding 1: info, a-rule">1</a> two.</span></div>\n<aside></aside>'
    )


def test_a_point_at_the_very_end_keeps_its_note():
    from linter.findings import Finding
    from linter.report.html_document import Numbered, render_document
    from linter.source.document import Span
    from linter.source.read import document_from_text

    document = document_from_text("One.\n", "draft.txt")
    point = Finding("draft.txt", Span(5, 5), 2, 1, 2, 1, "a-rule", "info", "Here.")
    rendered = render_document(document, [Numbered(1, point)], lambda item, overlapping: "<aside></aside>")
    assert rendered.count('data-line=') == 1 and rendered.endswith("<aside></aside>") and 'id="f1"' in rendered
