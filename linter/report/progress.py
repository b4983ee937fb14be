"""A progress bar on standard error for long runs on a terminal; never in pipes or CI logs."""

from __future__ import annotations

import os
import sys
from typing import TextIO

MIN_FILES = 50  # shorter runs finish before a bar would help


def wanted(files: int, quiet: bool, stream: TextIO = sys.stderr) -> bool:
    return files >= MIN_FILES and not quiet and stream.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


class Progress:
    def __init__(self, total: int, stream: TextIO = sys.stderr, width: int = 30) -> None:
        self.total, self.done, self.stream, self.width = total, 0, stream, width

    def advance(self, count: int = 1) -> None:
        self.done = min(self.total, self.done + count)
        filled = self.width * self.done // max(self.total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} files")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r" + " " * (self.width + 32) + "\r")  # leave the terminal as it was
        self.stream.flush()
