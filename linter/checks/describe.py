"""Facts written for people: the phrases rule messages are filled with (dates in words)."""

from __future__ import annotations

from collections.abc import Iterable

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


def holders(facts: FactBase, office: Office, windows: Iterable[DateWindow]) -> str:
    """'Keir Starmer (from 5 July 2024)': who held the office during the windows, each tenure once, in order."""
    during = sorted(dict.fromkeys(t for window in windows for t in holders_during(office, window)), key=lambda t: t.start)
    return join([f"{facts.name_of(t.who)} ({tenure(t)})" for t in during]) or "nobody the facts record"


def where_else(line: int, other_line: int) -> str:
    """Where the text says the other thing, seen from a finding on ``line``: 'at line 12', 'earlier on this line'."""
    if other_line == line:
        return "earlier on this line"
    return f"at line {other_line}"


# -- quantities (issue 15) -----------------------------------------------------------------------------
_CURRENCY_SIGNS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}
_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def figure(value: float, unit: str) -> str:
    """A quantity's value as a newsroom writes it: '2.6%', '£1.2 billion', '41.2 million', '12,812,508', '4,800 points'."""
    number = _number(value)
    if unit == "percent":
        return f"{number}%"
    if unit in _CURRENCY_SIGNS:
        return f"-{_CURRENCY_SIGNS[unit]}{number[1:]}" if number.startswith("-") else f"{_CURRENCY_SIGNS[unit]}{number}"
    if unit == "count":
        return number
    return f"{number} {unit}"  # a currency without a sign ('40 million CHF'), or a named unit


def tolerance(amount: float, unit: str) -> str:
    """'0.05 points' (a percentage's tolerance is in percentage points), '£50 million', '0'."""
    if amount == 0:
        return "0"
    return f"{_number(amount)} points" if unit == "percent" else figure(amount, unit)


def _number(value: float) -> str:
    value = float(f"{value:.12g}")  # no floating point noise: 2.6 + 0.05 is 2.65
    for size, word in _SCALE_WORDS:
        if abs(value) >= size:
            scaled = value / size
            if round(scaled, 3) != float(f"{scaled:.12g}"):
                break  # an exact count ('12,812,508'), not a figure rounded to a scale word
            return f"{_plain(scaled)} {word}"
    return _plain(value)


def _plain(value: float) -> str:
    text = f"{float(f'{value:.12g}'):,.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
