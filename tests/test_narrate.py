"""The facts behind a finding, as sentences for a person (linter/checks/narrate.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import facts_from, lint
from linter.checks.describe import tenure
from linter.checks.narrate import narrate
from linter.dates import DateWindow, long_date
from linter.facts.model import Tenure
from linter.findings import FactNote

FACTS = facts_from()


def test_long_dates_ignore_the_locale():
    assert long_date(dt.date(2024, 7, 5)) == "5 July 2024"


@pytest.mark.parametrize(("window", "phrase"), [
    ("2025-03-20", "on 20 March 2025"),
    ("2025-03-01..2025-03-31", "in March 2025"),
    ("2024-02-01..2024-02-29", "in February 2024"),
    ("2025-01-01..2025-12-31", "in 2025"),
    ("2025-03-01..2025-03-05", "between 1 and 5 March 2025"),  # the month and year once
    ("2025-04-05..2025-12-31", "between 5 April and 31 December 2025"),  # the year once
    ("2024-01-01..2025-12-31", "between 2024 and 2025"),  # whole years
    ("2024-12-31..2025-01-01", "between 31 December 2024 and 1 January 2025"),
])
def test_windows_are_told_as_a_day_a_month_a_year_or_a_range(window, phrase):
    assert DateWindow.parse(window).describe() == phrase


@pytest.mark.parametrize(("start", "end", "phrase"), [
    (dt.date(2022, 10, 25), dt.date(2024, 7, 5), "from 25 October 2022 to 5 July 2024"),
    (dt.date(2022, 9, 6), dt.date(2022, 10, 25), "from 6 September to 25 October 2022"),
    (dt.date(2022, 9, 6), dt.date(2022, 9, 6), "on 6 September 2022"),
    (dt.date(2024, 7, 5), None, "from 5 July 2024"),
])
def test_tenures_are_told_in_words_with_the_year_once(start, end, phrase):
    assert tenure(Tenure("office", "someone", start, end)) == phrase


def test_an_office_is_told_through_the_tenures_of_the_people_concerned_in_order():
    [note] = narrate(FACTS, ["uk-prime-minister", "keir-starmer", "rishi-sunak"])
    assert note.text == (
        "Rishi Sunak was Prime Minister of the United Kingdom from 25 October 2022 to 5 July 2024; Keir Starmer from 5 July 2024."
    )
    assert note.source == "facts.yaml:23:5"


def test_several_tenures_of_one_person_are_joined():
    [note] = narrate(FACTS, ["donald-trump", "us-president"])
    assert note.text == (
        "Donald Trump was President of the United States from 20 January 2017 to 20 January 2021 and from 20 January 2025."
    )


def test_a_person_who_never_held_the_office_is_said_to_have_no_tenure():
    notes = narrate(FACTS, ["uk-prime-minister", "keir-starmer", "emmanuel-macron"])
    assert [note.text for note in notes] == [
        "Keir Starmer was Prime Minister of the United Kingdom from 5 July 2024.",
        "The facts record no tenure of Emmanuel Macron as Prime Minister of the United Kingdom.",
    ]


def test_events_and_quotes_are_told_with_their_dates():
    event, quote = narrate(FACTS, ["summit", "starmer-line", "keir-starmer"])
    assert event.text == "The Example Summit took place on 20 March 2025."
    assert quote.text == (
        "Keir Starmer said on 2 March 2025: “We will stand with Ukraine for as long as it takes, and we will not waver”"
    )


def test_long_quotes_are_cut_at_a_word():
    words = " ".join(["stand"] * 100)
    facts = facts_from(f"""\
        facts_version: 1
        entities: [{{id: someone, name: Some One}}]
        quotes: [{{id: long, speaker: someone, date: 2025-01-02, text: "{words}"}}]
        """)
    [note] = narrate(facts, ["long"])
    assert note.text.endswith("stand …”") and len(note.text) < 330


def test_unknown_ids_and_people_alone_say_nothing():
    assert narrate(FACTS, ["no-such-fact", "keir-starmer"]) == ()


def test_findings_carry_the_notes():
    [finding] = lint("Prime Minister Rishi Sunak spoke.", rule="office-holder")
    assert finding.facts == (
        FactNote(
            "Rishi Sunak was Prime Minister of the United Kingdom from 25 October 2022 to 5 July 2024; Keir Starmer from 5 July 2024.",
            "facts.yaml:23:5",
        ),
    )
    [copy] = lint("The goverment fell.", rule="misspelling")
    assert copy.facts == ()
