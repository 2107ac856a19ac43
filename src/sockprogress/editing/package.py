"""Add one row to the Actuals sheet by editing the workbook's zip package directly.

An .xlsx is a zip of parts. A library that loads the workbook and saves it again writes only
what it understood: saved formula results, data connections, custom XML, charts, pivot tables,
macros or anything newer than the library are lost. Here every part is copied byte for byte
except the two that must change: the Actuals sheet's XML, where one row is spliced in as text,
and the XML of the table that holds it, whose range grows by one row. New text goes in as an
inline string, so the shared strings and every other sheet stay as they were.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse
from xml.sax.saxutils import escape

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from ..errors import InputError
from ..model import SHEET
from ..reading.sheetxml import cell_range, sheet_part, table_parts
from ..words import N_

MAX_ROW = 1_048_576  # the last row of an Excel sheet
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_MERGE_CELL = re.compile(r"""<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Z0-9$:]+)["']""")
# An A1 reference inside a formula (structured references, Table[column], have no row number).
_A1_IN_FORMULA = re.compile(r"(?<![A-Za-z_\[])\$?[A-Z]{1,3}\$?\d+(?![\w\]])")


@dataclass(frozen=True)
class Cell:
    """A cell to write: its 0-based column and value (None: an empty cell kept for its style)."""

    column: int
    value: str | float | int | None


@dataclass
class _Row:
    """One <row> element of the sheet XML: where it is and its number."""

    start: int
    end: int
    number: int
    open_tag: str
    body: str | None  # None for <row .../>


@dataclass
class _XmlCell:
    column: int
    text: str
    attrs: dict[str, str]


class PackageEdit:
    """One sheet's XML of a workbook (the data sheet's, or the dropdowns' lists'), and the edits
    a new row needs."""

    def __init__(self, name: str, data: bytes, sheet: str = SHEET) -> None:
        self.name = name
        self.data = data
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            part = sheet_part(self.archive, sheet)
        except (KeyError, zipfile.BadZipFile, ParseError, OSError):
            part = None
        if part is None or part not in self.archive.namelist():
            raise self.refuse(N_("sheet {sheet}: its part cannot be found"), sheet=sheet)
        self.part = part
        try:
            self.xml = self.archive.read(part).decode("utf-8")
        except UnicodeDecodeError:
            raise self.refuse(N_("sheet {sheet}: not stored as UTF-8 XML"), sheet=sheet) from None
        match = re.search(r"<(?:(\w+):)?sheetData\b[^>]*?(/?)>", self.xml)
        if match is None:
            raise self.refuse(N_("sheet {sheet}: no cell data"), sheet=sheet)
        self.prefix = f"{match[1]}:" if match[1] else ""
        if match[2]:  # <sheetData/>: give it a body to splice into
            close = f"</{self.prefix}sheetData>"
            self.xml = (
                self.xml[: match.start()]
                + match[0][:-2].rstrip()
                + ">"
                + close
                + self.xml[match.end() :]
            )
        self.changed: dict[str, bytes] = {}

    def refuse(self, why: str, **params: Any) -> InputError:
        """Nothing is written: `why` (a message id, filled from `params`) says what stands in
        the way."""
        return InputError(code="cannot_add_safely", file=self.name, why=why, **params)

    # --- rows and cells -------------------------------------------------------------------

    def _rows(self) -> list[_Row]:
        p = re.escape(self.prefix)
        pattern = re.compile(rf"<{p}row\b([^>]*?)(/>|>)")
        rows: list[_Row] = []
        position = 0
        number = 0
        end_tag = f"</{self.prefix}row>"
        while match := pattern.search(self.xml, position):
            attrs = _attrs(match[1])
            number = int(attrs["r"]) if "r" in attrs else number + 1
            if match[2] == "/>":
                rows.append(_Row(match.start(), match.end(), number, match[0], None))
                position = match.end()
                continue
            close = self.xml.find(end_tag, match.end())
            if close < 0:
                raise self.refuse(N_("a row of the sheet is not closed"))
            body = self.xml[match.end() : close]
            rows.append(_Row(match.start(), close + len(end_tag), number, match[0], body))
            position = close + len(end_tag)
        return rows

    def _cells(self, row: _Row) -> list[_XmlCell]:
        if not row.body:
            return []
        p = re.escape(self.prefix)
        pattern = re.compile(rf"<{p}c\b([^>]*?)(?:/>|>(.*?)</{p}c>)", re.DOTALL)
        cells = []
        column = -1
        for match in pattern.finditer(row.body):
            attrs = _attrs(match[1])
            ref = _CELL_REF.fullmatch(attrs.get("r", ""))
            column = column_index_from_string(ref[1]) - 1 if ref else column + 1
            cells.append(_XmlCell(column, match[0], attrs))
        return cells

    def _extras(self, row: _Row) -> str:
        """What a row holds besides its cells (an extLst), kept after them."""
        if not row.body:
            return ""
        p = re.escape(self.prefix)
        return re.sub(rf"<{p}c\b[^>]*?(?:/>|>.*?</{p}c>)", "", row.body, flags=re.DOTALL).strip()

    def _cell_xml(self, row: int, cell: Cell, style: str | None) -> str:
        p = self.prefix
        ref = f"{get_column_letter(cell.column + 1)}{row}"
        s = f' s="{style}"' if style else ""
        value = cell.value
        if value is None:
            return f'<{p}c r="{ref}"{s}/>'
        if isinstance(value, str):
            # Text is an inline string: never a formula, and the shared strings stay untouched.
            text = _xml_text(value)
            return (
                f'<{p}c r="{ref}"{s} t="inlineStr"><{p}is><{p}t xml:space="preserve">{text}'
                f"</{p}t></{p}is></{p}c>"
            )
        number = str(int(value)) if float(value).is_integer() else repr(float(value))
        return f'<{p}c r="{ref}"{s}><{p}v>{number}</{p}v></{p}c>'

    # --- the edit ---------------------------------------------------------------------------

    def put_row(self, target: int, header: int, cells: list[Cell], replace: bool) -> int:
        """Write cells at sheet row `target` (above a table's Total Row when it sits there).

        Returns the row written. Appending grows the table, its filters, validations and
        conditional formats that ended at the row above.
        """
        if target > MAX_ROW:
            raise self.refuse(
                N_("the sheet is full: its last row, {last}, is used"), last=f"{MAX_ROW:,}"
            )
        tables = self._tables()
        columns = {c.column + 1 for c in cells}
        holder = next(
            (
                t
                for t in tables
                if t.min_row <= header <= t.max_row
                and any(t.min_col <= c <= t.max_col for c in columns)
            ),
            None,
        )
        other = next(
            (
                t
                for t in tables
                if t is not holder
                and t.min_row <= target <= t.max_row
                and any(t.min_col <= c <= t.max_col for c in columns)
            ),
            None,
        )
        if other is not None:  # a helper table below the Actuals table: never written over
            raise self.refuse(N_("row {row} belongs to another table on the sheet"), row=target)
        for merge in _MERGE_CELL.finditer(self.xml):
            # merged cells below the table: a row written under them shows its first cell
            # only (a fuzz audit's find), and `check` then only warns of the merge
            corners = cell_range(merge[1])
            if corners is None:
                continue
            (top, left), (bottom, right) = corners
            if top <= target <= bottom and any(left + 1 <= c <= right + 1 for c in columns):
                raise self.refuse(
                    N_("row {row} is inside merged cells {span}"),
                    row=target,
                    span=merge[1],
                )
        rows = self._rows()
        if not replace and holder is not None and holder.totals and target > holder.data_last:
            # The Total Row is last: the new row goes above it and the Total Row moves down.
            if target > holder.max_row + 1:
                raise self.refuse(
                    N_("cells sit below the table's Total Row (row {row})"), row=target - 1
                )
            target = holder.max_row
            self._move_total_row(rows, target)
            rows = self._rows()
        by_number = {r.number: r for r in rows}
        above = by_number.get(target - 1) if target - 1 > header else None
        styles = {c.column: c.attrs.get("s") for c in self._cells(above)} if above else {}
        existing = by_number.get(target)
        kept: list[_XmlCell] = []
        if existing is not None:
            ours = {c.column for c in cells}
            for old in self._cells(existing):
                if old.column in ours:
                    if "<f" in old.text.replace(f"<{self.prefix}f", "<f"):
                        raise self.refuse(
                            N_("cell {cell} holds a formula"),
                            cell=f"{get_column_letter(old.column + 1)}{target}",
                        )
                    styles[old.column] = old.attrs.get("s") or styles.get(old.column)
                else:
                    kept.append(old)
        new = [(c.column, self._cell_xml(target, c, styles.get(c.column))) for c in cells]
        new = [(c, x) for c, x in new if not x.endswith("/>") or styles.get(c)]
        merged = sorted([*((k.column, k.text) for k in kept), *new], key=lambda t: t[0])
        body = "".join(x for _, x in merged)
        p = self.prefix
        if existing is not None:
            tag = existing.open_tag[:-2] + ">" if existing.body is None else existing.open_tag
            tag = re.sub(r'\sspans="[^"]*"', "", tag)
            element = f"{tag}{body}{self._extras(existing)}</{p}row>"
            self.xml = self.xml[: existing.start] + element + self.xml[existing.end :]
        else:
            element = f'<{p}row r="{target}">{body}</{p}row>'
            after = next((r for r in rows if r.number > target), None)
            at = after.start if after else self.xml.index(f"</{p}sheetData>")
            self.xml = self.xml[:at] + element + self.xml[at:]
        if not replace:
            self._grow(target, holder)
        self._dimension(target)
        return target

    def _move_total_row(self, rows: list[_Row], total: int) -> None:
        """Move the Total Row at `total` one row down; nothing may sit below it."""
        below = [r for r in rows if r.number > total and self._cells(r)]
        if below:
            raise self.refuse(
                N_("cells sit below the table's Total Row (row {row})"), row=below[0].number
            )
        row = next((r for r in rows if r.number == total), None)
        if row is None:
            return
        if _A1_IN_FORMULA.search(re.sub(r"<[^>]+>", " ", row.body or "")):
            raise self.refuse(N_("the table's Total Row has formulas with cell references"))

        def shift(match: re.Match[str]) -> str:
            return f'r="{match[1]}{total + 1}"'

        tag = re.sub(r'\br="\d+"', f'r="{total + 1}"', row.open_tag, count=1)
        if 'r="' not in tag:
            tag = tag.replace("row", f'row r="{total + 1}"', 1)
        body = re.sub(rf'\br="([A-Z]{{1,3}}){total}"', shift, row.body or "")
        element = tag if row.body is None else f"{tag}{body}</{self.prefix}row>"
        self.xml = self.xml[: row.start] + element + self.xml[row.end :]

    def _grow(self, target: int, holder: _Table | None) -> None:
        """Ranges that ended at the row above the new one now end at it."""
        last = target - 1

        def extend(text: str) -> str:
            out = []
            for part in text.split():
                try:
                    cr = CellRange(part)
                except (ValueError, TypeError):
                    out.append(part)
                    continue
                if cr.max_row == last:
                    cr.expand(down=1)
                    out.append(cr.coord)
                else:
                    out.append(part)
            return " ".join(out)

        def in_attr(match: re.Match[str]) -> str:
            return f'{match[1]}="{extend(match[2])}"'

        def in_element(match: re.Match[str]) -> str:
            return f"{match[1]}{extend(match[2])}{match[3]}"

        # Validations, conditional formats and a sheet's own filter: sqref="…" / ref="…".
        head, sep, tail = self.xml.partition(f"</{self.prefix}sheetData>")
        tail = re.sub(
            r"(<(?:\w+:)?(?:dataValidation|conditionalFormatting|autoFilter)\b[^>]*?\b(?:sqref|ref))"
            r'="([^"]*)"',
            in_attr,
            tail,
        )
        tail = re.sub(r"(<(?:\w+:)?sqref>)([^<]*)(</(?:\w+:)?sqref>)", in_element, tail)
        self.xml = head + sep + tail
        if holder is not None:
            holder.grow(self, target)

    def _dimension(self, target: int) -> None:
        match = re.search(rf'<{re.escape(self.prefix)}dimension\b[^>]*?\bref="([^"]*)"', self.xml)
        if match is None:
            return
        try:
            cr = CellRange(match[1])
        except (ValueError, TypeError):
            return
        if target > cr.max_row:
            cr.expand(down=target - cr.max_row)
            self.xml = self.xml[: match.start(1)] + cr.coord + self.xml[match.end(1) :]

    def _tables(self) -> list[_Table]:
        return [
            _Table.read(path, self.archive.read(path), self.refuse)
            for path in table_parts(self.archive, self.part)
        ]

    # --- the new package --------------------------------------------------------------------

    def package(self) -> bytes:
        """The workbook with the edited parts; every other part's bytes exactly as they were."""
        self.changed[self.part] = self.xml.encode("utf-8")
        for name, data in self.changed.items():
            _well_formed(data, name, self.refuse)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for info in self.archive.infolist():
                edited = self.changed.get(info.filename)
                data = self.archive.read(info) if edited is None else edited
                copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                copy.compress_type = info.compress_type
                copy.external_attr = info.external_attr
                copy.create_system = info.create_system
                copy.comment = info.comment
                archive.writestr(copy, data)
            archive.comment = self.archive.comment or b""
        return out.getvalue()


@dataclass
class _Table:
    """A table part of the sheet: its range and whether a Total Row ends it."""

    path: str
    xml: str
    min_row: int
    max_row: int
    totals: int
    min_col: int = 1
    max_col: int = 16384

    @classmethod
    def read(cls, path: str, data: bytes, refuse: Callable[..., InputError]) -> _Table:
        xml = data.decode("utf-8")
        root = re.search(r"<(?:\w+:)?table\b([^>]*?)/?>", xml)
        if root is None:
            raise refuse(N_("table part {part} has no table"), part=path)
        attrs = _attrs(root[1])
        try:
            cr = CellRange(attrs.get("ref", ""))
        except (ValueError, TypeError):
            raise refuse(N_("table part {part} has no range"), part=path) from None
        totals = int(attrs.get("totalsRowCount", "0") or 0)
        return cls(path, xml, cr.min_row, cr.max_row, totals, cr.min_col, cr.max_col)

    @property
    def data_last(self) -> int:
        return self.max_row - self.totals

    def grow(self, edit: PackageEdit, target: int) -> None:
        """Grow the table's range (and its filter's) to hold the row written at `target`."""
        if target <= self.data_last or target > self.data_last + 1:
            return

        def widen(match: re.Match[str]) -> str:
            try:
                cr = CellRange(match[2])
            except (ValueError, TypeError):
                return match[0]
            cr.expand(down=1)
            return f'{match[1]}"{cr.coord}"'

        xml = re.sub(r"(<(?:\w+:)?table\b[^>]*?\bref=)\"([^\"]*)\"", widen, self.xml, count=1)
        xml = re.sub(r"(<(?:\w+:)?autoFilter\b[^>]*?\bref=)\"([^\"]*)\"", widen, xml, count=1)
        edit.changed[self.path] = xml.encode("utf-8")


_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def _xml_text(value: str) -> str:
    """Text as an Excel cell stores it: XML-escaped, a carriage return kept as a character
    reference (a parser would fold it into a line feed), and text that looks like Excel's own
    escape (_x0041_) escaped in turn so that it reads back as typed."""
    text = escape(_EXCEL_ESCAPE.sub(r"_x005F_\1", value))
    return text.replace("\r", "&#13;")


def _attrs(text: str) -> dict[str, str]:
    return {m[1]: m[2] if m[2] is not None else m[3] for m in _ATTR.finditer(text)}


def _well_formed(data: bytes, name: str, refuse: Callable[..., InputError]) -> None:
    """A safety net: an edited part that is not well-formed XML is never written."""
    try:
        for _ in iterparse(io.BytesIO(data)):
            pass
    except ParseError as exc:
        raise refuse(
            N_("the edited part {part} would not be well-formed ({reason})"),
            part=name,
            reason=exc,
        ) from None
