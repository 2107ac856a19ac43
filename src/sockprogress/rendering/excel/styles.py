"""Cell writing, number formats, fills and print setup shared by every sheet of the workbook."""

from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..text import status_word
from .labels import label, unit_name

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
# Drawn from shapes that Carlito, Liberation and Noto CJK all carry, so LibreOffice prints them.
STATUS_ICONS: dict[str, str] = {
    "achieved": "✔",
    "on_track": "▲",
    "moderate_progress": "◆",
    "insufficient_progress": "▼",
    "moving_away": "✖",
    "missed": "✘",
    "awaiting_final": "◷",
    "not_assessable": "?",
}

PCT = '0.0"%"'
RATE = "0.0%"
RATIO = "0.00"
DATE = "yyyy-mm-dd"
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


def put(
    ws: Worksheet,
    row: int,
    column: int,
    value: Any,
    number_format: str | None = None,
    font: Font | None = None,
) -> None:
    """Write one cell; text always stays text, never a formula."""
    if isinstance(value, str):
        value = clean(value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would read a leading '=' as a formula
    elif number_format and value is not None:
        cell.number_format = number_format
    elif isinstance(value, dt.date):
        cell.number_format = DATE
    if font is not None:
        cell.font = font


def put_status(ws: Worksheet, row: int, column: int, status: str, lang: str) -> None:
    """The status as fill, icon and word in one cell."""
    fill, colour = STATUS_STYLE[status]
    put(ws, row, column, f"{STATUS_ICONS[status]} {status_word(status, lang)}")
    cell = ws.cell(row=row, column=column)
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(name=FONT_NAME, bold=True, color=colour)
    cell.alignment = TOP


def header_row(ws: Worksheet, row: int, titles: Sequence[str], widths: Sequence[float]) -> None:
    """A bold white-on-blue heading row; sets the column widths too."""
    for c, (title, width) in enumerate(zip(titles, widths, strict=True), 1):
        put(ws, row, c, title)
        cell = ws.cell(row=row, column=c)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[row].height = 30


def text_lines(text: str, width: float) -> int:
    """Lines wrapped text needs in a column `width` characters wide (CJK counts double)."""
    # A column width counts the digit "0"; Calibri text averages about 0.75 of that.
    room = max(int((width - 1) / 0.75), 1)
    total = 0
    for part in text.split("\n"):
        size = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in part)
        if size > len(part):  # CJK text breaks anywhere
            total += max(1, math.ceil(size / room))
        else:
            total += max(1, len(textwrap.wrap(part, room)))
    return total


def fit_height(ws: Worksheet, row: int, cells: Sequence[tuple[str | None, float]]) -> None:
    """Set a row tall enough for its wrapped cells: LibreOffice keeps the stored height."""
    needed = max((text_lines(text, width) for text, width in cells if text), default=1)
    if needed > 1:
        ws.row_dimensions[row].height = 14.5 * needed + 2


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
    header = f"{label('title', lang)} — {label('report_month', lang)} {month}"
    ws.oddHeader.left.text = header_text(header)
    ws.oddHeader.right.text = header_text(ws.title)
    ws.oddFooter.center.text = label("page", lang)


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
