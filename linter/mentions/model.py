"""What the mention stage finds, and the analysis of one document that rules read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from linter.dates import DateWindow
from linter.facts.model import FactBase, Office
from linter.facts.temporal import Claim
from linter.figures import NumberMention
from linter.segment.quotes import Quotation
from linter.segment.tokens import Tokens
from linter.source.document import Document, Span


@dataclass(frozen=True)
class NameMention:
    """A name in the text, and the entities it may refer to."""

    span: Span
    first: int  # token indices [first, last)
    last: int
    candidates: frozenset[str]  # entity ids this name may refer to
    entity: str | None  # the one it does refer to, when that is certain
    possessive: bool = False
    # Right after another capitalised word ("Newcastle United" when only "United" is known):
    # probably part of a longer name the facts do not know. A title before it does not count.
    embedded: bool = False
    # Written after a title its declared name begins with ("Pope Francis", an alias of Francis,
    # who was pope): the mention is "Francis", and the title is a style the name keeps for life.
    styled: bool = False


@dataclass(frozen=True)
class TitleMention:
    """A title in the text, and the offices it may name."""

    span: Span
    first: int
    last: int
    offices: frozenset[str]
    possessive: bool = False
    # A title of one word ("President", "Governor") or of words every country's offices use
    # ("Prime Minister", "opposition leader"): it names no owner of its own.
    generic: bool = False

    @property
    def one_word(self) -> bool:
        """"President", "Governor": used by parties, banks and companies as well as countries."""
        return self.last - self.first == 1

    def offices_for(self, facts: FactBase, person: str, organizations: frozenset[str] | None) -> list[Office]:
        """The offices this title means when given to ``person`` (``FactBase.offices_for``)."""
        return facts.offices_for(self.offices, person, organizations, self.generic, self.one_word)


@dataclass(frozen=True)
class OfficeClaim:
    """A statement that a person holds (or held) an office: "Prime Minister Rishi Sunak".

    Each way of reading it is a value: who (``name``), which office (``title`` and the
    ``organizations`` written with it), what is claimed (``claim``: holds, held before, held
    then), when (``times``: every time the sentence may speak of, see linking/claim_time.py), in
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
    """A written date, as precise as the text gives it (a year may be missing)."""

    span: Span
    month: int
    day: int  # the last day of a range ("3-4 October": 4)
    year: int | None
    first_day: int | None = None  # the first day of a range ("3-4 October": 3), else None

    @property
    def days_of_month(self) -> range:
        return range(self.first_day or self.day, self.day + 1)

    def days_in(self, year: int) -> DateWindow:
        """The days it names in ``year``."""
        return DateWindow(dt.date(year, self.month, self.first_day or self.day), dt.date(year, self.month, self.day))

    def agrees_with(self, when: DateWindow) -> bool:
        """Whether this date may be a day of ``when`` (a range: whether they share a day); a date
        without a year agrees with any day of the same month and day ("the 7 July bombings", an
        anniversary, a yearless schedule)."""
        if self.year:
            written = self.days_in(self.year)
            return written.start <= when.end and when.start <= written.end
        return any(day.month == self.month and day.day in self.days_of_month for day in when.days())

    def candidates(self, window: DateWindow, ahead: bool = False) -> list[dt.date]:
        """The days this may mean: its own year, else the window's years and the one before (``ahead``: after)."""
        years = [self.year] if self.year else range(window.start.year - (not ahead), window.end.year + 1 + ahead)
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
    """Words that name an event of the facts."""

    span: Span
    event: str


# -- quantities (issue 15): figures in the copy (linter/figures.py: NumberMention) and the measures they are given for ---


@dataclass(frozen=True)
class MeasureMention:
    """Words naming a measure the facts record figures of ("inflation", "Ukraine's population"):
    the quantity facts whose ``mentions`` match them."""

    span: Span
    quantities: frozenset[str]


@dataclass(frozen=True)
class AttributedQuote:
    """A quotation, who the article says spoke it, and the title it gives them."""

    quotation: Quotation
    speaker: NameMention | None
    speaker_claim: OfficeClaim | None  # the title the article gives the speaker


class Analysis:
    """Everything the pipeline knows about one document; the input of every rule.

    The document, its facts and date window are given; the other fields are filled by the
    extractors a run needs (linter/analysis.py). Reading a field no extractor filled is a rule
    kind reading what it did not declare in ``needs``, and fails loudly instead of giving an
    empty list that would silently hide findings.
    """

    sentences: list[Span]
    capitals: list[Span]  # lines written all in capitals (headlines)
    tokens: Tokens
    quotations: list[Quotation]
    names: list[NameMention]
    titles: list[TitleMention]
    dates: list[DateMention]
    times: list[TimeExpression]  # dates, months, years and decades with a year
    claims: list[OfficeClaim]
    events: list[EventMention]
    event_dates: dict[Span, tuple[DateMention, ...]]  # the dates dating each event mention
    quotes: list[AttributedQuote]
    numbers: list[NumberMention]  # figures, outside dates and times
    figure_times: list[TimeExpression]  # the times, and months without a year ("in March", "last month")
    measures: list[MeasureMention]  # words naming a measure of the quantity facts, in sentences with a figure
    event_names: list[EventMention]  # issue 15: events named anywhere, for relations ("the summit was held in Paris")

    def __init__(self, document: Document, facts: FactBase, window: DateWindow) -> None:
        self.document, self.facts, self.window = document, facts, window
        self.failures: list[str] = []  # what could not be analysed (a pattern that timed out)

    def __getattr__(self, name: str):
        """Only called for an attribute that was never set."""
        if name in Analysis.__annotations__:
            raise AttributeError(f"the analysis has no '{name}': it was not extracted; the rule kind that reads it must list it in `needs`")
        raise AttributeError(name)

    def text(self, span: Span) -> str:
        return self.document.text[span.start : span.end]
