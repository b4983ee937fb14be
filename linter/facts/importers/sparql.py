"""Wikidata through its query service: the query factlint needs, its answer, and asking for it over HTTPS.

The answer is the W3C's SPARQL 1.1 Query Results JSON Format
(https://www.w3.org/TR/sparql11-results-json/): ``{"head": {"vars": [...]}, "results":
{"bindings": [{"var": {"type": "uri" | "literal", "value": ..., "xml:lang" | "datatype": ...}}]}}``.
The query returns rows of three kinds, told apart by ``?row``: a P39 statement with its
qualifiers and rank (``tenure``), a position's organisation (``organization``), and a label or
alias (``name``); ``?retrieved`` is when the query ran, the day the facts were current.

:func:`fetch` asks a SPARQL endpoint (https://query.wikidata.org/sparql by default) as
Wikimedia's User-Agent policy asks (https://foundation.wikimedia.org/wiki/Policy:Wikimedia_Foundation_User-Agent_Policy:
``<client name>/<version> (<contact information>) <library>/<version>``), with a timeout, and
retries with exponential back-off (honouring ``Retry-After``) on 429, 5xx and network errors.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any, Literal, overload

from linter import __version__
from linter.errors import Location, UserError
from linter.facts.importers.wikidata import GREGORIAN, Snapshot, Statement, Time
from linter.facts.importers.yamltext import line_and_column, line_breaks

ENDPOINT = "https://query.wikidata.org/sparql"
ENTITY = "http://www.wikidata.org/entity/"
RANK = "http://wikiba.se/ontology#"
RETRIED = (429, 500, 502, 503, 504)  # "too many requests" and server trouble: worth asking again
BACKOFF = 1.0  # seconds before the first retry; doubled for each further one
LONGEST_WAIT = 120.0  # seconds: a longer Retry-After is not waited for in full
_BETWEEN = re.compile(r"[\s,]*")
_VARIABLES = (
    "row", "retrieved", "statement", "person", "position", "rank", "start", "startPrecision", "startCalendar",
    "end", "endPrecision", "endCalendar", "endUnknown", "replaces", "replacedBy", "organization", "organizationKind",
    "item", "label", "alias",
)


def query(positions: list[str], classes: list[str], languages: list[str]) -> str:
    """The SPARQL query whose answer ``factlint facts import`` reads."""
    if not positions and not classes:
        raise UserError("say which positions to ask for: --position Q14211 or --subclass-of Q2285706 (repeatable)")
    for item in (*positions, *classes):
        if not re.fullmatch(r"Q[1-9]\d*", item):
            raise UserError(f"'{item}' is not a Wikidata item id (Q followed by digits)")
    choices = []
    if positions:
        choices.append("{ VALUES ?position { " + " ".join(f"wd:{item}" for item in positions) + " } }")
    choices += [f"{{ ?position wdt:P279* wd:{item} . }}" for item in classes]
    langs = ", ".join(json.dumps(language) for language in (*languages, "mul"))
    return f"""# factlint facts query: who held these positions (Wikidata P39), with dates, ranks, names and organisations.
# Run it at https://query.wikidata.org/ and download the result as JSON (SPARQL results), then:
#   factlint facts import result.json --output facts.yaml
SELECT {" ".join("?" + name for name in _VARIABLES)} WHERE {{
  {{ SELECT DISTINCT ?position WHERE {{ {" UNION ".join(choices)} }} }}
  {{
    BIND("tenure" AS ?row)
    ?person p:P39 ?statement .
    ?statement ps:P39 ?position ; wikibase:rank ?rank .
    OPTIONAL {{ ?statement pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ; wikibase:timeCalendarModel ?startCalendar ] . }}
    OPTIONAL {{ ?statement pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ; wikibase:timeCalendarModel ?endCalendar ] . }}
    OPTIONAL {{ ?statement pq:P582 ?endValue . FILTER(wikibase:isSomeValue(?endValue)) BIND(true AS ?endUnknown) }}
    OPTIONAL {{ ?statement pq:P1365 ?replaces . }}
    OPTIONAL {{ ?statement pq:P1366 ?replacedBy . }}
  }}
  UNION {{ BIND("organization" AS ?row) ?position wdt:P1001 ?organization . BIND("place" AS ?organizationKind) }}
  UNION {{ BIND("organization" AS ?row) ?position wdt:P642 ?organization . BIND("organization" AS ?organizationKind) }}
  UNION {{ BIND("name" AS ?row) ?item p:P39/ps:P39 ?position ; rdfs:label ?label . FILTER(LANG(?label) IN ({langs})) }}
  UNION {{ BIND("name" AS ?row) ?item p:P39/ps:P39 ?position ; skos:altLabel ?alias . FILTER(LANG(?alias) IN ({langs})) }}
  UNION {{ BIND("name" AS ?row) ?position rdfs:label ?label . BIND(?position AS ?item) FILTER(LANG(?label) IN ({langs})) }}
  UNION {{ BIND("name" AS ?row) ?position skos:altLabel ?alias . BIND(?position AS ?item) FILTER(LANG(?alias) IN ({langs})) }}
  UNION {{ BIND("name" AS ?row) ?position wdt:P1001|wdt:P642 ?item . ?item rdfs:label ?label . FILTER(LANG(?label) IN ({langs})) }}
  UNION {{ BIND("name" AS ?row) ?position wdt:P1001|wdt:P642 ?item . ?item skos:altLabel ?alias . FILTER(LANG(?alias) IN ({langs})) }}
  BIND(NOW() AS ?retrieved)
}}
"""  # noqa: E501 -- the query is printed as written, one pattern a line, for people to read and paste


def read_answer(text: str, path: str) -> Snapshot:
    """The statements, names and organisations in an answer to :func:`query`; anything else is a located error."""
    try:
        answer = json.loads(text)
    except json.JSONDecodeError as error:
        raise UserError(f"not JSON: {error.msg}", Location(path, error.lineno, error.colno)) from None
    bindings = answer.get("results", {}).get("bindings") if isinstance(answer, dict) and isinstance(answer.get("results"), dict) else None
    variables = answer.get("head", {}).get("vars") if isinstance(answer, dict) and isinstance(answer.get("head"), dict) else None
    if not isinstance(bindings, list) or not isinstance(variables, list):
        raise UserError("not SPARQL query results in JSON (no head.vars and results.bindings)", Location(path, 1, 1))
    if "row" not in variables:
        raise UserError("not an answer to factlint's query (it has no ?row): run the query 'factlint facts query' prints", Location(path, 1, 1))
    lines = _binding_lines(text, len(bindings))
    reader = _AnswerReader(Snapshot(f"{path.rsplit('/', 1)[-1]} (a Wikidata query answer)"), path)
    for index, binding in enumerate(bindings):
        where = Location(path, *lines[index]) if index < len(lines) else Location(path)
        reader.row(binding, where)
    return reader.finish()


class _AnswerReader:
    def __init__(self, snapshot: Snapshot, path: str) -> None:
        self.snapshot, self.path = snapshot, path
        self.statements: dict[str, dict[str, Any]] = {}  # a statement's rows (one per predecessor and successor) merged

    def row(self, binding: Any, where: Location) -> None:
        if not isinstance(binding, dict):
            raise UserError("a binding must be an object", where)
        value = _Values(binding, where)
        kind = value.text("row", required=True)
        retrieved = value.text("retrieved")
        if retrieved:
            day = _day(retrieved, where)
            self.snapshot.current = max(self.snapshot.current or day, day)
        if kind == "tenure":
            self._tenure(value, where)
        elif kind == "organization":
            position, organization = value.item("position", required=True), value.item("organization", required=True)
            kind_of = value.text("organizationKind", required=True)
            if kind_of not in ("place", "organization"):
                raise UserError(f"?organizationKind must be 'place' or 'organization', not '{kind_of}'", where)
            known = self.snapshot.organizations.get(position)
            if known is None or (kind_of == "place" and known[1] != "place"):  # P1001 wins over P642, as in a dump
                self.snapshot.organizations[position] = (organization, kind_of)
        elif kind == "name":
            item = value.item("item", required=True)
            language: str | None = None
            if "label" in binding:
                text, language = value.literal("label")
                self.snapshot.labels.setdefault(item, {})[language] = text
            if "alias" in binding:
                text, language = value.literal("alias")
                names = self.snapshot.aliases.setdefault(item, {}).setdefault(language, [])
                if text not in names:
                    names.append(text)
            if language is None:
                raise UserError("a name row needs ?label or ?alias", where)
        else:
            raise UserError(f"?row must be 'tenure', 'organization' or 'name', not '{kind}'", where)

    def _tenure(self, value: _Values, where: Location) -> None:
        statement = value.text("statement", required=True)
        fields = self.statements.setdefault(statement, {"replaces": [], "replaced_by": []})
        fields.update(
            where=f"{where.path}:{where.line}" if where.line else where.path,
            person=value.item("person", required=True),
            position=value.item("position", required=True),
            rank=_rank(value.text("rank", required=True), where),
            start=value.time("start"),
            end=value.time("end"),
            end_unknown=value.text("endUnknown") == "true",
        )
        for variable, key in (("replaces", "replaces"), ("replacedBy", "replaced_by")):
            item = value.item(variable)
            if item and item not in fields[key]:
                fields[key].append(item)

    def finish(self) -> Snapshot:
        for fields in self.statements.values():
            self.snapshot.statements.append(
                Statement(**{**fields, "replaces": tuple(fields["replaces"]), "replaced_by": tuple(fields["replaced_by"])})
            )
        return self.snapshot


class _Values:
    """The values of one binding, each checked against what factlint's query gives."""

    def __init__(self, binding: dict, where: Location) -> None:
        self.binding, self.where = binding, where

    @overload
    def _term(self, variable: str, required: Literal[True]) -> dict: ...
    @overload
    def _term(self, variable: str, required: bool) -> dict | None: ...

    def _term(self, variable: str, required: bool) -> dict | None:
        term = self.binding.get(variable)
        if term is None:
            if required:
                raise UserError(f"this row needs ?{variable}", self.where)
            return None
        if not isinstance(term, dict) or not isinstance(term.get("value"), str):
            raise UserError(f"?{variable} must be an RDF term with a 'value'", self.where)
        return term

    @overload
    def text(self, variable: str, required: Literal[True]) -> str: ...
    @overload
    def text(self, variable: str, required: bool = False) -> str | None: ...

    def text(self, variable: str, required: bool = False) -> str | None:
        term = self._term(variable, required)
        return term["value"] if term else None

    @overload
    def item(self, variable: str, required: Literal[True]) -> str: ...
    @overload
    def item(self, variable: str, required: bool = False) -> str | None: ...

    def item(self, variable: str, required: bool = False) -> str | None:
        term = self._term(variable, required)
        if term is None:
            return None
        if term.get("type") != "uri" or not term["value"].startswith(ENTITY) or not re.fullmatch(r"Q\d+", term["value"][len(ENTITY):]):
            raise UserError(f"?{variable} must be a Wikidata item ({ENTITY}Q...), not '{term['value']}'", self.where)
        return term["value"][len(ENTITY):]

    def literal(self, variable: str) -> tuple[str, str]:
        term = self._term(variable, True)
        if "xml:lang" not in term:
            raise UserError(f"?{variable} must be a text with a language", self.where)
        return term["value"], term["xml:lang"]

    def time(self, variable: str) -> Time | None:
        value = self.text(variable)
        if value is None:
            return None
        precision = self.text(f"{variable}Precision", required=True)
        if not precision.isdigit():
            raise UserError(f"?{variable}Precision must be a whole number, not '{precision}'", self.where)
        return Time(value, int(precision), self.text(f"{variable}Calendar") or GREGORIAN)


def _rank(uri: str, where: Location) -> str:
    if not uri.startswith(RANK) or not uri.endswith("Rank"):
        raise UserError(f"?rank must be a Wikibase rank ({RANK}NormalRank...), not '{uri}'", where)
    return uri[len(RANK) : -len("Rank")].lower()


def _day(value: str, where: Location) -> dt.date:
    found = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if found:
        try:
            return dt.date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            pass
    raise UserError(f"?retrieved must be a date and time, not '{value}'", where)


def _binding_lines(text: str, count: int) -> list[tuple[int, int]]:
    """The line and column where each binding begins, for locating errors (empty if they cannot be found)."""
    found = re.search(r'"bindings"\s*:\s*\[', text)
    if not found:
        return []
    decoder, position, starts = json.JSONDecoder(), found.end(), []
    try:
        for _ in range(count):
            between = _BETWEEN.match(text, position)
            assert between is not None  # the pattern matches the empty string, so anywhere
            position = between.end()
            starts.append(position)
            position = decoder.raw_decode(text, position)[1]
    except json.JSONDecodeError:
        return []
    breaks = line_breaks(text)
    return [line_and_column(text, start, breaks) for start in starts]


def user_agent(contact: str) -> str:
    return f"factlint/{__version__} ({contact}) Python-urllib/{sys.version_info.major}.{sys.version_info.minor}"


def fetch(
    endpoint: str, text: str, contact: str, timeout: float, retries: int, say: Callable[[str], None], sleep: Callable[[float], None] = time.sleep
) -> bytes:
    """The answer of ``endpoint`` to the query ``text``, asking again after a pause when the service is busy or unreachable."""
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise UserError(f"--endpoint must be an http(s) URL, not '{endpoint}'")
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"query": text}).encode(),
        headers={"Accept": "application/sparql-results+json", "User-Agent": user_agent(contact)},
    )
    attempt = 0
    while True:
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            if error.code not in RETRIED or attempt == retries:
                detail = error.read(300).decode("utf-8", "replace").strip().splitlines()
                raise UserError(f"{endpoint} answered {error.code} {error.reason}{': ' + detail[0] if detail else ''}") from None
            wait, why = _retry_after(error.headers.get("Retry-After"), attempt), f"{error.code} {error.reason}"
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            reason = getattr(error, "reason", error)
            why = f"no answer within {timeout:g} s" if isinstance(reason, TimeoutError) else str(reason)
            if attempt == retries:
                raise UserError(f"{endpoint}: {why} (after {attempt + 1} attempt{'s' if attempt else ''})") from None
            wait = BACKOFF * 2**attempt
        attempt += 1
        say(f"{endpoint}: {why}; asking again in {wait:g} s (attempt {attempt + 1} of {retries + 1})")
        sleep(wait)


def _retry_after(header: str | None, attempt: int) -> float:
    """Seconds to wait: the server's Retry-After (in seconds, at most LONGEST_WAIT), else exponential back-off."""
    if header and header.strip().isdigit():
        return min(float(header.strip()), LONGEST_WAIT)
    return BACKOFF * 2**attempt
