"""Sentences and quotations."""

from __future__ import annotations

import pytest

from linter.segment.quotes import find_quotations
from linter.segment.sentences import split_sentences
from linter.segment.tokens import document_tokens, lines_in_capitals, token_key
from linter.source.document import Span
from linter.source.read import document_from_text


def sentences(text: str) -> list[str]:
    document = document_from_text(text, "x.txt")
    return [text[s.start : s.end] for s in split_sentences(document.prose, document.blocks)]


def test_sentences_split_on_terminal_punctuation():
    assert sentences("It rained. Then it stopped! Did it? Yes.") == ["It rained.", "Then it stopped!", "Did it?", "Yes."]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert sentences("Mr. Smith met Gen. Jones in the U.S. on Monday. George W. Bush spoke.") == [
        "Mr. Smith met Gen. Jones in the U.S. on Monday.",
        "George W. Bush spoke.",
    ]


def test_sentence_ending_inside_a_quote():
    assert sentences('He said: "It is over." Then he left.') == ['He said: "It is over."', "Then he left."]


def quotes(text: str) -> list[tuple[str, bool]]:
    document = document_from_text(text, "x.txt")
    return [(text[q.inner.start : q.inner.end], q.closed) for q in find_quotations(document.prose, document.blocks)]


def test_straight_and_curly_quotes_pair_and_may_span_sentences():
    assert quotes('A "one. Two." B “three” C') == [("one. Two.", True), ("three", True)]


def test_a_quote_left_open_ends_with_its_paragraph():
    assert quotes('He said: "It runs on\n\nNext paragraph.') == [("It runs on", False)]


def test_a_quote_left_open_ends_where_the_next_one_opens():
    """Paragraphs run together, each opening its quotation without closing the one before (the
    press convention for a quote over several paragraphs): every opening starts a quotation."""
    text = 'Cole said: "No-one is blaming Robin. "It\'s just one of those things." Wenger added: “Not now. “Later.”'
    assert quotes(text) == [("No-one is blaming Robin.", False), ("It's just one of those things.", True), ("Not now.", False), ("Later.", True)]
    assert quotes('"Yes," he said, "we will."') == [("Yes,", True), ("we will.", True)]  # a quote after a space closes nothing open


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OBAMA: 'THERE IS NO PLAN B'", [("THERE IS NO PLAN B", True)]),
        ("'It's time to go,' she said.", [("It's time to go,", True)]),
        ("‘We will win,’ he said.", [("We will win,", True)]),
        # Apostrophes, scare quotes and a quotation left open are not quotations.
        ("The workers' pay was 'unfair', he said.", []),
        ("They played rock 'n' roll all night.", []),
        ("In the '90s they said 'we are ready now'.", [("we are ready now", True)]),
        ("'Unclosed and unsure", []),
        # With double quotes in the paragraph, single ones are quotes within quotes.
        ('He said "we\'ll see \'maybe so\' soon" today.', [("we'll see 'maybe so' soon", True)]),
    ],
)
def test_single_quotes_are_quotation_marks_only_where_no_double_ones_are(text, expected):
    assert quotes(text) == expected


def test_tokens_of_fact_strings_match_tokens_of_text():
    assert token_key("U.S. President") == ("U", ".", "S", ".", "President")
    assert token_key("Sunak's") == ("Sunak's",)
    assert Span(2, 5).contains(Span(3, 5)) and not Span(2, 5).contains(Span(1, 3))


def test_tokens_cost_a_few_bytes_each_however_often_a_word_repeats():
    """Memory in proportion to the document (docs/security.md): offsets in 4-byte arrays, and one
    string object per distinct word in every list of texts."""
    from linter.segment.tokens import tokenize

    tokens = tokenize("Sunak's word, Word word. " * 3)
    assert tokens.starts.itemsize == tokens.ends.itemsize == 4
    for texts in (tokens.texts, tokens.lower, tokens.bases, tokens.lower_bases):
        assert len({id(text) for text in texts}) == len(set(texts))
    assert tokens.lower[:4] == ["sunak's", "word", ",", "word"] and tokens.lower_bases[0] == "sunak"


def test_a_long_text_is_tokenized_in_chunks_with_the_same_tokens(monkeypatch):
    from linter.segment import tokens as module

    text = "One line, here.\nAnother “quoted” line\r\n\nÉtienne's end"
    whole = module.tokenize(text)
    monkeypatch.setattr(module, "_CHUNK", 5)
    chunked = module.tokenize(text)
    assert (chunked.texts, list(chunked.starts), list(chunked.ends)) == (whole.texts, list(whole.starts), list(whole.ends))
    assert [text[start:end] for start, end in zip(chunked.starts, chunked.ends)] == chunked.texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UK Foreign Secretary Jeremy Hunt Meets Zelenskiy in Kyiv on First Trip", True),
        ("Sunak Calls Election for July", True),
        ("Sunak calls an election for July", False),  # sentence case
        ("SUNAK CALLS ELECTION", False),  # in capitals: marked as shouted instead
        ("Prime Minister Speaks", False),  # too short to tell a headline from a name
        ("The Prime Minister, Rishi Sunak, said on Friday that the vote would be in July.", False),
    ],
)
def test_headlines_in_title_case_are_told_from_prose(text, expected):
    prose = f"{text}\n\nThe body follows."
    tokens = document_tokens(prose, lines_in_capitals(prose))
    first_word = 0
    assert (first_word in tokens.title_cased) is expected
    assert tokens.index_at_or_after(prose.index("The body")) not in tokens.title_cased
