"""A report a leader can trust: sources, plausibility rules, outlook, last month as published.

All figures are synthetic (made up for the test).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from html import unescape
from pathlib import Path
from typing import Any

import helpers
import pytest
from click.testing import CliRunner
from helpers import SYNTHETIC, frame, target_toml, write_actuals, write_targets

from sockprogress.cli import main
from sockprogress.judging import judge
from sockprogress.model import Actuals, Baseline, Report, Target, TargetsFile
from sockprogress.periods import Month
from sockprogress.words.words import Words

D = dt.date(2025, 12, 31)


def make_target(**kw: Any) -> Target:
    """Xiaobeihe-like firms: 300 by the deadline from 206 in 2021 (synthetic); `kw` overrides."""
    return helpers.make_target(
        **{"unit": "firms", "target": 300.0, "baseline": Baseline("2021", 206.0), **kw}
    )


def judged(target: Target, rows: list[tuple[Any, ...]], as_of: str = "2026-10") -> Report:
    return judge(TargetsFile((target,)), Actuals(frame(rows)), Month.parse(as_of))


# --- plausibility ----------------------------------------------------------------------------


def test_a_wan_yi_slip_is_flagged_and_marks_the_achieved_target() -> None:
    # 2.6亿 typed for a count of firms: 260,000,000 "firms" would make 300 firms "achieved".
    report = judged(make_target(), [("R", "x", "2023", 220), ("R", "x", "2026-09", 2.6e8)])
    result = report.targets[0]
    assert result.status == "achieved"
    codes = {i.code for i in result.checks}
    assert codes == {"plausibility.jump", "plausibility.scale"}
    assert all(i.row == 3 and i.severity == "warning" for i in result.checks)
    assert {i.code for i in report.issues} >= codes


@pytest.mark.parametrize(
    ("as_of", "said"),
    [
        (
            "2026-10",
            {
                "en": "1 achieved (1 of them on a figure to check)",
                "zh": "1项已完成（其中1项所依据的数据待核实）",
            },
        ),
        (  # not yet due: achieved ahead of time, as its row says (a Chinese reader's find);
            # one goal alone is named, its mark beside its status
            "2025-10",
            {
                "en": "X: achieved ahead of time (⚠ figure to check)",
                "zh": "（X）已提前完成（⚠ 数据待核实）",
            },
        ),
    ],
)
def test_the_headline_says_on_its_own_line_that_an_achieved_goal_rests_on_a_figure_to_check(
    as_of: str, said: dict[str, str]
) -> None:
    from sockprogress.rendering.outcome import headline

    slip = judged(
        make_target(), [("R", "x", "2023", 220), ("R", "x", "2025-09", 2.6e8)], as_of=as_of
    )
    plain = judged(make_target(), [("R", "x", "2023", 220), ("R", "x", "2025-09", 301)], as_of)
    for lang, words in (("en", Words.of("en")), ("zh", Words.of("zh"))):
        (line, *_) = headline(slip, words, details=False)
        assert said[lang] in line, line
        (line, *_) = headline(plain, words, details=False)
        assert words("{n} of them on a figure to check").format(n=1) not in line
        assert "⚠" not in line


def test_the_slip_is_found_wherever_it_is_in_the_series() -> None:
    rows = [
        ("R", "x", str(y), v) for y, v in ((2021, 206), (2022, 2.1e6), (2023, 215), (2024, 226))
    ]
    result = judged(make_target(target=3e6, baseline=None), rows).targets[0]
    jumps = [i for i in result.checks if i.code == "plausibility.jump"]
    assert [i.row for i in jumps] == [3]  # the 2022 row only, not its neighbours


def test_an_ordinary_series_is_not_flagged() -> None:
    rows = [("R", "x", str(y), v) for y, v in ((2021, 206), (2022, 215), (2023, 226), (2024, 240))]
    report = judged(make_target(), rows)
    assert report.targets[0].checks == ()
    assert not [i for i in report.issues if i.code.startswith("plausibility")]


def _steps(report: Report) -> list[int]:
    return [i.row or 0 for i in report.issues if i.code == "plausibility.step"]


def test_an_extra_zero_is_flagged_and_marks_the_goal_it_decides() -> None:
    """2100 typed for 210 firms (made up) after 206: 10 times the figure before it. The goal of
    300 is achieved on it, with the mark; the 210 after it is held against 206, not 2100."""
    rows = [("R", "x", "2025-06", 206), ("R", "x", "2026-01", 2100), ("R", "x", "2026-11", 210)]
    report = judged(make_target(), rows, as_of="2026-11")
    result = report.targets[0]
    assert _steps(report) == [3]
    assert result.status == "achieved" and [i.row for i in result.checks] == [3]
    (issue,) = result.checks
    assert dict(issue.params) | {"series": ""} == {
        "value": "2100",
        "before": "206",
        "factor": "10",
        "period": "2025-06",
        "series": "",
        "side": "up",
        "unit": "firms",
    }


@pytest.mark.parametrize(
    ("value", "en", "zh"),
    [
        (
            2100,
            "= 2,100 firms is 10 times the figure before it (206 firms, 2025-06)",
            "为2100户，约为前一数值（2025年6月为206户）的10倍",
        ),
        # a fall is a fraction, as Chinese editorial style says it, not "相差10倍"
        (
            20.6,
            "= 20.6 firms is 1/10 of the figure before it (206 firms, 2025-06)",
            "为20.6户，约为前一数值（2025年6月为206户）的1/10",
        ),
    ],
)
def test_a_step_says_which_way_it_went(value: float, en: str, zh: str) -> None:
    rows = [("R", "x", "2025-06", 206), ("R", "x", "2026-01", value)]
    report = judged(make_target(target=5000.0), rows)
    (issue,) = [i for i in report.issues if i.code == "plausibility.step"]
    assert en in Words.of("en").issue_text(issue)
    assert zh in Words.of("zh").issue_text(issue)


def test_a_flagged_figure_is_said_with_its_unit_wherever_it_is_worded() -> None:
    """2.6亿 typed for a count of firms (made up): each figure in the sentence, the JSON's
    English message and the grouped examples carries the unit, as every figure shown does."""
    from sockprogress.words.words import english_message

    report = judged(make_target(), [("R", "x", "2023", 220), ("R", "x", "2026-09", 2.6e8)])
    said = {i.code: i for i in report.issues if i.code.startswith("plausibility")}
    en, zh = Words.of("en"), Words.of("zh")
    scale = said["plausibility.scale"]
    assert "= 260,000,000 firms is far outside the scale of its target (300 firms)" in (
        english_message(scale)
    )
    assert english_message(scale) == en.issue_text(scale)
    assert "为2.6亿户，与目标值（300户）的量级相差悬殊" in zh.issue_text(scale)
    assert "= 260,000,000 firms is" in english_message(said["plausibility.jump"])
    two: list[tuple[str, str, str, float]] = [
        ("R", "x", str(y), 220 + y - 2020) for y in range(2020, 2025)
    ]
    two += [("R", "x", "2026-08", 2.6e8), ("R", "x", "2026-09", 2.7e8)]
    (group,) = [g for g in judged(make_target(), two).issue_groups if g.code == "plausibility.jump"]
    assert en.group_examples(group) == "e.g. row 7: 260,000,000 firms; row 8: 270,000,000 firms"
    assert zh.group_examples(group) == "例：第7行：2.6亿户；第8行：2.7亿户"


def test_a_further_goal_of_a_series_in_a_unit_of_its_own_is_held_to_its_own_scale() -> None:
    """A 2030 goal in 亿双 beside the 2025 goal in 双 (made up, as a park analyst added the next
    plan's goals): the figures, in 双, were judged against 60 and the goal "achieved ahead of
    time" at 5,833,333,333 % without a word, the series being checked against its first goal
    only. The further goal is marked for the figures far from it, and said so with both units;
    the first goal, on whose scale they are, is not."""
    first = make_target(
        id="cap-2025", unit="pairs", target=5e9, baseline=Baseline("2021", 3e9), kind="level"
    )
    later = make_target(
        id="cap-2030",
        unit="亿双",
        target=60.0,
        baseline=Baseline("2025", 40.0),
        deadline=dt.date(2030, 12, 31),
        kind="level",
    )
    rows = [("R", "x", "2023", 3.5e9), ("R", "x", "2026-06", 4.3e9)]
    report = judge(TargetsFile((first, later)), Actuals(frame(rows)), Month.parse("2026-11"))
    by_id = {r.target.id: r for r in report.targets}
    assert by_id["cap-2025"].checks == ()
    assert [(i.code, i.row) for i in by_id["cap-2030"].checks] == [
        ("plausibility.scale", 2),
        ("plausibility.scale", 3),
    ]
    scale = [i for i in report.issues if i.code == "plausibility.scale"]
    assert [i.target_id for i in scale] == ["cap-2030", "cap-2030"]
    assert Words.of("en").issue_text(scale[1]) == (
        "check this goal: the target of R · x, 60 亿双, is in 亿双, the series' figures in "
        "pairs, so they cannot be compared (4,300,000,000 pairs); write the goal in pairs "
        "(6,000,000,000), as the series' other goals are"
    )
    assert Words.of("zh").issue_text(scale[1]) == (
        "请核实：“R · x”目标值60亿双的计量单位为“亿双”，与该指标数据的计量单位“双”不一致，"
        "无法与数据（43亿双）直接比对；请将该目标值换算为以“双”计的数值（应填6000000000），"
        "并将计量单位改为“双”，与该指标的其他目标保持一致"
    )
    # the headline's line on goals not yet due says the mark on the same line
    from sockprogress.rendering.outcome import headline

    assert any("on a figure to check" in line for line in headline(report, Words.of("en")))


@pytest.mark.parametrize(
    ("rows", "flagged"),
    [
        # the newest figure, a 0 too many or too few, or a decimal point slipped
        ([("2025-06", 206), ("2026-01", 2100)], [3]),
        ([("2025-06", 206), ("2026-01", 20.6)], [3]),
        ([("2024", 206), ("2025", 2060)], [3]),  # a year's figure against the year before
        # an extra 0 beside a neighbour a little off is 9.9 times: 8 times or more is flagged,
        # 7.9 times is not
        ([("2025-06", 200), ("2026-01", 2000)], [3]),
        ([("2025-06", 212), ("2026-01", 2100)], [3]),
        ([("2025-06", 200), ("2026-01", 1600)], [3]),
        ([("2025-06", 200), ("2026-01", 1580)], []),
        # a slip typed for an earlier month, before the figures after it (made up): the slip
        # is the odd one out, not the three right figures after it
        ([("2026-07", 2100), ("2026-08", 212), ("2026-09", 211), ("2026-10", 210)], [2]),
        ([("2026-08", 2100), ("2026-09", 208), ("2026-10", 210)], [2]),
        # and in the middle: only the slip
        ([("2026-07", 208), ("2026-08", 2100), ("2026-09", 210)], [3]),
        # one figure each side, the slip typed last for the month before (a Chinese reader's
        # test): the row typed last is the one flagged, either way round
        ([("2025-06", 206), ("2025-05", 2060)], [3]),
        ([("2025-05", 2060), ("2025-06", 206)], [3]),
        # more than 13 months apart: a series may grow tenfold over years
        ([("2016", 5), ("2025", 206)], []),
        ([("2024-10", 20), ("2025-12", 206)], []),
        # month amounts swing with the season, year-to-date sums restart every January
        ([("2025-01", 1, "month"), ("2025-02", 12, "month")], []),
        ([("2025-12", 300, "ytd"), ("2026-01", 20, "ytd")], []),
    ],
)
def test_a_step_of_ten_times_from_the_figure_before_it_is_flagged(
    rows: list[tuple[Any, ...]], flagged: list[int]
) -> None:
    target = make_target(baseline=None, target=5000.0, kind="level")
    report = judged(target, [("R", "x", *r) for r in rows])
    assert _steps(report) == flagged


def test_a_slip_read_backwards_is_said_against_the_figure_after_it() -> None:
    rows = [("R", "x", p, v) for p, v in (("2026-07", 2100), ("2026-08", 212), ("2026-09", 211))]
    report = judged(make_target(baseline=None, target=5000.0), rows)
    (issue,) = [i for i in report.issues if i.code == "plausibility.step"]
    assert dict(issue.params)["side"] == "up_after" and issue.row == 2
    assert "= 2,100 firms is 10 times the figure after it (212 firms, 2026-08)" in (
        Words.of("en").issue_text(issue)
    )
    assert "为2100户，约为后一数值（2026年8月为212户）的10倍" in Words.of("zh").issue_text(issue)


def test_actuals_add_refuses_a_slip_typed_for_an_earlier_month(tmp_path: Path) -> None:
    """A newcomer's walkthrough: 2100 for July, after August to October's 212, 211, 210, was
    stored without a word, and check then flagged the right figures."""
    rows = [("Testville", "widgets", p, v) for p, v in (("2026-08", 212), ("2026-09", 211))]
    targets, actuals = _inputs(tmp_path, rows)
    before = actuals.read_bytes()
    result = _add(actuals, targets, "--period", "2026-07", "--value", "2100")
    assert result.exit_code == 2
    assert "is 10 times the figure after it (212 units, 2026-08)" in result.output
    assert actuals.read_bytes() == before


def test_month_amounts_of_a_goal_on_a_years_total_are_not_held_to_the_step() -> None:
    """A month row with no basis is that month's amount for a goal on a year's total (made up:
    a February of the Spring Festival, then a March): seasons, not slips."""
    target = make_target(kind="annual_total", unit="yuan", target=5e9, baseline=None)
    months = [("R", "x", "2026-02", 2e6), ("R", "x", "2026-03", 3e7)]
    assert _steps(judged(target, months)) == []
    assert _steps(judged(make_target(target=5e9), months)) == [3]  # a level: a step


def _ytd_goal(target: float = 4e9) -> Target:
    """A goal for 2026's output value (made up): each month its 1—N月 figure is held against it."""
    return helpers.make_year_goal(unit="yuan", target=target)


def _ytd(*figures: tuple[str, float]) -> list[tuple[Any, ...]]:
    return [("R", "x", period, value, "ytd") for period, value in figures]


def test_an_extra_zero_in_a_year_to_date_figure_is_a_step_that_marks_the_goal() -> None:
    """A newcomer's month (made-up figures): 41 bn typed for 1—11月 after 3.7 bn for 1—10月
    was stored without a word, and the bulletin said the year's goal was achieved ahead of time,
    at 1,138.9 %. Year-to-date sums were left out of the step rule, as they restart every
    January; within a year a sum over two months or more cannot grow eightfold in a month."""
    rows = _ytd(("2026-08", 2.9e9), ("2026-09", 3.3e9), ("2026-10", 3.7e9), ("2026-11", 4.1e10))
    report = judged(_ytd_goal(), rows, as_of="2026-11")
    assert _steps(report) == [5]
    (issue,) = report.targets[0].checks
    assert dict(issue.params)["before"] == "3700000000" and dict(issue.params)["factor"] == "11"
    assert dict(issue.params)["period"] == "2026-10"


def test_a_year_to_date_figure_below_an_earlier_months_is_flagged() -> None:
    """0.37 bn for 1—11月 after 3.7 bn for 1—10月: a sum of amounts above zero never falls."""
    rows = _ytd(("2026-09", 3.3e9), ("2026-10", 3.7e9), ("2026-11", 3.7e8))
    report = judged(_ytd_goal(), rows, as_of="2026-11")
    (issue,) = [i for i in report.issues if i.code == "plausibility.ytd_falls"]
    assert issue.row == 4 and report.targets[0].checks == (issue,)
    assert Words.of("en").issue_text(issue) == (
        "check this figure: R · x = 370,000,000 yuan is below the year-to-date figure of an "
        "earlier month (3,700,000,000 yuan, 2026-10); a year-to-date sum does not fall"
    )
    assert Words.of("zh").issue_text(issue) == (
        "请核实：“R · x”为3.7亿元，小于本年此前月份的累计数（截至2026年10月为37亿元）；"
        "1—N月累计数不应减少"
    )


@pytest.mark.parametrize("basis", ["", "month"])
def test_a_year_to_date_figure_stored_as_a_months_amount_is_flagged(basis: str) -> None:
    """A Chinese office's second month (made-up figures): 32亿 for 1—11月 added without
    `--basis ytd` after 29亿 for 1—10月 was stored as November's own amount; the report added
    it up to 61亿 for 1—11月 and the bulletin said the year's goal was achieved ahead of time at
    169.4 %, with no mark and nothing from `check`."""
    rows = [
        *_ytd(("2026-08", 2.3e9), ("2026-09", 2.6e9), ("2026-10", 2.9e9)),
        ("R", "x", "2026-11", 3.2e9, basis),
    ]
    report = judged(_ytd_goal(3.6e9), rows, as_of="2026-11")
    (issue,) = [i for i in report.issues if i.code.startswith("plausibility")]
    assert issue.code == "plausibility.amount_as_ytd" and issue.row == 5
    assert report.targets[0].checks == (issue,)
    assert Words.of("en").issue_text(issue) == (
        "check this figure: R · x = 3,200,000,000 yuan is a month's own amount, yet as large as "
        "the year-to-date sum before it (2,900,000,000 yuan, 2026-10); a 1—N月 figure is "
        "written with the basis ytd"
    )
    assert Words.of("zh").issue_text(issue) == (
        "请核实：“R · x”为32亿元，按当月数填报，但不低于本年此前累计数"
        "（截至2026年10月累计29亿元）；如为1—N月累计数，数值类型应填“累计数”"
    )


def test_a_cumulative_typed_among_month_amounts_is_flagged() -> None:
    """Ten months' amounts from January, then 1—11月's sum typed as November's amount."""
    rows = [("R", "x", f"2026-{m:02d}", 2.9e8) for m in range(1, 11)]
    report = judged(_ytd_goal(3.6e9), [*rows, ("R", "x", "2026-11", 3.2e9)], as_of="2026-11")
    (issue,) = [i for i in report.issues if i.code.startswith("plausibility")]
    assert issue.code == "plausibility.amount_as_ytd" and issue.row == 12
    assert dict(issue.params)["before"] == "2900000000"
    assert dict(issue.params)["period"] == "2026-10"


@pytest.mark.parametrize(
    "rows",
    [
        # a strong month: a third of the year so far, not all of it
        [*_ytd(("2026-09", 2.6e9), ("2026-10", 2.9e9)), ("R", "x", "2026-11", 1.0e9)],
        # after 1—2月 alone (a Spring Festival start), a March as large is a season
        [*_ytd(("2026-02", 5e8)), ("R", "x", "2026-03", 6e8)],
        # a month missing from the amounts: no sum to hold November against
        [*(("R", "x", f"2026-{m:02d}", 2.9e8) for m in (1, 2, 4, 5)), ("R", "x", "2026-06", 9e8)],
        # last year's 1—10月 holds no month of this year
        [*_ytd(("2025-10", 2.7e9)), ("R", "x", "2026-01", 2.8e9)],
    ],
)
def test_ordinary_month_amounts_beside_year_to_date_sums_are_not_flagged(
    rows: list[tuple[Any, ...]],
) -> None:
    report = judged(_ytd_goal(3.6e9), rows, as_of="2026-11")
    assert not [i for i in report.issues if i.code == "plausibility.amount_as_ytd"]


@pytest.mark.parametrize(
    "figures",
    [
        # January alone may be small (a Spring Festival month): February is not held to it
        (("2026-01", 1e8), ("2026-02", 1.2e9), ("2026-03", 2.1e9)),
        # a new year starts again from its January
        (("2025-11", 3.6e9), ("2025-12", 4.0e9), ("2026-01", 3e8), ("2026-02", 6.5e8)),
        # an ordinary year, with a month of no change
        (("2026-06", 2.2e9), ("2026-07", 2.2e9), ("2026-08", 2.9e9), ("2026-09", 3.3e9)),
    ],
)
def test_ordinary_year_to_date_figures_are_not_flagged(
    figures: tuple[tuple[str, float], ...],
) -> None:
    report = judged(_ytd_goal(), _ytd(*figures), as_of="2026-10")
    assert not [i for i in report.issues if i.code.startswith("plausibility")]


def test_actuals_add_refuses_a_slip_in_a_year_to_date_figure(tmp_path: Path) -> None:
    year_goal = target_toml(kind="annual_total", target=4e9, deadline=dt.date(2026, 12, 31))
    targets = write_targets(tmp_path / "targets.toml", year_goal)
    rows = [
        ("Testville", "widgets", f"2026-{m}", v, "ytd") for m, v in (("09", 3.3e9), ("10", 3.7e9))
    ]
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    before = actuals.read_bytes()
    for value, rule in (("41000000000", "(step)"), ("370000000", "(ytd_falls)")):
        result = _add(actuals, targets, "--period", "2026-11", "--basis", "ytd", "--value", value)
        assert result.exit_code == 2 and f"plausibility rule {rule}" in result.output, result.output
        assert actuals.read_bytes() == before
    # 1—11月's sum without --basis ytd: a month's amount as large as 1—10月
    result = _add(actuals, targets, "--period", "2026-11", "--value", "4000000000")
    assert result.exit_code == 2 and "plausibility rule (amount_as_ytd)" in result.output
    assert actuals.read_bytes() == before


def test_actuals_add_refuses_an_extra_zero_and_says_why(tmp_path: Path) -> None:
    targets, actuals = _inputs(tmp_path, [("Testville", "widgets", "2025-06", 206)])
    before = actuals.read_bytes()
    result = _add(actuals, targets, "--period", "2026-01", "--value", "2100")
    assert result.exit_code == 2
    assert "plausibility rule (step)" in result.output
    assert "is 10 times the figure before it (206 units, 2025-06)" in result.output
    assert actuals.read_bytes() == before


def test_a_fractional_count_is_flagged_but_not_a_fractional_amount() -> None:
    firms = judged(make_target(), [("R", "x", "2024", 226.5)]).targets[0]
    assert [i.code for i in firms.checks] == ["plausibility.not_whole"]
    yuan = judged(
        make_target(unit="yuan", target=5e9, baseline=None), [("R", "x", "2024", 3.5e9 + 0.5)]
    )
    assert yuan.targets[0].checks == ()


def test_a_monthly_amount_of_an_annual_goal_is_not_out_of_scale() -> None:
    t = make_target(kind="annual_total", unit="pairs", target=4e9, baseline=Baseline("2021", 2.5e9))
    months = [("R", "x", f"2025-{m:02d}", 2.6e8) for m in range(1, 13)]
    assert judged(t, months).targets[0].checks == ()


def test_a_flagged_row_after_the_report_month_does_not_mark_the_target() -> None:
    report = judged(
        make_target(), [("R", "x", "2023", 220), ("R", "x", "2026-09", 2.6e8)], as_of="2026-08"
    )
    assert report.targets[0].checks == ()
    assert any(i.code == "plausibility.jump" for i in report.issues)  # still listed


def year_goal() -> Target:
    """A made-up goal for the year 2026: 80 on series y, its year-to-date sums."""
    return helpers.make_year_goal(id="y", indicator="y", unit="firms", target=80.0)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ["The plan goal, ", "Of 1 goal for the year"]),
        ("zh", ["另有1项规划目标（", "1项年度目标（"]),
    ],
)
def test_one_goal_is_counted_in_the_singular(lang: str, said: list[str]) -> None:
    """The English read "Of the 1 targets not yet due" (a newcomer's walkthrough): one made-up
    goal to 2030, one for the year 2026. One goal not yet due is named, not counted:
    "其余尚未到期的1项目标中，进度偏慢1项" counted one (a Chinese reader's find)."""
    from sockprogress.rendering.outcome import headline

    rows = [("R", "x", "2024", 100), ("R", "x", "2026-09", 150), ("R", "y", "2026-09", 50, "ytd")]
    targets = (
        make_target(deadline=dt.date(2030, 12, 31), baseline=None),
        year_goal(),
    )
    report = judge(TargetsFile(targets), Actuals(frame(rows)), Month.parse("2026-10"))
    lines = headline(report, Words.of(lang))
    for text in said:
        assert any(text in line for line in lines), lines


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "The 2 plan goals: all on track."), ("zh", "另有2项规划目标，均达到进度要求。")],
)
def test_the_goals_after_the_years_are_said_to_be_plans_when_they_all_are(
    lang: str, said: str
) -> None:
    """After the year's goals, "另有1项目标（规上工业企业数）进度偏慢" read as a goal held back from
    the count before it (a Chinese reader's find): when every other goal is a plan's (made-up
    goals to 2030), they are said so, all of one status as "均…" (a second reader's find:
    "其中达到进度要求2项" of two); with a goal for another year among them they stay
    "其余…项目标" (test_year_goals_shown)."""
    from sockprogress.rendering.outcome import headline

    rows = [
        ("R", "x", "2024", 100),
        ("R", "x", "2026-09", 150),
        ("R", "z", "2024", 100),
        ("R", "z", "2026-09", 150),
        ("R", "y", "2026-09", 50, "ytd"),
    ]
    targets = (
        make_target(deadline=dt.date(2030, 12, 31), baseline=None),
        make_target(id="z", indicator="z", deadline=dt.date(2030, 12, 31), baseline=None),
        year_goal(),
    )
    report = judge(TargetsFile(targets), Actuals(frame(rows)), Month.parse("2026-10"))
    assert [r.status for r in report.targets if r.target.year is None] == ["on_track"] * 2
    assert said in headline(report, Words.of(lang))


def test_rows_none_of_which_a_goal_can_use_are_a_warning_not_silence() -> None:
    """Made-up 2026 year-to-date sums for a goal on 2025's total (a newcomer's walkthrough):
    not assessable, and `check` says why rather than nothing."""
    target = make_target(kind="annual_total", unit="yuan", target=5e9, baseline=None)
    rows = [("R", "x", f"2026-{m:02d}", m * 1e8, "ytd") for m in (1, 2, 3)]
    report = judged(target, [*rows, ("R", "x", "2026-11", 9e8, "ytd")])
    assert report.targets[0].status == "not_assessable"
    (issue,) = [i for i in report.issues if i.code == "no_usable_rows"]
    assert dict(issue.params)["count"] == "3"  # the rows up to the report month
    usable = judged(target, [("R", "x", "2025", 4.6e9), *rows])
    assert not [i for i in usable.issues if i.code == "no_usable_rows"]


@pytest.mark.parametrize("basis", ["ytd", "month", "rate"])
def test_a_flow_basis_on_a_level_goal_is_a_warning_that_marks_it(basis: str) -> None:
    """A 累计数 typed for a capacity (made up, a Chinese reader's review) was read as the
    level without a word, and the goal judged on it: now a warning on the row's basis, and
    the goal marked beside its status."""
    rows = [("R", "x", "2024", 220), ("R", "x", "2025-06", 500, basis)]
    report = judged(make_target(), rows, as_of="2025-10")
    (issue,) = [i for i in report.issues if i.code == "basis_on_level"]
    assert (issue.row, issue.column, dict(issue.params)["basis"]) == (3, "basis", basis)
    assert [i.code for i in report.targets[0].checks] == ["basis_on_level"]
    zh = Words.of("zh").issue_text(issue)
    said = {"ytd": "累计数", "month": "当月数", "rate": "未注明年份的年产规模"}[basis]
    assert f"该行数值类型却为{said}" in zh
    plain = judged(make_target(), [("R", "x", "2024", 220), ("R", "x", "2025-06", 230)])
    assert not [i for i in plain.issues if i.code == "basis_on_level"]


# --- rate basis, outlook, schedule gap -------------------------------------------------------


def test_rate_is_an_estimate_latest_with_an_outlook() -> None:
    t = make_target(kind="annual_total", unit="pairs", target=4e9, baseline=Baseline("2021", 2.5e9))
    result = judged(t, [("R", "x", "2024", 2.5e9), ("R", "x", "2025-06", 2.6e9, "rate")]).targets[0]
    assert result.latest is not None and result.latest.estimate
    assert result.status == "awaiting_final"
    assert result.outlook == "likely_missed"
    assert result.final is None
    assert "estimate" in {n.code for n in result.notes}
    f = result.figures
    assert f.projected_at_deadline is not None and f.projected_at_deadline < 4e9
    assert f.gap_closed_pct is not None and f.time_elapsed_pct is not None
    assert f.schedule_gap_pts == pytest.approx(f.gap_closed_pct - f.time_elapsed_pct)


def test_outlook_likely_achieved_when_the_projection_meets_the_goal() -> None:
    t = make_target(target=300, baseline=Baseline("2021", 200))
    result = judged(t, [("R", "x", "2025-06", 290)]).targets[0]
    assert result.status == "awaiting_final"
    assert result.figures.projected_at_deadline is not None
    assert result.figures.projected_at_deadline >= 300
    assert result.outlook == "likely_achieved"


def test_outlook_is_null_for_any_other_status() -> None:
    t = make_target(target=300, baseline=Baseline("2021", 200))
    assert judged(t, [("R", "x", "2026-01", 250)]).targets[0].outlook is None  # missed
    assert judged(t, [("R", "x", "2024", 250)], as_of="2025-01").targets[0].outlook is None


def test_a_target_with_figures_but_no_baseline_figure_is_told_so() -> None:
    t = make_target(baseline=Baseline("2020"))  # a baseline period with no figure
    result = judged(t, [("R", "x", "2022", 210), ("R", "x", "2023", 220)], "2024-06").targets[0]
    codes = [n.code for n in result.notes]
    assert "baseline_missing" in codes
    assert "no_pace" not in codes  # not "only one observation and no baseline value"


# --- sources ---------------------------------------------------------------------------------


def test_every_observation_keeps_its_rows_source_and_note() -> None:
    table = frame([("R", "x", "2023", 215), ("R", "x", "2025-06", 226)])
    table.loc[1, "source"] = "Xinhua, 2025-06-22, https://example.org/a"
    table.loc[1, "note"] = "目前有袜业企业226家"
    report = judge(TargetsFile((make_target(),)), Actuals(table), Month.parse("2026-10"))
    result = report.targets[0]
    assert result.latest is not None
    assert result.latest.source == "Xinhua, 2025-06-22, https://example.org/a"
    assert result.latest.note == "目前有袜业企业226家"
    assert [o.source for o in result.observations] == [SYNTHETIC, result.latest.source]


# --- the command line: JSON, last month as published, future month ----------------------------


def _inputs(tmp_path: Path, rows: list[tuple[Any, ...]]) -> tuple[Path, Path]:
    targets = write_targets(
        tmp_path / "targets.toml",
        target_toml(target=300, baseline='{ period = "2021", value = 206 }'),
    )
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    return targets, actuals


def _report(
    targets: Path, actuals: Path, out: Path, as_of: str, formats: str = "json"
) -> dict[str, Any]:
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--out", str(out)]
    result = CliRunner().invoke(main, [*args, "--as-of", as_of, "--format", formats])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / f"progress-{as_of}.json").read_text("utf-8"))
    return data


def test_json_carries_sources_outlook_checks_and_schedule_gap(tmp_path: Path) -> None:
    targets, actuals = _inputs(
        tmp_path,
        [
            ("Testville", "widgets", "2023", 215, None, "Liaoning Daily, 2023-10-12", "seed"),
            ("Testville", "widgets", "2025-06", 2.6e8, None, "Xinhua, 2025-06-22", "typo"),
        ],
    )
    data = _report(targets, actuals, tmp_path / "out", "2026-10")
    t = data["targets"][0]
    assert t["latest_source"] == "Xinhua, 2025-06-22"
    assert t["latest_note"] == "typo"
    assert [o["source"] for o in t["observations"]] == [
        "Liaoning Daily, 2023-10-12",
        t["latest_source"],
    ]
    assert t["check_figure"] is True and t["status"] == "achieved"
    assert {c["code"] for c in t["checks"]} == {"plausibility.jump", "plausibility.scale"}
    assert "schedule_gap_pts" in t and "outlook" in t
    assert data["previous"] == {
        "basis": "recomputed",
        "file": "progress-2026-09.json",
        "reason": "none",
    }


def test_changes_are_said_against_last_months_report_as_published(tmp_path: Path) -> None:
    rows: list[tuple[Any, ...]] = [
        ("Testville", "widgets", "2023", 215),
        ("Testville", "widgets", "2025-06", 260),
    ]
    targets, actuals = _inputs(tmp_path, rows)
    out = tmp_path / "out"
    before = _report(targets, actuals, out, "2026-09")
    assert before["targets"][0]["status"] == "awaiting_final"
    # The final figure arrives, and the 2023 figure is revised in the same month.
    write_actuals(
        actuals,
        [("Testville", "widgets", "2023", 220), rows[1], ("Testville", "widgets", "2025", 280)],
    )
    now = _report(targets, actuals, out, "2026-10")
    t = now["targets"][0]
    assert now["previous"]["basis"] == "published"
    assert now["previous"]["file"] == "progress-2026-09.json"
    assert (t["previous_status"], t["status"]) == ("awaiting_final", "missed")
    assert t["revisions"] == [{"period": "2023", "basis": "level", "old": 215.0, "new": 220.0}]


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b'{"as_of": "2026-09", "targets": [{"id": 1}]}', b"[1, 2]", b"\xff\xfe"],
    ids=["empty", "broken", "foreign-target", "not-a-report", "not-utf8"],
)
def test_a_foreign_or_corrupt_previous_report_is_a_note_not_a_failure(
    tmp_path: Path, content: bytes
) -> None:
    targets, actuals = _inputs(tmp_path, [("Testville", "widgets", "2025-06", 260)])
    out = tmp_path / "out"
    out.mkdir()
    (out / "progress-2026-09.json").write_bytes(content)
    data = _report(targets, actuals, out, "2026-10")
    assert data["previous"] == {
        "basis": "recomputed",
        "file": "progress-2026-09.json",
        "reason": "unreadable",
    }


def test_a_report_month_that_has_not_ended_is_refused(tmp_path: Path) -> None:
    targets, actuals = _inputs(tmp_path, [("Testville", "widgets", "2025-06", 260)])
    this_month = Month(dt.date.today().year, dt.date.today().month)
    args = ["report", "--targets", str(targets), "--actuals", str(actuals)]
    result = CliRunner().invoke(
        main, [*args, "--out", str(tmp_path / "out"), "--as-of", str(this_month)]
    )
    assert result.exit_code == 2
    assert result.output.startswith(
        f"Error: Invalid value for '--as-of': {Words.of().month(this_month)} has not ended"
    )
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


# --- actuals add: says what it stored, refuses an implausible figure without --force --------


def _add(actuals: Path, targets: Path, *extra: str) -> Any:
    args = ["actuals", "add", "--actuals", str(actuals), "--targets", str(targets)]
    args += ["--region", "Testville", "--indicator", "widgets", "--source", SYNTHETIC]
    return CliRunner().invoke(main, [*args, *extra])


def test_actuals_add_refuses_a_wan_yi_slip_and_says_why(tmp_path: Path) -> None:
    targets, actuals = _inputs(tmp_path, [("Testville", "widgets", "2024", 226)])
    before = actuals.read_bytes()
    result = _add(actuals, targets, "--period", "2026-09", "--value", "2.6亿")
    assert result.exit_code == 2
    line = result.output.strip()
    assert "\n" not in line
    assert line.startswith("Error: Testville · Synthetic widgets · 2026-09 = 260,000,000 units")
    assert "plausibility rule (jump)" in line and "--force" in line
    assert actuals.read_bytes() == before  # nothing stored, no backup needed


def test_actuals_add_says_at_once_that_a_basis_does_not_fit_a_level(tmp_path: Path) -> None:
    """`--basis ytd` on a level goal's row (made up): stored, with the warning `check` and the
    report give, on the line before what was stored."""
    targets, actuals = _inputs(tmp_path, [("Testville", "widgets", "2024", 226)])
    result = _add(actuals, targets, "--period", "2025-06", "--value", "230", "--basis", "ytd")
    assert result.exit_code == 0, result.output
    assert "Warning: target t1: the goal is a level (a figure at a date)" in result.output
    plain = _add(actuals, targets, "--period", "2025-07", "--value", "231")
    assert plain.exit_code == 0 and "Warning" not in plain.output


def test_actuals_add_with_force_stores_it_and_check_flags_it(tmp_path: Path) -> None:
    targets, actuals = _inputs(tmp_path, [("Testville", "widgets", "2024", 226)])
    result = _add(actuals, targets, "--period", "2026-09", "--value", "2.6亿", "--force")
    assert result.exit_code == 0, result.output
    assert "Testville · Synthetic widgets · 2026-09 = 260,000,000 units" in result.stdout
    check = CliRunner().invoke(
        main, ["check", "--targets", str(targets), "--actuals", str(actuals), "--as-of", "2026-10"]
    )
    assert check.exit_code == 1
    assert "row 3, column value: warning: check this figure" in check.output
    data = _report(targets, actuals, tmp_path / "out", "2026-10", "json,html,xlsx")
    t = data["targets"][0]
    assert t["status"] == "achieved" and t["check_figure"] is True
    html = (tmp_path / "out" / "progress-2026-10.html").read_text("utf-8")
    row = html[html.index('<tr data-status="achieved">') :]
    row = row[: row.index("</tr>")]
    assert "Check this figure" in row  # on the same line as "Achieved"
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "out" / "progress-2026-10.xlsx")["Summary"]
    line = next(r for r in ws.iter_rows(values_only=True) if "✔ Achieved" in r)
    assert any(str(v).startswith("⚠ Check this figure (row 3)") for v in line)


def _report_in(tmp_path: Path, rows: list[tuple[Any, ...]], lang: str) -> tuple[Path, str, str]:
    """Made-up rows reported for 2026-10 in `lang`: the folder, the outputs' stem and what the
    terminal said."""
    targets, actuals = _inputs(tmp_path, rows)
    out = tmp_path / "out"
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--out", str(out)]
    result = CliRunner().invoke(main, [*args, "--as-of", "2026-10", "--lang", lang])
    assert result.exit_code == 0, result.output
    return out, "progress-2026-10" + (".zh" if lang == "zh" else ""), result.output


MARKED = {  # the status cell; the headline's goal, figure and mark
    "en": ("Achieved (⚠ figure to check)", "(260 m units, Dec 2025; goal 300 units; ⚠ figure to"),
    "zh": ("已完成（⚠ 数据待核实）", "2.6亿"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_status_on_a_figure_to_check_is_marked_on_its_line_in_every_output(
    tmp_path: Path, lang: str
) -> None:
    """A 万/亿 slip (made-up rows) makes a goal achieved: page 1's table in the page, the
    workbook and the Word bulletin, the bulletin's paragraph on the goal, and the headline the
    terminal prints each say so on the status's own line, not only in a list further down."""
    import docx
    from openpyxl import load_workbook

    rows = [("Testville", "widgets", "2024", 226), ("Testville", "widgets", "2025-12", 2.6e8)]
    out, stem, said = _report_in(tmp_path, rows, lang)
    cell, headline = MARKED[lang]
    mark = "⚠ figure to check" if lang == "en" else "⚠ 数据待核实"
    assert any(headline in line and mark in line for line in said.splitlines())
    page = (out / f"{stem}.html").read_text("utf-8")
    table = page[page.index('<table class="bulletin-table">') :]
    row = table[table.index('<tr class="st-achieved">') :]
    # (its Chinese cells' lines each a box: read as text)
    assert cell in unescape(re.sub(r"<[^>]+>", "", row[: row.index("</tr>")]))
    sheet = load_workbook(out / f"{stem}.xlsx").worksheets[0]
    # (the first sheet breaks a Chinese cell into lines itself: layout.chinese_lines)
    line = next(
        r
        for r in sheet.iter_rows(values_only=True)
        if any(isinstance(v, str) and v.replace("\n", "") == cell for v in r)
    )
    assert any("260" in str(v) for v in line)  # the goal's own row: its figure beside it
    document = docx.Document(str(out / f"{stem}.docx"))
    cells = [[c.text.replace("\n", "") for c in r.cells] for t in document.tables for r in t.rows]
    assert any(r[-1] == cell and "260" in r[3] for r in cells)
    paragraphs = [p.text for p in document.paragraphs if cell in p.text]
    assert paragraphs, "the goal's paragraph says its status without the mark"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_figure_to_check_that_is_not_whole_is_said_with_every_digit(
    tmp_path: Path, lang: str
) -> None:
    """230.5 units (made up) is not a whole number: rounded to 230 beside its ⚠ it would hide
    what is wrong. The headline, the bulletin's paragraph and the data issue say 230.5."""
    import docx

    rows = [("Testville", "widgets", "2024", 226), ("Testville", "widgets", "2025-12", 230.5)]
    out, stem, said = _report_in(tmp_path, rows, lang)
    figure = "230.5 units, Dec 2025" if lang == "en" else "2025年12月为230.5台"
    assert figure in said and "⚠" in said
    document = docx.Document(str(out / f"{stem}.docx"))
    paragraph = next(p.text for p in document.paragraphs if "76.8" in p.text)
    assert "230.5" in paragraph
    message = "：230.5台不是整数" if lang == "zh" else ": 230.5 units is"
    assert message in said


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_period_entered_twice_with_two_values_marks_the_status_it_decides(
    tmp_path: Path, lang: str
) -> None:
    """January 2026 typed twice (made-up rows: 205, then 999 below it): the lower row is used
    (method: duplicates) and decides the goal achieved, so the status says on its own line
    that its figure is in doubt, as for a rule broken; the duplicate is listed once."""
    rows = [
        ("Testville", "widgets", "2024", 226),
        ("Testville", "widgets", "2026-01", 205),
        ("Testville", "widgets", "2026-01", 999),
    ]
    out, _, said = _report_in(tmp_path, rows, lang)
    mark = "⚠ figure to check" if lang == "en" else "⚠ 数据待核实"
    achieved = "Achieved: " if lang == "en" else "已完成："
    assert any(achieved in line and mark in line for line in said.splitlines()), said
    data = json.loads((out / "progress-2026-10.json").read_text("utf-8"))
    (target,) = data["targets"]
    assert (target["status"], target["latest_value"], target["check_figure"]) == (
        "achieved",
        999,
        True,
    )
    assert target["checks"] == [
        {"code": "duplicate_conflict", "severity": "warning", "count": 1, "rows": [[4, 4]]}
    ]
    assert [i["code"] for i in data["issues"]].count("duplicate_conflict") == 1
    # the same figure twice leaves nothing in doubt: no mark
    rows[1] = ("Testville", "widgets", "2026-01", 999)
    (tmp_path / "same").mkdir()
    out, _, said = _report_in(tmp_path / "same", rows, lang)
    data = json.loads((out / "progress-2026-10.json").read_text("utf-8"))
    assert (data["targets"][0]["check_figure"], mark in said) == (False, False)


def test_a_status_changed_by_a_figure_to_check_says_so_where_the_change_is_listed(
    tmp_path: Path,
) -> None:
    """Last month the goal was missed; a 万/亿 slip (made up) makes it achieved this month: the
    page's and the workbook's list of what changed say so on the change's own line."""
    from openpyxl import load_workbook

    targets, actuals = _inputs(tmp_path, [("Testville", "widgets", "2024", 226)])
    out = tmp_path / "out"
    _report(targets, actuals, out, "2026-09", "json")
    rows = [("Testville", "widgets", "2024", 226), ("Testville", "widgets", "2025-12", 2.6e8)]
    write_actuals(actuals, rows)
    data = _report(targets, actuals, out, "2026-10", "json,html,xlsx")
    assert data["targets"][0]["previous_status"] != data["targets"][0]["status"] == "achieved"
    page = (out / "progress-2026-10.html").read_text("utf-8")
    section = page[page.index('id="changes"') :]
    item = section[section.index('<li data-status="achieved">') :]
    assert "⚠ figure to check" in item[: item.index("</li>")]  # its rows: on its card
    sheet = load_workbook(out / "progress-2026-10.xlsx")["Changes"]
    line = next(r for r in sheet.iter_rows(values_only=True) if r[3] == "✔ Achieved")
    assert str(line[-1]).endswith("⚠ Check this figure (row 3)")


def test_actuals_add_says_back_a_plausible_figure(tmp_path: Path) -> None:
    targets, actuals = _inputs(tmp_path, [("Testville", "widgets", "2024", 226)])
    result = _add(actuals, targets, "--period", "2026-09", "--value", "2.3万")
    assert result.exit_code == 2  # 23,000 units after 226 is a jump too
    result = _add(actuals, targets, "--period", "2026-09", "--value", "231")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("Testville · Synthetic widgets · 2026-09 = 231 units")


# --- numbers agree with their words ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0.596, "0.596"), (0.9499, "0.9499"), (0.95, "0.95"), (-0.001, "-0.001"), (1.234, "1.23")],
)
def test_a_pace_ratio_never_rounds_into_another_category(value: float, shown: str) -> None:
    from sockprogress.judging.figures import pace_category
    from sockprogress.words.words import Words

    assert Words.of().ratio(value) == shown
    assert pace_category(float(shown)) == pace_category(value)


def test_a_share_short_of_the_goal_never_reads_as_met_nor_a_figure_as_zero() -> None:
    from sockprogress.words.words import Words

    en, zh = Words.of("en"), Words.of("zh")
    assert en.percent(99.96) == "99.96 %" and en.percent(100.0) == "100.0 %"
    assert en.percent(1e-19) == "<0.1 %" and en.percent(0.0) == "0.0 %"
    assert en.rate(1e-6) == "+<0.1 %/yr" and zh.rate(-1e-6) == "-<0.1%"
    assert zh.rate(1e-6) == "<0.1%"


# --- the status and the time-proportional schedule -------------------------------------------


def _paced(direction: str, goal: float, latest: float) -> tuple[str, list[str]]:
    """A made-up goal from 100 in 2020 to `goal` by the end of 2030, `latest` in 2025."""
    target = make_target(
        direction=direction,
        target=goal,
        baseline=Baseline("2020", 100.0),
        deadline=dt.date(2030, 12, 31),
        unit="yuan",
    )
    result = judged(target, [("R", "x", "2020", 100), ("R", "x", "2025", latest)]).targets[0]
    return result.status, [n.code for n in result.notes]


@pytest.mark.parametrize(
    ("direction", "goal", "latest", "status", "note"),
    [
        # growth at the rate needed (√2 in half the time) is 8.5 points below the line
        ("increase", 200.0, 141.5, "on_track", "on_track_behind_line"),
        # well ahead on both: nothing to explain
        ("increase", 200.0, 160.0, "on_track", None),
        # a decline at 95 % of the rate needed runs above the line
        ("decrease", 50.0, 72.0, "moderate_progress", "short_ahead_of_line"),
        # behind on both: nothing to explain
        ("increase", 200.0, 110.0, "insufficient_progress", None),
    ],
)
def test_a_status_that_reads_against_the_schedule_gap_says_why(
    direction: str, goal: float, latest: float, status: str, note: str | None
) -> None:
    said, notes = _paced(direction, goal, latest)
    assert said == status
    explained = {"on_track_behind_line", "on_track_margin", "short_ahead_of_line"}
    assert [n for n in notes if n in explained] == ([note] if note else [])


def test_the_explanation_gives_the_rate_and_the_points_in_both_languages() -> None:
    target = make_target(
        target=200.0, baseline=Baseline("2020", 100.0), deadline=dt.date(2030, 12, 31)
    )
    rows = [("R", "x", "2020", 100), ("R", "x", "2025", 141.5)]
    (note,) = [n for n in judged(target, rows).targets[0].notes if n.code.startswith("on_track")]
    assert (
        Words.of("en")
        .note_text(note)
        .startswith(
            "On track on its growth a year (100 % of the rate the goal needs; 95 % or more is on "
            "track), though 8.5 points behind the time-proportional schedule"
        )
    )
    assert "但增量完成率落后序时进度8.5个百分点" in Words.of("zh").note_text(note)


def test_a_row_two_goals_of_a_series_warn_about_is_one_issue_and_both_are_marked() -> None:
    """A 2030 goal beside the 2025 one (made up), and a 累计数 typed on the level's row: one
    issue for the row (check said "rows 7 (2 rows)"), the mark on both goals."""
    goals = (
        make_target(),
        make_target(id="t2030", target=400.0, deadline=dt.date(2030, 12, 31)),
    )
    rows = [("R", "x", "2023", 220), ("R", "x", "2026-07", 230, "ytd")]
    report = judge(TargetsFile(goals), Actuals(frame(rows)), Month.parse("2026-10"))
    said = [i for i in report.issues if i.code == "basis_on_level"]
    assert [i.row for i in said] == [3]
    assert [[i.code for i in r.checks] for r in report.targets] == [["basis_on_level"]] * 2


def test_a_goal_decided_on_the_deadlines_figure_says_so_in_its_bulletin_row() -> None:
    """Made up: 300 firms by the end of 2025; 205 in May 2026 (the first figure after the
    deadline, which decides it) and 210 in October (the latest). The headline said 205, the
    row showed 210 and 70.0 %: the row now says what decided it."""
    from sockprogress.rendering.bulletin import build_bulletin
    from sockprogress.rendering.view import build_view

    rows = [("R", "x", "2023", 200), ("R", "x", "2026-05", 205), ("R", "x", "2026-10", 210)]
    report = judged(make_target(), rows)
    assert report.targets[0].status == "missed"
    for lang, said in (
        ("en", "Missed (judged on 205, May 2026)"),
        ("zh", "按2026年5月数据205判定"),
    ):
        (row,) = build_bulletin(build_view(report, Words.of(lang))).rows
        assert said in row.progress, row.progress
    plain = judged(make_target(), [("R", "x", "2023", 200), ("R", "x", "2026-05", 205)])
    (row,) = build_bulletin(build_view(plain, Words.of("en"))).rows
    assert "judged on" not in row.progress
    # the goal's paragraph of the Word bulletin says it too (a newcomer's walkthrough: the
    # row said "judged on 298", the paragraph "Latest figure 310 firms … Progress: Missed.")
    for lang, said in (
        # past its deadline: its outcome, as a year-end notice says it (完成情况：未完成)
        ("en", "Outcome: Missed (judged on 205 firms, May 2026)."),
        ("zh", "完成情况：未完成（按2026年5月数据205户判定）。"),
    ):
        goals = build_bulletin(build_view(report, Words.of(lang))).sections[0]
        assert said in "".join(goals.paragraphs), goals.paragraphs


def test_another_years_cumulative_figure_is_context_not_the_goals_figure() -> None:
    """A newcomer's walkthrough (made-up figures): 2026's 1—11月 output value, beside the goal
    on 2025's total of 5 bn, made that goal's paragraph "1—11月完成41亿元。进展情况：已完成。":
    the figure it was judged on (5.2 bn in 2025) and its source were gone. The paragraph says
    the goal's own figure, then the other year's cumulative figure with its year."""
    from sockprogress.rendering.bulletin import build_bulletin
    from sockprogress.rendering.view import build_view

    goal = make_target(kind="annual_total", unit="yuan", target=5e9, baseline=None)
    rows = [
        ("R", "x", "2025", 5.2e9, "", "2025 yearbook (made up)"),
        ("R", "x", "2026-10", 3.7e9, "ytd", "October bulletin (made up)"),
        ("R", "x", "2026-11", 4.1e9, "ytd", "November bulletin (made up)"),
    ]
    report = judged(goal, rows, as_of="2026-11")
    assert report.targets[0].status == "achieved" and not report.targets[0].own_year
    for lang, own, other in (
        ("en", "Latest figure 5.2 bn yuan (2025", "Jan–Nov 2026: 4.1 bn yuan so far"),
        ("zh", "最新数据为52亿元（2025年", "2026年1—11月累计41亿元"),
    ):
        bulletin = build_bulletin(build_view(report, Words.of(lang)))
        paragraph = "".join(bulletin.sections[0].paragraphs)
        assert paragraph.index(own) < paragraph.index(other), paragraph
        assert any("2025 yearbook" in n for n in bulletin.notes), bulletin.notes


@pytest.mark.parametrize(
    ("ytd", "tolerated"),
    [
        (2.95e9, True),  # 81.9 % of the goal at 83.3 % of the year: 0.98 of the schedule
        (2.7e9, False),  # 75.0 %: 0.90 of the schedule, moderate progress
    ],
)
def test_a_year_goal_on_track_behind_the_schedule_says_it_is_within_the_tolerance(
    ytd: float, tolerated: bool
) -> None:
    """A newcomer's walkthrough (made-up figures): "完成全年目标的81.9%，低于序时进度1.4个百分点。
    进展情况：达到进度要求。" read as two verdicts, 达到进度要求 and 达到序时进度 being near enough
    the same words. Behind the schedule and on track (95 % of the schedule or more, as the method
    has it), the line says it is within the tolerance."""
    from sockprogress.rendering.outcome import year_line

    report = judged(
        _ytd_goal(3.6e9),
        _ytd(("2026-10", ytd)),
        as_of="2026-10",
    )
    result = report.targets[0]
    assert result.status == ("on_track" if tolerated else "moderate_progress")
    zh = year_line(result, Words.of("zh"))
    en = year_line(result, Words.of("en"))
    assert ("但在允许偏差范围内" in zh) is tolerated, zh
    assert ("but within the tolerance" in en) is tolerated
    assert "低于序时进度" in zh


def test_a_goal_its_deadline_decided_is_shown_without_a_pace_or_a_projection() -> None:
    """A newcomer's walkthrough (made-up figures): a missed goal's block said "Pace judgement:
    Moderate progress" and "Expected date reached: about May 2026", as if still under way. Once
    the deadline decided it, its pace, the date it would be met and where it would land are
    left out of the outputs (the JSON keeps them); a goal awaiting its final figure keeps them,
    its outlook rests on them."""
    from sockprogress.rendering.view import build_view

    decided = judged(make_target(), [("R", "x", "2023", 220), ("R", "x", "2025-12", 240)])
    waiting = judged(make_target(), [("R", "x", "2023", 220), ("R", "x", "2025-06", 240)])
    hidden = {"pace_ratio", "pace_category", "eta", "projected_at_deadline"}
    for report, status, kept in ((decided, "missed", False), (waiting, "awaiting_final", True)):
        assert report.targets[0].status == status
        (view,) = build_view(report, Words.of("en")).targets
        shown = {figure.key for figure in view.figures}
        assert bool(hidden & shown) is kept, shown
        assert report.targets[0].figures.pace_ratio is not None  # the JSON's figure stays


def test_the_page_summary_gives_a_flagged_fraction_with_every_digit(tmp_path: Path) -> None:
    """A maintainer's reading: the page's Summary rounded a flagged 230.5 firms to "230" beside
    its ⚠, which the card (outcome.figure_said) never did (made-up figures)."""
    targets, actuals = _inputs(tmp_path, [("Testville", "widgets", "2024", 226)])
    assert (
        _add(actuals, targets, "--period", "2026-09", "--value", "230.5", "--force").exit_code == 0
    )
    _report(targets, actuals, tmp_path / "out", "2026-10", "json,html")
    html = (tmp_path / "out" / "progress-2026-10.html").read_text("utf-8")
    summary = html[html.index('id="summary"') :]
    row = summary[summary.index("<tr data-status=") :]
    row = row[: row.index("</tr>")]
    assert "230.5 units" in row and "Check this figure" in row


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_figure_beside_its_goal_never_rounds_onto_it(lang: str) -> None:
    """A maintainer's reading: 4.996 bn for a goal of 5 bn by 2025 read "latest 5 bn | goal 5
    bn | Missed" in the bulletin's table and the headline; only a projection kept its digits
    (made-up figures)."""
    from sockprogress.rendering.bulletin import build_bulletin
    from sockprogress.rendering.outcome import figure_said
    from sockprogress.rendering.view import build_view

    goal = make_target(unit="yuan", target=5e9, baseline=None, kind="annual_total")
    report = judged(goal, [("R", "x", "2024", 4.2e9), ("R", "x", "2025", 4.996e9)], "2026-10")
    result = report.targets[0]
    assert result.status == "missed"
    words = Words.of(lang)
    assert result.latest is not None
    said = figure_said(result, result.latest, words)
    assert said == ("4.996 bn yuan" if lang == "en" else "49.96亿元")
    (row,) = build_bulletin(build_view(report, words)).rows
    assert row.latest.startswith("4.996" if lang == "en" else "49.96") and row.goal == (
        "5" if lang == "en" else "50"
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_year_to_date_figure_never_rounds_onto_its_years_goal(lang: str) -> None:
    """The last session's note: the page's year cells, the year's key figure and the Summary's
    year-to-date column said 35.996亿 of 1—11月 beside a year goal of 36亿 as "36亿元", which the
    bulletin row and the year line no longer did (made-up figures)."""
    from sockprogress.rendering.excel.labels import figure_label
    from sockprogress.rendering.view import build_view

    report = judged(_ytd_goal(3.6e9), _ytd(("2026-11", 3.5996e9)), as_of="2026-11")
    words = Words.of(lang)
    (view,) = build_view(report, words).targets
    digits = "3.5996" if lang == "en" else "35.996"
    assert view.year_cells.value.startswith(digits), view.year_cells.value
    (key,) = [f for f in view.figures if f.key == "ytd"]
    assert key.text.startswith(digits), key.text
    summary = _summary_cells(report, words)
    # a goal for the year, in its year: its 1—N月 is the Summary's latest figure, and its share
    # of the year's goal the share (no column repeats them)
    assert words("Year to date") not in summary
    cell = summary[figure_label("latest", words)]
    assert cell.value in (3.5996e9, 35.996) and "0.000" in cell.number_format, cell.number_format
    # its share of the year's goal, 99.99 %, never 100.0 % (the Summary and the region's block)
    share = summary[figure_label("share_of_target_pct", words)]
    assert share.value == pytest.approx(99.9889, abs=1e-3)
    assert share.number_format == '0.00"%"', share.number_format
    region = _workbook(report, words).worksheets[3]
    figures = [c for row in region.iter_rows() for c in row if c.value in (3.5996e9, 35.996)]
    # the key figure, the table's 1—N月 row and the point its chart of the year draws
    assert len(figures) == 3
    assert all("0.000" in c.number_format for c in figures), [c.number_format for c in figures]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_changed_never_rounds_a_years_figure_onto_its_goal(lang: str) -> None:
    """An office's month (made-up figures): with 1—11月 at 35.996亿 beside a year goal of
    36亿, the page's changes since last month said "36亿元（2026年1—11月）" and the Changes
    sheet's cell showed 36.0, where the card and the tables said 35.996亿."""
    from sockprogress.rendering.html import render_html

    rows = _ytd(("2026-10", 3.21e9), ("2026-11", 3.5996e9))
    report = judged(_ytd_goal(3.6e9), rows, as_of="2026-11")
    (result,) = report.targets
    assert result.previous_ytd is not None and result.new_figure
    words = Words.of(lang)
    page = unescape(render_html(report, words))
    changes = page[page.index('id="changes"') :]
    changes = changes[: changes.index("</section>")]
    said = "3.5996 bn yuan" if lang == "en" else "35.996亿元"
    assert said in changes and ("36亿元" if lang == "zh" else "3.6 bn yuan") not in changes
    sheet = _workbook(report, words).worksheets[2]  # Changes, after the bulletin and Summary
    (cell,) = [c for row in sheet.iter_rows() for c in row if c.value in (3.5996e9, 35.996)]
    assert "0.000" in cell.number_format, cell.number_format


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_plan_goal_beside_its_years_goal_spells_the_years_figure_as_it_does(lang: str) -> None:
    """An office's page (made-up figures): a plan goal of 5 bn by 2025 and a goal of 3.6 bn for
    2026 on one series. The year goal's row said 1—11月 as 35.996亿; the plan goal's row, its
    card and both tables of figures said the same figure as 36亿."""
    from sockprogress.rendering.view import build_view

    plan = make_target(id="plan", unit="yuan", target=5e9, kind="annual_total")
    rows = _ytd(("2025-11", 3.32e9), ("2026-11", 3.5996e9))
    targets = TargetsFile((plan, replace(_ytd_goal(3.6e9), id="year")))
    report = judge(targets, Actuals(frame(rows)), Month.parse("2026-11"))
    words = Words.of(lang)
    digits = "3.5996" if lang == "en" else "35.996"
    for view in build_view(report, words).targets:
        assert view.year_cells.value.startswith(digits), (view.result.target.id, view.year_cells)
        listed = [value for _p, value, *_ in view.observations if value.startswith(digits[:2])]
        assert listed and all(v.startswith(digits) for v in listed), listed
    summary = _workbook(report, words)["Summary" if lang == "en" else "汇总表"]
    cells = [c for row in summary.iter_rows() for c in row if c.value in (3.5996e9, 35.996)]
    # each row's 1—N月, and the year goal's latest figure, which it is (outcome.ytd_as_latest)
    assert len(cells) == 3 and all("0.000" in c.number_format for c in cells)


def _workbook(report: Report, words: Words) -> Any:
    """The report's workbook, as openpyxl reads it back."""
    import io

    import openpyxl

    from sockprogress.pipeline import RENDERERS

    data = RENDERERS["xlsx"](report, words, None)
    data = data if isinstance(data, bytes) else b"".join(data)
    return openpyxl.load_workbook(io.BytesIO(data))


def _summary_cells(report: Report, words: Words) -> dict[str, Any]:
    """The Summary sheet's first target row of the report's workbook, by its column heading."""
    sheet = _workbook(report, words)[words("Summary")]
    rows = list(sheet.iter_rows())
    # its heading row: the goal first (of one region, no region column before it)
    (at,) = [n for n, row in enumerate(rows) if row[0].value == words("Target")]
    heading = [c.value for c in rows[at]]
    target = next(row for row in rows[at + 1 :] if row[1].value)
    return dict(zip(heading, target, strict=True))


def test_a_share_over_its_cap_never_reads_as_the_cap() -> None:
    """A review (made-up figures): 100.04 % of a cap (over it, not met) read "100.0 %" on the
    page and in the workbook, as if exactly at the cap; 99.96 % was already kept off it."""
    from sockprogress.rendering.excel.formats import share_format

    words = Words.of("en")
    assert [words.percent(v) for v in (100.04, 99.96, 100.0)] == ["100.04 %", "99.96 %", "100.0 %"]
    assert [share_format(v) for v in (100.04, 99.96, 100.0)] == ['0.00"%"', '0.00"%"', '0.0"%"']


@pytest.mark.parametrize(
    ("lang", "rows", "said"),
    [
        ("en", (3,), "⚠ Check this figure (row 3)"),
        ("en", (3, 5), "⚠ Check these figures (row 3, row 5)"),
        ("en", (3, 5, 9), "⚠ Check these figures (row 3, row 5, row 9)"),
        ("zh", (3, 5), "⚠ 请核实该数据（第3行、第5行）"),
    ],
)
def test_the_mark_beside_a_status_says_how_many_figures_to_check(
    tmp_path: Path, lang: str, rows: tuple[int, ...], said: str
) -> None:
    """A province's short blocks read "⚠ Check this figure (row 6842, row 6844, row 6856)":
    three rows, each its own figure (made-up rows and issues)."""
    from sockprogress.model import Issue
    from sockprogress.pipeline import build_report
    from sockprogress.rendering.outcome import check_line

    targets, actuals = _inputs(tmp_path, [("Testville", "widgets", "2024", 226)])
    (result,) = build_report(targets, actuals, Month.parse("2026-10")).targets
    checks = tuple(Issue("warning", "", row=row, code="plausibility.not_whole") for row in rows)
    assert check_line(replace(result, checks=checks), Words.of(lang)) == said


def test_a_level_awaiting_its_figure_is_not_said_to_await_a_full_year_figure() -> None:
    # "awaiting the full-year figure for 2025" was said of a capacity (a level) too, as of the
    # shipped report's goals due at the end of 2025 (a park analyst's find)
    from sockprogress.rendering.outcome import headline

    waiting = judged(
        make_target(), [("R", "x", "2024", 150), ("R", "x", "2025-06", 160)], "2026-03"
    )
    assert waiting.targets[0].status == "awaiting_final"
    (line, *_) = headline(waiting, Words.of("en"), details=False)
    assert "1 awaiting the final figure for 2025" in line, line
    assert "full-year" not in line
    (line, *_) = headline(waiting, Words.of("zh"), details=False)
    assert "1项尚无2025年期末数据" in line, line
