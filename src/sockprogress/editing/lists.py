"""The workbook's dropdowns follow the targets file: the hidden Lists sheet rebuilt in place.

`init` writes the regions and indicators of targets.toml into a hidden "Lists" sheet, and the
Actuals sheet's dropdowns read it through three defined names (region_list, indicator_list,
basis_list). When the targets file changes (your own goals, a new region), the lists are
rebuilt here by editing the package as `actuals add` does (package.py): only the Lists sheet's
rows and the three names' ranges change; every other part is copied byte for byte.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError, fromstring

from openpyxl.utils import get_column_letter, quote_sheetname

from ..errors import InputError
from ..model import TargetsFile
from ..reading.actuals import sheet_layout
from ..reading.safety import check_workbook
from ..words.words import Words
from .blank import DROPDOWNS, LISTS_SHEET, LISTS_SHEET_ZH, bases, choices
from .package import Cell, PackageEdit
from .safekeeping import (
    backup,
    editing,
    save_replacing,
)

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# The names init gives the hidden sheet of the dropdowns' lists, in each language.
LISTS_SHEETS = (LISTS_SHEET, LISTS_SHEET_ZH)
WORKBOOK_PART = "xl/workbook.xml"
SHARED_STRINGS = "xl/sharedStrings.xml"


@dataclass(frozen=True)
class Lists:
    """What the dropdowns offer, column by column, as the Lists sheet writes it."""

    regions: tuple[str, ...]
    indicators: tuple[str, ...]
    bases: tuple[str, ...]

    def columns(self) -> tuple[tuple[str, ...], ...]:
        return (self.regions, self.indicators, self.bases)


def wanted(targets: TargetsFile, sheet: Words) -> Lists:
    """The lists the targets file gives, in the sheet's language (小北河 in a Chinese sheet)."""
    regions, indicators = choices(targets, sheet)
    return Lists(tuple(regions), tuple(indicators), bases(sheet))


def _name_ref(column: int, values: tuple[str, ...], sheet: str) -> str:
    letter = get_column_letter(column + 1)
    return f"{quote_sheetname(sheet)}!${letter}$2:${letter}${max(len(values) + 1, 2)}"


def _sheet_of(ref: str) -> str:
    """The sheet a defined name's range is on: `'下拉选项'!$A$2:$A$9` → 下拉选项 (the Lists
    sheet is named in the workbook's language, as init named it)."""
    sheet = ref.rpartition("!")[0]
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet


def _names_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf'(<(?:\w+:)?definedName\b[^>]*\bname="{name}"[^>]*>)([^<]*)(</)')


def _shared(archive: zipfile.ZipFile) -> list[str]:
    if SHARED_STRINGS not in archive.namelist():
        return []
    root = fromstring(archive.read(SHARED_STRINGS))
    return ["".join(t.text or "" for t in si.iter(f"{_MAIN}t")) for si in root]


_TEXT = re.compile(r"<(?:\w+:)?t\b[^>]*>(.*?)</(?:\w+:)?t>", re.DOTALL)
_V = re.compile(r"<(?:\w+:)?v\b[^>]*>(.*?)</(?:\w+:)?v>", re.DOTALL)


def _value(xml: str, kind: str | None, shared: list[str]) -> str:
    """The text a Lists cell shows: an inline string, a shared string or a plain value."""
    if kind == "inlineStr":
        return html.unescape("".join(_TEXT.findall(xml)))
    value = _V.search(xml)
    text = html.unescape(value[1]) if value else ""
    if kind == "s":
        return shared[int(text)] if text.isdigit() and int(text) < len(shared) else ""
    return text


def _state(data: bytes, name: str) -> tuple[Lists, list[str], str] | None:
    """The lists the workbook offers now, its three names' ranges and the sheet they are on
    (by the first name's range: Lists, or 下拉选项); None for a workbook without dropdowns
    made by `init` (no such sheet, or not the three defined names): its own are left alone."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        book = archive.read(WORKBOOK_PART).decode("utf-8")
        written = [_names_pattern(f"{column}_list").search(book) for column in DROPDOWNS]
        if any(match is None for match in written):
            return None
        first = written[0]
        assert first is not None
        sheet = _sheet_of(html.unescape(first[2].strip()))
        # Only a sheet init made for the lists is rebuilt: names of the workbook's own over
        # other cells (its data sheet's columns) would have its rows written over.
        if sheet not in LISTS_SHEETS:
            return None
        edit = PackageEdit(name, data, sheet=sheet)
        shared = _shared(archive)
        columns: list[dict[int, str]] = [{}, {}, {}]
        for row in edit._rows():
            if row.number < 2:
                continue
            for cell in edit._cells(row):
                if cell.column < len(columns):
                    text = _value(cell.text, cell.attrs.get("t"), shared)
                    columns[cell.column][row.number] = text
    except (InputError, KeyError, zipfile.BadZipFile, ParseError, UnicodeDecodeError, OSError):
        return None
    refs = [html.unescape(match[2].strip()).replace("'", "") for match in written if match]
    found = Lists(*(tuple(v for _, v in sorted(c.items()) if v) for c in columns))
    return found, refs, sheet


def current(data: bytes, name: str) -> Lists | None:
    """The lists the workbook's dropdowns offer now (None: no dropdowns made by `init`)."""
    state = _state(data, name)
    return None if state is None else state[0]


def relisted(name: str, data: bytes, lists: Lists) -> bytes | None:
    """The workbook with its Lists sheet and its three names rebuilt to offer `lists`; None
    when it offers them already, or has no dropdowns made by `init`."""
    state = _state(data, name)
    if state is None:
        return None
    sheet = state[2]
    refs = [
        _name_ref(i, values, sheet).replace("'", "") for i, values in enumerate(lists.columns())
    ]
    if state[:2] == (lists, refs):
        return None
    edit = PackageEdit(name, data, sheet=sheet)
    rows = [r for r in edit._rows() if r.number >= 2]
    for row in reversed(rows):
        edit.xml = edit.xml[: row.start] + edit.xml[row.end :]
    p = edit.prefix
    longest = max(len(values) for values in lists.columns())
    body = []
    for number in range(2, longest + 2):
        cells = [
            edit._cell_xml(number, Cell(column, values[number - 2]), None)
            for column, values in enumerate(lists.columns())
            if number - 2 < len(values)
        ]
        body.append(f'<{p}row r="{number}">{"".join(cells)}</{p}row>')
    end = edit.xml.index(f"</{p}sheetData>")
    edit.xml = edit.xml[:end] + "".join(body) + edit.xml[end:]
    edit.xml = re.sub(
        rf'(<{re.escape(p)}dimension\b[^>]*?\bref=")[^"]*(")',
        rf"\g<1>A1:{get_column_letter(len(DROPDOWNS))}{longest + 1}\g<2>",
        edit.xml,
        count=1,
    )
    book = edit.archive.read(WORKBOOK_PART).decode("utf-8")
    for column, values in enumerate(lists.columns()):
        ref = html.escape(_name_ref(column, values, sheet), quote=False)

        def put(match: re.Match[str], ref: str = ref) -> str:
            return f"{match[1]}{ref}{match[3]}"

        book = _names_pattern(f"{DROPDOWNS[column]}_list").sub(put, book, count=1)
    edit.changed[WORKBOOK_PART] = book.encode("utf-8")
    return edit.package()


@dataclass(frozen=True)
class Refreshed:
    lists: Lists
    backup: Path | None  # None: the lists were as wanted already, nothing written


def refresh(path: Path, targets: TargetsFile) -> Refreshed:
    """Rebuild the dropdowns of the workbook at path from `targets`: under the lock, after a
    backup, by an atomic rename. InputError for a workbook without dropdowns made by `init`."""
    check_workbook(path)
    with editing(path) as real:
        before = real.read_bytes()
        sheet = Words.of(sheet_layout(real).header_language)
        lists = wanted(targets, sheet)
        if current(before, path.name) is None:
            expected = sheet.pick(LISTS_SHEET, zh=LISTS_SHEET_ZH) or LISTS_SHEET
            raise InputError(code="no_lists_sheet", file=path.name, sheet=expected)
        data = relisted(path.name, before, lists)
        if data is None:
            return Refreshed(lists, None)
        copy = backup(path, before)
        save_replacing(real, data)
    return Refreshed(lists, copy)
