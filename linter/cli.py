"""The ``factlint`` command line (typer). Exit codes: 0 clean, 1 findings, 2 could not check."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from linter import __version__
from linter.errors import Location, UserError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Check news writing against a reference fact file, with declarative YAML rules.",
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


class FailLevel(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Check news writing against a reference fact file, with declarative YAML rules."""


FactsOption = Annotated[Optional[list[Path]], typer.Option("--facts", "-f", help="A fact file (repeatable); replaces the config's facts.")]
RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", "-r", help="An extra rule pack file or directory (repeatable).")]
ConfigOption = Annotated[Optional[Path], typer.Option("--config", help="Use this config file instead of searching for one.")]


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to check; '-' reads standard input.")],
    facts: FactsOption = None,
    rules: RulesOption = None,
    date: Annotated[Optional[str], typer.Option(help="The documents' date: YYYY-MM-DD or FROM..TO (overrides front matter).")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.text,
    fail_on: Annotated[Optional[FailLevel], typer.Option(help="Lowest severity that makes the exit code 1 [default: error].")] = None,
    config: ConfigOption = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Only run rules whose id starts with this (repeatable); replaces the config's.")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option(help="Also run rules whose id starts with this (repeatable).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip rules whose id starts with this (repeatable).")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Show how many findings each rule has, not the findings.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the fixes rules declare safe, then report what is left.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, also apply unsafe fixes (factual suggestions).")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show the fixes as a unified diff; write nothing.")] = False,
    baseline: Annotated[Optional[Path], typer.Option(help="Report only findings not recorded in this baseline file.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option(help="Record this run's findings in a baseline file, and exit 0.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only: no summary, no notices.")] = False,
    stdin_filename: Annotated[str, typer.Option(help="The name to report for standard input.")] = "<stdin>",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Check files in this many processes (same output).")] = 1,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the compiled fact cache.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (the exit code still reflects the findings).")] = None,
    timeout_per_document: Annotated[
        Optional[float],
        typer.Option(min=0, metavar="SECONDS", help="Report a document that takes longer as not checked, and go on [default: 60; 0: no limit]."),
    ] = None,
) -> None:
    """Check documents against the facts and report what disagrees."""
    from linter.dates import DateWindow
    from linter.deadline import is_time_limit
    from linter.plan import CheckOptions, check as check_paths, fail_level
    from linter.report import FORMATS
    from linter.report.statistics import render_statistics
    from linter.report.text import render_text
    from linter.runner import STDIN, exit_code

    window = None
    if date is not None:
        try:
            window = DateWindow.parse(date)
        except ValueError as error:
            raise UserError(f"--date: {error}") from None
    if timeout_per_document is not None and not is_time_limit(timeout_per_document):
        raise UserError(f"--timeout-per-document: {timeout_per_document} is not a number of seconds (0: no limit)")
    if fix and not diff and STDIN in paths:
        raise UserError("--fix cannot write to standard input; use --diff to see the fixes")
    options = CheckOptions(
        facts=[str(p) for p in facts] if facts else None,
        rules=[str(p) for p in rules or []],
        date=window,
        select=select,
        extend_select=extend_select or [],
        ignore=ignore or [],
        config=config,
        stdin_name=stdin_filename,
        jobs=jobs,
        use_cache=not no_cache,
        quiet=quiet,
        keep_documents=output_format is OutputFormat.html,
        timeout_per_document=timeout_per_document,
    )
    result, had_facts = check_paths(paths, options, _shown)
    if fix or diff:
        result = _apply_fixes(result, lambda fixed: check_paths(fixed, options, _shown)[0], write=fix and not diff, unsafe=unsafe_fixes, quiet=quiet)
        if diff:
            raise typer.Exit(1 if result is None else 0)
    if write_baseline is not None:
        from linter.baseline import write_baseline as record

        count = record(write_baseline, result)
        typer.echo(f"Wrote {count} finding(s) to the baseline {write_baseline}.", err=True)
        raise typer.Exit(2 if result.problems else 0)
    if baseline is not None:
        from linter.baseline import apply_baseline

        dropped = apply_baseline(baseline, result)
        if not quiet and dropped:
            typer.echo(f"factlint: {dropped} finding(s) already in the baseline {baseline} not shown.", err=True)
    for problem in result.problems:
        typer.echo(f"{problem}", err=True)
    if not all(had_facts) and output_format is OutputFormat.text and not quiet:
        typer.echo("factlint: no fact file given (--facts or 'facts:' in a config); only rules that need no facts ran.", err=True)
    color = output is None and _use_color()
    if statistics:
        report = render_statistics(result)
    elif output_format is OutputFormat.text:
        report = render_text(result, color, summary=not quiet)
    else:
        report = FORMATS[output_format.value](result, color)
    if output is None:
        typer.echo(report, nl=False)
    else:
        _write_report(output, report)
    raise typer.Exit(exit_code(result, fail_level(fail_on.value if fail_on else None, options)))


@app.command("rules")
def list_rules(rules: RulesOption = None, config: ConfigOption = None) -> None:
    """List the rules: id, kind, severity and what each checks."""
    from linter.suppressions import ENGINE_RULES

    settings = _settings(config)
    loaded = [*_load_rules([str(p) for p in rules or []] + settings.rules), *ENGINE_RULES]
    width = max((len(rule.id) for rule in loaded), default=0)
    for rule in loaded:
        summary = rule.description.strip().splitlines()[0]
        typer.echo(f"{rule.id:<{width}}  {rule.kind_name:<13} {rule.severity:<8} {summary}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id.")], rules: RulesOption = None, config: ConfigOption = None) -> None:
    """Show one rule: what it checks, its message, and its examples."""
    from linter.errors import did_you_mean

    from linter.suppressions import ENGINE_RULES

    settings = _settings(config)
    loaded = {rule.id: rule for rule in [*_load_rules([str(p) for p in rules or []] + settings.rules), *ENGINE_RULES]}
    if rule_id not in loaded:
        raise UserError(f"no rule '{rule_id}'{did_you_mean(rule_id, set(loaded))}; 'factlint rules' lists them")
    rule = loaded[rule_id]
    if rule in ENGINE_RULES:
        typer.echo(f"{rule.id} ({rule.kind_name}, {rule.severity})\n\n{rule.description}\n\nSee docs/cli.md, 'Suppressions'.")
        return
    lines = [
        f"{rule.id} ({rule.kind_name}, {rule.severity})",
        f"defined at {rule.location}",
        "",
        rule.description,
        "",
        f"Message: {rule.message}",
        "",
        "Flags:",
        *(f"  - {e.text}" + (f"   [date {e.date}]" if e.date else "") for e in rule.flags),
        "Passes:",
        *(f"  - {e.text}" + (f"   [date {e.date}]" if e.date else "") for e in rule.passes),
    ]
    typer.echo("\n".join(lines))


@app.command("test")
def test_rules(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Extra rule packs (files or directories) to test with the built-in ones.")] = None,
    facts: Annotated[
        Optional[list[Path]], typer.Option("--facts", "-f", help="Also test every tenure's boundaries in this fact file (repeatable).")
    ] = None,
) -> None:
    """Run every rule's examples (and, with --facts, boundary cases); exit 1 on any failure."""
    from linter.checks.boundaries import boundary_cases
    from linter.checks.examples import run_examples
    from linter.checks.rules import load_rules
    from linter.facts.load import load_facts

    rules = load_rules([str(p) for p in paths or []])
    results = run_examples(rules)
    failures = [r for r in results if not r.ok]
    for failure in failures:
        got = "; ".join(f.message for f in failure.findings) or "no finding"
        typer.echo(f"{failure.example.location}: [{failure.rule.id}] expected to {failure.expected}: {failure.example.text!r} (got: {got})")
    summary = f"{len(results)} examples of {len({r.rule.id for r in results})} rules"
    passed, failed = len(results) - len(failures), len(failures)
    if facts:
        cases = boundary_cases(load_facts([_shown(str(p)) for p in facts]), rules)
        broken = [case for case in cases if not case.ok]
        for case in broken:
            typer.echo(f"{case.tenure.location}: {case.describe()}")
        summary += f", {len(cases)} tenure boundary cases"
        passed, failed = passed + len(cases) - len(broken), failed + len(broken)
    typer.echo(f"{passed} passed, {failed} failed ({summary})")
    raise typer.Exit(1 if failed else 0)


class SchemaName(str, Enum):
    facts = "facts"
    rules = "rules"
    config = "config"


@app.command()
def schema(name: Annotated[SchemaName, typer.Argument(help="Which file's schema.")]) -> None:
    """Print the JSON Schema of fact files, rule packs or the config (for editors' YAML support)."""
    typer.echo((Path(__file__).parent / "schemas" / f"{name.value}.schema.json").read_text(encoding="utf-8"), nl=False)


@app.command()
def validate(
    files: Annotated[
        Optional[list[Path]], typer.Argument(help="Fact files, rule packs or configs [default: the config found from here and the files it names].")
    ] = None,
) -> None:
    """Check fact files, rule packs and configs without linting; exit 2 with locations on errors.

    Fact files are checked together, as 'check' merges them: one may name people another defines."""
    from linter.errors import UserErrors
    from linter.facts.load import load_facts

    paths = [Path(_shown(str(path))) for path in files or _configured_files()]
    kinds: dict[Path, str] = {}
    problems: list[UserError] = []
    for path in paths:
        try:
            kinds[path] = validate_file(path, facts=False)
        except UserError as error:
            problems.extend(error.errors if isinstance(error, UserErrors) else [error])
    fact_files = [path for path in paths if kinds.get(path) == "fact file"]
    try:
        if fact_files:
            load_facts([str(path) for path in fact_files])
    except UserError as error:
        problems.extend(error.errors if isinstance(error, UserErrors) else [error])
        kinds = {path: kind for path, kind in kinds.items() if kind != "fact file"}
    for path in paths:
        if path in kinds:
            typer.echo(f"{path}: valid {kinds[path]}")
    for problem in problems:
        typer.echo(str(problem), err=True)
    raise typer.Exit(2 if problems else 0)


def validate_file(path: Path, facts: bool = True) -> str:
    """Load a configuration, rule pack or fact file as ``check`` would; say which it was, or raise UserError.
    With ``facts`` false a fact file is only read (its caller loads the fact files together)."""
    from linter.checks.rules import load_pack
    from linter.config import load_config
    from linter.facts.load import load_facts
    from linter.yamlio import YamlMap, read_yaml_file

    if path.name in ("factlint.yaml", ".factlint.yaml", "pyproject.toml"):
        load_config(path)
        return "config"
    data = read_yaml_file(str(path))
    if isinstance(data, YamlMap) and "rules" in data:
        load_pack(str(path))
        return "rule pack"
    if facts:
        load_facts([str(path)])
    return "fact file"


from linter.facts_cli import facts_app  # noqa: E402 (light: its commands import what they need)

app.add_typer(facts_app, name="facts")


def _configured_files() -> list[Path]:
    """The configuration found from the working directory, and every fact file and rule pack file it names."""
    from linter.checks.rules import pack_files
    from linter.config import find_config, load_config

    found = find_config(Path.cwd())
    if found is None:
        raise UserError("no files given, and no configuration (factlint.yaml, .factlint.yaml, [tool.factlint] in pyproject.toml) found from here")
    config = load_config(found)
    return [found, *(Path(path) for path in config.facts), *(file for item in config.rules for file in pack_files(Path(item)))]


def _settings(config_path: Path | None):
    from linter.config import Config, find_config, load_config

    if config_path is not None:
        if not os.path.isfile(config_path):  # Path.is_file() raises for a name too long
            raise UserError("config file not found", Location(str(config_path)))
        return load_config(config_path)
    found = find_config(Path.cwd())
    return load_config(found) if found else Config()


def _load_rules(extra: list[str]):
    from linter.checks.rules import load_rules

    return load_rules([_shown(p) for p in extra])


def _shown(path: str) -> str:
    """A path relative to the working directory when it lies below it, for readable messages."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    except ValueError:
        return path


def _apply_fixes(result, recheck, write: bool, unsafe: bool, quiet: bool):
    """Print the fixes as a diff (returns None if there were any), or write them and
    ``recheck`` the files that changed (only those) so that what is left is reported."""
    from linter.fixes import fixed_text, unified_diff, write_fixed

    by_path: dict[str, list] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    changed: list[str] = []
    for path in sorted(result.documents):
        document = result.documents[path]
        new_text, applied = fixed_text(document.text, by_path.get(path, []), unsafe)
        if not applied:
            continue
        changed.append(path)
        if write:
            write_fixed(document, new_text)
            del result.documents[path]  # its text is stale now, and the recheck reads the new one
            if not quiet:
                typer.echo(f"factlint: fixed {len(applied)} finding(s) in {path}", err=True)
        else:
            typer.echo(unified_diff(document, new_text), nl=False)
        del document, new_text  # not kept alive while the next document is fixed, or during the recheck
    if not write:
        return None if changed else result
    if changed:
        result.replace(changed, recheck(changed))
    return result


def _write_report(path: Path, report: str) -> None:
    """Write atomically; a failure is exit 2, never a silent loss."""
    from linter.atomic import write_atomically

    try:
        write_atomically(path, report.encode("utf-8"))
    except OSError as error:
        raise UserError(f"cannot write the report: {error.strerror}", Location(str(path))) from None


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def main() -> None:
    """Entry point: user errors are reported as 'file:line:col: message' with exit code 2."""
    try:
        app()
    except UserError as error:
        for line in str(error).splitlines():
            typer.echo(f"factlint: error: {line}" if error.location is None else f"{line}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # a bug in factlint: say so in one line, never a bare traceback
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        typer.echo(f"factlint: internal error: {type(error).__name__}: {error} (set FACTLINT_DEBUG=1 for the traceback; please report it)", err=True)
        sys.exit(2)
