"""Claims of office: a title joined to a person's name.

Recognised forms (modifiers such as "former" or "then-" may precede the title):

* ``title-name``:            "UK Prime Minister Rishi Sunak", "former President Trump"
* ``name-title``:            "Rishi Sunak, the prime minister," / "Sunak, a former prime minister."
* ``title-name-appositive``: "the prime minister, Rishi Sunak, said"
* ``past-tense``:            "when Donald Trump was president", "Trump, who was president,"
                             (a claim like "former"); "Starmer, who is prime minister," (current)

What is deliberately *not* a claim: a title that is possessive ("the prime
minister's spokesman"), a title after a possessive ("Blair's chancellor"), and a
title with a word naming another role ("shadow", "deputy", "-elect", ...).
"""

from __future__ import annotations

import bisect

from linter.facts.temporal import Claim
from linter.mentions import vocabulary as words
from linter.mentions.model import NameMention, OfficeClaim, TitleMention
from linter.segment.tokens import Tokens, is_possessive
from linter.source.document import Span


def find_claims(tokens: Tokens, sentences: list[Span], names: list[NameMention], titles: list[TitleMention]) -> list[OfficeClaim]:
    reader = _ClaimReader(tokens, sentences, names)
    claims: list[OfficeClaim] = []
    seen: set[tuple[int, int]] = set()
    for title in titles:
        claim = reader.read(title)
        if claim and (claim.name.first, title.first) not in seen:
            seen.add((claim.name.first, title.first))
            claims.append(claim)
    return claims


class _ClaimReader:
    def __init__(self, tokens: Tokens, sentences: list[Span], names: list[NameMention]) -> None:
        self.texts = tokens.texts
        self.lower = [text.casefold() for text in tokens.texts]
        self.tokens = tokens
        self.name_starting = {name.first: name for name in names if name.entity}
        self.name_ending = {name.last: name for name in names if name.entity}
        self.sentence_starts = [sentence.start for sentence in sentences]
        self.sentences = sentences

    def _sentence_bounds(self, token: int) -> tuple[int, int]:
        """Token index range [first, last) of the sentence holding ``token``."""
        offset = self.tokens.starts[token]
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        if index < 0:
            return 0, len(self.texts)
        sentence = self.sentences[index]
        return self.tokens.index_at_or_after(sentence.start), self.tokens.index_at_or_after(sentence.end)

    def read(self, title: TitleMention) -> OfficeClaim | None:
        if title.possessive:
            return None
        low, texts = self.lower, self.texts
        floor, ceiling = self._sentence_bounds(title.first)
        after = title.last
        # "-elect", "designate": another role.
        if after < ceiling and (low[after] in words.OTHER_ROLE or (low[after] == "-" and after + 1 < ceiling and low[after + 1] in words.OTHER_ROLE)):
            return None
        claim, before = self._modifiers(title.first, floor)
        if claim is None:
            return None
        if before >= floor and is_possessive(texts[before]):
            return None  # "Blair's chancellor": a relation, not a claim of office
        start_offset = self.tokens.starts[before + 1] if before + 1 < title.first else title.span.start

        name = self.name_starting.get(after)
        if name and not self._followed_by_name_part(name, ceiling):
            return self._claim(start_offset, name.span.end, name, title, claim, "title-name")

        at_end = after >= ceiling or texts[after] in words.APPOSITIVE_END
        article = before >= floor and low[before] in words.ARTICLES
        if article and after + 1 < ceiling and texts[after] == ",":
            name = self.name_starting.get(after + 1)
            if name and (name.last >= ceiling or texts[name.last] in words.APPOSITIVE_END or low[name.last] in words.SPEECH_VERBS):
                return self._claim(self.tokens.starts[before], name.span.end, name, title, claim, "title-name-appositive")

        lead = before - 1 if article else before
        if at_end and lead >= floor and texts[lead] == ",":
            name = self.name_ending.get(lead)
            if name:
                return self._claim(name.span.start, title.span.end, name, title, claim, "name-title")

        return self._past_tense(title, claim, lead, after, floor, ceiling)

    def _modifiers(self, first: int, floor: int) -> tuple[Claim | None, int]:
        """Read modifier words before a title; returns the claim (None: another role) and the first index before them."""
        claim, index = Claim.CURRENT, first - 1
        while index >= floor:
            word = self.lower[index]
            if word == "-":
                index -= 1
                continue
            if word in words.OTHER_ROLE:
                return None, index
            if word in words.FORMER:
                claim = Claim.FORMER
            elif word in words.EARLIER:
                claim = Claim.EARLIER
            else:
                break
            index -= 1
        return claim, index

    def _followed_by_name_part(self, name: NameMention, ceiling: int) -> bool:
        """'President Trump Tower': a capitalised word right after the name makes it something else."""
        nxt = name.last
        if name.possessive or nxt >= ceiling:
            return False
        following = self.texts[nxt]
        return following[:1].isupper() and following.isalpha() and self.tokens.starts[nxt] == self.tokens.ends[nxt - 1] + 1

    def _past_tense(self, title: TitleMention, claim: Claim, lead: int, after: int, floor: int, ceiling: int) -> OfficeClaim | None:
        """'when X was president', 'X, who was president,' and 'X, who is president,'."""
        if lead < floor or self.lower[lead] not in ("was", "is"):
            return None
        if not (after >= ceiling or self.texts[after] in words.APPOSITIVE_END or self.lower[after] in words.PHRASE_END_WORDS):
            return None
        verb = self.lower[lead]
        if lead - 2 >= floor and self.lower[lead - 1] == "who" and self.texts[lead - 2] == ",":
            name = self.name_ending.get(lead - 2)  # "X, who was president"
        elif verb == "was":
            name = self.name_ending.get(lead)  # "when X was president"
            if name is None or name.first - 1 < floor or self.lower[name.first - 1] != "when":
                return None
        else:
            return None
        if name is None:
            return None
        if verb == "was" and claim is Claim.CURRENT:
            claim = Claim.FORMER
        return self._claim(name.span.start, title.span.end, name, title, claim, "past-tense")

    @staticmethod
    def _claim(start: int, end: int, name: NameMention, title: TitleMention, claim: Claim, form: str) -> OfficeClaim:
        return OfficeClaim(Span(start, end), name, title, claim, form)
