"""What the language server keeps between requests: configurations, rules and facts, loaded once.

Each document is checked with the configuration the command line would use for its file (the
nearest ``.factlint.yaml``, ``factlint.yaml`` or ``pyproject.toml`` with ``[tool.factlint]``
above it), but against the text the editor holds, not the file on disk. Configurations, rule
packs and fact files are loaded the first time a document needs them and then kept (a failure
to load them too) until a file they may come from changes (:meth:`Session.forget`), so checking a
draft again as it is typed costs only the check itself. This module knows nothing of the
protocol: ``linter.server.protocol`` speaks it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from linter.config import Config, real_path
from linter.deadline import DocumentTimeout, time_limit
from linter.errors import UserError, UserErrors
from linter.findings import Finding
from linter.mentions.lexicon import build_lexicon
from linter.plan import CheckOptions, config_for, run_settings
from linter.runner import RunSettings, check_document, timed_out
from linter.source.document import Document
from linter.source.read import document_from_text

# Configurations, rule packs and fact files: a change to any such file may change what is loaded.
INPUT_SUFFIXES = (".yaml", ".yml", ".toml")


@dataclass
class Checked:
    """One check of a document's text: its findings, and the problems that kept it (or part of it) from being checked."""

    text: str
    document: Document | None = None  # None when its configuration, rules or facts could not be loaded
    findings: list[Finding] = field(default_factory=list)
    problems: list[UserError] = field(default_factory=list)  # located in the document, or in a file it depends on
    settings: RunSettings | None = None  # the rules and facts it was checked with


class Session:
    """Configurations, rules and facts for every document the editor has open."""

    def __init__(self) -> None:
        self._options = CheckOptions()  # no command line: each document's configuration decides
        self._configs: dict[Path, Config] = {}
        self._by_directory: dict[str, RunSettings | UserError] = {}
        self._by_config: dict[str, RunSettings | UserError] = {}
        self._facts: dict[tuple[str, ...], tuple] = {}  # fact files -> (facts, lexicon), as plan.check keeps them
        self._inputs: set[Path] = set()  # the rule packs and fact files named by the configurations loaded

    def check(self, path: str, text: str, kind: str, directory: Path) -> Checked:
        """Check ``text`` as the document ``path`` (its configuration is looked for from ``directory`` up)."""
        settings = self._settings(directory)
        if isinstance(settings, UserError):
            return Checked(text, problems=_each(settings))
        settings.today = dt.date.today()  # for expiring suppressions: the server may run for days
        document = document_from_text(text, path, kind)
        assert settings.lexicon is not None  # _load builds it
        try:
            with time_limit(settings.timeout_per_document):
                checked = check_document(document, settings, settings.lexicon)
        except UserError as error:  # a bad date in the front matter
            return Checked(text, document, problems=_each(error), settings=settings)
        except DocumentTimeout:
            return Checked(text, document, problems=[timed_out(settings, path)], settings=settings)
        return Checked(text, document, checked.findings, checked.problems, settings)

    def forget(self, changed: list[Path]) -> bool:
        """Drop what may have been loaded from the changed files; whether anything was dropped.

        Configurations and rules are cheap to load again and may come from any YAML or TOML file
        (a configuration ``extend``-s another of any name), so any such change drops them all; facts
        are dropped only when one of their own files changed.
        """
        paths = {real_path(path) for path in changed}
        relevant = {path for path in paths if path.suffix in INPUT_SUFFIXES or path in self._inputs}
        if not relevant:
            return False
        self._configs.clear()
        self._by_directory.clear()
        self._by_config.clear()
        self._inputs.clear()
        for key in [key for key in self._facts if relevant & {real_path(path) for path in key}]:
            del self._facts[key]
        return True

    def _settings(self, directory: Path) -> RunSettings | UserError:
        key = str(directory)
        if key not in self._by_directory:
            try:
                config = config_for(directory, self._options, self._configs)
            except UserError as error:
                self._by_directory[key] = error
            else:
                name = config.path or "<defaults>"
                if name not in self._by_config:
                    self._by_config[name] = self._load(config)
                self._by_directory[key] = self._by_config[name]
        return self._by_directory[key]

    def _load(self, config: Config) -> RunSettings | UserError:
        self._inputs.update(real_path(path) for path in [*config.facts, *config.rules])
        try:
            settings = run_settings(config, [], self._options, str, self._facts)  # str: paths as the configuration gives them
        except UserError as error:
            return error
        settings.lexicon = settings.lexicon or build_lexicon(settings.facts)
        return settings


def _each(error: UserError) -> list[UserError]:
    return list(error.errors) if isinstance(error, UserErrors) else [error]
