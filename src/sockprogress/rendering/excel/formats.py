"""Cell formats: the number formats, colours and fonts of the workbook, and each target's scale.

xlsxwriter makes a new Format for every `add_format` call; `Formats` makes each distinct one
once per workbook and hands the same object back, so a cell costs a dictionary lookup at most.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

from ...periods import EXCEL_EPOCH
from ...words.words import Words, faithful_digits, percent_digits

# Properties of a format, as xlsxwriter's add_format takes them.
Style = Mapping[str, Any]

DARK_BLUE = "#1F3864"
HEADER: Style = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#305496", "pattern": 1}
HEADING: Style = {**HEADER, "text_wrap": True, "valign": "vcenter", "align": "center"}
BAND: Style = {"bg_color": "#D9E1F2", "pattern": 1}
TITLE: Style = {"bold": True, "font_size": 14, "font_color": DARK_BLUE}
SUBTITLE: Style = {"bold": True, "font_size": 12, "font_color": DARK_BLUE}
MUTED: Style = {"italic": True, "font_color": "#595959"}
CHECK: Style = {"bold": True, "font_color": "#8A1C00"}
BOLD: Style = {"bold": True}
ITALIC: Style = {"italic": True}
WRAP: Style = {"text_wrap": True, "valign": "top"}
TOP: Style = {"valign": "top"}
LEFT: Style = {"align": "left"}
INDENT: Style = {"align": "left", "indent": 1}
INDENT_WIDTH = 1.0  # an indent of one level: a character's width, as Excel sets it
RULE: Style = {"bottom": 1, "bottom_color": "#8EA9DB"}  # a thin rule under a block's heading
HASH: Style = {"font_name": "Liberation Mono", "font_size": 8.5}  # 64 digits in About's C

# Fill and text colour per status: green done or on pace, amber moderate, red behind or
# missed, blue waiting, grey unknown — the colours a reader already knows from Excel's styles.
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "achieved": ("#C6EFCE", "#006100"),
    "on_track": ("#C6EFCE", "#006100"),
    "moderate_progress": ("#FFEB9C", "#9C5700"),
    "insufficient_progress": ("#FFC7CE", "#9C0006"),
    "moving_away": ("#FFC7CE", "#9C0006"),
    "missed": ("#FFC7CE", "#9C0006"),
    "awaiting_final": ("#DDEBF7", "#1F4E78"),
    "not_assessable": ("#EDEDED", "#3A3A3A"),
}
SEVERITY_FILL = {"error": "#FFC7CE", "warning": "#FFEB9C"}
DATA_BAR = "#5B9BD5"

PCT = '0.0"%"'
RATE = "0.0%"
RATIO = "0.00"
PTS = "+0.0;-0.0;0.0"  # percentage points, signed: ahead of the schedule is positive
DECIMAL = "#,##0.00"
WHOLE = "0"  # a row number: no thousands separator
# The number format of each kind of computed figure (view.KINDS).
NUMBER_FORMATS = {"pct": PCT, "pts": PTS, "rate": RATE, "ratio": RATIO}
# Shares of a goal: never shown as 100.0 % when they are not (99.99 %), as words.percent says.
SHARES = ("share_of_target_pct", "ytd_share_of_target_pct")


def share_format(value: float | None) -> str:
    """A share of its goal's number format: one decimal, more when one would round it onto
    100 % (99.99 %, beside a goal not met), as `words.percent` shows it."""
    if value is None:
        return PCT
    digits = percent_digits(value, 1)
    return "0." + "0" * digits + '"%"' if digits else '0"%"'


# A period is shown as it was written: a year as a year, a month as a month, a date as a date,
# by the language's `workbook_periods` (locales.toml). The cell holds the period's last day
# (what the judging counts), so it sorts, filters and charts as a date.
# The canonical period text (periods.py) tells its kind by its length: 2024, 2025-06, 2025-06-30.
PERIOD_KINDS = {4: "year", 7: "month", 10: "date"}


def date_format(words: Words) -> str:
    return words.locale.workbook_periods["date"]


def period_format(period: str, words: Words) -> str:
    """The number format that shows a period's end date as the period was written."""
    kinds = words.locale.workbook_periods
    return kinds[PERIOD_KINDS.get(len(period), "date")]


def serial(day: dt.date) -> int:
    """The date as Excel stores it: days since EXCEL_EPOCH (1899-12-30)."""
    return (day - EXCEL_EPOCH).days


class Formats:
    """The formats of one workbook, each made once: `formats(TOP, num_format=RATE)`. Without
    `italic` (a language whose type is never slanted: locales.toml), italic styles are upright."""

    def __init__(self, workbook: Workbook, italic: bool = True) -> None:
        self.workbook = workbook
        self.italic = italic
        self.made: dict[tuple[tuple[str, Any], ...], Format] = {}
        self.numbers: dict[str, Format] = {}

    def __call__(self, *styles: Style, **more: Any) -> Format:
        props: dict[str, Any] = {}
        for style in styles:
            props.update(style)
        props.update(more)
        if not self.italic:
            props.pop("italic", None)
        key = tuple(sorted(props.items()))
        made = self.made.get(key)
        if made is None:
            made = self.made[key] = self.workbook.add_format(props)
        return made

    def number(self, number_format: str) -> Format:
        """A format with a number format only (the cells of tables and figures)."""
        made = self.numbers.get(number_format)
        if made is None:
            made = self.numbers[number_format] = self(num_format=number_format)
        return made

    def status(self, status: str) -> Format:
        """The status cell: its fill and a bold text colour."""
        fill, colour = STATUS_STYLE[status]
        return self(TOP, bold=True, font_color=colour, bg_color=fill, pattern=1)


@dataclass(frozen=True)
class Scale:
    """How one target's figures are shown: a divisor, a unit label and number formats.

    English keeps the full value in the cell and scales by display format (`,,,` divides by
    10^9). Chinese 亿 (10^8) and 万 (10^4) are not powers of a thousand, so no format can
    show them: the cell holds the value divided by `factor` and the unit label says 亿 or 万.
    `number_format` shows published figures and goals with the decimals they have (35, not
    35.00; 2.5, not 2.50); `derived_format` shows figures computed from them (a gap, a
    projection) with two; `axis_format` labels a chart's value axis.
    """

    factor: float
    unit: str
    number_format: str
    derived_format: str = DECIMAL
    axis_format: str = "General"
    # For `derived`: the divisor a display format applies (10^9 for `bn`) and its ending.
    shown_divisor: float = 1.0
    ending: str = ""
    # digits grouped in thousands (2,500) or not (2500), as the language writes figures
    grouped: bool = True

    def of(self, value: float | None) -> float | None:
        return None if value is None else value / self.factor

    def listed(self, value: float, goal: float) -> str:
        """A year's 1—N月 in its table's column: the column's format (308 among 252.0 and
        280.0 read as another kind of figure, a Chinese reader's find), more decimals where
        that would round it onto or across its goal (35.996亿, not 36.0), as `derived` keeps it."""
        found = re.search(r"\.(0+)", self.number_format)
        have = len(found.group(1)) if found else 0
        divisor = self.factor * self.shown_divisor
        if faithful_digits(value / divisor, have, (goal / divisor,)) == have or value == goal:
            return self.number_format
        return self.derived(value, goal)

    def derived(self, value: float | None, apart_from: float | None = None) -> str:
        """The format of one computed figure (a gap, a projection): one decimal, none when it
        is whole, more when one would round it onto or across `apart_from` (its goal), as the
        page shows it: 26.2 亿双, 35 亿双, 3.96 bn against a goal of 4 bn."""
        if value is None:
            return self.derived_format
        x = value / self.factor / self.shown_divisor
        bound = (
            ()
            if apart_from is None or apart_from == value
            else (apart_from / self.factor / self.shown_divisor,)
        )
        digits = faithful_digits(x, 0 if float(x).is_integer() else 1, bound)
        if self.ending:
            scaling, suffix = self.ending.split("|")
            return _with(min(digits, 6), scaling, suffix)
        return _with(digits, grouped=self.grouped)


def decimals(values: Iterable[float], divisor: float = 1.0) -> int:
    """The decimals (0, 1 or 2) that show every value / divisor as it is, at most two."""
    most = 0
    for value in values:
        x = value / divisor
        for d in (0, 1):
            shifted = x * 10**d
            if abs(shifted - round(shifted)) <= 1e-9 * max(1.0, abs(shifted)):
                most = max(most, d)
                break
        else:
            return 2
    return most


def _with(decimals: int, scaling: str = "", suffix: str = "", grouped: bool = True) -> str:
    return (
        ("#,##0" if grouped else "0")
        + ("." + "0" * decimals if decimals else "")
        + scaling
        + suffix
    )


def scale_for(
    magnitude: float, unit: str, words: Words, whole: bool = True, values: Iterable[float] = ()
) -> Scale:
    """The display scale for figures of about `magnitude` in `unit`; `values` are the published
    figures and the goal the formats must show exactly (`whole`: all are whole numbers)."""
    size = abs(magnitude)
    shown = [*values] or [magnitude]
    name = words.unit_as_shown(unit)
    divide = words.locale.workbook_scale == "divide"
    grouped = words.locale.grouping
    for limit, step in words.scale_steps(unit):
        if size < limit:
            continue
        if divide:  # the cell holds the value divided: 亿 and 万 are no power of a thousand
            number_format = _with(decimals(shown, limit), grouped=grouped)
            return Scale(
                limit, step + name, number_format, _with(2, grouped=grouped), grouped=grouped
            )
        # a display format divides by a thousand per comma: `,,,` shows 10^9 as 1
        scaling, suffix = "," * round(math.log10(limit) / 3), f'"{step}"'
        return Scale(
            1.0,
            name,
            _with(decimals(shown, limit), scaling, suffix),
            _with(2, scaling, suffix),
            _with(1, scaling, suffix),
            limit,
            f"{scaling}|{suffix}",
        )
    plain = _with(0 if whole else decimals(shown), grouped=grouped)
    return Scale(1.0, name, plain, _with(2, grouped=grouped), grouped=grouped)
