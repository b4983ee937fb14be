"""``factlint server``: a Language Server Protocol server over standard input and output.

It needs pygls (and lsprotocol), which a command-line run does not: they are the ``server``
extra, ``pip install 'factlint[server]'``. ``session`` keeps configurations, rules and facts
between checks; ``lsp`` turns findings into the protocol's diagnostics, code actions and hovers;
``protocol`` is the server.
"""

from __future__ import annotations

from linter.errors import UserError

_NEEDED = {"pygls", "lsprotocol", "attrs", "cattrs"}  # pygls and what it depends on


def serve() -> None:
    """Serve one client on standard input and output until it says exit."""
    try:
        from linter.server.protocol import create_server
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in _NEEDED:
            raise
        raise UserError(f"factlint server needs pygls ({error.name} is not installed): pip install 'factlint[server]'") from None
    create_server().start_io()
