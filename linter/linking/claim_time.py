"""Which time a claim speaks of: written times linked to the title claims whose clause they govern.

A title speaks of the article's date (its window) unless a time written in the
sentence *governs the clause that holds it*:

* **fronted**: a time at the head of the sentence or clause, right before the claim with at
  most a comma between ("In 2019, Chancellor Sajid Javid said", "On 23 September 2022,
  Chancellor Kwasi Kwarteng", "On 14 April, First Minister Humza Yousaf", "In 2019, when Donald
  Trump was president"); a sentence that opens with a phrase holding a year ("During the Brexit
  votes of 2019, Commons Speaker John Bercow"); or a participle set off right after the claim
  ("Home Secretary Priti Patel, speaking in 2021, said"). The claim speaks of that time only.
* **elsewhere in the same clause**: "Chancellor Kenneth Clarke cut rates in 1995", "Prime
  Minister Theresa May said on 29 March 2019", "first appointed in 1979 by President Carter",
  "took the team to the quarter-finals of the 2022 World Cup", "The 2008 rescue was approved
  under then-managing director X" (a year written as a number), and
  a past perfect, which speaks of some earlier time ("Mark Rutte, the Dutch prime minister, had
  already spent 13 years in office"). Nothing that opens another clause may stand between (a
  comma, a conjunction, a relative pronoun, a verb of speech with more than the time after it,
  a quotation mark). Such a time is *another* plausible reading: a current title is also used
  of a past act ("President Biden signed the law in 2022"), so the claim is checked at the
  article's date and at that time, and reported only if false at both.

Anything else (a date in a reported clause, a relative clause, a subordinate "since ... in
2010", the end of another clause, a future year, the time of a noun after "for": "called an
election for 28 April", a year that is the subject of a clause of its own: "predicted 1987 will
be a year of growth") does not re-date the title: "Chancellor Rachel
Reeves said the mini-budget of 23 September 2022 had crashed the economy" speaks of the
article's date. A date without a year is the day within the year before the article's date, or, in a clause
about the future ("will deliver her statement on 26 March"), within the year after it.

**Quotations.** ``speaks_of_the_past``: whether a titled mention inside a quotation is in a
past-tense clause (quote-anachronism lets those speak of an earlier holder).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from linter.dates import DateWindow
from linter.mentions import vocabulary as words
from linter.mentions.model import TimeExpression
from linter.segment.tokens import Tokens, is_possessive
from linter.source.document import Span

_CLAUSE_PUNCTUATION = frozenset(',;:—–()[]"“”‘’')
# What opens a noun phrase: after a verb of speech, its object ("declared a climate emergency"),
# which, unlike a reported clause, holds no verb.
_TAKING_AN_OBJECT = frozenset(
    "declared declares announced announces promised promises pledged pledges posted tweeted wrote writes continued continues".split()
)
_MOST_OBJECT_WORDS = 5  # "announced the first tax cuts in ..."
_MOST_LISTENER_WORDS = 3  # "told MPs in ...", "told the Commons in ..."
# After a leaving verb (and "on", "last", "this" or "at the"): a time named from the article's date, and
# how many days before it the leaving may have been ("resigned on Monday", "last week", "last month").
_RECENT = {
    **dict.fromkeys(("yesterday", "today", "tonight", "morning", "afternoon", "evening", "night"), 2),
    **dict.fromkeys((*words.WEEKDAYS, "week", "weekend"), 14),
    "month": 62,
}
# The words that end a leaving of more than the office: "retired", "quit as", "left politics", "quit the party".
_WIDER_LEAVING = frozenset({"retired", "as", "politics", "parliament", "party", "stage", "scene"})
# After a leaving noun and its titled name, the verbs of its happening: "the resignation of X occurred this morning".
_OCCURRED = frozenset({"occurred", "came", "happened"})
_PARTICIPLE_PREPOSITIONS = frozenset({"under", "by", "in", "at", "on", "during", "for"})  # "organised under", "held in"
_PRESENT_PERFECT = frozenset({"have", "has", "'ve", "’ve"})  # before a participle: the time of speaking


@dataclass(frozen=True)
class ClaimTime:
    """The written times that govern a claim's clause."""

    written: tuple[DateWindow, ...] = ()
    fronted: bool = False  # a time adverbial right before the claim: it alone is the time spoken of

    def readings(self, window: DateWindow) -> tuple[DateWindow, ...]:
        """Every time the claim may speak of: it is false only if false at each."""
        return self.written if self.fronted else (window, *self.written)


class TimeLinker:
    """Links written times to the claims of one document."""

    def __init__(
        self, tokens: Tokens, times: list[TimeExpression], window: DateWindow, events_named: Callable[[int, int], list[DateWindow]] | None = None
    ) -> None:
        """``events_named(first, last)``: the days of the events the tokens [first, last) name, if
        the caller can tell (an opening "At Expo 2015," dates the clause as a year does)."""
        self.tokens, self.window, self.events_named = tokens, window, events_named
        # Only times that have begun by the article's date re-date a claim: a future year
        # ("he will retire in 2030") says what is planned, not who holds an office.
        self.times = [t for t in times if t.window.start <= window.end]
        self.ranges = [(tokens.index_at_or_after(t.span.start), tokens.index_at_or_after(t.span.end)) for t in self.times]
        self.range_starts = [start for start, _ in self.ranges]  # in order: find_times sorts its times
        self._times_at: dict[int, list[DateWindow]] = {}  # by the token a written time starts at
        for time, (start, _) in zip(self.times, self.ranges, strict=True):
            self._times_at.setdefault(start, []).append(time.window)
        # Every year written as a number ("the 2022 World Cup"), by token: a year in the claim's
        # own clause is one more time it may speak of.
        written = {i for start, end in self.ranges for i in range(start, end)}
        self.years = {
            i: int(w)
            for i, w in enumerate(tokens.texts)
            if len(w) == 4 and w.isdigit() and 1800 <= int(w) <= window.end.year and i not in written and not self._in_a_name(i)
            and not self._of_an_occasion(i)
        }
        self.year_indices = sorted(self.years)

    def link(self, claim: Span, floor: int, ceiling: int, appositive: bool = False, past_tense: bool = False) -> ClaimTime:
        """The times the claim at ``claim`` (in the sentence of tokens [floor, ceiling)) speaks of.

        An ``appositive`` claim ("Rodrigo Rato, the IMF's managing director at the time,") is set
        off inside its clause: the comma that closes it does not end the clause ("..., warned in 2008").
        A ``past_tense`` claim ("when X was mayor") is not dated by a relative clause on a time
        ("began last year, when X was mayor"): its past tense still says X no longer holds the office.
        """
        relative = (lambda end, first: False) if past_tense else self._relative_to
        first, last = self.tokens.index_at_or_after(claim.start), self.tokens.index_at_or_after(claim.end)
        floor = self.after_a_label(floor, first)
        main = last + 1 if appositive and last < ceiling and self.tokens.lower[last] == "," else last
        fronted: dict[Span, list[DateWindow]] = {}  # by the written time: a date without a year may be two days
        after = []
        for position in range(bisect.bisect_left(self.range_starts, floor), bisect.bisect_left(self.range_starts, ceiling)):
            time, (start, end) = self.times[position], self.ranges[position]
            if end > ceiling:
                continue
            heads = end <= first and (
                (self._heads_the_clause(end, first) and self._opens_clause(floor, start)) or self._cleft(floor, start, end, first)
            )
            inside = first <= start and end <= last  # "Britain's population in 2023 was 68 million": the claim's own time
            about = end <= first and relative(end, first)  # "four years in which President X": the clause is about that time
            if heads or inside or about or (start >= last and self._participle(last, start, end)):
                fronted.setdefault(time.span, []).append(time.window)
            elif self._for_something(start):
                continue  # "called an election for 28 April": the time of what is planned, not of the act
            elif (start >= main and self._same_clause(main, start)) or (end <= first and self._same_clause(end, first)):
                after.append(time.window)  # "cut rates in 1995"; "first appointed in 1979 by President Carter"
        before = self.year_indices[bisect.bisect_left(self.year_indices, floor) : bisect.bisect_left(self.year_indices, first)]
        inside_years = self.year_indices[bisect.bisect_left(self.year_indices, first) : bisect.bisect_left(self.year_indices, last)]
        about_years = [index for index in before if relative(index + 1, first)]  # "the summer of 2019, when Chancellor X"
        if not fronted and inside_years:  # "Prague's population at the 2011 census stood at": the claim's own year
            fronted[claim] = [DateWindow.of_year(self.years[index]) for index in inside_years]
        elif not fronted and about_years:
            fronted[claim] = [DateWindow.of_year(self.years[about_years[-1]])]
        elif not fronted and (opening := self._opening_year(floor, first)):
            fronted[claim] = [DateWindow.of_year(opening)]
        elif not fronted and (during := self._opening_event(floor, first)):
            fronted[claim] = during
        if fronted:
            return ClaimTime(tuple(fronted[max(fronted)]), fronted=True)  # the one nearest the claim
        after += [
            DateWindow.of_year(self.years[index])
            for index in self.year_indices[bisect.bisect_left(self.year_indices, floor) : bisect.bisect_left(self.year_indices, ceiling)]
            if (main <= index and self._same_clause(main, index) and not self._for_something(index) and not self._subject(index))
            or (index < first and self._same_clause(index + 1, first))  # "The 2008 rescue was approved under then-..."
        ]
        after += self._opening_times(floor, first)
        left = self._leaving(first, last, floor, ceiling)
        left_when = self._time_of_leaving(left, ceiling) if left is not None else None
        if self._past_perfect(last, ceiling) or (left is not None and left_when is None):
            after.append(DateWindow(dt.date.min, self.window.start - dt.timedelta(days=1)))
        elif left_when is not None:
            after += left_when
        return ClaimTime(tuple(dict.fromkeys(after)))

    def after_a_label(self, floor: int, first: int) -> int:
        """Where the sentence itself begins after a label in brackets, or a place in capitals and
        an agency in brackets ("(English summary) In 2015, ...", "LONDON (Reuters) - In 2015, ..."):
        the time after it opens the sentence."""
        texts, index = self.tokens.texts, floor
        while index < first and texts[index].isalpha() and texts[index].isupper():
            index += 1  # the dateline's place
        if index < first and texts[index] in ("(", "["):
            close = next((i for i in range(index + 1, min(index + 8, first)) if texts[i] in (")", "]")), None)
            if close is None:
                return floor
            index = close + 1
            if index < first and texts[index] in ("-", "–", "—"):
                index += 1
            return index if index < first else floor
        return floor

    def _opening_times(self, floor: int, first: int) -> list[DateWindow]:
        """'During the 2014 water crisis, reservoirs fell and then-Governor X resisted': the time of a
        phrase opening the sentence, set off by a comma, is one more time a claim later in the sentence
        may speak of, when no other punctuation stands between (a later clause may have moved on to
        another time, so it is not the claim's only one)."""
        low = self.tokens.lower
        if first - 1 <= floor or not (low[floor] in words.OPENING_PREPOSITIONS or self._counted_from(floor, first)):
            return []
        comma = next((i for i in range(floor + 1, first) if low[i] == ","), None)
        if comma is None or comma == first - 1 or any(word in _CLAUSE_PUNCTUATION for word in low[comma + 1 : first]):
            return []
        texts = self.tokens.texts
        times = [  # with a year written: a date without one is only a guess at its year
            t.window
            for t, (start, end) in zip(self.times, self.ranges, strict=True)
            if floor <= start and end <= comma and any(len(texts[i]) == 4 and texts[i].isdigit() for i in range(start, end))
        ]
        years = self.year_indices[bisect.bisect_left(self.year_indices, floor) : bisect.bisect_left(self.year_indices, comma)]
        return times + [DateWindow.of_year(self.years[index]) for index in years]

    def _for_something(self, start: int) -> bool:
        """'a snap election for 28 April', 'the budget for 2023': a time after "for" is the time of
        the noun before it, not of the clause's act."""
        return start > 0 and self.tokens.lower[start - 1] in words.TARGET_PREPOSITIONS

    def _subject(self, index: int) -> bool:
        """'Baldrige predicted 1987 will be the fifth year of growth': a year before a verb, after no
        preposition, is what a new clause speaks about, not the time of the claim's act."""
        low = self.tokens.lower
        return index + 1 < len(low) and low[index + 1] in words.AUXILIARIES and (index == 0 or low[index - 1] not in words.TIME_PREPOSITIONS)

    def _of_an_occasion(self, index: int) -> bool:
        """'plans for the centenary of the 1929 Exposition': the year of what an occasion marks, not of the act."""
        low = self.tokens.lower
        before = low[max(index - 3, 0) : index]
        return (before[-2:] == ["of", "the"] and len(before) == 3 and before[0] in words.MARKING_OCCASIONS) or (
            before[-1:] == ["of"] and len(before) >= 2 and before[-2] in words.MARKING_OCCASIONS
        )

    def _in_a_name(self, index: int) -> bool:
        """'a tribute to the volunteers of Paris 2024', 'Euro 2020', 'Vision 2030': a year right after a
        capitalised word that is no month, article or preposition is part of a name, not a time."""
        if index == 0 or not self.tokens.capitalised(index - 1):
            return False
        before = self.tokens.texts[index - 1]
        low = before.lower()
        return before not in words.MONTHS and not is_possessive(before) and low not in words.NOT_NAME_WORDS

    def _opening_year(self, floor: int, first: int) -> int | None:
        """'During the Brexit votes of 2019, Commons Speaker John Bercow ...': a sentence that opens
        with a prepositional phrase holding a year, set off by a comma right before the claim."""
        if not self._opening_phrase(floor, first):
            return None
        inside = self.year_indices[bisect.bisect_right(self.year_indices, floor) : bisect.bisect_left(self.year_indices, first - 1)]
        return self.years[inside[-1]] if inside else None

    def _opening_event(self, floor: int, first: int) -> list[DateWindow]:
        """'At Expo 2015, then-Lombardy President Attilio Fontana ...': a sentence that opens with
        "at" or "during" and an event the facts date, all the phrase is (after "the"), set off by a
        comma right before the claim: the event's days, and where it was may follow ("At Euro 2012 in
        Poznań,"). "In a speech about the floods," is not."""
        low = self.tokens.lower
        if self.events_named is None or not self._opening_phrase(floor, first) or low[floor] not in words.DURING_PREPOSITIONS:
            return []
        start, end = floor + 1 + (low[floor + 1] in words.ARTICLES), first - 1
        place = next((i for i in range(start + 1, end) if low[i] in ("in", "at") and all(self.tokens.capitalised(j) for j in range(i + 1, end))), end)
        return self.events_named(start, place)

    def _opening_phrase(self, floor: int, first: int) -> bool:
        """The sentence opens with a prepositional phrase ("During the votes of 2019,", "The day after
        the disaster in 2010,"), set off by its only comma right before the claim."""
        low = self.tokens.lower
        opening = low[floor] in words.OPENING_PREPOSITIONS or self._counted_from(floor, first)
        return first - 1 > floor and opening and low[first - 1] == "," and "," not in low[floor : first - 1]

    def _counted_from(self, floor: int, first: int) -> bool:
        """'The day after', 'Two weeks before', 'Days after': a span of time counted from what follows."""
        low = self.tokens.lower
        index = floor + (low[floor] in words.RELATIVE_TIME_COUNTS or low[floor].isdigit())
        return index + 1 < first and low[index] in words.RELATIVE_TIME_NOUNS and low[index + 1] in ("after", "before")

    def _past_perfect(self, last: int, ceiling: int) -> bool:
        """'Mark Rutte, the Dutch prime minister, had already spent 13 years in office when ...':
        the claim speaks of a time before the one the article reports, whenever that was."""
        low = self.tokens.lower
        index = last + (last < ceiling and low[last] == ",")
        if index + 1 >= ceiling or low[index] != "had":
            return False
        following = low[index + 1]
        return following.isalpha() and following not in words.NOT_A_PARTICIPLE

    def _leaving(self, first: int, last: int, floor: int, ceiling: int) -> int | None:
        """'Chancellor Angela Merkel left politics', 'shadow chancellor X was demoted', 'the departure
        of Prime Minister Liz Truss': a holder's leaving speaks of the title held until then,
        whenever that was. "his departure and that of Prime Minister X" leaves the noun out.
        The index right after the words of leaving, or None when the claim is no leaving."""
        low = self.tokens.lower
        if first - 2 >= floor and low[first - 1] == "of":
            if low[first - 2] in words.LEAVING_NOUNS:
                return last
            if low[first - 2] in ("that", "those"):
                return last if self._leaving_noun_before(first - 3, floor) else None
        index = last
        while index < ceiling and _adverb(low[index]):
            index += 1
        if index >= ceiling:
            return None
        if low[index] in words.LEAVING_VERBS:
            return index + 1
        if low[index] in ("was", "were") and index + 1 < ceiling and low[index + 1] in words.LEAVING_PASSIVES:
            return index + 2  # "shadow chancellor Anneliese Dodds was demoted"
        following = low[index + 1 : index + 3]
        if not following or following[0] not in words.LEAVING_PHRASES.get(low[index], ()):
            return None
        if following[0] != "the":
            return index + 2
        return index + 3 if len(following) > 1 and following[1] in words.LEFT_POSTS else None

    def _time_of_leaving(self, index: int, ceiling: int) -> list[DateWindow] | None:
        """'Prime Minister X resigned on 8 January', '... stepped down from office in 2019', 'resigned
        on Monday': a time right after the words of leaving is the time of the leaving, when the title
        was still held (a day or a week named from the article's, as "on Monday", "yesterday" or
        "last week": the days before it that the word may mean, _RECENT). None when no time
        follows, and for a leaving of more than the office: "retired", "resigned as an MP in 2012",
        "left politics in 2024" (the title may have been given up long before)."""
        low = self.tokens.lower
        if low[index - 1] in _WIDER_LEAVING:
            return None
        if index < ceiling and low[index] in _OCCURRED:
            index += 1  # "the resignation of Prime Minister X came on Monday"
        elif index + 1 < ceiling and (low[index], low[index + 1]) in (("took", "place"), ("was", "announced")):
            index += 2
        if index + 1 < ceiling and low[index] == "from" and low[index + 1] in ("office", "power", "government", "the"):
            index += 2 + (low[index + 1] == "the" and index + 2 < ceiling and low[index + 2] in words.LEFT_POSTS)
        while index + 1 < ceiling and (low[index] in words.TIME_PREPOSITIONS or low[index] in ("this", "the")):
            index += 1
        if index >= ceiling:
            return None
        written = self._times_at.get(index) or self._times_at.get(index - 1)
        if written:
            return written
        if low[index] in words.WEEKDAYS:  # "on Friday, 24 May 2019", "on Thursday (7 July 2022)": the date written with it
            after = index + 1 + (index + 1 < ceiling and low[index + 1] in (",", "("))
            if after in self._times_at:
                return self._times_at[after]
        if low[index] in _RECENT:
            return [DateWindow(self.window.start - dt.timedelta(days=_RECENT[low[index]]), self.window.end)]
        return None

    def _leaving_noun_before(self, index: int, floor: int) -> bool:
        """'his departure and ultimately that of': a leaving noun, then "and" or a comma (and adverbs) right before "that"."""
        low = self.tokens.lower
        while index >= floor and _adverb(low[index]):
            index -= 1
        return index - 1 >= floor and low[index] in ("and", ",") and low[index - 1] in words.LEAVING_NOUNS

    def _opens_clause(self, floor: int, start: int) -> bool:
        """A time at the head of its clause ("In 2019, ...", "He said that in 2019 ..."), not the end
        of another ("The rule was set in 2016, President Biden said")."""
        low = self.tokens.lower
        opening = low[floor:start]
        if not opening or all(word in words.OPENING_TIME_WORDS or word.endswith("ing") for word in opening):
            return True  # "In 2019,", "Then, on the evening of 23 March 2020,", "Speaking in 2019,"
        if opening[0] in words.TEMPORAL_SUBORDINATORS:
            return True  # "When the alliance met in Madrid in June 2022, ...": the whole clause is the time
        if (opening[0] in words.OPENING_PREPOSITIONS or self._counted_from(floor, start)) and "," not in opening:
            return True  # "At the height of the drought in 2018, ...", "The day after the disaster in 2010, ...": as in _opening_year
        head = start - 1
        while head > floor and (low[head] == "(" or low[head] in words.WEEKDAYS or low[head] in words.TIME_PREPOSITIONS):
            head -= 1  # "..., and on Wednesday (19 October), Home Secretary X": the time opens the clause after "and"
        return low[head] in words.CLAUSE_HEADS

    def _cleft(self, floor: int, start: int, end: int, first: int) -> bool:
        """'It was in 2009 that Mayor X put the plan to a vote', '..., but it was in 2013 that': the
        time a cleft sentence (or clause) stresses is the time of its that-clause."""
        low = self.tokens.lower
        opens = start - 2 == floor or (start - 3 >= floor and low[start - 3] in words.CLAUSE_HEADS)
        cleft = start - 2 >= floor and low[start - 2 : start] in (["it", "was"], ["it", "is"]) and opens
        return cleft and end < first and low[end] == "that" and self._same_clause(end + 1, first)

    def _heads_the_clause(self, end: int, first: int) -> bool:
        """A time set off at the head of the claim's clause: nothing but a comma (and, before a
        past-tense clause, "when") before the claim, or a comma (which copy may leave out) and then
        words of the same clause ("In 2021, the budget was set by Chancellor X", "In 2021 Toronto
        had 2.8 million residents")."""
        between = self.tokens.lower[end:first]
        if between[:1] == [")"]:
            between = between[1:]  # "On Wednesday (19 October), Home Secretary X": the bracket closes the time
        if all(word in (",", "when") for word in between) and between.count(",") <= 1:
            return True
        if not between or between[0] != ",":
            return bool(between) and self._same_clause(end, first)  # "In 2002 the Czech Republic, ...": the comma is optional
        if self._same_clause(end + 1, first):
            return True
        resume = self._after_an_aside(end + 1, first)
        return resume < first and self._heads_the_clause(resume, first)

    def _after_an_aside(self, start: int, first: int) -> int:
        """Where the clause resumes after an adverbial aside set off by commas, opened by a
        subordinator, a preposition or a span counted from something ("In 2020, as the pandemic took
        hold, Premier X shut the border"; "In 2011, with aftershocks still rattling the capital, ...";
        "In 2014, months before the elections, ..."; "In 2016, the year X was ..."): the comma that closes
        it, or ``first`` when no such aside stands at ``start``."""
        low = self.tokens.lower
        if start >= first or not (low[start] in words.ASIDE_OPENERS or self._counted_from(start, first) or self._the_time_when(start, first)):
            return first
        comma = next((i for i in range(start + 1, first) if low[i] == ","), None)
        if comma is None or any(word in _CLAUSE_PUNCTUATION for word in low[start + 1 : comma]):
            return first
        return comma

    def _the_time_when(self, start: int, first: int) -> bool:
        """'In 2016, the year Wrocław was European Capital of Culture, ...': an aside that names the
        time just given by what happened in it."""
        low = self.tokens.lower
        return start + 1 < first and low[start] == "the" and low[start + 1] in words.RELATIVE_TIME_NOUNS

    def _relative_to(self, end: int, first: int) -> bool:
        """'after four years in which President X questioned ...', 'the summer of 2019, when Chancellor
        X ...': a relative clause on a time speaks of that time, and of no other."""
        low = self.tokens.lower
        index = end + (end < first and low[end] == ",")
        if low[index : index + 1] == ["when"]:
            index += 1
        elif low[index : index + 2] in (["in", "which"], ["during", "which"]):
            index += 2
        else:
            return False
        return index <= first and self._same_clause(index, first)

    def _participle(self, last: int, start: int, end: int) -> bool:
        """'Home Secretary Priti Patel, speaking in 2021, said', 'Mayor X, in 2011, cut the ribbon': a
        time set off right after the claim is the time of the act the claim is in."""
        low = self.tokens.lower
        between = low[last:start]
        if len(between) >= 2 and between[0] == "," and between[1].endswith("ing"):
            return all(w in words.TIME_PREPOSITIONS for w in between[2:])
        return between[:1] == [","] and all(w in words.TIME_PREPOSITIONS for w in between[1:]) and low[end : end + 1] == [","]

    def _same_clause(self, last: int, start: int) -> bool:
        """No clause opens between the end of a claim and a time after it. A second predicate of the
        claim's subject ("President X continued the tradition but skipped it in 2018") is its clause."""
        between = _second_predicate(self.tokens.lower[last:start])
        verb_seen = False
        for index, word in enumerate(between):
            if word in words.SPEECH_VERBS:
                return self._said_in(word, between[index + 1 :])
            following = between[index + 1 : index + 3]
            verb_seen = verb_seen or word in words.AUXILIARIES or _past(word)
            if word in ("and", "or") and not verb_seen and index > 0 and following[:1] and not _past(following[0]):
                continue  # "Just over a year ago, I and a number of colleagues were due to ...": one subject, no new clause
            if word == "," and following[:1] == ["with"]:
                continue  # "..., with Prime Minister X describing it as": a circumstance of the same clause
            if word == "," and len(following) == 2 and _past(following[0]) and following[1] in _PARTICIPLE_PREPOSITIONS:
                continue  # "The 2023 Braderie, organised under then-mayor X": a participle on the noun before
            if word in ("after", "before") and following[:1] == ["the"]:
                continue  # "in the days after the 2015 rampage": a preposition, not a clause
            if word in _CLAUSE_PUNCTUATION or word in words.CLAUSE_OPENERS:
                return False
        return True


    @staticmethod
    def _said_in(verb: str, after: list[str]) -> bool:
        """Whether a time after a verb of speech dates the act of speaking: right after it ("said in
        2021"), after its object ("declared a climate emergency in 2019", "announced tax cuts in
        2019") or its listener ("told MPs in November 2023 that ...") when no verb stands between,
        but not in a reported clause ("said the economy grew in 2019", "said it would close in 2019")."""
        if all(w in words.TIME_PREPOSITIONS for w in after):
            return True
        words_before = [w for w in after if w not in words.TIME_PREPOSITIONS]
        most = _MOST_OBJECT_WORDS if verb in _TAKING_AN_OBJECT else _MOST_LISTENER_WORDS if verb in words.LISTENER_VERBS else 0
        return len(words_before) <= most and not any(
            w in _CLAUSE_PUNCTUATION or w in words.CLAUSE_OPENERS or w in words.AUXILIARIES or w == "to" or _past(w) for w in after
        )


def speaks_of_the_past(tokens: Tokens, claim: Span, inner: Span) -> bool:
    """Whether a titled mention inside a quotation sits in a past-tense clause about no recent time.

    "President Obama and I spent eight years on this" may speak of Obama's time in office;
    "President Trump has repeatedly expressed his readiness" and "I spoke with President Trump
    this morning" speak of the time of speaking.
    """
    first, last = tokens.index_at_or_after(claim.start), tokens.index_at_or_after(claim.end)
    floor, ceiling = tokens.index_at_or_after(inner.start), tokens.index_at_or_after(inner.end)
    low = tokens.lower
    if any(word in words.RECENT_TIMES for word in low[floor:ceiling]):
        return False
    after = [w for w in low[last : min(last + 5, ceiling)] if w not in words.BEFORE_VERB and not w.endswith("ly")]
    before = range(max(first - 3, floor), first)
    if any(i > floor and low[i - 1] in _PRESENT_PERFECT and low[i].isalpha() for i in before):
        return False  # a present perfect speaks of the time of speaking: "I have spoken to Premier X and offered her ..."
    verbs = after[:1] + [low[i] for i in before]
    return any(_past(word) for word in verbs)


def _adverb(word: str) -> bool:
    """An adverb that may stand beside a leaving word: "later resigned", "his departure and ultimately that of"."""
    return word.endswith("ly") or word in ("later", "eventually", "then", "finally", "also")


def _second_predicate(between: list[str]) -> list[str]:
    """The words after "and" or "but" and a verb in the past, when the words before them are one
    simple predicate (no clause opener, no verb of speech with a reported clause): the time is in
    the second predicate of the same subject. Otherwise all of ``between``."""
    for index in range(len(between) - 2, 0, -1):
        if between[index] in ("and", "but") and _past(between[index + 1]):
            head = [word for word in between[:index] if word != ","]
            simple = not any(
                word in _CLAUSE_PUNCTUATION or word in words.CLAUSE_OPENERS or (word in words.SPEECH_VERBS and word not in _TAKING_AN_OBJECT)
                for word in head
            )
            return between[index + 1 :] if simple else between
    return between


def _past(word: str) -> bool:
    return word in words.PAST_TENSE_VERBS or (len(word) > 4 and word.endswith("ed") and word.isalpha())
