"""Facts that say when they were last verified: the stale-office-holder rule and `factlint facts status`."""

from __future__ import annotations

import textwrap

import pytest

from linter.errors import UserError
from linter.facts.load import load_facts

from conftest import lint, run_cli

FACTS = """
facts_version: 1
verified: 2025-01-01
entities:
  - {id: rishi-sunak, name: Rishi Sunak, aliases: [Sunak]}
  - {id: keir-starmer, name: Keir Starmer, aliases: [Starmer]}
  - {id: emmanuel-macron, name: Emmanuel Macron, aliases: [Macron]}
  - {id: rachel-reeves, name: Rachel Reeves}
offices:
  - id: uk-prime-minister
    name: Prime Minister of the United Kingdom
    titles: [Prime Minister, UK Prime Minister]
    holders:
      - {who: rishi-sunak, from: 2022-10-25, to: 2024-07-05}
      - {who: keir-starmer, from: 2024-07-05, source: https://www.gov.uk/government/history/past-prime-ministers}
  - id: french-president
    name: President of France
    titles: [President, French President]
    verified: 2025-12-01            # the office's own date wins over the file's
    holders:
      - {who: emmanuel-macron, from: 2017-05-14}
  - id: uk-chancellor
    name: Chancellor of the Exchequer
    titles: [Chancellor]
    holders:
      - {who: rachel-reeves, from: 2024-07-05}
"""


def stale(text: str, date: str) -> list[str]:
    return [f.message for f in lint(text, "stale-office-holder", date=date, facts_yaml=FACTS)]


def test_an_open_tenure_verified_long_before_the_article_is_a_warning():
    findings = lint("Prime Minister Keir Starmer visited Kyiv.", "stale-office-holder", date="2025-09-01", facts_yaml=FACTS)
    assert [(f.rule, f.severity) for f in findings] == [("stale-office-holder", "warning")]
    assert findings[0].message == (
        "The facts on Prime Minister of the United Kingdom were last verified on 1 January 2025, 243 days before the article's "
        "date: its holder, Keir Starmer (from 5 July 2024), may have changed since, so the fact may be stale."
    )


def test_within_the_age_or_on_a_closed_tenure_nothing_is_reported():
    assert stale("Prime Minister Keir Starmer visited Kyiv.", "2025-06-29") == []  # 179 days
    assert stale("Former Prime Minister Rishi Sunak spoke.", "2026-06-01") == []  # his tenure is closed
    assert stale("Then-Prime Minister Keir Starmer said.", "2026-06-01") == []  # when it began cannot go stale


def test_the_office_s_own_date_wins_and_an_office_never_verified_is_not_reported():
    assert stale("President Macron visited Kyiv.", "2026-03-01") == []  # verified 2025-12-01
    assert len(stale("Chancellor Rachel Reeves spoke.", "2026-03-01")) == 1  # the file's date applies
    never = FACTS.replace("verified: 2025-01-01\n", "")
    assert lint("Chancellor Rachel Reeves spoke.", "stale-office-holder", date="2030-01-01", facts_yaml=never) == []


def test_a_wrong_claim_resting_on_a_stale_fact_gets_both_findings_once_per_office():
    findings = lint(
        "UK Prime Minister Rishi Sunak visited Kyiv. Prime Minister Keir Starmer stayed home.", date="2026-01-01", facts_yaml=FACTS
    )
    assert sorted(f.rule for f in findings) == ["office-holder", "stale-office-holder"]


def test_every_reading_of_the_date_must_be_stale():
    assert stale("Prime Minister Keir Starmer visited Kyiv.", "2025-05-01..2026-05-01") == []
    assert stale("Prime Minister Keir Starmer visited Kyiv.", "2025-08-01..2026-05-01") != []


def test_verified_must_be_a_real_date(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_text("facts_version: 1\nverified: 2025-02-30\n")
    with pytest.raises(UserError, match=r"facts.yaml:2:11: 'verified' in a fact file"):
        load_facts([str(path)])


def test_a_rule_may_choose_its_own_age(tmp_path):
    rules = """
    rules:
      - id: stale-within-a-month
        kind: office-holder
        claims: [current]
        stale_after_days: 30
        severity: info
        message: "{office}: verified {verified}, {age} days before."
        description: Newsdesk rule.
        examples: {flag: [], pass: []}
    """
    found = lint("Prime Minister Keir Starmer spoke.", date="2025-03-01", facts_yaml=FACTS, rules_yaml=rules)
    assert [f.message for f in found] == ["Prime Minister of the United Kingdom: verified 1 January 2025, 59 days before."]
    bad = rules.replace("{office}: verified {verified}", "{office}: verified {verified} {nothing}")
    with pytest.raises(UserError, match="uses '{nothing}'"):
        lint("x", facts_yaml=FACTS, rules_yaml=bad)
    plain = rules.replace("        stale_after_days: 30\n", "")
    with pytest.raises(UserError, match="uses '{verified}'"):  # only a staleness rule can say when facts were verified
        lint("x", facts_yaml=FACTS, rules_yaml=plain)


def test_facts_status_lists_open_tenures_by_age_of_verification(tmp_path):
    (tmp_path / "facts.yaml").write_text(textwrap.dedent(FACTS))
    result = run_cli("facts", "status", "--facts", "facts.yaml", "--date", "2026-01-01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "verified    age   office                                holder           from        source",
        "2025-01-01  365d  Prime Minister of the United Kingdom  Keir Starmer     2024-07-05  https://www.gov.uk/government/history/past-prime-ministers",
        "2025-01-01  365d  Chancellor of the Exchequer           Rachel Reeves    2024-07-05  facts.yaml:26:9",
        "2025-12-01   31d  President of France                   Emmanuel Macron  2017-05-14  facts.yaml:21:9",
    ]
    older = run_cli("facts", "status", "--facts", "facts.yaml", "--date", "2026-01-01", "--older-than", "100", cwd=tmp_path)
    assert older.returncode == 1 and len(older.stdout.splitlines()) == 3
    assert "2 open tenures verified more than 100 days before 2026-01-01" in older.stderr
