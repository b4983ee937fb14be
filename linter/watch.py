"""--watch: check again whenever an input changes, by polling modification times (no dependency).

No screen is cleared: each check is printed after a timestamped line saying what changed, so the
history stays in the terminal's scrollback and in a log.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import typer

from linter.errors import UserError

INTERVAL = 0.5  # seconds between two looks at the inputs' modification times


def watch(inputs: Callable[[], list[str]], check: Callable[[], object], report_error: Callable[[UserError], None]) -> None:
    """Run ``check``, then again after every change to one of ``inputs()`` (asked again each time,
    so new documents are watched too); never returns (Ctrl-C raises KeyboardInterrupt). A broken
    configuration or fact file mid-edit is reported, and watched until it changes."""
    watched: list[str] = []
    _say("Watching for changes (Ctrl-C to stop).")
    while True:
        before: dict[str, tuple[int, int] | None] = {}
        try:
            watched = inputs()
            before = _times(watched)  # before the check: a change while it runs is seen after it
            check()
        except UserError as error:
            report_error(error)
            broken = [e.location.path for e in getattr(error, "errors", [error]) if e.location is not None]
            watched = sorted({*watched, *broken})
            before = {**_times(watched), **before}
        changed: list[str] = []
        while not changed:
            time.sleep(INTERVAL)
            now = _times(watched)
            changed = [path for path in watched if now[path] != before[path]]
        _say(f"{', '.join(changed)} changed; checking again.")


def _times(paths: list[str]) -> dict[str, tuple[int, int] | None]:
    """Each path's modification time and size (None when it is gone)."""
    times: dict[str, tuple[int, int] | None] = {}
    for path in paths:
        try:
            status = os.stat(path)
            times[path] = (status.st_mtime_ns, status.st_size)
        except OSError:
            times[path] = None
    return times


def _say(message: str) -> None:
    typer.echo(f"[{time.strftime('%Y-%m-%d %H:%M:%S')}] {message}")
