"""Consistency within one article: office-conflict, event-date-conflict and list-count, with
what each deliberately leaves alone."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from linter.checks.rules import read_pack
from linter.errors import UserError
from linter.facts.model import Office, Tenure
from linter.facts.temporal import covered_together, exclusive_by_record, held_together
from linter.yamlio import load_yaml

from conftest import lint

CABINET = """
facts_version: 1
entities:
  - {id: keir-starmer, name: Keir Starmer, aliases: [Starmer]}
  - {id: rachel-reeves, name: Rachel Reeves, aliases: [Reeves, Ms Reeves]}
  - {id: yvette-cooper, name: Yvette Cooper, aliases: [Cooper]}
  - {id: sajid-javid, name: Sajid Javid, aliases: [Javid, Mr Javid]}
  - {id: priti-patel, name: Priti Patel}
  - {id: rishi-sunak, name: Rishi Sunak}
  - {id: gordon-brown, name: Gordon Brown, aliases: [Mr Brown]}
  - {id: alistair-darling, name: Alistair Darling}
  - {id: tony-blair, name: Tony Blair}
  - {id: kenneth-clarke, name: Kenneth Clarke, aliases: [Clarke]}
  - {id: charles-clarke, name: Charles Clarke, aliases: [Clarke]}
  - {id: lammy, name: David Lammy}
offices:
  - id: uk-prime-minister
    name: Prime Minister of the United Kingdom
    titles: [Prime Minister, PM]
    holders:
      - {who: tony-blair, from: 1997-05-02, to: 2007-06-27}
      - {who: gordon-brown, from: 2007-06-27, to: 2010-05-11}
      - {who: rishi-sunak, from: 2022-10-25, to: 2024-07-05}
      - {who: keir-starmer, from: 2024-07-05}
  - id: first-lord
    name: First Lord of the Treasury
    titles: [First Lord of the Treasury]
    holders:
      - {who: rishi-sunak, from: 2022-10-25, to: 2024-07-05}
      - {who: keir-starmer, from: 2024-07-05}
  - id: uk-chancellor
    name: Chancellor of the Exchequer
    titles: [Chancellor]
    holders:
      - {who: kenneth-clarke, from: 1993-05-27, to: 1997-05-02}
      - {who: gordon-brown, from: 1997-05-02, to: 2007-06-27}
      - {who: alistair-darling, from: 2007-06-28, to: 2010-05-11}
      - {who: sajid-javid, from: 2019-07-24, to: 2020-02-13}
      - {who: rachel-reeves, from: 2024-07-05}
  - id: uk-home-secretary
    name: Home Secretary
    titles: [Home Secretary]
    holders:
      - {who: charles-clarke, from: 2004-12-15, to: 2006-05-05}
      - {who: sajid-javid, from: 2018-04-30, to: 2019-07-24}
      - {who: priti-patel, from: 2019-07-24, to: 2022-09-06}
      - {who: yvette-cooper, from: 2024-07-05}
  - id: uk-foreign-secretary
    name: Foreign Secretary
    titles: [Foreign Secretary]
  - id: uk-justice-secretary
    name: Justice Secretary
    titles: [Justice Secretary]
events:
  - {id: chiefs, name: First meeting of coalition military chiefs, date: 2025-03-20, mentions: ['meetings? of (?:the )?military chiefs']}
  - {id: marathon-2024, name: 2024 London Marathon, date: 2024-04-21, mentions: ['London Marathon']}
  - {id: marathon-2025, name: 2025 London Marathon, date: 2025-04-27, mentions: ['London Marathon']}
  - {id: olympics, name: Games of the XXXIII Olympiad, date: {from: 2024-07-26, to: 2024-08-11}, mentions: ['Paris Olympics']}
"""


def conflicts(text: str, date: str = "2025-06-01", rule: str = "office-conflict", rules_yaml: str | None = None) -> list[str]:
    return [f.message for f in lint(text, rule=rule if rules_yaml is None else None, date=date, facts_yaml=CABINET, rules_yaml=rules_yaml)]


# -- office-conflict ---------------------------------------------------------------------------


def test_one_person_given_two_offices_is_reported_at_the_later_claim_with_the_earlier_line():
    text = "Chancellor Rachel Reeves visited Leeds.\n\nLater, Home Secretary Rachel Reeves announced a review.\n"
    [finding] = lint(text, rule="office-conflict", facts_yaml=CABINET)
    assert finding.message == (
        'Rachel Reeves is called "Home Secretary" here and "Chancellor" at line 1, both at the article\'s date: nobody the '
        "facts record held Chancellor of the Exchequer and Home Secretary at the same time."
    )
    assert (finding.line, finding.column, text[finding.span.start : finding.span.end]) == (3, 8, "Home Secretary Rachel Reeves")
    assert finding.evidence == ("rachel-reeves", "uk-chancellor", "uk-home-secretary")
    assert [note.text for note in finding.facts] == ["Rachel Reeves was Chancellor of the Exchequer from 5 July 2024."]


def test_on_one_line_the_message_says_earlier_on_this_line():
    [message] = conflicts("Rachel Reeves, the chancellor, spoke first. The home secretary, Rachel Reeves, replied.")
    assert '"chancellor" earlier on this line' in message


def test_a_conflict_is_reported_once_per_person_and_pair_of_offices():
    text = "Chancellor Rachel Reeves spoke. Home Secretary Rachel Reeves replied. Chancellor Rachel Reeves arrived. Home Secretary Rachel Reeves stayed."
    assert len(conflicts(text)) == 1


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # Different people, or one surname two people share, each resolved by the title.
        ("Chancellor Rachel Reeves met Home Secretary Yvette Cooper.", "2025-06-01"),
        ("Chancellor Kenneth Clarke met Home Secretary Charles Clarke.", "2005-06-01"),
        # Recorded held together: the Prime Minister is First Lord of the Treasury.
        ("Prime Minister Keir Starmer spoke. First Lord of the Treasury Keir Starmer signed.", "2025-06-01"),
        # The person recorded in both on a day of the window: Gordon Brown on 27 June 2007.
        ("Chancellor Gordon Brown spoke. Prime Minister Gordon Brown replied.", "2007-06-01..2007-07-31"),
        # Offices the facts never know together (no holders): nothing says they are exclusive.
        ("Foreign Secretary David Lammy spoke. Justice Secretary David Lammy replied.", "2025-06-01"),
        # Claims about another time: former, then-, a fronted time, a time later in the clause.
        ("Chancellor Rachel Reeves spoke. Former Home Secretary Rachel Reeves replied.", "2025-06-01"),
        ("Chancellor Sajid Javid resigned. Then-Home Secretary Sajid Javid had approved it.", "2020-03-01"),
        ("Chancellor Sajid Javid resigned. In 2019, Home Secretary Sajid Javid approved it.", "2020-03-01"),
        ("Chancellor Sajid Javid resigned. Home Secretary Sajid Javid approved it in 2019.", "2020-03-01"),
        # The other office given at another time elsewhere: the current title may be loose.
        ("Former Home Secretary Sajid Javid spoke. Chancellor Sajid Javid spoke. Home Secretary Sajid Javid wrote.", "2020-01-01"),
        # A change of office told in the article.
        ("Chancellor Rachel Reeves spoke. The newly appointed Home Secretary Rachel Reeves took questions.", "2025-06-01"),
        ("Outgoing Chancellor Rachel Reeves spoke. Home Secretary Rachel Reeves took questions.", "2025-06-01"),
        ("Chancellor Rachel Reeves spoke. New Home Secretary Rachel Reeves took questions.", "2025-06-01"),
        # The speaker's words.
        ('"Home Secretary Rachel Reeves? Never," said Chancellor Rachel Reeves.', "2025-06-01"),
        # One claim only.
        ("Home Secretary Rachel Reeves spoke.", "2025-06-01"),
    ],
)
def test_office_conflict_leaves_alone(text, date):
    assert conflicts(text, date) == []


def test_a_claim_the_facts_cannot_judge_is_still_a_contradiction():
    """The facts record no Home Secretary in 2009: office-holder is silent, but the article
    contradicts itself."""
    text = "Chancellor Alistair Darling spoke. Home Secretary Alistair Darling replied."
    assert lint(text, rule="office-holder", date="2009-06-01", facts_yaml=CABINET) == []
    assert conflicts(text, "2009-06-01")


DECLARED = """
rules:
  - id: cabinet
    kind: office-conflict
    severity: warning
    message: '{person}: "{other_text}" {other_where} and "{text}" here ({other_office}, {office}, line {other_line}, {date}).'
    description: d
    exclusive: [[uk-foreign-secretary, uk-justice-secretary]]
    infer_exclusive: false
    examples: {flag: [], pass: []}
"""


def test_declared_exclusive_offices_need_no_record_and_inference_can_be_turned_off():
    assert conflicts("Foreign Secretary David Lammy spoke.\nJustice Secretary David Lammy replied.", rules_yaml=DECLARED) == [
        'David Lammy: "Foreign Secretary David Lammy" at line 1 and "Justice Secretary David Lammy" here '
        "(Foreign Secretary, Justice Secretary, line 1, on 1 June 2025)."
    ]
    assert conflicts("Chancellor Rachel Reeves spoke. Home Secretary Rachel Reeves replied.", rules_yaml=DECLARED) == []


def test_exclusive_by_record():
    def office(office_id: str, *tenures: tuple[str, str, str | None], seats: int = 1) -> Office:
        made = tuple(Tenure(office_id, who, dt.date.fromisoformat(a), b and dt.date.fromisoformat(b)) for who, a, b in tenures)
        return Office(office_id, office_id, (office_id,), seats, made)

    chancellor = office("chancellor", ("brown", "1997-05-02", "2007-06-27"), ("darling", "2007-06-28", "2010-05-11"))
    premier = office("pm", ("blair", "1997-05-02", "2007-06-27"), ("brown", "2007-06-27", "2010-05-11"))
    assert not held_together(chancellor, premier)  # the handover day is no overlap
    assert exclusive_by_record(chancellor, premier) and not exclusive_by_record(premier, premier)
    overlapping = office("chair", ("brown", "2007-06-26", None))
    assert held_together(chancellor, overlapping) and not exclusive_by_record(chancellor, overlapping)
    later = office("later", ("someone", "2011-01-01", None))
    assert not covered_together(chancellor, later) and not exclusive_by_record(chancellor, later)
    board = office("board", ("a", "2000-01-01", None), ("b", "2000-01-01", "2001-01-01"), seats=3)  # never every seat known
    assert not covered_together(chancellor, board)
    gap = office("gap", ("x", "1990-01-01", "1997-05-01"))  # ends the day before the chancellor's record begins
    assert not covered_together(chancellor, gap)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("    exclusive: [a, b]", "each item of 'exclusive' in rule 'r' must be a list of two office ids or more"),
        ("    exclusive: [[a]]", "each item of 'exclusive' in rule 'r' must be a list of two office ids or more"),
        ("    infer_exclusive: sometimes", "'infer_exclusive' in rule 'r' must be true or false"),
    ],
)
def test_office_conflict_parameters_are_validated(extra, expected):
    assert expected in pack_error("office-conflict", extra)


# -- event-date-conflict -----------------------------------------------------------------------


def test_one_event_given_two_dates_is_reported_with_both_and_the_facts():
    text = "The first meeting of military chiefs took place on 20 March.\n\nThe meeting of military chiefs on March 15 went well.\n"
    [finding] = lint(text, rule="event-date-conflict", facts_yaml=CABINET)
    assert finding.message == (
        'The text dates First meeting of coalition military chiefs "March 15" here and "20 March" at line 1: it took place on 20 March 2025.'
    )
    assert (finding.line, text[finding.span.start : finding.span.end]) == (3, "March 15")
    assert finding.evidence == ("chiefs",)


@pytest.mark.parametrize(
    "text",
    [
        # The same day and month, with or without a year; an anniversary.
        "The meeting of military chiefs on 20 March 2025 was the first. The 20 March meeting of military chiefs set the plan.",
        "The meeting of military chiefs on 20 March 2025 was the first. The meeting of military chiefs on 20 March 2024 was not.",
        # A sentence the rule's ignore regex matches.
        "The meeting of military chiefs on 20 March was the first. Ministers marked the anniversary of the meeting of military chiefs on 22 March.",
        # A quotation.
        'The meeting of military chiefs on 20 March was the first. "The meeting of military chiefs on 15 March was a disaster," he said.',
        # An event of several days.
        "The Paris Olympics on 26 July 2024 opened in the rain. The Paris Olympics on 11 August 2024 closed in the sun.",
        # A recurring event: two editions unless both dates say the same year.
        "The London Marathon on 21 April 2024 drew crowds. The London Marathon on 27 April 2025 was wetter.",
        "The London Marathon on 21 April 2024 drew crowds. The London Marathon on 27 April was wetter.",
        # One date only.
        "The meeting of military chiefs on 15 March was the first.",
    ],
)
def test_event_date_conflict_leaves_alone(text):
    assert conflicts(text, rule="event-date-conflict") == []


def test_a_recurring_event_with_two_days_of_one_year_names_that_years_edition():
    [message] = conflicts(
        "The London Marathon on 21 April 2024 drew crowds. Runners in the London Marathon on 28 April 2024 got medals.", rule="event-date-conflict"
    )
    assert message == 'The text dates 2024 London Marathon "28 April 2024" here and "21 April 2024" earlier on this line: it took place on 21 April 2024.'


def test_a_mention_given_two_dates_of_its_own_is_not_compared():
    text = "The meeting of military chiefs, held on 20 March and reported on 21 March, was the first. The meeting of military chiefs on 20 March set the plan."
    assert conflicts(text, rule="event-date-conflict") == []


def test_a_bad_ignore_regex_is_located():
    assert "ignore pattern '(x' in rule 'r' is not a valid regex" in pack_error("event-date-conflict", "    ignore: '(x'")


# -- list-count --------------------------------------------------------------------------------


def counted(text: str, rules_yaml: str | None = None) -> list[str]:
    return [f.message for f in lint(text, rule=None if rules_yaml else "list-count", rules_yaml=rules_yaml)]


def test_a_count_the_list_disagrees_with_is_reported_over_the_count_and_the_list():
    text = "The coalition's military work is divided into four segments: air, sea and land."
    [finding] = lint(text, rule="list-count")
    assert finding.message == 'The text announces "four segments" but lists three: "air, sea and land".'
    assert text[finding.span.start : finding.span.end] == "four segments: air, sea and land"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four segments: air, sea and land.", "lists three"),
        ("It has three key parts: training, equipment, logistics and reconstruction.", "lists four"),
        ("It has three parts: training, equipment, and logistics, and more.", None),
        ("It has 2 parts: training, equipment and logistics.", "lists three"),
        ("It has 12 EU member states: France, Germany and Italy.", "lists three"),
        ("It has twelve parts: training or equipment.", "lists two"),
        ("It has three parts: training or equipment; the rest is secret.", "lists two"),
        ("IT HAS FOUR PARTS: AIR, SEA AND LAND.", "lists three"),
        # An adverb between the noun and the colon.
        ("The storm hit four towns hardest: Ayr, Troon and Irvine.", "lists three"),
        ("It named four rivals explicitly: Acme, Apex and Zenith.", "lists three"),
        ("The city has had three heads of government: Ana Lima and Rui Costa.", "lists two"),
        ("The bloc has five founding members: Laos, Peru and Chad.", "lists three"),
        ("The coalition is made up of five parties: the Greens, the Liberals and the Pirates.", "lists three"),
        ("The party gave the state four premiers between 2016 and 2024: Ana Lima, Rui Costa and Ian Ross.", "lists three"),
        ("The province has had four premiers in a dozen years: Ana Lima, Rui Costa and Ian Ross.", "lists three"),
        ("Labour gave the NT four chief ministers: Ana Lima, Rui Costa and Ian Ross.", "lists three"),
        # A place after the noun: "across the Island", "throughout the region".
        ("The storm cut three services across the Island: power, phones, internet and water.", "lists four"),
        ("The storm cut four services throughout the region: power, gas and water.", "lists three"),
    ],
)
def test_list_count_reads(text, expected):
    found = counted(text)
    assert (found == []) if expected is None else (len(found) == 1 and expected in found[0]), found


@pytest.mark.parametrize(
    "text",
    [
        "The work is divided into four segments: air, sea, land and reconstruction.",
        "The work is divided into four segments: air, sea, land, and reconstruction.",  # the serial comma
        # Not a complete enumeration.
        "The work is divided into four segments, including air, sea and land.",
        "The work has four segments: including air, sea and land.",
        "The work has four segments: among them air, sea and land.",
        "The work has four segments: such as air, sea and land.",
        "The work has four segments: air, sea and land, among others.",
        "The work has four segments: air, sea, land and so on.",
        "The work has four segments: air, sea, land.",  # no final conjunction
        "The work has four segments: air and sea and land.",
        "The work has four segments: research and development, sales and marketing.",
        # Not a count of the noun.
        "Three of the four segments: air, sea and land.",
        "The first of three parts: air and sea.",
        "It is one of two parts: air, sea and land.",
        "Four countries sent ships: France and Britain.",
        "Four countries sent ships mostly: France and Britain.",
        "The storm hit four towns particularly: Ayr, Troon and Irvine.",  # a selection
        "The talks took four rounds of negotiations: May, June and July.",
        "The firm sold four units in the third quarter of 2024: Acme, Apex and Zenith.",
        "Four countries sending ships: France and Britain.",
        "The three-day talks: Paris and Rome.",
        "The Big Four firms: Deloitte, KPMG and EY.",
        "Channel 4 programmes: News, Sport and Drama.",
        "It has 1 segment: air, sea and land.",
        "It has 100 segments: air, sea and land.",
        "It cost £12 items: air, sea and land.",
        # Measures, breakdowns.
        "The team scored 12 points: Smith and Jones.",
        "It has five parts: two from Smith and three from Jones.",
        "It has five parts: 2 from Smith and 3 from Jones.",
        # Items that may not be items.
        "It has four parts: the first part of the plan, the second and the last.",
        "The plan has four parts: air, sea and land were agreed.",
        "Three firms bid: Cemax Inc, a Santa Clara, Calif., maker of graphics systems, and Pixar.",
        "It has two cities: Paris, France and Rome.",
        "The six nations: England, France, Scotland and the Celtic nations.",
        "It has four parts: air (with France), sea and land.",
        # The speaker's words; a list on the next lines.
        '"We have four segments: air, sea and land," the minister said.',
        "The issue has four maturities:\n\n- 1990, 1994 and 1997",
        "The issue has four maturities:\nair, sea and land.",
    ],
)
def test_list_count_leaves_alone(text):
    assert counted(text) == []


FRENCH = """
rules:
  - id: liste
    kind: list-count
    severity: warning
    message: "«{announced}» ({count}), mais {listed} : {list} ({noun}, {items})."
    description: d
    numbers: {deux: 2, trois: 3, quatre: 4}
    conjunctions: [et, ou]
    partial: [dont, notamment]
    examples: {flag: [], pass: []}
"""


def test_the_vocabulary_is_the_rules_own():
    assert counted("Le travail est divisé en quatre segments : air, mer et terre.", FRENCH) == [
        "«quatre segments» (4), mais 3 : air, mer et terre (segments, trois)."
    ]
    assert counted("Le travail est divisé en quatre segments : notamment air, mer et terre.", FRENCH) == []
    assert counted("The work is divided into four segments: air, sea and land.", FRENCH) == []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("    numbers: {one: 1}", "each entry of 'numbers' in rule 'r' must map one word to a whole number of 2 or more"),
        ("    numbers: {two words: 2}", "each entry of 'numbers' in rule 'r' must map one word"),
        ("    numbers: [two]", "'numbers' in rule 'r' must be a mapping"),
        ("    numbers: {two: 2}\n    max_item_words: 0", "'max_item_words' in rule 'r' must be 1 or more"),
        ("    numbers: {two: 2}\n    partial: including", None),
        ("", "rule 'r' (kind list-count) is missing the required field 'numbers'"),
    ],
)
def test_list_count_parameters_are_validated(extra, expected):
    if expected is None:
        read_pack(load_yaml(RULE.format(kind="list-count", extra=extra), "pack.yaml"), "pack.yaml")
    else:
        assert expected in pack_error("list-count", extra)


RULE = """rules:
  - id: r
    kind: {kind}
    severity: warning
    message: m
    description: d
    examples: {{flag: [], pass: []}}
{extra}
"""


def pack_error(kind: str, extra: str) -> str:
    with pytest.raises(UserError) as caught:
        read_pack(load_yaml(textwrap.dedent(RULE.format(kind=kind, extra=extra)), "pack.yaml"), "pack.yaml")
    return str(caught.value)
