"""Each rule kind, driven through YAML rules as a user would write them."""

from __future__ import annotations

import pytest

from conftest import FACTS, lint

PATTERN = """
rules:
  - id: titled-surname
    kind: pattern
    severity: info
    message: "'{title}' is followed by the surname {person}."
    description: A title with a bare surname.
    pattern: '{title} {person}'
    examples: {flag: [], pass: []}
  - id: plain
    kind: pattern
    severity: warning
    message: "Found {match} ({unit})."
    description: A plain regex with a named group.
    pattern: '\\d+ (?P<unit>km|miles)'
    examples: {flag: [], pass: []}
"""


def test_pattern_with_fact_macros_only_matches_known_names():
    findings = lint("Prime Minister Sunak met President Smith and President Trump.", rules_yaml=PATTERN)
    assert [f.message for f in findings if f.rule == "titled-surname"] == [
        "'Prime Minister' is followed by the surname Sunak.",
        "'President' is followed by the surname Trump.",
    ]


def test_pattern_without_known_names_in_the_document_finds_nothing():
    assert [f for f in lint("President Smith spoke.", rules_yaml=PATTERN) if f.rule == "titled-surname"] == []


def test_plain_pattern_fills_named_groups():
    findings = lint("They walked 12 km.", rules_yaml=PATTERN)
    assert [(f.message, f.column, f.end_column) for f in findings] == [("Found 12 km (km).", 13, 18)]


SUBSTITUTION = """
rules:
  - id: style
    kind: substitution
    severity: warning
    message: "Use '{replacement}' instead of '{match}'."
    description: House style.
    swap:
      Kiev: Kyiv
      'e-?mail': email
    examples: {flag: [], pass: []}
"""


def test_substitution_swaps_whole_words_and_skips_the_preferred_form():
    findings = lint("Kiev and Kievan; e-mail, email.", rules_yaml=SUBSTITUTION)
    assert [f.message for f in findings] == ["Use 'Kyiv' instead of 'Kiev'.", "Use 'email' instead of 'e-mail'."]


def test_office_holder_reports_the_real_holder_and_the_persons_record():
    [finding] = lint("UK Prime Minister Rishi Sunak spoke.", rule="office-holder")
    assert finding.message == (
        "Rishi Sunak was not Prime Minister of the United Kingdom on 1 June 2025: it was held by Keir Starmer "
        "(from 5 July 2024); Rishi Sunak held it from 25 October 2022 to 5 July 2024."
    )
    assert finding.evidence == ("keir-starmer", "rishi-sunak", "uk-prime-minister")
    assert (finding.column, finding.end_column) == (1, 30)


def test_office_holder_is_silent_when_true_on_some_day_of_the_window():
    assert lint("Prime Minister Rishi Sunak spoke.", rule="office-holder", date="2024-01-01..2025-12-31") == []
    assert lint("Prime Minister Rishi Sunak spoke.", rule="office-holder", date="2024-07-06..2025-12-31")


def test_ambiguous_title_resolves_through_the_persons_own_offices():
    assert lint("President Macron and President Trump met.", rule="office-holder") == []
    [finding] = lint("President Biden spoke.", rule="office-holder")
    assert "President of the United States" in finding.message


def test_unknown_person_or_title_or_uncovered_day_gives_no_finding():
    assert lint("Prime Minister John Smith spoke.", rule="office-holder") == []
    assert lint("Chairman Rishi Sunak spoke.", rule="office-holder") == []
    assert lint("Prime Minister Joe Biden spoke.", rule="office-holder", date="2022-09-10") == []  # nobody listed that day


def test_each_modifier_changes_the_claim():
    assert lint("Former Prime Minister Keir Starmer spoke.", rule="former-office-holder")
    assert lint("Former Prime Minister Rishi Sunak spoke.", rule="former-office-holder") == []
    assert lint("Former Prime Minister Keir Starmer spoke.", rule="office-holder") == []
    assert lint("Then-Prime Minister Keir Starmer spoke.", rule="then-office-holder", date="2020-01-01")
    assert lint("Then-Prime Minister Boris Johnson spoke.", rule="then-office-holder") == []
    for other_role in ("Shadow", "Deputy", "Acting", "Interim"):
        assert lint(f"{other_role} Prime Minister Rishi Sunak spoke.") == []


def test_quote_anachronism_points_at_the_mention_inside_the_quote():
    text = '"I have called President Trump today," said Prime Minister Rishi Sunak.'
    [finding] = lint(text, rule="quote-anachronism")
    assert text[finding.span.start : finding.span.end] == "President Trump"
    assert "the two never overlapped" in finding.message
    assert lint('"I have called President Biden today," said Prime Minister Rishi Sunak.', rule="quote-anachronism") == []
    assert lint('"I have called President Trump today," said Rishi Sunak.', rule="quote-anachronism") == []  # no title given
    # In the past tense the speaker may speak of a holder before their own time: Trump held it first.
    assert lint('"I called President Trump," said Prime Minister Rishi Sunak.', rule="quote-anachronism") == []


STYLED = """
facts_version: 1
entities:
  - {id: benedict-xvi, name: Benedict XVI, aliases: [Pope Benedict XVI]}
  - {id: francis, name: Francis, aliases: [Pope Francis]}
offices:
  - id: pope
    name: Pope
    titles: [Pope]
    holders:
      - {who: benedict-xvi, from: 2005-04-19, to: 2013-02-28}
      - {who: francis, from: 2013-03-13, to: 2025-04-21}
"""


@pytest.mark.parametrize(
    ("text", "date", "rule"),
    [
        ("Former Pope Benedict XVI celebrated Mass in Milan.", "2012-06-04", "former-office-holder"),
        ("In 2011, then-Pope Francis visited Madrid.", "2012-05-01", "then-office-holder"),
        ("Former Pope Benedict XVI died in 2022.", "2023-01-01", None),
        ("Pope Benedict XVI visited Britain in 2010.", "2023-01-01", None),
        ("The tomb of Pope Benedict XVI draws pilgrims.", "2024-01-01", None),  # a style kept for life: no claim
    ],
)
def test_a_name_that_begins_with_a_title_keeps_the_title_readable(text, date, rule):
    found = [finding.rule for finding in lint(text, date=date, facts_yaml=STYLED)]
    assert found == ([rule] if rule else [])


def test_quote_speaker_and_wording_against_a_canonical_quote():
    wrong_speaker = '"We will stand with Ukraine for as long as it takes," said Rishi Sunak.'
    [finding] = lint(wrong_speaker, rule="quote-speaker")
    assert finding.message == "These words are on record as Keir Starmer's, said on 2 March 2025, not Rishi Sunak's."
    assert lint(wrong_speaker.replace("Rishi Sunak", "Keir Starmer"), rule="quote-speaker") == []
    changed = '"We will stand with Ukraine for as long as needed," said Keir Starmer.'
    [finding] = lint(changed, rule="quote-wording")
    assert 'has "needed" where the record has "it takes …"' in finding.message
    elided = '"We will stand with Ukraine ... and we will not waver," said Keir Starmer.'
    inserted = '"[Britain] will stand with Ukraine for as long as it takes," said Keir Starmer.'
    assert lint(elided, rule="quote-wording") == [] and lint(inserted, rule="quote-wording") == []
    altered = '"... [W]e will stand with Ukraine for as long as it takes," said Keir Starmer.'  # a letter altered in brackets
    assert lint(altered, rule="quote-wording") == []
    assert lint(altered.replace("takes", "needs"), rule="quote-wording")
    # One word changed, then one back in step before the quotation stops: a misquotation, not another sentence.
    stopped = '"We will stand with Ukraine for as long as it lasts, and," said Keir Starmer.'
    assert 'has "lasts" where the record has "takes"' in lint(stopped, rule="quote-wording")[0].message


def test_event_date_against_the_facts_with_and_without_year():
    [finding] = lint("On March 15 the example summit opened.", rule="event-date", date="2025-04-05..2025-12-31")
    assert finding.message == 'The Example Summit took place on 20 March 2025, not "March 15".'
    assert lint("On March 20 the example summit opened.", rule="event-date", date="2025-04-05..2025-12-31") == []
    assert lint("On 20 March 2024 the example summit opened.", rule="event-date")
    assert lint("On March 20 the example summit met, on March 2 by some accounts.", rule="event-date") == []
    assert lint("On March 15 leaders met. The example summit was later.", rule="event-date") == []  # other sentence


def test_event_date_message_tells_the_event_in_the_tense_the_article_would():
    """An event after the article's date will take place; any other took place (both agree with a plural name)."""
    [ahead] = lint("The example summit opens on March 15, 2025.", rule="event-date", date="2025-01-10")
    assert ahead.message == 'The Example Summit will take place on 20 March 2025, not "March 15, 2025".'
    [around] = lint("The example summit opens on March 15, 2025.", rule="event-date", date="2025-01-01..2025-12-31")
    assert around.message.startswith("The Example Summit took place on 20 March 2025")


def test_matches_never_cross_a_paragraph_or_a_markdown_heading():
    rules = SUBSTITUTION.replace("Kiev: Kyiv", "'Kiev Kiev': Kyiv")
    assert lint("Kiev\n\nKiev again.", rules_yaml=rules) == []
    assert len(lint("Kiev Kiev again.", rules_yaml=rules)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Fans met on 10 January for a match that raised money for victims of the example summit.",
        "An aid concert will be held on 3 February, and is aimed at the example summit.",
        "They tested him shortly before the example summit and again on 12 August.",
        "He withdrew from the example summit after missing a test on 12 August.",
        "On 12 August, well after the example summit, he resigned.",
    ],
)
def test_a_date_that_dates_something_else_is_not_the_events_date(text):
    assert lint(text, rule="event-date", date="2025-01-01..2025-12-31") == []


def test_a_relative_clause_on_the_event_attaches_its_date():
    assert lint("The example summit, which opens on 12 August, is sold out.", rule="event-date", date="2025-01-01..2025-12-31")
    assert lint("The example summit, which opens on 20 March, is sold out.", rule="event-date", date="2025-01-01..2025-12-31") == []


def test_a_date_with_its_year_set_off_by_commas_modifies_the_event_after_it():
    window = "2025-01-01..2025-12-31"
    assert lint("Officials investigating the March 12, 2025, example summit spoke.", rule="event-date", date=window)
    assert lint("Officials investigating the March 20, 2025, example summit spoke.", rule="event-date", date=window) == []
    assert lint("Officials said on March 12, 2025, example summit delegates left.", rule="event-date", date=window) == []


def test_of_and_a_date_right_after_an_event_dates_it_even_after_an_occasion():
    window = "2026-01-01..2026-12-31"
    assert lint("A drill was held on the anniversary of the example summit of 12 March 2025.", rule="event-date", date=window)
    assert lint("A drill was held on the anniversary of the example summit of 20 March 2025.", rule="event-date", date=window) == []
    # "on" after an occasion's object dates the occasion: the anniversary itself.
    assert lint("A drill was held on the anniversary of the example summit on 12 March 2026.", rule="event-date", date=window) == []


def test_a_part_of_a_day_set_off_after_the_event_attaches_its_date():
    window = "2025-01-01..2025-12-31"
    assert lint("The example summit, in the small hours of 12 August, ended in a deal.", rule="event-date", date=window)
    assert lint("The example summit, on the morning of 20 March, ended in a deal.", rule="event-date", date=window) == []
    assert lint("The example summit, early on the morning of 12 August, ended in a deal.", rule="event-date", date=window)
    # A night runs into the next day: "the night of 19 March" may be an event of the 20th, and "the
    # early hours of 21 March" the end of it; a day further is wrong.
    assert lint("The example summit, on the night of 19 March, ended in a deal.", rule="event-date", date=window) == []
    assert lint("The example summit on the night of 19 March ended in a deal.", rule="event-date", date=window) == []
    assert lint("Leaders won the example summit, in the early hours of 21 March, by a vote.", rule="event-date", date=window) == []
    assert lint("Leaders won the example summit, in the early hours of 22 March, by a vote.", rule="event-date", date=window)
    # The event's own early hours are its day: "which broke out in the early hours of 21 March" is a day late.
    assert lint("The example summit, in the early hours of 21 March, ended in a deal.", rule="event-date", date=window)  # its subject
    assert lint("The example summit, which opened in the early hours of 21 March, ended in a deal.", rule="event-date", date=window)
    assert lint("The example summit, on the night of 18 March, ended in a deal.", rule="event-date", date=window)
    assert lint("The example summit, in the early hours of 22 March, ended in a deal.", rule="event-date", date=window)


def test_a_date_agreeing_with_any_edition_of_a_recurring_event_is_right():
    facts = FACTS.replace(
        "events:\n", "events:\n  - {id: summit-2024, name: The Example Summit 2024, date: 2024-08-12, mentions: ['example summit']}\n"
    )
    assert lint("On 12 August the example summit opened.", rule="event-date", date="2025-01-01..2025-12-31", facts_yaml=facts) == []
    [finding] = lint("On 15 August the example summit opened.", rule="event-date", date="2025-01-01..2025-12-31", facts_yaml=facts)
    assert finding.evidence == ("summit", "summit-2024") and "12 August 2024" in finding.message


def test_an_attached_date_is_checked_on_either_side():
    assert lint("The example summit on 12 August drew crowds.", rule="event-date", date="2025-01-01..2025-12-31")
    assert lint("On 12 August, in London, the example summit opened.", rule="event-date", date="2025-01-01..2025-12-31")


def test_a_relative_clause_after_the_events_phrase_attaches_its_date():
    text = "Crowds came to the example summit in Geneva, which opened on 12 August."
    assert lint(text, rule="event-date", date="2025-01-01..2025-12-31")
    assert lint(text.replace("which", "and it"), rule="event-date", date="2025-01-01..2025-12-31") == []


def test_and_with_a_verb_of_timing_keeps_the_date_attached():
    assert lint("The example summit is the biggest, and runs from 6 to 12 August.", rule="event-date", date="2025-01-01..2025-12-31")
    assert lint("The example summit is big, and fans met on 12 August.", rule="event-date", date="2025-01-01..2025-12-31") == []
