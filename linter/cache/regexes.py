"""Compiled regular expressions kept between runs.

The ``regex`` module's compiler is written in Python: compiling factlint's own patterns and the
built-in rules' took some 60 ms, a third of a short pre-commit run, and gives the same result on
every run. ``regex`` pickles a pattern as its compiled program (the arguments of its C
constructor: the pattern, its flags, lists of integers), so a run keeps those programs in a
:class:`~linter.cache.store.PlainStore` and the next rebuilds each pattern from its program
without parsing it. The store is named by the versions of Python and ``regex`` that compiled it,
and a pattern is taken from it only for the same text and flags. Like Python's bytecode cache, it
is trusted as the user's own file.

Patterns built per document (a relation rule's patterns with the document's names) do not come
here (``linter.user_regex.document_regex``): there would be one per document.
"""

from __future__ import annotations

import copyreg
import hashlib
import sys
from collections.abc import Callable

import regex

from linter.cache.store import PlainStore

_VERSIONS = f"python {sys.version} regex {regex.__version__} default {regex.DEFAULT_VERSION}"
_programs = PlainStore(f"regexes-{hashlib.sha256(_VERSIONS.encode()).hexdigest()[:16]}", limit=5_000)  # a run needs about 150
_reduce: Callable[[regex.Pattern], tuple[Callable[..., regex.Pattern], tuple]] = copyreg.dispatch_table[regex.Pattern]  # type: ignore[assignment]
_construct = _reduce(regex.compile(""))[0]  # regex's own constructor of a pattern from its program
_compiled: dict[tuple[str, int], regex.Pattern] = {}


def compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, rebuilt from its program when an earlier run compiled it."""
    key = (pattern, int(flags))  # a RegexFlag is an int that marshal cannot write
    found = _compiled.get(key)
    if found is not None:
        return found
    program = _programs.get(key)
    if program is not None:
        try:
            found = _construct(*program)
        except Exception:  # a damaged entry: compile the pattern afresh
            found = None
    if found is None:
        found = regex.compile(pattern, flags)
        _programs.put(key, _reduce(found)[1])
    _compiled[key] = found
    return found
