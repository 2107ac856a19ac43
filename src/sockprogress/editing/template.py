"""A fresh actuals workbook: the Actuals sheet laid out as an Excel Table users fill in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from ..reading.actuals import COLUMNS, SHEET

WIDTHS = {
    "region": 14,
    "indicator": 26,
    "period": 11,
    "value": 18,
    "basis": 8,
    "source": 50,
    "note": 60,
}
TABLE_NAME = "Actuals"


def new_actuals_workbook(rows: Iterable[Sequence[Any]] = ()) -> Workbook:
    """A workbook whose Actuals sheet holds `rows` (in COLUMNS order) as an Excel Table."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="305496")
    count = 0
    for count, row in enumerate(rows, 1):
        ws.append([None if v in ("", None) else v for v in row])
        for cell in ws[count + 1]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    last_row = max(count + 1, 2)
    for index, column in enumerate(COLUMNS, 1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = WIDTHS[column]
        number_format = {"period": "@", "value": "#,##0.##"}.get(column)
        if number_format:
            for (cell,) in ws.iter_rows(min_row=2, max_row=last_row, min_col=index, max_col=index):
                cell.number_format = number_format
    basis = DataValidation(
        type="list",
        formula1='"month,ytd"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="basis",
        error="month (that month's amount) or ytd (January to that month)",
    )
    basis.add(f"E2:E{max(last_row, 1000)}")
    ws.add_data_validation(basis)
    table = Table(displayName=TABLE_NAME, ref=f"A1:{get_column_letter(len(COLUMNS))}{last_row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = "A2"
    return wb
