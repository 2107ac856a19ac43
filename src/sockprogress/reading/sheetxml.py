"""Look inside the Actuals sheet's XML for what calamine does not report: formulas with no result.

Only called for the few cells that already read as empty, so a big clean sheet never pays for it.
"""

from __future__ import annotations

import posixpath
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
