"""Periods as written in the actuals sheet (`2024`, `2025-06`, a date) and report months.

A period may also be typed the ways people type one: `2026年` (`2026年度`, `2026年全年`,
`2025年末`), `2026年9月`, `2026/9`, `2026.09`,
`2026-9`, `2025年6月30日`, `2025/6/30`, in full-width characters too. Each reads as the same
period as its canonical spelling (`2026`, `2026-09`, `2025-06-30`), which is the text kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .words.catalogue import filled
from .words.messages import issue_message_id

PeriodKind = Literal["year", "month", "date"]

_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# The other spellings, read after NFKC (full-width digits, slash, dot and hyphen become ASCII).
# A four-digit year comes first, so nothing is guessed: 2026/9 can only be September 2026. One
# separator throughout (2026/9/30, never 2026/9-30); a Chinese month ends in 月, a day in 日.
# 2026年度, 2026年全年 and 2025年末 (a level at the year's end) are the year too.
_YEAR_ZH = re.compile(r"(\d{4})\s*(?:年\s*度?\s*(?:全年|末|底)?|全年)")
_MONTH_OTHER = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})")
# 2026年3月底 / 3月末 (a level at the month's end, as progress notices write it) and 3月份 are the
# month too.
_MONTH_ZH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*[底末份]?")
_DATE_OTHER = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})")
_DATE_ZH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# January to a month (2026年1-10月, 2026年1—10月, 2026.1-10): a year-to-date figure, which the
# sheet writes at its last month with basis ytd; said so, not read (nothing is guessed).
_SPAN = re.compile(r"(\d{4})\s*[年./-]?\s*1\s*[-—–~至到]\s*(\d{1,2})\s*月?")

# The years a period, a report month, a baseline or a deadline may fall in. No statistic this
# tool judges predates 1900, and no plan runs past 2200: a year outside is a typo ("0221",
# "1021" for 2021; 20250 for 2025), and far-off dates also overflow the date arithmetic.
FIRST_YEAR = 1900
LAST_YEAR = 2200
YEARS_HINT = f"years {FIRST_YEAR} to {LAST_YEAR}"
# Day 0 of Excel's 1900 date system, as its serial numbers count (1 March 1900 on): the
# workbook writes dates so, and a date whose cell shows General is read back from one.
EXCEL_EPOCH = dt.date(1899, 12, 30)


class PeriodError(ValueError):
    """A cell or option that is not a period: the data issue `period_invalid`, with `fault`
    (why: empty, month, date, year, or "" for no period at all) and what the message names.

    Its words are the catalogue's (words/messages.py ISSUE_VARIANTS): in English as raised,
    and in the reader's words where it is shown (the Actuals reader makes it a data issue, the
    targets reader an error about a key).
    """

    code = "period_invalid"

    def __init__(self, fault: str, **params: object) -> None:
        self.params = tuple((k, str(v)) for k, v in {**params, "fault": fault}.items())
        given = dict(self.params)
        super().__init__(filled(issue_message_id(self.code, given) or self.code, given))


def check_year(year: int, raw: object) -> None:
    """Raise PeriodError unless year lies in FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError("year", value=raw, year=year, first=FIRST_YEAR, last=LAST_YEAR)


@dataclass(frozen=True, order=True)
class Period:
    """A year, a month or a day; `end` is the date that counts for judging."""

    end: dt.date
    kind: PeriodKind
    text: str

    @property
    def year(self) -> int:
        return self.end.year

    @property
    def month(self) -> int:
        return self.end.month


@cache  # a province asks for the same few hundred month ends some 200,000 times
def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def year_period(year: int) -> Period:
    return Period(dt.date(year, 12, 31), "year", f"{year:04d}")


def month_period(year: int, month: int) -> Period:
    return Period(month_end(year, month), "month", f"{year:04d}-{month:02d}")


def _valid_month(year: int, month: int, raw: str) -> Period:
    check_year(year, raw)
    if not 1 <= month <= 12:
        raise PeriodError("month", value=raw, month=month)
    return month_period(year, month)


def _date(year: int, month: int, day: int, raw: str) -> Period:
    check_year(year, raw)
    try:
        end = dt.date(year, month, day)
    except ValueError:
        raise PeriodError("date", value=raw) from None
    return Period(end, "date", end.isoformat())


def parse_period(value: object) -> Period:
    """Read a period cell: text `2024` / `2025-06` / `2025-06-30` (or another spelling of
    one: `2025年6月`, `2025/6`, `2025.06`, `2025年`), a whole number, or a date.

    Raises PeriodError (a ValueError) when the cell is not a period.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        check_year(value.year, value.isoformat())
        return Period(value, "date", value.isoformat())
    if isinstance(value, bool):
        raise PeriodError("", value=value)
    if isinstance(value, int | float):
        if float(value).is_integer() and FIRST_YEAR <= value <= LAST_YEAR:
            return year_period(int(value))
        raise PeriodError("", value=value)
    raw = str(value).strip()
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        raise PeriodError("empty", value=raw)
    if m := _YEAR.fullmatch(text) or _YEAR_ZH.fullmatch(text):
        check_year(int(m[1]), raw)
        return year_period(int(m[1]))
    if m := _MONTH.fullmatch(text) or _MONTH_ZH.fullmatch(text):
        return _valid_month(int(m[1]), int(m[2]), raw)
    if m := _MONTH_OTHER.fullmatch(text):
        return _valid_month(int(m[1]), int(m[3]), raw)
    if m := _DATE.fullmatch(text) or _DATE_ZH.fullmatch(text):
        return _date(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _DATE_OTHER.fullmatch(text):
        return _date(int(m[1]), int(m[3]), int(m[4]), raw)
    if last := ytd_span(text):
        raise PeriodError("span", value=raw, last=last)
    raise PeriodError("", value=raw)


def ytd_span(value: str) -> str | None:
    """The month a January-to-month span ends at (`2026年1—10月` -> `2026-10`), or None: the
    period a 1—N月 sum is written at."""
    text = unicodedata.normalize("NFKC", value).strip()
    if (m := _SPAN.fullmatch(text)) and 1 < int(m[2]) <= 12:
        return f"{int(m[1]):04d}-{int(m[2]):02d}"
    return None


def span_read_at(period: object, basis: str) -> str | None:
    """The month a 1—N月 sum written as bulletins write it (`2026年1—10月`) is read at, with
    basis ytd, when its (cleaned) basis is blank or ytd; None otherwise: with another basis a
    span stays refused. `actuals add` and the sheet's reader take it alike."""
    if not isinstance(period, str) or basis not in ("", "ytd"):
        return None
    return ytd_span(period)


@dataclass(frozen=True, order=True)
class Month:
    """A report month (`--as-of 2026-10`)."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        m = _MONTH.fullmatch(text.strip())
        if not m or not 1 <= int(m[2]) <= 12:
            raise ValueError(f"'{text}' is not a month; write YYYY-MM, e.g. 2026-10")
        if not FIRST_YEAR <= int(m[1]) <= LAST_YEAR:
            raise ValueError(f"'{text}' is not a plausible month: use {YEARS_HINT}")
        return cls(int(m[1]), int(m[2]))

    @classmethod
    def last_complete(cls, today: dt.date) -> Month:
        return cls(today.year, today.month).shift(-1)

    @property
    def index(self) -> int:
        """Months since the start of year 0: two months' difference is their indexes'."""
        return self.year * 12 + self.month - 1

    def shift(self, months: int) -> Month:
        index = self.index + months
        return Month(index // 12, index % 12 + 1)

    @property
    def end(self) -> dt.date:
        return month_end(self.year, self.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def years_between(start: dt.date, end: dt.date) -> float:
    """Years from start to end as the method counts them: days / 365.25."""
    return (end - start).days / 365.25


def months_between(start: dt.date, end: dt.date) -> float:
    """Months from start to end as the method counts them: whole months between month ends,
    fractional for a day inside a month (2020-12-31 -> 2023-12-31 is 36; 2026-01-31 ->
    2026-02-14 is 0.5).

    12 (b.year - a.year) + (b.month - a.month) + b.day / days_in_month(b) - a.day /
    days_in_month(a).
    """
    whole = 12 * (end.year - start.year) + (end.month - start.month)
    return (
        whole
        + end.day / calendar.monthrange(end.year, end.month)[1]
        - start.day / calendar.monthrange(start.year, start.month)[1]
    )


def add_years(start: dt.date, years: float) -> dt.date:
    """The date `years` (days / 365.25) after start, rounded to the nearest day."""
    return start + dt.timedelta(days=round(years * 365.25))
