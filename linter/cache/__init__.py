"""Caches: compiled facts and regexes, what was checked before, and what a change of the facts touches."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$FACTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/factlint``, else ``~/.cache/factlint``."""
    if os.environ.get("FACTLINT_CACHE_DIR"):
        return Path(os.environ["FACTLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factlint"
