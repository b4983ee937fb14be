"""The query `factlint facts query` prints, run by a SPARQL 1.1 engine (rdflib) over the fixture's data in
Wikidata's RDF mapping, answers with the facts the dump gives: the query is checked without a network.

The graph follows the mapping the query service indexes (https://www.mediawiki.org/wiki/Wikibase/Indexing/RDF_Dump_Format):
``wd:Q p:P39 wds:…``, ``wds:… ps:P39 wd:Q; wikibase:rank …; pq:P580 "…"^^xsd:dateTime; pqv:P580 wdv:…``,
value nodes with ``wikibase:timeValue``, ``timePrecision`` and ``timeCalendarModel``, ``wdt:`` for the
best-ranked statements, "unknown value" as a blank node, labels and aliases with their language.
``wikibase:isSomeValue``, a function of the query service, is given to rdflib.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO, run_cli

rdflib = pytest.importorskip("rdflib", reason="rdflib is in the test extra")

from rdflib import BNode, Graph, Literal, Namespace, URIRef  # noqa: E402
from rdflib.plugins.sparql.operators import register_custom_function  # noqa: E402

# Plain namespaces: pytest inspects a test module's names, and rdflib's defined ones warn at unknown attributes.
RDFS, SKOS = Namespace("http://www.w3.org/2000/01/rdf-schema#"), Namespace("http://www.w3.org/2004/02/skos/core#")
DATE_TIME = URIRef("http://www.w3.org/2001/XMLSchema#dateTime")

DUMP = REPO / "tests" / "data" / "wikidata" / "uk-dump.json"
POSITIONS = ["--position", "Q14211", "--position", "Q531471", "--position", "Q11696"]
NAMESPACES = {
    "wd": Namespace("http://www.wikidata.org/entity/"),
    "wdt": Namespace("http://www.wikidata.org/prop/direct/"),
    "p": Namespace("http://www.wikidata.org/prop/"),
    "ps": Namespace("http://www.wikidata.org/prop/statement/"),
    "pq": Namespace("http://www.wikidata.org/prop/qualifier/"),
    "pqv": Namespace("http://www.wikidata.org/prop/qualifier/value/"),
    "wds": Namespace("http://www.wikidata.org/entity/statement/"),
    "wdv": Namespace("http://www.wikidata.org/value/"),
    "wikibase": Namespace("http://wikiba.se/ontology#"),
    "rdfs": RDFS,
    "skos": SKOS,
}
WD, WDT, P, PS, PQ, PQV, WDS, WDV, WIKIBASE = (NAMESPACES[name] for name in ("wd", "wdt", "p", "ps", "pq", "pqv", "wds", "wdv", "wikibase"))


def time_literal(value: dict) -> Literal:
    """A time as the query service gives it: xsd:dateTime, month and day 1 below their precision."""
    year, month, day = value["time"][1:5], value["time"][6:8], value["time"][9:11]
    if value["precision"] <= 9 or month == "00":
        month, day = "01", "01"
    elif value["precision"] == 10 or day == "00":
        day = "01"
    return Literal(f"{year}-{month}-{day}T00:00:00Z", datatype=DATE_TIME)


def wikidata_graph(dump: Path) -> Graph:
    graph = Graph()
    for line in dump.read_text(encoding="utf-8").splitlines()[1:-1]:
        entity = json.loads(line.rstrip(","))
        subject = WD[entity["id"]]
        for language, label in entity["labels"].items():
            graph.add((subject, RDFS.label, Literal(label["value"], lang=language)))
        for language, aliases in entity["aliases"].items():
            for alias in aliases:
                graph.add((subject, SKOS.altLabel, Literal(alias["value"], lang=language)))
        for prop, statements in entity["claims"].items():
            live = [statement for statement in statements if statement["rank"] != "deprecated"]
            best = [statement for statement in live if statement["rank"] == "preferred"] or live
            for statement in statements:
                node, target = WDS[statement["id"].replace("$", "-")], WD[statement["mainsnak"]["datavalue"]["value"]["id"]]
                graph.add((subject, P[prop], node))
                graph.add((node, PS[prop], target))
                graph.add((node, WIKIBASE.rank, WIKIBASE[statement["rank"].capitalize() + "Rank"]))
                if statement in best:
                    graph.add((subject, WDT[prop], target))
                for qualifier, snaks in statement.get("qualifiers", {}).items():
                    for snak in snaks:
                        if snak["snaktype"] == "somevalue":
                            graph.add((node, PQ[qualifier], BNode()))
                        elif "time" in snak["datavalue"]["value"]:
                            value, literal = snak["datavalue"]["value"], time_literal(snak["datavalue"]["value"])
                            value_node = WDV[snak["hash"]]
                            graph.add((node, PQ[qualifier], literal))
                            graph.add((node, PQV[qualifier], value_node))
                            graph.add((value_node, WIKIBASE.timeValue, literal))
                            graph.add((value_node, WIKIBASE.timePrecision, Literal(value["precision"])))
                            graph.add((value_node, WIKIBASE.timeCalendarModel, URIRef(value["calendarmodel"])))
                        else:
                            graph.add((node, PQ[qualifier], WD[snak["datavalue"]["value"]["id"]]))
    return graph


def test_the_query_run_by_a_sparql_engine_answers_with_the_dump_s_facts(tmp_path):
    register_custom_function(WIKIBASE.isSomeValue, lambda term: Literal(isinstance(term, BNode)), override=True)
    query = run_cli("facts", "query", *POSITIONS).stdout
    prefixes = "".join(f"PREFIX {name}: <{namespace}>\n" for name, namespace in NAMESPACES.items())  # the query service declares these
    answer = wikidata_graph(DUMP).query(prefixes + query).serialize(format="json")
    (tmp_path / "answer.json").write_bytes(answer)
    assert {binding["row"]["value"] for binding in json.loads(answer)["results"]["bindings"]} == {"tenure", "organization", "name"}
    from_answer = run_cli("facts", "import", "answer.json", "--verified", "2025-03-28", "-o", "answer.yaml", cwd=tmp_path)
    from_dump = run_cli("facts", "import", str(DUMP), *POSITIONS, "-o", "dump.yaml", cwd=tmp_path)
    assert from_answer.returncode == 0 and from_dump.returncode == 0, from_answer.stderr + from_dump.stderr
    answer_lines, dump_lines = (tmp_path / "answer.yaml").read_text().splitlines(), (tmp_path / "dump.yaml").read_text().splitlines()
    assert answer_lines[1:] == dump_lines[1:]  # all but the header naming the file read
