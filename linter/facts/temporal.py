"""Compare claims about office with tenures: the one place where time is reasoned about.

A claim ("X is Prime Minister", "X is a former Prime Minister") is evaluated per
day with three-valued logic: TRUE, FALSE, or UNKNOWN when the facts do not
cover that day. A finding needs the claim to be FALSE on *every* day of the
document's window, so an article whose exact date is unknown is never flagged
for something that was true on one of its possible days.

Two policies decide what the facts are taken to know:

* **Coverage.** On a day when an office has as many holders as seats, the
  holders listed are all its holders; on other days (before the first tenure
  listed, or in a gap) nobody can be said not to hold it.
* **A person's tenures are complete.** If the facts list any tenure of X in an
  office, they list all of them; if they list none, factlint cannot say when X
  did not hold it beyond what coverage says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from linter.dates import DateWindow
from linter.facts.model import Office, Relation, Tenure

ONE_DAY = dt.timedelta(days=1)


class Truth(Enum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"


class Claim(Enum):
    """What an article says about a person and an office at its date."""

    CURRENT = "current"  # "Prime Minister X": holds it
    FORMER = "former"  # "former Prime Minister X", "when X was prime minister": held it, no longer
    EARLIER = "earlier"  # "then-Prime Minister X": held it at some time up to then


def holds(office: Office, person: str, day: dt.date) -> Truth:
    if any(tenure.includes(day) for tenure in office.tenures_of(person)):
        return Truth.TRUE
    if len(office.holders_on(day)) >= office.seats:
        return Truth.FALSE
    return Truth.UNKNOWN


def held_before(office: Office, person: str, day: dt.date) -> Truth:
    tenures = office.tenures_of(person)
    if any(tenure.start < day for tenure in tenures):
        return Truth.TRUE
    return Truth.FALSE if tenures else Truth.UNKNOWN


def held_by(office: Office, person: str, day: dt.date) -> Truth:
    """Held at some time on or before ``day``."""
    tenures = office.tenures_of(person)
    if any(tenure.start <= day for tenure in tenures):
        return Truth.TRUE
    return Truth.FALSE if tenures else Truth.UNKNOWN


def formerly_held(office: Office, person: str, day: dt.date) -> Truth:
    """Held it, no longer. A tenure's last day is the day it is handed over: by its end the holder
    is a former one ("replacing now former Gov. X" on the day the successor is sworn in)."""
    if any(tenure.end == day and tenure.start < day for tenure in office.tenures_of(person)):
        return Truth.TRUE
    now = holds(office, person, day)
    if now is Truth.TRUE:
        return Truth.FALSE
    before = held_before(office, person, day)
    if before is Truth.FALSE:
        return Truth.FALSE
    if now is Truth.FALSE and before is Truth.TRUE:
        return Truth.TRUE
    return Truth.UNKNOWN


_PREDICATES: dict[Claim, Callable[[Office, str, dt.date], Truth]] = {
    Claim.CURRENT: holds,
    Claim.FORMER: formerly_held,
    Claim.EARLIER: held_by,
}


def claim_truth(claim: Claim, office: Office, person: str, window: DateWindow) -> Truth:
    """TRUE if the claim holds on some day of the window, FALSE if on none, else UNKNOWN."""
    predicate = _PREDICATES[claim]
    verdicts = {predicate(office, person, day) for day in _change_days(office, window)}
    if Truth.TRUE in verdicts:
        return Truth.TRUE
    if verdicts == {Truth.FALSE}:
        return Truth.FALSE
    return Truth.UNKNOWN


def _change_days(office: Office, window: DateWindow) -> list[dt.date]:
    """The days of the window on which any predicate above can change value.

    Every predicate is constant between consecutive tenure boundaries, so
    evaluating it on these days is the same as evaluating it on every day.
    """
    days = {window.start}
    for tenure in office.holders:
        for boundary in (tenure.start, tenure.start + ONE_DAY, tenure.end and tenure.end + ONE_DAY):
            if boundary and boundary in window:
                days.add(boundary)
    return sorted(days)


@dataclass(frozen=True)
class Overlap:
    """Whether two lists of tenures share a day, and the first day they do."""

    truth: Truth
    first_day: dt.date | None = None


def tenures_overlap(first: tuple[Tenure, ...], second: tuple[Tenure, ...], until: dt.date) -> Overlap:
    """Whether some day on or before ``until`` lies in a tenure of each list.

    Used for quotes: could the speaker, holding their office, have spoken of the
    other person holding theirs? Both lists must be non-empty to say FALSE.
    """
    if not first or not second:
        return Overlap(Truth.UNKNOWN)
    for a in first:
        for b in second:
            start, end = max(a.start, b.start), min(a.last_day, b.last_day, until)
            if start <= end:
                return Overlap(Truth.TRUE, start)
    return Overlap(Truth.FALSE)


def held_by_then(first: tuple[Tenure, ...], second: tuple[Tenure, ...], until: dt.date) -> Overlap:
    """Whether a tenure of the second list began on or before the end of a tenure of the first.

    Used for quotes in the past tense ("President Obama and I spent eight years on this"):
    the speaker, holding their office, may speak of anyone who had held the other office by
    then. FALSE only if every tenure of the second began after the first's last ended.
    """
    if not first or not second:
        return Overlap(Truth.UNKNOWN)
    for a in first:
        for b in second:
            if b.start <= min(a.last_day, until):
                return Overlap(Truth.TRUE, b.start)
    return Overlap(Truth.FALSE)


def open_tenures_verified_before(
    claim: Claim, office: Office, person: str, windows: tuple[DateWindow, ...], days: int
) -> tuple[Tenure, ...]:
    """The open tenures (no ``to``) a claim's verdict rests on, if the office was last verified more
    than ``days`` days before every reading of the claim's date; else none.

    A current claim rests on every open tenure of the office (they say who holds it then); a former
    claim on the person's own (it says they still hold it); an earlier claim ("then-") only on when
    tenures began, which no later event changes. An office never verified is not reported.
    """
    if office.verified is None or claim is Claim.EARLIER or (verified_age(office, windows) or 0) <= days:
        return ()
    last = max(window.end for window in windows)
    return tuple(
        t for t in office.holders if t.end is None and t.start <= last and (claim is Claim.CURRENT or t.who == person)
    )


def verified_age(office: Office, windows: tuple[DateWindow, ...]) -> int | None:
    """Days from the office's last verification to the earliest day the claim may speak of."""
    if office.verified is None:
        return None
    return (min(window.start for window in windows) - office.verified).days


def holders_during(office: Office, window: DateWindow) -> tuple[Tenure, ...]:
    """Tenures of the office that share at least one day with the window."""
    return tuple(t for t in office.holders if t.start <= window.end and t.last_day >= window.start)


def clashes(tenures: Iterable[Tenure], seats: int) -> Iterator[tuple[dt.date, list[Tenure]]]:
    """Each day on which more tenures than ``seats`` are running, with those tenures (the last one began that day).

    Tenures count as half-open ``[from, to)`` here, so a tenure that ends on the
    day the next one starts does not overlap it: a handover day is not a clash.
    """
    changes: list[tuple[dt.date, int, int, Tenure]] = []
    for order, tenure in enumerate(tenures):
        changes.append((tenure.start, +1, order, tenure))
        if tenure.end is not None:
            changes.append((max(tenure.end, tenure.start + ONE_DAY), -1, order, tenure))
    changes.sort(key=lambda change: change[:3])  # ends before starts on one day
    current: list[Tenure] = []
    for day, step, _, tenure in changes:
        if step < 0:
            current.remove(tenure)
            continue
        current.append(tenure)
        if len(current) > seats:
            yield day, list(current)


def _half_open(tenure: Tenure) -> tuple[dt.date, dt.date]:
    """A tenure as ``[from, to)``, as ``clashes`` counts it: a handover day belongs to the next holder."""
    if tenure.end is None:
        return tenure.start, dt.date.max
    return tenure.start, max(tenure.end, tenure.start + ONE_DAY)


def held_together(first: Office, second: Office) -> bool:
    """Whether the facts record somebody holding both offices on one day (a handover day aside:
    Gordon Brown, Chancellor to 27 June 2007 and Prime Minister from that day, held them in turn)."""
    people = {t.who for t in first.holders} & {t.who for t in second.holders}
    for person in people:
        for a in first.tenures_of(person):
            for b in second.tenures_of(person):
                (a_start, a_end), (b_start, b_end) = _half_open(a), _half_open(b)
                if max(a_start, b_start) < min(a_end, b_end):
                    return True
    return False


def _covered(office: Office) -> list[tuple[dt.date, dt.date]]:
    """The half-open stretches of days on which the facts record as many holders as seats."""
    changes: list[tuple[dt.date, int]] = []
    for tenure in office.holders:
        changes.append((tenure.start, +1))
        if tenure.end is not None:
            changes.append((tenure.end + ONE_DAY if tenure.end < dt.date.max else dt.date.max, -1))
    changes.sort()
    stretches, running, since = [], 0, None
    for day, step in changes:
        running += step
        if running >= office.seats and since is None:
            since = day
        elif running < office.seats and since is not None:
            if since < day:
                stretches.append((since, day))
            since = None
    if since is not None:
        stretches.append((since, dt.date.max))
    return stretches


def covered_together(first: Office, second: Office) -> bool:
    """Whether on some day the facts record every seat of both offices filled: then, that day,
    they know all the holders of both."""
    return any(max(a, c) < min(b, d) for a, b in _covered(first) for c, d in _covered(second))


def exclusive_by_record(first: Office, second: Office) -> bool:
    """Offices the facts show one person does not hold at once: on some day the facts know every
    holder of both, and nobody is recorded holding both on one day. A guess from the record, not a
    rule of any constitution: a rule may declare exclusive offices instead (office-conflict)."""
    return first.id != second.id and covered_together(first, second) and not held_together(first, second)


# -- relations (issue 15) ------------------------------------------------------------------------------
def relation_truth(
    agreeing: Iterable[Relation], rivals: Iterable[Relation], unsure: Iterable[Relation], window: DateWindow | None, complete: bool
) -> Truth:
    """Whether a written relation ("X leads the air segment", "the summit was held in Paris") holds
    during ``window``, from the facts of that relation sorted by the kind:

    * ``agreeing``: facts of the written pair (or of places that agree with the written ones): the
      claim is TRUE if one of them holds on some day of the window;
    * ``rivals``: facts giving the side that has one partner at a time another partner, certainly
      different: the claim is FALSE if rivals hold on every day of the window and nothing the facts
      cannot compare (``unsure``) holds on any of them;
    * ``complete``: a relation of many partners (a membership): the facts of the pair list every
      time it held, so a pair recorded only at other times is FALSE.

    ``window`` None is a claim of no time the facts can place (a future one, a hypothesis): only
    facts that hold at all times (timeless) decide it.
    """
    agreeing, rivals, unsure = list(agreeing), list(rivals), list(unsure)
    if window is None:
        if any(r.timeless for r in agreeing):
            return Truth.TRUE
        every = [*agreeing, *rivals, *unsure]
        return Truth.FALSE if rivals and all(r.timeless for r in every) else Truth.UNKNOWN
    if any(r.overlaps(window) for r in agreeing):
        return Truth.TRUE
    if complete and agreeing:
        return Truth.FALSE
    if any(r.overlaps(window) for r in unsure) or not _cover(rivals, window):
        return Truth.UNKNOWN
    return Truth.FALSE


def _cover(relations: list[Relation], window: DateWindow) -> bool:
    """Whether every day of the window lies in one of the relations' periods."""
    day = window.start
    for relation in sorted(relations, key=lambda r: r.start or dt.date.min):
        if relation.start is not None and relation.start > day:
            return False
        if relation.end is None or relation.end >= window.end:
            return True
        if relation.end >= day:
            day = relation.end + ONE_DAY
    return False
