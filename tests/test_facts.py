"""Fact files: loading, merging, and every validation error with its location."""

from __future__ import annotations

import pytest

from linter.errors import UserError
from linter.facts.load import load_facts

from conftest import facts_from


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
        ("facts_version: 1\noffices:\n  - {id: o, name: O, titles: [O], seats: 0}\n", "'seats' in offices[0] must be at least 1"),
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
    with pytest.raises(UserError, match="file not found"):
        load_facts([str(tmp_path / "absent.yaml")])
