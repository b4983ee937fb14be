"""Importing into an existing fact file: edits in place, keeps what people wrote, reports a reshuffle as changes."""

from __future__ import annotations

import copy
import difflib
import json
from pathlib import Path

import pytest

from linter.facts.importers.yamltext import flow, scalar
from linter.facts.load import load_facts
from linter.yamlio import load_yaml

from conftest import REPO, run_cli

DUMP = REPO / "tests" / "data" / "wikidata" / "uk-dump.json"
POSITIONS = ["--position", "Q14211", "--position", "Q531471", "--position", "Q11696"]
GREGORIAN = "http://www.wikidata.org/entity/Q1985727"


def entities(path: Path = DUMP) -> dict[str, dict]:
    return {entity["id"]: entity for entity in (json.loads(line.rstrip(",")) for line in path.read_text().splitlines()[1:-1])}


def write_dump(path: Path, items: dict[str, dict]) -> Path:
    path.write_text("[\n" + ",\n".join(json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in items.values()) + "\n]\n")
    return path


def time_snak(prop: str, day: str) -> dict:
    value = {"time": f"+{day}T00:00:00Z", "timezone": 0, "before": 0, "after": 0, "precision": 11, "calendarmodel": GREGORIAN}
    return {"snaktype": "value", "property": prop, "datavalue": {"value": value, "type": "time"}, "datatype": "time"}


def item_snak(prop: str, item: str) -> dict:
    value = {"entity-type": "item", "numeric-id": int(item[1:]), "id": item}
    return {"snaktype": "value", "property": prop, "datavalue": {"value": value, "type": "wikibase-entityid"}, "datatype": "wikibase-item"}


def later_dump(path: Path) -> Path:
    """The dump after a reshuffle: Starmer succeeded by a new Prime Minister; Hunt's end now known to the day."""
    items = entities()
    starmer = items["Q282636"]["claims"]["P39"][0]
    starmer["qualifiers"]["P582"] = [time_snak("P582", "2026-03-01")]
    starmer["qualifiers"]["P1366"] = [item_snak("P1366", "Q900000020")]
    hunt = items["Q900000004"]["claims"]["P39"][0]
    hunt["qualifiers"]["P582"] = [time_snak("P582", "2024-07-05")]
    successor = copy.deepcopy(items["Q900000001"])  # a synthetic successor, shaped as every person item is
    successor.update(id="Q900000020", title="Q900000020", labels={"en": {"language": "en", "value": "Angela Rayner"}}, aliases={}, modified="2026-03-02T08:00:00Z")
    statement = successor["claims"]["P39"][0]
    statement["mainsnak"] = item_snak("P39", "Q14211")
    statement["qualifiers"] = {"P580": [time_snak("P580", "2026-03-01")], "P1365": [item_snak("P1365", "Q282636")]}
    items["Q900000020"] = successor
    return write_dump(path, items)


def run_import(tmp_path: Path, dump: Path, *options: str):
    result = run_cli("facts", "import", str(dump), *POSITIONS, "--output", "wikidata.yaml", *options, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return result


def test_a_reshuffle_is_merged_in_place_and_reported_as_changes(tmp_path):
    run_import(tmp_path, DUMP)
    target = tmp_path / "wikidata.yaml"
    text = target.read_text()
    # What people add to an imported file: comments, an alias, a hand-written office and events, a corrected date.
    text = text.replace("facts_version: 1\n", "facts_version: 1\n# Reviewed by the research desk on 2025-04-01.\n")
    starmer = next(line for line in text.splitlines() if "id: keir-starmer" in line)
    text = text.replace(starmer, starmer.replace("Sir Keir Starmer]", "Sir Keir Starmer, Sir Keir]") + "  # 'Sir Keir' added by hand")
    text = text.replace("{who: kwasi-kwarteng, from: 2022-09-06, to: 2022-10-14, source: https://www.wikidata.org/wiki/Q900000003#P39}",
                        "{who: kwasi-kwarteng, from: 2022-09-06, to: 2022-10-14}  # gov.uk: checked by hand")
    text += (
        "  # Not in Wikidata's P39 with dates we trust: written by hand.\n"
        "  - id: uk-leader-of-the-opposition\n    name: Leader of the Opposition (United Kingdom)\n    titles: [Leader of the Opposition]\n"
        "    holders:\n      - {who: rishi-sunak, from: 2024-07-05, to: 2024-11-02}\n\n"
        "events:\n  - {id: budget-2024, name: Autumn Budget 2024, date: 2024-10-30, mentions: ['autumn budget']}\n"
    )
    target.write_text(text)

    result = run_import(tmp_path, later_dump(tmp_path / "later.json"))
    new = target.read_text()
    lines = new.splitlines()

    def line_of(text: str) -> int:
        return next(number for number, line in enumerate(lines, 1) if text in line)

    assert result.stdout.splitlines() == [
        f"wikidata.yaml:{line_of('id: angela-rayner')}:5: new entity: angela-rayner (Angela Rayner)",
        f"wikidata.yaml:{line_of('who: jeremy-hunt')}:9: changed tenure: Jeremy Hunt, Chancellor of the Exchequer: "
        "from 2022-10-14 to 2024-07-05 (was from 2022-10-14 to 2024-07-01)",
        f"wikidata.yaml:{line_of('who: keir-starmer')}:9: closed tenure: Keir Starmer, Prime Minister of the United Kingdom: "
        "from 2024-07-05 to 2026-03-01 (was from 2024-07-05)",
        f"wikidata.yaml:{line_of('who: angela-rayner')}:9: new holder: Angela Rayner, Prime Minister of the United Kingdom, from 2026-03-01",
    ]
    assert "wrote wikidata.yaml: 1 new entity, 1 new holder, 1 closed tenure, 1 changed tenure" in result.stderr
    assert "later.json:19: warning: Q282636's P39 Q14211 overlaps another statement (later.json:19); kept the preferred one" in result.stderr
    # Everything people wrote is still there, byte for byte, and the rest changed only where the facts did.
    for kept in ("# Reviewed by the research desk on 2025-04-01.", "Sir Keir], source: https://www.wikidata.org/wiki/Q282636}  # 'Sir Keir' added by hand",
                 "{who: kwasi-kwarteng, from: 2022-09-06, to: 2022-10-14}  # gov.uk: checked by hand",
                 "  # Not in Wikidata's P39 with dates we trust: written by hand.", "      - {who: rishi-sunak, from: 2024-07-05, to: 2024-11-02}",
                 "  - {id: budget-2024, name: Autumn Budget 2024, date: 2024-10-30, mentions: ['autumn budget']}"):
        assert kept in new
    hunt = lines[line_of("who: jeremy-hunt") - 1]
    assert hunt.endswith("to: 2024-07-05, source: https://www.wikidata.org/wiki/Q900000004#P39}")  # the import's comment went with the month
    assert new.count("verified: 2026-03-02") == 3 and "verified: 2025-03-28" not in new
    facts = load_facts([str(target)])
    assert [facts.name_of(t.who) for t in facts.offices["prime-minister-of-the-united-kingdom"].holders][-2:] == ["Keir Starmer", "Angela Rayner"]
    removed = [line for line in difflib.ndiff(text.splitlines(), lines) if line.startswith("- ")]
    assert [line.split("who: ")[1].split(",")[0] if "who:" in line else line.split(":")[0].strip("- ") for line in removed] == [
        "verified", "jeremy-hunt", "verified", "verified", "keir-starmer"
    ]  # the only lines rewritten: the three offices' dates of verification, and the two tenures that changed
    assert len(lines) == len(text.splitlines()) + 2  # the new entity and the new holder
    again = run_import(tmp_path, tmp_path / "later.json")
    assert again.stdout == "" and "nothing to change" in again.stderr and target.read_text() == new


def test_a_tenure_the_file_holds_differently_is_kept_and_reported(tmp_path):
    run_import(tmp_path, DUMP)
    target = tmp_path / "wikidata.yaml"
    corrected = target.read_text().replace(
        "{who: kwasi-kwarteng, from: 2022-09-06, to: 2022-10-14, source: https://www.wikidata.org/wiki/Q900000003#P39}",
        "{who: kwasi-kwarteng, from: 2022-09-06, to: 2022-10-13}  # corrected by hand",
    ).replace("{who: nadhim-zahawi, from: 2022-07-05, to: 2022-09-06,", "{who: nadhim-zahawi, from: 2022-07-05, to: 2022-09-05,",
    ).replace("{who: jeremy-hunt, from: 2022-10-14,", "{who: jeremy-hunt, from: 2022-10-15,")
    target.write_text(corrected)
    result = run_import(tmp_path, DUMP, "--dry-run")
    assert target.read_text() == corrected  # --dry-run writes nothing
    assert [line.split(": ", 2)[1:] for line in result.stdout.splitlines()] == [
        ["changed tenure", "Nadhim Zahawi, Chancellor of the Exchequer: from 2022-07-05 to 2022-09-06 (was from 2022-07-05 to 2022-09-05)"],
        ["kept as written", "Kwasi Kwarteng, Chancellor of the Exchequer: the source says from 2022-09-06 to 2022-10-14; "
                            "the file's tenure says from 2022-09-06 to 2022-10-13"],
        ["changed tenure", "Jeremy Hunt, Chancellor of the Exchequer: from 2022-10-14 to 2024-07-01 (was from 2022-10-15 to 2024-07-01)"],
    ]
    assert "would write wikidata.yaml: 2 changed tenures, 1 tenure kept as written" in result.stderr


def test_merging_into_the_seed_fact_file_keeps_its_hand_written_offices(tmp_path):
    target = tmp_path / "wikidata.yaml"
    seed = (REPO / "seeds" / "facts.yaml").read_text()
    target.write_text(seed)
    result = run_import(tmp_path, DUMP)
    new = target.read_text()
    assert all(line in new.splitlines() for line in seed.splitlines())  # nothing removed or rewritten
    assert "matched by name: Prime Minister of the United Kingdom (https://www.wikidata.org/wiki/Q14211) is the file's 'uk-prime-minister'" in result.stdout
    facts = load_facts([str(target)])
    assert [facts.name_of(t.who) for t in facts.offices["uk-prime-minister"].holders][0] == "Theresa May"  # the one tenure it lacked
    assert facts.offices["uk-prime-minister"].source is None  # a hand-written office stays the user's
    assert "chancellor-of-the-exchequer" in facts.offices


def test_flow_style_lists_and_crlf_and_byte_order_marks_are_kept(tmp_path):
    target = tmp_path / "wikidata.yaml"
    target.write_bytes("\ufefffacts_version: 1\r\nentities: [{id: x, name: X}]  # c\r\noffices: []\r\n".encode())
    run_import(tmp_path, DUMP)
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode()) and b"\n" not in data.replace(b"\r\n", b"")
    text = data.decode("utf-8-sig")
    assert text.startswith("facts_version: 1\r\nentities: [{id: x, name: X}, {id: barack-obama,") and "]  # c\r\n" in text
    assert len(load_facts([str(target)]).offices) == 3


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("facts_version: 1\nentities:\n  - &a {id: x, name: X}\n", "wikidata.yaml:3:5: uses YAML anchors or aliases, so an import cannot edit it safely in place"),
        ("facts_version: 1\nentities:\n  - {id: X, name: X}\n", "wikidata.yaml:3:10: id 'X' must be a slug"),
        ("{facts_version: 1}\n", "wikidata.yaml:1:1: an import can only edit a fact file written as a block mapping"),
    ],
)
def test_a_file_an_import_cannot_edit_safely_is_a_located_error_and_left_alone(tmp_path, content, expected):
    target = tmp_path / "wikidata.yaml"
    target.write_text(content)
    result = run_cli("facts", "import", str(DUMP), "--position", "Q14211", "--output", "wikidata.yaml", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith(expected) and target.read_text() == content


TEXTS = ["Keir Starmer", "O'Neill", "U.K.", "yes", "1.5", "null", "", " x", "a: b", "a #b", "#x", "-x", "[x]", "x, y", "ნინო", "é:é", "a\u2028b",
         "tab\there", "quote \" and \\ backslash", "https://www.wikidata.org/wiki/Q1#P39", "~", "2024-07-05", "@x", "%x", "\x7f", "x\n"]


@pytest.mark.parametrize("text", TEXTS)
def test_written_values_read_back_as_written(text):
    assert load_yaml(f"key: {scalar(text)}\n", "t")["key"] == text
    assert list(load_yaml(f"key: {flow([text, {'k': text}])}\n", "t")["key"]) == [text, {"k": text}]


def test_any_text_reads_back_as_written():
    hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the test extra")
    from hypothesis import strategies

    @hypothesis.given(strategies.text())
    def reads_back(text: str) -> None:
        assert load_yaml(f"key: {flow([text, {'k': text}])}  # c\n", "t")["key"] == [text, {"k": text}]

    reads_back()
