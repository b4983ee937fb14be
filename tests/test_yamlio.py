"""The YAML loader: the same data as PyYAML's safe loader, with locations, and nothing unsafe."""

from __future__ import annotations

import datetime as dt
import marshal
import re

import pytest
import yaml

from linter.errors import UserError
from linter.yamlio import YamlList, YamlMap, load_yaml

from conftest import REPO


def _plain(value):
    """PyYAML's result with dates written back as the strings factlint keeps them as."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", sorted([*REPO.glob("rules/*.yaml"), *REPO.glob("**/facts.yaml"), REPO / "factlint.yaml"]), ids=str)
def test_same_data_as_pyyaml_safe_load(path):
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text, str(path)) == _plain(yaml.safe_load(text))


def test_scalars_are_typed_as_yaml_types_them():
    data = load_yaml("a: 1\nb: 2.5\nc: true\nd: ~\ne: '1'\nf: 2025-02-30\ng: no\nh: 0x10\ni:\n", "x.yaml")
    assert data == {"a": 1, "b": 2.5, "c": True, "d": None, "e": "1", "f": "2025-02-30", "g": False, "h": 16, "i": None}


def test_locations_of_keys_values_and_items():
    data = load_yaml("top:\n  - {name: x, list: [1, 2]}\n  - y\n", "x.yaml")
    assert isinstance(data, YamlMap) and isinstance(data["top"], YamlList)
    assert str(data.where("top")) == "x.yaml:2:3" and str(data.key_location("top")) == "x.yaml:1:1"
    assert str(data["top"].where(1)) == "x.yaml:3:5"
    assert str(data["top"][0].where("list")) == "x.yaml:2:21"


def test_aliases_are_resolved():
    assert load_yaml("a: &x [1, 2]\nb: *x\n", "x.yaml") == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!python/object:os.system {}\n", "the tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"),
        ("a: !custom x\n", "the tag '!custom' is not allowed"),
        ("a: 1\na: 2\n", "2:1: duplicate key 'a' (first written at line 1)"),
        ("a: 1\n---\nb: 2\n", "expected a single YAML document"),
        ("a: [1, 2\n", "invalid YAML"),
        ("a: *missing\n", "unknown YAML alias"),
        ("a: &a [*a]\n", "1:8: the alias '*a' is inside the value it names"),
        ("a: &a {b: {<<: *a}}\n", "1:16: the alias '*a' is inside the value it names"),
        ("<<: 3\n", "1:5: the value of a merge key '<<' must be a mapping or a list of mappings"),
        ("<<: [{a: 1}, 2]\n", "1:5: the value of a merge key '<<' must be a mapping or a list of mappings"),
        ("a: !!int twelve\n", "1:4: 'twelve' is not a valid int"),
        ("a: !!bool maybe\n", "1:4: 'maybe' is not a valid bool"),
        ("a: !!map x\n", "1:4: the tag 'tag:yaml.org,2002:map' is not allowed here"),
        ("a: !!str [1]\n", "1:4: the tag 'tag:yaml.org,2002:str' is not allowed here"),
        ("a: 1\nb: \x07x\n", "x.yaml:2:4: invalid YAML: unacceptable character #x0007: "),  # located, on one line
        ("a: ééé\nb: cé\x00\n", "x.yaml:2:6: invalid YAML: unacceptable character #x0000: "),  # characters, not bytes
    ],
)
def test_refused(text, message):
    with pytest.raises(UserError, match=re.escape(message)):
        load_yaml(text, "x.yaml")


def test_billion_laughs_is_stopped_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    with pytest.raises(UserError, match="aliases expand to more than"):
        load_yaml("\n".join(lines) + "\n", "bomb.yaml")


def test_a_huge_yaml_file_is_refused_before_parsing(tmp_path, monkeypatch):
    from linter import yamlio

    monkeypatch.setattr(yamlio, "MAX_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_text("facts_version: 1\n" + "# padding\n" * 200)
    with pytest.raises(UserError, match="too large to load .* split it into several files"):
        yamlio.read_yaml_file(str(path))


def test_an_endless_device_is_refused_after_the_size_limit():
    from linter.yamlio import read_yaml_file

    with pytest.raises(UserError, match="/dev/zero: too large to load"):
        read_yaml_file("/dev/zero")


def test_a_100_mb_fact_file_is_refused_without_being_read(tmp_path, monkeypatch):
    """Refused from its size alone (how fast: bench/limits.py)."""
    from linter import yamlio

    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing to write

    def never(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(yamlio, "open", never, raising=False)  # shadows the built-in for yamlio only
    with pytest.raises(UserError, match="too large to load"):
        yamlio.read_yaml_file(str(path))


def test_deep_nesting_is_refused():
    with pytest.raises(UserError, match="nested more than 64 levels"):
        load_yaml("a: " + "[" * 100 + "]" * 100 + "\n", "deep.yaml")


def test_merge_keys_merge_with_the_mappings_own_keys_winning():
    data = load_yaml("a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  <<: [*a, *b]\n  x: 0\n", "x.yaml")
    assert data["c"] == {"x": 0, "y": 2, "z": 4}  # own keys first, then earlier merged mappings
    assert data == _plain(yaml.safe_load("a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  <<: [*a, *b]\n  x: 0\n"))


def test_merged_keys_are_located_where_they_were_written():
    data = load_yaml("base: &base\n  name: Alice\nitem:\n  <<: *base\n  id: alice\n", "x.yaml")
    assert str(data["item"].where("name")) == "x.yaml:2:9" and str(data["item"].where("id")) == "x.yaml:5:7"


def test_merge_keys_count_against_the_alias_limit():
    lines = ['a0: &a0 {k0: lol, k1: lol, k2: lol, k3: lol, k4: lol, k5: lol, k6: lol, k7: lol, k8: lol}']
    lines += [f"a{i}: &a{i} {{" + ", ".join(f"k{j}: {{<<: *a{i - 1}}}" for j in range(9)) + "}" for i in range(1, 10)]
    with pytest.raises(UserError, match="aliases expand to more than"):
        load_yaml("\n".join(lines) + "\n", "bomb.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: <<\n", {"a": "<<"}),  # a merge key only merges as a key
        ("a: =\n", {"a": "="}),  # YAML's value token is plain text
        ("= : 1\n", {"=": 1}),
        ("a: !!int '12'\nb: !!float 1\nc: !!bool yes\nd: !!null x\ne: !!str 3\n", {"a": 12, "b": 1.0, "c": True, "d": None, "e": "3"}),
    ],
)
def test_scalars_pyyaml_would_not_construct_are_plain_values(text, expected):
    assert load_yaml(text, "x.yaml") == expected


@pytest.mark.parametrize("path", sorted([*REPO.glob("rules/*.yaml"), REPO / "factlint.yaml", REPO / "seeds" / "facts.yaml"]), ids=str)
def test_a_kept_document_comes_back_with_every_location(path):
    """The parsed-document store (rule packs, configs) gives back the same values at the same places."""
    from linter.yamlio import _from_plain, _to_plain

    def located(value):
        if isinstance(value, YamlMap):
            return ("map", value.mark, [(key, value.key_marks[key], value.value_marks[key], located(item)) for key, item in value.items()])
        if isinstance(value, YamlList):
            return ("list", value.mark, list(value.item_marks), [located(item) for item in value])
        return value

    document = load_yaml(path.read_text(encoding="utf-8"), str(path))
    kept = _from_plain(marshal.loads(marshal.dumps(_to_plain(document))), str(path))
    assert located(kept) == located(document) and kept.typed_scalars == document.typed_scalars
    assert kept.where("rules" if "rules" in kept else next(iter(kept))) == document.where("rules" if "rules" in document else next(iter(document)))
