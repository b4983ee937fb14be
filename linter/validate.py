"""Validation of loaded YAML against the shapes factlint expects.

A :class:`Checker` collects every problem in a file instead of stopping at the
first, so a user fixes a fact file or rule pack in one pass. Each reader method
returns the value when it is valid and ``None`` (after recording a located
problem) when it is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from linter.dates import parse_iso_date
from linter.errors import Location, UserError, UserErrors, did_you_mean
from linter.yamlio import YamlList, YamlMap

_TYPE_NAMES = {str: "a string", int: "a whole number", bool: "true or false", list: "a list", dict: "a mapping"}


class Checker:
    """Collects located problems found while validating one file."""

    def __init__(self) -> None:
        self.problems: list[UserError] = []

    def fail(self, message: str, location: Location) -> None:
        self.problems.append(UserError(message, location))

    def raise_if_failed(self) -> None:
        if len(self.problems) == 1:
            raise self.problems[0]
        if self.problems:
            raise UserErrors(self.problems)

    def mapping(self, value: Any, location: Location, what: str) -> YamlMap | None:
        if isinstance(value, YamlMap):
            return value
        self.fail(f"{what} must be a mapping, not {_describe(value)}", location)
        return None

    def sequence(self, value: Any, location: Location, what: str) -> YamlList | None:
        if isinstance(value, YamlList):
            return value
        self.fail(f"{what} must be a list, not {_describe(value)}", location)
        return None

    def keys(self, mapping: YamlMap, allowed: Iterable[str], required: Iterable[str], what: str) -> bool:
        """Report unknown keys (with a suggestion) and missing required ones."""
        allowed = set(allowed)
        ok = True
        for key in mapping:
            if key not in allowed:
                ok = False
                self.fail(
                    f"unknown field '{key}' in {what}{did_you_mean(str(key), allowed)}",
                    mapping.key_location(key),
                )
        for key in required:
            if key not in mapping:
                ok = False
                self.fail(f"{what} is missing the required field '{key}'", mapping.location)
        return ok

    def typed(self, mapping: YamlMap, key: str, kind: type, what: str) -> Any:
        """The value at ``key`` if it has type ``kind`` (absent keys give None silently)."""
        if key not in mapping:
            return None
        value = mapping[key]
        if kind is int and isinstance(value, bool):
            value = None  # YAML true/false are not numbers
        if isinstance(value, kind):
            return value
        found = not_a_string(value, mapping.written(key)) if kind is str else _describe(value)
        self.fail(f"'{key}' in {what} must be {_TYPE_NAMES.get(kind, kind.__name__)}, not {found}", mapping.where(key))
        return None

    def text(self, mapping: YamlMap, key: str, what: str) -> str | None:
        value = self.typed(mapping, key, str, what)
        if value is not None and not value.strip():
            self.fail(f"'{key}' in {what} must not be empty", mapping.where(key))
            return None
        return value

    def text_list(self, mapping: YamlMap, key: str, what: str) -> list[str]:
        """A list of non-empty strings; a single string is accepted as a one-item list."""
        if key not in mapping:
            return []
        value = mapping[key]
        if isinstance(value, str):
            if value.strip():
                return [value]
            self.fail(f"'{key}' in {what} must not be empty", mapping.where(key))
            return []
        items = self.sequence(value, mapping.where(key), f"'{key}' in {what}")
        if items is None:
            return []
        result = []
        for index, item in enumerate(items):
            if isinstance(item, str) and item.strip():
                result.append(item)
            else:
                found = not_a_string(item, items.written(index))
                self.fail(f"each item of '{key}' in {what} must be a non-empty string, not {found}", items.where(index))
        return result

    def date(self, mapping: YamlMap, key: str, what: str) -> dt.date | None:
        if key not in mapping:
            return None
        value = mapping[key]
        if not isinstance(value, str):
            self.fail(f"'{key}' in {what} must be a date written YYYY-MM-DD, not {_describe(value)}", mapping.where(key))
            return None
        try:
            return parse_iso_date(value)
        except ValueError as error:
            self.fail(f"'{key}' in {what}: {error}", mapping.where(key))
            return None


def not_a_string(value: Any, written: str | None) -> str:
    """What was found where a string is expected. Plain text YAML typed as a boolean, null or
    number (YAML 1.1 reads NO as false, ~ as nothing, 1.10 as the number 1.1) is named as written,
    with how to keep it: "NO, which YAML reads as false; write it in quotes: 'NO'"."""
    if written is None:
        return _describe(value)
    read = "nothing" if value is None else str(value).lower() if isinstance(value, bool) else f"the number {value}"
    quote = "'" if "'" not in written else '"'
    return f"{written}, which YAML reads as {read}; write it in quotes: {quote}{written}{quote}"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (dict, YamlMap)):
        return "a mapping"
    if isinstance(value, (list, YamlList)):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{value}'"
