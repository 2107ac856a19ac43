"""The year's goal said as a bulletin says it, in every output (issue 20): 1—N月 against the
year's goal and 序时进度 (N/12), with 同比, on a made-up county (tests/yeargoals.py)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from helpers import joined, park_year_goal, write_actuals, write_targets
from markupsafe import Markup
from openpyxl import load_workbook
from xlsxparts import Package, series, x_axis
from yeargoals import (
    AS_OF,
    SHIPPED_YEAR_MONTH,
    SOURCE,
    TARGETS,
    YEAR_TO_DATE,
    county_report,
    write_shipped_with_a_year_goal,
    write_year_goals,
    year_to_date_rows,
)

from sockprogress import pipeline
from sockprogress.cli import main
from sockprogress.model import Report
from sockprogress.periods import Month
from sockprogress.pipeline import build_report
from sockprogress.rendering import outcome
from sockprogress.rendering.bulletin import build_bulletin
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.html import render_html
from sockprogress.rendering.jsonout import render_json
from sockprogress.rendering.view import build_view
from sockprogress.words.words import Words


def in_lang(
    lang: str, targets: Path, actuals: Path, *more: str, command: tuple[str, ...] = ("report",)
) -> Result:
    """`sockprogress --lang LANG report --targets … --actuals … MORE` (or another command)."""
    args = ["--lang", lang, *command, "--targets", str(targets), "--actuals", str(actuals)]
    return CliRunner().invoke(main, [*args, *more])


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("yeargoals")
    targets, actuals = write_year_goals(folder)
    out = {}
    for lang in ("en", "zh"):
        out[lang] = folder / f"out-{lang}"
        args = ["report", "--targets", str(targets), "--actuals", str(actuals)]
        args += ["--as-of", AS_OF, "--out", str(out[lang]), "--lang", lang]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    return out


def page(outputs: dict[str, Path], lang: str) -> str:
    mark = ".zh" if lang == "zh" else ""
    return (outputs[lang] / f"progress-{AS_OF}{mark}.html").read_text("utf-8")


def year_lines(html: str) -> list[str]:
    return [unescape(m) for m in re.findall(r'<p class="year[^"]*">(.*?)</p>', html)]


def test_each_card_says_the_year_as_a_chinese_bulletin_does(outputs: dict[str, Path]) -> None:
    assert year_lines(page(outputs, "zh")) == [
        "1—10月完成312亿元，同比增长8.1%，完成全年目标的90.9%，超序时进度7.6个百分点。",
        "1—10月完成82亿元，同比下降3.5%，完成全年目标的68.3%，低于序时进度15.0个百分点。",
        "1—10月完成21亿元，同比增长31.2%，完成全年目标的105.0%，超序时进度21.7个百分点，"
        "已提前完成全年目标。",
        # a cap: using less than the months gone is within the schedule, and 超 is never said
        "1—10月累计80万吨，同比下降4.8%，占全年控制目标的80.0%，低于序时进度3.3个百分点，"
        "控制在序时进度以内。",
    ]


def test_and_in_english(outputs: dict[str, Path]) -> None:
    lines = year_lines(page(outputs, "en"))
    assert lines[0] == (
        "Jan–Oct 31.2 bn yuan, up 8.1 % on a year before, 90.9 % of the year's goal, 7.6 points "
        "ahead of the schedule."
    )
    assert lines[1].startswith("Jan–Oct 8.2 bn yuan, down 3.5 % on a year before, 68.3 %")
    assert lines[2].endswith("the year's goal met ahead of time.")
    assert "3.3 points below the schedule, within it" in lines[3]


def test_the_headline_counts_as_bulletins_do(outputs: dict[str, Path]) -> None:
    """A cap (energy use) under its schedule is 控制在序时进度以内, as the method's note says it,
    not counted among 达到序时进度 (a Chinese reader's find)."""
    zh = (
        "4项年度目标（序时进度83.3%）中，达到序时进度2项、控制在序时进度以内1项；"
        "未达到序时进度1项：固定资产投资。"
    )
    assert zh in page(outputs, "zh")
    en = (
        "Of 4 goals for the year (schedule 83.3 %), 2 at or ahead of the schedule, 1 cap within "
        "the schedule; 1 behind it"
    )
    assert en in page(outputs, "en")
    # met before its deadline: 已提前完成, not 已完成
    assert "已提前完成" in page(outputs, "zh")


def summary_table(html: str) -> str:
    start = html.index('id="summary"')
    return html[start : html.index("</table>", start)]


def test_the_page_summary_says_a_year_goals_1_n_as_its_latest_and_its_share(
    outputs: dict[str, Path],
) -> None:
    """In its year, a goal for the year is said in the summary as the bulletin's table above it
    says it: 最新值 its 1—N月, 完成率 that figure's share (it said 完成率 — and 最新值 — under
    a table that said 完成率 90.9%). Columns that would repeat them are left out."""
    html = page(outputs, "zh")
    summary = summary_table(html)
    headings = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', summary)
    assert headings == [
        "指标",
        "进展情况",
        "完成率",
        "最新值",
        "目标值",
        "与序时进度相比",
        "同比增长",
    ]
    output = summary[summary.index("规上工业总产值") :].split("</tr>")[0]
    cells = [re.sub(r"<[^>]+>", "|", c) for c in re.findall(r'<td class="num">(.*?)</td>', output)]
    assert cells[:2] == ["90.9%|序时进度83.3%|", "312亿元|2026年1—10月|"]
    assert "高于7.6个百分点" in summary and "低于15.0个百分点" in summary
    # the bulletin's table on the same page: the same figure and share under the same words
    bulletin = html[: html.index('id="summary"')]
    assert "90.9%" in bulletin and "312" in bulletin
    assert "2026年全年343.2亿元" in html  # a year's goal is written for its year


def test_and_so_does_the_english_page(outputs: dict[str, Path]) -> None:
    summary = summary_table(page(outputs, "en"))
    assert "Year to date</th>" not in summary
    output = summary[summary.index("Industrial output value") :].split("</tr>")[0]
    assert "90.9 %" in output and "Jan–Oct 2026" in output and "schedule 83.3 %" in output


def test_the_workbook_summary_says_them_so_with_their_source(outputs: dict[str, Path]) -> None:
    wb = load_workbook(outputs["zh"] / f"progress-{AS_OF}.zh.xlsx")
    summary = wb["汇总表"]
    rows = [r for r in summary.iter_rows(values_only=True)]
    header = joined(next(r for r in rows if r and r[0] == "指标"))  # one region: no 地区
    assert "同比增长" in header
    assert "累计数" not in header and "完成全年目标的比例" not in header  # no cell repeated
    output = next(r for r in rows if r and r[0] == "规上工业总产值")
    assert output[header.index("完成率")] == pytest.approx(90.909, abs=1e-3)
    assert output[header.index("最新值")] == pytest.approx(312)  # in 亿, as the unit column says
    assert output[header.index("最新值所属时期")] == "2026年1—10月"
    assert output[header.index("最新值资料来源")] == SOURCE
    # one column against the schedule: the year's, for a goal in its own year
    schedule = next(h for h in header if h and "序时进度" in h and "百分点" in h)
    assert output[header.index(schedule)] == pytest.approx(7.576, abs=1e-3)
    block = [v for r in wb["测试县"].iter_rows(values_only=True) for v in r if isinstance(v, str)]
    assert "1—10月完成312亿元，同比增长8.1%，完成全年目标的90.9%，超序时进度7.6个百分点。" in block


# A plan goal beside the county's goals for the year, with 1—10月 of a year that is not its
# deadline's: its 1—N月 is not its latest, so the summaries keep the year's figure columns.
PLAN_GOAL = """
[[targets]]
id = "output-2027"
region = "Testcounty"
indicator = "plan_output"
name = "Output value by 2027"
name_zh = "2027年产值"
unit = "yuan"
kind = "annual_total"
direction = "increase"
target = 40_000_000_000
deadline = 2027-12-31
"""


def test_beside_a_plan_goals_1_n_the_year_columns_stay(tmp_path: Path) -> None:
    targets, _ = write_year_goals(tmp_path)
    targets.write_text(TARGETS + PLAN_GOAL, encoding="utf-8")
    rows = year_to_date_rows()
    rows.append(("Testcounty", "plan_output", "2025", 35_000_000_000, "", SOURCE, ""))
    rows.append(("Testcounty", "plan_output", "2026-10", 30_000_000_000, "ytd", SOURCE, ""))
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    report = build_report(targets, actuals, Month.parse(AS_OF), today=dt.date(2026, 11, 20))
    html = render_html(report, Words.of("zh"))
    summary = summary_table(html)
    assert ">累计数</th>" in summary and ">完成全年目标的比例</th>" in summary
    plan = summary[summary.index("2027年产值") :].split("</tr>")[0]
    assert "350亿元" in plan and "2025年" in plan  # its latest: its year's total
    output = summary[summary.index("规上工业总产值") :].split("</tr>")[0]
    # the goal for the year: its 1—N月 as its latest, and again in the year's columns; the
    # schedule said once, under its share of the year's goal
    assert output.count("312亿元") == 2 and output.count("序时进度83.3%") == 1
    workbook = load_workbook(io.BytesIO(render_workbook(report, Words.of("zh"))))
    rows_read = list(workbook["汇总表"].iter_rows(values_only=True))
    header = joined(next(r for r in rows_read if r and r[0] == "指标"))  # one region: no 地区
    assert "累计数" in header and "完成全年目标的比例" in header
    row = next(r for r in rows_read if r and r[0] == "规上工业总产值")
    assert row[header.index("最新值")] == pytest.approx(312)
    assert row[header.index("累计数")] == pytest.approx(312)


def test_the_json_carries_the_fields(outputs: dict[str, Path]) -> None:
    data = json.loads((outputs["en"] / f"progress-{AS_OF}.json").read_text("utf-8"))
    exports = next(t for t in data["targets"] if t["id"] == "exports-2026")
    assert exports["status"] == "achieved" and exports["ytd_period"] == "2026-10"
    assert exports["ytd_schedule_pct"] == pytest.approx(250 / 3)


def test_the_year_to_date_figure_carries_its_source_and_note(outputs: dict[str, Path]) -> None:
    """1—N月 is a published figure like any other: its source in the JSON and in the figures
    behind each chart, in both languages."""
    data = json.loads((outputs["en"] / f"progress-{AS_OF}.json").read_text("utf-8"))
    exports = next(t for t in data["targets"] if t["id"] == "exports-2026")
    assert exports["ytd_source"] == SOURCE
    for lang, label in (
        ("en", "Source of the year to date figure"),
        ("zh", "1—10月累计数资料来源"),
    ):
        html = unescape(re.sub(r"<[^>]+>", " ", page(outputs, lang)))
        assert re.search(rf"{re.escape(label)}\s*[:：]\s*{re.escape(SOURCE)}", html), lang


def test_no_year_columns_without_a_year_to_date_figure(shipped_html_en: str) -> None:
    assert "Change on a year before" not in shipped_html_en


@pytest.fixture
def shipped_html_en(tmp_path: Path) -> str:
    data = Path(__file__).resolve().parents[1] / "data"
    args = ["report", "--targets", str(data / "targets.toml"), "--actuals"]
    args += [str(data / "actuals.xlsx"), "--as-of", "2026-10", "--out", str(tmp_path)]
    result = CliRunner().invoke(main, [*args, "--format", "html", "--lang", "en"])
    assert result.exit_code == 0, result.output
    return (tmp_path / "progress-2026-10.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Note: 4 goals for the year have no figure for Jan–Nov 2026 yet; they are reported "
            "on their latest, up to Jan–Oct 2026: ",
        ),
        ("zh", "说明：4项年度目标尚无2026年1—11月数据，暂按最新的2026年1—10月数据通报："),
    ],
)
@pytest.mark.parametrize("command", ["report", "check"])
def test_a_report_month_without_its_year_to_date_figures_says_so(
    tmp_path: Path, lang: str, said: str, command: str
) -> None:
    """A newcomer's walkthrough: the November report, run before the 1—11月 figures were in,
    titled its bulletin （2026年1—10月） under "数据截至2026年11月底", and `check` found no
    problem. Both now say which goals for the year are reported on an earlier month."""
    targets, actuals = write_year_goals(tmp_path / "county")
    args = [command, "--targets", str(targets), "--actuals", str(actuals), "--lang", lang]
    if command == "report":
        args += ["--out", str(tmp_path / "out"), "--format", "json"]
    result = CliRunner().invoke(main, [*args, "--as-of", "2026-11"])
    assert said in result.output, result.output
    on_time = CliRunner().invoke(main, [*args, "--as-of", AS_OF])
    assert "goals for the year have no figure" not in on_time.output
    assert "项年度目标尚无" not in on_time.output


@pytest.mark.parametrize("published", [False, True])
def test_a_new_year_to_date_figure_is_what_changed_since_last_month(
    tmp_path: Path, published: bool
) -> None:
    """A Chinese office's second month (made-up figures): 1—10月 went from 29亿 to 32亿 for
    1—11月, yet the Changes sheet and the page said "与2026年10月相比，各项目标的进展情况和最新值均
    无变化" and the Summary's "changed" column said no: a year goal's latest figure stays blank,
    and only the latest was compared. Last month as recomputed from the sheet, and as last
    month's report published it."""
    folder = tmp_path / "county"
    targets, _ = write_year_goals(folder)
    rows = [
        ("Testcounty", "output_value", period, value, "ytd", SOURCE, "")
        for period, value in (("2025-10", 28.86e9), ("2026-09", 28.0e9), ("2026-10", 31.2e9))
    ]
    actuals = write_actuals(folder / "actuals.xlsx", rows)
    out = folder / "out"
    months = ["2026-09", AS_OF] if published else [AS_OF]
    for month in months:
        for lang in ("en", "zh"):
            args = ["report", "--targets", str(targets), "--actuals", str(actuals)]
            args += ["--as-of", month, "--out", str(out), "--lang", lang]
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 0, result.output
    changes = load_workbook(out / f"progress-{AS_OF}.xlsx")["Changes"]
    listed = [[c.value for c in row] for row in changes.iter_rows(min_row=4)]
    # one region: no region column, the goal first
    (output,) = [r for r in listed if r[0] == "Industrial output value"]
    # each figure before its period, as the Summary and statistical tables set them
    assert output[4:8] == [28e9, "Jan–Sep 2026", 31.2e9, "Jan–Oct 2026"]
    assert "latest figure from Jan–Sep 2026 to Jan–Oct 2026" in output[8]
    zh = load_workbook(out / f"progress-{AS_OF}.zh.xlsx")["较上月变化"]
    (row,) = [
        [c.value for c in r] for r in zh.iter_rows(min_row=4) if r[0].value == "规上工业总产值"
    ]
    assert row[4:8] == [280, "2026年1—9月", 312, "2026年1—10月"]  # 亿元
    html = unescape(re.sub(r"<[^>]+>", "", page({"en": out}, "en")))
    assert (
        "Industrial output value: 31.2 bn yuan (Jan–Oct 2026) (was 28 bn yuan, Jan–Sep 2026)"
        in (html)
    )


def test_the_year_goals_come_first_and_the_others_not_yet_due_are_the_other(
    tmp_path: Path,
) -> None:
    """A Chinese office's second month: "尚未到期的1项目标中，暂无法评估1项。1项年度目标中……"
    beside a year goal and a 2030 goal, both not yet due, miscounted them. The year's goals are
    counted first, then "其余尚未到期的N项目标中"; a 2030 output goal reads "2030年全年达到50亿双",
    not "2030年12月31日前达到" (made-up figures)."""
    from sockprogress.periods import Month
    from sockprogress.pipeline import build_report
    from sockprogress.rendering import outcome
    from sockprogress.words.words import Words

    folder = tmp_path / "county"
    targets, _ = write_year_goals(folder)
    later = (
        '\n[[targets]]\nid = "pairs-2030"\nregion = "Testcounty"\nindicator = "pairs"\n'
        'name = "Sock output"\nname_zh = "袜子年产量"\nunit = "pairs"\nkind = "annual_total"\n'
        'direction = "increase"\ntarget = 5_000_000_000\ndeadline = 2030-12-31\n'
    )
    targets.write_text(targets.read_text("utf-8") + later, encoding="utf-8")
    rows = [("Testcounty", "output_value", "2026-10", 31.2e9, "ytd", SOURCE, "")]
    report = build_report(targets, write_actuals(folder / "a.xlsx", rows), Month.parse(AS_OF))
    zh, en = Words.of("zh"), Words.of("en")
    lines = outcome.headline(report, zh)
    # the other year goals have no figure yet: not assessable, with the 2030 goal
    assert lines[0] == "1项年度目标（序时进度83.3%）中，达到序时进度1项。"
    assert lines[1] == "其余4项目标中，暂无法评估4项。"
    assert outcome.headline(report, en)[1].startswith("Of the 4 other targets, ")
    pairs = next(r for r in report.targets if r.target.id == "pairs-2030").target
    assert zh.goal_text(pairs) == "2030年全年达到50亿双"
    assert en.goal_text(pairs) == "5 bn pairs a year by 2030"


def test_a_year_goals_table_in_the_workbook_lists_its_year_to_date_figure(
    outputs: dict[str, Path],
) -> None:
    """A Chinese office's second month: a year goal's "所用数据" table on its region's sheet was
    empty, so nothing said which rows made 1—10月; the page's card listed it. The table lists it
    as the page does (view.listed_observations), with its rows and source; no chart draws it."""
    wb = load_workbook(outputs["zh"] / f"progress-{AS_OF}.zh.xlsx")
    rows = [list(r) for r in wb["测试县"].iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] == "规上工业总产值（亿元）")
    table = next(i for i in range(start, len(rows)) if rows[i][0] == "所用数据")
    assert rows[table + 1][:5] == ["时期", "数值（亿元）", "数值类型", "输入行号", "资料来源"]
    listed = rows[table + 2]
    assert listed[1:5] == [312, "1—10月累计", 3, SOURCE]
    assert listed[0].date().isoformat() == "2026-10-31"
    assert rows[table + 3][0] is None  # the only figure: the goal has no observation


@pytest.mark.parametrize(
    ("lang", "lead", "statuses"),
    [
        (
            "zh",
            "2026年末到期的3项目标中，2项已完成，1项未完成。",
            ["已完成", "未完成", "已提前完成", "已完成"],
        ),
        (
            "en",
            "Of the 3 targets due at the end of 2026, 2 achieved, 1 missed.",
            ["Achieved", "Missed", "Achieved ahead of time", "Achieved"],
        ),
    ],
)
def test_in_the_december_report_a_year_with_its_total_is_due(
    tmp_path: Path, lang: str, lead: str, statuses: list[str]
) -> None:
    """The report for December, run in January with the year's totals (1—12月) in: a goal due
    on 31 December with its final figure was counted among the goals "not yet due" and, met,
    said "achieved ahead of time" (已提前完成). It is due: the lead counts it at the end of
    2026 and it is achieved or missed. A goal with only its 1—11月 (exports, met in November)
    is still held against the schedule, and met ahead of time."""
    rows = [
        ("Testcounty", "output_value", "2025-12", 31_000_000_000, "ytd", SOURCE, ""),
        ("Testcounty", "output_value", "2026-12", 35_000_000_000, "ytd", SOURCE, ""),
        ("Testcounty", "investment", "2026-12", 11_000_000_000, "ytd", SOURCE, ""),
        ("Testcounty", "exports", "2026-11", 2_100_000_000, "ytd", SOURCE, ""),
        ("Testcounty", "energy_use", "2026-12", 950_000, "ytd", SOURCE, ""),
    ]
    report = county_report(tmp_path, rows, "2026-12", dt.date(2027, 1, 20))
    words = Words.of(lang)
    lines = outcome.headline(report, words, details=False)
    assert lines[0] == lead
    assert len(lines) == 2  # the year's schedule, for exports alone; no goal "not yet due"
    view = build_view(report, words)
    assert [t.status_short for t in view.targets] == statuses
    # the year's total said as a January bulletin says it, with 同比 on 2025's total
    year_line = {
        "zh": "1—12月完成350亿元，同比增长12.9%，完成全年目标的102.0%。",
        "en": "Jan–Dec 35 bn yuan, up 12.9 % on a year before, 102.0 % of the year's goal.",
    }
    assert view.targets[0].year_line == year_line[lang]
    # the year with its total is still drawn by month, the total at December
    (output,) = [r for r in report.targets if r.target.id == "output-2026"]
    assert outcome.by_month(output) and output.year_months[-1].period == "2026-12"
    assert output.year_months[-1].value == 35_000_000_000 and output.final is not None
    # the bulletin is of the year's months, as November's was of 1—11月
    bulletin = build_bulletin(view)
    assert bulletin.period == ("2026年1—12月" if lang == "zh" else "Jan–Dec 2026")
    assert bulletin.period in bulletin.opening


def test_a_year_goal_is_not_said_in_a_plans_figures(tmp_path: Path) -> None:
    """A goal for 2026 on a series with figures since 2022 (the shipped output value, with a
    made-up 1—11月): its card said 完成率 105.6 % (by 2025's 38亿) beside 完成全年目标的99.99 %,
    时间进度 66.7 % beside 序时进度 91.7 %, growth rates since 2022 and a path to the goal from
    2022. Only figures of its year count for it (method): those are left out of the card, the
    Summary and the chart, which the plan goal on the same series keeps. The JSON keeps all."""
    targets, actuals = write_shipped_with_a_year_goal(tmp_path / "office")
    report = build_report(targets, actuals, Month.parse(SHIPPED_YEAR_MONTH))
    view = build_view(report, Words.of("zh"))
    cards = {t.result.target.id: t for t in view.targets}
    year, plan = cards["xiaobeihe-output-2026"], cards["xiaobeihe-output-value"]
    plans_own = {"share_of_target_pct", "time_elapsed_pct", "actual_cagr", "pace_ratio"}
    assert plans_own <= {f.key for f in plan.figures}
    keys = {f.key for f in year.figures}
    assert not keys & (plans_own | outcome.YEAR_GOAL_HIDDEN), keys
    assert {"ytd", "ytd_share_of_target_pct", "ytd_schedule_pct", "ytd_yoy_pct"} <= keys
    assert year.bar is None and plan.bar is not None
    # nor in the figures before its year: 最新值 38亿（2025年6月；估算数）, 基期值 32亿 (2022),
    # their source and the note on the estimate (a Chinese reader's find); the plan goal keeps
    # them
    for view_of in (year, plan):
        latest, base = view_of.figure("latest"), view_of.figure("baseline")
        kept = view_of is plan
        assert (latest is not None, base is not None) == (kept, kept)
        assert bool(view_of.latest_source) == kept
        assert any("估算数" in n for n in view_of.notes) == kept
    # its chart is the year by month against the year's schedule, not a path from 2022
    assert not outcome.required_path(year.result) and year.by_month
    assert outcome.required_path(plan.result)
    # ... nor on the page's Summary, nor in the chart's key; the JSON keeps them
    html = render_html(report, Words.of("zh"))
    card = html[html.index('id="t-xiaobeihe-output-2026"') :]
    card = card[: card.index("</article>")]
    assert "达标路径" not in card and "时间进度" not in card and "105.6%" not in card
    assert "2025年6月" not in card and "新华网" not in card
    assert "99.99%" in card
    book = load_workbook(io.BytesIO(render_workbook(report, Words.of("zh"))))
    rows = [[c.value for c in row] for row in book["汇总表"].iter_rows()]
    head = joined(next(r for r in rows if "完成率" in r))
    share, cagr = head.index("完成率"), head.index("实际年均增速")
    (row,) = [r for r in rows if r[1] == "产值（2026年）"]
    # its share is that of its 1—11月 (99.99 %), as the bulletin's table says, not 2025's 105.6 %
    assert row[share] == pytest.approx(99.9889, abs=1e-3) and row[cagr] is None
    assert row[head.index("最新值所属时期")] == "2026年1—11月"
    (row,) = [r for r in rows if r[1] == "年产值"]
    assert row[share] is not None and row[cagr] is not None
    data = json.loads(render_json(report))
    (figures,) = [t for t in data["targets"] if t["id"] == "xiaobeihe-output-2026"]
    assert figures["share_of_target_pct"] is not None and figures["actual_cagr"] is not None


def test_a_year_to_date_figure_rests_on_its_own_row(tmp_path: Path) -> None:
    """1—10月 and 1—11月 each on a row of its own, with its own source: the 1—11月 figure read
    as resting on both rows, and gave "made up A; made up B" as its source (a newcomer's find).
    It rests on its row; a year's total on its December row; a sum of month amounts after the
    last year-to-date row on all of them."""
    rows = [
        ("Testcounty", "output_value", "2026-10", 31_200_000_000, "ytd", "made up A", ""),
        ("Testcounty", "output_value", "2026-11", 34_000_000_000, "ytd", "made up B", ""),
        ("Testcounty", "investment", "2025-11", 9_000_000_000, "ytd", "made up C", ""),
        ("Testcounty", "investment", "2025-12", 1_000_000_000, "month", "made up D", ""),
        ("Testcounty", "investment", "2026-09", 7_000_000_000, "ytd", "made up E", ""),
        ("Testcounty", "investment", "2026-10", 600_000_000, "month", "made up F", ""),
        ("Testcounty", "investment", "2026-11", 700_000_000, "month", "made up G", ""),
    ]
    report = county_report(tmp_path, rows, "2026-11", dt.date(2026, 12, 6))
    results = {r.target.id: r for r in report.targets}
    output = results["output-2026"].ytd
    assert output is not None and output.rows == (3,) and output.source == "made up B"
    investment = results["investment-2026"]
    assert investment.ytd is not None and investment.ytd.rows == (6, 7, 8)
    assert investment.ytd.source == "made up E; made up F; made up G"
    (total,) = [o for o in investment.observations if o.basis == "annual"]
    assert total.rows == (4, 5) and total.value == 10_000_000_000


def behind_within_tolerance(folder: Path) -> tuple[Path, Path]:
    """The made-up county's output goal alone: 1—10月 of 28.2亿 against 34.32亿, 82.2 % against
    83.3 % (a pace of 0.99: on track, behind the schedule), and 1—9月 with a 0 missing (a
    figure to check, so the goal is marked)."""
    targets = folder / "targets.toml"
    targets.write_text(TARGETS.split('[[targets]]\nid = "investment-2026"')[0], encoding="utf-8")
    rows = [
        ("Testcounty", "output_value", "2026-10", 28_200_000_000, "ytd", SOURCE, ""),
        ("Testcounty", "output_value", "2026-09", 2_800_000_000, "ytd", SOURCE, ""),
    ]
    return targets, write_actuals(folder / "actuals.xlsx", rows)


@pytest.mark.parametrize(
    ("lang", "year", "marked"),
    [
        (
            "zh",
            "【2026年10月】1项年度目标（序时进度83.3%）中，规上工业总产值略低于序时进度，"
            "但在允许偏差范围内。",
            "【2026年10月】1项目标所依据的数据待核实（报告中已标注）。",
        ),
        (
            "en",
            "2026-10: Of 1 goal for the year (schedule 83.3 %), Industrial output value is "
            "behind it, within the tolerance.",
            "2026-10: 1 target rests on a figure to check (marked in the reports).",
        ),
    ],
)
def test_the_terminal_says_a_goal_behind_the_schedule_is_within_its_tolerance(
    tmp_path: Path, lang: str, year: str, marked: str
) -> None:
    """A newcomer's terminal read "工业总产值未达到序时进度" and, on the next line,
    "达到进度要求1项" (on track from 95 % of the schedule), and pointed "见下文标注" at nothing
    below: the goal is said to be within the tolerance, and the marks to be in the reports."""
    targets, actuals = behind_within_tolerance(tmp_path)
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", AS_OF]
    result = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "out"), "--lang", lang])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert year in lines and marked in lines, lines


@pytest.mark.parametrize(
    ("lang", "year"),
    [
        (
            "zh",
            "【2026年10月】2项年度目标（序时进度83.3%）中，2项均略低于序时进度，但在允许偏差范围内："
            "规上工业总产值、固定资产投资。",
        ),
        (
            "en",
            "2026-10: Of 2 goals for the year (schedule 83.3 %), all 2 behind it, within the "
            "tolerance: Industrial output value, Fixed-asset investment.",
        ),
    ],
)
def test_goals_all_behind_the_schedule_within_the_tolerance_are_said_so_once(
    tmp_path: Path, lang: str, year: str
) -> None:
    """A newcomer's find: "3项年度目标中，全部未达到序时进度：A（在允许偏差以内）、
    B（在允许偏差以内）…" read as an alarm, and the next line counted all of them
    达到进度要求; each card's year line was in the alarm's red. When every goal behind the
    schedule is within the tolerance, the sentence says so once, and the cards mark the line
    without the red."""
    targets = tmp_path / "targets.toml"
    targets.write_text(TARGETS.split('[[targets]]\nid = "exports-2026"')[0], encoding="utf-8")
    rows = [  # 82.2 % and 82.5 % of the year's goals against 83.3 %: on track, behind it
        ("Testcounty", "output_value", "2026-10", 28_200_000_000, "ytd", SOURCE, ""),
        ("Testcounty", "investment", "2026-10", 9_900_000_000, "ytd", SOURCE, ""),
    ]
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", AS_OF]
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [*args, "--out", str(out), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert year in result.output.splitlines(), result.output
    page = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert page.count('<p class="year tolerated">') == 2 and '<p class="year behind">' not in page


@pytest.mark.parametrize(
    ("lang", "year"),
    [
        (
            "zh",
            "【2026年10月】2项年度目标（序时进度83.3%）中，全部未达到序时进度："
            "规上工业总产值（基本达到进度要求）、固定资产投资（进度偏慢）。",
        ),
        (
            "en",
            "2026-10: Of 2 goals for the year (schedule 83.3 %), none at or ahead of it: "
            "Industrial output value (broadly on track), Fixed-asset investment (moderate "
            "progress).",
        ),
    ],
)
def test_goals_behind_the_schedule_some_within_the_tolerance_are_named_with_their_status(
    tmp_path: Path, lang: str, year: str
) -> None:
    """A Chinese reader's find: "未达到序时进度2项：规上工业总产值（在允许偏差范围内）、固定资产
    投资" read against the count's "达到进度要求2项（含基本达到进度要求1项）" as a second
    verdict. Behind the schedule, one within the tolerance and one not (made-up figures:
    82.2 % and 66.7 % of the year's goals against 83.3 %), each is named with its status as
    the count and the table say it."""
    targets = tmp_path / "targets.toml"
    targets.write_text(TARGETS.split('[[targets]]\nid = "exports-2026"')[0], encoding="utf-8")
    rows = [
        ("Testcounty", "output_value", "2026-10", 28_200_000_000, "ytd", SOURCE, ""),
        ("Testcounty", "investment", "2026-10", 8_000_000_000, "ytd", SOURCE, ""),
    ]
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", AS_OF]
    result = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "out"), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert year in result.output.splitlines(), result.output


# 1—2月 to 1—10月 of the made-up goal for 2026 beside the shipped ones (1—11月 is 35.996亿)
MONTHS = {2: 5.1, 3: 8.3, 4: 11.6, 5: 14.9, 6: 18.4, 7: 21.5, 8: 24.9, 9: 28.6, 10: 32.1}


def office_by_month(folder: Path) -> tuple[Report, int]:
    """The report, and the sheet row of 1—2月."""
    targets, actuals = write_shipped_with_a_year_goal(folder)
    book = load_workbook(actuals)
    first = book["Actuals"].max_row + 1
    for month, value in MONTHS.items():
        row = ("Xiaobeihe", "output_value", f"2026-{month:02d}", round(value * 1e8), "ytd")
        book["Actuals"].append([*row, SOURCE])
    book.save(actuals)
    return build_report(targets, actuals, Month.parse(SHIPPED_YEAR_MONTH)), first


@pytest.mark.parametrize(("lang", "key"), [("zh", "序时进度"), ("en", "schedule")])
def test_a_year_goal_is_drawn_month_by_month_against_its_schedule(
    tmp_path: Path, lang: str, key: str
) -> None:
    """A year's goal with its 1—N月 had no chart, or one of the years before it with a path
    to the goal from 2022 (a newcomer's find: the workbook's About says every goal has one). It
    is drawn as a bulletin draws it: its months' sums 1—2月 to 1—11月 at 2 to 11, against the
    year's schedule (nothing at the start of the year, the goal at its end), on the page and in
    the workbook; the plan goal on the same series keeps its chart of years."""
    report, first = office_by_month(tmp_path / "office")
    results = {r.target.id: r for r in report.targets}
    year, plan = results["xiaobeihe-output-2026"], results["xiaobeihe-output-value"]
    assert outcome.by_month(year) and not outcome.by_month(plan)
    assert [o.period for o in year.year_months] == [f"2026-{m:02d}" for m in range(2, 12)]
    assert year.year_months[-1] is year.ytd and year.year_months[0].rows == (first,)
    words = Words.of(lang)
    html = render_html(report, words)
    card = html[html.index('id="t-xiaobeihe-output-2026"') :]
    card = card[: card.index("</article>")]
    schedule = words("schedule (the year's goal by month)")
    assert "<svg" in card and f"</span>{Markup.escape(schedule)}</span>" in card
    assert words("path to the goal") not in card.split("<figcaption>")[1].split("</figcaption>")[0]
    assert key in card
    keys = card.split("<figcaption>")[1].split("</figcaption>")[0]
    for said in ("Year to date", "the year's goal", "year end"):
        assert str(Markup.escape(words(said))) in keys, (said, keys)
    # the figures behind the chart are the months' sums, each with its source
    assert card.count(SOURCE) >= len(MONTHS) + 1
    # the workbook: a native chart of the months, x in months 0 to 12.5, its 0 unlabelled
    package = Package(render_workbook(report, words))
    sheet = words.region_name("Xiaobeihe", report.regions_zh)
    by_month = [c for c in package.charts()[sheet] if x_axis(c).maximum == 12.5]
    assert len(by_month) == 1, [x_axis(c) for c in package.charts()[sheet]]
    axis = x_axis(by_month[0])
    assert (axis.minimum, axis.major, axis.number_format) == (0.0, 1.0, '[=0]"";0')
    names = [s.name for s in series(by_month[0])]
    # named as a bulletin's chart names them: 累计数, 序时进度, 全年目标, 年末
    assert names == [words(k) for k in ("Year to date", "schedule (the year's goal by month)")] + [
        words("the year's goal"),
        words("year end"),
    ]


def test_another_years_sum_beside_a_plan_goal_is_said_as_a_reference(tmp_path: Path) -> None:
    """The 2025 goal's paragraph went on "…待2025年期末数据…2026年1—11月累计35.996亿元，同比增长
    8.4%", read as if it were the 2025 result (a Chinese reader's find): it is a reference."""
    report, _first = office_by_month(tmp_path / "office")
    bulletin = build_bulletin(build_view(report, Words.of("zh")))
    (said,) = [p for s in bulletin.sections for p in s.paragraphs if "小北河年产值。目标" in p]
    assert "参考：2026年1—11月" in said, said


def test_decembers_changes_say_novembers_figure_as_it_was_said(tmp_path: Path) -> None:
    """In December's report, with the year's total in, what changed said the year goal's
    figure moved "from 2026年11月 (38.90)", the twelve months to November, where November's
    report had held it against its 1—11月 (a Chinese reader's find)."""
    rows = [
        ("Testcounty", "output_value", "2025-12", 31_000_000_000, "ytd", SOURCE, ""),
        ("Testcounty", "output_value", "2026-11", 32_000_000_000, "ytd", SOURCE, ""),
        ("Testcounty", "output_value", "2026-12", 35_000_000_000, "ytd", SOURCE, ""),
    ]
    report = county_report(tmp_path, rows, "2026-12", dt.date(2027, 1, 20))
    (output,) = [r for r in report.targets if r.target.id == "output-2026"]
    before = output.previous_goal_figure
    assert before is not None and (before.period, before.basis) == ("2026-11", "ytd")
    changed = build_view(report, Words.of("zh")).targets[0].what_changed
    assert "由2026年1—11月更新为2026年" in changed, changed


def test_what_needs_attention_names_rows_once_and_without_the_tables_mark(
    tmp_path: Path,
) -> None:
    """三、需要关注的问题 ended each line with "（⚠ 请核实该数据（第2行））": doubled brackets and
    a table's ⚠ in a document to file (a Chinese reader's find). The rows are said once, in the
    line of figures to check; a goal below the schedule yet on track is within the tolerance."""
    targets, actuals = behind_within_tolerance(tmp_path)
    report = build_report(targets, actuals, Month.parse(AS_OF), today=dt.date(2026, 11, 20))
    bulletin = build_bulletin(build_view(report, Words.of("zh")))
    assert bulletin.sections[-1].paragraphs == (
        "（一）年度目标未达到序时进度：规上工业总产值（在允许偏差范围内）。",
        "（二）需核实的数据：规上工业总产值（第2行）。",
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "4项年度目标尚无2026年1—11月数据，本期按2026年1—10月数据通报。"),
        (
            "en",
            "4 goals for the year have no figure for Jan–Nov 2026 yet; they are reported on "
            "Jan–Oct 2026.",
        ),
    ],
)
def test_a_bulletin_behind_its_month_says_why(tmp_path: Path, lang: str, said: str) -> None:
    """November's bulletin of （2026年1—10月） under 数据截至2026年11月底 said nothing of why
    (a Chinese reader's find): its lead says the year's goals have no 1—11月 yet."""
    targets, actuals = write_year_goals(tmp_path)
    report = build_report(targets, actuals, Month.parse("2026-11"), today=dt.date(2026, 12, 6))
    bulletin = build_bulletin(build_view(report, Words.of(lang)))
    assert bulletin.lead[-1] == said, bulletin.lead


# September's 1—9月 of the county (made up, like the rest): exports on track then, met in October.
SEPTEMBER = {
    "output_value": 27_000_000_000,
    "investment": 7_600_000_000,
    "exports": 1_900_000_000,
    "energy_use": 700_000,
}


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "【2026年10月】与上月相比，进展情况有变化1项：出口额由“达到进度要求”转为“已提前完成”；"
            "3项目标最新值有更新，进展情况未变。",
        ),
        (
            "en",
            "2026-10: Since last month: 1 target changed status: Exports (achieved ahead of "
            "time, was on track); 3 targets have a new latest figure and the same status",
        ),
    ],
)
def test_the_terminal_says_what_changed_since_last_month(
    tmp_path: Path, lang: str, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newcomer's find: the terminal said nothing of the month's changes, which the page and
    the workbook list. Two months' reports into one folder: October's is held against
    September's as published."""
    targets, _ = write_year_goals(tmp_path)
    actuals = write_actuals(tmp_path / "actuals.xlsx", year_to_date_rows(before=SEPTEMBER))
    out = str(tmp_path / "out")
    lines: list[str] = []
    for month in ("2026-09", "2026-10"):
        result = in_lang(lang, targets, actuals, "--as-of", month, "--out", out)
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
    assert said in lines
    # the same month again is held against September's report still, not the one just written
    again = in_lang(lang, targets, actuals, "--as-of", "2026-10", "--out", out)
    assert again.exit_code == 0 and said in again.output.splitlines()
    # September's own report: its goals had no figure in August, and are said to have their
    # first ("由“暂无法评估”转为“进度偏慢”" read as news of their progress, a Chinese reader's
    # find), as clauses; beyond the goals named, the others are counted
    monkeypatch.setattr(pipeline, "CHANGES_NAMED", 2)
    output = in_lang(lang, targets, actuals, "--as-of", "2026-09", "--out", out).output
    if lang == "zh":
        # no report of August at hand: August judged again, and the line says so
        assert (
            "与上月相比（上月情况按本月数据表重新测算），本月首次有数据4项：规上工业总产值为“达到进度"
            "要求”，固定资产投资为“进度偏慢”，其余2项详见报告。"
        ) in output
        assert "由“暂无法评估”" not in output
    else:
        assert (
            "judged again on this month's sheet: 4 targets have their first figure: Industrial "
            "output value (on track), Fixed-asset investment (moderate progress), 2 more in the "
            "report"
        ) in output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_as_of_a_month_past_the_figures_says_how_to_report_on_theirs(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newcomer added October's figures, ran `report` in December and read a November
    report (1—10月 under 数据截至2026年11月底) that said nothing had changed. Without --as-of,
    when every goal for the year stops before the month, the terminal gives the command for
    the month they reach; with --as-of it says nothing more."""
    monkeypatch.setattr(Month, "last_complete", classmethod(lambda cls, today: cls(2026, 11)))
    targets, actuals = write_year_goals(tmp_path)
    result = in_lang(lang, targets, actuals, "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    said = {
        "zh": "未指定 --as-of，默认按上一个完整月份（2026年11月）通报；"
        "如需按数据截至月份（2026年10月）通报，请运行：sockprogress report --as-of 2026-10",
        "en": "Without --as-of the report is on the last complete month (Nov 2026); to report on "
        "Oct 2026, the month these figures reach: sockprogress report --as-of 2026-10",
    }[lang]
    assert said in result.output.splitlines()
    assert (tmp_path / "out" / "progress-2026-11.json").exists()
    chosen = in_lang(lang, targets, actuals, "--as-of", "2026-11", "--out", str(tmp_path / "o"))
    assert chosen.exit_code == 0 and "--as-of 2026-10" not in chosen.output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_goals_behind_the_month_by_different_months_are_said_so(tmp_path: Path, lang: str) -> None:
    """A newcomer's find: "3项年度目标尚无2026年1—11月数据，暂按最新的2026年1—10月数据通报" named
    goals of which two had only 1—9月."""
    targets, _ = write_year_goals(tmp_path)
    # only the first has October's
    september = {indicator: "2026-09" for indicator, _before, _now in YEAR_TO_DATE[1:]}
    actuals = write_actuals(tmp_path / "actuals.xlsx", year_to_date_rows(september))
    result = in_lang(lang, targets, actuals, "--as-of", "2026-11", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    said = {
        "zh": "说明：4项年度目标尚无2026年1—11月数据，"
        "暂按各自最新数据（2026年1—9月至1—10月不等）通报：",
        "en": "Note: 4 goals for the year have no figure for Jan–Nov 2026 yet; each is reported on "
        "its own latest, from Jan–Sep 2026 to Jan–Oct: ",
    }[lang]
    assert said in result.output


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "数据审核提示1条，其中错误1条（所在行未采用）。"),
        ("en", "1 data issue, of which 1 error (a row left out)"),
    ],
)
def test_the_terminal_counts_the_rows_left_out_as_check_does(
    tmp_path: Path, lang: str, said: str
) -> None:
    """A newcomer read "数据审核提示6条" after `check` said "错误3条（该行未采用），提示3条": the
    report's count now says how many rows it left out."""
    targets, _ = write_year_goals(tmp_path)
    rows = year_to_date_rows()
    rows.append(("Testcounty", "exports", "2026-09", "12,3亿", "ytd", SOURCE, ""))  # not a number
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    result = in_lang(lang, targets, actuals, "--as-of", AS_OF, "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if said in line]
    assert line.endswith(said)


def test_the_status_legend_says_what_a_goal_for_the_year_is_judged_on(
    outputs: dict[str, Path], shipped: tuple[Path, Path]
) -> None:
    """A newcomer's find: the workbook's legend defined ▲ 达到进度要求 by the plan's pace ratio
    alone, in a county's workbook of goals for the year. With such a goal it says the year's
    rule too; the shipped workbook, which has none, is as it was."""
    wb = load_workbook(outputs["zh"] / f"progress-{AS_OF}.zh.xlsx")
    legend = {r[0]: r[1] for r in wb["编制说明"].iter_rows(values_only=True) if r[0] and r[1]}
    assert legend["▲ 达到进度要求"].endswith(
        "年度目标：全年目标完成率与序时进度（N÷12）之比（控制类目标取其倒数）不低于0.95。"
    )
    assert legend["▼ 进度滞后"].endswith("年度目标：完成率与序时进度之比低于0.60。")
    report = build_report(*shipped, Month.parse(AS_OF))
    book = load_workbook(io.BytesIO(render_workbook(report, Words.of("zh"))))
    plain = {r[0]: r[1] for r in book["编制说明"].iter_rows(values_only=True) if r[0] and r[1]}
    assert plain["▲ 达到进度要求"] == "增速比值不低于0.95：按当前增速能按期达到目标值。"


def test_the_units_note_gives_this_workbooks_own_unit(
    tmp_path: Path, outputs: dict[str, Path]
) -> None:
    """A newcomer's find: a county's 编制说明 said its large figures were shown in 亿 or 万 "如
    “亿双”", the shipped workbook's unit, of figures none of which were scaled."""

    def units(book: Any) -> str:
        return next(
            str(r[1]) for r in book["编制说明"].iter_rows(values_only=True) if r[0] == "单位"
        )

    # the county's goals in yuan, shown in 亿元
    assert "如“亿元”" in units(load_workbook(outputs["zh"] / f"progress-{AS_OF}.zh.xlsx"))
    # a goal written in 亿元: nothing is scaled
    targets = write_targets(tmp_path / "targets.toml", park_year_goal("亿元", 343.2))
    rows = [("Testpark", "output_value", "2026-10", 280.5, "ytd", SOURCE, "")]
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    report = build_report(targets, actuals, Month.parse(AS_OF), today=dt.date(2026, 11, 20))
    said = units(load_workbook(io.BytesIO(render_workbook(report, Words.of("zh")))))
    assert said == (
        "各项数值（含各地区工作表中的观测值）均按目标所定的计量单位表示（见“单位”列），未作换算。"
    )


def test_a_goal_named_with_its_own_brackets_changes_status_without_a_second_pair(
    tmp_path: Path,
) -> None:
    """A goal for one year is named with its year in brackets (产值（2026年）): its change of
    status on the terminal read 产值（2026年）（由暂无法评估转为达到进度要求）. A Chinese reader's
    advice: the change as a clause, the statuses quoted as the labels they are. Its first
    figure of its year is said so, as a clause too."""
    targets, actuals = write_shipped_with_a_year_goal(tmp_path)
    result = in_lang("zh", targets, actuals, "--as-of", SHIPPED_YEAR_MONTH)
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "首次有数据" in x)
    assert "本月首次有数据1项：产值（2026年）为“达到进度要求”；" in line
    assert "）（" not in line


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "【2026年10月】共4项目标，其中已提前完成1项，达到进度要求2项，进度偏慢1项；数据审核未发现问题。",
        ),
        (
            "en",
            "2026-10: 4 targets — 1 achieved ahead of time, 2 on track, 1 moderate progress; no "
            "data issues",
        ),
    ],
)
def test_a_report_without_data_issues_says_so_not_a_count_of_none(
    tmp_path: Path, lang: str, said: str
) -> None:
    """A newcomer's find: the terminal's count line ended 数据审核提示0条."""
    targets, actuals = write_year_goals(tmp_path)
    result = in_lang(lang, targets, actuals, "--as-of", AS_OF, "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert said in result.output.splitlines()


@pytest.mark.parametrize(
    ("lang", "said", "once"),
    [
        (
            "zh",
            "（截至2026年9月累计88.6亿元）；未写入。如为1—N月累计数，请加 --basis 累计数 重新运行；"
            "如确为当月数，可加 --force",
            "如为1—N月累计数",
        ),
        (
            "en",
            "(8,860,000,000 yuan, 2026-09); nothing was stored. With --basis ytd it is stored as "
            "that sum; if it is the month's own amount, add --force",
            "basis ytd",
        ),
    ],
)
def test_actuals_add_says_the_way_out_of_a_sum_typed_as_a_month_once(
    tmp_path: Path, lang: str, said: str, once: str
) -> None:
    """A newcomer's find: refusing 1—10月's sum typed as October's amount, `actuals add` gave
    the sheet's way out (数值类型应填“累计数”) and then its own (--basis 累计数): 如为1—N月累计数
    twice."""
    targets = tmp_path / "targets.toml"
    targets.write_text(TARGETS, encoding="utf-8")
    rows = [("Testcounty", "investment", "2026-09", 8_860_000_000, "ytd", SOURCE, "")]
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    more = ["--region", "Testcounty", "--indicator", "investment", "--period", "2026-10"]
    more += ["--value", "9780000000", "--source", "made up"]
    result = in_lang(lang, targets, actuals, *more, command=("actuals", "add"))
    assert result.exit_code == 2
    assert said in result.output
    assert result.output.count(once) == 1
