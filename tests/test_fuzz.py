"""Property tests over generated documents (Hypothesis).

    pytest tests/test_fuzz.py                                  # default: 300 examples per property
    HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py -q       # the long run: 100,000 examples
"""

from __future__ import annotations

import json

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the test extra")
from hypothesis import given, strategies as st  # noqa: E402

from linter.analysis import analyse  # noqa: E402
from linter.checks.engine import evaluate  # noqa: E402
from linter.checks.rules import load_rules  # noqa: E402
from linter.dates import DateWindow, DocumentDate  # noqa: E402
from linter.errors import UserError  # noqa: E402
from linter.mentions.lexicon import build_lexicon  # noqa: E402
from linter.report import render_json, render_sarif  # noqa: E402
from linter.report.text import render_text  # noqa: E402
from linter.result import RunResult  # noqa: E402
from linter.source.read import document_from_text  # noqa: E402

from conftest import facts_from  # noqa: E402

FACTS = facts_from()
LEXICON = build_lexicon(FACTS)
RULES = load_rules()
NAMES = sorted({name for entity in FACTS.entities.values() for name in entity.names})
TITLES = sorted({title for office in FACTS.offices.values() for title in office.titles})
FRAGMENTS = [
    "\"", "“", "”", "'", ",", ".", " said ", " says ", ": ", "\n", "\n\n", "\r\n", "\r", "# ", "- ", "```\n", "`",
    "<!--", "-->", "<!-- factlint-disable-next-line office-holder -->\n", "<!-- factlint-disable -->", "<p>", "</p>",
    "---\n", "date: 2025-06-01\n", "former ", "ex-", "then-", "the ", "when ", " was ", ", who was ", "'s ", "Mr ",
    "March 15", "15 March 2025", "2025-03-20", "In 1997, ", "example summit", "\u200b", "\u202e", "\x00", "\ufeff",
]
PIECES = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(TITLES), st.sampled_from(FRAGMENTS), st.text(max_size=12),
)
DOCUMENTS = st.lists(PIECES, max_size=60).map("".join)
KINDS = st.sampled_from(["text", "markdown", "html"])
WINDOWS = st.sampled_from(["2025-06-01", "2004-01-01..2005-12-31", "1997-03-01", "2016-06-23"])


def lint(text: str, kind: str, window: str) -> tuple:
    """The document and its findings (the pipeline of one file, without reading it)."""
    document = document_from_text(text, f"fuzz.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[kind] }", kind)
    findings = evaluate(analyse(document, FACTS, LEXICON, DateWindow.parse(window)), RULES)
    return document, findings


def lint_or_refuse(text: str, kind: str, window: str) -> tuple | None:
    """lint(), or None when a Markdown document's front matter is refused with a located error."""
    try:
        return lint(text, kind, window)
    except UserError as error:  # front matter that is not valid YAML, or not a mapping: only Markdown has it
        assert kind == "markdown" and text.startswith("---") and error.location is not None, repr(error)
        return None


@given(DOCUMENTS, KINDS, WINDOWS)
def test_never_raises_and_every_finding_points_inside_the_document(text, kind, window):
    linted = lint_or_refuse(text, kind, window)
    if linted is None:
        return
    document, findings = linted
    for finding in findings:
        assert 0 <= finding.span.start < finding.span.end <= len(text)
        assert document.position(finding.span.start) == (finding.line, finding.column)
        assert document.position(finding.span.end) == (finding.end_line, finding.end_column)
        line = document.line_text(finding.line)
        if finding.line == finding.end_line:  # the reported columns cut out the finding's text
            assert line[finding.column - 1 : finding.end_column - 1] == text[finding.span.start : finding.span.end]


@given(DOCUMENTS, KINDS, WINDOWS)
def test_reports_always_parse_and_output_is_deterministic(text, kind, window):
    """Linting the same text twice gives the same findings, and the same bytes in every report."""

    def reports() -> tuple[str, ...]:
        linted = lint_or_refuse(text, kind, window)
        if linted is None:
            return ()
        document, findings = linted
        result = RunResult(
            findings=findings, documents={document.path: document}, checked_paths=[document.path], rules=RULES,
            dates={document.path: DocumentDate(DateWindow.parse(window), "option")},
        )
        return render_json(result), render_sarif(result), render_text(result, color=False)

    first = reports()
    for rendered in first[:2]:
        json.loads(rendered)
    assert reports() == first


SPANS = st.lists(st.tuples(st.integers(0, 400), st.integers(1, 40), st.sampled_from(["error", "warning", "info"])), max_size=8)


@given(DOCUMENTS, KINDS, SPANS)
def test_the_html_report_shows_every_line_exactly_and_marks_exactly_each_span(text, kind, spans):
    """Whatever the text and however findings overlap, the page reproduces the text line for
    line and each finding's marks hold exactly its span (line breaks aside)."""
    import regex

    from html_tree import parse
    from linter.findings import Finding
    from linter.report.html import render_html
    from linter.source.document import Span

    if regex.search(r"U\+[0-9A-F]{4}", text):
        return  # the text itself spells a code point: the comparison below could not tell them apart
    linted = lint_or_refuse(text, kind, "2025-06-01")
    if linted is None:
        return
    document, findings = linted[0], []
    for start, length, severity in spans:
        start = min(start, len(text))
        span = Span(start, min(start + length, len(text)))
        if span.end > span.start:
            line, column = document.position(span.start)
            end_line, end_column = document.position(span.end)
            findings.append(Finding(document.path, span, line, column, end_line, end_column, "rule", severity, "Message."))
    findings.sort(key=lambda finding: finding.sort_key)
    result = RunResult(findings=findings, documents={document.path: document}, checked_paths=[document.path], rules=RULES)
    root = parse(render_html(result))

    def shown(element) -> str:  # the text as the reader sees it, invisible characters put back
        return regex.sub(r"U\+([0-9A-F]{4})", lambda code: chr(int(code.group(1), 16)), element.text(skip={"ref"}))

    lines = root.find_all("div", "line")
    expected = [document.line_text(number) for number in range(1, len(document.line_starts) + 1)]
    if len(expected) > 1 and document.line_starts[-1] == len(text):
        expected.pop()  # nothing after the final line break
    assert [shown(line) for line in lines] == expected
    for number, finding in enumerate(findings, 1):
        marked = "".join(shown(mark) for mark in root.find_all("mark") if str(number) in mark.attrs["data-f"].split())
        assert marked == regex.sub(r"\r\n|\r|\n", "", text[finding.span.start:finding.span.end])


FIGURE_PIECES = st.one_of(
    st.sampled_from(
        "a an A one One ONE in at over cover some handsome about more than no fewer minus - − $ US$ hk$ HK$ NZ$ C$ A$ £ € ¥ 1 12 "
        "1,000 3.5 .5 5-1/2 3/4 half a third A Quarter two-thirds million bn m k % pct per cent points basis of a percentage point "
        "dollars Canadian sterling twenty-five Twenty seventy seventeen hundred an estimated just under up to upwards FTSE 100 3pm "
        "GMT 1999 ﬁve ſeven K é İ ٣".split()
    ),
    st.sampled_from([" ", " ", "", "-", "/", "\n", "\u00a0", ",", "."]),
    st.text(max_size=4),
)


@given(st.lists(FIGURE_PIECES, max_size=40).map("".join))
def test_figures_are_those_the_figure_regex_finds_trying_every_character(text):
    """linter/figures.py tries its regex only where a figure can begin: never a figure fewer or other."""
    from linter import figures

    def read(matches):
        return [(m.span(), [m.span(group) for group in m.re.groupindex], (m.group("bound") or "").lower()) for m in matches]

    assert read(figures._figure_matches(text)) == read(figures._figure().finditer(text))


FLAT_YAML_PIECES = st.one_of(
    st.sampled_from(
        [
            "date", "title", "x-y", "_k", "Ünï", "2k", ": ", ":", ":  ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "# note", " # c",
            "2025-06-01", "2025-06-01..2025-06-30", "2025-06-10T09:30:00Z", "2025-06-10 09:30", "2025-6-1", "1987",
            "yes", "No", "on", "OFF", "null", "~", "true", "y", "Sunak's speech", "A. N. Other", '"quoted"', "'single'",
            '"it\'s"', "'say \"hi\"'", '"a\\"b"', "''", '""', "[1, 2]", "{a: b}", "- item", "&anchor", "*alias", "!tag",
            "|", ">", "%", "@", "`", "---", "...", "a, b", "é", "\u2028", "\x85", "\ufeff", ".inf", "-1", "0x1F", "1:30",
        ]
    ),
    st.text(max_size=3),
)


@given(st.lists(FLAT_YAML_PIECES, max_size=30).map("".join))
def test_flat_front_matter_is_read_as_the_yaml_parser_reads_it(text):
    """linter/yamlio.py reads ``key: value`` lines without PyYAML: only what the parser reads the same."""
    from linter.yamlio import _flat_mapping
    from linter.yamlparse import parse

    flat = _flat_mapping(text, "front.md")
    if flat is None:
        return
    parsed, shared = parse(text, "front.md")
    assert not shared
    assert (dict(flat), flat.mark, flat.key_marks, flat.value_marks, flat.typed_scalars) == (
        dict(parsed), parsed.mark, parsed.key_marks, parsed.value_marks, parsed.typed_scalars
    )
