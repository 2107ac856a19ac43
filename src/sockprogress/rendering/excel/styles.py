"""Cell writing, number formats, fills and print setup shared by every sheet of the workbook."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ...i18n import _, ngettext
from ..formatting import period_text, status_text
from ..formatting import unit_word as unit_name

FONT_NAME = "Calibri"  # LibreOffice substitutes the metric-compatible Carlito
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
BAND_FILL = PatternFill("solid", fgColor="D9E1F2")
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14, color="1F3864")
SUBTITLE_FONT = Font(name=FONT_NAME, bold=True, size=12, color="1F3864")
MUTED_FONT = Font(name=FONT_NAME, italic=True, color="595959")
CODE_FONT = Font(name=FONT_NAME, size=8, color="808080")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
INDENT = Alignment(horizontal="left", indent=1)
THIN = Side(style="thin", color="8EA9DB")
BOTTOM_RULE = Border(bottom=THIN)

# Fill and text colour per status: green done or on pace, amber moderate, red behind or
# missed, blue waiting, grey unknown — the colours a reader already knows from Excel's styles.
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "achieved": ("C6EFCE", "006100"),
    "on_track": ("C6EFCE", "006100"),
    "moderate_progress": ("FFEB9C", "9C5700"),
    "insufficient_progress": ("FFC7CE", "9C0006"),
    "moving_away": ("FFC7CE", "9C0006"),
    "missed": ("FFC7CE", "9C0006"),
    "awaiting_final": ("DDEBF7", "1F4E78"),
    "not_assessable": ("EDEDED", "3A3A3A"),
}
PCT = '0.0"%"'
RATE = "0.0%"
RATIO = "0.00"
DATE = "yyyy-mm-dd"
DATE_ZH = 'yyyy"年"m"月"d"日"'
PTS = "+0.0;-0.0;0.0"  # percentage points, signed: ahead of the schedule is positive
INTEGER = "#,##0"
DECIMAL = "#,##0.00"


@dataclass(frozen=True)
class Scale:
    """How one target's figures are shown: a divisor, a unit label and a number format.

    English keeps the full value in the cell and scales by display format (`,,,` divides by
    10^9). Chinese 亿 (10^8) and 万 (10^4) are not powers of a thousand, so no format can
    show them: the cell holds the value divided by `factor` and the unit label says 亿 or 万.
    """

    factor: float
    unit: str
    number_format: str

    def of(self, value: float | None) -> float | None:
        return None if value is None else value / self.factor


def scale_for(magnitude: float, unit: str, lang: str, whole: bool = True) -> Scale:
    """The display scale for figures of about `magnitude` in `unit`."""
    size = abs(magnitude)
    plain = INTEGER if whole else DECIMAL
    if lang == "zh":
        name = unit_name(unit, lang)
        for limit, prefix in ((1e8, "亿"), (1e4, "万")):
            if size >= limit:
                return Scale(limit, prefix + name, DECIMAL)
        return Scale(1.0, name, plain)
    if size >= 1e9:
        return Scale(1.0, unit, '#,##0.00,,," bn"')
    if size >= 1e6:
        return Scale(1.0, unit, '#,##0.00,," m"')
    return Scale(1.0, unit, plain)


def clean(text: str) -> str:
    """User text as Excel can store it: control characters dropped."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned


# Style ids per workbook, keyed by the ids of the (module-level) style objects a cell gets.
# Assigning a Font or Fill makes openpyxl hash the whole object for every cell, which is most
# of the cost of a big workbook; copying a cell's finished StyleArray is what openpyxl's own
# worksheet copier does, and costs nothing per style object.
_StyleKey = tuple[str | None, int, int, int, int]
_STYLE_IDS: WeakKeyDictionary[Workbook, dict[_StyleKey, tuple[StyleArray, tuple[object, ...]]]]
_STYLE_IDS = WeakKeyDictionary()
# Value types stored as they are, with the cell type openpyxl gives them; text is always "s".
_FAST_TYPES: dict[type, str] = {str: "s", int: "n", float: "n"}
_MAX_TEXT = 32767  # Excel's limit; longer text takes openpyxl's path, which refuses it


def put(
    ws: Worksheet,
    row: int,
    column: int,
    value: Any,
    number_format: str | None = None,
    font: Font | None = None,
    fill: PatternFill | None = None,
    alignment: Alignment | None = None,
    border: Border | None = None,
) -> None:
    """Write one cell; text always stays text, never a formula.

    Pass style objects that live as long as the module (the constants here): the cache keys
    them by identity.
    """
    fmt: str | None = None
    if isinstance(value, str):
        value = clean(value)
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        # The serial number with a date format is what openpyxl itself writes for a date;
        # doing it here skips its per-cell date-format check.
        value, fmt = to_excel(value), number_format or DATE
    elif number_format and value is not None:
        fmt = number_format
    styled = not (fmt is None and font is None and fill is None and alignment is None)
    styled = styled or border is not None
    known = None
    if styled:
        ids = _STYLE_IDS.setdefault(ws.parent, {})
        key = (fmt, id(font), id(fill), id(alignment), id(border))
        known = ids.get(key)
    kind = _FAST_TYPES.get(type(value))
    plain = kind is not None and (kind != "s" or len(value) <= _MAX_TEXT)
    if plain and (known is not None or not styled):
        # The common case, a value in a new cell with no style or one seen before, built
        # directly: openpyxl's cell() and value setter re-check every value, most of the cost
        # of a big sheet.
        style = copy(known[0]) if known is not None else None
        cell = Cell(ws, row=row, column=column, style_array=style)
        cell._value, cell.data_type = value, kind
        ws._add_cell(cell)
        return
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would read a leading '=' as a formula
    if not styled:
        return
    if known is not None:
        cell._style = copy(known[0])
        return
    if fmt is not None:
        cell.number_format = fmt
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if border is not None:
        cell.border = border
    # the objects are kept with their ids so an id can never be reused by another object
    ids[key] = (copy(cell._style), (font, fill, alignment, border))


STATUS_FILLS = {s: PatternFill("solid", fgColor=fill) for s, (fill, _) in STATUS_STYLE.items()}
STATUS_FONTS = {
    s: Font(name=FONT_NAME, bold=True, color=colour) for s, (_, colour) in STATUS_STYLE.items()
}


def put_status(ws: Worksheet, row: int, column: int, status: str, lang: str) -> None:
    """The status as fill, icon and word in one cell."""
    put(
        ws,
        row,
        column,
        status_text(status, lang),
        font=STATUS_FONTS[status],
        fill=STATUS_FILLS[status],
        alignment=TOP,
    )


HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")


def header_row(ws: Worksheet, row: int, titles: Sequence[str], widths: Sequence[float]) -> None:
    """A bold white-on-blue heading row; sets the column widths too."""
    for c, (title, width) in enumerate(zip(titles, widths, strict=True), 1):
        put(ws, row, c, title, font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGN)
        ws.column_dimensions[get_column_letter(c)].width = width
    lines = max(text_lines(t, w) for t, w in zip(titles, widths, strict=True))
    ws.row_dimensions[row].height = max(30.0, row_height(lines, any(map(has_cjk, titles))))


# Widths in units of the digit "0", the unit of a column width. Calibri (Carlito in
# LibreOffice) sets Latin text at about 0.85 of a "0" on average, digits at exactly one: one
# is counted, so a line is never cut; a CJK character, drawn from the fallback CJK font at the
# same size, is a full em: twice a "0" and a little more.
LATIN_WIDTH = 1.0
CJK_WIDTH = 2.1
# Points per line: Calibri 11 needs 15; the CJK fallback font's line is taller.
LINE_HEIGHT = 15.0
CJK_LINE_HEIGHT = 17.5


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def has_cjk(text: str) -> bool:
    return any(_wide(ch) for ch in text)


def text_lines(text: str, width: float) -> int:
    """Lines wrapped text needs in a column `width` wide (a CJK character counts 2.1 "0"s).

    Lines break between CJK characters anywhere and between Latin words at spaces, as Excel
    and LibreOffice break them; a Latin word longer than the line is split.
    """
    room = max(width - 1.0, 1.0)  # a column keeps about one "0" of padding
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0.0
        for word in re.findall(r"\s+|[\u2e80-\uffef]|[^\s\u2e80-\uffef]+", part):
            size = sum(CJK_WIDTH if _wide(ch) else LATIN_WIDTH for ch in word)
            if word.isspace():
                used += size
                continue
            if used + size > room and used > 0:
                lines, used = lines + 1, 0.0
            while size > room:  # a word wider than the line is broken inside it
                lines, size = lines + 1, size - room
            used += size
        total += lines
    return total


def row_height(lines: int, cjk: bool = False) -> float:
    return lines * (CJK_LINE_HEIGHT if cjk else LINE_HEIGHT) + 3


def fit_height(ws: Worksheet, row: int, cells: Sequence[tuple[str | None, float]]) -> None:
    """Set a row tall enough for its wrapped cells: LibreOffice keeps the stored height.

    Never lowers a height already set for the row (another cell of it may need more).
    """
    texts = [(text, width) for text, width in cells if text]
    needed = max((text_lines(text, width) for text, width in texts), default=1)
    cjk = any(has_cjk(text) for text, _w in texts)
    if needed > 1 or cjk:
        height = row_height(needed, cjk)
        current = ws.row_dimensions[row].height
        ws.row_dimensions[row].height = max(height, current or 0)


def header_text(text: str) -> str:
    """User text for a page header: '&' starts a code there, so it is doubled."""
    return clean(text).replace("&", "&&")


def print_setup(
    ws: Worksheet, month: str, lang: str, title_rows: str | None = None, landscape: bool = True
) -> None:
    """A4, fit to one page wide, report month in the header, page numbers in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    if title_rows:
        ws.print_title_rows = title_rows
    header = title_line(month, lang)
    ws.oddHeader.left.text = header_text(header)
    ws.oddHeader.right.text = header_text(ws.title)
    ws.oddFooter.center.text = _("Page &P of &N", lang)


def month_words(month: str, lang: str) -> str:
    """The report month as the workbook names it: 2026-10 / 2026年10月."""
    return period_text(month, lang) if lang == "zh" else month


def date_format(lang: str) -> str:
    return DATE_ZH if lang == "zh" else DATE


def period_words(period: str, lang: str) -> str:
    """A period cell: as written in English (2023-05), in words in Chinese (2023年5月)."""
    return period_text(period, lang) if lang == "zh" else period


def title_line(month: str, lang: str) -> str:
    return _("Target progress report — report month {month}", lang).format(
        month=month_words(month, lang)
    )


def targets_count(n: int, lang: str) -> str:
    return ngettext("{n} target", "{n} targets", n, lang).format(n=n)


_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(text: str, taken: set[str]) -> str:
    """A legal, unique sheet name (31 characters, none of []:*?/\\) from user text."""
    base = _BAD_SHEET_CHARS.sub("_", clean(text)).strip("' ") or "Region"
    base = base[:31]
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name
