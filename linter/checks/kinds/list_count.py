"""``kind: list-count``: a count that disagrees with the list it introduces.

"divided into four segments: air, sea and land" announces four and lists three. The form read
is ``COUNT [one or two words] PLURAL-NOUN [TIME] INTRODUCER LIST``: a count (a word of ``numbers``, or
with ``digits`` a whole number from 2 to 99), a plural noun right before an introducer (``:``)
or before a short time, phrase or adverb in between ("four new members in January:", "three
goals last week:", "three priorities for the province:", "three services across the Island:",
"three heads of government:", "four
districts hardest:"; not a word of
``partial``: "three players especially:"),
and a list that runs to the end of the sentence (or a semicolon or dash), its items separated by
commas with one of ``conjunctions`` ("and", "or") before the last. Only such a list is taken to
be the complete enumeration: one introduced by a word of ``partial`` ("including", "such as",
"among them", "notably") or holding one anywhere ("and others", "as well as"), a list with no
final conjunction, or a list that continues onto the next lines (bullets) is not read.

What is not reported, because the list may not be what it seems:

* a count of something measured rather than enumerated (``measures``: "12 points: seven from
  Smith and five from Jones"), or an item that opens with a number;
* a count that is part of a name or a larger phrase: a capitalised count after a capitalised
  word ("Big Four", "Channel 4"; not "gave the NT four chief ministers:"), in a partitive
  ("three of the four segments:", "the first of three parts:"; not "made up of five
  parties:"), before a hyphen ("three-day");
* an item longer than ``max_item_words`` words, or holding a word of ``clause_words`` ("is",
  "were", "said": the sentence goes on after the list), brackets, quotation marks or a second
  colon; a conjunction inside an item other than the last ("research and development, sales");
* fewer items than the count when an item ends in a lower-case plural ("the Celtic nations"
  may be several);
* more items than the count unless every item is written in lower case, without figures:
  commas also set off appositions and places ("Cemax Inc, a Santa Clara, Calif., maker...");
* a list inside a quotation (the speaker's words).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from linter.checks.kinds.base import Kind, Match
from linter.fields import Boolean, Field, Integer, Texts, Value
from linter.mentions import vocabulary as words
from linter.mentions.model import Analysis
from linter.segment.tokens import Tokens, token_key
from linter.source.document import Span
from linter.validate import Checker
from linter.yamlio import YamlMap

PLACEHOLDERS = frozenset({"announced", "count", "noun", "items", "listed", "list"})
_IRREGULAR_PLURALS = frozenset(
    {"people", "men", "women", "children", "police", "staff", "feet", "teeth", "mice", "geese", "media", "data", "criteria"}
)
_BEFORE_A_FIGURE = frozenset({"-", ".", ",", "£", "$", "€", "¥"})  # "twenty-four", "2.5", "1,200", "£12"
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "’s")
_BREAKS = frozenset({";", "—", "–"})
# Before "of" and a count, a word that takes a part of the whole counted: "one of the four".
_PART_WORDS = frozenset(
    "one some all most many few none each both any several either neither first second third last part half majority rest".split()
)
_ABSTAIN = frozenset({"(", ")", "[", "]", '"', "“", "”", "‘", "'", ":", "/"})
_ENDS = frozenset({".", "!", "?"})
MAX_MODIFIERS = 2  # words between the count and its noun: "four main segments", "12 EU member states"
MAX_DIGITS = 99


class CountWords(Value):
    """Count words and the numbers they stand for, 2 or more."""

    def read(self, field: Field, mapping: YamlMap, what: str, checker: Checker) -> dict[str, int] | None:
        numbers = checker.mapping(mapping[field.key], mapping.where(field.key), f"'{field.key}' in {what}")
        if numbers is None:
            return None
        valid = {}
        for word, value in numbers.items():
            if not isinstance(word, str) or len(token_key(word)) != 1 or isinstance(value, bool) or not isinstance(value, int) or value < 2:
                message = f"each entry of '{field.key}' in {what} must map one word to a whole number of 2 or more"
                checker.fail(message, numbers.key_location(word))
                continue
            valid[word.casefold()] = value
        return valid

    def schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": {"type": "integer", "minimum": 2}}

    def describe(self) -> str:
        return "a mapping of one word to a whole number, 2 or more"

    def example(self) -> dict[str, int]:
        return {"two": 2, "three": 3}


class ListCount(Kind):
    name = "list-count"
    summary = "A count that disagrees with the list it introduces: 'four segments: air, sea and land'."
    needs = frozenset({"tokens", "sentences", "quotations"})
    needs_facts = False
    params = (
        Field("numbers", CountWords(), "The count words, and their values.", required=True),
        Field("digits", Boolean(), "Also counts written in figures, 2 to 99.", default=True),
        Field("introducers", Texts(), "What opens a complete list.", default=(":",)),
        Field("conjunctions", Texts(), "The word before the last item.", default=("and", "or")),
        Field("partial", Texts(), "Words or phrases that make a list a selection (\"including\", \"such as\").", default=()),
        Field("measures", Texts(), "Nouns counted in amounts, never enumerated (\"points\").", default=()),
        Field("clause_words", Texts(), "Words that show an item is a clause: the sentence goes on after the list.", default=()),
        Field("max_item_words", Integer(minimum=1), "The longest item read, in words.", default=4),
    )

    def __init__(self, params: dict[str, Any]) -> None:
        self.numbers: dict[str, int] = params["numbers"]
        self.digits = params["digits"]
        self.introducers = frozenset(params["introducers"])
        self.conjunctions = frozenset(w.casefold() for w in params["conjunctions"])
        self.partial = [tuple(t.casefold() for t in token_key(phrase)) for phrase in params["partial"]]
        self.measures = frozenset(w.casefold() for w in params["measures"])
        self.clause_words = frozenset(w.casefold() for w in params["clause_words"])
        self.max_item_words = params["max_item_words"]
        self.words = {value: word for word, value in sorted(self.numbers.items(), reverse=True)}

    def placeholders(self) -> frozenset[str]:
        return PLACEHOLDERS

    def check(self, analysis: Analysis) -> Iterator[Match]:
        tokens, prose = analysis.tokens, analysis.document.prose
        quoted = sorted(q.inner for q in analysis.quotations)
        quoted_starts = [span.start for span in quoted]

        def in_quotation(offset: int) -> bool:
            index = bisect.bisect_right(quoted_starts, offset) - 1
            return index >= 0 and quoted[index].start <= offset < quoted[index].end

        for sentence in analysis.sentences:
            first, last = tokens.index_at_or_after(sentence.start), tokens.index_at_or_after(sentence.end)
            for at in range(first + 2, last):
                if tokens.texts[at] not in self.introducers:
                    continue
                found = self._read(tokens, prose, first, at, last)
                if found is None or in_quotation(tokens.starts[at]):
                    continue
                count, count_at, noun, items = found
                if len(items) == count or not self._reportable(tokens, items, count):
                    continue
                noun_end = tokens.ends[noun]
                list_span = Span(tokens.starts[items[0][0]], tokens.ends[items[-1][1] - 1])
                yield Match(
                    Span(tokens.starts[count_at], list_span.end),
                    {
                        "announced": prose[tokens.starts[count_at] : noun_end],
                        "count": str(count),
                        "noun": tokens.texts[noun],
                        "items": self.words.get(len(items), str(len(items))),
                        "listed": str(len(items)),
                        "list": analysis.text(list_span),
                    },
                )

    def _count(self, tokens: Tokens, index: int) -> int | None:
        word = tokens.lower[index]
        if word in self.numbers:
            return self.numbers[word]
        if self.digits and word.isascii() and word.isdigit() and not word.startswith("0") and 2 <= int(word) <= MAX_DIGITS:
            return int(word)
        return None

    def _read(self, tokens: Tokens, prose: str, first: int, at: int, last: int) -> tuple[int, int, int, list[tuple[int, int]]] | None:
        """The count, where it is, where its noun is, and the items (token ranges) of ``COUNT ... NOUN:
        LIST`` whose introducer is at ``at``; None when the words do not have that form."""
        low, texts = tokens.lower, tokens.texts
        between = _phrase_before(tokens, at, first)
        noun = at - 1 - between
        if not _plural(texts[noun]) or low[noun] in self.measures:
            return None
        if between == 1 and any(_holds([low[at - 1]], phrase) for phrase in self.partial):
            return None  # "three players especially:": a selection
        count_at = None
        for index in range(noun - 1, max(noun - 2 - MAX_MODIFIERS, first - 1), -1):
            if self._count(tokens, index) is not None:
                count_at = index
                break
            if not self._modifier(texts[index]):
                return None  # "Four countries sent ships:": the count is of another noun
        if count_at is None or self._count(tokens, noun) is not None:
            return None
        if count_at > first:
            before = texts[count_at - 1]
            partitive = self._partitive(tokens, count_at, first) or self._count(tokens, count_at - 1) is not None
            if partitive or before in _BEFORE_A_FIGURE:
                return None  # "three of the four", "twenty-four", "2.5", "£12"
            named = texts[count_at][:1].isupper() or texts[count_at].isdigit()  # "Four", "4"; not "four"
            if named and tokens.capitalised(count_at - 1) and low[count_at - 1] not in words.SENTENCE_OPENERS:
                return None  # "Big Four firms:", "Channel 4 programmes:"; not "gave the NT four chief ministers:"
        # The list: to the end of the sentence, a semicolon or a dash, all on one line.
        end = at + 1
        while end < last and texts[end] not in _BREAKS:
            end += 1
        while end > at + 1 and texts[end - 1] in _ENDS:
            end -= 1
        if end <= at + 1 or "\n" in prose[tokens.ends[at] : tokens.starts[end - 1]]:
            return None
        written = low[at + 1 : end]
        if any(word in _ABSTAIN for word in written) or any(_holds(written, phrase) for phrase in self.partial):
            return None
        items = self._items(tokens, at + 1, end)
        if items is None or len(items) < 2:
            return None
        return self._count(tokens, count_at) or 0, count_at, noun, items

    def _partitive(self, tokens: Tokens, count_at: int, first: int) -> bool:
        """'three of the four segments:', 'the first of three parts:': the count is of a whole, and the
        list may be of a part; not 'made up of five parties:', 'consists of three parts:'."""
        low = tokens.lower
        of = next((i for i in (count_at - 1, count_at - 2) if i > first and low[i] == "of"), None)
        if of is None:
            return False
        head = low[of - 1]
        return head in _PART_WORDS or self._count(tokens, of - 1) is not None or head.isdigit()

    def _modifier(self, word: str) -> bool:
        """A word between a count and its noun: 'main', 'key', 'EU', 'member', 'founding'; not another
        plural noun ("Four countries sent ships:" counts countries), a clause word or a function word."""
        low = word.casefold()
        return (
            word.isalpha() and not _plural(word) and low not in self.clause_words and low not in self.conjunctions
            and low not in words.FUNCTION_WORDS and low not in words.ARTICLES
        )

    def _items(self, tokens: Tokens, start: int, end: int) -> list[tuple[int, int]] | None:
        """'air, sea and land' -> three token ranges; None unless commas and one final conjunction
        divide the list, each item short and no clause."""
        low = tokens.lower
        parts: list[tuple[int, int]] = []
        begin = start
        for index in range(start, end + 1):
            if index == end or low[index] == ",":
                parts.append((begin, index))
                begin = index + 1
        *leading, final = parts
        if any(word in self.conjunctions for a, b in leading for word in low[a:b]):
            return None  # "research and development, sales": which "and" joins items?
        a, b = final
        if leading and b > a and low[a] in self.conjunctions:
            a += 1  # the serial comma: "air, sea, and land"
            joins = []
            items = [*leading, (a, b)]
        else:
            joins = [i for i in range(a, b) if low[i] in self.conjunctions]
            if len(joins) != 1:
                return None
            items = [*leading, (a, joins[0]), (joins[0] + 1, b)]
        for first, last in items:
            written = [word for word in low[first:last] if word[:1].isalnum()]
            if not written or len(written) > self.max_item_words or any(word in self.clause_words for word in written):
                return None
            if self._count(tokens, first) is not None or low[first][:1].isdigit():
                return None  # "seven from Smith and five from Jones": a breakdown, not an enumeration
        return items

    @staticmethod
    def _reportable(tokens: Tokens, items: list[tuple[int, int]], count: int) -> bool:
        texts = tokens.texts
        if len(items) < count:
            # "the Celtic nations" may be several: an item ending in a plural common noun.
            return not any(_plural(texts[last - 1]) and texts[last - 1].islower() for _, last in items)
        # More items than announced: only if no item may be a name or place with commas in it.
        return all(
            word.islower() and word.replace("'", "").replace("’", "").isalpha()  # "women's racing" is a common noun phrase
            for first, last in items for word in texts[first:last] if word != "-"
        )


_PHRASE_PREPOSITIONS = frozenset({"for", "in", "of", "on"})
_PLACE_PREPOSITIONS = frozenset({"across", "around", "throughout"})
_SPAN_PREPOSITIONS = frozenset({"between", "from", "since", "in", "during", "over", "within"})
_SPAN_WORDS = frozenset("and to a an the two three four five six seven eight nine ten dozen few".split())
_TIME_NOUNS = frozenset("years months weeks days decades seasons terms year month week decade".split())
_PHRASE_DETERMINERS = frozenset({"the", "this", "its", "their", "his", "her"})


def _phrase_before(tokens: Tokens, at: int, first: int) -> int:
    """How many words of a short time or phrase stand right before the introducer: 2 for "in
    January", "on Monday", "in 2024", "last week", "of government"; 3 for "for the province", 3 or 4
    for a span of time ("in a dozen years", "between 2016 and 2024"); 1 for an
    adverb ("the four districts hit hardest:", "named four rivals explicitly:"); else 0."""
    low = tokens.lower
    adverb = low[at - 1]
    if at - 2 >= first and adverb.isalpha() and tokens.texts[at - 1].islower() and (adverb.endswith(("est", "ly")) or adverb == "most"):
        return 1
    if at - 3 < first:
        return 0
    phrase_noun = tokens.texts[at - 1]
    if phrase_noun.isalpha():
        place = low[at - 3] in _PHRASE_PREPOSITIONS or low[at - 3] in _PLACE_PREPOSITIONS
        if at - 4 >= first and place and low[at - 2] in _PHRASE_DETERMINERS:
            return 3  # "three priorities for the province:", "three services across the Island:"
        if phrase_noun.islower() and low[at - 2] in _PHRASE_PREPOSITIONS and _plural(tokens.texts[at - 3]) and not _plural(phrase_noun):
            return 2  # "three heads of government:"
    preposition, time = low[at - 2], tokens.texts[at - 1]
    named = time in words.MONTHS or time.casefold() in words.WEEKDAYS or (len(time) == 4 and time.isdigit())
    if preposition in ("in", "on", "since", "during") and named:
        return 2
    if at - 4 >= first and low[at - 3] in ("in", "since") and tokens.texts[at - 2] in words.MONTHS and time.isdigit() and len(time) == 4:
        return 3  # "four mayors since July 2021:"
    if preposition in ("last", "this", "next") and time.casefold() in ("week", "month", "year"):
        return 2
    return _span_of_time(tokens, at, first) or _since_an_event(tokens, at, first)


def _since_an_event(tokens: Tokens, at: int, first: int) -> int:
    """'since the 2019 boundary extension', 'after the election' right before the introducer: a time
    told by what happened then, "since", "after" or "before" and "the" and at most three words."""
    low = tokens.lower
    for size in range(3, 6):
        start = at - size
        if start > first and low[start] in ("since", "after", "before") and low[start + 1] == "the":
            return size if all(word.isalnum() for word in low[start + 2 : at]) else 0
    return 0


def _span_of_time(tokens: Tokens, at: int, first: int) -> int:
    """'between 2016 and 2024', 'in a dozen years', 'over two seasons' right before the introducer:
    how many words (at most four) the span of time takes; 0 if there is none."""
    low = tokens.lower
    if low[at - 1] not in _TIME_NOUNS and not (low[at - 1].isdigit() and len(low[at - 1]) == 4):
        return 0
    for size in range(3, 5):
        start = at - size
        if start > first and low[start] in _SPAN_PREPOSITIONS and all(
            word in _SPAN_WORDS or word in _TIME_NOUNS or (word.isdigit() and len(word) == 4) for word in low[start + 1 : at]
        ):
            return size
    return 0


def _plural(word: str) -> bool:
    """A plural noun, by its ending: 'segments', 'countries', 'people' (not 'business', 'status', 'Sunak's')."""
    low = word.casefold()
    if low in _IRREGULAR_PLURALS:
        return True
    return word.isalpha() and len(low) > 3 and low.endswith("s") and not low.endswith(_NOT_PLURAL_ENDINGS)


def _holds(words: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether the phrase's words occur in a row in ``words``."""
    size = len(phrase)
    return size > 0 and any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))
