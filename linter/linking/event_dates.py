"""Which event mention each written date belongs to (see ``link_event_dates``): the event-date
rule compares an event with the dates that date its mention, never with any date nearby."""

from __future__ import annotations

import bisect
import datetime as dt

from linter.dates import DateWindow
from linter.mentions import vocabulary as words
from linter.mentions.model import DateMention, EventMention
from linter.segment.tokens import Tokens, is_possessive
from linter.source.document import Span

_CLAUSE_BREAKS = frozenset({";", ":", "—", "("})
_APPOSITION_ENDS = frozenset({".", ",", ";", ":", ")", "—", "!", "?"})
# Words of a part of a day before "of" and its date: ", in the small hours of", ", early on the morning of".
_PART_OF_A_DAY = frozenset("on in the early small wee late hours morning afternoon evening night".split())
_A_DAY = dt.timedelta(days=1)


def link_event_dates(
    tokens: Tokens, sentences: list[Span], events: list[EventMention], dates: list[DateMention]
) -> dict[Span, tuple[DateMention, ...]]:
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
      16 February, the Baftas..."), with no conjunction or other clause between; or with the
      event in apposition to it, set off by commas ("on 1 August, the anniversary of the Warsaw
      Uprising, ..."; not "opens on 2 May, the marathon itself on 27 April").
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
        near = [span for span in inside if _attaches(tokens, sentence, date.span, span, inside, date.first_day is not None, date.year)]
        if near:
            nearest = min(near, key=lambda span: (_gap(tokens, date.span, span), span.start > date.span.start))
            linked[nearest].append(date)
    return {span: tuple(found) for span, found in linked.items()}


def _gap(tokens: Tokens, first: Span, second: Span) -> int:
    earlier, later = sorted((first, second))
    return max(tokens.index_at_or_after(later.start) - tokens.index_at_or_after(earlier.end), 0)


def _attaches(tokens: Tokens, sentence: Span, date: Span, event: Span, events: list[Span], range_of_days: bool, year: int | None) -> bool:
    start, end = sorted((date, event))
    if any(start.end <= other.start and other.end <= end.start for other in events if other != event):
        return False  # another event's mention stands between them
    low = tokens.lower
    first, last = tokens.index_at_or_after(start.end), tokens.index_at_or_after(end.start)
    between = low[first:last]
    if len(between) > words.MAX_DATE_DISTANCE:
        return False
    on_the_event = start == event and between[:1] == [","] and len(between) > 1 and _apposition(between[1])
    if year is not None and (named := _years_named(tokens, event)) and year not in named and not on_the_event:
        return False  # "the 2020 presidential election on January 6, 2021" (not "The 2016 bushfires, which broke out on ...")
    if start == date and between and between[0] != "," and _after_an_occasion(tokens, date):
        return False  # "A memorial on 14 July 2005 honoured the victims of the bombings": the memorial's date
    about_the_event = start == event and between[:2] in ([",", "which"], [",", "that"]) and between[2:3] and between[2] in words.EVENT_ACTS
    about_the_event = about_the_event or (start == event and between == ["of"])  # "the anniversary of the earthquake of June 23, 2001"
    if (_modifies_a_noun(tokens, event) or _object_of_an_occasion(tokens, event)) and not (start == date and not between) and not about_the_event:
        # "the Grenfell Tower fire inquiry heard evidence on 3 March", "the anniversary of the siege on 1 September 2023";
        # not "the anniversary of the fire, which killed 192 people on Feb. 28": a clause on the event itself
        return False
    if start == event:
        after_date = tokens.index_at_or_after(date.end)
        if between == [","] and (after_date >= len(low) or low[after_date] in _APPOSITION_ENDS):
            return True  # "the cost of Black Monday, October 20.": the date in apposition to the event
        return _attaches_after(tokens, event, between, range_of_days)
    after_event = tokens.index_at_or_after(event.end)
    if between in ([","], [",", "the"]) and (after_event >= len(low) or low[after_event] in _APPOSITION_ENDS):
        return True  # "on August 2, the anniversary of the Warsaw Uprising,": the event in apposition to the date
    before_date = tokens.index_at_or_after(date.start) - 1
    if between == [","] and year is not None and before_date >= 0 and low[before_date] in words.ARTICLES:
        return True  # "investigating the Jan. 6, 2021, Capitol riot": a date modifying the event, its year set off by commas
    opens = tokens.index_at_or_after(sentence.start)
    cleft = between[:-1] if between[-1:] and between[-1] in words.ARTICLES else between
    if cleft in (["that"], [",", "that"]) and low[opens : opens + 2] == ["it", "was"]:
        return True  # "It was on June 14, 2012, that Ireland against Croatia opened": a cleft sentence's date
    opening = all(
        word in words.OPENING_TIME_WORDS or word.isdigit()
        for word in low[tokens.index_at_or_after(sentence.start) : tokens.index_at_or_after(date.start)]
    )
    between = _without_weekday(between)
    return not any(word in words.DATE_DETACHING or word in _CLAUSE_BREAKS or (word == "," and not opening) for word in between)


def _years_named(tokens: Tokens, event: Span) -> list[int]:
    """The years written in an event's words, or right before them ("the 2020 presidential election")."""
    first, last = tokens.index_at_or_after(event.start), tokens.index_at_or_after(event.end)
    return [int(word) for word in tokens.lower[max(first - 1, 0) : last] if len(word) == 4 and word.isdigit()]


def _after_an_occasion(tokens: Tokens, date: Span) -> bool:
    """'A memorial on 14 July', 'the inquiry on 3 March': the date of an occasion named right before it."""
    index = tokens.index_at_or_after(date.start) - 1
    if index >= 0 and tokens.lower[index] in ("on", "of"):
        index -= 1
    return index >= 0 and tokens.lower[index] in words.OCCASIONS


def _modifies_a_noun(tokens: Tokens, event: Span) -> bool:
    """'the Grenfell Tower fire inquiry', 'the referendum result': the event's name modifies the noun after it."""
    following = tokens.index_at_or_after(event.end)
    return following < len(tokens.lower) and tokens.lower[following] in words.EVENT_HEAD_NOUNS


def _object_of_another_noun(tokens: Tokens, index: int) -> bool:
    """'registration for (next year's) London Marathon ...', 'the inquiry into the London bombings':
    the event, after a preposition such as "for", is the object of another noun, which a later
    date belongs to; not when that noun is the event's own act ("polling for the election")."""
    position = _preposition_before(tokens, index)
    if position is None or tokens.lower[position] not in words.OBJECT_PREPOSITIONS:
        return False
    return not (position > 0 and tokens.lower[position - 1] in words.EVENT_OWN_ACTS)


def _object_of_an_occasion(tokens: Tokens, event: Span) -> bool:
    """'the fifth anniversary of the Garissa attack', 'the inquiry into the fire': the event is the
    object of an occasion held about it (OCCASIONS), which a later date belongs to."""
    index = tokens.index_at_or_after(event.start)
    for position in range(index - 1, max(index - 5, -1), -1):
        if tokens.lower[position] in ("of", "into"):
            return position > 0 and tokens.lower[position - 1] in words.OCCASIONS
        if not _modifier(tokens, position):
            return False
    return False


def _preposition_before(tokens: Tokens, index: int) -> int | None:
    """Where the preposition before the words that modify the event's name is, if one is near."""
    for position in range(index - 1, max(index - 5, -1), -1):
        word = tokens.lower[position]
        if word in words.OBJECT_PREPOSITIONS:
            return position
        if not _modifier(tokens, position):  # "the inquiry into the London bombings"
            return None
    return None


def _modifier(tokens: Tokens, position: int) -> bool:
    word = tokens.lower[position]
    return word in words.ARTICLES or word in words.DETERMINER_WORDS or is_possessive(word) or word.isdigit() or tokens.capitalised(position)


def _without_weekday(between: list[str]) -> list[str]:
    """'on Sunday, 9 February', 'on Friday 5 May': a day of the week (and its comma) belong to the date."""
    if len(between) >= 2 and between[-1] == "," and between[-2] in words.WEEKDAYS:
        return between[:-2]
    if between and between[-1] in words.WEEKDAYS:
        return between[:-1]
    return between


def _without_aside(between: list[str]) -> list[str]:
    """'the Tokyo Olympics, postponed by a year because of the pandemic, will now open on': a
    participle set off by commas, after which the event's own verb goes on, is passed over."""
    if len(between) < 4 or between[0] != "," or not _participle(between[1]) or "," not in between[2:]:
        return between
    closing = between.index(",", 2)
    following = between[closing + 1] if closing + 1 < len(between) else ""
    if following in words.AUXILIARIES or following in words.TIMING_VERBS or following in words.OPENING_VERBS or following in words.CLOSING_VERBS:
        return between[closing + 1 :]
    return between


def _participle(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and word.isalpha()


def _apposition(word: str) -> bool:
    """A word opening a clause about the event after a comma: 'which', 'held', 'delivered', 'run'."""
    return word in words.EVENT_APPOSITION or _participle(word)


def _attaches_after(tokens: Tokens, event: Span, between: list[str], range_of_days: bool) -> bool:
    """A date after an event mention: see link_event_dates."""
    between = _without_weekday(between)
    if between in ([",", "on"], [",", "in"]) or (range_of_days and between == [",", "from"]):
        return True  # "The King's coronation, on Friday 6 May 2023,", "World Youth Day, from 1 to 6 August 2023,"
    part_of_a_day = between[-1:] == ["of"] and any(word in ("on", "in") for word in between[1:3]) and all(
        word in _PART_OF_A_DAY for word in between[1:-1]
    )
    if between[:1] == [","] and len(between) > 3 and part_of_a_day:
        return True  # "the attack on the supermarket, in the small hours of March 1,", ", early on the morning of 3 May,"
    relative = bool(between) and (between[0] in words.RELATIVE_PRONOUNS or (len(between) > 1 and between[0] == "," and _apposition(between[1])))
    last = tokens.index_at_or_after(event.end) - 1  # the token the mention ends in: "budget's"
    possessive = last >= 0 and is_possessive(tokens.texts[last]) and tokens.ends[last] - event.end <= 2  # "the mini-budget's tax cuts"
    if not relative and (possessive or _object_of_another_noun(tokens, tokens.index_at_or_after(event.start))):
        return all(word in ("on", "of", "in", ",") for word in between)  # "registration for the marathon opens on 2 May"
    between = _without_aside(between)
    apposition = False
    if between[:1] and between[0] in words.RELATIVE_PRONOUNS:
        between = between[1:]  # "the Australian Open which begins on 17 January"
    for position, word in enumerate(between):
        following = between[position + 1] if position + 1 < len(between) else ""
        if word == "," and following in words.SCHEDULE_ADVERBS and position + 2 < len(between):
            following = between[position + 2]  # "the swearing-in, now scheduled for March 1,"
        if word == "for" and position > 0 and between[position - 1] in words.SCHEDULING:
            continue  # "scheduled for March 1": the day planned for the event itself
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


def day_of_the_event(tokens: Tokens, event: Span, date: Span, when: DateWindow) -> DateWindow:
    """The days of an event a date linked to it may be: its first day after an opening verb
    ("the Olympics will now open on 24 July"), its last after a closing one ("the Games close on
    8 August"), any of them otherwise. The verb nearest the date, between the two, decides. A
    night runs into the next day: "the night of 28 February" may be an event of 1 March; and
    early hours set off after the event ("Leave won the referendum, in the early hours of 24
    June,") may be those after a day's event, as its result; not after an event that is the
    sentence's subject ("The fire, in the early hours of 15 June 2017, killed 72"), nor in a clause
    on it ("the fire, which broke out in the early hours of 15 June"): those are its own hours."""
    days = _first_or_last_day(tokens, event, date, when)
    index = tokens.index_at_or_after(date.start)
    part_of_a_day = tokens.lower[max(index - 2, 0) : index]
    if part_of_a_day == ["night", "of"]:
        return DateWindow(days.start - _A_DAY, days.end)
    between = tokens.lower[tokens.index_at_or_after(event.end) : index] if event.end <= date.start else []
    set_off = between[:1] == [","] and all(word in _PART_OF_A_DAY for word in between[1:-1])
    if part_of_a_day == ["hours", "of"] and set_off and not _opens_its_sentence(tokens, event):
        return DateWindow(days.start, days.end + _A_DAY)
    return days


def _opens_its_sentence(tokens: Tokens, event: Span) -> bool:
    """Whether the event's mention opens its sentence, after an article at most: its subject."""
    index = tokens.index_at_or_after(event.start)
    index -= index > 0 and tokens.lower[index - 1] in words.ARTICLES
    return index == 0 or tokens.lower[index - 1] in (".", "!", "?", ":", '"', "“", "”")


def _first_or_last_day(tokens: Tokens, event: Span, date: Span, when: DateWindow) -> DateWindow:
    if when.start == when.end or date.start < event.end:
        return when
    between = tokens.lower[tokens.index_at_or_after(event.end) : tokens.index_at_or_after(date.start)]
    for word in reversed(between):
        if word in words.OPENING_VERBS:
            return DateWindow(when.start, when.start)
        if word in words.CLOSING_VERBS:
            return DateWindow(when.end, when.end)
    return when
