"""Plausibility checks on the figures (what statistical offices call edit or validation rules).

A figure that breaks a rule is kept and judged, but it becomes a warning in `check` and in every
output's data issues, and the targets judged on it are marked "check this figure" beside their
status, so a typo can never turn a goal achieved without a word on the same line.

The rules, with their thresholds (docs/method.md, "Plausibility checks"):
- `jump`: a value 100 times or more above, or below a hundredth of, the typical (median) value
  of the other figures of the same series (region, indicator and basis). A 万/亿 slip is a
  factor of 10^4 or 10^8; a series of this kind does not move by a factor of 100.
- `step`: a level, an annual total or a rate 8 times or more above, or below an eighth of, the
  figure of the same kind next to it in its series, at most 13 months apart: an extra or a
  missing 0, or a slipped decimal point (2100 typed for 210, beside 212); only the odd ones out.
- `step` on a year-to-date sum: 8 times or more the one of an earlier month of the same year
  that covers two months or more (41 bn for 1—11月 after 3.7 bn for 1—10月), which no month's
  amount makes; `ytd_falls`: below it, which no sum of amounts above zero does.
- `amount_as_ytd`: a month's own amount as large as the year-to-date sum of three months or
  more before it in its year (32亿 stored as November's amount after 29亿 for 1—10月): a 1—N月
  figure written without its basis.
- `not_whole`: a count (firms, units, machines, people, items…) that is not a whole number.
- `scale`: a value 100 times or more above, or below a hundredth of, both its target and its
  baseline value (a monthly amount of an annual goal is about a twelfth of it).
"100 times or more" is inclusive and holds to within a billionth (EDGE).
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from ..model import Issue, Target
from ..reading.cells import unit_scale
from ..words.words import unworded_issue
from .rows import Rows

JUMP_FACTOR = 100.0
SCALE_FACTOR = 100.0
# `step`: an extra or a missing 0 (2100 typed for 210), or a slipped decimal point, is a factor
# of 10 from the figure it was meant to be, and about 10 from its neighbours: 2100 beside 212 is
# 9.9 times. So 8 times or more (a neighbour up to a quarter away) from the figure next to it, in
# a level, an annual total or a rate, within STEP_DAYS (13 months, so that a year's figure is
# held against the year before), is one to check. Month amounts are left to the other rules:
# they swing with the season. A year-to-date sum restarts every January: it is held only against
# the sums before it in its year (_ytd_checks).
STEP_FACTOR = 8.0
STEP_DAYS = 397
# "100 times or more" holds to within a billionth: a ratio computed in binary can miss 100 in its
# last bit (55 / 0.55 is 99.99999999999999, 30 / (0.1 + 0.2) is 99.99999999999999), and a
# percent typed as a fraction must be caught whatever its digits. (docs/method.md)
EDGE = 1 - 1e-9
JUMP_AT = JUMP_FACTOR * EDGE
SCALE_AT = SCALE_FACTOR * EDGE
STEP_AT = STEP_FACTOR * EDGE
# Units counted in whole things. Matched on the unit's words, in English and Chinese.
COUNT_UNITS = frozenset(
    {
        "firms",
        "firm",
        "companies",
        "enterprises",
        "units",
        "machines",
        "looms",
        "people",
        "persons",
        "items",
        "户",
        "家",
        "个",
        "台",
        "人",
        "件",
    }
)


@dataclass(frozen=True)
class Series:
    """The rows of one region and indicator, with what the rules need to know of it."""

    region: str
    indicator: str
    unit: str
    target: Target | None = None
    # The series as a Chinese reader knows it (小北河·袜业企业数), when its names are known.
    name_zh: str | None = None


def _factor(value: float, reference: float) -> float:
    """How many times larger one is than the other (>= 1)."""
    return max(value / reference, reference / value)


def _is_count(unit: str) -> bool:
    words = unit.lower().replace("/", " ").split()
    return any(w in COUNT_UNITS for w in words) or unit in COUNT_UNITS


def _steady(rows: Rows) -> bool:
    """True when no figure of the series can break `jump` or `step`, so that neither needs its
    pass over the rows (a province's series nearly all: 0.1 s of its report). Every figure is
    above zero and the largest is less than 8 times (STEP_AT) the smallest: no two figures,
    nor a figure and the median of others, are that far apart. Or every figure is a
    year-to-date sum (`step` leaves those to _ytd_checks) and the largest is less than 100
    times (JUMP_AT) the smallest. A quotient of floats grows with its numerator and shrinks
    with its denominator, rounding included, so no pair's factor exceeds this one."""
    values = rows.value
    if not values:
        return True
    low = min(values)
    if low <= 0:
        return False
    spread = max(values) / low
    return spread < STEP_AT or (spread < JUMP_AT and rows.basis.count("ytd") == len(values))


def _jumps(rows: Rows) -> dict[int, float]:
    """Row -> the factor by which it departs from the median of its series' other figures.

    Year-to-date sums restart every January: they are compared with each other only. The rows
    come in no particular order (check_series sorts its warnings by row).
    """
    figures = zip(rows.end, rows.row, rows.value, rows.basis, strict=True)
    positive = [figure for figure in figures if figure[2] > 0]
    ytd = [(end, row, value) for end, row, value, basis in positive if basis == "ytd"]
    other = [(end, row, value) for end, row, value, basis in positive if basis != "ytd"]
    flagged: dict[int, float] = {}
    for members in (other, ytd):
        if len(members) < 2:
            continue
        if len(members) == 2:  # two figures apart: the later one is the one to check
            members.sort(key=lambda m: (m[0], m[1]))
            (_, _, first), (_, row, value) = members
            if _factor(value, first) >= JUMP_AT:
                flagged[row] = _factor(value, first)
            continue
        # With three or more, one slip cannot move the median: it stays a typical figure.
        # (The median does not depend on their order, so they are not sorted.)
        typical = statistics.median(v for _, _, v in members)
        for _, row, value in members:  # _factor inline: this runs for every row of a province
            if value / typical >= JUMP_AT or typical / value >= JUMP_AT:
                flagged[row] = _factor(value, typical)
    return flagged


def _steps(rows: Rows, jumps: dict[int, float], amounts: bool) -> dict[int, tuple[float, int, str]]:
    """Row -> (its factor from the figure it is held against, that figure's row, "before" or
    "after") for a figure 8 times or more above, or below an eighth of, a figure of the same
    kind (period kind and basis) next to it, at most STEP_DAYS away. Only the odd ones out are
    flagged: the series is read forwards (each figure held against the last one not flagged
    before it) and backwards, and the reading that flags fewer figures is kept; on a tie, the
    one that flags the row lowest in the sheet, the one typed last (206, 2100, 210: only 2100;
    2100 typed for a July before August's 212, 211 and 210: only 2100; 206 then 2100: 2100;
    2060 typed for the May before a June's 206: 2060). A figure that breaks `jump` is left out.
    `amounts`: a month row without a basis is a month's amount (the series of a goal on a
    year's total), left out as those with basis `month` are."""
    kinds: dict[tuple[str, str], list[tuple[dt.date, int, float]]] = {}
    for end, row, value, kind, basis in zip(
        rows.end, rows.row, rows.value, rows.kind, rows.basis, strict=True
    ):
        amount = basis == "month" or (amounts and kind == "month" and not basis)
        if value > 0 and basis != "ytd" and not amount and row not in jumps:
            kinds.setdefault((kind, basis), []).append((end, row, value))
    flagged: dict[int, tuple[float, int, str]] = {}
    for members in kinds.values():
        if len(members) < 2:
            continue
        members.sort()
        forwards = _step_pass(members, "before")
        backwards = _step_pass(members[::-1], "after")
        # fewer flagged; on a tie, the reading that flags the row typed last (lowest in the
        # sheet): 206 then 2060 typed for the May before it flags 2060, not June's 206
        fewer = len(backwards) < len(forwards)
        tie = len(backwards) == len(forwards) and max(backwards, default=0) > max(
            forwards, default=0
        )
        flagged |= backwards if fewer or tie else forwards
    return flagged


def _ytd_checks(
    rows: Rows, jumps: dict[int, float]
) -> tuple[dict[int, tuple[float, int, str]], dict[int, int]]:
    """Year-to-date sums against the last one not flagged before them in the same calendar
    year: steps (row -> its factor, that figure's row, "before"), 8 times or more one that
    covers two months or more (January's alone may be small: a Spring Festival month), and
    falls (row -> that figure's row), below it. A figure that breaks `jump` is left out."""
    years: dict[int, list[tuple[int, int, float]]] = {}
    for end, row, value, basis in zip(rows.end, rows.row, rows.value, rows.basis, strict=True):
        if basis == "ytd" and value > 0 and row not in jumps:
            years.setdefault(end.year, []).append((end.month, row, value))
    steps: dict[int, tuple[float, int, str]] = {}
    falls: dict[int, int] = {}
    for members in years.values():
        members.sort()
        held = members[0]
        for month, row, value in members[1:]:
            if month > held[0] and value < held[2] * EDGE:
                falls[row] = held[1]
            elif month > held[0] and held[0] >= 2 and value / held[2] >= STEP_AT:
                steps[row] = (value / held[2], held[1], "before")
            else:
                held = (month, row, value)
    return steps, falls


def _amounts_as_ytd(
    rows: Rows, jumps: dict[int, float], amounts: bool
) -> dict[int, tuple[float, str]]:
    """Month amounts as large as the year-to-date sum of three months or more before them in
    their year (row -> that sum and its month, YYYY-MM): a 1—N月 figure stored without its
    basis (32亿 for 1—11月 after 29亿 for 1—10月 is a month of 32亿 and a 1—11月 of 61亿),
    which no ordinary month makes. The sum is a year-to-date row's, or the months' amounts
    from January when none is missing. A figure that breaks `jump` is left out. `amounts`: a
    month row without a basis is a month's amount (the series of a goal on a year's total)."""
    bases = rows.basis
    if "ytd" not in bases:
        # Without a year-to-date row, a sum is three or more months' amounts: a month below
        # three times the smallest amount (all above zero) is below every such sum. So most
        # series, a province's every one, are passed over without the months laid out.
        if not amounts and "month" not in bases:
            return {}
        values = [
            value
            for value, kind, basis in zip(rows.value, rows.kind, bases, strict=True)
            if kind == "month" and (basis == "month" or (amounts and not basis))
        ]
        if not values or (min(values) > 0 and max(values) < 3 * min(values) * EDGE):
            return {}
    # (year, month) -> the year-to-date sum given for it, and the month's amounts (row, value)
    summed: dict[tuple[int, int], float] = {}
    amounts_at: dict[tuple[int, int], list[tuple[int, float]]] = {}
    for end, row, value, kind, basis in zip(
        rows.end, rows.row, rows.value, rows.kind, bases, strict=True
    ):
        if kind != "month" or (jumps and row in jumps):
            continue
        if basis == "ytd":
            summed[end.year, end.month] = value
        elif basis == "month" or (amounts and not basis):
            amounts_at.setdefault((end.year, end.month), []).append((row, value))
    flagged: dict[int, tuple[float, str]] = {}
    for year in sorted({y for y, _ in amounts_at}):
        held: tuple[float, int] | None = None  # the last sum known (value, month), 3+ months
        running: float | None = 0.0  # January's amount on, while no month is missing
        for month in range(1, 13):
            month_amounts = amounts_at.get((year, month), [])
            for row, value in month_amounts:
                if held is not None and value > 0 and value >= held[0] * EDGE:
                    flagged[row] = (held[0], f"{year:04d}-{held[1]:02d}")
            if (year, month) in summed:
                running = summed[year, month]
            elif running is not None and len(month_amounts) == 1:
                running = None if month_amounts[0][0] in flagged else running + month_amounts[0][1]
            else:
                running = None
            if running is not None and month >= 3 and running > 0:
                held = (running, month)
    return flagged


def _step_pass(
    members: list[tuple[dt.date, int, float]], side: str
) -> dict[int, tuple[float, int, str]]:
    """The figures that step from the last one not flagged before them in this order."""
    flagged: dict[int, tuple[float, int, str]] = {}
    held = members[0]
    for end, row, value in members[1:]:
        factor = _factor(value, held[2])
        if factor >= STEP_AT and abs((end - held[0]).days) <= STEP_DAYS:
            flagged[row] = (factor, held[1], side)
        else:
            held = (end, row, value)
    return flagged


def check_series(
    series: Series, rows: Rows, file: str | None = None, sheet: str | None = None
) -> list[Issue]:
    """The warnings for one series' rows, in sheet order."""
    issues: list[tuple[int, Issue]] = []
    target_id = series.target.id if series.target else None
    name = f"{series.region} · {series.indicator}"
    named = (("series_zh", series.name_zh),) if series.name_zh else ()
    # the unit the figures are in, said beside each of them (2,100 firms / 2100户)
    unit = {"unit": series.unit} if series.unit else {}
    # the parameters every warning of the series shares, made once: a row's warning holds
    # only its own value before them, `value` first (words.english_message words the
    # sentence around it once per series)
    shared: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}

    def warn(row: int, code: str, **params: str) -> None:
        value = params.pop("value")
        rest = tuple(sorted(params.items())) + named
        said = (("value", value), *shared.setdefault(rest, rest))
        # made without its sentence (words.english_message words it when it is written): a
        # province may break a rule on every row
        issue = unworded_issue("warning", codes[code], said, file, sheet, row, "value", target_id)
        issues.append((row, issue))

    codes = {
        c: f"plausibility.{c}" for c in ("jump", "step", "ytd_falls", "amount_as_ytd", "not_whole")
    }
    steady = _steady(rows)
    jumps = {} if steady else _jumps(rows)
    for row, factor in jumps.items():
        value = rows.value[rows.row.index(row)]
        warn(row, "jump", series=name, value=f"{value:.10g}", factor=f"{factor:.0f}", **unit)
    amounts = series.target is not None and series.target.kind == "annual_total"
    ytd_steps, falls = _ytd_checks(rows, jumps)
    for row, held in falls.items():
        at, value = rows.row.index(held), rows.value[rows.row.index(row)]
        warn(
            row,
            "ytd_falls",
            value=f"{value:.10g}",
            series=name,
            before=f"{rows.value[at]:.10g}",
            period=str(rows.period[at]),
            **unit,
        )
    for row, (summed, month) in _amounts_as_ytd(rows, jumps, amounts).items():
        value = rows.value[rows.row.index(row)]
        warn(
            row,
            "amount_as_ytd",
            value=f"{value:.10g}",
            series=name,
            before=f"{summed:.10g}",  # the year-to-date sum before it
            period=month,
            **unit,
        )
    steps = ytd_steps if steady else _steps(rows, jumps, amounts) | ytd_steps
    for row, (factor, held, towards) in steps.items():
        at, value = rows.row.index(held), rows.value[rows.row.index(row)]
        # 10 times, or a tenth, of the figure before it (or, read backwards, after it)
        side = "up" if value > rows.value[at] else "down"
        warn(
            row,
            "step",
            value=f"{value:.10g}",
            series=name,
            factor=f"{factor:.0f}",
            before=f"{rows.value[at]:.10g}",  # the figure it is held against
            period=str(rows.period[at]),
            side=side if towards == "before" else f"{side}_after",
            **unit,
        )
    if _is_count(series.unit):
        # the one rule a wrong unit breaks on every row: its warnings made in one pass, each
        # with its figure and unit only (its row says whose figure it is: a province's every
        # row may carry one)
        rest = (("unit", series.unit),)
        code = codes["not_whole"]
        issues += [
            (
                row,
                unworded_issue(
                    "warning",
                    code,
                    (("value", f"{value:.10g}"), *rest),
                    file,
                    sheet,
                    row,
                    "value",
                    target_id,
                ),
            )
            for row, value in zip(rows.row, rows.value, strict=True)
            if abs(value - round(value)) > 1e-9 * max(1.0, abs(value))
        ]
    if not issues and series.target is None:
        return []
    if series.target is not None:
        issues += [(i.row or 0, i) for i in check_scale(series, rows, file, sheet)]
    issues.sort(key=lambda pair: pair[0])
    return [issue for _, issue in issues]


def _out_of_scale(target: Target, rows: Rows) -> list[tuple[int, float]]:
    """The rows (row, value) whose figure is 100 times or more above, or below a hundredth of,
    both the goal and its baseline value (`scale`)."""
    references = [target.target]
    baseline = target.baseline
    if baseline is not None and baseline.value is not None:
        references.append(baseline.value)
    positive = [r for r in references if r > 0]
    # Far from every reference: the figures above zero, kept if far from each in turn.
    # When every figure is above zero and within 100 times of one reference, none is
    # (the quotients of the smallest and the largest bound every other): the rows are
    # not walked.
    values = rows.value
    low = min(values, default=0.0)
    high = max(values, default=0.0)
    near = low > 0 and any(high / r < SCALE_AT and r / low < SCALE_AT for r in positive)
    far = [] if near else [(row, v) for row, v in zip(rows.row, values, strict=True) if v > 0]
    for r in positive:
        far = [(row, v) for row, v in far if v / r >= SCALE_AT or r / v >= SCALE_AT]
    return far


def check_scale(
    series: Series, rows: Rows, file: str | None = None, sheet: str | None = None
) -> list[Issue]:
    """The `scale` warnings of a series against one goal of it (`series.target`): its first
    (check_series), or a further one (judge). A series holds its figures in one unit, and a
    goal written in another (a 2030 goal in 亿双 beside the 2025 one in 双) was judged on
    figures 10^8 times its own, "achieved" without a word, when only the first goal held the
    figures to scale. Each warning names its goal (`Issue.target_id`): that goal alone is
    marked for it."""
    assert series.target is not None
    target = series.target
    far = _out_of_scale(target, rows)
    if not far:
        return []
    named = (("series_zh", series.name_zh),) if series.name_zh else ()
    # a unit of its own, where the figures cannot be in both (亿双 beside 双; not pairs beside 双)
    goal_scale, series_scale = unit_scale(target.unit), unit_scale(series.unit)
    own_unit = goal_scale != series_scale
    factor = (goal_scale or 1) / (series_scale or 1)
    unit = (("unit", series.unit),) if series.unit else ()
    said = (
        ("series", f"{series.region} · {series.indicator}"),
        ("target", f"{target.target:.10g}"),
        *((("cause", "goal_unit"), ("target_unit", target.unit)) if own_unit else ()),
        # the goal in the series' unit: 60 亿双 is 6000000000 双
        *((("converted", f"{target.target * factor:.15g}"),) if own_unit else ()),
        *unit,
    )
    return [
        unworded_issue(
            "warning",
            "plausibility.scale",
            (("value", f"{value:.10g}"), *sorted(said), *named),
            file,
            sheet,
            row,
            "value",
            target.id,
        )
        for row, value in sorted(far)
    ]


def check_new_value(
    existing: Rows,
    row: int,
    period: str,
    kind: str,
    end: dt.date,
    value: float,
    basis: str,
    series: Series,
) -> list[Issue]:
    """The rules a figure about to be added would break, judged with its series' rows."""
    added = Rows(
        [*existing.row, row],
        [*existing.period, period],
        [*existing.kind, kind],
        [*existing.end, end],
        [*existing.value, value],
        [*existing.basis, basis],
    )
    return [i for i in check_series(series, added) if i.row == row]
