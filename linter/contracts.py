"""What is generated from the declared contracts: the JSON Schemas of fact files and rule packs
(linter/schemas/, which ship with the package for editors and ``factlint schema``) and the field
tables of docs/facts.md and docs/rules.md.

The fact file is declared in facts/model.py, a rule pack and a rule's common fields in
checks/rules.py, each kind's parameters in checks/kinds/ (the vocabulary: linter/fields.py).
After changing a declaration, regenerate::

    python -m linter.contracts

tests/test_contracts.py fails while a generated file differs from what the declarations give.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from linter.checks.kinds import KINDS
from linter.checks.rules import PACK_FIELDS, RULE_FIELDS
from linter.facts.model import FILE_FIELDS, Section, sections
from linter.fields import Field, Records, a, field_schema, fields_of, forms, noun, object_schema, record_schema

PACKAGE = Path(__file__).resolve().parent
REPOSITORY = PACKAGE.parent
SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#"
_BLOCK = re.compile(r"(<!-- generated: (?P<name>[^>]*?) -->\n).*?(<!-- end of generated table -->)", re.DOTALL)


def facts_schema() -> dict[str, Any]:
    """The JSON Schema of a fact file."""
    root = object_schema(FILE_FIELDS)
    for section in sections():
        root["properties"][section.name] = _section_schema(section)
    return {
        "$schema": SCHEMA_DRAFT,
        "$id": "https://factlint.invalid/schemas/facts.schema.json",
        "title": "factlint fact file",
        "description": "People, offices with tenure dates, events with dates and canonical quotes (docs/facts.md).",
        **root,
        "definitions": {noun(record): record_schema(record) for record in records()},
    }


def rules_schema() -> dict[str, Any]:
    """The JSON Schema of a rule pack: a rule has the common fields and those of its kind."""
    common = {field.key: True for field in RULE_FIELDS}
    by_kind = []
    for name, kind in KINDS.items():
        then: dict[str, Any] = {"properties": {**common, **{param.key: field_schema(param) for param in kind.params}}, "additionalProperties": False}
        required = [param.key for param in kind.params if param.required]
        if required:
            then["required"] = required
        by_kind.append({"if": {"properties": {"kind": {"const": name}}, "required": ["kind"]}, "then": then})
    rule = object_schema(RULE_FIELDS)
    del rule["additionalProperties"]  # each kind's "then" says which fields a rule of it may have
    return {
        "$schema": SCHEMA_DRAFT,
        "$id": "https://factlint.invalid/schemas/rules.schema.json",
        "title": "factlint rule pack",
        "description": "Declarative rules, each of one kind (docs/rules.md).",
        **object_schema(PACK_FIELDS),
        "definitions": {"rule": {**rule, "allOf": by_kind}},
    }


def records() -> list[type]:
    """Every record class of the fact file: each section's, and those nested in them."""
    found: list[type] = []

    def add(record: type) -> None:
        if record not in found:
            found.append(record)
            for field in fields_of(record):
                if isinstance(field.value, Records):
                    add(field.value.record)

    for section in sections():
        add(section.record)
    return found


def _section_schema(section: Section) -> dict[str, Any]:
    return {"type": ["array", "null"], "items": {"$ref": f"#/definitions/{noun(section.record)}"}, "description": section.description}


def tables() -> dict[str, str]:
    """The docs' generated tables, by the name their markers give them."""
    generated = {"fact file": _fact_file_tables(), "rule pack": _rule_pack_tables()}
    for name, kind in KINDS.items():
        generated[f"kind {name}"] = _table(map(_row, kind.params), "parameter") if kind.params else "It has no parameters.\n"
    return generated


def _fact_file_tables() -> str:
    section_rows = [(s.name, f"a list; each {a(noun(s.record))} (below)", "no", s.description) for s in sections()]
    parts = [_table([*map(_row, FILE_FIELDS), *section_rows])]
    for record in records():
        named = next((f"`{s.name}`: each {noun(s.record)}" for s in sections() if s.record is record), f"each {noun(record)}")
        parts.append(f"\n**{named}**\n\n{_table(map(_row, fields_of(record)))}{_forms(record)}")
    return "".join(parts)


def _forms(record: type) -> str:
    """What the table says of a record class whose fields exclude each other (fields.Form)."""
    ways = forms(record)
    if not ways:
        return ""
    each = " or ".join(f"`{form.key}` ({form.means})" for form in ways).replace("'", "`")
    alone = "".join(f"; `{key}` only with `{form.key}`" for form in ways for key in form.with_it)
    return f"\n{a(noun(record)).capitalize()} has either {each}, never both{alone}.\n"


def _rule_pack_tables() -> str:
    rules = _table(map(_row, RULE_FIELDS))
    return f"{_table(map(_row, PACK_FIELDS))}\n**`rules`: each rule**, with the parameters of its kind (below)\n\n{rules}"


def _row(field: Field) -> tuple[str, str, str, str]:
    required = "yes" if field.required else "no" if field.default in (None, (), False) else f"no; default {_shown(field.default)}"
    return field.key, field.value.describe(), required, field.description


def _table(rows: Iterable[tuple[str, str, str, str]], heading: str = "field") -> str:
    lines = [f"| {heading} | value | required | what it is |", "|---|---|---|---|"]
    lines += [f"| `{key}` | {value} | {required} | {description} |".replace("\n", " ") for key, value, required, description in rows]
    return "\n".join(lines) + "\n"


def _shown(default: Any) -> str:
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    if isinstance(default, tuple):
        return f"`{yaml.safe_dump(list(default), default_flow_style=True, width=1000).strip()}`"  # as YAML writes it: [':']
    return f"`{default}`"


def with_tables(text: str, generated: dict[str, str]) -> str:
    """``text`` with each generated block replaced; a block naming no table is an error."""

    def replace(block: re.Match) -> str:
        name = block["name"]
        if name not in generated:
            raise ValueError(f"no generated table is named '{name}'")
        return f"{block.group(1)}\n{generated[name]}\n{block.group(3)}"  # blank lines: the table is a block of its own

    return _BLOCK.sub(replace, text)


def block_names(text: str) -> set[str]:
    return {block["name"] for block in _BLOCK.finditer(text)}


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def generated_files() -> dict[Path, str]:
    """Every generated file, with what the declarations say it holds."""
    schemas = PACKAGE / "schemas"
    files = {schemas / "facts.schema.json": schema_text(facts_schema()), schemas / "rules.schema.json": schema_text(rules_schema())}
    generated = tables()
    for doc in ("facts.md", "rules.md"):
        path = REPOSITORY / "docs" / doc
        files[path] = with_tables(path.read_text(encoding="utf-8"), generated)
    return files


def main() -> None:
    for path, content in generated_files().items():
        if path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            print(f"rewrote {path.relative_to(REPOSITORY)}", file=sys.stderr)


if __name__ == "__main__":
    main()
