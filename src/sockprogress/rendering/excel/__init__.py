"""The Excel report, written in memory with xlsxwriter's public API.

Sheets: Summary (one row per target, grouped by region, with a sparkline each), Changes
(since last month), one sheet per region with a block per target (its observations and a native
chart too, for every target up to 200: `selection.py`), Context, Data issues, About. User text
is always written as a string cell, so `=cmd|…` in a note never becomes a formula; the workbook
holds values only.

Modules: `summarysheet`, `changessheet`, `regionsheets` (with `nativecharts`), `contextsheet`,
`issuessheet`, `aboutsheet` write the sheets; `labels` holds their words, `formats` the cell
formats and scales, `layout` cell writing, row heights, print setup and sheet names, `book`
what they share while one workbook is built.
"""

from __future__ import annotations

import io

from xlsxwriter.workbook import Workbook

from ...model import Report
from ...words.words import Words
from ..view import build_view
from .aboutsheet import write_about
from .book import Book
from .bulletinsheet import write_bulletin
from .changessheet import write_changes
from .contextsheet import write_context
from .issuessheet import write_issues
from .labels import figure_label
from .layout import month_words, sheet_name
from .regionsheets import add_region_sheet
from .summarysheet import write_summary

__all__ = ["render_workbook"]

# Nothing a cell is given is read as a formula, a link or a number: user text stays text.
OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def _properties(workbook: Workbook, report: Report, words: Words, title: str) -> None:
    """The file's properties: `title` is the report's own title and month (Book.head)."""
    month = str(report.as_of)
    workbook.set_properties(
        {
            "title": title,
            "subject": words("Monthly progress report, {month}").format(
                month=month_words(month, words)
            ),
            "author": "sockprogress",
            "keywords": f"report month {month}",
        }
    )
    workbook.set_custom_property("Report month", month)


def render_workbook(report: Report, words: Words) -> bytes:
    """The report as .xlsx bytes in the reader's `words`, ready for an atomic write; laid out
    from the report's view (view.py), as the page is.

    The sheets are added in reading order, then filled: the region sheets first, so the
    Summary's sparklines know where each target's observations are.
    """
    buffer = io.BytesIO()
    workbook = Workbook(buffer, OPTIONS)
    book = Book.start(workbook, build_view(report, words))
    # The month's bulletin is the first printed page, as an office hands it up.
    front = workbook.add_worksheet(words("Bulletin"))
    summary = workbook.add_worksheet(words("Summary"))
    changes = workbook.add_worksheet(words("Changes"))
    names = ("sheet_context", "sheet_issues", "sheet_about")
    taken = {
        front.get_name().lower(),
        summary.get_name().lower(),
        changes.get_name().lower(),
    } | {figure_label(k, words).lower() for k in names}
    regions = [
        (workbook.add_worksheet(sheet_name(region.name, taken)), region)
        for region in book.view.regions
    ]
    context, issues, about = (workbook.add_worksheet(figure_label(k, words)) for k in names)
    for ws, region in regions:
        add_region_sheet(book, ws, region)
    write_bulletin(book, front, book.bulletin)
    write_summary(book, summary)
    write_changes(book, changes)
    write_context(book, context)
    write_issues(book, issues)
    write_about(book, about)
    _properties(workbook, report, words, book.head)
    front.activate()
    workbook.close()
    return buffer.getvalue()
