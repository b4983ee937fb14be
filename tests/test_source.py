"""Reading documents: exact offsets, Markdown awareness, encodings."""

from __future__ import annotations

import pytest

from linter.errors import UserError
from linter.source.read import document_from_text, read_document


def test_positions_count_characters_and_handle_every_line_ending():
    document = document_from_text("ab\r\ncé\rfg\nhi", "x.txt")
    assert document.position(0) == (1, 1)
    assert document.position(4) == (2, 1)
    assert document.position(5) == (2, 2)  # 'é' is one character
    assert document.position(7) == (3, 1)
    assert document.position(10) == (4, 1)
    assert document.line_text(2) == "cé"


def test_markdown_masks_non_prose_and_keeps_offsets():
    text = (
        "---\ndate: 2025-05-01\n---\n# A heading\n\nProse with `Prime Minister Sunak` code.\n\n"
        "```\nPrime Minister Sunak\n```\n<!-- Prime Minister Sunak -->\n[Sunak](https://x.test/Prime-Minister) said.\n"
    )
    document = document_from_text(text, "x.md", "markdown")
    assert len(document.prose) == len(text)
    assert document.prose.count("\n") == text.count("\n")
    assert "Prime Minister Sunak" not in document.prose
    assert "date" not in document.prose
    assert "A heading" in document.prose and "Sunak" in document.prose and "https" not in document.prose
    assert document.metadata == {"date": "2025-05-01"}
    assert document.metadata_locations["date"].line == 2
    heading = document.prose.index("A heading")
    assert any(block.start == heading and document.prose[block.end - 1] == "g" for block in document.blocks)


def test_markdown_front_matter_errors_point_into_the_document():
    with pytest.raises(UserError) as caught:
        document_from_text("---\ntitle: [unclosed\n---\nText.\n", "x.md", "markdown")
    assert str(caught.value).startswith("x.md:3:")


def test_utf8_with_bom_is_read_and_invalid_utf8_is_located(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(b"\xef\xbb\xbfPrime Minister")
    assert read_document(str(good)).text == "Prime Minister"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"line one\nab\xff")
    with pytest.raises(UserError) as caught:
        read_document(str(bad))
    assert str(caught.value).startswith(f"{bad}:2:3: not valid UTF-8")


def test_plain_text_blocks_are_paragraphs():
    document = document_from_text("Headline\n\nFirst para\ncontinues.\n\n\nSecond.", "x.txt")
    assert [document.text[b.start : b.end] for b in document.blocks] == ["Headline", "First para\ncontinues.", "Second."]
