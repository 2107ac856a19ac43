"""Check an untrusted workbook before any parser sees it: type, size, zip bombs, DTDs.

An .xlsx is a zip of XML parts. We look at the zip directory (cheap: no inflation) to refuse
archives that would inflate past a sane size, and at the first bytes of each XML part to refuse
DTDs and entity declarations (billion-laughs, external entities) that no Excel file carries.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path

from ..errors import InputError

MAX_FILE_BYTES = 200 * 1024**2
MAX_INFLATED_BYTES = 1024**3
MAX_RATIO = 200
PROLOG_BYTES = 2048

OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# Directory entries of a small OLE2 file sit near its start; an encrypted workbook is small
# unless its data is large, and then the directory still sits in the first sectors or the end.
OLE2_SCAN_BYTES = 4 * 1024**2
# The first start tag of an element: "<" then a name character (not "?", "!" or "/").
_ROOT = re.compile(rb"<[A-Za-z_]")
_COMMENT = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.DOTALL)
MAX_PROLOG_BYTES = 1024**2


def refuse_special_file(path: Path, what: str) -> os.stat_result:
    """path's status, following links; InputError unless it is a regular file.

    A named pipe, a device or a socket would block the reader forever, or never end.
    Raises FileNotFoundError / OSError from stat for the caller to word.
    """
    status = path.stat()
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(status.st_mode):
        kind = (
            "a named pipe"
            if stat.S_ISFIFO(status.st_mode)
            else "a device"
            if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode)
            else "a socket"
            if stat.S_ISSOCK(status.st_mode)
            else "not a regular file"
        )
        raise InputError(f"{path}: is {kind}, not a file; give {what} saved on disk")
    return status


def read_regular_file(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file no larger than limit; InputError otherwise."""
    try:
        size = refuse_special_file(path, what).st_size
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not {what}") from None
    if size > limit:
        raise InputError(
            f"{path.name}: {size / 1024**2:.1f} MB is larger than the "
            f"{limit / 1024**2:.0f} MB limit for {what}"
        )
    with path.open("rb") as fh:
        return fh.read(limit + 1)[:limit]


def check_workbook(path: Path) -> None:
    """Raise InputError unless path looks like a sane .xlsx workbook."""
    name = path.name
    try:
        size = refuse_special_file(path, "an .xlsx workbook").st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a workbook") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if size == 0:
        raise InputError(f"{name}: the file is empty; expected an .xlsx workbook")
    if head == OLE2_MAGIC:
        raise InputError(_ole2_message(path, name))
    if not head.startswith(b"PK"):
        raise InputError(
            f"{name}: not an .xlsx workbook (it may be a CSV or another file "
            "renamed); open it in Excel and save it as .xlsx"
        )
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{name}: {size / 1024**2:.0f} MB is larger than the "
            f"{MAX_FILE_BYTES // 1024**2} MB limit for an actuals workbook"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(name, archive)
    except zipfile.BadZipFile:
        raise InputError(
            f"{name}: the workbook is damaged (not a readable zip); "
            "open it in Excel and save it again"
        ) from None


def _check_archive(name: str, archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total > MAX_INFLATED_BYTES:
        raise InputError(
            f"{name}: the workbook would inflate to {total / 1024**2:.0f} MB, past "
            f"the {MAX_INFLATED_BYTES // 1024**2} MB limit; refusing to open it"
        )
    for info in infos:
        if (
            info.compress_size
            and info.file_size / info.compress_size > MAX_RATIO
            and (info.file_size > 10 * 1024**2)
        ):
            ratio = info.file_size // info.compress_size
            raise InputError(
                f"{name}: part {info.filename} is compressed {ratio}:1, a zip bomb; "
                "refusing to open it"
            )
    if "xl/workbook.xml" not in archive.namelist():
        raise InputError(
            f"{name}: not an Excel workbook (no xl/workbook.xml); save it from Excel as .xlsx"
        )
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")) and _declares_dtd(archive, info):
            raise InputError(
                f"{name}: part {info.filename} declares a DTD or entities, "
                "which Excel never writes; refusing to open it"
            )


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True when a DOCTYPE or ENTITY comes before the root element (or the prolog is absurd).

    A DTD may only appear in the prolog, but the prolog can be padded with comments, so the
    part is read until its first element outside comments rather than for a fixed length.
    """
    seen = b""
    with archive.open(info) as part:
        while chunk := part.read(PROLOG_BYTES):
            seen += chunk
            if b"<!DOCTYPE" in seen.upper() or b"<!ENTITY" in seen.upper():
                return True
            if _ROOT.search(_COMMENT.sub(b"", seen)):
                return False
            if len(seen) > MAX_PROLOG_BYTES:
                return True
    return False


def _ole2_message(path: Path, name: str) -> str:
    """Tell an encrypted .xlsx (an OLE2 file with an EncryptionInfo stream) from an old .xls."""
    with path.open("rb") as fh:
        head = fh.read(OLE2_SCAN_BYTES)
    if (
        "EncryptionInfo".encode("utf-16-le") in head
        or "EncryptedPackage".encode("utf-16-le") in head
    ):
        return (
            f"{name}: the workbook is password-protected; open it in Excel, remove the "
            "password (File > Info > Protect Workbook > Encrypt with Password) and save it"
        )
    return (
        f"{name}: an old Excel 97-2003 (.xls) workbook; open it in Excel and save it as "
        ".xlsx (Excel Workbook)"
    )
