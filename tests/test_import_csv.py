"""`factlint facts import` of a research desk's spreadsheet (CSV)."""

from __future__ import annotations

import pytest

from linter.facts.load import load_facts

from conftest import run_in_process

GOV_UK = "https://www.gov.uk/government/history/past-prime-ministers"
TABLE = f"""Person,Office,From,To,Source,Titles,Aliases
Keir Starmer,Prime Minister of the United Kingdom,2024-07-05,,{GOV_UK},Prime Minister; PM,Sir Keir Starmer
Rishi Sunak,Prime Minister of the United Kingdom,2022-10-25,2024-07-05,{GOV_UK},,
"Churchill, Winston",Prime Minister of the United Kingdom,1940-05,1945,"The National Archives, CAB 65",,
Rachel Reeves,Chancellor of the Exchequer,2024-07-05,,https://www.gov.uk/government/ministers/chancellor-of-the-exchequer,Chancellor,
"""


def test_a_table_becomes_a_fact_file_with_a_source_on_every_tenure(tmp_path):
    (tmp_path / "desk.csv").write_text(TABLE, encoding="utf-8")
    result = run_in_process("facts", "import", "desk.csv", "--verified", "2025-06-01", "--output", "facts.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    facts = load_facts([str(tmp_path / "facts.yaml")])
    pm = facts.offices["prime-minister-of-the-united-kingdom"]
    assert pm.titles == ("Prime Minister of the United Kingdom", "Prime Minister", "PM") and str(pm.verified) == "2025-06-01"
    assert [(t.who, str(t.start), str(t.end), t.source) for t in pm.holders] == [
        ("churchill-winston", "1940-05-31", "1945-01-01", "The National Archives, CAB 65"),  # inner bounds of a month and a year
        ("rishi-sunak", "2022-10-25", "2024-07-05", GOV_UK),
        ("keir-starmer", "2024-07-05", "None", GOV_UK),
    ]
    assert facts.entities["keir-starmer"].aliases == ("Sir Keir Starmer",)
    text = (tmp_path / "facts.yaml").read_text()
    assert "# import: inner bound: the source gives the start as 1940-05 and the end as 1945" in text
    again = run_in_process("facts", "import", "desk.csv", "--verified", "2025-06-01", "--output", "facts.yaml", cwd=tmp_path)
    assert "nothing to change in facts.yaml" in again.stderr and (tmp_path / "facts.yaml").read_text() == text


def test_a_verified_column_dates_the_import_by_its_oldest_row(tmp_path):
    (tmp_path / "desk.csv").write_text(f"person;office;from;to;source;verified\nA B;Mayor of X;2020-01-01;;{GOV_UK};2025-05-01\nC D;Mayor of Y;2021-01-01;;{GOV_UK};2025-03-01\n")
    assert run_in_process("facts", "import", "desk.csv", "-o", "facts.yaml", cwd=tmp_path).returncode == 0
    assert {str(o.verified) for o in load_facts([str(tmp_path / "facts.yaml")]).offices.values()} == {"2025-03-01"}


@pytest.mark.parametrize(
    ("table", "errors"),
    [
        (
            "person,office,from,to,source\nA B,Mayor,2024-13-01,,x\nC D,,2020-01-01,,x\nE F,Mayor,2020-01-01,2019-01-01,\n",
            [
                "factlint: error: desk.csv:2:3: 'from' is '2024-13-01', not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when only that is known",
                "factlint: error: desk.csv:3:2: 'office' is empty",
                "factlint: error: desk.csv:4:5: 'source' is empty; every tenure needs a source a fact-checker can open",
            ],
        ),
        ("person,office,frm,source\n", [
            "factlint: error: desk.csv:1:3: unknown column 'frm' (did you mean 'from'?); columns are: person, office, from, to, source, aliases, titles, verified",
            "factlint: error: desk.csv:1: no 'from' column; the columns must include: person, office, from, source",
        ]),
        ("person,office,from,to,source\nA B,Mayor,2020,2020,x\n", ["desk.csv:2:4: 'to' (2020) leaves no day that is certain with 'from' (2020)"]),
        ("person,office,from,to,source\nA B,Mayor,2021-01-01,2020-05-01,x\n", ["desk.csv:2:4: 'to' (2020-05-01) is before 'from' (2021-01-01)"]),
        ('person,office,from,to,source\n"A B,Mayor,2021-01-01,,x\n', ["desk.csv:2: not CSV: unexpected end of data"]),
        ("person,office,from,to,source,verified\nA B,Mayor,2021-01-01,,x,2025\n", ["desk.csv:2:6: 'verified' must be a day, YYYY-MM-DD"]),
    ],
)
def test_every_bad_cell_is_reported_at_its_row_and_column_and_nothing_is_written(tmp_path, table, errors):
    (tmp_path / "desk.csv").write_text(table)
    result = run_in_process("facts", "import", "desk.csv", "--output", "facts.yaml", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.splitlines() == errors
    assert not (tmp_path / "facts.yaml").exists()


def test_a_table_that_is_not_utf8_is_a_located_error(tmp_path):
    (tmp_path / "desk.csv").write_bytes("person,office,from,to,source\nJos\xe9,Mayor,2020-01-01,,x\n".encode("latin-1"))
    result = run_in_process("facts", "import", "desk.csv", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.strip() == "desk.csv: not UTF-8 (byte 32): save the spreadsheet as CSV UTF-8"


def test_rows_name_the_file_s_own_people_and_offices_by_id_or_name(tmp_path):
    (tmp_path / "facts.yaml").write_text(
        "facts_version: 1\nentities:\n  - {id: starmer, name: Keir Starmer}  # written by hand\n"
        "offices:\n  - id: uk-pm\n    name: Prime Minister of the United Kingdom\n    titles: [Prime Minister]\n    holders: []\n"
    )
    (tmp_path / "desk.csv").write_text(f"person,office,from,to,source\nKeir Starmer,uk-pm,2024-07-05,,{GOV_UK}\n")
    result = run_in_process("facts", "import", "desk.csv", "--output", "facts.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "facts.yaml:3:5: matched by name: Keir Starmer (Keir Starmer) is the file's 'starmer'",
        "facts.yaml:8:15: new holder: Keir Starmer, Prime Minister of the United Kingdom, from 2024-07-05",
    ]
    assert (tmp_path / "facts.yaml").read_text().endswith(f"    holders: [{{who: starmer, from: 2024-07-05, source: {GOV_UK}}}]\n")


def test_positions_are_chosen_only_from_a_dump(tmp_path):
    (tmp_path / "desk.csv").write_text(TABLE, encoding="utf-8")
    result = run_in_process("facts", "import", "desk.csv", "--position", "Q14211", cwd=tmp_path)
    assert result.returncode == 2 and "a query answer or a table is imported whole" in result.stderr
