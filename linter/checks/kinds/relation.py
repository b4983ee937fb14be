"""``kind: relation``: a relation between two things the copy names must agree with the facts (issue 15).

A rule names a relation of the facts (``relation``: "leads", "member-of", "capital", or
``place``, an event's place) and gives regexes with two **typed slots** that bind what the copy
names: ``{subject}`` and ``{object}``, each optionally with a type, ``{subject:event}``,
``{object:place}``. Types: ``person``, ``organization``, ``place``, ``other`` (an entity of that
type), ``entity`` (any entity; the default) and, for the subject, ``event``. A slot binds a name
the mention stage resolved to one entity (or an event mention: every edition of a recurring
event), at exactly the place the slot matched; anything else binds nothing, and the rule says
nothing.

**The facts decide.** The bound pair is checked at every time the sentence may speak of (the
reading of linking/claim_time.py, as for title claims; "was" or "were" in the match: also any
earlier time; "will", "would", "may"... : only timeless facts decide) and reported only if the
claim is false at each (facts/temporal.py, ``relation_truth``):

* ``unique: object`` (a subject has one object at a time: an event's place, a country's capital):
  false when the facts give the subject another object at every such time, certainly different
  (a place neither in nor around the written one, see ``Relations.agree``);
* ``unique: subject`` (an object has one subject at a time: a segment's leader): the same, the
  other way round;
* neither (a membership): false when the facts record the pair only at other times.

Left alone: a match inside a quotation, across sentences, with a negation ("not", "never") or
after a word that makes it hypothetical in its clause ("if", "whether"), a place followed by a
comma and a capitalised word that is not a place it lies in ("Paris, Texas").
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from typing import Any

import regex

from linter.cache import regexes as kept_regexes
from linter.checks.describe import join
from linter.checks.kinds.base import Kind, Match, search_blocks
from linter.dates import DateWindow, date_range, long_date
from linter.facts.model import ENTITY_TYPES, Relation, Relations
from linter.facts.temporal import Truth, relation_truth
from linter.fields import Boolean, Choice, Field, Regex, Slug, Texts
from linter.linking.claim_time import ClaimTime, TimeLinker
from linter.mentions.model import Analysis, NameMention
from linter.source.document import Span
from linter.user_regex import BadRegex, compile_user_regex, document_regex

SLOTS = ("subject", "object")
SLOT_TYPES = (*ENTITY_TYPES, "entity", "event")
_SLOT = kept_regexes.compile(r"(?<!\\)\{(subject|object)(?::([a-z]+))?\}")
_NEGATION = frozenset("not never no n't nor neither".split())
_HYPOTHETICAL = frozenset("if whether unless should would could might may suppose supposing".split())
_FUTURE = frozenset("will would could might may shall should to".split())
_PAST = frozenset("was were had".split())
_CLAUSE_MARKS = frozenset(",;:—–()")
# Inside what a pattern matched, "non" is no negation: the patterns say what a member is ("a
# non-permanent member of"), and "a non-member of" matches none; before the subject it is ("non-OPEC member Mexico").
_NOT_NOW = frozenset("former ex then once onetime one-time erstwhile formerly previously future prospective aspiring would-be candidate".split())
# Names that read with "the" in a message: "the United Kingdom", "the European Union".
_DEFINITE_HEADS = frozenset(
    "union kingdom states nations republic council commission parliament bank fund organization organisation alliance coalition "
    "assembly federation emirates netherlands philippines court committee agency office ministry department army navy forces country".split()
)
PLACEHOLDERS = frozenset({"text", "subject", "object", "written", "recorded", "periods", "date", "relation"})


def expand(pattern: str, forms: dict[str, tuple[str, ...]]) -> str:
    """Each slot as a named group of the surface forms it may bind here (longest first)."""

    def replace(match: regex.Match) -> str:
        alternatives = "|".join(regex.escape(form) for form in sorted(forms.get(match.group(1), ()), key=len, reverse=True))
        return rf"(?<![\p{{L}}\p{{N}}])(?P<{match.group(1)}>{alternatives or '(?!)'})(?![\p{{L}}\p{{N}}])"

    return _SLOT.sub(replace, pattern)


class SlotPattern(Regex):
    """A regex with one ``{subject}`` and one ``{object}`` slot, each optionally typed (``{object:place}``)."""

    def __init__(self) -> None:
        super().__init__(regex.IGNORECASE, described="a regex with a `{subject}` and an `{object}` slot")

    def compiled_form(self, pattern: str) -> str:
        return expand(pattern, {})

    def problem(self, pattern: str, key: str, what: str) -> str | None:
        problem = _slot_problem(pattern)
        if problem is None:
            try:  # a syntax check: case does not change it, and ignoring case costs five times as much to compile
                compile_user_regex(self.compiled_form(pattern), self.flags & ~regex.IGNORECASE)
            except BadRegex as error:
                problem = f"is not a valid regex: {error}"
        return f"pattern {pattern!r} in {what} {problem}" if problem is not None else None

    def example(self) -> str:
        return "{subject:place} leads the {object}"


def fill(pattern: str, words: dict[str, str]) -> str:
    """The pattern with each slot as the literal words given for it (checks/boundaries.py writes copy with it)."""
    return _SLOT.sub(lambda match: regex.escape(words[match.group(1)]), pattern)


def slots(pattern: str) -> dict[str, str]:
    """The slot types of a valid pattern: {'subject': 'event', 'object': 'place'}."""
    return {m.group(1): m.group(2) or "entity" for m in _SLOT.finditer(pattern)}


def _slot_problem(pattern: str) -> str | None:
    found = [(m.group(1), m.group(2) or "entity") for m in _SLOT.finditer(pattern)]
    if sorted(name for name, _ in found) != sorted(SLOTS):
        return "needs one {subject} slot and one {object} slot"
    if bad := [kind for _, kind in found if kind not in SLOT_TYPES]:
        return f"has a slot of unknown type '{bad[0]}'; types are: {', '.join(SLOT_TYPES)}"
    if dict(found)["object"] == "event":
        return "binds an event to {object}; an event can only be the subject (the facts relate it to an entity)"
    return None


class RelationCheck(Kind):
    name = "relation"
    summary = "Two things the copy relates (a country and a segment it leads, an event and its place) must agree with the facts' relations."
    needs = frozenset({"names", "event_names", "tokens", "sentences", "times", "quotations"})
    capitalise_opening = True  # '{subject} did not ...': "The United Kingdom did not ..."
    params = (
        Field("relation", Slug(), "The facts' relation checked, by its name (`member-of`); `place`: events' places.", required=True),
        Field(
            "patterns",
            Texts(SlotPattern()),
            "Where the copy relates two things: the slots bind what it names (types: "
            + ", ".join(f"`{kind}`" for kind in SLOT_TYPES)
            + "; the default `entity`; `event` for the subject only).",
            required=True,
        ),
        Field(
            "unique", Choice(SLOTS), "The side that has one partner at a time: `object` (an event has one place), `subject` (a segment one leader)."
        ),
        Field("ignore_case", Boolean(), "Match the patterns whatever the case (a slot binds only a name as the facts write it).", default=True),
    )

    def __init__(self, params: dict[str, Any]) -> None:
        self.relation: str = params["relation"]
        self.unique: str | None = params["unique"]
        self.flags = regex.VERSION1 | (regex.IGNORECASE if params["ignore_case"] else 0)
        self.patterns = [(pattern, slots(pattern)) for pattern in params["patterns"]]

    def placeholders(self) -> frozenset[str]:
        return PLACEHOLDERS

    def check(self, analysis: Analysis) -> Iterator[Match]:
        if not analysis.facts.relations:
            return  # no relations, not even located-in: no place can be told apart, nothing can be false
        related = analysis.facts.related
        if not self.patterns or not (related.by_name.get(self.relation) or (self.relation == "place" and related.events)):
            return  # the facts know nothing of this relation: nothing can be false
        reader = _Reader(analysis)
        reported: set[Span] = set()
        for pattern, slots in self.patterns:
            forms = {slot: reader.forms(kind) for slot, kind in slots.items()}
            if not all(forms.values()):
                continue
            for found in search_blocks(document_regex(expand(pattern, forms), self.flags), analysis):
                span = Span(found.start(), found.end())
                if span in reported:
                    continue
                match = self._judge(analysis, reader, related, found, slots)
                if match is not None:
                    reported.add(span)
                    yield match

    def _judge(self, analysis: Analysis, reader: _Reader, related: Relations, found: regex.Match, slots: dict[str, str]) -> Match | None:
        span = Span(found.start(), found.end())
        bound = {slot: reader.bind(Span(*found.span(slot)), kind) for slot, kind in slots.items()}
        subjects, objects = bound["subject"], bound["object"]
        if not subjects or not objects or len(objects) != 1 or reader.left_alone(span, found, slots, related):
            return None
        obj = next(iter(objects))
        readings = reader.readings(span)
        verdicts = {subject: self._verdict(related, subject, obj, readings, slots) for subject in sorted(subjects)}
        if not verdicts or any(verdict is None for verdict in verdicts.values()):
            return None  # true, or the facts cannot tell, for some edition or reading
        subject, verdict = next(iter(verdicts.items()))
        assert verdict is not None  # checked above
        rivals, agreeing = verdict
        contradicted = self.unique or "object"
        recorded = [r.object if contradicted == "object" else r.subject for r in rivals]
        values = {
            "text": found.group(),
            "subject": _definite(related.name(subject)),
            "object": _definite(related.name(obj)),
            "written": found.group(contradicted),
            "recorded": join(list(dict.fromkeys(
                _with_periods(_definite(related.describe(who)), r) for who, r in zip(recorded, rivals, strict=True)))),
            "periods": join([_periods(r) for r in agreeing if not r.timeless]),
            "date": join([_when(window) for window in readings]) if readings else "",
            "relation": self.relation,
        }
        evidence = {r.id for each in verdicts.values() if each for r in (*each[0], *each[1])}
        at = Span(*found.span(contradicted)) if self.unique else span  # the words the facts contradict
        return Match(at, values, tuple(sorted(evidence)))

    def _verdict(
        self, related: Relations, subject: str, obj: str, readings: tuple[DateWindow, ...] | None, slots: dict[str, str]
    ) -> tuple[list[Relation], list[Relation]] | None:
        """The facts that make the claim false at every reading (rivals, and the pair's own facts), or None."""
        candidates = {r.id: r for r in [*related.records(self.relation, subject), *related.records_of_object(self.relation, obj)]}
        agreeing: list[Relation] = []
        rivals: list[Relation] = []
        unsure: list[Relation] = []
        for record in candidates.values():
            same = (self.same_side(related, "subject", slots, subject, record.subject), self.same_side(related, "object", slots, obj, record.object))
            if same == (True, True):
                agreeing.append(record)
                continue
            fixed, other = (same[1], same[0]) if self.unique == "subject" else same
            if self.unique is None or fixed is not True:
                continue
            (rivals if other is False else unsure).append(record)
        windows: tuple[DateWindow | None, ...] = readings if readings is not None else (None,)
        if any(relation_truth(agreeing, rivals, unsure, window, self.unique is None) is not Truth.FALSE for window in windows):
            return None
        during = [r for r in rivals if readings is None or any(r.overlaps(window) for window in readings)]
        return sorted(during, key=lambda r: (r.start or dt.date.min, r.id)), agreeing


    def same_side(self, related: Relations, side: str, slots: dict[str, str], written: str, recorded: str) -> bool | None:
        """Whether one side of the written pair is the record's. The side whose partner is unique is
        looked up as itself: the capital of New South Wales, which lies in Australia, is not the
        capital of Australia. The other side is compared as its slot's type says (``compare``)."""
        if self.unique is not None and side != self.unique:
            return related.same(written, recorded)
        return compare(related, slots[side], written, recorded)


class _Reader:
    """What a relation rule reads of one document: surface forms, bindings, times, the words around a match."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.names: dict[Span, NameMention] = {mention.span: mention for mention in analysis.names}
        self.events: dict[Span, set[str]] = {}
        for mention in analysis.event_names:
            self.events.setdefault(mention.span, set()).add(mention.event)
        self.sentence_starts = [sentence.start for sentence in analysis.sentences]
        self._linker: TimeLinker | None = None

    def forms(self, kind: str) -> tuple[str, ...]:
        """The texts a slot of this type may match in this document."""
        text, entities = self.analysis.text, self.analysis.facts.entities
        if kind == "event":
            return tuple(sorted({text(span) for span in self.events}))
        return tuple(sorted({
            text(mention.span) for mention in self.names.values()
            if mention.entity and not mention.embedded and kind in ("entity", entities[mention.entity].type)
        }))

    def bind(self, span: Span, kind: str) -> set[str]:
        """What a slot bound at ``span``: the entity of the name resolved there, or the events named there."""
        if kind == "event":
            return set(self.events.get(span, ()))
        mention = self.names.get(span)
        if mention is None or mention.entity is None or mention.embedded:
            return set()
        return {mention.entity} if kind in ("entity", self.analysis.facts.entities[mention.entity].type) else set()

    def sentence(self, span: Span) -> Span | None:
        index = bisect.bisect_right(self.sentence_starts, span.start) - 1
        if index < 0 or span.end > self.analysis.sentences[index].end:
            return None
        return self.analysis.sentences[index]

    def left_alone(self, span: Span, found: regex.Match, slots: dict[str, str], related: Relations) -> bool:
        """A match that makes no claim of the article's own, or may not mean what the slots say."""
        analysis, tokens = self.analysis, self.analysis.tokens
        sentence = self.sentence(span)
        if sentence is None or any(q.span.start < span.end and span.start < q.span.end for q in analysis.quotations):
            return True
        first, last = tokens.index_at_or_after(span.start), tokens.index_at_or_after(span.end)
        words = tokens.lower[first:last]
        not_now = {word for word in words if word in _NEGATION or word.endswith("n't") or word in _NOT_NOW}
        if not_now and not (not_now == {"then"} and self._then_of_a_written_time(span)):
            return True  # "is not a member", "then held by": no claim about the time spoken of
        before = [word for word in tokens.lower[max(first - 3, 0) : first] if word != "-"]
        if any(word in _NOT_NOW or word == "non" for word in before[-2:]):
            return True  # "former EU member Britain", "non-OPEC member Mexico"
        clause = tokens.index_at_or_after(sentence.start)
        for index in range(first - 1, clause - 1, -1):
            if tokens.lower[index] in _CLAUSE_MARKS:
                break
            if tokens.lower[index] in _HYPOTHETICAL or tokens.lower[index] in _NEGATION:
                return True
        return any(kind == "place" and self._qualified(Span(*found.span(slot)), related) for slot, kind in slots.items())

    def _qualified(self, place: Span, related: Relations) -> bool:
        """'Paris, Texas': a place followed by a comma and a capitalised word that is no place it lies in
        (nor a person's name: "In Bordeaux, Alain Juppé was sworn in")."""
        tokens = self.analysis.tokens
        after = tokens.index_at_or_after(place.end)
        if after + 1 >= len(tokens) or tokens.lower[after] != "," or not tokens.capitalised(after + 1):
            return False
        following = self.names.get(Span(tokens.starts[after + 1], tokens.ends[after + 1]))
        mine = self.names[place].entity
        if following is None:
            following = next((m for m in self.names.values() if m.first == after + 1), None)
        if following and following.entity and related.facts.entities[following.entity].type == "person":
            return False
        return not (following and following.entity and mine and following.entity in related.chain(mine))

    def _time(self, span: Span, sentence: Span) -> ClaimTime:
        tokens = self.analysis.tokens
        if self._linker is None:
            self._linker = TimeLinker(tokens, self.analysis.times, self.analysis.window)
        return self._linker.link(span, tokens.index_at_or_after(sentence.start), tokens.index_at_or_after(sentence.end))

    def _then_of_a_written_time(self, span: Span) -> bool:
        """'In 2002, the Czech Republic, then a member of the EU,': "then" is the time written at the
        head of the clause, and the words claim the relation at it."""
        sentence = self.sentence(span)
        return sentence is not None and self._time(span, sentence).fronted

    def readings(self, span: Span) -> tuple[DateWindow, ...] | None:
        """The times the match speaks of (claim_time's reading); None: a future or hypothetical claim."""
        analysis, tokens = self.analysis, self.analysis.tokens
        first, last = tokens.index_at_or_after(span.start), tokens.index_at_or_after(span.end)
        words = tokens.lower[first:last]
        if any(word in _FUTURE for word in words):
            return None
        sentence = self.sentence(span)
        assert sentence is not None  # left_alone drops matches across sentences
        time = self._time(span, sentence)
        readings = time.readings(analysis.window)
        if not time.fronted and any(word in _PAST for word in words):  # "was a member": of some earlier time too
            readings = tuple(DateWindow(dt.date.min, analysis.window.end) if w == analysis.window else w for w in readings)
        # Any other time written in the sentence is one more time it may speak of ("Lagos, the capital
        # of Nigeria until 1991,"): more readings can only silence a finding.
        # A time after a word of the future ("and will host the summit in November") is the time of
        # what is planned, and says nothing of the relation now.
        floor, ceiling = tokens.index_at_or_after(sentence.start), tokens.index_at_or_after(sentence.end)
        future = next((i for i in range(last, ceiling) if tokens.lower[i] in _FUTURE), ceiling)
        others = [
            t.window for t in analysis.times
            if sentence.start <= t.span.start and t.span.end <= sentence.end and tokens.index_at_or_after(t.span.start) < future
        ]
        others += [
            DateWindow.of_year(int(word))
            for word in tokens.lower[floor:future] if len(word) == 4 and word.isdigit() and 1000 < int(word) <= 2999
        ]
        return tuple(dict.fromkeys([*readings, *others]))


def compare(related: Relations, kind: str, written: str, recorded: str) -> bool | None:
    """Whether what a slot of this type bound agrees with what the facts record: a slot typed
    ``place`` through the located-in chain (a place in the other agrees), any other as one thing."""
    return related.agree(written, recorded) if kind == "place" else related.same(written, recorded)


def _definite(name: str) -> str:
    """'the United Kingdom', 'the European Union', 'the Netherlands': a name that reads with "the"."""
    words = name.split()
    if not words or words[0].lower() == "the" or words[0].endswith(("'s", "’s")):
        return name  # "the European Union"; "Juppé's swearing-in at the Constitutional Council" has its determiner
    head = words[: words.index("of")] if "of" in words[1:] else words  # "Council of the EU": the council
    if head[-1].lower() in ("netherlands", "philippines") or (len(words) > 1 and (words[0] == "United" or head[-1].lower() in _DEFINITE_HEADS)):
        return f"the {name}"
    return name


def _when(window: DateWindow) -> str:
    """A reading in words: 'in 2025', or 'at any time up to 31 December 2025' (a claim in the past tense)."""
    return f"at any time up to {long_date(window.end)}" if window.start == dt.date.min else window.describe()


def _periods(relation: Relation) -> str:
    """'from 20 March 2025', 'until 31 January 2020', 'from 1 January 1973 to 31 January 2020'."""
    if relation.start and relation.end:
        if relation.start == relation.end:
            return f"on {long_date(relation.start)}"
        first, last = date_range(relation.start, relation.end)
        return f"from {first} to {last}"
    if relation.start:
        return f"from {long_date(relation.start)}"
    return f"until {long_date(relation.end)}" if relation.end else ""


def _with_periods(described: str, relation: Relation) -> str:
    return f"{described} ({_periods(relation)})" if not relation.timeless else described
