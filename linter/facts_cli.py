"""``factlint facts``: where facts come from, and how current they are.

``import`` turns a Wikidata dump, a Wikidata SPARQL answer or a spreadsheet (CSV)
into a fact file, or merges it into an existing one; ``query`` prints the SPARQL
query whose answer ``import`` reads; ``pull`` runs it over HTTPS and imports the
answer; ``status`` lists the tenures still running by the age of their verification.
Heavy modules are imported inside the commands: ``factlint check`` pays nothing for them.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from linter.errors import Location, UserError, reading_errors
from linter.help import examples

if TYPE_CHECKING:
    from linter.facts.importers.model import Imported

facts_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,  # its help shows [default: ...] as written
    help="Import facts from Wikidata and spreadsheets, merge them into fact files, and see how current they are.",
    epilog=examples(
        "factlint facts import latest-all.json.gz --position Q14211 -o facts.yaml",
        "factlint facts pull --subclass-of Q2285706 --contact me@example.org -o facts.yaml",
        "factlint facts status --older-than 90",
    ),
)

FactFilesOption = Annotated[list[Path] | None, typer.Option("--facts", "-f", help="A fact file (repeatable); replaces the config's facts.")]
ConfigFileOption = Annotated[Path | None, typer.Option("--config", help="Use this config file instead of searching for one.")]


class SourceKind(str, Enum):
    dump = "dump"
    sparql = "sparql"
    csv = "csv"


OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="The fact file to write; an existing one is updated in place [default: print a new one].")
]
PositionOption = Annotated[
    list[str] | None, typer.Option("--position", metavar="QID", help="A Wikidata position to import (repeatable), e.g. Q14211.")
]
ClassOption = Annotated[
    list[str] | None,
    typer.Option("--subclass-of", metavar="QID", help="Import every position whose P279 chain reaches this class (repeatable), e.g. Q2285706."),
]
LanguageOption = Annotated[
    list[str] | None, typer.Option("--language", metavar="CODE", help="Names in this language (repeatable, first wins) [default: en].")
]
VerifiedOption = Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="The day the source was current [default: the source's own date].")]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Report what would change; write nothing.")]


@facts_app.command("import", epilog=examples(
    "factlint facts import latest-all.json.gz --position Q14211 -o facts.yaml",
    "factlint facts import answer.json -o facts.yaml --dry-run",
    "factlint facts import research-desk.csv -o facts.yaml",
))
def import_facts(
    source: Annotated[Path, typer.Argument(help="A Wikidata dump (.json, .json.gz, .json.bz2), a Wikidata query answer (.json) or a table (.csv).")],
    output: OutputOption = None,
    position: PositionOption = None,
    subclass_of: ClassOption = None,
    language: LanguageOption = None,
    verified: VerifiedOption = None,
    kind: Annotated[SourceKind | None, typer.Option("--from", help="What SOURCE is [default: told by its name and first bytes].")] = None,
    dry_run: DryRunOption = False,
) -> None:
    """Turn a Wikidata dump, a Wikidata query answer or a CSV table into a fact file, or merge it into one."""
    from linter.cli_shared import shown_path

    path = shown_path(str(source))
    kind = kind or _kind_of(path)
    day = _verified(verified)
    if kind is not SourceKind.dump and (position or subclass_of):
        raise UserError("--position and --subclass-of choose what to read from a Wikidata dump; a query answer or a table is imported whole")
    if kind is SourceKind.csv:
        from linter.facts.importers.table import read_table

        imported = read_table(path, day)
    else:
        from linter.facts.importers.wikidata import build

        if kind is SourceKind.dump:
            from linter.facts.importers.dump import read_dump

            snapshot = read_dump(path, set(position or ()), set(subclass_of or ()), language or ["en"])
        else:
            from linter.facts.importers.sparql import read_answer

            snapshot = read_answer(_read_text(path), path)
        imported = build(snapshot, language or ["en"], day)
    _write(imported, output, dry_run)


@facts_app.command("query", epilog=examples("factlint facts query --position Q14211 > query.rq"))
def query_text(position: PositionOption = None, subclass_of: ClassOption = None, language: LanguageOption = None) -> None:
    """Print the SPARQL query to run at query.wikidata.org; 'factlint facts import' reads its JSON answer."""
    from linter.facts.importers.sparql import query

    typer.echo(query(position or [], subclass_of or [], language or ["en"]), nl=False)


@facts_app.command(epilog=examples("factlint facts pull --position Q14211 --contact me@example.org -o facts.yaml"))
def pull(
    position: PositionOption = None,
    subclass_of: ClassOption = None,
    language: LanguageOption = None,
    output: OutputOption = None,
    contact: Annotated[
        str | None, typer.Option(envvar="FACTLINT_CONTACT", help="Your e-mail address or web page, sent in the User-Agent as Wikimedia asks.")
    ] = None,
    save_answer: Annotated[Path | None, typer.Option(help="Also keep the query's answer in this file (import it again later).")] = None,
    endpoint: Annotated[str, typer.Option(help="The SPARQL endpoint.")] = "https://query.wikidata.org/sparql",
    timeout: Annotated[float, typer.Option(min=0.1, metavar="SECONDS", help="Give up on an attempt after this long.")] = 60.0,
    retries: Annotated[int, typer.Option(min=0, help="Ask again this many times after a busy answer (429, 5xx) or a network error.")] = 3,
    verified: VerifiedOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Run the query over HTTPS (query.wikidata.org) and import its answer: 'query' and 'import' in one step."""
    from linter.facts.importers.sparql import fetch, query, read_answer
    from linter.facts.importers.wikidata import build

    text = query(position or [], subclass_of or [], language or ["en"])
    day = _verified(verified)
    if not contact:
        raise UserError(
            "--contact: Wikimedia asks every program to give a way to reach whoever runs it (an e-mail address or a web page); "
            "give --contact or set FACTLINT_CONTACT"
        )
    answer = fetch(endpoint, text, contact, timeout, retries, lambda message: typer.echo(f"factlint: {message}", err=True))
    if save_answer is not None:
        _write_bytes(save_answer, answer)
    try:
        decoded = answer.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UserError(f"the answer is not UTF-8 (byte {error.start})", Location(str(save_answer or endpoint))) from None
    _write(build(read_answer(decoded, str(save_answer or endpoint)), language or ["en"], day), output, dry_run)


@facts_app.command(epilog=examples("factlint facts status", "factlint facts status --older-than 90   # exit 1 if any is older"))
def status(
    facts: FactFilesOption = None,
    config: ConfigFileOption = None,
    date: Annotated[str | None, typer.Option(help="Measure ages up to this day, YYYY-MM-DD [default: today].")] = None,
    older_than: Annotated[
        int | None, typer.Option(min=0, metavar="DAYS", help="List only tenures verified longer ago (or never), and exit 1 if there are any.")
    ] = None,
) -> None:
    """List the tenures still running (no 'to'), least recently verified first."""
    from linter.cli_shared import shown_path, working_config
    from linter.dates import parse_iso_date
    from linter.facts.load import load_facts

    paths = [str(p) for p in facts] if facts else working_config(config).facts
    if not paths:
        raise UserError("no fact file: give --facts FILE, or name fact files in a configuration ('facts:')")
    try:
        today = parse_iso_date(date) if date else dt.date.today()
    except ValueError as error:
        raise UserError(f"--date: {error}") from None
    loaded = load_facts([shown_path(p) for p in paths])
    rows = []
    for office in loaded.offices.values():
        age = (today - office.verified).days if office.verified else None
        if older_than is not None and age is not None and age <= older_than:
            continue
        for tenure in office.holders:
            if tenure.end is None:
                rows.append((age, office, tenure))
    rows.sort(key=lambda row: -1 if row[0] is None else -row[0])  # never verified first, then the oldest
    table = [("verified", "age", "office", "holder", "from", "source")] + [
        (
            office.verified.isoformat() if office.verified else "never",
            "-" if age is None else f"{age}d",
            office.name,
            loaded.name_of(tenure.who),
            tenure.start.isoformat(),
            tenure.source or str(tenure.location),
        )
        for age, office, tenure in rows
    ]
    widths = [max(len(row[column]) for row in table) for column in range(len(table[0]) - 1)]
    for index, row in enumerate(table):
        cells = [
            cell.rjust(width) if column == 1 and index else cell.ljust(width) for column, (cell, width) in enumerate(zip(row, widths, strict=False))
        ]
        typer.echo("  ".join([*cells, row[-1]]))
    if older_than is not None and rows:
        typer.echo(f"factlint: {len(rows)} open tenures verified more than {older_than} days before {today} (or never)", err=True)
        raise typer.Exit(1)


def _kind_of(path: str) -> SourceKind:
    if Path(path).suffix.lower() in (".csv", ".tsv"):
        return SourceKind.csv
    from linter.facts.importers.dump import first_byte

    first = first_byte(path)
    if first == b"[":
        return SourceKind.dump
    if first == b"{":
        return SourceKind.sparql
    raise UserError(
        "neither a Wikidata dump (a JSON array) nor a query answer (a JSON object) nor a .csv table; say which with --from", Location(path)
    )


def _verified(text: str | None) -> dt.date | None:
    from linter.dates import parse_iso_date

    try:
        return parse_iso_date(text) if text else None
    except ValueError as error:
        raise UserError(f"--verified: {error}") from None


def _read_text(path: str) -> str:
    try:
        with reading_errors(path):
            return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(f"not UTF-8 (byte {error.start})", Location(path)) from None


_BOM = "\ufeff".encode()
_COUNTED = {  # a change's kind: how a count of them reads, one and many
    "new entity": ("new entity", "new entities"),
    "new office": ("new office", "new offices"),
    "new holder": ("new holder", "new holders"),
    "closed tenure": ("closed tenure", "closed tenures"),
    "changed tenure": ("changed tenure", "changed tenures"),
    "more names": ("fact with more names", "facts with more names"),
    "matched by name": ("fact matched by name", "facts matched by name"),
    "kept as written": ("tenure kept as written", "tenures kept as written"),
}


def _write(imported: Imported, output: Path | None, dry_run: bool) -> None:
    """Print the import's warnings, then write it (into ``output`` in place, or as a new file on standard output) and say what changed."""
    from collections import Counter

    from linter.cli_shared import shown_path
    from linter.facts.importers.merge import merge

    for where, message in imported.warnings:
        typer.echo(f"{where}: warning: {message}", err=True)
    if imported.verified is None:
        typer.echo("factlint: the source does not say when it was current, so no office gets a 'verified' day; give --verified YYYY-MM-DD", err=True)
    counted = f"{len(imported.entities)} entities, {len(imported.offices)} offices, {sum(len(o.tenures) for o in imported.offices.values())} tenures"
    if output is None:
        typer.echo(merge(imported, "<stdout>", None).text, nl=False)
        typer.echo(f"factlint: {counted} from {imported.origin}", err=True)
        return
    shown = shown_path(str(output))
    existing = output.read_bytes() if output.is_file() else None
    bom = _BOM if existing is not None and existing.startswith(_BOM) else b""
    try:
        text = existing[len(bom):].decode("utf-8") if existing is not None else None
    except UnicodeDecodeError as error:
        raise UserError(f"not UTF-8 (byte {error.start})", Location(shown)) from None
    merged = merge(imported, shown, text)
    if not merged.created:
        for change in merged.changes:
            typer.echo(f"{shown}:{change.line}:{change.column}: {change.kind}: {change.message}")
    counts = Counter(change.kind for change in merged.changes)
    summary = ", ".join(f"{counts[kind]} {_COUNTED[kind][counts[kind] > 1]}" for kind in _COUNTED if kind in counts) or "no changes"
    if merged.text == text:
        verb = "nothing to change in"
    elif dry_run:
        verb = "would write"
    else:
        _write_bytes(output, bom + merged.text.encode("utf-8"))
        verb = "wrote"
    typer.echo(f"factlint: {verb} {shown}: {summary} ({counted} from {imported.origin})", err=True)


def _write_bytes(path: Path, data: bytes) -> None:
    from linter.atomic import write_atomically

    try:
        write_atomically(path, data)
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror}", Location(str(path))) from None
