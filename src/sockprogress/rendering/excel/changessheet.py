"""The Changes sheet: the targets whose status or latest figure moved since last month."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from .. import outcome
from .book import Book
from .formats import ITALIC, TITLE
from .labels import figure_label
from .layout import heading_row, month_words, one_line_width, print_setup, put

COLUMNS: tuple[tuple[str, float], ...] = (
    ("region", 14),
    ("target_name", 34),
    ("previous_status", 24),
    ("status", 24),
    ("previous_latest_period", 11),
    ("previous_latest", 13),
    ("latest_period", 11),
    ("latest", 13),
    ("unit", 9),
    ("what_changed", 40),
)


def write_changes(book: Book, ws: Worksheet) -> None:
    report, words, f = book.report, book.words, book.formats
    month, before = book.month, str(report.as_of.shift(-1))
    title = words("What changed since last month: {before} to {month}").format(
        before=month_words(before, words), month=month_words(month, words)
    )
    put(ws, 0, 0, title, f(TITLE))
    put(ws, 1, 0, outcome.comparison_text(report, words))
    # a goal whose only news is a revised figure is listed too, as on the page
    listed = [r for r in report.targets if r.changed or r.revisions]
    # a period on one line: 2026年1—10月 lost its 月 at the column's edge
    periods = [
        words.figure_period(o)
        for r in listed
        for o in (r.previous_goal_figure, r.goal_figure)
        if o is not None
    ]
    widths = [one_line_width(periods, w) if k.endswith("_period") else w for k, w in COLUMNS]
    heading_row(ws, f, 2, [figure_label(k, words) for k, _w in COLUMNS], widths)
    row = 2
    for result in listed:
        row += 1
        s = book.scale(result)
        number = f.number(s.number_format)
        prev, now = result.previous_goal_figure, result.goal_figure
        # the column's format; a year's 1—N月 kept off its goal (outcome.kept_off)
        formats = [
            number
            if o is None or (goal := outcome.kept_off(result, o)) is None
            else f.number(s.derived(o.value, goal))
            for o in (prev, now)
        ]
        view = book.target(result)
        put(ws, row, 0, view.region)
        put(ws, row, 1, view.name)
        old, new = result.previous_status, result.status
        # a status unchanged is said alike (▲ 达到进度要求 → ▲ 基本达到进度要求 read as a change
        # the terminal and the page did not list, a Chinese reader's find)
        said = view.status_text if old == new else words.status_text(old)
        put(ws, row, 2, said, f.status(old))
        put(ws, row, 3, view.status_text, f.status(new))
        put(ws, row, 4, words.figure_period(prev) if prev else None)
        put(ws, row, 5, s.of(prev.value) if prev else None, formats[0])
        put(ws, row, 6, words.figure_period(now) if now else None)
        put(ws, row, 7, s.of(now.value) if now else None, formats[1])
        put(ws, row, 8, s.unit)
        put(ws, row, 9, view.what_changed)
    if row == 2:
        put(
            ws,
            3,
            0,
            words("No target changed its status or latest figure since {month}.").format(
                month=month_words(before, words)
            ),
            f(ITALIC),
        )
    ws.freeze_panes(3, 0)
    print_setup(ws, ws.get_name(), book.head, words, title_row=2)
