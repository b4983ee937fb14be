"""What the command modules (cli.py, facts_cli.py) share: paths as messages show them, and the
configuration of a command that names no documents."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from linter.errors import Location, UserError

if TYPE_CHECKING:
    from linter.config import Config


def working_config(config_path: Path | None) -> Config:
    """``--config FILE``, else the configuration found from the working directory, else the defaults."""
    from linter.config import Config, find_config, load_config

    if config_path is not None:
        if not os.path.isfile(config_path):  # Path.is_file() raises for a name too long
            raise UserError("config file not found", Location(str(config_path)))
        return load_config(config_path)
    found = find_config(Path.cwd())
    return load_config(found) if found else Config()


def shown_path(path: str) -> str:
    """A path relative to the working directory when it lies below it, for readable messages."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    except ValueError:
        return path
