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
* explicit tags other than YAML's standard ones (``!!python/object``...) are refused;
* the source text of a plain scalar YAML types as something other than a string (``NO``
  read as false, ``1.10`` as a number) is kept, so a validator can say what to quote.

The parser itself is ``linter/yamlparse.py``, imported only when a document needs it: a front
matter of plain ``key: value`` lines is read here, and rule packs and configs come back from the
parsed-document store (``read_yaml_file(..., keep=True)``) when their bytes have not changed.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import Any

from linter.cache.store import PlainStore
from linter.errors import Location, UserError, reading_errors
from linter.yamldata import YamlList, YamlMap, located_list, located_map

MAX_BYTES = 64 * 1024 * 1024  # a larger YAML file is refused before parsing: split it instead


def load_yaml(text: str, path: str) -> Any:
    """Parse one YAML document into plain data with locations; problems are UserErrors."""
    return _parse(text, path)[0]


def _parse(text: str, path: str) -> tuple[Any, bool]:
    """The document, and whether aliases or merge keys share values in it."""
    flat = _flat_mapping(text, path)
    if flat is not None:
        return flat, False
    from linter.yamlparse import parse  # PyYAML, imported only when it is needed

    return parse(text, path)


# A front matter is usually a few lines of ``key: value``; reading those needs no YAML parser (and
# importing PyYAML costs a short run about 20 ms). Only lines whose meaning is certain are read so:
# a plain key that is not one of YAML's special words, then a value that YAML reads as the same string (a date, a quoted string without
# escapes, or plain words that are not one of YAML's special words). Anything else (a comment after
# a value, a list, an empty value, a duplicate key, a tab) goes to the parser, which decides it.
_FLAT_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):( +)(\S.*?) *\Z")
_FLAT_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:\.\.\d{4}-\d{2}-\d{2}|T[0-9:.]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\Z")
_FLAT_WORDS = re.compile(r"[^\W\d_][^#:\[\]{},]*\Z")
_YAML_WORDS = frozenset("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL".split())


def _flat_mapping(text: str, path: str) -> YamlMap | None:
    """``text`` as the parser would read it when it is only ``key: value`` lines (and blank lines or
    comments) whose values are certainly strings; None when it is anything else."""
    if "\r" in text or not text.strip():
        return None
    mapping = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip(" ") or line.startswith("#"):
            continue
        found = _FLAT_LINE.match(line)
        if found is None or not line.isprintable() or found.group(1) in _YAML_WORDS:
            return None
        key, value = found.group(1), found.group(3)
        if value[0] in "\"'":
            if len(value) < 2 or value[-1] != value[0] or value[0] in value[1:-1] or "\\" in value:
                return None
            string = value[1:-1]
        elif _FLAT_DATE.match(value) or (_FLAT_WORDS.match(value) and value not in _YAML_WORDS):
            string = value
        else:
            return None
        if mapping is None:
            mapping = located_map({}, path, (number, 1), {})
        elif key in mapping:
            return None  # the parser says it is written twice
        mapping[key] = string
        mapping.key_marks[key], mapping.value_marks[key] = (number, 1), (number, found.end(2) + 1)
    return mapping


def read_yaml_bytes(path: str) -> bytes:
    """A YAML file's bytes, at most MAX_BYTES of them; I/O problems and larger files are UserErrors."""
    too_large = f"too large to load (the limit is {MAX_BYTES // 2**20} MiB): split it into several files"
    with reading_errors(path, "a YAML file"):
        if os.path.getsize(path) > MAX_BYTES:
            raise UserError(too_large, Location(path))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # a device or pipe has no size to check beforehand
    if len(data) > MAX_BYTES:
        raise UserError(too_large, Location(path))
    return data


def read_yaml_file(path: str, keep: bool = False) -> Any:
    """Read and parse a YAML file, turning I/O and decoding problems into UserError.

    ``keep``: take the parsed document from the parsed-document store when this path held these
    bytes before, and keep it there when not (rule packs and configs: read on every run, rarely edited).
    """
    data = read_yaml_bytes(path)
    key = (path, hashlib.sha256(data).hexdigest()) if keep else None
    if key is not None and (kept := _documents.get(key)) is not None:
        return _from_plain(kept, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(f"not valid UTF-8 (byte {error.start})", Location(path)) from None
    document, shared = _parse(text, path)
    if key is not None and not shared:  # shared values would be written out once per use
        _documents.put(key, _to_plain(document))
    return document


_DOCUMENTS_LAYOUT = 1  # bumped whenever _to_plain's form changes
_documents = PlainStore(f"yaml-documents-{_DOCUMENTS_LAYOUT}", limit=64)


def _to_plain(document: Any) -> tuple:
    """A parsed document as plain data: its typed scalars, and each container as a tuple with its marks."""
    typed_scalars = document.typed_scalars if isinstance(document, (YamlMap, YamlList)) else {}
    return typed_scalars, _plain(document)


def _plain(value: Any) -> Any:
    if isinstance(value, YamlMap):
        return (0, value.mark, [(key, value.key_marks[key], value.value_marks[key], _plain(item)) for key, item in value.items()])
    if isinstance(value, YamlList):
        return (1, value.mark, value.item_marks, [_plain(item) for item in value])
    return value  # a scalar: never a tuple


def _from_plain(kept: tuple, path: str) -> Any:
    typed_scalars, root = kept

    def build(value: Any) -> Any:
        if not isinstance(value, tuple):
            return value
        if value[0] == 0:
            mapping = located_map({}, path, value[1], typed_scalars)
            for key, key_mark, value_mark, item in value[2]:
                mapping[key] = build(item)
                mapping.key_marks[key], mapping.value_marks[key] = key_mark, value_mark
            return mapping
        sequence = located_list([build(item) for item in value[3]], path, value[1], typed_scalars)
        sequence.item_marks = value[2]
        return sequence

    return build(root)
