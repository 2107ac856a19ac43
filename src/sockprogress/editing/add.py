"""Append (or replace) one row of the Actuals table, keeping everything else in the workbook."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from copy import copy
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import InputError
from ..model import TargetsFile
from ..periods import Period
from ..reading import read_actuals
from ..reading.actuals import COLUMNS, SHEET
from ..reading.cells import CellProblem, clean_basis, clean_name, clean_period, clean_value
from .safekeeping import backup, locked, refuse_if_open_in_excel, remove_stale_temps, save_replacing

# Parts openpyxl cannot carry through a save: editing would silently drop them.
UNKEPT_PARTS = (
    ("xl/drawings/drawing", "a chart, picture or shape"),
    ("xl/charts/", "a chart"),
    ("xl/pivot", "a pivot table"),
    ("xl/slicer", "a slicer"),
    ("xl/timeline", "a timeline"),
    ("xl/vbaProject", "macros"),
    ("xl/activeX", "a form control"),
    ("xl/ctrlProps", "a form control"),
)


@dataclass(frozen=True)
class NewRow:
    """One checked row, ready to write."""

    region: str
    indicator: str
    period: Period
    value: float
    basis: str
    source: str
    note: str

    def cells(self) -> dict[str, object]:
        value = int(self.value) if self.value.is_integer() else self.value
        return {
            "region": self.region,
            "indicator": self.indicator,
            "period": self.period.text,
            "value": value,
            "basis": self.basis or None,
            "source": self.source or None,
            "note": self.note or None,
        }


@dataclass(frozen=True)
class Added:
    row: int
    replaced: bool
    backup: Path
    warnings: tuple[str, ...]


def check_row(
    region: str,
    indicator: str,
    period: str,
    value: str,
    basis: str | None,
    source: str | None,
    note: str | None,
    today: dt.date,
) -> NewRow:
    """Validate the options; a bad one raises InputError and nothing is touched."""

    def clean(option: str, func: object, raw: object) -> object:
        try:
            return func(raw)  # type: ignore[operator]
        except CellProblem as exc:
            raise InputError(f"--{option}: {exc}") from None

    parsed = clean("period", clean_period, period)
    assert isinstance(parsed, Period)
    if parsed.end > today:
        raise InputError(
            f"--period: {parsed.text} has not ended yet (today is {today}); "
            "add a figure once its period is over"
        )
    number = clean("value", clean_value, value.strip())
    assert isinstance(number, tuple)
    chosen = str(clean("basis", clean_basis, basis))
    if chosen and parsed.kind != "month":
        raise InputError(f"--basis: applies to month periods only, not to {parsed.text}")
    names = [clean(o, clean_name, raw) for o, raw in (("region", region), ("indicator", indicator))]
    return NewRow(
        str(names[0][0]),  # type: ignore[index]
        str(names[1][0]),  # type: ignore[index]
        parsed,
        float(number[0]),
        chosen,
        (source or "").strip(),
        (note or "").strip(),
    )


def _name_warnings(new: NewRow, rows: pd.DataFrame, targets: TargetsFile) -> list[str]:
    out = []
    for column, known in (
        ("region", {t.region for t in targets.targets}),
        (
            "indicator",
            {t.indicator for t in targets.targets} | {i.indicator for i in targets.indicators},
        ),
    ):
        text = getattr(new, column)
        if text not in known and text not in set(rows[column]):
            out.append(
                f"{column} '{text}' is used by no target and no earlier row; check the spelling"
            )
    return out


def _existing(new: NewRow, rows: pd.DataFrame) -> int | None:
    """Sheet row of the same region / indicator / period (and month, ytd or rate basis), if any."""
    same = (
        (rows["region"] == new.region)
        & (rows["indicator"] == new.indicator)
        & (rows["period"] == new.period.text)
        & (rows["basis"].replace("month", "") == (new.basis or "").replace("month", ""))
    )
    return int(rows.loc[same, "row"].iloc[-1]) if same.any() else None


def _refuse_unkept_parts(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    for prefix, what in UNKEPT_PARTS:
        if any(n.startswith(prefix) for n in names):
            raise InputError(
                f"{path.name}: holds {what} that adding a row here would lose; "
                "add the row in Excel instead"
            )


def _open(path: Path) -> Worksheet:
    _refuse_unkept_parts(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            wb = load_workbook(path, rich_text=True)
        except Exception as exc:  # openpyxl raises many types on odd files
            raise InputError(f"{path.name}: cannot be opened for editing ({exc})") from None
    lost = [str(w.message) for w in caught if "removed" in str(w.message).lower()]
    if lost:
        raise InputError(
            f"{path.name}: adding a row here would lose part of the workbook ({lost[0]}); "
            "add the row in Excel instead"
        )
    ws: Worksheet = wb[SHEET]
    return ws


def _header(ws: Worksheet) -> tuple[int, dict[str, int]]:
    """Header row number and each known column's 1-based position."""
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 50)):
        texts = [" ".join(str(c.value).split()).lower() if c.value is not None else "" for c in row]
        if any(texts):
            return row[0].row, {t: i for i, t in enumerate(texts, 1) if t in COLUMNS}
    raise InputError(f"{SHEET}: no header row")


def _last_filled(ws: Worksheet, header_row: int, positions: dict[str, int]) -> int:
    for row in range(ws.max_row, header_row, -1):
        if any(ws.cell(row, c).value not in (None, "") for c in positions.values()):
            return row
    return header_row


def _extend(ranges: str, old_last: int, new_last: int) -> str:
    """Ranges ending at the table's old last row grow to its new last row."""
    out = []
    for part in str(ranges).split():
        cr = CellRange(part)
        if cr.max_row == old_last:
            cr.expand(down=new_last - old_last)
        out.append(cr.coord)
    return " ".join(out)


def _write(ws: Worksheet, target: int, new: NewRow, positions: dict[str, int], header: int) -> None:
    for column, value in new.cells().items():
        if column not in positions:
            continue
        cell = ws.cell(target, positions[column])
        above = ws.cell(target - 1, positions[column])
        if target - 1 > header and above.has_style and not cell.has_style:
            cell._style = copy(above._style)  # the row looks like the rows above it
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # user text is never a formula
        if column == "period":
            cell.number_format = "@"


def _grow_table(ws: Worksheet, target: int) -> None:
    """Extend the table holding the header, its autoFilter, validations and formats."""
    for table in ws.tables.values():
        min_col, min_row, max_col, max_row = range_boundaries(table.ref)
        if target <= max_row or not min_row < target:
            continue
        ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{target}"
        table.ref = ref
        if table.autoFilter is not None:
            table.autoFilter.ref = ref
        for rule in ws.data_validations.dataValidation:
            rule.sqref = _extend(str(rule.sqref), max_row, target)
        for cf in list(ws.conditional_formatting):
            grown = _extend(str(cf.sqref), max_row, target)
            if grown != str(cf.sqref):
                for rule in cf.rules:
                    ws.conditional_formatting.add(grown, rule)
                del ws.conditional_formatting._cf_rules[cf]


def add_row(
    path: Path, new: NewRow, targets: TargetsFile, today: dt.date, replace: bool = False
) -> Added:
    """Add `new` to the workbook at path under a lock, after a backup, by an atomic rename."""
    refuse_if_open_in_excel(path)
    with locked(path):
        remove_stale_temps(path)
        rows = read_actuals(path, today=today).rows
        notes = _name_warnings(new, rows, targets)
        existing = _existing(new, rows)
        if existing is not None and not replace:
            raise InputError(
                f"{path.name}, sheet {SHEET}, row {existing}: {new.region} / {new.indicator} / "
                f"{new.period.text} is already there; use --replace to overwrite it"
            )
        ws = _open(path)
        header, positions = _header(ws)
        target = existing if existing is not None else _last_filled(ws, header, positions) + 1
        _write(ws, target, new, positions, header)
        _grow_table(ws, target)
        buffer = io.BytesIO()
        ws.parent.save(buffer)
        copy_path = backup(path)
        save_replacing(path, buffer.getvalue())
    return Added(target, existing is not None, copy_path, tuple(notes))
