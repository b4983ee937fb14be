"""Import speed and memory on a generated Wikidata dump: memory must not grow with the dump.

    python bench/import_dump.py [--lines 250000,1000000] [--gzip] [--dir DIR]

For each size it writes a dump deterministically (seed 14) in the published format (a JSON
array, one entity per line) unless DIR already holds it: a catalogue of 200 countries, 40 position
classes and 1,000 positions (50 of them subclasses of "head of government", Q2285706), then
entity lines of which 76% are other items (a few labels, descriptions and an "instance of"
statement), 4% classes (P279 into an unrelated hierarchy) and 20% people, a fifth of whom hold
positions not asked for. Exactly 2,000 tenures of the 50 positions asked for are spread evenly
through the dump, so every size imports the same facts and any growth in memory would be the
dump's. Each import runs in a fresh process (``--subclass-of Q2285706``: both passes, the
subclass graph, the statements and the merge into a new fact file) and reports wall time, MB/s of
uncompressed dump, peak RSS (``resource.getrusage``) and, in a second run, the peak of Python's
allocations (``tracemalloc``). ``--gzip`` also measures the gzip-compressed dump of each size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
HEAD_OF_GOVERNMENT = "Q2285706"
SELECTED_TENURES = 2000
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "mul")
_SYLLABLES = "ka ri to me sa lo ne vi da mu ra ko pe li su na ta go be zi".split()


def _name(rng: random.Random) -> str:
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(2))


def _item_snak(prop: str, item: str) -> dict:
    value = {"entity-type": "item", "numeric-id": int(item[1:]), "id": item}
    return {"snaktype": "value", "property": prop, "hash": f"{zlib.crc32(f'{prop}{item}'.encode()):08x}",
            "datavalue": {"value": value, "type": "wikibase-entityid"}, "datatype": "wikibase-item"}


def _time_snak(prop: str, year: int, month: int, day: int) -> dict:
    value = {"time": f"+{year:04d}-{month:02d}-{day:02d}T00:00:00Z", "timezone": 0, "before": 0, "after": 0, "precision": 11, "calendarmodel": GREGORIAN}
    return {"snaktype": "value", "property": prop, "datavalue": {"value": value, "type": "time"}, "datatype": "time"}


def _statement(item: str, prop: str, target: str, number: int, qualifiers: dict | None = None) -> dict:
    statement = {"mainsnak": _item_snak(prop, target), "type": "statement", "id": f"{item}${number:08X}-0000-4000-8000-{number:012X}", "rank": "normal"}
    if qualifiers:
        statement["qualifiers"] = qualifiers
        statement["qualifiers-order"] = list(qualifiers)
    return statement


def _entity(item: str, rng: random.Random, claims: dict, name: str | None = None) -> dict:
    name = name or _name(rng)
    languages = rng.sample(LANGUAGES, rng.randint(2, 5))
    return {
        "type": "item", "id": item,
        "labels": {language: {"language": language, "value": name} for language in languages},
        "descriptions": {language: {"language": language, "value": f"generated item {item}"} for language in languages[:2]},
        "aliases": {"en": [{"language": "en", "value": f"{name} {rng.choice(_SYLLABLES).upper()}"}]} if rng.random() < 0.3 else {},
        "claims": claims, "sitelinks": {}, "lastrevid": 2000000000 + int(item[1:]), "modified": "2025-03-01T00:00:00Z",
    }


def _tenure(person: str, position: str, rng: random.Random, number: int) -> dict:
    start = rng.randint(1950, 2020)
    qualifiers = {"P580": [_time_snak("P580", start, rng.randint(1, 12), rng.randint(1, 28))]}
    if rng.random() < 0.9:
        qualifiers["P582"] = [_time_snak("P582", start + rng.randint(1, 4), rng.randint(1, 12), rng.randint(1, 28))]
    return _statement(person, "P39", position, number, qualifiers)


def generate(lines: int, path: Path, seed: int = 14) -> None:
    """A dump of ``lines`` entity lines; the same for the same size and seed."""
    rng = random.Random(seed)
    countries = [f"Q{1000 + number}" for number in range(200)]
    classes = [HEAD_OF_GOVERNMENT, *(f"Q{3000 + number}" for number in range(39))]
    positions = [f"Q{10000 + number}" for number in range(1000)]
    selected = positions[:50]
    catalogue = [_entity(country, rng, {"P31": [_statement(country, "P31", "Q6256", 1)]}) for country in countries]
    catalogue += [_entity(item, rng, {"P279": [_statement(item, "P279", "Q4164871", 1)]}) for item in classes]
    for index, position in enumerate(positions):
        parent = HEAD_OF_GOVERNMENT if position in selected else classes[1 + index % 39]
        claims = {"P279": [_statement(position, "P279", parent, 1)], "P1001": [_statement(position, "P1001", rng.choice(countries), 2)]}
        catalogue.append(_entity(position, rng, claims))
    rest = lines - len(catalogue)
    every = rest // SELECTED_TENURES
    number = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write("[\n")
        for entity in catalogue:
            out.write(json.dumps(entity, separators=(",", ":")) + ",\n")
        for index in range(rest):
            item = f"Q{100000 + index}"
            roll = rng.random()
            if index % every == 0 and index // every < SELECTED_TENURES:  # a holder of a position asked for
                number += 1
                claims = {"P31": [_statement(item, "P31", "Q5", 1)], "P39": [_tenure(item, rng.choice(selected), rng, number)]}
            elif roll < 0.04:  # a class, in a hierarchy of its own
                claims = {"P279": [_statement(item, "P279", f"Q{100000 + rng.randrange(max(index, 1))}", 1)]}
            elif roll < 0.24:  # a person; one in five held positions not asked for
                claims = {"P31": [_statement(item, "P31", "Q5", 1)]}
                if rng.random() < 0.2:
                    claims["P39"] = [_tenure(item, rng.choice(positions[50:]), rng, number + 1 + k) for k in range(rng.randint(1, 3))]
            else:
                claims = {"P31": [_statement(item, "P31", f"Q{rng.randint(2, 99999)}", 1)]}
            out.write(json.dumps(_entity(item, rng, claims), separators=(",", ":")) + (",\n" if index < rest - 1 else "\n"))
        out.write("]\n")


MEASURE = """
import json, resource, sys, time, tracemalloc
from linter.facts.importers.dump import read_dump
from linter.facts.importers.merge import merge
from linter.facts.importers.wikidata import build
traced = sys.argv[2] == "traced"
if traced:
    tracemalloc.start()
started = time.perf_counter()
snapshot = read_dump(sys.argv[1], set(), {"Q2285706"}, ["en"])
imported = build(snapshot, ["en"])
text = merge(imported, "facts.yaml", None).text
seconds = time.perf_counter() - started
print(json.dumps({
    "seconds": seconds,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "traced_mb": tracemalloc.get_traced_memory()[1] / 2**20 if traced else None,
    "tenures": sum(len(office.tenures) for office in imported.offices.values()),
    "offices": len(imported.offices), "warnings": len(imported.warnings), "output_bytes": len(text.encode()),
}))
"""


def measure(path: Path, traced: bool) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE, str(path), "traced" if traced else "plain"],
                            cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", default="250000,1000000", help="comma-separated dump sizes, in entity lines")
    parser.add_argument("--gzip", action="store_true", help="also measure each dump compressed with gzip")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "factlint-bench-dumps", help="where the dumps are kept")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    print(f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| entity lines | dump | MB | s | MB/s | peak RSS MB | Python allocations, peak MB | tenures imported |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for lines in (int(size) for size in args.lines.split(",")):
        plain = args.dir / f"dump-{lines}.json"
        if not plain.exists():
            generate(lines, plain)
        files = [plain]
        if args.gzip:
            compressed = plain.with_suffix(".json.gz")
            if not compressed.exists():
                with open(plain, "rb") as source, gzip.open(compressed, "wb", compresslevel=6) as target:
                    while chunk := source.read(1 << 20):
                        target.write(chunk)
            files.append(compressed)
        megabytes = plain.stat().st_size / 1e6
        for path in files:
            run, traced = measure(path, traced=False), measure(path, traced=True)
            kind = "gzip" if path.suffix == ".gz" else "plain"
            size = path.stat().st_size / 1e6
            print(f"| {lines:,} | {kind} | {size:,.0f} | {run['seconds']:.1f} | {megabytes / run['seconds']:.0f} | "
                  f"{run['rss_mb']:.0f} | {traced['traced_mb']:.1f} | {run['tenures']:,} |", flush=True)


if __name__ == "__main__":
    main()
