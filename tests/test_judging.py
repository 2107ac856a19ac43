"""Judging by method.md, on in-memory tables: no files. All figures here are synthetic."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from typing import Any

import pytest
from helpers import frame, make_target

from sockprogress.judging import judge
from sockprogress.model import Actuals, Baseline, Target, TargetResult, TargetsFile
from sockprogress.periods import Month
from sockprogress.words.words import Words

D = dt.date(2025, 12, 31)


def run(target: Target, rows: list[tuple[Any, ...]], as_of: str = "2024-06") -> TargetResult:
    report = judge(TargetsFile((target,)), Actuals(frame(rows)), Month.parse(as_of))
    return report.targets[0]


def years(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


def test_level_figures_follow_the_method() -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    r = run(t, [("R", "x", "2023-06", 150)], as_of="2024-06")
    t0, tl, end = dt.date(2021, 12, 31), dt.date(2023, 6, 30), dt.date(2024, 6, 30)
    f = r.figures
    assert f.share_of_target_pct == pytest.approx(75.0)
    assert f.gap == pytest.approx(50.0)
    assert f.gap_closed_pct == pytest.approx(50.0)
    # months, at the latest figure's end: 18 of the 48 months from end-2021 to end-2025
    assert f.time_elapsed_pct == pytest.approx(100 * 18 / 48)
    assert f.schedule_gap_pts == pytest.approx(50.0 - 37.5)
    assert end > tl  # the report month plays no part
    actual = 1.5 ** (1 / years(t0, tl)) - 1
    required = 2.0 ** (1 / years(t0, D)) - 1
    assert f.actual_cagr == pytest.approx(actual)
    assert f.required_cagr == pytest.approx(required)
    assert f.pace_ratio == pytest.approx(actual / required)
    assert f.required_cagr_from_latest == pytest.approx((200 / 150) ** (1 / years(tl, D)) - 1)
    assert f.projected_at_deadline == pytest.approx(150 * (1 + actual) ** years(tl, D))
    eta_years = math.log(200 / 150) / math.log(1 + actual)
    assert f.eta == tl + dt.timedelta(days=round(eta_years * 365.25))
    # Hand-checked: 546 days = 1.4949 years; 1.5 ** (1 / 1.4949) - 1 = 0.3116.
    assert f.actual_cagr == pytest.approx(0.3116, abs=1e-4)
    assert f.pace_category == "on_track"
    assert r.status == "on_track"
    assert r.baseline is not None and r.baseline.period == "2021"
    assert r.latest is not None and (r.latest.period, r.latest.basis) == ("2023-06", "level")


@pytest.mark.parametrize(
    ("latest", "category"),
    [
        (200.0, "achieved"),
        (150.0, None),
        (101.0, "insufficient_progress"),
        (100.0, "insufficient_progress"),
        (90.0, "moving_away"),
    ],
    ids=["met", "fast", "slow", "flat", "falling"],
)
def test_status_before_the_deadline(latest: float, category: str | None) -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    r = run(t, [("R", "x", "2023-06", latest)])
    if category is None:
        assert r.status == r.figures.pace_category
    else:
        assert r.status == category


def pace_for_ratio(ratio: float) -> float:
    """The latest value at 2023-12 that gives a pace ratio of `ratio` (baseline 100 at 2021)."""
    t0, t = dt.date(2021, 12, 31), dt.date(2023, 12, 31)
    required = 2.0 ** (1 / years(t0, D)) - 1
    return float(100 * (1 + ratio * required) ** years(t0, t))


@pytest.mark.parametrize(
    ("ratio", "category"),
    [
        (0.96, "on_track"),
        (0.94, "moderate_progress"),
        (0.61, "moderate_progress"),
        (0.59, "insufficient_progress"),
        (0.01, "insufficient_progress"),
        (-0.01, "moving_away"),
    ],
)
def test_pace_thresholds(ratio: float, category: str) -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    r = run(t, [("R", "x", "2023", pace_for_ratio(ratio))])
    assert r.figures.pace_ratio == pytest.approx(ratio, abs=1e-9)
    assert r.figures.pace_category == category


def test_decrease_direction_flips_the_pace_sign() -> None:
    t = make_target(direction="decrease", target=50.0, baseline=Baseline("2021", 100.0))
    falling = run(t, [("R", "x", "2023", 80)])
    rising = run(t, [("R", "x", "2023", 120)])
    assert falling.figures.pace_ratio is not None and falling.figures.pace_ratio > 0
    assert rising.figures.pace_ratio is not None and rising.figures.pace_ratio < 0
    assert rising.status == "moving_away"
    assert run(t, [("R", "x", "2023", 50)]).status == "achieved"


def test_one_observation_without_baseline_is_not_assessable() -> None:
    r = run(make_target(), [("R", "x", "2023", 150)])
    assert r.status == "not_assessable"
    assert r.figures.pace_ratio is None
    assert "pace_ratio" in dict(r.why_null)
    assert r.figures.share_of_target_pct == pytest.approx(75.0)


def test_no_rows_is_not_assessable_with_an_issue() -> None:
    report = judge(
        TargetsFile((make_target(),)), Actuals(frame([("R", "y", "2023", 1)])), Month(2024, 6)
    )
    assert report.targets[0].status == "not_assessable"
    assert report.targets[0].latest is None
    assert any("no rows for target t" in i.message for i in report.issues)


def test_rows_after_the_report_month_are_not_used() -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    r = run(t, [("R", "x", "2023-06", 150), ("R", "x", "2024-07", 210)], as_of="2024-06")
    assert r.latest is not None and r.latest.period == "2023-06"
    assert run(t, [("R", "x", "2024-06", 210)], as_of="2024-06").status == "achieved"


# --- passed deadlines -------------------------------------------------------------------------


def test_final_figure_decides_after_the_deadline() -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    rows = [("R", "x", "2024", 150), ("R", "x", "2025-12", 210), ("R", "x", "2026-03", 190)]
    r = run(t, rows, as_of="2026-10")
    assert r.status == "achieved"
    assert r.final is not None and r.final.period == "2025-12"


def test_missed_and_met_late() -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    rows = [("R", "x", "2025-12", 190), ("R", "x", "2026-03", 205)]
    r = run(t, rows, as_of="2026-10")
    assert r.status == "missed"
    assert [n.code for n in r.notes] == ["final_figure", "met_late"]
    assert r.notes[1].get("period") == "2026-03"


def test_final_figure_is_the_earliest_on_or_after_the_deadline() -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    r = run(t, [("R", "x", "2026-01", 150), ("R", "x", "2026-06", 250)], as_of="2026-10")
    assert r.status == "missed"
    assert r.final is not None and r.final.period == "2026-01"


def test_achieved_before_the_final_figure_is_in() -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    r = run(t, [("R", "x", "2025-06", 210)], as_of="2026-10")
    assert r.status == "achieved"
    assert [n.code for n in r.notes] == ["final_not_in", "stale"]


def test_awaiting_final_keeps_pace_but_no_projection_past_the_deadline() -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    r = run(t, [("R", "x", "2024", 150)], as_of="2026-10")
    assert r.status == "awaiting_final"
    assert r.figures.pace_category == "on_track" or r.figures.pace_category is not None
    assert r.figures.projected_at_deadline is not None  # latest (2024) is before the deadline
    # at the latest figure's date (end-2024: 36 of 48 months), not at the report month
    assert r.figures.time_elapsed_pct == 75.0
    assert r.figures.schedule_gap_pts == pytest.approx(50.0 - 75.0)
    late = run(t, [("R", "x", "2024", 150)], as_of="2025-12")
    assert late.status != "awaiting_final"  # December 2025 itself is not past the deadline


def test_no_projection_when_the_latest_is_past_the_deadline() -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    r = run(t, [("R", "x", "2026-02", 150)], as_of="2026-10")
    assert r.figures.projected_at_deadline is None
    assert r.figures.required_cagr_from_latest is None
    assert "projected_at_deadline" in dict(r.why_null)


# --- baselines --------------------------------------------------------------------------------


def test_baseline_period_only_takes_that_observation() -> None:
    t = make_target(baseline=Baseline("2022"))
    r = run(t, [("R", "x", "2021", 90), ("R", "x", "2022", 100), ("R", "x", "2023", 120)])
    assert r.baseline is not None and r.baseline.value == 100.0


def test_baseline_period_without_observation_is_an_issue() -> None:
    t = make_target(baseline=Baseline("2020"))
    report = judge(TargetsFile((t,)), Actuals(frame([("R", "x", "2023", 120)])), Month(2024, 6))
    assert report.targets[0].baseline is None
    assert report.targets[0].figures.actual_cagr is None
    assert any("baseline period 2020" in i.message for i in report.issues)


def test_no_baseline_means_the_earliest_observation() -> None:
    r = run(make_target(), [("R", "x", "2023", 120), ("R", "x", "2021", 100)])
    assert r.baseline is not None and (r.baseline.period, r.baseline.value) == ("2021", 100.0)


# --- previous status, stale -------------------------------------------------------------------


def test_previous_status_is_the_month_before() -> None:
    t = make_target(baseline=Baseline("2021", 100.0))
    r = run(t, [("R", "x", "2023", 150), ("R", "x", "2024-06", 200)], as_of="2024-06")
    assert (r.previous_status, r.status) == ("on_track", "achieved")
    assert r.previous_latest is not None and r.previous_latest.period == "2023"


@pytest.mark.parametrize(
    ("period", "stale"), [("2023-09", False), ("2023-08", True)], ids=["13-months", "14-months"]
)
def test_stale_after_thirteen_months(period: str, stale: bool) -> None:
    r = run(make_target(), [("R", "x", period, 120)], as_of="2024-10")
    assert r.stale is stale


# --- annual totals ----------------------------------------------------------------------------

ANNUAL = make_target(kind="annual_total", target=2000.0, baseline=Baseline("2021", 1000.0))


def test_twelve_months_make_a_year_total() -> None:
    rows = [("R", "x", f"2023-{m:02d}", 100 + m) for m in range(1, 13)]
    r = run(ANNUAL, rows, as_of="2024-02")
    assert r.latest is not None
    assert (r.latest.period, r.latest.basis) == ("2023", "annual")
    assert r.latest.value == pytest.approx(sum(100 + m for m in range(1, 13)))


def test_ytd_december_is_the_year_total_and_months_follow_from_differences() -> None:
    rows = [
        ("R", "x", "2023-06", 600, "ytd"),
        ("R", "x", "2023-12", 1300, "ytd"),
        ("R", "x", "2024-06", 700, "ytd"),
    ]
    r = run(ANNUAL, rows, as_of="2024-08")
    # TTM to 2024-06 = ytd 2024-06 + (total 2023 - ytd 2023-06) = 700 + 700.
    assert r.latest is not None
    assert (r.latest.period, r.latest.basis, r.latest.value) == ("2024-06", "ttm", 1400.0)
    years_ = {o.period: o.value for o in r.observations}
    assert years_["2023"] == 1300.0


def test_ttm_from_twelve_monthly_amounts_across_a_year_end() -> None:
    rows = [("R", "x", f"2023-{m:02d}", 100, "month") for m in range(4, 13)]
    rows += [("R", "x", f"2024-{m:02d}", 110, "month") for m in range(1, 4)]
    r = run(ANNUAL, rows, as_of="2024-03")
    assert r.latest is not None
    assert (r.latest.period, r.latest.basis, r.latest.value) == ("2024-03", "ttm", 1230.0)


def test_no_ttm_when_a_month_is_missing() -> None:
    rows = [("R", "x", f"2023-{m:02d}", 100) for m in range(5, 13)]
    rows += [("R", "x", f"2024-{m:02d}", 110) for m in range(1, 4)]
    r = run(ANNUAL, rows, as_of="2024-03")
    assert r.latest is None
    assert r.status == "not_assessable"


def test_year_row_wins_over_months_with_a_warning() -> None:
    rows = [("R", "x", f"2023-{m:02d}", 100) for m in range(1, 13)] + [("R", "x", "2023", 1250)]
    report = judge(TargetsFile((ANNUAL,)), Actuals(frame(rows)), Month(2024, 2))
    assert report.targets[0].latest is not None
    assert report.targets[0].latest.value == 1250.0
    differs = [i for i in report.issues if i.code == "year_row_differs"]
    # said at the year row (row 14), naming the rows its months came from
    assert [(i.row, i.message) for i in differs] == [
        (
            14,
            "t: the 2023 year row (1,250) differs from its January–December year-to-date "
            "(1,200, rows 2–13); the year row is used",
        )
    ]


def test_a_year_row_beside_a_typed_year_to_date_names_both_rows_once_for_two_goals() -> None:
    # A county's 2026 year row beside its 1—12月 year-to-date (a helper's find): the warning
    # named no row, called the typed 累计数 the months' sum, and was said again for the 2027
    # goal on the same series.
    later = replace(ANNUAL, id="t2027", deadline=dt.date(2027, 12, 31), target=2600.0)
    rows = [("R", "x", "2023-12", 1200, "ytd"), ("R", "x", "2023", 1250)]
    report = judge(TargetsFile((ANNUAL, later)), Actuals(frame(rows)), Month(2024, 2))
    differs = [i for i in report.issues if i.code == "year_row_differs"]
    assert [(i.row, dict(i.params)["rows"]) for i in differs] == [(3, "2")]
    assert differs[0].message.endswith("(1,200, row 2); the year row is used")
    chinese = Words.of("zh").issue_message(differs[0].code, differs[0].params)
    assert chinese == "“R·X”：2023年全年数（1250）与1—12月累计数（1200，第2行）不一致，采用全年数"


def test_ytd_outside_the_goals_own_year_is_shown_not_judged() -> None:
    """A 2025 deadline judged in 2024: the 2024 year-to-date figure is shown, with no ytd
    figures against the goal, and the status follows the pace of the year totals."""
    rows = [("R", "x", "2023", 1300), ("R", "x", "2024-05", 500, "ytd")]
    r = run(ANNUAL, rows, as_of="2024-06")
    assert r.latest is not None and r.latest.period == "2023"
    assert r.ytd is not None and (r.ytd.period, r.ytd.value) == ("2024-05", 500.0)
    assert not r.own_year and r.figures.ytd_share_of_target_pct is None
    assert r.status == r.figures.pace_category


def test_annual_total_ignores_single_dates_with_a_warning() -> None:
    rows = [("R", "x", "2023", 1300), ("R", "x", dt.date(2024, 3, 15), 400)]
    report = judge(TargetsFile((ANNUAL,)), Actuals(frame(rows)), Month(2024, 6))
    assert [o.period for o in report.targets[0].observations] == ["2023"]
    assert any("its period cannot be a date" in i.message for i in report.issues)


# --- regions, context -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "indicator", "en", "zh"),
    [
        (
            "Liaoyaun",
            "x",
            "which has this indicator's rows for region Liaoyuan: if the targets file's region "
            "'Liaoyaun' is meant to be 'Liaoyuan', correct it there",
            "但工作表中有地区“辽源”的该指标数据。如目标文件中的地区“Liaoyaun”应为“Liaoyuan”",
        ),
        (
            "Liaoyuan",
            "xx_capasity",
            "which has this region's rows of indicator xx_capacity: if the targets file's "
            "indicator 'xx_capasity' is meant to be 'xx_capacity', correct it there",
            "但工作表中有该地区“xx_capacity”指标的数据。如目标文件中的指标“xx_capasity”应为",
        ),
    ],
)
def test_a_goal_whose_names_are_close_to_the_sheets_is_told_it_may_be_a_typo(
    region: str, indicator: str, en: str, zh: str
) -> None:
    """A 2030 goal added with its region or indicator misspelt in targets.toml (made up, a park
    analyst's find) was told only "no rows for target …", where a typo in the sheet is offered
    the names it is close to."""
    from sockprogress.words.words import Words

    named = "Liaoyuan" if region == "Liaoyaun" else region
    own = "x" if indicator == "x" else "xx_capacity"
    first = make_target(id="first", region="Liaoyuan", indicator=own)
    later = make_target(id="later", region=region, indicator=indicator)
    rows = [(named, first.indicator, "2024", 150)]
    report = judge(
        TargetsFile((first, later), regions_zh=(("Liaoyuan", "辽源"),)),
        Actuals(frame(rows)),
        Month(2024, 6),
    )
    (issue,) = [i for i in report.issues if i.target_id == "later"]
    assert issue.code == "no_rows_close"
    assert en in Words.of("en").issue_text(issue)
    assert zh in Words.of("zh").issue_text(issue)
    assert Words.of("zh").issue_hint(issue) == "如无误，请在该工作表中补录已公布的数据"


def test_unknown_region_is_left_out_with_an_issue_and_context_is_kept() -> None:
    rows = [
        ("R", "x", "2023", 150),
        ("Nowhere", "x", "2023", 1),
        ("R", "looms", "2022", 10),
        ("R", "looms", "2023", 12),
    ]
    report = judge(TargetsFile((make_target(),)), Actuals(frame(rows)), Month(2024, 6))
    assert [i.row for i in report.issues if "Nowhere" in i.message] == [3]
    (context,) = report.context
    assert (context.indicator, context.latest.value, context.change) == ("looms", 12.0, 2.0)
    assert context.change_pct == pytest.approx(20.0)


def test_a_year_to_date_context_figure_is_compared_with_the_same_months_a_year_before() -> None:
    """A method audit (made-up figures): 1—3月 2025 (300) against 2024's 1—12月 (1,200) gave a
    change of -75 %. A year-to-date figure is held against the same months a year before, or
    against nothing."""
    rows = [
        ("R", "looms", "2024-03", 280, "ytd"),
        ("R", "looms", "2024-12", 1200, "ytd"),
        ("R", "looms", "2025-03", 300, "ytd"),
    ]
    report = judge(TargetsFile((make_target(),)), Actuals(frame(rows)), Month(2025, 4))
    (context,) = report.context
    assert context.previous is not None and context.previous.end == dt.date(2024, 3, 31)
    assert context.change_pct == pytest.approx(100 * (300 / 280 - 1))
    alone = judge(TargetsFile((make_target(),)), Actuals(frame(rows[1:])), Month(2025, 4))
    (context,) = alone.context
    assert context.previous is None and context.change_pct is None
    # a month's own amount likewise (a review: March 2025's 100 against 2024's 1,200 read
    # -91.7 %): against the same month a year before, never a year's total
    amounts = [
        ("R", "parcels", "2024", 1200),
        ("R", "parcels", "2024-03", 90, "month"),
        ("R", "parcels", "2025-02", 95, "month"),
        ("R", "parcels", "2025-03", 100, "month"),
    ]
    report = judge(TargetsFile((make_target(),)), Actuals(frame(amounts)), Month(2025, 4))
    by_basis = {c.basis: c for c in report.context}
    month = by_basis["month"]
    assert month.previous is not None and month.previous.period == "2024-03"
    assert month.change_pct == pytest.approx(100 * (100 / 90 - 1))
    assert by_basis[""].latest.period == "2024" and by_basis[""].previous is None


def test_counts_by_status() -> None:
    a = make_target(id="a", baseline=Baseline("2021", 100.0))
    b = replace(a, id="b", indicator="y")
    rows = [("R", "x", "2023", 200), ("R", "y", "2023", 90)]
    report = judge(TargetsFile((a, b)), Actuals(frame(rows)), Month(2024, 6))
    assert report.counts() == {"achieved": 1, "moving_away": 1}
