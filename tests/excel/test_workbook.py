"""The Excel report read back with openpyxl: sheets, values, formats, charts, print setup."""

from __future__ import annotations

import dataclasses
import io
import warnings
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import ScatterChart

from sockprogress.i18n import _
from sockprogress.model import Issue, Report
from sockprogress.rendering.excel import build_workbook, render_workbook
from sockprogress.rendering.excel.regions import MAX_CHARTS
from sockprogress.rendering.excel.summary import KEYS
from sockprogress.rendering.formatting import status_word


def reload(report: Report, lang: str = "en") -> Workbook:
    """Save and load again, turning any openpyxl warning into a failure."""
    data = render_workbook(report, lang)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return load_workbook(io.BytesIO(data))


def header_row(ws: Any) -> int:
    """The Summary's heading row: below the headline, whose length varies."""
    titles = {_("Region", "en"), _("Region", "zh")}
    return next(r for r in range(1, 30) if ws.cell(r, 1).value in titles)


def col(key: str) -> int:
    """The Summary column (1-based) of a heading key."""
    return KEYS.index(key) + 1


def summary_rows(ws: Any) -> dict[str, list[object]]:
    """Summary rows keyed by target name, for rows with a status code (last column)."""
    rows = list(ws.iter_rows(min_row=header_row(ws) + 1, values_only=True))
    return {str(r[1]): list(r) for r in rows if r[-1]}


def test_sheets_and_one_summary_row_per_target(shipped_report: Report) -> None:
    wb = reload(shipped_report)
    assert wb.sheetnames == [
        "Summary",
        "Changes",
        "Liaoyuan",
        "Xiaobeihe",
        "Context",
        "Data issues",
        "About",
    ]
    rows = summary_rows(wb["Summary"])
    assert sorted(rows) == sorted(r.target.name for r in shipped_report.targets)
    for result in shipped_report.targets:
        row = rows[result.target.name]
        assert row[-1] == result.status  # the JSON code stays visible
        assert status_word(result.status) in str(row[col("status") - 1])
        assert row[0] == result.target.region


def test_numbers_stay_numeric_in_readable_units(shipped_report: Report) -> None:
    ws = reload(shipped_report)["Summary"]
    cells = {ws.cell(row=r, column=2).value: r for r in range(header_row(ws) + 1, ws.max_row + 1)}
    capacity = cells["Annual sock production capacity"]
    latest = ws.cell(row=capacity, column=col("latest"))
    assert latest.value == 3_500_000_000
    assert latest.number_format == '#,##0.00,,," bn"'
    share = ws.cell(row=capacity, column=col("share_of_target_pct"))
    assert share.value == pytest.approx(70.0)
    assert share.number_format == '0.0"%"'
    firms = cells["Sock firms"]
    assert ws.cell(row=firms, column=col("latest")).value == 206
    assert ws.cell(row=firms, column=col("latest")).number_format == "#,##0"
    assert ws.cell(row=firms, column=col("required_cagr")).value == pytest.approx(
        0.1132297240202105
    )
    assert ws.cell(row=firms, column=col("required_cagr")).number_format == "0.0%"
    # 序时进度: after the deadline the shortfall at the end of the period (time elapsed 100 %) ...
    after = next(r.figures for r in shipped_report.targets if r.target.name == "Sock firms")
    assert after.time_elapsed_pct == 100 and after.gap_closed_pct is not None
    assert ws.cell(row=firms, column=col("schedule_gap_pts")).value == pytest.approx(
        after.gap_closed_pct - 100
    )
    # ... and before it, gap closed minus time elapsed, in points, signed
    from sockprogress.periods import Month
    from sockprogress.pipeline import build_report

    data = Path(__file__).resolve().parents[2] / "data"
    before = build_report(data / "targets.toml", data / "actuals.xlsx", Month.parse("2025-09"))
    ws = reload(before)["Summary"]
    cells = {ws.cell(row=r, column=2).value: r for r in range(header_row(ws) + 1, ws.max_row + 1)}
    schedule = ws.cell(row=cells["Sock firms"], column=col("schedule_gap_pts"))
    f = next(r.figures for r in before.targets if r.target.name == "Sock firms")
    assert f.gap_closed_pct is not None and f.time_elapsed_pct is not None
    assert f.time_elapsed_pct < 100
    assert schedule.value == pytest.approx(f.gap_closed_pct - f.time_elapsed_pct)
    assert schedule.number_format == "+0.0;-0.0;0.0"


def test_blank_figures_stay_blank_with_the_reason(shipped_report: Report) -> None:
    ws = reload(shipped_report)["Summary"]
    row = next(
        r
        for r in range(5, ws.max_row + 1)
        if ws.cell(r, 2).value == "Sock firms above designated size"
    )
    assert ws.cell(row, col("actual_cagr")).value is None  # undefined, not 0
    assert "needs an observation later than the baseline" in ws.cell(row, col("notes")).value


def test_summary_has_data_bars_filter_freeze_and_print_setup(shipped_report: Report) -> None:
    wb = reload(shipped_report)
    ws = wb["Summary"]
    rules = [(str(rng.sqref), rule.type) for rng in ws.conditional_formatting for rule in rng.rules]
    head = header_row(ws)
    # the outcome of the passed deadline, then the counts, then the table
    assert ws.cell(2, 1).value.startswith("The deadline of 31 Dec 2025 passed 10 months ago")
    last = head + 2 + len(shipped_report.targets)  # a band row per region
    share = chr(ord("A") + col("share_of_target_pct") - 1)
    assert (f"{share}{head + 1}:{share}{last}", "dataBar") in rules
    assert ws.freeze_panes == f"C{head + 1}"
    assert ws.auto_filter.ref == f"A{head}:{chr(ord('A') + len(KEYS) - 1)}{last}"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${head}:${head}"
    assert "2026-10" in ws.oddHeader.left.text
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    assert wb.properties.title == "Target progress report — report month 2026-10"
    assert "2026-10" in wb.properties.subject
    assert {p.name: p.value for p in wb.custom_doc_props.props} == {"Report month": "2026-10"}
    for sheet in wb.worksheets:
        assert sheet.page_setup.orientation in ("landscape", "portrait")
        assert sheet.oddFooter.center.text


def test_a_native_chart_per_target_with_visible_axes(shipped_report: Report) -> None:
    wb = reload(shipped_report)
    charts = [c for ws in wb.worksheets for c in ws._charts]
    assert len(charts) == len(shipped_report.targets)
    for chart in charts:
        assert isinstance(chart, ScatterChart)
        assert chart.x_axis.delete is False and chart.y_axis.delete is False
        assert chart.legend is not None
        assert all(s.smooth is False for s in chart.series)
    names = {len(c.series) for c in charts}
    assert 4 in names  # actual, required path, target level, deadline
    blocks = {ws.title: len(ws._charts) for ws in wb.worksheets}
    assert blocks["Liaoyuan"] == 3 and blocks["Xiaobeihe"] == 5


def test_region_block_lists_the_observations_used(shipped_report: Report) -> None:
    ws = reload(shipped_report)["Xiaobeihe"]
    values = [[c for c in row] for row in ws.iter_rows(max_col=5, values_only=True)]
    assert ["2023", None, 3_500_000_000, "calendar year", "35"] in [
        [r[0], None, r[2], r[3], r[4]] for r in values
    ]
    assert ws.print_area is not None


def test_context_issues_and_about(shipped_report: Report) -> None:
    wb = reload(shipped_report)
    context = [r[1] for r in wb["Context"].iter_rows(min_row=4, values_only=True)]
    assert "Computerized sock looms" in context
    issues = list(wb["Data issues"].iter_rows(min_row=4, values_only=True))
    assert len(issues) == len(shipped_report.issues)
    assert issues[0][:3] == ("warning", "actuals.xlsx", "Actuals")
    about = [v for row in wb["About"].iter_rows(values_only=True) for v in row if v]
    for item in shipped_report.inputs:
        assert item.name in about and item.sha256 in about
    assert "awaiting_final" in about


def test_nothing_changed_is_said_and_a_change_is_listed(shipped_report: Report) -> None:
    ws = reload(shipped_report)["Changes"]
    assert "No target changed" in ws.cell(4, 1).value
    first = shipped_report.targets[0]
    moved = dataclasses.replace(first, previous_status="on_track", previous_latest=None)
    report = dataclasses.replace(shipped_report, targets=(moved, *shipped_report.targets[1:]))
    ws = reload(report)["Changes"]
    assert ws.cell(4, 2).value == first.target.name
    assert "On track" in ws.cell(4, 3).value and "Awaiting final figure" in ws.cell(4, 4).value
    assert "status" in ws.cell(4, 10).value and "latest" in ws.cell(4, 10).value


def test_user_text_never_becomes_a_formula(shipped_report: Report) -> None:
    # synthetic hostile text, not a published figure
    evil = "=cmd|' /C calc'!A0"
    first = shipped_report.targets[0]
    target = dataclasses.replace(first.target, name=evil, region="[bad]:region/name*?" * 3)
    report = dataclasses.replace(
        shipped_report,
        targets=(dataclasses.replace(first, target=target), *shipped_report.targets[1:]),
        issues=(Issue("error", evil, "actuals.xlsx", "Actuals", 3, "value"),),
    )
    wb = reload(report)
    texts = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == evil]
    assert len(texts) == 2  # the Summary row and the issue message
    assert all(c.data_type == "s" for c in texts)
    assert not [
        c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert any(len(name) <= 31 and "[" not in name for name in wb.sheetnames)


def test_chinese_report_scales_to_yi_and_wan(shipped_report: Report) -> None:
    wb = reload(shipped_report, "zh")
    assert wb.sheetnames == [
        "汇总表",
        "较上月变化",
        "辽源",
        "小北河",
        "参考指标",
        "数据审核提示",
        "编制说明",
    ]
    ws = wb["汇总表"]
    cells = {ws.cell(row=r, column=2).value: r for r in range(header_row(ws) + 1, ws.max_row + 1)}
    capacity = cells["袜子年产能"]
    assert ws.cell(capacity, col("latest")).value == pytest.approx(35.0)  # 3.5 bn = 35 亿双
    assert ws.cell(capacity, col("unit")).value == "亿双"
    latest = next(r.latest for r in shipped_report.targets if r.target.name_zh == "袜子年产能")
    assert latest is not None and latest.period == "2025-06"
    assert ws.cell(capacity, col("latest_period")).value == "2025年6月"
    assert ws.cell(capacity, col("deadline")).number_format == 'yyyy"年"m"月"d"日"'
    clothing = cells["服装年产能"]
    assert ws.cell(clothing, col("goal")).value == pytest.approx(200.0)  # 2 m = 200 万件
    assert ws.cell(clothing, col("unit")).value == "万件"
    assert ws.cell(cells["袜业企业数"], col("latest")).value == 206
    assert ws.cell(cells["袜业企业数"], col("unit")).value == "户"


def test_build_scales_linearly_to_many_regions(shipped_report: Report) -> None:
    # synthetic: the shipped targets copied into 25 made-up regions (200 targets, the most
    # that all get a chart)
    copies = tuple(
        dataclasses.replace(r, target=dataclasses.replace(r.target, region=f"Synthetic {i:02d}"))
        for i in range(25)
        for r in shipped_report.targets
    )
    wb = build_workbook(dataclasses.replace(shipped_report, targets=copies))
    regions = [ws for ws in wb.worksheets if ws.title.startswith("Synthetic")]
    assert len(regions) == 25
    assert sum(len(ws._charts) for ws in regions) == 200 == MAX_CHARTS


def test_charts_are_capped_for_a_large_report_and_about_says_so(shipped_report: Report) -> None:
    # synthetic: the shipped targets copied into 30 made-up regions (240 targets > 200)
    copies = tuple(
        dataclasses.replace(r, target=dataclasses.replace(r.target, region=f"Synthetic {i:02d}"))
        for i in range(30)
        for r in shipped_report.targets
    )
    report = dataclasses.replace(shipped_report, targets=copies)
    wb = reload(report)
    regions = [ws for ws in wb.worksheets if ws.title.startswith("Synthetic")]
    assert sum(len(ws._charts) for ws in regions) == MAX_CHARTS == 200
    # the most urgent statuses come first: every copy of a missed or behind target is charted
    urgent = {"missed", "moving_away", "insufficient_progress"}
    per_copy = sum(r.status in urgent for r in shipped_report.targets)
    assert per_copy and 30 * per_copy <= 200
    texts = [str(v) for ws in regions for row in ws.iter_rows(values_only=True) for v in row if v]
    assert sum(t.startswith("No chart: charts are limited to the 200") for t in texts) == 40
    about = [str(v) for row in wb["About"].iter_rows(values_only=True) for v in row if v]
    assert any("240 targets" in t and "200 most in need of attention" in t for t in about)
    small = [
        str(v)
        for row in reload(shipped_report)["About"].iter_rows(values_only=True)
        for v in row
        if v
    ]
    assert any("has a native chart" in t for t in small)


def test_report_writes_the_workbook_through_the_cli(tmp_path: Path, shipped_report: Report) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(render_workbook(shipped_report))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ws = load_workbook(path)["Summary"]
        assert ws.max_row == header_row(ws) + 2 + len(shipped_report.targets)
