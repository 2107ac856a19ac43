"""Hostile inputs, the judging side (issue 22): conflicting figures are never combined without a
word, a mid-year deadline's final figure is not moved by later months, and the plausibility
thresholds behave at their exact edge as docs/method.md says. All figures are made up."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from helpers import frame, make_target
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sockprogress.judging import judge
from sockprogress.judging.plausibility import Series, check_series
from sockprogress.judging.rows import Rows
from sockprogress.model import Actuals, Baseline, Report, Target, TargetsFile
from sockprogress.periods import Month


def report_of(target: Target, rows: list[tuple[Any, ...]], as_of: str) -> Report:
    return judge(TargetsFile((target,)), Actuals(frame(rows)), Month.parse(as_of))


def rows_of(*items: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """(period, value[, basis]) -> rows of the synthetic series R / x (sheet rows 2, 3, …)."""
    return [("R", "x", *item) for item in items]


def issues(report: Report, code: str) -> list[dict[str, str]]:
    return [dict(i.params) | {"row": str(i.row)} for i in report.issues if i.code == code]


# --- 1a. month amounts against a year-to-date figure of the same year ------------------------

GOAL_2026 = make_target(kind="annual_total", deadline=dt.date(2026, 12, 31), target=10**7)
amounts = st.lists(st.integers(min_value=1, max_value=10**6).map(float), min_size=1, max_size=11)


@settings(max_examples=80, deadline=None)
@given(amounts, st.integers(min_value=-1000, max_value=1000).map(float), st.booleans())
def test_month_amounts_against_a_ytd_row_are_never_summed_silently(
    months: list[float], off: float, ytd_first: bool
) -> None:
    """January..m as amounts and a `ytd` row for m: when the sum differs, a data issue names the
    rows and the ytd figure is used; when it agrees, nothing is said."""
    m = len(months)
    ytd = sum(months) + off
    assume(ytd > 0)
    month_rows = [(f"2026-{k:02d}", v, "month") for k, v in enumerate(months, 1)]
    ytd_row = (f"2026-{m:02d}", ytd, "ytd")
    rows = [ytd_row, *month_rows] if ytd_first else [*month_rows, ytd_row]
    report = report_of(GOAL_2026, rows_of(*rows), f"2026-{m:02d}")
    r = report.targets[0]
    assert r.ytd is not None and r.ytd.value == ytd
    said = issues(report, "ytd_months_differ")
    if off == 0:
        assert said == []
        return
    sheet = list(range(2, 2 + len(rows)))
    ytd_sheet_row = sheet[0] if ytd_first else sheet[-1]
    amount_rows = [n for n in sheet if n != ytd_sheet_row]
    assert len(said) == 1
    assert said[0]["ytd_row"] == said[0]["row"] == str(ytd_sheet_row)
    assert said[0]["rows"] == ", ".join(map(str, amount_rows))


def test_twelve_month_amounts_against_a_december_ytd_the_ytd_is_the_years_total() -> None:
    rows = rows_of(*[(f"2026-{m:02d}", 100.0) for m in range(1, 13)], ("2026-12", 1000.0, "ytd"))
    report = report_of(
        make_target(kind="annual_total", target=1100, deadline=dt.date(2026, 12, 31)),
        rows,
        "2026-12",
    )
    r = report.targets[0]
    assert r.final is not None and (r.final.period, r.final.value) == ("2026", 1000.0)
    assert r.status == "missed"  # never 1200 summed from the amounts, which would meet 1100
    (said,) = issues(report, "ytd_months_differ")
    assert said["rows"] == ", ".join(str(n) for n in range(2, 14)) and said["ytd_row"] == "14"


def test_amounts_that_agree_with_a_ytd_row_only_in_binary_say_nothing() -> None:
    """0.1 + 0.2 against a year-to-date 0.3: equal to within a billionth, no data issue."""
    rows = rows_of(("2026-01", 0.1), ("2026-02", 0.2), ("2026-02", 0.3, "ytd"))
    report = report_of(GOAL_2026, rows, "2026-02")
    assert issues(report, "ytd_months_differ") == []
    assert report.targets[0].ytd is not None and report.targets[0].ytd.value == 0.3


def test_amounts_after_an_earlier_ytd_row_are_held_against_the_two_rows_difference() -> None:
    """A method audit (made-up figures): March's year-to-date 320 disagrees with January-March
    (300); April-June (300) then disagree with June's 600 less March's 320 (280). The message
    said "the month amounts through 2024-06 (rows 5–8) add up to 620", a sum no amounts make,
    naming the March row among the amounts."""
    rows = rows_of(
        *[(f"2024-{m:02d}", 100.0) for m in range(1, 4)],
        ("2024-03", 320.0, "ytd"),
        *[(f"2024-{m:02d}", 100.0) for m in range(4, 7)],
        ("2024-06", 600.0, "ytd"),
    )
    report = report_of(GOAL_2026, rows, "2024-06")
    (first,) = issues(report, "ytd_months_differ")
    assert (first["rows"], first["months"], first["ytd"]) == ("2, 3, 4", "300", "320")
    (between,) = issues(report, "ytd_months_differ_between")
    assert between["from_period"] == "2024-04" and between["period"] == "2024-06"
    assert (between["rows"], between["months"], between["difference"]) == ("6, 7, 8", "300", "280")
    assert (between["start_row"], between["ytd_row"]) == ("5", "9")
    (issue,) = [i for i in report.issues if i.code == "ytd_months_differ_between"]
    from sockprogress.words.words import Words

    english = Words.of("en").issue_text(issue)
    assert english.endswith(
        "the month amounts of 2024-04 to 2024-06 (rows 6–8) add up to 300, but the "
        "year-to-date rows 5 and 9 say 280 (600 less 320); the year-to-date rows are used"
    )
    assert "2024年4月至2024年6月的当月数（第6—8行）合计为300" in Words.of("zh").issue_text(issue)


def test_sums_of_decimal_amounts_are_said_without_float_noise() -> None:
    """A review (made-up figures): amounts of 100.1 against year-to-date rows of 320.2 and 600.3
    were said to "add up to 300.29999999999995" against "280.09999999999997"."""
    rows = rows_of(
        *[(f"2024-{m:02d}", 100.1) for m in range(1, 4)],
        ("2024-03", 320.2, "ytd"),
        *[(f"2024-{m:02d}", 100.1) for m in range(4, 7)],
        ("2024-06", 600.3, "ytd"),
    )
    report = report_of(GOAL_2026, rows, "2024-06")
    (first,) = issues(report, "ytd_months_differ")
    assert (first["months"], first["ytd"]) == ("300.3", "320.2")
    (between,) = issues(report, "ytd_months_differ_between")
    assert (between["months"], between["difference"]) == ("300.3", "280.1")


def test_a_disagreement_is_said_with_every_digit() -> None:
    """`:g` kept six digits: 3,512,345,678 and 3,512,345,000 both read 3,512,350,000 in a
    sentence saying they differ."""
    rows = rows_of(
        ("2026-01", 1_512_345_678.0), ("2026-02", 2e9), ("2026-02", 3_512_345_000.0, "ytd")
    )
    report = report_of(GOAL_2026, rows, "2026-02")
    (said,) = issues(report, "ytd_months_differ")
    assert (said["months"], said["ytd"]) == ("3512345678", "3512345000")
    # and as the report writes figures, in 亿 where Chinese scales them (a reviewer read
    # "合计为3512345678" as a bare string of digits)
    (issue,) = [i for i in report.issues if i.code == "ytd_months_differ"]
    from sockprogress.words.words import Words

    assert "3,512,345,678" in Words.of("en").issue_text(issue)
    chinese = Words.of("zh").issue_text(issue)
    assert "合计为35.12345678亿，与第4行的累计数35.12345亿不符" in chinese, chinese


# --- 1b. one stock at one date written as a year, a month and a day -------------------------

SPELLINGS = ("2023", "2023-12", "2023-12-31")


@settings(max_examples=80, deadline=None)
@given(
    st.permutations(SPELLINGS).flatmap(
        lambda p: st.integers(min_value=2, max_value=3).map(lambda n: p[:n])
    ),
    st.lists(st.integers(min_value=1, max_value=500).map(float), min_size=3, max_size=3),
    st.booleans(),
)
def test_a_level_at_one_date_in_several_spellings_is_one_period_with_an_issue(
    spellings: tuple[str, ...], values: list[float], agree: bool
) -> None:
    """Whatever the spellings and their order, the lowest row is used and one data issue names
    every row, whether the values agree or not (as for any period written twice)."""
    if agree:
        values = [values[0]] * 3
    rows = [(s, v) for s, v in zip(spellings, values, strict=False)] + [("2024", 600.0)]
    report = report_of(make_target(target=1000), rows_of(*rows), "2025-01")
    r = report.targets[0]
    n = len(spellings)
    assert [(o.end, o.value) for o in r.observations] == [
        (dt.date(2023, 12, 31), values[n - 1]),
        (dt.date(2024, 12, 31), 600.0),
    ]
    (said,) = issues(report, "level_same_day")
    assert said["used"] == said["row"] == str(n + 1)
    assert said["others"] == ", ".join(str(k) for k in range(2, n + 1))
    assert said["periods"] == ", ".join(spellings)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_baseline_period_in_another_spelling_of_the_date_finds_the_row_used(
    spelling: str,
) -> None:
    t = make_target(target=1000, baseline=Baseline(spelling))
    rows = rows_of(("2023", 100.0), ("2023-12", 120.0), ("2024", 130.0))
    report = report_of(t, rows, "2025-01")
    r = report.targets[0]
    assert r.baseline is not None and (r.baseline.period, r.baseline.value) == ("2023-12", 120.0)
    assert [i.code for i in report.issues] == ["level_same_day"]


# --- 2. an annual goal whose deadline is mid-year ------------------------------------------

MID_YEAR = make_target(kind="annual_total", deadline=dt.date(2025, 6, 30), target=1200)
month_amount = st.integers(min_value=1, max_value=200).map(float)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(month_amount, min_size=12, max_size=12),
    st.lists(month_amount, min_size=0, max_size=6),
    st.sampled_from(["month", "ytd", "year row"]),
)
def test_later_rows_never_move_a_mid_year_deadlines_final_figure(
    before: list[float], later: list[float], spelling: str
) -> None:
    """The twelve months to June 2025 are the final figure; July..December 2025, as amounts, as
    year-to-date figures or with a year row, change neither it nor the status."""
    months = [(2024, m) for m in range(7, 13)] + [(2025, m) for m in range(1, 7)]
    rows = [(f"{y}-{m:02d}", v) for (y, m), v in zip(months, before, strict=True)]
    extra: list[tuple[Any, ...]] = []
    if spelling == "month":
        extra = [(f"2025-{m:02d}", v, "month") for m, v in enumerate(later, 7)]
    elif spelling == "ytd":
        running = sum(before[6:])
        for m, v in enumerate(later, 7):
            running += v
            extra.append((f"2025-{m:02d}", running, "ytd"))
    else:
        extra = [("2025", sum(before[6:]) + sum(later) + 5000.0)]
    final = sum(before)
    expected = "achieved" if final >= 1200 else "missed"
    at_deadline = report_of(MID_YEAR, rows_of(*rows), "2025-06").targets[0]
    assert at_deadline.final is not None
    assert (at_deadline.final.period, at_deadline.final.value) == ("2025-06", final)
    assert at_deadline.status == expected
    for as_of in ("2025-07", "2025-12", "2026-03"):
        r = report_of(MID_YEAR, rows_of(*rows, *extra), as_of).targets[0]
        assert r.final is not None and (r.final.period, r.final.value) == ("2025-06", final)
        assert r.status == expected and r.previous_status == expected


def test_a_mid_year_final_figure_from_ytd_rows_and_last_years_total() -> None:
    rows = rows_of(
        ("2024", 1200.0),
        ("2024-06", 500.0, "ytd"),
        ("2025-06", 590.0, "ytd"),
        ("2025-09", 2000.0, "ytd"),  # a huge second half: it would meet the goal, but too late
    )
    r = report_of(MID_YEAR, rows, "2025-10").targets[0]
    assert r.final is not None and (r.final.period, r.final.value) == ("2025-06", 1290.0)
    assert r.status == "achieved"
    short = rows_of(
        ("2024", 1000.0),
        ("2024-06", 500.0, "ytd"),
        ("2025-06", 590.0, "ytd"),
        ("2025-09", 2000.0, "ytd"),
    )
    r = report_of(MID_YEAR, short, "2025-10").targets[0]
    assert r.final is not None and (r.final.period, r.final.value) == ("2025-06", 1090.0)
    assert r.status == "missed"


def test_a_later_ytd_row_against_the_amounts_moves_the_final_figure_only_with_an_issue() -> None:
    """July..September amounts and a September year-to-date that disagrees with January..
    September: the year-to-date row wins (method), so the amounts through June are left out and
    the twelve months to June can no longer be derived. The final figure moves, never silently:
    the data issue names every amount row and the year-to-date row."""
    rows: list[tuple[Any, ...]] = [(f"2024-{m:02d}", 100.0) for m in range(7, 13)]
    rows += [(f"2025-{m:02d}", 100.0) for m in range(1, 10)]
    at_deadline = report_of(MID_YEAR, rows_of(*rows), "2025-06").targets[0]
    assert at_deadline.final is not None and at_deadline.final.period == "2025-06"
    rows.append(("2025-09", 950.0, "ytd"))
    report = report_of(MID_YEAR, rows_of(*rows), "2025-10")
    r = report.targets[0]
    assert r.final is not None and r.final.period == "2025-09"
    (said,) = issues(report, "ytd_months_differ")
    assert said["rows"] == ", ".join(str(n) for n in range(8, 17)) and said["ytd_row"] == "17"


# --- 3. the plausibility thresholds at their exact edge -------------------------------------


def scale_flagged(value: float, goal: float) -> bool:
    series = Series("R", "x", "%", make_target(target=goal, unit="%"))
    rows = Rows([2], ["2024"], ["year"], [dt.date(2024, 12, 31)], [value], [""])
    return [i.code for i in check_series(series, rows)] == ["plausibility.scale"]


def two_figures_jump_flagged(value: float, first: float) -> bool:
    """With only two figures, the later one is checked against the earlier."""
    series = Series("R", "x", "%")
    rows = Rows(
        [2, 3],
        ["2023", "2024"],
        ["year"] * 2,
        [dt.date(2023, 12, 31), dt.date(2024, 12, 31)],
        [first, value],
        [""] * 2,
    )
    return [(i.code, i.row) for i in check_series(series, rows)] == [("plausibility.jump", 3)]


def jump_flagged(value: float, typical: float) -> bool:
    series = Series("R", "x", "%")
    rows = Rows(
        [2, 3, 4],
        ["2022", "2023", "2024"],
        ["year"] * 3,
        [dt.date(y, 12, 31) for y in (2022, 2023, 2024)],
        [typical, typical, value],
        [""] * 3,
    )
    return [(i.code, i.row) for i in check_series(series, rows)] == [("plausibility.jump", 4)]


@pytest.mark.parametrize("flagged", [scale_flagged, jump_flagged, two_figures_jump_flagged])
def test_a_hundred_times_is_flagged_at_the_edge_and_within_a_billionth(flagged: Any) -> None:
    """ "100 times or more": exactly 100 is flagged, and so is one ULP either side (a ratio
    computed in binary may miss 100 in its last bit); a real step below 100 is not."""
    assert flagged(0.5, 50.0)
    assert flagged(math.nextafter(0.5, 0.0), 50.0)
    assert flagged(math.nextafter(0.5, 1.0), 50.0)
    assert flagged(0.5 * (1 + 5e-10), 50.0)
    assert not flagged(0.5 * (1 + 1e-8), 50.0)
    assert not flagged(0.51, 50.0)
    # and above: a hundred times the typical figure or goal
    assert flagged(5000.0, 50.0)
    assert flagged(math.nextafter(5000.0, 0.0), 50.0)
    assert not flagged(4999.0, 50.0)


@pytest.mark.parametrize("flagged", [scale_flagged, jump_flagged, two_figures_jump_flagged])
@pytest.mark.parametrize("percent", range(1, 100))
def test_every_percent_typed_as_a_fraction_is_flagged(flagged: Any, percent: int) -> None:
    """55 % typed as 0.55: 55 / 0.55 is 99.99999999999999 in binary, and must still be caught."""
    assert flagged(float(f"{percent / 100}"), float(percent))


@pytest.mark.parametrize("flagged", [scale_flagged, jump_flagged, two_figures_jump_flagged])
def test_a_fraction_summed_in_binary_is_flagged(flagged: Any) -> None:
    assert 30 / (0.1 + 0.2) < 100  # 0.30000000000000004
    assert flagged(0.1 + 0.2, 30.0)
