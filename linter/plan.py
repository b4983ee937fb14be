"""Which files are checked, under which configuration, and the merged result.

Configuration is found from each checked file's directory upward, and the nearest
wins (as in Ruff), so a newsroom can keep different facts, rules or dates for
different desks in one tree. ``--config FILE`` applies one configuration to every
file. Command-line options apply to every group. Files found by walking a
directory also obey their configuration's ``include`` and ``exclude``; a file
named on the command line is always checked.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from linter.config import Config, find_config, load_config, real_path
from linter.dates import DateWindow, DocumentDate
from linter.deadline import DEFAULT_SECONDS
from linter.errors import Location, UserError
from linter.filtering.selection import rules_for
from linter.filtering.suppressions import EngineRule
from linter.report.progress import Progress
from linter.report.progress import wanted as progress_wanted
from linter.result import RunResult
from linter.runner import STDIN, RunSettings
from linter.source.read import TEXT_SUFFIXES

if TYPE_CHECKING:
    from linter.cache.results import CacheStats

_SKIPPED_DIRECTORIES = {"node_modules", "__pycache__", "venv"}


@dataclass
class CheckOptions:
    """What the command line says, for every group of files."""

    facts: list[str] | None = None  # replaces each configuration's facts
    rules: list[str] = field(default_factory=list)  # added to each configuration's rules
    date: DateWindow | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    config: Path | None = None
    stdin_name: str = "<stdin>"
    jobs: int = 1
    use_cache: bool = True
    quiet: bool = False
    keep_documents: bool = False  # keep every document's text, not only those with findings (for --format html)
    timeout_per_document: float | None = None  # replaces the config's; else DEFAULT_SECONDS
    # Archive scale (linter/scale/): a Dask scheduler to check on, how its workers get the facts
    # ("scatter", or "cache": from the fact cache on a path they share), and cache counts to fill.
    scheduler: str | None = None
    cluster_facts: str = "scatter"
    cache_stats: CacheStats | None = None


def config_for(directory: Path, options: CheckOptions, cache: dict[Path, Config]) -> Config:
    if options.config is not None:
        key = real_path(options.config)
        if key not in cache:
            if not os.path.isfile(options.config):  # Path.is_file() raises for a name too long
                raise UserError("config file not found", Location(str(options.config)))
            cache[key] = load_config(options.config)
        return cache[key]
    found = find_config(directory.resolve())
    key = found.resolve() if found else Path("<defaults>")
    if key not in cache:
        cache[key] = load_config(found) if found else Config()
    return cache[key]


def plan_files(paths: list[str], options: CheckOptions) -> tuple[list[tuple[Config, list[str]]], list[UserError]]:
    """The files to check, grouped by the configuration each uses, and the paths that cannot be checked."""
    files, problems = collect_paths(paths)
    configs: dict[Path, Config] = {}
    by_directory: dict[str, Config] = {}  # one lookup per directory, not per file
    groups: dict[int, tuple[Config, list[str]]] = {}
    for path, walked in files:
        directory = os.path.dirname(options.stdin_name if path == STDIN else path) or "."
        config = by_directory.get(directory)
        if config is None:
            config = by_directory[directory] = config_for(Path(directory), options, configs)
        if walked and config.skips(path):
            continue
        groups.setdefault(id(config), (config, []))[1].append(path)
    return list(groups.values()), problems


def collect_paths(paths: list[str]) -> tuple[list[tuple[str, bool]], list[UserError]]:
    """Files to check, each with whether it was found by walking a directory.

    Named files are checked as given. Directories are walked for known document types,
    skipping hidden and tool directories and, inside a git work tree, what git ignores.
    """
    found: list[tuple[str, bool]] = []
    problems: list[UserError] = []
    for path in paths:
        if path == STDIN:
            found.append((path, False))
        elif os.path.isdir(path):
            found.extend((walked, True) for walked in _walk(path))
        elif os.path.isfile(path):
            found.append((path, False))
        elif glob.has_magic(path):  # a glob the shell did not expand ('archive/*.jsonl.gz')
            matches = sorted(match for match in glob.glob(path, recursive=True) if os.path.isfile(match))
            found.extend((match, False) for match in matches)
            if not matches:
                problems.append(UserError("no file matches this pattern", Location(path)))
        elif os.path.exists(path):  # a FIFO, socket or device: reading it could block forever
            problems.append(UserError("not a regular file; not checked", Location(path)))
        else:
            problems.append(UserError("no such file or directory", Location(path)))
    return found, problems


def _walk(directory: str) -> list[str]:
    visible = _not_ignored_by_git(directory)
    files = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRECTORIES)
        for name in sorted(names):
            path = os.path.join(root, name)
            if (
                Path(name).suffix.lower() in TEXT_SUFFIXES
                and os.path.isfile(path)  # never a FIFO or device, which could block forever
                and (visible is None or os.path.relpath(path, directory) in visible)
            ):
                files.append(path)
    return files


def _not_ignored_by_git(directory: str) -> set[str] | None:
    """Files below ``directory`` that git tracks or would track (None: not in a git work tree)."""
    import subprocess

    try:
        listing = subprocess.run(
            ["git", "-C", directory, "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            capture_output=True, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if listing.returncode != 0:
        return None
    return {os.path.normpath(name) for name in listing.stdout.decode("utf-8", "surrogateescape").split("\0") if name}


def watched_files(paths: list[str], options: CheckOptions) -> list[str]:
    """What a check of ``paths`` reads, for --watch: the documents, the directories holding them (a
    file added or removed changes its directory), and the configurations, fact files and rule packs."""
    groups, _ = plan_files(paths, options)
    documents = [path for _, group in groups for path in group if path != STDIN]
    inputs = {*documents, *(os.path.dirname(path) or "." for path in documents), *(path for path in paths if path != STDIN)}
    for config, _ in groups:
        inputs.update(p for p in (config.path, *config.facts, *config.rules) if p)
    inputs.update([*(options.facts or []), *options.rules, *([str(options.config)] if options.config else [])])
    return sorted(inputs)


def check(paths: list[str], options: CheckOptions, shown) -> tuple[RunResult, list[bool]]:
    """Check the paths; returns the merged result and, per group, whether it had facts."""
    loaded: dict[tuple[str, ...], tuple] = {}  # fact files -> (facts, lexicon), loaded once per run
    if options.facts:
        _load(tuple(shown(p) for p in options.facts), options, loaded)  # reported even if no file is checked
    groups, problems = plan_files(paths, options)
    result, had_facts = RunResult(problems=problems), []
    total = sum(len(group) for _, group in groups)
    bar = Progress(total) if progress_wanted(total, options.quiet) else None
    for config, group in groups:
        part, facts_given = _check_group(config, group, options, shown, loaded, bar.advance if bar else None)
        had_facts.append(facts_given)
        result.merge(part)
        known = {rule.id for rule in result.rules}
        result.rules.extend(rule for rule in part.rules if rule.id not in known)
    if bar:
        bar.close()
    result.findings.sort(key=lambda finding: finding.sort_key)
    result.problems.sort(key=lambda problem: str(problem.location or ""))
    result.checked_paths.sort()
    return result, had_facts


def _load(fact_files: tuple[str, ...], options: CheckOptions, loaded: dict) -> tuple:
    from linter.facts.model import FactBase
    from linter.mentions.compiled import load_facts_and_lexicon

    if fact_files not in loaded:
        loaded[fact_files] = load_facts_and_lexicon(list(fact_files), use_cache=options.use_cache) if fact_files else (FactBase(), None)
    return loaded[fact_files]


def _check_group(config: Config, paths: list[str], options: CheckOptions, shown, loaded: dict, progress) -> tuple[RunResult, bool]:
    from linter.scale.engine import run_checks

    files = fact_files(config, options, shown)
    return run_checks(run_settings(config, paths, options, shown, loaded), files, options, progress), bool(files)


def fact_files(config: Config, options: CheckOptions, shown) -> tuple[str, ...]:
    """The fact files a configuration's documents are checked against: --facts, else the configuration's."""
    return tuple(shown(p) for p in (options.facts if options.facts is not None else config.facts))


def run_settings(config: Config, paths: list[str], options: CheckOptions, shown, loaded: dict) -> RunSettings:
    """How ``paths`` are checked under ``config`` and the command line's options: rules selected, facts
    loaded (once per set of fact files: ``loaded`` keeps them). Raises UserError for a bad rule pack or fact file."""
    every_rule, selected = rules_for(config, options, shown)
    facts, lexicon = _load(fact_files(config, options, shown), options, loaded)
    return RunSettings(
        paths=paths,
        rules=[rule for rule in selected if not isinstance(rule, EngineRule)],
        engine_rules=[rule for rule in selected if isinstance(rule, EngineRule)],
        known_rules={rule.id for rule in every_rule},
        facts=facts,
        lexicon=lexicon,
        date=options.date,
        default_date=DocumentDate(config.date, "config", config.date_location) if config.date else None,
        date_keys=config.date_keys,
        stdin_name=options.stdin_name,
        keep_documents=options.keep_documents,
        timeout_per_document=timeout_per_document(config, options)[0],
    )


# Each setting below comes with where it comes from (for --show-settings): an option, a
# configuration file's path, or None for the default.


def timeout_per_document(config: Config, options: CheckOptions) -> tuple[float, str | None]:
    """--timeout-per-document, else the configuration's, else DEFAULT_SECONDS."""
    candidates = ((options.timeout_per_document, "--timeout-per-document"), (config.timeout_per_document, config.path), (DEFAULT_SECONDS, None))
    return next((seconds, source) for seconds, source in candidates if seconds is not None)


def fail_level(cli: str | None, options: CheckOptions) -> tuple[str, str | None]:
    """--fail-on, else the configuration of the working directory (or --config), else 'error'."""
    if cli:
        return cli, "--fail-on"
    config = config_for(Path(os.getcwd()), options, {})
    return (config.fail_on, config.path) if config.fail_on else ("error", None)
