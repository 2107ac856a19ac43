"""The About sheet: the method in plain words, the status legend with codes, the inputs' hashes.

Each heading sits in column A beside its text, which spans B:C and is given the height its
wrapped lines need (merged cells never grow by themselves).
"""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from ...i18n import _
from ..formatting import method_paragraphs, status_meaning, status_text
from ..selection import IN_FULL
from .book import Book
from .formats import BOLD, CODE, HASH, STATUS_STYLE, SUBTITLE, TITLE, TOP, WRAP
from .layout import fit_row, month_words, print_setup, put

WIDTHS = (24.0, 22.0, 70.0)
TEXT_WIDTH = WIDTHS[1] + WIDTHS[2]


def _rows(book: Book) -> list[tuple[str, str]]:
    report, lang = book.report, book.lang
    n = len(report.targets)
    if n > IN_FULL:
        charts = _(
            "This report has {n} targets. The {limit} most in need of attention (missed, moving "
            "away and insufficient progress first) are shown in full: the table of their "
            "figures on their region sheet, a native chart and a trend on the Summary. Every "
            "other target keeps its key figures and its latest figure's source, and its block "
            "says which input rows hold its figures; the JSON report lists every figure of every "
            "target. This keeps the workbook quick to write and open.",
            lang,
        ).format(n=n, limit=IN_FULL)
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


def write_about(book: Book, ws: Worksheet) -> None:
    report, lang, f = book.report, book.lang, book.formats
    for c, width in enumerate(WIDTHS):
        ws.set_column(c, c, width)
    put(ws, 0, 0, _("About this report", lang), f(TITLE))
    label, wrap = f(BOLD, TOP), f(WRAP)
    row = 2
    for name, text in _rows(book):
        put(ws, row, 0, name, label)
        ws.merge_range(row, 1, row, 2, "", wrap)
        put(ws, row, 1, text, wrap)
        fit_row(ws, row, [(text, TEXT_WIDTH)])
        row += 1
    row += 1
    put(ws, row, 0, _("Status legend", lang), f(SUBTITLE))
    code = f(CODE, TOP)
    for n, status in enumerate(STATUS_STYLE, row + 1):
        put(ws, n, 0, status_text(status, lang), f.status(status))
        put(ws, n, 1, status, code)
        meaning = status_meaning(status, lang)
        put(ws, n, 2, meaning, wrap)
        fit_row(ws, n, [(meaning, WIDTHS[2])])
    row += len(STATUS_STYLE) + 2
    put(ws, row, 0, _("Inputs", lang), f(SUBTITLE))
    digest = f(HASH)
    for n, item in enumerate(report.inputs, row + 1):
        put(ws, n, 0, item.name)
        put(ws, n, 1, "SHA-256")
        put(ws, n, 2, item.sha256, digest)
    print_setup(ws, ws.get_name(), book.month, lang, landscape=False)
