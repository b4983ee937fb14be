"""Safe YAML loading that remembers where every value came from.

Fact files, rule packs and configs are validated after loading, and every error
must point at ``file:line:col``. PyYAML's safe loader is used (no object
construction), with three changes:

* mappings and sequences come back as :class:`YamlMap` / :class:`YamlList`, which
  know the location of each key and item;
* a key written twice in one mapping is an error (PyYAML silently keeps the last);
* dates stay strings, so an impossible date (2025-02-30) is reported by the
  validator with its location instead of crashing the parser.
"""

from __future__ import annotations

from typing import Any

import yaml

from linter.errors import Location, UserError


class YamlMap(dict):
    """A mapping that knows where it and each of its values were written."""

    location: Location
    value_locations: dict[Any, Location]
    key_locations: dict[Any, Location]

    def where(self, key: Any) -> Location:
        """Location of the value at ``key`` (or of the mapping when absent)."""
        return self.value_locations.get(key, self.location)


class YamlList(list):
    """A sequence that knows where it and each of its items were written."""

    location: Location
    item_locations: list[Location]

    def where(self, index: int) -> Location:
        return self.item_locations[index] if index < len(self.item_locations) else self.location


def _location(path: str, mark: yaml.Mark) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


# libyaml's parser when PyYAML has it (about ten times faster on large fact files); the
# construction, and so every check below, is the same Python code either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LocatingLoader(_BaseLoader):
    """A safe loader building YamlMap/YamlList and refusing duplicate keys."""

    source_path = "<yaml>"


# Dates stay plain strings: the validators parse them and report bad ones.
_LocatingLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LocatingLoader, node: yaml.MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    result = YamlMap()
    result.location = _location(loader.source_path, node.start_mark)
    result.value_locations = {}
    result.key_locations = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise UserError("a mapping key must be a plain value", _location(loader.source_path, key_node.start_mark))
        if key in result:
            first = result.key_locations[key]
            raise UserError(
                f"duplicate key '{key}' (first written at line {first.line}); each key may appear once",
                _location(loader.source_path, key_node.start_mark),
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_locations[key] = _location(loader.source_path, key_node.start_mark)
        result.value_locations[key] = _location(loader.source_path, value_node.start_mark)
    return result


def _construct_sequence(loader: _LocatingLoader, node: yaml.SequenceNode) -> YamlList:
    result = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    result.location = _location(loader.source_path, node.start_mark)
    result.item_locations = [_location(loader.source_path, child.start_mark) for child in node.value]
    return result


_LocatingLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LocatingLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load_yaml(text: str, path: str) -> Any:
    """Parse one YAML document; syntax errors become :class:`UserError` with a location."""
    loader = _LocatingLoader(text)
    loader.source_path = path
    try:
        return loader.get_single_data()
    except UserError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = _location(path, mark) if mark else Location(path)
        problem = error.problem or error.context or "invalid YAML"
        raise UserError(f"invalid YAML: {problem}", where) from None
    except yaml.YAMLError as error:
        raise UserError(f"invalid YAML: {error}", Location(path)) from None
    finally:
        loader.dispose()


def read_yaml_file(path: str) -> Any:
    """Read and parse a YAML file, turning I/O and decoding problems into UserError."""
    try:
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
