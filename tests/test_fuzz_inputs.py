"""Property tests over the inputs that are not documents: fact files, rule packs, configurations.

Each example is a YAML file, either a valid one mutated (values replaced by anything, keys
dropped, added or misspelt, items duplicated) or a random YAML document, written with every
YAML construct: block and flow styles, anchors, aliases, merge keys, tags, odd scalars, block
scalars, comments, directives and multi-document streams. It goes through ``validate`` and, when
valid, through ``check`` (the functions those commands call, not typer, so that 100,000 examples
stay affordable). Every answer must be a result or located one-line errors: anything else is
what the command line would have reported as an internal error, and fails the property.

    pytest tests/test_fuzz_inputs.py                              # default: 300 examples per property
    HYPOTHESIS_PROFILE=long pytest tests/test_fuzz_inputs.py -q   # the long run: 100,000 examples
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the test extra")
from hypothesis import event, given, strategies as st  # noqa: E402

from linter.cli import validate_file  # noqa: E402
from linter.dates import DateWindow  # noqa: E402
from linter.errors import UserError, UserErrors  # noqa: E402
from linter.plan import CheckOptions, check  # noqa: E402
from linter.yamlio import YamlList, YamlMap, load_yaml  # noqa: E402

from conftest import REPO  # noqa: E402


class Raw(str):
    """YAML text written as it is: odd scalars, tags, aliases to nothing."""


ODD_SCALARS = [Raw(text) for text in (
    "<<", "=", "~", "null", "Null", "yes", "No", "on", "0x1F", "0o17", "0b101", "1_000", "1e3", ".inf", "-.Inf", ".NaN",
    "2025-02-30", "2025-06-01", "2001-12-14t21:59:43.10-05:00", "12:30:45", "190:20:30", "-", "''", '""',
    '"esc\\u00e9\\t\\x41"', "'it''s'", "!!str 3", "!!int '12'", "!!int twelve", "!!float x", "!!bool maybe", "!!null",
    "!custom x", "!!python/object:os.system {}", "!!python/name:os.system", "!!binary aGk=", "!!set {a, b}",
    "!!omap [a: 1]", "!!timestamp 2025-01-01", "!!merge <<", "!!value =", "*undefined", "&lonely x", "! plain",
    "!<tag:yaml.org,2002:str> verbatim", "!!map {a: 1}", "!!seq [1]", "!!str [1]", "[]", "{}", "[[[[]]]]", "'\u200b'",
    '"\\0"', "% percent", "@at", "`tick", "a: b", "- item", "? key", "#", "(((((a)))))", "[unclosed", "*", "&", "!",
)]
WORDS = ["alice-smith", "Alice Smith", "mayor", "Mayor", "2025-06-01", "2020-01-01", "error", "warning", "info",
         "pattern", "substitution", "office-holder", "event-date", "quote", "safe", "unsafe", "current", "former",
         "facts.yaml", "rules", "../outside.yaml", ".", "*.md", "misspelling", "id", "name", "rules", "facts_version"]
SCALARS = st.one_of(
    st.sampled_from(ODD_SCALARS), st.sampled_from(WORDS), st.text(max_size=8), st.integers(-2, 2**70), st.floats(),
    st.booleans(), st.none(), st.just("x" * 300),
)
NODES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.one_of(st.sampled_from(WORDS), SCALARS), children, max_size=4),
    max_leaves=20,
)

_PLAIN = __import__("re").compile(r"[A-Za-z][A-Za-z0-9 ._/-]*[A-Za-z0-9._/]|[A-Za-z]")


class Emitter:
    """Writes data as YAML text, choosing styles, anchors, aliases and merge keys at random."""

    def __init__(self, rng: random.Random, share: bool = True) -> None:
        self.rng = rng
        self.share = share  # aliases and merge keys, which change the data; anchors alone do not
        self.anchors: list[tuple[str, bool]] = []  # (name, whether it names a mapping)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def document(self, value: Any) -> str:
        text = self.block(value, 0) if isinstance(value, (dict, list)) and value else self.flow(value) + "\n"
        prefix = self.rng.choice(["", "", "", "---\n", "%YAML 1.1\n---\n", "%TAG !e! tag:example.com,2000:\n---\n", "# comment\n"])
        suffix = self.rng.choice(["", "", "", "...\n", "---\nextra: 1\n", "--- !e!thing x\n"])
        return prefix + text + suffix

    def scalar(self, value: Any) -> str:
        if isinstance(value, Raw):
            return str(value)
        if value is None:
            return self.rng.choice(["~", "null", ""])
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return repr(value) if value == value and abs(value) != float("inf") else self.rng.choice([".nan", ".inf", "-.inf"])
        if _PLAIN.fullmatch(value) and self.chance(0.8):
            return value
        if "'" not in value and "\n" not in value and self.chance(0.3):
            return f"'{value}'"
        return json.dumps(value, ensure_ascii=self.chance(0.5))

    def decorate(self, value: Any, text_of) -> str:
        """An alias instead of the value, or the value with an anchor, sometimes."""
        if self.share and self.anchors and self.chance(0.02):
            return "*" + self.rng.choice(self.anchors)[0]
        if self.chance(0.1):
            name = f"a{len(self.anchors)}"
            text = text_of()
            self.anchors.append((name, isinstance(value, dict)))
            return f"&{name} {text}"
        return text_of()

    def merge_key(self) -> str | None:
        mappings = [name for name, is_mapping in self.anchors if is_mapping]
        if not self.share or not mappings or not self.chance(0.2):
            return None
        chosen = self.rng.sample(mappings, min(len(mappings), self.rng.randint(1, 2)))
        return "*" + chosen[0] if len(chosen) == 1 else "[" + ", ".join("*" + name for name in chosen) + "]"

    def flow(self, value: Any) -> str:
        if isinstance(value, dict):
            items = [f"{self.scalar(key)}: {self.flow(item)}" for key, item in value.items()]
            merge = self.merge_key()
            if merge:
                items.insert(self.rng.randint(0, len(items)), f"<<: {merge}")
            return self.decorate(value, lambda: "{" + ", ".join(items) + "}")
        if isinstance(value, list):
            return self.decorate(value, lambda: "[" + ", ".join(self.flow(item) for item in value) + "]")
        return self.decorate(value, lambda: self.scalar(value))

    def block(self, value: Any, indent: int) -> str:
        """A non-empty mapping or list in block style, one entry per line at ``indent``."""
        pad, lines = " " * indent, []
        if isinstance(value, dict):
            entries = [(self.scalar(key), item) for key, item in value.items()]
            merge = self.merge_key()
            if merge:
                entries.insert(self.rng.randint(0, len(entries)), ("<<", Raw(merge)))
            for key, item in entries:
                if isinstance(key, str) and key.startswith(("? ", "- ")):
                    key = json.dumps(key)
                lines.append(f"{pad}{key}:{self.nested(item, indent + 2)}")
        else:
            lines.extend(f"{pad}-{self.nested(item, indent + 2)}" for item in value)
        return "".join(lines)

    def nested(self, value: Any, indent: int) -> str:
        """A value after 'key:' or '-': a block container on the following lines, or inline."""
        if isinstance(value, (dict, list)) and value and self.chance(0.6):
            anchor = ""
            if self.chance(0.1):
                anchor = f" &a{len(self.anchors)}"
                self.anchors.append((anchor[2:], isinstance(value, dict)))
            return f"{anchor}\n{self.block(value, indent)}"
        if isinstance(value, str) and not isinstance(value, Raw) and self.chance(0.05):
            body = "".join(f"{' ' * indent}{line}\n" for line in value.splitlines() or [""])
            style = "|-" if "\n" in value else self.rng.choice(["|-", ">-"])  # chosen to give the same string back
            return f" {style}\n{body}"
        text = self.flow(value)
        return f" {text}" + (" # note" if self.chance(0.05) else "") + "\n"


def _plain(value: Any) -> Any:
    """Plain dicts and lists from located YAML data."""
    if isinstance(value, YamlMap):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, YamlList):
        return [_plain(item) for item in value]
    return value


def _rule_pack() -> dict:
    """One rule of each kind from the built-in packs, renamed so they do not clash with the originals."""
    rules = []
    for path in sorted((REPO / "rules").glob("*.yaml")):
        data = _plain(load_yaml(path.read_text(encoding="utf-8"), str(path)))
        rules.append({**data["rules"][0], "id": f"fuzz-{data['rules'][0]['id']}"})
    return {"description": "Fuzzed.", "example_date": "2025-06-01", "example_facts": _plain(load_yaml(FACTS, "facts.yaml")), "rules": rules}


# Small, so that each example is cheap, but with every section and an event pattern.
FACTS = """\
facts_version: 1
entities:
  - {id: rishi-sunak, name: Rishi Sunak, aliases: [Sunak]}
  - {id: keir-starmer, name: Keir Starmer, aliases: [Starmer, Sir Keir]}
  - {id: acme, name: Acme Corp, type: organization}
offices:
  - id: uk-prime-minister
    name: Prime Minister of the United Kingdom
    titles: [Prime Minister, PM]
    holders:
      - {who: rishi-sunak, from: 2022-10-25, to: 2024-07-05}
      - {who: keir-starmer, from: 2024-07-05}
  - {id: acme-boss, name: Chief Executive of Acme, organization: acme, titles: [chief executive], seats: 1}
events:
  - {id: summit, name: The Example Summit, date: {from: 2025-03-20, to: 2025-03-21}, mentions: ['example summit']}
quotes:
  - {id: starmer-line, speaker: keir-starmer, date: 2025-03-02, text: We will stand with Ukraine for as long as it takes}
"""


VALID = {
    "facts.yaml": _plain(load_yaml(FACTS, "facts.yaml")),
    "rules.yaml": _rule_pack(),
    "factlint.yaml": {
        "facts": ["facts.yaml"], "rules": ["packs"], "date": "2025-06-01..2025-12-31", "fail_on": "warning",
        "select": ["office", "misspelling"], "extend_select": ["event"], "ignore": ["repeated-word"],
        "severity": {"misspelling": "error"}, "include": ["*.md"], "exclude": ["drafts/*"], "timeout_per_document": 30,
    },
}


@st.composite
def mutated(draw, valid: Any) -> Any:
    """The valid data with a few random edits anywhere in it."""
    data = json.loads(json.dumps(valid))  # a deep copy
    for _ in range(draw(st.integers(0, 4))):
        containers = [data]
        position = data
        while isinstance(position, (dict, list)) and position and draw(st.booleans()):
            keys = list(position) if isinstance(position, dict) else range(len(position))
            key = draw(st.sampled_from(list(keys)))
            if isinstance(position[key], (dict, list)):
                position = position[key]
                containers.append(position)
        target = containers[-1]
        if not isinstance(target, (dict, list)) or not target:
            continue
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        key = draw(st.sampled_from(keys))
        edit = draw(st.sampled_from(["replace", "delete", "add", "duplicate", "misspell"]))
        if edit == "replace":
            target[key] = draw(NODES)
        elif edit == "delete":
            del target[key]
        elif edit == "add" and isinstance(target, dict):
            target[draw(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)))] = draw(NODES)
        elif edit == "duplicate" and isinstance(target, list):
            target.append(json.loads(json.dumps(target[key])))
        elif edit == "misspell" and isinstance(target, dict) and isinstance(key, str) and key:
            target[key[:-1]] = target.pop(key)
    return data


def yaml_files(name: str) -> st.SearchStrategy[str]:
    """YAML texts for a file called ``name``: its valid example mutated, or any YAML at all."""
    styles = st.integers(0, 2**32)  # seeds the emitter's choices: drawing each choice would make every input huge
    return st.tuples(st.one_of(mutated(VALID[name]), mutated(VALID[name]), NODES), styles).map(
        lambda pair: Emitter(rng := random.Random(pair[1]), share=rng.random() < 0.5).document(pair[0])
    )


WORKSPACE = Path(tempfile.mkdtemp(prefix="factlint-fuzz-inputs-"))
HOUSE_PACK = (
    "rules:\n  - {id: house-style, kind: substitution, severity: warning, message: m, description: d,"
    " swap: {colour: color}, examples: {flag: [colour], pass: [color]}}\n"
)
# Each fuzzed file is written in a folder of its own, beside the files its valid form names
# (facts.yaml, packs/): a fuzzed fact file must never replace the fact file that the rule pack
# property checks with, or every valid rule pack would fail at `check` for the facts' sake.
CASES = {name: WORKSPACE / name.split(".")[0] for name in VALID}
for folder in (WORKSPACE, *CASES.values()):
    (folder / "packs").mkdir(parents=True, exist_ok=True)
    (folder / "facts.yaml").write_text(FACTS, encoding="utf-8")
    (folder / "packs" / "house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
DRAFT = WORKSPACE / "draft.md"
DRAFT.write_text(
    "---\ndate: 2025-06-01\n---\nPrime Minister Rishi Sunak said on 15 March 2025 at the example summit: "
    "\u201cWe will stand with Ukraine for as long as it takes.\u201d The goverment fell. Its colour was a a mistake.\n",
    encoding="utf-8",
)


def assert_located(error: UserError) -> None:
    """Each problem names its file and is one line, as the command line prints it."""
    for problem in error.errors if isinstance(error, UserErrors) else [error]:
        assert problem.location is not None and problem.location.path, repr(problem)
        assert len(problem.message.splitlines()) == 1, repr(problem)


def answer(name: str, text: str) -> None:
    """``validate`` the file; if valid, ``check`` the draft with it. Only located errors may come out."""
    path = CASES[name] / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        validate_file(path)
    except UserError as error:
        assert_located(error)
        event("invalid: located errors")
        return
    options = {
        "facts.yaml": CheckOptions(facts=[str(path)], date=DateWindow.parse("2025-06-01")),
        "rules.yaml": CheckOptions(rules=[str(path)], facts=[str(WORKSPACE / "facts.yaml")]),
        "factlint.yaml": CheckOptions(config=path),
    }[name]
    options.use_cache, options.quiet = False, True
    try:
        result, _ = check([str(DRAFT)], options, str)
    except UserError as error:  # e.g. a valid configuration naming a rule pack that is not
        assert_located(error)
        event("valid, then check: located errors")
        return
    for problem in result.problems:
        assert_located(problem)
    assert result.checked_paths == [str(DRAFT)] or result.problems
    event(f"valid, then check: {'findings' if result.findings else 'no findings'}{' and problems' if result.problems else ''}")


@given(yaml_files("facts.yaml"))
def test_any_fact_file_gets_findings_or_located_errors(text):
    answer("facts.yaml", text)


@given(yaml_files("rules.yaml"))
def test_any_rule_pack_gets_findings_or_located_errors(text):
    answer("rules.yaml", text)


@given(yaml_files("factlint.yaml"))
def test_any_configuration_gets_findings_or_located_errors(text):
    answer("factlint.yaml", text)


def test_the_generator_writes_every_construct_and_valid_files():
    """The strategies are worth running only if they reach what they claim to."""
    assert (WORKSPACE / "facts.yaml").read_text(encoding="utf-8") == FACTS  # no property wrote over it
    texts = [Emitter(random.Random(seed)).document(VALID["rules.yaml"]) for seed in range(200)]
    joined = "\n".join(texts)
    for construct in ("&a", "*a", "<<: ", "{", "[", "\n  -", "---", "%YAML", "|", ">"):
        assert construct in joined, construct
    odd = "\n".join(Emitter(random.Random(seed)).document({"k": list(ODD_SCALARS)}) for seed in range(5))
    assert "!!python/object" in odd and "<<" in odd and "*undefined" in odd
    for name, data in VALID.items():  # the unmutated files are valid, whatever the style
        for seed in range(20):
            text = Emitter(random.Random(seed), share=False).document(data)
            if "extra: 1" not in text and "!e!thing" not in text:
                (CASES[name] / name).write_text(text, encoding="utf-8")
                assert validate_file(CASES[name] / name), text
