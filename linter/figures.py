"""Figures as newsrooms write them: "2.6%", "2.6 per cent", "4.5 pct", "£1.2bn", "1.2 billion pounds",
"$40m", "40 million", "40,000", "five", "twenty-five", "a third", "two-thirds", "half", "one in
four", "5-1/2 pct", "a quarter of a percentage point", "2.5-3%", "between 40 and 50 million".

Each figure is a :class:`NumberMention`: a value in its own unit (percent, points, a currency's
units or a count), the precision its writing implies (a figure is taken to be rounded at its last
significant digit: "2.6" is 2.55 to 2.65, "40 million" 35 to 45 million), and the bound the copy
gives it ("more than", "about", "nearly", "at least", "up to", "under" ...).

What is not a figure here: a year ("in 2019", "the 2005 budget": a bare four-digit number from
1800 to 2099), a number inside a date or a written time the date finder saw, a time of day
("10:30", "3pm", "0900 GMT"), a number that is part of a name ("G8", "F-16", "FTSE 100", "Channel
4": right after a capitalised word, with no unit), an ordinal ("3rd"), one side of a quoted pair
("4.50/43 pct"), and a bare fraction ("3/4") with no unit after it.

Two readers use it: the fact file, where a quantity's value may be written as copy writes it
(:func:`parse_number`, facts/model.py), and the extractor of figures in an article
(:func:`find_numbers`, mentions/numbers.py). It imports neither facts nor mentions' model, so
that the facts need nothing of the article's side.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

import regex

from linter.cache import regexes as kept_regexes
from linter.mentions.vocabulary import SENTENCE_OPENERS
from linter.source.document import Span

if TYPE_CHECKING:
    from linter.mentions.model import DateMention, TimeExpression


@dataclass(frozen=True)
class NumberMention:
    """A figure as written ("2.6%", "more than 40 million", "£1.2bn", "a third", "5-1/2 pct").

    ``value`` (and ``high``, for a range "2.5-3%") are in the figure's own unit: percent, points,
    a currency's units, or a count. ``precision`` is half a unit of the last significant digit
    written ("2.6" is 2.55 to 2.65, "40 million" 35 to 45 million): a written figure is taken
    to be rounded. ``bound`` is how the copy commits to it (below).
    """

    span: Span  # bound words included ("more than 40 million")
    core: int  # where the figure itself begins, after any bound words
    value: float
    unit: str | None  # "%", "points", a currency code ("GBP"), "?" (a currency not told), None (a count)
    precision: float = 0.0
    bound: str = "exact"  # exact, about, almost, just-over, over, at-least, under, at-most
    high: float | None = None  # the top of a range; None for one figure
    cuts: tuple[int, ...] = ()  # where a rule's {number} slot may end: after the numeral, the scale, the unit

    def interval(self) -> tuple[float, float, bool, bool]:
        """The values the copy's figure is true of: (low, high, low is open, high is open)."""
        low, high, slack = self.value, self.high if self.high is not None else self.value, self.precision
        wide = abs(high)
        if self.bound == "over":
            return low, float("inf"), True, False
        if self.bound == "at-least":
            return low, float("inf"), False, False
        if self.bound == "under":
            return float("-inf"), high, False, True
        if self.bound == "at-most":
            return float("-inf"), high, False, False
        if self.bound == "about":
            return low - slack - 0.05 * wide, high + slack + 0.05 * wide, False, False
        if self.bound == "almost":
            return low - slack - 0.1 * wide, high + slack, False, False
        if self.bound == "just-over":
            return low - slack, high + slack + 0.1 * wide, False, False
        return low - slack, high + slack, False, False

    def agrees_with(self, value: float, tolerance: float) -> bool:
        """Whether a fact's value, give or take its tolerance, makes this figure true."""
        low, high, low_open, high_open = self.interval()
        fact_low, fact_high = value - tolerance, value + tolerance
        above_low = fact_high > low if low_open else fact_high >= low - _EPSILON * max(1.0, abs(low))
        below_high = fact_low < high if high_open else fact_low <= high + _EPSILON * max(1.0, abs(high))
        return above_low and below_high


_EPSILON = 1e-14  # relative, for floating point: 2.6 + 0.05 is 2.6500000000000004


_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Shares of a whole, read as percentages: "a third of voters", "two-thirds", "half the country".
_SHARES = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0,
    "two fifths": 40.0, "three fifths": 60.0, "four fifths": 80.0, "a tenth": 10.0, "one tenth": 10.0,
}
# "a third" is also an ordinal ("a third term"): a share only before these words.
_SHARE_NEEDS_OF = frozenset({"a third", "a quarter", "a fifth", "a tenth", "a half"})
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
    "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # Indian copy: "2.55 crore" is 25.5 million
}
_TIGHT_SCALES = {"k": 1e3, "m": 1e6, "b": 1e9}  # only written against the number: "£3m", "40k" ("3 m" is three metres)
_SIGNS = {"£": "GBP", "us$": "USD", "$": "USD", "€": "EUR", "¥": "JPY", "a$": "?", "c$": "?", "hk$": "?", "nz$": "?"}
_CURRENCY_WORDS = {
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "stg": "GBP",
    "us dollars": "USD", "u.s. dollars": "USD", "us dlrs": "USD", "u.s. dlrs": "USD", "dollars": "USD", "dollar": "USD",
    "dlrs": "USD", "dlr": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY", "marks": "DEM", "yuan": "CNY",
    "francs": "?", "lire": "?", "pesos": "?", "rupees": "?", "roubles": "?", "rubles": "?", "crowns": "?", "guilders": "?",
}
# A currency word after another word ("40 million Canadian dollars", "300 billion Hong Kong dollars"):
# some currency, not one factlint can tell.
_QUALIFIED_CURRENCY = (r"\s+(?:[\p{Lu}][\p{L}.]*\s+){1,2}(?:dollars?|dlrs|pounds?|francs|crowns|pesos|rupees|marks|lire)(?![\p{L}])", 0)
_BOUNDS = {
    "more than": "over", "over": "over", "above": "over", "in excess of": "over", "upwards of": "over",
    "at least": "at-least", "no fewer than": "at-least", "no less than": "at-least", "a minimum of": "at-least",
    "less than": "under", "fewer than": "under", "under": "under", "below": "under",
    "at most": "at-most", "no more than": "at-most", "up to": "at-most", "a maximum of": "at-most",
    "about": "about", "around": "about", "roughly": "about", "some": "about", "approximately": "about",
    "an estimated": "about", "almost": "almost", "nearly": "almost", "close to": "almost", "just under": "almost",
    "just below": "almost", "just over": "just-over", "just above": "just-over",
}
_DENOMINATORS = {2, 3, 4, 8, 16, 32}


def _words(words) -> str:
    """An alternation of phrases, longest first, a space matching any run of spaces or a hyphen."""
    return "|".join(regex.escape(word).replace(r"\ ", r"[\s-]+") for word in sorted(words, key=len, reverse=True))


def _prefixes(words, gap: str) -> str:
    """The phrases as a tree of shared prefixes ("f(?:i(?:ve|fty)|our)"), a space matching ``gap``: a
    regex engine tries one branch a character instead of every phrase at every position."""
    tree: dict = {}
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def branches(node: dict) -> str:
        alternatives = [(gap if key == " " else re.escape(key)) + branches(child) for key, child in sorted(node.items()) if key]
        if not alternatives:
            return ""
        joined = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{joined})?" if "" in node else joined

    return branches(tree)


_WORD_NUMBER = rf"(?:(?:{_words(_TENS)})(?:[\s-]+(?:{_words(k for k in _UNITS if _UNITS[k] < 10)}))?|{_words(_UNITS)})"
_LETTER_SIGNS = ("us", "a", "c", "n", "hk", "nz")  # US$, A$, C$, N$, HK$, NZ$
_A_SCALES = "hundred|thousand|million|billion|trillion"
_A_SCALE = rf"an?(?=\s+(?:{_A_SCALES})(?![\p{{L}}]))"  # "a million", not "a" alone
_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_FIGURE_PATTERN = (
    rf"""
    (?:(?P<bound>{_words(_BOUNDS)})\s+)?
    (?P<core>
      (?P<minus>minus\s+|(?<![\p{{L}}\p{{N}}.,/])[-−](?=[\d£$€¥]))?
      (?:(?P<sign>{"|".join(regex.escape(letters + "$") for letters in _LETTER_SIGNS)}|[£$€¥])\s?)?
      (?:
          (?<![\p{{L}}\p{{N}}.,/:]|\p{{L}}-)(?P<whole>\d{{1,3}})[-\s](?P<num>\d{{1,2}})/(?P<den>\d{{1,2}})(?![\d/])
        | (?<![\p{{L}}\p{{N}}.,/:-])(?P<fnum>\d{{1,2}})/(?P<fden>\d{{1,2}})(?![\d/])
        | (?<![\p{{L}}\p{{N}}.,/:]|\p{{L}}-)(?P<digits>{_NUMERAL})(?![.,]?\d|/\d|:\d)
        | (?<![\p{{L}}\p{{N}}-])(?P<share>{_words(_SHARES)})(?=(?P<of_a_point>\s+of\s+a\s+(?:percentage\s+)?point(?![\p{{L}}])))?(?![\p{{L}}-])
        | (?<![\p{{L}}\p{{N}}-])(?P<one_in>(?:one|1)\s+in\s+(?P<of>\d{{1,3}}|{_WORD_NUMBER}))(?![\p{{L}}\p{{N}}-])
        | (?<![\p{{L}}\p{{N}}-])(?P<word>{_WORD_NUMBER}|{_A_SCALE})(?![\p{{L}}-])
      )
      (?P<numeral_end>)
      (?:\s?(?P<scale>{_words(_SCALES)})(?![\p{{L}}])|(?<=\d)(?P<tight>[kmb])(?![\p{{L}}\p{{N}}]))?
      (?P<scale_end>)
      (?:\s*(?P<percent>%|per[\s-]?cent|pct|pc)(?![\p{{L}}])
        | \s+(?P<points>percentage\s+points?|basis\s+points?|bps|points?)(?![\p{{L}}])
        | \s+(?P<currency>{_words(_CURRENCY_WORDS)})(?![\p{{L}}])
      )?
    )
    (?![\p{{L}}\p{{N}}])
    """
)


@cache
def _figure(flags: int = regex.IGNORECASE) -> regex.Pattern:
    """The figure regex, compiled on first use (compiling it costs a start-up tens of milliseconds).
    Its letters are lower-case: without IGNORECASE it reads lower-cased text, four times as fast."""
    return kept_regexes.compile(_FIGURE_PATTERN, regex.VERBOSE | regex.VERSION1 | flags)


# Where a figure can begin, searched in the lower-cased text (the figure regex tried at every
# character costs 8 s for the BBC corpus). Each pattern finds more than the figure regex reads
# there (any run of non-alphanumerics where it reads spaces and hyphens; only ASCII letters and
# digits before a word where it refuses any letter or digit), never less. Each is searched with
# the engine that runs it faster: `re` for the words, `regex` for signs and digits (whose digits
# are then the figure regex's own).
_GAP = "[^a-z0-9]+"
_LEADS = [*_BOUNDS, "minus"]
_STARTS = (
    # a bound or "minus" anywhere (the figure regex reads "over" even at the end of "cover")
    (re, rf"(?=[{''.join(sorted({lead[0] for lead in _LEADS}))}])(?=(?:{_prefixes(_LEADS, _GAP)})[^a-z0-9])"),
    (regex, rf"(?:{'|'.join(_LETTER_SIGNS)})\$"),  # a sign in letters ("us$")
    # a number or share word at the start of a word
    (re, rf"(?<![a-z0-9-])(?=(?:{_prefixes([*_SHARES, *_UNITS, *_TENS], _GAP)}|an?{_GAP}(?:{_A_SCALES})))"),
    # a run of digits, a sign, a minus or decimal point before either
    (regex, r"[.−-](?=[\d£$€¥])|\d+|[£$€¥]"),
)
_LATIN = frozenset(string.ascii_letters)
# Lower-cased a piece at a time: lower-casing a text with other than ASCII characters allocates 12
# bytes a character at once (docs/security.md: a document's peak memory).
_PIECE = 1 << 16


@cache
def _starts() -> tuple[re.Pattern | regex.Pattern, ...]:
    return tuple(engine.compile(pattern) for engine, pattern in _STARTS)


def _figure_matches(prose: str) -> Iterator[regex.Match]:
    """The figure regex's matches in the prose, as its ``finditer`` finds them (in the lower-cased
    prose: the same spans and groups, lower-cased), tried only where a figure can begin. A text with
    a character that matches a Latin letter case-insensitively without being one ("ﬁve", the Kelvin
    sign) is read by ``finditer``: lower-casing would not show the search for starts that match."""
    if any(_LATIN.intersection(c.lower() + c.upper() + c.casefold()) for c in set(prose) if not c.isascii()):
        yield from _figure().finditer(prose)
        return
    lower, end = "".join(prose[start : start + _PIECE].lower() for start in range(0, len(prose), _PIECE)), 0
    for start in sorted({found.start() for pattern in _starts() for found in pattern.finditer(lower)}):
        if start >= end and (match := _figure(0).match(lower, start)):
            end = match.end()
            yield match


_TIME_OF_DAY = (r"\s?(?:a\.?m\b\.?|p\.?m\b\.?|gmt|bst|est|edt|cet|cst|pst|utc|hrs|o'clock|o’clock)(?![\p{L}])", regex.IGNORECASE)
_OF = (r"\s+(?:of|the|all|its|their|his|her|our|those|these)(?![\p{L}])", regex.IGNORECASE)
_SPACING = (r"[\s-]+", 0)
_RANGE_JOIN = (r"\s*[-–]\s*|\s+to\s+|\s+and\s+", 0)
# "one of the highest", "five of its members": a count of something else, not a figure of the measure.
_PARTITIVE = (r"\s+of\s+(?:the|its|their|his|her|our|them|those|these|us|which|whom|all)(?![\p{L}])", regex.IGNORECASE)
_CAPITALISED_BEFORE = (r"(?<![\p{L}])(\p{Lu}[\p{L}&]*)\s+$", 0)


@cache
def _rx(source: tuple[str, int]) -> regex.Pattern:
    """A regex of this module, compiled on first use: a run without quantity facts never reads figures."""
    return kept_regexes.compile(*source)
# Capitalised only because they open a sentence: a number after one is no part of a name ("Some 40").
_NOT_NAMES = SENTENCE_OPENERS | frozenset(
    "nearly almost around roughly approximately total minus plus up down than less more fewer another just over under".split()
)


def find_numbers(prose: str, dates: list[DateMention], times: list[TimeExpression]) -> list[NumberMention]:
    """Every figure in the prose outside the dates and written times already found."""
    taken = sorted({d.span for d in dates} | {t.span for t in times}, key=lambda span: span.start)
    starts = [span.start for span in taken]
    found: list[tuple[NumberMention, float]] = []
    for match in _figure_matches(prose):
        last = bisect.bisect_left(starts, match.end()) - 1  # the spans starting before this figure ends
        if any(taken[i].end > match.start() for i in range(max(last - 3, 0), last + 1)):
            continue  # inside a date or a written time ("in March 2019", "the 1990s")
        read = _mention(match, prose)
        if read is not None:
            found.append(read)
    return _ranges(found, prose)


def parse_number(text: str) -> NumberMention | None:
    """The one figure ``text`` is, written in full ("41.2 million", "£1.2bn", "2.6%"), else None."""
    text = text.strip()
    match = _figure().fullmatch(text)
    read = _mention(match, text) if match else None
    return read[0] if read and read[0].span == Span(0, len(text)) else None


def _mention(match: regex.Match, prose: str) -> tuple[NumberMention, float] | None:
    """The figure a match is, with the scale written with it (1 when none), or None when it is no figure."""
    groups = match.groupdict()
    scale_word = (groups["scale"] or groups["tight"] or "").lower()
    scale = _SCALES.get(scale_word) or _TIGHT_SCALES.get(scale_word, 1.0)
    unit = _unit(groups, prose, match)
    start, core, bound = match.start(), match.start("core"), _bound(groups)
    if groups["share"]:
        share = _normal(groups["share"])
        if groups["of_a_point"]:  # "a quarter of a percentage point": 0.25 points
            end = match.end("share") + len(groups["of_a_point"])
            return NumberMention(Span(start, end), core, _SHARES[share] / 100, "points", 0.0, bound, None, (end,)), 1.0
        if share in _SHARE_NEEDS_OF and not _rx(_OF).match(prose, match.end("share")):
            return None  # "a third term"
        end, value = match.end("share"), _SHARES[share]
        return NumberMention(Span(start, end), core, value, "%", max(2.5, 0.1 * value), bound, None, (end,)), 1.0
    if groups["one_in"]:
        count = int(groups["of"]) if groups["of"].isdigit() else _word_value(groups["of"])
        if count < 2:
            return None
        end, value = match.end("one_in"), 100 / count
        return NumberMention(Span(start, end), core, value, "%", max(2.5, 0.1 * value), bound, None, (end,)), 1.0
    if groups["digits"]:
        written = groups["digits"].replace(",", "")
        value = float(written)
        decimals = len(written.split(".")[1]) if "." in written else 0
        precision = 0.5 * 10.0**-decimals if decimals else 0.5 * 10.0 ** _trailing_zeros(written)
        plain = not (unit or scale_word or groups["bound"] or groups["sign"] or groups["minus"])
        if plain and "," not in groups["digits"] and "." not in written and len(written) == 4 and 1800 <= value <= 2099:
            return None  # a year
        if not unit and not scale_word and _rx(_TIME_OF_DAY).match(prose, match.end()):
            return None  # "3pm", "0900 GMT"
        if plain and _in_a_name(prose, core):
            return None  # "FTSE 100", "Channel 4", "Apollo 11"
    elif groups["whole"] or groups["fnum"]:
        numerator, denominator = int(groups["num"] or groups["fnum"]), int(groups["den"] or groups["fden"])
        if denominator not in _DENOMINATORS or not 0 < numerator < denominator:
            return None
        if groups["fnum"] and not (unit or scale_word):
            return None  # "3/4" alone may be a date or a score
        value = int(groups["whole"] or 0) + numerator / denominator
        precision = 0.5 / denominator
    else:
        word = _normal(groups["word"])
        if word in ("a", "an") and not scale_word:
            return None
        value, precision = (1.0 if word in ("a", "an") else float(_word_value(word))), 0.5
    if not unit and not scale_word and _rx(_PARTITIVE).match(prose, match.end()):
        return None  # "one of the highest"
    if groups["minus"]:
        value = -value
    value, precision = value * scale, precision * scale
    if unit == "bps":
        value, precision, unit = value / 100, precision / 100, "points"
    qualified = _rx(_QUALIFIED_CURRENCY).match(prose, match.end()) if unit == "?" and not groups["sign"] else None
    end = qualified.end() if qualified else match.end()  # "40 million Canadian dollars"
    cuts = tuple(sorted({match.end("numeral_end"), match.end("scale_end"), match.end(), end}))
    return NumberMention(Span(start, end), core, value, unit, precision, bound, None, cuts), scale


def _unit(groups: dict, prose: str, match: regex.Match) -> str | None:
    if groups["percent"]:
        return "%"
    if groups["points"]:
        return "bps" if _normal(groups["points"]).startswith(("basis", "bps")) else "points"
    if groups["currency"]:
        return _CURRENCY_WORDS[_normal(groups["currency"])]
    if groups["sign"]:
        return _SIGNS[groups["sign"].lower()]
    if _rx(_QUALIFIED_CURRENCY).match(prose, match.end()):
        return "?"  # "40 million Canadian dollars"
    return None


def _bound(groups: dict) -> str:
    return _BOUNDS[_normal(groups["bound"])] if groups["bound"] else "exact"


def _trailing_zeros(digits: str) -> int:
    """'40000' -> 4: a whole number is taken as rounded at its last non-zero digit."""
    stripped = digits.lstrip("0") or "0"
    return len(stripped) - len(stripped.rstrip("0")) if stripped != "0" else 0


def _word_value(words: str) -> int:
    parts = _rx(_SPACING).split(words.lower())
    return sum(_TENS.get(part, 0) + _UNITS.get(part, 0) for part in parts)


def _normal(words: str) -> str:
    return _rx(_SPACING).sub(" ", words.lower())


def _in_a_name(prose: str, start: int) -> bool:
    """A bare number right after a capitalised word that is not a sentence opener: "FTSE 100"."""
    found = _rx(_CAPITALISED_BEFORE).search(prose, max(start - 40, 0), start)
    return found is not None and found.group(1).lower() not in _NOT_NAMES and not found.group(1).isdigit()


def _ranges(found: list[tuple[NumberMention, float]], prose: str) -> list[NumberMention]:
    """Join "2.5-3%", "2.5 to 3 per cent", "2.5%-3%" and "between 40 and 50 million" into one figure
    with a range. "from 2.6% to 3.1%" is a change, and "rose 0.3% to 3.1%" a change and a level:
    those stay two figures (a range joined by "to" has its unit written once, at its end)."""
    joined: list[NumberMention] = []
    index = 0
    while index < len(found):
        (first, first_scale), combined = found[index], None
        if index + 1 < len(found):
            second, second_scale = found[index + 1]
            between = prose[first.span.end : second.span.start]
            word = between.strip().lower()
            before = prose[max(first.span.start - 12, 0) : first.span.start].lower().split()
            opening = bool(before) and before[-1] == "between" and prose[first.span.start - 1].isspace()
            if (
                _rx(_RANGE_JOIN).fullmatch(between)
                and second.bound == "exact"
                and (word == "and") == opening
                and not (word == "to" and ((before and before[-1] == "from") or first.unit is not None))
            ):
                combined = _combined(first, first_scale, second, second_scale)
                if combined is not None and opening:
                    window = max(first.span.start - 12, 0)
                    start = window + prose[window : first.span.start].lower().rindex("between")
                    combined = replace(combined, span=Span(start, combined.span.end))
        if combined is not None:
            joined.append(combined)
            index += 2
        else:
            joined.append(first)
            index += 1
    return joined


def _combined(first: NumberMention, first_scale: float, second: NumberMention, second_scale: float) -> NumberMention | None:
    """One figure for a range, or None when the two are no range (a score "2-1", different units)."""
    if first.unit not in (None, second.unit):
        return None
    low, precision = first.value, first.precision
    if first_scale == 1.0 and second_scale != 1.0:
        low, precision = low * second_scale, precision * second_scale  # "40-50 million": 40 is 40 million
    if low >= second.value:
        return None
    return NumberMention(
        Span(first.span.start, second.span.end), first.core, low, second.unit, max(precision, second.precision), first.bound,
        second.value, second.cuts,
    )
