"""Who said each quotation.

Attribution forms, before the quotation (tried first): ``X said: "..."``,
``X told the BBC: "..."``; after it: ``"...," said X``, ``"...," X said``,
``"...," said UK Prime Minister X``, ``"...," he said``. After a quotation that
ends its sentence, "X said the plan was weak" begins a new sentence and attributes
nothing; "X said." and "X told investors in London on Tuesday." (a listener and
circumstances, no clause) attribute it. "he"/"she" is the nearest named person before the quotation, unless
another person is named in the same sentence. Anything else leaves the quotation without a
speaker, and no rule draws a verdict about its speaker.
"""

from __future__ import annotations

import bisect

from linter.facts.model import FactBase
from linter.mentions import vocabulary as words
from linter.mentions.model import AttributedQuote, NameMention, OfficeClaim, TitleMention
from linter.segment.quotes import Quotation
from linter.segment.tokens import Tokens, is_possessive

_MAX_GAP = 6  # words of a title phrase between a verb and the name after it
_MAX_OBJECT = 10  # words between a verb and the colon of a quotation it introduces ("told the marchers in a video message:")
_MAX_REPORTED = 15  # words between a verb and a quotation in the clause it reports
_MAX_SPEECH_NOUN_ADJECTIVES = 2  # "X's stark warning:", "X's latest blunt remarks:"
_MAX_DESCRIPTORS = 3  # lower-case words before a speaker's name after a quotation: "security chief", "party spokesman"
_NOT_DESCRIPTORS = words.CLAUSE_OPENERS | words.SPEECH_VERBS | words.AUXILIARIES | words.PRONOUNS
_TITLE_JOINERS = frozenset({"and", "of", "for", "&"})
_CLAUSE_STOPS = frozenset({".", "?", "!", ";", ":", '"', "“", "”", "'", "‘", "’"})
# Between a speaker's name and the verb: "Tim Cook once told", "It was Thabo Mbeki who declared".
# Past participles that open an aside after a name: "X, sworn in on Saturday, said:".
_IRREGULAR_PARTICIPLES = frozenset("sworn chosen known seen given taken shown beaten born made held left struck".split())
_ASIDE_ADVERBS = frozenset({"still", "now", "already", "once", "then", "later", "again", "also", "just", "newly", "long"})
_TIME_STAMP_WORDS = frozenset(
    {":", ".", "-", "–", "—", "am", "pm", "ist", "gmt", "bst", "cet", "cest", "utc", "et", "est", "edt", "pt", "aest", "hrs"}
)
_NAME_OBJECT_PREPOSITIONS = frozenset({"of", "to", "for", "with", "against", "at", "from", "by", "about", "toward", "towards"})
_APPOSITIVE_OPENERS = words.ARTICLES | frozenset({"his", "her", "its", "their"})  # "X, a former lawmaker, said"
_PRONOUN_OF_TITLE = {"Mr": "he", "Sir": "he", "Lord": "he", "Mrs": "she", "Ms": "she", "Miss": "she", "Dame": "she", "Lady": "she"}
_BETWEEN_NAME_AND_VERB = frozenset({"once", "also", "later", "then", "again", "famously", "who", "has", "had", "have"})


def attribute_quotes(
    prose: str, quotations: list[Quotation], tokens: Tokens, names: list[NameMention], titles: list[TitleMention],
    claims: list[OfficeClaim], facts: FactBase,
) -> list[AttributedQuote]:
    finder = _SpeakerFinder(prose, tokens, names, titles, facts)
    claim_of = {claim.name.first: claim for claim in claims}
    result = []
    for quotation in quotations:
        speaker = finder.before(quotation) or finder.after(quotation) or finder.reported(quotation)
        speaker_claim = None
        if speaker:
            speaker_claim = claim_of.get(speaker.first) or _latest_claim(claims, speaker.entity, quotation.span.start)
        result.append(AttributedQuote(quotation, speaker, speaker_claim))
    return result


def _latest_claim(claims: list[OfficeClaim], entity: str | None, before: int) -> OfficeClaim | None:
    earlier = [claim for claim in claims if claim.person == entity and claim.span.end <= before]
    return earlier[-1] if earlier else None


class _SpeakerFinder:
    def __init__(self, prose: str, tokens: Tokens, names: list[NameMention], titles: list[TitleMention], facts: FactBase) -> None:
        self.prose, self.tokens = prose, tokens
        # Words a title phrase may be made of between "said" and the name: titles and organisations.
        mentions: list[TitleMention | NameMention] = [*titles, *names]
        self.in_title_phrase = {i for mention in mentions for i in range(mention.first, mention.last)}
        self.lower = tokens.lower
        self.people = [n for n in names if n.entity and facts.entities[n.entity].type == "person"]
        self.person_starts = [n.span.start for n in self.people]
        self.person_firsts = [n.first for n in self.people]
        self.starting = {n.first: n for n in self.people}
        self.person_tokens = {i for n in self.people for i in range(n.first, n.last)}
        self.ending = {n.last: n for n in self.people}
        self.pronoun_of = _pronouns_by_courtesy_title(tokens, self.people)

    def after(self, quotation: Quotation) -> NameMention | None:
        if not quotation.closed:
            return None
        index = self.tokens.index_at_or_after(quotation.span.end)
        if index < len(self.lower) and self.lower[index] == ",":
            index += 1
        if index >= len(self.lower):
            return None
        if self.lower[index] in words.SPEECH_VERBS:  # said [title] X / said he
            if index + 1 < len(self.lower) and self.lower[index + 1] in words.PRONOUNS:
                return self._antecedent(quotation.span.start, self.lower[index + 1])
            return self._name_within(index + 1, _MAX_GAP)
        if self.lower[index] in words.PRONOUNS and index + 1 < len(self.lower) and self.lower[index + 1] in words.SPEECH_VERBS:
            return self._antecedent(quotation.span.start, self.lower[index])
        name = self._name_within(index, _MAX_GAP, descriptors=_MAX_DESCRIPTORS)  # [title] X said, security chief X told
        verb = self._after_appositive(name.last) if name else 0  # "X, a former lawmaker eyeing the post, told"
        verb += verb < len(self.lower) and self.lower[verb].endswith("ly")
        if name and verb < len(self.lower) and self.lower[verb] in words.SPEECH_VERBS:
            # After a quotation that ends its sentence, "X said the plan was weak" is a new
            # sentence about X; only "X said." attributes the quotation.
            ends_sentence = self.tokens.texts[self.tokens.index_before(quotation.inner.end)] in (".", "…")
            if ends_sentence and not self._only_circumstances(verb):
                return None
            return name
        return None

    def _after_appositive(self, index: int) -> int:
        """Where the clause goes on after an appositive set off by commas at ``index`` ("X, a former
        lawmaker eyeing the post, told reporters"): a short phrase opened by a determiner, "who" or a person's
        possessive name ("X, Bobby Nasution's running mate, told"), with no verb of speech, quotation
        mark or other clause stop in it; ``index`` itself when there is none."""
        low = self.lower
        if index + 2 >= len(low) or low[index] != ",":
            return index
        owner = self.starting.get(index + 1)
        if low[index + 1] in _APPOSITIVE_OPENERS or low[index + 1] == "who":
            first = index + 2  # "X, a former lawmaker, told"; "X, who leads the group on the council, said"
        elif owner is not None and owner.possessive:
            first = owner.last
        elif self.tokens.capitalised(index + 1) and is_possessive(self.tokens.texts[index + 1]):
            first = index + 2  # "X, Styria's police chief, said"
        else:
            return index
        for position in range(first, min(first + _MAX_OBJECT, len(low))):
            word = low[position]
            if word == ",":
                return position + 1
            if word in _CLAUSE_STOPS or word in words.SPEECH_VERBS:
                return index
        return index

    def _only_circumstances(self, verb: int) -> bool:
        """Whether the speech verb's sentence ends with at most its listener and circumstances:
        "X said.", "X told investors in London.", "X said in a statement on Tuesday, adding ..."
        attribute the quotation before them; "X said the plan was weak." reports something else."""
        position = verb + 1
        if self.lower[verb] in words.LISTENER_VERBS:
            return any(self._circumstances_from(position + size) for size in range(0, 5) if self._phrase(position, size))
        return self._circumstances_from(position)

    def _circumstances_from(self, position: int) -> bool:
        """Prepositional phrases and time words up to the end of the sentence."""
        if self._sentence_ends_at(position):
            return True
        word = self.lower[position]
        if word in words.RECENT_TIMES or word in words.WEEKDAYS or word in ("earlier", "later", "last", "this"):
            return self._circumstances_from(position + 1)
        if word in words.CIRCUMSTANCE_PREPOSITIONS:
            return any(self._circumstances_from(position + 1 + size) for size in range(1, 4) if self._phrase(position + 1, size))
        return False

    def _phrase(self, start: int, size: int) -> bool:
        """Whether ``size`` words from ``start`` can be a short noun phrase: words, none a clause
        opener or an auxiliary verb, which would make them a clause."""
        end = start + size
        return end <= len(self.lower) and all(
            self.tokens.texts[i][:1].isalnum() and self.lower[i] not in words.CLAUSE_OPENERS and self.lower[i] not in words.AUXILIARIES
            for i in range(start, end)
        )

    def _sentence_ends_at(self, position: int) -> bool:
        if position >= len(self.lower) or self._opens_line(position):
            return True
        return self.lower[position] in (".", "!", "?", ",")  # "X said, adding that ..."

    def before(self, quotation: Quotation) -> NameMention | None:
        index = self.tokens.index_before(quotation.span.start)
        if index < 0 or self.tokens.texts[index] not in (":", ","):
            return None
        if self.tokens.texts[index] == ":" and (name := self.ending.get(index)) and self._opens_line(self._after_time_stamp(name.first)):
            return name  # a headline or a transcript: 'OBAMA: "THERE IS NO PLAN B"', '11:40 IST — X: "..."'
        for position in range(index - 1, max(index - 1 - _MAX_OBJECT, -1), -1):
            verb = self._speech_verb_at(position)
            if verb is not None:
                if verb > 0 and self.lower[verb - 1] in words.PRONOUNS:
                    return self._antecedent(quotation.span.start, self.lower[verb - 1])
                return self._name_ending_before(verb) or self._before_relative_clause(verb)
            if not self.tokens.texts[position][:1].isalnum() and not self.tokens.closes_plural_possessive(position):  # "the students' families"
                break
        if self.tokens.texts[index] != ":":
            return None
        return self._owner_of_words(index) or self._subject_before_colon(index)

    def _owner_of_words(self, colon: int) -> NameMention | None:
        """'the remark by Dutch finance minister X: "..."', 'X's stark warning: "..."': a noun of
        something said right before the colon, and whose it is, when no other person is named in
        the clause and no verb of reply says the words answer it ("Starmer responded to the remarks
        by Sunak:", "She hit back at X's warning:" name no speaker)."""
        owner = None
        name = self.ending.get(colon)
        if name is not None and not name.possessive:
            by = self._before_descriptors(name.first, max(colon - _MAX_OBJECT, 0)) - 1
            by -= by > 0 and self.lower[by] in words.ARTICLES  # "by the Dutch finance minister X"
            owner = name if by > 0 and self.lower[by] in ("by", "from") and self.lower[by - 1] in words.SPEECH_NOUNS else None
        elif colon > 0 and self.lower[colon - 1] in words.SPEECH_NOUNS:
            for adjectives in range(_MAX_SPEECH_NOUN_ADJECTIVES + 1):  # "X's warning:", "X's latest remarks:"
                end = colon - 1 - adjectives
                possessor = self.ending.get(end)
                if possessor is not None and possessor.possessive and all(self.lower[i].isalpha() for i in range(end, colon)):
                    owner = possessor
                    break
        start = self._clause_start(colon)
        if owner is None or any(word in words.REPLY_VERBS for word in self.lower[start:colon]):
            return None  # "She hit back at X's warning:": the reply is the subject's, whoever that is
        named = self.people[bisect.bisect_left(self.person_firsts, start) : bisect.bisect_left(self.person_firsts, colon)]
        return owner if all(person.entity == owner.entity for person in named) else None

    def _clause_start(self, colon: int) -> int:
        """The first token of the clause that ends in the colon: after the last stop, or where its line opens."""
        start = colon
        while start > 0 and (self.lower[start - 1] not in _CLAUSE_STOPS or self.tokens.closes_plural_possessive(start - 1)):
            if self._opens_line(start):
                break
            start -= 1  # not at "the bankers' dinner": an apostrophe of a possessive
        return start

    def _speech_verb_at(self, position: int) -> int | None:
        """The speech verb ending at ``position``: "said", or "put it" as in "X put it bluntly:"."""
        if self.lower[position] in words.SPEECH_VERBS:
            return position
        if self.lower[position] == "it" and position > 0 and self.lower[position - 1] in ("put", "puts"):
            return position - 1
        return None

    def reported(self, quotation: Quotation) -> NameMention | None:
        """'Christine Lagarde promised that the ECB was "ready to do whatever it takes"': words quoted
        in the clause a speaker's verb reports are the speaker's, unless another person is named
        between the verb and the quotation ("Obama said Ban had warned that ...")."""
        first = self.tokens.index_at_or_after(quotation.span.start)
        for verb in range(first - 1, max(first - 1 - _MAX_REPORTED, -1), -1):
            word = self.lower[verb]
            if verb in self.person_tokens:
                return self._describing(verb, first)
            if word in _CLAUSE_STOPS:
                return None
            if word in words.OWN_WORDS_VERBS:
                return self._name_ending_before(verb) or self._before_relative_clause(verb)
        return None

    def _describing(self, index: int, first: int) -> NameMention | None:
        """'Alain Juppé described Nicolas Florian as "a father in politics"', 'X called Y "a traitor"':
        the words are the subject's, about the person named right before the quotation (at ``first``)."""
        described = next((n for n in self.people if n.first <= index < n.last), None)
        if described is None or self.lower[described.last : first] not in ([], ["as"]) or described.first < 1:
            return None
        verb = described.first - 1
        if self.lower[verb] not in words.DESCRIBING_VERBS:
            return None
        return self._name_ending_before(verb) or self._before_relative_clause(verb)

    def _subject_before_colon(self, colon: int) -> NameMention | None:
        """'Kevin Rudd turned on the opposition leader: "..."', 'Ten years ago Colin Powell puzzled the
        press corps: "..."': a person opening the sentence (after a time, at most) whose clause ends
        in the colon before a quotation speaks it, when no other person is named in it."""
        start = self._clause_start(colon)
        named = self.people[bisect.bisect_left(self.person_firsts, start) : bisect.bisect_left(self.person_firsts, colon)]
        if len(named) != 1 or named[0].possessive:
            return None  # nobody, or somebody else named in the clause too
        subject = named[0]
        described_from = self._before_descriptors(subject.first, start)
        opening = self.lower[start:described_from]
        if opening and opening[-1] == "," and _participle(opening[0]) and "," not in opening[:-1]:
            return subject  # "Conceding defeat on election night, John Hogan struck a reflective note:"
        opening_texts = self.tokens.texts[start:described_from]
        if opening and all(word in words.ARTICLES or is_possessive(text) for word, text in zip(opening, opening_texts, strict=True)):
            return subject  # "Manifesta's founder Hedwig Fijen has a slogan ready:"
        # After a time at most, or a live blog's time stamp: "19:40 - Chief Minister X posts:"
        timely = all(word in words.OPENING_TIME_WORDS or word.isdigit() or word in ("ago", "today", "-", "–", "—") for word in opening)
        return subject if timely else None

    def _before_descriptors(self, first: int, floor: int) -> int:
        """Where the title or description right before a name begins ("Health minister X",
        "Outgoing Chief Minister X"): a title phrase, and at most three other words that are no
        clause opener, preposition, time word or verb in the past ("Critics of Prime Minister X"
        keeps "Critics of", "A backbencher turned to X" keeps all of it)."""
        index, descriptors = first, 0
        while index > floor:
            word = self.lower[index - 1]
            if index - 1 in self.in_title_phrase:
                index -= 1
            elif descriptors < _MAX_DESCRIPTORS and _descriptor(word):
                index, descriptors = index - 1, descriptors + 1
            else:
                break
        return index

    def _after_time_stamp(self, index: int) -> int:
        """Where a live blog's time stamp before ``index`` begins ("11:40 IST —", "19:40 -"), or ``index``."""
        start = index
        while start > 0 and (self.tokens.texts[start - 1].isdigit() or self.lower[start - 1] in _TIME_STAMP_WORDS):
            start -= 1
        return start if start < index and self.tokens.texts[start].isdigit() else index

    def _opens_line(self, index: int) -> bool:
        """Whether the token at ``index`` is the first of its line."""
        if index == 0:
            return True
        return "\n" in self.prose[self.tokens.ends[index - 1] : self.tokens.starts[index]]

    def _name_ending_before(self, verb: int) -> NameMention | None:
        """The name right before the verb, or before an adverb or "who" ("Tim Cook once told"), or a
        name in apposition, set off by commas ("Twitter's boss, Jack Dorsey, once tweeted")."""
        if verb > 0 and (self.lower[verb - 1] in _BETWEEN_NAME_AND_VERB or self.lower[verb - 1].endswith("ly")) and verb not in self.ending:
            verb -= 1
        name = self.ending.get(verb)
        if name is not None and self._object_of_a_preposition(name):
            return None  # "Aides to President X wrote:", "Critics of X said:": X is not who speaks
        if name is None and verb > 1 and self.tokens.texts[verb - 1] == ",":
            appositive = self.ending.get(verb - 1)
            if appositive is not None and appositive.first > 0 and self.tokens.texts[appositive.first - 1] == ",":
                name = appositive
        return name

    def _object_of_a_preposition(self, name: NameMention) -> bool:
        """Whether a preposition stands before the name (and the title phrase before it)."""
        index = name.first - 1
        while index >= 0 and index in self.in_title_phrase:
            index -= 1
        return index >= 0 and self.lower[index] in _NAME_OBJECT_PREPOSITIONS

    def _before_relative_clause(self, verb: int) -> NameMention | None:
        """'Sajid Javid, who quit minutes earlier, wrote: "..."', 'Rishi Sunak, conceding defeat, said:',
        'X, sworn in on Saturday, recalled:', 'David Eby, the attorney general, said:': the name before
        a relative clause, a participle or a noun phrase in apposition, set off by commas."""
        if verb < 1 or self.tokens.texts[verb - 1] != ",":
            return None
        nearest = next((i for i in range(verb - 2, max(verb - 14, 0), -1) if self.tokens.texts[i] == ","), None)
        if nearest is not None:
            opener = nearest + 1 + _adverb(self.lower[nearest + 1])  # "X, now GERB's candidate, said:"
            one_of = self.lower[opener : opener + 2] == ["one", "of"]  # "X, one of the authors of the manifesto, told"
            if opener < verb and (self.lower[opener] in words.ARTICLES or is_possessive(self.tokens.texts[opener]) or one_of):
                return self.ending.get(nearest)  # an apposition: "the attorney general", "the province's top lawyer"
        for comma in range(verb - 2, max(verb - 14, 0), -1):
            following = self.lower[comma + 1]
            if _adverb(following) and comma + 2 < verb:
                following = self.lower[comma + 2]  # "X, still recovering at home, wrote:"
            if self.tokens.texts[comma] == "," and (following in ("who", "whose") or _participle(following)):
                return self.ending.get(comma)
        return None

    def _name_within(self, index: int, gap: int, descriptors: int = 0) -> NameMention | None:
        """The name starting within ``gap`` words of ``index``, after only a title phrase, or, with
        ``descriptors``, up to that many lower-case words that describe the person (the caller
        requires a speech verb right after the name: '"...," security chief John Lee told')."""
        for position in range(index, min(index + gap + 1, len(self.lower))):
            if position in self.starting:
                return self.starting[position]
            word, low = self.tokens.texts[position], self.lower[position]
            after_title = word == "," and position - 1 in self.in_title_phrase  # "said the Archbishop of Canterbury, Rowan Williams"
            qualifier = low in words.FORMER | words.EARLIER | words.CURRENT  # "said former UN Secretary-General X"
            in_title = position in self.in_title_phrase or after_title or self._joins_title(position)
            if word[:1].isupper() or word in ("-", ".", "the") or qualifier or in_title:
                continue
            if descriptors and word.isalpha() and word.islower() and low not in _NOT_DESCRIPTORS:
                descriptors -= 1
                continue
            return None  # only a title phrase may stand between the verb and the name
        return None

    def _joins_title(self, position: int) -> bool:
        """A small word between two capitalised words of a title: "Lands and Forestry Minister",
        "Secretary of State for Defence"."""
        texts = self.tokens.texts
        return (
            self.lower[position] in _TITLE_JOINERS
            and 0 < position < len(texts) - 1
            and texts[position - 1][:1].isupper()
            and texts[position + 1][:1].isupper()
        )

    def _antecedent(self, offset: int, pronoun: str) -> NameMention | None:
        """The person "he" or "she" refers to: the last one named before ``offset``, unless
        another person is named in the same sentence ("Trump spoke before Pence went to the
        Capitol. '...,' he said": either may be meant, so nobody is), or the article's courtesy
        title for that person says otherwise ("Ominously for Mr Sunak, she added:": nobody)."""
        position = bisect.bisect_left(self.person_starts, offset) - 1
        if position < 0:
            return None
        nearest = self.people[position]
        if self.pronoun_of.get(nearest.entity, pronoun) != pronoun:
            return None
        for earlier in reversed(self.people[:position]):
            between = self.lower[earlier.last : nearest.first]
            if any(word in (".", "?", "!") for word in between):
                break
            if earlier.entity != nearest.entity:
                return None
        return nearest


def _pronouns_by_courtesy_title(tokens: Tokens, people: list[NameMention]) -> dict[str | None, str]:
    """'he' or 'she' for each person the article gives a courtesy title ("Mr Sunak", "Mrs
    Braverman", "Sir Keir"); nobody whose titles disagree."""
    found: dict[str | None, set[str]] = {}
    for name in people:
        before = name.first - 1 - (name.first > 1 and tokens.texts[name.first - 1] == ".")  # "Mr. Sunak"
        for index in (name.first, before):
            if index >= 0 and (pronoun := _PRONOUN_OF_TITLE.get(tokens.texts[index])):
                found.setdefault(name.entity, set()).add(pronoun)
    return {entity: pronouns.pop() for entity, pronouns in found.items() if len(pronouns) == 1}


def _adverb(word: str) -> bool:
    """'still', 'now', 'visibly': a word that may stand before the participle opening an aside."""
    return word in _ASIDE_ADVERBS or (len(word) > 4 and word.endswith("ly") and word.isalpha())


def _participle(word: str) -> bool:
    """'conceding', 'sworn', 'pressed': a word that opens a participial phrase."""
    return word.isalpha() and (word.endswith(("ing", "ed")) or word in _IRREGULAR_PARTICIPLES)


def _descriptor(word: str) -> bool:
    """A word that may describe a person before the name: "health", "minister", "outgoing" (but
    not a participle of another clause: "Mocking X, protesters chanted")."""
    return word in words.OUTGOING or (
        word.isalpha()
        and not word.endswith(("ed", "ing"))
        and word not in _NOT_DESCRIPTORS
        and word not in words.OPENING_TIME_WORDS
        and word not in words.CIRCUMSTANCE_PREPOSITIONS
        and word not in words.OBJECT_PREPOSITIONS
    )
