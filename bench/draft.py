"""The 2,000-word drafts the single-draft benchmarks check (bench/run.py, startup.py, server_latency.py).

``corpus``: the first 2,000 words of the BBC business articles (the pre-commit case of
bench/run.py since its first version; needs ../shared). ``seed``: the seed article's body
repeated to 2,000 words, denser in names, titles and quotations, with four findings per copy.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
SEED_ARTICLE = REPO / "seeds" / "coalition-of-the-willing.md"
SEED_FACTS = REPO / "seeds" / "facts.yaml"
WORDS = 2000


def corpus_draft() -> str | None:
    """The BBC business words as one Markdown draft dated 2025-06-01, or None without ../shared."""
    articles = sorted((CORPUS / "business").glob("*.txt"))
    if not articles:
        return None
    words = " ".join(p.read_text(encoding="utf-8") for p in articles).split()[:WORDS]
    return "---\ndate: 2025-06-01\n---\n" + " ".join(words) + "\n"


def seed_draft() -> str:
    """The seed article's front matter, then its body repeated (paragraphs apart) and cut after 2,000 words."""
    _, front, body = SEED_ARTICLE.read_text(encoding="utf-8").split("---\n", 2)
    copies = "\n\n".join([body.strip()] * (WORDS // len(body.split()) + 1))
    cut = [m.end() for m in re.finditer(r"\S+", copies)][WORDS - 1]
    return f"---\n{front}---\n" + copies[:cut] + "\n"
