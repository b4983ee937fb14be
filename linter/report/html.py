"""The HTML report: one self-contained page for editors (documented in docs/cli.md).

At the top a summary and the list of findings, each linking to its span; then every
document with findings, its spans marked and each finding's note (message, rule, the
facts behind it, a suggested fix) after the line where the span ends; then the
documents without findings, collapsed; then the rules that fired.

The page needs no network and no script: the stylesheet and the small script are
inlined, and a Content-Security-Policy allows exactly those two (by hash) and nothing
else, so even text that escaped escaping could not load or run anything. The script
only adds severity filters, expand/collapse-all, notes beside their spans on wide
screens, an outline on the span a link leads to, and every document open to print.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from functools import cache, partial
from importlib import resources

from linter import __version__
from linter.findings import SEVERITIES, Finding
from linter.report.html_document import Numbered, escape, render_document
from linter.result import RunResult
from linter.source.document import Document

EXPANDED_UP_TO = 10  # documents with findings shown open; more than this and all start collapsed
CLEAN_TEXT_BUDGET = 5_000_000  # characters of documents without findings included; past it, names only
FLAGGED_EXCERPT = 200  # characters of a span quoted in its note


def render_html(result: RunResult, color: bool = False) -> str:
    numbered = [Numbered(number, finding) for number, finding in enumerate(result.findings, 1)]
    by_path: dict[str, list[Numbered]] = {}
    for item in numbered:
        by_path.setdefault(item.finding.path, []).append(item)
    document_ids = {path: f"d{index}" for index, path in enumerate(by_path, 1)}
    style, script = _asset("report.css"), _asset("report.js")
    what = f"{_count(len(numbered), 'finding')} in {_count(result.checked, 'document')}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_content_security_policy(style, script)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="factlint">',
        f"<title>factlint report: {what}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#findings">Skip to the findings</a>',
        "<header>",
        "<h1>factlint report</h1>",
        f'<p class="byline">factlint {escape(__version__)}: {what}.</p>',
        "</header>",
        "<main>",
        _summary(result),
        _finding_list(result, by_path, document_ids),
        _documents(result, by_path, document_ids),
        _clean_documents(result, by_path),
        _problems(result),
        _rules(result),
        "</main>",
        f"<script>{script}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


@cache
def _asset(name: str) -> str:
    return resources.files("linter.report").joinpath("assets", name).read_text(encoding="utf-8")


def _content_security_policy(style: str, script: str) -> str:
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"

    return (
        f"default-src 'none'; style-src {digest(style)}; script-src {digest(script)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _noun(number: int, noun: str) -> str:
    """'error', 'errors'; 'info' is never plural."""
    return noun if number == 1 or noun == "info" else noun + "s"


def _count(number: int, noun: str) -> str:
    """'4 errors', '1 document'."""
    return f"{number:,} {_noun(number, noun)}"


def _severity_counts(findings: list[Finding]) -> str:
    """'4 errors, 1 warning' (severities with findings only)."""
    counts = Counter(f.severity for f in findings)
    return ", ".join(_count(counts[s], s) for s in SEVERITIES if counts[s])


def _section(name: str, title: str, body: str, linked: bool = False) -> str:
    """A titled section of the page; ``linked`` sections have an id that links can target."""
    anchor = f' id="{name}"' if linked else ""
    return f'<section{anchor} aria-labelledby="{name}-title"><h2 id="{name}-title">{title}</h2>{body}</section>'


def _badge(severity: str) -> str:
    return f'<span class="badge sev-{severity}">{severity}</span>'


def _summary(result: RunResult) -> str:
    counts = Counter(f.severity for f in result.findings)
    with_findings = len({f.path for f in result.findings})
    tiles = [(result.checked, _noun(result.checked, "document") + " checked"), (with_findings, "with findings")]
    tiles.extend((counts[s], _noun(counts[s], s)) for s in SEVERITIES)
    if result.problems:
        tiles.append((len(result.problems), "not checked"))
    rows = "".join(
        f'<tr><td><a href="#rule-{escape(rule)}"><code>{escape(rule)}</code></a></td><td>{_badge(severity)}</td>'
        f'<td class="number">{count:,}</td></tr>'
        for (rule, severity), count in sorted(Counter((f.rule, f.severity) for f in result.findings).items(), key=lambda kv: (-kv[1], kv[0]))
    )
    table = (
        '<table><caption class="skip">Findings by rule</caption><thead><tr><th scope="col">Rule</th>'
        f'<th scope="col">Severity</th><th scope="col" class="number">Findings</th></tr></thead><tbody>{rows}</tbody></table>'
        if rows else ""
    )
    tile_items = "".join(f"<li><strong>{number:,}</strong> {label}</li>" for number, label in tiles)
    return _section("summary", "Summary", f'<ul class="counts">{tile_items}</ul>{table}')


def _finding_list(result: RunResult, by_path: dict[str, list[Numbered]], document_ids: dict[str, str]) -> str:
    if not by_path:
        return _section("findings", "Findings", "<p>No findings.</p>", linked=True)
    counts = Counter(f.severity for f in result.findings)
    boxes = "".join(
        f'<label><input type="checkbox" data-severity="{s}" checked> {s} ({counts[s]:,})</label>' for s in SEVERITIES if counts[s]
    )
    controls = (
        f'<div class="controls" hidden><fieldset><legend>Show</legend>{boxes}</fieldset>'
        '<button type="button" data-open="true">Expand all documents</button>'
        '<button type="button" data-open="false">Collapse all documents</button></div>'
    )
    groups = []
    for path, items in by_path.items():
        entries = "".join(
            f'<li class="sev-{item.finding.severity}" id="l{item.number}">'
            f'<a class="where" href="#f{item.number}">{item.finding.line}:{item.finding.column}</a> '
            f"{_badge(item.finding.severity)} <code>{escape(item.finding.rule)}</code> {escape(item.finding.message)}</li>"
            for item in items
        )
        summary = _severity_counts([item.finding for item in items])
        groups.append(f'<li><a href="#{document_ids[path]}">{escape(path)}</a> ({summary})<ol>{entries}</ol></li>')
    return _section("findings", "Findings", f'{controls}<ol class="finding-list">{"".join(groups)}</ol>', linked=True)


def _documents(result: RunResult, by_path: dict[str, list[Numbered]], document_ids: dict[str, str]) -> str:
    if not by_path:
        return ""
    expanded = len(by_path) <= EXPANDED_UP_TO
    sections = [
        _document(result.documents.get(path), path, document_ids[path], items, expanded, f" ({_severity_counts([i.finding for i in items])})")
        for path, items in by_path.items()
    ]
    return _section("documents", "Documents with findings", "".join(sections))


def _document(document: Document | None, path: str, element_id: str, items: list[Numbered], expanded: bool, status: str) -> str:
    """One document as a collapsible section: its path and status, then its text with findings marked."""
    if document is None:  # a finding with no document to quote cannot happen, but would not crash the report
        body = "<p>The text of this document is not available.</p>"
    else:
        body = f'<div class="text">{render_document(document, items, partial(_note, document))}</div>'
    opened = " open" if expanded else ""
    return f'<details class="document" id="{element_id}"{opened}><summary><h3>{escape(path)}</h3>{status}</summary>{body}</details>'


def _note(document: Document, item: Numbered, overlapping: list[int]) -> str:
    """A finding's note: severity, rule, where, message, flagged text, facts, fix, overlaps."""
    finding, number = item.finding, item.number
    parts = [
        f'<div class="note sev-{finding.severity}" id="n{number}" data-n="{number}" data-severity="{finding.severity}" '
        f'role="note" aria-label="Finding {number}">',
        f'<p class="head">{_badge(finding.severity)} <a href="#rule-{escape(finding.rule)}"><code>{escape(finding.rule)}</code></a> '
        f"<span>finding {number}, line {finding.line}, column {finding.column}</span> "
        f'<a class="back" href="#l{number}">back to the list</a></p>',
        f'<p class="message">{escape(finding.message)}</p>',
    ]
    flagged = " ".join(document.text[finding.span.start:finding.span.end].split())
    if flagged:
        if len(flagged) > FLAGGED_EXCERPT:
            flagged = flagged[:FLAGGED_EXCERPT] + "…"
        parts.append(f'<p class="flagged">Flagged: <q>{escape(flagged)}</q></p>')
    if finding.facts:
        facts = "".join(
            f"<li>{escape(note.text)}" + (f' <span class="source">({escape(note.source)})</span>' if note.source else "") + "</li>"
            for note in finding.facts
        )
        parts.append(f'<div class="facts"><p>What the facts say:</p><ul>{facts}</ul></div>')
    if finding.fix is not None:
        how = "safe: <code>--fix</code> applies it" if finding.fix.safe else "unsafe: check it first; <code>--fix --unsafe-fixes</code> applies it"
        before = document.text[finding.fix.span.start:finding.fix.span.end]
        parts.append(
            f'<p class="fix">Suggested fix ({how}): replace <q>{escape(before)}</q> with <q>{escape(finding.fix.replacement)}</q>.</p>'
        )
    if overlapping:
        links = " and ".join(f'<a href="#n{other}">{other}</a>' for other in overlapping)
        parts.append(f'<p class="overlap">Its span overlaps finding {links}.</p>')
    parts.append("</div>")
    return "".join(parts)


def _clean_documents(result: RunResult, by_path: dict[str, list[Numbered]]) -> str:
    """Documents without findings, collapsed, after those with findings; past the budget, by name only."""
    clean = [path for path in result.checked_paths if path not in by_path]
    if not clean:
        return ""
    sections, names, budget = [], [], CLEAN_TEXT_BUDGET
    for index, path in enumerate(clean, 1):
        document = result.documents.get(path)
        if document is not None and len(document.text) <= budget:
            budget -= len(document.text)
            sections.append(_document(document, path, f"c{index}", [], False, " (no findings)"))
        else:
            names.append(f"<li>{escape(path)}</li>")
    listed = (
        f"<p>The text of {_count(len(names), 'more document')} is left out to keep the page quick to open:</p>"
        f'<ul class="clean-list">{"".join(names)}</ul>'
        if names else ""
    )
    return _section("clean", "Documents without findings", "".join(sections) + listed)


def _problems(result: RunResult) -> str:
    if not result.problems:
        return ""
    items = "".join(
        f"<li><code>{escape(str(problem.location))}</code>: {escape(problem.message)}</li>" if problem.location
        else f"<li>{escape(problem.message)}</li>"
        for problem in result.problems
    )
    return _section("problems", "Not checked", f'<ul class="problems">{items}</ul>', linked=True)


def _rules(result: RunResult) -> str:
    fired = {f.rule for f in result.findings}
    described = [rule for rule in result.rules if rule.id in fired]
    if not described:
        return ""
    entries = "".join(
        f'<dt id="rule-{escape(rule.id)}"><code>{escape(rule.id)}</code> {_badge(rule.severity)}</dt>'
        f'<dd>{escape(" ".join(rule.description.split()))} <code>factlint explain {escape(rule.id)}</code> shows its examples.</dd>'
        for rule in sorted(described, key=lambda rule: rule.id)
    )
    return _section("rules", "Rules", f'<dl class="rules">{entries}</dl>', linked=True)
