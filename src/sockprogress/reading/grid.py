"""The data sheet (Actuals, or 实际数据) as a grid of cells, read by python-calamine after the
safety checks.

Kept apart from actuals.py, and free of pandas: the report command starts this read on a
thread of its own (`start_loading`) before it imports the libraries it judges and renders
with. calamine parses without holding the interpreter, so on a province's workbook its second
of parsing runs while those imports do (issue 24).
"""

from __future__ import annotations

import difflib
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from ..errors import InputError
from ..model import SHEET, SHEET_ZH, SHEETS, data_sheet
from . import sheetxml
from .csvfile import csv_grid
from .safety import spreadsheet_kind
from .sheetxml import cell_name


def load_grid(
    path: Path, kind: str | None = None, checked: Callable[[], object] | None = None
) -> Grid:
    """The data sheet's cells and its merged ranges, after the safety checks (`kind`: what
    they found, when the caller ran them): of an .xlsx, an Excel 97-2003 .xls or an
    OpenDocument .ods (calamine reads all three), or the rows of a CSV file (its one table is
    the data sheet). `checked` is called once the sheet's span is checked, as calamine starts
    to parse it: the caller's own look at the sheet's XML then runs beside the parse, not
    beside the span's (both hold the interpreter in their patterns: 0.38 s together where
    the span's check alone takes 0.17 s on a province)."""
    kind = kind or spreadsheet_kind(path)
    name = path.name
    if kind == "csv":  # no sheet: its rows are said by file and row ("a.csv，第3行")
        return csv_grid(path), [], None, kind, ""
    # Refused before calamine lays the span out (it would abort the process, or take
    # gigabytes): an .ods is laid out as it is opened, an .xlsx sheet when it is asked for.
    if kind == "ods" and (span := sheetxml.ods_too_wide(path)) is not None:
        raise _too_wide(name, span, span.sheet)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    # calamine raises its own errors and, on some malformed parts, plain ones: all mean the
    # file is not a usable workbook, which is one line for the user, not a traceback.
    except Exception as exc:
        raise InputError(code="workbook_unreadable", file=name, reason=short(exc)) from None
    sheets = workbook.sheet_names
    named = data_sheet(sheets)
    if named not in sheets:
        raise _no_data_sheet(name, sheets)
    if all(s in sheets for s in SHEETS):  # which holds the figures is not for us to guess
        raise InputError(code="two_actuals_sheets", file=name, sheet=SHEET, other=SHEET_ZH)
    if kind == "xlsx" and (span := sheetxml.too_wide(path, named)) is not None:
        raise _too_wide(name, span, named)
    if checked is not None:
        checked()
    try:
        sheet = workbook.get_sheet_by_name(named)
        grid, stray = _rows_of(sheet)
        merged = list(getattr(sheet, "merged_cell_ranges", None) or ())
    except Exception as exc:
        raise InputError(
            code="sheet_unreadable", file=name, sheet=named, reason=short(exc)
        ) from None
    if kind == "xlsx":
        grid, merged = _in_actuals_table(path, grid, merged, named)
    return grid, merged, stray, kind, named


def _too_wide(name: str, span: sheetxml.Span, sheet: str) -> InputError:
    return InputError(
        code="sheet_too_wide",
        file=name,
        sheet=sheet,
        cell=span.cell,
        rows=str(span.rows),
        columns=str(span.columns),
    )


def _no_data_sheet(name: str, sheets: list[str]) -> InputError:
    """No sheet of the data sheet's names: the one most like them, when there is one."""
    folded = {s.strip().casefold(): s for s in sheets}
    # (the sheet found, the name it looks like): the same name but for case or spaces first
    found = [(folded[n.casefold()], n) for n in SHEETS if n.casefold() in folded]
    for wanted in SHEETS:
        found += [(s, wanted) for s in difflib.get_close_matches(wanted, sheets, n=1, cutoff=0.5)]
    if not found:
        return InputError(
            code="no_actuals_sheet",
            file=name,
            sheet=SHEET,
            other=SHEET_ZH,
            sheets=", ".join(sheets),
        )
    close, wanted = found[0]
    return InputError(
        code="no_actuals_sheet_close",
        file=name,
        sheet=wanted,
        close=close,
        sheets=", ".join(sheets),
    )


# The Excel Table `sockprogress init` makes (editing/blank.py TABLE_NAME); Excel matches table
# names without regard to case.
TABLE = "Actuals"


def actuals_table(
    path: Path, sheet: str
) -> tuple[sheetxml.SheetTable | None, list[sheetxml.SheetTable]]:
    """The data sheet's table named Actuals (None when there is none) and its other tables."""
    tables = sheetxml.sheet_tables(path, sheet)
    ours = next((t for t in tables if t.name.casefold() == TABLE.casefold()), None)
    return ours, [t for t in tables if t is not ours]


def _in_actuals_table(
    path: Path, grid: list[list[Any]], merged: list[Any], sheet: str
) -> tuple[list[list[Any]], list[Any]]:
    """The grid with only the table named Actuals left, when the sheet has one: the cells of
    other tables (a helper table beside or below it), of rows above its header and of columns
    beside it read as blank, in their places, so rows and columns keep their sheet numbers.
    Without such a table the grid is read as it is."""
    ours, others = actuals_table(path, sheet)
    if ours is None:
        return grid, merged
    top = ours.min_row - (1 if ours.header_rows == 0 else 0)  # the header's row, 1-based
    first, last = ours.min_col - 1, ours.max_col - 1  # 0-based columns
    masked: list[list[Any]] = []
    for index, cells in enumerate(grid):
        row = index + 1
        if row < top:
            masked.append([""] * len(cells))
            continue
        beside = [t for t in others if t.min_row <= row <= t.max_row]
        if first <= 0 and last >= len(cells) - 1 and not beside:
            masked.append(cells)  # the common case: the table spans the sheet's columns
            continue
        kept = [""] * len(cells)
        kept[first : last + 1] = cells[first : last + 1]
        for table in beside:
            for column in range(table.min_col - 1, min(table.max_col, len(cells))):
                kept[column] = ""
        masked.append(kept[: len(cells)])
    inside = [
        ((r0, c0), (r1, c1))
        for (r0, c0), (r1, c1) in merged
        if c1 >= first
        and c0 <= last
        and r1 + 1 >= top
        and not any(t.holds(r0 + 1, c0 + 1) for t in others)
    ]
    return masked, inside


# A run of this many blank rows ends the table: cells below it are stray (a character typed at
# row 1,048,576), said once, rather than a million blank rows each listed as a data issue.
STRAY_GAP = 100
STRAY_SHOWN = 5


@dataclass(frozen=True)
class Stray:
    """Cells found below the table after STRAY_GAP blank rows: the first few and how many."""

    cells: tuple[str, ...]
    count: int
    first_row: int


# The sheet's cells, its merged ranges, the cells found far below the table, what kind of file
# it was (xlsx, xls, ods, csv) and the data sheet's name (model.SHEETS).
Grid = tuple[list[list[Any]], list[Any], Stray | None, str, str]


def _rows_of(sheet: Any) -> tuple[list[list[Any]], Stray | None]:
    """The sheet's rows from row 1 and column A, up to the last before a long blank run."""
    start_column = sheet.start[1] if sheet.start else 0
    pad = [""] * start_column
    grid: list[list[Any]] = []
    pending: list[list[Any]] = []  # blank rows not yet known to be inside the table
    started = False
    stray: list[str] = []
    count = 0
    first_row = 0
    for index, cells in enumerate(sheet.iter_rows()):
        # A table row starts with its region: only a row without one is looked at whole.
        first = cells[0] if cells else ""
        blank = first in ("", None) and cells.count("") + cells.count(None) == len(cells)
        if stray or (started and not blank and len(pending) >= STRAY_GAP):
            if not blank:
                filled = [c for c, v in enumerate(cells) if v not in ("", None)]
                count += len(filled)
                first_row = first_row or index + 1
                stray += [cell_name(index + 1, c + start_column) for c in filled]
                del stray[STRAY_SHOWN:]
            continue
        row = pad + cells if pad else cells
        if blank:
            pending.append(row)
            continue
        started = True
        grid += pending
        pending = []
        grid.append(row)
    if not stray:
        return grid, None
    return grid, Stray(tuple(stray), count, first_row)


def short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


class Loading:
    """A grid being read on a thread of its own, for one file as it was when it started."""

    def __init__(self, path: Path, grid: Future[Grid]) -> None:
        self.path = path
        self._grid: Future[Grid] | None = grid

    def take(self, path: Path, kind: str) -> Grid | None:
        """The grid, when it is of this `path` (None otherwise: the caller reads it itself).

        Given once: the grid is not held after it is taken (a province's is 100 MiB and more,
        and the report goes on for seconds after it is read). An InputError found on the
        thread (no data sheet, a file calamine cannot read) is raised here, where reading
        would have raised it."""
        grid, self._grid = self._grid, None
        if grid is None or path != self.path:
            return None
        loaded = grid.result()
        return loaded if loaded[3] == kind else None


def start_loading(path: Path) -> Loading:
    """Start reading the workbook's data sheet (safety checks first) on a daemon thread:
    a daemon, so that an error found meanwhile in another input exits at once rather than
    after the read."""
    future: Future[Grid] = Future()

    def load() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(load_grid(path))
        except BaseException as exc:  # handed to whoever takes the result
            future.set_exception(exc)

    threading.Thread(target=load, name="sockprogress-read", daemon=True).start()
    return Loading(path, future)
