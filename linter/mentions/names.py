"""Known names and titles in the token stream."""

from __future__ import annotations

from linter.facts.model import FactBase
from linter.mentions.lexicon import COURTESY_TITLES, Lexicon
from linter.mentions.model import NameMention, TitleMention
from linter.mentions.vocabulary import GENERIC_TITLE_WORDS, SENTENCE_OPENERS
from linter.segment.quotes import Quotation
from linter.segment.tokens import Tokens, is_possessive
from linter.source.document import Span


def find_titles(tokens: Tokens, lexicon: Lexicon) -> list[TitleMention]:
    return [
        TitleMention(Span(tokens.starts[first], tokens.ends[last - 1]), first, last, ids, possessive, _generic(tokens.lower[first:last]))
        for first, last, ids, possessive in lexicon.titles.matches(tokens)
    ]


def _generic(words: list[str]) -> bool:
    """A title of one word, or of words every country's offices use ("Prime Minister", "Leader of the
    Opposition", "Vice-President"; not "Minister-President": a hyphen only after "vice" or "deputy")."""
    return len(words) == 1 or all(
        word in GENERIC_TITLE_WORDS or (word == "-" and index > 0 and words[index - 1] in ("vice", "deputy")) for index, word in enumerate(words)
    )


def find_names(tokens: Tokens, lexicon: Lexicon, titles: list[TitleMention], quotations: list[Quotation], facts: FactBase) -> list[NameMention]:
    """Every known name, longest first; an ambiguous or short name is resolved or left open.

    An alias shared by several entities ("Mr Clarke") refers to the one whose
    full name the article has already used; if none or several have been named
    in full, the mention stays unresolved and no rule draws a verdict from it.
    A short form the facts do not declare ("Brown", "Mr Brown", "Sir Alex") is a
    mention only after the person's full name, and only if that is one person; on a line in
    capitals, and right after a title inside a quotation ("'I am meeting Prime Minister Singh
    today,' said ..."), it is also an unresolved mention, which the title may resolve
    (mentions/claims.py). In the article's own words it is not: "under President Clinton",
    "President Reagan's Council" speak of someone the article has not named, often at another time.

    A declared name that begins with a title of an office its person held ("Pope Francis",
    "Queen Elizabeth II") is a mention of the rest ("Francis"), marked ``styled``, so that the
    title is read as a title: "former Pope Benedict XVI" makes a claim (mentions/claims.py).
    """
    title_ends = {title.last for title in titles}
    declared = lexicon.names.matches(tokens)
    if tokens.shouted:
        declared = _with_shouted_names(declared, lexicon.shouted_names.matches(tokens), tokens.shouted)
    covered = {index for first, last, _, _ in declared for index in range(first, last)}
    short = lexicon.short_names.matches(tokens)
    if tokens.shouted:
        short = _with_shouted_names(short, lexicon.shouted_short_names.matches(tokens), tokens.shouted)
    derived = [_with_courtesy_title(tokens, m) for m in short if not covered.intersection(range(m[0], m[1]))]
    found = [(m, True, styled) for m, styled in _styles(declared, titles, facts)] + [(m, False, False) for m in derived]
    matches = sorted(found, key=lambda item: item[0][0])
    mentions: list[NameMention] = []
    named_in_full: set[str] = set()
    for (first, last, ids, possessive), is_declared, styled in matches:
        if is_declared:
            if len(ids) == 1 and (last - first >= 2 or styled):  # a full name: two words or more, one entity
                named_in_full |= ids
            resolved = ids if len(ids) == 1 else ids & named_in_full
        else:
            resolved = ids & named_in_full
            if len(resolved) != 1 and first not in tokens.shouted and not (first in title_ends and _quoted(quotations, tokens.starts[first])):
                continue  # a bare surname of nobody named in full: not a mention
        entity = next(iter(resolved)) if len(resolved) == 1 else None
        span = Span(tokens.starts[first], tokens.ends[last - 1])
        embedded = _after_capitalised_word(tokens, first, title_ends)
        if embedded and not is_declared:
            continue  # "James Brown", "Lord Brown": another person, even opening a sentence
        mentions.append(NameMention(span, first, last, ids, entity, possessive, embedded, styled))
    return mentions


def _styles(declared: list[Match], titles: list[TitleMention], facts: FactBase) -> list[tuple[Match, bool]]:
    """Each declared name, without a title it begins with when its person held an office of that
    title ("Pope Francis" -> "Francis", styled), else as matched."""
    starting = {title.first: title for title in titles}
    styled = []
    for first, last, ids, possessive in declared:
        title = starting.get(first)
        held = title is not None and title.last < last and any(title.offices.intersection(facts.holder_offices.get(i, ())) for i in ids)
        styled.append(((title.last, last, ids, possessive), True) if held and title else ((first, last, ids, possessive), False))
    return styled


Match = tuple[int, int, frozenset[str], bool]


def _quoted(quotations: list[Quotation], offset: int) -> bool:
    return any(quotation.inner.start <= offset < quotation.inner.end for quotation in quotations)


def _with_shouted_names(declared: list[Match], folded: list[Match], shouted: frozenset[int]) -> list[Match]:
    """Add the names found case-insensitively on lines in capitals ("PRIME MINISTER SUNAK VISITS KYIV")."""
    taken = {index for first, last, _, _ in declared for index in range(first, last)}
    extra = [m for m in folded if all(i in shouted and i not in taken for i in range(m[0], m[1]))]
    return sorted(declared + extra) if extra else declared


def _with_courtesy_title(tokens: Tokens, match: tuple[int, int, frozenset[str], bool]) -> tuple[int, int, frozenset[str], bool]:
    """'Mr Brown' is the short form 'Brown' with the courtesy title before it."""
    first, last, ids, possessive = match
    if first > 0 and tokens.texts[first - 1] in COURTESY_TITLES and tokens.starts[first] - tokens.ends[first - 1] == 1:
        return first - 1, last, ids, possessive
    return match


def _after_capitalised_word(tokens: Tokens, first: int, title_ends: set[int]) -> bool:
    """Right after a capitalised word that may be part of the same name (not a title, not "But")."""
    previous = first - 1
    if previous < 0 or first in title_ends:
        return False
    word = tokens.texts[previous]
    if word.casefold() in SENTENCE_OPENERS:  # "But Wenger", "Former WorldCom": not part of a name
        return False
    return tokens.capitalised(previous) and word[-1:].isalpha() and not is_possessive(word) and tokens.starts[first] - tokens.ends[previous] == 1
