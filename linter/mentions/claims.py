"""Claims of office: a title joined to a person's name.

A title phrase is ``[article] [modifiers] [organisation] TITLE [of ORGANISATION]``:
"the former Microsoft chief executive", "Microsoft's chairman", "chief executive
of Microsoft". It makes a claim about a name in one of these forms:

* ``title-name``:            "UK Prime Minister Rishi Sunak", "former President Trump"
* ``name-title``:            "Rishi Sunak, the prime minister," / "Subir Raha, Gazprom chairman,"
* ``title-name-appositive``: "the prime minister, Rishi Sunak, said"
* ``past-tense``:            "when Donald Trump was president", "Trump, who was president,"
                             (a claim like "former"); "Starmer, who is prime minister," (current)

What is deliberately *not* a claim: a title that is possessive ("the prime
minister's spokesman"); a title after a person's possessive ("Blair's
chancellor"); a title with a word naming another role ("shadow", "deputy",
"-elect", ...); a title after a capitalised word the facts do not know ("Lions
coach X": some organisation, but not one factlint can check); a name that is
only the end of a longer proper noun.

A past year written in the sentence ("In 1997, Chancellor Kenneth Clarke
said") sets the time of the claim instead of the document's date.
"""

from __future__ import annotations

import bisect
import datetime as dt

import regex

from linter.dates import DateWindow
from linter.facts.temporal import Claim
from linter.mentions import vocabulary as words
from linter.mentions.lexicon import Lexicon
from linter.mentions.model import Analysis, NameMention, OfficeClaim, TitleMention
from linter.segment.tokens import is_possessive
from linter.source.document import Span

_YEAR_PHRASE = regex.compile(r"\b(?:[Ii]n|[Dd]uring)\s+(?:(?P<year>(?:19|20)\d\d)|the\s+(?P<decade>(?:19|20)\d)0s)\b(?![-/]\d)")


def find_claims(analysis: Analysis, lexicon: Lexicon) -> list[OfficeClaim]:
    reader = _ClaimReader(analysis, lexicon)
    claims: list[OfficeClaim] = []
    seen: set[tuple[int, int]] = set()
    for title in analysis.titles:
        claim = reader.read(title)
        if claim and (claim.name.first, title.first) not in seen:
            seen.add((claim.name.first, title.first))
            claims.append(claim)
    return claims


def past_times(analysis: Analysis, sentence: Span) -> tuple[DateWindow, ...]:
    """Years (and decades, and full dates) before the document's date written in a sentence."""
    limit = analysis.window.start.year
    times = set()
    for match in _YEAR_PHRASE.finditer(analysis.document.prose, sentence.start, sentence.end):
        if match.group("year"):
            first = last = int(match.group("year"))
        else:
            first = int(match.group("decade")) * 10
            last = first + 9
        if first < limit:
            times.add(DateWindow(dt.date(first, 1, 1), dt.date(min(last, limit - 1), 12, 31)))
    for date in analysis.dates:
        if date.year and date.year < limit and sentence.contains(date.span):
            times.add(DateWindow.day(dt.date(date.year, date.month, date.day)))
    return tuple(sorted(times))


class _ClaimReader:
    def __init__(self, analysis: Analysis, lexicon: Lexicon) -> None:
        self.analysis = analysis
        self.tokens = tokens = analysis.tokens
        self.texts = tokens.texts
        self.lower = tokens.lower
        self.title_ends = {title.last for title in analysis.titles}
        people = [n for n in analysis.names if n.entity and analysis.facts.entities[n.entity].type == "person"]
        self.person_starting = {n.first: n for n in people}
        self.person_ending = {n.last: n for n in people}
        self.name_ending = {n.last: n for n in analysis.names}
        self.name_starting = {n.first: n for n in analysis.names}
        self.organization_ids = lexicon.organizations
        self.sentence_starts = [sentence.start for sentence in analysis.sentences]

    def _sentence(self, token: int) -> tuple[Span, int, int]:
        """The sentence holding ``token``, and its token range [first, last)."""
        index = bisect.bisect_right(self.sentence_starts, self.tokens.starts[token]) - 1
        if index < 0:
            return Span(0, len(self.analysis.document.text)), 0, len(self.texts)
        sentence = self.analysis.sentences[index]
        return sentence, self.tokens.index_at_or_after(sentence.start), self.tokens.index_at_or_after(sentence.end)

    def _organization(self, name: NameMention | None) -> frozenset[str] | None:
        """The organisations a name written with a title may be (None: not an organisation)."""
        if name is None or name.embedded:
            return None
        organizations = name.candidates & self.organization_ids
        return organizations or None

    def read(self, title: TitleMention) -> OfficeClaim | None:
        if title.possessive:
            return None
        sentence, floor, ceiling = self._sentence(title.first)
        low = self.lower
        after = title.last
        if after < ceiling and (low[after] in words.OTHER_ROLE or (low[after] == "-" and after + 1 < ceiling and low[after + 1] in words.OTHER_ROLE)):
            return None  # "President-elect", "Prime Minister designate"
        organizations = None
        if after + 1 < ceiling and low[after] == "of":
            of_name = self.name_starting.get(after + 1)
            organizations = self._organization(of_name)
            if organizations is not None:
                after = of_name.last
        prefix = self._prefix(title.first, floor)
        if prefix is None:
            return None
        claim, before, organizations_before = prefix
        organizations = organizations_before if organizations_before is not None else organizations
        if organizations is None and self._unknown_qualifier(before, floor):
            return None
        found = self._form(title, claim, before, after, floor, ceiling)
        if found is None:
            return None
        start, end, name, form, claim = found
        when = past_times(self.analysis, sentence)
        return OfficeClaim(Span(start, end), name, title, claim, form, organizations, when)

    def _prefix(self, first: int, floor: int) -> tuple[Claim, int, frozenset[str] | None] | None:
        """Read modifiers and an organisation before a title, right to left.

        Returns the claim, the index of the token before the phrase, and the
        organisations written; None when the phrase names another role or a
        person's relation ("Blair's chancellor").
        """
        claim, organizations, index = Claim.CURRENT, None, first - 1
        while index >= floor:
            word = self.lower[index]
            if word == "-":
                index -= 1
                continue
            if word in words.OTHER_ROLE:
                return None
            if word in words.FORMER:
                claim = Claim.FORMER
            elif word in words.EARLIER:
                claim = Claim.EARLIER
            elif organizations is None and (found := self._organization(self.name_ending.get(index + 1))) is not None:
                organizations = found
                index = self.name_ending[index + 1].first - 1
                continue
            else:
                break
            index -= 1
        if index >= floor and is_possessive(self.texts[index]):
            return None  # "Blair's chancellor": a relation, not a claim of office
        return claim, index, organizations

    def _unknown_qualifier(self, before: int, floor: int) -> bool:
        """A capitalised word the facts do not know right before the title phrase ("Lions coach")."""
        if before < floor:
            return False
        word = self.texts[before]
        if before == floor and word.casefold() in words.SENTENCE_OPENERS:
            return False
        return word[:1].isupper() and word[-1:].isalpha() and before + 1 not in self.name_ending

    def _form(self, title: TitleMention, claim: Claim, before: int, after: int, floor: int, ceiling: int):
        low, texts, starts = self.lower, self.texts, self.tokens.starts
        head = starts[before + 1]
        name = self.person_starting.get(after)
        if name and not self._followed_by_name_part(name, ceiling):
            return head, name.span.end, name, "title-name", claim

        at_end = after >= ceiling or texts[after] in words.APPOSITIVE_END
        article = before >= floor and low[before] in words.ARTICLES
        if article and after + 1 < ceiling and texts[after] == ",":
            name = self._standalone(self.person_starting.get(after + 1))
            if name and (name.last >= ceiling or texts[name.last] in words.APPOSITIVE_END or low[name.last] in words.SPEECH_VERBS):
                return starts[before], name.span.end, name, "title-name-appositive", claim

        lead = before - 1 if article else before
        if at_end and lead >= floor and texts[lead] == ",":
            name = self._standalone(self.person_ending.get(lead))
            if name:
                return name.span.start, self.tokens.ends[after - 1], name, "name-title", claim

        return self._past_tense(claim, lead, after, floor, ceiling)

    def _standalone(self, name: NameMention | None) -> NameMention | None:
        """A name that is not the tail of a longer proper noun."""
        return None if name is None or name.embedded else name

    def _followed_by_name_part(self, name: NameMention, ceiling: int) -> bool:
        """'President Trump Tower': a capitalised word right after the name makes it something else."""
        following = name.last
        if name.possessive or following >= ceiling:
            return False
        word = self.texts[following]
        return word[:1].isupper() and word.isalpha() and self.tokens.starts[following] == self.tokens.ends[following - 1] + 1

    def _past_tense(self, claim: Claim, lead: int, after: int, floor: int, ceiling: int):
        """'when X was president', 'X, who was president,' and 'X, who is president,'."""
        if lead < floor or self.lower[lead] not in ("was", "is"):
            return None
        if not (after >= ceiling or self.texts[after] in words.APPOSITIVE_END or self.lower[after] in words.PHRASE_END_WORDS):
            return None
        verb = self.lower[lead]
        if lead - 2 >= floor and self.lower[lead - 1] == "who" and self.texts[lead - 2] == ",":
            name = self._standalone(self.person_ending.get(lead - 2))  # "X, who was president"
        elif verb == "was":
            name = self._standalone(self.person_ending.get(lead))  # "when X was president"
            if name is None or name.first - 1 < floor or self.lower[name.first - 1] != "when":
                return None
        else:
            return None
        if name is None:
            return None
        if verb == "was" and claim is Claim.CURRENT:
            claim = Claim.FORMER
        return name.span.start, self.tokens.ends[after - 1], name, "past-tense", claim
