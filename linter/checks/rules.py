"""Rule packs: load and validate YAML rules (the format is in docs/rules.md).

A pack's fields, a rule's common fields and each kind's parameters are declared once (here and
in checks/kinds/) and read from that declaration (linter/fields.py), with their locations:
unknown fields (with a did-you-mean), a kind that does not exist, a kind parameter of the wrong
type, an invalid regex, examples that are missing. What only a rule as a whole can tell is
checked here: a message placeholder the kind cannot fill, a fix it cannot make, an example
without a date for a kind that reads dates. A broken pack is a UserError (exit 2), never a crash
while linting.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.checks.kinds import KINDS, Kind
from linter.checks.template import placeholders
from linter.dates import DateWindow
from linter.errors import Location, UserError, did_you_mean
from linter.facts.load import load_facts_data
from linter.facts.model import FACTS_VERSION, FactBase
from linter.fields import Choice, Field, Slug, Text, Value, Window, object_schema, read_fields
from linter.findings import SEVERITIES
from linter.validate import Checker
from linter.yamlio import YamlList, YamlMap, read_yaml_file


@dataclass(frozen=True)
class Example:
    """A sentence a rule's ``examples:`` says it must flag, or must pass."""

    text: str
    date: DateWindow | None
    location: Location


@dataclass
class RulePack:
    """One YAML rule pack as loaded: its rules, and the facts and date its examples run against."""

    path: str
    description: str = ""
    example_facts: FactBase | None = None
    example_date: DateWindow | None = None
    rules: list[Rule] = field(default_factory=list)


@dataclass
class Rule:
    """One rule: an id, a severity and a message around a kind (the engine primitive) and its parameters."""

    id: str
    kind: Kind
    severity: str
    message: str
    description: str
    flags: list[Example]
    passes: list[Example]
    location: Location
    pack: RulePack
    fix: str | None = None  # "safe" or "unsafe": the rule's findings carry a fix

    @property
    def kind_name(self) -> str:
        return self.kind.name


class Examples(Value):
    """Texts a rule must flag and texts it must pass; each a text, or a mapping with the text and its date."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> tuple[list[Example], list[Example]] | None:
        examples = checker.mapping(mapping[field.key], mapping.where(field.key), f"'{field.key}' of {what}")
        if examples is None:
            return None
        checker.keys(examples, ("flag", "pass"), ("flag", "pass"), f"'{field.key}' of {what}")
        result: dict[str, list[Example]] = {"flag": [], "pass": []}
        for group, found in result.items():
            items = checker.sequence(examples[group], examples.where(group), f"examples '{group}' of {what}") if group in examples else None
            for index, item in enumerate(items or ()):
                assert items is not None  # only its items are looped over
                if isinstance(item, str):
                    found.append(Example(item, None, items.where(index)))
                elif isinstance(item, YamlMap):
                    example = read_fields(_EXAMPLE_FIELDS, item, f"an example of {what}", checker).by_name
                    if "text" in example:
                        found.append(Example(example["text"], example.get("date"), items.where(index)))
                else:
                    checker.fail(f"an example of {what} must be a string or a mapping with 'text' and 'date'", items.where(index))
        return result["flag"], result["pass"]

    def schema(self) -> dict[str, Any]:
        example = {"oneOf": [{"type": "string"}, object_schema(_EXAMPLE_FIELDS)]}
        groups = {group: {"type": "array", "items": example} for group in ("flag", "pass")}
        return {"type": "object", "required": ["flag", "pass"], "additionalProperties": False, "properties": groups}

    def describe(self) -> str:
        return "`{flag: [...], pass: [...]}`: texts, or `{text: ..., date: ...}`"

    def example(self) -> dict[str, list]:
        return {"flag": [], "pass": ["An example.", {"text": "Another example.", "date": "2021-02-03"}]}


class ExampleFacts(Value):
    """Facts written inside a pack, in the fact-file format; ``facts_version`` may be left out."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> FactBase | None:
        data = mapping[field.key]
        if data is None:
            return None
        if isinstance(data, YamlMap) and "facts_version" not in data:
            data["facts_version"] = FACTS_VERSION
        try:
            return load_facts_data(data, mapping.path)
        except UserError as error:
            checker.problems.extend(getattr(error, "errors", [error]))
            return None

    def schema(self) -> dict[str, Any]:
        return {"type": ["object", "null"]}

    def describe(self) -> str:
        return "facts, as in a fact file (docs/facts.md)"

    def example(self) -> dict[str, list]:
        return {"entities": [{"id": "example-entity", "name": "Example Entity"}]}


class RuleList(Value):
    """The pack's rules; each is read by :func:`_read_rule`, which needs the pack."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> YamlList | None:
        return checker.sequence(mapping[field.key], mapping.where(field.key), f"'{field.key}'")

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": {"$ref": "#/definitions/rule"}}

    def describe(self) -> str:
        return "a list of rules (below)"

    def example(self) -> list:
        return []


PACK_FIELDS = (
    Field("description", Text(), "What this pack checks."),
    Field("example_date", Window(), "The date of the examples that give none."),
    Field("example_facts", ExampleFacts(), "The facts the examples run against; without them, those of `factlint test --facts FILE`."),
    Field("rules", RuleList(), "The rules.", required=True),
)
RULE_FIELDS = (
    Field("id", Slug(), "Unique among every rule loaded.", required=True),
    Field("kind", Choice(list(KINDS), unknown="kind"), "What the rule checks: one of the kinds below.", required=True),
    Field("severity", Choice(SEVERITIES), "How serious a finding is.", required=True),
    Field("message", Text(), "A template: `{placeholder}` is filled from the match and the facts (each kind's are below).", required=True),
    Field("description", Text(), "What it checks and why (shown by `factlint explain`).", required=True),
    Field("examples", Examples(), "Texts the rule must flag and must pass (`factlint test` runs them).", required=True),
    Field("fix", Choice(("safe", "unsafe")), "Its findings carry a fix: `safe` (applied by `--fix`) or `unsafe` (`--unsafe-fixes`)."),
)
_EXAMPLE_FIELDS = (
    Field("text", Text(), "The example.", required=True),
    Field("date", Window(), "The document's date."),
)


def builtin_rules_dir() -> Path:
    """The built-in packs: inside the installed package, or rules/ in a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "builtin_rules"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "rules"


def pack_files(path: Path) -> list[Path]:
    """A pack file, or every ``*.yaml``/``*.yml`` file in a directory (sorted).

    ``os.path`` tests, not ``Path``'s: on Python 3.11 ``Path.is_dir()`` raises for a name too
    long for the file system, where ``os.path.isdir`` answers False.
    """
    if os.path.isdir(path):
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if not os.path.exists(path):
        raise UserError("rule pack not found", Location(str(path)))
    return [path]


def load_rules(extra: list[str] | None = None, include_builtin: bool = True) -> list[Rule]:
    """All rules of the built-in packs and of the given files or directories; ids must be unique.

    A pack is loaded once however often it is named: ``factlint test rules/copy.yaml`` names a
    built-in pack, which is then reported under the name given.
    """
    files: dict[str, Path] = {}  # real path -> the path to load it by
    for path in pack_files(builtin_rules_dir()) if include_builtin else []:
        files[os.path.realpath(path)] = path
    for item in extra or []:
        for path in pack_files(Path(item)):
            files[os.path.realpath(path)] = path
    rules: list[Rule] = []
    seen: dict[str, Location] = {}
    for path in files.values():
        for rule in load_pack(str(path)).rules:
            if rule.id in seen:
                raise UserError(_duplicate(rule.id, seen[rule.id]), rule.location)
            seen[rule.id] = rule.location
            rules.append(rule)
    return rules


def _duplicate(rule_id: str, first: Location) -> str:
    return f"duplicate rule id '{rule_id}' (already defined at {first})"


def load_pack(path: str) -> RulePack:
    return read_pack(read_yaml_file(path, keep=True), path)


def read_pack(data: Any, path: str) -> RulePack:
    checker = Checker()
    root = checker.mapping(data, Location(path, 1, 1), "a rule pack")
    if root is None:
        checker.raise_if_failed()
        assert root is not None  # unreachable: the failed mapping was recorded, so that raised
    values = read_fields(PACK_FIELDS, root, "a rule pack", checker).by_name
    pack = RulePack(path, values.get("description", ""), values.get("example_facts"), values.get("example_date"))
    items = values.get("rules", ())
    seen: dict[str, Location] = {}
    for index, item in enumerate(items):
        mapping = checker.mapping(item, items.where(index), f"rules[{index}]")
        if mapping is None:
            continue
        rule = _read_rule(mapping, f"rules[{index}]", pack, checker)
        if rule is None:
            continue
        if rule.id in seen:
            checker.fail(_duplicate(rule.id, seen[rule.id]), rule.location)
            continue
        seen[rule.id] = rule.location
        pack.rules.append(rule)
    checker.raise_if_failed()
    return pack


def _read_rule(mapping: YamlMap, what: str, pack: RulePack, checker: Checker) -> Rule | None:
    written_id, kind_name = mapping.get("id"), mapping.get("kind")
    if isinstance(written_id, str) and written_id.strip():
        what = f"rule '{written_id}'"
    kind_class = KINDS.get(kind_name) if isinstance(kind_name, str) else None
    params = kind_class.params if kind_class else ()
    checker.keys(mapping, [f.key for f in (*RULE_FIELDS, *params)], [f.key for f in RULE_FIELDS if f.required], what)
    common = read_fields(RULE_FIELDS, mapping, what, checker, check_keys=False).by_name
    kind = _read_kind(kind_class, mapping, what, checker) if kind_class else None
    message, fix = common.get("message"), common.get("fix")
    if message is not None and kind is not None:
        _check_message(message, kind, mapping, what, checker)
    flags, passes = common.get("examples", ([], []))
    if pack.example_date is None and kind_class is not None and kind_class.needs_facts:
        for example in (*flags, *passes):
            if example.date is None:
                checker.fail(f"an example of {what} needs a 'date' (or give the pack an 'example_date')", example.location)
    if fix is not None and kind is not None and fix not in kind.fixes:
        offered = f"it can declare: {', '.join(kind.fixes)}" if kind.fixes else "it proposes no fixes"
        checker.fail(f"fix '{fix}' is not possible for a {kind.name} rule; {offered}", mapping.where("fix"))
    if kind is None or any(f.required and f.name not in common for f in RULE_FIELDS):
        return None
    return Rule(common["id"], kind, common["severity"], common["message"], common["description"], flags, passes, mapping.location, pack, fix)


def _read_kind(kind_class: type[Kind], mapping: YamlMap, what: str, checker: Checker) -> Kind | None:
    """The rule's kind, set up from its declared parameters; None when a required one is missing or invalid."""
    for param in kind_class.params:
        if param.required and param.key not in mapping:
            checker.fail(f"{what} (kind {kind_class.name}) is missing the required field '{param.key}'", mapping.location)
    values = read_fields(kind_class.params, mapping, what, checker, check_keys=False)
    if not values.usable:
        return None
    return kind_class({param.key: values.by_name.get(param.key, param.default) for param in kind_class.params})


def _check_message(message: str, kind: Kind, mapping: YamlMap, what: str, checker: Checker) -> None:
    try:
        used = placeholders(message)
    except ValueError as error:
        checker.fail(f"message of {what}: {error}", mapping.where("message"))
        return
    available = kind.placeholders()
    for name in used:
        if name not in available:
            checker.fail(
                f"message of {what} uses '{{{name}}}'{did_you_mean(name, available)}; "
                f"a {kind.name} rule can fill: {', '.join(sorted(available))}",
                mapping.where("message"),
            )
