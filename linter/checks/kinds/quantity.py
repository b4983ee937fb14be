"""``kind: quantity``: a figure given for a measure must agree with the facts for the time spoken of (issue 15).

Parameters (declared in ``params``): ``patterns``, regular expressions with two typed slots, ``{measure}`` (words naming a
measure the facts record: a quantity fact's ``mentions``) and ``{number}`` (a figure as written:
"2.6%", "£1.2bn", "more than 40 million", "a third"); and ``ignore_case`` (default false: the slots
match the words as this document writes them whatever the flag, and a pattern compiled to ignore
case costs ten times as much to compile, once per document that names a measure). Text a
pattern writes after ``{number}`` is allowed ("{number} million people", "{number}%"): the figure
is read in full as written. A newsroom adds a check of another measure with facts and, at most,
another pattern; the slots are the same for every measure.

A figure is reported only when every reading agrees that it is wrong:

* **binding**: one measure (a name and subject: see ``_measure``) and a figure in its unit;
  otherwise nothing. A measure whose facts give a ``subject`` binds only where the sentence names
  it; a qualifier written with the measure ("US inflation", "Japan's discount rate", "inflation in
  France") must be the subject; a compound modifier before it ("long-term interest rates") or
  "for"/"on" after it ("the discount rate for two-month bills") makes it another measure;
* **whose words**: a figure inside a quotation is the speaker's; a figure in a sentence that
  hedges, plans, forecasts or negates ("could", "expected", "target", "if", "not") is no claim,
  but "as expected", "as forecast" say the act happened as foreseen;
* **time**: the times written in the figure's clause, read as title claims' are
  (linking/claim_time.py), with months written without a year ("in March", "last month"); with
  none, the year of the one census the sentence names ("According to the 2020 census, Sapporo
  had ..."), else the article's date. A figure for a period is checked only at that period; one in force
  over days, on every day of the time. Where the facts give no value for a time, nothing is said;
  a figure true at any time the sentence may speak of is right;
* **value**: the facts' value, give or take its tolerance, must fall within the figure as written
  (rounded at its last digit, with its bound: "more than 40 million" is true of 41 million).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from typing import Any

import regex

from linter.cache import regexes as kept_regexes
from linter.checks.describe import figure, join, tolerance
from linter.checks.kinds.base import Kind, Match, search_blocks
from linter.dates import DateWindow
from linter.facts.model import Quantity
from linter.fields import Boolean, Field, Regex, Texts
from linter.linking.claim_time import TimeLinker
from linter.mentions.model import Analysis, MeasureMention, NumberMention
from linter.mentions.vocabulary import AREA_NOUNS, AUXILIARIES, MONTHS, OPENING_TIME_WORDS, ORGANISATION_NOUNS, SPEECH_VERBS, WEEKDAYS
from linter.source.document import Span
from linter.user_regex import BadRegex, cached_user_regex, document_regex

SLOTS = ("measure", "number")
_SLOT = kept_regexes.compile(r"(?<!\\)\{(" + "|".join(SLOTS) + r")\}")
PLACEHOLDERS = frozenset({"match", "measure", "subject", "written", "value", "record", "date", "tolerance", "margin", "source"})
# Words that make a figure no claim about what the measure was: a condition, a plan, a forecast.
HEDGES = frozenset(
    """if unless whether would could might should will shall 'll ’ll expect expects expected expecting expectation expectations
    forecast forecasts forecasting forecasters predict predicts predicted prediction predictions project projects projected
    projection projections target targets targeted targeting aim aims aiming goal seen likely unlikely estimate estimates
    estimated hope hopes hoped want wants wanted plan plans planned propose proposes proposed poll consensus
    vote votes voted voting call calls called calling urge urges urged favour favours favoured favor favors favored""".split()
)
NEGATIONS = frozenset({"not", "n't", "never", "no", "nor"})
_OWN_MEASURE_AFTER = frozenset({"for", "on"})  # "the discount rate for two-month bills": another rate
_INSTRUMENTS = frozenset("certificates accounts paper notes securities credit debt".split())
# Right before the words naming a measure, a word that makes it another measure: "house price
# inflation", "mortgage rates", "core inflation", "monthly inflation".
OTHER_MEASURE = frozenset(
    """mortgage mortgages savings saving deposit deposits lending borrowing loan loans bond bonds market money real nominal
    core underlying food energy fuel house housing home wage wages pay earnings services goods producer retail wholesale
    fixed variable tracker overnight interbank commercial bill bills swap swaps average asset price prices tax
    monthly quarterly weekly daily regional nationwide national urban rural metropolitan""".split()
)
# After "in" or "of" following a measure, words of time, not of whose measure it is ("inflation in the year to March").
_TIME_WORDS = frozenset(
    """year years month months quarter quarters week weeks first second third fourth last past previous latest recent
    twelve 12 three six period""".split()
)
_QUALIFIER_PREPOSITIONS = frozenset({"in", "of"})
# After a place's possessive, nouns of another place in it: "Bulgaria's second city", "Ukraine's capital".
_PLACE_NOUNS = frozenset(
    "city cities capital town village port region province state county district island suburb borough municipality country nation".split()
)
_MOST_PLACE_PHRASE_WORDS = 5  # "Bulgaria's second - largest city"
# Opening an appositive that gives a figure of the name before it: "Rosario, home to ...", "Britain, with a population of".
_APPOSITIVE_HEADS = frozenset({"home", "with"})
# In a phrase set off at the end of a sentence, what makes a census its figures' source: "..., the census of 2011 found".
_SOURCE_VERBS = frozenset("found finds find show shows showed shown counted counts recorded records according".split())


def expand(pattern: str, forms: dict[str, tuple[str, ...]]) -> str:
    """Each slot as a named group of the surface forms this document has of it (longest first)."""

    def replace(match: regex.Match) -> str:
        slot = match.group(1)
        body = "|".join(regex.escape(form) for form in sorted(forms.get(slot, ()), key=len, reverse=True)) or "(?!)"
        return rf"(?<!\w)(?P<{slot}>{body})(?!\w)"  # \w, not [\p{{L}}\p{{N}}]: 17 ms less to compile, ignoring case

    return _SLOT.sub(replace, pattern)


class SlotPattern(Regex):
    """A regex with the slots ``{measure}`` and ``{number}``, each once."""

    def __init__(self) -> None:
        super().__init__(described="a regex with a `{measure}` and a `{number}` slot, each once")

    def compiled_form(self, pattern: str) -> str:
        return expand(pattern, {})

    def problem(self, pattern: str, key: str, what: str) -> str | None:
        if sorted(_SLOT.findall(pattern)) != sorted(SLOTS):
            return f"pattern {pattern!r} in {what} must hold {{measure}} and {{number}}, each once"
        try:
            cached_user_regex(self.compiled_form(pattern), self.flags)
        except BadRegex as error:
            return f"pattern {pattern!r} in {what} is not a valid regex: {error}"
        return None

    def example(self) -> str:
        return "{measure} (?:was|is) {number}"


class QuantityCheck(Kind):
    name = "quantity"
    summary = "A figure given for a measure must agree with the facts' value for the time the sentence speaks of."
    needs = frozenset({"measures", "numbers", "figure_times", "names", "quotations", "tokens", "sentences"})
    params = (
        Field(
            "patterns",
            Texts(SlotPattern(), at_least_one="pattern"),
            "Where the copy gives a figure of a measure: `{measure}` binds words naming a measure the facts record (a "
            "quantity's `mentions`), `{number}` a figure as written (\"2.6%\", \"more than 40 million\"); text after "
            "`{number}` is allowed (`{number} million people`).",
            required=True,
        ),
        Field(
            "ignore_case", Boolean(), "Match the patterns whatever the case (the slots match the words as the document writes them).", default=False
        ),
    )

    def __init__(self, params: dict[str, Any]) -> None:
        self.patterns: tuple[str, ...] = params["patterns"]
        self.flags = regex.VERSION1 | (regex.IGNORECASE if params["ignore_case"] else 0)

    def placeholders(self) -> frozenset[str]:
        return PLACEHOLDERS

    def check(self, analysis: Analysis) -> Iterator[Match]:
        if not analysis.measures or not self.patterns:
            return
        measures = {mention.span: mention for mention in analysis.measures}
        numbers = {start: number for number in analysis.numbers for start in {number.span.start, number.core}}
        prose = analysis.document.prose
        forms = {
            "measure": tuple(sorted({analysis.text(span) for span in measures})),
            "number": tuple(sorted({prose[start:cut] for start, n in numbers.items() for cut in n.cuts})),
        }
        reader = _Reader(analysis)
        reported: set[Span] = set()
        for pattern in self.patterns:
            for found in search_blocks(document_regex(expand(pattern, forms), self.flags), analysis):
                measure = measures.get(Span(found.start("measure"), found.end("measure")))
                number = numbers.get(found.start("number"))
                if measure is None or number is None or number.span in reported or found.end("number") > number.span.end:
                    continue
                match = reader.verdict(measure, number)
                if match is not None:
                    reported.add(number.span)
                    yield match


class _Reader:
    """Reads the figures of one document: binding, whose words, time, value (see the module)."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis, self.facts, self.tokens = analysis, analysis.facts, analysis.tokens
        self.linker = TimeLinker(analysis.tokens, analysis.figure_times, analysis.window)
        self.sentence_starts = [sentence.start for sentence in analysis.sentences]
        self.quoted = sorted(quotation.inner for quotation in analysis.quotations)
        self.names_ending = {name.last: name for name in analysis.names}
        self.names_starting = {name.first: name for name in analysis.names}
        self.figure_starts = {number.span.start for number in analysis.numbers}

    def verdict(self, measure: MeasureMention, number: NumberMention) -> Match | None:
        analysis = self.analysis
        claim = Span(min(measure.span.start, number.span.start), max(measure.span.end, number.span.end))
        floor, ceiling = self._sentence(claim)
        if floor is None or ceiling is None or self._quoted(claim) or self._hedged(claim, measure.span, floor, ceiling):
            return None
        figures = self._measure(measure, floor, ceiling)
        if not figures or not _in_unit(number, figures[0], analysis.document.prose):
            return None
        time = self.linker.link(claim, floor, ceiling)
        readings = time.written or self._census(floor, ceiling, self.tokens.index_at_or_after(claim.start)) or (analysis.window,)
        used: list[tuple[DateWindow, list[Quantity]]] = []
        for reading in readings:
            against = _values(figures, reading)
            if against is None or any(number.agrees_with(q.value, q.tolerance) for q in against):
                return None  # no value for a time it may speak of, or true at one of them
            used.append((reading, against))
        facts = [q for _, against in used for q in against]
        first = facts[0]
        values = {
            "match": analysis.text(claim),
            "measure": first.name[:1].upper() + first.name[1:],  # it opens a message: "The population of ..."
            "subject": self.facts.name_of(first.subject[0]) if first.subject else "",
            "written": analysis.text(number.span),
            "value": join(list(dict.fromkeys(figure(q.value, q.unit) for q in facts))),
            "record": join(list(dict.fromkeys(f"{figure(q.value, q.unit)} {_when(q, reading)}" for reading, against in used for q in against))),
            "date": join([reading.describe() for reading, _ in used]),
            "tolerance": tolerance(first.tolerance, first.unit),
            "margin": f"tolerance {tolerance(first.tolerance, first.unit)}" if first.tolerance else "no tolerance",
            "source": join(list(dict.fromkeys(q.source for q in facts if q.source))),
        }
        return Match(number.span, values, tuple(sorted({q.id for q in facts})))

    def _census(self, floor: int, ceiling: int, first: int) -> tuple[DateWindow, ...]:
        """'According to the 2020 census, Sapporo had ...', '..., the census of 2011 found': the year of
        a census named as the source of the sentence's figures, in a phrase set off by a comma at its
        head or at its end (with "found", "shows" or the like), the figure (at token ``first``) in the
        rest. Not "has grown to 1.97 million since the 2010 census", nor a census in another clause."""
        low = self.tokens.lower
        floor = self.linker.after_a_label(floor, first)  # "(English summary) According to the 2017 census, ..."
        commas = [index for index in range(floor, ceiling) if low[index] == ","]
        if not commas:
            return ()
        head, tail = range(floor, commas[0]), range(commas[-1] + 1, ceiling)
        if first > commas[0] and low[floor] in ("according", "in", "at"):
            return self._census_year(head)
        if first < commas[-1] and any(low[index] in _SOURCE_VERBS for index in tail):
            return self._census_year(tail)
        return ()

    def _census_year(self, phrase: range) -> tuple[DateWindow, ...]:
        """The year of the one census the phrase names ("the 2020 census", "the census of 2011"), not after "since"."""
        low, years = self.tokens.lower, self.linker.years
        if any(low[index] == "since" for index in phrase):
            return ()
        named = {
            years[index]
            for index in phrase
            if low[index] == "census"
            for index in (index - 1, index + 2)
            if index in phrase and index in years and (low[index - 1] in ("of", "in") or low[index + 1] == "census")
        }
        return (DateWindow.of_year(named.pop()),) if len(named) == 1 else ()

    def _sentence(self, span: Span) -> tuple[int | None, int | None]:
        """The token range of the sentence holding ``span``; (None, None) when it crosses sentences."""
        sentences = self.analysis.sentences
        index = bisect.bisect_right(self.sentence_starts, span.start) - 1
        if index < 0 or sentences[index].end < span.end:
            return None, None
        return self.tokens.index_at_or_after(sentences[index].start), self.tokens.index_at_or_after(sentences[index].end)

    def _quoted(self, span: Span) -> bool:
        return any(inner.start <= span.start < inner.end or inner.start < span.end <= inner.end for inner in self.quoted)

    def _hedged(self, claim: Span, measure: Span, floor: int, ceiling: int) -> bool:
        """A condition, plan or forecast in the sentence up to just after the figure; a negation in the claim.
        The measure's own words are not one ("per cent of the vote" names a share, not a ballot to come)."""
        tokens = self.tokens
        first, last = tokens.index_at_or_after(claim.start), tokens.index_at_or_after(claim.end)
        own = range(tokens.index_at_or_after(measure.start), tokens.index_at_or_after(measure.end))
        for index in range(floor, min(last + 3, ceiling)):
            if index in own:
                continue
            word = tokens.lower[index]
            if word in HEDGES and not (word == "may" and tokens.texts[index] != "may") and not self._as_expected(index):
                return True
            if first <= index < last and word in NEGATIONS:
                return True
        return False

    def _as_expected(self, index: int) -> bool:
        """'cut rates to 4.75%, as expected', 'as forecast': the act happened as foreseen; no hedge."""
        word = self.tokens.lower[index]
        return index > 0 and self.tokens.lower[index - 1] == "as" and (word.endswith("ed") or word == "forecast")

    def _measure(self, measure: MeasureMention, floor: int, ceiling: int) -> list[Quantity] | None:
        """The figures of the one measure these words name in this sentence, or None.

        A qualifier written with the words (a name or capitalised word right before them, or "in"
        or "of" and a name right after) says whose measure it is: it must be the subject. Otherwise
        a measure with a subject needs the subject named in the sentence: the nearest organisation or
        place named before the words, else the only one named in the sentence."""
        tokens, facts = self.tokens, self.facts
        first, last = tokens.index_at_or_after(measure.span.start), tokens.index_at_or_after(measure.span.end)
        if first - 2 >= floor and tokens.texts[first - 2] == "-" and tokens.lower[first - 1].isalpha():
            return None  # "long-term interest rates", "one-month rate"
        if last < ceiling and tokens.lower[last] in _OWN_MEASURE_AFTER and any(
            word == "-" or word in OTHER_MEASURE or word in _INSTRUMENTS for word in tokens.lower[last + 1 : min(last + 4, ceiling)]
        ):
            return None  # "the discount rate for two-month commercial bills", "the rate on savings"
        if first - 1 >= floor and tokens.lower[first - 1] in OTHER_MEASURE:
            return None  # "house price inflation", "mortgage rates"
        written = self._qualifier(first, last, floor, ceiling)
        if written == "":
            return None  # qualified by something the facts do not know
        named = self._named(floor, ceiling, first)
        by_measure: dict[tuple[str, tuple[str, ...]], list[Quantity]] = {}
        for quantity_id in sorted(measure.quantities):
            quantity = facts.quantities[quantity_id]
            subjects = quantity.subject
            if written is not None and written not in subjects:
                continue
            if written is None and subjects and named not in subjects:
                continue
            by_measure.setdefault(quantity.measure, []).append(quantity)
        if len(by_measure) != 1:
            return None  # no measure, or several the words may mean
        (figures,) = by_measure.values()
        return sorted(figures, key=lambda q: q.start)

    def _qualifier(self, first: int, last: int, floor: int, ceiling: int) -> str | None:
        """The entity written with the measure ("UK inflation", "Japan's discount rate", "inflation in
        France"); "" when it is some word the facts do not know ("US inflation" with no US); None: none."""
        tokens = self.tokens
        before = self.names_ending.get(first)
        if before is not None and before.first >= floor:
            return before.entity or ""
        if first - 1 >= floor and self._capitalised(first - 1, floor):
            return ""
        index = last + (last < ceiling and tokens.lower[last] in _QUALIFIER_PREPOSITIONS)
        if index > last and index < ceiling and tokens.lower[index] == "the" and index not in self.names_starting:
            index += 1  # "inflation in the eurozone"; but "the Yukon" may be the name itself
            kind_of_place = index + 2 < ceiling and tokens.lower[index] in ORGANISATION_NOUNS and index not in self.names_starting
            if kind_of_place and tokens.lower[index + 1] == "of":
                index += 2  # "residents in the city of São Paulo": the name after "of"
        if index > last and index < ceiling and tokens.starts[index] not in self.figure_starts:
            after = self.names_starting.get(index)
            if after is not None:
                if after.last < ceiling and tokens.lower[after.last] in AREA_NOUNS:
                    return ""  # "people in the Whitehorse area": another place than the one named
                return after.entity or ""
            word = tokens.lower[index]
            if self._capitalised(index, floor) or (word.isalpha() and word not in _TIME_WORDS and tokens.texts[index] not in MONTHS):
                return ""  # "inflation in France", "inflation in the eurozone", "rates in line with"
        return None

    def _capitalised(self, index: int, floor: int) -> bool:
        """A capitalised word that may be a name: not one opening the sentence (unless in capitals: "US")."""
        text = self.tokens.texts[index]
        if not text[:1].isupper() or index in self.tokens.shouted or text in MONTHS or text.lower() in WEEKDAYS:
            return False
        return index > floor or (len(text) > 1 and text.isupper())

    def _named(self, floor: int, ceiling: int, first: int) -> str | None:
        """The organisation or place the sentence names as the measure's: the nearest before it, else
        the only one. In an appositive (", home to 948,000 inhabitants in 2010,", ", with a
        population of"), only the name it is set off from, opening the sentence; names inside an
        appositive after the sentence's opening name ("Plovdiv, a city in southern Bulgaria, had")
        and a place's possessive before another place ("Bulgaria's second city", "Ukraine's capital
        had") are not whose measure it is ("Norway's central bank held its key rate" is Norway's)."""
        entities = self.facts.entities
        named = [
            name for name in self.analysis.names
            if floor <= name.first < ceiling and name.entity is not None and entities[name.entity].type in ("organization", "place")
        ]
        comma = self._appositive_comma(floor, first)
        if comma is not None:
            owner = self.names_ending.get(comma)
            return owner.entity if owner is not None and owner in named and self._opens_the_sentence(floor, owner.first) else None
        opener = next((name for name in named if name.first == floor and not name.possessive), None)
        closing = self._closing_comma(opener.last, first) if opener is not None else None
        named = [
            name for name in named
            if not (closing is not None and opener is not None and opener.last < name.first < closing)
            and not (name.possessive and self._possesses_a_place(name.last, ceiling))
        ]
        before = [name for name in named if name.last <= first]
        if before:
            return before[-1].entity
        found = {name.entity for name in named}
        return found.pop() if len(found) == 1 else None

    def _opens_the_sentence(self, floor: int, index: int) -> bool:
        """Whether the token at ``index`` opens the sentence, after a time at most ("In 2015 Gwangju, with ...")."""
        return all(word in OPENING_TIME_WORDS or word.isdigit() for word in self.tokens.lower[floor:index])

    def _appositive_comma(self, floor: int, first: int) -> int | None:
        """The comma opening an appositive that holds the measure (", home to", ", with"), if it does."""
        low, tokens = self.tokens.lower, self.tokens
        # Not the comma inside a figure ("114,000"): one with no space after it.
        comma = next((i for i in range(first - 1, floor - 1, -1) if low[i] == "," and tokens.starts[i + 1] > tokens.ends[i]), None)
        return comma if comma is not None and comma + 1 < first and low[comma + 1] in _APPOSITIVE_HEADS else None

    def _closing_comma(self, opening: int, first: int) -> int | None:
        """The comma that closes an appositive opened at ``opening``, before the measure at ``first``."""
        low = self.tokens.lower
        if opening >= first or low[opening] != ",":
            return None
        return next((index for index in range(opening + 1, first) if low[index] == ","), None)

    def _possesses_a_place(self, index: int, ceiling: int) -> bool:
        """Whether the phrase a possessive opens at ``index`` is headed by a place noun ("second-largest
        city," "capital had", "Kharkiv region had"), not one that only modifies another ("capital
        markets", "state pension")."""
        low = self.tokens.lower
        for position in range(index, min(index + _MOST_PLACE_PHRASE_WORDS, ceiling)):
            word = low[position]
            if not (word.isalpha() or word == "-"):
                return False  # capitalised words may be in it: "Ukraine's Kharkiv region had"
            following = low[position + 1] if position + 1 < ceiling else "."
            if not (following.isalpha() or following == "-") or following in AUXILIARIES or following in SPEECH_VERBS or following.endswith("ed"):
                return word in _PLACE_NOUNS  # the phrase's last word, before punctuation or its verb
        return False


def _in_unit(number: NumberMention, quantity: Quantity, prose: str) -> bool:
    """Whether the figure is written in the quantity's unit (a named unit is written after it)."""
    unit = quantity.unit
    if unit == "percent":
        return number.unit == "%"
    if unit == "count":
        return number.unit is None
    if len(unit) == 3 and unit.isupper():
        return number.unit == unit
    if number.unit is not None:
        return False
    following = prose[number.span.end : number.span.end + len(unit) + 2].lower().lstrip()
    word = unit.split()[0]
    return following.startswith(word) or (word.endswith("s") and following.startswith(word[:-1]))


def _values(figures: list[Quantity], reading: DateWindow) -> list[Quantity] | None:
    """The figures that give the measure's value for a time; None when the facts do not cover all of it.

    A figure for a period answers only for that period; figures in force over days must cover
    every day of the time (a day with no value would be a day the copy may be right)."""
    if figures[0].period:
        same = [q for q in figures if (q.start, q.end) == (reading.start, reading.end)]
        return same or None
    covering = [q for q in figures if q.start <= reading.end and (q.end is None or q.end >= reading.start)]
    day = reading.start
    for quantity in covering:  # sorted by their first day
        if quantity.start > day:
            return None  # a gap
        if quantity.end is None or quantity.end >= reading.end:
            return covering
        day = max(day, quantity.end + dt.timedelta(days=1))
    return None


def _when(quantity: Quantity, reading: DateWindow) -> str:
    """The days a figure is given for, as far as the time spoken of: 'in March 2025', 'from 5 August 2004 to 3 August 2005'."""
    if quantity.period:
        return quantity.when.describe()
    start, end = max(quantity.start, reading.start), min(quantity.end or reading.end, reading.end)
    return DateWindow(start, end).describe()

