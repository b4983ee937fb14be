"""Known names and titles in the token stream."""

from __future__ import annotations

from linter.mentions.lexicon import Lexicon
from linter.mentions.model import NameMention, TitleMention
from linter.segment.tokens import Tokens
from linter.source.document import Span


def find_names(tokens: Tokens, lexicon: Lexicon) -> list[NameMention]:
    """Every known name, longest first; an ambiguous alias is resolved or left open.

    An alias shared by several entities ("Mr Clarke") refers to the one whose
    full name the article has already used; if none or several have been named
    in full, the mention stays unresolved and no rule draws a verdict from it.
    """
    mentions: list[NameMention] = []
    named_in_full: set[str] = set()
    for first, last, ids, possessive in lexicon.names.matches(tokens.texts):
        key = tuple(tokens.texts[first:last])
        if possessive:
            key = (*key[:-1], key[-1][:-2])
        full = {entity for entity in ids if lexicon.canonical_keys.get(entity) == key}
        named_in_full |= full
        if len(ids) == 1:
            entity = next(iter(ids))
        else:
            earlier = (full or ids) & named_in_full
            entity = next(iter(earlier)) if len(earlier) == 1 else None
        span = Span(tokens.starts[first], tokens.ends[last - 1])
        mentions.append(NameMention(span, first, last, ids, entity, possessive))
    return mentions


def find_titles(tokens: Tokens, lexicon: Lexicon) -> list[TitleMention]:
    return [
        TitleMention(Span(tokens.starts[first], tokens.ends[last - 1]), first, last, ids, possessive)
        for first, last, ids, possessive in lexicon.titles.matches(tokens.texts)
    ]
