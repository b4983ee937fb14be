"""The one error type the user sees: a problem in their input, with its location.

Anything the user wrote wrongly (a fact file, a rule pack, a config, a document
that cannot be read, a command-line value) raises :class:`UserError`. The CLI
prints it as ``file:line:col: what is wrong`` and exits with code 2.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where in a file something is written, for messages and reports."""

    path: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def shown(self) -> str:
        """As ``str()``, with an absolute path made relative to the working directory when it lies below it."""
        path = self.path
        if os.path.isabs(path):
            try:
                relative = os.path.relpath(path)
            except ValueError:  # another drive, on Windows
                relative = path
            path = path if relative.startswith("..") else relative
        return str(Location(path, self.line, self.column))

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class UserError(Exception):
    """A problem in the user's input; reported with its location, exit code 2."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        message = _one_line(message)
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


_LINE_BREAKS = {ord(c): c.encode("unicode_escape").decode("ascii") for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def _one_line(message: str) -> str:
    """The message with line breaks from quoted input written as escapes: one problem, one line."""
    return message.translate(_LINE_BREAKS)


class UserErrors(UserError):
    """Several independent problems found while validating one input."""

    def __init__(self, errors: list[UserError]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def did_you_mean(word: str, choices: Iterable[str], quote: str = "'") -> str:
    """A ' (did you mean 'x'?)' suffix when a close choice exists, else ''. Finding messages,
    which quote what a document says in double quotes, pass ``quote='"'``."""
    import difflib

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean {quote}{close[0]}{quote}?)" if close else ""


@contextmanager
def reading_errors(path: str, expected: str | None = None) -> Iterator[None]:
    """The operating system's errors of reading ``path`` as one located line: "no such file or
    directory", "is a directory, expected a YAML file", "cannot read: Permission denied"."""
    try:
        yield
    except FileNotFoundError:
        raise UserError("no such file or directory", Location(path)) from None
    except IsADirectoryError:
        raise UserError("is a directory" + (f", expected {expected}" if expected else ""), Location(path)) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", Location(path)) from None
