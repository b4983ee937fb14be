"""Property tests over generated documents (Hypothesis).

    pytest tests/test_fuzz.py                                  # default: 300 examples per property
    HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py -q       # the long run: 100,000 examples
"""

from __future__ import annotations

import json
import os

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the test extra")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from linter.analysis import analyse  # noqa: E402
from linter.checks.engine import evaluate  # noqa: E402
from linter.checks.rules import load_rules  # noqa: E402
from linter.dates import DateWindow  # noqa: E402
from linter.mentions.lexicon import build_lexicon  # noqa: E402
from linter.report import render_json, render_sarif  # noqa: E402
from linter.runner import RunResult  # noqa: E402
from linter.source.document import document_from_text  # noqa: E402

from conftest import facts_from  # noqa: E402

settings.register_profile("default", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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
    document = document_from_text(text, f"fuzz.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[kind] }", kind)
    findings = evaluate(analyse(document, FACTS, LEXICON, DateWindow.parse(window)), RULES)
    return document, findings


@given(DOCUMENTS, KINDS, WINDOWS)
def test_never_raises_and_every_finding_points_inside_the_document(text, kind, window):
    try:
        document, findings = lint(text, kind, window)
    except Exception as error:  # the only acceptable failure: front matter that is not valid YAML
        assert type(error).__name__ == "UserError" and kind == "markdown", repr(error)
        return
    for finding in findings:
        assert 0 <= finding.span.start < finding.span.end <= len(text)
        assert document.position(finding.span.start) == (finding.line, finding.column)
        assert document.position(finding.span.end) == (finding.end_line, finding.end_column)
        line = document.line_text(finding.line)
        if finding.line == finding.end_line:  # the reported columns cut out the finding's text
            assert line[finding.column - 1 : finding.end_column - 1] == text[finding.span.start : finding.span.end]


@given(DOCUMENTS, KINDS, WINDOWS)
def test_reports_always_parse_and_output_is_deterministic(text, kind, window):
    try:
        document, findings = lint(text, kind, window)
    except Exception:
        return
    result = RunResult(findings=findings, documents={document.path: document}, checked_paths=[document.path], rules=RULES)
    first = (render_json(result), render_sarif(result))
    json.loads(first[0])
    json.loads(first[1])
    again_document, again = lint(text, kind, window)
    assert again == findings
