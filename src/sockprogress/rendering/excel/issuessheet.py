"""The Data issues sheet: every issue with the input file, sheet, row and column it points at."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from .book import Book
from .formats import MUTED, SEVERITY_FILL, TITLE, TOP, WHOLE, WRAP
from .labels import figure_label
from .layout import close_table, fit_row, heading_row, put

COLUMNS: tuple[tuple[str, float], ...] = (
    ("severity", 10),
    ("file", 18),
    ("sheet", 12),
    ("row", 7),
    ("column", 12),
    ("message", 100),
)


def write_issues(book: Book, ws: Worksheet) -> None:
    report, words, f = book.report, book.words, book.formats
    put(ws, 0, 0, words("Data issues in the inputs"), f(TITLE))
    hint = words(
        "Row numbers are those of the input workbook; errors leave the row out, warnings keep it."
    )
    put(ws, 1, 0, hint, f(MUTED))
    widths = [w for _k, w in COLUMNS]
    heading_row(ws, f, 2, [figure_label(k, words) for k, _w in COLUMNS], widths)
    severity = {s: f(TOP, bg_color=fill, pattern=1) for s, fill in SEVERITY_FILL.items()}
    top, row_number, wrap = f(TOP), f(TOP, num_format=WHOLE), f(WRAP)
    for row, issue in enumerate(report.issues, 3):
        message = words.issue_text(issue)
        put(ws, row, 0, words.severity(issue.severity), severity[issue.severity])
        put(ws, row, 1, issue.file, top)
        put(ws, row, 2, issue.sheet, top)
        put(ws, row, 3, issue.row, row_number)
        put(ws, row, 4, words.column_name(issue.column) if issue.column else None, top)
        put(ws, row, 5, message, wrap)
        fit_row(ws, row, [(message, widths[5])])
    empty = words("No data issues.")
    close_table(ws, f, len(report.issues), len(COLUMNS), empty, book.month, words)
