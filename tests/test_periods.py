"""Periods and report months."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sockprogress.periods import Month, PeriodError, add_years, parse_period, years_between


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
    "raw",
    [
        "2025-13",
        "25-06",
        "6/2025",
        "June 2025",
        "",
        "2025-02-30",
        12.5,
        True,
        "2025年6",  # a Chinese month ends in 月
        "2025/6-30",  # one separator throughout
        "2025年13月",
        "25年6月",
        "2025/6/31",
        "20250/9",
    ],
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


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("2026年9月", "2026-09"),
        ("2026年09月", "2026-09"),
        ("2026年", "2026"),
        ("2026/9", "2026-09"),
        ("2026/09", "2026-09"),
        ("2026.09", "2026-09"),
        ("2026.9", "2026-09"),
        ("2026-9", "2026-09"),
        (" 2026 年 9 月 ", "2026-09"),
        ("２０２６年９月", "2026-09"),  # full-width digits
        ("\uff12\uff10\uff12\uff16\uff0f\uff10\uff19", "2026-09"),  # full-width digits and slash
        ("２０２６年", "2026"),
        # a year's total as bulletins head it, and a level at the year's end (a helper's find:
        # the most common ways to write a year were refused)
        ("2026年度", "2026"),
        ("2026年全年", "2026"),
        ("2026全年", "2026"),
        ("2026年度全年", "2026"),
        ("2025年末", "2025"),
        ("2025年底", "2025"),
        ("2025年6月30日", "2025-06-30"),
        ("2025/6/30", "2025-06-30"),
        ("2025.06.30", "2025-06-30"),
        ("2024年2月29日", "2024-02-29"),
        # the month's end and the month, as progress notices write them
        ("2026年3月底", "2026-03"),
        ("2026年3月末", "2026-03"),
        ("2026年10月份", "2026-10"),
    ],
)
def test_periods_typed_the_ways_people_type_them(raw: str, text: str) -> None:
    assert parse_period(raw) == parse_period(text)
    assert parse_period(raw).text == text  # the canonical spelling is what is kept


@pytest.mark.parametrize("raw", ["2026年1-10月", "2026年1—10月", "2026年1至10月", "2026.1-10"])
def test_a_span_from_january_is_said_to_be_a_year_to_date_figure(raw: str) -> None:
    """1—10月 is a year-to-date figure: written at its last month with basis ytd. It is
    refused with that said, not read as one month (nothing is guessed)."""
    with pytest.raises(PeriodError) as refused:
        parse_period(raw)
    assert dict(refused.value.params) == {"value": raw, "last": "2026-10", "fault": "span"}
    assert "written at that month (2026-10) with basis ytd" in str(refused.value)


@pytest.mark.parametrize("raw", ["0221年", "1021年9月", "2201年1月", "1899/12", "0025.6"])
def test_typed_periods_keep_the_plausible_years(raw: str) -> None:
    with pytest.raises(ValueError, match="not a plausible period"):
        parse_period(raw)


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@given(
    st.integers(1900, 2200),
    st.integers(1, 12),
    st.sampled_from(
        ["{y}年{m}月", "{y}年{m:02d}月", "{y}/{m}", "{y}/{m:02d}", "{y}.{m}", "{y}.{m:02d}"]
    ),
    st.booleans(),
)
def test_every_spelling_of_a_month_is_that_month(
    year: int, month: int, spelling: str, wide: bool
) -> None:
    typed = spelling.format(y=year, m=month)
    period = parse_period(_full_width(typed) if wide else typed)
    assert period == parse_period(f"{year:04d}-{month:02d}")
    assert (period.kind, period.year, period.month) == ("month", year, month)


@given(st.integers(1900, 2200), st.booleans())
def test_every_spelling_of_a_year_is_that_year(year: int, wide: bool) -> None:
    typed = f"{year}年"
    assert parse_period(_full_width(typed) if wide else typed) == parse_period(str(year))


@given(st.integers(0, 9999).filter(lambda y: not 1900 <= y <= 2200), st.integers(1, 12))
def test_an_implausible_year_is_refused_in_every_spelling(year: int, month: int) -> None:
    for typed in (f"{year:04d}年{month}月", f"{year:04d}/{month}", f"{year:04d}年"):
        with pytest.raises(ValueError, match="not a plausible period"):
            parse_period(typed)
