"""Turn raw cells into clean values, one distinct cell value at a time.

A province's sheet has hundreds of thousands of rows but few distinct regions, indicators,
periods and bases, so each distinct value is parsed once and the result mapped back.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from ..periods import Period, parse_period

_THOUSANDS = re.compile(r"[+]?\d{1,3}(,\d{3})+(\.\d+)?")
_CN_UNIT = re.compile(r"([+]?\d+(?:\.\d+)?)\s*(亿|万)")
_CN_SCALE = {"亿": 1e8, "万": 1e4}
_NEAR_MONTH = re.compile(r"(\d{4})\s*[/.年-]\s*(\d{1,2})\s*月?")


class CellProblem(ValueError):
    """A cell that cannot be used; the row is left out.

    `code` and `params` let a report say it in its own language (rendering/text.py).
    """

    def __init__(self, message: str, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = tuple((k, str(v)) for k, v in params.items())


def clean_name(value: object) -> tuple[str, bool]:
    """Region or indicator text, NFKC-folded and trimmed; True when that changed it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise CellProblem("the cell is empty", "empty_cell")
    raw = str(value)
    folded = " ".join(unicodedata.normalize("NFKC", raw).split())
    if not folded:
        raise CellProblem("the cell is empty", "empty_cell")
    return folded, folded != raw


def clean_period(value: object) -> Period:
    """A year, month or date; a near miss like `2025/6` is flagged with the spelling to use."""
    if value is None or value == "":
        raise CellProblem(
            "the period is empty; write a year (2024), a month (2025-06) or a date", "period_empty"
        )
    try:
        return parse_period(value)
    except ValueError as exc:
        message, code, params = str(exc), "period_invalid", {"value": value}
    # Only the message is helped: a period is never guessed, since 25-06 could mean 2025-06
    # or June 2025's 25th and a wrong period silently moves a figure in time.
    if isinstance(value, str) and (m := _NEAR_MONTH.fullmatch(value.strip())):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            message = f"'{value}' is not a period; write the month as {year:04d}-{month:02d}"
            code, params = "period_near_miss", {"value": value, "month": f"{year:04d}-{month:02d}"}
    raise CellProblem(message, code, **params)


# The basis of a month row: "" or "month" (that month's amount), "ytd" (January through that
# month), "rate" (an annual rate stated at that month without a calendar year, "年产26亿双").
BASES = ("", "month", "ytd", "rate")


def clean_basis(value: object) -> str:
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).strip().lower()
    if text in BASES:
        return text
    raise CellProblem(
        f"unknown basis '{value}'; use month (that month's amount), ytd (January to that "
        "month) or rate (an annual rate stated at that month, no calendar year)",
        "basis_unknown",
        value=value,
    )


def clean_value(value: object) -> tuple[float, str | None]:
    """A positive number; text is read only when unambiguous, and then a warning says how."""
    if isinstance(value, bool):
        raise CellProblem(f"'{value}' is not a number", "value_not_a_number", value=value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        raise CellProblem(
            f"'{value}' is a date, not a number; format the cell as a number",
            "value_is_date",
            value=value,
        )
    if value is None or value == "":
        raise CellProblem("the value is empty; type the figure as a number", "value_empty")
    note = None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        number, note = _parse_text(str(value), text)
    if math.isnan(number) or math.isinf(number):
        raise CellProblem(f"'{value}' is not a finite number", "value_not_finite", value=value)
    if number <= 0:
        raise CellProblem(
            f"{number:g} is not above zero; progress is measured on positive values",
            "value_not_positive",
            value=f"{number:g}",
        )
    return number, note


def _parse_text(raw: str, text: str) -> tuple[float, str]:
    try:
        number = float(text)
        return number, f"the number '{raw}' was stored as text; read as {number:g}"
    except ValueError:
        pass
    if _THOUSANDS.fullmatch(text):
        number = float(text.replace(",", ""))
        return number, f"'{raw}' was stored as text; read as {number:g}"
    if m := _CN_UNIT.fullmatch(text):
        number = float(m[1]) * _CN_SCALE[m[2]]
        return number, f"'{raw}' was stored as text; read as {number:g}"
    raise CellProblem(
        f"'{raw}' is not a number; type the figure as a number, e.g. 3500000000",
        "value_not_number",
        value=raw,
    )
