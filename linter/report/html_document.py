"""One document as HTML: its lines, with every finding's span marked and its note below the line.

The text is cut at every span boundary and line start, so each piece is covered by a
fixed set of findings: a piece covered by one finding is marked with its severity, a
piece covered by several is marked as an overlap. A numbered link after each span leads
to the finding's note, placed after the line where the span ends. Markup the linter
does not read (front matter, tags, emphasis) is dimmed, and invisible characters are
shown by their code point, so nothing in the source is hidden from the reader.
Everything from the document is escaped.
"""

from __future__ import annotations

import bisect
import html
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import regex

from linter.cache import regexes as kept_regexes
from linter.findings import SEVERITY_RANK, Finding
from linter.source.document import Document

# Characters a browser would not show, or would use to reorder the text: shown as U+XXXX.
_HIDDEN = kept_regexes.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_PROSE_BLANKS = kept_regexes.compile(r" +")
_NOT_BLANK = kept_regexes.compile(r"[^ ]+")


@dataclass(frozen=True)
class Numbered:
    """A finding with its number in the report (1-based, in report order)."""

    number: int
    finding: Finding


def escape(text: str) -> str:
    """Escape for HTML text and attribute values, showing invisible characters by code point."""
    return _HIDDEN.sub(_show_hidden, html.escape(text, quote=True))


def _show_hidden(found: regex.Match) -> str:
    char = found.group()
    name = unicodedata.name(char, "control character").lower()
    return f'<abbr class="hidden-char" title="{name}">U+{ord(char):04X}</abbr>'


def render_document(document: Document, findings: list[Numbered], note: Callable[[Numbered, list[int]], str]) -> str:
    """The document's lines as HTML; ``note`` renders a finding's note, given the findings it overlaps."""
    text = document.text
    line_starts = document.line_starts
    if len(line_starts) > 1 and line_starts[-1] == len(text):  # after the final line break: not a line
        line_starts = line_starts[:-1]
    starts: dict[int, list[Numbered]] = {}
    ends: dict[int, list[Numbered]] = {}
    notes_after: dict[int, list[Numbered]] = {}  # 1-based line -> findings whose span ends on it
    for item in findings:
        span = item.finding.span
        starts.setdefault(span.start, []).append(item)
        ends.setdefault(span.end, []).append(item)
        last_line, _ = document.position(max(span.start, span.end - 1))
        notes_after.setdefault(min(last_line, len(line_starts)), []).append(item)
    overlaps = _overlaps(findings)
    markup = _markup_runs(document)
    cuts = sorted({*starts, *ends, *line_starts, len(text)})
    active: dict[int, Numbered] = {}
    out: list[str] = []
    for line_index, line_start in enumerate(line_starts):
        last = line_index + 1 == len(line_starts)
        line_end = len(text) if last else line_starts[line_index + 1]
        content_end = line_start + len(text[line_start:line_end].rstrip("\r\n"))
        pieces: list[str] = []
        position = line_start
        for cut in _cuts_within(cuts, line_start, line_end, include_end=last):
            if cut > position and position < content_end:
                pieces.append(_piece(text, position, min(cut, content_end), active, markup))
            for item in ends.get(cut, ()):
                if active.pop(item.number, None):
                    pieces.append(_reference(item))
            for item in starts.get(cut, ()):
                pieces.append(f'<span class="anchor" id="f{item.number}"></span>')
                if item.finding.span.end > cut:
                    active[item.number] = item
                else:  # an empty span: a point in the text
                    pieces.append(_reference(item))
            position = cut
        if position < content_end:
            pieces.append(_piece(text, position, content_end, active, markup))
        number = line_index + 1
        out.append(f'<div class="line" data-line="{number}"><span class="tx">{"".join(pieces)}</span></div>')
        for item in notes_after.get(number, ()):
            out.append(note(item, overlaps.get(item.number, [])))
    return "\n".join(out)


def _cuts_within(cuts: list[int], start: int, end: int, include_end: bool) -> list[int]:
    """The cut points in ``[start, end)``, and ``end`` too for the last line (the end of the text)."""
    first, last = bisect.bisect_left(cuts, start), bisect.bisect_left(cuts, end)
    return [*cuts[first:last], end] if include_end else cuts[first:last]


def _piece(text: str, start: int, end: int, active: dict[int, Numbered], markup: list[tuple[int, int]]) -> str:
    inner = _with_markup(text, start, end, markup)
    if not active:
        return inner
    covering = sorted(active)
    top = max((active[n].finding.severity for n in covering), key=SEVERITY_RANK.__getitem__)
    classes = f"sev-{top}" + (" overlap" if len(covering) > 1 else "")
    label = " and ".join(f"finding {n}" for n in covering)
    return f'<mark class="{classes}" data-f="{" ".join(map(str, covering))}" title="{label}">{inner}</mark>'


def _reference(item: Numbered) -> str:
    finding = item.finding
    label = f"Finding {item.number}: {finding.severity}, {finding.rule}"
    return f'<a class="ref sev-{finding.severity}" href="#n{item.number}" aria-label="{escape(label)}">{item.number}</a>'


def _overlaps(findings: list[Numbered]) -> dict[int, list[int]]:
    """For each finding, the numbers of the others whose spans share a character with it."""
    ordered = sorted(findings, key=lambda item: (item.finding.span.start, item.finding.span.end))
    found: dict[int, list[int]] = {}
    for index, item in enumerate(ordered):
        for other in ordered[index + 1:]:
            if other.finding.span.start >= item.finding.span.end:
                break
            if other.finding.span.end > other.finding.span.start and item.finding.span.end > item.finding.span.start:
                found.setdefault(item.number, []).append(other.number)
                found.setdefault(other.number, []).append(item.number)
    return {number: sorted(others) for number, others in found.items()}


def _markup_runs(document: Document) -> list[tuple[int, int]]:
    """Sorted ``(start, end)`` runs of source characters that are markup, not prose."""
    if document.prose == document.text or len(document.prose) != len(document.text):
        return []
    text = document.text
    return [
        (run.start(), run.end())
        for blank in _PROSE_BLANKS.finditer(document.prose)
        for run in _NOT_BLANK.finditer(text, blank.start(), blank.end())
    ]


def _with_markup(text: str, start: int, end: int, markup: list[tuple[int, int]]) -> str:
    """Escaped ``text[start:end]`` with its markup runs wrapped in a dimmed span."""
    out: list[str] = []
    position = start
    index = max(bisect.bisect_right(markup, (start, len(text) + 1)) - 1, 0)
    while index < len(markup) and markup[index][0] < end:
        run_start, run_end = max(markup[index][0], start), min(markup[index][1], end)
        if run_end > run_start:
            out.append(escape(text[position:run_start]))
            out.append(f'<span class="markup">{escape(text[run_start:run_end])}</span>')
            position = run_end
        index += 1
    out.append(escape(text[position:end]))
    return "".join(out)
