"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over
    ``path``. A file being replaced keeps its permissions; a new one gets those the umask allows,
    as if opened for writing. OSError is left to the caller, and no temporary file is left behind."""
    mode = _mode_for(path)
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.", delete=False) as handle:
            temporary = handle.name
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)  # a temporary file is created -rw------- whatever the umask
        os.replace(temporary, path)
    except BaseException:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:  # a new file (or one the write will fail on anyway)
        umask = os.umask(0o022)  # the only portable way to read the umask is to set it
        os.umask(umask)
        return 0o666 & ~umask
