"""What judging shares between steps gives what making each step anew gives (synthetic data).

Last month's series is made from this month's (series.previous_series), a year's figures are
filled in without an idle pass (_Year.fill), and observations are made with the sources of
their rows: each is checked here against the plain way of doing it. Every figure is made up.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from helpers import frame, make_target
from hypothesis import given, settings
from hypothesis import strategies as st

from sockprogress.judging import judge
from sockprogress.judging.rows import Rows
from sockprogress.judging.series import (
    Series,
    Sources,
    _Year,
    previous_series,
    target_series,
)
from sockprogress.model import Actuals, Observation, TargetsFile
from sockprogress.periods import Month, month_end, parse_period

amounts = st.one_of(st.none(), st.floats(min_value=0.5, max_value=1e6, allow_nan=False))


def fill_until_nothing_changes(year: _Year) -> None:
    """_Year.fill as the method says it: every rule, every month, until a pass derives nothing."""
    changed = True
    while changed:
        changed = False
        for m in range(1, 13):
            before = 0.0 if m == 1 else year.ytd[m - 1]
            a, y = year.amount[m], year.ytd[m]
            if y is None and a is not None and before is not None:
                year.ytd[m] = before + a
                changed = True
            elif a is None and y is not None and before is not None:
                year.amount[m] = y - before
                changed = True
            elif m > 1 and before is None and a is not None and y is not None:
                year.ytd[m - 1] = y - a
                changed = True


@settings(max_examples=300)
@given(st.lists(amounts, min_size=12, max_size=12), st.lists(amounts, min_size=12, max_size=12))
def test_fill_derives_what_filling_until_nothing_changes_derives(
    amount: list[float | None], ytd: list[float | None]
) -> None:
    fast, plain = _Year([None, *amount], [None, *ytd]), _Year([None, *amount], [None, *ytd])
    fast.fill()
    fill_until_nothing_changes(plain)
    assert (fast.amount, fast.ytd) == (plain.amount, plain.ytd)


row_specs = st.lists(
    st.tuples(
        st.integers(2022, 2025),  # year
        st.integers(0, 12),  # month; 0 for a year row
        st.sampled_from(["", "month", "ytd", "rate"]),
        st.floats(min_value=1.0, max_value=1e4, allow_nan=False),
        st.sampled_from(["", "a", "b"]),  # source
    ),
    max_size=40,
)


def rows_of(specs: list[tuple[int, int, str, float, str]]) -> tuple[Rows, Sources]:
    """Sheet rows (from row 2, in the order given) and their sources; notes are the same."""
    texts = [f"{y}-{m:02d}" if m else f"{y}" for y, m, *_ in specs]
    periods = [parse_period(text) for text in texts]
    numbers = list(range(2, 2 + len(specs)))
    rows = Rows(
        numbers,
        [p.text for p in periods],
        [p.kind for p in periods],
        [p.end for p in periods],
        [value for *_, value, _ in specs],
        [
            basis if p.kind == "month" else ""
            for (_, _, basis, _, _), p in zip(specs, periods, strict=True)
        ],
    )
    return rows, {
        n: (source, source, "", p.text)
        for n, (*_, source), p in zip(numbers, specs, periods, strict=True)
    }


def plain(series: Series) -> tuple[Any, ...]:
    """A series without the sources of its observations."""

    def bare(o: Observation | None) -> Any:
        return None if o is None else (o.end, o.value, o.period, o.basis, o.rows)

    return tuple(map(bare, series.observations)), bare(series.ytd), series.warnings


@settings(max_examples=300)
@given(
    row_specs,
    st.sampled_from(["level", "annual_total"]),
    st.integers(2022, 2025),
    st.integers(1, 12),
)
def test_last_months_series_is_the_series_made_at_its_end(
    specs: list[tuple[int, int, str, float, str]], kind: str, year: int, month: int
) -> None:
    rows, info = rows_of(specs)
    target = make_target(kind=kind)
    as_of = Month(year, month)
    before = as_of.shift(-1).end
    now = target_series(target, rows, as_of.end, info)
    assert plain(previous_series(target, rows, now, before)) == plain(
        target_series(target, rows, before)
    )


def test_a_figure_from_several_rows_lists_each_source_and_note_once() -> None:
    rows = Rows(
        [2, 3, 4, 5],
        ["2024-01", "2024-02", "2024-03", "2024-04"],
        ["month"] * 4,
        [month_end(2024, m) for m in range(1, 5)],
        [10.0, 11.0, 12.0, 13.0],
        ["ytd", "month", "month", "month"],
    )
    info = {
        2: ("b", "", "", "2024-01"),
        3: ("a", "n1", "month_presumed", "2024-02"),
        4: ("b", "n1", "", "2024-03"),
        5: ("", "n2", "", "2024-04"),
    }
    series = target_series(make_target(kind="annual_total"), rows, dt.date(2024, 4, 30), info)
    assert series.ytd is not None
    assert (series.ytd.rows, series.ytd.source) == ((2, 3, 4, 5), "b; a")
    # a note of some months is said with them, not as the sum's (a county newcomer's find:
    # February's 春节停产 was the note of 1—11月); one note of several months, once
    assert series.ytd.note == "2024-02, 2024-03: n1; 2024-04: n2"
    assert series.ytd.flags == ("month_presumed",)  # the flags of every row behind it
    # a note every row gives is the sum's own
    alike = {
        row: (source, "revised", flags, when) for row, (source, _, flags, when) in info.items()
    }
    series = target_series(make_target(kind="annual_total"), rows, dt.date(2024, 4, 30), alike)
    assert series.ytd is not None and series.ytd.note == "revised"


def test_last_months_latest_figure_is_given_without_its_source() -> None:
    rows = [("R", "x", "2024-05", 120.0), ("R", "x", "2024-06", 130.0)]
    report = judge(TargetsFile((make_target(),)), Actuals(frame(rows)), Month.parse("2024-06"))
    result = report.targets[0]
    assert result.latest is not None and result.latest.source  # this month's: sourced
    assert result.previous_latest == Observation(
        dt.date(2024, 5, 31), 120.0, "2024-05", "level", (2,)
    )


def test_a_note_of_some_months_is_said_with_the_months_in_words() -> None:
    """The outputs say a sum's note of its months as the reader writes months: 2026年2月：…"""
    from sockprogress.words.words import Words

    note = "2026-02: 春节停产; 2026-03, 2026-04: n2"
    assert Words.of("zh").figure_note(note) == "2026年2月：春节停产；2026年3月、2026年4月：n2"
    assert Words.of("en").figure_note(note) == "Feb 2026: 春节停产; Mar 2026, Apr 2026: n2"
    assert Words.of("zh").figure_note("as published: 26亿") == "as published: 26亿"
