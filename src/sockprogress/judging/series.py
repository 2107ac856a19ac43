"""The observations a target is judged on, derived from its rows in the Actuals sheet.

`level`: each row is the level at its period's end.
`annual_total`: calendar-year totals (a year row; else December's year-to-date; else the sum of
twelve monthly amounts) plus the trailing twelve months ending at the latest month, when it can be
derived exactly, and, for a deadline at a month end other than 31 December, the trailing twelve
months ending at the deadline's month. Monthly amounts and year-to-date figures fill each other
in; where they disagree, the year-to-date row wins. A month row with basis `rate` (an annual rate
stated without a year) stands for the twelve months to that month as an estimate, unless an
exact figure ends on the same day. The year-to-date figure (method: "The goal's own year") is
the cumulative figure of January to the latest month, when that month is not December.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter

import pandas as pd

from ..model import FLAGS, Basis, Observation, Target
from ..periods import month_end
from ..words.words import figure_text
from .rows import Rows, as_rows


@dataclass
class _Year:
    """Known monthly amounts and year-to-date sums of one calendar year (index 1..12)."""

    amount: list[float | None] = field(default_factory=lambda: [None] * 13)
    ytd: list[float | None] = field(default_factory=lambda: [None] * 13)
    rows: dict[int, list[int]] = field(default_factory=dict)
    total_row: tuple[float, str, int] | None = None
    # The sheet row of each month's year-to-date figure and of each month's amount.
    ytd_row: dict[int, int] = field(default_factory=dict)
    amount_row: dict[int, int] = field(default_factory=dict)
    # Month amounts that disagree with a year-to-date row (left out: the year-to-date wins).
    warnings: list[SeriesWarning] = field(default_factory=list)

    def reconcile(self, number: int) -> None:
        """Month amounts against the year-to-date rows of the same year (method: the `ytd` row
        wins). Between two months fixed by year-to-date rows (or the start of the year and the
        first), amounts for every month in between must add up to the difference; when they do
        not, a warning names the rows and those amounts are left out."""
        amount, ytd = self.amount, self.ytd
        start, before = 0, 0.0
        for month in range(1, 13):
            fixed = ytd[month]
            if fixed is None:
                continue
            span = range(start + 1, month + 1)
            if all(amount[m] is not None for m in span):
                summed = before + sum(amount[m] for m in span)  # type: ignore[misc]
                if abs(summed - fixed) > 1e-9 * max(abs(fixed), abs(summed), 1.0):
                    self._conflict(number, start, month, summed, fixed)
            start, before = month, fixed

    def _conflict(self, number: int, start: int, month: int, summed: float, fixed: float) -> None:
        """Say which rows disagree: from January, the amounts against the year-to-date row;
        after an earlier year-to-date row, the amounts since it against the two rows'
        difference (600 at June less 320 at March is 280 for April-June, not the amounts'
        sum from January)."""
        span = range(start + 1, month + 1)
        dropped = [self.amount_row[m] for m in span if m in self.amount_row]
        ytd_row = self.ytd_row.get(month)
        period = f"{number:04d}-{month:02d}"
        before = self.ytd[start] if start else None
        if before is None:
            warning = SeriesWarning(
                "ytd_months_differ",
                row=ytd_row,
                column="value",
                period=period,
                rows=", ".join(map(str, dropped)),
                months=figure_text(summed),
                ytd_row=str(ytd_row),
                ytd=figure_text(fixed),
            )
        else:
            warning = SeriesWarning(
                "ytd_months_differ_between",
                row=ytd_row,
                column="value",
                period=period,
                from_period=f"{number:04d}-{start + 1:02d}",
                rows=", ".join(map(str, dropped)),
                months=figure_text(sum(a for m in span if (a := self.amount[m]) is not None)),
                start_row=str(self.ytd_row.get(start)),
                start_ytd=figure_text(before),
                ytd_row=str(ytd_row),
                ytd=figure_text(fixed),
                difference=figure_text(fixed - before),
            )
        self.warnings.append(warning)
        for m in span:
            self.amount[m] = None
            if m in self.amount_row:
                gone = self.amount_row.pop(m)
                self.rows[m] = [r for r in self.rows[m] if r != gone]

    def fill(self) -> None:
        """Derive what follows exactly: ytd(m) = ytd(m-1) + amount(m), in every direction.

        Passes run January to December until one derives nothing. What a pass derives for
        month m (its ytd or amount) is read by month m+1 in the same pass; only the third rule,
        ytd(m-1) = ytd(m) - amount(m), gives a month already passed something new. So a pass in
        which it did not fire leaves nothing to derive, and no idle pass is run to find that.
        """
        amount, ytd = self.amount, self.ytd
        again = True
        while again:
            again = False
            for m in range(1, 13):
                before = 0.0 if m == 1 else ytd[m - 1]
                a, y = amount[m], ytd[m]
                if y is None and a is not None and before is not None:
                    ytd[m] = before + a
                elif a is None and y is not None and before is not None:
                    amount[m] = y - before
                elif m > 1 and before is None and a is not None and y is not None:
                    ytd[m - 1] = y - a
                    again = True

    def total(self) -> float | None:
        return self.total_row[0] if self.total_row else self.ytd[12]

    def rows_through(self, month: int) -> list[int]:
        """The month rows of January to `month`, month by month."""
        rows = self.rows
        return [r for m in range(1, month + 1) if m in rows for r in rows[m]]

    def rows_behind(self, month: int) -> list[int]:
        """The rows the sum of January to `month` rests on: its own year-to-date row (which wins
        over month amounts that disagree with it), else the latest one before it and the
        month amounts after; else every month row through `month`. A 1—11月 row read as
        resting on 1—10月's row too, and gave that row's source as its own."""
        if month in self.ytd_row:
            return [self.ytd_row[month]]
        start = max((m for m in self.ytd_row if m < month), default=0)
        after = range(start + 1, month + 1)
        if not all(m in self.amount_row for m in after):  # derived another way: all of them
            return self.rows_through(month)
        return ([self.ytd_row[start]] if start else []) + [self.amount_row[m] for m in after]


@dataclass(frozen=True)
class Series:
    """A target's judged observations (sorted by end) and side products for the report."""

    observations: tuple[Observation, ...]
    ytd: Observation | None = None
    warnings: tuple[SeriesWarning, ...] = ()
    # The same months of the year before the year-to-date figure's (January..m), when known.
    ytd_before: float | None = None
    # An annual total's calendar years, filled in: previous_series reuses those that had ended.
    years: dict[int, _Year] = field(default_factory=dict, compare=False, repr=False)
    # In a deadline's year (31 December), the sum of January..m for each month to `ytd`'s that
    # is known, each as the figure of its rows: a chart of the year against its schedule.
    year_months: tuple[Observation, ...] = ()


# Sheet row -> the source, note, flags (comma-joined codes) and period written on it.
Sources = dict[int, tuple[str, str, str, str]]


def _observation(
    end: dt.date,
    value: float,
    period: str,
    basis: Basis,
    rows: tuple[int, ...],
    info: Sources | None,
) -> Observation:
    """An observation with the sources, notes and flags of the sheet rows behind it (each
    distinct, in row order), when `info` has them."""
    if not info or not rows:
        return Observation(end, value, period, basis, rows)
    if len(rows) == 1:  # most figures are one row: no joining
        source, note, flags, _ = info.get(rows[0], ("", "", "", ""))
        return Observation(
            end, value, period, basis, rows, source, note, tuple(flags.split(",")) if flags else ()
        )
    mine = [info[r] for r in rows if r in info]
    source = "; ".join(dict.fromkeys(i[0] for i in mine if i[0]))
    # A note on some of the rows is of their period, not of the whole: February's 春节停产
    # was the note of 1—11月 (a county newcomer's find). It is said with its periods, once
    # however many rows give it; a note every row gives is the whole's.
    periods: dict[str, list[str]] = {}
    for i in mine:
        if i[1]:
            periods.setdefault(i[1], []).append(i[3])
    shared = len(mine) == len(rows) and len(periods) == 1 and all(i[1] for i in mine)
    note = "; ".join(
        text if shared else f"{', '.join(dict.fromkeys(said))}: {text}"
        for text, said in periods.items()
    )
    codes = {code for i in mine if i[2] for code in i[2].split(",")}
    return Observation(
        end, value, period, basis, rows, source, note, tuple(f for f in FLAGS if f in codes)
    )


def level_series(
    rows: pd.DataFrame | Rows, info: Sources | None = None, same_day: bool = False
) -> Series:
    """Each row is the level at its period's end; sorted by end, then sheet row.

    `same_day` (a level target's series): periods that end on the same day (`2023`, `2023-12`,
    `2023-12-31`) are the same period: the lower row is used and a warning names the others.
    """
    ordered = as_rows(rows).by_end()
    observations = [
        _observation(end, value, period, "level", (row,), info)
        for row, period, _, end, value, _ in ordered
    ]
    if not same_day or len(set(ordered.end)) == len(ordered.end):
        return Series(tuple(observations))
    kept: list[Observation] = []
    warnings: list[SeriesWarning] = []
    for o in observations:
        if not kept or kept[-1].end != o.end:
            kept.append(o)
            continue
        # the same day again: this row is lower in the sheet (sorted by end, then row)
        if len(warnings) and warnings[-1].end == o.end:
            group = [*warnings.pop().group, o]
        else:
            group = [kept[-1], o]
        kept[-1] = o
        warnings.append(_same_day(group))
    return Series(tuple(kept), warnings=tuple(warnings))


def _same_day(group: list[Observation]) -> SeriesWarning:
    """Level rows whose periods end on one day: one period written twice or more."""
    used = group[-1]
    others = ", ".join(str(o.rows[0]) for o in group[:-1])
    periods = ", ".join(dict.fromkeys(o.period for o in group))
    values = ", ".join(figure_text(o.value) for o in group)
    warning = SeriesWarning(
        "level_same_day",
        row=used.rows[0],
        column="period",
        periods=periods,
        others=others,
        used=str(used.rows[0]),
        end=used.end.isoformat(),
        values=values,
    )
    warning.end = used.end
    warning.group = group
    return warning


def _years(rows: Rows, skip: Container[int] = ()) -> dict[int, _Year]:
    """Each calendar year's total and monthly figures, filled in (rates left out), but for the
    years in `skip`."""
    years: dict[int, _Year] = {}
    for row, period, kind, end, value, basis in rows:
        if basis == "rate" or end.year in skip:
            continue  # a rate is an estimate of twelve months, not an amount of that month
        year = years.get(end.year)
        if year is None:
            year = years[end.year] = _Year()
        if kind == "year":
            year.total_row = (value, period, row)
        elif kind == "month":
            month = end.month
            (year.ytd if basis == "ytd" else year.amount)[month] = value
            (year.ytd_row if basis == "ytd" else year.amount_row)[month] = row
            if month in year.rows:
                year.rows[month].append(row)
            else:
                year.rows[month] = [row]
    for number, year in years.items():
        if year.ytd_row and year.amount_row:
            year.reconcile(number)
        year.fill()
    return years


def _latest_month(years: dict[int, _Year]) -> tuple[int, int] | None:
    """The latest (year, month) that has a month row (`_Year.rows` holds those months)."""
    return max(
        ((number, max(year.rows)) for number, year in years.items() if year.rows), default=None
    )


def _ttm(
    years: dict[int, _Year], year: int, month: int, info: Sources | None = None
) -> Observation | None:
    """The twelve months ending at year-month, when known exactly."""
    this = years[year]
    last = years.get(year - 1)
    if last is None or month == 12:
        return None
    head = this.ytd[month]
    tail: float | None = None
    last_total = last.total()
    from_total = False
    if last_total is not None and last.ytd[month] is not None:
        tail = last_total - last.ytd[month]  # type: ignore[operator]
        from_total = True
    elif all(last.amount[m] is not None for m in range(month + 1, 13)):
        tail = sum(last.amount[m] for m in range(month + 1, 13))  # type: ignore[misc]
    if head is None or tail is None:
        return None
    rows = [r for m in range(month + 1, 13) for r in last.rows.get(m, [])]
    if last.total_row:
        rows.append(last.total_row[2])
    rows += this.rows_through(month)
    if from_total:  # last year's year-to-date at `month` was subtracted: its rows count too
        rows += last.rows_through(month)
    used = tuple(sorted(set(rows)))
    text = f"{year:04d}-{month:02d}"
    if head <= 0 or tail < 0 or head + tail <= 0:
        # Year-to-date figures that fall from one month to the next, or a year total below
        # a year-to-date: the derivation cannot be a figure, so it is listed, never judged.
        raise Underivable(
            SeriesWarning(
                "ttm_underivable",
                period=text,
                rows=", ".join(map(str, used)),
                total=figure_text(head + tail),
            )
        )
    return _observation(month_end(year, month), head + tail, text, "ttm", used, info)


class SeriesWarning:
    """A warning on a series: a data issue's code and parameters (its words are the
    catalogue's, words/messages.py ISSUE_TEXT); judging adds the target it is about."""

    def __init__(
        self, code: str, *, row: int | None = None, column: str | None = None, **params: str
    ) -> None:
        self.code = code
        self.params: tuple[tuple[str, str], ...] = tuple(params.items())
        # The sheet row and column it is about, when one row is (the row that is used).
        self.row, self.column = row, column
        # The last day it concerns: last month's series keeps the warnings that ended by then.
        self.end: dt.date | None = None
        self.group: list[Observation] = []

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SeriesWarning):
            return NotImplemented
        return (self.code, self.params, self.row, self.column) == (
            other.code,
            other.params,
            other.row,
            other.column,
        )

    def __hash__(self) -> int:
        return hash((self.code, self.params, self.row, self.column))

    def __repr__(self) -> str:
        return f"SeriesWarning({self.code!r}, {dict(self.params)!r}, row={self.row!r})"


class Underivable(ValueError):
    """A figure derived from inconsistent rows that cannot be a figure; its message names them."""


def _rates(rows: Rows, exact: list[Observation], info: Sources | None) -> list[Observation]:
    """Annual rates stated at a month, where no exact figure ends that day (the lower row wins)."""
    if "rate" not in rows.basis:
        return []
    taken = {o.end for o in exact}
    rates: dict[dt.date, Observation] = {}
    for row, period, kind, end, value, basis in rows:
        if basis == "rate" and kind == "month" and end not in taken:
            rates[end] = _observation(end, value, period, "rate", (row,), info)
    return list(rates.values())


def annual_series(
    rows: pd.DataFrame | Rows,
    as_of_year: int,
    ended: dict[int, _Year] | None = None,
    info: Sources | None = None,
    deadline: dt.date | None = None,
    by_month: bool = False,
) -> Series:
    """Calendar-year totals, the trailing twelve months and rates; the year-to-date figure.

    `ended`: calendar years already made from the same rows of theirs, taken as they are.
    `info`: the rows' sources and notes, for the observations made.
    `deadline`: a target's deadline: its year's year-to-date figure is kept too, and at a month
    end other than 31 December, the twelve months to it are an observation.
    `by_month`: a goal for one year: its year's months are kept too (Series.year_months).
    """
    rows = as_rows(rows)
    ended = ended or {}
    years = ended | _years(rows, skip=ended.keys())
    latest = _latest_month(years)
    observations: list[Observation] = []
    warnings: list[SeriesWarning] = []
    for number in sorted(years):
        year = years[number]
        warnings += year.warnings
        total = year.total()
        if total is None or total == 0:  # twelve months of nothing: no figure to judge on
            continue
        if total < 0:  # only a derived total can be: no row's value is below zero
            warnings.append(
                SeriesWarning(
                    "total_underivable",
                    period=f"{number:04d}",
                    rows=", ".join(map(str, year.rows_through(12))),
                    total=figure_text(total),
                )
            )
            continue
        if year.total_row:
            _, text, row = year.total_row
            if year.ytd[12] is not None and abs(year.ytd[12] - total) > 1e-9 * abs(total):
                # said at the year row, which is used: the months' rows named too, so the two
                # figures can be found (one issue however many goals rest on the series)
                warnings.append(
                    SeriesWarning(
                        "year_row_differs",
                        row=row,
                        period=text,
                        total=figure_text(total),
                        months=figure_text(year.ytd[12]),
                        rows=", ".join(map(str, year.rows_behind(12))),
                    )
                )
            used: Iterable[int] = (row,)
        else:
            text, used = f"{number:04d}", year.rows_behind(12)
        observations.append(
            _observation(dt.date(number, 12, 31), total, text, "annual", tuple(used), info)
        )
    ytd = None
    ytd_before = None
    twelve: list[tuple[int, int]] = [latest] if latest is not None else []
    if (
        deadline is not None
        and deadline.month != 12
        and deadline == month_end(deadline.year, deadline.month)
        and deadline.year in years
        and (deadline.year, deadline.month) != latest
        and (latest is None or (deadline.year, deadline.month) < latest)
    ):
        twelve.append((deadline.year, deadline.month))  # its final figure, whatever comes later
    for year_number, month in twelve:
        try:
            ttm = _ttm(years, year_number, month, info)
        except Underivable as exc:
            ttm = None
            warnings.append(exc.args[0])
        if ttm is not None:
            observations.append(ttm)
    if latest is not None:
        year_number, month = latest
        value = years[year_number].ytd[month]
        wanted = {as_of_year} if deadline is None else {as_of_year, deadline.year}
        if year_number in wanted and value is not None and value > 0 and month < 12:
            ytd = _observation(
                month_end(year_number, month),
                value,
                f"{year_number:04d}-{month:02d}",
                "ytd",
                tuple(years[year_number].rows_behind(month)),
                info,
            )
            before = years.get(year_number - 1)
            if before is not None and (before.ytd[month] or 0) > 0:
                ytd_before = before.ytd[month]
    # a goal for one year only: a province's 2,000 plan goals would make 24,000 figures
    months = _year_months(years, ytd, deadline, info) if by_month else ()
    observations += _rates(rows, observations, info)
    observations.sort(key=lambda o: o.end)
    if observations and min(o.value for o in observations) <= 0:
        # a year or twelve months of nothing (months of 0) is no usable figure (method: status)
        observations = [o for o in observations if o.value > 0]
    return Series(tuple(observations), ytd, tuple(warnings), ytd_before, years, year_months=months)


def _year_months(
    years: dict[int, _Year], ytd: Observation | None, deadline: dt.date | None, info: Sources | None
) -> tuple[Observation, ...]:
    """The months of a goal's year (Series.year_months): to its year-to-date figure while the
    year runs, or (December's report, 1—12月 in) to December, the year's total the last."""
    if ytd is not None and deadline == dt.date(ytd.end.year, 12, 31):
        return (*_months(years[ytd.end.year], ytd.end.year, ytd.end.month, info), ytd)
    if deadline is None or (deadline.month, deadline.day) != (12, 31):
        return ()
    this = years.get(deadline.year)
    total = this.total() if this is not None else None
    if this is None or total is None or total <= 0:
        return ()
    rows = (this.total_row[2],) if this.total_row else tuple(this.rows_behind(12))
    december = _observation(deadline, total, f"{deadline.year:04d}-12", "ytd", rows, info)
    return (*_months(this, deadline.year, 12, info), december)


def _months(year: _Year, number: int, until: int, info: Sources | None) -> Iterator[Observation]:
    """The sums of January..m of year `number` for each month before `until` that is known, each
    the figure of the rows it rests on."""
    for m in range(1, until):
        value = year.ytd[m]
        if value is not None and value > 0:
            rows = tuple(year.rows_behind(m))
            yield _observation(
                month_end(number, m), value, f"{number:04d}-{m:02d}", "ytd", rows, info
            )


def target_series(
    target: Target, rows: pd.DataFrame | Rows, as_of_end: dt.date, info: Sources | None = None
) -> Series:
    """Observations of one target ending on or before the end of the report month (with the
    sources and notes of their rows, from `info`)."""
    usable = as_rows(rows).ending_by(as_of_end)
    if target.kind == "level":  # a row of 0 is left out of a level, and said (judge)
        return level_series(usable.above_zero(), info, same_day=True)
    return annual_series(
        usable.without_dates(),
        as_of_end.year,
        info=info,
        deadline=target.deadline,
        by_month=target.year is not None,
    )


def previous_series(
    target: Target, rows: pd.DataFrame | Rows, series: Series, before_end: dt.date
) -> Series:
    """target_series(target, rows, before_end), from `series`, its target_series at a later day.

    A level series is sorted by end: the earlier one is a prefix of it (its observations keep the
    sources `series` gave them). An annual series keeps the calendar years that had ended by
    `before_end`: all their rows end by then, so they are the same rows at both days; the rest
    is made again, without sources.
    """
    if target.kind == "level":
        observations = series.observations
        return Series(
            observations[: bisect_right(observations, before_end, key=attrgetter("end"))],
            warnings=tuple(w for w in series.warnings if w.end is None or w.end <= before_end),
        )
    ended = {n: year for n, year in series.years.items() if dt.date(n, 12, 31) <= before_end}
    usable = as_rows(rows).ending_by(before_end).without_dates()
    return annual_series(usable, before_end.year, ended, deadline=target.deadline)
