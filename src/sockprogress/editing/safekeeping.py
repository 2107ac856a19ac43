"""Backups, the lock that serialises edits, and the save that can be killed at any moment."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import InputError, OutputError
from ..safewrite import replace, write_temp
from ..words import N_

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
            code="workbook_busy", file=path.name, seconds=LOCK_TIMEOUT_SECONDS
        ) from None


def refuse_if_open(path: Path) -> None:
    """Excel keeps `~$name` beside an open workbook, LibreOffice `.~lock.name#`: saving there
    later would drop our row, so an open workbook is refused."""
    for owner, program in (
        (path.with_name(f"~${path.name}"), "Excel"),
        (path.with_name(f".~lock.{path.name}#"), "LibreOffice"),
    ):
        if owner.exists():
            raise InputError(
                code="workbook_open", file=path.name, program=program, owner=owner.name
            )


def backup(path: Path, data: bytes) -> Path:
    """Write data (path's bytes as read) to backups/<stem>-<time><suffix> beside path.

    Never over an earlier backup; a backup that cannot be written whole leaves no file.
    """
    folder = path.parent / "backups"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target: Path | None = None
    try:
        folder.mkdir(exist_ok=True)
        for n in range(1000):
            suffix = f"-{n}" if n else ""
            candidate = folder / f"{path.stem}-{stamp}{suffix}{path.suffix}"
            try:
                fh = candidate.open("xb")
            except FileExistsError:
                continue
            target = candidate
            with fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            return target
    except OSError as exc:
        if target is not None:
            with contextlib.suppress(OSError):
                target.unlink()
        raise OutputError(code="backup_failed", folder=folder, reason=exc.strerror) from None
    raise OutputError(code="too_many_backups", folder=folder) from None


def remove_stale_temps(path: Path) -> None:
    """Temporary files a killed save left behind (only called while holding the lock)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def save_replacing(path: Path, data: bytes) -> None:
    """Write data beside path, then rename it over path: path is whole before and after."""
    # The output files' hint (close it, or choose another --out) does not fit the workbook.
    hint = N_("nothing changed; free some space or fix the permissions and run again")
    replace(write_temp(path, data, hint=hint), path, hint=N_("nothing changed"))
