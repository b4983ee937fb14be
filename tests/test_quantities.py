"""Quantities (issue 15): figures as newsrooms write them, the fact section, and the quantity rule kind."""

from __future__ import annotations

import datetime as dt
import marshal
import textwrap

import pytest
from conftest import REPO, analysis_of, facts_from, lint, run_in_process

from linter.checks.boundaries import quantity_cases
from linter.checks.rules import load_rules, read_pack
from linter.dates import DateWindow
from linter.errors import UserError
from linter.facts.cache import facts_from_plain, facts_to_plain
from linter.facts.load import load_facts
from linter.figures import find_numbers, parse_number
from linter.mentions.dates import find_figure_times
from linter.yamlio import load_yaml

# -- figures as written ---------------------------------------------------------------------------------

FIGURES = [
    # text, value, unit, bound
    ("2.6%", 2.6, "%", "exact"),
    ("2.6 per cent", 2.6, "%", "exact"),
    ("2.6 percent", 2.6, "%", "exact"),
    ("2.6 pct", 2.6, "%", "exact"),
    ("2.6pc", 2.6, "%", "exact"),
    ("£1.2bn", 1.2e9, "GBP", "exact"),
    ("1.2 billion pounds", 1.2e9, "GBP", "exact"),
    ("$40m", 40e6, "USD", "exact"),
    ("US$40m", 40e6, "USD", "exact"),
    ("€3.5 million", 3.5e6, "EUR", "exact"),
    ("15.2 mln dlrs", 15.2e6, "USD", "exact"),
    ("300 billion yen", 300e9, "JPY", "exact"),
    ("40 million Canadian dollars", 40e6, "?", "exact"),
    ("40 million", 40e6, None, "exact"),
    ("40,000", 40000, None, "exact"),
    ("a million", 1e6, None, "exact"),
    ("2.55 crore", 2.55e7, None, "exact"),  # Indian copy's scales: a crore is ten million, a lakh a hundred thousand
    ("12 lakh", 1.2e6, None, "exact"),
    ("five", 5, None, "exact"),
    ("twenty-five", 25, None, "exact"),
    ("a third", 100 / 3, "%", "exact"),
    ("two-thirds", 200 / 3, "%", "exact"),
    ("half", 50, "%", "exact"),
    ("one in four", 25, "%", "exact"),
    ("a quarter of a percentage point", 0.25, "points", "exact"),
    ("25 basis points", 0.25, "points", "exact"),
    ("5-1/2 pct", 5.5, "%", "exact"),
    ("7-3/4 pct", 7.75, "%", "exact"),
    ("1/4 pct", 0.25, "%", "exact"),
    ("minus 0.5%", -0.5, "%", "exact"),
    ("-0.3%", -0.3, "%", "exact"),
    ("more than 40 million", 40e6, None, "over"),
    ("over 40,000", 40000, None, "over"),
    ("about 2.6%", 2.6, "%", "about"),
    ("some 40", 40, None, "about"),
    ("nearly 3%", 3, "%", "almost"),
    ("almost half", 50, "%", "almost"),
    ("at least 5", 5, None, "at-least"),
    ("up to 10", 10, None, "at-most"),
    ("under 2%", 2, "%", "under"),
    ("fewer than 100", 100, None, "under"),
    ("just over 40,000", 40000, None, "just-over"),
]


@pytest.mark.parametrize(("text", "value", "unit", "bound"), FIGURES, ids=[f[0] for f in FIGURES])
def test_a_figure_is_read_as_a_newsroom_writes_it(text, value, unit, bound):
    [figure] = find_numbers(f"It was {text} of voters.", [], [])
    assert (figure.value, figure.unit, figure.bound) == (pytest.approx(value), unit, bound)
    assert f"It was {text} of voters."[figure.span.start : figure.span.end] == text


@pytest.mark.parametrize(
    "text",
    [
        "in 2019", "the 2005 budget", "at 10:30", "at 3pm", "at 0900 GMT", "the FTSE 100 index", "the G8 summit", "an F-16",
        "the 3rd time", "a yield of 4.50/43", "on 3/4", "a third term", "the 1990s", "Channel 4 said", "one of the highest",
        "five of its members",
    ],
)
def test_what_is_no_figure(text):
    assert find_numbers(f"It was {text}.", [], []) == []


def test_numbers_inside_dates_and_written_times_are_no_figures():
    analysis = analysis_of("On 15 March 2025 inflation was 2.6%, and in March 2024 it was 3.2%.", facts_yaml=QFACTS)
    assert [analysis.text(n.span) for n in analysis.numbers] == ["2.6%", "3.2%"]


def test_figures_are_read_only_against_quantity_facts():
    assert analysis_of("Inflation was 2.6% in March.").numbers == []


def test_ranges_are_one_figure_and_changes_two():
    texts = lambda text: [(text[n.span.start : n.span.end], n.value, n.high) for n in find_numbers(text, [], [])]  # noqa: E731
    assert texts("It was 2.5-3% or 2.5 to 3 per cent.") == [("2.5-3%", 2.5, 3.0), ("2.5 to 3 per cent", 2.5, 3.0)]
    assert texts("between 40 and 50 million people") == [("between 40 and 50 million", 40e6, 50e6)]
    assert texts("it rose from 2.6% to 3.1%") == [("2.6%", 2.6, None), ("3.1%", 3.1, None)]
    assert texts("it rose 0.3% to 3.1%") == [("0.3%", 0.3, None), ("3.1%", 3.1, None)]
    assert texts("they won 2-1") == [("2", 2, None), ("1", 1, None)]


def test_a_written_figure_is_taken_as_rounded_at_its_last_digit():
    precision = {text: find_numbers(text, [], [])[0].precision for text in ("2.6%", "40 million", "40,000", "41,000", "17.25%", "5-1/2 pct")}
    assert precision == pytest.approx({"2.6%": 0.05, "40 million": 5e6, "40,000": 5000, "41,000": 500, "17.25%": 0.005, "5-1/2 pct": 0.25})


@pytest.mark.parametrize(
    ("written", "fact", "tolerance", "agrees"),
    [
        ("more than 40 million", 41e6, 0, True),
        ("more than 40 million", 39e6, 0, False),
        ("more than 40 million", 40e6, 0, False),
        ("at least 40 million", 40e6, 0, True),
        ("under 2%", 1.9, 0, True),
        ("under 2%", 2.1, 0, False),
        ("up to 10", 10, 0, True),
        ("about 40,000", 41500, 0, True),
        ("nearly 3%", 2.8, 0, True),
        ("nearly 3%", 3.6, 0, False),
        ("2.6%", 2.65, 0, True),  # 2.6 is 2.55 to 2.65
        ("2.6%", 2.7, 0, False),
        ("2.6%", 2.7, 0.05, True),
        ("2.5-3%", 2.8, 0, True),
        ("2.5-3%", 3.6, 0, False),
    ],
)
def test_bounds_and_tolerance(written, fact, tolerance, agrees):
    [figure] = find_numbers(written, [], [])
    assert figure.agrees_with(fact, tolerance) is agrees


def test_parse_number_reads_one_whole_figure():
    assert parse_number("41.2 million").value == pytest.approx(41.2e6)
    assert parse_number("£1.2bn").unit == "GBP"
    assert parse_number("lots") is None and parse_number("2.6% and 3%") is None


# -- the fact section ---------------------------------------------------------------------------------

QFACTS = """
facts_version: 1
entities:
  - {id: united-kingdom, name: United Kingdom, type: place, aliases: [UK, Britain]}
  - {id: united-states, name: United States, type: place, aliases: [US]}
  - {id: ukraine, name: Ukraine, type: place, aliases: [the Ukraine]}
  - {id: kyiv, name: Kyiv, type: place}
  - {id: japan, name: Japan, type: place, aliases: [Japanese]}
  - {id: bank-of-england, name: Bank of England, type: organization}
  - {id: bank-of-japan, name: Bank of Japan, type: organization, aliases: [BOJ]}
  - {id: federal-reserve, name: Federal Reserve, type: organization, aliases: [Fed]}
quantities:
  - {id: cpi-2025-02, name: UK CPI inflation, mentions: ['(?:UK )?(?:CPI )?inflation'], value: 2.8, unit: percent, tolerance: 0.05,
     date: 2025-02, source: https://www.ons.gov.uk/february2025}
  - {id: cpi-2025-03, name: UK CPI inflation, mentions: ['(?:UK )?(?:CPI )?inflation'], value: 2.6, unit: percent, tolerance: 0.05,
     date: 2025-03, source: https://www.ons.gov.uk/march2025}
  - {id: rate-a, name: Bank Rate, subject: bank-of-england, mentions: ['interest rates?'], value: 4.5, unit: percent, from: 2025-02-06, to: 2025-05-07}
  - {id: rate-b, name: Bank Rate, subject: bank-of-england, mentions: ['interest rates?'], value: 4.25, unit: percent, from: 2025-05-08}
  - {id: uk-pop, name: the population of the United Kingdom, subject: united-kingdom, mentions: [population], value: 68.3 million,
     unit: count, tolerance: 50000, date: 2023}
  - {id: ukraine-pop, name: the population of Ukraine, subject: ukraine, mentions: [population], value: 37.9 million, unit: count,
     tolerance: 100000, date: 2023}
  - {id: kyiv-pop, name: the population of Kyiv, subject: kyiv, mentions: [population, people], value: 2.9 million, unit: count,
     tolerance: 100000, date: 2023}
  - {id: japan-rate, name: Bank of Japan discount rate, subject: [japan, bank-of-japan], mentions: [discount rate], value: 2.5,
     unit: percent, from: 1987-02-23, to: 1987-12-31}
  - {id: budget, name: the defence budget, mentions: [defence budget], value: £60bn, unit: GBP, tolerance: £0.5bn, date: 2025}
  - {id: ceiling, name: the OPEC output ceiling, mentions: ['(?:output |production )?ceiling'], value: 15.8 million, unit: barrels per day,
     from: 1987-01-01, to: 1987-06-30}
"""


def quantity(text: str, date: str = "2025-04-20") -> list[str]:
    return [finding.message for finding in lint(text, "quantity", date, QFACTS)]


def test_the_section_loads_and_survives_the_cache():
    facts = facts_from(QFACTS)
    cpi = facts.quantities["cpi-2025-03"]
    assert (cpi.value, cpi.unit, cpi.start, cpi.end, cpi.period, cpi.tolerance) == (2.6, "percent", dt.date(2025, 3, 1), dt.date(2025, 3, 31), True, 0.05)
    assert facts.quantities["uk-pop"].value == 68.3e6 and facts.quantities["uk-pop"].subject == ("united-kingdom",)
    assert facts.quantities["rate-b"].end is None and not facts.quantities["rate-b"].period
    assert facts.quantities["budget"].tolerance == 0.5e9
    cached = facts_from_plain(marshal.loads(marshal.dumps(facts_to_plain(facts))))
    assert {key: cached.quantities[key] for key in cached.quantities} == dict(facts.quantities)


def load_error(section: str) -> str:
    with pytest.raises(UserError) as caught:
        facts_from("facts_version: 1\nentities:\n  - {id: uk, name: UK, type: place}\nquantities:\n" + textwrap.dedent(section))
    return str(caught.value)


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("  - {id: a, name: A, mentions: [a], value: 1, unit: '%', date: 2025}\n", "facts.yaml:5:51: unit '%' in quantities[0] must be percent"),
        ("  - {id: a, name: A, mentions: [a], value: lots, unit: count, date: 2025}\n", "facts.yaml:5:42: 'value' in quantities[0] must be a number"),
        ("  - {id: a, name: A, mentions: [a], value: 2.6%, unit: count, date: 2025}\n", "'value' in quantities[0] is written in percent, but the unit is count"),
        ("  - {id: a, name: A, mentions: [a], value: 1, unit: count, date: 2025-13}\n", "'date' in quantities[0] must be a day, month or year"),
        ("  - {id: a, name: A, mentions: [a], value: 1, unit: count}\n", "quantities[0] needs either 'date'"),
        ("  - {id: a, name: A, mentions: [a], value: 1, unit: count, date: 2025, from: 2025-01-01}\n", "needs either 'date'"),
        ("  - {id: a, name: A, mentions: [a], value: 1, unit: count, from: 2025-02-01, to: 2025-01-01}\n", "quantities[0] ends (2025-01-01) before it starts"),
        ("  - {id: a, name: A, mentions: ['(a'], value: 1, unit: count, date: 2025}\n", "mention pattern '(a' in quantities[0] is not a valid regex"),
        ("  - {id: a, name: A, mentions: [a], value: 1, unit: count, date: 2025, tolerance: -1}\n", "'tolerance' in quantities[0] must be 0 or more"),
        ("  - {id: a, name: A, mentions: [a], value: 1, unit: count, date: 2025, subject: ku}\n", "facts.yaml:5:3: subject 'ku' of quantity 'a' is not a known entity id"),
        ("  - {id: a, name: A, mentions: [a], value: 1, unit: count, date: 2025, amount: 3}\n", "unknown field 'amount' in quantities[0]"),
        (
            "  - {id: a, name: A, mentions: [a], value: 1, unit: count, date: 2025-03}\n  - {id: b, name: A, mentions: [a], value: 2, unit: count, date: 2025-03}\n",
            "facts.yaml:6:3: quantity 'b' gives a second value of A in March 2025 (after 'a')",
        ),
        (
            "  - {id: a, name: A, mentions: [a], value: 1, unit: percent, from: 2025-01-01}\n  - {id: b, name: A, mentions: [a], value: 2, unit: percent, from: 2025-03-01}\n",
            "quantity 'b' gives a second value of A on 1 March 2025 (after 'a', in force from 1 January 2025)",
        ),
        (
            "  - {id: a, name: A, mentions: [a], value: 1, unit: percent, date: 2024}\n  - {id: b, name: A, mentions: [a], value: 2, unit: count, date: 2025}\n",
            "quantity 'b' of A is in count, but 'a' of the same measure is in percent",
        ),
        (
            "  - {id: a, name: A, mentions: [a], value: 1, unit: count, date: 2024}\n  - {id: b, name: A, mentions: [a], value: 2, unit: count, from: 2025-01-01}\n",
            "quantity 'b' of A is in force over days ('from'), but 'a' of the same measure describes a period ('date')",
        ),
    ],
)
def test_every_problem_of_a_quantity_is_located(section, expected):
    assert expected in load_error(section)


def test_the_repositorys_fact_files_with_quantities_load():
    for path in ("tests/data/bbc/facts.yaml", "tests/data/reuters/facts.yaml"):
        assert load_facts([str(REPO / path)]).quantities


# -- the rule kind --------------------------------------------------------------------------------------


def test_a_wrong_figure_for_the_month_named_is_reported_in_words():
    assert quantity("Inflation rose to 3.1% in March.") == ['UK CPI inflation was 2.6% in March 2025, not "3.1%" (tolerance 0.05 points).']
    [finding] = lint("Inflation rose to 3.1% in March.", "quantity", "2025-04-20", QFACTS)
    assert finding.evidence == ("cpi-2025-03",)
    assert [note.text for note in finding.facts] == [
        "UK CPI inflation was 2.6% in March 2025 (tolerance 0.05 points; source: https://www.ons.gov.uk/march2025)."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Inflation fell to 2.6% in March.",
        "Inflation was 2.65% in March.",  # the top of the tolerance
        "Inflation was 2.6 per cent in March, down from 2.8 per cent in February.",
        "Inflation was about 2.7% in March.",
        "Inflation rose to 3.1% in April.",  # no value for April: nothing is said
        "Inflation rose to 3.1%.",  # a figure for a period is checked only when the period is named
        "US inflation rose to 3.1% in March.",
        "Inflation in France rose to 3.1% in March.",
        "House price inflation rose to 3.1% in March.",
        "Nationwide inflation rose to 3.1% in March, while urban inflation reached 3.4%.",  # measures of another scope
        "Economists expected inflation to rise to 3.1% in March.",
        "Inflation could rise to 3.1% in March.",
        "If inflation rose to 3.1% in March, rates would rise.",
        'She said: "Inflation rose to 3.1% in March."',
        "Inflation did not rise to 3.1% in March.",
        "Inflation rose 0.5 percentage points in March.",
    ],
)
def test_what_is_not_reported(text):
    assert quantity(text) == []


def test_a_fronted_time_and_last_month():
    assert quantity("In March, CPI inflation fell to 2.2%.") == ['UK CPI inflation was 2.6% in March 2025, not "2.2%" (tolerance 0.05 points).']
    assert quantity("Inflation rose to 3.1% last month.", "2025-04-20") == ['UK CPI inflation was 2.6% in March 2025, not "3.1%" (tolerance 0.05 points).']


def test_a_month_without_a_year_may_be_each_month_of_that_name_the_window_allows():
    facts = facts_from(QFACTS)
    times = find_figure_times("Inflation was high in March.", [], DateWindow.parse("2025-06-01"), facts)
    assert [t.window.describe() for t in times] == ["in March 2025"]
    wide = find_figure_times("in March", [], DateWindow.parse("2024-01-01..2025-12-31"), facts)
    assert [t.window.describe() for t in wide] == ["in March 2023", "in March 2024", "in March 2025"]
    last = find_figure_times("cut last November", [], DateWindow.parse("1987-03-02"), facts)
    assert [t.window.describe() for t in last] == ["in November 1985", "in November 1986"]
    this = find_figure_times("in March last year", [], DateWindow.parse("2025-06-01"), facts)
    assert [t.window.describe() for t in this] == ["in March 2024"]
    # With no value for March 2024, a figure wrong for March 2025 may still be right then: nothing.
    assert quantity("Inflation rose to 3.1% in March.", "2025-02-01..2025-04-30") == []


def test_a_month_of_last_year_and_a_year_ago_are_not_a_years_figure():
    annual = QFACTS + "  - {id: cpi-2024, name: UK CPI inflation, mentions: ['(?:UK )?(?:CPI )?inflation'], value: 2.5, unit: percent, date: 2024}\n"
    flagged = lambda text: [f.message for f in lint(text, "quantity", "2025-04-20", annual)]  # noqa: E731
    assert flagged("Inflation averaged 3.3% last year.") == ['UK CPI inflation was 2.5% in 2024, not "3.3%" (no tolerance).']
    assert flagged("Inflation was 3.2% in March last year.") == []  # March 2024: no value recorded
    assert flagged("Inflation was 3.2% a year ago.") == []


def test_a_rate_in_force_is_checked_on_each_day_the_sentence_speaks_of():
    assert quantity("The Bank of England kept interest rates at 4.75%.", "2025-06-10") == [
        'Bank Rate was 4.25% on 10 June 2025, not "4.75%" (no tolerance).'
    ]
    assert quantity("The Bank of England kept interest rates at 4.25%.", "2025-06-10") == []
    # May 2025: 4.5% to the 7th, 4.25% from the 8th: either figure is right on some day.
    assert quantity("The Bank of England held interest rates at 4.5% last month.", "2025-06-10") == []
    assert quantity("The Bank of England held interest rates at 5.5% last month.", "2025-06-10") == [
        'Bank Rate was 4.5% between 1 and 7 May 2025 and 4.25% between 8 and 31 May 2025, not "5.5%" (no tolerance).'
    ]
    assert quantity("The Bank of England held interest rates at 5% last month.", "2025-06-10") == []  # 5 may be 4.5 rounded
    # Before the first rate recorded, the facts say nothing.
    assert quantity("The Bank of England kept interest rates at 5%.", "2025-01-10") == []


def test_a_subject_must_be_named_and_tells_measures_apart():
    assert quantity("Britain's population was 70.5 million in 2023.") == [
        'The population of the United Kingdom was 68.3 million in 2023, not "70.5 million" (tolerance 50,000).'
    ]
    assert quantity("Ukraine's population was 39 million in 2023.") == [
        'The population of Ukraine was 37.9 million in 2023, not "39 million" (tolerance 100,000).'
    ]
    assert quantity("The population of Ukraine was more than 40 million in 2023.") != []
    assert quantity("The population was 70.5 million in 2023.") == []  # whose?
    assert quantity("Interest rates were cut to 3.5%, the Federal Reserve said.", "2025-06-10") == []
    assert quantity("The Fed kept interest rates at 4.75%.", "2025-06-10") == []


def test_a_possessive_in_an_appositive_is_not_the_subject_and_an_appositive_may_give_the_figure():
    # "Europe's second city" names whose city it is: Kyiv's population is meant, not Europe's.
    assert quantity("Kyiv, Ukraine's capital, had a population of 3.5 million in 2023.") != []
    assert quantity("Kyiv, Ukraine's capital, had a population of 2.9 million in 2023.") == []
    # With only a possessive before the measure, whose population it is goes unsaid.
    assert quantity("Ukraine's capital had a population of 3.5 million in 2023.") == []
    assert quantity("Kyiv, home to 3.5 million people in 2023, is Ukraine's capital.") != []
    assert quantity("Kyiv, with 3.5 million people in 2023, is Ukraine's capital.") != []
    assert quantity("Kyiv, with 2.9 million people in 2023, is Ukraine's capital.") == []
    # An appositive's figure is the name's it is set off from, opening the sentence; else nobody's.
    assert quantity("Lviv lies in western Ukraine, with a population of 720,000 in 2023.") == []
    assert quantity("Lviv lies in western Ukraine, home to a population of 720,000 in 2023.") == []
    assert quantity("Lviv, in western Ukraine, with a population of 720,000 in 2023, is old.") == []
    assert quantity("Ukraine, with a population of 39 million in 2023, is large.") != []
    # Names inside an appositive after the opening name do not compete with it.
    assert quantity("Kyiv, a city in northern Ukraine, had 3.5 million people in 2023.") != []
    assert quantity("Kyiv, a city in northern Ukraine, had 2.9 million people in 2023.") == []
    # A possessive before a phrase headed by a place ("second-largest city,"), not one a place noun only modifies.
    assert quantity("Lviv, Ukraine's second-largest city, had a population of 720,000 in 2023.") == []
    assert quantity("Ukraine's state officials said the country had a population of 39 million in 2023.") != []
    assert quantity("Ukraine's Kharkiv region had a population of 2.6 million in 2023.") == []  # capitalised words inside the phrase


def test_a_name_after_in_or_of_is_the_subject_unless_it_qualifies_another_place():
    # An alias that begins with "the" is the name itself, not an article before it.
    assert quantity("The population of the Ukraine was 39 million in 2023.") != []
    assert quantity("The 2023 census counted 3.5 million people in Kyiv.") != []
    # "the Kyiv area" is a wider place than Kyiv: its population is another measure.
    assert quantity("The 2023 census counted 3.5 million people in the Kyiv area.") == []
    assert quantity("The 2023 census counted 3.5 million people in the Kyiv region.") == []
    # "the city of Kyiv" is Kyiv.
    assert quantity("The 2023 census counted 3.5 million people in the city of Kyiv.") != []
    assert quantity("The 2023 census counted 2.9 million people in the city of Kyiv.") == []


def test_a_subject_may_be_any_of_several_names():
    assert quantity("Japan's discount rate is 3.5 pct.", "1987-03-02") != []
    assert quantity("The Bank of Japan's discount rate is 3.5 pct.", "1987-03-02") != []
    assert quantity("The Bank of Japan's discount rate is 3 pct.", "1987-03-02") == []  # 3 may be 2.5 rounded up
    # A rate set in a month named without its year is that month's, not the article's date's.
    assert quantity("Japan cut its discount rate to 3.0 pct last November.", "1987-03-02") == []
    assert quantity("The Bank of Japan's discount rate is 2-1/2 pct.", "1987-03-02") == []


def test_a_figure_must_be_in_the_measures_unit():
    assert quantity("The defence budget was £70bn in 2025.", "2025-06-01") == ['The defence budget was £60 billion in 2025, not "£70bn" (tolerance £500 million).']
    assert quantity("The defence budget was $70bn in 2025.", "2025-06-01") == []
    assert quantity("The output ceiling of 16.8 mln barrels per day was kept.", "1987-03-02") == [
        'The OPEC output ceiling was 15.8 million barrels per day on 2 March 1987, not "16.8 mln" (no tolerance).'
    ]
    assert quantity("The output ceiling of 16.8 mln tonnes was kept.", "1987-03-02") == []


def test_a_house_rule_checks_another_measure_with_yaml_alone():
    pack = """
    rules:
      - id: house-population
        kind: quantity
        severity: warning
        message: '{measure} was {value} {date}, not "{written}".'
        description: Population figures.
        patterns: ['{measure} of {number} million people', '{number} million people live in {measure}']
        examples: {flag: [], pass: []}
    """
    facts = QFACTS.replace("mentions: [population]", "mentions: [population, '(?:Britain|the UK)']")
    rules = read_pack(load_yaml(textwrap.dedent(pack), "pack.yaml"), "pack.yaml").rules
    findings = lint("In 2023 Britain had a population of 72 million people.", rules_yaml=pack, facts_yaml=facts, date="2024-01-01")
    assert rules and [f.message for f in findings] == ['The population of the United Kingdom was 68.3 million in 2023, not "72 million".']


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        ("['{measure} was']", "pattern '{measure} was' in rule 'r' must hold {measure} and {number}, each once"),
        ("['{measure} {number} {number}']", "must hold {measure} and {number}, each once"),
        ("['({measure} {number}']", "is not a valid regex"),
        ("[]", "rule 'r' needs at least one pattern"),
    ],
)
def test_a_broken_pattern_is_a_located_pack_error(patterns, expected):
    pack = f"rules:\n  - {{id: r, kind: quantity, severity: error, message: m, description: d, examples: {{flag: [], pass: []}}, patterns: {patterns}}}\n"
    with pytest.raises(UserError) as caught:
        read_pack(load_yaml(pack, "pack.yaml"), "pack.yaml")
    assert expected in str(caught.value) and "pack.yaml:2:" in str(caught.value)


# -- cases from the facts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["tests/data/bbc/facts.yaml", "tests/data/reuters/facts.yaml", None], ids=["bbc", "reuters", "qfacts"])
def test_every_tolerance_edge_flips_where_the_facts_say(path):
    facts = load_facts([str(REPO / path)]) if path else facts_from(QFACTS)
    cases = quantity_cases(facts, load_rules())
    failures = [case.describe(facts) for case in cases if not case.ok]
    assert not failures, "\n".join(failures[:20])
    assert {case.expected for case in cases} == {True, False} and {case.rule.id for case in cases} == {"quantity"}
    assert {case.quantity.id for case in cases} >= {q.id for q in facts.quantities.values() if q.unit in ("percent", "count")}


def test_a_failing_tolerance_case_is_told_in_words():
    facts = facts_from(QFACTS)
    [case] = [c for c in quantity_cases(facts, load_rules()) if c.quantity.id == "cpi-2025-03" and c.edge == "just above the tolerance"]
    assert case.describe(facts) == (
        "[quantity] expected to flag 'UK CPI inflation was 2.651% in March 2025.' on 1 April 2025, just above the tolerance of "
        "UK CPI inflation (2.6% in March 2025, tolerance 0.05 points)"
    )


def test_the_test_command_counts_the_tolerance_cases(tmp_path):
    result = run_in_process("test", "--facts", str(REPO / "tests/data/bbc/facts.yaml"), cwd=tmp_path)
    assert result.returncode == 0 and "quantity tolerance cases" in result.stdout and " 0 failed" in result.stdout


def test_a_cached_run_finds_the_same_and_a_changed_figure_is_checked_again(write, tmp_path):
    write("facts.yaml", QFACTS)
    write("story.md", "---\ndate: 2025-04-20\n---\nInflation rose to 3.1% in March.\n")
    first = run_in_process("check", "story.md", "--facts", "facts.yaml", "--output-format", "concise", cwd=tmp_path)
    again = run_in_process("check", "story.md", "--facts", "facts.yaml", "--output-format", "concise", cwd=tmp_path)
    assert first.returncode == again.returncode == 1 and first.stdout == again.stdout and "2.6%" in first.stdout
    write("facts.yaml", QFACTS.replace("value: 2.6,", "value: 3.1,"))
    fixed = run_in_process("check", "story.md", "--facts", "facts.yaml", "--output-format", "concise", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout


def test_the_schema_accepts_the_section_and_rejects_what_factlint_rejects():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    import json

    validator = jsonschema.Draft7Validator(json.loads((REPO / "linter" / "schemas" / "facts.schema.json").read_text(encoding="utf-8")))
    assert not list(validator.iter_errors(load_yaml(textwrap.dedent(QFACTS), "facts.yaml")))
    for wrong in (
        {"id": "a", "name": "A", "mentions": ["a"], "value": 1, "unit": "%", "date": 2025},
        {"id": "a", "name": "A", "mentions": ["a"], "value": 1, "unit": "count", "date": 2025, "from": "2025-01-01"},
        {"id": "a", "name": "A", "mentions": ["a"], "value": 1, "unit": "count", "to": "2025-01-01", "date": 2025},
        {"id": "a", "name": "A", "mentions": ["a"], "value": 1, "unit": "count"},
    ):
        assert list(validator.iter_errors({"facts_version": 1, "quantities": [wrong]})), wrong


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # The time between the measure and its verb: "in 2023", "at the 2023 census".
        ("Ukraine's population at the 2023 census stood at 39 million.", True),
        ("Ukraine's population at the 2023 census stood at 37.9 million.", False),
        ("Britain's population in 2023 stood at 70.5 million.", True),
        # The one census a sentence names dates its figures, wherever it stands.
        ("According to the 2023 census, Ukraine had a population of 39 million.", True),
        ("According to the 2023 census, Ukraine had a population of 37.9 million.", False),
        ("(English summary) According to the 2023 census, Ukraine had a population of 39 million.", True),  # after a label
        ("Ukraine had a population of 39 million, the census of 2023 found.", True),
        # Without its year, or with two, the census says nothing of when: no value for the article's date.
        ("Ukraine had a population of 39 million, the census found.", False),
        ("Between the 2001 census and the 2023 census, Ukraine's population fell to 39 million.", False),
        # Only a census named as the source, at the head or the end: not "since the census", nor another clause's.
        ("Ukraine's population has grown to 39 million since the 2023 census.", False),
        ("Ukraine, whose population was 37.9 million at the 2023 census, now has a population of 39 million.", False),
    ],
)
def test_a_census_or_year_between_the_measure_and_its_verb(text, reported):
    assert bool(quantity(text, "2025-04-20")) is reported


VOTE_SHARE = """
facts_version: 1
entities:
  - {id: labour-party, name: Labour Party, type: organization, aliases: [Labour]}
quantities:
  - {id: labour-share-2024, name: Labour's share of the vote, subject: labour-party, mentions: ['share of the vote'],
     value: 33.7, unit: percent, tolerance: 0.05, date: 2024}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "vote" names the measure here: the measure's own words are no hedge, "will" still is.
        ("Labour's share of the vote was 40 per cent in 2024.", ["quantity"]),
        ("Labour's share of the vote was 33.7 per cent in 2024.", []),
        ("Labour's share of the vote will be 40 per cent.", []),
    ],
)
def test_the_measures_own_words_are_no_hedge(text, expected):
    assert [f.rule for f in lint(text, "quantity", date="2025-03-01", facts_yaml=VOTE_SHARE)] == expected
