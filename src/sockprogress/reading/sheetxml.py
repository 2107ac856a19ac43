"""Look inside the data sheet's XML for what calamine does not report: error cells, formulas
with no result, tables.

calamine reads an error or a formula never calculated as an empty cell; the XML tells them apart.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from types import MappingProxyType

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


_SHEET_TAG = re.compile(r"<(?:[\w.-]+:)?sheet\b([^>]*?)/?>")
_RELATIONSHIP_TAG = re.compile(r"<(?:[\w.-]+:)?Relationship\b([^>]*?)/?>")
_XML_ATTR = re.compile(r"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def xml_attrs(text: str) -> dict[str, str]:
    """The attributes of a start tag's text, unescaped, by their name without a prefix (the
    only prefixed one a sheet or relationship carries is r:id)."""
    attrs = {}
    for match in _XML_ATTR.finditer(text):
        value = match[2] if match[2] is not None else match[3]
        attrs[match[1].rsplit(":", 1)[-1]] = unescape(value)
    return attrs


def sheet_names(path: Path) -> list[str]:
    """The names of an .xlsx's sheets, in order (none when they cannot be told: the reader
    says so when it opens the file)."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return []
    return [
        name
        for m in _SHEET_TAG.finditer(workbook)
        if (name := xml_attrs(m[1]).get("name")) is not None
    ]


def sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip path of the sheet named `sheet` (e.g. xl/worksheets/sheet1.xml), if any.

    Two small parts read with a pattern: each iterparse leaves a cycle of its own behind."""
    workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    rid = next(
        (
            attrs.get("id")
            for m in _SHEET_TAG.finditer(workbook)
            if (attrs := xml_attrs(m[1])).get("name") == sheet
        ),
        None,
    )
    if rid is None:
        return None
    rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    for match in _RELATIONSHIP_TAG.finditer(rels):
        attrs = xml_attrs(match[1])
        if attrs.get("Id") == rid:
            target = attrs.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join("xl", target))
    return None


def cell_name(row: int, column: int) -> str:
    """A1-style name of a 1-based row and 0-based column."""
    return f"{xl_col_to_name(column)}{row}"


# A cell's A1 name as a sheet's XML writes it, `$` allowed (a table's ref, a cell's r).
_A1 = re.compile(r"\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6}")


def cell_position(cell: str) -> tuple[int, int] | None:
    """`D4` -> (4, 3): a cell's 1-based row and 0-based column; None when it is no A1 name.

    xlsxwriter's conversion, not openpyxl's: the report imports xlsxwriter to write its
    workbook anyway, and `openpyxl.utils` imports all of openpyxl (about 0.07 s cold)."""
    if _A1.fullmatch(cell) is None:
        return None
    row, column = xl_cell_to_rowcol(cell)
    return row + 1, column


def cell_range(ref: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """`B10:A2` (or one cell, `C3`) -> its first and last cell, (1-based row, 0-based column)
    each, in order whichever corners it names; None when it is no range. A table's ref, a
    link's, a merge's: one reading for all."""
    first, _, last = ref.partition(":")
    start, end = cell_position(first), cell_position(last or first)
    if start is None or end is None:
        return None
    return (
        (min(start[0], end[0]), min(start[1], end[1])),
        (max(start[0], end[0]), max(start[1], end[1])),
    )


def part_relationships(archive: zipfile.ZipFile, part: str, kind: str) -> list[dict[str, str]]:
    """The relationships of the package part `part` whose type ends with `kind` (its tables,
    its hyperlinks), each as its attributes (Id, Type, Target, TargetMode)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in archive.namelist():
        return []
    text = archive.read(rels).decode("utf-8", "replace")
    return [
        attrs
        for match in _RELATIONSHIP_TAG.finditer(text)
        if (attrs := xml_attrs(match[1])).get("Type", "").endswith(kind)
    ]


_TABLE_REL = "/relationships/table"


@dataclass(frozen=True)
class SheetTable:
    """An Excel Table on the sheet: its name, its range (1-based rows and columns, first and
    last), how many header rows start it (1, or 0) and how many Total Rows end it."""

    name: str
    min_row: int
    min_col: int
    max_row: int
    max_col: int
    header_rows: int
    totals: int

    @property
    def total_rows(self) -> set[int]:
        return set(range(self.max_row - self.totals + 1, self.max_row + 1))

    def holds(self, row: int, column: int) -> bool:
        return self.min_row <= row <= self.max_row and self.min_col <= column <= self.max_col


_TABLE_TAG = re.compile(r"<(?:[\w.-]+:)?table\b([^>]*?)/?>")


def table_parts(archive: zipfile.ZipFile, part: str) -> list[str]:
    """The parts of the Excel Tables of the sheet part `part`, by its relationships, those the
    package holds (the reader's and `actuals add`'s one way to find them)."""
    folder = posixpath.dirname(part)
    names = set(archive.namelist())
    found = []
    for attrs in part_relationships(archive, part, _TABLE_REL):
        target = attrs.get("Target", "")
        table = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        if table in names:
            found.append(table)
    return found


def sheet_tables(path: Path, sheet: str) -> list[SheetTable]:
    """The Excel Tables on the sheet named `sheet` (none when it cannot be told)."""
    tables: list[SheetTable] = []
    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_part(archive, sheet)
            if part is None:
                return tables
            for table in table_parts(archive, part):
                xml = archive.read(table)[:65536].decode("utf-8", "replace")
                if (root := _TABLE_TAG.search(xml)) is None:
                    continue
                found = _table(xml_attrs(root[1]))
                if found is not None:
                    tables.append(found)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return tables
    return tables


def _table(attrs: dict[str, str]) -> SheetTable | None:
    corners = cell_range(attrs.get("ref", ""))
    if corners is None:
        return None
    (top, left), (bottom, right) = corners
    return SheetTable(
        attrs.get("displayName") or attrs.get("name") or "",
        top,
        left + 1,
        bottom,
        right + 1,
        int(attrs.get("headerRowCount") or 1),
        int(attrs.get("totalsRowCount") or 0),
    )


def total_rows(path: Path, sheet: str) -> set[int]:
    """Sheet rows (1-based) that are a table's Total Row: a sum, not an observation."""
    return set().union(*(t.total_rows for t in sheet_tables(path, sheet)))


# A cell whose start tag says it holds an error (t="e"), or which holds a formula: only chunks
# of the sheet that show either are looked at closely, so a sheet of plain values costs a
# decompression and a byte search.
_CELL = re.compile(
    rb"<(?:[\w.-]+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:[\w.-]+:)?c>)",
    re.DOTALL,
)
_ATTR_R = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3}\d+)["']""")
_ATTR_T = re.compile(rb"""\bt\s*=\s*["'](\w+)["']""")
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f\b")
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v\b[^>]*?(?:/>|>([^<]*)</(?:[\w.-]+:)?v>)")
# What an error cell's type or a formula's tag looks like, found by a plain byte search: four
# passes over the sheet (each costs about as much as the next; a tag that merely starts with
# f only costs the closer look). The province's sheet is read in about a quarter of a second.
_MARKERS = (b'"e"', b"'e'", b"<f", b":f")
_CHUNK = 4 * 1024**2


@dataclass(frozen=True)
class CloserLook:
    """What the data sheet's XML says that calamine does not (calamine gives cell values):
    `broken`, its cells (A1 names) that hold an error (their text: `#REF!`) or a formula whose
    result was never saved (""), both read as empty cells; `links`, the web address each
    linked cell points to (a Ctrl+K link, or `=HYPERLINK("https://…", "新华社")`), where the
    cell shows only its text."""

    broken: Mapping[str, str]
    links: Mapping[str, str]


NOTHING_CLOSER = CloserLook(MappingProxyType({}), MappingProxyType({}))


def closer_look(path: Path, sheet: str) -> CloserLook:
    """The sheet's broken cells and links (CloserLook), in one pass over its XML; nothing
    when the XML cannot be read (the plain reading stands)."""
    broken: dict[str, str] = {}
    links: dict[str, str] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_part(archive, sheet)
            if part is None:
                return NOTHING_CLOSER
            # a sheet without hyperlinks among its relationships has none: no search for them
            targets = _link_targets(archive, part)
            for data in _chunks(archive, part):
                _broken_in(data, broken, links)
                if targets and b"hyperlink" in data:
                    _links_in(data, targets, links)
    except (OSError, KeyError, zipfile.BadZipFile, SyntaxError):
        # A closer look that fails leaves the plain reading in place.
        return NOTHING_CLOSER
    return CloserLook(broken, links)


_HYPERLINK_REL = "/relationships/hyperlink"
_HYPERLINK_TAG = re.compile(rb"<(?:[\w.-]+:)?hyperlink\b([^>]*?)/?>")
# The address of a HYPERLINK formula, its first argument when written as text.
_HYPERLINK_FORMULA = re.compile(
    rb"""HYPERLINK\s*\(\s*(?:"|&quot;)((?:(?!"|&quot;).)*)(?:"|&quot;)""", re.IGNORECASE
)
# A web address a source may point to; any other link (a file, a mailto:, javascript:) is none.
_WEB = re.compile(r"https?://\S+", re.IGNORECASE)
# The most cells one link's range may give its address (a whole column linked is a slip).
_LINKED_CELLS = 10_000


def _link_targets(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """The sheet's hyperlink relationships to web addresses, by their id."""
    return {
        attrs.get("Id", ""): target
        for attrs in part_relationships(archive, part, _HYPERLINK_REL)
        if _WEB.fullmatch(target := attrs.get("Target", "").strip())
    }


def _links_in(data: bytes, targets: dict[str, str], links: dict[str, str]) -> None:
    for match in _HYPERLINK_TAG.finditer(data):
        attrs = xml_attrs(match[1].decode("utf-8", "replace"))
        url = targets.get(attrs.get("id", ""))
        if url is None:
            continue
        corners = cell_range(attrs.get("ref", ""))
        if corners is None:
            continue
        (top, left), (bottom, right) = corners
        rows, columns = range(top, bottom + 1), range(left, right + 1)
        if len(rows) * len(columns) <= _LINKED_CELLS:
            for row in rows:
                for column in columns:
                    links.setdefault(cell_name(row, column), url)


def _broken_in(data: bytes, found: dict[str, str], links: dict[str, str]) -> None:
    if not any(marker in data for marker in _MARKERS):
        return
    for match in _CELL.finditer(data):
        attrs, body = match[1], match[2] or b""
        kind = _ATTR_T.search(attrs)
        name = _ATTR_R.search(attrs)
        if name is None:
            continue
        value = _VALUE.search(body)
        text = (value[1] or b"").strip() if value else b""
        if kind is not None and kind[1] == b"e":
            found[name[1].decode()] = text.decode("utf-8", "replace") or "#N/A"
        elif _FORMULA.search(body) and not text and not (kind and kind[1] == b"str" and value):
            found[name[1].decode()] = ""
        elif (link := _HYPERLINK_FORMULA.search(body)) is not None:
            url = unescape(link[1].decode("utf-8", "replace")).strip()
            if _WEB.fullmatch(url):
                links[name[1].decode()] = url


# The most cells the data sheet may span, from A1 to its farthest cell: fifteen times a
# province's (240,000 rows of 8 columns), and more than columns A to Z can (27.3 million).
# calamine lays out every cell of the span, 32 bytes each, before it gives a row: one value
# typed at XFD1048576 asked for 512 GiB, and the process was aborted, not refused; at
# CV1048576, 4.3 GB and ten seconds before the stray cell was said.
MAX_SHEET_CELLS = 30_000_000
# A cell beyond column Z (two or three letters): a table of the tool's columns has none, so a
# byte pattern finds them at about the cost of the decompression (0.11 s in all for the
# province's 83 MB sheet, 0.08 s of it decompressing). The pattern starts with its literal
# ` r=`, which the regular expression engine looks for at C speed (`r\s*=` took 0.16 s, a
# leading \b 0.48 s); every writer of .xlsx files puts one space before an attribute, and
# either quote is taken. With columns A to Z only, no sheet spans more than 26 x 1,048,576
# cells, within the limit.
_WIDE_CELL = re.compile(rb""" r=["']([A-Z]{2,3})(\d+)["']""")
_ROW_NUMBER = re.compile(rb"""<(?:[\w.-]+:)?row\b[^>]*?\br\s*=\s*["'](\d+)["']""")


@dataclass(frozen=True)
class Span:
    """How far a sheet's cells reach: its farthest cell (A1 name) and the rows and columns
    from A1 to the last of each."""

    cell: str
    rows: int
    columns: int
    sheet: str = ""  # its sheet's name, where more than one is looked at (an .ods)

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def too_wide(path: Path, sheet: str) -> Span | None:
    """The span of the sheet named `sheet` when it holds more than MAX_SHEET_CELLS cells (None
    when it holds fewer, or cannot be told: calamine then says what is wrong).

    Its cells beyond column Z are found first (most sheets have none: one pass at the pace of
    the decompression); only a sheet with one has its rows counted, in a second pass."""
    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_part(archive, sheet)
            if part is None:
                return None
            widest: tuple[int, int, str] | None = None  # its column (1-based), row, name
            for data in _chunks(archive, part):
                for match in _WIDE_CELL.finditer(data):
                    name = (match[1] + match[2]).decode()
                    row, column = xl_cell_to_rowcol(name)
                    if widest is None or column + 1 > widest[0]:
                        widest = (column + 1, row + 1, name)
            if widest is None:
                return None
            rows = max(
                (int(m[1]) for data in _chunks(archive, part) for m in _ROW_NUMBER.finditer(data)),
                default=0,
            )
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return None
    span = Span(widest[2], max(rows, widest[1]), widest[0])
    return span if span.cells > MAX_SHEET_CELLS else None


def _chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The sheet part's XML in pieces of about _CHUNK bytes, each cut after a row's tag, so
    that no cell is split between two."""
    with archive.open(part) as fh:
        rest = b""
        while True:
            chunk = fh.read(_CHUNK)
            data = rest + chunk
            if chunk:
                cut = data.rfind(b"row>") + 4 if b"row>" in data else 0
                data, rest = data[:cut], data[cut:]
            yield data
            if not chunk:
                return


# An OpenDocument sheet's rows and cells, with how many times each is repeated: one row of one
# cell holding 1 may stand for 6,000 rows of 16,000 columns (896 bytes of XML, 96 million
# cells, 9.8 GB and 26 s in calamine: a fuzz audit's find).
_ODS_TOKEN = re.compile(
    rb"<table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*)>"
    rb"|</table:table-row>"
)
_ODS_ROWS = re.compile(rb"""number-rows-repeated\s*=\s*["'](\d+)["']""")
_ODS_NAME = re.compile(rb"""table:name\s*=\s*["']([^"']*)["']""")
_ODS_COLUMNS = re.compile(rb"""number-columns-repeated\s*=\s*["'](\d+)["']""")


def ods_too_wide(path: Path) -> Span | None:
    """The span of the widest sheet of an .ods workbook, rows and columns repeated as written,
    when it holds more than MAX_SHEET_CELLS cells up to its last cell with a value (None when
    it holds fewer, or cannot be told). Repeated empty rows and cells (LibreOffice ends every
    sheet with a million) are no span: only cells with a value type count."""
    spans: list[Span] = []
    try:
        with zipfile.ZipFile(path) as archive:
            sheet = ""
            rows = repeat = column = 0  # rows done in the sheet, this row's repeat, its column
            last_row = last_column = 0  # the farthest row and column with a value
            for data in _chunks(archive, "content.xml"):
                for match in _ODS_TOKEN.finditer(data):
                    kind, attrs = match[1], match[2] or b""
                    if kind is None:  # the end of a row
                        rows, repeat = rows + repeat, 0
                    elif kind == b"table":  # the sheet before is done
                        spans.append(_ods_span(sheet, last_row, last_column))
                        named = _ODS_NAME.search(attrs)
                        sheet = unescape(named[1].decode("utf-8", "replace")) if named else ""
                        rows = repeat = last_row = last_column = 0
                    elif kind == b"table-row":
                        repeat, column = _repeated(_ODS_ROWS, attrs), 0
                        if attrs.endswith(b"/"):  # a row with no cells
                            rows, repeat = rows + repeat, 0
                    else:
                        column += _repeated(_ODS_COLUMNS, attrs)
                        if b"value-type" in attrs:
                            last_row = max(last_row, rows + max(repeat, 1))
                            last_column = max(last_column, column)
            spans.append(_ods_span(sheet, last_row, last_column))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return None
    widest = max(spans, key=lambda span: span.cells)
    return widest if widest.cells > MAX_SHEET_CELLS else None


def _ods_span(sheet: str, rows: int, columns: int) -> Span:
    """A sheet's span to its farthest row and column with a value (A1 when it has none)."""
    return Span(cell_name(max(rows, 1), max(columns, 1) - 1), rows, columns, sheet)


def _repeated(pattern: re.Pattern[bytes], attrs: bytes) -> int:
    found = pattern.search(attrs)
    return int(found[1]) if found else 1
