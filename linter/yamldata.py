"""Parsed YAML: mappings and lists that know where each of their values was written (see yamlio)."""

from __future__ import annotations

from typing import Any

from linter.errors import Location

Mark = tuple[int, int]  # 1-based (line, column)


class YamlMap(dict):
    """A mapping that knows where it and each of its keys and values were written."""

    __slots__ = ("key_marks", "mark", "path", "typed_scalars", "value_marks")
    path: str
    mark: Mark
    key_marks: dict[Any, Mark]
    value_marks: dict[Any, Mark]
    typed_scalars: dict[Mark, str]  # shared by the document's containers (located_map)

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

    def written(self, key: Any) -> str | None:
        """How the value at ``key`` was written, if YAML typed that plain text as a non-string ('NO' for false)."""
        mark = self.value_marks.get(key)
        return self.typed_scalars.get(mark) if mark else None

    def written_key(self, key: Any) -> str | None:
        """How ``key`` itself was written, if YAML typed it as a non-string."""
        mark = self.key_marks.get(key)
        return self.typed_scalars.get(mark) if mark else None


class YamlList(list):
    """A sequence that knows where it and each of its items were written."""

    __slots__ = ("item_marks", "mark", "path", "typed_scalars")
    path: str
    mark: Mark
    item_marks: list[Mark]
    typed_scalars: dict[Mark, str]

    @property
    def location(self) -> Location:
        return Location(self.path, *self.mark)

    def where(self, index: int) -> Location:
        return Location(self.path, *(self.item_marks[index] if index < len(self.item_marks) else self.mark))

    def written(self, index: int) -> str | None:
        """How item ``index`` was written, if YAML typed that plain text as a non-string."""
        return self.typed_scalars.get(self.item_marks[index]) if index < len(self.item_marks) else None


_NO_SCALARS: dict[Mark, str] = {}


def located_map(items: dict, path: str, mark: Mark = (1, 1), typed_scalars: dict[Mark, str] = _NO_SCALARS) -> YamlMap:
    """A YamlMap; for data that did not come from YAML (e.g. TOML), every location is ``mark``.
    ``typed_scalars`` is shared by every container of one YAML document: plain text typed as a
    non-string, by where it was written."""
    result = YamlMap(items)
    result.path, result.mark, result.key_marks, result.value_marks, result.typed_scalars = path, mark, {}, {}, typed_scalars
    return result


def located_list(items: list, path: str, mark: Mark = (1, 1), typed_scalars: dict[Mark, str] = _NO_SCALARS) -> YamlList:
    result = YamlList(items)
    result.path, result.mark, result.item_marks, result.typed_scalars = path, mark, [], typed_scalars
    return result
