"""Facts written for people: the phrases rule messages are filled with (dates in words)."""

from __future__ import annotations

from linter.dates import DateWindow, date_range, long_date
from linter.facts.model import FactBase, Office, Tenure
from linter.facts.temporal import holders_during


def join(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def tenure(held: Tenure) -> str:
    """'from 25 October 2022 to 5 July 2024', 'from 6 September to 25 October 2022' or 'from 5 July 2024' (still in office)."""
    if held.end is None:
        return f"from {long_date(held.start)}"
    if held.end == held.start:
        return f"on {long_date(held.start)}"
    first, last = date_range(held.start, held.end)
    return f"from {first} to {last}"


def tenures(office: Office, person: str) -> str:
    """'from 20 January 2017 to 20 January 2021 and from 20 January 2025' (every tenure of the person)."""
    return join([tenure(t) for t in office.tenures_of(person)])


def record(facts: FactBase, office: Office, person: str) -> str:
    """'Rishi Sunak held it from 25 October 2022 to 5 July 2024', or that the facts list no tenure."""
    name = facts.name_of(person)
    if not office.tenures_of(person):
        return f"the facts record no tenure of {name} in it"
    return f"{name} held it {tenures(office, person)}"


def holders(facts: FactBase, office: Office, window: DateWindow) -> str:
    """'Keir Starmer (from 5 July 2024)': who held the office during the window."""
    during = holders_during(office, window)
    return join([f"{facts.name_of(t.who)} ({tenure(t)})" for t in during]) or "nobody the facts record"


def where_else(line: int, other_line: int) -> str:
    """Where the text says the other thing, seen from a finding on ``line``: 'at line 12', 'earlier on this line'."""
    if other_line == line:
        return "earlier on this line"
    return f"at line {other_line}"
