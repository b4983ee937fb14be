"""Names, claims of office (forms and modifiers), dates, events and quote speakers."""

from __future__ import annotations

import pytest

from linter.facts.temporal import Claim

from conftest import analysis_of


def claims(text: str, date: str = "2025-06-01") -> list[tuple[str, str, str, str]]:
    analysis = analysis_of(text, date)
    return [(analysis.text(c.span), c.person, c.claim.value, c.form) for c in analysis.claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UK Prime Minister Rishi Sunak spoke.", ("UK Prime Minister Rishi Sunak", "rishi-sunak", "current", "title-name")),
        ("Rishi Sunak, the prime minister, spoke.", ("Rishi Sunak, the prime minister", "rishi-sunak", "current", "name-title")),
        ("Rishi Sunak, a former prime minister, spoke.", ("Rishi Sunak, a former prime minister", "rishi-sunak", "former", "name-title")),
        ("The prime minister, Rishi Sunak, spoke.", ("The prime minister, Rishi Sunak", "rishi-sunak", "current", "title-name-appositive")),
        ("the prime minister, Rishi Sunak said.", ("the prime minister, Rishi Sunak", "rishi-sunak", "current", "title-name-appositive")),
        ("Former Prime Minister Sunak spoke.", ("Former Prime Minister Sunak", "rishi-sunak", "former", "title-name")),
        ("The ex-Prime Minister Sunak spoke.", ("ex-Prime Minister Sunak", "rishi-sunak", "former", "title-name")),
        ("Then-Prime Minister Sunak spoke.", ("Then-Prime Minister Sunak", "rishi-sunak", "earlier", "title-name")),
        ("It was when Donald Trump was president, years ago.", ("Donald Trump was president", "donald-trump", "former", "past-tense")),
        ("Donald Trump, who was president, spoke.", ("Donald Trump, who was president", "donald-trump", "former", "past-tense")),
        ("Keir Starmer, who is prime minister, spoke.", ("Keir Starmer, who is prime minister", "keir-starmer", "current", "past-tense")),
        ("PRESIDENT Trump spoke.", ("PRESIDENT Trump", "donald-trump", "current", "title-name")),
        ("Prime Minister Sunak's plan failed.", ("Prime Minister Sunak's", "rishi-sunak", "current", "title-name")),
    ],
)
def test_claim_forms_and_modifiers(text, expected):
    assert claims(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Shadow Prime Minister Rishi Sunak spoke.",
        "Deputy Prime Minister Rishi Sunak spoke.",
        "Vice-President Trump spoke.",
        "Acting President Biden spoke.",
        "President-elect Trump spoke.",
        "Rishi Sunak, the deputy prime minister, spoke.",
        "The prime minister's spokesman, Rishi Sunak, spoke.",
        "Johnson's prime minister Rishi Sunak spoke.",  # a relation, not a claim of office
        "Rishi Sunak was prime minister of something else entirely.",  # plain past narrative: left alone
        "The prime minister met Sunak.",
        "President Trump Tower opened.",
    ],
)
def test_not_claims_of_office(text):
    assert claims(text) == []


def test_ambiguous_alias_resolves_through_an_earlier_full_name():
    analysis = analysis_of("Kenneth Clarke spoke. Later Mr Clarke left.")
    assert [n.entity for n in analysis.names] == ["kenneth-clarke", "kenneth-clarke"]
    unresolved = analysis_of("Mr Clarke left.")
    assert [n.entity for n in unresolved.names] == [None]
    both = analysis_of("Kenneth Clarke and Charles Clarke spoke. Mr Clarke left.")
    assert [n.entity for n in both.names] == ["kenneth-clarke", "charles-clarke", None]


def test_an_alias_shared_by_two_people_is_resolved_by_the_title_only_one_of_them_held():
    assert claims("Chancellor Clarke spoke.", "2000-06-01") == [("Chancellor Clarke", "kenneth-clarke", "current", "title-name")]
    assert claims("President Clarke spoke.", "2000-06-01") == []  # neither held it: unresolved, no claim
    assert claims("Kenneth Clarke spoke. Chancellor Clarke left.")[0][1] == "kenneth-clarke"
    # Only where the facts know who held the office at the article's date (a third Clarke may be meant).
    assert claims("Chancellor Clarke spoke.", "2025-06-01") == []


def test_names_are_case_sensitive_and_whole_tokens():
    analysis = analysis_of("The trump card. Trumpet. Trump's plan.")
    assert [(analysis.text(n.span), n.possessive) for n in analysis.names] == [("Trump's", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On March 15, it rained.", (3, 15, None)),
        ("On 15 March it rained.", (3, 15, None)),
        ("On March 15, 2025, it rained.", (3, 15, 2025)),
        ("On 15 March 2025 it rained.", (3, 15, 2025)),
        ("On the 15th of March it rained.", (3, 15, None)),
        ("On Sept. 3rd it rained.", (9, 3, None)),
        ("On 2025-03-15 it rained.", (3, 15, 2025)),
    ],
)
def test_dates(text, expected):
    analysis = analysis_of(text)
    assert [(d.month, d.day, d.year) for d in analysis.dates] == [expected]


@pytest.mark.parametrize("text", ["You may 5 times.", "They march 10 miles.", "February 30 never came.", "At 10:30 March 3:15"])
def test_not_dates(text):
    assert analysis_of(text).dates == []


def test_date_without_year_resolves_against_the_window():
    analysis = analysis_of("On March 15 it rained.", date="2025-04-05..2025-12-31")
    assert [d.isoformat() for d in analysis.dates[0].candidates(analysis.window)] == ["2024-03-15", "2025-03-15"]


def test_event_mentions_are_found_in_dated_sentences_only():
    analysis = analysis_of("The Example Summit was big. On March 3 the example summit met.")
    assert [(analysis.text(e.span), e.event) for e in analysis.events] == [("example summit", "summit")]


def speakers(text: str) -> list[str | None]:
    analysis = analysis_of(text)
    return [q.speaker.entity if q.speaker else None for q in analysis.quotes]


@pytest.mark.parametrize(
    "text",
    [
        '"We will win," said Keir Starmer.',
        '"We will win," Keir Starmer said.',
        '"We will win," said Prime Minister Keir Starmer on Monday.',
        '"We will win," Prime Minister Keir Starmer said.',
        'Keir Starmer said: "We will win."',
        'Starmer told reporters: "We will win."',
        'Keir Starmer arrived. "We will win," he said.',
        'Keir Starmer arrived. "We will win," said he.',
        'Keir Starmer arrived. He said: "We will win."',
        '“We will win,” said Starmer.',
        '"We will win. We always do," said Starmer.',
    ],
)
def test_each_attribution_form_finds_the_speaker(text):
    assert speakers(text) == ["keir-starmer"]


@pytest.mark.parametrize(
    "text",
    ['"We will win," said the official.', '"We will win," said on Monday that Starmer was.', 'Sources said: "We will win."', '"We will win."'],
)
def test_no_speaker_when_attribution_is_absent_or_unclear(text):
    assert speakers(text) == [None]


def test_the_speakers_title_comes_from_the_attribution_or_an_earlier_claim():
    analysis = analysis_of('"We will win," said Prime Minister Keir Starmer.')
    assert analysis.quotes[0].speaker_claim.claim is Claim.CURRENT
    earlier = analysis_of('Prime Minister Keir Starmer arrived. "We will win," Starmer said.')
    assert earlier.text(earlier.quotes[0].speaker_claim.span) == "Prime Minister Keir Starmer"


def test_attribution_passes_over_a_lowercase_title_with_its_organisation():
    assert speakers('"We will win," said Acme chief executive Keir Starmer.') == ["keir-starmer"]
    assert speakers('"We will win," said the Acme boss Keir Starmer.') == ["keir-starmer"]


@pytest.mark.parametrize("text", ["in October and November 2004.", "At March 10:30 sharp", "The March 2025-03 report"])
def test_month_and_year_without_a_day_is_not_a_date(text):
    assert analysis_of(text).dates == []


def test_a_date_after_another_month_keeps_its_year():
    analysis = analysis_of("From November 2004 to 3 January 2005 it rained.")
    assert [(d.month, d.day, d.year) for d in analysis.dates] == [(1, 3, 2005)]


def test_a_countrys_adjective_names_it_unless_the_facts_give_the_word_to_something_else():
    facts = """
    facts_version: 1
    entities:
      - {id: greece, name: Greece, type: place}
      - {id: saudi-arabia, name: Saudi Arabia, type: place}
      - {id: greek-club, name: Greek, type: organization}
      - {id: sri-lanka, name: Sri Lanka, type: place}
    """
    analysis = analysis_of("The Saudi capital and the Sri Lankan economy. The Greek said no.", facts_yaml=facts)
    assert [(analysis.text(n.span), n.entity) for n in analysis.names] == [
        ("Saudi", "saudi-arabia"), ("Sri Lankan", "sri-lanka"), ("Greek", "greek-club"),
    ]
