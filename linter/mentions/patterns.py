"""Searching the mention patterns a fact file gives (events, measures) in a document's sentences.

A pattern is the facts' regex, matched case-insensitively as whole words ("CES" is not in
"services"). One that backtracks for over a second on a sentence, or that the engine cannot run,
is reported in ``failures`` (as a problem of the fact file) and searched no further.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from linter.source.document import Span
from linter.user_regex import BadRegex, compile_user_regex, find_all, shown

TIMEOUT = 1.0  # seconds per sentence for one mention pattern


@lru_cache(maxsize=4096)
def mention_pattern(pattern: str) -> regex.Pattern:
    """A fact's mention pattern, as whole words, whatever the case."""
    return compile_user_regex(rf"(?<![\p{{L}}\p{{N}}])(?:{pattern})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE | regex.VERSION1)


def mention_spans(pattern: str, prose: str, sentence: Span, owner: str, failures: list[str]) -> list[Span] | None:
    """The non-empty matches of ``pattern`` in ``sentence``; None, with a line in ``failures`` naming
    its ``owner`` ("event 'summit'"), when the pattern cannot be searched."""
    try:
        return [
            Span(match.start(), match.end())
            for match in find_all(mention_pattern(pattern), prose, sentence.start, sentence.end, TIMEOUT)
            if match.end() > match.start()
        ]
    except TimeoutError:
        failures.append(f"the mention pattern {pattern!r} of {owner} took over {TIMEOUT:g} s; fix it in the facts")
    except BadRegex as error:
        failures.append(f"the mention pattern {shown(pattern)} of {owner} cannot be used: {error}; fix it in the facts")
    return None
