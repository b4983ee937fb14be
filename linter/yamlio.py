"""Safe YAML loading that remembers where every value came from.

Fact files, rule packs and configs are validated after loading, and every error
must point at ``file:line:col``. Documents are built straight from the YAML
parser's event stream (libyaml's when PyYAML has it), not through PyYAML's node
graph and constructor: that is several times faster and lighter on a 100,000-entity
fact file, and it constructs nothing but plain data. In particular:

* mappings and sequences come back as :class:`YamlMap` / :class:`YamlList`, which
  know the location of each key and item (kept as compact (line, column) pairs);
* a key written twice in one mapping is an error (PyYAML silently keeps the last);
* dates stay strings, so an impossible date (2025-02-30) is reported by the
  validator with its location instead of crashing the parser;
* explicit tags other than YAML's standard ones (``!!python/object``...) are refused.
"""

from __future__ import annotations

import os
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from linter.errors import Location, UserError

_Parser = getattr(yaml, "CBaseLoader", None)  # libyaml's parser, when PyYAML was built with it
_Mark = tuple[int, int]  # 1-based (line, column)


class YamlMap(dict):
    """A mapping that knows where it and each of its keys and values were written."""

    __slots__ = ("path", "mark", "key_marks", "value_marks")

    @property
    def location(self) -> Location:
        return Location(self.path, *self.mark)

    def where(self, key: Any) -> Location:
        """Location of the value at ``key`` (or of the mapping when absent)."""
        return Location(self.path, *self.value_marks.get(key, self.mark))

    def key_location(self, key: Any) -> Location:
        return Location(self.path, *self.key_marks.get(key, self.mark))

    def value_locations(self) -> dict[Any, Location]:
        return {key: self.where(key) for key in self}


class YamlList(list):
    """A sequence that knows where it and each of its items were written."""

    __slots__ = ("path", "mark", "item_marks")

    @property
    def location(self) -> Location:
        return Location(self.path, *self.mark)

    def where(self, index: int) -> Location:
        return Location(self.path, *(self.item_marks[index] if index < len(self.item_marks) else self.mark))


def located_map(items: dict, path: str, mark: _Mark = (1, 1)) -> YamlMap:
    """A YamlMap for data that did not come from YAML (e.g. TOML): every location is ``mark``."""
    result = YamlMap(items)
    result.path, result.mark, result.key_marks, result.value_marks = path, mark, {}, {}
    return result


def located_list(items: list, path: str, mark: _Mark = (1, 1)) -> YamlList:
    result = YamlList(items)
    result.path, result.mark, result.item_marks = path, mark, []
    return result


# Plain scalars are typed as PyYAML's safe loader types them, except dates, which stay strings.
_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_SCALAR_TYPES = {
    "tag:yaml.org,2002:null": lambda value: None,
    "tag:yaml.org,2002:bool": lambda value: SafeConstructor.bool_values[value.lower()],
    "tag:yaml.org,2002:int": lambda value: SafeConstructor.construct_yaml_int(_SCALAR_CONSTRUCTOR, yaml.ScalarNode("", value)),
    "tag:yaml.org,2002:float": lambda value: SafeConstructor.construct_yaml_float(_SCALAR_CONSTRUCTOR, yaml.ScalarNode("", value)),
    "tag:yaml.org,2002:str": str,
}
_SCALAR_CONSTRUCTOR = SafeConstructor()
_STANDARD_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
# Aliases share values instead of copying them, so loading is cheap; but a "billion laughs"
# document would make anything that walks the data walk billions of values. Real files need few.
MAX_EXPANDED = 1_000_000
MAX_BYTES = 64 * 1024 * 1024  # a larger YAML file is refused before parsing: split it instead
MAX_DEPTH = 64  # nesting deeper than this is no fact file or rule pack


def _size(value: Any, sizes: dict[int, int]) -> int:
    """How many values ``value`` stands for when aliases are written out (memoised by identity)."""
    if not isinstance(value, (YamlMap, YamlList)):
        return 1
    if id(value) not in sizes:
        items = value.values() if isinstance(value, YamlMap) else value
        sizes[id(value)] = 1 + sum(_size(item, sizes) for item in items)
    return sizes[id(value)]


def _scalar(event: yaml.ScalarEvent) -> Any:
    value = event.value
    if event.tag not in (None, "!") or not event.implicit[0]:
        return value  # quoted, or explicitly a string
    for tag, regexp in _RESOLVERS.get(value[:1], _RESOLVERS.get(None, [])) if value else [("tag:yaml.org,2002:null", None)]:
        if regexp is None or regexp.match(value):
            return _SCALAR_TYPES[tag](value)
    return value


def _mark(mark: yaml.Mark) -> _Mark:
    return mark.line + 1, mark.column + 1


def load_yaml(text: str, path: str) -> Any:
    """Parse one YAML document into plain data with locations; problems are UserErrors."""
    try:
        events = yaml.parse(text, Loader=_Parser) if _Parser else yaml.parse(text)
        return _build(events, path)
    except UserError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(path, *_mark(mark)) if mark else Location(path)
        raise UserError(f"invalid YAML: {error.problem or error.context or 'cannot parse'}", where) from None
    except yaml.YAMLError as error:
        raise UserError(f"invalid YAML: {error}", Location(path)) from None


def _build(events, path: str) -> Any:
    """Assemble mappings, sequences and scalars from parser events with an explicit stack."""
    stack: list[list] = []  # [container, pending key, pending key mark]
    anchors: dict[str, Any] = {}
    expanded, sizes, result, documents = 0, {}, None, 0
    for event in events:
        kind = type(event)
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise UserError("expected a single YAML document", Location(path, *_mark(event.start_mark)))
            continue
        if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
            continue
        if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
            finished = stack.pop()[0]  # already attached to its parent when it started
            if not stack:
                result = finished
            continue
        else:
            tag = getattr(event, "tag", None)
            if tag not in _STANDARD_TAGS and not (kind is yaml.ScalarEvent and tag in _SCALAR_TYPES):
                raise UserError(f"the tag '{tag}' is not allowed; write plain values", Location(path, *_mark(event.start_mark)))
            mark = _mark(event.start_mark)
            if kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise UserError(f"unknown YAML alias '*{event.anchor}'", Location(path, *mark))
                value = anchors[event.anchor]
                expanded += _size(value, sizes)
                if expanded > MAX_EXPANDED:
                    raise UserError(
                        f"YAML aliases expand to more than {MAX_EXPANDED:,} values (a 'billion laughs' document?); write the values out",
                        Location(path, *mark),
                    )
            elif kind is yaml.ScalarEvent:
                value = _scalar(event)
            else:
                value = located_map({}, path, mark) if kind is yaml.MappingStartEvent else located_list([], path, mark)
            if getattr(event, "anchor", None) and kind is not yaml.AliasEvent:
                anchors[event.anchor] = value
            if kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
                if stack:
                    _add(stack[-1], value, mark, path)
                stack.append([value, _NO_KEY, None])
                if len(stack) > MAX_DEPTH:
                    raise UserError(f"nested more than {MAX_DEPTH} levels deep; this is not a factlint file", Location(path, *mark))
                continue
        if not stack:
            result = value
        else:
            _add(stack[-1], value, mark, path)
    return result


_NO_KEY = object()


def _add(frame: list, value: Any, mark: _Mark | None, path: str) -> None:
    """Add a finished value to the container on top of the stack (as a key or a value)."""
    container, key, key_mark = frame
    if isinstance(container, YamlList):
        container.append(value)
        container.item_marks.append(mark or container.mark)
        return
    if key is _NO_KEY:
        try:
            hash(value)
        except TypeError:
            raise UserError("a mapping key must be a plain value", Location(path, *(mark or container.mark))) from None
        if value in container:
            first = container.key_marks[value]
            raise UserError(f"duplicate key '{value}' (first written at line {first[0]}); each key may appear once", Location(path, *mark))
        frame[1], frame[2] = value, mark
        return
    container[key] = value
    container.key_marks[key] = key_mark
    container.value_marks[key] = mark or container.mark
    frame[1], frame[2] = _NO_KEY, None


def read_yaml_file(path: str) -> Any:
    """Read and parse a YAML file, turning I/O and decoding problems into UserError."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise UserError(
                f"too large to load ({size / 1e6:.0f} MB; the limit is {MAX_BYTES // 2**20} MiB): split it into several files",
                Location(path),
            )
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise UserError("file not found", Location(path)) from None
    except IsADirectoryError:
        raise UserError("is a directory, expected a YAML file", Location(path)) from None
    except UnicodeDecodeError as error:
        raise UserError(f"not valid UTF-8 (byte {error.start})", Location(path)) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", Location(path)) from None
    return load_yaml(text, path)
