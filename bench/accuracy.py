"""Accuracy on copy nobody tuned factlint on: two real corpora and a probe set, in halves.

    python bench/accuracy.py                      # both corpora and the probes, both halves
    python bench/accuracy.py --half tune          # only the half the engine may be tuned on
    python bench/accuracy.py --corpus reuters --half tune --show-missed 10 --show-findings

**Halves.** Every corpus, and the probe set, is split in two by a fixed rule decided before
any tuning: the first byte of the SHA-256 of an article's path inside its corpus (a probe's
id) is even for the ``tune`` half and odd for the ``held-out`` half. The engine is changed
looking only at the tune half; the held-out half gives the figures reported as the result.

**Corpora.** ``bbc``: 1,333 undated BBC articles of 2004-2005 (window 2004-01-01..2005-12-31)
against tests/data/bbc/facts.yaml. ``reuters``: 10,051 Reuters stories of 1987, each dated by
its front matter, against tests/data/reuters/facts.yaml. For each article:

1. The unmodified article is linted. Every finding at warning or above is either a real error
   of the published copy (listed, with the reason, in tests/data/<corpus>/published-errors.yaml)
   or a false alarm.
2. Mutants are made, each with exactly one injected error, and the expected rule must catch it.
   Sites are found with plain searches built from the facts, never with factlint's analysis,
   so a claim factlint does not recognise counts against it:

   holder-swap        a true "title + name" claim gets a person who did not hold the office then
   title-swap         a true claim gets the title of an office the person never held
   add-former         "former" added for someone holding the office throughout the article's window
   drop-former        "former" removed from someone who held the office only before the window
   event-date         a date attached to a known event moved to a day no edition of it was held
   quote-anachronism  a present-tense titled mention impossible for the quote's titled speaker
   quote-wording      one word of a recorded quotation changed
   quote-speaker      a recorded quotation attributed to another known person

   A mutant is made only where the facts decide the error. The quotations that the quote-wording
   and quote-speaker mutants change are recorded from the corpus itself: a quotation of ten words
   or more that the copy attributes to a known person with "said NAME" or "NAME said:" becomes a
   canonical quote of that person (the published copy is taken to quote correctly).

**Probes**: hand-written dated sentences, correct and wrong variants of each kind of claim,
with the rules a careful fact-checker expects; a probe with ``expect: []`` must give no finding
at warning or above, one with ``expect: [rule]`` must give that rule. ``probes``
(tests/data/probes/) is split in halves like the corpora; ``probes-blind`` to ``probes-blind-6``
were written later by people who saw neither the engine nor the earlier
sets nor factlint's output, and are held out whole.

``--articles DIR`` measures any folder of dated Markdown articles the same way (for example
news pages of 2019-2025, kept outside the repository, against the probes' modern fact file).

Exit code 0 when the held-out halves meet the targets (at most 1 false alarm per 1,000
articles, recall of at least 95% for every mutation type and probe kind, no false alarm on
the probes), else 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import multiprocessing
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from linter.analysis import analyse  # noqa: E402
from linter.checks.engine import evaluate  # noqa: E402
from linter.checks.rules import load_rules  # noqa: E402
from linter.dates import DateWindow  # noqa: E402
from linter.facts.load import load_facts  # noqa: E402
from linter.facts.model import FactBase, Office, Quote  # noqa: E402
from linter.facts.temporal import Claim, Truth, claim_truth, holds, tenures_overlap  # noqa: E402
from linter.findings import Finding  # noqa: E402
from linter.mentions.dates import find_dates  # noqa: E402
from linter.mentions.lexicon import build_lexicon  # noqa: E402
from linter.mentions.model import Analysis, DateMention  # noqa: E402
from linter.mentions.vocabulary import MONTHS, SENTENCE_OPENERS  # noqa: E402
from linter.runner import document_date  # noqa: E402
from linter.segment.tokens import token_key  # noqa: E402
from linter.source.document import Document  # noqa: E402
from linter.source.read import document_from_text, read_document  # noqa: E402
from linter.yamlio import load_yaml  # noqa: E402

SHARED = REPO.parent / "shared" / "corpus"
HALVES = ("tune", "held-out")
MUTATIONS = (
    "holder-swap", "title-swap", "add-former", "drop-former", "event-date", "quote-anachronism", "quote-wording", "quote-speaker",
)
EXPECTED_RULE = {
    "holder-swap": "office-holder",
    "title-swap": "office-holder",
    "add-former": "former-office-holder",
    "drop-former": "office-holder",
    "event-date": "event-date",
    "quote-anachronism": "quote-anachronism",
    "quote-wording": "quote-wording",
    "quote-speaker": "quote-speaker",
}
REPORTED_SEVERITIES = ("error", "warning")  # "at warning or above"
MAX_FALSE_ALARMS_PER_1000 = 1.0
MIN_RECALL = 0.95
_MONTH_NAMES = {number: name for name, number in MONTHS.items() if len(name) > 4 or name in ("May", "June", "July")}


def half_of(key: str) -> str:
    """The fixed split: the first byte of the key's SHA-256, even for "tune", odd for "held-out"."""
    return HALVES[hashlib.sha256(key.encode("utf-8")).digest()[0] % 2]


@dataclass(frozen=True)
class Corpus:
    name: str
    root: Path
    glob: str
    facts: tuple[str, ...]
    window: DateWindow | None = None  # None: each article's front matter dates it

    def paths(self) -> list[Path]:
        return sorted(self.root.glob(self.glob))

    def key(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def window_of(self, document: Document) -> DateWindow:
        window = self.window or document_date(document)
        if window is None:
            raise SystemExit(f"{document.path}: no date in its front matter")
        return window


CORPORA = {
    "bbc": Corpus(
        "bbc", SHARED / "bbc", "*/*.txt", (str(REPO / "tests/data/bbc/facts.yaml"), str(REPO / "tests/data/bbc/relations.yaml")),
        DateWindow(dt.date(2004, 1, 1), dt.date(2005, 12, 31)),
    ),
    "reuters": Corpus("reuters", SHARED / "reuters-1987" / "articles", "*.md", (str(REPO / "tests/data/reuters/facts.yaml"),)),
}
# For --articles: UK, US and European offices, events and quotations of 2016-2025 (the probes' facts).
MODERN_FACTS = REPO / "tests" / "data" / "probes" / "facts.yaml"

# The probe sets: "probes" is split in halves like the corpora; "probes-blind", "probes-blind-2" and
# on were written later, each without sight of the engine, the earlier sets or factlint's output,
# and are held out whole (docs/accuracy.md says when each was first scored). Every folder of
# tests/data with a probes.yaml is one, in the order they were written.
def _written_order(folder: Path) -> tuple[int, str]:
    number = folder.name.rsplit("-", 1)[-1]
    return (int(number) if number.isdigit() else 0 if folder.name == "probes" else 1, folder.name)


PROBE_SETS = {
    folder.name: folder for folder in sorted((path.parent for path in (REPO / "tests" / "data").glob("probes*/probes.yaml")), key=_written_order)
}


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


# Words that make a title name another role; the harness's own list (independent of the engine's).
_ROLE_WORDS = {"assistant", "deputy", "vice", "acting", "interim", "shadow", "joint", "caretaker", "honorary", "junior", "late"}
# Words that say "no longer in office" by themselves: "deposed former president X" without "former"
# is still correct copy, so dropping that "former" plants no error.
_STILL_PAST = regex.compile(r"(?i)\b(?:deposed|ousted|toppled|overthrown|exiled|erstwhile|onetime|then|late)[\s-]+$")
# "his former boss X", "Blair's former chancellor X": without "former" the words name a relation to
# a person ("his boss X", the boss he had), not a claim that X holds the office now (docs/rules.md).
_RELATION_BEFORE = regex.compile(r"(?i)(?:\b(?:his|her|their)|\w['’]s)\s+$")
_PAST_YEAR = regex.compile(r"\b(?:[Ii]n|[Dd]uring|[Oo]n)\s+(?:the\s+)?(?:\d{1,2}\s+\p{Lu}\p{Ll}+\s+)?(?:1[89]\d\d|20\d\d)")
_QUOTE_TEXT = r"(?P<quote>[^\"“”\n]{50,600}?)"


class MutantMaker:
    """Finds where each kind of error can be injected, *without* factlint's own analysis.

    Sites are found by plain searches built from the facts (a title followed by a name, with
    an optional organisation and modifier; a quotation attributed to a titled person; an event
    named near a date; a recorded quotation), so a claim that factlint fails to recognise still
    becomes a mutant and counts against recall.
    """

    def __init__(self, facts: FactBase) -> None:
        self.facts = facts
        self.phrases = [self._phrase_pattern(office) for office in sorted(facts.offices.values(), key=lambda o: o.id)]
        self.events = [
            (event, regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{'|'.join(event.mentions)})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE))
            for event in facts.events.values()
            if event.mentions
        ]
        self.people = sorted(e.id for e in facts.entities.values() if e.type == "person")
        self.title_owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for office in facts.offices.values():
            for title in office.titles:
                self.title_owners[_folded(title)].add(office.id)

    def _unique_titles(self, window: DateWindow) -> list[tuple[str, Office]]:
        """(title, office) where the title alone means one office, covered in the window."""
        result = []
        for office in sorted(self.facts.offices.values(), key=lambda o: o.id):
            if covered(office, window):
                unique = [t for t in office.titles if self.title_owners[_folded(t)] == {office.id}]
                if unique:
                    result.append((unique[0], office))
        return result

    def _phrase_pattern(self, office: Office) -> tuple[Office, regex.Pattern, dict[str, str]]:
        """'[former] [Organisation['s] | Qualifier] Title Name' for every title of the office and name of its holders."""

        def alternatives(items) -> str:
            return "|".join(regex.escape(item) for item in sorted(set(items), key=len, reverse=True))

        names = {name: tenure.who for tenure in office.holders for name in self.facts.entities[tenure.who].names}
        org_names = alternatives(self.facts.entities[office.organization].names) if office.organization else "(?!)"
        pattern = (
            rf"(?<![\p{{L}}\p{{N}}])(?P<former>(?:[Ff]ormer[\s-]+|[Ee]x-))?"
            rf"(?:(?P<org>(?:{org_names})(?:['’]s)? )|(?P<qual>(?:\p{{Lu}}\.)+|\p{{Lu}}[\p{{L}}&-]*(?:['’]s)? ))?"
            # Space between title and name, a line break at most: "... as PM\n\nBoris Johnson has" is a
            # headline's last word and the next paragraph's first, no phrase to mutate.
            rf"(?P<title>(?i:{alternatives(office.titles)}))(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?P<name>{alternatives(names)})(?![\p{{L}}\p{{N}}])"
        )
        return office, regex.compile(pattern), names

    def mutants(self, path: str, analysis: Analysis, window: DateWindow) -> list[Mutant]:
        text = analysis.document.text
        made: list[Mutant] = []
        unique_titles = self._unique_titles(window)
        for office, pattern, names in self.phrases:
            if not covered(office, window) or not any(name in text for name in names):
                continue
            for found in pattern.finditer(analysis.document.prose):
                if _past_year_in_sentence(text, found.start()) or _inside_quotation(text, found.start()):
                    continue  # the claim may be about that year, or is a speaker's words
                if _after_role_word(text, found.start()):
                    continue  # "assistant boss X", "deputy prime minister X": not a claim of this office
                if not found.group("former") and regex.search(r"(?i)\b(?:former|ex)\b[\s-]*(?:\S+\s+){0,2}$", text[max(0, found.start("title") - 40) : found.start("title")]):
                    continue  # "Brazil's former central bank governor X": a claim about the past the pattern did not parse
                person = names[found.group("name")]
                phrase_start, former_at = self._phrase_start(found)
                if found.group("former"):
                    before = text[max(0, found.start("former") - 20) : found.start("former")]
                    if _STILL_PAST.search(text, max(0, found.start() - 20), found.start()) or _RELATION_BEFORE.search(before):
                        continue  # "deposed former president X", "his former boss X": without "former" no error
                    tenures = office.tenures_of(person)
                    if tenures and all(t.end and t.end < window.start for t in tenures) and self._only_reading(found, office, person):
                        made.append(Mutant("drop-former", path, found.start("former"), found.end("former"), "", f"dropped {found.group('former').strip()!r}"))
                    continue
                if claim_truth(Claim.CURRENT, office, person, window) is not Truth.TRUE:
                    continue
                made += self._holder_swap(path, found, office, person, window)
                made += self._title_swap(path, found, phrase_start, person, unique_titles)
                if all(holds_throughout(o, person, window) for o in self._readings(found, person)):
                    opening = not text[:former_at].strip() or regex.search(r"(?:\n|[.!?][\"”’]?\s)\s*$", text[max(0, former_at - 4) : former_at])
                    former = "Former " if opening else "former "  # a headline or sentence opens with a capital
                    made.append(Mutant("add-former", path, former_at, former_at, former, f"{former}{text[phrase_start:found.end('title')]}"))
        made += self._event_dates(path, analysis, window)
        made += self._quote_anachronisms(path, text, window, unique_titles)
        made += self._recorded_quotes(path, text)
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
        title = _folded(found.group("title"))
        return [self.facts.offices[o] for o in sorted(self.title_owners[title]) if self.facts.offices[o].tenures_of(person)]

    def _only_reading(self, found: regex.Match, office: Office, person: str) -> bool:
        """Dropping "former" is an error only if every office the title may mean was left before the window."""
        return all(o.id == office.id for o in self._readings(found, person))

    def _holder_swap(self, path: str, found: regex.Match, office: Office, person: str, window: DateWindow) -> list[Mutant]:
        for tenure in office.holders:
            other = tenure.who
            # Not in the window in this office, nor in any other office with this title.
            if other != person and all(claim_truth(Claim.CURRENT, o, other, window) is Truth.FALSE for o in self._readings(found, other)):
                name = self.facts.entities[other].name
                return [Mutant("holder-swap", path, found.start("name"), found.end("name"), name, f"{name} for {found.group('name')}")]
        return []

    def _title_swap(self, path: str, found: regex.Match, phrase_start: int, person: str, unique_titles) -> list[Mutant]:
        held = set(self.facts.holder_offices.get(person, ()))
        for title, office in unique_titles:
            if office.id not in held:
                written = found.string[phrase_start : found.end("title")]
                return [Mutant("title-swap", path, phrase_start, found.end("title"), title, f"{title} for {written}")]
        return []

    def _event_dates(self, path: str, analysis: Analysis, window: DateWindow) -> list[Mutant]:
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
                        if not any(day in event.when for day in date.candidates(window)):
                            continue
                        shifted = self._shifted(date, editions, window)
                        if shifted:
                            made.append(Mutant("event-date", path, date.span.start, date.span.end, shifted, f"{shifted} for {text[date.span.start:date.span.end]}"))
        return made

    @staticmethod
    def _shifted(date: DateMention, events, window: DateWindow) -> str | None:
        """The written date moved by a few days, to a day and month no edition of the event was held on."""
        base = dt.date(date.year or 2000, date.month, date.day)
        held = {(day.month, day.day) for e in events for day in _days(e.when)}
        for offset in (3, -3, 10, -10, 30, -30, 90):
            day = base + dt.timedelta(days=offset)
            if (day.month, day.day) not in held:
                return f"{day.day} {_MONTH_NAMES[day.month]}" + (f" {day.year}" if date.year else "")
        return None

    def _quote_anachronisms(self, path: str, text: str, window: DateWindow, unique_titles) -> list[Mutant]:
        """A quotation attributed to a titled speaker ('"...," said Title Name', '"...," Title Name
        said', 'Title Name said: "..."'): put in it a present-tense titled mention of someone whose
        tenure never overlapped the speaker's."""
        made = []
        for office, pattern, names in self.phrases:
            if not any(name in text for name in names):
                continue
            for found in pattern.finditer(text):
                if found.group("former") or _after_role_word(text, found.start()):
                    continue
                opening = _quotation_attributed_to(text, found)
                if opening is None:
                    continue
                speaker_tenures = office.tenures_of(names[found.group("name")])
                for title, other_office in unique_titles:
                    other = next(
                        (t.who for t in other_office.holders if tenures_overlap(speaker_tenures, other_office.tenures_of(t.who), window.end).truth is Truth.FALSE),
                        None,
                    )
                    if other:
                        inserted = f"{title} {self.facts.entities[other].name} is with us on this. "
                        made.append(Mutant("quote-anachronism", path, opening + 1, opening + 1, inserted, inserted.strip()))
                        break
        return made

    def _recorded_quotes(self, path: str, text: str) -> list[Mutant]:
        """Change one word of a recorded quotation, or give it to another known person."""
        made = []
        for quote in self.facts.quotes.values():
            if not quote.id.startswith(f"corpus:{path}:"):
                continue
            start = int(quote.id.rsplit(":", 1)[1])
            words = list(regex.finditer(r"\p{L}{5,}", text, pos=start, endpos=start + len(quote.text)))
            if len(words) >= 2:
                word = max(words[1:], key=lambda m: (len(m.group()), -m.start()))
                changed = "anything" if word.group().casefold() == "something" else "something"
                made.append(Mutant("quote-wording", path, word.start(), word.end(), changed, f"'{changed}' for '{word.group()}'"))
            attribution = _attribution_of(text, start, quote.text)
            others = [p for p in self.people if p != quote.speaker]
            other = next((p for p in others if not self.facts.holder_offices.get(p)), others[0] if others else None)
            if attribution and other:
                name = self.facts.entities[other].name
                made.append(Mutant("quote-speaker", path, attribution[0], attribution[1], name, f"{name} for {text[attribution[0]:attribution[1]]}"))
        return made


def _after_role_word(text: str, offset: int) -> bool:
    """'acting head coach X', 'deputy prime minister X': the phrase names another role."""
    return text[max(0, offset - 20) : offset].split()[-1:] in ([w] for w in _ROLE_WORDS)


def _quotation_attributed_to(text: str, found: regex.Match) -> int | None:
    """Where the opening quotation mark is, if the titled name ``found`` speaks a quotation in its paragraph."""
    before = text[max(0, found.start() - 12) : found.start()]
    after = regex.match(r'\s+(?:said|says)(?:\s+on\s+\p{Lu}\p{Ll}+)?:\s*["“]', text, pos=found.end())
    if after:
        return after.end() - 1  # 'Title Name said: "..."'
    attribution = regex.search(r'[,?!]["”]\s*(?:(?:said|says)\s+(?:the\s+)?)?$', before)
    if not attribution or not (attribution.group().rstrip().endswith(("said", "says", "the")) or regex.match(r"\s+(?:said|says)\b", text[found.end() :])):
        return None  # neither '"...," said Title Name' nor '"...," Title Name said'
    closing = found.start() - len(before) + attribution.start() + 1
    opening = max(text.rfind('"', 0, closing), text.rfind("“", 0, closing))
    return None if opening < 0 or "\n\n" in text[opening:closing] else opening


def _folded(title: str) -> tuple[str, ...]:
    return tuple(token.casefold() for token in token_key(title))


def _days(window: DateWindow):
    day = window.start
    while day <= window.end:
        yield day
        day += dt.timedelta(days=1)


def _sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    ends = [i for i in (text.find(". ", offset), text.find("\n", offset)) if i >= 0]
    return start, min(ends) if ends else len(text)


def _past_year_in_sentence(text: str, offset: int) -> bool:
    """'In 1981 ... boss Steve Jobs': a sentence that names a year may speak of that year."""
    return bool(_PAST_YEAR.search(text, *_sentence_bounds(text, offset)))


def _inside_quotation(text: str, offset: int) -> bool:
    """An odd number of quotation marks before ``offset`` in its paragraph: a speaker's words, not the article's."""
    paragraph = text.rfind("\n\n", 0, offset) + 1
    marks = regex.findall(r'["“”]', text[paragraph:offset])
    return len(marks) % 2 == 1


def _words_between(text: str, first: tuple[int, int], second: tuple[int, int]) -> int:
    (_, a_end), (b_start, _) = sorted((first, second))
    return len(text[a_end:b_start].split())


def covered(office: Office, window: DateWindow) -> bool:
    """Somebody the facts name holds every seat on every day of the window."""
    return all(len(office.holders_on(day)) >= office.seats for day in _days(window))


def holds_throughout(office: Office, person: str, window: DateWindow) -> bool:
    # The last day of a tenure is the handover day, on which "former" is true as well (docs/rules.md).
    return any(t.start <= window.start and t.last_day > window.end for t in office.tenures_of(person)) and holds(
        office, person, window.start
    ) is Truth.TRUE


def caught(mutant: Mutant, findings: list[Finding]) -> bool:
    """The expected rule fired on the edited region (allowing for the phrase around it)."""
    rule = EXPECTED_RULE[mutant.kind]
    low, high = mutant.start - 60, mutant.start + len(mutant.replacement) + 60
    return any(f.rule == rule and f.span.start < high and f.span.end > low for f in findings)


# -- recorded quotations ---------------------------------------------------------------------


_SPEAKER = r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)"
# After a quotation that ends its sentence ('."'), "Mr Clarke said the plan..." is a new sentence,
# not an attribution: these forms need the quotation to end with a comma, "?" or "!".
_AFTER_QUOTE = (
    regex.compile(rf'[,?!]["”],?\s+(?:said|says)\s+{_SPEAKER}'),  # '"...," said Kenneth Clarke'
    regex.compile(rf'[,?!]["”],?\s+{_SPEAKER}\s+(?:said|says)\b'),  # '"...," Mr Clarke said'
)
_BEFORE_QUOTE = regex.compile(rf'{_SPEAKER}\s+said:\s*["“]$')


def _attribution_of(text: str, start: int, quote: str) -> tuple[int, int] | None:
    """Where the speaker is named: '"QUOTE," said NAME', '"QUOTE," NAME said' or 'NAME said: "QUOTE"'."""
    for pattern in _AFTER_QUOTE:
        after = pattern.match(text, start + len(quote))
        if after:
            return after.start("name"), after.end("name") - after.group("name").endswith(".")  # not the full stop
    offset = max(0, start - 80)
    before = _BEFORE_QUOTE.search(text[offset:start])
    return (before.start("name") + offset, before.end("name") + offset) if before else None


class QuoteRecorder:
    """Quotations of ten words or more the copy attributes to a known person, as canonical quotes.

    Found with plain searches (not factlint's analysis): the speaker is a person's full name, or a
    surname (with or without "Mr") of the one person of that surname named in full earlier in
    the article. A text attributed to two different people is not recorded. The id keeps the
    article and the offset, so the mutants can find it.
    """

    def __init__(self, facts: FactBase) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        for entity in facts.entities.values():
            if entity.type == "person":
                for name in entity.names:
                    owners[name].add(entity.id)
        # Names of two or more words that name one person only ("Mr Johnson" may be Boris or Mike).
        self.people = {name: ids.pop() for name, ids in owners.items() if len(name.split()) >= 2 and len(ids) == 1}
        self.full_names = regex.compile("|".join(rf"\b{regex.escape(n)}\b" for n in sorted(self.people, key=len, reverse=True)) or "(?!)")
        self.quotation = regex.compile(rf'(?<![\p{{L}}\p{{N}}])["“]{_QUOTE_TEXT}[,.?!]?["”]')
        self.sightings: dict[str, list[tuple[str, str, int, dt.date]]] = defaultdict(list)

    def read(self, path: str, text: str, day: dt.date) -> None:
        named = [(m.start(), self.people[m.group()]) for m in self.full_names.finditer(text)]
        for found in self.quotation.finditer(text):
            words = found.group("quote").split()
            attribution = _attribution_of(text, found.start("quote"), found.group("quote"))
            if len(words) < 10 or attribution is None:
                continue
            speaker = self._speaker(text[attribution[0] : attribution[1]], [who for at, who in named if at < attribution[0]])
            if speaker:
                self.sightings[" ".join(words).casefold()].append((path, speaker, found.start("quote"), day))

    def _speaker(self, written: str, earlier: list[str]) -> str | None:
        if written in self.people:
            return self.people[written]
        surname = regex.sub(r"^(?:Mr|Mrs|Ms|Dr)\.?\s+", "", written)
        if " " in surname:
            return None
        matching = {who for who in earlier for name, person in self.people.items() if person == who and name.split()[-1] == surname}
        return matching.pop() if len(matching) == 1 else None

    def quotes(self, text_of) -> dict[str, Quote]:
        """The recorded quotes; ``text_of(path)`` gives an article's text."""
        quotes = {}
        for sightings in self.sightings.values():
            if len({speaker for _, speaker, _, _ in sightings}) != 1:
                continue
            for path, speaker, start, day in sightings:
                text = text_of(path)
                identifier = f"corpus:{path}:{start}"
                quotes[identifier] = Quote(identifier, speaker, day, text[start : _quote_end(text, start)])
        return quotes


def _quote_end(text: str, start: int) -> int:
    match = regex.compile(r'[,.?!]?["”]').search(text, start)
    return match.start() if match else len(text)


# -- running ---------------------------------------------------------------------------------


@dataclass
class HalfResult:
    articles: int = 0
    findings: list[str] = field(default_factory=list)  # "path:line:col: severity [rule] message"
    false_alarms: list[str] = field(default_factory=list)
    totals: Counter = field(default_factory=Counter)
    hits: Counter = field(default_factory=Counter)
    missed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, other: HalfResult) -> None:
        self.articles += other.articles
        self.findings += other.findings
        self.false_alarms += other.false_alarms
        self.totals.update(other.totals)
        self.hits.update(other.hits)
        for kind, notes in other.missed.items():
            self.missed[kind] += notes


_WORKER: dict = {}


def _check_article(task: tuple[str, str]) -> HalfResult:
    """Lint one article and its mutants (runs in a worker process)."""
    corpus_name, path = task
    corpus: Corpus = _WORKER["corpus"]
    facts, lexicon, rules, maker, known = _WORKER["facts"], _WORKER["lexicon"], _WORKER["rules"], _WORKER["maker"], _WORKER["known"]
    document = read_document(path)
    window = corpus.window_of(document)
    analysis = analyse(document, facts, lexicon, window)
    result = HalfResult(articles=1)
    key = corpus.key(Path(path))
    for finding in evaluate(analysis, rules):
        if finding.severity not in REPORTED_SEVERITIES:
            continue
        line = f"{key}:{finding.line}:{finding.column}: {finding.severity} [{finding.rule}] {finding.message}"
        result.findings.append(line)
        if (key, finding.rule, analysis.text(finding.span)) not in known:
            result.false_alarms.append(line)
    for mutant in maker.mutants(path, analysis, window):
        text = mutant.apply(document.text)
        mutated = document_from_text(text, path, document.kind)
        findings = evaluate(analyse(mutated, facts, lexicon, window), rules)
        result.totals[mutant.kind] += 1
        if caught(mutant, findings):
            result.hits[mutant.kind] += 1
        else:
            excerpt = " ".join(text[max(0, mutant.start - 80) : mutant.start + len(mutant.replacement) + 80].split())
            result.missed[mutant.kind].append(f"{key} ({mutant.note}): ...{excerpt}...")
    return result


def published_errors(corpus: Corpus) -> set[tuple[str, str, str]]:
    """Findings on unmodified articles reviewed as real errors of the published copy: listed in
    tests/data/<corpus>/, or for a folder given with --articles, in that folder."""
    listing = REPO / "tests" / "data" / corpus.name / "published-errors.yaml"
    if corpus.name not in CORPORA:
        listing = corpus.root / "published-errors.yaml"
    if not listing.is_file():
        return set()
    entries = load_yaml(listing.read_text(encoding="utf-8"), str(listing)) or []
    return {(str(e["path"]), str(e["rule"]), str(e["text"])) for e in entries}


def run_corpus(corpus: Corpus, halves: tuple[str, ...], jobs: int) -> dict[str, HalfResult]:
    paths = [p for p in corpus.paths() if half_of(corpus.key(p)) in halves]
    facts = load_facts(list(corpus.facts))
    recorder = QuoteRecorder(facts)
    for path in paths:
        document = read_document(str(path))
        recorder.read(str(path), document.text, corpus.window_of(document).start)
    facts = replace(facts, quotes={**facts.quotes, **recorder.quotes(lambda path: read_document(path).text)}).index()
    _WORKER.update(
        corpus=corpus, facts=facts, lexicon=build_lexicon(facts), rules=load_rules(), maker=MutantMaker(facts), known=published_errors(corpus)
    )
    results = {half: HalfResult() for half in halves}
    tasks = [(corpus.name, str(p)) for p in paths]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for (_, path), result in zip(tasks, pool.imap(_check_article, tasks, chunksize=8)):
            results[half_of(corpus.key(Path(path)))].add(result)
    return results


@dataclass
class ProbeResult:
    correct: Counter = field(default_factory=Counter)  # probes expecting nothing, per kind
    wrong: Counter = field(default_factory=Counter)  # probes expecting a rule, per kind
    caught: Counter = field(default_factory=Counter)
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def run_probes(name: str, halves: tuple[str, ...]) -> dict[str, ProbeResult] | None:
    directory = PROBE_SETS[name]
    probes_file, facts_file = directory / "probes.yaml", directory / "facts.yaml"
    if not probes_file.is_file() or not facts_file.is_file():
        return None
    facts = load_facts([str(facts_file)])
    lexicon, rules = build_lexicon(facts), load_rules()
    results = {half: ProbeResult() for half in halves if name == "probes" or half == "held-out"}
    for probe in load_yaml(probes_file.read_text(encoding="utf-8"), str(probes_file))["probes"]:
        half = half_of(str(probe["id"])) if name == "probes" else "held-out"
        if half not in halves:
            continue
        result, kind, expected = results[half], str(probe["kind"]), {str(r) for r in probe.get("expect") or ()}
        document = document_from_text(str(probe["text"]), f"{probe['id']}.txt")
        window = DateWindow.parse(str(probe["date"]))
        findings = [f for f in evaluate(analyse(document, facts, lexicon, window), rules) if f.severity in REPORTED_SEVERITIES]
        reported = {f.rule for f in findings}
        (result.wrong if expected else result.correct)[kind] += 1
        if expected and expected <= reported:
            result.caught[kind] += 1
        elif expected:
            result.missed.append(f"{probe['id']} ({kind}, {probe['date']}): expected {sorted(expected)}, got {sorted(reported)}: {probe['text']}")
        for finding in findings:
            if finding.rule not in expected:
                result.false_alarms.append(f"{probe['id']} ({kind}, {probe['date']}): [{finding.rule}] {finding.message} | {probe['text']}")
    return results


def _recall(hits: int, total: int) -> str:
    return f"{hits / total:>8.1%}" if total else "       -"


def report_corpus(corpus: Corpus, results: dict[str, HalfResult], show_missed: int, show_findings: bool) -> bool:
    met = True
    for half, result in results.items():
        rate = 1000 * len(result.false_alarms) / result.articles if result.articles else 0.0
        print(f"\n== {corpus.name}, {half} half: {result.articles} articles ==")
        print(f"findings at warning or above on unmodified articles: {len(result.findings)} "
              f"({len(result.findings) - len(result.false_alarms)} real errors of the copy, "
              f"{len(result.false_alarms)} false alarms: {rate:.2f} per 1,000 articles)")
        if show_findings:
            for line in result.findings:
                print(f"  {'FALSE ALARM ' if line in result.false_alarms else 'real error  '}{line}")
        print(f"{'mutation':<19}{'mutants':>8}{'caught':>8}{'recall':>9}")
        for kind in MUTATIONS:
            print(f"{kind:<19}{result.totals[kind]:>8}{result.hits[kind]:>8}{_recall(result.hits[kind], result.totals[kind])}")
        for kind in MUTATIONS:
            for note in result.missed[kind][:show_missed]:
                print(f"  missed {kind}: {note}")
        if half == "held-out":
            met &= rate <= MAX_FALSE_ALARMS_PER_1000 and all(
                result.totals[k] and result.hits[k] / result.totals[k] >= MIN_RECALL for k in MUTATIONS
            )
    return met


def report_probes(name: str, results: dict[str, ProbeResult], show_missed: int) -> bool:
    met = True
    for half, result in results.items():
        kinds = sorted(set(result.correct) | set(result.wrong))
        print(f"\n== {name}, {half}{' half' if name == 'probes' else ''}: {sum(result.correct.values())} correct and {sum(result.wrong.values())} wrong sentences ==")
        print(f"{'kind':<16}{'correct':>8}{'false':>7}{'wrong':>7}{'caught':>8}{'recall':>9}")
        alarms = Counter(line.split(" (", 1)[1].split(",", 1)[0] for line in result.false_alarms)
        for kind in kinds:
            print(f"{kind:<16}{result.correct[kind]:>8}{alarms[kind]:>7}{result.wrong[kind]:>7}{result.caught[kind]:>8}{_recall(result.caught[kind], result.wrong[kind])}")
        for line in result.false_alarms[:show_missed * 4]:
            print(f"  false alarm: {line}")
        for line in result.missed[:show_missed * 4]:
            print(f"  missed: {line}")
        if half == "held-out":
            met &= not result.false_alarms and all(result.caught[k] >= MIN_RECALL * result.wrong[k] for k in kinds)
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", choices=[*CORPORA, *PROBE_SETS], help="what to measure (repeatable; default: all)")
    parser.add_argument("--half", choices=[*HALVES, "both"], default="both")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--show-missed", type=int, default=5, help="missed mutants to print per type")
    parser.add_argument("--show-findings", action="store_true", help="print every finding on unmodified articles")
    parser.add_argument(
        "--articles", type=Path, action="append", default=[], metavar="DIR",
        help="also measure a folder of Markdown articles (*.md) dated by their front matter, against --facts",
    )
    parser.add_argument("--facts", action="append", default=[], metavar="FILE", help=f"the fact files for --articles (default: {MODERN_FACTS.relative_to(REPO)})")
    arguments = parser.parse_args()
    halves = HALVES if arguments.half == "both" else (arguments.half,)
    folders = {
        folder.name: Corpus(folder.name, folder.resolve(), "*.md", tuple(arguments.facts) or (str(MODERN_FACTS),)) for folder in arguments.articles
    }
    chosen = arguments.corpus or ([] if folders else [*CORPORA, *PROBE_SETS])
    started, met = time.perf_counter(), True
    for folder in folders.values():
        met &= report_corpus(folder, run_corpus(folder, halves, arguments.jobs), arguments.show_missed, arguments.show_findings)
    for name in chosen:
        if name in PROBE_SETS:
            probes = run_probes(name, halves)
            if probes is None:
                print(f"\n{name}: {PROBE_SETS[name]} has no probes.yaml and facts.yaml; skipped")
                met = False
            elif probes:
                met &= report_probes(name, probes, arguments.show_missed)
            continue
        corpus = CORPORA[name]
        if not corpus.root.is_dir() or not all(Path(f).is_file() for f in corpus.facts):
            print(f"\n{name}: corpus {corpus.root} or facts {', '.join(corpus.facts)} not found; skipped")
            met = False
            continue
        met &= report_corpus(corpus, run_corpus(corpus, halves, arguments.jobs), arguments.show_missed, arguments.show_findings)
    verdict = f"targets {'met' if met else 'NOT met'} on the held-out halves" if "held-out" in halves else "the held-out halves were not run"
    print(f"\n{time.perf_counter() - started:.1f} s; {verdict}")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
