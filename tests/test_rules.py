"""Rule packs: validation with locations, and every built-in rule's own examples."""

from __future__ import annotations

import textwrap

import pytest
import regex

from linter.checks.examples import run_examples
from linter.checks.rules import builtin_rules_dir, load_rules, read_pack
from linter.errors import UserError
from linter.yamlio import load_yaml

BUILTIN = load_rules()
RESULTS = run_examples(BUILTIN)


@pytest.mark.parametrize("result", RESULTS, ids=[f"{r.rule.id}-{r.expected}-{i}" for i, r in enumerate(RESULTS)])
def test_builtin_rule_example(result):
    got = [f.message for f in result.findings]
    assert result.ok, f"{result.example.location}: expected to {result.expected} {result.example.text!r}, got {got}"


FLAGGED = [finding for result in RESULTS if result.expected == "flag" for finding in result.findings]


@pytest.mark.parametrize("finding", FLAGGED, ids=[f"{f.rule}-{i}" for i, f in enumerate(FLAGGED)])
def test_builtin_messages_follow_the_style_guide(finding):
    """docs/rules.md, 'How a message is written': one line, sentence case, a full stop, dates in
    words, names and never fact ids, no trailing ids or locations."""
    message = finding.message
    assert message[0].isupper() and message.endswith(".") and "\n" not in message and "  " not in message, message
    assert not regex.search(r"\d{4}-\d{2}-\d{2}", message), message
    assert not any(regex.search(rf"(?<![\w-]){regex.escape(fact)}(?![\w-])", message) for fact in finding.evidence), message
    assert not regex.search(r"[\[(][\w-]+[\])]\.?$|\.yaml", message), message
    assert "'" not in message.replace("'s", "").replace("s'", ""), message  # the document is quoted in double quotes


@pytest.mark.parametrize("rule", BUILTIN, ids=[r.id for r in BUILTIN])
def test_every_builtin_rule_has_two_examples_each_way(rule):
    assert len(rule.flags) >= 2 and len(rule.passes) >= 2


def test_builtin_packs_are_found():
    assert sorted(p.name for p in builtin_rules_dir().glob("*.yaml")) == [
        "consistency.yaml", "copy.yaml", "events.yaml", "offices.yaml", "quantities.yaml", "quotes.yaml", "relations.yaml"
    ]


def pack_error(content: str) -> str:
    with pytest.raises(UserError) as caught:
        read_pack(load_yaml(textwrap.dedent(content), "pack.yaml"), "pack.yaml")
    return str(caught.value)


RULE = """
rules:
  - id: r
    kind: {kind}
    severity: {severity}
    message: "{message}"
    description: d
    examples: {{flag: [], pass: []}}
{extra}"""


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "patern"}, "pack.yaml:4:11: unknown kind 'patern' (did you mean 'pattern'?)"),
        ({"severity": "fatal"}, "pack.yaml:5:15: severity 'fatal' in rule 'r' must be one of: error, warning, info"),
        ({"message": "{persn}", "extra": "    pattern: x"}, "uses '{persn}'; a pattern rule can fill: match"),
        ({"kind": "office-holder", "message": "{persn}"}, "uses '{persn}' (did you mean 'person'?)"),
        ({"extra": "    pattern: '(x'"}, "pack.yaml:9:14: pattern in rule 'r' is not a valid regex"),
        ({"extra": "    patern: x"}, "pack.yaml:9:5: unknown field 'patern' in rule 'r' (did you mean 'pattern'?)"),
        ({"kind": "quote", "extra": "    check: timing"}, "unknown quote check 'timing'"),
        ({"kind": "quote"}, "rule 'r' (kind quote) is missing the required field 'check'"),
        ({"kind": "office-holder", "extra": "    claims: [formerly]"}, "unknown claim 'formerly'"),
        ({"message": "{0}", "extra": "    pattern: x"}, "'{0}' is not a placeholder"),
    ],
)
def test_broken_rules_are_located(fields, expected):
    values = {"kind": "pattern", "severity": "error", "message": "m", "extra": "", **fields}
    assert expected in pack_error(RULE.format(**values))


def test_examples_of_fact_rules_need_a_date():
    content = RULE.format(kind="event-date", severity="error", message="m", extra="").replace("{flag: [], pass: []}", "{flag: [x], pass: []}")
    assert "needs a 'date'" in pack_error(content)


def test_missing_examples_are_an_error():
    assert "missing the required field 'examples'" in pack_error("rules:\n  - {id: r, kind: pattern, severity: error, message: m, description: d, pattern: x}\n")


def test_duplicate_rule_ids_across_packs(tmp_path):
    (tmp_path / "extra.yaml").write_text(
        "rules:\n  - {id: office-holder, kind: pattern, severity: error, message: m, description: d, pattern: x, examples: {flag: [], pass: []}}\n"
    )
    with pytest.raises(UserError, match="duplicate rule id 'office-holder'"):
        load_rules([str(tmp_path)])


def test_a_failing_example_is_reported(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "rules:\n  - id: never\n    kind: pattern\n    severity: error\n    message: m\n    description: d\n"
        "    pattern: zzz\n    examples: {flag: [abc], pass: [zzz]}\n"
    )
    results = run_examples(load_rules([str(tmp_path)], include_builtin=False))
    assert [(r.expected, r.ok) for r in results] == [("flag", False), ("pass", False)]
