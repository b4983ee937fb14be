"""Configuration: ``.factlint.yaml``, ``factlint.yaml`` or ``[tool.factlint]`` in ``pyproject.toml``.

Found from the working directory upward; the nearest directory holding one of
them wins, and within a directory the order above decides. Paths in a config
are relative to the directory of the file that names them.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.dates import DATE_KEYS, DateWindow
from linter.deadline import is_time_limit
from linter.errors import Location, UserError
from linter.findings import SEVERITIES
from linter.validate import Checker
from linter.yamlio import YamlMap, located_list, located_map, read_yaml_file

CONFIG_FILES = (".factlint.yaml", "factlint.yaml", "pyproject.toml")
FAIL_LEVELS = (*SEVERITIES, "never")
FIELDS = (
    "extend", "facts", "rules", "date", "fail_on", "select", "extend_select", "ignore", "severity", "include", "exclude",
    "timeout_per_document", "date_keys", "scheduler",
)


@dataclass
class Config:
    """Settings read from a configuration file, with where each was written."""

    path: str | None = None
    directory: str = "."  # globs in include/exclude are relative to it
    facts: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    date: DateWindow | None = None
    date_location: Location | None = None  # where 'date' is written
    date_keys: tuple[str, ...] = DATE_KEYS
    fail_on: str | None = None
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> severity
    severity_locations: dict[str, Location] = field(default_factory=dict)
    include: list[str] = field(default_factory=list)  # globs: when set, walked files must match one
    exclude: list[str] = field(default_factory=list)  # globs: walked files matching one are skipped
    timeout_per_document: float | None = None  # seconds; 0 means no limit
    scheduler: str | None = None  # a Dask scheduler's address (--scheduler)

    def skips(self, path: str) -> bool:
        """Whether a file found by walking a directory is left out by include/exclude."""
        if not self.exclude and not self.include:  # the usual case, asked for every file of an archive
            return False
        relative = Path(os.path.relpath(path, self.directory)).as_posix()
        if any(fnmatch.fnmatch(relative, glob) for glob in self.exclude):
            return True
        return bool(self.include) and not any(fnmatch.fnmatch(relative, glob) for glob in self.include)


def find_config(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "factlint" in _read_toml(path).get("tool", {})
    except UserError:
        return True  # let load_config report the broken file


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # here, not above: only a pyproject.toml needs it, and most runs find a YAML configuration or none

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        message, _, where = error.args[0].partition(" (at ")
        line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
        if line is None:  # before Python 3.14 the position is only in the message: "(at line 1, column 15)"
            found = re.fullmatch(r"line (\d+), column (\d+)\)", where)
            line, column = (int(found[1]), int(found[2])) if found else (None, None)
        raise UserError(f"invalid TOML: {message}", Location(str(path), line, column)) from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        raise UserError("invalid TOML: nested too deeply; this is not a factlint configuration", Location(str(path))) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", Location(str(path))) from None


def load_config(path: Path, _extending: tuple[Path, ...] = ()) -> Config:
    if path.name == "pyproject.toml":
        data = _located(_read_toml(path).get("tool", {}).get("factlint", {}), Location(str(path)))
        what = "[tool.factlint]"
    else:
        data = read_yaml_file(str(path), keep=True)
        what = "the config"
    checker = Checker()
    root = checker.mapping(data if data is not None else _located({}, Location(str(path), 1, 1)), Location(str(path), 1, 1), what)
    if root is None:
        checker.raise_if_failed()
    assert root is not None  # mapping() returns None only after recording why, and that was raised
    checker.keys(root, FIELDS, (), what)
    base = path.parent
    config = Config(path=str(path), directory=str(base))
    if "extend" in root:
        extended = checker.text(root, "extend", what)
        if extended is not None:
            contained = _contained(base / extended, root, "extend", checker)
            if contained is None:
                checker.raise_if_failed()  # never open a file outside the base directory
            assert contained is not None  # _contained() returns None only after recording why, and that was raised
            target = real_path(contained)
            if target in _extending or target == path.resolve():
                raise UserError(f"'extend' makes a cycle: {target} extends itself", root.where("extend"))
            if not os.path.isfile(target):  # Path.is_file() raises for a name too long
                raise UserError(f"the config to extend, {extended}, does not exist", root.where("extend"))
            config = load_config(target, (*_extending, path.resolve()))
            config.path, config.directory = str(path), str(base)
    # Keys this file sets replace those of the config it extends; paths are relative to this file.
    if "facts" in root:
        config.facts = [p for item in checker.text_list(root, "facts", what) if (p := _contained(base / item, root, "facts", checker))]
    if "rules" in root:
        config.rules = [p for item in checker.text_list(root, "rules", what) if (p := _contained(base / item, root, "rules", checker))]
    for key in ("select", "extend_select", "ignore", "include", "exclude"):
        if key in root:
            setattr(config, key, checker.text_list(root, key, what))
    overrides = checker.mapping(root["severity"], root.where("severity"), "'severity'") if "severity" in root else None
    if overrides is not None:
        for rule_id, level in overrides.items():
            if level not in SEVERITIES:
                checker.fail(f"severity of '{rule_id}' must be one of: {', '.join(SEVERITIES)}", overrides.where(rule_id))
            else:
                config.severity[str(rule_id)] = level
                config.severity_locations[str(rule_id)] = overrides.key_location(rule_id)
    if "fail_on" in root:
        config.fail_on = checker.text(root, "fail_on", what)
    if config.fail_on is not None and config.fail_on not in FAIL_LEVELS:
        checker.fail(f"fail_on must be one of: {', '.join(FAIL_LEVELS)}", root.where("fail_on"))
    if "timeout_per_document" in root:
        seconds = root["timeout_per_document"]
        if not is_time_limit(seconds):
            checker.fail("timeout_per_document must be a number of seconds (0: no limit)", root.where("timeout_per_document"))
        else:
            config.timeout_per_document = float(seconds)
    if "scheduler" in root:
        config.scheduler = checker.text(root, "scheduler", what)
    if "date" in root:
        try:
            config.date, config.date_location = DateWindow.parse(str(root["date"])), root.where("date")
        except ValueError as error:
            checker.fail(f"date: {error}", root.where("date"))
    if "date_keys" in root:
        config.date_keys = tuple(checker.text_list(root, "date_keys", what))
    checker.raise_if_failed()
    return config


def real_path(path: Path | str) -> Path:
    """The absolute path with symbolic links resolved, as far as they resolve. Unlike
    ``Path.resolve()`` on Python 3.11, a symbolic link loop is no RuntimeError: reading the
    file then fails with a located error."""
    return Path(os.path.realpath(path))


def base_directory(directory: Path) -> Path:
    """What a configuration's paths may reach: the git work tree holding it, else its own directory."""
    directory = directory.resolve()
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return directory


ALLOWED_DIRS = "FACTLINT_ALLOWED_DIRS"  # directories outside its own that a configuration may name, as the user allows


def _contained(path: Path, root: YamlMap, key: str, checker: Checker) -> str | None:
    """A path from a configuration, or None (with a problem recorded) if it leads outside its base directory.

    A configuration shared in a repository of drafts must not make factlint read files elsewhere on the machine;
    paths given on the command line are not limited, and nor are the directories the user lists in
    $FACTLINT_ALLOWED_DIRS (a newsroom's shared fact repository): the user's choice, not the repository's.
    """
    if "\0" in str(path):
        checker.fail(f"'{key}' holds a path with a NUL character, which no file name can have", root.where(key))
        return None
    base = base_directory(Path(root.path).parent)
    resolved = real_path(path)
    allowed = [real_path(entry) for entry in os.environ.get(ALLOWED_DIRS, "").split(os.pathsep) if entry and "\0" not in entry]
    if not any(resolved == directory or directory in resolved.parents for directory in (base, *allowed)):
        checker.fail(
            f"'{key}' points outside {base} ({path}); give such files on the command line, or allow their directory "
            f"in ${ALLOWED_DIRS} (docs/cli.md)",
            root.where(key),
        )
        return None
    return str(path)


def _located(value: Any, location: Location) -> Any:
    """Wrap parsed TOML in YamlMap/YamlList so one validator serves both formats."""
    mark = (location.line or 1, location.column or 1)
    if isinstance(value, dict):
        return located_map({key: _located(item, location) for key, item in value.items()}, location.path, mark)
    if isinstance(value, list):
        return located_list([_located(item, location) for item in value], location.path, mark)
    return value
