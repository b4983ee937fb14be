"""``kind: office-holder``: a title given to a person must agree with the tenures.

Parameters: ``claims``, which of the claims the rule checks: ``current``
("Prime Minister X", "X, the prime minister,"), ``former`` ("former Prime
Minister X", "when X was prime minister") and ``earlier`` ("then-Prime Minister
X"). A rule fires only when the claim is false on every day of the document's
date window, or, when the sentence names a past year ("In 1997, Chancellor
Kenneth Clarke said"), at every such year. A title written with its
organisation ("Microsoft chief executive") means that organisation's office;
an ambiguous title ("President") means the office(s) with that title the person
held; an unknown person, title or organisation gives no finding.
"""

from __future__ import annotations

from typing import Iterator

from linter.checks.describe import holders, join, record
from linter.checks.kinds.base import Kind, Match
from linter.dates import DateWindow
from linter.facts.temporal import Claim, Truth, claim_truth, holders_during
from linter.mentions.model import Analysis, OfficeClaim
from linter.validate import Checker
from linter.yamlio import YamlMap

CLAIM_PLACEHOLDERS = frozenset({"text", "person", "title", "office", "date", "holders", "record", "claim"})


def claim_values(analysis: Analysis, claim: OfficeClaim, office_id: str, windows: tuple[DateWindow, ...]) -> dict[str, str]:
    """Message values describing one claim of office, checked at ``windows``, and the facts about it."""
    facts, office = analysis.facts, analysis.facts.offices[office_id]
    return {
        "text": analysis.text(claim.span),
        "person": facts.name_of(claim.person),
        "title": analysis.text(claim.title.span),
        "office": office.name,
        "date": join([window.describe() for window in windows]),
        "holders": join([holders(facts, office, window) for window in windows]),
        "record": record(facts, office, claim.person),
        "claim": claim.claim.value,
    }


class OfficeHolder(Kind):
    name = "office-holder"
    summary = "A person named with a title must hold (or, with 'former', have held) that office at the document's date."
    needs = frozenset({"claims"})
    params = ("claims",)
    fixes = ("unsafe",)  # the real holder is a factual suggestion: a person must confirm it

    def __init__(self, rule: YamlMap, checker: Checker, what: str) -> None:
        names = checker.text_list(rule, "claims", what) or [Claim.CURRENT.value]
        known = {claim.value for claim in Claim}
        for name in names:
            if name not in known:
                checker.fail(f"unknown claim '{name}' in {what}; use: {', '.join(sorted(known))}", rule.where("claims"))
        self.claims = frozenset(Claim(name) for name in names if name in known)

    def placeholders(self) -> frozenset[str]:
        return CLAIM_PLACEHOLDERS

    def check(self, analysis: Analysis) -> Iterator[Match]:
        facts = analysis.facts
        for claim in analysis.claims:
            if claim.claim not in self.claims or claim.person is None or claim.quoted:
                continue
            offices = facts.offices_for(claim.title.offices, claim.person, claim.organizations)
            windows = claim.times
            if not offices or any(
                claim_truth(claim.claim, office, claim.person, window) is not Truth.FALSE for office in offices for window in windows
            ):
                continue
            office = offices[0]
            during = {t.who for window in windows for t in holders_during(office, window)}
            evidence = {office.id, claim.person, *during}
            replacement = None
            if claim.claim is Claim.CURRENT and len(offices) == 1 and len(during) == 1:
                replacement = (claim.name.span, facts.name_of(next(iter(during))) + ("'s" if claim.name.possessive else ""))
            yield Match(claim.span, claim_values(analysis, claim, office.id, windows), tuple(sorted(evidence)), replacement)
