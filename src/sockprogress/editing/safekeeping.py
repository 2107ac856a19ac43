"""Backups, the lock that serialises edits, and the save that can be killed at any moment."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import InputError, OutputError
from ..rendering.files import replace, write_temp

LOCK_TIMEOUT_SECONDS = 60


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on path's edits (an OS lock: a killed process releases it)."""
    lock = FileLock(str(path.with_name(f".{path.name}.lock")), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        with lock:
            yield
    except Timeout:
        raise InputError(
            f"{path.name}: another `sockprogress actuals add` has held it for "
            f"{LOCK_TIMEOUT_SECONDS} s; wait for it to finish and run again"
        ) from None


def refuse_if_open_in_excel(path: Path) -> None:
    """Excel keeps `~$name` beside an open workbook; saving there later would drop our row."""
    owner = path.with_name(f"~${path.name}")
    if owner.exists():
        raise InputError(
            f"{path.name}: is open in Excel ({owner.name} exists); close it in Excel and run "
            f"again (if Excel is not running, delete {owner.name})"
        )


def backup(path: Path) -> Path:
    """Copy path to backups/<stem>-<time><suffix> beside it, never over an earlier backup."""
    folder = path.parent / "backups"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(exist_ok=True)
        for n in range(1000):
            suffix = f"-{n}" if n else ""
            target = folder / f"{path.stem}-{stamp}{suffix}{path.suffix}"
            if not target.exists():
                shutil.copy2(path, target)
                return target
    except OSError as exc:
        raise OutputError(
            f"{folder}: cannot write the backup ({exc.strerror}); nothing changed"
        ) from None
    raise OutputError(f"{folder}: too many backups this second; nothing changed") from None


def remove_stale_temps(path: Path) -> None:
    """Temporary files a killed save left behind (only called while holding the lock)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def save_replacing(path: Path, data: bytes) -> None:
    """Write data beside path, then rename it over path: path is whole before and after."""
    # The output files' hint (close it, or choose another --out) does not fit the workbook.
    replace(write_temp(path, data), path, hint="nothing changed")
