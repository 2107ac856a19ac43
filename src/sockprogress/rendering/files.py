"""Write outputs safely: every file to a temporary sibling, then renamed into place."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..errors import OutputError

LOCKED_HINT = "close it in Excel (or the browser) and run again, or choose another --out"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace path with data, or leave the old file untouched and raise OutputError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(
            f"{path.parent}: cannot write there ({exc.strerror}); choose another --out"
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{path}: cannot be written ({exc.strerror}); {LOCKED_HINT}") from None


def write_all(files: dict[Path, bytes]) -> None:
    """Write several outputs, each atomically; checks every target first so none is half-done."""
    for path in files:
        if path.exists() and not os.access(path, os.W_OK):
            raise OutputError(f"{path}: is read-only or open in another program; {LOCKED_HINT}")
    for path, data in files.items():
        write_atomic(path, data)
