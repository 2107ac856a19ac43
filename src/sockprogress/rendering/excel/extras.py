"""The Context, Data issues and About sheets."""

from __future__ import annotations

from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...i18n import _
from ...model import Report
from ..formatting import (
    basis_word,
    column_name,
    issue_text,
    method_paragraphs,
    severity_word,
    status_meaning,
)
from .common import figure_label, region_name
from .regions import MAX_CHARTS
from .styles import (
    CODE_FONT,
    MUTED_FONT,
    PCT,
    STATUS_STYLE,
    SUBTITLE_FONT,
    TITLE_FONT,
    TOP,
    WRAP,
    fit_height,
    header_row,
    month_words,
    period_words,
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
    ws = wb.create_sheet(_("Context", lang))
    put(ws, 1, 1, _("Context indicators", lang), font=TITLE_FONT)
    header_row(
        ws,
        3,
        [figure_label(k, lang) for k, _w in CONTEXT_COLUMNS],
        [w for _k, w in CONTEXT_COLUMNS],
    )
    for row, c in enumerate(report.context, 4):
        s = scale_for(c.latest.value, c.unit, lang, whole=float(c.latest.value).is_integer())
        name = (c.name_zh or c.name) if lang == "zh" else c.name
        values = [
            region_name(c.region, report, lang),
            name,
            basis_word(c.basis, lang, c.latest.period) if c.basis else None,
            period_words(c.latest.period, lang),
            s.of(c.latest.value),
            period_words(c.previous.period, lang) if c.previous else None,
            s.of(c.previous.value) if c.previous else None,
            s.of(c.change),
            c.change_pct,
            s.unit,
            c.indicator,
        ]
        for col, value in enumerate(values, 1):
            put(ws, row, col, value, PCT if col == 9 else s.number_format)
    if not report.context:
        put(ws, 4, 1, _("No context indicators.", lang), font=MUTED_FONT)
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
    ws = wb.create_sheet(_("Data issues", lang))
    put(ws, 1, 1, _("Data issues in the inputs", lang), font=TITLE_FONT)
    hint = _(
        "Row numbers are those of the input workbook; errors leave the row out, warnings keep it.",
        lang,
    )
    put(ws, 2, 1, hint, font=MUTED_FONT)
    widths = [w for _k, w in ISSUE_COLUMNS]
    header_row(ws, 3, [figure_label(k, lang) for k, _w in ISSUE_COLUMNS], widths)
    for row, issue in enumerate(report.issues, 4):
        message = issue_text(issue, lang)
        values = [
            severity_word(issue.severity, lang),
            issue.file,
            issue.sheet,
            issue.row,
            column_name(issue.column, lang) if issue.column else None,
            message,
        ]
        for col, value in enumerate(values, 1):
            fill = SEVERITY_FILL[issue.severity] if col == 1 else None
            put(ws, row, col, value, "0", fill=fill, alignment=WRAP if col == 6 else TOP)
        fit_height(ws, row, [(message, widths[5])])
    if not report.issues:
        put(ws, 4, 1, _("No data issues.", lang), font=MUTED_FONT)
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:F{max(3 + len(report.issues), 4)}"
    print_setup(ws, str(report.as_of), lang, title_rows="3:3")
    return ws


ABOUT_WIDTHS = {"A": 24, "B": 22, "C": 70}
ABOUT_TEXT_WIDTH = ABOUT_WIDTHS["B"] + ABOUT_WIDTHS["C"]


def _about_rows(report: Report, lang: str) -> list[tuple[str, str]]:
    n = len(report.targets)
    if n > MAX_CHARTS:
        charts = _(
            "This report has {n} targets; native charts are drawn for the {limit} most in need "
            "of attention (missed, moving away and insufficient progress first) to keep the "
            "workbook quick to write and open. Every target keeps its figures and observations.",
            lang,
        ).format(n=n, limit=MAX_CHARTS)
    else:
        charts = _("Each target's block on its region sheet has a native chart.", lang)
    units = (
        _(
            "Large figures on the Summary sheet are shown in 亿 (10^8) or 万 (10^4), as the Unit "
            "column says (亿双); the cell holds the scaled number. The observations on the region "
            "sheets are as published.",
            lang,
        )
        if lang == "zh"
        else _(
            "Numbers stay numeric: large figures are shown in millions (m) or billions (bn) by a "
            "display format; the cell holds the full value.",
            lang,
        )
    )
    return [
        (_("Report month", lang), month_words(str(report.as_of), lang)),
        (_("Method", lang), "\n".join(method_paragraphs(lang))),
        (_("Units", lang), units),
        (
            _("Formulas", lang),
            _(
                "The workbook holds values only, no formulas: every figure is computed by "
                "sockprogress.",
                lang,
            ),
        ),
        (_("Charts", lang), charts),
    ]


def add_about(wb: Workbook, report: Report, lang: str) -> Worksheet:
    """The method in plain words, the status legend with codes, and the inputs' hashes.

    Each heading sits in column A beside its text, which spans B:C and is given the height
    its wrapped lines need (merged cells never grow by themselves).
    """
    ws = wb.create_sheet(_("About", lang))
    for column, width in ABOUT_WIDTHS.items():
        ws.column_dimensions[column].width = width
    put(ws, 1, 1, _("About this report", lang), font=TITLE_FONT)
    row = 3
    for name, text in _about_rows(report, lang):
        put(ws, row, 1, name, font=BOLD_FONT, alignment=TOP)
        put(ws, row, 2, text, alignment=WRAP)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        fit_height(ws, row, [(text, ABOUT_TEXT_WIDTH)])
        row += 1
    row += 1
    put(ws, row, 1, _("Status legend", lang), font=SUBTITLE_FONT)
    for n, status in enumerate(STATUS_STYLE, row + 1):
        put_status(ws, n, 1, status, lang)
        put(ws, n, 2, status, font=CODE_FONT, alignment=TOP)
        meaning = status_meaning(status, lang)
        put(ws, n, 3, meaning, alignment=WRAP)
        fit_height(ws, n, [(meaning, ABOUT_WIDTHS["C"])])
    row += len(STATUS_STYLE) + 2
    put(ws, row, 1, _("Inputs", lang), font=SUBTITLE_FONT)
    for n, item in enumerate(report.inputs, row + 1):
        put(ws, n, 1, item.name)
        put(ws, n, 2, "SHA-256")
        put(ws, n, 3, item.sha256, font=HASH_FONT)
    print_setup(ws, str(report.as_of), lang, landscape=False)
    return ws
