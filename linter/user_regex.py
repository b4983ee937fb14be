"""Compiling and running the regexes users write (rule patterns, swaps, event mentions).

The regex engine raises its own ``regex.error`` for a malformed pattern, but other exceptions
for patterns it cannot handle: deep nesting exhausts Python's recursion (``RecursionError``).
Every one of them is the pattern's problem, so each becomes a :class:`BadRegex` that the caller
reports against the rule or fact that wrote the pattern. Running a pattern can fail as well
(``(?R)`` recurses until the engine raises ``MemoryError``): :func:`find_all` makes that a
:class:`RegexFailed`, and leaves the engine's ``TimeoutError`` to the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

import regex

from linter.cache import regexes as kept_regexes


class BadRegex(ValueError):
    """A user's pattern that the regex engine cannot compile; the message says why."""


class RegexFailed(BadRegex):
    """A user's pattern that compiled but that the regex engine failed to run; the message says why."""


def compile_user_regex(pattern: str, flags: int = 0) -> regex.Pattern:
    """Compile ``pattern``, kept between runs (linter/cache/regexes.py); any failure of the engine is a BadRegex."""
    return _compile(kept_regexes.compile, pattern, flags)


@lru_cache(maxsize=1024)
def cached_user_regex(pattern: str, flags: int = 0) -> regex.Pattern:
    """``compile_user_regex``, memoised: a rule's pattern is validated and used with one compile."""
    return compile_user_regex(pattern, flags)


@lru_cache(maxsize=1024)
def document_regex(pattern: str, flags: int = 0) -> regex.Pattern:
    """A pattern built for one document (a rule's slots filled with the names it has): memoised, as
    documents share names, but not kept between runs, where there would be one per document."""
    return _compile(regex.compile, pattern, flags)


def _compile(compiler: Callable[[str, int], regex.Pattern], pattern: str, flags: int) -> regex.Pattern:
    try:
        return compiler(pattern, flags)
    except regex.error as error:
        raise BadRegex(str(error)) from None
    except RecursionError:
        raise BadRegex("nested too deeply for the regex engine; simplify it") from None
    except Exception as error:  # the engine failing on this input in a way it does not document
        raise BadRegex(f"the regex engine cannot compile it ({type(error).__name__}: {error})") from None


def find_all(pattern: regex.Pattern, text: str, start: int, end: int, timeout: float) -> Iterator[regex.Match]:
    """``pattern.finditer`` over ``text[start:end]``; an engine failure other than its timeout is a RegexFailed."""
    try:
        yield from pattern.finditer(text, start, end, timeout=timeout)
    except TimeoutError:
        raise
    except Exception as error:  # MemoryError from unbounded recursion, or anything else the engine raises
        raise RegexFailed(f"the regex engine failed while matching it ({type(error).__name__}{': ' if str(error) else ''}{error})") from None


def shown(pattern: str, limit: int = 60) -> str:
    """A pattern quoted for a one-line message, shortened when long."""
    return repr(pattern if len(pattern) <= limit else pattern[: limit - 1] + "…")
