"""The Context, Data issues and About sheets."""

from __future__ import annotations

from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...model import Report
from ..text import status_word
from .common import region_name
from .labels import label
from .regions import MAX_CHARTS
from .styles import (
    CODE_FONT,
    MUTED_FONT,
    PCT,
    STATUS_ICONS,
    STATUS_STYLE,
    SUBTITLE_FONT,
    TITLE_FONT,
    WRAP,
    header_row,
    print_setup,
    put,
    put_status,
    scale_for,
)

CONTEXT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("region", 18),
    ("name", 36),
    ("basis", 14),
    ("latest_period", 11),
    ("latest", 13),
    ("previous_period", 11),
    ("previous", 13),
    ("change", 13),
    ("change_pct", 10),
    ("unit", 12),
    ("indicator", 22),
)


def add_context(wb: Workbook, report: Report, lang: str) -> Worksheet:
    """Indicators without a goal: latest value and change, in their own sheet."""
    ws = wb.create_sheet(label("sheet_context", lang))
    put(ws, 1, 1, label("context_title", lang), font=TITLE_FONT)
    header_row(ws, 3, [label(k, lang) for k, _ in CONTEXT_COLUMNS], [w for _, w in CONTEXT_COLUMNS])
    for row, c in enumerate(report.context, 4):
        s = scale_for(c.latest.value, c.unit, lang, whole=float(c.latest.value).is_integer())
        name = (c.name_zh or c.name) if lang == "zh" else c.name
        values = [
            region_name(c.region, report, lang),
            name,
            label("ytd", lang) if c.basis == "ytd" else c.basis or None,
            c.latest.period,
            s.of(c.latest.value),
            c.previous.period if c.previous else None,
            s.of(c.previous.value) if c.previous else None,
            s.of(c.change),
            c.change_pct,
            s.unit,
            c.indicator,
        ]
        for col, value in enumerate(values, 1):
            put(ws, row, col, value, PCT if col == 9 else s.number_format)
    if not report.context:
        put(ws, 4, 1, label("context_none", lang), font=MUTED_FONT)
    ws.freeze_panes = "A4"
    last = max(3 + len(report.context), 4)
    ws.auto_filter.ref = f"A3:K{last}"
    print_setup(ws, str(report.as_of), lang, title_rows="3:3")
    return ws


ISSUE_COLUMNS: tuple[tuple[str, float], ...] = (
    ("severity", 10),
    ("file", 18),
    ("sheet", 12),
    ("row", 7),
    ("column", 12),
    ("message", 100),
)
SEVERITY_FILL = {
    "error": PatternFill("solid", fgColor="FFC7CE"),
    "warning": PatternFill("solid", fgColor="FFEB9C"),
}
BOLD_FONT = Font(bold=True)
HASH_FONT = Font(name="Liberation Mono", size=9)


def add_issues(wb: Workbook, report: Report, lang: str) -> Worksheet:
    """Every data issue with the input file, sheet, row and column it points at."""
    ws = wb.create_sheet(label("sheet_issues", lang))
    put(ws, 1, 1, label("issues_title", lang), font=TITLE_FONT)
    put(ws, 2, 1, label("issues_hint", lang), font=MUTED_FONT)
    header_row(ws, 3, [label(k, lang) for k, _ in ISSUE_COLUMNS], [w for _, w in ISSUE_COLUMNS])
    for row, issue in enumerate(report.issues, 4):
        values = [issue.severity, issue.file, issue.sheet, issue.row, issue.column, issue.message]
        for col, value in enumerate(values, 1):
            fill = SEVERITY_FILL[issue.severity] if col == 1 else None
            put(ws, row, col, value, "0", fill=fill, alignment=WRAP if col == 6 else None)
    if not report.issues:
        put(ws, 4, 1, label("issues_none", lang), font=MUTED_FONT)
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:F{max(3 + len(report.issues), 4)}"
    print_setup(ws, str(report.as_of), lang, title_rows="3:3")
    return ws


def add_about(wb: Workbook, report: Report, lang: str) -> Worksheet:
    """The method in plain words, the status legend with codes, and the inputs' hashes."""
    ws = wb.create_sheet(label("sheet_about", lang))
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 80
    put(ws, 1, 1, label("about_title", lang), font=TITLE_FONT)
    row = 3
    n = len(report.targets)
    limited = label("charts_limited", lang, n=n, limit=MAX_CHARTS)
    charts = limited if n > MAX_CHARTS else label("charts_all", lang)
    for key, text in (
        ("report_month", str(report.as_of)),
        ("method", label("method_text", lang)),
        ("units_title", label("units_text", lang)),
        ("formulas_title", label("formulas", lang)),
        ("charts_title", charts),
    ):
        put(ws, row, 1, label(key, lang), font=BOLD_FONT)
        put(ws, row, 2, text, alignment=WRAP)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        ws.row_dimensions[row].height = 15 * max(1, 1 + len(text) // (100 if lang == "en" else 55))
        row += 1
    row += 1
    put(ws, row, 1, label("legend_title", lang), font=SUBTITLE_FONT)
    for n, status in enumerate(STATUS_STYLE, row + 1):
        put_status(ws, n, 1, status, lang)
        put(ws, n, 2, status, font=CODE_FONT)
        put(ws, n, 3, f"{STATUS_ICONS[status]} = {status_word(status, lang)}")
    row += len(STATUS_STYLE) + 2
    put(ws, row, 1, label("inputs_title", lang), font=SUBTITLE_FONT)
    for n, item in enumerate(report.inputs, row + 1):
        put(ws, n, 1, item.name)
        put(ws, n, 2, label("sha256", lang))
        put(ws, n, 3, item.sha256, font=HASH_FONT)
    print_setup(ws, str(report.as_of), lang, landscape=False)
    return ws
