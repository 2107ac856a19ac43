"""One native scatter chart per target: the actual series, the path to the goal, goal, deadline.

The actual series is drawn from the target's own table of observations (period and value
columns), so no figure is written twice; only the guide lines (path, goal, deadline) take a few
cells, in a small table below the observations.

The x axis is a time axis: a tick on 1 January of each year, labelled with its year, so a
figure for May 2023 lies between the ticks 2023 and 2024, in the band of 2023.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from xlsxwriter.chart import Chart
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ...model import TargetResult
from ...words.words import Words
from ..outcome import schedule_path
from .formats import (
    HEADER,
    LEFT,
    SUBTITLE,
    Formats,
    Scale,
    date_format,
    serial,
)
from .labels import figure_label
from .layout import put

# A scatter chart's x axis steps by a fixed number of days, 365.25 to a year, which drifts
# from 1 January by up to 0.75 day either way over the leap years. Starting 0.8 day after
# midnight keeps every tick on 1 or 2 January, so each label names the year it starts.
YEAR = 365.25
TICK_OFFSET = 0.8
# Beyond this many points the actual series is a line without markers (a monthly series of
# two years and more would be a string of beads).
MARKERS_UP_TO = 20
ACTUAL = "#1F4E79"
# 12.1 cm by 8.5 cm: beside a region sheet's figures (columns D:H), printed at 100 %
WIDTH_PX, HEIGHT_PX = 456, 321


@dataclass(frozen=True)
class Line:
    """A guide line: its legend key, points, colour and dash."""

    key: str
    points: list[tuple[dt.date | float, float]]
    colour: str
    dash: str


@dataclass(frozen=True)
class Frame:
    """The axes' ranges: whole years around the data (x), zero or below to above the top (y)."""

    first_year: int
    last_year: int
    bottom: float
    top: float

    @property
    def start(self) -> float:
        """The x axis minimum: the tick of 1 January of the first year."""
        return serial(dt.date(self.first_year, 1, 1)) + TICK_OFFSET

    @property
    def end(self) -> float:
        """The x axis maximum: a whole number of steps on, the tick of the last year."""
        return self.start + YEAR * (self.last_year - self.first_year)


@dataclass(frozen=True)
class MonthFrame:
    """A year by month (outcome.by_month): x in months, from the start of the year (0) to its
    end (12) and half a month beyond, so the deadline marker never sits on the frame; values
    from zero (or the lowest) to above the top, as Frame's."""

    bottom: float
    top: float
    start = 0.0
    end = 12.5


def _span(values: list[float]) -> tuple[float, float]:
    """The value axis: from zero (or 15 % below the lowest) to 15 % above the top."""
    top = 1.15 * max(values) if max(values) > 0 else 1.0
    bottom = 1.15 * min(values) if min(values) < 0 else 0.0
    return bottom, top


def month_frame(result: TargetResult, scale: Scale) -> MonthFrame:
    values = [scale.of(o.value) or 0.0 for o in result.year_months]
    return MonthFrame(*_span([*values, scale.of(result.target.target) or 0.0]))


def month_lines(result: TargetResult, scale: Scale, frame: MonthFrame) -> list[Line]:
    """A year by month: its months' sums (drawn as the actual series), the year's schedule
    (序时进度: nothing at the start of the year, the goal at its end), the goal and the year's
    end. Each point's x is its month (1—N月 at N)."""
    goal = scale.of(result.target.target) or 0.0
    months = [(float(o.end.month), scale.of(o.value) or 0.0) for o in result.year_months]
    schedule = schedule_path(result)  # as the page draws it
    return [
        Line("year_to_date", list(months), ACTUAL, "solid"),
        Line("year_schedule", [(m, scale.of(v) or 0.0) for m, v in schedule], "#7F7F7F", "dash"),
        Line("year_goal", [(frame.start, goal), (frame.end, goal)], "#548235", "square_dot"),
        Line("year_end", [(12.0, frame.bottom), (12.0, frame.top)], "#C00000", "round_dot"),
    ]


def frame_for(result: TargetResult, scale: Scale, path: list[tuple[dt.date, float]]) -> Frame:
    """Whole years from the first point to at least half a year after the last one (so the
    deadline marker never sits on the frame); values from zero (or the lowest) to the top."""
    t = result.target
    dates = [o.end for o in result.observations] + [d for d, _v in path] + [t.deadline]
    first = min(dates)
    first_year = first.year if first > dt.date(first.year, 1, 1) else first.year - 1
    last_year = (max(dates) + dt.timedelta(days=180)).year + 1
    values = [scale.of(o.value) or 0.0 for o in result.observations]
    values += [scale.of(v) or 0.0 for _d, v in path] + [scale.of(t.target) or 0.0]
    return Frame(first_year, last_year, *_span(values))


def guide_lines(
    result: TargetResult, scale: Scale, frame: Frame, path: list[tuple[dt.date, float]]
) -> list[Line]:
    """The path to the goal (if there is a baseline), the goal level and the deadline."""
    t = result.target
    goal = scale.of(t.target) or 0.0
    lines = [
        Line("required_path", [(d, scale.of(v) or 0.0) for d, v in path], "#7F7F7F", "dash"),
        Line("target_level", [(frame.start, goal), (frame.end, goal)], "#548235", "square_dot"),
        Line(
            "deadline_marker",
            [(t.deadline, frame.bottom), (t.deadline, frame.top)],
            "#C00000",
            "round_dot",
        ),
    ]
    return [line for line in lines if line.points]


def write_guides(
    ws: Worksheet,
    row: int,
    lines: list[Line],
    value: Format,
    formats: Formats,
    words: Words,
    actual: Format | None = None,
) -> list[tuple[int, int, int]]:
    """The guide lines' points under a "Chart data" heading from `row` (0-based), in hidden
    rows: a date and a value column (in the format `value`; a year's months, drawn as the
    actual series, in `actual`) per line, side by side from column A, so the sheet grows no
    wider.

    Returns (first row, last row, date column) per line.
    """
    day = formats(LEFT, num_format=date_format(words))
    put(ws, row, 0, words("Chart data"), formats(SUBTITLE))
    heading = formats(HEADER)
    ranges = []
    year = formats(LEFT, num_format=words.locale.workbook_periods["year"])
    month = formats(LEFT, num_format="0.#")  # a month chart's x: the month, 0 to 12.5
    months = any(line.key == "year_schedule" for line in lines)
    for i, line in enumerate(lines):
        col = 2 * i
        x_is_day = line.key not in ("target_level", "year_goal")
        x_format = month if months else day if x_is_day else year
        ws.write_string(row + 1, col, figure_label(line.key, words), heading)
        ws.write_blank(row + 1, col + 1, None, heading)
        for n, (x, y) in enumerate(line.points, row + 2):
            # the goal runs across the frame, from its first year to its last
            put(ws, n, col, serial(x) if isinstance(x, dt.date) else x, x_format)
            put(ws, n, col + 1, y, actual if actual and line.key == "year_to_date" else value)
        ranges.append((row + 2, row + 1 + len(line.points), col))
    # Helper points for the chart (a goal line's two ends, the deadline's foot and head), of
    # no use to a reader: hidden, and the chart told to plot hidden cells.
    last = max((end for _, end, _ in ranges), default=row + 1)
    for r in range(row, last + 1):
        ws.set_row(r, None, None, {"hidden": True})
    return ranges


# xlsxwriter reads a chart title or series name that looks like `Sheet!A1` as a reference.
_LOOKS_LIKE_A_REFERENCE = re.compile(r"^=?[^!]+!\$?[A-Z]+\$?\d+")


def literal(text: str) -> bool:
    """True when `text` can be a chart's title or axis name as it is (not read as a reference)."""
    return _LOOKS_LIKE_A_REFERENCE.match(text) is None


def build_chart(
    workbook: Workbook,
    sheet: str,
    actual: tuple[int, int] | None,
    guides: list[tuple[Line, tuple[int, int, int]]],
    frame: Frame | MonthFrame,
    title: str | tuple[int, int],
    scale: Scale,
    words: Words,
) -> Chart:
    """A scatter chart: the actual series from rows `actual` (first, last; period in column A,
    value in B) of `sheet`, and the guide lines from where `write_guides` put them. `title` is
    the chart's title, or the (row, column) of a cell holding it."""
    chart = workbook.add_chart({"type": "scatter", "subtype": "straight_with_markers"})
    chart.show_hidden_data()  # the guide lines' points are in hidden rows

    def actual_series(first: int, last: int, col: int, key: str = "actual") -> None:
        markers = last - first + 1 <= MARKERS_UP_TO
        chart.add_series(
            {
                "name": figure_label(key, words),
                "categories": [sheet, first, col, last, col],
                "values": [sheet, first, col + 1, last, col + 1],
                "line": {"color": ACTUAL, "width": 2.25},
                "marker": (
                    {
                        "type": "circle",
                        "size": 6,
                        "fill": {"color": ACTUAL},
                        "border": {"color": ACTUAL},
                    }
                    if markers
                    else {"type": "none"}
                ),
                "smooth": False,
            }
        )

    if actual is not None:
        actual_series(*actual, 0)
    for line, (first, last, col) in guides:
        if line.key == "year_to_date":  # a year's months, drawn from the chart's own cells
            actual_series(first, last, col, line.key)
            continue
        chart.add_series(
            {
                "name": figure_label(line.key, words),
                "categories": [sheet, first, col, last, col],
                "values": [sheet, first, col + 1, last, col + 1],
                "line": {"color": line.colour, "width": 1.5, "dash_type": line.dash},
                "marker": {"type": "none"},
                "smooth": False,
            }
        )
    name: str | list[object] = title if isinstance(title, str) else [sheet, *title]
    chart.set_title({"name": name, "name_font": {"size": 11, "bold": True}, "overlay": False})
    x_axis: dict[str, object] = {
        "min": frame.start,
        "max": frame.end,
        "major_unit": YEAR,
        "num_format": "yyyy",
        "num_font": {"size": 9},
        "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
    }
    if isinstance(frame, MonthFrame):  # the months 1 to 12, the start of the year unlabelled
        x_axis |= {"major_unit": 1, "num_format": '[=0]"";0'}
        x_axis["name"] = words("the months of the year")
        x_axis["name_font"] = {"size": 9, "bold": False}
    chart.set_x_axis(x_axis)
    y_axis: dict[str, object] = {
        "min": frame.bottom,
        "max": frame.top,
        "num_format": scale.axis_format,
        "num_font": {"size": 9},
        "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
    }
    if scale.unit and literal(scale.unit):
        # Kept upright (rotation 0): a sideways 亿双 is hard to read.
        y_axis["name"] = scale.unit
        y_axis["name_font"] = {"size": 9, "bold": True, "rotation": 0}
    chart.set_y_axis(y_axis)
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": WIDTH_PX, "height": HEIGHT_PX})
    return chart
