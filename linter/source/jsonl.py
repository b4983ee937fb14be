"""Documents from newline-delimited JSON: a CMS export checked without writing a file per article.

A shard is a ``.jsonl`` or ``.ndjson`` file, optionally gzip-compressed (``.gz``), with one
record per line: ``{"id": ..., "text": ...}`` or ``{"id": ..., "html": ...}``, and optionally
``"date": "YYYY-MM-DD"`` (or ``FROM..TO``), which is the document's date as front matter's
``date:`` is. A record is reported as ``SHARD#ID``, so every finding carries the record's id;
a record that cannot be read (bad JSON, a missing field) is a problem located at
``SHARD:LINE``, and the other records are still checked. Blank lines are skipped.

Shards are read as a stream, a line at a time: an archive of millions of records is never
held in memory. Records travel as their raw bytes (see :class:`Record`) and are parsed where
they are checked, which on a cluster is a worker, not the client.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from linter.errors import Location, UserError
from linter.source.document import Document
from linter.source.read import decode, document_from_text

SHARD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_KINDS = (("text", "text"), ("html", "html"))  # record field -> document kind


def is_shard(path: str) -> bool:
    return path.lower().endswith(SHARD_SUFFIXES)


@dataclass(frozen=True)
class Record:
    """One line of a shard, unparsed: where it is and its bytes."""

    shard: str
    line: int
    data: bytes

    def __str__(self) -> str:
        return f"{self.shard}:{self.line}"

    @property
    def location(self) -> Location:
        return Location(self.shard, self.line)

    def read(self) -> Document:
        """The record's document; a malformed record is a UserError at its line."""
        import json  # only when a record is read: a run of files never pays for it at start-up

        try:
            record = json.loads(decode(self.data, self.shard))
        except UserError as error:  # not UTF-8: located at the record's line
            raise UserError(error.message, self.location) from None
        except ValueError as error:
            raise UserError(f"not a valid JSON record: {error}", self.location) from None
        if not isinstance(record, dict):
            raise UserError(f"a record must be a JSON object, not {type(record).__name__}", self.location)
        record_id = record.get("id")
        if isinstance(record_id, bool) or not isinstance(record_id, (str, int)) or record_id == "":
            raise UserError('the record has no "id" (a string or a number)', self.location)
        for field, kind in _KINDS:  # noqa: B007 -- the break leaves the record's kind in ``kind``, used below
            if field in record:
                body = record[field]
                break
        else:
            raise UserError(f'record {record_id}: no "text" or "html"', self.location)
        if not isinstance(body, str):
            raise UserError(f'record {record_id}: "{field}" must be a string', self.location)
        document = document_from_text(body, f"{self.shard}#{record_id}", kind)
        if record.get("date") is not None:
            document.metadata["date"] = record["date"]
            document.metadata_locations["date"] = self.location
        return document


def read_shard(path: str) -> Iterator[Record]:
    """The records of a shard, streamed. A shard that cannot be read or decompressed raises
    UserError at the line where reading stopped (the records before it are still yielded)."""
    line = 0
    try:
        with (gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")) as handle:
            for line, data in enumerate(handle, 1):
                data = data.rstrip(b"\r\n")
                if data.strip():
                    yield Record(path, line, data)
    except FileNotFoundError:
        raise UserError("no such file or directory", Location(path)) from None
    except (OSError, EOFError, zlib.error) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise UserError(f"cannot read the shard: {reason}", Location(path, line + 1)) from None
