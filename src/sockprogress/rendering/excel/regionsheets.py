"""A sheet per region with a block per target: the facts, the observations and a chart.

Blocks stack down the sheet, so 2,000 targets make 100 sheets, not 2,000, and the work per
target is constant: building stays linear in targets plus observations.

Beyond 200 targets only the most urgent blocks are in full, with their observations and a chart
(`selection.py`), a page each; the others keep the key figures the Summary prints (`SHORT`),
the latest figure's source and the notes, say where their figures are, and follow one another
on the page. A province's 130,000 monthly figures and 1,800 blocks of every figure would
otherwise be most of its workbook, each cell some 5 µs to write, for what the JSON holds
already.

Each observation is written in as few cells as say it all: the period (its end date, shown as
the period was written) and the value, always; the basis and the source on a table's first row
and where they change, blank where they repeat the row above; the input row on a table's first
row, on each year's first row and wherever it does not follow on, blank where it is the row
above plus 1 (the table's heading says so). The native chart and the Summary's sparkline draw
from these same cells.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ...model import TargetResult
from ...words.words import DASH, Words
from ..outcome import by_month, chartable, required_path
from ..selection import IN_FULL
from ..view import (
    COMPUTED,
    Figure,
    RegionView,
    TargetView,
    basis_said,
    listed_observations,
)
from .book import Book, Table
from .formats import (
    CHECK,
    HEADER,
    INDENT,
    LEFT,
    MUTED,
    NUMBER_FORMATS,
    RULE,
    SHARES,
    SUBTITLE,
    TITLE,
    TOP,
    WHOLE,
    WRAP,
    Formats,
    Scale,
    date_format,
    period_format,
    serial,
    share_format,
)
from .labels import figure_label, input_rows
from .layout import (
    A4_HEIGHT,
    A4_WIDTH,
    LINE_HEIGHT,
    MARGIN,
    SIDE_MARGIN,
    Heights,
    chinese_lines,
    kept_together,
    page_room,
    print_setup,
    put,
    put_text,
    targets_count,
    text_lines,
)
from .nativecharts import (
    HEIGHT_PX,
    Frame,
    MonthFrame,
    build_chart,
    frame_for,
    guide_lines,
    literal,
    month_frame,
    month_lines,
    write_guides,
)

# Column widths from A. A: every label on one line but the longest English ones, which wrap;
# B: a figure, a date (2025年12月31日) without ###; C: what stands beside a figure (its period,
# why it is blank: 留空原因：需有晚于基期的数据 in one line), wrapped where longer; D:H: the
# chart beside the figures (nativecharts.WIDTH_PX), and below it the observations' input rows
# (D) and sources (E:H). A sheet with a chart prints A:H across A4 at 100 %, one without
# prints A:D upright at 100 % (LAST_COL): printed A:O, the chart 16.5 cm wide beside blank
# columns, the figures were 6.9 pt on paper.
WIDTHS = (31.0, 15.0, 32.0, 10.0, 15.0, 16.0, 10.0, 11.0)
CHART_COL = 3  # D, 0-based
LAST_COL = {True: 7, False: 3}  # H across with a chart on the sheet, D upright without
REMARK_COL = 2  # C
BASIS_WIDTH = WIDTHS[2]
SOURCE_COL = 4  # E: the observations' sources, merged to H when they wrap
SOURCE_WIDTH = sum(WIDTHS[SOURCE_COL:])
BESIDE_CHART = WIDTHS[1] + WIDTHS[2]  # a text merged over B:C, beside the chart
# The heights of a sheet's title row (14 pt type) and a block's heading row (12 pt), set so that
# the pages laid out (kept_together) are the pages printed.
TITLE_HEIGHT = 21.0
HEADING_HEIGHT = 18.0
# The share of a page's computed room a run of blocks is laid out in: each application sets its
# own scale to fit the width, a per cent or two apart.
ROOM_SHARE = 0.97
# Up to this many targets, each observation's source wraps in a cell merged to the print edge,
# so it prints whole; a province's 130,000 figures would not pay for merged, measured cells.
WRAPPED_SOURCES = 50


def _cell(figure: Figure, result: TargetResult, scale: Scale, words: Words) -> tuple[Any, str]:
    """A key figure's cell value and number format: published figures and the goal with the
    decimals they have, computed ones (a gap, a projection) kept apart from the goal."""
    value, kind = figure.value, figure.kind
    if kind == "scaled" and figure.key in COMPUTED:
        goal = result.target.target if figure.key == "projected_at_deadline" else None
        return scale.of(value), scale.derived(value, goal)
    if kind == "scaled":
        return scale.of(value), scale.number_format
    if kind == "derived":  # summed from monthly figures: in its goal's year, apart from it
        return scale.of(value), scale.derived(
            value, result.ytd_goal if figure.key == "ytd" else None
        )
    if figure.key in SHARES:
        return value, share_format(value)
    if kind == "word":
        return value or None, ""
    if kind == "month":  # a date reckoned from a pace: to the month, not the day
        return value, words.locale.workbook_about_month
    if kind == "date":
        return value, date_format(words)
    return value, NUMBER_FORMATS[kind]


def _remark(figure: Figure, scale: Scale, words: Words) -> str | None:
    """What stands beside a key figure: the unit of the goal, the period of a published
    figure, why a blank one is blank, the schedule in words."""
    if figure.key == "goal":
        return scale.unit
    if figure.period:
        return words.semicolon.join(p for p in (figure.period, figure.remark) if p)
    if figure.why:
        return words("blank: {reason}").format(reason=figure.why)
    return figure.remark or None


# A block not in full keeps the figures the Summary's printed columns show, with its goal and
# deadline to read them by: the others (rates, projection, baseline…) are the JSON's.
SHORT = frozenset(
    (
        "goal",
        "deadline",
        "latest",
        "share_of_target_pct",
        "schedule_gap_pts",
        "ytd",
        "ytd_share_of_target_pct",
        "ytd_schedule_gap_pts",
        "ytd_yoy_pct",
    )
)


Remarks = dict[tuple[bool, bool, bool], Format]


def _remark_formats(f: Formats) -> Remarks:
    """A remark's format by (figure blank, remark wrapped, row top-aligned), made once for a
    sheet, not for each of a province's 20,000 rows."""
    return {
        (blank, wrapped, top): f(
            *((MUTED, INDENT) if blank else (INDENT,)),
            *((WRAP,) if wrapped else (TOP,) if top else ()),
        )
        for blank in (True, False)
        for wrapped in (True, False)
        for top in (True, False)
    }


def _figures(
    ws: Worksheet,
    row: int,
    view: TargetView,
    scale: Scale,
    book: Book,
    heights: Heights,
    remarks: Remarks,
) -> int:
    """The key figures as label/value/remark rows from `row`, in A:C beside the chart; returns
    the next free row. A block not in full has those of `SHORT`. The heights it sets are kept
    in `heights`."""
    result, words, f = view.result, book.words, book.formats
    full = view.in_full
    put(ws, row, 0, words("Status"))
    put(ws, row, 1, view.status_text, f.status(result.status))
    if view.outlook or result.checks:
        # Beside the status, as on the Summary: a typo never passes without a word.
        row += 1
        put(ws, row, 0, figure_label("outlook" if view.outlook else "check", words))
        put(ws, row, 1, view.outlook or None)
        if result.checks:
            # in C, wrapped where longer: not run on under the chart
            if text_lines(view.check_line, WIDTHS[REMARK_COL]) > 1:
                put(ws, row, REMARK_COL, view.check_line, f(CHECK, WRAP))
                heights.fit(row, [(view.check_line, WIDTHS[REMARK_COL])])
            else:
                put(ws, row, REMARK_COL, view.check_line, f(CHECK))
    if view.year_line:
        # The year's cumulative figure as a bulletin says it, beside the status.
        row += 1
        put(ws, row, 0, words("Progress in the year"), f(TOP))
        text = put_text(ws, row, 1, REMARK_COL, BESIDE_CHART, view.year_line, f(WRAP))
        heights.fit(row, [text])
    rows: list[tuple[str, Any, str, Any]] = []
    for figure in view.figures:
        if full or figure.key in SHORT:
            value, number_format = _cell(figure, result, scale, words)
            rows.append((figure.label, value, number_format, _remark(figure, scale, words)))
    if full:
        rows.append(
            (
                figure_label("previous_status", words),
                words.status_word(result.previous_status),
                "",
                None,
            )
        )
    said_above: str | None = None  # why the blank figure above is blank
    for n, (label, value, number_format, remark) in enumerate(rows, row + 1):
        # why a blank figure is blank, said once for the figures after it (留空原因：需有晚于基期的
        # 数据 stood six times down a block, a Chinese reader's find)
        if value is None and remark is not None and remark == said_above:
            remark = words("as above")
        else:
            said_above = remark if value is None else None
        # a label longer than column A wraps there ("Ahead (+) or behind (-) the
        # time-proportional schedule, points" was cut off by its figure in B), and so does a
        # remark longer than C, which would run on under the chart; the row's cells then
        # start at its top, side by side
        cells = [(label, WIDTHS[0])]
        if remark is not None:
            # broken as Chinese is set: a line started with "，可能沿用旧数" (a Chinese reader's
            # find)
            remark = chinese_lines(remark, WIDTHS[REMARK_COL])
            cells.append((remark, WIDTHS[REMARK_COL]))
        wraps = [text_lines(text, width) > 1 for text, width in cells]
        top = any(wraps)
        put(ws, n, 0, label, f(WRAP) if wraps[0] else f(TOP) if top else None)
        if number_format:
            number = f(TOP, num_format=number_format) if top else f.number(number_format)
            put(ws, n, 1, value, number)
        else:
            put(ws, n, 1, value, f(TOP) if top else None)
        if remark is not None:
            blank = value is None
            put(ws, n, REMARK_COL, remark, remarks[blank, wraps[1], top])
        if top:
            heights.fit(n, [cell for cell, wrap in zip(cells, wraps, strict=True) if wrap])
    return row + len(rows) + 1


def _texts(
    ws: Worksheet, row: int, view: TargetView, book: Book, heights: Heights, last: int
) -> int:
    """The latest figure's source and note and the notes (and in full, what the goal is and
    its plan's texts), a label in A and the text over B to the `last` printed column, from
    `row`; returns the next free row."""
    words, f = book.words, book.formats
    texts = [
        (figure_label("latest_source", words), view.latest_source or None),
        (figure_label("latest_note", words), view.latest_note or None),
        (figure_label("notes", words), "\n".join(view.notes)),
    ]
    if view.in_full:
        texts.append((figure_label("about_goal", words), view.goal_note))
        texts.extend((label, text) for label, text, _english in view.texts)
    top, wrap = f(TOP), f(WRAP)
    width = sum(WIDTHS[1 : last + 1])
    for label, text in texts:
        if text:
            put(ws, row, 0, label, top)
            heights.fit(row, [put_text(ws, row, 1, last, width, text, wrap)])
            row += 1
    return row


def _observations(
    ws: Worksheet,
    row: int,
    result: TargetResult,
    scale: Scale,
    book: Book,
    wrap: bool,
    heights: Heights,
) -> tuple[int, int, int]:
    """The figures the target's table lists (view.listed_observations), from `row` (subtitle,
    heading, one row per figure); returns the first and last row of the observations the chart
    draws, and the table's last row: a year-to-date figure is listed after them, not drawn
    (the last is the one before the first when there are none). The heights it sets (a
    wrapped source's) are kept in `heights`."""
    words, f = book.words, book.formats
    put(ws, row, 0, words("Observations used"), f(SUBTITLE))
    value_title = words("Value")
    if scale.factor != 1:
        value_title += words.paren(scale.unit)
    heading = f(HEADER)
    titles = (
        figure_label("period", words),
        value_title,
        figure_label("basis", words),
        figure_label("input_rows", words),
        figure_label("source", words),
    )
    for c, title in enumerate(titles):
        ws.write_string(row + 1, c, title, heading)
    for c in range(SOURCE_COL + 1, LAST_COL[True] + 1):  # over the sources' merged cells
        ws.write_blank(row + 1, c, None, heading)
    first = row + 2
    # Per-observation work is kept to what differs between rows: formats are looked up per
    # period kind and per block, dates per distinct day.
    # Top-aligned: a row is as tall as its wrapped source, which starts at the top.
    value_format = f(TOP, num_format=scale.number_format)
    # the year's 1—N月, listed last, never rounds onto its own year's goal (35.996亿, not 36亿)
    ytd_format = value_format
    if result.ytd is not None and result.ytd_goal is not None:
        ytd_format = f(TOP, num_format=scale.listed(result.ytd.value, result.ytd_goal))
    row_format = f(LEFT, TOP, num_format=WHOLE)
    text_format = f(LEFT, TOP)
    wrap_format = f(WRAP)
    # the basis is indented, so it never runs on from the right-aligned value before it
    basis_format, basis_wrap = f(INDENT, TOP), f(INDENT, WRAP)
    period_formats: dict[int, Any] = {}
    bases: dict[tuple[str, str, tuple[str, ...]], str] = {}
    write_number, write_string = ws.write_number, ws.write_string
    factor = scale.factor
    basis_above = source_above = None
    row_above: int | None = None
    year_above = 0
    # what the blank cells say, for the note above the table: the same as the cell above
    # (a basis, a source), the input row above plus 1
    same = plus_one = False
    n = first
    for obs in listed_observations(result):
        key = len(obs.period)
        period_fmt = period_formats.get(key)
        if period_fmt is None:
            period_fmt = period_formats[key] = f(
                LEFT, TOP, num_format=period_format(obs.period, words)
            )
        write_number(n, 0, serial(obs.end), period_fmt)
        shown = ytd_format if obs is result.ytd else value_format
        write_number(n, 1, obs.value / factor if factor != 1 else obs.value, shown)
        single = obs.rows[0] if len(obs.rows) == 1 else None
        year = obs.end.year
        if single is not None and row_above is not None and single == row_above + 1:
            if year != year_above:
                write_number(n, 3, single, row_format)  # each year's first row is written
            else:
                plus_one = True  # the row above plus 1
        elif single is not None:
            write_number(n, 3, single, row_format)
        else:  # several rows (a year's months), or none: never blank
            write_string(n, 3, str(input_rows(obs.rows) or DASH), text_format)
        row_above, year_above = single, year
        basis_key = (obs.basis, obs.period if obs.basis == "ytd" else "", obs.flags)
        basis = bases.get(basis_key)
        if basis is None:
            basis = bases[basis_key] = basis_said(obs, words)
        fit: list[tuple[str | None, float]] = []
        if basis != basis_above:
            basis_above = basis
            if text_lines(basis, BASIS_WIDTH) > 1:
                write_string(n, 2, basis, basis_wrap)  # annual rate, year not stated
                fit.append((basis, BASIS_WIDTH))
            else:
                write_string(n, 2, basis, basis_format)
        else:
            same = True
        # No source after one is a dash: a blank would read as the source above.
        source = words.sourced(obs.source, obs.flags) or (DASH if source_above else "")
        if source != source_above:
            source_above = source
            if source and wrap:
                fit.append(
                    put_text(ws, n, SOURCE_COL, LAST_COL[True], SOURCE_WIDTH, source, wrap_format)
                )
            elif source:
                put(ws, n, SOURCE_COL, source)  # reads across the empty columns to its right
        elif source:
            same = True
        if fit:
            heights.fit(n, fit)
        n += 1
    if same or plus_one:
        # only what applies: the input rows' part stood above a table of sums, whose rows are
        # never blank (a Chinese reader's find)
        note = (
            words(
                "A blank cell says the same as the one above it; a blank input row is the row "
                "above plus 1."
            )
            if same and plus_one
            else words("A blank cell says the same as the one above it.")
            if same
            else words("A blank input row is the row above plus 1.")
        )
        put(ws, row, 2, note, f(MUTED))
    drawn = len(result.year_months if by_month(result) else result.observations)
    return first, first + drawn - 1, n - 1


def _not_in_full(view: TargetView, words: Words) -> str:
    """Where a block not in full has its figures (the sheet's first line says why it is short:
    `_why_short`), or that it has none."""
    return view.listed_in_json or words("No figures.")


def _why_short(words: Words) -> str:
    """The line under a region sheet's title when some of its blocks are short: said once, not
    under each of a province's blocks (a Chinese reader's find)."""
    return words(
        "Beyond {limit} targets, the table of figures and the chart are given for the {limit} "
        "most in need of attention (see About); the other goals on this sheet are given in "
        "short, their figures listed in the JSON."
    ).format(limit=IN_FULL)


def _below_chart(heights: Heights, row: int) -> int:
    """The first row below a chart anchored at the top of `row`: the rows it covers are as tall
    as they were set (a figure's wrapped text), or LINE_HEIGHT."""
    top = 0.0
    while top < HEIGHT_PX * 0.75:
        top += heights.get(row, LINE_HEIGHT)
        row += 1
    return row


@dataclass
class _Sheet:
    """A region sheet being written: its worksheet and name, the heights its rows are set to,
    its last printed column, whether the observations' sources wrap, a page's room for rows
    (pt, at the sheet's print scale), the page breaks it sets and its remarks' formats."""

    ws: Worksheet
    name: str
    heights: Heights
    last: int
    wrap: bool
    room: float
    breaks: list[int]
    remarks: Remarks  # _remark_formats


def _block(sheet: _Sheet, row: int, view: TargetView, book: Book) -> int:
    """One target's block from `row`, in full or not (`selection.py`); returns the first row
    after it. A block in full that runs over its page starts its texts and table on the next
    one under its name (`{name} (continued)`): they printed there with nothing to say whose
    they were (a Chinese reader's find)."""
    ws, heights, last = sheet.ws, sheet.heights, sheet.last
    words, f, result = book.words, book.formats, view.result
    scale = book.scale(result)
    name = view.name
    # The heading row is ruled across: a row format, not a cell per column.
    heights.set(row, HEADING_HEIGHT, f(RULE))
    put(ws, row, 0, name + words.paren(scale.unit), f(SUBTITLE, RULE))
    figures_end = _figures(ws, row + 1, view, scale, book, heights, sheet.remarks)
    if not view.in_full:
        texts_end = _texts(ws, figures_end, view, book, heights, last)
        note, muted = _not_in_full(view, words), f(MUTED, WRAP)
        width = sum(WIDTHS[: last + 1])
        heights.fit(texts_end, [put_text(ws, texts_end, 0, last, width, note, muted)])
        return texts_end + 2
    # The texts, over the page's width, and the observations start below the chart, where
    # there is one (outcome.chartable), after a row apart: the continuation's heading, where
    # the block runs over its page.
    chart = chartable(result)
    apart = max(figures_end, _below_chart(heights, row + 1)) if chart else figures_end
    texts_end = _texts(ws, apart + 1, view, book, heights, last)
    start = texts_end + 1
    # With no observation the table is its heading alone: there is nothing to show.
    first, drawn, end = _observations(ws, start, result, scale, book, sheet.wrap, heights)
    if drawn >= first:  # the figures the Summary's sparkline draws
        book.tables[id(result)] = Table(sheet.name, first, drawn)
    end = max(end, start + 1)
    # from the top of its page (the sheet's title above the first block), the last row apart
    # before the page's end starts the next under the goal's name, while the rest runs over:
    # before the texts, else before the table (a table longer than a page runs on unnamed)
    top = max((b for b in sheet.breaks if b <= row), default=0)
    while heights.total(top, end + 1) > sheet.room:
        fits = [r for r in (apart, texts_end) if top < r and heights.total(top, r) <= sheet.room]
        if not fits:
            break
        top = fits[-1]
        heights.set(top, HEADING_HEIGHT)
        put(ws, top, 0, words("{name} (continued)").format(name=name), f(SUBTITLE))
        sheet.breaks.append(top)
    if not chart:
        return end + 3
    frame: Frame | MonthFrame
    if by_month(result):  # the year by month against its schedule, x in months
        frame = month_frame(result, scale)
        lines = month_lines(result, scale, frame)
        table = None  # its months are drawn from the chart's own cells
    else:
        path = required_path(result)
        frame = frame_for(result, scale, path)
        lines = guide_lines(result, scale, frame, path)
        table = book.tables.get(id(result))
    # a year's months never round onto its goal (35.996亿 of 1—11月, not 36.0)
    months = f.number(scale.derived(result.ytd.value, result.ytd_goal)) if result.ytd else None
    ranges = write_guides(ws, end + 3, lines, f.number(scale.derived_format), f, words, months)
    title: str | tuple[int, int] = name if literal(name) else (row, 0)
    ws.insert_chart(
        row + 1,
        CHART_COL,
        build_chart(
            book.workbook,
            sheet.name,
            (table.first, table.last) if table else None,
            list(zip(lines, ranges, strict=True)),
            frame,
            title,
            scale,
            words,
        ),
    )
    return max(last for _first, last, _col in ranges) + 3


def add_region_sheet(book: Book, ws: Worksheet, region: RegionView) -> None:
    """Fill the region's sheet `ws` with a block per target: a page for each block in full,
    the others several to a page, none split over two where it fits on one. A sheet with a
    block in full prints A:H across A4, its charts beside the figures; one without prints A:D
    upright; both at 100 %."""
    report, words = book.report, book.words
    sheet = ws.get_name()
    for c, width in enumerate(WIDTHS):
        ws.set_column(c, c, width)
    charted = any(view.in_full for view in region.targets)
    last = LAST_COL[charted]
    count = targets_count(len(region.targets), words)
    title = words("{region} ({count})").format(region=region.label, count=count)
    heights = Heights(ws)
    heights.set(0, TITLE_HEIGHT)
    put(ws, 0, 0, title, book.formats(TITLE))
    wrap = len(report.targets) <= WRAPPED_SOURCES
    if not all(view.in_full for view in region.targets):
        # over the printed width, as each block's own note; broken as Chinese is set (its
        # "。" was left alone on the second line)
        width = sum(WIDTHS[: last + 1])
        text = chinese_lines(_why_short(words), width)
        why = put_text(ws, 1, 0, last, width, text, book.formats(MUTED, WRAP))
        heights.fit(1, [why])
    room = page_room(charted, MARGIN) / print_scale(list(WIDTHS[: last + 1]), charted)
    room *= ROOM_SHARE
    state = _Sheet(ws, sheet, heights, last, wrap, room, [], _remark_formats(book.formats))
    row = 2
    short: list[tuple[int, int]] = []  # the rows of each block not in full
    before: TargetView | None = None
    for view in region.targets:
        # each block in full starts a page, and so does the block after it; those not in
        # full (a dozen rows) follow one another
        if before is not None and (view.in_full or before.in_full):
            state.breaks.append(row)
        end = _block(state, row, view, book)
        if not view.in_full:
            # its rows and the row apart after it: where a page would end is only ever where
            # a block starts (a row apart that ended a page as laid out, with more room where it
            # is printed, let the next block start there and run over)
            short.append((row, end - 1))
        row, before = end, view
    # the rows of the short blocks keep the height they were laid out with, as the bulletin
    # sheet's do: an application may size a row stored without one by its own measure
    for first, last_row in short:
        for r in range(first, last_row + 1):
            if r not in heights:
                heights.set(r, LINE_HEIGHT)
    ws.set_h_pagebreaks(kept_together(heights.of(row), short, 0.0, room, sorted(state.breaks)))
    print_setup(ws, sheet, book.head, words, landscape=charted)
    ws.print_area(0, 0, row, last)


def print_scale(widths: list[float], landscape: bool) -> float:
    """The scale columns of `widths` print at, fitted one A4 page wide (across, `landscape`),
    as Excel sets it (a whole per cent, never above 100 %). A column `w` wide is int(7w + 0.5)
    + 5 pixels of 0.75 pt (Calibri 11's digit is 7 pixels)."""
    sheet = sum(int(7 * w + 0.5) + 5 for w in widths) * 0.75
    printable = (A4_HEIGHT if landscape else A4_WIDTH) - 2 * SIDE_MARGIN * 72
    return min(100, math.floor(100 * printable / sheet)) / 100
