"""``factlint server``: a real server process, driven over stdio by a real LSP client (pygls's).

Each test starts ``python -m linter server`` (the same command as ``factlint server``) on a copy
of the seed article, its facts and the repository's configuration, speaks the protocol to it, and
stops it. Every wait has a time limit, so a server that hangs fails the test instead of blocking.
Positions are checked in all three encodings a client may agree on: the article's curly quotes
take one UTF-16 unit but three UTF-8 bytes, so a wrong conversion moves every range after them.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from conftest import REPO
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

TIMEOUT = 30  # seconds any one wait may take
ARTICLE = "coalition-of-the-willing.md"
SEED_RULES = {"former-office-holder", "quote-anachronism", "office-holder", "event-date"}
SUNAK_FACTS = "Rishi Sunak was Prime Minister of the United Kingdom from 25 October 2022 to 5 July 2024; Keir Starmer from 5 July 2024."
DOCS = "https://github.com/factlint/factlint/blob/v1.0.0/docs"


class Editor:
    """pygls's language client in the part of an editor: it starts the server, keeps every
    diagnostics notification in order, holds the text of the documents it opened, and applies edits."""

    def __init__(self, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.encoding = encoding
        self.client = LanguageClient("factlint-test-editor", "1")
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()
        self.unread: list[types.PublishDiagnosticsParams] = []  # received while waiting for another document's
        self.registrations: list[types.Registration] = []
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.stderr = bytearray()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

    async def start(self, root: Path, debounce_ms: int = 0) -> types.InitializeResult:
        await self.client.start_io(sys.executable, "-m", "linter", "server", cwd=str(REPO))
        self._drain = asyncio.create_task(self._read_stderr())
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=[self.encoding]),
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
            ),
            text_document=types.TextDocumentClientCapabilities(
                synchronization=types.TextDocumentSyncClientCapabilities(did_save=True),
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(code_description_support=True, version_support=True),
                hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
                code_action=types.CodeActionClientCapabilities(is_preferred_support=True),
            ),
        )
        params = types.InitializeParams(
            capabilities=capabilities,
            process_id=None,
            root_uri=from_fs_path(str(root)),
            initialization_options={"debounceMilliseconds": debounce_ms},
        )
        result = await _wait(self.client.initialize_async(params))
        self.client.initialized(types.InitializedParams())
        return result

    async def _read_stderr(self) -> None:
        while chunk := await self.client._server.stderr.read(65536):
            self.stderr.extend(chunk)

    async def stop(self) -> None:
        """Shut the server down as an editor does, and make sure the process is gone."""
        try:
            await _wait(self.client.shutdown_async(None))
            self.client.exit(None)
            await _wait(self.client._server.wait())
        finally:
            if self.client._server.returncode is None:
                self.client._server.kill()
            await _wait(self.client.stop())
            await _wait(self._drain)
        assert b"Traceback" not in self.stderr, self.stderr.decode()

    def open(self, path: Path, language: str = "markdown") -> str:
        uri = from_fs_path(str(path))
        self.texts[uri], self.versions[uri] = path.read_text(encoding="utf-8"), 1
        item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=self.texts[uri])
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return uri

    def change(self, uri: str, text: str) -> int:
        """Send the document's whole new text, as the server asks; the new version."""
        self.texts[uri], self.versions[uri] = text, self.versions[uri] + 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        ))
        return self.versions[uri]

    def apply(self, edit: types.WorkspaceEdit) -> int:
        """Apply a workspace edit of one document as an editor does (refusing a stale one), and send the change."""
        [change] = edit.document_changes
        uri = change.text_document.uri
        assert change.text_document.version == self.versions[uri], "an edit for an older version of the text"
        text = self.texts[uri]
        for text_edit in sorted(change.edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
            start, end = (_offset(text, p, self.encoding) for p in (text_edit.range.start, text_edit.range.end))
            text = text[:start] + text_edit.new_text + text[end:]
        return self.change(uri, text)

    def text_of(self, uri: str, where: types.Range) -> str:
        text = self.texts[uri]
        return text[_offset(text, where.start, self.encoding) : _offset(text, where.end, self.encoding)]

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The next diagnostics published for ``uri`` (for ``version`` of its text, when given)."""

        def wanted(params: types.PublishDiagnosticsParams) -> bool:
            return params.uri == uri and (version is None or params.version == version)

        for params in self.unread:
            if wanted(params):
                self.unread.remove(params)
                return list(params.diagnostics)
        while not wanted(params := await _wait(self.published.get())):
            self.unread.append(params)
        return list(params.diagnostics)


def _offset(text: str, where: types.Position, encoding: str) -> int:
    """The character offset of an LSP position, counted here independently of the server's code."""
    starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]
    start = starts[where.line]
    line = text[start:].splitlines()[0] if text[start:] else ""
    codec = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}[encoding]
    return start + len(line.encode(codec[0])[: where.character * codec[1]].decode(codec[0]))


async def _wait(awaitable):
    return await asyncio.wait_for(awaitable, TIMEOUT)


@contextlib.asynccontextmanager
async def editing(root: Path, debounce_ms: int = 0) -> AsyncIterator[Editor]:
    """An editor with the server started on ``root``, shut down however the scenario ends."""
    editor = Editor()
    await editor.start(root, debounce_ms)
    try:
        yield editor
    finally:
        await editor.stop()


def _run(scenario) -> None:
    """Run an async scenario to its end in a fresh event loop."""
    asyncio.run(scenario())


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the seed article, its facts and the repository's configuration (tests edit them)."""
    (tmp_path / "seeds").mkdir()
    for name in (ARTICLE, "facts.yaml"):
        shutil.copy(REPO / "seeds" / name, tmp_path / "seeds" / name)
    shutil.copy(REPO / "factlint.yaml", tmp_path / "factlint.yaml")
    return tmp_path


def _by_rule(diagnostics: list[types.Diagnostic]) -> dict[str, types.Diagnostic]:
    return {diagnostic.code: diagnostic for diagnostic in diagnostics}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_opening_the_seed_article_gives_its_four_findings(workspace, encoding):
    async def scenario() -> None:
        editor = Editor(encoding)
        result = await editor.start(workspace)
        try:
            assert result.capabilities.position_encoding == encoding
            uri = editor.open(workspace / "seeds" / ARTICLE)
            diagnostics = await editor.diagnostics(uri, version=1)
            found = _by_rule(diagnostics)
            assert set(found) == SEED_RULES and len(diagnostics) == 4
            assert {d.severity for d in diagnostics} == {types.DiagnosticSeverity.Error} and {d.source for d in diagnostics} == {"factlint"}
            sunak = found["office-holder"]
            assert editor.text_of(uri, sunak.range) == "UK Prime Minister Rishi Sunak"
            assert sunak.range.start.line == 7  # line 8 of the file
            assert sunak.message.startswith("Rishi Sunak was not Prime Minister of the United Kingdom between 5 April and 31 December 2025")
            assert sunak.message.endswith(f"\nWhat the facts say: {SUNAK_FACTS}")
            assert sunak.code_description.href == f"{DOCS}/rules.md#office-holder"
            assert editor.text_of(uri, found["event-date"].range) == "March 15"
            assert editor.text_of(uri, found["quote-anachronism"].range) == "President Trump"
            watched = [w["globPattern"] for r in editor.registrations for w in r.register_options["watchers"]]  # untyped here
            assert [r.method for r in editor.registrations] == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
            assert watched == ["**/*.yaml", "**/*.yml", "**/*.toml"]
        finally:
            await editor.stop()

    _run(scenario)


def test_edits_update_the_diagnostics_after_the_typing_pauses(workspace):
    async def scenario() -> None:
        async with editing(workspace, debounce_ms=100) as editor:
            uri = editor.open(workspace / "seeds" / ARTICLE)
            assert len(await editor.diagnostics(uri, version=1)) == 4
            original = editor.texts[uri]
            # Three quick edits: the first two are never checked, the last one is.
            editor.change(uri, original.replace("the government", "the goverment", 1))
            editor.change(uri, original + "\nStray line.\n")
            corrected = original.replace("UK Prime Minister Rishi Sunak", "UK Prime Minister Keir Starmer") + "\nThe goverment agreed.\n"
            last = editor.change(uri, corrected)
            params = await _wait(editor.published.get())
            assert (params.uri, params.version) == (uri, last), "an intermediate text was checked"
            found = _by_rule(params.diagnostics)
            # Starmer holds the office, and the quote's speaker is now Starmer, whose tenure meets Trump's.
            assert set(found) == {"former-office-holder", "event-date", "misspelling"}
            assert found["misspelling"].severity == types.DiagnosticSeverity.Warning
            assert editor.text_of(uri, found["misspelling"].range) == "goverment"

    _run(scenario)


def test_code_actions_fix_and_suppress_and_the_findings_go(workspace):
    async def scenario() -> None:
        async with editing(workspace) as editor:
            path = workspace / "seeds" / ARTICLE
            path.write_text(path.read_text(encoding="utf-8") + "\nThe goverment agreed.\n", encoding="utf-8")
            uri = editor.open(path)
            found = _by_rule(await editor.diagnostics(uri, version=1))
            assert set(found) == SEED_RULES | {"misspelling"}

            async def actions(diagnostic: types.Diagnostic, only: list[str] | None = None) -> dict[str, types.CodeAction]:
                params = types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=diagnostic.range,
                    context=types.CodeActionContext(diagnostics=[diagnostic], only=only),
                )
                return {action.title: action for action in await _wait(editor.client.text_document_code_action_async(params))}

            # office-holder: an unsafe fix (a factual suggestion), not preferred, and a suppression.
            offered = await actions(found["office-holder"])
            fix = offered["Replace “Rishi Sunak” with “Keir Starmer” (unsafe: a factual suggestion, check it first)"]
            assert fix.kind == types.CodeActionKind.QuickFix and not fix.is_preferred and list(fix.diagnostics) == [found["office-holder"]]
            assert "Suppress office-holder on this line (give the reason in the comment)" in offered
            version = editor.apply(fix.edit)
            found = _by_rule(await editor.diagnostics(uri, version=version))
            assert set(found) == {"former-office-holder", "event-date", "misspelling"}

            # misspelling: a safe fix, preferred.
            [safe] = [a for a in (await actions(found["misspelling"])).values() if a.edit and a.is_preferred]
            assert safe.title == "Replace “goverment” with “government”"

            # event-date, then former-office-holder on the same line: one comment above the line names both.
            suppress = (await actions(found["event-date"]))["Suppress event-date on this line (give the reason in the comment)"]
            version = editor.apply(suppress.edit)
            found = _by_rule(await editor.diagnostics(uri, version=version))
            assert set(found) == {"former-office-holder", "misspelling"}
            assert "<!-- factlint-disable-next-line event-date -- REASON -->\nThis is one of the key steps" in editor.texts[uri]
            suppress = (await actions(found["former-office-holder"]))["Suppress former-office-holder on this line (give the reason in the comment)"]
            version = editor.apply(suppress.edit)
            found = _by_rule(await editor.diagnostics(uri, version=version))
            assert set(found) == {"misspelling"}, "the suppressions are used, none is reported as unused"
            assert "<!-- factlint-disable-next-line event-date, former-office-holder -- REASON -->" in editor.texts[uri]

            # Every safe fix at once, as a source action.
            [fix_all] = (await actions(found["misspelling"], only=[types.CodeActionKind.SourceFixAll])).values()
            version = editor.apply(fix_all.edit)
            assert await editor.diagnostics(uri, version=version) == []
            assert "The government agreed." in editor.texts[uri]

    _run(scenario)


def test_hover_on_a_flagged_span_says_what_the_facts_say(workspace):
    async def scenario() -> None:
        async with editing(workspace) as editor:
            uri = editor.open(workspace / "seeds" / ARTICLE)
            sunak = _by_rule(await editor.diagnostics(uri, version=1))["office-holder"]
            inside = types.Position(line=sunak.range.start.line, character=sunak.range.start.character + 3)
            hover = await _wait(editor.client.text_document_hover_async(
                types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=inside)
            ))
            assert hover.contents.kind == types.MarkupKind.Markdown and hover.range == sunak.range
            assert hover.contents.value.startswith("**What the facts say** (`office-holder`):\n\n- " + SUNAK_FACTS + " (")
            assert hover.contents.value.endswith("seeds/facts.yaml:24:5)")
            outside = types.Position(line=0, character=0)
            assert await _wait(editor.client.text_document_hover_async(
                types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=outside)
            )) is None

    _run(scenario)


def test_a_broken_fact_file_is_one_diagnostic_on_it_and_the_server_goes_on(workspace):
    async def scenario() -> None:
        async with editing(workspace) as editor:
            uri = editor.open(workspace / "seeds" / ARTICLE)
            assert len(await editor.diagnostics(uri, version=1)) == 4
            facts = workspace / "seeds" / "facts.yaml"
            good = facts.read_text(encoding="utf-8")
            broken = good.replace("{who: rishi-sunak, from: 2022-10-25", "{who: rishi-sunak, from: 2022-13-25", 1)
            facts.write_text(broken, encoding="utf-8")
            line = next(number for number, text in enumerate(broken.splitlines()) if "2022-13-25" in text)
            column = broken.splitlines()[line].index("2022-13-25")
            facts_uri = from_fs_path(str(facts))

            def changed() -> None:
                event = types.FileEvent(uri=facts_uri, type=types.FileChangeType.Changed)
                editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[event]))

            changed()
            [on_article] = await editor.diagnostics(uri)
            [on_facts] = await editor.diagnostics(facts_uri)
            assert on_facts.range.start == types.Position(line=line, character=column) and on_facts.severity == types.DiagnosticSeverity.Error
            assert on_facts.message == "'from' in offices[0].holders[2]: '2022-13-25' is not a real calendar date"
            assert on_article.message == f"factlint could not check this document: {facts}:{line + 1}:{column + 1}: {on_facts.message}"
            # Still serving: typing in the article is answered, with the same one diagnostic.
            version = editor.change(uri, editor.texts[uri] + "\nMore text.\n")
            assert [d.message for d in await editor.diagnostics(uri, version=version)] == [on_article.message]
            facts.write_text(good, encoding="utf-8")
            changed()
            assert set(_by_rule(await editor.diagnostics(uri))) == SEED_RULES
            assert await editor.diagnostics(facts_uri) == []

    _run(scenario)


def test_a_saved_fact_file_and_a_changed_configuration_are_reloaded(workspace):
    async def scenario() -> None:
        async with editing(workspace) as editor:
            uri = editor.open(workspace / "seeds" / ARTICLE)
            assert len(await editor.diagnostics(uri, version=1)) == 4
            # A fact file saved in the editor is reloaded, even by a client that watches no files.
            facts = workspace / "seeds" / "facts.yaml"
            facts.write_text(facts.read_text(encoding="utf-8").replace("date: 2025-03-20", "date: 2025-03-15"), encoding="utf-8")
            facts_uri = editor.open(facts, language="yaml")
            editor.client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=facts_uri)))
            assert set(_by_rule(await editor.diagnostics(uri))) == SEED_RULES - {"event-date"}
            # A configuration changed on disk, as the registered watcher reports it.
            config = workspace / "factlint.yaml"
            config.write_text(config.read_text(encoding="utf-8") + "ignore: [quote-anachronism]\n", encoding="utf-8")
            event = types.FileEvent(uri=from_fs_path(str(config)), type=types.FileChangeType.Changed)
            editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[event]))
            assert set(_by_rule(await editor.diagnostics(uri))) == SEED_RULES - {"event-date", "quote-anachronism"}

    _run(scenario)


def test_plain_text_and_html_documents_are_checked(workspace):
    async def scenario() -> None:
        async with editing(workspace) as editor:
            (workspace / "note.txt").write_text("---\nThe goverment fell.\n", encoding="utf-8")
            (workspace / "page.html").write_text("<p>The goverment fell.</p>\n", encoding="utf-8")
            for name, language, suppressible in (("note.txt", "plaintext", False), ("page.html", "html", True)):
                uri = editor.open(workspace / name, language)
                [diagnostic] = await editor.diagnostics(uri, version=1)
                assert diagnostic.code == "misspelling" and editor.text_of(uri, diagnostic.range) == "goverment"
                params = types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=diagnostic.range,
                    context=types.CodeActionContext(diagnostics=[diagnostic]),
                )
                titles = [action.title for action in await _wait(editor.client.text_document_code_action_async(params))]
                assert ("Suppress misspelling on this line (give the reason in the comment)" in titles) is suppressible
            # Not prose: nothing is published for a YAML file that has no problem.
            yaml_uri = editor.open(workspace / "factlint.yaml", "yaml")
            hover = await _wait(editor.client.text_document_hover_async(
                types.HoverParams(text_document=types.TextDocumentIdentifier(uri=yaml_uri), position=types.Position(line=0, character=0))
            ))
            assert hover is None and editor.published.empty()

    _run(scenario)


def test_the_server_without_pygls_says_what_to_install():
    """Without the 'server' extra: one line saying what to install, exit code 2, no traceback."""
    code = "import sys; sys.modules['pygls'] = sys.modules['lsprotocol'] = None; from linter.cli import main; sys.argv = ['factlint', 'server']; main()"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT, cwd=REPO)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "factlint: error: factlint server needs pygls (lsprotocol is not installed): pip install 'factlint[server]'\n"


def test_the_session_loads_the_facts_once_and_again_only_when_they_change(workspace, monkeypatch):
    """In process: what the server keeps between checks (linter/server/session.py)."""
    from linter.mentions import compiled
    from linter.server.session import Session

    loads: list[list[str]] = []
    load = compiled.load_facts_and_lexicon
    monkeypatch.setattr(compiled, "load_facts_and_lexicon", lambda paths, use_cache=True: loads.append(paths) or load(paths, use_cache))
    session, article = Session(), workspace / "seeds" / ARTICLE
    text = article.read_text(encoding="utf-8")
    for edit in ("", " More.", " And more."):
        assert {f.rule for f in session.check(str(article), text + edit, "markdown", article.parent).findings} == SEED_RULES
    assert len(loads) == 1
    assert not session.forget([workspace / "notes.md"]) and len(loads) == 1  # not an input: nothing dropped
    assert session.forget([workspace / "seeds" / "facts.yaml"])
    session.check(str(article), text, "markdown", article.parent)
    assert len(loads) == 2
