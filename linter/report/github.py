"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from linter.result import RunResult, summarise

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: RunResult, color: bool = False) -> str:
    lines = []
    for f in result.findings:
        where = f"file={_property(f.path)},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column}"
        lines.append(f"::{COMMANDS[f.severity]} {where},title={_property('factlint ' + f.rule)}::{_data(f.message)}")
    for problem in result.problems:
        location, properties = problem.location, []
        if location:
            properties.append(f"file={_property(location.path)}")
            properties += [f"{name}={value}" for name, value in (("line", location.line), ("col", location.column)) if value]
        properties.append("title=factlint")
        lines.append(f"::error {','.join(properties)}::{_data(problem.message)}")
    counts = summarise(result)
    lines.append(
        f"factlint: {counts['findings']} finding(s) in {counts['files']} file(s): "
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
    )
    return "\n".join(lines) + "\n"
