"""Read a Wikidata JSON dump (``latest-all.json.gz``, ``.bz2`` or uncompressed), streamed.

The format (https://www.wikidata.org/wiki/Wikidata:Database_download#JSON_dumps_(recommended)):
a JSON array written ``[`` on the first line, then one entity per line followed by a comma
(the last without), then ``]``. The dump is read twice, a line at a time, and never held:

1. *catalogue*: which positions to import (the ids asked for, and every class whose P279
   "subclass of" chain in the dump reaches a class asked for), and their organisations. Only
   the subclass edges are kept, as two arrays of integers (8 bytes an edge), and only when a
   class is asked for;
2. *collect*: the P39 statements of those positions and the names of the people, positions
   and organisations they involve.

So memory grows with what is imported (and with the subclass graph), not with the dump. Lines
are parsed only when they may matter: a line's id is read from its first bytes, and a line
without ``"P39"`` (or ``"P279"``) in it is skipped unparsed. A line that is not a JSON entity is
a warning with its line number, and the rest is imported; compressed data that is damaged or
ends early is an error.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import json
import re
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from linter.errors import Location, UserError, reading_errors
from linter.facts.importers.wikidata import GREGORIAN, Snapshot, Statement, Time

_FAST_ID = re.compile(rb'\{\s*"type"\s*:\s*"(\w+)"\s*,\s*"id"\s*:\s*"([A-Z]\d+)"')
_MODIFIED = re.compile(r"(\d{4})-(\d\d)-(\d\d)T")


def read_dump(path: str, positions: set[str], classes: set[str], languages: list[str]) -> Snapshot:
    """The statements and names a dump holds about the positions asked for (by id, or as subclasses of ``classes``)."""
    if not positions and not classes:
        raise UserError("say which positions to import from a dump: --position Q14211 or --subclass-of Q2285706 (repeatable)")
    snapshot = Snapshot(f"{Path(path).name} (a Wikidata dump)")
    wanted, organizations = _catalogue(path, positions, classes)
    snapshot.organizations = organizations
    named = wanted | {item for item, _ in organizations.values()}
    for asked in sorted(positions - wanted):
        snapshot.warnings.append((path, f"the position {asked} is not in the dump"))
    _collect(path, wanted, named, languages, snapshot)
    return snapshot


def _catalogue(path: str, positions: set[str], classes: set[str]) -> tuple[set[str], dict[str, tuple[str, str]]]:
    """Pass 1: the positions to import, and the organisation of each."""
    # Subclass edges, children[i] a subclass of parents[i]: 4 bytes a number (item numbers stay below 2**32).
    children, parents = array("I"), array("I")
    organizations: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()
    for _, line in _entity_lines(path):
        kind, item = _fast_id(line)
        if kind not in ("item", None) or (item is not None and item not in positions and not (classes and b'"P279"' in line)):
            continue
        entity = _parse(line)
        if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
            continue  # reported by the second pass
        item, claims = entity["id"], entity.get("claims") or {}
        if item in positions:
            seen.add(item)
        if classes:
            for parent in _truthy_items(claims, "P279"):
                children.append(int(item[1:]))
                parents.append(int(parent[1:]))
        if item in positions or (classes and "P279" in claims):
            organization = _organization(claims)
            if organization:
                organizations[item] = organization
    wanted = (positions & seen) | _subclasses(classes, children, parents)
    return wanted, {position: organizations[position] for position in wanted if position in organizations}


def _subclasses(classes: set[str], children: array, parents: array) -> set[str]:
    """Every item whose P279 chain reaches one of ``classes`` (and the classes themselves, as P279* has them)."""
    if not classes:
        return set()
    reached = {int(item[1:]) for item in classes}
    grew = True
    while grew:  # one scan per level of the hierarchy: no index needed, so nothing grows but ``reached``
        size = len(reached)
        reached.update(child for child, parent in zip(children, parents, strict=True) if parent in reached)
        grew = len(reached) > size
    return {f"Q{number}" for number in reached}


def _collect(path: str, wanted: set[str], named: set[str], languages: list[str], snapshot: Snapshot) -> None:
    """Pass 2: statements of the wanted positions, and the names of everything they involve."""
    name_languages = (*languages, "mul")
    for number, line in _entity_lines(path):
        where = f"{path}:{number}"
        if not (line.startswith(b"{") and line.endswith(b"}")):
            snapshot.warnings.append((where, "not a complete JSON entity (cut off, or not one entity per line); skipped"))
            continue
        kind, item = _fast_id(line)
        if kind not in ("item", None) or (item is not None and item not in named and b'"P39"' not in line):
            continue
        entity = _parse(line)
        if isinstance(entity, str):
            column, reason = entity.split(":", 1)
            snapshot.warnings.append((f"{where}:{column}", f"not valid JSON ({reason}); skipped"))
            continue
        try:
            item = entity["id"]
            claims = entity.get("claims") or {}
            statements = [statement for claim in claims.get("P39", ()) if (statement := _statement(claim, item, where))]
            statements = [statement for statement in statements if statement.position in wanted]
            if statements or item in named:
                _names(entity, name_languages, snapshot)
                _note_modified(entity, snapshot)
        except (KeyError, TypeError, AttributeError, ValueError) as error:
            snapshot.warnings.append((where, f"not a Wikidata entity as the dump format has it ({type(error).__name__}: {error}); skipped"))
            continue
        snapshot.statements.extend(statements)


def _entity_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """(line number, entity line without its comma) for each line but the array's brackets and blank lines."""
    with _open(path) as handle:
        number = 0
        try:
            for number, raw in enumerate(handle, 1):
                line = raw.rstrip(b" \t\r\n,")  # one copy: this loop runs once per entity, twice per import
                if line[:1] in (b" ", b"\t"):
                    line = line.lstrip()
                if line and line not in (b"[", b"]"):
                    yield number, line
        except (OSError, EOFError, ValueError) as error:  # a damaged or cut-off gzip or bz2 stream
            raise UserError(f"the compressed dump is damaged or ends early after line {number} ({error}); nothing imported", Location(path)) from None


def first_byte(path: str) -> bytes:
    """The first byte of the (decompressed) file that is not white space: b"[" for a dump."""
    with _open(path) as handle:
        try:
            return handle.read(4096).lstrip()[:1]
        except (OSError, EOFError) as error:
            raise UserError(f"cannot read the compressed data ({error})", Location(path)) from None


def _open(path: str) -> io.BufferedIOBase:  # GzipFile, BZ2File and BufferedReader all are
    """The dump's bytes, decompressed as its first bytes say (gzip, bzip2, or none)."""
    with reading_errors(path, "a Wikidata dump"):
        with open(path, "rb") as probe:
            magic = probe.read(3)
        if magic[:2] == b"\x1f\x8b":
            return gzip.open(path, "rb")
        if magic == b"BZh":
            return bz2.open(path, "rb")
        return open(path, "rb")


def _fast_id(line: bytes) -> tuple[str | None, str | None]:
    """The entity's type and id from the line's first bytes, as the dump writes them; (None, None) if they are not there."""
    found = _FAST_ID.match(line)
    return (found[1].decode(), found[2].decode()) if found else (None, None)


def _parse(line: bytes) -> Any:
    """The entity, or 'column: reason' if the line is not JSON."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        return f"{error.colno}:{error.msg}"
    except UnicodeDecodeError as error:
        return f"{error.start + 1}:not UTF-8"


def _truthy(claims: dict, prop: str) -> list[dict]:
    """The statements a query's ``wdt:`` would use: the preferred ones if any, else the normal ones."""
    statements = [s for s in claims.get(prop, ()) if isinstance(s, dict) and s.get("rank") != "deprecated"]
    preferred = [s for s in statements if s.get("rank") == "preferred"]
    return preferred or statements


def _item(snak: Any) -> str | None:
    """The item a snak names, if it names one."""
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    value = (snak.get("datavalue") or {}).get("value")
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("id"), str):
        return value["id"]
    return f"Q{value['numeric-id']}" if isinstance(value.get("numeric-id"), int) else None


def _truthy_items(claims: dict, prop: str) -> list[str]:
    return [item for statement in _truthy(claims, prop) if (item := _item(statement.get("mainsnak")))]


def _organization(claims: dict) -> tuple[str, str] | None:
    """P1001 (applies to jurisdiction: a place), else P642 ("of": an organisation)."""
    for prop, kind in (("P1001", "place"), ("P642", "organization")):
        items = _truthy_items(claims, prop)
        if items:
            return items[0], kind
    return None


def _statement(claim: dict, person: str, where: str) -> Statement | None:
    position = _item(claim["mainsnak"])
    if position is None:
        return None  # "unknown value" or "no value": no position to import
    qualifiers = claim.get("qualifiers") or {}
    return Statement(
        where, person, position, claim.get("rank", "normal"),
        start=_time(qualifiers.get("P580")), end=_time(qualifiers.get("P582")),
        end_unknown=any(snak.get("snaktype") == "somevalue" for snak in qualifiers.get("P582", ())),
        replaces=tuple(item for snak in qualifiers.get("P1365", ()) if (item := _item(snak))),
        replaced_by=tuple(item for snak in qualifiers.get("P1366", ()) if (item := _item(snak))),
    )


def _time(snaks: list | None) -> Time | None:
    """The first value of a time qualifier."""
    for snak in snaks or ():
        if snak.get("snaktype") == "value":
            value = snak["datavalue"]["value"]
            return Time(value["time"], int(value["precision"]), value.get("calendarmodel", GREGORIAN))
    return None


def _names(entity: dict, languages: tuple[str, ...], snapshot: Snapshot) -> None:
    item = entity["id"]
    labels = {lang: entry["value"] for lang, entry in (entity.get("labels") or {}).items() if lang in languages}
    aliases = {lang: [entry["value"] for entry in entries] for lang, entries in (entity.get("aliases") or {}).items() if lang in languages}
    snapshot.labels[item], snapshot.aliases[item] = labels, aliases


def _note_modified(entity: dict, snapshot: Snapshot) -> None:
    """The dump is at least as recent as the newest edit of anything imported: that day is when the facts were current."""
    found = _MODIFIED.match(str(entity.get("modified", "")))
    if found:
        day = dt.date(int(found[1]), int(found[2]), int(found[3]))
        snapshot.current = max(snapshot.current or day, day)
