"""The charts as matplotlib's Figure and Axes drew them: the oracle of the charts' look.

The drawer of `sockprogress.rendering.svgcharts` before it drew on the SVG renderer directly
(to spare the report the import of `matplotlib.figure`), kept as it was, with `savefig`:
a line, a tick or a label that moves, changes colour or order differs from these bytes.
"""

from __future__ import annotations

import io
import math
import re
from typing import TYPE_CHECKING, Any, Literal

from sockprogress.model import TargetResult
from sockprogress.rendering.outcome import required_path
from sockprogress.rendering.svgcharts import (
    ACTUAL,
    DEADLINE,
    GOAL,
    PATH,
    ChartDrawer,
    _within,
    _year,
)
from sockprogress.words.words import Words

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

NO_METADATA = {"Date": None, "Creator": None}  # no date: the same chart gives the same bytes
_SVG_HEAD = re.compile(r"\A.*?(<svg\b)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_GROUP_ID = re.compile(r'<g id="[^"]*"(/?)>')
_STYLE = re.compile(r"<defs>\s*<style[^>]*>[^<]*</style>\s*</defs>")
_BLANKS = re.compile(r">\s+<")
_SIZE = re.compile(r' (width|height)="[^"]*pt"')


def tidy(svg: str) -> str:
    """savefig's SVG as the page inlines it: no XML prolog, metadata, size, group ids (figure_1,
    axes_1… would repeat on the page) or `*{…}` style (it would leak into the whole page)."""
    svg = _METADATA.sub("", _SVG_HEAD.sub(r"\1", svg, count=1), count=1)
    svg = _SIZE.sub("", svg, count=2)
    svg = _BLANKS.sub("><", _GROUP_ID.sub(r"<g\1>", _STYLE.sub("", svg, count=1)))
    return svg.replace("<g/>", "")


RC: Any = {
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.edgecolor": "#555555",
    "axes.linewidth": 0.6,
    "path.simplify": True,
}
TICK_COLOR, TICK_LENGTH, TICK_WIDTH, TICK_ZORDER = "#333333", 3.0, 0.8, 1.5
X_LABEL_PAD, Y_LABEL_PAD = 3.4, 5.0
X_LABELS, Y_LABELS = 7, 5


class AxesChartDrawer:
    """One reused Figure; the Axis hidden, its ticks drawn as it drew them (see `_Ticks`)."""

    def __init__(self) -> None:
        import matplotlib
        import matplotlib.style

        # matplotlib's defaults, not a developer's matplotlibrc: the charts take nothing from it
        with matplotlib.style.context("default"), matplotlib.rc_context(RC):
            self._build()

    def _build(self) -> None:
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator

        self.figure: Figure = Figure(figsize=(4.4, 2.0), dpi=72)
        self.figure.subplots_adjust(left=0.11, right=0.98, top=0.95, bottom=0.14)
        ax: Axes = self.figure.add_subplot()
        self.axes = ax
        self.goal = ax.axhline(0, color=GOAL, linestyle=(0, (1, 1.5)), linewidth=1.2)
        self.deadline = ax.axvline(0, color=DEADLINE, linestyle=(0, (3, 2)), linewidth=0.9)
        (self.path,) = ax.plot([], [], color=PATH, linestyle=(0, (4, 2)), linewidth=1)
        (self.actual,) = ax.plot([], [], color=ACTUAL, linewidth=1.8, marker="o", markersize=3.5)
        ax.spines[["top", "right"]].set_visible(False)
        ax.xaxis.set_visible(False)
        ax.yaxis.set_visible(False)
        self.x_ticks = _Ticks(self.figure, ax, "x")
        self.y_ticks = _Ticks(self.figure, ax, "y")
        self.y_locator = MaxNLocator(nbins=4)

    def svg(self, result: TargetResult, words: Words) -> str:
        import matplotlib
        import matplotlib.style

        salt: Any = {"svg.hashsalt": f"sockprogress:{result.target.id}"}
        with matplotlib.style.context("default"), matplotlib.rc_context({**RC, **salt}):
            self._draw(result, words)
            buffer = io.StringIO()
            self.figure.savefig(buffer, format="svg", metadata=NO_METADATA)
        return ChartDrawer.named(tidy(buffer.getvalue()), result, words)

    def _draw(self, result: TargetResult, words: Words) -> None:
        t, ax = result.target, self.axes
        points = [(_year(o.end), o.value) for o in result.observations]
        base = result.baseline
        values = [v for _, v in points] + [t.target] + ([base.value] if base else [])
        divisor, _ = words.scale_for(max(abs(v) for v in values))
        self.goal.set_ydata([t.target, t.target])
        self.deadline.set_xdata([_year(t.deadline)] * 2)
        path = required_path(result)  # data the page and the workbook share, not drawing
        self.path.set_data([_year(d) for d, _ in path], [v for _, v in path])
        self.actual.set_data([x for x, _ in points], [v for _, v in points])
        xs = [x for x, _ in points] + [_year(t.deadline)] + ([_year(base.end)] if base else [])
        low, high = min(xs), max(xs)
        low = min(math.floor(low - 0.15), math.floor(high) - 2)
        high = max(math.ceil(high - 0.01), low + 2)
        ax.set_xlim(low - 0.06, high + 0.06)
        step = max(1, math.ceil((high - low) / 7))
        ax.set_ylim(min(0.0, *values) * 1.1, max(values) * 1.12)
        x_low, x_high = ax.get_xlim()
        years = [
            float(k * step) for k in range(math.floor(x_low / step), math.ceil(x_high / step) + 1)
        ]
        mid_years = _within([year + 0.5 for year in years], x_low, x_high)
        self.x_ticks.show(
            [(x, 0.0) for x in _within(years, x_low, x_high)],
            [(x, 0.0) for x in mid_years],
            [f"{math.floor(x):d}" for x in mid_years],
        )
        y_low, y_high = ax.get_ylim()
        ys = _within([float(y) for y in self.y_locator.tick_values(y_low, y_high)], y_low, y_high)
        at = [(0.0, y) for y in ys]
        self.y_ticks.show(at, at, [words.plain(y / divisor) for y in ys])


class _Ticks:
    """Tick markers in the axis's blended transform, labels a pad off it, as the Axis drew them."""

    def __init__(self, figure: Figure, ax: Axes, axis: Literal["x", "y"]) -> None:
        from matplotlib.lines import Line2D
        from matplotlib.markers import TICKDOWN, TICKLEFT
        from matplotlib.transforms import offset_copy

        self.axes = ax
        along_x = axis == "x"
        transform = ax.get_xaxis_transform() if along_x else ax.get_yaxis_transform()
        marker: Any = TICKDOWN if along_x else TICKLEFT
        self.marks = Line2D(
            [],
            [],
            marker=marker,
            linestyle="none",
            color=TICK_COLOR,
            markersize=TICK_LENGTH,
            markeredgewidth=TICK_WIDTH,
            transform=transform,
            clip_on=False,
            zorder=TICK_ZORDER,
        )
        ax.add_artist(self.marks)
        pad = X_LABEL_PAD if along_x else Y_LABEL_PAD
        self.text_transform = offset_copy(
            transform,
            fig=figure,
            x=0 if along_x else -pad,
            y=-pad if along_x else 0,
            units="points",
        )
        self.align = ("center", "top") if along_x else ("right", "center_baseline")
        self.labels: list[Text] = []
        self._grow(X_LABELS if along_x else Y_LABELS)

    def _grow(self, count: int) -> None:
        ha, va = self.align
        while len(self.labels) < count:
            self.labels.append(
                self.axes.text(
                    0,
                    0,
                    "",
                    transform=self.text_transform,
                    ha=ha,
                    va=va,
                    color=TICK_COLOR,
                    clip_on=False,
                    zorder=TICK_ZORDER,
                    visible=False,
                )
            )

    def show(
        self,
        marks: list[tuple[float, float]],
        at: list[tuple[float, float]],
        texts: list[str],
    ) -> None:
        self.marks.set_data([x for x, _ in marks], [y for _, y in marks])
        self._grow(len(at))
        for i, label in enumerate(self.labels):
            label.set_visible(i < len(at))
            if i < len(at):
                label.set_position(at[i])
                label.set_text(texts[i])
