"""Claims against tenures, three-valued, over date windows."""

from __future__ import annotations

import datetime as dt

import pytest

from linter.dates import DateWindow
from linter.facts.temporal import Claim, Truth, claim_truth, tenures_overlap

from conftest import facts_from

FACTS = facts_from()
PM = FACTS.offices["uk-prime-minister"]
CHANCELLOR = FACTS.offices["uk-chancellor"]
US = FACTS.offices["us-president"]


def truth(claim: Claim, office, person: str, window: str) -> Truth:
    return claim_truth(claim, office, person, DateWindow.parse(window))


@pytest.mark.parametrize(
    ("person", "window", "expected"),
    [
        ("rishi-sunak", "2023-01-01", Truth.TRUE),
        ("rishi-sunak", "2025-06-01", Truth.FALSE),
        ("rishi-sunak", "2024-07-05", Truth.TRUE),  # both ends inclusive
        ("rishi-sunak", "2024-07-06", Truth.FALSE),
        ("rishi-sunak", "2024-06-01..2024-12-31", Truth.TRUE),  # true on some day of the window
        ("keir-starmer", "2024-07-04", Truth.FALSE),
        ("keir-starmer", "2030-01-01", Truth.TRUE),  # no `to`: still in office
        ("joe-biden", "2022-09-10", Truth.UNKNOWN),  # the gap between Johnson and Sunak: not covered
        ("joe-biden", "2010-01-01", Truth.UNKNOWN),  # before the first tenure listed
        ("joe-biden", "2023-01-01", Truth.FALSE),  # a covered day: somebody else held it
    ],
)
def test_current_claim(person, window, expected):
    assert truth(Claim.CURRENT, PM, person, window) is expected


@pytest.mark.parametrize(
    ("person", "window", "expected"),
    [
        ("rishi-sunak", "2025-06-01", Truth.TRUE),
        ("keir-starmer", "2025-06-01", Truth.FALSE),  # holds it
        ("rishi-sunak", "2021-01-01", Truth.FALSE),  # had not held it yet
        ("rishi-sunak", "2024-06-01..2024-12-31", Truth.TRUE),  # former on some days of the window
        ("rishi-sunak", "2024-07-05", Truth.TRUE),  # the handover day: former by its end
        ("rishi-sunak", "2024-07-04", Truth.FALSE),  # the day before: still in office
        ("joe-biden", "2025-06-01", Truth.UNKNOWN),  # no tenure listed: cannot say he never held it
    ],
)
def test_former_claim(person, window, expected):
    assert truth(Claim.FORMER, PM, person, window) is expected


def test_former_claim_for_a_second_term():
    assert truth(Claim.FORMER, US, "donald-trump", "2025-06-01") is Truth.FALSE
    assert truth(Claim.FORMER, US, "donald-trump", "2022-06-01") is Truth.TRUE


@pytest.mark.parametrize(
    ("person", "window", "expected"),
    [
        ("keir-starmer", "2020-01-01", Truth.FALSE),
        ("keir-starmer", "2024-07-05", Truth.TRUE),
        ("boris-johnson", "2025-06-01", Truth.TRUE),
        ("joe-biden", "2025-06-01", Truth.UNKNOWN),
    ],
)
def test_earlier_claim(person, window, expected):
    assert truth(Claim.EARLIER, PM, person, window) is expected


def test_window_evaluation_equals_day_by_day_evaluation():
    """The change-day shortcut must agree with checking every single day."""
    from linter.facts.temporal import _PREDICATES

    start = dt.date(2019, 6, 1)
    for claim in Claim:
        for person in ("rishi-sunak", "keir-starmer", "boris-johnson", "joe-biden"):
            for offset in range(0, 2400, 97):
                window = DateWindow(start + dt.timedelta(days=offset), start + dt.timedelta(days=offset + 200))
                days = [window.start + dt.timedelta(days=i) for i in range(201)]
                verdicts = {_PREDICATES[claim](PM, person, day) for day in days}
                expected = Truth.TRUE if Truth.TRUE in verdicts else Truth.FALSE if verdicts == {Truth.FALSE} else Truth.UNKNOWN
                assert claim_truth(claim, PM, person, window) is expected, (claim, person, window)


def test_overlap_of_tenures():
    sunak, trump, biden = PM.tenures_of("rishi-sunak"), US.tenures_of("donald-trump"), US.tenures_of("joe-biden")
    until = dt.date(2025, 12, 31)
    assert tenures_overlap(sunak, trump, until).truth is Truth.FALSE
    assert tenures_overlap(sunak, biden, until).truth is Truth.TRUE
    assert tenures_overlap(sunak, (), until).truth is Truth.UNKNOWN
    starmer = PM.tenures_of("keir-starmer")
    assert tenures_overlap(starmer, trump, until).first_day == dt.date(2025, 1, 20)
    assert tenures_overlap(starmer, trump, dt.date(2024, 12, 31)).truth is Truth.FALSE  # not yet, at the article's date


def test_date_window_parsing():
    assert str(DateWindow.parse("2025-04-05..2025-12-31")) == "2025-04-05..2025-12-31"
    assert DateWindow.parse("2025-04-05").describe() == "on 5 April 2025"
    for bad in ("2025-13-01", "2025-02-29", "yesterday", "2025-05-01..2025-04-01"):
        with pytest.raises(ValueError):
            DateWindow.parse(bad)
