"""Shared helpers: lint a text against inline facts, run the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from linter.analysis import analyse
from linter.checks.engine import evaluate
from linter.checks.rules import load_rules, read_pack
from linter.dates import DateWindow
from linter.facts.load import load_facts_data
from linter.findings import Finding
from linter.mentions.lexicon import build_lexicon
from linter.mentions.model import Analysis
from linter.source.read import document_from_text
from linter.yamlio import load_yaml

# Tests never read or write the user's own compiled fact cache.
os.environ.setdefault("FACTLINT_CACHE_DIR", tempfile.mkdtemp(prefix="factlint-test-cache-"))

try:
    from hypothesis import HealthCheck, settings
except ImportError:  # the property tests skip themselves
    pass
else:  # HYPOTHESIS_PROFILE=long: the long run of every property (tests/test_fuzz*.py)
    settings.register_profile("default", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("long", max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

FACTS = """
facts_version: 1
entities:
  - {id: boris-johnson, name: Boris Johnson, aliases: [Johnson, Mr Johnson]}
  - {id: rishi-sunak, name: Rishi Sunak, aliases: [Sunak, Mr Sunak]}
  - {id: keir-starmer, name: Keir Starmer, aliases: [Starmer, Sir Keir]}
  - {id: donald-trump, name: Donald Trump, aliases: [Trump]}
  - {id: joe-biden, name: Joe Biden, aliases: [Biden]}
  - {id: emmanuel-macron, name: Emmanuel Macron, aliases: [Macron]}
  - {id: kenneth-clarke, name: Kenneth Clarke, aliases: [Clarke, Mr Clarke]}
  - {id: charles-clarke, name: Charles Clarke, aliases: [Clarke, Mr Clarke]}
  - {id: acme, name: Acme Corp, aliases: [Acme], type: organization}
  - {id: gordon-brown, name: Gordon Brown}
  - {id: tony-blair, name: Tony Blair, aliases: [Mr Blair]}
  - {id: alex-ferguson, name: Alex Ferguson, aliases: [Sir Alex Ferguson]}
  - {id: steve-ballmer, name: Steve Ballmer}
  - {id: bill-gates, name: Bill Gates}
  - {id: steve-jobs, name: Steve Jobs}
  - {id: microsoft, name: Microsoft, aliases: [Microsoft Corp], type: organization}
  - {id: apple, name: Apple, type: organization}
  - {id: man-utd, name: Manchester United, aliases: [United, Man Utd], type: organization}
offices:
  - id: uk-prime-minister
    name: Prime Minister of the United Kingdom
    titles: [Prime Minister, UK Prime Minister, PM]
    holders:
      - {who: boris-johnson, from: 2019-07-24, to: 2022-09-06}
      - {who: rishi-sunak, from: 2022-10-25, to: 2024-07-05}
      - {who: keir-starmer, from: 2024-07-05}
  - id: us-president
    name: President of the United States
    titles: [President, US President]
    holders:
      - {who: donald-trump, from: 2017-01-20, to: 2021-01-20}
      - {who: joe-biden, from: 2021-01-20, to: 2025-01-20}
      - {who: donald-trump, from: 2025-01-20}
  - id: french-president
    name: President of France
    titles: [President, French President]
    holders:
      - {who: emmanuel-macron, from: 2017-05-14}
  - id: uk-chancellor
    name: Chancellor of the Exchequer
    titles: [Chancellor]
    holders:
      - {who: kenneth-clarke, from: 1993-05-27, to: 1997-05-02}
      - {who: gordon-brown, from: 1997-05-02, to: 2007-06-27}
  - id: microsoft-ceo
    name: Chief Executive of Microsoft
    organization: microsoft
    titles: [chief executive, boss]
    holders:
      - {who: bill-gates, from: 1981-06-25, to: 2000-01-13}
      - {who: steve-ballmer, from: 2000-01-13, to: 2014-02-04}
  - id: microsoft-chairman
    name: Chairman of Microsoft
    organization: microsoft
    titles: [chairman]
    holders:
      - {who: bill-gates, from: 1981-06-25, to: 2014-02-04}
  - id: apple-ceo
    name: Chief Executive of Apple
    organization: apple
    titles: [chief executive, boss]
    holders:
      - {who: steve-jobs, from: 1997-09-16, to: 2011-08-24}
  - id: man-utd-manager
    name: Manager of Manchester United
    organization: man-utd
    titles: [manager, boss]
    holders:
      - {who: alex-ferguson, from: 1986-11-06, to: 2013-05-19}
events:
  - id: summit
    name: The Example Summit
    date: 2025-03-20
    mentions: ['example summit']
quotes:
  - id: starmer-line
    speaker: keir-starmer
    date: 2025-03-02
    text: "We will stand with Ukraine for as long as it takes, and we will not waver"
"""


def facts_from(yaml_text: str = FACTS):
    return load_facts_data(load_yaml(textwrap.dedent(yaml_text), "facts.yaml"), "facts.yaml")


def analysis_of(text: str, date: str = "2025-06-01", facts_yaml: str = FACTS, kind: str = "text") -> Analysis:
    facts = facts_from(facts_yaml)
    document = document_from_text(text, "doc.txt", kind)
    return analyse(document, facts, build_lexicon(facts), DateWindow.parse(date))


def lint(text: str, rule: str | None = None, date: str = "2025-06-01", facts_yaml: str = FACTS, rules_yaml: str | None = None) -> list[Finding]:
    """Findings of the built-in rules (or of ``rules_yaml``) on ``text``; ``rule`` keeps one rule id."""
    rules = read_pack(load_yaml(textwrap.dedent(rules_yaml), "rules.yaml"), "rules.yaml").rules if rules_yaml else load_rules()
    if rule:
        rules = [r for r in rules if r.id == rule]
        assert rules, f"no rule {rule}"
    return evaluate(analysis_of(text, date, facts_yaml), rules)


def run_cli(*args: str, cwd: Path | str = REPO, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real command line (``python -m linter``) and capture its output."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "linter", *args], cwd=cwd, input=stdin, capture_output=True, text=True, env=environment, timeout=120
    )


def run_in_process(*args: str, cwd: Path | str = REPO, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """run_cli's twin in this process (CliRunner, from cwd, with env added): the same command line
    without a new interpreter's start-up, for tests that do not need a process of their own (its
    signals, its terminal, or main()'s last-resort handling of bugs)."""
    from typer.testing import CliRunner

    from linter.cli import app

    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args), input=stdin, env={"NO_COLOR": "1", **(env or {})},
                                    catch_exceptions=False, prog_name="factlint")
    finally:
        os.chdir(previous)
    return subprocess.CompletedProcess(["factlint", *args], result.exit_code, result.stdout, result.stderr)


def invoke(*args: str):
    """Run the command line in this process with typer's CliRunner: the same code as ``factlint``
    but for main()'s last-resort handling of bugs, and much faster than run_cli. Run it from the
    directory to check (monkeypatch.chdir)."""
    from typer.testing import CliRunner

    from linter.cli import app

    return CliRunner().invoke(app, list(args), catch_exceptions=False, prog_name="factlint")


@pytest.fixture
def write(tmp_path: Path):
    """Write a dedented file below tmp_path and return its path."""

    def _write(name: str, content: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")
        return path

    return _write


needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (seed copy and corpus) is not present beside the repository")
