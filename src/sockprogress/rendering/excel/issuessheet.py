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


# columns left out where no issue points at one: the shipped goals' two issues, each a goal
# without data, printed an empty 列 and an empty 行号 of 24 wide (a Chinese reader's find), as
# the Summary leaves out a column no goal has a figure in
OPTIONAL = ("column", "rows")


def write_issues(book: Book, ws: Worksheet) -> None:
    words, f = book.words, book.formats
    put(ws, 0, 0, words("Data issues in the inputs"), f(TITLE))
    hint = words(
        "Row numbers are those of the input workbook; errors leave the row out, warnings keep "
        "it. Issues of one kind on one column are one line; the JSON lists every row's issue."
    )
    put(ws, 1, 0, hint, f(MUTED))
    issues = book.view.issues
    severity = {s: f(TOP, bg_color=fill, pattern=1) for s, fill in SEVERITY_FILL.items()}
    top, count_format, wrap = f(TOP), f(TOP, num_format=WHOLE), f(WRAP)
    message_format = f(WRAP, INDENT)  # indented: apart from the count before it
    rows = [
        {
            "severity": (issue.severity, severity[issue.group.severity]),
            "file": (issue.group.file, top),
            "sheet": (issue.group.sheet, top),
            "column": (
                words.column_name(issue.group.column) if issue.group.column else None,
                top,
            ),
            "rows": (issue.rows or None, wrap),
            "count": (issue.group.count, count_format),
            "message": (
                words.semicolon.join(p for p in (issue.text, issue.examples, issue.fix) if p),
                message_format,
            ),
        }
        for issue in issues
    ]
    columns = [
        (key, most)
        for key, most in COLUMNS
        if key not in OPTIONAL or any(row[key][0] is not None for row in rows)
    ]
    headings = [figure_label(k, words) for k, _w in columns]
    widths = dict(
        zip(
            (k for k, _w in columns),
            heading_row(ws, f, 2, headings, [w for _k, w in columns], words),
            strict=True,
        )
    )
    for row, (issue, cells) in enumerate(zip(issues, rows, strict=True), 3):
        for col, (key, _w) in enumerate(columns):
            put(ws, row, col, *cells[key])
        wrapped = [(str(cells["message"][0]), widths["message"])]
        fit_row(ws, row, wrapped + ([(issue.rows, widths["rows"])] if "rows" in widths else []))
    empty = words("No data issues.")
    close_table(ws, f, len(issues), len(columns), empty, book.head, words)
