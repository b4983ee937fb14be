"""--show-settings and --show-files: what a check would use and read, without checking (as in Ruff)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from linter.errors import Location, UserError
from linter.filtering.selection import rules_for
from linter.plan import CheckOptions, config_for, fail_level, plan_files, timeout_per_document
from linter.runner import STDIN


def files_to_check(paths: list[str], options: CheckOptions) -> tuple[list[str], list[UserError]]:
    """The files a check of ``paths`` would read (sorted), and the paths it could not check."""
    groups, problems = plan_files(paths, options)
    return sorted(options.stdin_name if path == STDIN else path for _, group in groups for path in group), problems


NO_FACTS = "none: only rules that need no facts run"


def settings_for(path: str, options: CheckOptions, cli_fail_on: str | None, shown) -> str:
    """The settings a check of ``path`` would use, each with where it comes from."""
    from linter.checks.rules import builtin_rules_dir, pack_files

    if path != STDIN and not os.path.exists(path):
        raise UserError("no such file or directory", Location(path))
    subject = options.stdin_name if path == STDIN else path
    directory = path if os.path.isdir(path) else os.path.dirname(subject) or "."
    config = config_for(Path(directory), options, {})
    here = shown(config.path) if config.path else None
    every_rule, selected = rules_for(config, options, shown)
    facts = options.facts if options.facts is not None else config.facts
    fail_on, fail_on_source = fail_level(cli_fail_on, options)
    seconds, seconds_source = timeout_per_document(config, options)
    packs = [f"built-in: {', '.join(pack.stem for pack in pack_files(builtin_rules_dir()))}"]
    packs += _sourced([([shown(p) for p in config.rules], here), ([shown(p) for p in options.rules], "--rules")])
    lines = [
        ("configuration", _from(here, "--config" if options.config else None) if here else "none (the defaults)"),
        ("facts", _from(", ".join(shown(p) for p in facts), "--facts" if options.facts else here) if facts else NO_FACTS),
        ("rule packs", "; ".join(packs)),
        ("select", "; ".join(_sourced([(options.select, "--select")] if options.select else [(config.select, here)])) or "every rule"),
        ("extend select", "; ".join(_sourced([(config.extend_select, here), (options.extend_select, "--extend-select")])) or "none"),
        ("ignore", "; ".join(_sourced([(config.ignore, here), (options.ignore, "--ignore")])) or "none"),
        ("severity", "; ".join(_sourced([([f"{rule}: {level}" for rule, level in config.severity.items()], here)])) or "as each rule declares"),
        ("rules that run", f"{len(selected)} of {len(every_rule)}: {', '.join(rule.id for rule in selected)}"),
        ("fail on", _origin(fail_on, fail_on_source, shown)),
        ("date", _date(path, options, config, here)),
        ("timeout per document", _origin(f"{seconds:g} s" if seconds else "none", seconds_source, shown)),
    ]
    if config.include or config.exclude:
        lines += [
            ("include", _from(", ".join(config.include) or "every document", here)),
            ("exclude", _from(", ".join(config.exclude) or "none", here)),
        ]
    width = max(len(name) for name, _ in lines) + 2
    return "\n".join([f"Settings for {subject}:", *(f"  {name + ':':<{width}}{value}" for name, value in lines)]) + "\n"


def _date(path: str, options: CheckOptions, config, here: str | None) -> str:
    """The date, in the order a check takes it: --date, the document's front matter, the configuration, today."""
    from linter.runner import document_date
    from linter.source.read import read_document

    if options.date is not None:
        return _from(str(options.date), "--date")
    if os.path.isfile(path):
        front_matter = document_date(read_document(path))
        if front_matter is not None:
            return _from(str(front_matter), "its front matter")
    later = "" if os.path.isfile(path) or path == STDIN else ", unless a document's front matter gives one"
    if config.date is not None:
        return _from(str(config.date), here) + later
    return f"today, {dt.date.today().isoformat()}{later}"


def _from(value: str, source: str | None) -> str:
    return f"{value} (from {source})" if source else value


def _origin(value: str, source: str | None, shown) -> str:
    """A value from an option, or a configuration file, or (source None) the default."""
    if source is None:
        return f"{value} (the default)"
    return _from(value, source if source.startswith("--") else shown(source))


def _sourced(parts: list[tuple[list[str], str | None]]) -> list[str]:
    """['a, b (from factlint.yaml)', 'c (from --ignore)'] for the parts that hold something."""
    return [_from(", ".join(items), source) for items, source in parts if items]
