"""Periods and report months."""

from __future__ import annotations

import datetime as dt

import pytest

from sockprogress.periods import Month, add_years, parse_period, years_between


@pytest.mark.parametrize(
    ("raw", "kind", "text", "end"),
    [
        ("2024", "year", "2024", dt.date(2024, 12, 31)),
        (2024, "year", "2024", dt.date(2024, 12, 31)),
        (2024.0, "year", "2024", dt.date(2024, 12, 31)),
        (" 2025-02 ", "month", "2025-02", dt.date(2025, 2, 28)),
        ("2024-02", "month", "2024-02", dt.date(2024, 2, 29)),
        ("2025-06-20", "date", "2025-06-20", dt.date(2025, 6, 20)),
        (dt.datetime(2025, 6, 1), "date", "2025-06-01", dt.date(2025, 6, 1)),
    ],
    ids=[
        "year-text",
        "year-int",
        "year-float",
        "month-spaces",
        "leap-february",
        "date-text",
        "date-cell",
    ],
)
def test_period_end_dates(raw: object, kind: str, text: str, end: dt.date) -> None:
    p = parse_period(raw)
    assert (p.kind, p.text, p.end) == (kind, text, end)


@pytest.mark.parametrize(
    "raw", ["2025-13", "25-06", "2025/6", "June 2025", "", "2025-02-30", 12.5, True]
)
def test_bad_periods_say_how_to_write_one(raw: object) -> None:
    with pytest.raises(ValueError, match=r"write a year|not a date|is empty"):
        parse_period(raw)


def test_month_arithmetic() -> None:
    m = Month.parse("2026-01")
    assert str(m.shift(-1)) == "2025-12"
    assert str(m.shift(-13)) == "2024-12"
    assert m.end == dt.date(2026, 1, 31)
    assert Month.last_complete(dt.date(2026, 11, 22)) == Month(2026, 10)
    assert Month.last_complete(dt.date(2026, 1, 5)) == Month(2025, 12)
    with pytest.raises(ValueError, match="YYYY-MM"):
        Month.parse("2026-1x")


def test_years_are_days_over_365_25() -> None:
    assert years_between(dt.date(2021, 12, 31), dt.date(2025, 12, 31)) == 1461 / 365.25
    assert add_years(dt.date(2024, 1, 1), 1.0) == dt.date(2024, 12, 31)  # 365.25 days, rounded
