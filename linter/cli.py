"""The ``factlint`` command line (typer). Exit codes: 0 clean, 1 findings, 2 could not check."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperGroup

from linter import __version__
from linter.cli_shared import shown_path, working_config
from linter.errors import Location, UserError
from linter.facts_cli import facts_app  # light: its commands import what they need
from linter.help import examples

if TYPE_CHECKING:
    from collections import Counter

    from linter.filtering.stage import RunFilters


def _report_error(error: UserError) -> None:
    """'file:line:col: message', or 'factlint: error: message' when it has no location."""
    for line in str(error).splitlines():
        typer.echo(f"factlint: error: {line}" if error.location is None else line, err=True)


class _App(TyperGroup):
    """Every error, the user's input (UserError) or a usage error, is one line on standard error
    with exit code 2 (never click's boxed or multi-line usage errors)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode: bool = True, **extra):  # type: ignore[override]
        click = sys.modules[typer.Exit.__module__]  # click's exceptions, whichever click typer uses
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except UserError as error:
            _report_error(error)
            code = 2
        except click.ClickException as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # 'factlint' alone: the help, already printed if rich rendered it
                if error.format_message():
                    typer.echo(error.format_message(), err=True)
            else:
                context = getattr(error, "ctx", None)
                hint = f" (try '{context.command_path} -h')" if context is not None else ""
                typer.echo(f"factlint: error: {error.format_message()}{hint}", err=True)
            code = error.exit_code
        if not standalone_mode:
            return code
        sys.exit(code or 0)


app = typer.Typer(
    cls=_App,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",  # help in panels; errors stay one plain line (_App)
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Check news writing against a reference fact file, with declarative YAML rules.",
    epilog=examples("factlint check drafts/ --facts facts.yaml", "factlint rules", "factlint explain office-holder", "factlint check -h"),
)
app.add_typer(facts_app, name="facts")


class OutputFormat(str, Enum):
    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


class ClusterFacts(str, Enum):
    scatter = "scatter"
    cache = "cache"


def _cache_stats():
    from linter.cache.results import CacheStats

    return CacheStats()


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


# Help panels of 'factlint check' (and of the options other commands share with it).
FACTS_AND_RULES, SELECTION, OUTPUT, FIXES, BASELINES, PERFORMANCE = "Facts and rules", "Selection", "Output", "Fixes", "Baselines", "Performance"

FactsOption = Annotated[
    list[Path] | None, typer.Option("--facts", "-f", rich_help_panel=FACTS_AND_RULES, help="A fact file (repeatable); replaces the config's facts.")
]
RulesOption = Annotated[
    list[Path] | None, typer.Option("--rules", "-r", rich_help_panel=FACTS_AND_RULES, help="An extra rule pack file or directory (repeatable).")
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", rich_help_panel=FACTS_AND_RULES, help="Use this config file instead of searching for one.")
]


@app.command(
    epilog=examples(
        "factlint check drafts/ --facts facts.yaml",
        "factlint check draft.md --date 2025-04-05..2025-12-31 --output-format concise",
        "factlint check drafts/ --output-format html --output report.html",
        "factlint check drafts/ --diff --unsafe-fixes",
    )
)
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or directories to check (default: the current directory); '-' reads standard input.")
    ] = None,
    # Facts and rules
    facts: FactsOption = None,
    rules: RulesOption = None,
    date: Annotated[
        str | None, typer.Option(rich_help_panel=FACTS_AND_RULES, help="The documents' date: YYYY-MM-DD or FROM..TO (overrides front matter).")
    ] = None,
    config: ConfigOption = None,
    show_settings: Annotated[
        bool, typer.Option("--show-settings", rich_help_panel=FACTS_AND_RULES, help="Show the settings each path would be checked with, and exit.")
    ] = False,
    # Selection
    select: Annotated[
        list[str] | None,
        typer.Option(rich_help_panel=SELECTION, help="Only run rules whose id starts with this (repeatable); replaces the config's."),
    ] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option(rich_help_panel=SELECTION, help="Also run rules whose id starts with this (repeatable).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(rich_help_panel=SELECTION, help="Skip rules whose id starts with this (repeatable).")] = None,
    stdin_filename: Annotated[str, typer.Option(rich_help_panel=SELECTION, help="The name to report for standard input ('-').")] = "<stdin>",
    show_files: Annotated[
        bool, typer.Option("--show-files", rich_help_panel=SELECTION, help="List the files that would be checked, and exit.")
    ] = False,
    # Output
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--output-format",
            "--format",
            case_sensitive=False,
            metavar="FORMAT",
            rich_help_panel=OUTPUT,
            help="text, concise, json, sarif, github, junit or html (--format is an alias).",
        ),
    ] = OutputFormat.text,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            rich_help_panel=OUTPUT,
            help="Write the report to this file (the exit code still reflects the findings).",
        ),
    ] = None,
    fail_on: Annotated[
        FailLevel | None,
        typer.Option(
            metavar="LEVEL", rich_help_panel=OUTPUT, help="Lowest severity that makes the exit code 1: error (the default), warning, info or never."
        ),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", rich_help_panel=OUTPUT, help="Show how many findings each rule has, not the findings.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", rich_help_panel=OUTPUT, help="Print findings only: no summary, no notices.")] = False,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch", "-w", rich_help_panel=OUTPUT, help="Check again whenever a checked file, fact file, rule pack or config changes; Ctrl-C stops."
        ),
    ] = False,
    # Fixes
    fix: Annotated[bool, typer.Option("--fix", rich_help_panel=FIXES, help="Apply the fixes rules declare safe, then report what is left.")] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option(
            "--unsafe-fixes", rich_help_panel=FIXES, help="Also count and apply unsafe fixes (factual suggestions a person should confirm)."
        ),
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", rich_help_panel=FIXES, help="Show the fixes as a unified diff; write nothing.")] = False,
    add_suppressions: Annotated[
        str | None,
        typer.Option(
            metavar="REASON",
            rich_help_panel=FIXES,
            help="Add a suppression comment with this reason before every line with findings (Markdown and HTML), as Ruff's --add-noqa.",
        ),
    ] = None,
    # Baselines
    baseline: Annotated[Path | None, typer.Option(rich_help_panel=BASELINES, help="Report only findings not recorded in this baseline file.")] = None,
    write_baseline: Annotated[
        Path | None, typer.Option(rich_help_panel=BASELINES, help="Record this run's findings in a baseline file, and exit 0.")
    ] = None,
    # Performance
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, rich_help_panel=PERFORMANCE, help="Check files in this many processes (same output).")
    ] = 1,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", rich_help_panel=PERFORMANCE, help="Do not read or write the compiled fact cache or the result cache.")
    ] = False,
    timeout_per_document: Annotated[
        float | None,
        typer.Option(
            min=0,
            metavar="SECONDS",
            rich_help_panel=PERFORMANCE,
            help="Report a document that takes longer as not checked, and go on (default 60; 0: no limit).",
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", rich_help_panel=OUTPUT, help="Say on standard error which date each file is checked against, and why.")
    ] = False,
    # Archive scale (docs/cli.md, "Archives and clusters"): a Dask cluster, and the result cache's counts.
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="ADDRESS", rich_help_panel=PERFORMANCE, help="Check on this Dask cluster (tcp://host:8786); needs factlint\\[cluster]."),
    ] = None,
    cluster_facts: Annotated[
        ClusterFacts,
        typer.Option(rich_help_panel=PERFORMANCE, help="How cluster workers get the facts: scattered, or from the fact cache on a path they share."),
    ] = ClusterFacts.scatter,
    cache_stats: Annotated[
        bool, typer.Option("--cache-stats", rich_help_panel=PERFORMANCE, help="Say how many documents came from the result cache.")
    ] = False,
) -> None:
    """Check documents against the facts and report what disagrees."""
    from linter.cache import store

    if no_cache:
        store.disable()  # before anything compiles a pattern or reads a rule pack
    from linter.dates import DateWindow
    from linter.deadline import is_time_limit
    from linter.filtering.stage import RunFilters
    from linter.plan import CheckOptions
    from linter.runner import STDIN
    from linter.source.jsonl import is_shard

    paths = paths or ["."]
    report_path = _output_path(output) if output is not None else None
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
    if add_suppressions is not None:
        from linter.filtering.add_suppressions import check_reason

        add_suppressions = check_reason(add_suppressions)
        if diff or STDIN in paths:
            raise UserError("--add-suppressions writes to the files checked: not with --diff or standard input")
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
        scheduler=scheduler or working_config(config).scheduler,
        cluster_facts=cluster_facts.value,
        cache_stats=_cache_stats() if cache_stats else None,
    )
    if (fix or diff or add_suppressions is not None) and any(is_shard(path) for path in paths):
        raise UserError("--fix, --diff and --add-suppressions cannot edit records of JSONL shards")
    if show_settings or show_files:
        raise typer.Exit(_show(paths, options, fail_on.value if fail_on else None, show_settings, show_files))
    then = _Then(
        filters=RunFilters(
            fix=fix, unsafe_fixes=unsafe_fixes, diff=diff, add_suppressions=add_suppressions, baseline=baseline, write_baseline=write_baseline
        ),
        output_format=output_format,
        output=report_path,
        fail_on=fail_on.value if fail_on else None,
        statistics=statistics,
        quiet=quiet,
        verbose=verbose,
    )
    if watch:
        if STDIN in paths or (fix and not diff) or add_suppressions is not None or write_baseline is not None:
            raise UserError("--watch only reports: not with standard input, --fix, --add-suppressions or --write-baseline")
        raise typer.Exit(_watch(paths, options, lambda: _check_once(paths, options, then)))
    code = _check_once(paths, options, then)
    store.save_all()  # compiled regexes and parsed rule packs: the next run starts faster
    raise typer.Exit(code)


@dataclass(frozen=True)
class _Then:
    """What 'check' does with its findings (CheckOptions says how to find them): the run-wide filters, then the report."""

    filters: RunFilters
    output_format: OutputFormat
    output: Path | None
    fail_on: str | None
    statistics: bool
    quiet: bool
    verbose: bool  # say which date each file is checked against


def _check_once(paths: list[str], options, then: _Then) -> int:
    """Check, filter the run's findings as asked (fix, suppress, baseline), report; the exit code."""
    from linter.filtering.stage import filter_run
    from linter.plan import check as check_paths
    from linter.plan import fail_level
    from linter.report import FORMATS, HUMAN_FORMATS
    from linter.report.statistics import render_statistics
    from linter.result import exit_code

    def recheck(changed: list[str]):
        return check_paths(changed, options, shown_path)[0]

    result, had_facts = check_paths(paths, options, shown_path)
    if options.cache_stats is not None and not then.quiet:
        typer.echo(options.cache_stats.describe(), err=True)
    _tell_dates(result, then.verbose, warn=not then.quiet and any(had_facts))  # a date matters only to rules with facts
    ended = filter_run(result, then.filters, recheck, _Notices(then.quiet))
    if ended is not None:
        return ended
    for problem in result.problems:
        typer.echo(f"{problem}", err=True)
    human = then.output_format.value in HUMAN_FORMATS
    if not all(had_facts) and human and not then.quiet:
        typer.echo("factlint: no fact file given (--facts or 'facts:' in a config); only rules that need no facts ran.", err=True)
    color = then.output is None and _use_color()
    if then.statistics:
        report = render_statistics(result)
    elif human:
        report = FORMATS[then.output_format.value](result, color, summary=not then.quiet, unsafe_fixes=then.filters.unsafe_fixes)
    else:
        report = FORMATS[then.output_format.value](result, color)
    if then.output is None:
        typer.echo(report, nl=False)
    else:
        _write_report(then.output, report)
    return exit_code(result, fail_level(then.fail_on, options)[0])


@dataclass(frozen=True)
class _Notices:
    """What the run-wide filters did, as the command line says it (filtering.stage.Notices): on
    standard error, and with --quiet only a baseline written; a diff goes to standard output."""

    quiet: bool

    def fixed(self, path: str, count: int) -> None:
        if not self.quiet:
            typer.echo(f"factlint: fixed {count} finding(s) in {path}", err=True)

    def diff(self, text: str) -> None:
        typer.echo(text, nl=False)

    def would_fix(self, count: int, hidden: int) -> None:
        from linter.report.summary import diff_summary

        hint = diff_summary(count, hidden)
        if hint and not self.quiet:
            typer.echo(hint, err=True)

    def suppressions_added(self, path: str, added: int, left: Counter[str]) -> None:
        if self.quiet:
            return
        if added:
            typer.echo(f"factlint: added {added} suppression comment(s) to {path}", err=True)
        for why, count in sorted(left.items()):
            typer.echo(f"factlint: {path}: {count} finding(s) not suppressed: {why}", err=True)

    def baseline_written(self, path: Path, count: int) -> None:
        typer.echo(f"Wrote {count} finding(s) to the baseline {path}.", err=True)

    def baselined(self, path: Path, count: int) -> None:
        if not self.quiet and count:
            typer.echo(f"factlint: {count} finding(s) already in the baseline {path} not shown.", err=True)


def _watch(paths: list[str], options, check_once) -> int:
    """Check, then again whenever an input changes, until Ctrl-C: the normal end (exit code 0)."""
    from linter.plan import watched_files
    from linter.watch import watch

    with contextlib.suppress(KeyboardInterrupt):
        watch(lambda: watched_files(paths, options), check_once, _report_error)
    return 0


@app.command("rules", epilog=examples("factlint rules", "factlint rules --rules house-rules/"))
def list_rules(rules: RulesOption = None, config: ConfigOption = None) -> None:
    """List the rules: id, kind, severity and the first sentence of what each checks."""
    from linter.filtering.suppressions import ENGINE_RULES
    from linter.segment.sentences import first_sentence

    settings = working_config(config)
    loaded = [*_load_rules([str(p) for p in rules or []] + settings.rules), *ENGINE_RULES]
    width = max((len(rule.id) for rule in loaded), default=0)
    kind_width = max((len(rule.kind_name) for rule in loaded), default=0)
    for rule in loaded:
        typer.echo(f"{rule.id:<{width}}  {rule.kind_name:<{kind_width}} {rule.severity:<8} {first_sentence(rule.description)}")


@app.command(epilog=examples("factlint explain office-holder"))
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id.")], rules: RulesOption = None, config: ConfigOption = None
) -> None:
    """Show one rule: what it checks, its message, and its examples."""
    from linter.errors import did_you_mean
    from linter.filtering.suppressions import ENGINE_RULES

    settings = working_config(config)
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


@app.command("test", epilog=examples("factlint test", "factlint test house-rules/ --facts facts.yaml"))
def test_rules(
    paths: Annotated[list[Path] | None, typer.Argument(help="Extra rule packs (files or directories) to test with the built-in ones.")] = None,
    facts: Annotated[
        list[Path] | None,
        typer.Option(
            "--facts", "-f", help="Facts for the examples of packs without example_facts; also test every tenure's boundaries in them (repeatable)."
        ),
    ] = None,
) -> None:
    """Run every rule's examples (and, with --facts, boundary cases); exit 1 on any failure."""
    from linter.checks.boundaries import boundary_cases, quantity_cases, relation_cases
    from linter.checks.examples import run_examples
    from linter.checks.rules import load_rules
    from linter.facts.load import load_facts

    rules = load_rules([str(p) for p in paths or []])
    fact_base = load_facts([shown_path(str(p)) for p in facts]) if facts else None
    results = run_examples(rules, fact_base)
    failures = [r for r in results if not r.ok]
    for failure in failures:
        got = "; ".join(f.message for f in failure.findings) or "no finding"
        hint = "; it ran against no facts: give the pack 'example_facts', or run with --facts FILE" if failure.lacks_facts else ""
        expected = f"{failure.expected} {failure.placement}".rstrip()
        typer.echo(f"{failure.example.location}: [{failure.rule.id}] expected to {expected}: {failure.example.text!r} (got: {got}){hint}")
    summary = f"{len(results)} examples of {len({r.rule.id for r in results})} rules"
    passed, failed = len(results) - len(failures), len(failures)
    if fact_base is not None:
        generated = (
            ("tenure boundary cases", boundary_cases(fact_base, rules)),
            ("relation boundary cases", relation_cases(fact_base, rules)),
            ("quantity tolerance cases", quantity_cases(fact_base, rules)),
        )
        for counted, cases in generated:
            broken = [case for case in cases if not case.ok]
            for case in broken:
                typer.echo(f"{case.location}: {case.describe(fact_base)}")
            if cases or counted == "tenure boundary cases":
                summary += f", {len(cases)} {counted}"
            passed, failed = passed + len(cases) - len(broken), failed + len(broken)
    typer.echo(f"{passed} passed, {failed} failed ({summary})")
    raise typer.Exit(1 if failed else 0)


class SchemaName(str, Enum):
    facts = "facts"
    rules = "rules"
    config = "config"


@app.command(epilog=examples("factlint schema facts > facts.schema.json"))
def schema(name: Annotated[SchemaName, typer.Argument(help="Which file's schema.")]) -> None:
    """Print the JSON Schema of fact files, rule packs or the config (for editors' YAML support)."""
    typer.echo((Path(__file__).parent / "schemas" / f"{name.value}.schema.json").read_text(encoding="utf-8"), nl=False)


@app.command(epilog=examples("factlint server   # started by an editor, which speaks LSP to it"))
def server() -> None:
    r"""Run the language server on standard input and output, for editors (needs: pip install 'factlint\[server]')."""
    from linter.server import serve

    serve()


@app.command(
    epilog=examples(
        "factlint validate facts.yaml house-rules/pack.yaml factlint.yaml",
        "factlint validate   # the config found from here, and every file it names",
    )
)
def validate(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Fact files, rule packs or configs [default: the config found from here and the files it names].")
    ] = None,
) -> None:
    """Check fact files (together, as 'check' merges them), rule packs and configs without linting; exit 2 with locations on errors."""
    from linter.errors import UserErrors
    from linter.facts.load import load_facts

    paths = [Path(shown_path(str(path))) for path in files or _configured_files()]
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




def _configured_files() -> list[Path]:
    """The configuration found from the working directory, and every fact file and rule pack file it names."""
    from linter.checks.rules import pack_files
    from linter.config import find_config, load_config

    found = find_config(Path.cwd())
    if found is None:
        raise UserError("no files given, and no configuration (factlint.yaml, .factlint.yaml, [tool.factlint] in pyproject.toml) found from here")
    config = load_config(found)
    return [found, *(Path(path) for path in config.facts), *(file for item in config.rules for file in pack_files(Path(item)))]


def _load_rules(extra: list[str]):
    from linter.checks.rules import load_rules

    return load_rules([shown_path(p) for p in extra])


def _tell_dates(result, verbose: bool, warn: bool) -> None:
    """With --verbose, the date each file is checked against and where it came from; with
    ``warn``, a warning for each file that had no date and was checked as of today."""
    from linter.dates import long_date

    for path in result.checked_paths:
        date = result.dates[path]
        if verbose:
            typer.echo(f"factlint: {path}: dated {date.window.describe()} ({date.describe()})", err=True)
        if date.source == "today" and warn:
            typer.echo(
                f"factlint: warning: {path} has no date, so it was checked as of today, {long_date(date.window.start)}; "
                "give it one with 'date: YYYY-MM-DD' in its front matter (Markdown), --date, or 'date:' in the config",
                err=True,
            )


def _show(paths: list[str], options, fail_on: str | None, settings: bool, files: bool) -> int:
    """--show-settings, then --show-files; exit code 2 if a path cannot be checked."""
    from linter.show import files_to_check, settings_for

    if settings:
        typer.echo("\n".join(settings_for(path, options, fail_on, shown_path) for path in paths), nl=False)
    if not files:
        return 0
    listed, problems = files_to_check(paths, options)
    for path in listed:
        typer.echo(path)
    for problem in problems:
        typer.echo(str(problem), err=True)
    return 2 if problems else 0


def _output_path(value: str) -> Path:
    """--output's file; a bare format name (Vale's ``--output JSON``) is refused, not written to a file named JSON."""
    if value.lower() in {member.value for member in OutputFormat}:
        raise UserError(f"--output {value}: did you mean --output-format {value.lower()}? To write a file named {value}, use ./{value}")
    return Path(value)


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
    """Entry point: a bug in factlint is one line too (user errors are handled by _App)."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # a bug in factlint: say so in one line, never a bare traceback
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        typer.echo(f"factlint: internal error: {type(error).__name__}: {error} (set FACTLINT_DEBUG=1 for the traceback; please report it)", err=True)
        sys.exit(2)
