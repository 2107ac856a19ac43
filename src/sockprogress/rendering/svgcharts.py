"""Small inline SVG charts drawn with matplotlib: the actual series, the path to the goal.

matplotlib is imported only when a chart is drawn (the first `ChartDrawer()`), so reading,
judging and the Excel/JSON outputs never pay for it. The bytes are deterministic: a fixed
`svg.hashsalt` per target, no date metadata, text kept as text.

No Figure, Axes or pyplot: the chart is drawn straight on matplotlib's SVG renderer through the
API matplotlib documents for backends (`draw_path`, `draw_markers`, `draw_text`, a graphics
context per element), with `Path`, `transforms` and `MarkerStyle`. Importing
`matplotlib.figure` pulls in the axes, projections (polar, geo, mplot3d), colorbars, legends,
contours…: measured cold, the report's import floor took 577 ms, 852 ms with
`matplotlib.figure` and the SVG backend, 727 ms with the SVG backend, lines and text only. Each
element below is drawn as matplotlib's artist drew it (the same paths, transforms, styles and
order), so the bytes are those the Figure gave.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..model import ATTENTION, TargetResult
from ..words.words import Words

if TYPE_CHECKING:
    from matplotlib.font_manager import FontProperties
    from matplotlib.markers import MarkerStyle
    from matplotlib.text import Text
    from matplotlib.ticker import MaxNLocator
    from matplotlib.transforms import BboxBase, Transform

# Beyond this many targets a chart per card costs seconds and adds little: charts go to the
# targets most in need of attention, and the page says how many were drawn.
MAX_CHARTS = 60

ACTUAL, PATH, GOAL, DEADLINE = "#1565c0", "#6b6b6b", "#2e7d32", "#b71c1c"
RC: Any = {  # typed loosely: matplotlib types the keys as a long Literal
    "svg.fonttype": "none",
    "path.simplify": True,
}
# The figure: 4.4 x 2 in at 72 dpi (a point a unit), the axes box within it as fractions of it
# (what `subplots_adjust(left=0.11, right=0.98, top=0.95, bottom=0.14)` set).
SIZE, DPI = (4.4, 2.0), 72
LEFT, RIGHT, TOP, BOTTOM = 0.11, 0.98, 0.95, 0.14
FONT, FONT_SIZE = "DejaVu Sans", 9.0
WHITE = (1.0, 1.0, 1.0, 1.0)
SPINE_COLOR, SPINE_WIDTH = "#555555", 0.6
# The ticks as matplotlib drew them with `tick_params(length=3, pad=2)`: the label sits
# pad + tick length (5 pt) from the axis; the year labels were minor ticks of length 0 and the
# default minor pad, 3.4 pt.
TICK_COLOR, TICK_LENGTH, TICK_WIDTH = "#333333", 3.0, 0.8
X_LABEL_PAD, Y_LABEL_PAD = 3.4, 5.0
NO_METADATA = {"Date": None, "Creator": None}  # no date: the same chart gives the same bytes
TEXT_SIZES = 4096  # text sizes remembered across charts (a few hundred labels at most)
_SVG_HEAD = re.compile(r"\A.*?(<svg\b)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_GROUP_ID = re.compile(r'<g id="[^"]*"(/?)>')
_STYLE = re.compile(r"<defs>\s*<style[^>]*>[^<]*</style>\s*</defs>")
_BLANKS = re.compile(r">\s+<")
_SIZE = re.compile(r' (width|height)="[^"]*pt"')

Renderer = Any  # matplotlib's backends ship no type hints


@functools.cache
def _renderer_class() -> Any:
    """matplotlib's RendererSVG, remembering the size of a text from one chart to the next.

    Text is laid out with its size measured by FreeType, and matplotlib keeps the sizes for
    one renderer only, so each chart measured its labels again: a quarter of its time. The
    labels repeat (years, 0, 1.5, 3…); their sizes depend only on the text and its font.
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


def _limits(low: float, high: float, locator: MaxNLocator) -> tuple[float, float]:
    """The view limits as `Axes.set_xlim` kept them: an empty range widened by the locator (the
    Axes also warned), the order kept (all values below zero reverse the value axis, as before)."""
    reverse = low > high
    low, high = locator.nonsingular(low, high)
    return (high, low) if reverse else (low, high)


class _View(NamedTuple):
    """One chart's transforms to points: from the data, and the two blended ones of the axes
    (data along x and axes fraction up; axes fraction along x and data up)."""

    data: Transform
    x_axis: Transform
    y_axis: Transform


class _Frame:
    """The figure and its axes box, in points from the bottom left, as Figure and Axes had them.

    `add_subplot` placed the box at `left + (right - left)`, `top - (top - bottom)` of the
    figure: the same sums and transforms here give the same floats, hence the same coordinates
    and the same clip-path id in the SVG.
    """

    def __init__(self) -> None:
        from matplotlib.transforms import Affine2D, Bbox, BboxTransformTo, TransformedBbox

        figure_box = TransformedBbox(Bbox.from_bounds(0, 0, *SIZE), Affine2D().scale(DPI))
        self.figure = BboxTransformTo(figure_box)  # figure fraction to points
        position = Bbox.from_extents(LEFT, TOP - (TOP - BOTTOM), LEFT + (RIGHT - LEFT), TOP)
        self.box = TransformedBbox(position, self.figure)  # the axes box, lines clip to it
        self.axes = BboxTransformTo(self.box)  # axes fraction to points
        self.width, self.height = figure_box.width, figure_box.height

    def view(self, xlim: tuple[float, float], ylim: tuple[float, float]) -> _View:
        from matplotlib.transforms import Bbox, BboxTransformFrom, blended_transform_factory

        data = BboxTransformFrom(Bbox([[xlim[0], ylim[0]], [xlim[1], ylim[1]]])) + self.axes
        return _View(
            data,
            blended_transform_factory(data, self.axes),
            blended_transform_factory(self.axes, data),
        )


def _background(renderer: Renderer, transform: Transform) -> None:
    """A white unstroked rectangle over the unit square, as the figure and axes patches were."""
    from matplotlib.path import Path

    renderer.open_group("patch")
    gc = renderer.new_gc()
    gc.set_linewidth(0)
    renderer.draw_path(gc, Path.unit_rectangle(), transform.get_affine(), WHITE)
    gc.restore()
    renderer.close_group("patch")


def _spine(renderer: Renderer, ends: list[tuple[float, float]], transform: Transform) -> None:
    """An axis line as matplotlib's Spine drew it: square caps, mitred, not clipped."""
    from matplotlib.path import Path

    renderer.open_group("patch")
    gc = renderer.new_gc()
    gc.set_foreground(SPINE_COLOR)
    gc.set_linewidth(SPINE_WIDTH)
    gc.set_capstyle("projecting")
    gc.set_joinstyle("miter")
    renderer.draw_path(gc, Path(ends), transform.get_affine())
    gc.restore()
    renderer.close_group("patch")


class _Line:
    """A series as matplotlib's Line2D drew it: a stroke, then a marker at each point.

    Without `width` there is no stroke (the tick marks); dashes are scaled by the line width
    (matplotlib's `lines.scale_dashes`); a solid line has square caps, a dashed one butt caps.
    """

    def __init__(
        self,
        color: str,
        width: float | None = None,
        dashes: tuple[float, float] | None = None,
        marker: MarkerStyle | None = None,
        marker_size: float = 0.0,
        marker_edge: float = 1.0,
    ) -> None:
        self.color, self.width, self.dashes = color, width, dashes
        self.marker, self.marker_size, self.marker_edge = marker, marker_size, marker_edge

    def draw(
        self,
        renderer: Renderer,
        points: Sequence[tuple[float, float]],
        transform: Transform,
        clip: BboxBase | None = None,
    ) -> None:
        """Nothing for no points; `clip`, the box the stroke and markers are clipped to."""
        import numpy as np
        from matplotlib.path import Path
        from matplotlib.transforms import Affine2D

        if not points:
            return
        # A Path made as Line2D made it: simplified when long (`path.simplify`), not otherwise.
        path = Path(np.asarray(points, dtype=float))
        affine = transform.get_affine()
        renderer.open_group("line2d")
        if self.width is not None:
            gc = self._gc(renderer, clip, self.width)
            if self.dashes is None:
                gc.set_capstyle("projecting")
            else:
                gc.set_dashes(0.0, [d * self.width for d in self.dashes])
            renderer.draw_path(gc, path, affine)
            gc.restore()
        if self.marker is not None:
            gc = self._gc(renderer, clip, self.marker_edge)
            gc.set_joinstyle(self.marker.get_joinstyle())
            gc.set_capstyle(self.marker.get_capstyle())
            shape = Affine2D(self.marker.get_transform().get_matrix()).scale(self.marker_size)
            face = gc.get_rgb()  # markers filled with the line's colour
            renderer.draw_markers(gc, self.marker.get_path(), shape, path, affine, face)
            gc.restore()
        renderer.close_group("line2d")

    def _gc(self, renderer: Renderer, clip: BboxBase | None, width: float) -> Any:
        gc = renderer.new_gc()
        if clip is not None:
            gc.set_clip_rectangle(clip)
        gc.set_foreground(self.color)
        gc.set_linewidth(width)
        return gc


class _Label:
    """Text in one line, placed as matplotlib's Text placed it (unrotated) and kept as text.

    A line rises at least the font's typographic ascent above its baseline (so "2024" and "lp"
    sit alike: matplotlib 3.11's rule; up to 3.10 Text measured "lp", 0.0007 pt higher here);
    `ha`, `va` say which point of the line is at the anchor. The anchor also goes
    to the renderer (a Text it reads the anchor and alignment from), which writes the text at
    it with an SVG `text-anchor`, so the browser centres or ends it with its own font metrics.
    """

    def __init__(
        self,
        ha: Literal["center", "right"],
        va: Literal["top", "center_baseline"],
        prop: FontProperties,
    ) -> None:
        from matplotlib.text import Text

        self.ha, self.va, self.prop = ha, va, prop
        self.min_ascent = _font_ascent(prop)
        self.anchor: Text = Text(0, 0, "", ha=ha, va=va)

    def draw(self, renderer: Renderer, text: str, x: float, y: float) -> None:
        """`text` anchored at (x, y), in points from the bottom left."""
        width, height, descent = renderer.get_text_width_height_descent(text, self.prop, False)
        ascent = max(height - descent, self.min_ascent)
        left = x - (width / 2 if self.ha == "center" else width)
        # The baseline: the top of the line at the anchor, or the middle of its ascent.
        baseline = y - ascent if self.va == "top" else y - ascent / 2
        renderer.open_group("text")
        gc = renderer.new_gc()
        gc.set_foreground(TICK_COLOR)
        self.anchor.set_position((x, y))
        self.anchor.set_text(text)
        _, canvas_height = renderer.get_canvas_width_height()
        renderer.draw_text(
            gc, left, canvas_height - baseline, text, self.prop, 0.0, False, mtext=self.anchor
        )
        gc.restore()
        renderer.close_group("text")


def _font_ascent(prop: FontProperties) -> float:
    """The font's typographic ascent in points: the least a line rises above its baseline.

    Read from the font's OS/2 (else hhea) table, as matplotlib's Text reads it.
    """
    from matplotlib.font_manager import findfont, get_font

    font = get_font([findfont(prop)])
    for table_name, key in (("OS/2", "sTypoAscender"), ("hhea", "ascent")):
        table: Any = font.get_sfnt_table(table_name)  # type: ignore[call-overload]
        if table is not None:
            head: Any = font.get_sfnt_table("head")
            scale = 1 / head["unitsPerEm"] * prop.get_size_in_points() * DPI / 72  # its order
            return float(table[key] * scale)
    return 0.0  # no table: the line rises as high as its own glyphs


class _Ticks:
    """One axis's ticks as matplotlib's Axis drew them: a tick marker (`TICKDOWN`,
    `TICKLEFT`) at each mark on the axis, and labels `pad` points off the axis."""

    def __init__(self, axis: Literal["x", "y"], prop: FontProperties) -> None:
        from matplotlib.markers import TICKDOWN, TICKLEFT, MarkerStyle

        self.along_x = axis == "x"
        marker = MarkerStyle(TICKDOWN if self.along_x else TICKLEFT)
        self.marks = _Line(TICK_COLOR, None, None, marker, TICK_LENGTH, TICK_WIDTH)
        if self.along_x:
            self.label = _Label("center", "top", prop)
        else:
            self.label = _Label("right", "center_baseline", prop)

    def draw(
        self,
        renderer: Renderer,
        transform: Transform,
        marks: list[tuple[float, float]],
        at: list[tuple[float, float]],
        texts: list[str],
    ) -> None:
        """Tick marks at `marks`, and `texts` at `at`, in `transform` (the axis's blended one)."""
        from matplotlib.transforms import Affine2D, ScaledTranslation

        self.marks.draw(renderer, marks, transform)
        # What `offset_copy(transform, x, y, units="points")` makes: the pad, in points.
        dx, dy = (0, -X_LABEL_PAD) if self.along_x else (-Y_LABEL_PAD, 0)
        shifted = transform + ScaledTranslation(dx / 72.0, dy / 72.0, Affine2D().scale(DPI))
        for point, text in zip(at, texts, strict=True):
            x, y = shifted.transform(point)
            self.label.draw(renderer, text, x, y)


class ChartDrawer:
    """Draws one target at a time; the elements are made once, only their data change."""

    def __init__(self) -> None:
        from matplotlib.font_manager import FontProperties
        from matplotlib.markers import MarkerStyle
        from matplotlib.ticker import MaxNLocator

        self.frame = _Frame()
        # Drawn in this order, as matplotlib ordered the artists (z-order, then as added).
        self.goal = _Line(GOAL, 1.2, dashes=(1, 1.5))
        self.deadline = _Line(DEADLINE, 0.9, dashes=(3, 2))
        self.path = _Line(PATH, 1.0, dashes=(4, 2))
        self.actual = _Line(ACTUAL, 1.8, marker=MarkerStyle("o"), marker_size=3.5)
        prop = FontProperties(family=FONT, size=FONT_SIZE)
        self.x_ticks = _Ticks("x", prop)
        self.y_ticks = _Ticks("y", prop)
        self.locator = MaxNLocator(nbins=4)

    def svg(self, result: TargetResult, words: Words) -> str:
        """The chart as an `<svg role="img">` element with a text label; same input, same bytes."""
        import matplotlib

        with matplotlib.rc_context({**RC, "svg.hashsalt": f"sockprogress:{result.target.id}"}):
            buffer = io.StringIO()
            frame = self.frame
            renderer = _renderer_class()(frame.width, frame.height, buffer, metadata=NO_METADATA)
            self._draw(renderer, result, words)
            renderer.finalize()
        return self._tidy(buffer.getvalue(), result, words)

    def _draw(self, renderer: Renderer, result: TargetResult, words: Words) -> None:
        t, frame = result.target, self.frame
        points = [(_year(o.end), o.value) for o in result.observations]
        base = result.baseline
        values = [v for _, v in points] + [t.target] + ([base.value] if base else [])
        divisor, _ = words.scale_for(max(abs(v) for v in values))
        xs = [x for x, _ in points] + [_year(t.deadline)] + ([_year(base.end)] if base else [])
        # At least two years wide, whole years at the edges, a tick a year up to six years.
        low, high = min(xs), max(xs)
        low = min(math.floor(low - 0.15), math.floor(high) - 2)
        high = max(math.ceil(high - 0.01), low + 2)
        x_low, x_high = _limits(low - 0.06, high + 0.06, self.locator)
        step = max(1, math.ceil((high - low) / 7))
        y_low, y_high = _limits(min(0.0, *values) * 1.1, max(values) * 1.12, self.locator)
        view = frame.view((x_low, x_high), (y_low, y_high))

        renderer.open_group("figure")
        _background(renderer, frame.figure)
        renderer.open_group("axes")
        _background(renderer, frame.axes)
        # Ticks mark the turn of each year and the year's label sits mid-year, inside its band:
        # a year total (ending 31 Dec) then reads as that year, not the next. Like matplotlib's
        # Axis, only the ticks within the limits.
        years = [
            float(k * step) for k in range(math.floor(x_low / step), math.ceil(x_high / step) + 1)
        ]
        mid_years = _within([year + 0.5 for year in years], x_low, x_high)
        self.x_ticks.draw(
            renderer,
            view.x_axis,
            [(x, 0.0) for x in _within(years, x_low, x_high)],
            [(x, 0.0) for x in mid_years],
            [f"{math.floor(x):d}" for x in mid_years],
        )
        ys = _within([float(y) for y in self.locator.tick_values(y_low, y_high)], y_low, y_high)
        at = [(0.0, y) for y in ys]
        self.y_ticks.draw(renderer, view.y_axis, at, at, [words.plain(y / divisor) for y in ys])

        self.goal.draw(renderer, [(0.0, t.target), (1.0, t.target)], view.y_axis, frame.box)
        deadline = _year(t.deadline)
        self.deadline.draw(renderer, [(deadline, 0.0), (deadline, 1.0)], view.x_axis, frame.box)
        if base is not None and base.end < t.deadline:
            path = [(_year(base.end), base.value), (deadline, t.target)]
            self.path.draw(renderer, path, view.data, frame.box)
        self.actual.draw(renderer, points, view.data, frame.box)
        _spine(renderer, [(0.0, y_low), (0.0, y_high)], view.y_axis)  # left
        _spine(renderer, [(x_low, 0.0), (x_high, 0.0)], view.x_axis)  # bottom
        renderer.close_group("axes")
        renderer.close_group("figure")

    @staticmethod
    def _tidy(svg: str, result: TargetResult, words: Words) -> str:
        """Inline-ready: no XML prolog or metadata, scalable, named for screen readers."""
        t = result.target
        name = words("{name}: actual values against the goal of {goal} by {deadline}").format(
            name=words.target_name(t),
            goal=words.scaled(t.target, t.unit),
            deadline=words.date(t.deadline),
        )
        svg = _METADATA.sub("", _SVG_HEAD.sub(r"\1", svg, count=1), count=1)
        svg = _SIZE.sub("", svg, count=2)
        # Group ids (figure_1, axes_1…) repeat in every chart; the page needs unique ids, and the
        # salted ids of markers and clip paths are unique per target already.
        # Its `*{…}` style would leak into the whole page, so it goes too.
        svg = _BLANKS.sub("><", _GROUP_ID.sub(r"<g\1>", _STYLE.sub("", svg, count=1)))
        svg = svg.replace("<g/>", "")
        return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(name)}" ', 1)


def unit_caption(result: TargetResult, words: Words) -> str:
    """What the vertical axis counts in: `bn pairs`, `亿双`."""
    t, base = result.target, result.baseline
    values = [o.value for o in result.observations] + [t.target] + ([base.value] if base else [])
    _, suffix = words.scale_for(max(abs(v) for v in values))
    unit = words.scaled(1, t.unit)[1:].strip() if t.unit else ""
    # a suffix written apart from its number (" bn") stands apart from the unit too: "bn pairs"
    gap = " " if suffix[:1] == " " else ""
    return (suffix.strip() + gap + unit).strip()


def draw_charts(
    results: tuple[TargetResult, ...], words: Words, limit: int = MAX_CHARTS
) -> dict[str, Any]:
    """SVG text per chosen target id; nothing is imported when no target gets a chart."""
    chosen = chosen_for_charts(results, limit)
    if not chosen:
        return {}
    drawer = ChartDrawer()
    return {r.target.id: drawer.svg(r, words) for r in results if r.target.id in chosen}
