"""The Summary sheet: the outcome first, then one row per target grouped by region.

Each row has the target's status (fill, icon and word), a data bar on its share of the goal
and a sparkline of its observations, drawn from the observations table on its region sheet.
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.utility import quote_sheetname, xl_range, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from ...model import Report, TargetResult
from ...words.words import DASH, Words
from .. import outcome
from ..view import TargetView, period_said
from .book import Book, Table
from .formats import (
    BAND,
    BOLD,
    CHECK,
    DATA_BAR,
    INDENT,
    PCT,
    PTS,
    RATE,
    RATIO,
    SHARES,
    SUBTITLE,
    TITLE,
    TOP,
    WRAP,
    Style,
    date_format,
    share_format,
)
from .labels import figure_label, notes_text
from .layout import (
    chinese_lines,
    fit_row,
    fitted_height,
    fitted_width,
    heading_row,
    heading_text,
    print_setup,
    put,
    region_kept,
    row_height,
    targets_count,
    text_lines,
)

# (label key, number format, width); "scaled" takes the target's scale (a published figure or
# goal), "derived" its format for a computed figure, "date" is a date. The printed columns,
# up to the trend, are what the director reads, as an office's table of goals sets them: the
# goal and its figures first (指标 | 单位 | 目标值 | 最新值 | … | 完成率 | 与序时进度相比), then
# the judgement (进展情况 | 期末预判 | 数据核实, the check beside the status). Printed without
# its goal, 完成率 could not be checked (a Chinese reader's find, twice). Every other figure is
# in the target's block on its region sheet (beyond 200 targets, in the block in full of the
# most urgent, and in the JSON). The unit stands beside the name, as in the bulletin's table:
# after the goal, off the printed columns, it left the printed figures without one ("35" for
# 5 billion pairs). What is said of the latest period (（月份为推定）, 14 wide) has a line of
# its own in a column 16 wide, where it ran over the trend and was cut at the page's edge.
# The region's and the status's columns are as wide as what they hold, and a printed column
# no goal has anything in is left out (_fitted), so that the shipped Summary still prints at
# 9 pt and more.
COLUMNS: tuple[tuple[str, str | None, float], ...] = (
    ("region", None, 12),
    ("target_name", None, 25),
    ("unit", None, 8),
    ("goal", "scaled", 11),
    ("latest", "scaled", 12),
    ("latest_period", None, 16),
    ("share_of_target_pct", PCT, 11),
    ("schedule_gap_pts", PTS, 11),
    ("status", None, 24),
    ("outlook", None, 13),
    ("check", None, 15),
    ("trend", None, 11),
    ("latest_source", None, 30),
    ("deadline", "date", 16),
    ("actual_cagr", RATE, 10),
    ("required_cagr", RATE, 10),
    ("pace_ratio", RATIO, 8),
    ("projected_at_deadline", "derived", 12),
    ("changed", None, 8),
    ("notes", None, 46),
)
# With a year-to-date figure in the report, after the schedule: the year's cumulative figure,
# its share of the year's goal and the change on a year before (the schedule column holds the
# year's schedule for a goal in its own year).
YEAR_COLUMNS: tuple[tuple[str, str | None, float], ...] = (
    ("ytd", "derived", 12),
    ("ytd_share_of_target_pct", PCT, 11),
    ("ytd_yoy_pct", PCT, 10),
)
KEYS = [c[0] for c in COLUMNS]


def columns(year: bool, figures: bool = True) -> tuple[tuple[str, str | None, float], ...]:
    """The Summary's columns: the year's columns after the schedule when `year`; of them, the
    figure and its share only when they would not repeat the latest and its share (`figures`:
    ReportView.year_figures)."""
    if not year:
        return COLUMNS
    at = KEYS.index("schedule_gap_pts") + 1
    kept = YEAR_COLUMNS if figures else tuple(c for c in YEAR_COLUMNS if c[0] == "ytd_yoy_pct")
    return COLUMNS[:at] + kept + COLUMNS[at:]


# Rows are as tall as the printed columns need. The latest source and the notes, after them,
# are each in one line (their full text is in the cell and in the target's block): wrapped,
# the long citations made every row tall, and the notes made the printed rows up to seven
# lines tall and empty.
WRAPPED = ("target_name", "check", "latest_period")
SHOWN_FIGURES = ("share_of_target_pct", "actual_cagr", "required_cagr", "pace_ratio")
# Columns, the latest one darker. A line sparkline would do as well in Excel, but LibreOffice
# (7.4) prints only its markers; columns print in both.
SPARKLINE = {
    "type": "column",
    "series_color": "#9DC3E6",
    "last_point": True,
    "last_color": "#1F4E79",
}


def _row(view: TargetView, book: Book) -> dict[str, Any]:
    report, words, result = book.report, book.words, view.result
    t, f, s = result.target, result.figures, book.scale(result)

    def shown(key: str) -> Any:
        """A figure where it says something of this goal this month (outcome.shown)."""
        return getattr(f, key) if outcome.shown(key, result, report.as_of) else None

    projected = shown("projected_at_deadline")
    # a goal for one year, in its year: its 1—N月 as its latest, as the bulletin's table says it
    ytd = result.ytd if view.ytd_as_latest else None
    return {
        "region": view.region,
        "target_name": view.name,
        "status": view.status_text,
        "outlook": view.outlook or None,
        "check": view.check_line or None,
        "share_of_target_pct": f.ytd_share_of_target_pct if ytd else shown("share_of_target_pct"),
        # one column against the schedule: the year's for a goal in its own year, else the
        # plan's (method: only one of them is defined), where page 1's table gives one: not
        # once a plan's deadline has passed (the outcome speaks; -85.7 stood under 与序时进度相比
        # beside 待期末数据, a Chinese reader's find). Its block and the JSON keep it.
        "schedule_gap_pts": (
            None
            if view.year_cells.gap == DASH
            else f.ytd_schedule_gap_pts
            if result.own_year
            else f.schedule_gap_pts
        ),
        "ytd": s.of(result.ytd.value) if result.ytd else None,
        "ytd_share_of_target_pct": f.ytd_share_of_target_pct,
        "ytd_yoy_pct": f.ytd_yoy_pct,
        # a goal for one year's latest figure only when it is of its year (view.latest)
        "latest": s.of(ytd.value) if ytd else s.of(view.latest.value) if view.latest else None,
        "latest_period": words.figure_period(ytd) if ytd else _latest_period(view, words),
        "trend": None,  # the sparkline
        "latest_source": (view.ytd_source if ytd else view.latest_source) or None,
        "goal": s.of(t.target),
        "deadline": t.deadline,
        "unit": s.unit,
        "actual_cagr": shown("actual_cagr"),
        "required_cagr": shown("required_cagr"),
        "pace_ratio": shown("pace_ratio"),
        "projected_at_deadline": s.of(projected) if projected is not None else None,
        "changed": words("yes") if result.changed else words("no"),
        "notes": notes_text(view, words, (*SHOWN_FIGURES, "projected_at_deadline")) or None,
    }


def _derived(key: str, result: TargetResult, book: Book) -> str:
    """A computed figure's format: the projection, and the year-to-date sum in its goal's own
    year, kept apart from its goal."""
    scale = book.scale(result)
    if key == "ytd":
        return scale.derived(result.ytd.value if result.ytd else None, result.ytd_goal)
    return scale.derived(getattr(result.figures, key), result.target.target)


def _latest_period(view: TargetView, words: Words) -> str | None:
    """The latest figure's period, with what is said of it (estimate, month presumed, unchanged
    since an earlier year) on a line of its own: `2023年5月` / `（月份为推定）`."""
    latest = view.latest
    if latest is None:
        return None
    said = period_said(latest, words, view.unchanged)
    period = words.figure_period(latest)
    aside = said.removeprefix(period).strip()
    return f"{period}\n{aside}" if aside and said.startswith(period) else said


def _counts_line(report: Report, words: Words) -> str:
    counts = outcome.counts_said(report, words, marked=True)
    return words("{targets}: {counts}").format(
        targets=targets_count(len(report.targets), words), counts=counts
    )


def _sentence(
    ws: Worksheet,
    book: Book,
    row: int,
    text: str,
    style: Style,
    cols: tuple[tuple[str, str | None, float], ...],
) -> None:
    """A line above (or under) the table, wrapped across the table's width: it never widens
    the page (a long line left to overflow made LibreOffice print the table at a fraction of
    its size). Chinese is broken as Chinese is set, as page 1's lines are: LibreOffice started
    lines with "；待期末数据" and with the "”" of “≤” (a Chinese reader's find)."""
    fmt = book.formats(style, WRAP)
    ws.merge_range(row, 0, row, len(cols) - 1, "", fmt)
    size = float(style.get("font_size", 11))
    room = sum(c[2] for c in cols) * 11 / size
    text = chinese_lines(text, room, sentence=True)
    put(ws, row, 0, text, fmt)
    height = fitted_height([(text, room)])
    if height is not None or size > 11:
        ws.set_row(row, (height or row_height(1)) * size / 11)


def _cells(table: Table, col: int) -> str:
    return f"{quote_sheetname(table.sheet)}!{xl_range(table.first, col, table.last, col)}"


def _add_sparklines(ws: Worksheet, col: int, rows: list[tuple[int, Table, bool]]) -> None:
    """A sparkline per target in column `col`, drawn from its values (column B of its table).

    The columns are evenly spaced, in period order: a sparkline's date axis would space them
    by date, but LibreOffice (7.4) cannot open a workbook with one; the native chart on the
    region sheet has the time axis. Columns rise from zero, so their heights compare as the
    values do, unless a value is negative (then the axis is each sparkline's own). Two groups
    hold them all: xlsxwriter builds a style table for every group, some 0.4 ms each.
    """
    for from_zero in (True, False):
        group = [(row, table) for row, table, zero in rows if zero is from_zero]
        if group:
            ws.add_sparkline(
                group[0][0],
                col,
                {
                    **SPARKLINE,
                    **({"min": 0} if from_zero else {}),
                    "location": [xl_rowcol_to_cell(row, col) for row, _t in group],
                    "range": [_cells(table, 1) for _r, table in group],
                },
            )


# printed columns kept only where a goal has something in them (_fitted)
OPTIONAL = ("schedule_gap_pts", "ytd_yoy_pct", "outlook", "check")


def _fitted(
    cols: tuple[tuple[str, str | None, float], ...], rows: list[dict[str, Any]], words: Words
) -> tuple[tuple[str, str | None, float], ...]:
    """The columns, the region's and the status's no wider than their texts need (小北河 and
    ○ 待期末数据 in columns set for Xiaobeihe and ○ Awaiting final figure): room for the goal's
    column on the printed page. A printed column no goal has a figure or a word in is left
    out, as page 1's table leaves out 与序时进度相比 and 同比增长 where no goal has one: the
    shipped goals, all past their deadline, printed an empty 与序时进度相比, and 期末预判 and
    数据核实 stood empty (a Chinese reader's find)."""

    def width(key: str, most: float) -> float:
        if key not in ("region", "status"):
            return most
        return fitted_width([r[key] for r in rows], most, bold=key == "status")

    def said(key: str) -> bool:
        return key not in OPTIONAL or any(r[key] is not None for r in rows)

    return tuple((key, fmt, width(key, most)) for key, fmt, most in cols if said(key))


def _heading_widths(
    headings: list[str], widths: list[float], printed: int, words: Words
) -> list[float]:
    """The columns' widths, those after the printed ones wide enough for their headings in
    no more lines than the printed headings take (two at least): 规划年均增速（按目标值推算）, four
    lines in a column 10 wide, made the printed heading row, repeated on every page, twice as
    tall as its headings. Headings are measured as heading_text breaks them."""

    def lines(c: int, width: float) -> int:
        return text_lines(*heading_text(headings[c], width, words))

    most = max(2, *(lines(c, widths[c]) for c in range(printed)))
    wider = list(widths)
    for c in range(printed, len(widths)):
        while lines(c, wider[c]) > most and wider[c] < 40:
            wider[c] += 1
    return wider


def write_summary(book: Book, ws: Worksheet) -> None:
    report, words, f = book.report, book.words, book.formats
    given = {id(view): _row(view, book) for view in book.view.targets}
    named = book.view.regions_named
    cols = _fitted(
        region_kept(columns(book.view.year_columns, book.view.year_figures), named),
        list(given.values()),
        words,
    )
    keys = [c[0] for c in cols]
    # Printed, the Summary is the director's columns (up to the trend), with the lines above
    # the table wrapped across them: all 20-odd columns, fit to one page wide, printed at
    # 4.5 pt. The deadline, the latest source, the rates and the notes are on screen, and
    # printed in each goal's block on its region sheet.
    printed = cols[: keys.index("trend") + 1]
    _sentence(ws, book, 0, book.head, TITLE, printed)
    # The outcome of passed deadlines comes first, before any table.
    lines = outcome.headline(report, words)
    for n, line in enumerate(lines, 1):
        _sentence(ws, book, n, line, BOLD, printed)
    _sentence(ws, book, 1 + len(lines), _counts_line(report, words), {}, printed)
    header = 3 + len(lines)
    headings = [figure_label(k, words) for k in keys]
    fitted = _heading_widths(headings, [c[2] for c in cols], len(printed), words)
    widths = heading_row(ws, f, header, headings, fitted, words)
    # One format per column (the scaled ones per scale too), made before the rows.
    plain = {
        key: f(TOP, num_format=date_format(words) if fmt == "date" else fmt or "General")
        for key, fmt, _w in cols
    }
    plain.update(target_name=f(WRAP), check=f(WRAP, CHECK))
    # the period set apart from the figure right-aligned before it: printed, "35" and "2023年5月"
    # read as "352023年5月" (a Chinese reader's find)
    plain["latest_period"] = f(WRAP, INDENT)
    formats = [plain[key] for key in keys]
    scaled = [i for i, c in enumerate(cols) if c[1] == "scaled"]
    derived = [i for i, c in enumerate(cols) if c[1] == "derived"]
    shares = [i for i, c in enumerate(cols) if c[0] in SHARES]
    status_col, trend_col, goal_col = keys.index("status"), keys.index("trend"), keys.index("goal")
    wrapped = [(keys.index(k), widths[keys.index(k)]) for k in WRAPPED if k in keys]
    band, band_title = f(BAND), f(SUBTITLE, BAND)
    sparklines: list[tuple[int, Table, bool]] = []
    row = header
    for region in book.view.regions:
        # a band above each region's rows; of one region, the title names it and the line
        # above the table counts its goals (测试县（共5项目标） under them read as a leftover,
        # a Chinese reader's find)
        if named:
            row += 1
            count = targets_count(len(region.targets), words)
            band_text = words("{region} ({count})").format(region=region.label, count=count)
            put(ws, row, 0, band_text, band_title)
            for c in range(1, len(cols)):
                ws.write_blank(row, c, None, band)
        for view in region.targets:
            result = view.result
            row += 1
            values = [given[id(view)][k] for k in keys]
            cells = formats.copy()
            scale = book.scale(result)
            for c in scaled:
                cells[c] = f(TOP, num_format=scale.number_format)
            if view.goal_mark:  # ≤100 for a cap, as page 1's table has it
                cells[goal_col] = f(TOP, num_format=f'"{view.goal_mark}"{scale.number_format}')
            for c in derived:  # computed figures (the projection), kept apart from the goal
                cells[c] = f(TOP, num_format=_derived(keys[c], result, book))
            if view.ytd_as_latest:  # its 1—N月, kept apart from its goal as in its own column
                cells[keys.index("latest")] = f(TOP, num_format=_derived("ytd", result, book))
            for c in shares:  # 99.99 %, never 100.0 % beside a goal not met
                cells[c] = f(TOP, num_format=share_format(values[c]))
            cells[status_col] = f.status(result.status)
            for c, value in enumerate(values):
                put(ws, row, c, value, cells[c])
            table = book.tables.get(id(result))
            # A trend needs two figures: one alone would fill the cell with a single column.
            if table is not None and table.last > table.first:
                positive = all(o.value >= 0 for o in result.observations)
                sparklines.append((row, table, positive))
            fit_row(ws, row, [(values[c], width) for c, width in wrapped])
    _add_sparklines(ws, trend_col, sparklines)
    last = max(row, header + 1)
    note = book.bulletin.summary_note
    if note:  # under the table, printed with it; outside the filter's range
        # a narrow row apart, as a bulletin sets its 注 close under its table: with a row of
        # a line's height, LibreOffice left the note out of the print where the table ended
        # just above the page's foot
        ws.set_row(last + 1, 6)
        _sentence(ws, book, last + 2, note, {}, printed)
    share = keys.index("share_of_target_pct")
    ws.conditional_format(
        header + 1,
        share,
        last,
        share,
        {
            "type": "data_bar",
            "min_type": "num",
            "min_value": 0,
            "max_type": "num",
            "max_value": 100,
            "bar_color": DATA_BAR,
            "data_bar_2010": False,
        },
    )
    ws.freeze_panes(header + 1, keys.index("target_name") + 1)  # the goal's name in view
    ws.autofilter(header, 0, last, len(cols) - 1)
    print_setup(ws, ws.get_name(), book.head, words, title_row=header)
    ws.print_area(0, 0, last + 2 if note else last, len(printed) - 1)
