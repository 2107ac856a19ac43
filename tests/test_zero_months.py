"""A month in which nothing was made: a month's own amount or a year-to-date sum of 0 is a
figure (method: the cumulative figure is "known" from month amounts January..m), read from the
sheet and accepted by `actuals add`; a level, a year's total or a rate of 0 is none (method:
"no usable observation (none, or values <= 0)"), and a value below zero is refused everywhere.

A method audit's find: a Spring Festival month of 0 was refused, so 1—6月 stopped at 1—5月 and
a year goal read on_track at 41.7 % of the year where 50 % had passed. Every figure here is made
up.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import report_args, target_toml, write_actuals, write_targets

from sockprogress.cli import main
from sockprogress.judging import judge
from sockprogress.model import Report
from sockprogress.periods import Month
from sockprogress.reading import load_targets, read_actuals

YEAR_GOAL = target_toml(
    id="year", kind="annual_total", target=1000, deadline=dt.date(2026, 12, 31), year="2026"
).replace("deadline = 2026-12-31\n", "")
LEVEL_GOAL = target_toml(id="firms", indicator="firms", target=300)


def judged(tmp_path: Path, rows: list[tuple[Any, ...]], as_of: str) -> Report:
    targets = write_targets(tmp_path / "targets.toml", YEAR_GOAL, LEVEL_GOAL)
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    read = read_actuals(actuals, today=dt.date(2026, 12, 7))
    return judge(load_targets(targets), read, Month.parse(as_of))


def months(values: list[float], year: int = 2026, basis: str = "month") -> list[tuple[Any, ...]]:
    return [("Testville", "widgets", f"{year}-{m:02d}", v, basis) for m, v in enumerate(values, 1)]


def year_goal(report: Report) -> Any:
    return next(t for t in report.targets if t.target.id == "year")


def test_a_month_of_nothing_counts_in_the_years_cumulative_figure(tmp_path: Path) -> None:
    """80 a month and nothing in June: 1—6月 is 400, half the year has passed, 0.8 of pace."""
    result = year_goal(judged(tmp_path, months([80, 80, 80, 80, 80, 0]), "2026-07"))
    assert result.ytd is not None and (result.ytd.period, result.ytd.value) == ("2026-06", 400)
    f = result.figures
    assert (f.ytd_schedule_pct, f.ytd_schedule_gap_pts) == pytest.approx((50.0, -10.0))
    assert f.ytd_pace_ratio == pytest.approx(0.8)
    assert result.status == "moderate_progress"


def test_a_month_of_nothing_inside_the_year_and_as_a_year_to_date(tmp_path: Path) -> None:
    """February of 0 (a Spring Festival stop), and a January 1—1月 sum of 0."""
    feb = year_goal(judged(tmp_path, months([80, 0, 80, 80, 80, 80]), "2026-07"))
    assert feb.ytd is not None and (feb.ytd.period, feb.ytd.value) == ("2026-06", 400)
    assert feb.status == "moderate_progress"
    rows = [("Testville", "widgets", "2026-01", 0, "ytd"), *months([0, 80, 80, 80])[1:]]
    jan = year_goal(judged(tmp_path, rows, "2026-05"))
    assert jan.ytd is not None and (jan.ytd.period, jan.ytd.value) == ("2026-04", 240)


def test_a_month_of_nothing_a_year_before_gives_its_change(tmp_path: Path) -> None:
    rows = months([70, 0, 70, 70, 70, 70], 2025) + months([80, 0, 80, 80, 80, 80])
    result = year_goal(judged(tmp_path, rows, "2026-07"))
    assert result.figures.ytd_yoy_pct == pytest.approx(100 * (400 / 350 - 1))
    report = judged(tmp_path, rows, "2026-07")
    assert not [i for i in report.issues if i.code == "value_not_positive"]


def test_a_year_with_a_month_of_nothing_has_its_total(tmp_path: Path) -> None:
    """Twelve months, February 0: the year's total is their sum, its final figure."""
    rows = months([100, 0, *[100] * 10], 2026)
    result = year_goal(judged(tmp_path, rows, "2027-01"))
    assert result.final is not None and (result.final.period, result.final.value) == (
        "2026",
        1100,
    )
    assert result.status == "achieved"


def test_a_year_of_nothing_is_no_figure_to_judge_on(tmp_path: Path) -> None:
    """Twelve months of 0: no usable observation (method: status rule 1), and no warning that
    its total cannot be derived (it can: it is 0)."""
    report = judged(tmp_path, months([0] * 12), "2027-01")
    result = year_goal(report)
    assert result.final is None and result.latest is None
    assert result.status == "not_assessable"
    assert "total_underivable" not in {i.code for i in report.issues}


@pytest.mark.parametrize(
    ("row", "left_out"),
    [
        (("Testville", "widgets", "2025", 0), True),  # a year's total of 0
        (("Testville", "widgets", "2025-06", 0, "rate"), True),  # an annual rate of 0
        (("Testville", "widgets", "2025-06", -5, "month"), True),  # below zero
        (("Testville", "widgets", "2025-06", 0, "month"), False),
        (("Testville", "widgets", "2025-06", 0), False),  # a month without a basis: an amount
        (("Testville", "widgets", "2025-06", 0, "ytd"), False),
    ],
)
def test_which_figures_of_0_the_sheet_may_hold(
    tmp_path: Path, row: tuple[Any, ...], left_out: bool
) -> None:
    report = judged(tmp_path, [row], "2026-07")
    errors = [i for i in report.issues if i.code == "value_not_positive"]
    assert bool(errors) == left_out
    if left_out:
        (error,) = errors
        assert (error.severity, error.row, error.column) == ("error", 2, "value")
        assert "a month's own amount or a year-to-date sum may be 0" in error.message


def test_a_level_of_0_is_left_out_of_the_level_and_said(tmp_path: Path) -> None:
    """A month row of 0 without a basis is read (it may be a month's amount), but for a level
    goal it is no figure: left out, with the error on its row, the figure before it latest."""
    rows = [("Testville", "firms", "2025-05", 210), ("Testville", "firms", "2025-06", 0)]
    report = judged(tmp_path, rows, "2025-07")
    result = next(t for t in report.targets if t.target.id == "firms")
    assert result.latest is not None and (result.latest.period, result.latest.value) == (
        "2025-05",
        210,
    )
    errors = [i for i in report.issues if i.code == "value_not_positive"]
    assert [(i.severity, i.row, i.target_id) for i in errors] == [("error", 3, "firms")]


def add(tmp_path: Path, *options: str) -> Any:
    targets = write_targets(tmp_path / "targets.toml", YEAR_GOAL, LEVEL_GOAL)
    actuals = tmp_path / "actuals.xlsx"
    if not actuals.exists():
        write_actuals(actuals, [])
    return CliRunner().invoke(
        main,
        [
            "actuals",
            "add",
            "--actuals",
            str(actuals),
            "--targets",
            str(targets),
            "--region",
            "Testville",
            "--source",
            "synthetic test figure",
            *options,
        ],
    )


def test_actuals_add_stores_a_month_of_nothing_and_refuses_a_level_of_0(tmp_path: Path) -> None:
    stored = add(tmp_path, "--indicator", "widgets", "--period", "2026-02", "--value", "0")
    assert stored.exit_code == 0, stored.output
    assert "2026-02 (that month) = 0 units" in stored.output
    before = (tmp_path / "actuals.xlsx").read_bytes()
    for options in (
        ("--indicator", "firms", "--period", "2026-02", "--value", "0"),  # a level
        ("--indicator", "widgets", "--period", "2025", "--value", "0"),  # a year's total
        ("--indicator", "widgets", "--period", "2026-03", "--value", "-1"),
    ):
        refused = add(tmp_path, *options)
        assert refused.exit_code == 2, refused.output
        assert "is not above zero" in refused.output and "Traceback" not in refused.output
        assert (tmp_path / "actuals.xlsx").read_bytes() == before  # nothing touched


def test_the_json_gives_the_cumulative_figure_with_a_month_of_nothing(tmp_path: Path) -> None:
    targets = write_targets(tmp_path / "targets.toml", YEAR_GOAL)
    actuals = write_actuals(tmp_path / "actuals.xlsx", months([80, 80, 80, 80, 80, 0]))
    result = CliRunner().invoke(main, report_args(targets, actuals, "2026-07", tmp_path / "out"))
    assert result.exit_code == 0, result.output
    target = json.loads((tmp_path / "out" / "progress-2026-07.json").read_text())["targets"][0]
    assert (target["ytd_period"], target["ytd_value"]) == ("2026-06", 400)
    assert target["ytd_pace_ratio"] == pytest.approx(0.8)
