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
from ..words import N_

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
            N_("a named pipe")
            if stat.S_ISFIFO(status.st_mode)
            else N_("a device")
            if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode)
            else N_("a socket")
            if stat.S_ISSOCK(status.st_mode)
            else N_("not a regular file")
        )
        raise InputError(code="special_file", file=path, kind=kind, what=what)
    return status


def read_regular_file(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file no larger than limit; InputError otherwise (missing,
    unreadable, a folder, a pipe, too large).

    `what` names the file that was expected, as a message id (words/messages.py
    ERROR_PHRASES: "a targets file"), so that the error says it in the reader's words.
    """
    try:
        size = refuse_special_file(path, what).st_size
        if size > limit:
            raise InputError(
                code="file_too_large",
                file=path.name,
                size=f"{size / 1024**2:.1f}",
                limit=f"{limit / 1024**2:.0f}",
                what=what,
            )
        with path.open("rb") as fh:
            return fh.read(limit + 1)[:limit]
    except FileNotFoundError:
        raise InputError(code="file_not_found", file=path) from None
    except IsADirectoryError:
        raise InputError(code="folder_not_file", file=path, what=what) from None
    except OSError as exc:
        raise InputError(code="cannot_read", file=path, reason=exc.strerror) from None


ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# What `report` and `check` read; `actuals add` edits an .xlsx only.
KINDS = ("xlsx", "xls", "ods", "csv")


def spreadsheet_kind(path: Path) -> str:
    """What an actuals file is, after the same checks as an .xlsx (size, zip bombs, DTDs):
    "xlsx", "xls" (Excel 97-2003), "ods" (OpenDocument) or "csv" (text, told by its name).
    Anything else raises InputError."""
    if path.suffix.lower() == ".csv":
        refuse_special_file(path, N_("a CSV file"))
        if not path.exists():
            raise InputError(code="file_not_found", file=path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                code="file_too_large",
                file=path.name,
                size=f"{size / 1024**2:.0f}",
                limit=MAX_FILE_BYTES // 1024**2,
                what=N_("an actuals workbook"),
            )
        return "csv"
    try:
        check_workbook(path)
    except InputError as exc:
        if exc.code == "workbook_xls":  # calamine reads Excel 97-2003 workbooks
            return "xls"
        if exc.code != "workbook_no_workbook_part":
            raise
        with zipfile.ZipFile(path) as archive:
            if ODS_MIMETYPE not in _mimetype(archive):
                raise
        return "ods"
    return "xlsx"


def _mimetype(archive: zipfile.ZipFile) -> bytes:
    try:
        with archive.open("mimetype") as part:
            return part.read(len(ODS_MIMETYPE) + 64)
    except KeyError:
        return b""


def check_workbook(path: Path) -> None:
    """Raise InputError unless path looks like a sane .xlsx workbook."""
    name = path.name
    try:
        size = refuse_special_file(path, N_("an .xlsx workbook")).st_size
        with path.open("rb") as fh:
            head = fh.read(65536)  # enough to know a targets file given for the workbook
    except FileNotFoundError:
        raise InputError(code="file_not_found", file=path) from None
    except IsADirectoryError:
        raise InputError(code="folder_not_file", file=path, what=N_("a workbook")) from None
    except OSError as exc:
        raise InputError(code="cannot_read", file=path, reason=exc.strerror) from None
    if size == 0:
        raise InputError(code="workbook_empty", file=name)
    if size > MAX_FILE_BYTES:  # before the kind: an .xls (OLE2) too, which calamine reads
        raise InputError(
            code="file_too_large",
            file=name,
            size=f"{size / 1024**2:.0f}",
            limit=MAX_FILE_BYTES // 1024**2,
            what=N_("an actuals workbook"),
        )
    if head[:8] == OLE2_MAGIC:
        raise InputError(code=_ole2_code(path), file=name)
    if not head.startswith(b"PK"):
        # the targets file given for the workbook: "save it as .xlsx" would be the wrong advice
        targets = any(t in head for t in (b"[[targets]]", b"[[regions]]", b"[report]"))
        raise InputError(code="workbook_is_targets" if targets else "workbook_not_zip", file=name)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(name, archive)
    except zipfile.BadZipFile:
        raise InputError(code="workbook_damaged", file=name) from None


def _check_archive(name: str, archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total > MAX_INFLATED_BYTES:
        raise InputError(
            code="workbook_inflates",
            file=name,
            size=f"{total / 1024**2:.0f}",
            limit=MAX_INFLATED_BYTES // 1024**2,
        )
    for info in infos:
        if (
            info.compress_size
            and info.file_size / info.compress_size > MAX_RATIO
            and (info.file_size > 10 * 1024**2)
        ):
            ratio = info.file_size // info.compress_size
            raise InputError(code="workbook_zip_bomb", file=name, part=info.filename, ratio=ratio)
    if "xl/workbook.xml" not in archive.namelist():
        raise InputError(code="workbook_no_workbook_part", file=name)
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")) and _declares_dtd(archive, info):
            raise InputError(code="workbook_dtd", file=name, part=info.filename)


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


def _ole2_code(path: Path) -> str:
    """Tell an encrypted .xlsx (an OLE2 file with an EncryptionInfo stream) from an old .xls:
    the code of the error that says which."""
    with path.open("rb") as fh:
        head = fh.read(OLE2_SCAN_BYTES)
    if (
        "EncryptionInfo".encode("utf-16-le") in head
        or "EncryptedPackage".encode("utf-16-le") in head
    ):
        return "workbook_encrypted"
    return "workbook_xls"
