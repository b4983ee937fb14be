"""Write an import into a fact file: a new one, or an existing one edited in place.

An existing file is edited as text (``yamltext.py``), so whatever is not changed stays byte for
byte: hand-written entities, offices, tenures, events and quotes, comments, blank lines, quoting.

* An imported entity or office is the file's one with the same ``source`` (a Wikidata item), else
  the one whose id is its name as a slug, else the only one with that name: the import then refers
  to it. One the file does not have is added, with a new id.
* An office or entity the import wrote (its ``source`` is the import's) gains the names and titles
  the source now has, and the office its new ``verified`` day; nothing is renamed or removed, so a
  name a person corrected stays corrected.
* A tenure the file already has (same person, same days) is left alone; one from the same source
  that overlaps it is updated in place (a tenure closed, dates changed); one that disagrees with a
  tenure written by hand, or would give the office more holders than its seats, is not written
  and is reported ("kept as written"), for a person to decide.

Every change is reported with where it is in the new file, so a fact-checker reviews a reshuffle
as a list of changes (and, in version control, as a diff).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from linter.errors import Location, UserError
from linter.facts.importers.model import Imported, ImportedEntity, ImportedOffice, ImportedTenure
from linter.facts.importers.yamltext import Edit, Node, TextEdits, flow, line_and_column, line_breaks, outline, scalar
from linter.facts.load import load_facts_data
from linter.facts.model import Entity, FactBase, Office, Tenure, sections
from linter.facts.temporal import clashes
from linter.yamlio import load_yaml

NOTE = "import: "  # the comments an import writes begin with this, so a later import can tell them from a person's
HEADER = (
    "# Facts imported by `factlint facts import` from {origin}.\n"
    "# Each entity, office and tenure gives its source; an office's `verified` is the day its source was current.\n"
    "# Importing again updates this file in place and keeps what people add to it, comments included.\n"
)
_COMMENT = re.compile(r"[ \t]*#[ \t]?([^\r\n]*)")


@dataclass
class Change:
    """One edit the import makes to a fact file, described for the user."""

    kind: str  # "new entity", "new office", "new holder", "closed tenure", "changed tenure", "more names", "matched by name", "kept as written"
    message: str
    edit: Edit
    line: int = 0
    column: int = 0


@dataclass
class Merged:
    """A fact file's text after an import, and what changed in it."""

    text: str
    changes: list[Change]
    created: bool


def merge(imported: Imported, path: str, text: str | None) -> Merged:
    """The fact file ``text`` (None or blank: a new file) with ``imported`` written into it."""
    created = text is None or not text.strip()
    if text is None or created:
        text = HEADER.format(origin=imported.origin) + "facts_version: 1\n"
    return _Merger(imported, path, text).run(created)


def slug(text: str) -> str:
    """'Keir Starmer' -> 'keir-starmer'; accents dropped; '' if nothing Latin is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


class _Merger:
    def __init__(self, imported: Imported, path: str, text: str) -> None:
        self.imported, self.path, self.text = imported, path, text
        self.facts: FactBase = load_facts_data(load_yaml(text, path), path, references=False)
        self.root = outline(text, path)
        if self.root.kind != "map" or self.root.flow:
            raise UserError("an import can only edit a fact file written as a block mapping (key: value lines)", Location(path, 1, 1))
        self.edits = TextEdits(text)
        self.changes: list[Change] = []
        self.ids: dict[str, str] = {}  # imported key -> id in the file
        self.taken = {key for section in sections() for key in getattr(self.facts, section.name)}  # ids are unique across sections
        items = [
            item
            for section in ("entities", "offices")
            if (found := self.root.get(section)) is not None and found.kind == "seq"
            for item in found.items
        ]
        tenures = [
            held
            for item in items
            if item.kind == "map" and (found := item.get("holders")) is not None and found.kind == "seq"
            for held in found.items
        ]
        # where each fact was loaded from, keyed as a Location gives it (a fact's line and column)
        self.nodes: dict[tuple[int | None, int | None], Node] = {(node.line, node.column): node for node in (*items, *tenures)}

    def run(self, created: bool) -> Merged:
        self._entities()
        self._offices()
        text = self.edits.apply()
        try:
            load_facts_data(load_yaml(text, self.path), self.path, references=False)
        except UserError as error:  # a bug of factlint's, not the user's: say so rather than write a broken file
            raise UserError(f"factlint would have written an invalid fact file, so nothing was written (please report it): {error}") from None
        breaks = line_breaks(text)
        for change in self.changes:
            change.line, change.column = line_and_column(text, change.edit.new_position, breaks)
        self.changes.sort(key=lambda change: (change.line, change.column))
        return Merged(text, self.changes, created)

    def _note(self, kind: str, message: str, edit: Edit) -> None:
        self.changes.append(Change(kind, message, edit))

    def _node(self, fact: Entity | Office | Tenure) -> Node:
        location = fact.location
        assert location is not None  # facts read from the file know where they are written
        return self.nodes[(location.line, location.column)]

    def _find(self, source: str | None, name: str, table: Any, by_source: dict, by_name: dict) -> tuple[Any, str | None]:
        """The file's fact an imported one is, and how it was found."""

        def compatible(fact: Any) -> bool:  # two different sources are two different things
            return fact.source is None or source is None or fact.source == source

        if source is not None and source in by_source:
            return by_source[source], "source"
        for key in (slug(name), name):
            if key in table and compatible(table[key]):
                return table[key], "id"
        named = [fact for fact in by_name.get(name.casefold(), ()) if compatible(fact)]
        return (named[0], "name") if len(named) == 1 else (None, None)

    def _matched(self, imported: ImportedEntity | ImportedOffice, found: Entity | Office, how: str | None) -> None:
        self.ids[imported.key] = found.id
        if how == "name":
            where = imported.source or imported.key
            self._note("matched by name", f"{imported.name} ({where}) is the file's '{found.id}'", self.edits.mark(self._node(found).start))

    def _new_ids(self, facts: list[ImportedEntity] | list[ImportedOffice]) -> None:
        """Ids for facts the file does not have: the name as a slug, made unique with the source's key (or a number)."""
        wanted = Counter(slug(fact.name) for fact in facts)
        for fact in facts:
            base = slug(fact.name) or slug(fact.key) or "fact"
            candidate, number = base, 1
            if (wanted[base] > 1 or base in self.taken) and re.fullmatch(r"Q\d+", fact.key):
                candidate = f"{base}-{fact.key.lower()}"
            while candidate in self.taken:
                number += 1
                candidate = f"{base}-{number}"
            self.taken.add(candidate)
            self.ids[fact.key] = candidate

    # Entities

    def _entities(self) -> None:
        table = self.facts.entities
        by_source = {entity.source: entity for entity in table.values() if entity.source}
        by_name: dict[str, list[Entity]] = defaultdict(list)
        for entity in table.values():
            for name in entity.names:
                by_name[name.casefold()].append(entity)
        new: list[ImportedEntity] = []
        for imported in sorted(self.imported.entities.values(), key=lambda e: (e.name.casefold(), e.key)):
            found, how = self._find(imported.source, imported.name, table, by_source, by_name)
            if found is None:
                new.append(imported)
                continue
            self._matched(imported, found, how)
            if imported.source is not None and found.source == imported.source:
                missing = [name for name in (imported.name, *imported.aliases) if name not in found.names]
                if missing:
                    self._note("more names", f"{found.name}: {', '.join(missing)}", self._extend(self._node(found), "aliases", missing))
        self._new_ids(new)
        new.sort(key=lambda entity: self.ids[entity.key])
        values = [self._entity_value(entity) for entity in new]
        for value, edit in zip(values, self._append("entities", values, lambda value, pad: [f"{pad}- {flow(value)}"]), strict=True):
            self._note("new entity", f"{value['id']} ({value['name']})", edit)

    def _entity_value(self, entity: ImportedEntity) -> dict[str, Any]:
        value: dict[str, Any] = {"id": self.ids[entity.key], "name": entity.name}
        if entity.aliases:
            value["aliases"] = list(entity.aliases)
        if entity.type != "person":
            value["type"] = entity.type
        if entity.source:
            value["source"] = entity.source
        return value

    # Offices

    def _offices(self) -> None:
        table = self.facts.offices
        by_source = {office.source: office for office in table.values() if office.source}
        by_name: dict[str, list[Office]] = defaultdict(list)
        for office in table.values():
            by_name[office.name.casefold()].append(office)
        new: list[ImportedOffice] = []
        for imported in sorted(self.imported.offices.values(), key=lambda o: (o.name.casefold(), o.key)):
            found, how = self._find(imported.source, imported.name, table, by_source, by_name)
            if found is None:
                new.append(imported)
                continue
            self._matched(imported, found, how)
            node = self._node(found)
            if imported.source is not None and found.source == imported.source:
                self._update_office(found, node, imported)
            self._merge_tenures(found, node, imported)
        self._new_ids(new)
        new.sort(key=lambda office: self.ids[office.key])
        for new_office, edit in zip(new, self._append("offices", new, self._office_lines, self._office_value), strict=True):
            self._note("new office", f"{new_office.name}, with {len(new_office.tenures)} holders", edit)

    def _update_office(self, office: Office, node: Node, imported: ImportedOffice) -> None:
        known = {title.casefold() for title in office.titles}
        missing = [title for title in imported.titles if title.casefold() not in known]
        if missing:
            self._note("more names", f"{office.name}: {', '.join(missing)}", self._extend(node, "titles", missing))
        if office.organization is None and imported.organization is not None:
            self._set(node, "organization", self.ids[imported.organization])
        if self.imported.verified is not None:
            self._set(node, "verified", self.imported.verified, after="source")

    def _office_value(self, office: ImportedOffice) -> dict[str, Any]:
        value: dict[str, Any] = {"id": self.ids[office.key], "name": office.name, "titles": list(office.titles)}
        if office.organization is not None:
            value["organization"] = self.ids[office.organization]
        if office.seats > 1:
            value["seats"] = office.seats
        if office.source:
            value["source"] = office.source
        if self.imported.verified:
            value["verified"] = self.imported.verified
        value["holders"] = [self._tenure_value(tenure) for tenure in office.tenures]
        return value

    def _office_lines(self, office: ImportedOffice, pad: str) -> list[str]:
        fields = self._office_value(office)
        del fields["holders"]
        lines = [f"{pad}{'- ' if number == 0 else '  '}{key}: {flow(value)}" for number, (key, value) in enumerate(fields.items())]
        return [*lines, f"{pad}  holders:", *(f"{pad}    - {self._tenure_line(tenure)}" for tenure in office.tenures)]

    def _tenure_value(self, tenure: ImportedTenure) -> dict[str, Any]:
        value: dict[str, Any] = {"who": self.ids[tenure.who], "from": tenure.start}
        if tenure.end is not None:
            value["to"] = tenure.end
        value["source"] = tenure.source
        return value

    def _tenure_line(self, tenure: ImportedTenure) -> str:
        return flow(self._tenure_value(tenure)) + (f"  # {NOTE}{tenure.note}" if tenure.note else "")

    # Tenures

    def _merge_tenures(self, office: Office, node: Node, imported: ImportedOffice) -> None:
        current = list(office.holders)
        added: list[ImportedTenure] = []
        for tenure in sorted(imported.tenures, key=lambda t: (t.start, t.who)):
            who = self.ids[tenure.who]
            said = f"{self.imported.entities[tenure.who].name}, {office.name}"
            mine = [held for held in current if held.who == who]
            if any((held.start, held.end) == (tenure.start, tenure.end) for held in mine):
                continue
            overlapping = [held for held in mine if held.start <= (tenure.end or dt.date.max) and tenure.start <= held.last_day]
            same = [held for held in overlapping if held.source is not None and held.source == tenure.source]
            if not overlapping:
                candidate = Tenure(office.id, who, tenure.start, tenure.end, None, tenure.source)
                if not self._crowded(office, [*current, candidate], said, tenure, node):
                    current.append(candidate)
                    added.append(tenure)
            elif not same:
                held = overlapping[0]
                self._keep(said, f"the source says {_as_written(tenure)}; the file's tenure says {_as_written(held)}", held)
            else:
                held = min(same, key=lambda h: abs((h.start - tenure.start).days))
                if held.end is not None and tenure.end is None:
                    self._keep(said, f"the source no longer gives an end ({_as_written(tenure)}); the file says {_as_written(held)}", held)
                    continue
                updated = dataclasses.replace(held, start=tenure.start, end=tenure.end)
                if self._crowded(office, [h for h in current if h is not held] + [updated], said, tenure, node):
                    continue
                current[current.index(held)] = updated
                kind = "closed tenure" if held.end is None else "changed tenure"
                self._note(kind, f"{said}: {_as_written(tenure)} (was {_as_written(held)})", self._update_tenure(self._node(held), held, tenure))
        lines = [self._tenure_line(tenure) for tenure in added]
        for tenure, edit in zip(added, self._add_items(node, "holders", lines), strict=True):
            self._note("new holder", f"{self.imported.entities[tenure.who].name}, {office.name}, {_as_written(tenure)}", edit)

    def _crowded(self, office: Office, tenures: list[Tenure], said: str, tenure: ImportedTenure, node: Node) -> bool:
        """Whether the tenures would give the office more holders than seats on some day (then reported, not written)."""
        crowded = next(clashes(tenures, office.seats), None)
        if crowded is not None:
            day, holders = crowded
            names = ", ".join(self.facts.name_of(t.who) if t.who in self.facts.entities else self._name_of_new(t.who) for t in holders)
            self._note(
                "kept as written",
                f"{said}: the source says {_as_written(tenure)}, which would give it {len(holders)} holders on {day} ({names}) "
                f"and it has {office.seats} seat(s)",
                self.edits.mark(node.start),
            )
        return crowded is not None

    def _name_of_new(self, entity_id: str) -> str:
        return next((entity.name for entity in self.imported.entities.values() if self.ids.get(entity.key) == entity_id), entity_id)

    def _keep(self, said: str, why: str, held: Tenure) -> None:
        self._note("kept as written", f"{said}: {why}", self.edits.mark(self._node(held).start))

    def _update_tenure(self, node: Node, held: Tenure, tenure: ImportedTenure) -> Edit:
        """New days for a tenure written before, and the import's comment on them (a person's comment stays)."""
        if tenure.start != held.start:
            self._set(node, "from", tenure.start)
        if tenure.end != held.end:
            self._set(node, "to", tenure.end, after="from")
        line_end = self.edits.line_end(node.end)
        comment = _COMMENT.match(self.text, node.end, line_end)
        if comment and comment.end() == line_end and comment[1].startswith(NOTE):
            self.edits.replace(comment.start(), line_end, f"  # {NOTE}{tenure.note}" if tenure.note else "")
        elif not comment and tenure.note:
            self.edits.replace(line_end, line_end, f"  # {NOTE}{tenure.note}")
        return self.edits.mark(node.start)

    # Text edits

    def _set(self, mapping: Node, key: str, value: Any, after: str | None = None) -> Edit:
        """Write ``key: value`` into a mapping: replace a scalar value, or add the key (after ``after``, else last)."""
        existing = mapping.get(key)
        if existing is not None and existing.kind == "scalar":
            return self.edits.replace(existing.start, existing.end, scalar(value))
        last_value = next((v for k, v in mapping.pairs if k.value == after), mapping.pairs[-1][1])
        if mapping.flow:
            return self.edits.replace(last_value.end, last_value.end, f", {scalar(key)}: {flow(value)}", 2)
        return self.edits.insert_lines(last_value.end, [f"{' ' * (mapping.column - 1)}{key}: {flow(value)}"])[0]

    def _extend(self, mapping: Node, key: str, values: list[str]) -> Edit:
        """Add strings to a list of names (written as a list, as a single string, or not yet at all)."""
        existing = mapping.get(key)
        if existing is None or existing.null:
            return self._set(mapping, key, values)
        if existing.kind == "scalar":
            return self.edits.replace(existing.start, existing.end, flow([existing.value, *values]))
        return self._add_items(mapping, key, [flow(value) for value in values])[0]

    def _add_items(self, mapping: Node, key: str, items: list[str]) -> list[Edit]:
        """Add items (each written as YAML, perhaps with a comment) to the list at ``key`` of a mapping; an edit per item."""
        if not items:
            return []
        existing = mapping.get(key)
        if existing is not None and existing.kind == "seq":
            if existing.flow:
                return self._into_flow_list(existing, items)
            return self._lines(existing.end, items, existing.column - 1)
        if mapping.flow:  # {key: value, ...} with no list yet
            written = "[" + ", ".join(_without_comment(item) for item in items) + "]"
            if existing is not None:
                return [self.edits.replace(existing.start, existing.end, written)] * len(items)
            last = mapping.pairs[-1][1]
            return [self.edits.replace(last.end, last.end, f", {key}: {written}", 2)] * len(items)
        indent = mapping.column - 1
        if existing is not None:  # "key:" with nothing (or ~) after it
            self.edits.replace(existing.start, existing.end, "")
            key_node = next(name for name, value in mapping.pairs if value is existing)
            return self._lines(key_node.end, items, indent + 2)
        self.edits.insert_lines(mapping.end, [f"{' ' * indent}{key}:"])
        return self._lines(mapping.end, items, indent + 2)

    def _lines(self, after: int, items: list[str], indent: int) -> list[Edit]:
        return _at_items(self.edits.insert_lines(after, [f"{' ' * indent}- {item}" for item in items]))

    def _into_flow_list(self, seq: Node, items: list[str]) -> list[Edit]:
        at = seq.items[-1].end if seq.items else seq.start + 1
        return [self.edits.replace(at, at, (", " if seq.items or number else "") + _without_comment(item)) for number, item in enumerate(items)]

    def _append(
        self, section: str, facts: list, block_lines: Callable[[Any, str], list[str]], flow_value: Callable[[Any], Any] = lambda v: v
    ) -> list[Edit]:
        """Add facts to a top-level list (``entities``, ``offices``), creating it if needed; the edit of each fact's first line."""
        if not facts:
            return []
        found = self.root.get(section)
        if found is not None and found.kind == "seq" and found.flow:
            return self._into_flow_list(found, [flow(flow_value(fact)) for fact in facts])
        if found is not None and found.kind == "seq":
            after, pad = found.end, " " * (found.column - 1)
        else:
            pad = "  "
            if found is not None:  # "entities:" with nothing after it
                self.edits.replace(found.start, found.end, "")
                after = next(name for name, value in self.root.pairs if value is found).end
            else:
                after = len(self.text) - 1 if self.text.endswith("\n") else len(self.text)
                self.edits.insert_lines(after, ["", f"{section}:"])
        return _at_items([self.edits.insert_lines(after, block_lines(fact, pad))[0] for fact in facts])


def _at_items(edits: list[Edit]) -> list[Edit]:
    """Report new list items where the item begins, after its '- ', as a loaded fact's location is."""
    for edit in edits:
        edit.anchor += len("- ")
    return edits


def _without_comment(item: str) -> str:
    """An item for a list written [a, b]: no comment can follow it there."""
    return item.split(f"  # {NOTE}", 1)[0]


def _as_written(tenure: Tenure | ImportedTenure) -> str:
    """A tenure in the fact file's own notation, for a reviewer comparing the report with the file:
    'from 2022-10-14 to 2024-07-05', 'from 2024-07-05' (still in office)."""
    return f"from {tenure.start.isoformat()}" + (f" to {tenure.end.isoformat()}" if tenure.end else "")
