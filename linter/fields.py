"""Declared fields: every field a user writes in a fact file or a rule pack, declared once.

A fact section's record is a dataclass whose fields are made with :func:`declared`
(facts/model.py); a rule kind lists its parameters as :class:`Field` objects (checks/kinds/).
Everything else about a field is derived from that one declaration:

* reading and validation (:func:`read_fields`, :func:`read_record`): unknown and missing
  fields, each value's type and constraints, every problem located (``file:line:col``) and
  reported with all the others;
* the fact cache's plain form of a record (:func:`record_plain`, :func:`record_from_plain`,
  :func:`layout`), used by facts/cache.py;
* the JSON Schemas in linter/schemas/ and the field tables in docs/ (linter/contracts.py).

What a field may hold is a :class:`Value`: a small class that reads itself from YAML, gives its
JSON Schema, names itself for the docs, and says how the cache keeps it. A record's rule across
its own fields (a tenure must not end before it starts) is its class's ``contradiction``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, NamedTuple

import regex

from linter.cache import regexes as kept_regexes
from linter.dates import DateWindow
from linter.errors import Location, did_you_mean
from linter.user_regex import BadRegex, cached_user_regex, shown
from linter.validate import Checker
from linter.yamlio import YamlMap

SLUG = kept_regexes.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DATE_PATTERN = r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*"  # spaces around a date are read, and so allowed


class Value:
    """What a field may hold: how it is read and checked, what JSON Schema and the docs say of
    it, and how the fact cache keeps it (as marshal's plain data)."""

    provenance: ClassVar[bool] = False  # says where a fact comes from, and decides no finding

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> Any:
        """The value written for ``field`` (present in ``mapping``), or None after reporting what is wrong."""
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def describe(self) -> str:
        """What the docs' tables say the value is."""
        raise NotImplementedError

    def example(self) -> Any:
        """A valid value, as YAML gives it, other than any default (tests/test_contracts.py writes one of every field)."""
        raise NotImplementedError

    def plain(self, value: Any) -> Any:
        return value

    def from_plain(self, raw: Any, owner: str | None) -> Any:
        """The value from its plain form; ``owner`` is the id of the record it belongs to."""
        return raw

    def layout(self) -> str:
        """How the cache keeps it, as text: any change must change the cache's layout digest."""
        return type(self).__name__


@dataclass(frozen=True, eq=False)  # compared and hashed as itself: the readers cache by field
class Field:
    """One field: its key in YAML, what it holds, what it means, whether it must be written."""

    key: str
    value: Value
    description: str
    required: bool = False
    default: Any = None
    name: str = ""  # the record's attribute (or the kind's parameter) that holds it; default: ``key``

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", self.key)


_DECLARED = "declared field"


def declared(value: Value, description: str, *, key: str | None = None, default: Any = dataclasses.MISSING) -> Any:
    """A dataclass field written in YAML (as ``key``, else under its own name); required when it has no default."""
    return dataclasses.field(default=default, metadata={_DECLARED: (value, description, key)})


@cache
def fields_of(record: type) -> tuple[Field, ...]:
    """The declared fields of a record class, in declaration order."""
    result = []
    for spec in dataclasses.fields(record):
        if _DECLARED not in spec.metadata:
            continue
        value, description, key = spec.metadata[_DECLARED]
        required = spec.default is dataclasses.MISSING
        result.append(Field(key or spec.name, value, description, required, None if required else spec.default, name=spec.name))
    return tuple(result)


def examples(record: type) -> tuple[dict[str, Any], ...]:
    """Records of this class as YAML gives them, valid, that together write every declared field
    (each as something other than its default; tests/test_contracts.py writes them): one with every
    field's example, unless the class gives its own ``examples()``, as when fields exclude each other."""
    own = getattr(record, "examples", None)
    return tuple(own()) if own else ({field.key: field.value.example() for field in fields_of(record)},)


class Form(NamedTuple):
    """One of the ways of writing a record whose fields exclude each other, as a figure is written for
    the period it describes (``date``) or for the days it is in force (``from``, and ``to``). A record
    class lists them as ``forms``; exactly one is written. ``key`` marks the form (written, it must
    be valid, or the record is left out), ``means`` says what it is for messages and docs, and
    ``with_it`` are keys written only with ``key`` (and, written, as strictly)."""

    key: str
    means: str
    with_it: tuple[str, ...] = ()


def forms(record: type) -> tuple[Form, ...]:
    """The ways a record class is written, when its fields exclude each other; none: one way."""
    return getattr(record, "forms", ())


def noun(record: type) -> str:
    """What messages and docs call one record of a class: "office", "tenure"."""
    return record.__name__.lower()


def a(word: str) -> str:
    """The word with its indefinite article: "an entity", "a tenure"."""
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


# -- reading ---------------------------------------------------------------------------------


@dataclass
class FieldValues:
    """What reading a mapping's fields gave."""

    by_name: dict[str, Any]  # the valid values written, by attribute
    usable: bool  # every required field was written, and valid
    complete: bool  # nothing written was invalid


def read_fields(fields: tuple[Field, ...], mapping: YamlMap, what: str, checker: Checker, check_keys: bool = True) -> FieldValues:
    """Read and check ``fields`` in ``mapping``, reporting every problem (``what`` names the
    mapping in messages). With ``check_keys``, unknown keys and missing required ones are reported too."""
    if check_keys:
        checker.keys(mapping, *_keys(fields), what)
    values = FieldValues({}, True, True)
    for field in fields:
        if field.key not in mapping:
            values.usable = values.usable and not field.required
            continue
        problems = len(checker.problems)
        value = field.value.read(field, mapping, what, checker)
        if len(checker.problems) > problems:
            values.complete = False
        if value is None:
            values.usable = values.usable and not field.required
        else:
            values.by_name[field.name] = value
    return values


@cache
def _keys(fields: tuple[Field, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The keys of ``fields``, and those that must be written."""
    return frozenset(field.key for field in fields), tuple(field.key for field in fields if field.required)


def read_record(record: type, mapping: YamlMap, what: str, checker: Checker, **given: Any) -> tuple[Any, bool]:
    """The record of class ``record`` written in ``mapping``, and whether all of it was valid.

    It is None when a required field is missing or invalid, when it is not written in exactly one
    of the class's ``forms`` (or a field of its form is invalid), or when the class's
    ``contradiction`` finds its fields at odds; an optional field written wrongly is reported and left at its
    default (a list keeps its valid items), and the record is built, but not complete.
    ``given`` are its attributes that are not written (its owner's id); its location is where
    ``mapping`` was written."""
    values = read_fields(fields_of(record), mapping, what, checker)
    if forms(record) and not _in_one_form(record, mapping, values, what, checker):
        return None, False
    if not values.usable:
        return None, False
    contradiction = getattr(record, "contradiction", None)
    problem = contradiction(values.by_name) if contradiction else None
    if problem is not None:
        key, message = problem
        checker.fail(f"{what} {message}", mapping.where(key))
        return None, False
    return record(**values.by_name, **given, location=mapping.location), values.complete


def _in_one_form(record: type, mapping: YamlMap, values: FieldValues, what: str, checker: Checker) -> bool:
    """Whether ``mapping`` is written in exactly one of the record class's forms, with its fields valid
    (an invalid one is reported already: a record without its form is no record)."""
    ways = forms(record)
    written = [form for form in ways if form.key in mapping]
    if len(written) != 1:
        choices = " or ".join(f"'{form.key}' ({form.means})" for form in ways)
        checker.fail(f"{what} needs either {choices}", mapping.location)
        return False
    for form in ways:
        for key in form.with_it:
            if key in mapping and form.key not in mapping:
                checker.fail(f"'{key}' in {what} needs '{form.key}'", mapping.where(key))
                return False
    names = {field.key: field.name for field in fields_of(record)}
    (form,) = written
    return all(names[key] in values.by_name for key in (form.key, *form.with_it) if key in mapping)


# -- JSON Schema ------------------------------------------------------------------------------


def field_schema(field: Field) -> dict[str, Any]:
    """A field's JSON Schema: its value's, with its description and any default."""
    schema = {**field.value.schema(), "description": field.description}
    if field.default not in (None, ()):
        schema["default"] = list(field.default) if isinstance(field.default, tuple) else field.default
    return schema


def object_schema(fields: Sequence[Field]) -> dict[str, Any]:
    """The JSON Schema of a mapping of ``fields``: nothing else, and the required ones."""
    required = [field.key for field in fields if field.required]
    return {
        "type": "object",
        **({"required": required} if required else {}),
        "additionalProperties": False,
        "properties": {field.key: field_schema(field) for field in fields},
    }


def record_schema(record: type) -> dict[str, Any]:
    """The JSON Schema of a record class: its fields (:func:`object_schema`), and its forms: exactly
    one form's key, and each key written only with its form's."""
    schema = object_schema(fields_of(record))
    ways = forms(record)
    if ways:
        schema["oneOf"] = [{"required": [form.key]} for form in ways]
        needing = {key: [form.key] for form in ways for key in form.with_it}
        if needing:
            schema["dependencies"] = needing
    return schema


# -- the plain form the fact cache keeps -----------------------------------------------------


@cache
def _kept(record: type) -> tuple[Field, ...]:
    """The fields a record's plain form keeps, in order: all declared but the id, its table's key."""
    return tuple(field for field in fields_of(record) if field.name != "id")


@cache
def _converted(record: type) -> tuple[tuple[str, Value], ...]:
    """The kept fields whose plain form is not the value itself (dates, nested records), by name."""
    return tuple((field.name, field.value) for field in _kept(record) if type(field.value).from_plain is not Value.from_plain)


@cache
def _kept_names(record: type) -> tuple[str, ...]:
    return tuple(field.name for field in _kept(record))


def record_plain(record: Any) -> tuple:
    """A record as plain data: its kept fields (:func:`_kept`), then its location."""
    record_class: type = type(record)
    location = record.location
    values = tuple(field.value.plain(getattr(record, field.name)) for field in _kept(record_class))
    return (*values, (location.path, location.line, location.column) if location else None)


def record_from_plain(record: type, raw: tuple, **given: Any) -> Any:
    """The record back from :func:`record_plain`; ``given`` holds its attributes not kept (its id, its owner's)."""
    values = dict(zip(_kept_names(record), raw, strict=False))  # the location, last, is left out
    for name, value in _converted(record):
        values[name] = value.from_plain(values[name], given.get("id"))
    return record(**values, **given, location=Location(*raw[-1]) if raw[-1] else None)


def plain_value(record: type, raw: tuple, name: str) -> Any:
    """One field's value in a record's plain form (:func:`record_plain`), by attribute name."""
    return raw[_kept_names(record).index(name)]


def record_content(record: type, raw: tuple) -> tuple:
    """The plain record without what decides no finding: its location, its sources."""
    return tuple(
        field.value.content(item) if isinstance(field.value, Records) else item
        for field, item in zip(_kept(record), raw, strict=False)
        if not field.value.provenance
    )


def layout(record: type) -> str:
    """The plain form of a record class, as text: the fact cache's layout digest is made from it."""
    return f"{record.__name__}({', '.join(f'{field.name}: {field.value.layout()}' for field in fields_of(record))}, location)"


def references(record: Any) -> Iterator[tuple[Reference, str, Location | None]]:
    """The ids a record (and the records nested in it) refers to, each with where its record was written."""
    record_class: type = type(record)
    for field in _links(record_class):
        value = getattr(record, field.name)
        if isinstance(field.value, Reference) and value is not None:
            yield field.value, value, record.location
        elif isinstance(field.value, References):
            for item in value:
                yield field.value.reference, item, record.location
        elif isinstance(field.value, Records):
            for nested in value:
                yield from references(nested)


@cache
def _links(record: type) -> tuple[Field, ...]:
    """The fields of a record class that refer to other records, or hold records that may."""
    return tuple(field for field in fields_of(record) if isinstance(field.value, (Reference, References, Records)))


# -- the kinds of value ------------------------------------------------------------------------


class Text(Value):
    """Non-empty text; spaces around it are dropped."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> str | None:
        value = checker.text(mapping, field.key, what)
        return value.strip() if value is not None else None

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"\S"}

    def describe(self) -> str:
        return "text"

    def example(self) -> str:
        return "Example text"


class Source(Text):
    """Where a fact comes from: a URL a fact-checker can open, or a citation. Never read to judge a claim."""

    provenance = True

    def describe(self) -> str:
        return "text: a URL or a citation"

    def example(self) -> str:
        return "https://example.org/source"


class Slug(Value):
    """An id: lowercase letters, digits and single hyphens."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> str | None:
        value = checker.text(mapping, field.key, what)
        if value is not None and not SLUG.fullmatch(value):
            checker.fail(f"{field.key} '{value}' must be a slug of lowercase letters, digits and single hyphens", mapping.where(field.key))
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{SLUG.pattern}$"}

    def describe(self) -> str:
        return "a slug: lowercase letters, digits, single hyphens"

    def example(self) -> str:
        return "example-id"


class Reference(Value):
    """The id of a record of another section (``to``), as a ``role`` ("holder"): that it exists is
    checked once every fact file is read (facts/load.py), with a did-you-mean. ``to`` may be a
    tuple of record classes: the id of a record of any of their sections (a relation's subject)."""

    def __init__(self, to: type | tuple[type, ...], role: str) -> None:
        self.targets: tuple[type, ...] = to if isinstance(to, tuple) else (to,)
        self.to, self.role = self.targets[0], role

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> str | None:
        return checker.text(mapping, field.key, what)

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{SLUG.pattern}$"}

    def describe(self) -> str:
        return "the id of " + " or ".join(a(noun(target)) for target in self.targets)

    def example(self) -> str:
        return f"example-{noun(self.to)}"


class Choice(Value):
    """One of a few words. With ``unknown`` (what one of them is called: "kind"), a word not among
    them is reported as an unknown one of those ("unknown kind 'patern'"), else as a value that
    must be one of them ("severity 'fatal' ... must be one of")."""

    def __init__(self, choices: Sequence[str], unknown: str | None = None, example: str | None = None) -> None:
        self.choices, self.unknown = tuple(choices), unknown
        self._example = example  # the one :meth:`example` gives, when the last choice would not do

    def problem(self, value: str, key: str, what: str) -> str | None:
        if value in self.choices:
            return None
        hint = did_you_mean(value, self.choices)
        if self.unknown:
            return f"unknown {self.unknown} '{value}'{hint} in {what}; use: {', '.join(self.choices)}"
        return f"{key} '{value}' in {what} must be one of: {', '.join(self.choices)}{hint}"

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> str | None:
        value = checker.text(mapping, field.key, what)
        problem = self.problem(value, field.key, what) if value is not None else None
        if problem:
            checker.fail(problem, mapping.where(field.key))
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"enum": list(self.choices)}

    def describe(self) -> str:
        return "one of " + ", ".join(f"`{choice}`" for choice in self.choices)

    def example(self) -> str:
        return self._example or self.choices[-1]

    def layout(self) -> str:
        return "Choice(str)"


class Regex(Value):
    """A regular expression (the ``regex`` module, VERSION1) that must compile; ``flags`` are those
    it is used with. With ``noun`` (what one is called: "mention pattern"), a message about it
    quotes it: "mention pattern '(x' in events[0] is not a valid regex"; else the field's key names it."""

    def __init__(self, flags: int = 0, noun: str = "", described: str = "a regex") -> None:
        self.flags, self.noun, self.described = flags | regex.VERSION1, noun, described

    def compiled_form(self, pattern: str) -> str:
        """The pattern as it is compiled (a kind with macros expands them first)."""
        return pattern

    def problem(self, pattern: str, key: str, what: str) -> str | None:
        """Why the pattern does not compile, or None when it does."""
        try:
            cached_user_regex(self.compiled_form(pattern), self.flags)  # the rule compiles the same: once
        except BadRegex as error:
            named = f"{self.noun} {shown(pattern)}" if self.noun else key
            return f"{named} in {what} is not a valid regex: {error}"
        return None

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> str | None:
        value = checker.text(mapping, field.key, what)
        problem = self.problem(value, field.key, what) if value is not None else None
        if problem is not None:
            checker.fail(problem, mapping.where(field.key))
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"\S", "format": "regex"}

    def describe(self) -> str:
        return self.described

    def example(self) -> str:
        return "example"


class Texts(Value):
    """A list of texts; one text written alone is a list of one. Items may be constrained as a
    :class:`Choice` or a :class:`Regex`; an invalid item is reported and left out. ``at_least_one``
    names the item when an empty list is wrong ("title": "offices[0] needs at least one title")."""

    def __init__(self, of: Choice | Regex | None = None, at_least_one: str = "") -> None:
        self.of, self.at_least_one = of, at_least_one

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> tuple[str, ...] | None:
        written = checker.text_list(mapping, field.key, what)
        items = []
        for text in written:
            problem = self.of.problem(text, field.key, what) if self.of else None
            if problem:
                checker.fail(problem, mapping.where(field.key))
            else:
                items.append(text if self.of else text.strip())
        if self.at_least_one and not items:
            checker.fail(f"{what} needs at least one {self.at_least_one}", mapping.where(field.key))
            return None
        return tuple(items)

    def schema(self) -> dict[str, Any]:
        item = self.of.schema() if self.of else Text().schema()
        many: dict[str, Any] = {"type": "array", "items": item}
        if self.at_least_one:
            many["minItems"] = 1
        return {"oneOf": [item, many]}

    def describe(self) -> str:
        item = self.of.describe() if self.of else "text"
        return f"{item}, or a list of them" + (" (at least one)" if self.at_least_one else "")

    def example(self) -> list[str]:
        return [self.of.example() if self.of else "Example item"]

    def layout(self) -> str:
        return "tuple[str]"


class References(Texts):
    """Ids of records of another section (``to``), as a ``role``: a figure's subjects. One id
    written alone is a list of one; each is checked as a :class:`Reference`'s is."""

    def __init__(self, to: type | tuple[type, ...], role: str) -> None:
        super().__init__()
        self.reference = Reference(to, role)

    def schema(self) -> dict[str, Any]:
        item = self.reference.schema()
        return {"oneOf": [item, {"type": "array", "items": item}]}

    def describe(self) -> str:
        return f"{self.reference.describe()}, or a list of them"

    def example(self) -> list[str]:
        return [self.reference.example()]


class Integer(Value):
    """A whole number, at least ``minimum``."""

    def __init__(self, minimum: int) -> None:
        self.minimum = minimum

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> int | None:
        value = checker.typed(mapping, field.key, int, what)
        if value is not None and value < self.minimum:
            checker.fail(f"'{field.key}' in {what} must be {self.minimum} or more", mapping.where(field.key))
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum}

    def describe(self) -> str:
        return f"a whole number, {self.minimum} or more"

    def example(self) -> int:
        return self.minimum + 1


class Boolean(Value):
    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> bool | None:
        return checker.typed(mapping, field.key, bool, what)

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def describe(self) -> str:
        return "`true` or `false`"

    def example(self) -> bool:
        return True


class Date(Value):
    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> dt.date | None:
        return checker.date(mapping, field.key, what)

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{DATE_PATTERN}$"}

    def describe(self) -> str:
        return "a date, `YYYY-MM-DD`"

    def example(self) -> str:
        return "2021-02-03"

    def plain(self, value: dt.date | None) -> int | None:
        return value.toordinal() if value else None

    def from_plain(self, raw: int | None, owner: str | None) -> dt.date | None:
        return dt.date.fromordinal(raw) if raw else None


class DayOrDays(Value):
    """A day, or the days ``{from: DATE, to: DATE}`` (both inclusive), read as a DateWindow."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> DateWindow | None:
        value = mapping[field.key]
        if not isinstance(value, YamlMap):
            day = checker.date(mapping, field.key, what)
            return DateWindow.day(day) if day else None
        checker.keys(value, ("from", "to"), ("from", "to"), f"'{field.key}' of {what}")
        start, end = checker.date(value, "from", what), checker.date(value, "to", what)
        if start and end and end < start:
            checker.fail(f"the date range of {what} ends before it starts", value.where("to"))
            return None
        return DateWindow(start, end) if start and end else None

    def schema(self) -> dict[str, Any]:
        date = Date().schema()
        days = {"type": "object", "required": ["from", "to"], "additionalProperties": False, "properties": {"from": date, "to": date}}
        return {"oneOf": [date, days]}

    def describe(self) -> str:
        return "a date, `YYYY-MM-DD`, or `{from: DATE, to: DATE}` (both inclusive)"

    def example(self) -> dict[str, str]:
        return {"from": "2021-02-03", "to": "2021-02-05"}

    def plain(self, value: DateWindow) -> tuple[int, int]:
        return value.start.toordinal(), value.end.toordinal()

    def from_plain(self, raw: tuple[int, int], owner: str | None) -> DateWindow:
        return DateWindow(dt.date.fromordinal(raw[0]), dt.date.fromordinal(raw[1]))


class Window(Value):
    """A day or days written as ``YYYY-MM-DD`` or ``FROM..TO``."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> DateWindow | None:
        try:
            return DateWindow.parse(str(mapping[field.key]))
        except ValueError as error:
            checker.fail(f"'{field.key}' in {what}: {error}", mapping.where(field.key))
            return None

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": rf"^{DATE_PATTERN}(\.\.{DATE_PATTERN})?$"}

    def describe(self) -> str:
        return "a date, `YYYY-MM-DD`, or `FROM..TO`"

    def example(self) -> str:
        return "2021-02-03..2021-02-05"


class Version(Value):
    """The version of a file format; this factlint reads ``current`` only."""

    def __init__(self, current: int) -> None:
        self.current = current

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> int | None:
        value = mapping[field.key]
        if value != self.current or isinstance(value, bool):
            checker.fail(f"unsupported {field.key} {value!r}; this factlint reads version {self.current}", mapping.where(field.key))
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"const": self.current}

    def describe(self) -> str:
        return f"`{self.current}`"

    def example(self) -> int:
        return self.current


class Records(Value):
    """A list of records of a class (an office's holders); ``owner`` is the record's attribute
    that holds the id of the record they belong to, and ``ordered_by`` the attribute they are
    sorted by. Nothing written (``holders:``) is none; an invalid record is reported and left out."""

    def __init__(self, record: type, owner: str, ordered_by: str) -> None:
        self.record, self.owner, self.ordered_by = record, owner, ordered_by

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> tuple | None:
        if mapping[field.key] is None:
            return ()
        items = checker.sequence(mapping[field.key], mapping.where(field.key), f"'{field.key}' in {what}")
        if items is None:
            return None
        owner = mapping.get("id") if isinstance(mapping.get("id"), str) else "?"
        records = []
        for index, item in enumerate(items):
            where = f"{what}.{field.key}[{index}]"
            nested = checker.mapping(item, items.where(index), where)
            record = read_record(self.record, nested, where, checker, **{self.owner: owner})[0] if nested is not None else None
            if record is not None:
                records.append(record)
        return tuple(sorted(records, key=lambda record: getattr(record, self.ordered_by)))

    def schema(self) -> dict[str, Any]:
        return {"type": ["array", "null"], "items": {"$ref": f"#/definitions/{noun(self.record)}"}}

    def describe(self) -> str:
        return f"a list; each {a(noun(self.record))} (below)"

    def example(self) -> list[dict[str, Any]]:
        return [{field.key: field.value.example() for field in fields_of(self.record)}]

    def plain(self, value: tuple) -> tuple:
        return tuple(record_plain(record) for record in value)

    def from_plain(self, raw: tuple, owner: str | None) -> tuple:
        return tuple(record_from_plain(self.record, item, **{self.owner: owner}) for item in raw)

    def content(self, raw: tuple) -> tuple:
        return tuple(record_content(self.record, item) for item in raw)

    def layout(self) -> str:
        return f"list[{layout(self.record)}]"
