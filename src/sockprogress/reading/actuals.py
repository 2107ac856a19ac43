"""Read the Actuals sheet into a table of clean observations plus the problems found.

The sheet is read with calamine (python-calamine, the engine pandas uses for `engine="calamine"`)
into lists, which numpy turns into columns: about 11x faster than openpyxl on large sheets.
Each column is factorized once; cleaning, blank rows and duplicates work on its codes and its
distinct values, never cell by cell in Python.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError
from ..model import (
    COLUMNS,
    HEADER_ZH,
    REQUIRED_COLUMNS,
    SHEET,
    Actuals,
    Issue,
    Severity,
    TargetsFile,
    data_sheet,
)
from ..periods import span_read_at, ytd_span
from ..words.words import coded_issue
from . import sheetxml
from .cells import (
    ZERO_BASES,
    CellProblem,
    clean_basis,
    clean_flags,
    clean_name,
    clean_period,
    fold_name,
    invisible_in,
    is_error_value,
    typed_with_scale,
    unit_scale,
)
from .cleaning import Cleaned, Cleaner, Numbers
from .duplicates import codes_of, deduplicate, row_key, shadowed
from .grid import Loading, Stray, actuals_table, load_grid
from .names import NO_NAMES, Names, names_of
from .safety import spreadsheet_kind
from .sheetxml import cell_name, cell_position, total_rows

# Besides the model's Chinese header (HEADER_ZH), other Chinese headings read as the same
# columns. A header may mix them with the English names.
OTHER_HEADINGS_ZH = {
    "地区名称": "region",
    "指标名称": "indicator",
    "时间": "period",
    "来源": "source",
    "数据来源": "source",
    "注": "note",
    "说明": "note",
    "数据标注": "flags",
    "标记": "flags",
}
HEADINGS = {c: c for c in COLUMNS} | {h: c for c, h in HEADER_ZH.items()} | OTHER_HEADINGS_ZH
OUTPUT_COLUMNS = (
    "row",
    "region",
    "indicator",
    "period",
    "period_kind",
    "end",
    "value",
    "basis",
    "source",
    "note",
    "flags",
)


def empty_rows() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in OUTPUT_COLUMNS})


def _code_points(names: list[str]) -> str:
    """`right-to-left mark U+200F` -> `U+200F`, for a message in another language."""
    return ", ".join(name.rsplit(" ", 1)[-1] for name in names)


def _stray_issue(name: str, sheet: str, stray: Stray, last_row: int) -> Issue:
    shown = ", ".join(stray.cells) + (", …" if stray.count > len(stray.cells) else "")
    return coded_issue(
        "error",
        "stray_cells",
        (
            ("count", str(stray.count)),
            ("cells", shown),
            ("blank", str(stray.first_row - last_row - 1)),
        ),
        file=name,
        sheet=sheet,
        row=stray.first_row,
    )


def _folded(cell: Any) -> str:
    """A header cell's text as names are matched (fold_name): NFKC, invisible characters (a
    byte-order mark, a zero-width space) removed, white space (NBSP, full-width) collapsed."""
    return "" if cell is None else fold_name(str(cell))


def _heading(cell: Any) -> str:
    """A header cell as the column it names (`地区` → `region`), or its folded text."""
    text = _folded(cell).lower()
    return HEADINGS.get(text, text)


def _is_chinese_header(cells: list[Any]) -> bool:
    """Is the region heading Chinese (地区)? Then the rows `actuals add` writes are too."""
    return any(_heading(c) == "region" and _folded(c).lower() != "region" for c in cells)


# How many filled rows a title may take above the header (某县2026年袜业数据, a unit line).
TITLE_ROWS = 5


def _header(name: str, sheet: str, grid: list[list[Any]]) -> tuple[int, list[str]]:
    """Index of the header row and the column each of its cells names: the first filled row,
    or, under a title, the first of the next few that names every required column (a title
    row above the table said "row 1: required column 'region' is missing": a fuzz audit's
    find)."""
    filled = list(
        islice(
            (i for i, cells in enumerate(grid) if any(c not in (None, "") for c in cells)),
            TITLE_ROWS + 1,
        )
    )
    index = next(
        (i for i in filled if set(REQUIRED_COLUMNS) <= {_heading(c) for c in grid[i]}),
        filled[0] if filled else None,
    )
    if index is None:
        raise InputError(code="sheet_empty", file=name, sheet=sheet, header=" | ".join(COLUMNS))
    header = [_heading(c) for c in grid[index]]
    row = index + 1
    for column in set(header) - {""}:
        if header.count(column) > 1 and column in COLUMNS:
            # the two cells named (地区 and region both read as `region`): "appears twice"
            # alone left the user to find them (a fuzz audit's find)
            cells = [cell_name(row, i) for i, h in enumerate(header) if h == column]
            raise InputError(
                code="header_column_twice",
                file=name,
                sheet=sheet,
                row=row,
                column=column,
                cells=", ".join(cells),
            )
    for column in REQUIRED_COLUMNS:
        if column not in header:
            unknown = [h for h in header if h and h not in COLUMNS]
            close = difflib.get_close_matches(column, unknown, n=1, cutoff=0.5)
            raise InputError(
                code="header_column_missing_close" if close else "header_column_missing",
                column=column,
                close=close[0] if close else "",
                header=" | ".join(COLUMNS),
                header_chinese=" | ".join(HEADER_ZH.values()),
                file=name,
                sheet=sheet,
                row=row,
            )
    return index, header


def _frame(grid: list[list[Any]], header_index: int, header: list[str]) -> pd.DataFrame:
    """The table's columns under their names (None where a column is missing), row numbers first."""
    body = grid[header_index + 1 :]
    count = len(body)
    width = len(header)
    # The cells in one flat run, then a reshape and a transpose in C: a row-wise frame of
    # objects costs several times more. calamine's rows all have the sheet's width; should one
    # not, rows are copied one by one (a short row padded with None) rather than shift cells.
    if set(map(len, body)) <= {width}:
        flat = np.fromiter(chain.from_iterable(body), dtype=object, count=count * width)
        table = flat.reshape(count, width)
    else:
        table = np.empty((count, width), dtype=object)
        for index, row_cells in enumerate(body):
            kept = row_cells[:width]  # a longer row (a CSV's comma in a cell): _long_rows
            table[index, : len(kept)] = kept
    cells = np.empty((len(COLUMNS), count), dtype=object)  # None in a missing column
    for position, column in enumerate(COLUMNS):
        if column in header:
            cells[position] = table[:, header.index(column)]
    # pandas keeps a column-major block as it is: the transpose is a view, not a copy.
    frame = pd.DataFrame(cells.T, columns=list(COLUMNS), dtype=object, copy=False)
    frame.insert(0, "row", np.arange(header_index + 2, header_index + 2 + count))
    return frame


def _empty_slots(uniques: np.ndarray) -> np.ndarray:
    """Per code slot of a factorized column (the last is None and NaN): is the cell empty."""
    return np.append(uniques == "", True)


def _empty_cells(cells: np.ndarray) -> np.ndarray:
    """Which cells are empty: None, NaN or blank text."""
    return np.asarray(pd.isna(cells) | (cells == ""), dtype=bool)


def _blank_rows(cleaner: Cleaner) -> np.ndarray:
    """Rows whose every column is empty; after the first column only the rows still in doubt."""
    codes, uniques = cleaner.codes(COLUMNS[0])  # factorized for cleaning anyway
    blank: np.ndarray = _empty_slots(uniques)[codes]
    for column in COLUMNS[1:]:
        doubt = np.flatnonzero(blank)
        if not len(doubt):
            break
        blank[doubt] = _empty_cells(cleaner.frame[column].to_numpy()[doubt])
    return blank


def _frame_index(cleaner: Cleaner, rows: range) -> pd.Index:
    """The frame labels of sheet rows `rows` still in the frame (blank rows are gone)."""
    return cleaner.frame.index[cleaner.frame["row"].isin(rows)]


def _merged_cells(
    cleaner: Cleaner, merged: list[Any], header: list[str], header_index: int
) -> None:
    """Merged cells leave every row but the top one empty: say so instead of 'empty'."""
    for (r0, c0), (r1, c1) in merged:
        if r1 <= header_index:
            continue
        span = f"{cell_name(r0 + 1, c0)}:{cell_name(r1 + 1, c1)}"
        covered = [header[c] for c in range(c0, min(c1, len(header) - 1) + 1) if header[c]]
        column = covered[0] if covered else ""
        required = any(c in REQUIRED_COLUMNS for c in covered)
        top = _frame_index(cleaner, range(r0 + 1, r0 + 2))
        cleaner.issue(
            cleaner.frame.loc[top, "row"], column, "warning", 0, "merged_top", (("span", span),)
        )
        below = _frame_index(cleaner, range(max(r0 + 2, header_index + 2), r1 + 2))
        severity: Severity = "error" if required else "warning"
        cleaner.issue(
            cleaner.frame.loc[below, "row"][~cleaner.bad[below]],
            column,
            severity,
            0,
            "merged_below_left_out" if required else "merged_below",
            (("span", span),),
        )
        if required:
            cleaner.bad[below] = True


def _broken_cells(cleaner: Cleaner, broken: Mapping[str, str], header: list[str]) -> None:
    """Cells of the columns read that hold an error (#REF!, #N/A) or a formula never
    calculated: a data issue naming the cell, and the row left out, in every column."""
    frame = cleaner.frame
    positions = {column: header.index(column) for column in COLUMNS if column in header}
    rows = frame["row"].to_numpy()
    found: dict[tuple[int, str], tuple[str, str]] = {}
    for column, position in positions.items():
        codes, uniques = cleaner.codes(column)
        texts = [isinstance(u, str) and is_error_value(u) for u in uniques]
        errors = np.append(np.asarray(texts, dtype=bool), False)[codes]
        for row, text in zip(rows[errors].tolist(), frame[column].to_numpy()[errors], strict=True):
            found[(int(row), column)] = (cell_name(int(row), position), _folded(text).upper())
    if broken:
        in_table = set(rows.tolist())
        by_position = {position: column for column, position in positions.items()}
        for cell, error in broken.items():
            row, position = cell_position(cell) or (0, -1)
            if row in in_table and position in by_position:
                found[(row, by_position[position])] = (cell, error)
    if not found:
        return
    order = {column: n for n, column in enumerate(COLUMNS, 1)}
    for (row, column), (cell, error) in sorted(found.items()):
        code, params = (
            ("cell_error", (("cell", cell), ("error", error)))
            if error
            else ("formula_no_result", (("cell", cell),))
        )
        cleaner.issue(pd.Series([row]), column, "error", order[column], code, params)
    cleaner.bad |= frame["row"].isin([row for row, _ in found])


def _linked_sources(
    grid: list[list[Any]], header_index: int, position: int, links: Mapping[str, str]
) -> None:
    """A source cell that links to a web page gives its address too: a link made with Ctrl+K
    (or pasted from a browser) or a HYPERLINK formula shows only its text, 新华社 or a title,
    and the address, the figure's evidence, was lost. Written after the text, as a source
    typed in full reads (`新华社 https://…`); a text that holds its address already stays."""
    for cell, url in links.items():
        at = cell_position(cell)
        if at is None or at[1] != position or not header_index < at[0] - 1 < len(grid):
            continue
        cells = grid[at[0] - 1]
        if position >= len(cells):
            continue
        text = cells[position]
        shown = "" if text is None else str(text).strip()
        if url not in shown:
            cells[position] = f"{shown} {url}" if shown else url


def _long_rows(cleaner: Cleaner, grid: list[list[Any]], header_index: int, width: int) -> None:
    """CSV rows with more cells than the header (a comma inside an unquoted source, `Xinhua,
    2025-06-22`): their cells are not where the header says, so the row is left out, said.
    Its note and flags empty, the source's second half is an empty-looking note: so a longer
    row is one even when its cells past the header's are empty, unless every row is (an
    export that ends each row of figures with a comma, and not its header)."""
    body = grid[header_index + 1 :]
    long = {header_index + 2 + i: len(cells) for i, cells in enumerate(body) if len(cells) > width}
    if not long:
        return
    trailing = len(long) == sum(1 for cells in body if any(c not in ("", None) for c in cells))
    if trailing and all(c in ("", None) for cells in body for c in cells[width:]):
        return
    frame = cleaner.frame
    for count, rows in frame.loc[frame["row"].isin(long), "row"].groupby(
        frame["row"].map(long), sort=False
    ):
        params = (("cells", str(int(count))), ("columns", str(width)))
        cleaner.issue(rows, "", "error", 0, "row_too_long", params)
    cleaner.bad |= frame["row"].isin(long)


def _zeros_measured(cleaner: Cleaner, value: Cleaned, period: Cleaned, basis: Cleaned) -> None:
    """A figure of 0 where it cannot be one (a level, a year's total, a rate: cells.
    zero_allowed): an error, the row left out. A month's amount of 0 is read: nothing made."""
    zero = value.flag(lambda v: v[0] == 0)
    if not zero.any():
        return
    # cells.zero_allowed, by column: a month row (period), whose basis allows a 0
    allowed = period.flag(lambda p: p.kind == "month") & basis.flag(lambda b: b in ZERO_BASES)
    wrong = zero & ~allowed & ~cleaner.bad.to_numpy(dtype=bool)
    rows = cleaner.frame.loc[wrong, "row"]
    cleaner.issue(rows, "value", "error", 4, "value_not_positive", (("value", "0"),))
    cleaner.bad |= wrong


@dataclass(frozen=True)
class Layout:
    """Where the table sits: its header row, each known column's 0-based position, and the
    last row with a filled known column (the header row when there is none), all 1-based."""

    header_row: int
    columns: dict[str, int]
    last_row: int
    header_language: str = "en"  # "zh" when the header is Chinese (地区 | 指标 | …)
    sheet: str = SHEET  # the data sheet's name: Actuals, or 实际数据


def sheet_layout(path: Path) -> Layout:
    """The Actuals table's layout, for `actuals add` (InputError when it cannot be read)."""
    grid, _, _, _, sheet = load_grid(path)
    index, header = _header(path.name, sheet, grid)
    header_language = "zh" if _is_chinese_header(grid[index]) else "en"
    columns = {c: header.index(c) for c in COLUMNS if c in header}
    last = index
    for i in range(len(grid) - 1, index, -1):
        cells = grid[i]
        if any(p < len(cells) and cells[p] not in (None, "") for p in columns.values()):
            last = i
            break
    return Layout(index + 1, columns, last + 1, header_language, sheet)


def read_actuals(
    path: Path,
    today: dt.date | None = None,
    targets: TargetsFile | None = None,
    loading: Loading | None = None,
) -> Actuals:
    """Read the Actuals sheet. Fatal problems raise InputError; row problems become issues.

    With `targets`, a region or indicator written by its Chinese name (小北河, 袜子年产量) is
    read as its code (reading/names.py), before duplicates are looked for: every reader of
    the rows (the report, `check`, `actuals add`) sees one series under one code.
    `loading`: the sheet's cells, already being read (grid.start_loading), when of this path.
    """
    known = NO_NAMES if targets is None else names_of(targets)
    scales = {} if targets is None else series_scales(targets)
    return _read(path, today, known, loading, scales)


# A series whose unit has its scale in it (亿元), by (region, indicator), or by ("", indicator)
# for an indicator declared under [[indicators]]: that unit and its scale.
Scales = dict[tuple[str, str], tuple[str, int]]


def series_scales(targets: TargetsFile) -> Scales:
    """The series whose figures are written in a unit with its scale in it (cells.unit_scale):
    a target's unit, or an [[indicators]] entry's for the series of any region."""
    scales: Scales = {}
    for t in targets.targets:
        if scale := unit_scale(t.unit):
            scales.setdefault((t.region, t.indicator), (t.unit, scale))
    for i in targets.indicators:
        if scale := unit_scale(i.unit):
            scales.setdefault(("", i.indicator), (i.unit, scale))
    return scales


def _scaled_twice(
    cleaner: Cleaner, value: Cleaned, names: dict[str, Cleaned], known: Names, scales: Scales
) -> None:
    """Figures typed with 万 or 亿 (35亿, read in full) in a series whose unit has its scale in
    it: 290.5亿 of a series in 亿元 would be 290.5亿亿元. Each is an error, its row left out,
    with the figure to type, as `actuals add` refuses it (a newcomer's find: the report said
    the goal was achieved 84 million times over)."""
    typed = value.flag(lambda v: v[1] is not None and typed_with_scale(v[1].value))
    if not typed.any():
        return
    frame = cleaner.frame
    notes = value.part(lambda v: v[1])
    regions = names["region"].part(lambda r: known.code("region", r[0]))
    indicators = names["indicator"].part(lambda r: known.code("indicator", r[0]))
    for at in frame.index[typed]:
        if cleaner.bad[at]:
            continue
        found = scales.get((regions[at], indicators[at])) or scales.get(("", indicators[at]))
        if found is None:
            continue
        unit, scale = found
        note = notes[at]
        written = float(note.number) / scale
        params = (("value", note.value), ("unit", unit), ("written", f"{written:.10g}"))
        cleaner.issue(frame.loc[[at], "row"], "value", "error", 4, "value_scaled_in_unit", params)
        cleaner.bad[at] = True


def _total_rows(path: Path, sheet: str) -> set[int]:
    """The Total Rows of the table named Actuals; without one, of every table on the sheet."""
    ours, _ = actuals_table(path, sheet)
    return ours.total_rows if ours is not None else total_rows(path, sheet)


def _read(
    path: Path, today: dt.date | None, known: Names, loading: Loading | None, scales: Scales
) -> Actuals:
    kind = spreadsheet_kind(path)  # the safety checks, before anything parses the file
    # An .xlsx's cells that calamine reads as empty (errors, formulas never calculated) are
    # looked for in its XML while calamine reads the grid: calamine lets go of the
    # interpreter as it works, so the closer look costs next to nothing on a large sheet.
    # The data sheet's name is read from the workbook's own part list first, for the closer
    # look; calamine's reading decides it by the same rule (model.data_sheet).
    with ThreadPoolExecutor(max_workers=1) as pool:
        named = data_sheet(sheetxml.sheet_names(path)) if kind == "xlsx" else SHEET
        closer: list[Future[sheetxml.CloserLook]] = []

        def look() -> None:  # once the sheet's span is checked (load_grid), or read already
            if kind == "xlsx" and not closer:
                closer.append(pool.submit(sheetxml.closer_look, path, named))

        loaded = None
        if loading is not None:  # read on a thread of its own: its span checked by then
            look()
            loaded = loading.take(path, kind)
        grid, merged, stray, kind, sheet = loaded or load_grid(path, kind, checked=look)
        looked = closer[0] if closer else None
        return _judged_grid(path, sheet, today, known, grid, merged, stray, kind, looked, scales)


def _judged_grid(
    path: Path,
    sheet: str,
    today: dt.date | None,
    known: Names,
    grid: list[list[Any]],
    merged: list[Any],
    stray: Stray | None,
    kind: str,
    closer: Future[sheetxml.CloserLook] | None,
    scales: Scales,
) -> Actuals:
    name = path.name
    header_index, header = _header(name, sheet, grid)
    stray_issues = () if stray is None else (_stray_issue(name, sheet, stray, len(grid)),)
    looked = closer.result() if closer is not None else sheetxml.NOTHING_CLOSER
    if looked.links and "source" in header:
        _linked_sources(grid, header_index, header.index("source"), looked.links)
    frame = _frame(grid, header_index, header)
    if kind == "xlsx" and (totals := _total_rows(path, sheet)):  # a Total Row: a sum, not a figure
        frame = frame.loc[~frame["row"].isin(totals)].reset_index(drop=True)
    cleaner = Cleaner(name, frame, sheet)
    blank = _blank_rows(cleaner)
    if blank.all():
        return Actuals(empty_rows(), stray_issues, sheet)
    if blank.any():
        last = np.flatnonzero(~blank)[-1]
        inner_blank = blank & (np.arange(len(frame)) < last)
        cleaner.issue(
            frame.loc[inner_blank, "row"],
            "",
            "warning",
            0,
            "blank_row",
        )
        frame = frame.loc[~blank]
        cleaner.factorized = {
            c: (codes[~blank], uniques) for c, (codes, uniques) in cleaner.factorized.items()
        }
    cleaner.frame = frame
    cleaner.bad = pd.Series(False, index=frame.index)
    if kind == "csv":
        _long_rows(cleaner, grid, header_index, len(header))
    if merged:
        _merged_cells(cleaner, merged, header, header_index)
    _broken_cells(cleaner, looked.broken, header)

    names = {}
    for order, column in enumerate(("region", "indicator"), 1):
        names[column] = cleaned = cleaner.apply(column, clean_name, order)
        changed = cleaned.flag(lambda r: r[1])
        if not changed.any():
            continue
        for raw, changed_rows in frame.loc[changed, ["row", column]].groupby(column)["row"]:
            if known.as_in_targets(column, str(raw)):
                continue  # 入园企业数（袜业及配套） as targets.toml writes it: no slip
            fixed = clean_name(raw)[0]
            hidden = invisible_in(str(raw))
            code, params = (
                # the code points (U+200F) for every reader; their names (right-to-left mark
                # U+200F) for an English one (`_en`)
                (
                    "name_invisible",
                    (
                        ("fixed", fixed),
                        ("hidden", _code_points(hidden)),
                        ("hidden_en", ", ".join(hidden)),
                    ),
                )
                if hidden
                else ("name_cleaned", (("raw", str(raw)), ("fixed", fixed)))
            )
            cleaner.issue(changed_rows, column, "warning", order, code, params)
    _spans_at_their_month(cleaner)
    period = cleaner.apply("period", clean_period, 3)
    numbers = frame["value"].infer_objects()  # floats, unless some cell is not a number
    value = cleaner.apply_numbers(4, numbers)
    basis = cleaner.apply("basis", clean_basis, 5)
    flags = cleaner.apply("flags", clean_flags, 8)
    if not isinstance(value, Numbers):
        _zeros_measured(cleaner, value, period, basis)
        if scales:
            _scaled_twice(cleaner, value, names, known, scales)
        notes = value.part(lambda v: v[1])
        noted = notes.notna() & ~cleaner.bad
        for note, noted_rows in frame.loc[noted, "row"].groupby(notes[noted], sort=False):
            params = (("value", note.value), ("number", note.number))
            cleaner.issue(noted_rows, "value", "warning", 4, note.code, params)

    good = ~cleaner.bad.to_numpy(dtype=bool)
    index = frame.index[good]

    def region_code(cleaned_name: tuple[str, bool]) -> str:
        return known.code("region", cleaned_name[0])

    def indicator_code(cleaned_name: tuple[str, bool]) -> str:
        return known.code("indicator", cleaned_name[0])

    def per_row(cleaned: Cleaned, func: Callable[[Any], Any]) -> pd.Series:
        return pd.Series(cleaned.distinct(func)[cleaned.codes[good]], index=index, dtype=object)

    def as_text(column: str) -> pd.Series:
        codes, uniques = cleaner.codes(column)
        parts = np.empty(len(uniques) + 1, dtype=object)
        parts[:] = [_text(v) for v in [*uniques, None]]
        return pd.Series(parts[codes[good]], index=index, dtype=object)

    rows = pd.DataFrame(
        {
            "row": frame["row"][good].astype(int),
            "region": per_row(names["region"], region_code),
            "indicator": per_row(names["indicator"], indicator_code),
            "period": per_row(period, lambda p: p.text),
            "period_kind": per_row(period, lambda p: p.kind),
            "end": _ends(period, good, index),
            "value": value.part(lambda v: v[0])[good].astype(float),
            "basis": per_row(basis, lambda b: b),
            "source": as_text("source"),
            "note": as_text("note"),
            "flags": per_row(flags, lambda f: f),
        }
    )
    # every figure the report shows is sourced: one without is used, and said (`check` said
    # nothing of it, while `actuals add` did: a newcomer's find)
    cleaner.issue(rows.loc[rows["source"] == "", "row"], "source", "warning", 6, "no_source")
    wrong_basis = (
        basis.flag(lambda b: b != "")[good] & period.flag(lambda p: p.kind != "month")[good]
    )
    cleaner.issue(
        rows.loc[wrong_basis, "row"],
        "basis",
        "warning",
        5,
        "basis_not_month",
    )
    rows.loc[wrong_basis, "basis"] = ""
    if today is not None:
        future = rows["end"] > pd.Timestamp(today)
        for text, group in rows.loc[future].groupby("period")["row"]:
            cleaner.issue(
                group,
                "period",
                "warning",
                3,
                "period_not_ended",
                (("period", str(text)), ("today", str(today))),
            )
    # A month's amount (basis blank or "month"), its year-to-date and an annual rate stated
    # that month are different figures.
    kept = ~np.asarray(wrong_basis, dtype=bool)
    basis_code = (
        basis.flag(lambda b: b == "ytd")[good].astype(np.int64)
        + 2 * basis.flag(lambda b: b == "rate")[good].astype(np.int64)
    ) * kept
    parts = [
        codes_of(names["region"], region_code),
        codes_of(names["indicator"], indicator_code),
        codes_of(period, lambda p: p.text),
    ]
    key = row_key(parts, good, basis_code)
    shadow: tuple[Issue, ...] = ()
    if not good.all():  # a row left out below a usable one of its period: the upper one is used
        every_basis = basis.flag(lambda b: b == "ytd").astype(np.int64) + 2 * basis.flag(
            lambda b: b == "rate"
        ).astype(np.int64)
        left_key = row_key(parts, ~good, every_basis[~good])
        shadow = shadowed(name, sheet, rows, key, left_key, frame["row"].to_numpy()[~good])
    rows, duplicate_issues = deduplicate(name, rows, key, known, sheet)
    duplicate_issues += shadow
    issues = sorted(cleaner.issues, key=lambda t: (t[0], t[1]))
    return Actuals(
        rows.reset_index(drop=True),
        tuple(i for _, _, i in issues) + duplicate_issues + stray_issues,
        sheet,
        left_out=_left_out(frame["row"], good, names["region"], names["indicator"], known),
    )


def _left_out(
    numbers: pd.Series, good: np.ndarray, regions: Cleaned, indicators: Cleaned, known: Names
) -> dict[tuple[str, str], tuple[int, ...]]:
    """The rows left out (an error on them) whose region and indicator could be read, by
    series: a goal none of whose rows is usable says where they went."""
    if good.all():
        return {}
    bad = ~good
    region = regions.part(lambda r: known.code("region", r[0]))[bad]
    indicator = indicators.part(lambda i: known.code("indicator", i[0]))[bad]
    out: dict[tuple[str, str], list[int]] = {}
    for row, r, i in zip(numbers[bad].tolist(), region.tolist(), indicator.tolist(), strict=True):
        if r is not None and i is not None:
            out.setdefault((r, i), []).append(int(row))
    return {series: tuple(rows) for series, rows in out.items()}


def _spans_at_their_month(cleaner: Cleaner) -> None:
    """A period written as a January-to-month span (2026年1—10月), as bulletins write a 1—N月
    sum, on a row whose basis is blank or ytd, is read at its month with basis ytd, as `actuals
    add` stores it; with another basis it stays an error (clean_period's "span")."""
    codes, uniques = cleaner.codes("period")
    lasts = [ytd_span(u) if isinstance(u, str) else None for u in uniques]
    if not any(lasts):
        return
    frame = cleaner.frame
    spans = np.array([last is not None for last in lasts] + [False])[codes]
    for index in frame.index[spans]:
        try:
            basis = clean_basis(frame.at[index, "basis"])
        except CellProblem:
            continue  # said by the basis column's own check
        if last := span_read_at(frame.at[index, "period"], basis):
            frame.at[index, "period"] = last
            frame.at[index, "basis"] = "ytd"
    for column in ("period", "basis"):
        cleaner.factorized.pop(column, None)


def _ends(period: Cleaned, good: np.ndarray, index: pd.Index) -> pd.Series:
    """Each good row's period end as a datetime, converted once per distinct period."""
    slots = len(period.results)
    positions = period.codes[good] % slots  # code -1 is the last slot
    used = np.flatnonzero(np.bincount(positions, minlength=slots))
    ends = period.distinct(lambda p: pd.Timestamp(p.end))[used]
    converted = pd.to_datetime(pd.Series(ends, dtype=object)).to_numpy()
    lookup = np.zeros(slots, dtype=np.intp)
    lookup[used] = np.arange(len(used))
    return pd.Series(converted[lookup[positions]], index=index)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()
