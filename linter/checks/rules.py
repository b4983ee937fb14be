"""Rule packs: load and validate YAML rules (the format is in docs/rules.md).

Every field is checked on load, with its location: unknown fields (with a
did-you-mean), a kind that does not exist, a kind parameter of the wrong type,
a message placeholder the kind cannot fill, an invalid regex, examples that are
missing. A broken pack is a UserError (exit 2), never a crash while linting.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.checks.kinds import KINDS, Kind
from linter.checks.template import placeholders
from linter.dates import DateWindow
from linter.errors import Location, UserError
from linter.facts.load import SLUG, load_facts_data
from linter.facts.model import FactBase
from linter.findings import SEVERITIES
from linter.validate import Checker
from linter.yamlio import YamlMap, read_yaml_file

COMMON_FIELDS = ("id", "kind", "severity", "message", "description", "examples", "fix")
PACK_FIELDS = ("description", "example_facts", "example_date", "rules")


@dataclass(frozen=True)
class Example:
    text: str
    date: DateWindow | None
    location: Location


@dataclass
class RulePack:
    path: str
    description: str = ""
    example_facts: FactBase | None = None
    example_date: DateWindow | None = None
    rules: list[Rule] = field(default_factory=list)


@dataclass
class Rule:
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
    return read_pack(read_yaml_file(path), path)


def read_pack(data: Any, path: str) -> RulePack:
    checker = Checker()
    root = checker.mapping(data, Location(path, 1, 1), "a rule pack")
    if root is None:
        checker.raise_if_failed()
        assert root is not None  # unreachable: the failed mapping was recorded, so that raised
    checker.keys(root, PACK_FIELDS, ("rules",), "a rule pack")
    pack = RulePack(path=path, description=checker.text(root, "description", "a rule pack") or "")
    if "example_date" in root:
        pack.example_date = _window(root, "example_date", "a rule pack", checker)
    if root.get("example_facts") is not None:
        facts_data = root["example_facts"]
        if isinstance(facts_data, YamlMap) and "facts_version" not in facts_data:
            facts_data["facts_version"] = 1
        try:
            pack.example_facts = load_facts_data(facts_data, path)
        except UserError as error:
            checker.problems.extend(getattr(error, "errors", [error]))
    items = checker.sequence(root.get("rules"), root.where("rules"), "'rules'") if "rules" in root else None
    seen: dict[str, Location] = {}
    for index, item in enumerate(items or ()):
        assert items is not None  # only its items are looped over
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
    rule_id = checker.text(mapping, "id", what)
    if rule_id is not None:
        if not SLUG.fullmatch(rule_id):
            checker.fail(f"rule id '{rule_id}' must be a slug of lowercase letters, digits and hyphens", mapping.where("id"))
        what = f"rule '{rule_id}'"
    kind_name = checker.text(mapping, "kind", what)
    kind_class = KINDS.get(kind_name) if kind_name else None
    if kind_name and kind_class is None:
        from linter.errors import did_you_mean

        checker.fail(f"unknown kind '{kind_name}'{did_you_mean(kind_name, KINDS)}; kinds are: {', '.join(KINDS)}", mapping.where("kind"))
    allowed = COMMON_FIELDS + (kind_class.params if kind_class else ())
    checker.keys(mapping, allowed, ("id", "kind", "severity", "message", "description", "examples"), what)
    severity = checker.text(mapping, "severity", what)
    if severity is not None and severity not in SEVERITIES:
        checker.fail(f"severity '{severity}' in {what} must be one of: {', '.join(SEVERITIES)}", mapping.where("severity"))
    message = checker.text(mapping, "message", what)
    description = checker.text(mapping, "description", what)
    kind = kind_class(mapping, checker, what) if kind_class else None
    if kind is not None and kind_class is not None:  # a kind is made only from its class
        for param in kind_class.required:
            if param not in mapping:
                checker.fail(f"{what} (kind {kind_name}) is missing the required field '{param}'", mapping.location)
    if message is not None and kind is not None:
        _check_message(message, kind, mapping, what, checker)
    flags, passes = _read_examples(mapping, what, pack, kind, checker)
    fix = checker.text(mapping, "fix", what)
    if fix is not None and kind is not None and fix not in kind.fixes:
        offered = f"it can declare: {', '.join(kind.fixes)}" if kind.fixes else "it proposes no fixes"
        checker.fail(f"fix '{fix}' is not possible for a {kind.name} rule; {offered}", mapping.where("fix"))
    if rule_id is None or kind is None or severity is None or message is None or description is None or severity not in SEVERITIES:
        return None
    return Rule(rule_id, kind, severity, message.strip(), description.strip(), flags, passes, mapping.location, pack, fix)


def _check_message(message: str, kind: Kind, mapping: YamlMap, what: str, checker: Checker) -> None:
    try:
        used = placeholders(message)
    except ValueError as error:
        checker.fail(f"message of {what}: {error}", mapping.where("message"))
        return
    available = kind.placeholders()
    for name in used:
        if name not in available:
            from linter.errors import did_you_mean

            checker.fail(
                f"message of {what} uses '{{{name}}}'{did_you_mean(name, available)}; "
                f"a {kind.name} rule can fill: {', '.join(sorted(available))}",
                mapping.where("message"),
            )


def _read_examples(mapping: YamlMap, what: str, pack: RulePack, kind: Kind | None, checker: Checker) -> tuple[list[Example], list[Example]]:
    if "examples" not in mapping:
        return [], []
    examples = checker.mapping(mapping["examples"], mapping.where("examples"), f"'examples' of {what}")
    if examples is None:
        return [], []
    checker.keys(examples, ("flag", "pass"), ("flag", "pass"), f"'examples' of {what}")
    result: dict[str, list[Example]] = {"flag": [], "pass": []}
    for group in result:
        items = checker.sequence(examples.get(group), examples.where(group), f"examples '{group}' of {what}") if group in examples else None
        for index, item in enumerate(items or ()):
            assert items is not None  # only its items are looped over
            location = items.where(index)
            text: str | None
            if isinstance(item, str):
                text, date = item, None
            elif isinstance(item, YamlMap):
                checker.keys(item, ("text", "date"), ("text",), f"an example of {what}")
                text, date = checker.text(item, "text", f"an example of {what}"), _window(item, "date", f"an example of {what}", checker)
            else:
                checker.fail(f"an example of {what} must be a string or a mapping with 'text' and 'date'", location)
                continue
            if text is None:
                continue
            if date is None and pack.example_date is None and kind is not None and kind.needs_facts:
                checker.fail(f"an example of {what} needs a 'date' (or give the pack an 'example_date')", location)
            result[group].append(Example(text, date, location))
    return result["flag"], result["pass"]


def _window(mapping: YamlMap, key: str, what: str, checker: Checker) -> DateWindow | None:
    if key not in mapping:
        return None
    try:
        return DateWindow.parse(str(mapping[key]))
    except ValueError as error:
        checker.fail(f"'{key}' in {what}: {error}", mapping.where(key))
        return None
