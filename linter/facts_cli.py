"""``factlint facts``: where facts come from, and how current they are.

``import`` turns a Wikidata dump, a Wikidata SPARQL answer or a spreadsheet (CSV)
into a fact file, or merges it into an existing one; ``query`` prints the SPARQL
query whose answer ``import`` reads; ``pull`` runs it over HTTPS and imports the
answer; ``status`` lists the tenures still running by the age of their verification.
Heavy modules are imported inside the commands: ``factlint check`` pays nothing for them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from linter.errors import UserError

facts_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Import facts from Wikidata and spreadsheets, merge them into fact files, and see how current they are.",
)

FactFilesOption = Annotated[Optional[list[Path]], typer.Option("--facts", "-f", help="A fact file (repeatable); replaces the config's facts.")]
ConfigFileOption = Annotated[Optional[Path], typer.Option("--config", help="Use this config file instead of searching for one.")]


@facts_app.command()
def status(
    facts: FactFilesOption = None,
    config: ConfigFileOption = None,
    date: Annotated[Optional[str], typer.Option(help="Measure ages up to this day, YYYY-MM-DD [default: today].")] = None,
    older_than: Annotated[
        Optional[int], typer.Option(min=0, metavar="DAYS", help="List only tenures verified longer ago (or never), and exit 1 if there are any.")
    ] = None,
) -> None:
    """List the tenures still running (no 'to'), least recently verified first."""
    from linter.cli import _settings, _shown
    from linter.dates import parse_iso_date
    from linter.facts.load import load_facts

    paths = [str(p) for p in facts] if facts else _settings(config).facts
    if not paths:
        raise UserError("no fact file: give --facts FILE, or name fact files in a configuration ('facts:')")
    try:
        today = parse_iso_date(date) if date else dt.date.today()
    except ValueError as error:
        raise UserError(f"--date: {error}") from None
    loaded = load_facts([_shown(p) for p in paths])
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
        cells = [cell.rjust(width) if column == 1 and index else cell.ljust(width) for column, (cell, width) in enumerate(zip(row, widths))]
        typer.echo("  ".join([*cells, row[-1]]))
    if older_than is not None and rows:
        typer.echo(f"factlint: {len(rows)} open tenures verified more than {older_than} days before {today} (or never)", err=True)
        raise typer.Exit(1)
