"""Claims of office: a title joined to a person's name.

A title phrase is ``[article] [modifiers] [organisation] TITLE [of ORGANISATION]``:
"the former Microsoft chief executive", "Microsoft's chairman", "chief executive
of Microsoft". It makes a claim about a name in one of these forms:

* ``title-name``:            "UK Prime Minister Rishi Sunak", "former President Trump"
* ``name-title``:            "Rishi Sunak, the prime minister," / "Subir Raha, Gazprom chairman,"
* ``title-name-appositive``: "the prime minister, Rishi Sunak, said", "Britain's chancellor, Jeremy Hunt,"
* ``past-tense``:            "when Donald Trump was president", "Trump, who was president,"
                             (a claim like "former"); "Starmer, who is prime minister," (current)

Party words before a title describe the person and are read through ("Labour chancellor
Rachel Reeves", "the Democratic former governor"); "at the time" after it means "then".

What is deliberately *not* a claim: a title that is possessive ("the prime
minister's spokesman"); a title after a person's possessive ("Blair's
chancellor"); a title after "under" ("served under President Clinton": during their
time, whenever that was; "under then-President Clinton" is a claim about the time
spoken of); an indefinite title ("whether she would make a good chancellor");
a title with a word naming another role ("shadow", "deputy", "-elect", ...) unless
the facts declare the longer title; a title after a capitalised word the facts do
not know ("Lions coach X": some organisation, but not one factlint can check); a
name that is only the end of a longer proper noun; "the chancellor, Mr Hunt replied"
inside a clause ("asked if he trusted the chancellor, Mr Hunt replied"), where the
comma ends a clause rather than opening an apposition.

When each claim speaks of is decided in linking/claim_time.py. A claim inside a
quotation is marked ``quoted``: it is the speaker's, and rules about what the
article claims leave it alone.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from linter.dates import DateWindow
from linter.facts.model import FactBase
from linter.facts.temporal import Claim
from linter.linking.claim_time import TimeLinker
from linter.mentions import vocabulary as words
from linter.mentions.events import events_in
from linter.mentions.lexicon import Lexicon
from linter.mentions.model import NameMention, OfficeClaim, TimeExpression, TitleMention
from linter.segment.quotes import Quotation
from linter.segment.tokens import Tokens, is_possessive
from linter.source.document import Span

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_MOST_APPOSITIVE_WORDS = 12  # ", who won in November," between a claim and its verb
_LONGEST_EVENT_WORDS = 6  # tokens of an event's name after a possessive: "mini - budget", "2016 EU referendum"
# Punctuation after which a clause opens as a sentence does: a capitalised opener there ("— When") is no name.
_CLAUSE_BREAKS = frozenset({":", "—", "–", "(", '"', "“", "‘"})


def find_claims(
    prose: str, tokens: Tokens, sentences: list[Span], quotations: list[Quotation], names: list[NameMention], titles: list[TitleMention],
    times: list[TimeExpression], facts: FactBase, lexicon: Lexicon, window: DateWindow, failures: list[str],
) -> list[OfficeClaim]:
    """Every title written with a person's name that claims something about who holds an office."""
    event_days = _EventDays(prose, tokens, lexicon, facts, failures)
    reader = _ClaimReader(tokens, sentences, quotations, names, titles, times, facts, lexicon, window, event_days)
    claims: list[OfficeClaim] = []
    seen: set[tuple[int, int]] = set()
    for title in titles:
        claim = reader.read(title)
        if claim and (claim.name.first, title.first) not in seen:
            seen.add((claim.name.first, title.first))
            claims.append(claim)
    return _coordinated(claims, tokens)


def _coordinated(claims: list[OfficeClaim], tokens: Tokens) -> list[OfficeClaim]:
    """'signed in 2008 by then-Prime Minister Manmohan Singh and President George W. Bush': titled
    people joined by "and" (or listed with commas) share the times the first may speak of."""
    ordered = sorted(claims, key=lambda claim: claim.span.start)
    for index in range(1, len(ordered)):
        previous, claim = ordered[index - 1], ordered[index]
        between = tokens.lower[tokens.index_at_or_after(previous.span.end) : tokens.index_at_or_after(claim.span.start)]
        if between in (["and"], [","], [",", "and"]) and not claim.quoted and previous.quoted == claim.quoted:
            ordered[index] = replace(claim, times=tuple(dict.fromkeys(claim.times + previous.times)))
    return ordered


@dataclass(frozen=True)
class _EventDays:
    """The days of the event a stretch of tokens names, whole (for TimeLinker: "At Expo 2015,")."""

    prose: str
    tokens: Tokens
    lexicon: Lexicon
    facts: FactBase
    failures: list[str]

    def __call__(self, first: int, last: int) -> list[DateWindow]:
        if not self.facts.events or first >= last:
            return []
        span = Span(self.tokens.starts[first], self.tokens.ends[last - 1])
        named = events_in(self.prose, span, self.tokens.lower[first:last], self.lexicon, self.facts, self.failures)
        return [self.facts.events[mention.event].when for mention in named if mention.span == span]


class _ClaimReader:
    def __init__(
        self, tokens: Tokens, sentences: list[Span], quotations: list[Quotation], names: list[NameMention], titles: list[TitleMention],
        times: list[TimeExpression], facts: FactBase, lexicon: Lexicon, window: DateWindow, event_days: _EventDays,
    ) -> None:
        self.facts, self.window, self.sentences = facts, window, sentences
        self.tokens = tokens
        self.texts = tokens.texts
        self.lower = tokens.lower
        entities = facts.entities
        # Unresolved names ("Johnson", shared by two people) too: the title may tell which is meant.
        people = [n for n in names if any(entities[c].type == "person" for c in ([n.entity] if n.entity else n.candidates))]
        self.person_starting = {n.first: n for n in people}
        self.person_ending = {n.last: n for n in people}
        self.name_ending = {n.last: n for n in names}
        self.name_starting = {n.first: n for n in names}
        self.title_ending = {t.last: t for t in titles}
        self.title_starting = {t.first: t for t in titles}
        self.titles = lexicon.titles
        # A name running into a title ("Brazilian Central Bank" + "Central Bank President"): by the
        # title's first token, for reading "Brazilian Central Bank President" as organisation + title.
        self.name_into = {i: n for n in names for i in range(n.first + 1, n.last)}
        self.organization_ids = lexicon.organizations
        self.sentence_starts = [sentence.start for sentence in sentences]
        self.linker, self.event_days = TimeLinker(tokens, times, window, event_days), event_days
        self.quoted = sorted(quotation.inner for quotation in quotations)
        self.quoted_starts = [span.start for span in self.quoted]

    def _sentence(self, token: int) -> tuple[int, int]:
        """The token range [first, last) of the sentence holding ``token``."""
        index = bisect.bisect_right(self.sentence_starts, self.tokens.starts[token]) - 1
        if index < 0:
            return 0, len(self.texts)
        sentence = self.sentences[index]
        return self.tokens.index_at_or_after(sentence.start), self.tokens.index_at_or_after(sentence.end)

    def _of_the_organisation_spoken_of(self, of: int, ceiling: int) -> bool:
        """'of the state', 'of the company' after a title, and no name after them."""
        low, index = self.lower, of + 2
        return (
            index < ceiling
            and low[of + 1] == "the"
            and self.tokens.lower_bases[index] in words.ORGANISATION_NOUNS
            and (index + 1 >= ceiling or not self.tokens.capitalised(index + 1))
        )

    def _organization(self, name: NameMention | None) -> frozenset[str] | None:
        """The organisations a name written with a title may be (None: not an organisation)."""
        if name is None or name.embedded:
            return None
        organizations = name.candidates & self.organization_ids
        return organizations or None

    def _is_quoted(self, span: Span) -> bool:
        index = bisect.bisect_right(self.quoted_starts, span.start) - 1
        return index >= 0 and self.quoted[index].contains(span)

    def read(self, title: TitleMention) -> OfficeClaim | None:
        if title.possessive:
            return None
        floor, ceiling = self._sentence(title.first)
        low = self.lower
        after = title.last
        if after < ceiling and (low[after] in words.OTHER_ROLE or (low[after] == "-" and after + 1 < ceiling and low[after + 1] in words.OTHER_ROLE)):
            return None  # "President-elect", "Prime Minister designate"
        organizations = None
        if after + 1 < ceiling and low[after] == "of":
            of_name = self.name_starting.get(after + 1)
            organizations = self._organization(of_name)
            if of_name is not None and organizations is not None:  # organisations found imply the name
                after = of_name.last
            elif self._of_the_organisation_spoken_of(after, ceiling):
                after += 3  # "chief minister of the state": of the state the article speaks of, as "the state's"
        prefix = self._prefix(title.first, floor)
        if prefix is None:
            return None
        claim, before, organizations_before, determiner = prefix
        if determiner is None and any(is_possessive(self.texts[i]) for i in range(title.first, title.last - 1)):
            determiner = title.first  # a declared title with a possessive in it: "South Africa's finance minister, X,"
        organizations = organizations_before if organizations_before is not None else organizations
        if organizations is None and self._unknown_qualifier(before, floor):
            return None
        at_the_time = tuple(low[after : after + 3]) == words.AT_THE_TIME
        if at_the_time:
            claim, after = Claim.EARLIER, after + 3  # "Jeremy Hunt, chancellor at the time,"
        found = self._form(claim, before, determiner, after, floor, ceiling)
        if found is None:
            return None
        start, end, name, form, claim = found
        if before >= floor and low[before] in words.BECOMING and not name.possessive:
            return None  # "will become Prime Minister X": not (yet) a claim of office
        if claim is Claim.CURRENT and (self._indefinite(before, floor, form) or name.styled):
            return None  # "a good chancellor"; "Pope John Paul II", a style the name keeps for life
        if name.possessive and name.last < ceiling and low[name.last] in words.TENURE_NOUNS:
            return None  # "the last years of President Marcos's rule": his time in office, whenever that was
        name = self._resolved(name, title)
        if name is None:
            return None
        span = Span(start, end)
        time = self.linker.link(span, floor, ceiling, appositive=form == "name-title", past_tense=form == "past-tense")
        if name.possessive and not time.fronted and (days := self._possessed_event(name.last, ceiling)):
            time = replace(time, written=(*time.written, *days))  # "Chancellor Kwasi Kwarteng's mini-budget": also its day
        times = time.readings(self.window)
        if form == "past-tense" and claim is Claim.FORMER and time.written:
            claim, times = Claim.CURRENT, time.written  # "when Trump was president in 2019": held then
        elif claim is Claim.EARLIER and time.written:
            times = time.written  # "signed in 2003 by then-Prime Minister Manmohan Singh": "then" is 2003
        elif claim is Claim.CURRENT and (
            (time.fronted and self._wins_the_election(end, ceiling))  # "In 2020, President Biden won the state"
            or (not time.written and self._to_take_office(end, ceiling))  # "President X will be inaugurated on Monday"
        ):
            # The title the election gave, or the one about to be taken up: held within weeks of the time spoken of.
            taking_up = dt.timedelta(days=words.ELECTION_TO_OFFICE_DAYS)
            times = tuple(DateWindow(window.start, window.end + taking_up) for window in times)
        elif claim is Claim.CURRENT and self._undated_farewell(before, title, ceiling, time.written):
            handover = dt.timedelta(days=words.HANDOVER_DAYS)
            times = tuple(DateWindow(window.start - handover, window.end) for window in times)
        return OfficeClaim(span, name, title, claim, form, organizations, times, self._is_quoted(span))

    def _shares_the_head(self, index: int, first: int) -> bool:
        """Whether the word at ``index`` and the last word of the title at ``first`` make a title the
        facts declare: "foreign" in "former foreign and health secretary X"."""
        title = self.title_starting.get(first)
        return title is not None and self.titles.has((self.lower[index], self.lower[title.last - 1]))

    def _dateline_dash(self, index: int) -> bool:
        """Whether the run of "-" at ``index`` ("-", "--") is a dash after a dateline ("WASHINGTON -",
        "LONDON (Reuters) --"): spaced on both sides, after a word in capitals or a bracket. Not a
        hyphen ("ex-President"), nor a dash inside the sentence ("the former -- and perhaps future --
        President X")."""
        starts, ends, texts = self.tokens.starts, self.tokens.ends, self.texts
        first, last = index, index
        while first > 0 and texts[first - 1] == "-" and starts[first] == ends[first - 1]:
            first -= 1
        while last + 1 < len(texts) and texts[last + 1] == "-" and starts[last + 1] == ends[last]:
            last += 1
        spaced = first > 0 and starts[first] > ends[first - 1] and (last + 1 == len(starts) or starts[last + 1] > ends[last])
        before = texts[first - 1] if first > 0 else ""
        return spaced and (before == ")" or (len(before) > 1 and before.isalpha() and before.isupper()))

    def _wins_the_election(self, end: int, ceiling: int) -> bool:
        """'President Biden won the state', 'Mayor X narrowly won', 'Governor X was elected': an
        election won, right after the claim (after at most an adverb)."""
        index = self.tokens.index_at_or_after(end)
        index += index < ceiling and self.lower[index].endswith("ly")
        if index + 1 < ceiling and self.lower[index] in ("was", "is") and self.lower[index + 1] in ("elected", "re-elected", "reelected"):
            return True
        if index + 1 >= ceiling or self.lower[index] not in words.ELECTION_WINS:
            return False
        following = self.texts[index + 1]  # what was won: "the state", "Georgia", "by 12 points"; not "won praise", "carried out"
        return following[:1].isupper() or following[:1].isdigit() or following.lower() in words.ELECTION_OBJECTS

    def _to_take_office(self, end: int, ceiling: int) -> bool:
        """'President X will be inaugurated', 'Mayor X is to be sworn in', 'Premier X takes office on
        Monday': the claim is followed by the person's taking up an office (after at most an adverb)."""
        index = self.tokens.index_at_or_after(end)
        if index < ceiling and self.lower[index] == ",":  # "President X, who won in November, will be inaugurated"
            closing = next((i for i in range(index + 1, min(index + _MOST_APPOSITIVE_WORDS, ceiling)) if self.lower[i] == ","), None)
            index = closing + 1 if closing is not None else index
        following = tuple(word for word in self.lower[index : min(index + 8, ceiling)] if not (word.endswith("ly") and len(word) > 3))
        return any(following[: len(words_)] == words_ for words_ in words.TAKING_OFFICE)

    def _possessed_event(self, after: int, ceiling: int) -> list[DateWindow]:
        """The days of an event the facts date, named right after a titled person's possessive (after
        at most one modifier: "Chancellor Kwasi Kwarteng's disastrous mini-budget"): the title may
        be the one held then, as a time written in the clause may be another time it speaks of."""
        for start in range(after, min(after + 2, ceiling)):
            for end in range(start + 1, min(start + _LONGEST_EVENT_WORDS, ceiling) + 1):
                if days := self.event_days(start, end):
                    return days
        return []

    def _undated_farewell(self, before: int, title: TitleMention, ceiling: int, written: tuple[DateWindow, ...]) -> bool:
        """'Outgoing premier X said in a farewell statement': a report just after the handover may
        tell of what the holder did before it. A written time or day ("said on Wednesday") dates
        the act, and leaves no such leeway."""
        low = self.lower
        outgoing = any(low[index] in words.OUTGOING for index in range(before + 1, title.first))
        return outgoing and not written and not any(word in words.DAY_WORDS for word in low[title.last : ceiling])

    def _resolved(self, name: NameMention, title: TitleMention) -> NameMention | None:
        """The name, resolved to the one person sharing it who ever held an office with this title
        ("Prime Minister Johnson" when the facts know two Johnsons and one prime minister); None
        when that is not exactly one person."""
        if name.entity is not None:
            return name if self.facts.entities[name.entity].type == "person" else None
        holders = self.facts.holder_offices
        held = [c for c in sorted(name.candidates) if title.offices.intersection(holders.get(c, ()))]
        if len(held) != 1:
            return None
        # Only where the facts know who held those offices at the article's date: otherwise a namesake
        # they do not list may be meant ("President Bush" in 2002, with only the first Bush recorded).
        day = self.window.end
        offices = [self.facts.offices[o] for o in title.offices.intersection(holders[held[0]])]
        return replace(name, entity=held[0]) if all(len(o.holders_on(day)) >= o.seats for o in offices) else None

    def _prefix(self, first: int, floor: int) -> tuple[Claim, int, frozenset[str] | None, int | None] | None:
        """Read modifiers, party words and an organisation before a title, right to left.

        Returns the claim, the index of the token before the phrase, the organisations
        written, and where a possessive organisation begins (it stands for an article:
        "Britain's chancellor, Jeremy Hunt,"); None when the phrase names another role, a
        person's relation ("Blair's chancellor") or a kind of role ("a good chancellor").
        """
        claim, organizations, determiner, index = Claim.CURRENT, None, None, first - 1
        overlapping = self.name_into.get(first)
        if overlapping is not None and overlapping.first >= floor and (found := self._organization(overlapping)) is not None:
            organizations, index = found, overlapping.first - 1
            determiner = overlapping.first if overlapping.possessive else None
        while index >= floor:
            word = self.lower[index]
            if word == "-":
                if self._dateline_dash(index):
                    break  # "WASHINGTON - Ukrainian President X": a dash after a dateline, not a hyphen ("ex-President")
                index -= 1
                continue
            if word == "." and index - 1 >= floor and self.lower[index - 1] in words.OTHER_ROLE:
                return None  # "Lt. Gov. Pat Quinn": an abbreviated other role
            if word in words.OTHER_ROLE and self._organization(self.name_ending.get(index + 1)) is None:
                return None  # not the end of a known organisation's name: "Goodyear Tire and Rubber Co chairman"
            if word in words.FORMER:
                claim = Claim.FORMER
            elif _ORDINAL.fullmatch(word):
                claim = Claim.EARLIER  # "45th President Donald Trump": the holder of that tenure, whenever it was
            elif word == "time" and index - 2 >= floor and self.lower[index - 2 : index] == ["one", "-"]:
                claim, index = Claim.FORMER, index - 2  # "one-time chancellor"
            elif word in words.SINCE_LEFT and index - 2 >= floor and self.lower[index - 2 : index] == ["since", "-"]:
                claim, index = Claim.FORMER, index - 2  # "the since-sacked home secretary" (not "since-appointed")
            elif word in words.ONCE and index - 1 >= floor and self._after_a_name_or_was(index - 1):
                claim = Claim.FORMER  # "X, once mayor of Y,", "X, who was formerly mayor": not "Taxes will fall, once President X signs"
            elif word == "and" and index in self.title_ending and self.title_ending[index].first > floor:
                index = self.title_ending[index].first - 1  # "Former Chancellor and Home Secretary X": "former" is of both
                continue
            elif word == "and" and index - 1 > floor and self._shares_the_head(index - 1, first):
                index -= 2  # "former foreign and health secretary X": "foreign [secretary]" is a title too
                continue
            elif word == "longer" and index - 1 >= floor and self.lower[index - 1] == "no":
                claim, index = Claim.FORMER, index - 1  # "X, who is no longer president,"
            elif word in words.EARLIER:
                claim = Claim.EARLIER
            elif word in words.CURRENT:
                pass  # "the current Education Secretary, Gillian Keegan,": holds it, as without the word
            elif word in words.PARTY_WORDS and self.texts[index][:1].isupper():
                pass  # "Labour chancellor", "Republican senator": a description of the person
            elif self._adjective_after_modifier(index, floor):
                pass  # "former presidential National Security Adviser": the adjective is read through
            elif organizations is None and (found := self._organization(self.name_ending.get(index + 1))) is not None:
                organizations = found
                name = self.name_ending[index + 1]
                determiner = name.first if name.possessive or self.tokens.closes_plural_possessive(index + 1) else None
                index = name.first - 1
                continue
            elif word in ("'", "’") and organizations is None and self.tokens.closes_plural_possessive(index):
                index -= 1  # "Barclays' chief executive": the organisation's name is before the apostrophe
                continue
            else:
                break
            index -= 1
        if index - 1 >= floor and self.lower[index - 1] == "the" and self.tokens.lower_bases[index] in words.ORGANISATION_NOUNS:
            return claim, index - 1, organizations, determiner  # "the state's premier": the premier of the state spoken of
        if index >= floor and (is_possessive(self.texts[index]) or self.lower[index] in words.PERSONAL_POSSESSIVES):
            return None  # "Blair's chancellor", "her chancellor Kwasi Kwarteng": a relation, not a claim of office
        if index >= floor and self.lower[index] == "under" and claim is not Claim.EARLIER:
            return None  # "served under President Clinton": during their time, whenever that was; "under then-President X" says when
        return claim, index, organizations, determiner

    def _after_a_name_or_was(self, index: int) -> bool:
        """'was', or a comma right after a person's name: where "once" or "formerly" is an adverb of the title."""
        return self.lower[index] in ("was", "were") or (self.lower[index] == "," and index in self.person_ending)

    def _adjective_after_modifier(self, index: int, floor: int) -> bool:
        """A lower-case word (or two) right after "former" or "then" and before the title; words a
        hyphen joins are one ("former one-term mayor", "the then 10-year governor")."""
        for _ in range(2):
            if index < floor or not self._describing_word(index):
                return False
            while index - 2 >= floor and self.lower[index - 1] == "-" and self._describing_word(index - 2):
                index -= 2
            index -= 1
            if index >= floor and (self.lower[index] in words.FORMER or self.lower[index] in words.EARLIER):
                return True
        return False

    def _describing_word(self, index: int) -> bool:
        return self._lower_word(index) or self.texts[index].isdigit()

    def _lower_word(self, index: int) -> bool:
        """A lower-case word that may describe a title ("presidential"), not a function word ("of")."""
        word = self.texts[index]
        return word.isalpha() and word.islower() and word not in words.ARTICLES and word not in words.FUNCTION_WORDS

    def _indefinite(self, before: int, floor: int, form: str) -> bool:
        """'a chancellor', 'whether she would make a good chancellor': a kind of role, not a person's office.

        An article right before the title phrase; or with one lower-case word between, except
        before a name ("a figure Treasury Secretary James Baker used": the word is a noun).
        """
        if before < floor:
            return False
        if self.lower[before] in words.INDEFINITE_ARTICLES:
            return True
        return form != "title-name" and before - 1 >= floor and self.lower[before - 1] in words.INDEFINITE_ARTICLES and self._lower_word(before)

    def _unknown_qualifier(self, before: int, floor: int) -> bool:
        """A capitalised word the facts do not know right before the title phrase ("Lions coach")."""
        if before < floor:
            return False
        word = self.texts[before]
        opens = before == floor or self.texts[before - 1] in _CLAUSE_BREAKS  # "(AP) — When Fed Chair X delivers"
        if opens and word.casefold() in words.SENTENCE_OPENERS:
            return False  # "But President X"
        if word.casefold() in words.TITLE_ADJECTIVES:
            return False  # "New White House Chief of Staff Howard Baker" (wire copy capitalises it)
        return self.tokens.capitalised(before) and word[-1:].isalpha() and before + 1 not in self.name_ending

    def _form(self, claim: Claim, before: int, determiner: int | None, after: int, floor: int, ceiling: int):
        low, texts, starts = self.lower, self.texts, self.tokens.starts
        head = starts[before + 1]
        name = self.person_starting.get(after) if after < ceiling else None  # not the next sentence's ("...as president\n\nKamala Harris has")
        if name and not self._followed_by_name_part(name, ceiling):
            return head, name.span.end, name, "title-name", claim

        at_end = after >= ceiling or texts[after] in words.APPOSITIVE_END or self._since_phrase(after, ceiling)
        article = before if before >= floor and low[before] in words.ARTICLES else determiner
        if article is not None and after + 1 < ceiling and texts[after] == ",":
            name = self._standalone(self.person_starting.get(after + 1))
            if name and self._closes_apposition(name, article, floor, ceiling):
                return starts[article], name.span.end, name, "title-name-appositive", claim

        lead = before - 1 if before >= floor and low[before] in words.ARTICLES else before
        if lead >= floor and (low[lead] in words.CURRENT or low[lead] in words.EARLIER) and lead != before:
            claim = Claim.EARLIER if low[lead] in words.EARLIER else claim  # "X, now the IMF's managing director,"
            lead -= 1
        if at_end and lead >= floor and texts[lead] == ",":
            name = self._standalone(self.person_ending.get(lead))
            if name:
                return name.span.start, self.tokens.ends[after - 1], name, "name-title", claim

        return self._past_tense(claim, lead, after, floor, ceiling)

    def _since_phrase(self, after: int, ceiling: int) -> bool:
        """'Jeremy Hunt, chancellor since October 2022, said': a time the title has run from ends the phrase."""
        if self.lower[after] != "since":
            return False
        for index in range(after + 1, min(after + 6, ceiling)):
            if self.texts[index] in words.APPOSITIVE_END:
                return any(
                    (w.isdigit() and len(w) == 4) or self.texts[i] in words.MONTHS for i, w in enumerate(self.lower[after + 1 : index], after + 1)
                )
        return False

    def _closes_apposition(self, name: NameMention, article: int, floor: int, ceiling: int) -> bool:
        """'the prime minister, Rishi Sunak, said': the name ends the apposition.

        Without the closing comma ("the prime minister, Rishi Sunak said") only when the title
        phrase opens its clause: in "asked if he trusted the chancellor, Mr Hunt replied" the
        comma ends one clause and the name begins the next.
        """
        if name.last >= ceiling or self.texts[name.last] in words.APPOSITIVE_END:
            return True
        opens_clause = article - 1 < floor or self.texts[article - 1] in words.APPOSITIVE_END
        return opens_clause and self.lower[name.last] in words.SPEECH_VERBS

    def _standalone(self, name: NameMention | None) -> NameMention | None:
        """A name that is not the tail of a longer proper noun."""
        return None if name is None or name.embedded else name

    def _followed_by_name_part(self, name: NameMention, ceiling: int) -> bool:
        """'President Trump Tower': a capitalised word right after the name makes it something else."""
        following = name.last
        if name.possessive or following >= ceiling:
            return False
        word = self.texts[following]
        return self.tokens.capitalised(following) and word.isalpha() and self.tokens.starts[following] == self.tokens.ends[following - 1] + 1

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
