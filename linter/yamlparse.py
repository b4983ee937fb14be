"""Parsing YAML into plain data with locations (linter/yamlio.py says what comes back and why).

Kept apart from yamlio so that a run whose rule packs come from the parsed-document store never
imports PyYAML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from linter.errors import Location, UserError
from linter.yamldata import Mark, YamlList, YamlMap, located_list, located_map

_Parser = getattr(yaml, "CBaseLoader", None)  # libyaml's parser, when PyYAML was built with it


# Plain scalars are typed as PyYAML's safe loader types them, except dates, which stay strings.
_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_MERGE_TAG = "tag:yaml.org,2002:merge"
_SCALAR_CONSTRUCTOR = SafeConstructor()
_SCALAR_TYPES: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:null": lambda value: None,
    "tag:yaml.org,2002:bool": lambda value: SafeConstructor.bool_values[value.lower()],
    "tag:yaml.org,2002:int": lambda value: SafeConstructor.construct_yaml_int(_SCALAR_CONSTRUCTOR, yaml.ScalarNode("", value)),
    "tag:yaml.org,2002:float": lambda value: SafeConstructor.construct_yaml_float(_SCALAR_CONSTRUCTOR, yaml.ScalarNode("", value)),
    "tag:yaml.org,2002:str": str,
}
_TAGS: dict[type[yaml.Event], set[str | None]] = {  # the tags each kind of node may have: YAML's standard ones for plain data
    yaml.MappingStartEvent: {None, "!", "tag:yaml.org,2002:map"},
    yaml.SequenceStartEvent: {None, "!", "tag:yaml.org,2002:seq"},
    yaml.ScalarEvent: {None, "!", *_SCALAR_TYPES},
    yaml.AliasEvent: {None},
}
# Aliases and merge keys share values instead of copying them, so loading is cheap; but a
# "billion laughs" document would make anything that walks the data walk billions of values.
# Real files need few.
MAX_EXPANDED = 1_000_000
MAX_DEPTH = 64  # nesting deeper than this is no fact file or rule pack
_MERGE = object()  # a plain ``<<`` written as a mapping key: merge the mapping(s) it is given


def _size(value: Any, sizes: dict[int, int]) -> int:
    """How many values ``value`` stands for when aliases are written out (memoised by identity)."""
    if not isinstance(value, (YamlMap, YamlList)):
        return 1
    if id(value) not in sizes:
        items = value.values() if isinstance(value, YamlMap) else value
        sizes[id(value)] = 1 + sum(_size(item, sizes) for item in items)
    return sizes[id(value)]


def _mark(mark: yaml.Mark) -> Mark:
    return mark.line + 1, mark.column + 1


def parse(text: str, path: str) -> tuple[Any, bool]:
    """One YAML document as plain data with locations, and whether aliases or merge keys share
    values in it; problems are UserErrors."""
    try:
        events = yaml.parse(text, Loader=_Parser) if _Parser else yaml.parse(text)
        builder = _Builder(path)
        return builder.build(events), builder.expanded > 0
    except UserError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(path, *_mark(mark)) if mark else Location(path)
        raise UserError(f"invalid YAML: {error.problem or error.context or 'cannot parse'}", where) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow: it has a position, not a mark
        position = error.position
        if error.encoding != "unicode":  # libyaml counts bytes of the text encoded as UTF-8
            position = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
        line, column = _line_and_column(text, position)
        what = f"#x{error.character:04x}" if isinstance(error.character, int) else repr(error.character)
        raise UserError(f"invalid YAML: unacceptable character {what}: {error.reason}", Location(path, line, column)) from None
    except yaml.YAMLError as error:
        raise UserError(f"invalid YAML: {error}", Location(path)) from None


_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # YAML's line breaks, as its marks count them


def _line_and_column(text: str, position: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[position]``."""
    line, start = 1, 0
    for found in _LINE_BREAK.finditer(text, 0, position):
        line, start = line + 1, found.end()
    return line, position - start + 1


class _Frame:
    """A mapping or sequence being built, with the key waiting for its value and the merges to apply."""

    __slots__ = ("container", "key", "key_mark", "merges")

    def __init__(self, container: YamlMap | YamlList) -> None:
        self.container = container
        self.key: Any = _NO_KEY  # a mapping's key waiting for its value (_MERGE for ``<<``)
        self.key_mark: Mark | None = None
        self.merges: list[tuple[Any, Mark]] = []  # the values of ``<<`` keys, with where they were written


class _Builder:
    """Assembles mappings, sequences and scalars from parser events with an explicit stack.

    Aliases and merge keys (``<<: *defaults``) share the values they refer to; together they may
    stand for at most MAX_EXPANDED values, and an alias inside the value it names (a cycle) is refused.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.stack: list[_Frame] = []
        self.anchors: dict[str, Any] = {}
        self.sizes: dict[int, int] = {}
        self.expanded = 0
        self.typed_scalars: dict[Mark, str] = {}

    def error(self, message: str, mark: Mark) -> UserError:
        return UserError(message, Location(self.path, *mark))

    def build(self, events: Iterable[Any]) -> Any:  # yaml events, told apart by type(event), which mypy cannot narrow on
        result: Any = None
        documents = 0
        for event in events:
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.error("expected a single YAML document", _mark(event.start_mark))
                continue
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                frame = self.stack.pop()  # already attached to its parent when it started
                if frame.merges:
                    self.merge(frame)
                if not self.stack:
                    result = frame.container
                continue
            mark = _mark(event.start_mark)
            tag = getattr(event, "tag", None)
            if tag not in _TAGS[kind]:
                raise self.error(f"the tag '{tag}' is not allowed here; write plain values", mark)
            if kind is yaml.AliasEvent:
                value = self.alias(event.anchor, mark)
            elif kind is yaml.ScalarEvent:
                value = self.scalar(event, mark)
            elif kind is yaml.MappingStartEvent:
                value = located_map({}, self.path, mark, self.typed_scalars)
            else:
                value = located_list([], self.path, mark, self.typed_scalars)
            if getattr(event, "anchor", None) and kind is not yaml.AliasEvent:
                self.anchors[event.anchor] = "<<" if value is _MERGE else value
            if self.stack:
                self.add(self.stack[-1], value, mark)
            else:
                result = "<<" if value is _MERGE else value
            if kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
                self.stack.append(_Frame(value))
                if len(self.stack) > MAX_DEPTH:
                    raise self.error(f"nested more than {MAX_DEPTH} levels deep; this is not a factlint file", mark)
        return result

    def scalar(self, event: yaml.ScalarEvent, mark: Mark) -> Any:
        """A scalar typed as YAML types it (explicitly tagged, or plain); quoted scalars are strings."""
        value, tag = event.value, event.tag
        if tag in (None, "!"):
            if not event.implicit[0]:
                return value  # quoted, or explicitly a string
            resolvers = _RESOLVERS.get(value[:1], _RESOLVERS.get(None, [])) if value else [("tag:yaml.org,2002:null", None)]
            tag = next((tag for tag, regexp in resolvers if regexp is None or regexp.match(value)), "tag:yaml.org,2002:str")
        if tag == _MERGE_TAG:
            return _MERGE
        try:
            typed = _SCALAR_TYPES.get(tag, str)(value)  # the value token '=' is a plain string
        except (KeyError, ValueError, IndexError):
            raise self.error(f"'{value}' is not a valid {tag.rsplit(':', 1)[-1]}", mark) from None
        if value and not isinstance(typed, str):
            self.typed_scalars[mark] = value
        return typed

    def alias(self, anchor: str, mark: Mark) -> Any:
        if anchor not in self.anchors:
            raise self.error(f"unknown YAML alias '*{anchor}'", mark)
        value = self.anchors[anchor]
        if any(frame.container is value for frame in self.stack):
            raise self.error(f"the alias '*{anchor}' is inside the value it names; such a cycle has no end", mark)
        self.count(value, mark)
        return value

    def count(self, value: Any, mark: Mark) -> None:
        """Count the values a shared value stands for against MAX_EXPANDED."""
        self.expanded += _size(value, self.sizes)
        if self.expanded > MAX_EXPANDED:
            raise self.error(
                f"YAML aliases expand to more than {MAX_EXPANDED:,} values (a 'billion laughs' document?); write the values out", mark
            )

    def add(self, frame: _Frame, value: Any, mark: Mark) -> None:
        """Add a value to the container being built (as a key or a value); a started container is
        added at its start and filled afterwards."""
        container = frame.container
        if isinstance(container, YamlList):
            container.append("<<" if value is _MERGE else value)
            container.item_marks.append(mark)
            return
        if frame.key is _NO_KEY:
            try:
                hash(value)
            except TypeError:
                raise self.error("a mapping key must be a plain value", mark) from None
            if value is not _MERGE and value in container:
                first = container.key_marks[value]
                raise self.error(f"duplicate key '{value}' (first written at line {first[0]}); each key may appear once", mark)
            frame.key, frame.key_mark = value, mark
            return
        if frame.key is _MERGE:
            frame.merges.append((value, mark))
        else:
            assert frame.key_mark is not None  # set with the key
            container[frame.key] = "<<" if value is _MERGE else value
            container.key_marks[frame.key] = frame.key_mark
            container.value_marks[frame.key] = mark
        frame.key, frame.key_mark = _NO_KEY, None

    def merge(self, frame: _Frame) -> None:
        """Apply ``<<`` keys as YAML's merge key does: the mapping's own keys win, then the merged
        mappings in the order written. Merged keys come first and keep where they were written."""
        mapping, sources = frame.container, []
        assert isinstance(mapping, YamlMap)  # only a mapping has merge keys
        for value, mark in frame.merges:
            items = value if isinstance(value, YamlList) else [value]
            if not all(isinstance(item, YamlMap) for item in items):
                raise self.error("the value of a merge key '<<' must be a mapping or a list of mappings", mark)
            for item in items:
                self.count(item, mark)
            sources.extend(items)
        first_source: dict[Any, YamlMap] = {}
        for source in sources:
            for key in source:
                first_source.setdefault(key, source)
        own = (dict(mapping), dict(mapping.key_marks), dict(mapping.value_marks))
        mapping.clear()
        for key, source in first_source.items():
            mapping[key] = source[key]
            mapping.key_marks[key], mapping.value_marks[key] = source.key_marks.get(key, source.mark), source.value_marks.get(key, source.mark)
        mapping.update(own[0])
        mapping.key_marks.update(own[1])
        mapping.value_marks.update(own[2])


_NO_KEY = object()
