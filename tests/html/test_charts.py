"""The small SVG charts: their axis labels are text, in order, where matplotlib's axis put them."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import itertools
import math
import os
import re
import subprocess
import sys
import warnings
from importlib import metadata
from pathlib import Path

import pytest

from sockprogress.model import Report, TargetResult
from sockprogress.rendering.svgcharts import ChartDrawer
from sockprogress.words.words import Words

ROOT = Path(__file__).resolve().parents[2]

TEXT = re.compile(
    r'<text style="[^"]*text-anchor: (\w+);[^"]*" x="([-\d.]+)" y="([-\d.]+)"[^>]*>([^<]*)<'
)
# The tick markers' shapes: 3 pt down (x axis) and 3 pt left (y axis) from the axis line.
MARKER = re.compile(r'<path id="(\w+)" d="M 0 0\s+L (0 3|-3 0)\s+"')
USE = re.compile(r'<use xlink:href="#(\w+)" x="([-\d.]+)" y="([-\d.]+)"')


@dataclasses.dataclass
class Axes:
    years: list[str]  # the year labels, left to right as the SVG has them
    values: list[str]  # the value labels, bottom to top
    year_at: list[tuple[float, float]]
    value_at: list[tuple[float, float]]
    x_ticks: list[tuple[float, float]]
    y_ticks: list[tuple[float, float]]


def axes(svg: str) -> Axes:
    texts = TEXT.findall(svg)
    markers = {shape: id_ for id_, shape in MARKER.findall(svg)}
    uses = USE.findall(svg)
    return Axes(
        years=[t for anchor, _, _, t in texts if anchor == "middle"],
        values=[t for anchor, _, _, t in texts if anchor == "end"],
        year_at=[(float(x), float(y)) for anchor, x, y, _ in texts if anchor == "middle"],
        value_at=[(float(x), float(y)) for anchor, x, y, _ in texts if anchor == "end"],
        x_ticks=[(float(x), float(y)) for id_, x, y in uses if id_ == markers["0 3"]],
        y_ticks=[(float(x), float(y)) for id_, x, y in uses if id_ == markers["-3 0"]],
    )


def result(report: Report, target_id: str) -> TargetResult:
    return next(r for r in report.targets if r.target.id == target_id)


@pytest.fixture(scope="module")
def drawer() -> ChartDrawer:
    return ChartDrawer()


@pytest.mark.parametrize(
    ("target_id", "lang", "years", "values"),
    [
        ("liaoyuan-sock-capacity", "en", ["2023", "2024", "2025"], ["0", "1.5", "3", "4.5"]),
        ("liaoyuan-sock-capacity", "zh", ["2023", "2024", "2025"], ["0", "15", "30", "45"]),
        (
            "xiaobeihe-sock-firms",
            "en",
            ["2022", "2023", "2024", "2025"],
            ["0", "100", "200", "300"],
        ),
        (
            "xiaobeihe-sock-output",
            "zh",
            ["2021", "2022", "2023", "2024", "2025"],
            ["0", "15", "30"],
        ),
    ],
)
def test_axis_labels_are_text_in_order(
    shipped_report: Report,
    drawer: ChartDrawer,
    target_id: str,
    lang: str,
    years: list[str],
    values: list[str],
) -> None:
    chart = axes(drawer.svg(result(shipped_report, target_id), Words.of(lang)))
    assert chart.years == years
    assert chart.values == values  # in the unit of the caption (bn pairs, 亿双)
    assert len(chart.x_ticks) == len(years) + 1  # a tick at each turn of the year
    assert len(chart.y_ticks) == len(values)


def test_labels_sit_where_the_axis_put_them(shipped_report: Report, drawer: ChartDrawer) -> None:
    """Where matplotlib's own Axis drew them (DejaVu Sans 9, tick 3 pt, pad 2 pt).

    The numbers are those of the charts drawn by the Axis before it was replaced.
    """
    chart = axes(drawer.svg(result(shipped_report, "xiaobeihe-sock-firms"), Words.of("en")))
    (axis_y,) = {y for _, y in chart.x_ticks}
    (axis_x,) = {x for x, _ in chart.y_ticks}
    turns = sorted(x for x, _ in chart.x_ticks)
    # Each year's label is centred in its band, between the ticks of its turns; its top 3.4 pt
    # (the minor ticks' pad) below the axis puts its baseline 10.24 pt below.
    for (x, y), left, right in zip(chart.year_at, turns[:-1], turns[1:], strict=True):
        assert x == pytest.approx((left + right) / 2, abs=1e-3)
        assert y - axis_y == pytest.approx(10.238, abs=1e-2)
    # Each value ends 5 pt (tick and pad) left of the axis, centred on its tick by the middle
    # of its digits (`center_baseline`): the baseline 3.42 pt below; bottom to top.
    for (x, y), (_, tick_y) in zip(chart.value_at, chart.y_ticks, strict=True):
        assert x == pytest.approx(axis_x - 5, abs=1e-3)
        assert y - tick_y == pytest.approx(3.419, abs=1e-2)
    assert [y for _, y in chart.y_ticks] == sorted((y for _, y in chart.y_ticks), reverse=True)


def test_a_long_series_is_labelled_every_other_year(
    shipped_report: Report, drawer: ChartDrawer
) -> None:
    shipped = result(shipped_report, "xiaobeihe-sock-firms")
    assert shipped.baseline is not None
    long = dataclasses.replace(
        shipped, baseline=dataclasses.replace(shipped.baseline, end=dt.date(2012, 12, 31))
    )
    chart = axes(drawer.svg(long, Words.of("en")))
    assert chart.years == [str(year) for year in range(2012, 2025, 2)]
    assert len(chart.x_ticks) == 8  # 2012, 2014, … 2026
    # Drawn again with fewer years, the labels left over are hidden, not shown stale.
    assert axes(drawer.svg(shipped, Words.of("en"))).years == ["2022", "2023", "2024", "2025"]


def monthly(r: TargetResult, months: int = 150) -> TargetResult:
    """Made-up figures: `months` monthly ones, jagged, so that the line has more than 128
    points and matplotlib simplifies its path (the short shipped series never are)."""
    first = r.observations[0]
    observations = tuple(
        dataclasses.replace(
            first,
            end=dt.date(2013 + (k + 1) // 12, (k + 1) % 12 + 1, 1) - dt.timedelta(days=1),
            value=200 + 40 * math.sin(k / 4) + (k % 3) * 7 + k * 0.5,
        )
        for k in range(months)
    )
    return dataclasses.replace(r, observations=observations)


def variants(r: TargetResult) -> list[TargetResult]:
    """The target, and its figures scaled to nothing, reversed in sign and made tiny: an empty
    value range (which matplotlib widened), a reversed value axis, labels in millionths."""
    out = [r]
    for factor in (0.0, -1.0, 1e-6):
        t = r.target
        out.append(
            dataclasses.replace(
                r,
                target=dataclasses.replace(t, target=t.target * factor),
                observations=tuple(
                    dataclasses.replace(o, value=o.value * factor) for o in r.observations
                ),
                baseline=r.baseline
                and dataclasses.replace(r.baseline, value=r.baseline.value * factor),
            )
        )
    return out


@pytest.mark.skipif(
    tuple(int(n) for n in metadata.version("matplotlib").split(".")[:2]) < (3, 11),
    reason="before 3.11 matplotlib's SVG writer styled text otherwise (`font: 9px …`)",
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_bytes_are_those_figure_and_axes_drew(shipped_report: Report, lang: str) -> None:
    """Written by `_Canvas`, with text sizes remembered across charts: the same bytes as
    matplotlib's Figure and Axes give with `savefig` (so the same look, to the pixel). A
    matplotlib whose own SVG writer changes fails this test while our charts stay as they
    were: then read what changed, and follow it or not."""
    from axes_charts import AxesChartDrawer

    drawer, oracle = ChartDrawer(), AxesChartDrawer()
    drawable = [r for r in shipped_report.targets if r.observations or r.baseline]
    shipped = result(shipped_report, "xiaobeihe-sock-firms")
    assert shipped.baseline is not None
    long = dataclasses.replace(
        shipped, baseline=dataclasses.replace(shipped.baseline, end=dt.date(2012, 12, 31))
    )
    charts = [v for r in [*drawable, long, monthly(shipped)] for v in variants(r)]
    with warnings.catch_warnings():  # the Axes warns of the empty range it widens
        warnings.simplefilter("ignore", UserWarning)
        expected = [oracle.svg(r, Words.of(lang)) for r in charts]
    for r, svg in zip(charts * 2, expected * 2, strict=True):  # then every size is remembered
        assert drawer.svg(r, Words.of(lang)) == svg


def test_drawing_imports_neither_figure_nor_axes_nor_a_backend() -> None:
    """The SVG backend (with backend_bases: text, mathtext, widgets, patches, collections)
    cost the report's cold run 0.10–0.12 s, a sixth of the shipped report; `matplotlib.figure`
    (axes, projections, mplot3d, colorbar, legend…) 0.12 s more."""
    code = """if True:
        import datetime as dt, sys
        from pathlib import Path
        from sockprogress.periods import Month
        from sockprogress.pipeline import build_report
        from sockprogress.rendering.svgcharts import draw_charts
        from sockprogress.words.words import Words
        data = Path(sys.argv[1])
        report = build_report(data / "targets.toml", data / "actuals.xlsx", Month(2026, 10))
        assert draw_charts(report.targets[:1], Words.of()), "no chart drawn"
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("matplotlib", "mpl_toolkits")))
    """
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "data")],
        capture_output=True,
        text=True,
        check=True,
    )
    modules = ast.literal_eval(done.stdout)
    assert {"matplotlib.ticker", "matplotlib.font_manager", "matplotlib.markers"} <= set(modules)
    heavy = {"matplotlib.figure", "matplotlib.axes", "matplotlib.pyplot", "mpl_toolkits"}
    backend = {"matplotlib.backend_bases", "matplotlib.backends.backend_svg", "matplotlib.text"}
    assert heavy.isdisjoint(modules)
    assert backend.isdisjoint(modules)


def test_a_local_matplotlibrc_changes_no_chart(tmp_path: Path) -> None:
    """A matplotlibrc on the user's machine (bold fonts, half-filled markers, coarse path
    simplification…) leaves every chart as matplotlib's defaults draw it."""
    rc = tmp_path / "matplotlibrc"
    rc.write_text(
        "font.weight: bold\nfont.style: italic\nfont.size: 20\nmarkers.fillstyle: left\n"
        "lines.markeredgewidth: 2\nlines.linewidth: 5\npath.simplify_threshold: 0.5\n"
        "path.simplify: False\nsvg.fonttype: path\naxes.formatter.use_locale: True\n",
        encoding="utf-8",
    )
    code = """if True:
        import dataclasses, datetime as dt, math, sys
        from pathlib import Path
        from sockprogress.periods import Month
        from sockprogress.pipeline import build_report
        from sockprogress.rendering.svgcharts import draw_charts
        from sockprogress.words.words import Words
        data = Path(sys.argv[1])
        report = build_report(data / "targets.toml", data / "actuals.xlsx", Month(2026, 10))
        r = next(r for r in report.targets if r.observations)
        long = dataclasses.replace(r, target=dataclasses.replace(r.target, id="long"),
                                   observations=tuple(
            dataclasses.replace(r.observations[0], value=200 + 40 * math.sin(k / 4) + k % 3,
                                end=dt.date(2013, 1, 31) + dt.timedelta(days=30 * k))
            for k in range(150)))
        charts = draw_charts((*report.targets, long), Words.of("zh"))
        print(sum(1 for svg in charts.values() if "<use" in svg), len(charts))
        print("\\n".join(charts[k] for k in sorted(charts)))
    """

    def charts(env: dict[str, str]) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code, str(ROOT / "data")],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        return done.stdout

    plain = {k: v for k, v in os.environ.items() if k != "MATPLOTLIBRC"}
    default = charts(plain)
    with_markers, drawn = map(int, default.split("\n", 1)[0].split())
    assert with_markers == drawn == 7  # the six shipped charts and the long series, each drawn
    assert charts({**plain, "MATPLOTLIBRC": str(rc)}) == default


def test_the_page_draws_the_path_to_the_goal_the_workbook_draws(
    drawer: ChartDrawer, shipped_report: Report
) -> None:
    """A maintainer's reading: the workbook drew "path to the goal" as the curve of the growth a
    year the goal needs, the page as a straight line, under the same name. Both now draw
    outcome.required_path: 206 firms (June 2022) to 300 by 2025, a point at each year end."""
    from sockprogress.rendering.outcome import required_path

    firms = result(shipped_report, "xiaobeihe-sock-firms")
    path = required_path(firms)
    assert [d.isoformat() for d, _ in path] == [
        "2022-06-30",
        "2022-12-31",
        "2023-12-31",
        "2024-12-31",
        "2025-12-31",
    ]
    # compound: each whole year's step larger than the one before (a straight line's equal)
    steps = [b - a for (_, a), (_, b) in itertools.pairwise(path[1:])]
    assert steps == sorted(steps) and steps[0] < steps[-1]
    svg = drawer.svg(firms, Words.of("en"))
    (dashed,) = re.findall(r'<path d="([^"]*)"[^>]*stroke-dasharray: 4,2;', svg)
    assert dashed.count("L ") == len(path) - 1
