"""``kind: office-holder``: a title given to a person must agree with the tenures.

Parameters: ``claims``, which of the claims the rule checks: ``current``
("Prime Minister X", "X, the prime minister,"), ``former`` ("former Prime
Minister X", "when X was prime minister") and ``earlier`` ("then-Prime Minister
X"). A rule fires only when the claim is false on every day of the document's
date window, or, when the sentence names a past year ("In 1997, Chancellor
Kenneth Clarke said"), at every such year. With ``stale_after_days: N`` the rule
reports instead the claims whose verdict rests on an open tenure of an office
last verified more than N days before the claim's date (the first such claim of
each office in a document): the facts may be out of date. A title written with its
organisation ("Microsoft chief executive") means that organisation's office;
an ambiguous title ("President") means the office(s) with that title the person
held; an unknown person, title or organisation gives no finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.checks.describe import holders, join, record
from linter.checks.kinds.base import Kind, Match
from linter.dates import DateWindow, long_date
from linter.facts.model import Office
from linter.facts.temporal import Claim, Truth, claim_truth, holders_during, open_tenures_verified_before, verified_age
from linter.fields import Choice, Field, Integer, Texts
from linter.mentions.model import Analysis, OfficeClaim

CLAIM_PLACEHOLDERS = frozenset({"text", "person", "title", "office", "date", "holders", "record", "claim"})
STALE_PLACEHOLDERS = CLAIM_PLACEHOLDERS | {"verified", "age"}


def claim_values(analysis: Analysis, claim: OfficeClaim, person: str, office_id: str, windows: tuple[DateWindow, ...]) -> dict[str, str]:
    """Message values describing one claim of office (of ``person``, its person), checked at ``windows``, and the facts about it."""
    facts, office = analysis.facts, analysis.facts.offices[office_id]
    return {
        "text": analysis.text(claim.span),
        "person": facts.name_of(person),
        "title": analysis.text(claim.title.span),
        "office": office.name,
        "date": join([window.describe() for window in windows if not any(_inside(window, other) for other in windows)]),
        "holders": holders(facts, office, windows),
        "record": record(facts, office, person),
        "claim": claim.claim.value,
    }


def _inside(window: DateWindow, other: DateWindow) -> bool:
    """Whether ``window`` lies in ``other`` and is not it: "on 5 March" says nothing "between 19 February and 5 March" does not."""
    return window != other and other.start <= window.start and window.end <= other.end


class OfficeHolder(Kind):
    name = "office-holder"
    summary = "A person named with a title must hold (or, with 'former', have held) that office at the document's date."
    needs = frozenset({"claims"})
    params = (
        Field(
            "claims",
            Texts(Choice([claim.value for claim in Claim], unknown="claim")),
            "Which claims the rule checks: `current` (\"Prime Minister X\"), `former` (\"former Prime Minister X\"), "
            "`earlier` (\"then-Prime Minister X\").",
            default=(Claim.CURRENT.value,),
        ),
        Field(
            "stale_after_days",
            Integer(minimum=0),
            "Report instead the claims resting on an open tenure of an office last verified more than this many days before the claim's date.",
        ),
    )
    fixes = ("unsafe",)  # the real holder is a factual suggestion: a person must confirm it

    def __init__(self, params: dict[str, Any]) -> None:
        self.claims = frozenset(Claim(name) for name in params["claims"] or (Claim.CURRENT.value,))
        self.stale_after = params["stale_after_days"]

    def placeholders(self) -> frozenset[str]:
        return STALE_PLACEHOLDERS if self.stale_after is not None else CLAIM_PLACEHOLDERS

    def check(self, analysis: Analysis) -> Iterator[Match]:
        return self._stale(analysis) if self.stale_after is not None else self._false(analysis)

    def _claims(self, analysis: Analysis) -> Iterator[tuple[OfficeClaim, str, list[Office]]]:
        """The claims this rule checks, each with its person and the offices its title means for that person."""
        for claim in analysis.claims:
            if claim.claim in self.claims and claim.person is not None and not claim.quoted:
                yield claim, claim.person, claim.title.offices_for(analysis.facts, claim.person, claim.organizations)

    def _stale(self, analysis: Analysis) -> Iterator[Match]:
        reported: set[str] = set()
        for claim, person, offices in self._claims(analysis):
            for office in offices:
                if office.id in reported:
                    continue
                tenures = open_tenures_verified_before(claim.claim, office, person, claim.times, self.stale_after)
                if tenures:
                    reported.add(office.id)
                    assert office.verified is not None  # tenures verified before a date imply the office's date
                    values = claim_values(analysis, claim, person, office.id, claim.times)
                    values.update(verified=long_date(office.verified), age=str(verified_age(office, claim.times)))
                    yield Match(claim.span, values, tuple(sorted({office.id, person, *(t.who for t in tenures)})))

    def _false(self, analysis: Analysis) -> Iterator[Match]:
        facts = analysis.facts
        for claim, person, offices in self._claims(analysis):
            windows = claim.times
            if not offices or any(
                claim_truth(claim.claim, office, person, window) is not Truth.FALSE for office in offices for window in windows
            ):
                continue
            office = offices[0]
            during = {t.who for window in windows for t in holders_during(office, window)}
            evidence = {office.id, person, *during}
            replacement = None
            if claim.claim is Claim.CURRENT and len(offices) == 1 and len(during) == 1:
                replacement = (claim.name.span, facts.name_of(next(iter(during))) + ("'s" if claim.name.possessive else ""))
            yield Match(claim.span, claim_values(analysis, claim, person, office.id, windows), tuple(sorted(evidence)), replacement)
