"""What the mention stage finds, and the analysis of one document that rules read."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from linter.dates import DateWindow
from linter.facts.model import FactBase
from linter.facts.temporal import Claim
from linter.segment.quotes import Quotation
from linter.segment.tokens import Tokens
from linter.source.document import Document, Span


@dataclass(frozen=True)
class NameMention:
    span: Span
    first: int  # token indices [first, last)
    last: int
    candidates: frozenset[str]  # entity ids this name may refer to
    entity: str | None  # the one it does refer to, when that is certain
    possessive: bool = False
    # Right after another capitalised word ("Newcastle United" when only "United" is known):
    # probably part of a longer name the facts do not know. A title before it does not count.
    embedded: bool = False


@dataclass(frozen=True)
class TitleMention:
    span: Span
    first: int
    last: int
    offices: frozenset[str]
    possessive: bool = False


@dataclass(frozen=True)
class OfficeClaim:
    """A statement that a person holds (or held) an office: "Prime Minister Rishi Sunak".

    Each way of reading it is a value: who (``name``), which office (``title`` and the
    ``organizations`` written with it), what is claimed (``claim``: holds, held before, held
    then), when (``times``: every time the sentence may speak of, see mentions/timing.py), in
    which form, and whose words they are (``quoted``: inside a quotation, the speaker's).
    """

    span: Span  # the whole phrase, modifiers included
    name: NameMention
    title: TitleMention
    claim: Claim
    form: str  # "title-name", "name-title", "title-name-appositive", "past-tense"
    organizations: frozenset[str] | None = None  # written with the title ("Microsoft chief executive")
    times: tuple[DateWindow, ...] = ()  # the claim is false only if false at every one of them
    quoted: bool = False  # inside a quotation: the speaker's words, not the article's claim

    @property
    def person(self) -> str | None:
        return self.name.entity


@dataclass(frozen=True)
class DateMention:
    span: Span
    month: int
    day: int
    year: int | None

    def agrees_with(self, when: DateWindow) -> bool:
        """Whether this date may be a day of ``when``: a date without a year agrees with any day
        of the same month and day ("the 7 July bombings", an anniversary, a yearless schedule)."""
        if self.year:
            return dt.date(self.year, self.month, self.day) in when
        return any((day.month, day.day) == (self.month, self.day) for day in when.days())

    def candidates(self, window: DateWindow) -> list[dt.date]:
        """The days this may mean: its own year, else the window's years and the one before."""
        years = [self.year] if self.year else range(window.start.year - 1, window.end.year + 1)
        days = []
        for year in years:
            try:
                days.append(dt.date(year, self.month, self.day))
            except ValueError:
                continue
        return days


@dataclass(frozen=True)
class TimeExpression:
    """A written time with a year: a day, a month, a year or a decade, as a window of days."""

    span: Span
    window: DateWindow


@dataclass(frozen=True)
class EventMention:
    span: Span
    event: str


@dataclass(frozen=True)
class AttributedQuote:
    quotation: Quotation
    speaker: NameMention | None
    speaker_claim: OfficeClaim | None  # the title the article gives the speaker


@dataclass
class Analysis:
    """Everything the pipeline knows about one document; the input of every rule."""

    document: Document
    facts: FactBase
    window: DateWindow
    tokens: Tokens = field(default_factory=Tokens)
    sentences: list[Span] = field(default_factory=list)
    names: list[NameMention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)
    claims: list[OfficeClaim] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)  # dates, months, years and decades with a year
    quotations: list[Quotation] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    event_dates: dict[Span, tuple[DateMention, ...]] = field(default_factory=dict)  # the dates dating each event mention
    quotes: list[AttributedQuote] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # what could not be analysed (a pattern that timed out)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentence_of(self, offset: int) -> Span:
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(index, 0)] if self.sentences else Span(0, len(self.document.text))

    def text(self, span: Span) -> str:
        return self.document.text[span.start : span.end]
