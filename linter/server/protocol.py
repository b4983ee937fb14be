"""The language server itself (pygls): documents in, diagnostics, code actions and hovers out.

Documents are checked when opened and saved at once, and when changed after a pause in the
typing (``debounceMilliseconds`` in the client's initialization options, default 200), always
against the text the editor holds. The client sends the whole text with each change: a
2,000-word draft is some 13 KB, and factlint then never has to apply edits itself.

A configuration, rule pack or fact file that cannot be loaded is one diagnostic on that file, at
its location, and one on each document it kept from being checked; the server goes on, and checks
again when the file changes (``workspace/didChangeWatchedFiles``, or a save in the editor).
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from linter import __version__
from linter.checks.rules import Rule
from linter.errors import UserError
from linter.filtering.suppressions import EngineRule
from linter.server import lsp
from linter.server.session import INPUT_SUFFIXES, Checked, Session
from linter.source.read import document_kind

DEBOUNCE_SECONDS = 0.2
LANGUAGES = {"markdown": "markdown", "plaintext": "text", "text": "text", "html": "html"}  # LSP language id -> kind
WATCHED = [f"**/*{suffix}" for suffix in INPUT_SUFFIXES]

log = logging.getLogger(__name__)


class FactlintServer(LanguageServer):
    """A language server holding one :class:`Session` and the last check of every open document."""

    def __init__(self) -> None:
        super().__init__("factlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.session = Session()
        self.debounce = DEBOUNCE_SECONDS
        self.checked: dict[str, Checked] = {}  # by URI: the last check of each open document
        self.pending: dict[str, asyncio.TimerHandle] = {}  # by URI: a check waiting for the typing to pause
        self.elsewhere: dict[str, list[types.Diagnostic]] = {}  # by URI: problems published on files that are not checked

    @property
    def encoding(self) -> str:
        return self.workspace.position_encoding or types.PositionEncodingKind.Utf16

    def is_linted(self, uri: str) -> bool:
        document = self.workspace.get_text_document(uri)
        return _kind(uri, document.language_id) is not None

    def check_now(self, uri: str) -> Checked | None:
        """Check the editor's text of a document and publish its diagnostics; None if it is not prose."""
        self._cancel_pending(uri)
        text_document = self.workspace.get_text_document(uri)
        kind = _kind(uri, text_document.language_id)
        if kind is None:
            return None
        path = to_fs_path(uri)
        directory = Path(path).parent if path else Path(self.workspace.root_path or os.getcwd())
        text = text_document.source
        try:
            checked = self.session.check(path or uri, text, kind, directory)
        except Exception as error:  # a bug in factlint: say so on the document, keep serving
            log.exception("checking %s", uri)
            checked = Checked(text, problems=[UserError(f"internal error: {type(error).__name__}: {error} (please report it)")])
        self.checked[uri] = checked
        diagnostics = self.diagnostics_of(checked, path or uri)
        elsewhere = self._elsewhere()  # read before anything is sent, so that a client sees a consistent state
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=text_document.version))
        self._publish_elsewhere(elsewhere)
        return checked

    def check_later(self, uri: str) -> None:
        self._cancel_pending(uri)
        self.pending[uri] = asyncio.get_running_loop().call_later(self.debounce, self.check_now, uri)

    def current(self, uri: str) -> Checked | None:
        """The check of the text the editor holds now (checked again if it changed since)."""
        checked = self.checked.get(uri)
        if checked is not None and checked.text == self.workspace.get_text_document(uri).source:
            return checked
        return self.check_now(uri)

    def close(self, uri: str) -> None:
        self._cancel_pending(uri)
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self._publish_elsewhere(self._elsewhere())

    def inputs_changed(self, paths: list[Path]) -> None:
        """Reload what the changed files may have fed, and check every open document again."""
        if self.session.forget(paths):
            for uri in list(self.checked):
                self.check_now(uri)

    def _cancel_pending(self, uri: str) -> None:
        if (waiting := self.pending.pop(uri, None)) is not None:
            waiting.cancel()

    def diagnostics_of(self, checked: Checked, path: str) -> list[types.Diagnostic]:
        """A check's diagnostics: its findings first, in order, then the problems in the document itself."""
        if checked.document is None:
            return [lsp.not_checked(checked.problems, checked.text, self.encoding)]
        settings, document = checked.settings, checked.document
        rules: dict[str, Rule | EngineRule] = {}
        if settings:
            rules.update((rule.id, rule) for rule in settings.rules)
            rules.update((rule.id, rule) for rule in settings.engine_rules)
        links = _supports(self.client_capabilities, "text_document", "publish_diagnostics", "code_description_support")
        diagnostics = [
            lsp.diagnostic(finding, document, self.encoding, lsp.rule_docs(rules[finding.rule]) if links and finding.rule in rules else None)
            for finding in checked.findings
        ]
        for problem in checked.problems:
            if problem.location is None or problem.location.path == path:
                line = problem.location.line if problem.location and problem.location.line else 1
                text = document.line_text(line) if line <= len(document.line_starts) else ""
                diagnostics.append(lsp.problem_diagnostic(problem, text, self.encoding))
        return diagnostics

    def _elsewhere(self) -> dict[str, list[types.Diagnostic]]:
        """The open documents' problems in configurations, rule packs and fact files, by the URI of the file they are in."""
        found: dict[str, list[types.Diagnostic]] = {}
        seen: set[tuple] = set()
        for uri, checked in self.checked.items():
            own = to_fs_path(uri) or uri
            for problem in checked.problems:
                location = problem.location
                if location is None or location.path == own or (location.path, location.line, location.column, problem.message) in seen:
                    continue
                seen.add((location.path, location.line, location.column, problem.message))
                target = from_fs_path(os.path.abspath(location.path))
                found.setdefault(target, []).append(lsp.problem_diagnostic(problem, self._line_of(target, location.line), self.encoding))
        return found

    def _publish_elsewhere(self, found: dict[str, list[types.Diagnostic]]) -> None:
        """Publish problems on the files they are in, and none on files whose problems are gone."""
        for uri in self.elsewhere.keys() | found.keys():
            if uri not in self.checked and found.get(uri, []) != self.elsewhere.get(uri, []):  # sent again only when they change
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=found.get(uri, [])))
        self.elsewhere = found

    def _line_of(self, uri: str, line: int | None) -> str | None:
        """A line of a file, as the editor holds it if it is open, else as it is on disk."""
        if not line:
            return None
        try:
            text = self.workspace.get_text_document(uri).source  # read from disk when not open
        except (OSError, ValueError):
            return None
        lines = text.splitlines()
        return lines[line - 1] if line <= len(lines) else None


def create_server() -> FactlintServer:
    """The server with its handlers: each only hands the request to a FactlintServer method or lsp.py."""
    server = FactlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: FactlintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        wait = options.get("debounceMilliseconds") if isinstance(options, dict) else None
        if isinstance(wait, (int, float)) and not isinstance(wait, bool):
            ls.debounce = max(wait, 0) / 1000

    @server.feature(types.INITIALIZED)
    async def initialized(ls: FactlintServer, params: types.InitializedParams) -> None:
        if not _supports(ls.client_capabilities, "workspace", "did_change_watched_files", "dynamic_registration"):
            return  # such a client may still send the notifications; saves in the editor reload too
        watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
        registration = types.Registration(
            id="factlint-inputs",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception as error:  # the client refused: saves in the editor still reload
            log.warning("could not register file watchers: %s", error)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check_now(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
        if ls.is_linted(params.text_document.uri):
            ls.check_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri)
        if ls.is_linted(uri):
            ls.check_now(uri)
        elif path:
            ls.inputs_changed([Path(path)])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: FactlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.inputs_changed([Path(path) for change in params.changes if (path := to_fs_path(change.uri))])

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]),
    )
    def code_action(ls: FactlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        checked = ls.current(uri)
        if checked is None or checked.document is None:
            return None
        return _code_actions(ls, uri, checked, params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.current(params.text_document.uri)
        if checked is None or checked.document is None:
            return None
        document = checked.document
        at = lsp.offset(document, params.position, ls.encoding)
        under = [f for f in checked.findings if f.span.start <= at < f.span.end or at == f.span.start == f.span.end]
        markdown = types.MarkupKind.Markdown in (_supports(ls.client_capabilities, "text_document", "hover", "content_format") or [])
        text = lsp.hover_text(under, markdown)
        if text is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText, value=text),
            range=lsp.span_range(document, under[0].span, ls.encoding),
        )

    return server


def _code_actions(ls: FactlintServer, uri: str, checked: Checked, params: types.CodeActionParams) -> list[types.CodeAction]:
    document, encoding = checked.document, ls.encoding
    assert document is not None  # the caller checks that the document was read
    version = ls.workspace.get_text_document(uri).version
    versioned = _supports(ls.client_capabilities, "workspace", "workspace_edit", "document_changes")

    def edit(edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        if versioned:  # the client refuses the edit if the text changed since
            identifier = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=identifier, edits=edits)])
        return types.WorkspaceEdit(changes={uri: edits})

    only = params.context.only
    wanted = lambda kind: only is None or any(kind == asked or kind.startswith(asked + ".") for asked in only)  # noqa: E731
    diagnostics = ls.diagnostics_of(checked, to_fs_path(uri) or uri)
    start, end = lsp.offset(document, params.range.start, encoding), lsp.offset(document, params.range.end, encoding)
    actions: list[types.CodeAction] = []
    if wanted(types.CodeActionKind.QuickFix):
        for finding, diagnostic in zip(checked.findings, diagnostics, strict=False):  # the findings' diagnostics come first, in order
            if not lsp.overlaps(finding.span, start, end):
                continue
            if finding.fix is not None:
                actions.append(types.CodeAction(
                    title=lsp.fix_title(document, finding),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=finding.fix.safe,
                    edit=edit([lsp.fix_edit(document, finding, encoding)]),
                ))
            if (suppression := lsp.suppression_edit(document, finding, encoding)) is not None:
                actions.append(types.CodeAction(
                    title=f"Suppress {finding.rule} on this line (give the reason in the comment)",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=edit([suppression]),
                ))
    if wanted(types.CodeActionKind.SourceFixAll) and (edits := lsp.fix_all_edits(document, checked.findings, encoding)):
        actions.append(types.CodeAction(title="Apply every safe factlint fix", kind=types.CodeActionKind.SourceFixAll, edit=edit(edits)))
    return actions


def _kind(uri: str, language_id: str | None) -> str | None:
    """How a document is read (markdown, html, text): by its name's suffix, as the command line reads a file,
    else by the editor's language for it (an unsaved buffer, a file without a suffix); None: not prose."""
    return document_kind(to_fs_path(uri) or uri) or LANGUAGES.get(language_id or "")


def _supports(capabilities: types.ClientCapabilities, *names: str):
    """A client capability by its path of attribute names, or None where the client leaves it out."""
    value: Any = capabilities
    for name in names:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value
