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

from ..model import COLUMNS, HEADER_ZH, SHEET, SHEET_ZH, TargetsFile
from ..reading.cells import BASES_WRITTEN_ZH
from ..reading.names import names_of
from ..words import N_
from ..words.width import display_width
from ..words.words import Words

WIDTHS = {
    "region": 14,
    "indicator": 30,
    "period": 11,
    "value": 18,
    "basis": 8,
    "source": 50,
    "note": 60,
    "flags": 18,
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
DROPDOWNS = ("region", "indicator", "basis")

# The lines of the "How to update" sheet that give the shipped goals' names as examples, and
# in a blank folder's (`init --blank`, whose goals are not written yet) the lines in their
# place: a county's clerk read 小北河 and 袜子年产量 in his own workbook (a newcomer's find).
REGION_LINE = N_(
    "region — pick from the list (the regions of targets.toml); the Chinese name (小北河) means "
    "the same."
)
INDICATOR_LINE = N_(
    "indicator — pick from the list (the indicators of targets.toml); the Chinese name "
    "(袜子年产量) means the same."
)
COMMAND_LINE = N_(
    "  sockprogress actuals add --region Xiaobeihe --indicator sock_weaving_firms "
    '--period 2025-06 --value 206 --source "…"'
)
BLANK_LINES = {
    REGION_LINE: N_(
        "region — pick from the list (the regions of targets.toml, listed once sockprogress "
        "actuals refresh has read them); its code or its Chinese name will do."
    ),
    INDICATOR_LINE: N_(
        "indicator — pick from the list (the indicators of targets.toml, listed once "
        "sockprogress actuals refresh has read them); its code or its Chinese name will do."
    ),
    # the example goal for the year of the blank targets.toml (init.YEAR_LINES), in yuan
    COMMAND_LINE: N_(
        "  sockprogress actuals add --region Region --indicator output_value --period 2026-10 "
        '--value 31200000000 --basis ytd --source "…"'
    ),
}
# The "How to update" sheet, a line a cell (no wrapped text, so no row is ever cut short). The
# English lines are message ids of the catalogue: `init --lang zh` writes them in Chinese.
HOWTO = (
    (N_("How to update this workbook"), True),
    ("", False),
    (
        N_(
            "Each row of the Actuals sheet is one published figure. "
            "Add new rows below the last one."
        ),
        False,
    ),
    (
        N_(
            "Never change a figure that was published: add the correction as a new row, "
            "with its source and a note."
        ),
        False,
    ),
    ("", False),
    (REGION_LINE, False),
    (INDICATOR_LINE, False),
    (
        N_(
            "period — a year (2024), a month (2025-06) or a date (2025-06-30); "
            "2025年6月, 2025/6 and 2025.06 read as 2025-06."
        ),
        False,
    ),
    (
        N_(
            "value — a plain number above zero (0 for a month's own amount or a year-to-date "
            "when nothing was made), in the unit targets.toml gives its goal: where "
            "the unit is 亿元, 343.2 for 343.2亿 yuan, not 34320000000; where it is pairs, "
            "3500000000 for 3.5 bn pairs, not 35亿 (a 35亿 pasted into a cell is read, with a "
            "warning; `actuals add --value 35亿` writes it in full)."
        ),
        False,
    ),
    (
        N_(
            "basis — month rows only: month (that month's amount), ytd (January to that month) "
            "or rate (an annual rate, no year stated)."
        ),
        False,
    ),
    (
        N_(
            "source — where the figure was published: author. title. publisher, date. web address "
            "(as GB/T 7714 cites a source)."
        ),
        False,
    ),
    (N_("note — anything a reader needs: rounding, what is included, doubts."), False),
    (
        N_(
            "flags — what the report says beside the figure, one from the next by a comma: "
            "month_presumed (the month is presumed), lower_bound (the text says 'more than'), "
            "approximate ('nearly', 'about'), repost (the original was not found), "
            "foreign_edition (read in another language's edition)."
        ),
        False,
    ),
    ("", False),
    (N_("Or add a row from the command line, which checks it first and keeps a backup:"), False),
    (COMMAND_LINE, False),
    (N_("Then check the workbook:  sockprogress check"), False),
    (N_("and write the report:     sockprogress report"), False),
)
# The sheets' names in Chinese (the data sheet's is model.SHEET_ZH, which the reader takes as
# it takes Actuals; the dropdowns find their lists by the defined names, whatever the sheet).
HOWTO_SHEET_ZH = "填报说明"
LISTS_SHEET_ZH = "下拉选项"
VALUE_ERROR = N_(
    "Type a number above zero in digits (0 only for a month's own amount or a year-to-date), "
    "without a unit or 万/亿, with a point for its decimals, in the unit targets.toml gives."
)
PERIOD_PROMPT = N_("A year (2024), a month (2025-06) or a date (2025-06-30).")
BASIS_ERROR = N_(
    "month (that month's amount), ytd (January to that month) or rate (an annual rate, "
    "no year stated)"
)
NEW_NAME_WARNING = {
    "region": N_("Not in the list of targets.toml; use it only for a new region."),
    "indicator": N_("Not in the list of targets.toml; use it only for a new indicator."),
}


def headings(sheet: Words) -> list[str]:
    """The header row of the Actuals table in the sheet's language (the reader takes both)."""
    return [sheet.pick(c, zh=HEADER_ZH[c]) or c for c in COLUMNS]


def bases(sheet: Words) -> tuple[str, ...]:
    """The basis dropdown: month, ytd, rate, or the glossary's 当月数, 累计数, 年产规模."""
    return tuple(sheet.pick(b, zh=BASES_WRITTEN_ZH[b]) or b for b in BASES)


def _styled_header(ws: Worksheet) -> None:
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")


def _lists_sheet(
    wb: Workbook, regions: Sequence[str], indicators: Sequence[str], sheet: Words
) -> dict[str, str]:
    """A hidden sheet with the dropdown choices; returns the defined name of each list."""
    lists_sheet = sheet.pick(LISTS_SHEET, zh=LISTS_SHEET_ZH) or LISTS_SHEET
    ws = wb.create_sheet(lists_sheet)
    ws.append([h for c, h in zip(COLUMNS, headings(sheet), strict=True) if c in DROPDOWNS])
    _styled_header(ws)
    names: dict[str, str] = {}
    for index, (column, values) in enumerate(
        (("region", regions), ("indicator", indicators), ("basis", bases(sheet))), 1
    ):
        letter = get_column_letter(index)
        for row, value in enumerate(values, 2):
            ws.cell(row=row, column=index, value=value).data_type = "s"
        last = max(len(values) + 1, 2)
        name = f"{column}_list"
        wb.defined_names[name] = DefinedName(
            name, attr_text=f"{quote_sheetname(lists_sheet)}!${letter}$2:${letter}${last}"
        )
        names[column] = name
        ws.column_dimensions[letter].width = 28
    ws.sheet_state = "hidden"
    return names


def _validations(ws: Worksheet, lists: dict[str, str], sheet: Words) -> None:
    """Dropdowns for region / indicator / basis, a positive-number rule and period prompts."""
    letters = {c: get_column_letter(i) for i, c in enumerate(COLUMNS, 1)}
    title = dict(zip(COLUMNS, headings(sheet), strict=True))

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
            errorTitle=title[column],
            error=sheet(BASIS_ERROR if strict else NEW_NAME_WARNING[column]),
        )
        rule.add(whole(column))
        ws.add_data_validation(rule)
    value = DataValidation(
        type="decimal",
        # 0 too: a month's own amount or a year-to-date of a month when nothing was made (the
        # reader refuses a 0 anywhere else, with its row); a figure below zero, never
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=title["value"],
        error=sheet(VALUE_ERROR),
    )
    value.add(whole("value"))
    ws.add_data_validation(value)
    period = DataValidation(
        allow_blank=True,
        showInputMessage=True,
        promptTitle=title["period"],
        prompt=sheet(PERIOD_PROMPT),
    )
    period.add(whole("period"))
    ws.add_data_validation(period)


def _actuals_sheet(ws: Worksheet, rows: Iterable[Sequence[Any]], sheet: Words) -> int:
    """Header, rows and layout of the Actuals sheet; returns the table's last row."""
    ws.title = sheet.pick(SHEET, zh=SHEET_ZH) or SHEET
    ws.append(headings(sheet))
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


def howto_lines(blank: bool = False) -> tuple[tuple[str, bool], ...]:
    """The "How to update" sheet's lines (message ids) and whether each is bold: a blank
    folder's without the shipped goals' names (BLANK_LINES)."""
    if not blank:
        return HOWTO
    return tuple((BLANK_LINES.get(message, message), bold) for message, bold in HOWTO)


def _howto_sheet(wb: Workbook, sheet: Words, blank: bool) -> None:
    ws = wb.create_sheet(sheet.pick(HOWTO_SHEET, zh=HOWTO_SHEET_ZH) or HOWTO_SHEET)
    howto = howto_lines(blank)
    for row, (message, bold) in enumerate(howto, 1):
        text = sheet(message) if message else ""
        cell = ws.cell(row=row, column=1, value=text or None)
        if text:
            cell.data_type = "s"
        if bold:
            cell.font = Font(bold=True, size=14)
    # Wide enough for the longest line, a CJK character counting twice: nothing spills over.
    lines = [sheet(m) for m, _bold in howto if m]
    ws.column_dimensions["A"].width = max(110, *(display_width(t) + 2 for t in lines))


def choices(targets: TargetsFile, sheet: Words | None = None) -> tuple[list[str], list[str]]:
    """The regions and indicators the dropdowns offer: every target's, then declared ones;
    in a Chinese sheet by their Chinese names where targets.toml gives one."""
    sheet = sheet or Words.of()
    regions = list(dict.fromkeys([t.region for t in targets.targets]))
    regions += [r for r, _ in targets.regions_zh if r not in regions]
    regions += [r for r in targets.regions if r not in regions]
    indicators = list(dict.fromkeys([t.indicator for t in targets.targets]))
    indicators += [i.indicator for i in targets.indicators if i.indicator not in indicators]
    names = names_of(targets)
    return (
        list(dict.fromkeys(names.written("region", r, sheet) for r in regions)),
        list(dict.fromkeys(names.written("indicator", i, sheet) for i in indicators)),
    )


def new_actuals_workbook(
    rows: Iterable[Sequence[Any]] = (),
    regions: Sequence[str] = (),
    indicators: Sequence[str] = (),
    sheet: Words | None = None,
    blank: bool = False,
) -> Workbook:
    """A workbook whose data sheet holds `rows` (in COLUMNS order) as an Excel Table.

    Beside it: a "How to update" sheet and a hidden "Lists" sheet feeding the dropdowns, all in
    the language of `sheet` (English by default): the sheets' names (in Chinese: 实际数据,
    填报说明, 下拉选项), the header, the dropdowns' basis words, the prompts and the how-to
    lines; `regions` and `indicators` are given as the lists should read. `blank`: for a folder
    with no goal yet, whose how-to gives no other office's names.
    """
    sheet = sheet or Words.of()
    wb = Workbook()
    ws = wb.active
    _actuals_sheet(ws, rows, sheet)
    _howto_sheet(wb, sheet, blank)
    _validations(ws, _lists_sheet(wb, regions, indicators, sheet), sheet)
    wb.active = 0
    return wb
