"""Sentence boundaries in prose blocks.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets) followed by space and a capital, digit or opening quote, unless the
word before the full stop is an abbreviation ("Mr", "Gen", "U.S.") or an initial.
When unsure, sentences are merged rather than split: a merged sentence costs
nothing, a wrong split hides a claim.
"""

from __future__ import annotations

from linter.cache import regexes as kept_regexes
from linter.source.document import Span

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sir st gen lt lieut dep asst col maj capt sgt adm cmdr gov sen rep rev fr hon pres
    jr sr inc ltd co corp bros plc no vs etc al approx dept est fig jan feb mar apr jun jul aug
    sep sept oct nov dec mt ft""".split()
)
_BOUNDARY = kept_regexes.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[\p{Lu}\p{N}])")
_WORD_BEFORE = kept_regexes.compile(r"([\p{L}.]+)$")


def split_sentences(prose: str, blocks: list[Span]) -> list[Span]:
    sentences: list[Span] = []
    for block in blocks:
        start = block.start
        for match in _BOUNDARY.finditer(prose, block.start, block.end):
            if match.group(1) == "." and _is_abbreviation(prose, match.start(1), block.start):
                continue
            end = match.end(2)
            if end > start:
                sentences.append(Span(start, end))
            start = match.end(3)
        if start < block.end:
            sentences.append(Span(start, block.end))
    return sentences


def first_sentence(text: str) -> str:
    """The first sentence of a text wrapped over several lines (a rule's description), on one line."""
    flat = " ".join(text.split())
    return flat[: split_sentences(flat, [Span(0, len(flat))])[0].end] if flat else ""


def _is_abbreviation(prose: str, dot: int, floor: int) -> bool:
    word = _WORD_BEFORE.search(prose, max(floor, dot - 20), dot)
    if not word:
        return False
    text = word.group(1)
    if len(text.rstrip(".")) == 1 or "." in text:  # an initial ("J.") or "U.S."
        return True
    return text.lower() in ABBREVIATIONS
