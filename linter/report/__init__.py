"""Stage 6: report findings (text for people, JSON for tools)."""

from linter.report.json_format import render_json
from linter.report.text import render_text

FORMATS = {"text": render_text, "json": render_json}

__all__ = ["FORMATS", "render_json", "render_text"]
