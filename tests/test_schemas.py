"""JSON Schemas for editors, and 'factlint validate', agree with what factlint accepts."""

from __future__ import annotations

import json

import pytest

from linter.yamlio import load_yaml

from conftest import REPO, run_cli

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")


def schema(name: str) -> dict:
    result = run_cli("schema", name)
    assert result.returncode == 0
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("name", "paths"),
    [
        ("facts", ["seeds/facts.yaml", "tests/data/bbc/facts.yaml", "tests/data/reuters/facts.yaml", "tests/golden/input/facts.yaml"]),
        (
            "rules",
            ["rules/offices.yaml", "rules/quotes.yaml", "rules/events.yaml", "rules/copy.yaml", "rules/consistency.yaml", "rules/relations.yaml",
             "rules/quantities.yaml"],
        ),
        ("config", ["factlint.yaml", "tests/golden/input/factlint.yaml"]),
    ],
)
def test_the_repositorys_files_are_valid_against_the_schemas(name, paths):
    validator = jsonschema.Draft7Validator(schema(name))
    for path in paths:
        errors = list(validator.iter_errors(load_yaml((REPO / path).read_text(encoding="utf-8"), path)))
        assert not errors, f"{path}: {errors[0].message}"


def test_the_schemas_reject_what_factlint_rejects():
    validator = jsonschema.Draft7Validator(schema("facts"))
    assert list(validator.iter_errors({"facts_version": 1, "entities": [{"id": "Bad Id", "name": "X", "alias": []}]}))


def test_validate_reports_valid_files_and_locates_errors(tmp_path):
    (tmp_path / "bad.yaml").write_text("facts_version: 1\nentities:\n  - {id: x, name: X, alias: [y]}\n")
    good = run_cli("validate", "seeds/facts.yaml", "rules/offices.yaml", "factlint.yaml")
    assert good.returncode == 0 and good.stdout.splitlines() == [
        "seeds/facts.yaml: valid fact file", "rules/offices.yaml: valid rule pack", "factlint.yaml: valid config"
    ]
    bad = run_cli("validate", str(tmp_path / "bad.yaml"), cwd=tmp_path)
    assert bad.returncode == 2 and "bad.yaml:3:22: unknown field 'alias' in entities[0] (did you mean 'aliases'?)" in bad.stderr
