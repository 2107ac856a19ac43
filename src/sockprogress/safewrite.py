"""Write outputs safely: every file to a temporary sibling, then renamed into place.

Several outputs are written all or nothing: every temporary file is written first, then each is
renamed over its target; if a rename fails, the ones already replaced are put back.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from .errors import OutputError
from .words import N_

# What to do when an output cannot be written: message ids, said in the reader's words. A
# caller's own `hint` is one too.
LOCKED_HINT = N_("close it in Excel (or the browser) and run again, or choose another --out")
OUT_HINT = N_("choose another --out")
FULL_HINT = N_("free some space on that disk, or choose another --out")


def owner_of(path: Path) -> tuple[Path, str] | None:
    """The owner file a program keeps beside `path` while it has it open (Excel and WPS
    `~$name`, LibreOffice `.~lock.name#`) and that program; None when none is there."""
    for owner, program in (
        (path.with_name(f"~${path.name}"), "Excel/WPS"),
        (path.with_name(f".~lock.{path.name}#"), "LibreOffice"),
    ):
        if owner.exists():
            return owner, program
    return None


# The scratch a report leaves in its output folder when it is killed before it ends: the hidden
# folder of `temporary_files_in` and the temporary sibling `write_temp` makes of each output
# (`.progress-2026-10.zh.xlsx.k2j4_x9a.tmp`: mkstemp's eight letters). Only these names are
# ever removed, never a file of the user's or another program's.
SCRATCH_FOLDER = re.compile(r"\.sockprogress-[a-z0-9_]{8}")
SCRATCH_FILE = re.compile(r"\.progress-[^/\\]+\.(?:xlsx|html|json|docx)\.[a-z0-9_]{8}\.tmp")
# A report still running touches its scratch at least this often (each output is rendered
# and written within it); older scratch is an interrupted report's.
SCRATCH_AGE = 30 * 60


def _last_touched(path: Path) -> float:
    """When `path` (a folder: it or anything directly in it) was last written."""
    newest = path.lstat().st_mtime
    if path.is_dir() and not path.is_symlink():
        for entry in os.scandir(path):
            with contextlib.suppress(OSError):
                newest = max(newest, entry.stat(follow_symlinks=False).st_mtime)
    return newest


def remove_leftovers(
    folder: Path, age: float = SCRATCH_AGE, now: float | None = None
) -> list[Path]:
    """Remove the scratch an interrupted report left in `folder` (killed, its machine
    switched off): our own names only, and only scratch nothing has written for `age`
    seconds, so that a report running beside this one keeps its own. What cannot be removed
    stays; returns what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        is_folder = SCRATCH_FOLDER.fullmatch(entry.name) is not None
        if not is_folder and SCRATCH_FILE.fullmatch(entry.name) is None:
            continue
        path = Path(entry.path)
        try:
            if is_folder != (entry.is_dir(follow_symlinks=False)) or entry.is_symlink():
                continue
            if now - _last_touched(path) < age:
                continue
            if is_folder:
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


@contextlib.contextmanager
def temporary_files_in(folder: Path) -> Iterator[None]:
    """Libraries' own temporary files (openpyxl writes each sheet to one) go into a hidden
    folder inside `folder`, removed afterwards: the system's temporary folder may be full, or
    missing, while the output folder has room."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        scratch = tempfile.mkdtemp(prefix=".sockprogress-", dir=folder)
    except OSError as exc:
        raise OutputError(
            code="folder_unwritable", folder=folder, reason=exc.strerror, hint=OUT_HINT
        ) from None
    before = tempfile.tempdir
    tempfile.tempdir = scratch
    try:
        yield
    finally:
        tempfile.tempdir = before
        shutil.rmtree(scratch, ignore_errors=True)


def _refuse_read_only(path: Path) -> None:
    """A read-only target is refused even where rename would replace it (Linux, root)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(
            code="cannot_write", file=path, reason=exc.strerror, hint=LOCKED_HINT
        ) from None
    if stat.S_ISDIR(mode):
        raise OutputError(code="output_is_folder", file=path)
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise OutputError(code="output_read_only", file=path, hint=LOCKED_HINT)


def _mode_for(path: Path) -> int:
    """The permissions path should have: those it has now, else what the umask gives a new file.

    mkstemp creates its file private (0600); renamed into place unchanged, a report meant to be
    shared, or the user's own workbook, would lose the permissions it should have.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_temp(path: Path, data: bytes | Iterable[bytes], hint: str | None = None) -> Path:
    """Write data (bytes, or its parts one after another as they are made) to a hidden
    temporary sibling of path, flushed to disk; return its path.

    The temporary file is made in path's own folder (never the system's temporary folder,
    which may be full or on another disk) and already has the permissions path should end up
    with. A full disk, or any other failure, removes it and raises OutputError with `hint` (a
    message id).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(
            code="folder_unwritable",
            folder=path.parent,
            reason=exc.strerror,
            hint=hint or OUT_HINT,
        ) from None
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes):
                fh.write(data)
            else:
                for part in data:
                    fh.write(part)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(
            code="cannot_write", file=path, reason=exc.strerror, hint=hint or _hint_for(exc)
        ) from None
    except BaseException:  # parts made as they are written: a failure to make one, too
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def _hint_for(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FULL_HINT
    return LOCKED_HINT


def replace(tmp: Path, path: Path, hint: str = LOCKED_HINT) -> None:
    """Rename tmp over path; on failure remove tmp and raise OutputError (path untouched).

    `hint` is a message id (N_), said in the reader's words."""
    try:
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(code="cannot_write", file=path, reason=exc.strerror, hint=hint) from None


def write_all(
    files: Mapping[Path, bytes | Callable[[], bytes | Iterable[bytes]]], hint: str | None = None
) -> None:
    """Write several outputs all or nothing: on any failure every old file is as it was.

    A callable is asked for its bytes only when its turn comes, and they are let go as soon as
    they are in the temporary file: a big report never holds all its outputs at once. Any
    error while one is made or written removes the temporary files already written.
    `hint` (a message id) replaces the advice of a failed write (which names --out) for a
    command without it.
    """
    for path in files:
        _refuse_read_only(path)
    temps: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            temps[path] = write_temp(path, data() if callable(data) else data, hint=hint)
    except BaseException:
        for tmp in temps.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    _swap_in(temps)


def _swap_in(temps: dict[Path, Path]) -> None:
    """Rename each temp into place, keeping a hard link to each old file until all succeed.

    Anything that stops the renames half-way puts back what was replaced: a failed rename,
    and an interrupt too (Ctrl+C, or a SIGTERM the command line turns into one), which had
    left the page and the JSON new beside last run's workbook and Word bulletin (a fuzz
    audit's find). Each file is counted as swapped before its rename: putting an old file
    back over itself, had the rename not happened, changes nothing; a file that was not there
    is removed, if it came; one kept without a link (a disk without hard links) stays as it
    is, new or old, never removed."""
    swapped: list[tuple[Path, Path | None, bool]] = []  # the file, its old one kept, was there
    try:
        for path, tmp in temps.items():
            existed = path.exists()
            keep = _keep_old(path) if existed else None
            swapped.append((path, keep, existed))
            replace(tmp, path)
    except BaseException:
        for tmp in temps.values():  # those renamed are gone already
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for path, keep, existed in reversed(swapped):
            with contextlib.suppress(OSError):
                if keep is None:
                    if not existed:
                        os.unlink(path)
                elif os.path.samefile(keep, path):  # its rename had not happened
                    os.unlink(keep)
                else:
                    os.replace(keep, path)  # if this fails, the old file stays, as .old
        raise
    for _, keep, _ in swapped:
        if keep is not None:
            with contextlib.suppress(OSError):
                os.unlink(keep)


def _keep_old(path: Path) -> Path | None:
    """A hard link to the current file (None when there is none or links are unsupported)."""
    if not path.exists():
        return None
    keep = path.with_name(f".{path.name}.old")
    with contextlib.suppress(OSError):
        os.unlink(keep)
    try:
        os.link(path, keep)
    except OSError:
        return None
    return keep
