"""A report whose goals are all of one region (a park's, a county's) names that region once, not
in every row; a report of several regions names each row's. On the made-up county of
tests/yeargoals.py (every figure invented) and on the shipped goals (two regions)."""

from __future__ import annotations

import datetime as dt
import io
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from helpers import changes_listed, joined, write_actuals
from openpyxl import load_workbook
from yeargoals import AS_OF, SOURCE, TARGETS, year_to_date_rows

from sockprogress.model import Report
from sockprogress.periods import Month
from sockprogress.pipeline import build_report
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.html import render_html
from sockprogress.words.words import Words

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 20)
# a context indicator of the county (made up), and one of a province listed under [[regions]]
COUNTY_CONTEXT = ("Testcounty", "population", "2025", 512_000, "", SOURCE, "")
PROVINCE = '\n[[regions]]\nregion = "Testprovince"\nname_zh = "测试省"\n'
PROVINCE_CONTEXT = ("Testprovince", "population", "2025", 9_100_000, "", SOURCE, "")


def county(folder: Path, *context: tuple[object, ...], targets: str = TARGETS) -> Report:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "targets.toml").write_text(targets, encoding="utf-8")
    actuals = write_actuals(folder / "actuals.xlsx", [*year_to_date_rows(), *context])
    return build_report(folder / "targets.toml", actuals, Month.parse(AS_OF), today=TODAY)


def shipped() -> Report:
    data = ROOT / "data"
    return build_report(
        data / "targets.toml", data / "actuals.xlsx", Month.parse("2026-11"), today=TODAY
    )


def headings(report: Report, lang: str, sheet: str) -> list[Any]:
    """A sheet's column headings (its row 3, the Summary's first row of bold headings)."""
    wb = load_workbook(io.BytesIO(render_workbook(report, Words.of(lang))))
    ws = wb[sheet]
    for row in ws.iter_rows(max_row=12):
        cells = [c.value for c in row]
        if row[0].font.bold and sum(v is not None for v in cells) > 3:
            return joined([v for v in cells if v is not None])
    raise AssertionError(f"no heading row on {sheet}")


SHEETS = {"en": ("Summary", "Changes", "Context"), "zh": ("汇总表", "较上月变化", "参考指标")}
REGION = {"en": "Region", "zh": "地区"}
GOAL = {"en": "Target", "zh": "指标"}  # the heading of the goals' column


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_one_region_workbook_has_no_region_column(tmp_path: Path, lang: str) -> None:
    report = county(tmp_path, COUNTY_CONTEXT)
    assert [c.region for c in report.context] == ["Testcounty"]
    for sheet in SHEETS[lang]:
        said = headings(report, lang, sheet)
        assert REGION[lang] not in said, (sheet, said)
        assert said[0] in (GOAL[lang], "Indicator"), (sheet, said)
    # the Summary's goals right under its headings: the title names the region, and the line
    # above the table counts the goals (no band row 测试县（共4项目标）)
    ws = load_workbook(io.BytesIO(render_workbook(report, Words.of(lang))))[SHEETS[lang][0]]
    column_a = [str(c.value) for c in ws["A"] if c.value]
    goal = {"en": "Industrial output value", "zh": "规上工业总产值"}[lang]
    assert column_a.index(GOAL[lang]) + 1 == column_a.index(goal), column_a


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_context_indicator_of_another_region_keeps_the_context_region_column(
    tmp_path: Path, lang: str
) -> None:
    report = county(tmp_path, COUNTY_CONTEXT, PROVINCE_CONTEXT, targets=TARGETS + PROVINCE)
    assert {c.region for c in report.context} == {"Testcounty", "Testprovince"}
    assert REGION[lang] in headings(report, lang, SHEETS[lang][2])
    # the goals are still of one region: their sheets do not repeat it
    assert REGION[lang] not in headings(report, lang, SHEETS[lang][0])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_report_of_two_regions_gives_each_row_its_region(lang: str) -> None:
    report = shipped()
    assert len({r.target.region for r in report.targets}) == 2
    for sheet in SHEETS[lang][:2]:
        assert headings(report, lang, sheet)[0] == REGION[lang]
    # each region's rows under a band naming it
    ws = load_workbook(io.BytesIO(render_workbook(report, Words.of(lang))))[SHEETS[lang][0]]
    column_a = [str(c.value) for c in ws["A"] if c.value]
    bands = {"en": ("Liaoyuan (辽源) (", "Xiaobeihe (小北河) ("), "zh": ("辽源（共", "小北河（共")}
    assert [sum(v.startswith(b) for v in column_a) for b in bands[lang]] == [1, 1], column_a


def summary_rows(html: str) -> list[list[str]]:
    """Each row's heading cell of the page's summary table, its texts apart: the goal, and
    after it its region where there is one."""
    table = re.search(r'<table class="summary-table">.*?</table>', html, re.S)
    assert table is not None
    found = re.findall(r'<th scope="row">(.*?)</th>', table.group(0), re.S)
    return [unescape(re.sub(r"<[^>]+>", " ", cell)).split() for cell in found]


def test_a_one_region_page_names_each_goal_alone(tmp_path: Path) -> None:
    report = county(tmp_path, COUNTY_CONTEXT)
    html = render_html(report, Words.of("zh"))
    goals = ["规上工业总产值", "固定资产投资", "出口额", "综合能源消费量"]
    assert summary_rows(html) == [[goal] for goal in goals]
    changes = changes_listed(html)
    assert changes and all(not item.startswith("测试县") for item in changes), changes
    context = re.search(r'<section aria-labelledby="context">.*?</section>', html, re.S)
    assert context is not None and "测试县" not in context.group(0)
    # the goals' cards under 各项目标完成情况, not 分地区 over a single region's heading
    assert '<h2 id="regions">各项目标完成情况</h2>' in html
    assert "分地区" not in html and not re.search(r"<h3[^>]*>测试县</h3>", html)
    assert '<a href="#regions">各项目标完成情况</a>（4）' in html  # the contents
    assert "在下文“各项目标完成情况”中逐项注明" in html  # where the sources are


def test_a_page_of_two_regions_names_each_goals_region() -> None:
    html = render_html(shipped(), Words.of("zh"))
    regions = {row[-1] for row in summary_rows(html)}
    assert regions == {"辽源", "小北河"}, regions
    assert '<h2 id="regions">分地区目标完成情况</h2>' in html
    assert re.findall(r'<h3 id="r-\d+">(.*?)</h3>', html) == ["辽源", "小北河"]
