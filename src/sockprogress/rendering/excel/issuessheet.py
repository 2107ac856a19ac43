"""The Data issues sheet: the issues by kind and column, each with the input file, sheet, column
and rows it points at, how many there are, examples and the fix.

A province whose every row breaks one rule gets one line for that rule, not one per row: the
JSON keeps every row's issue.
"""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from .book import Book
from .formats import INDENT, MUTED, SEVERITY_FILL, TITLE, TOP, WHOLE, WRAP
from .labels import figure_label
from .layout import close_table, fit_row, heading_row, put

# Across A4 at 100 %: the message wraps in its column (90 wide, the page was fitted to 73 %,
# 8.2 pt in LibreOffice); the rows' ranges wrap too ("2–240,001 (233,000 rows)" in one line).
COLUMNS: tuple[tuple[str, float], ...] = (
    ("severity", 8),
    ("file", 14),
    ("sheet", 11),
    ("column", 11),
    ("rows", 24),
    ("count", 8),
    ("message", 60),
)


def write_issues(book: Book, ws: Worksheet) -> None:
    words, f = book.words, book.formats
    put(ws, 0, 0, words("Data issues in the inputs"), f(TITLE))
    hint = words(
        "Row numbers are those of the input workbook; errors leave the row out, warnings keep "
        "it. Issues of one kind on one column are one line; the JSON lists every row's issue."
    )
    put(ws, 1, 0, hint, f(MUTED))
    headings = [figure_label(k, words) for k, _w in COLUMNS]
    widths = heading_row(ws, f, 2, headings, [w for _k, w in COLUMNS], words)
    severity = {s: f(TOP, bg_color=fill, pattern=1) for s, fill in SEVERITY_FILL.items()}
    top, count_format, wrap = f(TOP), f(TOP, num_format=WHOLE), f(WRAP)
    message_format = f(WRAP, INDENT)
    issues = book.view.issues
    for row, issue in enumerate(issues, 3):
        group = issue.group
        message = words.semicolon.join(p for p in (issue.text, issue.examples, issue.fix) if p)
        put(ws, row, 0, issue.severity, severity[group.severity])
        put(ws, row, 1, group.file, top)
        put(ws, row, 2, group.sheet, top)
        put(ws, row, 3, words.column_name(group.column) if group.column else None, top)
        put(ws, row, 4, issue.rows or None, wrap)
        put(ws, row, 5, group.count, count_format)
        put(ws, row, 6, message, message_format)  # indented: apart from the count before it
        fit_row(ws, row, [(message, widths[6]), (issue.rows, widths[4])])
    empty = words("No data issues.")
    close_table(ws, f, len(issues), len(COLUMNS), empty, book.head, words)
