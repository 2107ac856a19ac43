"""Small inline SVG charts drawn with matplotlib: the actual series, the path to the goal.

matplotlib is imported only when a chart is drawn (the first `ChartDrawer()`), so reading,
judging and the Excel/JSON outputs never pay for it. One Figure is reused for every chart and
drawn straight on matplotlib's SVG renderer (no GUI backend, no pyplot, no savefig). The bytes
are deterministic: a fixed `svg.hashsalt` per target, no date metadata, text kept as text.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
from html import escape
from typing import TYPE_CHECKING, Any, Literal

from ..i18n import _
from ..model import ATTENTION, TargetResult
from .formatting import _number, date_text, scale_for, scaled, target_name

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

# Beyond this many targets a chart per card costs seconds and adds little: charts go to the
# targets most in need of attention, and the page says how many were drawn.
MAX_CHARTS = 60

ACTUAL, PATH, GOAL, DEADLINE = "#1565c0", "#6b6b6b", "#2e7d32", "#b71c1c"
RC: Any = {  # typed loosely: matplotlib types the keys as a long Literal
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.edgecolor": "#555555",
    "axes.linewidth": 0.6,
    "path.simplify": True,
}
# The ticks as matplotlib drew them with RC and `tick_params(length=3, pad=2)`: the label sits
# pad + tick length (5 pt) from the axis; the year labels were minor ticks of length 0 and the
# default minor pad, 3.4 pt.
TICK_COLOR, TICK_LENGTH, TICK_WIDTH, TICK_ZORDER = "#333333", 3.0, 0.8, 1.5
X_LABEL_PAD, Y_LABEL_PAD = 3.4, 5.0
# Labels made up front: the most a chart shows (7 years; MaxNLocator(4) keeps 5 in the limits).
X_LABELS, Y_LABELS = 7, 5
NO_METADATA = {"Date": None, "Creator": None}  # no date: the same chart gives the same bytes
TEXT_SIZES = 4096  # text sizes remembered across charts (a few hundred labels at most)
_SVG_HEAD = re.compile(r"\A.*?(<svg\b)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_GROUP_ID = re.compile(r'<g id="[^"]*"(/?)>')
_STYLE = re.compile(r"<defs>\s*<style[^>]*>[^<]*</style>\s*</defs>")
_BLANKS = re.compile(r">\s+<")
_SIZE = re.compile(r' (width|height)="[^"]*pt"')


@functools.cache
def _renderer_class() -> Any:
    """matplotlib's RendererSVG, remembering the size of a text from one chart to the next.

    Text is laid out with its size measured by FreeType, and matplotlib keeps the sizes for
    one renderer only, so each chart measured its labels again: a quarter of its time. The
    labels repeat (years, 0, 1.5, 3…); their sizes depend only on the text and its font.
    Typed loosely: matplotlib's backends ship no type hints.
    """
    from matplotlib.backends.backend_svg import RendererSVG

    sizes: dict[tuple[str, Any, Any], Any] = {}

    class Renderer(RendererSVG):
        def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any) -> Any:
            key = (s, prop.copy(), ismath)  # a copy: FontProperties is mutable, hashed by value
            if key not in sizes:
                if len(sizes) >= TEXT_SIZES:
                    sizes.clear()
                measure = super().get_text_width_height_descent
                sizes[key] = measure(s, prop, ismath)  # type: ignore[no-untyped-call]
            return sizes[key]

    return Renderer


def _within(values: list[float], low: float, high: float) -> list[float]:
    """The values in [low, high], as matplotlib's Axis keeps ticks: a hair of rounding allowed."""
    slack = (high - low) * 1e-10
    return [v for v in values if low - slack <= v <= high + slack]


def _year(day: dt.date) -> float:
    """A date as a decimal year, so the axis needs no date machinery."""
    start = dt.date(day.year, 1, 1)
    return day.year + (day - start).days / 365.25


def chartable(result: TargetResult) -> bool:
    return bool(result.observations) or result.baseline is not None


def chosen_for_charts(results: tuple[TargetResult, ...], limit: int = MAX_CHARTS) -> set[str]:
    """Target ids that get a chart: all when few, else the `limit` most in need of attention."""
    candidates = [r for r in results if chartable(r)]
    if len(candidates) > limit:
        candidates = sorted(candidates, key=lambda r: ATTENTION[r.status])[:limit]
    return {r.target.id for r in candidates}


class ChartDrawer:
    """Draws one target at a time on a single reused Figure.

    The axes, ticks and lines are made once and only their data change per chart: building
    and laying out artists is most of matplotlib's cost, and `Axes.clear()` would rebuild them.
    """

    def __init__(self) -> None:
        import matplotlib

        with matplotlib.rc_context(RC):  # styles are read when artists are made
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
        # matplotlib's Axis makes, lays out and measures a Tick (two lines, two texts) per tick
        # on every draw: four fifths of a chart's time. It is hidden; the ticks are drawn as it
        # drew them by a line of tick markers and a few reused texts per axis.
        ax.xaxis.set_visible(False)
        ax.yaxis.set_visible(False)
        self.x_ticks = _Ticks(self.figure, ax, "x")
        self.y_ticks = _Ticks(self.figure, ax, "y")
        self.y_locator = MaxNLocator(nbins=4)

    def svg(self, result: TargetResult, lang: str = "en") -> str:
        """The chart as an `<svg role="img">` element with a text label; same input, same bytes."""
        import matplotlib

        with matplotlib.rc_context({**RC, "svg.hashsalt": f"sockprogress:{result.target.id}"}):
            self._draw(result, lang)
            buffer = io.StringIO()
            # What `savefig(format="svg")` does, the same bytes, without its canvas switching
            # and option handling (a sixth of a chart's time): the figure drawn at 72 dpi on
            # matplotlib's SVG renderer.
            width, height = self.figure.get_size_inches() * 72
            renderer = _renderer_class()(width, height, buffer, metadata=NO_METADATA)
            self.figure.draw(renderer)
            renderer.finalize()
        return self._tidy(buffer.getvalue(), result, lang)

    def _draw(self, result: TargetResult, lang: str) -> None:
        t, ax = result.target, self.axes
        points = [(_year(o.end), o.value) for o in result.observations]
        base = result.baseline
        values = [v for _, v in points] + [t.target] + ([base.value] if base else [])
        divisor, _ = scale_for(max(abs(v) for v in values), lang)
        self.goal.set_ydata([t.target, t.target])
        self.deadline.set_xdata([_year(t.deadline)] * 2)
        if base is not None and base.end < t.deadline:
            self.path.set_data([_year(base.end), _year(t.deadline)], [base.value, t.target])
        else:
            self.path.set_data([], [])
        self.actual.set_data([x for x, _ in points], [v for _, v in points])
        xs = [x for x, _ in points] + [_year(t.deadline)] + ([_year(base.end)] if base else [])
        # At least two years wide, whole years at the edges, a tick a year up to six years.
        low, high = min(xs), max(xs)
        low = min(math.floor(low - 0.15), math.floor(high) - 2)
        high = max(math.ceil(high - 0.01), low + 2)
        ax.set_xlim(low - 0.06, high + 0.06)
        step = max(1, math.ceil((high - low) / 7))
        ax.set_ylim(min(0.0, *values) * 1.1, max(values) * 1.12)
        # Ticks mark the turn of each year and the year's label sits mid-year, inside its band:
        # a year total (ending 31 Dec) then reads as that year, not the next. Like matplotlib's
        # Axis, only the ticks within the limits (as set, or as matplotlib widened them).
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
        self.y_ticks.show(at, at, [_number(y / divisor, lang) for y in ys])

    @staticmethod
    def _tidy(svg: str, result: TargetResult, lang: str) -> str:
        """Inline-ready: no XML prolog or metadata, scalable, named for screen readers."""
        t = result.target
        name = _("{name}: actual values against the goal of {goal} by {deadline}", lang).format(
            name=target_name(t, lang),
            goal=scaled(t.target, t.unit, lang),
            deadline=date_text(t.deadline, lang),
        )
        svg = _METADATA.sub("", _SVG_HEAD.sub(r"\1", svg, count=1), count=1)
        svg = _SIZE.sub("", svg, count=2)
        # Group ids (figure_1, axes_1…) repeat in every chart; the page needs unique ids, and the
        # salted ids of markers and clip paths are unique per target already.
        # Its `*{…}` style would leak into the whole page, so it goes too.
        svg = _BLANKS.sub("><", _GROUP_ID.sub(r"<g\1>", _STYLE.sub("", svg, count=1)))
        svg = svg.replace("<g/>", "")
        return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(name)}" ', 1)


class _Ticks:
    """One axis's ticks as matplotlib's Axis drew them, without its per-tick artists.

    The tick marks are one line of tick markers (`TICKDOWN`, `TICKLEFT`) in the axis's blended
    transform (data along the axis, axes across it); the labels are a pool of texts made once
    and reused, offset from the axis by `pad` points and aligned as matplotlib aligns them.
    """

    def __init__(self, figure: Figure, ax: Axes, axis: Literal["x", "y"]) -> None:
        from matplotlib.lines import Line2D
        from matplotlib.markers import TICKDOWN, TICKLEFT
        from matplotlib.transforms import offset_copy

        self.axes = ax
        along_x = axis == "x"
        transform = ax.get_xaxis_transform() if along_x else ax.get_yaxis_transform()
        # Typed loosely: matplotlib's stubs type TICKDOWN as int, a marker as a Literal.
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
        """Tick marks at `marks`, and `texts` at `at`; the unused labels hidden."""
        self.marks.set_data([x for x, _ in marks], [y for _, y in marks])
        self._grow(len(at))  # more labels than the axis ever needs would still be shown
        for i, label in enumerate(self.labels):
            label.set_visible(i < len(at))
            if i < len(at):
                label.set_position(at[i])
                label.set_text(texts[i])


def unit_caption(result: TargetResult, lang: str = "en") -> str:
    """What the vertical axis counts in: `bn pairs`, `亿双`."""
    t, base = result.target, result.baseline
    values = [o.value for o in result.observations] + [t.target] + ([base.value] if base else [])
    _, suffix = scale_for(max(abs(v) for v in values), lang)
    unit = scaled(1, t.unit, lang)[1:].strip() if t.unit else ""
    return (suffix.strip() + (" " if lang == "en" and suffix else "") + unit).strip()


def draw_charts(
    results: tuple[TargetResult, ...], lang: str = "en", limit: int = MAX_CHARTS
) -> dict[str, Any]:
    """SVG text per chosen target id; nothing is imported when no target gets a chart."""
    chosen = chosen_for_charts(results, limit)
    if not chosen:
        return {}
    drawer = ChartDrawer()
    return {r.target.id: drawer.svg(r, lang) for r in results if r.target.id in chosen}
