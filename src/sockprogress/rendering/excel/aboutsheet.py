"""The About sheet: the method in plain words and its reference, the status legend, the inputs'
hashes.

Each heading sits in column A beside its text, which spans B:C and is given the height its
wrapped lines need (merged cells never grow by themselves).
"""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from ...words.messages import METHOD_REFERENCE, WORKBOOK_SCALE_NOTES
from ..selection import IN_FULL
from .book import Book
from .formats import BOLD, HASH, STATUS_STYLE, SUBTITLE, TITLE, TOP, WRAP
from .layout import fit_row, month_words, print_setup, put

# A: a heading, a status in bold (✔ Achieved ahead of time); B: SHA-256; C: the 64 digits of
# a hash (HASH). Upright A4 at 100 %: 24, 22 and 70 were fitted to the page at 84 % (8.7 pt in
# LibreOffice).
WIDTHS = (24.0, 9.0, 64.0)
TEXT_WIDTH = WIDTHS[1] + WIDTHS[2]


def _rows(book: Book) -> list[tuple[str, str]]:
    report, words = book.report, book.words
    n = len(report.targets)
    if n > IN_FULL:
        charts = words(
            "This report has {n} targets. The {limit} most in need of attention (missed, moving "
            "away and insufficient progress first) are shown in full: the table of their "
            "figures on their region sheet, a native chart and a trend on the Summary. Every "
            "other target keeps its key figures and its latest figure's source, and its block "
            "says which input rows hold its figures; the JSON report lists every figure of every "
            "target. This keeps the workbook quick to write and open."
        ).format(n=n, limit=IN_FULL)
    else:
        charts = words(
            "Each target's block on its region sheet has a native chart, unless it has no "
            "figure to draw; a goal for one year is drawn month by month against the year's "
            "schedule."
        )
    kind = words.locale.workbook_scale
    # the example is one of this workbook's own scaled units (亿双 was the shipped one's, said in
    # a county's workbook whose figures none are scaled)
    scaled = [s.unit for r in report.targets if (s := book.scale(r)).factor != 1]
    if kind == "divide" and not scaled:
        kind = "as_given"
    units = words(WORKBOOK_SCALE_NOTES[kind]).format(example=scaled[0] if scaled else "")
    return [
        (words("Report month"), month_words(str(report.as_of), words)),
        (words("Method"), "\n".join(words.method_paragraphs())),
        (words("Reference"), words(METHOD_REFERENCE)),
        (words("Units"), units),
        (
            words("Formulas"),
            words(
                "The workbook holds values only, no formulas: every figure is computed by "
                "sockprogress."
            ),
        ),
        (words("Charts"), charts),
    ]


def write_about(book: Book, ws: Worksheet) -> None:
    report, words, f = book.report, book.words, book.formats
    for c, width in enumerate(WIDTHS):
        ws.set_column(c, c, width)
    put(ws, 0, 0, words("About this report"), f(TITLE))
    label, wrap = f(BOLD, TOP), f(WRAP)
    row = 2
    for name, text in _rows(book):
        put(ws, row, 0, name, label)
        ws.merge_range(row, 1, row, 2, "", wrap)
        put(ws, row, 1, text, wrap)
        fit_row(ws, row, [(text, TEXT_WIDTH)])
        row += 1
    row += 1
    put(ws, row, 0, words("Status legend"), f(SUBTITLE))
    year = any(r.own_year and r.target.year is not None for r in report.targets)
    for n, status in enumerate(STATUS_STYLE, row + 1):
        put(ws, n, 0, words.status_text(status), f.status(status))
        meaning = words.status_meaning(status, year)
        ws.merge_range(n, 1, n, 2, "", wrap)
        put(ws, n, 1, meaning, wrap)
        fit_row(ws, n, [(meaning, TEXT_WIDTH)])
    row += len(STATUS_STYLE) + 2
    put(ws, row, 0, words("Inputs"), f(SUBTITLE))
    digest = f(HASH)
    for n, item in enumerate(report.inputs, row + 1):
        put(ws, n, 0, item.name)
        put(ws, n, 1, "SHA-256")
        put(ws, n, 2, item.sha256, digest)
    print_setup(ws, ws.get_name(), book.head, words, landscape=False)
