"""Numbers as newsrooms write them: "2.6%", "2.6 per cent", "£1.2bn", "1.2 billion pounds",
"40 million", "five", "a third", "more than 40,000".

Each becomes a value with a unit (``%``, a currency code, or none) and a bound that says how
the copy commits to it: "more than 40 million" is true of 45 million, "about 2.6%" of 2.58%.
Years, dates and times of day are not quantities: a bare four-digit number from 1800 to 2099
with no unit, scale or bound is left alone, as are numbers inside a date the date finder saw.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from linter.source.document import Span

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12,
}
# "a third of voters", "two-thirds", "half": shares, read as percentages.
_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3,
    "two thirds": 200 / 3, "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0,
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
}
# Scales written apart or against the number ("40 million", "£1.2bn"); "m", "b" and "k" only
# against it ("£3m", "40k"): "3 m" is three metres.
_SCALES = {"thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "billions": 1e9,
           "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
_TIGHT_SCALES = {"k": 1e3, "m": 1e6, "b": 1e9}
_CURRENCY_SIGNS = {"£": "GBP", "$": "USD", "US$": "USD", "€": "EUR", "¥": "JPY", "A$": "AUD", "C$": "CAD"}
_CURRENCY_WORDS = {
    "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "stg": "GBP", "pounds sterling": "GBP", "dollars": "USD",
    "dollar": "USD", "dlrs": "USD", "dlr": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY",
}
# Words before a number that bound it: the copy says the value is above, below or near it.
_BOUNDS = {
    "more than": "over", "over": "over", "above": "over", "in excess of": "over", "upwards of": "over",
    "at least": "at-least", "no fewer than": "at-least", "no less than": "at-least",
    "less than": "under", "fewer than": "under", "under": "under", "below": "under",
    "at most": "at-most", "no more than": "at-most", "up to": "at-most",
    "about": "about", "around": "about", "roughly": "about", "some": "about", "approximately": "about",
    "nearly": "almost", "almost": "almost", "close to": "almost", "just under": "almost",
    "just over": "just-over", "barely": "about",
}


def _alternation(words) -> str:
    return "|".join(regex.escape(word).replace(r"\ ", r"[\s-]+") for word in sorted(words, key=len, reverse=True))


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_QUANTITY = regex.compile(
    rf"""
    (?:(?P<bound>{_alternation(_BOUNDS)})\s+)?
    (?:
        (?P<sign>{_alternation(_CURRENCY_SIGNS)})\s?(?P<amount>{_NUMBER})
      | (?<![\p{{L}}\p{{N}}.,])(?P<number>{_NUMBER})(?![.,]?\d)
      | (?<![\p{{L}}-])(?P<fraction>{_alternation(_FRACTIONS)})(?![\p{{L}}-])
      | (?<![\p{{L}}-])(?P<word>{_alternation(_WORD_NUMBERS)})(?![\p{{L}}-])
    )
    (?:\s?(?P<scale>{_alternation(_SCALES)})|(?P<scale>{_alternation(_TIGHT_SCALES)}))?(?![\p{{L}}])
    (?:\s*(?P<percent>%|per\s+cent|percent|pc|pct)(?![\p{{L}}])
      | \s+(?P<currency>{_alternation(_CURRENCY_WORDS)})(?![\p{{L}}])
    )?
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.VERSION1,
)


@dataclass(frozen=True)
class NumberMention:
    span: Span
    value: float
    unit: str | None  # "%", a currency code such as "GBP", or None: a count
    bound: str = "exact"  # "exact", "about", "almost", "over", "just-over", "under", "at-least", "at-most"

    def agrees_with(self, fact: float, tolerance: float) -> bool:
        """Whether the fact's value makes this number true. ``tolerance`` is absolute, in the
        fact's unit: how far an exact or approximate figure may stray and still be right."""
        low, high = fact - tolerance, fact + tolerance
        if self.bound in ("over", "just-over"):
            return fact > self.value - tolerance
        if self.bound == "at-least":
            return high >= self.value
        if self.bound == "under":
            return fact < self.value + tolerance
        if self.bound == "at-most":
            return low <= self.value
        if self.bound == "almost":
            return self.value - 2 * tolerance - abs(self.value) * 0.1 <= fact <= self.value + tolerance
        if self.bound == "about":
            return low - abs(self.value) * 0.05 <= self.value <= high + abs(self.value) * 0.05
        return low <= self.value <= high


def find_numbers(prose: str, taken: list[Span] = ()) -> list[NumberMention]:
    """Every quantity in ``prose`` outside the ``taken`` spans (dates already found)."""
    found: list[NumberMention] = []
    blocked = sorted(taken, key=lambda span: span.start)
    for match in _QUANTITY.finditer(prose):
        mention = _mention(match)
        if mention is None or any(span.start < mention.span.end and mention.span.start < span.end for span in blocked):
            continue
        found.append(mention)
    return found


def _mention(match: regex.Match) -> NumberMention | None:
    groups = {name: (value or None) for name, value in match.groupdict().items()}
    scale_word = (groups["scale"] or "").lower()
    unit = None
    if groups["fraction"]:
        value, unit = _FRACTIONS[_normal(groups["fraction"])], "%"
        bound = _BOUNDS.get(_normal(groups["bound"] or ""), "about")
        return NumberMention(Span(match.start(), match.end("fraction")), value, unit, "about" if bound == "exact" else bound)
    value = float(_WORD_NUMBERS[_normal(groups["word"])]) if groups["word"] else float((groups["amount"] or groups["number"]).replace(",", ""))
    value *= _SCALES.get(scale_word) or _TIGHT_SCALES.get(scale_word, 1.0)
    if groups["sign"]:
        unit = _CURRENCY_SIGNS[groups["sign"]] if groups["sign"] in _CURRENCY_SIGNS else _CURRENCY_SIGNS[groups["sign"].upper()]
    elif groups["currency"]:
        unit = _CURRENCY_WORDS[_normal(groups["currency"])]
    elif groups["percent"]:
        unit = "%"
    bound = _BOUNDS[_normal(groups["bound"])] if groups["bound"] else "exact"
    plain = groups["number"] and not (unit or scale_word or groups["bound"])
    if plain and "." not in groups["number"] and "," not in groups["number"] and 1800 <= value <= 2099:
        return None  # a year, not a quantity
    start = match.start() if groups["bound"] else match.start("sign") if groups["sign"] else _first_group_start(match)
    return NumberMention(Span(start, match.end()), value, unit, bound)


def _first_group_start(match: regex.Match) -> int:
    return min(match.start(name) for name in ("number", "word", "amount") if match.group(name))


def _normal(words: str) -> str:
    return regex.sub(r"[\s-]+", " ", words.lower())
