"""A fresh actuals workbook: the Actuals sheet as an Excel Table, a how-to sheet, dropdown lists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ..model import TargetsFile
from ..reading.actuals import COLUMNS, SHEET

WIDTHS = {
    "region": 14,
    "indicator": 30,
    "period": 11,
    "value": 18,
    "basis": 8,
    "source": 50,
    "note": 60,
}
TABLE_NAME = "Actuals"
LISTS_SHEET = "Lists"
HOWTO_SHEET = "How to update"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
# Whole numbers with thousands separators; a conditional format shows decimals only when a
# value has them, so 206 never shows as "206." and 2.5 never rounds to 3.
WHOLE = "#,##0"
DECIMAL = "#,##0.0###"
LAST_ROW = 1_048_576
BASES = ("month", "ytd", "rate")

HOWTO = (
    ("How to update this workbook", True),
    ("", False),
    (
        "Each row of the Actuals sheet is one published figure. Add new rows below the last one;",
        False,
    ),
    (
        "the table grows by itself. Never change a figure that was published: add the correction",
        False,
    ),
    ("as a new row with its own source and explain it in the note.", False),
    ("", False),
    ("region — pick from the list (the regions of targets.toml).", False),
    ("indicator — pick from the list (the indicators of targets.toml).", False),
    ("period — a year (2024), a month (2025-06) or a date (2025-06-30), typed as text.", False),
    ("value — the figure as a plain number above zero: 3500000000, not 35亿 or 3.5 bn.", False),
    ("basis — month rows only: month (that month's amount) or ytd (January to that month).", False),
    ("source — where the figure was published (title, date, web address).", False),
    ("note — anything a reader needs: rounding, what is included, doubts.", False),
    ("", False),
    ("Or add a row from the command line, which checks it first and keeps a backup:", False),
    (
        "  sockprogress actuals add --region Xiaobeihe --indicator sock_firms "
        '--period 2025-06 --value 206 --source "…"',
        False,
    ),
    ("Then check the workbook:  sockprogress check", False),
    ("and write the report:     sockprogress report", False),
)


def _styled_header(ws: Worksheet) -> None:
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")


def _lists_sheet(wb: Workbook, regions: Sequence[str], indicators: Sequence[str]) -> dict[str, str]:
    """A hidden sheet with the dropdown choices; returns the defined name of each list."""
    ws = wb.create_sheet(LISTS_SHEET)
    ws.append(["region", "indicator", "basis"])
    _styled_header(ws)
    names: dict[str, str] = {}
    for index, (column, values) in enumerate(
        (("region", regions), ("indicator", indicators), ("basis", BASES)), 1
    ):
        letter = get_column_letter(index)
        for row, value in enumerate(values, 2):
            ws.cell(row=row, column=index, value=value).data_type = "s"
        last = max(len(values) + 1, 2)
        name = f"{column}_list"
        wb.defined_names[name] = DefinedName(
            name, attr_text=f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${last}"
        )
        names[column] = name
        ws.column_dimensions[letter].width = 28
    ws.sheet_state = "hidden"
    return names


def _validations(ws: Worksheet, lists: dict[str, str]) -> None:
    """Dropdowns for region / indicator / basis, a positive-number rule and period prompts."""
    letters = {c: get_column_letter(i) for i, c in enumerate(COLUMNS, 1)}

    def whole(column: str) -> str:
        return f"{letters[column]}2:{letters[column]}{LAST_ROW}"

    for column, strict in (("region", False), ("indicator", False), ("basis", True)):
        rule = DataValidation(
            type="list",
            formula1=f"={lists[column]}",
            allow_blank=True,
            showErrorMessage=True,
            # A new region or indicator is allowed (with a warning); a basis must be one of two.
            errorStyle="stop" if strict else "warning",
            errorTitle=column,
            error=(
                "month (that month's amount) or ytd (January to that month)"
                if strict
                else f"Not in the list of targets.toml; use it only for a new {column}."
            ),
        )
        rule.add(whole(column))
        ws.add_data_validation(rule)
    value = DataValidation(
        type="decimal",
        operator="greaterThan",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="value",
        error="A plain number above zero, e.g. 3500000000.",
    )
    value.add(whole("value"))
    ws.add_data_validation(value)
    period = DataValidation(
        allow_blank=True,
        showInputMessage=True,
        promptTitle="period",
        prompt="A year (2024), a month (2025-06) or a date (2025-06-30).",
    )
    period.add(whole("period"))
    ws.add_data_validation(period)


def _actuals_sheet(ws: Worksheet, rows: Iterable[Sequence[Any]]) -> int:
    """Header, rows and layout of the Actuals sheet; returns the table's last row."""
    ws.title = SHEET
    ws.append(list(COLUMNS))
    _styled_header(ws)
    count = 0
    for count, row in enumerate(rows, 1):
        ws.append([None if v in ("", None) else v for v in row])
        for cell in ws[count + 1]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # user text is never a formula
    last_row = max(count + 1, 2)
    for index, column in enumerate(COLUMNS, 1):
        letter = get_column_letter(index)
        dimension = ws.column_dimensions[letter]
        dimension.width = WIDTHS[column]
        # Column styles apply to cells typed later too: the period stays text (Excel would
        # turn 2025-06 into a date), the value gets thousands separators.
        number_format = {"period": "@", "value": WHOLE}.get(column)
        if number_format:
            dimension.number_format = number_format
            for (cell,) in ws.iter_rows(min_row=2, max_row=last_row, min_col=index, max_col=index):
                cell.number_format = number_format
    value = get_column_letter(COLUMNS.index("value") + 1)
    ws.conditional_formatting.add(
        f"{value}2:{value}{LAST_ROW}",
        Rule(
            type="expression",
            formula=[f"AND(ISNUMBER({value}2),{value}2<>INT({value}2))"],
            dxf=DifferentialStyle(numFmt=NumberFormat(numFmtId=300, formatCode=DECIMAL)),
        ),
    )
    table = Table(displayName=TABLE_NAME, ref=f"A1:{get_column_letter(len(COLUMNS))}{last_row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = "A2"
    return last_row


def _howto_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet(HOWTO_SHEET)
    for row, (text, bold) in enumerate(HOWTO, 1):
        cell = ws.cell(row=row, column=1, value=text or None)
        if text:
            cell.data_type = "s"
        if bold:
            cell.font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 110


def choices(targets: TargetsFile) -> tuple[list[str], list[str]]:
    """The regions and indicators the dropdowns offer: every target's, then declared ones."""
    regions = list(dict.fromkeys([t.region for t in targets.targets]))
    regions += [r for r, _ in targets.regions_zh if r not in regions]
    indicators = list(dict.fromkeys([t.indicator for t in targets.targets]))
    indicators += [i.indicator for i in targets.indicators if i.indicator not in indicators]
    return regions, indicators


def new_actuals_workbook(
    rows: Iterable[Sequence[Any]] = (),
    regions: Sequence[str] = (),
    indicators: Sequence[str] = (),
) -> Workbook:
    """A workbook whose Actuals sheet holds `rows` (in COLUMNS order) as an Excel Table.

    Beside it: a "How to update" sheet and a hidden "Lists" sheet feeding the dropdowns.
    """
    wb = Workbook()
    ws = wb.active
    _actuals_sheet(ws, rows)
    _howto_sheet(wb)
    _validations(ws, _lists_sheet(wb, regions, indicators))
    wb.active = 0
    return wb
