"""Backups, the lock that serialises edits, and the save that can be killed at any moment."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import InputError, OutputError
from ..safewrite import owner_of, replace, write_temp
from ..words import N_

LOCK_TIMEOUT_SECONDS = 60
# Backups kept beside a workbook: one for each of its last changes; older ones are removed.
BACKUPS_KEPT = 30
BACKUP_FOLDER = "backups"
STAMP_FORMAT = "%Y%m%d-%H%M%S"


# What to do when the workbook's folder cannot be written: its lock and backup go there.
FOLDER_HINT = N_(
    "a change to the workbook needs its folder writable (for its lock and backup): ask for "
    "write access, or copy the working folder to one you can write"
)


@contextlib.contextmanager
def locked(path: Path, shown: Path | None = None) -> Iterator[None]:
    """Hold an exclusive lock on path's edits (an OS lock: a killed process releases it).
    A folder where the lock cannot be made is said by its name as given (`shown`), with what
    to do: it was "/tmp/…/data/.actuals.xlsx.lock: Permission denied" (a fuzz audit's find)."""
    lock = FileLock(str(path.with_name(f".{path.name}.lock")), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        raise InputError(
            code="workbook_busy", file=path.name, seconds=LOCK_TIMEOUT_SECONDS
        ) from None
    except OSError as exc:
        raise OutputError(
            code="folder_unwritable",
            folder=shown or path.parent,
            reason=exc.strerror or str(exc),
            hint=FOLDER_HINT,
        ) from None
    try:
        yield
    finally:
        lock.release()


def refuse_if_open(path: Path) -> None:
    """Excel and WPS keep `~$name` beside an open workbook, LibreOffice `.~lock.name#`: saving
    there later would drop our row, so an open workbook is refused."""
    found = owner_of(path)
    if found is not None:
        owner, program = found
        raise InputError(code="workbook_open", file=path.name, program=program, owner=owner.name)


@contextlib.contextmanager
def editing(path: Path) -> Iterator[Path]:
    """Open the workbook at `path` for a change: refused when a program has it (or the file a
    link points to) open or it is read-only; then under the lock, with the temporary files a
    killed save left removed. Yields the real path, the one to read and replace."""
    real = path.resolve()
    refuse_if_open(path)
    if real != path.absolute():
        refuse_if_open(real)
    refuse_read_only(real, path.name)
    with locked(real, path.parent):
        remove_stale_temps(real)
        yield real


def backups_of(path: Path) -> list[Path]:
    """The backups of path (backups/<stem>-YYYYMMDD-HHMMSS[-n]<suffix> beside it), oldest
    first; other files in the folder are not backups of it."""
    pattern = re.compile(
        rf"{re.escape(path.stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(path.suffix)}"
    )
    found = []
    try:
        entries = list((path.parent / BACKUP_FOLDER).iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match and entry.is_file() and not entry.is_symlink():
            found.append(((match[1], int(match[2] or 0)), entry))
    return [entry for _, entry in sorted(found)]


def backup_time(backup: Path) -> dt.datetime | None:
    """When a backup was made, as its name says."""
    match = re.search(r"-(\d{8}-\d{6})(?:-\d+)?\.[^.]*$", backup.name)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match[1], STAMP_FORMAT)
    except ValueError:
        return None


def _number(backup: Path) -> int:
    """The -n of a backup made in the same second as an earlier one (0 for the first)."""
    match = re.search(r"-\d{8}-\d{6}-(\d+)\.[^.]*$", backup.name)
    return int(match[1]) if match else 0


def prune(path: Path, kept: int = BACKUPS_KEPT) -> list[Path]:
    """Remove the backups of path beyond the newest `kept`; returns those removed. A backup
    that cannot be removed is left (the next backup tries again)."""
    removed = []
    for old in backups_of(path)[:-kept] if kept > 0 else backups_of(path):
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    return removed


def refuse_read_only(real: Path, name: str) -> None:
    """A workbook that cannot be written is refused before anything is done."""
    try:
        mode = real.stat().st_mode
    except OSError as exc:
        raise InputError(code="cannot_read", file=name, reason=exc.strerror) from None
    if not mode & stat.S_IWUSR or not os.access(real, os.W_OK):
        raise InputError(code="workbook_read_only", file=name)


def backup(path: Path, data: bytes) -> Path:
    """Write data (path's bytes as read) to backups/<stem>-<time><suffix> beside path, then
    remove the backups beyond the last BACKUPS_KEPT.

    Never over an earlier backup; a backup that cannot be written whole leaves no file.
    """
    target = _backup(path, data)
    prune(path)
    return target


def _backup(path: Path, data: bytes) -> Path:
    folder = path.parent / BACKUP_FOLDER
    stamp = dt.datetime.now().strftime(STAMP_FORMAT)
    target: Path | None = None
    try:
        folder.mkdir(exist_ok=True)
        # after the backups of this second already made (some may be pruned): the newest
        # backup is always the last in name order
        same = [p for p in backups_of(path) if f"-{stamp}" in p.name]
        first = max((_number(p) + 1 for p in same), default=0)
        for n in range(first, 1000):
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
