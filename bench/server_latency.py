"""How long the running language server takes to check a changed 2,000-word draft again.

    python bench/server_latency.py [--runs 50] [--draft corpus|seed|both]

Through the real protocol: starts ``python -m linter server`` (debounce 0, so that only the
check is timed), opens the draft with the seed facts, then --runs times adds a word and
times from sending ``textDocument/didChange`` to receiving the ``publishDiagnostics`` for that
version: the check, turning findings into diagnostics, and both JSON-RPC messages over the
pipes. Prints the median and range, and the first open (configuration, rules and facts loaded).
Then the same edits checked in process with ``Session.check`` alone, for the share of the check.
Needs the server extra (pip install -e '.[server]').
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from draft import REPO, SEED_FACTS, corpus_draft, seed_draft

TIMEOUT = 60


def edits(text: str, runs: int) -> list[str]:
    """The draft with a word added at its end, a different one each time (each is a new text to check)."""
    return [text.rstrip("\n") + f" word{i}\n" for i in range(runs)]


async def through_protocol(draft: Path, runs: int) -> tuple[float, list[float], int]:
    """Seconds to the first diagnostics, seconds for each change, and the findings of the draft."""
    client = LanguageClient("factlint-bench", "1")
    published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def received(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    await client.start_io(sys.executable, "-m", "linter", "server", cwd=str(REPO))
    stderr = asyncio.create_task(client._server.stderr.read())  # drained, so that the pipe never fills
    await asyncio.wait_for(client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options={"debounceMilliseconds": 0},
    )), TIMEOUT)
    client.initialized(types.InitializedParams())
    uri, text = from_fs_path(str(draft)), draft.read_text(encoding="utf-8")

    async def diagnostics_for(version: int) -> list[types.Diagnostic]:
        while (params := await asyncio.wait_for(published.get(), TIMEOUT)).version != version:
            pass
        return list(params.diagnostics)

    start = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text),
    ))
    findings = len(await diagnostics_for(1))
    first = time.perf_counter() - start
    times = []
    for version, changed in enumerate(edits(text, runs), 2):
        start = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=changed)],
        ))
        await diagnostics_for(version)
        times.append(time.perf_counter() - start)
    await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
    client.exit(None)
    await asyncio.wait_for(client.stop(), TIMEOUT)
    await stderr
    return first, times, findings


def in_process(draft: Path, runs: int) -> list[float]:
    from linter.server.session import Session

    session, text = Session(), draft.read_text(encoding="utf-8")
    session.check(str(draft), text, "markdown", draft.parent)  # loads configuration, rules and facts
    times = []
    for changed in edits(text, runs):
        start = time.perf_counter()
        session.check(str(draft), changed, "markdown", draft.parent)
        times.append(time.perf_counter() - start)
    return times


def describe(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    return f"median {statistics.median(ms):.1f} ms, range {ms[0]:.1f}-{ms[-1]:.1f} ms over {len(ms)} changes"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--draft", choices=("corpus", "seed", "both"), default="both")
    arguments = parser.parse_args()
    drafts = {"corpus": corpus_draft, "seed": seed_draft}
    for name in ("corpus", "seed") if arguments.draft == "both" else (arguments.draft,):
        text = drafts[name]()
        if text is None:
            print(f"{name} draft: skipped (needs ../shared/corpus/bbc)")
            continue
        with tempfile.TemporaryDirectory(prefix="factlint-server-bench-") as work:
            shutil.copy(SEED_FACTS, Path(work) / "facts.yaml")
            (Path(work) / "factlint.yaml").write_text("facts: [facts.yaml]\n", encoding="utf-8")
            draft = Path(work) / "draft.md"
            draft.write_text(text, encoding="utf-8")
            first, times, findings = asyncio.run(through_protocol(draft, arguments.runs))
            print(f"{name} draft ({len(text.split())} words, {findings} findings):")
            print(f"  first open, configuration, rules and facts loaded: {first * 1000:.0f} ms")
            print(f"  changed, through the protocol: {describe(times)}")
            print(f"  changed, Session.check in process: {describe(in_process(draft, arguments.runs))}")


if __name__ == "__main__":
    main()
