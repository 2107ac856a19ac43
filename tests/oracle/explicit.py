"""Hand-written synthetic scenarios, one per rule of the method, with hand-worked expectations.

All figures are made up. `expect` holds what the rule says, worked out by hand; the oracle is
checked against it and the app against the oracle.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from oracle.scenarios import Scenario, Spec

D25 = dt.date(2025, 12, 31)
D27 = dt.date(2027, 12, 31)


def _spec(
    id: str = "t0",
    kind: str = "level",
    direction: str = "increase",
    target: float = 200.0,
    deadline: dt.date = D27,
    baseline: dict[str, Any] | None = None,
    indicator: str | None = None,
    year: int | None = None,
) -> Spec:
    if year is not None:
        deadline = dt.date(year, 12, 31)
    return Spec(id, indicator or f"ind-{id}", kind, direction, target, deadline, baseline, year)


def _rows(id: str, *rows: tuple[Any, ...]) -> list[tuple[str, Any, float, str | None]]:
    return [(f"ind-{id}", r[0], r[1], r[2] if len(r) > 2 else None) for r in rows]


def _one(spec: Spec, rows: list[tuple[Any, ...]], as_of: str, **expect: Any) -> Scenario:
    return Scenario([spec], _rows(spec.id, *rows), as_of, expect={spec.id: expect})


def _pace_bands() -> Scenario:
    """Baseline 100 at end-2020, target 200 at end-2024: required = 2 ** (1/4) - 1."""
    required = 2 ** (1 / 4) - 1
    span = (dt.date(2022, 12, 31) - dt.date(2020, 12, 31)).days / 365.25
    specs, rows, expect = [], [], {}
    for id, ratio, band in (
        ("on", 1.0, "on_track"),
        ("mod", 0.8, "moderate_progress"),
        ("ins", 0.3, "insufficient_progress"),
        ("away", -0.3, "moving_away"),
    ):
        spec = _spec(id, deadline=dt.date(2024, 12, 31), baseline={"period": "2020", "value": 100})
        specs.append(spec)
        rows += _rows(id, ("2022", round(100 * (1 + ratio * required) ** span, 6)))
        expect[id] = {"pace_category": band, "status": band}
    return Scenario(specs, rows, "2023-06", expect=expect)


CASES: list[tuple[str, Scenario, str | None]] = [
    (
        "level-latest-end-date-cell-and-cutoff",
        _one(
            _spec(),
            [
                ("2023", 100),
                ("2024-06", 120),
                (dt.datetime(2024, 9, 15), 130),
                (2025, 150),  # ends after the report month: left out
            ],
            "2024-12",
            latest_value=130,
            latest_period="2024-09-15",
            latest_basis="level",
            baseline_value=100,
            baseline_period="2023",
            share_of_target_pct=65.0,
            gap=70.0,
            gap_closed_pct=30.0,
            status="on_track",
        ),
        None,
    ),
    (
        "annual-year-rows-figures",
        _one(
            _spec(
                kind="annual_total",
                target=1000,
                deadline=D25,
                baseline={"period": "2021", "value": 500},
            ),
            [("2022", 600), ("2023", 700)],
            "2024-06",
            latest_value=700,
            latest_period="2023",
            latest_basis="annual",
            share_of_target_pct=70.0,
            gap=300.0,
            gap_closed_pct=40.0,
            # months, at the latest figure (end-2023): 24 of the 48 from end-2021 to end-2025
            time_elapsed_pct=50.0,
            schedule_gap_pts=40.0 - 50.0,
            actual_cagr=1.4 ** (365.25 / 730) - 1,
            required_cagr=2 ** (365.25 / 1461) - 1,
            status="on_track",
        ),
        None,
    ),
    (
        "annual-december-ytd-is-the-year-total",
        _one(
            _spec(kind="annual_total", target=1000, baseline={"period": "2021", "value": 500}),
            [("2023-06", 400, "ytd"), ("2023-12", 900, "ytd")],
            "2024-03",
            latest_value=900,
            latest_period="2023",
            latest_basis="annual",
        ),
        None,
    ),
    (
        "annual-twelve-months-sum-to-the-year",
        _one(
            _spec(kind="annual_total", target=1000, baseline={"period": "2021", "value": 500}),
            [(f"2023-{m:02d}", 40 + m, "month" if m % 2 else None) for m in range(1, 13)],
            "2024-02",
            latest_value=sum(40 + m for m in range(1, 13)),
            latest_period="2023",
            latest_basis="annual",
        ),
        None,
    ),
    (
        "annual-ttm-from-twelve-monthly-amounts",
        _one(
            _spec(kind="annual_total", target=1000, baseline={"period": "2021", "value": 500}),
            [("2023-04", 50), *[(f"2023-{m:02d}", 55, "month") for m in range(5, 13)]]
            + [(f"2024-{m:02d}", 60) for m in range(1, 4)],
            "2024-03",
            latest_value=50 + 8 * 55 + 3 * 60,
            latest_period="2024-03",
            latest_basis="ttm",
        ),
        None,
    ),
    (
        "annual-ttm-from-ytd-plus-previous-year-minus-previous-ytd",
        _one(
            _spec(kind="annual_total", target=2000, baseline={"period": "2021", "value": 900}),
            [
                ("2023", 1200),
                ("2023-03", 280, "ytd"),
                ("2024-03", 330, "ytd"),
                ("2024-05", 450, "ytd"),  # after the report month
            ],
            "2024-04",
            latest_value=330 + 1200 - 280,
            latest_period="2024-03",
            latest_basis="ttm",
        ),
        None,
    ),
    (
        "annual-no-ttm-without-previous-ytd-for-the-same-month",
        _one(
            _spec(kind="annual_total", target=2000, baseline={"period": "2021", "value": 900}),
            [("2023", 1200), ("2023-02", 190, "ytd"), ("2024-03", 330, "ytd")],
            "2024-04",
            latest_value=1200,
            latest_period="2023",
            latest_basis="annual",
        ),
        None,
    ),
    (
        "annual-ttm-from-ytd-differences-and-months",
        _one(
            _spec(kind="annual_total", target=2000, baseline={"period": "2021", "value": 900}),
            [(f"2023-{m:02d}", 100 * m, "ytd") for m in range(3, 13)]
            + [(f"2024-{m:02d}", 110, "month") for m in range(1, 4)],
            "2024-03",
            latest_value=1200 - 300 + 330,
            latest_period="2024-03",
            latest_basis="ttm",
        ),
        None,
    ),
    (
        "annual-final-figure-can-be-a-ttm",
        _one(
            _spec(kind="annual_total", target=1000, deadline=D25),
            [("2024", 900)]
            + [(f"2025-{m:02d}", 80) for m in range(3, 13)]
            + [("2026-01", 90), ("2026-02", 90)],
            "2026-03",
            latest_value=80 * 10 + 180,
            latest_period="2026-02",
            latest_basis="ttm",
            status="missed",
        ),
        None,
    ),
    (
        "duplicate-period-uses-the-lower-row",
        _one(
            _spec(),
            [("2023", 100), ("2024-06", 100), ("2024-06", 110)],
            "2024-12",
            latest_value=110,
            latest_period="2024-06",
        ),
        None,
    ),
    (
        "month-and-ytd-rows-for-the-same-month-are-both-used",
        _one(
            _spec(kind="annual_total", target=2000, baseline={"period": "2021", "value": 900}),
            [("2023", 1200), ("2023-03", 280, "ytd"), ("2024-03", 330, "ytd"), ("2024-03", 110)],
            "2024-04",
            # A month's amount and its year-to-date are different figures (docs/method.md
            # "Duplicates"): TTM to 2024-03 = 330 + (1200 - 280).
            latest_value=1250,
            latest_period="2024-03",
            latest_basis="ttm",
        ),
        None,
    ),
    (
        "baseline-period-only-is-that-observation",
        _one(
            _spec(baseline={"period": "2022"}),
            [("2021", 80), ("2022", 100), ("2024", 121)],
            "2025-03",
            baseline_value=100,
            baseline_period="2022",
            gap_closed_pct=21.0,
        ),
        None,
    ),
    (
        "baseline-period-only-matches-by-end-date",
        _one(
            _spec(baseline={"period": "2022"}),
            [("2022-12-31", 100), ("2024", 150)],
            "2025-04",
            baseline_value=100,
            baseline_period="2022-12-31",
        ),
        None,
    ),
    (
        "one-observation-no-baseline-is-not-assessable",
        _one(
            _spec(deadline=dt.date(2026, 12, 31)),
            [("2024-03", 100)],
            "2024-06",
            share_of_target_pct=50.0,
            gap_closed_pct=0.0,
            actual_cagr=None,
            pace_ratio=None,
            projected_at_deadline=None,
            eta=None,
            status="not_assessable",
        ),
        None,
    ),
    ("pace-category-at-every-band", _pace_bands(), None),
    (
        "deadline-passed-final-figure-achieved",
        _one(
            _spec(deadline=D25),
            [("2024", 150), ("2025", 210)],
            "2026-03",
            status="achieved",
            time_elapsed_pct=100.0,
        ),
        None,
    ),
    (
        "deadline-passed-final-figure-missed",
        _one(_spec(deadline=D25), [("2024", 150), ("2025", 190)], "2026-03", status="missed"),
        None,
    ),
    (
        "deadline-passed-missed-then-met-late",
        _one(
            _spec(deadline=D25),
            [("2024", 150), ("2025", 190), ("2026-06", 205)],
            "2026-10",
            status="missed",
            latest_value=205,
        ),
        None,
    ),
    (
        "deadline-passed-awaiting-final-keeps-pace",
        _one(
            _spec(deadline=D25, baseline={"period": "2022", "value": 100}),
            [("2024", 150)],
            "2026-03",
            status="awaiting_final",
            pace_category="moderate_progress",
            required_cagr_from_latest=(200 / 150) ** (365.25 / 365) - 1,  # 365 days to go
        ),
        None,
    ),
    (
        "deadline-passed-achieved-before-the-final-figure",
        _one(_spec(deadline=D25), [("2023", 150), ("2024", 210)], "2026-03", status="achieved"),
        None,
    ),
    (
        "decrease-missed-and-eta",
        _one(
            _spec(
                direction="decrease",
                target=50,
                deadline=D25,
                baseline={"period": "2020", "value": 100},
            ),
            [("2022", 81), ("2025", 60)],
            "2026-02",
            status="missed",
            gap=-10.0,
        ),
        None,
    ),
    (
        "previous-status-before-the-deadline-passed",
        _one(
            _spec(deadline=D25, baseline={"period": "2022", "value": 100}),
            [("2024", 150)],
            "2026-01",
            status="awaiting_final",
            previous_status="moderate_progress",
        ),
        None,
    ),
    (
        "previous-status-before-new-data",
        _one(
            _spec(),
            [("2024-06", 100), ("2024-09", 205)],
            "2024-09",
            status="achieved",
            previous_status="not_assessable",
        ),
        None,
    ),
    (
        "stale-not-at-13-months",
        _one(_spec(), [("2025-01", 90), ("2025-09", 100)], "2026-10", stale=False),
        None,
    ),
    (
        "stale-at-14-months",
        _one(_spec(), [("2024-12", 90), ("2025-08", 100)], "2026-10", stale=True),
        None,
    ),
    (
        "no-observation-no-baseline",
        _one(
            _spec(),
            [],
            "2024-06",
            status="not_assessable",
            latest_value=None,
            share_of_target_pct=None,
            required_cagr=None,
            stale=False,
        ),
        None,
    ),
    (
        "no-observation-with-baseline-value",
        _one(
            _spec(baseline={"period": "2020", "value": 100}, deadline=dt.date(2024, 12, 31)),
            [("2025", 150)],  # ends after the report month
            "2022-12",
            status="not_assessable",
            latest_value=None,
            time_elapsed_pct=None,  # taken at the latest figure: there is none
            required_cagr=2 ** (365.25 / 1461) - 1,
        ),
        None,
    ),
    (
        "rate-is-the-latest-figure-and-gives-an-outlook",
        # 2.6 bn stated as an annual rate in Jun 2025; the 2024 total was 2.5 bn; goal 4 bn
        _one(
            _spec(
                kind="annual_total",
                target=4000,
                deadline=D25,
                baseline={"period": "2021", "value": 2500},
            ),
            [("2024", 2500), ("2025-06", 2600, "rate")],
            "2026-10",
            latest_value=2600,
            latest_period="2025-06",
            latest_basis="rate",
            status="awaiting_final",
            outlook="likely_missed",
            share_of_target_pct=65.0,
        ),
        None,
    ),
    (
        "rate-is-never-the-final-figure",
        # a rate after the deadline that meets the goal decides nothing: still awaiting
        _one(
            _spec(
                kind="annual_total",
                target=1000,
                deadline=D25,
                baseline={"period": "2021", "value": 500},
            ),
            [("2024", 800), ("2026-03", 1200, "rate")],
            "2026-10",
            latest_basis="rate",
            status="awaiting_final",
            outlook=None,
        ),
        None,
    ),
    (
        "an-exact-ttm-wins-over-a-rate-for-the-same-month",
        _one(
            _spec(kind="annual_total", target=2000, baseline={"period": "2021", "value": 900}),
            [
                ("2023", 1200),
                ("2023-03", 280, "ytd"),
                ("2024-03", 330, "ytd"),
                ("2024-03", 9999, "rate"),
            ],
            "2024-04",
            latest_value=1250,
            latest_basis="ttm",
        ),
        None,
    ),
    (
        "schedule-gap-is-gap-closed-minus-time-elapsed",
        # baseline 100 at end-2020, goal 200 by end-2024; 150 at end-2022, judged at 2022-12
        _one(
            _spec(
                target=200,
                deadline=dt.date(2024, 12, 31),
                baseline={"period": "2020", "value": 100},
            ),
            [("2022", 150)],
            "2022-12",
            gap_closed_pct=50.0,
        ),
        None,
    ),
    (
        "a-week-before-the-deadline-the-growth-needed-is-huge-but-given",
        # half the goal a week before the deadline: (200 / 100) ** (365.25 / 7) - 1 ~ 5.1e15
        _one(
            _spec(target=200, deadline=D25, baseline={"period": "2020", "value": 100}),
            [(dt.datetime(2025, 12, 24), 100)],
            "2025-12",
            required_cagr_from_latest=2 ** (365.25 / 7) - 1,
        ),
        None,
    ),
]


def _month_rows(year: int, months: range, value: float, basis: str | None = None) -> list[Any]:
    return [(f"{year:04d}-{m:02d}", value, basis) for m in months]


# The method as changed for the goal's own year (issue 20): one scenario per rule, worked by hand.
CASES += [
    (
        "time-elapsed-in-months-at-the-latest-figure",
        # months(2020-12-31 -> 2022-06-15) = 24 - 6 + 15/30 - 31/31 = 17.5 of 48
        _one(
            _spec(
                target=200,
                deadline=dt.date(2024, 12, 31),
                baseline={"period": "2020", "value": 100},
            ),
            [(dt.datetime(2022, 6, 15), 150)],
            "2022-12",
            time_elapsed_pct=100 * 17.5 / 48,
            gap_closed_pct=50.0,
            schedule_gap_pts=50.0 - 100 * 17.5 / 48,
        ),
        None,
    ),
    (
        "schedule-gap-null-once-the-latest-figure-reaches-the-deadline",
        _one(
            _spec(
                target=200,
                deadline=dt.date(2024, 12, 31),
                baseline={"period": "2020", "value": 100},
            ),
            [("2024", 150)],
            "2025-03",
            time_elapsed_pct=100.0,
            schedule_gap_pts=None,
            status="missed",
        ),
        None,
    ),
    (
        "schedule-gap-null-at-the-baseline",
        _one(
            _spec(baseline={"period": "2022"}),
            [("2022", 100)],
            "2023-01",
            time_elapsed_pct=0.0,
            schedule_gap_pts=None,
        ),
        None,
    ),
    (
        "year-goal-bulletin-ahead-of-the-schedule-with-only-its-cumulative-figure",
        # 1-10月 3.12 of 3.5: 89.1 %, schedule 83.3 %, +5.8 points; 同比 3.12 / 2.9
        _one(
            _spec(kind="annual_total", target=3.5e9, year=2026),
            [("2025-10", 2.9e9, "ytd"), ("2026-10", 3.12e9, "ytd")],
            "2026-11",
            latest_value=None,
            ytd_value=3.12e9,
            ytd_period="2026-10",
            ytd_share_of_target_pct=100 * 3.12 / 3.5,
            ytd_schedule_pct=100 * 10 / 12,
            ytd_schedule_gap_pts=100 * 3.12 / 3.5 - 100 * 10 / 12,
            ytd_pace_ratio=(3.12 / 3.5) / (10 / 12),
            ytd_yoy_pct=100 * (3.12 / 2.9 - 1),
            pace_category="on_track",
            schedule_gap_pts=None,
            status="on_track",
            stale=False,
        ),
        None,
    ),
    (
        "year-goal-achieved-early-by-its-cumulative-figure",
        _one(
            _spec(kind="annual_total", target=1000, year=2026),
            [("2026-09", 1010, "ytd")],
            "2026-10",
            ytd_share_of_target_pct=101.0,
            ytd_schedule_gap_pts=101.0 - 75.0,
            ytd_pace_ratio=1.01 / 0.75,
            status="achieved",
        ),
        None,
    ),
    (
        "year-goal-decrease-a-cap-is-never-met-early",
        # 650 of a 1,200 cap after six months: 54.2 % used against 50 %: pace 0.5 / 0.5417
        _one(
            _spec(kind="annual_total", direction="decrease", target=1200, year=2026),
            [("2026-06", 650, "ytd")],
            "2026-07",
            ytd_share_of_target_pct=100 * 650 / 1200,
            ytd_schedule_pct=50.0,
            ytd_schedule_gap_pts=100 * 650 / 1200 - 50.0,
            ytd_pace_ratio=0.5 / (650 / 1200),
            pace_category="moderate_progress",
            status="moderate_progress",
        ),
        None,
    ),
    (
        "year-goal-without-a-figure-of-its-year-is-not-assessable",
        _one(
            _spec(kind="annual_total", target=1000, year=2026),
            [("2024", 800), ("2025", 1100)],  # 2025 meets it, but is not of 2026
            "2026-03",
            latest_value=1100,
            status="not_assessable",
        ),
        None,
    ),
    (
        "year-goal-is-never-met-by-an-earlier-year",
        _one(
            _spec(kind="annual_total", target=1000, year=2025),
            [("2023", 800), ("2024", 1100)],  # 2024 meets it, but is not of 2025
            "2026-02",
            status="awaiting_final",
        ),
        None,
    ),
    (
        "a-goal-to-hold-its-baseline-level-is-judged-with-its-undefined-figures-blank",
        # 保持: a target equal to its baseline was refused, stopping the whole report; the
        # method leaves gap closed and pace undefined (null, with a reason) and judges it.
        _one(
            _spec(target=300, baseline={"period": "2023", "value": 300}),
            [("2024", 310)],
            "2025-06",
            gap_closed_pct=None,
            required_cagr=0.0,
            pace_ratio=None,
            status="achieved",
        ),
        None,
    ),
    (
        "a-goal-to-hold-its-level-that-falls-below-it-has-no-pace",
        _one(
            _spec(target=300, baseline={"period": "2023", "value": 300}),
            [("2024", 290)],
            "2025-06",
            pace_ratio=None,
            status="not_assessable",
        ),
        None,
    ),
    (
        "year-goal-is-never-met-by-twelve-months-running-into-the-next-year",
        # A method audit (made-up figures): 2025's February-December amounts add up to 1,100;
        # the twelve months to January 2026 (1,250) include a month of 2026, so they are not a
        # figure of 2025 and do not meet its goal: it awaits its final figure.
        _one(
            _spec(kind="annual_total", target=1200, year=2025),
            [*_month_rows(2025, range(2, 13), 100), ("2026-01", 150)],
            "2026-02",
            latest_value=1250,
            latest_period="2026-01",
            status="awaiting_final",
        ),
        None,
    ),
    (
        "year-goal-a-december-report-with-the-years-total-is-decided-by-it",
        _one(
            _spec(kind="annual_total", target=1000, year=2025),
            [*_month_rows(2025, range(1, 12), 80), ("2025-12", 960, "ytd")],
            "2025-12",
            latest_value=960,
            latest_period="2025",
            ytd_value=None,  # December: the year's total, not a year-to-date figure
            status="missed",
        ),
        None,
    ),
    (
        "mid-year-deadline-final-is-the-ttm-to-its-month",
        # 12 x 95 = 1,140 to June 2025 (missed); July-September at 120 meet it late
        _one(
            _spec(kind="annual_total", target=1200, deadline=dt.date(2025, 6, 30)),
            _month_rows(2024, range(7, 13), 95)
            + _month_rows(2025, range(1, 7), 95)
            + _month_rows(2025, range(7, 10), 120),
            "2025-10",
            latest_value=9 * 95 + 3 * 120,
            latest_period="2025-09",
            status="missed",
            ytd_value=6 * 95 + 3 * 120,
            ytd_share_of_target_pct=None,  # a mid-year deadline has no own year
        ),
        None,
    ),
    (
        "stale-looks-at-the-year-to-date-figure-and-its-gap-at-its-date",
        _one(
            _spec(
                kind="annual_total",
                target=1000,
                deadline=D25,
                baseline={"period": "2021", "value": 500},
            ),
            [("2024", 800), ("2025-10", 700, "ytd")],
            "2026-10",
            latest_value=800,
            ytd_value=700,
            ytd_schedule_gap_pts=70.0 - 100 * 10 / 12,
            schedule_gap_pts=None,
            status="awaiting_final",
            stale=False,
        ),
        None,
    ),
    (
        "month-amounts-that-disagree-with-a-ytd-row-lose-to-it",
        # Jan-Mar amounts add up to 310, the Jan-Mar ytd row says 300: TTM = 900 + 300
        _one(
            _spec(kind="annual_total", target=2000),
            [
                *_month_rows(2025, range(4, 13), 100),
                ("2026-01", 100),
                ("2026-02", 100),
                ("2026-03", 110),
                ("2026-03", 300, "ytd"),
            ],
            "2026-04",
            latest_value=1200,
            latest_basis="ttm",
            ytd_value=300,
        ),
        None,
    ),
    (
        "level-periods-ending-on-one-day-are-one-period",
        _one(
            _spec(),
            [("2023", 100), ("2023-12", 120), ("2024", 130)],
            "2025-01",
            baseline_value=120,  # the lower of the two rows for 31 Dec 2023
            baseline_period="2023-12",
            latest_value=130,
        ),
        None,
    ),
    (
        "unchanged-since-a-run-of-twelve-months-or-more",
        Scenario(
            [_spec("a"), _spec("b")],
            _rows("a", ("2021", 140), ("2022", 150), ("2023-06", 150), ("2024", 150))
            + _rows("b", ("2023-06", 150), ("2024-03", 150)),
            "2025-01",
            expect={"a": {"unchanged_since": "2022"}, "b": {"unchanged_since": None}},
        ),
        None,
    ),
    (
        "ytd-yoy-from-last-years-month-amounts",
        _one(
            _spec(kind="annual_total", target=2000, year=2026),
            [*_month_rows(2025, range(1, 5), 100), ("2026-04", 480, "ytd")],
            "2026-05",
            ytd_value=480,
            ytd_yoy_pct=20.0,
            ytd_share_of_target_pct=24.0,
            ytd_schedule_pct=100 * 4 / 12,
        ),
        None,
    ),
    (
        "ytd-only-of-the-report-year-or-the-deadlines-year",
        _one(
            _spec(kind="annual_total", target=2000, deadline=D27),
            [("2025-11", 500, "ytd")],
            "2026-02",
            ytd_value=None,
            ytd_period=None,
            ytd_yoy_pct=None,
        ),
        None,
    ),
    (
        "last-year-of-a-plan-the-year-to-date-figure-alone-decides",
        # 2024's total already meets the goal, but in 2025 the year's cumulative figure decides
        _one(
            _spec(
                kind="annual_total",
                target=1000,
                deadline=D25,
                baseline={"period": "2020", "value": 600},
            ),
            [("2024", 1050), ("2025-06", 450, "ytd")],
            "2025-07",
            ytd_pace_ratio=0.45 / 0.5,
            pace_category="moderate_progress",
            status="moderate_progress",
        ),
        None,
    ),
]
