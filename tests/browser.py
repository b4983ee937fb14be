"""Headless Chromium for the HTML report's tests and benchmark: Debian's ``chromium``, driven by Playwright.

Playwright comes from the test extra (its Python package, without its own browsers);
the browser is the system's, found on PATH or named by ``$FACTLINT_CHROMIUM``.
``.ci/run`` installs Debian's package when it is missing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from contextlib import contextmanager
from typing import Iterator

# As root in a container, Chromium needs --no-sandbox; with no network here, background
# services (updates, sync, safe browsing) would only fail, slowly, so they are off.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    named = os.environ.get("FACTLINT_CHROMIUM")
    if named:
        return named if os.access(named, os.X_OK) else None
    return next((path for path in map(shutil.which, _NAMES) if path), None)


def unavailable_reason() -> str | None:
    """Why no browser test can run here, or None when one can."""
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (pip install -e '.[test]' installs it)"
    if find_chromium() is None:
        return "no Chromium found (apt-get install chromium, or set FACTLINT_CHROMIUM to its path)"
    return None


@contextmanager
def chromium() -> Iterator:
    """A launched headless Chromium (a Playwright ``Browser``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
