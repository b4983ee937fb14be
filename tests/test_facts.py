"""Fact files: loading, merging, and every validation error with its location."""

from __future__ import annotations

import pytest

from linter.errors import UserError
from linter.facts.load import load_facts

from conftest import facts_from, run_cli


def errors_of(write, *contents: str) -> str:
    paths = [str(write(f"facts{i}.yaml", content)) for i, content in enumerate(contents)]
    with pytest.raises(UserError) as caught:
        load_facts(paths)
    return str(caught.value)


def test_loads_the_seed_facts_with_holders_sorted():
    facts = facts_from()
    office = facts.offices["uk-prime-minister"]
    assert [t.who for t in office.holders] == ["boris-johnson", "rishi-sunak", "keir-starmer"]
    assert office.holders[-1].end is None
    assert facts.entities["acme"].type == "organization"
    assert facts.events["summit"].when.start.isoformat() == "2025-03-20"


def test_several_files_merge(write):
    first = write("a.yaml", "facts_version: 1\nentities:\n  - {id: a-person, name: A Person}\n")
    second = write(
        "b.yaml",
        "facts_version: 1\noffices:\n  - id: mayor\n    name: Mayor\n    titles: [Mayor]\n    holders:\n      - {who: a-person, from: 2020-01-01}\n",
    )
    facts = load_facts([str(first), str(second)])
    assert facts.offices["mayor"].holders[0].who == "a-person"


def test_same_id_in_two_files_is_a_clash_with_both_locations(write):
    message = errors_of(write, "facts_version: 1\nentities:\n  - {id: x, name: X}\n", "facts_version: 1\nentities:\n  - {id: x, name: Y}\n")
    assert "facts1.yaml:3:" in message and "duplicate id 'x'" in message and "facts0.yaml:3:" in message


def test_holder_must_be_a_known_entity(write):
    message = errors_of(write, "facts_version: 1\noffices:\n  - id: o\n    name: O\n    titles: [O]\n    holders:\n      - {who: nobody, from: 2020-01-01}\n")
    assert ":7:9: holder 'nobody' of office 'o' is not a known entity id" in message


def test_more_holders_than_seats_is_a_clash_but_a_handover_day_is_not(write):
    base = "facts_version: 1\nentities:\n  - {id: a, name: A}\n  - {id: b, name: B}\noffices:\n  - id: o\n    name: O\n    titles: [O]\n"
    handover = base + "    holders:\n      - {who: a, from: 2020-01-01, to: 2021-01-01}\n      - {who: b, from: 2021-01-01}\n"
    assert load_facts([str(write("ok.yaml", handover))]).offices["o"].seats == 1
    overlap = base + "    holders:\n      - {who: a, from: 2020-01-01, to: 2021-01-02}\n      - {who: b, from: 2021-01-01}\n"
    assert "has 1 seat(s) but 2 holders on 2021-01-01: A, B" in errors_of(write, overlap)
    two_seats = base + "    seats: 2\n    holders:\n      - {who: a, from: 2020-01-01, to: 2021-01-02}\n      - {who: b, from: 2021-01-01}\n"
    assert load_facts([str(write("seats.yaml", two_seats))]).offices["o"].seats == 2


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("facts_version: 1\nentities:\n  - {id: a, name: A, alias: [x]}\n", "3:22: unknown field 'alias' in entities[0] (did you mean 'aliases'?)"),
        ("entities: []\n", "missing the required field 'facts_version'"),
        ("facts_version: 2\n", "1:16: unsupported facts_version 2"),
        ("facts_version: 1\nentities:\n  - {id: Bad_Id, name: A}\n", "3:10: id 'Bad_Id' must be a slug"),
        ("facts_version: 1\nentities:\n  - {id: a, name: A, type: robot}\n", "type 'robot' in entities[0] must be one of"),
        ("facts_version: 1\nevents:\n  - {id: e, name: E, date: 2025-02-30}\n", "3:28: 'date' in events[0]: '2025-02-30' is not a real calendar date"),
        ("facts_version: 1\nevents:\n  - {id: e, name: E, date: 2025-03-01, mentions: ['(unclosed']}\n", "is not a valid regex"),
        ("facts_version: 1\nentities:\n  - {id: a, name: A}\n  - {id: a, name: B}\n", "4:10: duplicate id 'a'"),
        ("facts_version: 1\nentities:\n  - id: a\n    name: A\n    name: B\n", "5:5: duplicate key 'name' (first written at line 4)"),
        ("facts_version: 1\nentities: [\n", "invalid YAML"),
        ("facts_version: 1\nentities: {id: a}\n", "2:11: 'entities' must be a list, not a mapping"),
        ("facts_version: 1\noffices:\n  - {id: o, name: O, titles: [O], seats: 0}\n", "'seats' in offices[0] must be 1 or more"),
        ("facts_version: 1\nquotes:\n  - {id: q, speaker: nobody, date: 2020-01-01, text: hi}\n", "speaker 'nobody' of quote 'q' is not a known entity id"),
    ],
)
def test_invalid_fact_files_are_located(write, content, expected):
    assert expected in errors_of(write, content)


def test_tenure_that_ends_before_it_starts(write):
    content = (
        "facts_version: 1\nentities:\n  - {id: a, name: A}\noffices:\n  - id: o\n    name: O\n    titles: [O]\n"
        "    holders:\n      - {who: a, from: 2021-01-01, to: 2020-01-01}\n"
    )
    assert "9:40: offices[0].holders[0] ends (2020-01-01) before it starts (2021-01-01)" in errors_of(write, content)


def test_every_problem_in_a_file_is_reported_at_once(write):
    message = errors_of(write, "facts_version: 1\nentities:\n  - {id: a, nme: A}\n  - {id: B, name: B}\n")
    assert "unknown field 'nme'" in message and "missing the required field 'name'" in message and "id 'B' must be a slug" in message


def test_missing_file(tmp_path):
    with pytest.raises(UserError, match="no such file or directory"):
        load_facts([str(tmp_path / "absent.yaml")])


STAGES = """\
facts_version: 1
entities:
  - {id: rishi-sunak, name: Rishi Sunak}
  - {id: keir-starmer, name: Keir Starmer}
  - {id: norway, name: Norway, aliases: [NO, Norge], type: place}
  - {id: Bad_Id, name: Bad}
offices:
  - id: uk-prime-minister
    name: Prime Minister of the United Kingdom
    titles: [Prime Minister]
    seats: two
    holders:
      - {who: rishi-sunk, from: 2022-10-25, to: 2024-07-05}
      - {who: keir-starmer, from: 2024-07-05}
      - {who: Bad_Id, from: 2024-07-05}
events:
  - {id: summit, name: Summit, date: 2025-03-20, mentions: ['(unclosed']}
quotes:
  - {id: q, speaker: keir-starmr, date: 2025-03-02, text: "words"}
"""


def test_validate_reports_every_problem_of_every_stage_at_once_in_file_order(write, tmp_path):
    """A bad regex or a bad id no longer hides an unknown holder; a misspelt id gets a suggestion;
    YAML's NO (read as false) is named as written, with the quotes that keep it."""
    write("facts.yaml", STAGES)
    result = run_cli("validate", "facts.yaml", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "facts.yaml:5:42: each item of 'aliases' in entities[2] must be a non-empty string, not NO, which YAML reads as false; "
        "write it in quotes: 'NO'",
        "facts.yaml:6:10: id 'Bad_Id' must be a slug of lowercase letters, digits and single hyphens",
        "facts.yaml:11:12: 'seats' in offices[0] must be a whole number, not 'two'",
        # the invalid entity's id counts as written, and the office's seats being unknown, no clash is told
        "facts.yaml:13:9: holder 'rishi-sunk' of office 'uk-prime-minister' is not a known entity id (did you mean 'rishi-sunak'?)",
        "facts.yaml:17:60: mention pattern '(unclosed' in events[0] is not a valid regex: missing ) at position 9",
        "facts.yaml:19:5: speaker 'keir-starmr' of quote 'q' is not a known entity id (did you mean 'keir-starmer'?)",
    ]


def test_references_are_not_checked_when_an_entity_id_cannot_be_read(write):
    content = STAGES.replace("{id: rishi-sunak, name: Rishi Sunak}", "{idd: rishi-sunak, name: Rishi Sunak}")
    message = errors_of(write, content)
    assert "unknown field 'idd' in entities[0] (did you mean 'id'?)" in message and "not a known entity id" not in message


def test_an_unreadable_fact_file_does_not_hide_the_problems_of_the_others(write, tmp_path):
    write("broken.yaml", "facts_version: 1\nentities: [\n")
    write("good.yaml", "facts_version: 1\nentities:\n  - {id: a, name: A, aliases: [1984]}\n")
    draft = write("d.txt", "Fine.\n")
    result = run_cli("check", str(draft), "--facts", "broken.yaml", "--facts", "good.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "broken.yaml:3:1: invalid YAML" in result.stderr
    assert "good.yaml:3:32: each item of 'aliases' in entities[0] must be a non-empty string, not 1984, which YAML reads as the " \
        "number 1984; write it in quotes: '1984'" in result.stderr


def test_a_swap_term_yaml_reads_as_a_boolean_gets_the_quoting_hint(write, tmp_path):
    write("pack.yaml", """\
        rules:
          - id: country-codes
            kind: substitution
            severity: warning
            message: 'Write "{replacement}", not "{match}".'
            description: d
            swap: {NO: Norway, "Deutschland": yes}
            examples: {flag: [], pass: []}
        """)
    result = run_cli("validate", "pack.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "pack.yaml:7:12: each term of 'swap' in rule 'country-codes' must be a string, not NO, which YAML reads as false; write it in quotes: 'NO'",
        "pack.yaml:7:39: each term of 'swap' in rule 'country-codes' must map to a string, not yes, which YAML reads as true; "
        "write it in quotes: 'yes'",
    ]
