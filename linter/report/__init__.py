"""Stage 6: report findings: text and an HTML page for people; JSON, SARIF, GitHub annotations and JUnit for tools."""

from linter.report.github import render_github
from linter.report.html import render_html
from linter.report.json_format import render_json
from linter.report.junit import render_junit
from linter.report.sarif import render_sarif
from linter.report.text import render_concise, render_text

FORMATS = {
    "text": render_text,
    "concise": render_concise,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
    "html": render_html,
}
HUMAN_FORMATS = ("text", "concise")  # they take summary= and unsafe_fixes= too

__all__ = ["FORMATS", "HUMAN_FORMATS"]
