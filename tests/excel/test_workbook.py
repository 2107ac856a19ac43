"""The Excel report read back with openpyxl: sheets, values, formats, tables, print setup.

openpyxl reads values, formats and print setup; what it does not read (native charts, the
sparklines) is read from the package's XML by xlsxparts.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from xlsxparts import NS, Package, series, title
from xlsxwriter.utility import xl_cell_to_rowcol
from yeargoals import SHIPPED_YEAR_MONTH, write_shipped_with_a_year_goal

from sockprogress.model import ATTENTION, Issue, Report, TargetResult
from sockprogress.periods import Month
from sockprogress.pipeline import build_report
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.excel.formats import PERIOD_KINDS
from sockprogress.rendering.excel.labels import figure_label, input_rows, target_scale
from sockprogress.rendering.excel.layout import text_lines
from sockprogress.rendering.excel.summarysheet import KEYS
from sockprogress.rendering.selection import IN_FULL
from sockprogress.rendering.view import basis_said, build_view, listed_observations
from sockprogress.words.width import NO_LINE_START
from sockprogress.words.words import DASH, Words

ROOT = Path(__file__).resolve().parents[2]
SPARKLINE_WARNING = "Sparkline Group extension is not supported and will be removed"


def reload(report: Report, lang: str = "en") -> Any:
    """Render, then load with openpyxl: any warning but the one about sparklines (which
    openpyxl does not read) fails the test."""
    return load(render_workbook(report, Words.of(lang)))


def load(data: bytes) -> Any:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = load_workbook(io.BytesIO(data))
    assert {str(w.message) for w in caught} <= {SPARKLINE_WARNING}
    return wb


def header_row(ws: Any) -> int:
    """The Summary's heading row: below the headline, whose length varies."""
    titles = {Words.of("en")("Region"), Words.of("zh")("Region")}
    return next(r for r in range(1, 30) if ws.cell(r, 1).value in titles)


def col(ws: Any, key: str) -> int:
    """The Summary column (1-based) of a heading key, by its heading in either language (the
    columns no goal has a figure in are left out)."""
    head = header_row(ws)
    labels = {figure_label(key, Words.of(lang)) for lang in ("en", "zh")}
    for c in range(1, ws.max_column + 1):
        if str(ws.cell(head, c).value).replace("\n", "") in labels:
            return c
    raise KeyError(key)


def summary_rows(ws: Any) -> dict[str, list[Any]]:
    """Summary rows keyed by target name, for rows with a status code (last column)."""
    rows = list(ws.iter_rows(min_row=header_row(ws) + 1, values_only=True))
    return {str(r[1]): list(r) for r in rows if r[-1]}


def copies(report: Report, regions: int) -> Report:
    """Synthetic: the report's targets copied into `regions` made-up regions."""
    targets = tuple(
        dataclasses.replace(r, target=dataclasses.replace(r.target, region=f"Synthetic {i:02d}"))
        for i in range(regions)
        for r in report.targets
    )
    return dataclasses.replace(report, targets=targets)


def observation_cells(ws: Any, heading: str) -> list[tuple[Any, ...]]:
    """The cells (period, value, basis, input rows, source) of the observations table in the
    block whose heading starts with `heading`."""
    cells = ws["A"]
    start = next(c.row for c in cells if isinstance(c.value, str) and c.value.startswith(heading))
    used = Words.of("en")("Observations used"), Words.of("zh")("Observations used")
    table = next(c.row for c in cells if c.row > start and c.value in used) + 2
    rows = []
    for row in ws.iter_rows(min_row=table, max_col=5):
        if row[0].value is None:
            break
        rows.append(row)
    return rows


def observation_table(ws: Any, heading: str) -> list[list[Any]]:
    return [[c.value for c in row] for row in observation_cells(ws, heading)]


def region_sheet(wb: Any, report: Report, result: TargetResult, lang: str) -> Any:
    """The sheet of the target's region, as the workbook names it in `lang`."""
    return wb[Words.of(lang).region_name(result.target.region, report.regions_zh)]


def target_heading(result: TargetResult, lang: str) -> str:
    return Words.of(lang).target_name(result.target)


def read_back(rows: list[list[Any]]) -> Iterator[tuple[Any, Any, str, str, str]]:
    """The table as its heading says to read it: a blank basis or source is the one above, a
    blank input row is the one above plus 1."""
    basis = source = ""
    above: Any = None
    for period, value, b, written, s in rows:
        basis = b if b is not None else basis
        source = s if s is not None else source
        source = "" if source == DASH else source  # a dash says: no source
        if written is None:
            assert isinstance(above, int), "a blank input row under a row that is not one row"
            written = above + 1
        above = written
        yield period, value, basis, str(written), source


def test_sheets_and_one_summary_row_per_target(shipped_report: Report) -> None:
    wb = reload(shipped_report)
    assert wb.sheetnames == [
        "Bulletin",
        "Summary",
        "Changes",
        "Liaoyuan",
        "Xiaobeihe",
        "Context",
        "Data issues",
        "About",
    ]
    ws = wb["Summary"]
    rows = summary_rows(ws)
    assert sorted(rows) == sorted(r.target.name for r in shipped_report.targets)
    for result in shipped_report.targets:
        row = rows[result.target.name]
        # a word, never the JSON's code: the status column filters by it
        assert Words.of().status_word(result.status) in str(row[col(ws, "status") - 1])
        assert result.status not in row
        assert row[0] == result.target.region


def test_the_workbook_opens_clean_and_holds_no_formula(shipped_report: Report) -> None:
    for lang in ("en", "zh"):
        data = render_workbook(shipped_report, Words.of(lang))
        wb = load(data)
        cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
        assert len(cells) > 1000
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        package = Package(data)
        for name in package.names():
            if name.endswith(".xml") and name.startswith("xl/worksheets/"):
                assert "<f>" not in package.text(name), name


def test_numbers_stay_numeric_in_readable_units(shipped_report: Report) -> None:
    ws = reload(shipped_report)["Summary"]
    cells = {ws.cell(row=r, column=2).value: r for r in range(header_row(ws) + 1, ws.max_row + 1)}
    capacity = cells["Annual sock production capacity"]
    latest = ws.cell(row=capacity, column=col(ws, "latest"))
    assert latest.value == 3_500_000_000
    # Published figures with the decimals they have: 3.5 bn (its goal 5 bn, baseline 3.5 bn);
    # a projection computed from them with one (3.5 bn: no growth since the baseline).
    assert latest.number_format == '#,##0.0,,," bn"'
    # its last capacity figure is its baseline: no pace, no projection
    assert ws.cell(row=capacity, column=col(ws, "projected_at_deadline")).value is None
    projected = ws.cell(row=cells["Annual sock output"], column=col(ws, "projected_at_deadline"))
    assert projected.value == pytest.approx(2.6e9, rel=0.2)
    assert projected.number_format == '#,##0.0,,," bn"'
    share = ws.cell(row=capacity, column=col(ws, "share_of_target_pct"))
    assert share.value == pytest.approx(70.0)
    assert share.number_format == '0.0"%"'
    firms = cells["Sock firms"]
    assert ws.cell(row=firms, column=col(ws, "latest")).value == 206
    # its period set apart from the figure before it, right-aligned: printed, "352023年5月"
    period = ws.cell(row=capacity, column=col(ws, "latest_period"))
    assert period.value and period.alignment.indent >= 1 and period.alignment.horizontal == "left"
    assert ws.cell(row=firms, column=col(ws, "latest")).number_format == "#,##0"
    assert ws.cell(row=firms, column=col(ws, "required_cagr")).value == pytest.approx(
        0.1132297240202105
    )
    assert ws.cell(row=firms, column=col(ws, "required_cagr")).number_format == "0.0%"
    # 序时进度 is taken at the latest figure's date (method: months t0 -> t over t0 -> D):
    # after the deadline, a latest figure that predates it (206 firms) is held against the
    # schedule of its own date, 85.7 % of the plan's months, not 100 % ...
    after = next(r.figures for r in shipped_report.targets if r.target.name == "Sock firms")
    assert after.time_elapsed_pct == pytest.approx(100 * 6 / 7)
    assert after.gap_closed_pct is not None
    assert after.schedule_gap_pts == pytest.approx(after.gap_closed_pct - 100 * 6 / 7)
    # ... which the Summary, as page 1's table, leaves out once the deadline has passed (the
    # outcome speaks: -85.7 stood beside 待期末数据), and the column with it where no goal has
    # one (all the shipped goals are past their deadline); the goal's block keeps it
    with pytest.raises(KeyError):
        col(ws, "schedule_gap_pts")
    view = build_view(shipped_report, Words.of())
    kept = next(t for t in view.targets if t.result.target.name == "Sock firms")
    assert kept.figure("schedule_gap_pts") is not None
    # ... and before it, gap closed minus time elapsed, in points, signed
    data = ROOT / "data"
    before = build_report(data / "targets.toml", data / "actuals.xlsx", Month.parse("2025-09"))
    ws = reload(before)["Summary"]
    cells = {ws.cell(row=r, column=2).value: r for r in range(header_row(ws) + 1, ws.max_row + 1)}
    schedule = ws.cell(row=cells["Sock firms"], column=col(ws, "schedule_gap_pts"))
    f = next(r.figures for r in before.targets if r.target.name == "Sock firms")
    assert f.gap_closed_pct is not None and f.time_elapsed_pct is not None
    assert f.time_elapsed_pct < 100
    assert schedule.value == pytest.approx(f.gap_closed_pct - f.time_elapsed_pct)
    assert schedule.number_format == "+0.0;-0.0;0.0"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_summarys_notes_are_one_line_of_sentences(shipped_report: Report, lang: str) -> None:
    """The notes, after the printed columns, in one line: wrapped, they made the rows (and the
    printed ones) up to seven lines tall. Each note and each reason for a blank is a sentence
    of its own, closed by the language's full stop."""
    words = Words.of(lang)
    ws = reload(shipped_report, lang).worksheets[1]
    view = build_view(shipped_report, words)
    cells = {ws.cell(r, 2).value: ws.cell(r, col(ws, "notes")) for r in range(1, ws.max_row + 1)}
    stop = "。" if lang == "zh" else "."
    capacity = next(t for t in view.targets if t.result.target.id == "liaoyuan-sock-capacity")
    cell = cells[capacity.name]
    assert cell.value and "\n" not in cell.value and not cell.alignment.wrap_text
    assert len(capacity.notes) >= 2
    for note in capacity.notes:  # each whole, in its order, closed
        assert note.rstrip(".。") + stop in cell.value
    # then why its pace is blank, a sentence closed too
    reason = cell.value.split(capacity.notes[-1].rstrip(".。"))[1].lstrip(".。 ")
    assert words.figure_name("actual_cagr") in reason and reason.endswith(stop), reason
    # the row as tall as its printed cells (three lines in English: 2023-05 / (month /
    # presumed)), where the notes made it seven
    height = ws.row_dimensions[cell.row].height
    assert height is not None and height <= 48, height


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_summarys_headings_are_centred_and_as_tall_as_the_printed_ones(
    shipped_report: Report, lang: str
) -> None:
    """The heading row, repeated on every printed page, was as tall as the longest heading of
    the columns after the printed ones (规划年均增速（按目标值推算）, four lines in a column 10
    wide, over printed headings of one): those columns are widened to fit theirs in the lines
    the printed headings take. Headings are centred, as an office's table sets them (目标值
    stood far left of its figures)."""
    from sockprogress.rendering.excel.layout import row_height

    ws = reload(shipped_report, lang).worksheets[1]
    head = header_row(ws)
    assert ws.row_dimensions[head].height <= row_height(3, cjk=lang == "zh"), lang
    cells = [ws.cell(head, c) for c in range(1, ws.max_column + 1)]
    assert all(c.alignment.horizontal == "center" for c in cells if c.value)


def test_a_years_figure_in_its_table_has_the_columns_decimals() -> None:
    """A made-up county's output, 28亿 to 308亿 month by month against a goal of 343.2亿: its
    table printed 252.0, 280.0 and then 308, the year's 1—11月 in a format of its own, read
    as another kind of figure (a Chinese reader's find). It has the column's decimals, more
    only where they would round it onto or across its goal (35.996亿 of 36亿, not 36.00)."""
    from sockprogress.rendering.excel.formats import scale_for

    zh = Words.of("zh")
    output = scale_for(343.2e8, "yuan", zh, values=[28e8, 308e8, 343.2e8])
    assert output.number_format == "0.0"
    assert output.listed(308e8, 343.2e8) == "0.0"  # 308.0, as 280.0 above it
    near = scale_for(36e8, "yuan", zh, values=[35.996e8, 36e8])
    assert near.number_format == "0.00"  # 36.00: onto the goal
    assert near.listed(35.996e8, 36e8) == near.derived(35.996e8, 36e8) == "0.000"
    assert near.listed(36e8, 36e8) == "0.00"  # the goal itself


def test_chinese_scaled_figures_show_the_decimals_they_have(shipped_report: Report) -> None:
    """35亿双 reads 35, not 35.00; 26亿双 reads 26; a figure with a decimal keeps one."""
    from sockprogress.rendering.excel.formats import decimals, scale_for

    wb = load(render_workbook(shipped_report, Words.of("zh")))
    ws = wb["汇总表"] if "汇总表" in wb.sheetnames else wb.worksheets[1]
    formats = {
        ws.cell(row=r, column=col(ws, "latest")).value: ws.cell(
            row=r, column=col(ws, "latest")
        ).number_format
        for r in range(header_row(ws) + 1, ws.max_row + 1)
        if isinstance(ws.cell(row=r, column=col(ws, "latest")).value, int | float)
    }
    assert formats[35] == "0"  # 35亿双, Liaoyuan's capacity: no thousands separator in Chinese
    assert all(not f.endswith(".00") for f in formats.values()), formats
    assert decimals([3.5e8, 5e8], 1e8) == 1 and decimals([3.5e9], 1e8) == 0
    assert decimals([2.61e9, 4e9], 1e8) == 1 and decimals([2.615e9], 1e8) == 2
    assert decimals([], 1e8) == 0
    assert scale_for(4e9, "pairs", Words.of("zh"), values=[2.5e9, 4e9]).number_format == "0"
    # A computed figure: one decimal, none when whole, more when one would reach the goal.
    zh = scale_for(4e9, "pairs", Words.of("zh"), values=[2.6e9, 4e9])
    assert zh.derived(2.617e9, 4e9) == "0.0" and zh.derived(3.5e9, 4e9) == "0"
    en = scale_for(4e9, "pairs", Words.of("en"), values=[2.6e9, 4e9])
    assert en.derived(3.96e9, 4e9) == '#,##0.00,,," bn"'
    assert en.derived(2.617e9, 4e9) == '#,##0.0,,," bn"'
    firms = scale_for(300, "firms", Words.of("zh"), values=[206, 300])
    assert firms.derived(299.6, 300) == "0.0" and firms.derived(206.0, 300) == "0"
    projected = {
        ws.cell(row=r, column=col(ws, "projected_at_deadline")).number_format
        for r in range(header_row(ws) + 1, ws.max_row + 1)
        if isinstance(ws.cell(row=r, column=col(ws, "projected_at_deadline")).value, float | int)
    }
    assert projected and not any(f.endswith(".00") for f in projected), projected


def test_blank_figures_stay_blank_with_the_reason(shipped_report: Report) -> None:
    ws = reload(shipped_report)["Summary"]
    row = next(
        r
        for r in range(5, ws.max_row + 1)
        if ws.cell(r, 2).value == "Sock firms above designated size"
    )
    assert ws.cell(row, col(ws, "actual_cagr")).value is None  # undefined, not 0
    assert "needs an observation later than the baseline" in ws.cell(row, col(ws, "notes")).value


def test_summary_has_data_bars_filter_freeze_and_print_setup(shipped_report: Report) -> None:
    wb = reload(shipped_report)
    ws = wb["Summary"]
    rules = [(str(rng.sqref), rule.type) for rng in ws.conditional_formatting for rule in rng.rules]
    head = header_row(ws)
    # the outcome of the passed deadline, then the counts, then the table
    assert ws.cell(2, 1).value.startswith("Of the 8 targets due at the end of 2025, 1 missed")
    last = head + 2 + len(shipped_report.targets)  # a band row per region
    share = chr(ord("A") + col(ws, "share_of_target_pct") - 1)
    assert (f"{share}{head + 1}:{share}{last}", "dataBar") in rules
    assert ws.freeze_panes == f"C{head + 1}"
    # every column but those no goal has anything in: 与序时进度相比 (all past their deadline)
    # and 数据核实 (no figure to check)
    assert {ws.cell(head, c).value for c in range(1, ws.max_column + 1)} >= {
        figure_label(k, Words.of()) for k in KEYS if k not in ("schedule_gap_pts", "check")
    }
    end = chr(ord("A") + len(KEYS) - 3)
    assert ws.auto_filter.ref == f"A{head}:{end}{last}"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    # one page wide (1 is what an absent fitToWidth means), as many pages tall as it takes
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${head}:${head}"
    # printed: the director's columns up to the trend, fit to one page wide (all 20 columns
    # printed at 4.5 pt); the headline wraps inside them instead of widening the page
    printed = chr(ord("A") + col(ws, "trend") - 1)
    assert ws.print_area == f"'Summary'!$A$1:${printed}${last}"
    assert f"A2:{printed}2" in {str(m) for m in ws.merged_cells.ranges}
    assert ws.cell(2, 1).alignment.wrap_text
    assert ws.oddHeader.left.text.endswith(" (Oct 2026)")
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    # the file's title is the report's own ([report] title), as page 1 and the bulletin give it
    assert wb.properties.title == (
        "Liaoyuan and Xiaobeihe sock clusters: progress towards the 2025 goals (Oct 2026)"
    )
    assert "2026-10" in wb.properties.subject
    assert {p.name: p.value for p in wb.custom_doc_props.props} == {"Report month": "2026-10"}
    for sheet in wb.worksheets:
        assert sheet.page_setup.orientation in ("landscape", "portrait")
        assert int(sheet.page_setup.paperSize) == 9
        assert sheet.oddFooter.center.text
    for region, blocks in (("Liaoyuan", 3), ("Xiaobeihe", 5)):
        assert wb[region].print_area.startswith(f"'{region}'!$A$1:$H$")
        ws = wb[region]
        breaks = {b.id for b in ws.row_breaks.brk}
        starts = {first - 1 for first, _heading, _labels in _blocks(ws)}
        assert len(starts) == blocks and starts - {min(starts)} <= breaks  # each starts a page
        for row in breaks - starts:  # and one running over goes on on the next, under its name
            assert ws.cell(row + 1, 1).value.endswith(" (continued)"), row


def test_a_native_chart_per_target_with_visible_axes(shipped_report: Report) -> None:
    """A chart for each goal with a figure or a baseline (outcome.chartable), as on the page:
    Liaoyuan's clothing and home-textile goals have neither, and a chart of their goal's level
    and deadline alone said nothing."""
    charts = Package(render_workbook(shipped_report, Words.of())).charts()
    assert {sheet: len(found) for sheet, found in charts.items() if found} == {
        "Liaoyuan": 1,
        "Xiaobeihe": 5,
    }
    for chart in (c for found in charts.values() for c in found):
        assert chart.find(".//{*}scatterChart") is not None
        assert chart.find(".//{*}legend") is not None
        assert not [a for a in chart.iter("{*}delete") if a.attrib.get("val") == "1"]
        assert all(s.attrib["val"] == "0" for s in chart.iter("{*}smooth"))
    names = {len(series(c)) for found in charts.values() for c in found}
    assert 4 in names  # actual, required path, target level, deadline


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_charted_region_sheet_has_its_charts_beside_the_figures_in_its_print_area(
    shipped_report: Report, lang: str
) -> None:
    """Each chart stands in the printed columns (A:H), to the right of the figures (from D), over
    no cell with anything in it: a region sheet printed A:O, the chart in G:O beside three blank
    columns, at 6.9 pt on paper. A remark longer than column C wraps there, under the chart
    it would run on."""
    data = render_workbook(shipped_report, Words.of(lang))
    package, wb = Package(data), load(data)
    drawn = 0
    for sheet, part in package.sheets().items():
        for drawing in package.related(part, "drawing"):
            for anchor in package.xml(drawing).findall("{*}twoCellAnchor"):
                first = anchor.find("{*}from")
                end = anchor.find("{*}to")
                assert first is not None and end is not None
                (c0, r0), (c1, r1) = (
                    (int(node.findtext("{*}col", "")), int(node.findtext("{*}row", "")))
                    for node in (first, end)
                )
                assert c0 == 3 and c1 <= 7, (sheet, c0, c1)  # D to H, 0-based
                ws = wb[sheet]
                assert ws.print_area.startswith(f"'{sheet}'!$A$1:$H$")
                width = ws.column_dimensions["C"].width
                under = [
                    (r, c, ws.cell(r + 1, c + 1).value)
                    for r in range(r0, r1 + 1)
                    for c in range(c0, c1 + 1)
                    if ws.cell(r + 1, c + 1).value is not None
                ]
                assert not under, under
                remarks = [ws.cell(r + 1, 3) for r in range(r0, r1 + 1)]
                assert any(cell.value for cell in remarks)
                for cell in remarks:  # a remark wider than C wraps, broken as Chinese is set
                    text = str(cell.value or "")
                    if text_lines(text, width) > 1:
                        assert cell.alignment.wrap_text, text
                        if lang == "zh":
                            assert "\n" in text, text
                            assert not [ln for ln in text.split("\n") if ln[0] in NO_LINE_START]
                drawn += 1
    assert drawn == 6  # Liaoyuan's capacity, Xiaobeihe's five


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_why_a_figure_is_blank_is_said_once_down_a_block(shipped_report: Report, lang: str) -> None:
    """留空原因：需有晚于基期的数据 stood six times down Liaoyuan's capacity block (a Chinese
    reader's find). The figures after the first blank for one reason say 同上 / as above."""
    words = Words.of(lang)
    wb = reload(shipped_report, lang)
    blank = words("blank: {reason}").split("{")[0]
    dittos = 0
    for ws in wb.worksheets[3:-3]:
        remarks = [ws.cell(r, 3).value for r in range(1, ws.max_row + 1)]
        for above, remark in itertools.pairwise(remarks):
            if isinstance(remark, str) and remark.startswith(blank):
                assert remark != above, (ws.title, remark)
            if remark == words("as above"):
                assert isinstance(above, str)
                assert above.startswith(blank) or above == words("as above")
                dittos += 1
    assert dittos >= 4


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_time_elapsed_says_it_is_taken_at_the_latest_figure(
    shipped_report: Report, lang: str
) -> None:
    """Liaoyuan's capacity, its latest figure of May 2023 (its baseline's month): "序时进度
    0.0%" in a block whose deadline had passed read as a mistake (a Chinese reader's find).
    Time elapsed is taken at the latest figure (method.md), and says so, on the region sheet
    beside its figure and on the page's card."""
    from sockprogress.rendering.html import card_rows

    words = Words.of(lang)
    (capacity,) = [r for r in shipped_report.targets if r.target.id == "liaoyuan-sock-capacity"]
    assert capacity.latest is not None and capacity.figures.time_elapsed_pct == 0.0
    said = words("as of {period}, its latest figure").format(
        period=words.figure_period(capacity.latest)
    )
    assert ("2023年5月末" if lang == "zh" else "May 2023") in said
    label = figure_label("time_elapsed_pct", words)
    ws = region_sheet(reload(shipped_report, lang), shipped_report, capacity, lang)
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label]
    # in C, broken where it wraps (at the comma: 截至2023年5月末， / 按最新数据期计算)
    assert rows and all(ws.cell(r, 3).value.replace("\n", "") == said for r in rows)
    view = build_view(shipped_report, words)
    (card,) = [t for t in view.targets if t.result is capacity]
    (row,) = [row for row in card_rows(card, words) if row.key == "time_elapsed_pct"]
    assert row.value == words.percent(0.0) + words.paren(said)


def test_the_chart_draws_the_observations_table_itself(shipped_report: Report) -> None:
    """The actual series is the block's own period and value columns: no copy of the figures."""
    data = render_workbook(shipped_report, Words.of())
    wb = load(data)
    charts = Package(data).charts()
    checked = 0
    for region, found in charts.items():
        for chart in found:
            name = title(chart)
            result = next(r for r in shipped_report.targets if r.target.name == name)
            lines = series(chart)
            if not result.observations:
                assert "actual" not in {s.name for s in lines}
                continue
            actual = lines[0]
            assert actual.name == "actual"
            sheet, x = actual.x.split("!")
            assert sheet.strip("'") == region
            assert re.fullmatch(r"\$A\$\d+(:\$A\$\d+)?", x)  # one cell, or a column's
            rows = [int(n) for n in re.findall(r"\d+", x)]
            first, last = rows[0], rows[-1]
            assert actual.y == actual.x.replace("$A$", "$B$")
            ws = wb[region]
            days = [ws.cell(r, 1).value.date() for r in range(first, last + 1)]
            values = [ws.cell(r, 2).value for r in range(first, last + 1)]
            assert days == [o.end for o in result.observations]
            assert values == [o.value for o in result.observations]
            checked += 1
    assert checked >= 6


def test_each_observation_is_one_row_and_blanks_read_as_the_heading_says(
    shipped_report: Report, small_province: Report
) -> None:
    """The note above a table says what its blank cells say, and only that: the input rows'
    part stood above a table of year-to-date sums, whose input rows are never blank (a Chinese
    reader's find)."""
    notes = {
        (True, True): "A blank cell says the same as the one above it; a blank input row is the "
        "row above plus 1.",
        (True, False): "A blank cell says the same as the one above it.",
        (False, True): "A blank input row is the row above plus 1.",
    }
    for report in (shipped_report, small_province):
        for lang in ("en", "zh"):
            wb = reload(report, lang)
            for result in report.targets:
                ws = region_sheet(wb, report, result, lang)
                scale = target_scale(result, Words.of(lang))
                rows = observation_table(ws, target_heading(result, lang))
                listed = listed_observations(result)  # the observations, then 1—N月
                assert len(rows) == len(listed)
                got = list(read_back(rows))
                want = [
                    (
                        dt.datetime.combine(o.end, dt.time()),
                        scale.of(o.value),
                        basis_said(o, Words.of(lang)),  # with its flags: month presumed
                        str(input_rows(o.rows)),
                        Words.of(lang).sourced(o.source, o.flags),
                    )
                    for o in listed
                ]
                assert [g[:1] + g[2:] for g in got] == [w[:1] + w[2:] for w in want]
                assert [g[1] for g in got] == pytest.approx([w[1] for w in want])
                # the first row says everything; a blank is explained above the table
                assert not rows or None not in rows[0][:4]
                same = any(row[2] is None or row[4] is None for row in rows[1:])
                plus_one = any(row[3] is None for row in rows[1:])
                if same or plus_one:
                    texts = {c.value for row in ws.iter_rows() for c in row}
                    said = Words.of(lang)(notes[same, plus_one])
                    assert said in texts, (result.target.name, said)


def test_a_monthly_series_leaves_most_input_rows_and_all_repeats_blank(
    small_province: Report,
) -> None:
    """A month's figure from the row after the last month's is blank, but each year's first
    row and every run of rows (a calendar year's months) is written."""
    wb = reload(small_province)
    result = next(
        r for r in small_province.targets if len(r.observations) >= 24 and r.target.kind == "level"
    )
    rows = observation_table(wb[result.target.region], result.target.name)
    years = {row[0].year for row in rows}
    firsts = [next(row for row in rows if row[0].year == year) for year in years]
    assert all(isinstance(row[3], int) for row in firsts)
    assert [row[3] for row in rows].count(None) == len(rows) - len(years)
    assert [row[2] for row in rows[1:]] == [None] * (len(rows) - 1)  # one basis throughout
    assert [row[4] for row in rows[1:]] == [None] * (len(rows) - 1)  # and one source
    totals = next(r for r in small_province.targets if any(len(o.rows) > 1 for o in r.observations))
    rows = observation_table(wb[totals.target.region], totals.target.name)
    runs = [row[3] for row in rows if isinstance(row[3], str)]
    run = r"\d+\u2013\d+"  # first and last row, an en dash between
    assert runs and all(re.fullmatch(rf"{run}(, (\d+|{run}))*", r) for r in runs)


def test_the_period_is_a_date_shown_as_it_was_written(
    shipped_report: Report, small_province: Report
) -> None:
    """One period column: the period's last day, in a number format that shows a year, a month
    or a date as the sheet had it (2023 / 2023-05; 2023年 / 2023年5月)."""
    kinds: set[str] = set()
    for report in (shipped_report, small_province):
        for lang in ("en", "zh"):
            wb = reload(report, lang)
            for result in report.targets:
                ws = region_sheet(wb, report, result, lang)
                cells = observation_cells(ws, target_heading(result, lang))
                for obs, row in zip(listed_observations(result), cells, strict=True):
                    kind = PERIOD_KINDS[len(obs.period)]
                    kinds.add(kind)
                    assert row[0].value == dt.datetime.combine(obs.end, dt.time())
                    assert row[0].number_format == Words.of(lang).locale.workbook_periods[kind]
    assert kinds >= {"year", "month"}
    assert Words.of("en").locale.workbook_periods["month"] == "yyyy-mm"
    assert Words.of("zh").locale.workbook_periods["month"] == 'yyyy"年"m"月"'


def test_region_block_lists_the_observations_used(shipped_report: Report) -> None:
    ws = reload(shipped_report)["Xiaobeihe"]
    rows = [list(row) for row in ws.iter_rows(max_col=4, values_only=True)]
    year = [
        dt.datetime(2023, 12, 31),
        3_500_000_000,
        "calendar year (lower bound of a 'more than' figure)",
        34,
    ]
    assert year in rows
    assert ws.cell(rows.index(year) + 1, 1).number_format == "yyyy"  # shown as written: 2023
    assert ws.print_area is not None


def test_context_issues_and_about(shipped_report: Report) -> None:
    wb = reload(shipped_report)
    context = [r[1] for r in wb["Context"].iter_rows(min_row=4, values_only=True)]
    assert "Computerized sock looms" in context
    issues = list(wb["Data issues"].iter_rows(min_row=4, values_only=True))
    assert len(issues) == len(shipped_report.issues)
    assert issues[0][:3] == ("warning", "actuals.xlsx", "Actuals")
    # the shipped goals' issues are goals without data: no column nor rows to point at, and
    # no empty column printed for them (a Chinese reader's find)
    (heading,) = wb["Data issues"].iter_rows(min_row=3, max_row=3, values_only=True)
    assert heading == ("Severity", "File", "Sheet", "Count", "Message")
    about = [v for row in wb["About"].iter_rows(values_only=True) for v in row if v]
    for item in shipped_report.inputs:
        assert item.name in about and item.sha256 in about
    assert "awaiting_final" not in about and "○ Awaiting final figure" in about
    assert any(str(v).startswith("Eurostat") for v in about)  # the method's reference line


def test_nothing_changed_is_said_and_a_change_is_listed(shipped_report: Report) -> None:
    ws = reload(shipped_report)["Changes"]
    assert "No target changed" in ws.cell(4, 1).value
    first = shipped_report.targets[0]
    moved = dataclasses.replace(first, previous_status="on_track", previous_latest=None)
    report = dataclasses.replace(shipped_report, targets=(moved, *shipped_report.targets[1:]))
    ws = reload(report)["Changes"]
    assert ws.cell(4, 2).value == first.target.name
    assert "On track" in ws.cell(4, 4).value and "Awaiting final figure" in ws.cell(4, 5).value
    # no figure last month: its first, not "latest figure from none to 2023-05" (最新数据由无
    # 更新为…, a newcomer's find)
    assert "status" in ws.cell(4, 10).value and "first figure: " in ws.cell(4, 10).value
    assert "from none" not in ws.cell(4, 10).value
    zh = load_workbook(io.BytesIO(render_workbook(report, Words.of("zh"))))["较上月变化"]
    assert "新增" in zh.cell(4, 10).value and "由无" not in zh.cell(4, 10).value


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
    data = render_workbook(report, Words.of())
    wb = load(data)
    texts = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == evil]
    assert len(texts) == 2  # the Summary row and the issue message
    assert all(c.data_type == "s" for c in texts)
    assert not [
        c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert any(len(name) <= 31 and "[" not in name for name in wb.sheetnames)
    # A chart title xlsxwriter would read as a reference is the block's heading cell instead.
    charts = Package(data).charts()
    sheet = next(name for name in charts if name.startswith("_bad"))
    titles = [title(c) for c in charts[sheet]]
    assert titles[0] in (f"={sheet}!$A$3", f"='{sheet}'!$A$3")
    assert wb[sheet]["A3"].value.startswith(evil) and wb[sheet]["A3"].data_type == "s"
    assert not [t for t in titles if "cmd" in t]


def test_chinese_report_scales_to_yi_and_wan(shipped_report: Report) -> None:
    wb = reload(shipped_report, "zh")
    assert wb.sheetnames == [
        "通报",
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
    assert ws.cell(capacity, col(ws, "latest")).value == pytest.approx(35.0)  # 3.5 bn = 35 亿双
    assert ws.cell(capacity, col(ws, "unit")).value == "亿双"
    latest = next(r.latest for r in shipped_report.targets if r.target.name_zh == "袜子年产能")
    assert latest is not None and latest.period == "2023-05"
    # what is said of the period on a line of its own (printed, it ran over the trend)
    # a level at its month's end, as every line says it (tests/test_periods_said.py)
    assert ws.cell(capacity, col(ws, "latest_period")).value == "2023年5月末\n（月份为推定）"
    assert ws.cell(capacity, col(ws, "deadline")).number_format == 'yyyy"年"m"月"d"日"'
    clothing = cells["服装年产能"]
    assert ws.cell(clothing, col(ws, "goal")).value == pytest.approx(200.0)  # 2 m = 200 万件
    assert ws.cell(clothing, col(ws, "unit")).value == "万件"
    assert ws.cell(cells["袜业企业数"], col(ws, "latest")).value == 206
    assert ws.cell(cells["袜业企业数"], col(ws, "unit")).value == "户"


def test_every_region_gets_its_charts_up_to_the_limit(shipped_report: Report) -> None:
    # synthetic: the shipped targets copied into 25 made-up regions (200 targets, the most
    # that all get a chart)
    charts = Package(render_workbook(copies(shipped_report, 25), Words.of())).charts()
    regions = {name: found for name, found in charts.items() if name.startswith("Synthetic")}
    assert len(regions) == 25
    # the 200 in full, but for those with nothing to draw (two of the eight shipped goals)
    assert sum(len(found) for found in regions.values()) == 150 == IN_FULL * 6 // 8


def test_a_large_report_shows_the_most_urgent_in_full_and_says_where_the_rest_is(
    shipped_report: Report,
) -> None:
    # synthetic: the shipped targets copied into 40 made-up regions (320 targets > 200)
    report = copies(shipped_report, 40)
    data = render_workbook(report, Words.of())
    wb = load(data)
    package = Package(data)
    charts = package.charts()
    assert sum(len(found) for found in charts.values()) == IN_FULL == 200
    # the most urgent statuses come first: every copy of a missed target is charted
    missed = [r for r in report.targets if r.status == "missed"]
    assert 0 < len(missed) <= 200
    charted = {title(c) for found in charts.values() for c in found}
    assert {r.target.name for r in missed} <= charted
    ordered = sorted(report.targets, key=lambda r: ATTENTION[r.status])
    full, rest = ordered[:200], ordered[200:]
    regions = [ws for ws in wb.worksheets if ws.title.startswith("Synthetic")]
    texts = [str(v) for ws in regions for row in ws.iter_rows(values_only=True) for v in row if v]
    # a table of observations (its heading and title) for each block in full only
    assert texts.count("Input rows") == 200
    assert texts.count("Observations used") == 200
    # why a block is short is said once under the title of each sheet that has short blocks
    why = (
        "Beyond 200 targets, the table of figures and the chart are given for the 200 most in "
        "need of attention (see About); the other goals on this sheet are given in short, their "
        "figures listed in the JSON."
    )
    with_short = {r.target.region for r in rest}
    assert texts.count(why) == len(with_short) > 1
    for ws in regions:
        assert (ws["A2"].value == why) == (ws.title in with_short), ws.title
    # and each short block where its figures are
    notes = sorted(" " + t for t in texts if t.startswith("Its ") and "in the JSON (" in t)
    assert texts.count("No figures.") == sum(not r.observations for r in rest) > 0
    expected = []
    for r in rest:
        rows = sorted(row for o in r.observations for row in o.rows)
        n = len(r.observations)
        if not n:
            continue
        span = f"input row {rows[0]}"
        if rows[0] != rows[-1]:
            span = f"between input rows {rows[0]} and {rows[-1]}"
        figures = "figures, with their sources, are" if n > 1 else "figure, with its source, is"
        expected.append(f" Its {n} {figures} listed in the JSON ({span}).")
    assert notes == sorted(expected)
    # the shipped figures give both forms: a range of rows and a single row
    eight = " Its 8 figures, with their sources, are listed in the JSON"
    assert f"{eight} (between input rows 18 and 46)." in notes
    assert " Its 1 figure, with its source, is listed in the JSON (input row 44)." in notes
    # the Summary's trends: one per target in full with two figures or more
    sparklines = package.sparklines(wb.worksheets[1].title)
    trends = sum(len(r.observations) >= 2 for r in full)
    assert len(sparklines) == trends < sum(len(r.observations) >= 2 for r in report.targets)
    about = [str(v) for row in wb["About"].iter_rows(values_only=True) for v in row if v]
    assert any("320 targets" in t and "200 most in need of attention" in t for t in about)
    small = [
        str(v)
        for row in reload(shipped_report)["About"].iter_rows(values_only=True)
        for v in row
        if v
    ]
    assert any("has a native chart" in t for t in small)


def _blocks(ws: Any, status: str = "Status") -> list[tuple[int, str, list[str]]]:
    """A region sheet's blocks: (first row, heading, the labels in column A below it)."""
    blocks: list[tuple[int, str, list[str]]] = []
    for row in range(3, ws.max_row + 1):
        label = ws.cell(row, 1).value
        if ws.cell(row, 1).font.b and label and ws.cell(row + 1, 1).value == status:
            blocks.append((row, str(label), []))
        elif blocks and isinstance(label, str):
            blocks[-1][2].append(label)
    return blocks


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_block_not_in_full_keeps_the_summarys_figures_and_needs_no_page_of_its_own(
    shipped_report: Report, lang: str
) -> None:
    # synthetic: the shipped targets copied into 40 made-up regions (320 targets > 200)
    report = copies(shipped_report, 40)
    words = Words.of(lang)
    wb = load(render_workbook(report, words))
    full_labels = {"Previous status", "Required growth a year", "Baseline"}
    short_labels = {"Status", "Goal", "Deadline", "Latest"}
    if lang == "zh":
        full_labels = {words(label) for label in full_labels}
        short_labels = {words(label) for label in short_labels}
    # a block not in full ends with where its figures are, or that it has none
    view = build_view(report, words)
    not_in_full = tuple(t.listed_in_json for t in view.targets if t.listed_in_json)
    no_figures = words("No figures.")
    seen_short = seen_full = followed = kept = 0
    for ws in wb.worksheets[3:-3]:
        blocks = _blocks(ws, words("Status"))
        assert len(blocks) == 8, ws.title
        breaks = {b.id for b in ws.row_breaks.brk}
        starts: list[int] = []
        for i, (first, heading, labels) in enumerate(blocks):
            short = any(label in not_in_full or label == no_figures for label in labels)
            if short:
                seen_short += 1
                # what the Summary prints, to read the status by, and not the rest
                assert short_labels <= set(labels), heading
                assert not full_labels & set(labels), heading
            elif any(label.startswith(words("Observations used")) for label in labels):
                seen_full += 1
                assert full_labels & set(labels) and short_labels <= set(labels), heading
            if i and (not short or starts[-1] < 0):
                assert first - 1 in breaks  # a block in full starts a page, and the one after
            elif i:
                # one not in full follows on the same page, but where it would run over the
                # page's end (LibreOffice's print: test_libreoffice)
                followed += 1
                kept += first - 1 in breaks
            starts.append(-first if not short else first)
    assert seen_full == IN_FULL and seen_short == 320 - IN_FULL
    # two or more to a page (a sheet with a chart prints across A4 at 100 %: 32 of 72 start one)
    assert followed > 60 and kept * 2 <= followed, (kept, followed)


def test_report_writes_the_workbook_through_the_cli(tmp_path: Path, shipped_report: Report) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(render_workbook(shipped_report, Words.of()))
    ws = load(path.read_bytes())["Summary"]
    assert ws.max_row == header_row(ws) + 2 + len(shipped_report.targets)


def test_the_writer_uses_no_private_attribute_of_a_library() -> None:
    """`grep -rn '\\._[a-z]' src/sockprogress/rendering/excel` finds nothing: the workbook is
    written through xlsxwriter's public API only (and the writer has no private names)."""
    folder = ROOT / "src" / "sockprogress" / "rendering" / "excel"
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(folder.glob("*.py"))
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if re.search(r"\._[a-z]", line)
    ]
    assert found == []
    assert sys.modules.get("openpyxl") is not None  # the tests read with it; the writer does not
    for path in folder.glob("*.py"):
        assert "openpyxl" not in path.read_text("utf-8"), path.name


def test_the_charts_helper_points_are_hidden_and_still_plotted(shipped_report: Report) -> None:
    """A goal line's ends and the deadline's foot are no reading matter: hidden rows, and
    every chart set to plot hidden cells (xlsxwriter leaves out c:plotVisOnly, whose 1 would
    plot visible cells only), so its lines stay drawn (as the LibreOffice PDF shows)."""
    data = render_workbook(shipped_report, Words.of("zh"))
    wb = load(data)
    helper_rows = 0
    for ws in wb.worksheets:
        for (cell,) in ws.iter_rows(min_col=1, max_col=1):
            if cell.value == Words.of("zh")("Chart data"):
                helper_rows += 1
                assert ws.row_dimensions[cell.row].hidden
                assert ws.row_dimensions[cell.row + 2].hidden  # a point of the path
    assert helper_rows >= 5
    package = Package(data)
    charts = [n for n in package.names() if n.startswith("xl/charts/chart")]
    assert len(charts) >= 5
    for name in charts:
        assert "<c:plotVisOnly" not in package.text(name), name


@pytest.mark.parametrize(
    ("lang", "head"),
    [
        ("en", "Liaoyuan and Xiaobeihe sock clusters: progress towards the 2025 goals (Oct 2026)"),
        ("zh", "辽源、小北河袜业2025年目标完成情况（2026年10月）"),
    ],
)
def test_every_printed_page_is_headed_by_the_reports_own_title(
    shipped_report: Report, lang: str, head: str
) -> None:
    """The running header said "Target progress report — report month …" on every sheet, a
    name the report goes by nowhere else; it is now the report's own title and period, as the
    Summary's first line and page 1 give them, and the sheet's name on the right."""
    wb = reload(shipped_report, lang)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.oddHeader.left.text == head, ws.title
        if ws.title not in ("Bulletin", "通报"):
            assert ws.oddHeader.right.text == ws.title.replace("&", "&&"), ws.title
    assert wb.properties.title == head


@pytest.mark.parametrize(
    ("lang", "period"), [("en", " (Jan–Nov 2026)"), ("zh", "（2026年1—11月）")]
)
def test_with_a_years_goal_the_header_gives_the_months_page_one_gives(
    tmp_path: Path, lang: str, period: str
) -> None:
    """With a year's goal held against its 1—11月, page 1's title reads （2026年1—11月）; the
    running header said "报告期：2026年11月" under it (a Chinese reader's find). Every printed
    page, the Summary's first line and the file's title now give the title as page 1 does."""
    report = build_report(
        *write_shipped_with_a_year_goal(tmp_path / "office"), Month.parse(SHIPPED_YEAR_MONTH)
    )
    wb = reload(report, lang)
    front = wb.worksheets[0]
    assert front["A2"].value == period.strip()  # page 1's line under its title
    head = str(front["A1"].value) + period
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            assert ws.oddHeader.left.text == head, ws.title
    summary = wb[Words.of(lang)("Summary")]
    assert summary["A1"].value == head
    assert wb.properties.title == head


def test_a_long_title_is_cut_so_that_the_page_header_is_kept(shipped_report: Report) -> None:
    """Excel keeps a page header of at most 255 characters (xlsxwriter drops a longer one with
    a warning): a long [report] title (made up) is cut with "…", and an '&' in it stays text."""
    long = "Tom & Jerry's very long progress report title " * 8
    info = dataclasses.replace(shipped_report.info, title=long)
    wb = reload(dataclasses.replace(shipped_report, info=info))
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        header = ws.oddHeader.left.text or ""
        assert header.startswith("Tom && Jerry's very long") and header.endswith("…"), header
        whole = f"&L{header}" + (f"&R{ws.oddHeader.right.text}" if ws.oddHeader.right.text else "")
        assert len(whole.encode("utf-16-le")) // 2 <= 255


@pytest.mark.parametrize(
    ("kind", "period", "said"), [("annual_total", "2025", "2025"), ("level", "2025-06", "Jun 2025")]
)
def test_a_revised_figure_is_on_the_changes_sheet_in_words(
    tmp_path: Path, kind: str, period: str, said: str
) -> None:
    """A maintainer's reading: a goal whose only news was a revised figure was on the page's
    changes but not on the Changes sheet, and the sheet wrote the revision `3.5e+09`, without
    its unit (made-up figures). A month revised reads as the page and the rest of the line say
    a period (Jun 2025), not as the sheet's cell writes it (2025-06)."""
    from click.testing import CliRunner
    from helpers import target_toml, write_actuals, write_targets

    from sockprogress.cli import main

    goal = target_toml(kind=kind, target=5e9, deadline=dt.date(2027, 12, 31))
    targets = write_targets(tmp_path / "targets.toml", goal.replace("units", "yuan"))
    out = tmp_path / "out"
    for month, value in (("2026-09", 3.5e9), ("2026-10", 3.6e9)):  # the figure revised
        actuals = write_actuals(
            tmp_path / "actuals.xlsx", [("Testville", "widgets", period, value)]
        )
        args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", month]
        result = CliRunner().invoke(main, [*args, "--out", str(out)])
        assert result.exit_code == 0, result.output
    changes = load_workbook(out / "progress-2026-10.xlsx")["Changes"]
    (row,) = [[c.value for c in r] for r in changes.iter_rows(min_row=4) if r[0].value]
    # one region: no region column; what changed is last
    assert row[-1] == f"{said} revised from 3.5 bn yuan to 3.6 bn yuan"
    # the page says it in its changes and on the card, in the same words (view.revisions_said)
    html = (out / "progress-2026-10.html").read_text("utf-8")
    assert html.count(f"{said}: 3.5 bn yuan → 3.6 bn yuan") == 2


def test_a_changed_period_is_on_one_line(tmp_path: Path) -> None:
    """The Changes sheet's period columns were 11 wide: 2026年1—11月 printed as 2026年1—11, its
    月 cut at the edge (a newcomer's find in LibreOffice's PDF). They are as wide as their
    longest period, each character one "0" and a Chinese one two."""
    report = build_report(
        *write_shipped_with_a_year_goal(tmp_path / "office"), Month.parse(SHIPPED_YEAR_MONTH)
    )
    wb = reload(report, "zh")
    ws = wb[Words.of("zh")("Changes")]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert any(r[8] == "2026年1—11月" for r in rows), rows
    for col in ("G", "I"):
        texts = [str(c.value) for c in ws[col][3:] if c.value]
        width = ws.column_dimensions[col].width
        assert texts and all(
            width >= sum(2 if ord(ch) > 0x2E80 else 1 for ch in t) for t in texts
        ), (col, width, texts)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_label_longer_than_its_column_wraps_in_a_row_deep_enough(
    shipped_report: Report, lang: str
) -> None:
    """A region sheet's labels sit in column A, its figures in B: "Ahead (+) or behind (-) the
    time-proportional schedule, points" ran under its figure and was cut off there, and
    超（+）/落后（-）序时进度（百分点） broke before its last "）". Column A holds every Chinese
    label on one line; a label wider than A (the English one) wraps in a row of two lines, and
    the others keep one line and the sheet's own height."""
    words = Words.of(lang)
    label = words.figure_name("schedule_gap_pts")
    short = words.figure_name("goal")
    wb = reload(shipped_report, lang)
    found = 0
    for ws in wb.worksheets[3:]:
        width = ws.column_dimensions["A"].width
        for (cell,) in ws.iter_rows(min_col=1, max_col=1):
            if cell.value == label:
                wide = sum(2 if ord(c) >= 0x2E80 else 1 for c in label) > width
                assert wide == (lang == "en")  # 62 characters; the Chinese one 35 "0"s
                assert bool(cell.alignment.wrap_text) == wide, ws.title
                if wide:
                    assert ws.row_dimensions[cell.row].height >= 2 * 15, ws.title
                found += 1
            elif cell.value == short:
                assert not cell.alignment.wrap_text
                assert ws.row_dimensions[cell.row].height is None
    view = build_view(shipped_report, words)
    assert found == sum(1 for t in view.targets if t.figure("schedule_gap_pts")) >= 6


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chinese_notes_are_upright(shipped_report: Report, lang: str) -> None:
    """The reasons beside blank figures and the notes were set in grey italics in both
    languages; Chinese type is never slanted (a Chinese reader's find), so the Chinese workbook
    sets them grey and upright (locales.toml `italic`). English keeps its italics."""
    wb = reload(shipped_report, lang)
    italic = [
        (ws.title, cell.coordinate)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None and cell.font is not None and cell.font.i
    ]
    grey = [
        cell
        for ws in wb.worksheets[3:]
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
        and cell.font.color is not None
        and cell.font.color.rgb == "FF595959"
    ]
    assert grey  # the reasons and notes, grey in both languages
    assert bool(italic) == (lang == "en"), italic[:3]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_bulletins_figures_set_as_text_are_not_marked_as_numbers_stored_as_text(
    shipped_report: Report, lang: str
) -> None:
    """The bulletin sheet's figures are text, as the bulletin sets them in every output (50,
    70.0%): Excel marked each with a green corner, "number stored as text", on the page an
    office hands up as it is. Every such cell is in a range the sheet tells Excel to leave."""
    package = Package(render_workbook(shipped_report, Words.of(lang)))
    part = next(iter(package.sheets().values()))  # the bulletin, the first sheet
    sheet = package.xml(part)
    strings = [
        "".join(t.text or "" for t in si.iter(f"{{{NS['main']}}}t"))
        for si in package.xml("xl/sharedStrings.xml").findall("main:si", NS)
    ]
    numeric = []
    for cell in sheet.iter(f"{{{NS['main']}}}c"):
        value = cell.find("main:v", NS)
        if cell.get("t") == "s" and value is not None and value.text is not None:
            text = strings[int(value.text)].replace(",", "").removesuffix("%")
            if re.fullmatch(r"-?\d+(\.\d+)?", text):
                numeric.append(cell.attrib["r"])
    assert len(numeric) >= 8  # the goals' 目标值 at least
    ignored = [
        e.attrib["sqref"]
        for e in sheet.iter(f"{{{NS['main']}}}ignoredError")
        if e.get("numberStoredAsText") == "1"
    ]
    assert ignored
    covered = set()
    for sqref in ignored:
        for span in sqref.split():
            first, _, last = span.partition(":")
            (r0, c0), (r1, c1) = xl_cell_to_rowcol(first), xl_cell_to_rowcol(last or first)
            covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    assert all(xl_cell_to_rowcol(name) in covered for name in numeric)
