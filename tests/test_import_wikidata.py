"""`factlint facts import` and `facts query` on Wikidata: dumps (plain, gzip, bzip2) and SPARQL answers."""

from __future__ import annotations

import bz2
import gzip
import json
import shutil
from pathlib import Path

import pytest

from linter.facts.load import load_facts

from conftest import REPO, run_in_process

DATA = REPO / "tests" / "data" / "wikidata"
DUMP, ANSWER, EVENTS = DATA / "uk-dump.json", DATA / "uk-answer.json", DATA / "events.yaml"
POSITIONS = ["--position", "Q14211", "--position", "Q531471", "--position", "Q11696"]


def imported(tmp_path: Path, source: Path, *options: str, name: str = "facts.yaml") -> tuple[Path, object]:
    output = tmp_path / name
    result = run_in_process("facts", "import", str(source), *options, "--output", str(output), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return output, result


def entity_lines(path: Path = DUMP) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_a_dump_becomes_a_valid_fact_file_with_a_source_on_everything(tmp_path):
    output, result = imported(tmp_path, DUMP, *POSITIONS)
    facts = load_facts([str(output)])
    assert sorted(office.name for office in facts.offices.values()) == [
        "Chancellor of the Exchequer", "President of the United States", "Prime Minister of the United Kingdom"
    ]
    assert all(tenure.source for office in facts.offices.values() for tenure in office.holders)
    assert all(entity.source for entity in facts.entities.values())
    pm = facts.offices["prime-minister-of-the-united-kingdom"]
    assert pm.source == "https://www.wikidata.org/wiki/Q14211" and pm.organization == "united-kingdom"
    assert pm.verified.isoformat() == "2025-03-28"  # the newest edit of anything imported
    assert pm.titles == ("Prime Minister of the United Kingdom", "British Prime Minister", "PM", "UK Prime Minister", "Prime Minister")
    assert [(facts.name_of(t.who), str(t.start), str(t.end)) for t in pm.holders] == [
        ("Theresa May", "2016-07-13", "2019-07-24"),
        ("Boris Johnson", "2019-07-24", "2022-09-06"),
        ("Liz Truss", "2022-09-06", "2022-10-25"),  # no end: her successor's P1365 closes it
        ("Rishi Sunak", "2022-10-25", "2024-07-05"),  # no end: his own P1366 closes it
        ("Keir Starmer", "2024-07-05", "None"),  # a duplicate statement and a deprecated one are dropped
    ]
    assert facts.entities["united-kingdom"].type == "place" and "UK" in facts.entities["united-kingdom"].aliases
    assert facts.entities["rachel-reeves"].name == "Rachel Reeves"  # only a "mul" label
    assert "factlint: wrote" in result.stderr and "17 entities, 3 offices, 17 tenures" in result.stderr


def test_an_imported_file_is_valid_against_the_fact_file_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    from linter.yamlio import read_yaml_file

    output, _ = imported(tmp_path, DUMP, *POSITIONS)
    schema = json.loads((REPO / "linter" / "schemas" / "facts.schema.json").read_text())
    assert not list(jsonschema.Draft7Validator(schema).iter_errors(read_yaml_file(str(output))))


def test_dates_known_to_the_month_or_year_become_marked_inner_bounds(tmp_path):
    output, _ = imported(tmp_path, DUMP, "--position", "Q531471")
    lines = output.read_text(encoding="utf-8").splitlines()
    hunt = next(line for line in lines if "who: jeremy-hunt" in line)
    assert "to: 2024-07-01," in hunt and hunt.endswith("# import: inner bound: the source gives the end as 2024-07")
    clarke = next(line for line in lines if "who: kenneth-clarke" in line)
    assert "from: 1993-05-27, to: 1997-01-01" in clarke and clarke.endswith("the source gives the end as 1997")
    lamont = next(line for line in lines if "who: norman-lamont" in line)  # "unknown value": only the first day is certain
    assert "from: 1990-11-28, to: 1990-11-28" in lamont and lamont.endswith("the source gives the end as unknown")


def test_compressed_dumps_give_the_same_bytes_and_output_is_deterministic(tmp_path):
    gz, bz = tmp_path / "latest-all.json.gz", tmp_path / "latest-all.json.bz2"
    gz.write_bytes(gzip.compress(DUMP.read_bytes()))
    bz.write_bytes(bz2.compress(DUMP.read_bytes()))
    shutil.copy(DUMP, tmp_path / "latest-all.json")
    outputs = [imported(tmp_path, source, *POSITIONS, name=f"{index}.yaml")[0].read_text() for index, source in enumerate([tmp_path / "latest-all.json", gz, bz, gz])]
    assert outputs[1] == outputs[3]  # same input, same bytes
    assert outputs[0].split("\n", 1)[1] == outputs[1].split("\n", 1)[1] == outputs[2].split("\n", 1)[1]  # the header names the file read
    printed = run_in_process("facts", "import", str(gz), *POSITIONS, cwd=tmp_path)  # no --output: the new file on standard output
    assert printed.returncode == 0 and printed.stdout == outputs[1]


def test_positions_chosen_by_subclass_and_a_name_in_no_language_asked_for(tmp_path):
    output, result = imported(tmp_path, DUMP, "--subclass-of", "Q2285706", "--subclass-of", "Q30461")
    facts = load_facts([str(output)])
    assert sorted(office.source.rsplit("/", 1)[1] for office in facts.offices.values()) == ["Q11696", "Q14211", "Q900000008"]
    acting = next(office for office in facts.offices.values() if office.name == "Acting President of Georgia")
    assert facts.entities[acting.organization].type == "organization"  # P642, not P1001
    assert facts.name_of(acting.holders[0].who) == "Q900000007"  # a Georgian label only
    assert "Q900000007: warning: no label in en or 'mul'; named by its item id" in result.stderr
    german, result = imported(tmp_path, DUMP, "--position", "Q14211", "--language", "de", name="de.yaml")
    names = {entity.name for entity in load_facts([str(german)]).entities.values()}
    assert {"Vereinigtes Königreich", "Keir Starmer", "Q22308", "Theresa May"} <= names  # Truss: en only; May: "mul"
    assert "Q22308: warning: no label in de or 'mul'" in result.stderr


def test_a_bad_line_is_a_warning_with_its_line_number_and_the_rest_is_imported(tmp_path):
    lines = entity_lines()
    starmer = next(index for index, line in enumerate(lines) if line.startswith('{"type":"item","id":"Q282636"'))
    reeves = next(index for index, line in enumerate(lines) if line.startswith('{"type":"item","id":"Q5045258"'))
    lines[starmer] = lines[starmer][:400]  # cut off mid-entity, as a broken download would be
    lines[reeves] = lines[reeves].replace('"P39":[', '"P39":["not a statement",', 1)
    lines.insert(3, '{"type":"item","id":"Q1","claims":{"P39":[oops]}},')
    broken = tmp_path / "broken.json"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output, result = imported(tmp_path, broken, *POSITIONS)
    warnings = result.stderr.splitlines()
    assert f"broken.json:{starmer + 2}: warning: not a complete JSON entity (cut off, or not one entity per line); skipped" in warnings
    assert f"broken.json:{reeves + 2}: warning: not a Wikidata entity as the dump format has it (TypeError: string indices must be integers, not 'str'); skipped" in warnings
    assert "broken.json:4:43: warning: not valid JSON (Expecting value); skipped" in warnings
    facts = load_facts([str(output)])
    assert "keir-starmer" not in facts.entities and "rachel-reeves" not in facts.entities and "theresa-may" in facts.entities
    assert len(facts.offices["chancellor-of-the-exchequer"].holders) == 7  # all but Reeves
    sunak = facts.offices["prime-minister-of-the-united-kingdom"].holders[-1]  # his successor is named, but not when he began
    assert (str(sunak.start), str(sunak.end)) == ("2022-10-25", "2022-10-25")  # ended, so never left open: only the certain day


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (gzip.compress(b"[\n{}\n]\n", mtime=0)[:-6], "dump.json.gz: the compressed dump is damaged or ends early after line"),
        (b"\x1f\x8b\x08\x00broken", "dump.json.gz: cannot read the compressed data"),
        (b"# not JSON at all\n", "dump.json.gz: neither a Wikidata dump (a JSON array) nor a query answer"),
    ],
)
def test_a_damaged_or_unknown_file_is_a_located_error(tmp_path, content, expected):
    (tmp_path / "dump.json.gz").write_bytes(content)
    options = ["--from", "dump"] if "ends early" in expected else []
    result = run_in_process("facts", "import", "dump.json.gz", "--position", "Q14211", *options, cwd=tmp_path)
    assert result.returncode == 2 and expected in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_dump_needs_positions_and_names_those_it_lacks(tmp_path):
    none = run_in_process("facts", "import", str(DUMP), cwd=tmp_path)
    assert none.returncode == 2 and "say which positions to import from a dump" in none.stderr
    _, result = imported(tmp_path, DUMP, "--position", "Q14211", "--position", "Q42424242")
    assert "warning: the position Q42424242 is not in the dump" in result.stderr


def test_a_sparql_answer_gives_the_same_facts_as_the_dump(tmp_path):
    from_dump, _ = imported(tmp_path, DUMP, *POSITIONS, name="dump.yaml")
    from_answer, result = imported(tmp_path, ANSWER, name="answer.yaml")
    dump_lines, answer_lines = from_dump.read_text().splitlines(), from_answer.read_text().splitlines()
    assert answer_lines[0] == "# Facts imported by `factlint facts import` from uk-answer.json (a Wikidata query answer)."
    assert dump_lines[1:] == answer_lines[1:]  # ?retrieved (2025-03-28) is the verification day
    assert "factlint: wrote answer.yaml" in result.stderr


def test_the_seed_demo_gives_the_same_four_findings_with_imported_facts(tmp_path):
    """The newcomer's path in docs/facts.md: import, then check the seed with a small hand-written file for the events."""
    expected = findings(run_in_process("check", "seeds/", "--format", "json", "--no-cache"))
    assert len(expected) == 4
    for source, options in ((DUMP, POSITIONS), (ANSWER, [])):
        output, _ = imported(tmp_path, source, *options, name=f"{source.stem}.yaml")
        result = run_in_process("check", "seeds/", "--facts", str(output), "--facts", str(EVENTS), "--format", "json", "--no-cache")
        assert result.returncode == 1, result.stderr
        assert findings(result) == expected


def findings(result) -> list[tuple]:
    return [(f["path"], f["line"], f["column"], f["rule"], f["message"]) for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"head": {"vars": ["row"]}, "results": {"bindings": [}}', "answer.json:1:54: not JSON: Expecting value"),
        ('{"head": {}, "results": []}', "answer.json:1:1: not SPARQL query results in JSON (no head.vars and results.bindings)"),
        ('{"head": {"vars": ["x"]}, "results": {"bindings": []}}', "answer.json:1:1: not an answer to factlint's query (it has no ?row): run the query 'factlint facts query' prints"),
        (
            '{"head": {"vars": ["row"]},\n "results": {"bindings": [\n  {"row": {"type": "literal", "value": "name"}},\n'
            '  {"row": {"type": "literal", "value": "tenure"}, "person": {"type": "uri", "value": "http://example.org/x"}}]}}',
            "answer.json:3:3: this row needs ?item",
        ),
        (
            '{"head": {"vars": ["row"]}, "results": {"bindings": [{"row": {"type": "literal", "value": "tenure"}, "statement": '
            '{"type": "uri", "value": "s"}, "person": {"type": "uri", "value": "http://example.org/x"}}]}}',
            "answer.json:1:54: ?person must be a Wikidata item (http://www.wikidata.org/entity/Q...), not 'http://example.org/x'",
        ),
    ],
)
def test_a_malformed_answer_is_a_located_one_line_error(tmp_path, content, expected):
    (tmp_path / "answer.json").write_text(content)
    result = run_in_process("facts", "import", "answer.json", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.strip() == expected


def test_facts_query_prints_the_query_the_import_reads():
    result = run_in_process("facts", "query", "--position", "Q14211", "--subclass-of", "Q83307", "--language", "fr")
    assert result.returncode == 0
    assert "{ VALUES ?position { wd:Q14211 } } UNION { ?position wdt:P279* wd:Q83307 . }" in result.stdout
    assert 'FILTER(LANG(?label) IN ("fr", "mul"))' in result.stdout and "BIND(NOW() AS ?retrieved)" in result.stdout
    bad = run_in_process("facts", "query", "--position", "14211")
    assert bad.returncode == 2 and "'14211' is not a Wikidata item id" in bad.stderr
    assert "say which positions" in run_in_process("facts", "query").stderr
