"""Which time a clause speaks of: the one place written dates are linked to claims and events.

**Claims.** A title speaks of the article's date (its window) unless a time written in the
sentence *governs the clause that holds it*:

* **fronted**: a time at the head of the sentence or clause, right before the claim with at
  most a comma between ("In 2019, Chancellor Sajid Javid said", "On 23 September 2022,
  Chancellor Kwasi Kwarteng", "On 14 April, First Minister Humza Yousaf", "In 2019, when Donald
  Trump was president"); a sentence that opens with a phrase holding a year ("During the Brexit
  votes of 2019, Commons Speaker John Bercow"); or a participle set off right after the claim
  ("Home Secretary Priti Patel, speaking in 2021, said"). The claim speaks of that time only.
* **elsewhere in the same clause**: "Chancellor Kenneth Clarke cut rates in 1995", "Prime
  Minister Theresa May said on 29 March 2019", "first appointed in 1979 by President Carter",
  "took the team to the quarter-finals of the 2022 World Cup" (a year written as a number), and
  a past perfect, which speaks of some earlier time ("Mark Rutte, the Dutch prime minister, had
  already spent 13 years in office"). Nothing that opens another clause may stand between (a
  comma, a conjunction, a relative pronoun, a verb of speech with more than the time after it,
  a quotation mark). Such a time is *another* plausible reading: a current title is also used
  of a past act ("President Biden signed the law in 2022"), so the claim is checked at the
  article's date and at that time, and reported only if false at both.

Anything else (a date in a reported clause, a relative clause, a subordinate "since ... in
2010", the end of another clause, a future year) does not re-date the title: "Chancellor Rachel
Reeves said the mini-budget of 23 September 2022 had crashed the economy" speaks of the
article's date. A date without a year is the day within the year before the article's date.

**Quotations.** ``speaks_of_the_past``: whether a titled mention inside a quotation is in a
past-tense clause (quote-anachronism lets those speak of an earlier holder).

**Events.** Which event mention a written date belongs to: see ``link_event_dates``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

import regex

from linter.dates import DateWindow
from linter.mentions import vocabulary as words
from linter.mentions.model import DateMention, EventMention, TimeExpression
from linter.segment.tokens import Tokens, is_possessive
from linter.source.document import Span

_MONTH = "|".join(sorted((m for m in words.MONTHS if len(m) > 3 or m == "May"), key=len, reverse=True))
# "in 2019", "during 2019", "in March 2019", "in early 2019", "in the 1990s", "in mid-2019".
_YEAR_PHRASE = regex.compile(
    rf"""\b(?:[Ii]n|[Dd]uring|[Oo]n|[Bb]ack\s+in)\s+
    (?:(?:early|late|mid)[-\s]+)?
    (?:(?P<month>{_MONTH})\s+)?
    (?:(?P<year>(?:1[89]|20)\d\d)|the\s+(?P<decade>(?:1[89]|20)\d)0s)\b(?![-/]\d)""",
    regex.VERBOSE,
)
_CLAUSE_PUNCTUATION = frozenset(',;:—–()[]"“”‘’')


def find_times(prose: str, dates: list[DateMention], window: DateWindow) -> list[TimeExpression]:
    """Written times: full dates, year, month-year and decade phrases, and dates without a year,
    one expression for each day such a date may be: within the year before the article's date
    ("On 14 April," in an article of 10 June 2024 is 14 April 2024; never a day after the article)."""
    found = [TimeExpression(d.span, DateWindow.day(dt.date(d.year, d.month, d.day))) for d in dates if d.year]
    earliest = window.start - dt.timedelta(days=365)
    found += [TimeExpression(d.span, DateWindow.day(day)) for d in dates if not d.year for day in d.candidates(window) if earliest < day <= window.end]
    taken = sorted(d.span for d in dates if d.year)
    starts = [span.start for span in taken]
    for match in _YEAR_PHRASE.finditer(prose):
        span = Span(match.start(), match.end())
        index = bisect.bisect_left(starts, span.end) - 1
        if index >= 0 and taken[index].end > span.start:
            continue  # "on 23 September 2022" is the full date already found
        found.append(TimeExpression(span, _window(match)))
    return sorted(found, key=lambda t: t.span)


def _year(year: int) -> DateWindow:
    return DateWindow(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _window(match: regex.Match) -> DateWindow:
    if match.group("decade"):
        first = int(match.group("decade")) * 10
        return DateWindow(dt.date(first, 1, 1), dt.date(first + 9, 12, 31))
    year = int(match.group("year"))
    if match.group("month"):
        month = words.MONTHS[match.group("month")]
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return DateWindow(dt.date(year, month, 1), following - dt.timedelta(days=1))
    return DateWindow(dt.date(year, 1, 1), dt.date(year, 12, 31))


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

    def __init__(self, tokens: Tokens, times: list[TimeExpression], window: DateWindow) -> None:
        self.tokens, self.window = tokens, window
        # Only times that have begun by the article's date re-date a claim: a future year
        # ("he will retire in 2030") says what is planned, not who holds an office.
        self.times = [t for t in times if t.window.start <= window.end]
        self.ranges = [(tokens.index_at_or_after(t.span.start), tokens.index_at_or_after(t.span.end)) for t in self.times]
        # Every year written as a number ("the 2022 World Cup"), by token: a year in the claim's
        # own clause is one more time it may speak of.
        written = {i for start, end in self.ranges for i in range(start, end)}
        self.years = {
            i: int(w)
            for i, w in enumerate(tokens.texts)
            if len(w) == 4 and w.isdigit() and 1800 <= int(w) <= window.end.year and i not in written and not self._in_a_name(i)
        }

    def link(self, claim: Span, floor: int, ceiling: int) -> ClaimTime:
        """The times the claim at ``claim`` (in the sentence of tokens [floor, ceiling)) speaks of."""
        first, last = self.tokens.index_at_or_after(claim.start), self.tokens.index_at_or_after(claim.end)
        fronted: dict[Span, list[DateWindow]] = {}  # by the written time: a date without a year may be two days
        after = []
        for time, (start, end) in zip(self.times, self.ranges):
            if start < floor or end > ceiling:
                continue
            if (end <= first and self._adjacent(end, first) and self._opens_clause(floor, start)) or (start >= last and self._participle(last, start)):
                fronted.setdefault(time.span, []).append(time.window)
            elif (start >= last and self._same_clause(last, start)) or (end <= first and self._same_clause(end, first)):
                after.append(time.window)  # "cut rates in 1995"; "first appointed in 1979 by President Carter"
        if not fronted and (opening := self._opening_year(floor, first)):
            fronted[claim] = [_year(opening)]
        if fronted:
            return ClaimTime(tuple(fronted[max(fronted)]), fronted=True)  # the one nearest the claim
        after += [_year(year) for index, year in self.years.items() if last <= index < ceiling and self._same_clause(last, index)]
        if self._past_perfect(last, ceiling):
            after.append(DateWindow(dt.date.min, self.window.start - dt.timedelta(days=1)))
        return ClaimTime(tuple(dict.fromkeys(after)))

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
        low = self.tokens.lower
        if first - 1 <= floor or low[floor] not in words.OPENING_PREPOSITIONS or low[first - 1] != ",":
            return None
        if "," in low[floor : first - 1]:
            return None
        years = [year for index, year in self.years.items() if floor < index < first - 1]
        return years[-1] if years else None

    def _past_perfect(self, last: int, ceiling: int) -> bool:
        """'Mark Rutte, the Dutch prime minister, had already spent 13 years in office when ...':
        the claim speaks of a time before the one the article reports, whenever that was."""
        low = self.tokens.lower
        index = last + (last < ceiling and low[last] == ",")
        if index + 1 >= ceiling or low[index] != "had":
            return False
        following = low[index + 1]
        return following.isalpha() and following not in words.NOT_A_PARTICIPLE

    def _opens_clause(self, floor: int, start: int) -> bool:
        """A time at the head of its clause ("In 2019, ...", "He said that in 2019 ..."), not the end
        of another ("The rule was set in 2016, President Biden said")."""
        low = self.tokens.lower
        opening = low[floor:start]
        if not opening or all(word in words.OPENING_TIME_WORDS or word.endswith("ing") for word in opening):
            return True  # "In 2019,", "Then, on the evening of 23 March 2020,", "Speaking in 2019,"
        if opening[0] in words.TEMPORAL_SUBORDINATORS:
            return True  # "When the alliance met in Madrid in June 2022, ...": the whole clause is the time
        return low[start - 1] in words.CLAUSE_HEADS

    def _adjacent(self, end: int, first: int) -> bool:
        """Nothing but a comma (and, before a past-tense clause, "when") between a time and a claim."""
        between = self.tokens.lower[end:first]
        return all(word in (",", "when") for word in between) and between.count(",") <= 1

    def _participle(self, last: int, start: int) -> bool:
        """'Home Secretary Priti Patel, speaking in 2021, said': the time of the act the claim is in."""
        between = self.tokens.lower[last:start]
        return len(between) >= 2 and between[0] == "," and between[1].endswith("ing") and all(
            w in words.TIME_PREPOSITIONS for w in between[2:]
        )

    def _same_clause(self, last: int, start: int) -> bool:
        """No clause opens between the end of a claim and a time after it."""
        between = self.tokens.lower[last:start]
        for index, word in enumerate(between):
            if word in words.SPEECH_VERBS:
                return all(w in words.TIME_PREPOSITIONS for w in between[index + 1 :])  # "said in 2021"
            if word in _CLAUSE_PUNCTUATION or word in words.CLAUSE_OPENERS:
                return False
        return True


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
    before = low[max(first - 3, floor) : first]
    verbs = after[:1] + before
    return any(_past(word) for word in verbs)


def _past(word: str) -> bool:
    return word in words.PAST_TENSE_VERBS or (len(word) > 4 and word.endswith("ed") and word.isalpha())


# -- which event a date belongs to --------------------------------------------------------------

_CLAUSE_BREAKS = frozenset({";", ":", "—", "("})


def link_event_dates(tokens: Tokens, sentences: list[Span], events: list[EventMention], dates: list[DateMention]) -> dict[Span, tuple[DateMention, ...]]:
    """The dates that date each event mention (by the mention's span).

    A date belongs to at most one event: the nearest mention in its sentence it can attach to,
    never one with another event's mention between them ("the Baftas on 16 February, with the
    Oscars a fortnight later on 2 March" dates each award once). A date *attaches* to a mention
    when it is at most MAX_DATE_DISTANCE words away and:

    * after the event: no conjunction, relative pronoun, relational word or clause break between
      ("a charity match on 10 January for victims of the tsunami" dates the match), except a
      relative clause or participle on the event itself ("the Australian Open, which starts on
      17 January", "the Oscars, held on 2 March"); and when the event is the object of another
      noun ("registration for the marathon opens on 2 May"), only right after it;
    * before the event: as its modifier ("the 7 July bombings"), or opening the sentence ("On
      16 February, the Baftas..."), with no conjunction or other clause between.
    """
    linked: dict[Span, list[DateMention]] = {mention.span: [] for mention in events}
    if not linked:
        return {}
    spans = sorted(linked)
    starts = [sentence.start for sentence in sentences]
    for date in dates:
        index = bisect.bisect_right(starts, date.span.start) - 1
        if index < 0 or date.span.start >= sentences[index].end:
            continue
        sentence = sentences[index]
        first = bisect.bisect_left(spans, Span(sentence.start, sentence.start))
        inside = []
        for span in spans[first:]:
            if span.start >= sentence.end:
                break
            if sentence.contains(span):
                inside.append(span)
        near = [span for span in inside if _attaches(tokens, sentence, date.span, span, inside)]
        if near:
            nearest = min(near, key=lambda span: (_gap(tokens, date.span, span), span.start > date.span.start))
            linked[nearest].append(date)
    return {span: tuple(found) for span, found in linked.items()}


def _gap(tokens: Tokens, first: Span, second: Span) -> int:
    earlier, later = sorted((first, second))
    return max(tokens.index_at_or_after(later.start) - tokens.index_at_or_after(earlier.end), 0)


def _attaches(tokens: Tokens, sentence: Span, date: Span, event: Span, events: list[Span]) -> bool:
    start, end = sorted((date, event))
    if any(start.end <= other.start and other.end <= end.start for other in events if other != event):
        return False  # another event's mention stands between them
    low = tokens.lower
    first, last = tokens.index_at_or_after(start.end), tokens.index_at_or_after(end.start)
    between = low[first:last]
    if len(between) > words.MAX_DATE_DISTANCE:
        return False
    if _modifies_a_noun(tokens, event) and not (start == date and not between):
        return False  # "the Grenfell Tower fire inquiry heard evidence on 3 March": the inquiry's date
    if start == event:
        return _attaches_after(tokens, event, between)
    opening = all(word in words.OPENING_TIME_WORDS or word.isdigit() for word in low[tokens.index_at_or_after(sentence.start) : tokens.index_at_or_after(date.start)])
    between = _without_weekday(between)
    return not any(word in words.DATE_DETACHING or word in _CLAUSE_BREAKS or (word == "," and not opening) for word in between)


def _modifies_a_noun(tokens: Tokens, event: Span) -> bool:
    """'the Grenfell Tower fire inquiry', 'the referendum result': the event's name modifies the noun after it."""
    following = tokens.index_at_or_after(event.end)
    return following < len(tokens.lower) and tokens.lower[following] in words.EVENT_HEAD_NOUNS


def _object_of_another_noun(tokens: Tokens, index: int) -> bool:
    """'registration for (next year's) London Marathon ...', 'the inquiry into the London bombings':
    the event, after a preposition such as "for", is the object of another noun, which a later
    date belongs to."""
    for position in range(index - 1, max(index - 5, -1), -1):
        word = tokens.lower[position]
        if word in words.OBJECT_PREPOSITIONS:
            return True
        modifier = word in words.ARTICLES or word in words.DETERMINER_WORDS or is_possessive(word) or word.isdigit()
        if not (modifier or tokens.capitalised(position)):  # "the inquiry into the London bombings"
            return False
    return False


def _without_weekday(between: list[str]) -> list[str]:
    """'on Sunday, 9 February', 'on Friday 5 May': a day of the week (and its comma) belong to the date."""
    if len(between) >= 2 and between[-1] == "," and between[-2] in words.WEEKDAYS:
        return between[:-2]
    if between and between[-1] in words.WEEKDAYS:
        return between[:-1]
    return between


def _apposition(word: str) -> bool:
    """A word opening a clause about the event after a comma: 'which', 'held', 'delivered', 'run'."""
    return word in words.EVENT_APPOSITION or (len(word) > 4 and word.endswith("ed") and word.isalpha())


def _attaches_after(tokens: Tokens, event: Span, between: list[str]) -> bool:
    """A date after an event mention: see link_event_dates."""
    between = _without_weekday(between)
    if between in ([",", "on"], [",", "in"]):
        return True  # "The King's coronation, on Friday 6 May 2023,"
    relative = bool(between) and (between[0] in words.RELATIVE_PRONOUNS or (len(between) > 1 and between[0] == "," and _apposition(between[1])))
    last = tokens.index_at_or_after(event.end) - 1  # the token the mention ends in: "budget's"
    possessive = last >= 0 and is_possessive(tokens.texts[last]) and tokens.ends[last] - event.end <= 2  # "the mini-budget's tax cuts"
    if not relative and (possessive or _object_of_another_noun(tokens, tokens.index_at_or_after(event.start))):
        return all(word in ("on", "of", "in", ",") for word in between)  # "registration for the marathon opens on 2 May"
    apposition = False
    if between[:1] and between[0] in words.RELATIVE_PRONOUNS:
        between = between[1:]  # "the Australian Open which begins on 17 January"
    for position, word in enumerate(between):
        following = between[position + 1] if position + 1 < len(between) else ""
        if word == "," and _apposition(following) and not apposition:
            apposition = True  # "the Open, which starts on", "CES in Las Vegas, which ran from", "the Oscars, held on"
            continue
        if apposition and position > 0 and between[position - 1] == "," and word in words.RELATIVE_PRONOUNS:
            continue
        if word == "," and following == "and" and position + 2 < len(between) and between[position + 2] in words.TIMING_VERBS:
            continue
        if word == "and" and following in words.TIMING_VERBS:
            continue  # "the show ..., and runs from 6 to 9 January": the event is still the subject
        if following in words.TIMES_OF_DAY:
            continue  # "the earthquake struck before dawn on 6 February"
        if word in words.DATE_DETACHING or word in _CLAUSE_BREAKS or word == ",":
            return False
    return True
