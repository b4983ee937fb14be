"""``kind: quote``: direct quotations checked against who said them, and when.

Parameter ``check`` selects one of:

* ``anachronism``: a titled mention inside the quote ("President Trump") must
  have been possible while the speaker held the title the article gives them;
  their tenures must overlap (on or before the document's date).
* ``speaker``: a quotation that matches a canonical quote in the facts must be
  attributed to that quote's speaker.
* ``wording``: a quotation that matches a canonical quote must keep its words;
  ``...`` elisions, ``[bracketed]`` insertions and partial quotes are allowed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from linter.checks.describe import join, tenures
from linter.checks.kinds.base import Kind, Match
from linter.dates import long_date
from linter.facts.model import Quote
from linter.facts.temporal import Claim, Truth, held_by_then, tenures_overlap
from linter.facts.wording import another_rendering, wording_changes
from linter.fields import Choice, Field, Texts
from linter.linking.claim_time import speaks_of_the_past
from linter.mentions.model import Analysis, AttributedQuote, OfficeClaim

_PLACEHOLDERS = {
    "anachronism": frozenset(
        {"speaker", "speaker_title", "speaker_office", "speaker_tenures", "person", "title", "office", "tenures", "date"}
    ),
    "speaker": frozenset({"speaker", "recorded_speaker", "quote_date", "quote"}),
    "wording": frozenset({"speaker", "recorded_speaker", "quote_date", "quote", "changes"}),
}


class QuoteCheck(Kind):
    name = "quote"
    summary = "Direct quotations: who said them, whether they could have said them then, and their exact words."
    needs = frozenset({"quotes", "claims", "tokens"})
    params = (
        Field(
            "check",
            Choice(list(_PLACEHOLDERS), unknown="quote check"),
            "`anachronism`: titled mentions inside a quotation against the speaker's tenure; "
            "`speaker`: canonical quotes attributed to someone else; `wording`: canonical quotes with changed words.",
            required=True,
        ),
        Field(
            "small_words",
            Texts(),
            "`wording` only: words whose adding or dropping alone is no change (\"the\", \"and\": transcripts of one remark differ so).",
            default=(),
        ),
    )

    def __init__(self, params: dict[str, Any]) -> None:
        self.check_name: str = params["check"]
        self.small_words = frozenset(word.lower() for word in params["small_words"])

    def placeholders(self) -> frozenset[str]:
        return _PLACEHOLDERS[self.check_name]

    def check(self, analysis: Analysis) -> Iterator[Match]:
        if self.check_name == "anachronism":
            claims = sorted(analysis.claims, key=lambda claim: claim.span.start)
            starts = [claim.span.start for claim in claims]
            for quote in analysis.quotes:
                inner = quote.quotation.inner
                inside = claims[bisect.bisect_left(starts, inner.start) : bisect.bisect_left(starts, inner.end)]
                yield from self._anachronisms(analysis, quote, inside)
            return
        index = analysis.facts.quote_index
        for quote in analysis.quotes:
            source = index.source_of(analysis.text(quote.quotation.inner))
            if source is not None:
                yield from self._against_source(analysis, quote, source)

    def _anachronisms(self, analysis: Analysis, quote: AttributedQuote, claims: list[OfficeClaim]) -> Iterator[Match]:
        """The titled mentions among ``claims`` (those starting inside the quotation) that the speaker could not have made."""
        said_as = quote.speaker_claim
        if said_as is None or said_as.claim is not Claim.CURRENT or said_as.person is None:
            return
        facts, inner = analysis.facts, quote.quotation.inner
        speaker_offices = said_as.title.offices_for(facts, said_as.person, said_as.organizations)
        for mentioned in claims:
            if not inner.contains(mentioned.span) or mentioned.claim is not Claim.CURRENT or mentioned.person is None:
                continue
            offices = mentioned.title.offices_for(facts, mentioned.person, mentioned.organizations)
            pairs = [(s, o) for s in speaker_offices for o in offices]
            # A past-tense clause may speak of an earlier time: then it is enough that the other
            # had held the office by the end of the speaker's tenure.
            possible = held_by_then if speaks_of_the_past(analysis.tokens, mentioned.span, inner) else tenures_overlap
            if not pairs or any(
                possible(s.tenures_of(said_as.person), o.tenures_of(mentioned.person), analysis.window.end).truth is not Truth.FALSE
                for s, o in pairs
            ):
                continue
            speaker_office, office = pairs[0]
            yield Match(
                mentioned.span,
                {
                    "speaker": facts.name_of(said_as.person),
                    "speaker_title": analysis.text(said_as.title.span),
                    "speaker_office": speaker_office.name,
                    "speaker_tenures": tenures(speaker_office, said_as.person),
                    "person": facts.name_of(mentioned.person),
                    "title": analysis.text(mentioned.title.span),
                    "office": office.name,
                    "tenures": tenures(office, mentioned.person),
                    "date": analysis.window.describe(),
                },
                tuple(sorted({speaker_office.id, office.id, said_as.person, mentioned.person})),
            )

    def _against_source(self, analysis: Analysis, quote: AttributedQuote, source: Quote) -> Iterator[Match]:
        facts = analysis.facts
        values = {
            "speaker": facts.name_of(quote.speaker.entity) if quote.speaker and quote.speaker.entity else "nobody",
            "recorded_speaker": facts.name_of(source.speaker),
            "quote_date": long_date(source.date),
            "quote": source.id,
        }
        evidence = (source.id, source.speaker)
        if self.check_name == "speaker":
            if quote.speaker and quote.speaker.entity and quote.speaker.entity != source.speaker:
                yield Match(quote.quotation.span, values, tuple(sorted({*evidence, quote.speaker.entity})))
            return
        written = analysis.text(quote.quotation.inner)
        changes = wording_changes(written, source.text, self.small_words)
        if changes and not another_rendering(changes, written):
            yield Match(quote.quotation.span, {**values, "changes": join([str(c) for c in changes[:3]])}, evidence)

