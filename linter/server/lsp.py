"""Findings in the Language Server Protocol's terms: diagnostics, code actions and hovers.

factlint ends lines where LSP does (``\\n``, ``\\r\\n`` or ``\\r``) but counts columns in code
points, while LSP counts them in the code units of the encoding agreed with the client (UTF-16
unless the client offers UTF-8 or UTF-32): every position is converted through its line's text.
What the facts say is the engine's own sentences (``Finding.facts``, as in the JSON and HTML
reports), never written a second time here.
"""

from __future__ import annotations

import bisect
from functools import cache
from pathlib import Path

from lsprotocol import types

from linter import __version__
from linter.checks.rules import Rule, builtin_rules_dir
from linter.errors import UserError
from linter.filtering.fixes import fixed_text
from linter.filtering.suppressions import EngineRule, parse_suppressions
from linter.findings import Finding
from linter.source.document import Document, Span

SOURCE = "factlint"
SEVERITIES = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning, "info": types.DiagnosticSeverity.Information}
DOCS = f"https://github.com/factlint/factlint/blob/v{__version__}/docs"
REASON = "REASON"  # the placeholder a suppression comment's author replaces with why the text is right
SUPPRESSIBLE = ("markdown", "html")  # the kinds of document whose comments can suppress a finding
FACTS_HEADING = "What the facts say"  # as the HTML report heads them


def units(text: str, encoding: str) -> int:
    """How many code units of ``encoding`` the text takes."""
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def position(document: Document, offset: int, encoding: str) -> types.Position:
    line = bisect.bisect_right(document.line_starts, offset) - 1
    start = document.line_starts[line]
    return types.Position(line=line, character=units(document.text[start:offset], encoding))


def span_range(document: Document, span: Span, encoding: str) -> types.Range:
    return types.Range(start=position(document, span.start, encoding), end=position(document, span.end, encoding))


def offset(document: Document, where: types.Position, encoding: str) -> int:
    """The character offset of an LSP position; past the end of its line means the line's end."""
    if where.line >= len(document.line_starts):
        return len(document.text)
    start = document.line_starts[where.line]
    end = document.line_starts[where.line + 1] if where.line + 1 < len(document.line_starts) else len(document.text)
    line = document.text[start:end].rstrip("\r\n")
    if encoding == types.PositionEncodingKind.Utf32:
        return start + min(where.character, len(line))
    if encoding == types.PositionEncodingKind.Utf8:
        prefix = line.encode("utf-8", "surrogatepass")[: where.character].decode("utf-8", "ignore")
    else:  # a position inside a surrogate pair or a UTF-8 sequence falls back to the character's start
        prefix = line.encode("utf-16-le", "surrogatepass")[: 2 * where.character].decode("utf-16-le", "ignore")
    return start + len(prefix)


@cache
def _builtin_packs() -> Path:
    return builtin_rules_dir().resolve()


def rule_docs(rule: Rule | EngineRule) -> str:
    """Where a rule is documented: the kind's section of docs/rules.md for a built-in rule, the
    suppressions section of docs/cli.md for the engine's own, the pack file for a house rule."""
    if isinstance(rule, EngineRule):
        return f"{DOCS}/cli.md#suppressions"
    pack = Path(rule.pack.path).resolve()
    return f"{DOCS}/rules.md#{rule.kind_name}" if pack.parent == _builtin_packs() else pack.as_uri()


def diagnostic(finding: Finding, document: Document, encoding: str, docs: str | None) -> types.Diagnostic:
    """A finding as a diagnostic: the rule as its code (linked to ``docs``), the facts' sentences after the message."""
    message = finding.message
    if finding.facts:
        message += f"\n{FACTS_HEADING}: " + " ".join(note.text for note in finding.facts)
    return types.Diagnostic(
        range=span_range(document, finding.span, encoding),
        message=message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=docs) if docs else None,
        source=SOURCE,
    )


def problem_diagnostic(problem: UserError, line_text: str | None, encoding: str) -> types.Diagnostic:
    """A problem at its location: from its column to the end of its line (the whole first line when it has none)."""
    location = problem.location
    line = max((location.line or 1) - 1, 0) if location else 0
    text = line_text or ""
    column = min(max((location.column or 1) - 1, 0), len(text)) if location and location.line else 0
    start, end = units(text[:column], encoding), units(text, encoding)
    return types.Diagnostic(
        range=types.Range(start=types.Position(line=line, character=start), end=types.Position(line=line, character=max(end, start))),
        message=problem.message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def not_checked(problems: list[UserError], document_text: str, encoding: str) -> types.Diagnostic:
    """One diagnostic on a document whose configuration, rules or facts could not be loaded: the first problem, where it is."""
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    first_line = document_text.splitlines()[0] if document_text else ""
    return types.Diagnostic(
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=units(first_line, encoding))),
        message=f"factlint could not check this document: {problems[0]}{more}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def overlaps(span: Span, start: int, end: int) -> bool:
    """Whether a finding's span meets a requested range (a cursor, start == end, at either edge counts)."""
    return span.start <= end and start <= span.end


def fix_edit(document: Document, finding: Finding, encoding: str) -> types.TextEdit:
    fix = finding.fix
    assert fix is not None, "only called for findings with a fix"
    return types.TextEdit(range=span_range(document, fix.span, encoding), new_text=fix.replacement)


def fix_title(document: Document, finding: Finding) -> str:
    fix = finding.fix
    assert fix is not None, "only called for findings with a fix"
    before = document.text[fix.span.start : fix.span.end]
    title = f"Replace “{before}” with “{fix.replacement}”"
    return title if fix.safe else f"{title} (unsafe: a factual suggestion, check it first)"


def fix_all_edits(document: Document, findings: list[Finding], encoding: str) -> list[types.TextEdit]:
    """Every safe fix, chosen as ``--fix`` chooses them (overlapping ones left for the next time)."""
    _, applied = fixed_text(document.text, findings, unsafe=False)
    return [fix_edit(document, finding, encoding) for finding in applied]


def suppression_edit(document: Document, finding: Finding, encoding: str) -> types.TextEdit | None:
    """Suppress the finding's rule on its line: add it to a ``disable-next-line`` comment that ends on the
    line before, or put such a comment, with a reason to fill in, on a line of its own before it.

    A second comment on a line of its own would take the first one's place as its next line, so a
    comment already there is extended rather than another added. None for plain text, which has no comments.
    """
    if document.kind not in SUPPRESSIBLE:
        return None
    line_start = document.line_starts[finding.line - 1]
    for suppression in parse_suppressions(document):
        if suppression.action == "disable-next-line" and suppression.problem is None and suppression.rules and (
            document.position(suppression.comment.end)[0] == finding.line - 1
        ):
            comment = document.text[suppression.comment.start : suppression.comment.end]
            body = comment.index("disable-next-line") + len("disable-next-line")
            reason = comment.find("--", body, len(comment) - len("-->"))
            rules_end = len(comment[:reason if reason != -1 else len(comment) - len("-->")].rstrip())
            at = position(document, suppression.comment.start + rules_end, encoding)
            return types.TextEdit(range=types.Range(start=at, end=at), new_text=f", {finding.rule}")
    line = document.line_text(finding.line)
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    at = position(document, line_start, encoding)
    comment = f"{indent}<!-- factlint-disable-next-line {finding.rule} -- {REASON} -->{_line_break(document)}"
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=comment)


def _line_break(document: Document) -> str:
    """The document's own line break (that of its first line), so a file keeps one style."""
    if len(document.line_starts) < 2:
        return "\n"
    end = document.line_starts[1]
    return "\r\n" if document.text[end - 2 : end] == "\r\n" else document.text[end - 1]


def hover_text(findings: list[Finding], markdown: bool) -> str | None:
    """What the facts say about the findings under the cursor (None when they rest on no facts)."""
    parts = []
    for finding in findings:
        if not finding.facts:
            continue
        notes = [note.text + (f" ({note.source})" if note.source else "") for note in finding.facts]
        if markdown:
            parts.append(f"**{FACTS_HEADING}** (`{finding.rule}`):\n\n" + "\n".join(f"- {_escape(note)}" for note in notes))
        else:
            parts.append(f"{FACTS_HEADING} ({finding.rule}):\n" + "\n".join(f"- {note}" for note in notes))
    return "\n\n".join(parts) or None


def _escape(text: str) -> str:
    """Plain text inside Markdown: characters that would be markup are escaped."""
    return "".join("\\" + c if c in "\\`*_[]<>#|~" else c for c in text)
