"""A county's goals for 2026 and 2027 on one series across the turn of the year (made-up
figures), as a helper playing the county's statistician found them: every output says a goal
for one year with figures of its year only (method: "only figures of year Y count for it"),
its year's total once that is in; the JSON keeps the method's figures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import write_actuals, write_targets

from sockprogress.cli import main
from sockprogress.judging import judge
from sockprogress.model import Report
from sockprogress.periods import Month
from sockprogress.pipeline import terminal_lines
from sockprogress.reading import load_targets, read_actuals
from sockprogress.rendering.bulletin import build_bulletin
from sockprogress.rendering.jsonout import render_json
from sockprogress.rendering.view import TargetView, build_view
from sockprogress.words.words import Words

TARGETS = """
[[regions]]
region = "County"
name_zh = "某县"

[[targets]]
id = "out-2026"
region = "County"
indicator = "output"
name = "Output value"
name_zh = "工业总产值"
unit = "亿元"
kind = "annual_total"
direction = "increase"
target = 120
year = 2026

[[targets]]
id = "out-2027"
region = "County"
indicator = "output"
name = "Output value, 2027"
name_zh = "工业总产值（2027年目标）"
unit = "亿元"
kind = "annual_total"
direction = "increase"
target = 132
year = 2027
"""


def rows(year_row: bool = False) -> list[tuple[Any, ...]]:
    """1—10月 and 1—11月 of 2025 and 2026, 2025's total, 2026年1月, then 2026's total (as
    1—12月, or as a year row) and 2027年1月."""
    out: list[tuple[Any, ...]] = [
        ("County", "output", "2025-10", 95.0, "ytd"),
        ("County", "output", "2025-11", 104.5, "ytd"),
        ("County", "output", "2025", 114.0),
        ("County", "output", "2026-01", 9.4, "ytd"),
        ("County", "output", "2026-10", 101.2, "ytd"),
        ("County", "output", "2026-11", 111.0, "ytd"),
    ]
    out.append(
        ("County", "output", "2026", 122.5)
        if year_row
        else ("County", "output", "2026-12", 122.5, "ytd")
    )
    out.append(("County", "output", "2027-01", 10.2, "ytd"))
    return out


def county(tmp_path: Path, as_of: str, year_row: bool = False) -> Report:
    targets = write_targets(tmp_path / "targets.toml", TARGETS)
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows(year_row))
    read = read_actuals(actuals, today=dt.date(2027, 3, 1))
    return judge(load_targets(targets), read, Month.parse(as_of))


def views(report: Report, lang: str) -> dict[str, TargetView]:
    return {t.result.target.id: t for t in build_view(report, Words.of(lang)).targets}


def test_november_says_the_year_goal_with_its_1_to_11_months_not_twelve_months(
    tmp_path: Path,
) -> None:
    """The twelve months to November (120.5亿, with December 2025 in it) stood as the 2026
    goal's 最新值 beside a goal of 120亿 at 92.5 % of its 1—11月; 2026's 1—11月, its 同比 and a
    pace from 2025 to 2026 (进度偏慢) stood on the row of the goal for 2027."""
    report = county(tmp_path, "2026-11")
    json_said = {t["id"]: t for t in json.loads(render_json(report))["targets"]}
    # the JSON keeps the method's figures
    assert json_said["out-2026"]["latest_basis"] == "ttm"
    assert json_said["out-2026"]["latest_value"] == pytest.approx(120.5)
    assert json_said["out-2027"]["ytd_value"] == pytest.approx(111.0)
    for lang in ("en", "zh"):
        said = views(report, lang)
        this, next_ = said["out-2026"], said["out-2027"]
        assert this.latest is None and this.figure("latest") is None
        assert this.year_cells.share == Words.of(lang).percent(92.5)
        assert next_.result.ytd is None and next_.year_cells.value == "—"
        assert next_.figure("pace_category") is None and next_.what_changed == ""
        assert {f.key for f in next_.figures} == {"goal", "deadline"}
    bulletin = build_bulletin(build_view(report, Words.of("zh")))
    (row,) = [r for r in bulletin.rows if r.name == "工业总产值"]
    assert row.latest.startswith("111") and row.share == "92.5%"
    # a goal for a year not yet begun lacks no data: it is not among the problems
    # (nothing else needs attention here: no 三、需要关注的问题 at all)
    assert [s.heading for s in bulletin.sections] == ["二、主要指标完成情况"]


@pytest.mark.parametrize("year_row", [False, True])
def test_december_says_the_year_goal_once_by_its_total_with_its_year_on_year_change(
    tmp_path: Path, year_row: bool
) -> None:
    """2026's total as 1—12月 or as a year row: achieved at 102.1 %, 同比 7.5 % in the table (the
    column was dropped in December). A year row beside 1—11月 counted the goal also among the
    year's goals under way ("1 of 1 at the schedule", 4 goals of 3) and said it had no
    1—12月 yet."""
    report = county(tmp_path, "2026-12", year_row)
    for lang, head, not_said in (
        ("en", "1 achieved", "schedule"),
        ("zh", "1项已完成", "序时进度"),
    ):
        words = Words.of(lang)
        view = build_view(report, words)
        assert any(head in line for line in view.headline)
        assert not any(not_said in line for line in view.headline), view.headline
        lines = terminal_lines(report, words)
        assert not any(not_said in line for line in lines), lines
        said = views(report, lang)["out-2026"]
        assert said.latest is not None and said.latest.value == 122.5
        assert said.year_cells.yoy == words.percent(100 * (122.5 / 114 - 1))
        (row, *_) = build_bulletin(view).rows
        assert row.yoy == words.percent(100 * (122.5 / 114 - 1))
        assert row.share == words.percent(100 * 122.5 / 120)
    assert report.behind_the_month() == []


def test_january_says_the_finished_goal_by_its_total_and_the_new_one_by_january(
    tmp_path: Path,
) -> None:
    """In January the 2026 goal's 最新值 and 完成率 were the twelve months to 2027年1月 (123.3,
    102.8 %), with 2027年1月累计 and its 同比 on its row; the 2027 goal's change read as a fall
    from 122.5（2026年） to 10.2（2027年1月）."""
    report = county(tmp_path, "2027-01")
    for lang, new in (("en", "first figure: Jan 2027"), ("zh", "新增2027年1月数据")):
        words = Words.of(lang)
        said = views(report, lang)
        done, this = said["out-2026"], said["out-2027"]
        assert done.latest is not None and (done.latest.period, done.latest.value) == (
            "2026",
            122.5,
        )
        share = done.figure("share_of_target_pct")
        assert share is not None and share.text == words.percent(100 * 122.5 / 120)
        assert done.result.ytd is None and done.what_changed == ""
        assert this.year_cells.value.startswith("10.2")
        assert this.year_cells.months == words.months_to(1, 2027)
        assert this.latest is None
        assert new in this.what_changed, this.what_changed
    zh = Words.of("zh")
    assert zh.basis("ytd", "2027-01") == "1月累计"  # not 1—1月累计
    assert zh.basis("ytd", "2027-02") == "1—2月累计"


def test_a_month_missing_from_the_year_is_named_not_said_to_be_no_figure(tmp_path: Path) -> None:
    """The months of 2026 but May as months' amounts (made up): no 1—11月 can be summed
    (method), and the goal said "No figure of 2026 yet" over ten figures of 2026, `check`
    nothing of May; the goal for 2027 was said to have rows none of which could be used,
    inviting a fix of 2026's rows. May is named, on the card and as a data issue; the goal
    for 2027 has no issue in 2026."""
    targets = write_targets(tmp_path / "targets.toml", TARGETS)
    months = [("County", "output", f"2026-{m:02d}", 10.0 + m, "month") for m in range(1, 12)]
    actuals = write_actuals(tmp_path / "actuals.xlsx", [r for r in months if r[2] != "2026-05"])
    read = read_actuals(actuals, today=dt.date(2026, 12, 7))
    report = judge(load_targets(targets), read, Month.parse("2026-11"))
    by_id = {r.target.id: r for r in report.targets}
    assert by_id["out-2026"].status == "not_assessable"
    assert [i.target_id for i in report.issues] == ["out-2026"]
    (issue,) = report.issues
    for lang, card, said in (
        (
            "en",
            # English says a period as written in the sheet (locales.toml: periods_in_words)
            "No year-to-date figure of its year: 1 month(s) without an amount (the first "
            "2026-05), so its months to 2026-11 cannot be summed.",
            "target out-2026: 1 month(s) without an amount (the first 2026-05), so its "
            "year-to-date figure to 2026-11 cannot be summed from its months; add the missing "
            "months' amounts, or the year-to-date figure of 2026-11 (basis ytd)",
        ),
        (
            "zh",
            "本年累计数无法计算：缺1个月当月数（最早缺2026年5月），截至2026年11月的累计数无法由各月数据"
            "累加得出。",
            "“某县·工业总产值”目标：缺1个月当月数（最早缺2026年5月），截至2026年11月的本年累计数无法由"
            "各月当月数累加得出；请补录所缺月份的当月数，或直接填写2026年11月的累计数（数值类型填“累计数”）",
        ),
    ):
        assert views(report, lang)["out-2026"].notes == (card,)
        assert said in Words.of(lang).issue_text(issue)


def test_the_twelve_months_to_a_month_are_said_so_in_the_bulletins_table(tmp_path: Path) -> None:
    """A plan goal for 2030 on an output value judged on the twelve months to November 2026
    (months' amounts, made up): the bulletin's table said 13.2（2026年11月）, read as November's
    own output by a park analyst; the card said "12 months to Nov 2026"."""
    goal = """
[[targets]]
id = "out-2030"
region = "County"
indicator = "output"
name = "Output value, 2030"
unit = "亿元"
kind = "annual_total"
direction = "increase"
target = 200
deadline = 2030-12-31
baseline = { period = "2025", value = 100 }
"""
    targets = write_targets(tmp_path / "targets.toml", goal)
    months = [("County", "output", "2025-12", 10.0, "month")]
    months += [("County", "output", f"2026-{m:02d}", 11.0, "month") for m in range(1, 12)]
    actuals = write_actuals(tmp_path / "actuals.xlsx", months)
    read = read_actuals(actuals, today=dt.date(2026, 12, 7))
    report = judge(load_targets(targets), read, Month.parse("2026-11"))
    assert report.targets[0].latest is not None and report.targets[0].latest.basis == "ttm"
    for lang, said in (
        ("en", "131 (12 months to Nov 2026)"),
        ("zh", "131（截至2026年11月的近12个月）"),
    ):
        (row,) = build_bulletin(build_view(report, Words.of(lang))).rows
        assert row.latest == said


def test_january_without_december_says_the_last_months_of_the_year_awaiting_its_total(
    tmp_path: Path,
) -> None:
    """No 1—12月 yet in January's report (made up): the 2026 goal awaits its total, and its
    row said 2027年1月累计 (the method's 1—N月 moves to the report month's year), then, with that
    left out, nothing, its change reading "最新数据由2026年1—11月更新为无". It is said by its
    year's last 1—N月, as a January bulletin says a goal awaiting its 1—12月."""
    targets = write_targets(tmp_path / "targets.toml", TARGETS)
    kept = [r for r in rows() if r[2] != "2026-12"]
    actuals = write_actuals(tmp_path / "actuals.xlsx", kept)
    read = read_actuals(actuals, today=dt.date(2027, 3, 1))
    report = judge(load_targets(targets), read, Month.parse("2027-01"))
    for lang, latest in (("en", "111 (Jan–Nov 2026)"), ("zh", "111（2026年1—11月）")):
        view = build_view(report, Words.of(lang))
        done = {t.result.target.id: t for t in view.targets}["out-2026"]
        assert done.result.status == "awaiting_final"
        assert done.result.ytd is None
        assert not done.result.new_figure, done.what_changed
        row = next(r for r in build_bulletin(view).rows if r.status == "awaiting_final")
        assert (row.latest, row.share) == (latest, Words.of(lang).percent(92.5))


def test_a_month_excel_stored_as_a_date_says_the_row_is_not_used_and_why(tmp_path: Path) -> None:
    """2026-12 typed in a cell of General format is stored by Excel as the date 2026-12-01 (a
    helper's find, made up): the warning said a date cannot carry an annual total, while the
    data issues' legend says a warning's row is used. It says the row is not used for the goal,
    and why a month became a date."""
    targets = write_targets(tmp_path / "targets.toml", TARGETS)
    dated = [*rows()[:6], ("County", "output", dt.datetime(2026, 12, 1), 122.5, "ytd")]
    actuals = write_actuals(tmp_path / "actuals.xlsx", dated)
    read = read_actuals(actuals, today=dt.date(2027, 3, 1))
    report = judge(load_targets(targets), read, Month.parse("2026-12"))
    said = [i for i in report.issues if i.code == "date_for_annual_total"]
    assert said and said[0].row == 8
    en = Words.of("en").issue_text(said[0])
    assert "so the row is not used for it" in en and "start it with an apostrophe ('2025-06)" in en
    assert "Excel and WPS store 2025-06 typed in a cell of General format as the date" in en
    zh = Words.of("zh").issue_text(said[0])
    assert "本行不参与该目标的测算" in zh and "Excel/WPS会自动将其存为日期2025-06-01" in zh


def test_a_year_to_date_figure_without_its_year_before_says_why_its_change_is_blank(
    tmp_path: Path,
) -> None:
    """The year before's months left out (made up, a newcomer's month): 同比 read "—" with no
    word why. The card's line on blank figures says it."""
    targets = write_targets(tmp_path / "targets.toml", TARGETS)
    actuals = write_actuals(tmp_path / "actuals.xlsx", [r for r in rows() if r[2][:4] != "2025"])
    read = read_actuals(actuals, today=dt.date(2026, 12, 7))
    report = judge(load_targets(targets), read, Month.parse("2026-11"))
    for lang, said in (
        ("en", "Change on a year before: the same months of the year before are not known"),
        ("zh", "同比增长：无上年同期数据"),
    ):
        card = views(report, lang)["out-2026"]
        assert card.year_cells.yoy == "—"
        assert card.blank_line == said


def test_check_says_when_the_year_before_is_missing_for_a_change_on_it(tmp_path: Path) -> None:
    """The year before's months left out (made up): the card's blank line said why 同比 was
    blank, `check` said nothing (the county helper's find). A warning says which months to add,
    once per goal; with them in, nothing is said."""
    targets = write_targets(tmp_path / "targets.toml", TARGETS)
    actuals = write_actuals(tmp_path / "actuals.xlsx", [r for r in rows() if r[2][:4] != "2025"])
    report = judge(
        load_targets(targets),
        read_actuals(actuals, today=dt.date(2026, 12, 7)),
        Month.parse("2026-11"),
    )
    said = [i for i in report.issues if i.code == "year_before_missing"]
    assert [(i.severity, i.row) for i in said] == [("warning", None)]
    assert dict(said[0].params)["target"] == "out-2026"
    en, zh = (Words.of(lang) for lang in ("en", "zh"))
    assert en.issue_text(said[0]) == (
        "target out-2026: the sheet does not give Jan–Nov 2025, the same months a year before, "
        "so the change on a year before of its Jan–Nov 2026 cannot be given"
    )
    assert zh.issue_text(said[0]) == (
        "“某县·工业总产值”目标：表中无上年同期（2025年1—11月）数据，无法计算2026年1—11月累计同比增速"
    )
    assert "year-to-date row of those months (basis ytd)" in en.issue_hint(said[0])
    assert "上年同期累计数（数值类型填“累计数”）" in zh.issue_hint(said[0])
    # on the command line, with its hint
    result = CliRunner().invoke(
        main,
        [
            "--lang",
            "zh",
            "check",
            "--targets",
            str(targets),
            "--actuals",
            str(actuals),
            "--as-of",
            "2026-11",
        ],
    )
    assert "表中无上年同期（2025年1—11月）数据" in result.output
    # with the year before in (the fixture's 1—11月 of 2025), nothing is said
    assert not [i for i in county(tmp_path, "2026-11").issues if i.code == "year_before_missing"]


def test_decembers_report_before_december_is_in_says_its_figures_run_to_november(
    tmp_path: Path,
) -> None:
    """A default report in early January is on December; with 1—11月 the last figures in, the
    bulletin is titled 2026年1—11月 and said "数据截至2026年12月底" under it (the county
    helper's find). The line under the title gives the month its figures run to."""
    targets = write_targets(tmp_path / "targets.toml", TARGETS)
    kept = [r for r in rows() if r[2] < "2026-12" and r[2] != "2026"]
    actuals = write_actuals(tmp_path / "actuals.xlsx", kept)
    read = read_actuals(actuals, today=dt.date(2027, 1, 5))
    report = judge(load_targets(targets), read, Month.parse("2026-12"))
    said = {lang: build_bulletin(build_view(report, Words.of(lang))) for lang in ("zh", "en")}
    assert (said["zh"].period, said["zh"].as_of) == ("2026年1—11月", "数据截至2026年11月底")
    assert (said["en"].period, said["en"].as_of) == (
        "Jan–Nov 2026",
        "Figures to the end of Nov 2026",
    )
    # with December's 1—12月 in, the same report says December
    full = [r for r in rows() if r[2] <= "2026-12" and r[2] != "2026"]
    actuals = write_actuals(tmp_path / "actuals.xlsx", full)
    report = judge(load_targets(targets), read_actuals(actuals), Month.parse("2026-12"))
    bulletin = build_bulletin(build_view(report, Words.of("zh")))
    assert (bulletin.period, bulletin.as_of) == ("2026年1—12月", "数据截至2026年12月底")
    # 1—10月 beside a level's figure of November: the line says November, the title 1—10月
    level = (
        TARGETS
        + """
[[targets]]
id = "firms"
region = "County"
indicator = "firms"
name = "Firms"
name_zh = "企业数"
unit = "户"
kind = "level"
direction = "increase"
target = 300
deadline = 2027-12-31
"""
    )
    targets = write_targets(tmp_path / "targets.toml", level)
    mixed = [r for r in kept if r[2] != "2026-11"] + [("County", "firms", "2026-11", 290)]
    actuals = write_actuals(tmp_path / "actuals.xlsx", mixed)
    report = judge(load_targets(targets), read_actuals(actuals), Month.parse("2026-12"))
    bulletin = build_bulletin(build_view(report, Words.of("zh")))
    assert (bulletin.period, bulletin.as_of) == ("2026年1—10月", "数据截至2026年11月底")
