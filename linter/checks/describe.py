"""Facts written for people: the phrases rule messages are filled with."""

from __future__ import annotations

from linter.dates import DateWindow
from linter.facts.model import FactBase, Office
from linter.facts.temporal import describe_tenure, holders_during


def join(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def tenures(office: Office, person: str) -> str:
    """'from 2017-01-20 to 2021-01-20 and from 2025-01-20' (every tenure of the person)."""
    return join([describe_tenure(t) for t in office.tenures_of(person)])


def record(facts: FactBase, office: Office, person: str) -> str:
    """'Rishi Sunak held it from 2022-10-25 to 2024-07-05', or that the facts list no tenure."""
    name = facts.name_of(person)
    if not office.tenures_of(person):
        return f"the facts record no tenure of {name} in it"
    return f"{name} held it {tenures(office, person)}"


def holders(facts: FactBase, office: Office, window: DateWindow) -> str:
    """'Keir Starmer (from 2024-07-05)': who held the office during the window."""
    during = holders_during(office, window)
    return join([f"{facts.name_of(t.who)} ({describe_tenure(t)})" for t in during]) or "nobody the facts record"
