"""One native scatter chart per target: actual series, required path, target level, deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
    RichTextProperties,
)
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet

from ...i18n import _
from ...model import TargetResult
from ...periods import years_between
from .common import figure_label
from .styles import Scale, put

# Chart data sit in these columns of the region sheet, right of the print area.
DATA_COL = 17  # Q
DATA_WIDTH = 8


@dataclass(frozen=True)
class Line:
    """One series: its legend key, points, colour, dash and whether points get markers."""

    key: str
    points: list[tuple[dt.date, float]]
    colour: str
    dash: str | None
    markers: bool


def required_path(result: TargetResult) -> list[tuple[dt.date, float]]:
    """Baseline to target at the required constant growth, with a point at each year end."""
    base, t = result.baseline, result.target
    if base is None or base.value <= 0 or t.target <= 0 or base.end >= t.deadline:
        return []
    total = years_between(base.end, t.deadline)
    days = [base.end] + [
        dt.date(y, 12, 31)
        for y in range(base.end.year, t.deadline.year)
        if dt.date(y, 12, 31) > base.end
    ]
    days.append(t.deadline)
    ratio = t.target / base.value
    return [(d, base.value * ratio ** (years_between(base.end, d) / total)) for d in days]


@dataclass(frozen=True)
class Frame:
    """The axes' ranges: whole years around the data, and zero to a little above the top."""

    start: dt.date
    end: dt.date
    top: float


def lines(result: TargetResult, scale: Scale) -> tuple[list[Line], Frame]:
    """The four series of the chart, scaled, and the frame that holds them."""
    t = result.target
    actual = [(o.end, scale.of(o.value) or 0.0) for o in result.observations]
    path = [(d, scale.of(v) or 0.0) for d, v in required_path(result)]
    dates = [d for d, _ in actual + path] + [t.deadline]
    # From one year end to another, with at least half a year after the last point so the
    # deadline marker never sits on the frame. Ticks fall on 31 December: a figure for 2021
    # (period end 2021-12-31) sits on the tick labelled 2021.
    start = dt.date(min(dates).year - 1, 12, 31)
    end = dt.date((max(dates) + dt.timedelta(days=180)).year, 12, 31)
    goal = scale.of(t.target) or 0.0
    top = 1.15 * max([goal] + [v for _, v in actual + path])
    out = [
        Line("actual", actual, "1F4E79", None, True),
        Line("required_path", path, "7F7F7F", "dash", False),
        Line("target_level", [(start, goal), (end, goal)], "548235", "sysDash", False),
        Line("deadline_marker", [(t.deadline, 0.0), (t.deadline, top)], "C00000", "sysDot", False),
    ]
    return [line for line in out if line.points], Frame(start, end, top)


def _title(text: str, size: int = 1100, horizontal: bool = False) -> Title:
    """A one-line chart or axis title (the default 14 pt wraps and squeezes the plot).

    `horizontal` keeps a value axis's title upright (rot=0): Excel and LibreOffice turn it
    sideways by default, and a sideways 亿双 is hard to read.
    """
    font = CharacterProperties(sz=size, b=True)
    paragraph = Paragraph(
        pPr=ParagraphProperties(defRPr=font), r=[RegularTextRun(rPr=font, t=text)]
    )
    body = RichTextProperties(rot=0, vert="horz") if horizontal else None
    return Title(tx=Text(rich=RichText(bodyPr=body, p=[paragraph])), overlay=False)


def write_chart_data(ws: Worksheet, row: int, series: list[Line], lang: str) -> list[int]:
    """Write each series as date/value column pairs starting at `row`; returns point counts."""
    put(ws, row, DATA_COL, _("Chart data", lang))
    for i, line in enumerate(series):
        col = DATA_COL + 2 * i
        put(ws, row + 1, col, figure_label(line.key, lang))
        for n, (day, value) in enumerate(line.points, row + 2):
            put(ws, n, col, day)
            put(ws, n, col + 1, value)
    return [len(line.points) for line in series]


def build_chart(
    ws: Worksheet, row: int, series: list[Line], frame: Frame, title: str, scale: Scale, lang: str
) -> ScatterChart:
    """A scatter chart over the data written by `write_chart_data` at `row`."""
    chart = ScatterChart()
    chart.title = _title(title)
    chart.style = 2
    chart.height, chart.width = 8.5, 16.5
    chart.legend.position = "b"
    chart.x_axis.title = _title(_("Year end", lang), 900)
    chart.y_axis.title = _title(scale.unit, 900, horizontal=True)
    chart.x_axis.number_format = "yyyy"
    chart.x_axis.majorUnit = 365.25
    chart.y_axis.number_format = scale.number_format
    chart.x_axis.delete = False  # openpyxl hides axes unless told otherwise
    chart.y_axis.delete = False
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = frame.top
    # A value axis steps by a fixed 365.25 days, which drifts from 31 December by at most
    # 0.75 day either way over leap years; starting 0.2 day in keeps every tick between
    # 30 December noon and 31 December 23:00, so each label names the right year.
    chart.x_axis.scaling.min = to_excel(frame.start) + 0.2
    chart.x_axis.scaling.max = to_excel(frame.end) + 0.2
    for i, line in enumerate(series):
        col = DATA_COL + 2 * i
        first_row, last_row = row + 2, row + 1 + len(line.points)
        xs = Reference(ws, min_col=col, min_row=first_row, max_row=last_row)
        ys = Reference(ws, min_col=col + 1, min_row=first_row, max_row=last_row)
        s = Series(ys, xs, title=figure_label(line.key, lang))
        s.smooth = False
        s.graphicalProperties = GraphicalProperties(
            ln=LineProperties(solidFill=line.colour, w=28575 if line.markers else 19050)
        )
        if line.dash:
            s.graphicalProperties.line.prstDash = line.dash
        s.marker.symbol = "circle" if line.markers else "none"
        if line.markers:
            s.marker.size = 6
            s.marker.graphicalProperties = GraphicalProperties(solidFill=line.colour)
            s.marker.graphicalProperties.line.solidFill = line.colour
        chart.series.append(s)
    return chart
