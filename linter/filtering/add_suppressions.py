"""--add-suppressions REASON: a suppression comment for every finding, as Ruff's ``--add-noqa``.

Each line with findings gets one comment naming their rules,
``<!-- factlint-disable-next-line office-holder, event-date -- REASON -->``, ending on the line
before it (linter/filtering/suppressions.py): at the end of that line when it holds prose or markup that
ends there, so no paragraph is split, else on a line of its own just above, indented as the
line. Text is only added. A placement that would change what factlint reads as prose (a comment
inside a code span or a tag, a split paragraph) is not made: the finding is reported as left.
Plain text has no comments, and findings about suppressions themselves (unused, expired) are
fixed by editing the comment, so both are left too.
"""

from __future__ import annotations

from collections import Counter

from linter.cache import regexes as kept_regexes
from linter.errors import UserError
from linter.filtering.suppressions import ENGINE_RULES
from linter.findings import Finding
from linter.source.document import Document, blanked
from linter.source.read import document_from_text

_CLOSES_MARKUP = {"markdown": set("*_~`)]>"), "html": {">"}}  # a line may end with these and take a comment after them
_WORD = kept_regexes.compile(r"\w")
_INDENT = kept_regexes.compile(r"[ \t]*")
PLAIN_TEXT = "plain text has no comments to hold a suppression (a baseline can: --write-baseline)"
ABOUT_SUPPRESSIONS = "they are about suppression comments themselves: remove or extend those comments"
NO_PLACE = "no comment could be placed before their lines without changing how the document reads"


def check_reason(reason: str) -> str:
    """The reason, or a UserError if it cannot go in an HTML comment on one line."""
    if not reason.strip():
        raise UserError("--add-suppressions: give a reason, e.g. --add-suppressions 'quoted from a 2023 speech'")
    if "-->" in reason or "--!>" in reason or any(c in reason for c in "\r\n\f\v\x85\u2028\u2029"):
        raise UserError("--add-suppressions: the reason must be one line without '-->', which would end the comment")
    return " ".join(reason.split())


def add_suppressions(document: Document, findings: list[Finding], reason: str) -> tuple[str, int, Counter[str]]:
    """The document's text with a suppression before each line with findings, how many comments were
    added, and how many findings were left, by why."""
    left: Counter[str] = Counter()
    engine = {rule.id for rule in ENGINE_RULES}
    by_line: dict[int, list[str]] = {}
    for finding in findings:
        if finding.rule in engine:
            left[ABOUT_SUPPRESSIONS] += 1
        elif document.kind not in _CLOSES_MARKUP:
            left[PLAIN_TEXT] += 1
        elif finding.rule not in by_line.setdefault(finding.line, []):
            by_line[finding.line].append(finding.rule)
    placed = {
        line: _placement(document, line, f"<!-- factlint-disable-next-line {', '.join(rules)} -- {reason} -->") for line, rules in by_line.items()
    }
    if not _reads_the_same(document, list(placed.values())):
        kept = {line: insertion for line, insertion in placed.items() if _reads_the_same(document, [insertion])}
        placed = kept if _reads_the_same(document, list(kept.values())) else {}
        left[NO_PLACE] += sum(1 for f in findings if f.line in by_line and f.line not in placed)
    return _inserted(document.text, list(placed.values())), len(placed), left


def _placement(document: Document, line: int, comment: str) -> tuple[int, str]:
    """Where to insert ``comment`` so that it ends on the line before ``line`` (1-based), and what to insert."""
    if line > 1:
        start = document.line_starts[line - 2]
        end = start + len(document.line_text(line - 1).rstrip())  # before trailing spaces (a Markdown hard break)
        last = end - 1
        ends_with_comment = any(comment_span.end == end for comment_span in document.comments)
        ends_readably = (
            _WORD.search(document.prose, start, end) is not None
            and (document.prose[last] != " " or document.text[last] in _CLOSES_MARKUP[document.kind])
            and document.text[last] != "\\"  # a Markdown hard line break
        )
        if ends_with_comment or ends_readably:
            return end, f" {comment}"
    start = document.line_starts[line - 1]
    indent = _INDENT.match(document.text, start).group()
    return start, f"{indent}{comment}{_line_break(document, line)}"


def _line_break(document: Document, line: int) -> str:
    """The line break the document uses around ``line`` (the one ending it, else the one before it)."""
    for number in (line, line - 1):
        if 1 <= number < len(document.line_starts):
            end = document.line_starts[number - 1] + len(document.line_text(number))
            return document.text[end : document.line_starts[number]]
    return "\n"


def _inserted(text: str, insertions: list[tuple[int, str]]) -> str:
    pieces, position = [], 0
    for offset, addition in sorted(insertions):
        pieces += [text[position:offset], addition]
        position = offset
    pieces.append(text[position:])
    return "".join(pieces)


def _reads_the_same(document: Document, insertions: list[tuple[int, str]]) -> bool:
    """Whether factlint reads the new text as the old: the same prose (the comments masked), as many
    blocks, and every inserted comment taken as a comment."""
    if not insertions:
        return True
    new = document_from_text(_inserted(document.text, insertions), document.path, document.kind)
    masked = [(offset, blanked(addition, [(0, len(addition))])) for offset, addition in insertions]
    shift, comments = 0, {span.start for span in new.comments}
    for offset, addition in sorted(insertions):
        if offset + shift + len(addition) - len(addition.lstrip(" \t")) not in comments:
            return False
        shift += len(addition)
    return new.prose == _inserted(document.prose, masked) and len(new.blocks) == len(document.blocks)
