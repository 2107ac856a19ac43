"""Look inside the Actuals sheet's XML for what calamine does not report: formulas with no result.

Only called for the few cells that already read as empty, so a big clean sheet never pays for it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import iterparse

from openpyxl.utils import get_column_letter

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip path of the sheet named `sheet` (e.g. xl/worksheets/sheet1.xml), if any."""
    rid = None
    with archive.open("xl/workbook.xml") as fh:
        for _, element in iterparse(fh):
            if element.tag == f"{_MAIN}sheet" and element.get("name") == sheet:
                rid = element.get(f"{_REL}id")
                break
    if rid is None:
        return None
    with archive.open("xl/_rels/workbook.xml.rels") as fh:
        for _, element in iterparse(fh):
            if element.tag == f"{_PKG_REL}Relationship" and element.get("Id") == rid:
                target = element.get("Target", "")
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join("xl", target))
    return None


def cell_name(row: int, column: int) -> str:
    """A1-style name of a 1-based row and 0-based column."""
    return f"{get_column_letter(column + 1)}{row}"


def formulas_without_result(path: Path, sheet: str, cells: set[str]) -> set[str]:
    """Which of `cells` (A1 names) hold a formula whose result was never saved."""
    if not cells:
        return set()
    found: set[str] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_part(archive, sheet)
            if part is None:
                return set()
            with archive.open(part) as fh:
                for _, element in iterparse(fh):
                    if element.tag == f"{_MAIN}row":
                        element.clear()
                    elif element.tag == f"{_MAIN}c" and element.get("r") in cells:
                        value = element.find(f"{_MAIN}v")
                        has_formula = element.find(f"{_MAIN}f") is not None
                        if has_formula and (value is None or not (value.text or "").strip()):
                            found.add(str(element.get("r")))
    except (OSError, KeyError, zipfile.BadZipFile, SyntaxError):
        # A closer look that fails leaves the plain "empty" message in place.
        return found
    return found


_TABLE_REL = "/relationships/table"


def total_rows(path: Path, sheet: str) -> set[int]:
    """Sheet rows (1-based) that are a table's Total Row: a sum, not an observation."""
    rows: set[int] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_part(archive, sheet)
            if part is None:
                return rows
            folder, name = posixpath.split(part)
            rels = posixpath.join(folder, "_rels", name + ".rels")
            if rels not in archive.namelist():
                return rows
            targets = []
            with archive.open(rels) as fh:
                for _, element in iterparse(fh):
                    if element.tag == f"{_PKG_REL}Relationship" and element.get(
                        "Type", ""
                    ).endswith(_TABLE_REL):
                        target = element.get("Target", "")
                        targets.append(
                            target.lstrip("/")
                            if target.startswith("/")
                            else posixpath.normpath(posixpath.join(folder, target))
                        )
            for table in targets:
                with archive.open(table) as fh:
                    for _, element in iterparse(fh, events=("start",)):
                        count = int(element.get("totalsRowCount") or 0)
                        ref = element.get("ref", "")
                        if count > 0 and (m := re.fullmatch(r"[A-Z]+\d+:[A-Z]+(\d+)", ref)):
                            last = int(m[1])
                            rows.update(range(last - count + 1, last + 1))
                        break
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError):
        return rows
    return rows
