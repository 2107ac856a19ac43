"""What openpyxl cannot read back, read from the package's XML: the Summary's sparklines and
the native charts' time axis."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import warnings
from typing import Any

import pytest
from openpyxl import load_workbook
from xlsxparts import Package, title, x_axis

from sockprogress.model import Report, TargetResult
from sockprogress.rendering import outcome
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.excel.labels import figure_label, target_scale
from sockprogress.rendering.jsonout import render_json
from sockprogress.words.words import Words

EPOCH = dt.datetime(1899, 12, 30)


def load(data: bytes) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl: sparklines are not read (test_workbook)
        return load_workbook(io.BytesIO(data))


def day_of(serial: float) -> dt.datetime:
    return EPOCH + dt.timedelta(days=serial)


def cells(wb: Any, reference: str) -> list[Any]:
    """The values of a range such as `'Sheet 1'!B31:B33` or `Sheet!B7`."""
    sheet, area = reference.rsplit("!", 1)
    ws = wb[sheet.strip("'").replace("''", "'")]
    if ":" not in area:
        return [ws[area].value]
    return [row[0].value for row in ws[area]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_sparkline_per_target_draws_its_own_observations(
    lang: str, shipped_report: Report, small_province: Report
) -> None:
    for report in (shipped_report, small_province):
        data = render_workbook(report, Words.of(lang))
        wb = load(data)
        summary = wb.worksheets[1]  # after the bulletin
        sparklines = Package(data).sparklines(summary.title)
        # A trend needs two figures: a target with one (or none) has no sparkline.
        observed = [r for r in report.targets if len(r.observations) >= 2]
        assert len(sparklines) == len(observed)
        published = {t["id"]: t for t in map(json.loads, _targets(render_json(report)))}
        # the trend's column, by its heading: a province with year-to-date figures has the
        # year's columns before it, a report none of whose goals has a gap none of that column
        heading = figure_label("trend", Words.of(lang))
        trend = next(c.column for row in summary.iter_rows() for c in row if c.value == heading)
        seen = set()
        for reference, where in sparklines:
            column, row = re.fullmatch(r"([A-Z]+)(\d+)", where).groups()  # type: ignore[union-attr]
            assert summary[f"{column}1"].column == trend
            region, name = summary.cell(int(row), 1).value, summary.cell(int(row), 2).value
            result = next(
                r
                for r in observed
                if Words.of(lang).target_name(r.target) == name
                and Words.of(lang).region_name(r.target.region, report.regions_zh) == region
            )
            seen.add(result.target.id)
            scale = target_scale(result, Words.of(lang))
            values = [o["value"] for o in published[result.target.id]["observations"]]
            assert cells(wb, reference) == pytest.approx([scale.of(v) for v in values])
            assert reference.rsplit("!", 1)[1].startswith("B")  # the table's value column
        assert seen == {r.target.id for r in observed}
        # a target with fewer than two observations has an empty Trend cell and no sparkline
        blank = [r for r in report.targets if len(r.observations) < 2]
        rows = {summary.cell(n, 2).value: n for n in range(1, summary.max_row + 1)}
        for result in blank:
            assert (
                summary.cell(rows[Words.of(lang).target_name(result.target)], trend).value is None
            )
        if report is shipped_report:
            assert blank, "the shipped data have a target without an observation"
            assert any(len(r.observations) == 1 for r in blank), "and one with a single one"


def _targets(text: str) -> list[str]:
    """The JSON report's target objects, one per line (render_json writes them so)."""
    targets = json.loads(text)["targets"]
    return [json.dumps(t) for t in targets]


def test_the_summary_sheet_holds_sparkline_groups(shipped_report: Report) -> None:
    package = Package(render_workbook(shipped_report, Words.of()))
    xml = package.text(package.sheets()["Summary"])
    assert "<x14:sparklineGroups" in xml
    assert 'type="column"' in xml  # LibreOffice 7.4 prints columns (a line only as dots)
    assert "dateAxis" not in xml  # LibreOffice 7.4 cannot open a workbook with one


def test_a_may_2023_figure_lies_in_the_band_labelled_2023(shipped_report: Report) -> None:
    """The x axis ticks on 1 January, labelled with the year (yyyy): the first figure of the
    sock capacity target, dated 2023-05-31, lies between the ticks 2023 and 2024."""
    charts = Package(render_workbook(shipped_report, Words.of())).charts()["Liaoyuan"]
    chart = next(c for c in charts if title(c) == "Annual sock production capacity")
    axis = x_axis(chart)
    assert axis.number_format == "yyyy"
    assert axis.major == 365.25
    steps = (axis.maximum - axis.minimum) / axis.major
    assert steps == pytest.approx(round(steps))  # the frame ends on a tick
    ticks = [day_of(axis.minimum + k * axis.major) for k in range(round(steps) + 1)]
    assert [t.year for t in ticks] == [2023, 2024, 2025, 2026, 2027]
    result = next(
        r for r in shipped_report.targets if r.target.name == "Annual sock production capacity"
    )
    may = result.observations[0].end
    assert may == dt.date(2023, 5, 31)
    point = (may - EPOCH.date()).days
    labelled = {t.year: (t - EPOCH) / dt.timedelta(days=1) for t in ticks}
    assert labelled[2023] < point < labelled[2024]


def test_every_tick_falls_on_new_year_and_every_point_inside_the_frame(
    shipped_report: Report, small_province: Report
) -> None:
    for report in (shipped_report, small_province):
        charts = Package(render_workbook(report, Words.of())).charts()
        checked = 0
        for region, found in charts.items():
            # every target with something to draw is charted here (at most 200), in its
            # region's order
            results = [
                r for r in report.targets if r.target.region == region and outcome.chartable(r)
            ]
            assert len(found) == len(results)
            for chart, result in zip(found, results, strict=True):
                assert title(chart) == result.target.name
                _check_frame(chart, result)
                checked += 1
        assert checked == sum(1 for r in report.targets if outcome.chartable(r))


def _check_frame(chart: Any, result: TargetResult) -> None:
    axis = x_axis(chart)
    assert axis.major is not None
    steps = round((axis.maximum - axis.minimum) / axis.major)
    for k in range(steps + 1):
        tick = day_of(axis.minimum + k * axis.major)
        # 1 or 2 January: its label (yyyy) names the year that starts there
        assert (tick.month, tick.day) in ((1, 1), (1, 2)), tick
    days = [o.end for o in result.observations] + [result.target.deadline]
    for day in days:
        assert axis.minimum <= (day - EPOCH.date()).days <= axis.maximum
