"""Text output that reads like a compiler's.

    path:line:col: severity [rule] message
       |
     8 | ...said UK Prime Minister Rishi Sunak in an interview...
       |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
       = facts: Rishi Sunak was Prime Minister of the United Kingdom from 25 October 2022 to 5 July 2024; Keir Starmer from 5 July 2024.
       = source: seeds/facts.yaml:24:5

Long lines (a whole article on one line is common) are shown as a window
around the span, so the excerpt stays readable. ``concise`` is the first line
of each finding only. As in Ruff, ``[*]`` before the message marks a finding
``--fix`` would fix, and the summary counts them.
"""

from __future__ import annotations

from linter.findings import Finding
from linter.report.summary import fix_summary
from linter.result import RunResult, fixable, summarise
from linter.source.document import Document

_CONTEXT = 40  # characters of context either side of the span in an excerpt
_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m", "bold": "\033[1m", "dim": "\033[2m", "fix": "\033[36m"}
_RESET = "\033[0m"


def render_text(result: RunResult, color: bool = False, summary: bool = True, unsafe_fixes: bool = False) -> str:
    return _render(result, color, summary, unsafe_fixes, excerpts=True)


def render_concise(result: RunResult, color: bool = False, summary: bool = True, unsafe_fixes: bool = False) -> str:
    return _render(result, color, summary, unsafe_fixes, excerpts=False)


def _render(result: RunResult, color: bool, summary: bool, unsafe_fixes: bool, excerpts: bool) -> str:
    """``unsafe_fixes``: whether --fix would apply unsafe fixes too, so they count as fixable."""
    paint = (lambda text, style: f"{_COLORS[style]}{text}{_RESET}") if color else (lambda text, style: text)
    out: list[str] = []
    for finding in result.findings:
        header = f"{finding.path}:{finding.line}:{finding.column}:"
        mark = f"[{paint('*', 'fix')}] " if finding.fix and finding.fix.applies(unsafe_fixes) else ""
        out.append(f"{paint(header, 'bold')} {paint(finding.severity, finding.severity)} [{finding.rule}] {mark}{finding.message}")
        if excerpts:
            document = result.documents.get(finding.path)
            if document is not None:
                out.extend(_excerpt(document, finding, paint))
            out.append("")
    if summary:
        out.append(_summary_line(result))
        fixes = fix_summary(*fixable(result.findings, unsafe_fixes))
        if fixes:
            out.append(fixes)
    elif out and excerpts:
        out.pop()  # the blank line after the last finding
    return "\n".join(out) + "\n" if out else ""


def _excerpt(document: Document, finding: Finding, paint) -> list[str]:
    line = document.line_text(finding.line).replace("\t", " ")
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = max(end, start + 1)
    left, right = max(0, start - _CONTEXT), min(len(line), end + _CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    gutter = " " * len(str(finding.line))
    marker = " " * (len(prefix) + start - left) + "^" * (min(end, right) - start)
    lines = [
        f"{gutter} |",
        f"{finding.line} | {shown}",
        f"{gutter} | {paint(marker, finding.severity)}",
    ]
    lines.extend(f"{gutter} = {paint(note, 'dim')}" for note in _fact_notes(finding))
    return lines


def _fact_notes(finding: Finding) -> list[str]:
    """'facts: <sentence>' per fact the finding rests on, then 'source: <where they are written>'.

    The sentences are the JSON output's ``facts`` (ids stay in the JSON's ``evidence``)."""
    notes = [f"facts: {note.text}" for note in finding.facts]
    sources = list(dict.fromkeys(note.source for note in finding.facts if note.source))
    if sources:
        notes.append(f"source: {', '.join(sources)}")
    return notes


def _summary_line(result: RunResult) -> str:
    """'Found 2 errors in 3 files.', with '; 1 file could not be checked' when one could not."""
    counts = summarise(result)
    files = f"{counts['files']} file{'s' if counts['files'] != 1 else ''}"
    unchecked = len(result.unchecked)
    not_checked = f"{unchecked} file{'s' if unchecked != 1 else ''} could not be checked"
    tail = f"; {not_checked}" if unchecked else ""
    if result.findings:
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
        return f"Found {', '.join(parts)} in {files}{tail}."
    if unchecked and not counts["files"]:
        return f"Nothing was checked: {not_checked}."
    return f"No findings in {files}{tail}."
