"""What the runner checks, one document each: a path, a file's bytes, or a record of a shard.

A run that caches results or checks on a cluster reads every file once, in the process that
plans the run: the bytes are hashed for the result cache and then travel to whichever
process checks them (a ``--jobs`` worker, a Dask worker on another machine), so that no
worker needs to see the client's file system and every worker checks exactly those bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.errors import UserError
from linter.source.document import Document
from linter.source.jsonl import Record, is_shard, read_shard
from linter.source.read import document_from_bytes, read_bytes


@dataclass
class FileBytes:
    """A document file, already read."""

    path: str
    data: bytes

    def __str__(self) -> str:
        return self.path

    def read(self) -> Document:
        """The document; its bytes are let go once decoded, as a file read from disk would be
        (a 20 MB document must not be held twice while it is checked). Read once only."""
        data, self.data = self.data, b""
        return document_from_bytes(data, self.path)


Unit = str | FileBytes | Record  # str: a path to read where it is checked ("-": standard input)


def read_units(paths: list[str], problems: list[UserError], stdin: str) -> Iterator[Unit]:
    """Every document of ``paths`` in order, streamed: files read, shards split into records.

    A file or shard that cannot be read adds a problem and is skipped; standard input is
    passed on as ``stdin`` (it is read where it is checked).
    """
    for path in paths:
        if path == stdin:
            yield path
            continue
        try:
            if is_shard(path):
                yield from read_shard(path)
            else:
                yield FileBytes(path, read_bytes(path))
        except UserError as problem:
            problems.append(problem)
