"""Change a YAML file as text: find where each value was written and edit only what must change.

PyYAML cannot write comments back, and factlint's own loader (``linter/yamlio.py``) keeps
where values start but not the comments between them. An import must keep everything a
person wrote, so it never re-writes a file: :func:`outline` maps every mapping, list and
value to the characters it spans, and :class:`TextEdits` replaces or inserts text at those
places, leaving every other character (comments, blank lines, quoting, order) as it was.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from linter.errors import Location, UserError

_Parser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_NOT_PRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)  # not allowed raw, or line breaks YAML would fold (NEL, LS, PS)
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}\x00-\x1f]*")
_RESOLVER = yaml.resolver.Resolver()


@dataclass
class Node:
    """A value as written: where it starts and ends (a block list or mapping ends after its last value)."""

    kind: str  # "map", "seq" or "scalar"
    start: int
    end: int
    line: int  # 1-based, of ``start``
    column: int
    flow: bool = False
    value: str | None = None  # a scalar's text
    items: list[Node] = field(default_factory=list)  # a list's items
    pairs: list[tuple[Node, Node]] = field(default_factory=list)  # a mapping's keys and values

    def get(self, key: str) -> Node | None:
        return next((value for name, value in self.pairs if name.value == key), None)

    @property
    def null(self) -> bool:
        return self.kind == "scalar" and self.value in ("", "~", "null", "Null", "NULL")


def outline(text: str, path: str) -> Node:
    """Where every value of a one-document YAML text is written (the text is valid: factlint has loaded it)."""
    stack: list[Node] = []
    root: Node | None = None
    for event in yaml.parse(text, Loader=_Parser):
        kind = type(event)
        start, end = event.start_mark, event.end_mark
        assert start is not None and end is not None  # the parser marks every event it emits
        if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
            node = stack.pop()
            if node.flow:
                node.end = end.index
            _attach(node, stack)
            root = node if not stack else root
            continue
        if kind is yaml.AliasEvent or getattr(event, "anchor", None):
            raise UserError(
                "uses YAML anchors or aliases, so an import cannot edit it safely in place; import into a fact file of its own",
                Location(path, start.line + 1, start.column + 1),
            )
        if kind not in (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent):
            continue
        node = Node(
            {yaml.ScalarEvent: "scalar", yaml.MappingStartEvent: "map", yaml.SequenceStartEvent: "seq"}[kind],
            start.index, end.index, start.line + 1, start.column + 1, bool(getattr(event, "flow_style", False)),
        )
        if isinstance(event, yaml.ScalarEvent):  # ScalarEvent has no subclasses: the same test as `kind is`
            node.value = event.value
            _attach(node, stack)
            root = node if not stack else root
        else:
            stack.append(node)
    if root is None:
        raise UserError("is empty", Location(path))
    return root


def _attach(node: Node, stack: list[Node]) -> None:
    """Add a finished node to its parent, and make the parent (if in block style) end where it does."""
    if not stack:
        return
    parent = stack[-1]
    if parent.kind == "seq":
        parent.items.append(node)
    elif parent.pairs and parent.pairs[-1][1] is None:
        parent.pairs[-1] = (parent.pairs[-1][0], node)
    else:
        parent.pairs.append((node, None))  # type: ignore[arg-type]  # a key, waiting for its value (set just above when it comes)
    if not parent.flow:
        parent.end = max(parent.end, node.end)


@dataclass
class Edit:
    """A replacement of ``text[start:end]`` in a fact file's text, applied without reformatting the rest."""

    start: int
    end: int
    text: str
    anchor: int = 0  # where in ``text`` the thing reported begins
    order: int = 0
    new_start: int = 0  # where ``text`` begins in the edited text

    @property
    def new_position(self) -> int:
        return self.new_start + self.anchor


class TextEdits:
    """Replacements and insertions into one text, applied together."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.edits: list[Edit] = []

    def replace(self, start: int, end: int, text: str, anchor: int = 0) -> Edit:
        edit = Edit(start, end, text, anchor, len(self.edits))
        self.edits.append(edit)
        return edit

    def mark(self, at: int) -> Edit:
        """An edit that changes nothing: it only follows where ``at`` moves to."""
        return self.replace(at, at, "")

    def line_end(self, offset: int) -> int:
        """The offset of the line break ending the line that holds ``offset`` (or of the text's end)."""
        found = self.text.find("\n", offset)
        return len(self.text) if found < 0 else found - (1 if self.text[found - 1 : found] == "\r" else 0)

    def insert_lines(self, after: int, lines: list[str]) -> list[Edit]:
        """New lines after the line holding ``after``, one edit each (so each can be located)."""
        at = self.line_end(after)
        return [self.replace(at, at, self.newline + line, len(self.newline) + len(line) - len(line.lstrip())) for line in lines]

    def apply(self) -> str:
        """The edited text; every edit learns where its text begins in it."""
        ordered = sorted(self.edits, key=lambda edit: (edit.start, edit.order))
        pieces, position, shift = [], 0, 0
        for edit in ordered:
            if edit.start < position:
                raise ValueError("overlapping edits")  # never happens: each value is edited once
            pieces.append(self.text[position : edit.start])
            edit.new_start = edit.start + shift
            pieces.append(edit.text)
            shift += len(edit.text) - (edit.end - edit.start)
            position = edit.end
        pieces.append(self.text[position:])
        return "".join(pieces)


def line_and_column(text: str, offset: int, breaks: list[int] | None = None) -> tuple[int, int]:
    """The 1-based line and column of ``offset``; pass ``breaks`` (:func:`line_breaks`) when asking often."""
    breaks = line_breaks(text) if breaks is None else breaks
    line = bisect.bisect_left(breaks, offset)
    return line + 1, offset - (breaks[line - 1] + 1 if line else 0) + 1


def line_breaks(text: str) -> list[int]:
    return [index for index, character in enumerate(text) if character == "\n"]


def scalar(value: Any) -> str:
    """A YAML scalar that factlint's loader reads back as ``value``: plain when that is safe, else double-quoted."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    plain = _PLAIN.fullmatch(text) and not _NOT_PRINTABLE.search(text)
    if (
        plain
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp")
    ):
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars
    return _NOT_PRINTABLE.sub(lambda found: f"\\u{ord(found[0]):04x}", quoted)


def flow(value: Any) -> str:
    """A value in YAML's flow style, on one line."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(key)}: {flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    return scalar(value)
