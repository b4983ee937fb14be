"""The per-document time limit (``--timeout-per-document``, ``timeout_per_document``).

A document's check runs under a real-time interval timer (``setitimer``); when it expires,
SIGALRM raises :class:`DocumentTimeout` in the middle of whatever the check was doing, the
check is abandoned, and the runner reports that document as not checked and goes on with the
next. This works in the main thread of the command and of each ``--jobs`` worker process, which
is where documents are checked. Limits: a signal handler runs between Python bytecodes, so a
single long call into C code ends before the check is abandoned (factlint's regexes run with
their own timeouts); off the main thread, or on a platform without ``setitimer`` (Windows),
there is no limit.
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_SECONDS = 60.0
LONGEST_SECONDS = 1e8  # about three years: a longer limit is the same as none (and the timer cannot hold it)


def is_time_limit(seconds: object) -> bool:
    """Whether a value from the command line or a configuration can be a time limit: seconds, 0 or more."""
    return isinstance(seconds, (int, float)) and not isinstance(seconds, bool) and not math.isnan(seconds) and seconds >= 0


class DocumentTimeout(BaseException):
    """The document's time is up. A BaseException, so that no ``except Exception`` in a check swallows it."""


def _expire(signum: int, frame: object) -> None:
    raise DocumentTimeout


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout inside this block once ``seconds`` have passed (no limit for None or 0)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, LONGEST_SECONDS))
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
