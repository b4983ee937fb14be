"""Accuracy on real news: findings on unmodified articles, and recall on injected errors.

    python bench/accuracy.py [--corpus ../shared/corpus/bbc] [--facts tests/data/bbc/facts.yaml]

Sites for mutants are found with plain searches built from the facts, not with
factlint's own analysis, so claims factlint fails to recognise count against it.

1. Lints every unmodified article (date window 2004-01-01..2005-12-31) and prints
   every finding: each must be reviewed (a real error in the article, or a false positive).
2. Builds mutants deterministically, each with exactly one injected error, and
   reports per mutation type how many the expected rule catches:

   holder-swap        a true "title + name" claim gets a person who did not hold the office in the window
   title-swap         a true claim gets the title of an office the person never held
   add-former         "former" added for someone holding the office throughout the window
   drop-former        "former" removed from someone who held the office only before the window
   event-date         a date attached to a known event, shifted by three days
   quote-anachronism  a titled mention impossible for the quote's speaker placed in a real quote

A mutant is made only where the facts decide the error (for instance, the office
is covered on every day of the window); elsewhere factlint is right to say nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from linter.analysis import analyse  # noqa: E402
from linter.checks.engine import evaluate  # noqa: E402
from linter.checks.rules import load_rules  # noqa: E402
from linter.dates import DateWindow  # noqa: E402
from linter.facts.load import load_facts  # noqa: E402
from linter.facts.model import FactBase, Office  # noqa: E402
from linter.facts.temporal import Claim, Truth, claim_truth, holds, tenures_overlap  # noqa: E402
from linter.findings import Finding  # noqa: E402
from linter.mentions.dates import find_dates  # noqa: E402
from linter.mentions.lexicon import Lexicon, build_lexicon  # noqa: E402
from linter.mentions.model import Analysis, DateMention  # noqa: E402
from linter.mentions.vocabulary import MONTHS, SENTENCE_OPENERS  # noqa: E402
from linter.segment.tokens import token_key  # noqa: E402
from linter.source.document import document_from_text, read_document  # noqa: E402

WINDOW = DateWindow(dt.date(2004, 1, 1), dt.date(2005, 12, 31))
MUTATIONS = ("holder-swap", "title-swap", "add-former", "drop-former", "event-date", "quote-anachronism")
EXPECTED_RULE = {
    "holder-swap": "office-holder",
    "title-swap": "office-holder",
    "add-former": "former-office-holder",
    "drop-former": "office-holder",
    "event-date": "event-date",
    "quote-anachronism": "quote-anachronism",
}
_MONTH_NAMES = {number: name for name, number in MONTHS.items() if len(name) > 4 or name == "May"}


@dataclass(frozen=True)
class Mutant:
    kind: str
    path: str
    start: int  # the edit: text[start:end] becomes replacement
    end: int
    replacement: str
    note: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


class MutantMaker:
    """Finds where each kind of error can be injected, *without* factlint's own analysis.

    Sites are found by plain searches built from the facts (a title followed by a
    name, with an optional organisation and modifier; a quotation attributed to a
    titled person; an event named near a date), so a claim that factlint fails to
    recognise still becomes a mutant and counts against recall.
    """

    def __init__(self, facts: FactBase) -> None:
        self.facts = facts
        self.unique_title_offices = self._unique_titles()
        self.phrases = [self._phrase_pattern(office) for office in sorted(facts.offices.values(), key=lambda o: o.id)]
        self.events = [
            (event, regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{'|'.join(event.mentions)})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE))
            for event in facts.events.values()
            if event.mentions
        ]

    def _unique_titles(self) -> list[tuple[str, Office]]:
        """(title, office) where the title alone means one office."""
        owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for office in self.facts.offices.values():
            for title in office.titles:
                owners[tuple(t.casefold() for t in token_key(title))].add(office.id)
        result = []
        for office in sorted(self.facts.offices.values(), key=lambda o: o.id):
            if covered(office, WINDOW):
                unique = [t for t in office.titles if owners[tuple(x.casefold() for x in token_key(t))] == {office.id}]
                if unique:
                    result.append((unique[0], office))
        return result

    def _phrase_pattern(self, office: Office) -> tuple[Office, regex.Pattern]:
        """'[former] [Organisation['s]] Title Name' for every title of the office and name of its holders."""
        def alternatives(items) -> str:
            return "|".join(regex.escape(item) for item in sorted(set(items), key=len, reverse=True))

        names = {name: tenure.who for tenure in office.holders for name in self.facts.entities[tenure.who].names}
        org_names = alternatives(self.facts.entities[office.organization].names) if office.organization else "(?!)"
        pattern = (
            rf"(?<![\p{{L}}\p{{N}}])(?P<former>(?:[Ff]ormer[\s-]+|[Ee]x-))?"
            rf"(?:(?P<org>(?:{org_names})(?:['’]s)? )|(?P<qual>\p{{Lu}}[\p{{L}}&-]*(?:['’]s)? ))?"
            rf"(?P<title>(?i:{alternatives(office.titles)}))\s+(?P<name>{alternatives(names)})(?![\p{{L}}\p{{N}}])"
        )
        return office, regex.compile(pattern), names

    def mutants(self, path: str, analysis: Analysis) -> list[Mutant]:
        text = analysis.document.text
        made: list[Mutant] = []
        for office, pattern, names in self.phrases:
            if not covered(office, WINDOW) or not any(name in text for name in names):
                continue
            for found in pattern.finditer(text):
                if _past_year_in_sentence(text, found.start()):
                    continue  # the claim is about that year, not the window (the rule)
                if text[max(0, found.start() - 20) : found.start()].split()[-1:] in ([w] for w in _ROLE_WORDS):
                    continue  # "assistant boss X", "deputy prime minister X": not a claim of this office
                person = names[found.group("name")]
                phrase_start, former_at = self._phrase_start(found)
                if found.group("former"):
                    tenures = office.tenures_of(person)
                    if tenures and all(t.end and t.end < WINDOW.start for t in tenures):
                        made.append(Mutant("drop-former", path, found.start("former"), found.end("former"), "", f"dropped {found.group('former').strip()!r}"))
                    continue
                if claim_truth(Claim.CURRENT, office, person, WINDOW) is not Truth.TRUE:
                    continue
                made += self._holder_swap(path, found, office, person)
                made += self._title_swap(path, found, phrase_start, person)
                if all(holds_throughout(o, person, WINDOW) for o in self._readings(found, person)):
                    made.append(Mutant("add-former", path, former_at, former_at, "former ", f"former {text[phrase_start:found.end('title')]}"))
        made += self._event_dates(path, analysis)
        made += self._quote_anachronisms(path, text)
        return list({(m.kind, m.start, m.end, m.replacement): m for m in made}.values())

    @staticmethod
    def _phrase_start(found: regex.Match) -> tuple[int, int]:
        """Where the title phrase starts (with its organisation or qualifier), and where 'former' goes."""
        qualifier = "org" if found.group("org") else "qual" if found.group("qual") else None
        if qualifier is None or found.group(qualifier).strip().casefold() in SENTENCE_OPENERS:
            return found.start("title"), found.start("title")
        possessive = found.group(qualifier).rstrip().endswith(("'s", "’s"))
        return found.start(qualifier), found.end(qualifier) if possessive else found.start(qualifier)

    def _readings(self, found: regex.Match, person: str) -> list[Office]:
        """Every office the title may mean for this person (all their offices with that title)."""
        title = found.group("title").casefold()
        return [o for o in self.facts.offices.values() if o.tenures_of(person) and title in {t.casefold() for t in o.titles}]

    def _holder_swap(self, path: str, found: regex.Match, office: Office, person: str) -> list[Mutant]:
        for tenure in office.holders:
            other = tenure.who
            # Not in the window in this office, nor in any other office with this title.
            if other != person and all(claim_truth(Claim.CURRENT, o, other, WINDOW) is Truth.FALSE for o in self._readings(found, other)):
                name = self.facts.entities[other].name
                return [Mutant("holder-swap", path, found.start("name"), found.end("name"), name, f"{name} for {found.group('name')}")]
        return []

    def _title_swap(self, path: str, found: regex.Match, phrase_start: int, person: str) -> list[Mutant]:
        held = {o.id for o in self.facts.offices.values() if o.tenures_of(person)}
        for title, office in self.unique_title_offices:
            if office.id not in held:
                written = found.string[phrase_start : found.end("title")]
                return [Mutant("title-swap", path, phrase_start, found.end("title"), title, f"{title} for {written}")]
        return []

    def _event_dates(self, path: str, analysis: Analysis) -> list[Mutant]:
        """An event named within a few words of a date that agrees with it, in one sentence."""
        text, made = analysis.document.text, []
        dates = find_dates(analysis.document.prose, analysis.tokens)
        for sentence in analysis.sentences:
            for event, pattern in self.events:
                for found in pattern.finditer(text, sentence.start, sentence.end):
                    editions = [e for e, p in self.events if p.pattern == pattern.pattern]
                    for date in dates:
                        if not sentence.contains(date.span) or _words_between(text, found.span(), (date.span.start, date.span.end)) > 12:
                            continue
                        if not any(day in event.when for day in date.candidates(WINDOW)):
                            continue
                        shifted = self._shifted(date, editions)
                        if shifted:
                            made.append(Mutant("event-date", path, date.span.start, date.span.end, shifted, f"{shifted} for {text[date.span.start:date.span.end]}"))
        return made

    @staticmethod
    def _shifted(date: DateMention, events) -> str | None:
        """The written date moved by a few days, to a day no edition of the event was held on."""
        base = dt.date(date.year or 2000, date.month, date.day)
        for offset in (3, -3, 10, -10, 30, -30, 90):
            day = base + dt.timedelta(days=offset)
            moved = DateMention(date.span, day.month, day.day, date.year and day.year)
            if not any(candidate in e.when for e in events for candidate in moved.candidates(WINDOW)):
                return f"{day.day} {_MONTH_NAMES[day.month]}" + (f" {day.year}" if date.year else "")
        return None

    def _quote_anachronisms(self, path: str, text: str) -> list[Mutant]:
        """'"...," said [Organisation] Title Name': put an impossible titled mention in the quote."""
        made = []
        for office, pattern, names in self.phrases:
            if not any(name in text for name in names):
                continue
            for found in pattern.finditer(text):
                if found.group("former"):
                    continue
                before = text[max(0, found.start() - 12) : found.start()]
                attribution = regex.search(r'[,.?!]["”]\s*(?:said|says)\s+(?:the\s+)?$', before)
                if not attribution:
                    continue
                person = names[found.group("name")]
                closing = found.start() - len(before) + attribution.start() + 1
                opening = max(text.rfind('"', 0, closing), text.rfind("“", 0, closing))
                if opening < 0 or "\n\n" in text[opening:closing]:
                    continue
                speaker_tenures = office.tenures_of(person)
                for title, other_office in self.unique_title_offices:
                    other = next((t.who for t in other_office.holders
                                  if tenures_overlap(speaker_tenures, other_office.tenures_of(t.who), WINDOW.end).truth is Truth.FALSE), None)
                    if other:
                        inserted = f"{title} {self.facts.entities[other].name} knew it. "
                        made.append(Mutant("quote-anachronism", path, opening + 1, opening + 1, inserted, inserted.strip()))
                        break
        return made


# Words that make a title name another role; the harness's own list (independent of the engine's).
_ROLE_WORDS = {"assistant", "deputy", "vice", "acting", "interim", "shadow", "joint", "caretaker", "honorary", "junior", "the late"}
_PAST_YEAR = regex.compile(r"\b(?:[Ii]n|[Dd]uring)\s+(?:the\s+)?(?:19\d\d|200[0-3])")


def _past_year_in_sentence(text: str, offset: int) -> bool:
    """'In 1981 ... boss Steve Jobs': a sentence that names a year before the window."""
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    ends = [i for i in (text.find(". ", offset), text.find("\n", offset)) if i >= 0]
    return bool(_PAST_YEAR.search(text, start, min(ends) if ends else len(text)))


def _words_between(text: str, first: tuple[int, int], second: tuple[int, int]) -> int:
    (_, a_end), (b_start, _) = sorted((first, second))
    return len(text[a_end:b_start].split())


def covered(office: Office, window: DateWindow) -> bool:
    """Somebody the facts name holds every seat on every day of the window."""
    day = window.start
    while day <= window.end:
        if len(office.holders_on(day)) < office.seats:
            return False
        day += dt.timedelta(days=1)
    return True


def holds_throughout(office: Office, person: str, window: DateWindow) -> bool:
    return any(t.start <= window.start and t.last_day >= window.end for t in office.tenures_of(person)) and holds(
        office, person, window.start
    ) is Truth.TRUE


def caught(mutant: Mutant, findings: list[Finding]) -> bool:
    """The expected rule fired on the edited region (allowing for the phrase around it)."""
    rule = EXPECTED_RULE[mutant.kind]
    low, high = mutant.start - 60, mutant.start + len(mutant.replacement) + 60
    return any(f.rule == rule and f.span.start < high and f.span.end > low for f in findings)


def run(corpus: Path, fact_files: list[str], show_missed: int) -> int:
    started = time.perf_counter()
    facts = load_facts(fact_files)
    lexicon: Lexicon = build_lexicon(facts)
    rules = load_rules()
    maker = MutantMaker(facts)
    paths = sorted(p for p in corpus.rglob("*.txt"))
    clean_findings: list[Finding] = []
    mutants: list[Mutant] = []
    texts: dict[str, str] = {}
    for path in paths:
        document = read_document(str(path))
        texts[str(path)] = document.text
        analysis = analyse(document, facts, lexicon, WINDOW)
        clean_findings += evaluate(analysis, rules)
        mutants += maker.mutants(str(path), analysis)

    print(f"factlint accuracy: {len(paths)} articles in {corpus}, facts {', '.join(fact_files)}, window {WINDOW}")
    print(f"\n== Findings on unmodified articles: {len(clean_findings)} ==")
    for finding in clean_findings:
        relative = Path(finding.path).relative_to(corpus)
        print(f"{relative}:{finding.line}:{finding.column}: {finding.severity} [{finding.rule}] {finding.message}")

    totals, hits = Counter(), Counter()
    missed: dict[str, list[Mutant]] = defaultdict(list)
    for mutant in mutants:
        text = mutant.apply(texts[mutant.path])
        document = document_from_text(text, mutant.path)
        findings = evaluate(analyse(document, facts, lexicon, WINDOW), rules)
        totals[mutant.kind] += 1
        if caught(mutant, findings):
            hits[mutant.kind] += 1
        else:
            missed[mutant.kind].append(mutant)

    print("\n== Recall on injected errors ==")
    print(f"{'mutation':<19}{'mutants':>8}{'caught':>8}{'recall':>9}")
    worst = 1.0
    for kind in MUTATIONS:
        recall = hits[kind] / totals[kind] if totals[kind] else float("nan")
        worst = min(worst, recall) if totals[kind] else worst
        print(f"{kind:<19}{totals[kind]:>8}{hits[kind]:>8}{recall:>9.1%}")
    for kind in MUTATIONS:
        for mutant in missed[kind][:show_missed]:
            excerpt = mutant.apply(texts[mutant.path])[max(0, mutant.start - 60) : mutant.start + len(mutant.replacement) + 60]
            print(f"  missed {kind}: {Path(mutant.path).relative_to(corpus)} ({mutant.note}): ...{' '.join(excerpt.split())}...")
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0 if not clean_findings and worst >= 0.95 and all(totals[k] for k in MUTATIONS) else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "bbc")
    parser.add_argument("--facts", action="append", default=None, help="fact file (repeatable)")
    parser.add_argument("--show-missed", type=int, default=5, help="missed mutants to print per type")
    arguments = parser.parse_args()
    if not arguments.corpus.is_dir():
        sys.exit(f"corpus not found: {arguments.corpus}")
    sys.exit(run(arguments.corpus, arguments.facts or [str(REPO / "tests" / "data" / "bbc" / "facts.yaml")], arguments.show_missed))


if __name__ == "__main__":
    main()
