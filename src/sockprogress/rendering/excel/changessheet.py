"""The Changes sheet: the targets whose status or latest figure moved since last month."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from .. import outcome
from .book import Book
from .formats import INDENT, INDENT_WIDTH, ITALIC, TITLE, TOP, WRAP
from .labels import figure_label
from .layout import (
    chinese_lines,
    fit_row,
    fitted_width,
    heading_row,
    month_words,
    one_line_width,
    print_setup,
    put,
    region_kept,
    text_lines,
)

# The widest each column is; the region's, the goal's and the statuses' are as wide as their
# texts need, the periods' as their longest (below). What changed wraps in its column: it ran
# on past the sheet's last column, and the page, fitted to all of it, printed at 6.2 pt.
# As statistical tables set them, and as the Summary does: the unit after the goal, a figure
# before its period (a Chinese reader's find: the unit stood last, the period first).
COLUMNS: tuple[tuple[str, float], ...] = (
    ("region", 14),
    ("target_name", 30),
    ("unit", 9),
    ("previous_status", 24),
    ("current_status", 24),
    ("previous_latest", 13),
    ("previous_latest_period", 11),
    ("latest", 13),
    ("latest_period", 11),
    ("what_changed", 36),
)
FITTED = ("region", "target_name", "previous_status", "current_status")


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
    views = [book.target(result) for result in listed]
    said: dict[str, list[str | None]] = {
        "region": [view.region for view in views],
        "target_name": [view.name for view in views],
        "previous_status": [
            view.status_text
            if r.previous_status == r.status
            else words.status_text(r.previous_status)
            for view, r in zip(views, listed, strict=True)
        ],
        "current_status": [view.status_text for view in views],
        # a period on one line: 2026年1—10月 lost its 月 at the column's edge
        "previous_latest_period": [
            words.figure_period(r.previous_goal_figure) if r.previous_goal_figure else None
            for r in listed
        ],
        "latest_period": [
            words.figure_period(r.goal_figure) if r.goal_figure else None for r in listed
        ],
    }
    cols = region_kept(COLUMNS, book.view.regions_named)
    keys = [k for k, _w in cols]
    fitted = [_width(key, most, said) for key, most in cols]
    widths = heading_row(ws, f, 2, [figure_label(k, words) for k in keys], fitted, words)
    width = dict(zip(keys, widths, strict=True))
    top, wrap = f(TOP), f(WRAP)
    period = f(TOP, INDENT)  # apart from the figure right-aligned before it, as on the Summary
    row = 2
    for n, (result, view) in enumerate(zip(listed, views, strict=True)):
        row += 1
        s = book.scale(result)
        prev, now = result.previous_goal_figure, result.goal_figure
        # the column's format, at the row's top; a year's 1—N月 kept off its goal
        # (outcome.kept_off)
        formats = [
            f(TOP, num_format=s.number_format)
            if o is None or (goal := outcome.kept_off(result, o)) is None
            else f(TOP, num_format=s.derived(o.value, goal))
            for o in (prev, now)
        ]
        old, new = result.previous_status, result.status
        # a status unchanged is said alike (▲ 达到进度要求 → ▲ 基本达到进度要求 read as a change
        # the terminal and the page did not list, a Chinese reader's find)
        # broken as Chinese is set: a spreadsheet broke 2026年1—11月 after its 1
        changed = chinese_lines(view.what_changed, width["what_changed"], sentence=True)
        wrapped = {"target_name": view.name, "what_changed": changed}
        values = {
            "region": (view.region, top),
            "unit": (s.unit, top),
            "previous_status": (said["previous_status"][n], f.status(old)),
            "current_status": (view.status_text, f.status(new)),
            "previous_latest": (s.of(prev.value) if prev else None, formats[0]),
            "previous_latest_period": (said["previous_latest_period"][n], period),
            "latest": (s.of(now.value) if now else None, formats[1]),
            "latest_period": (said["latest_period"][n], period),
            **{
                key: (text, wrap if text_lines(text, width[key]) > 1 else top)
                for key, text in wrapped.items()
            },
        }
        for col, key in enumerate(keys):
            put(ws, row, col, *values[key])
        fit_row(ws, row, [(text, width[key]) for key, text in wrapped.items()])
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
    ws.print_area(0, 0, max(row, 3), len(cols) - 1)


def _width(key: str, most: float, said: dict[str, list[str | None]]) -> float:
    """A column as wide as its texts on one line need (`said`), no wider than `most`; a period's
    as wide as its longest, however long."""
    if key.endswith("_period"):  # and its indent
        return one_line_width(said[key], most) + INDENT_WIDTH
    if key in FITTED:
        return fitted_width(said[key], most, bold=key.endswith("status"))
    return most
