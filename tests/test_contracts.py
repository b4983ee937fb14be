"""Each contract is declared once (linter/fields.py); its JSON Schema, its validator, the fact cache
and the docs' tables are derived from that declaration, and these tests prove they agree."""

from __future__ import annotations

import copy
import json
import marshal
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from linter import contracts
from linter.checks.kinds import KINDS
from linter.checks.rules import PACK_FIELDS, RULE_FIELDS, read_pack
from linter.errors import UserError
from linter.facts.cache import facts_from_plain, facts_to_plain
from linter.facts.load import load_facts_data
from linter.facts.model import FILE_FIELDS, sections
from linter.fields import Field, Records, examples, field_schema, fields_of, noun
from linter.yamlio import load_yaml

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")

GENERATED = contracts.generated_files()
WRONG_VALUES = [None, 12345, True, "", "   ", [], [[]], {}, {"x": 1}]


@pytest.mark.parametrize("path", sorted(GENERATED), ids=lambda path: str(path.relative_to(contracts.REPOSITORY)))
def test_the_generated_files_are_what_the_declarations_give(path):
    assert path.read_text(encoding="utf-8") == GENERATED[path], "a declaration changed: run python -m linter.contracts"


def test_every_generated_table_has_its_place_in_the_docs():
    """A new rule kind needs its section in docs/rules.md, with a marker for its table."""
    docs = [(contracts.REPOSITORY / "docs" / name).read_text(encoding="utf-8") for name in ("facts.md", "rules.md")]
    assert set().union(*map(contracts.block_names, docs)) == set(contracts.tables())


def _schema(name: str) -> dict:
    return json.loads((contracts.PACKAGE / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def _has_fields(schema: dict, fields: tuple[Field, ...]) -> None:
    """Each of ``fields`` is in ``schema`` with its value's type and its description; the required ones, and only they, are required."""
    assert set(schema.get("required", ())) == {field.key for field in fields if field.required}
    for field in fields:
        assert schema["properties"][field.key] == field_schema(field), field.key


def test_every_declared_field_is_in_the_schemas_with_its_type_and_requiredness():
    facts = _schema("facts")
    assert set(facts["properties"]) == {field.key for field in FILE_FIELDS} | {section.name for section in sections()}
    _has_fields(facts, FILE_FIELDS)
    for record in contracts.records():
        definition = facts["definitions"][noun(record)]
        assert set(definition["properties"]) == {field.key for field in fields_of(record)} and not definition["additionalProperties"]
        _has_fields(definition, fields_of(record))
    rules = _schema("rules")
    assert set(rules["properties"]) == {field.key for field in PACK_FIELDS}
    _has_fields(rules, PACK_FIELDS)
    rule = rules["definitions"]["rule"]
    _has_fields(rule, RULE_FIELDS)
    for case in rule["allOf"]:
        kind, then = KINDS[case["if"]["properties"]["kind"]["const"]], case["then"]
        assert set(then["properties"]) == {field.key for field in (*RULE_FIELDS, *kind.params)} and not then["additionalProperties"]
        _has_fields({**then, "required": then.get("required", [])}, kind.params)
    assert [case["if"]["properties"]["kind"]["const"] for case in rule["allOf"]] == list(KINDS)


def full_fact_file() -> dict[str, Any]:
    """A fact file whose records of each section write every declared field (never as its default):
    one record, or the few a class gives when its fields exclude each other (fields.examples)."""
    document = {field.key: field.value.example() for field in FILE_FIELDS}
    for section in sections():
        first = f"example-{noun(section.record)}"  # references name example-<noun>: the first record
        records = examples(section.record)
        document[section.name] = [{**record, "id": first if n == 0 else f"{first}-{n + 1}"} for n, record in enumerate(records)]
    return document


def full_rule_pack() -> dict[str, Any]:
    """A rule pack with a rule of every kind, each with every field and parameter written."""
    rules = []
    for name, kind in KINDS.items():
        rule = {field.key: field.value.example() for field in (*RULE_FIELDS, *kind.params)}
        rule.update(id=f"example-{name}", kind=name)
        if not kind.fixes:
            del rule["fix"]  # declaring a fix a kind cannot make is an error
        rules.append(rule)
    return {**{field.key: field.value.example() for field in PACK_FIELDS}, "rules": rules}


def _parsed(document: dict) -> Any:
    return load_yaml(yaml.safe_dump(document, sort_keys=False), "generated.yaml")


def _fact_file_rejected(document: dict) -> bool:
    try:
        load_facts_data(_parsed(document), "generated.yaml")
    except UserError:
        return True
    return False


def _rule_pack_rejected(document: dict) -> bool:
    try:
        read_pack(_parsed(document), "generated.yaml")
    except UserError:
        return True
    return False


def test_a_fact_file_with_every_field_round_trips_through_load_cache_load():
    document = full_fact_file()
    assert not list(jsonschema.Draft7Validator(_schema("facts")).iter_errors(document))
    facts = load_facts_data(_parsed(document), "generated.yaml")

    def every_field_read(records: list[Any]) -> None:
        """Each field of the records' class was read in one of them at least."""
        for field in fields_of(type(records[0])):
            values = [getattr(record, field.name) for record in records]
            read = [value for value in values if value is not None and value != field.default]
            assert read, f"{type(records[0]).__name__}.{field.name} was not read"
            if isinstance(field.value, Records):
                every_field_read([nested for value in read for nested in value])

    again = facts_from_plain(marshal.loads(marshal.dumps(facts_to_plain(facts))))
    for section in sections():
        loaded, cached = getattr(facts, section.name), getattr(again, section.name)
        assert len(loaded) == len(examples(section.record)) and dict(cached) == dict(loaded), section.name
        every_field_read(list(loaded.values()))
    assert (again.holder_offices, again.organization_offices, again.sources) == (facts.holder_offices, facts.organization_offices, facts.sources)


def test_a_rule_pack_with_every_field_and_parameter_is_valid():
    document = full_rule_pack()
    assert not list(jsonschema.Draft7Validator(_schema("rules")).iter_errors(document))
    pack = read_pack(_parsed(document), "generated.yaml")
    assert [rule.kind.name for rule in pack.rules] == list(KINDS)


def _mutations(document: dict, path: tuple, fields: tuple[Field, ...]) -> Iterator[tuple[str, dict]]:
    """Bad versions of ``document``: at ``path`` (keys and indexes down to a mapping of ``fields``),
    each field given each wrong kind of value, each required field left out, and a key that is no field."""

    def changed(change) -> dict:
        bad = copy.deepcopy(document)
        target = bad
        for step in path:
            target = target[step]
        change(target)
        return bad

    where = ".".join(map(str, path)) or "top"
    for field in fields:
        for value in WRONG_VALUES:
            yield f"{where}.{field.key}={value!r}", changed(lambda target, key=field.key, value=value: target.__setitem__(key, value))
        if field.required:
            yield f"{where} without {field.key}", changed(lambda target, key=field.key: target.pop(key))
    yield f"{where} with an unknown field", changed(lambda target: target.__setitem__("no_such_field", "x"))


def _fact_file_mutations() -> Iterator[tuple[str, dict]]:
    document = full_fact_file()
    yield from _mutations(document, (), FILE_FIELDS)
    for section in sections():
        yield from _mutations(document, (section.name, 0), fields_of(section.record))
        for field in fields_of(section.record):
            if isinstance(field.value, Records):
                yield from _mutations(document, (section.name, 0, field.key, 0), fields_of(field.value.record))


def _rule_pack_mutations() -> Iterator[tuple[str, dict]]:
    document = full_rule_pack()
    yield from _mutations(document, (), PACK_FIELDS)
    for rule, kind in zip(document["rules"], KINDS.values(), strict=True):  # one rule a pack: each read is quicker
        yield from _mutations({**document, "rules": [rule]}, ("rules", 0), (*RULE_FIELDS, *kind.params))


# Facts inside a rule pack are checked as a fact file; the rules schema does not repeat the facts schema.
SCHEMA_CANNOT_TELL = {"top.example_facts={'x': 1}"}


CONTRACTS = {"facts": (_fact_file_mutations, _fact_file_rejected), "rules": (_rule_pack_mutations, _rule_pack_rejected)}


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_the_validator_rejects_exactly_the_generated_bad_inputs_the_schema_rejects(contract):
    mutations, rejected = CONTRACTS[contract]
    validator, checked = jsonschema.Draft7Validator(_schema(contract)), 0
    for name, document in mutations():
        if list(validator.iter_errors(document)):
            assert rejected(document), f"the schema rejects, the validator accepts: {name}"
            checked += 1
        else:
            assert not rejected(document) or name in SCHEMA_CANNOT_TELL, f"the validator rejects, the schema accepts: {name}"
    assert checked > 100
