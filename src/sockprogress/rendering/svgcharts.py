"""Small inline SVG charts drawn with matplotlib: the actual series, the path to the goal.

matplotlib is imported only when a chart is drawn (the first `ChartDrawer()`), so reading,
judging and the Excel/JSON outputs never pay for it. The bytes are deterministic: a salt per
target for the ids, no date metadata, text kept as text.

No Figure, Axes or pyplot, and no SVG backend: matplotlib lays the chart out (`transforms`,
`Path`, `MarkerStyle`, `MaxNLocator`, FreeType's text sizes) and turns each path into SVG
path data (`_path.convert_to_string`, what its SVG, PDF and PS backends call, clipping and
simplifying as they do); `_Canvas` writes the elements around them as matplotlib's
`RendererSVG` wrote them. Measured cold, the SVG backend cost 0.10–0.12 s (it imports
`backend_bases`, hence text, mathtext, widgets, patches and collections), `matplotlib.figure`
0.12 s more; what is used here, under 0.01 s. Each
element is drawn as matplotlib's artist drew it (the same paths, transforms, styles and
order), so the bytes are those the Figure gave (tests/html/axes_charts.py is the oracle).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import math
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..model import ATTENTION, TargetResult
from ..words.words import Words
from .outcome import by_month, chartable, required_path, schedule_path

if TYPE_CHECKING:
    from matplotlib.font_manager import FontProperties
    from matplotlib.markers import MarkerStyle
    from matplotlib.path import Path
    from matplotlib.ticker import MaxNLocator
    from matplotlib.transforms import BboxBase, Transform

# matplotlib's own warnings are for its developers' users: with a home folder it cannot
# write (a locked-down office PC, a service account), every report printed two English lines
# on where it put its cache (a fuzz audit's find). Its errors still reach the terminal.
logging.getLogger("matplotlib").setLevel(logging.ERROR)

# Beyond this many targets a chart per card costs seconds and adds little: charts go to the
# targets most in need of attention, and the page says how many were drawn.
MAX_CHARTS = 60

ACTUAL, PATH, GOAL, DEADLINE = "#1565c0", "#6b6b6b", "#2e7d32", "#b71c1c"
# A long series is simplified as matplotlib's defaults simplify it, whatever a local
# matplotlibrc says (Path reads both when it is made). Nothing else of the charts is taken from
# the rc settings: the marker's fill, the font's weight and style are given where they are made.
RC: Any = {  # typed loosely: matplotlib types the keys as a long Literal
    "path.simplify": True,
    "path.simplify_threshold": 0.111111111111,
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
TEXT_SIZES = 4096  # text sizes remembered across charts (a few hundred labels at most)
SVG_HEAD = (
    '<svg xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 {width} {height}" '
    'xmlns="http://www.w3.org/2000/svg" version="1.1">'
)
PATH_CODES = [b"M", b"L", b"Q", b"C", b"z"]  # MOVETO, LINETO, CURVE3, CURVE4, CLOSEPOLY
CAPS = {"projecting": "square", "butt": "butt", "round": "round"}
ANCHORS = {"center": "middle", "right": "end"}  # matplotlib's horizontal alignment -> SVG


def _number(x: float) -> str:
    """A coordinate as matplotlib's SVG writes it: `%f`, trailing zeros and point dropped."""
    return f"{x:f}".rstrip("0").rstrip(".")


def _attribute(value: str) -> str:
    """An attribute value quoted and escaped as matplotlib's SVG writer does it."""
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if '"' not in value:
        return f'"{text}"'
    if "'" not in value:
        return f"'{text}'"
    return '"' + text.replace("'", "&apos;").replace('"', "&quot;") + '"'


def _element(tag: str, attributes: dict[str, str], text: str | None = None) -> str:
    inside = "".join(f" {k}={_attribute(v)}" for k, v in attributes.items() if v)  # as it did
    if text is None:
        return f"<{tag}{inside}/>"
    body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<{tag}{inside}>{body}</{tag}>"


class _Style(NamedTuple):
    """What matplotlib's graphics context said of an element, as far as these charts use it."""

    color: str | None = None  # the stroke's colour (and a text's)
    width: float = 1.0  # 0: no stroke
    face: str | tuple[float, float, float, float] | None = None  # the fill: None is none
    dashes: tuple[float, ...] | None = None
    join: str = "round"
    cap: str = "butt"

    def css(self) -> dict[str, str]:
        """The style attribute's declarations, in RendererSVG's order and with its defaults."""
        from matplotlib.colors import to_hex, to_rgb

        css = {}
        if self.face is None:
            css["fill"] = "none"
        elif to_rgb(self.face) != (0, 0, 0):  # black is SVG's default fill
            css["fill"] = to_hex(self.face)
        if self.dashes is not None:
            css["stroke-dasharray"] = ",".join(_number(d) for d in self.dashes)
            css["stroke-dashoffset"] = "0"
        if self.width:
            css["stroke"] = to_hex(self.color or "black")
            if self.width != 1.0:
                css["stroke-width"] = _number(self.width)
            if self.join != "round":
                css["stroke-linejoin"] = self.join
            if self.cap != "butt":
                css["stroke-linecap"] = CAPS[self.cap]
        return css


def _css(declarations: dict[str, str]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in declarations.items())


class _Canvas:
    """One chart's SVG, written element by element as matplotlib's `RendererSVG` wrote it:
    a path's data, its clip rectangle (one `clipPath` each, defined at the end) and style; a
    marker's shape defined once and used at each point; text with its anchor. The ids are
    matplotlib's: the first ten hex digits of the SHA-256 of the salt and the element's key.
    """

    def __init__(self, width: float, height: float, salt: str) -> None:
        from matplotlib.transforms import Affine2D

        self.width, self.height, self.salt = width, height, salt
        self.flip = Affine2D().scale(1, -1).translate(0, height)  # y up -> SVG's y down
        self.parts = [SVG_HEAD.format(width=_number(width), height=_number(height))]
        self.clips: dict[tuple[float, float, float, float], str] = {}
        self.marker_ids: dict[tuple[str, str], str] = {}

    def _id(self, kind: str, key: object) -> str:
        digest = hashlib.sha256(self.salt.encode("utf8") + str(key).encode("utf8"))
        return f"{kind}{digest.hexdigest()[:10]}"

    def _path_data(self, path: Path, transform: Transform, clip: bool, simplify: bool) -> str:
        from matplotlib import _path

        canvas = (0.0, 0.0, self.width, self.height) if clip else None
        data = _path.convert_to_string(  # type: ignore[attr-defined]  # not in its stub
            path, transform, canvas, simplify, None, 6, PATH_CODES, False
        )
        return bytes(data).decode("ascii")

    def _clip(self, box: BboxBase | None) -> dict[str, str]:
        if box is None:
            return {}
        x, y, w, h = box.bounds
        key = (x, self.height - (y + h), w, h)
        if key not in self.clips:
            self.clips[key] = self._id("p", key)
        return {"clip-path": f"url(#{self.clips[key]})"}

    def open(self) -> None:
        self.parts.append("<g>")

    def close(self) -> None:
        if self.parts[-1] == "<g>":  # empty: written <g/>, and dropped at the end (as it was)
            self.parts[-1] = "<g/>"
        else:
            self.parts.append("</g>")

    def path(self, path: Path, transform: Transform, style: _Style, clip: BboxBase | None) -> None:
        """A path (in `transform`'s coordinates), clipped to the canvas unless it is filled."""
        unfilled = style.face is None
        data = self._path_data(
            path, transform + self.flip, unfilled, bool(path.should_simplify) and unfilled
        )
        attributes = {"d": data, **self._clip(clip), "style": _css(style.css())}
        self.parts.append(_element("path", attributes))

    def markers(
        self,
        shape: Path,
        shape_transform: Transform,
        points: Path,
        transform: Transform,
        style: _Style,
        clip: BboxBase | None,
    ) -> None:
        """The marker `shape` at each of `points`: defined once per chart, then used."""
        from matplotlib.transforms import Affine2D

        shape_data = self._path_data(
            shape, shape_transform + Affine2D().scale(1.0, -1.0), False, False
        )
        css = style.css()
        key = (shape_data, _css(css))
        if key not in self.marker_ids:
            self.marker_ids[key] = oid = self._id("m", key)
            stroke = _css({k: v for k, v in css.items() if k.startswith("stroke")})
            shape_element = _element("path", {"id": oid, "d": shape_data, "style": stroke})
            self.parts.append(f"<defs>{shape_element}</defs>")
        use = {"xlink:href": f"#{self.marker_ids[key]}"}
        uses = []
        # RendererSVG's clip for the points, the size in points times 72 again: kept as it was,
        # so that a point far outside the canvas is dropped (or not) as it was.
        canvas = (0, 0, self.width * 72, self.height * 72)
        for vertices, _ in points.iter_segments(transform + self.flip, clip=canvas, simplify=False):
            if len(vertices):
                x, y = vertices[-2:]
                at = {"x": _number(x), "y": _number(y), "style": _css(css)}
                uses.append(_element("use", {**use, **at}))
        clipped = "".join(f" {k}={_attribute(v)}" for k, v in self._clip(clip).items())
        if uses:
            self.parts += [f"<g{clipped}>", *uses, "</g>"]
        elif clipped:  # no point left: an empty clipped group stays, an unclipped one goes
            self.parts.append(f"<g{clipped}/>")

    def text(self, text: str, x: float, y: float, anchor: str, style: _Style) -> None:
        """`text` at (x, y) in points from the top left, `anchor` its SVG text-anchor."""
        css = {"font-size": f"{_number(FONT_SIZE)}px", "font-family": repr(FONT)}
        css["text-anchor"] = anchor
        if style.css()["stroke"] != "#000000":  # black is SVG's default fill
            css["fill"] = style.css()["stroke"]
        at = {"x": _number(x), "y": _number(y)}
        rotate = {"transform": f"rotate(-0 {at['x']} {at['y']})"}
        self.parts.append(_element("text", {"style": _css(css), **at, **rotate}, text))

    def svg(self) -> str:
        """The document: the clip rectangles defined after everything drawn, as matplotlib did."""
        parts = list(self.parts)
        if self.clips:
            parts.append("<defs>")
            for (x, y, w, h), oid in self.clips.items():
                rect = {"x": _number(x), "y": _number(y), "width": _number(w), "height": _number(h)}
                parts.append(f'<clipPath id="{oid}">{_element("rect", rect)}</clipPath>')
            parts.append("</defs>")
        return "".join([*parts, "</svg>\n"]).replace("<g/>", "")


def _within(values: list[float], low: float, high: float) -> list[float]:
    """The values in [low, high], as matplotlib's Axis keeps ticks: a hair of rounding allowed."""
    slack = (high - low) * 1e-10
    return [v for v in values if low - slack <= v <= high + slack]


def _year(day: dt.date) -> float:
    """A date as a decimal year, so the axis needs no date machinery."""
    start = dt.date(day.year, 1, 1)
    return day.year + (day - start).days / 365.25


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


def _background(canvas: _Canvas, transform: Transform) -> None:
    """A white unstroked rectangle over the unit square, as the figure and axes patches were."""
    from matplotlib.path import Path

    canvas.open()
    canvas.path(Path.unit_rectangle(), transform.get_affine(), _Style(width=0, face=WHITE), None)
    canvas.close()


def _spine(canvas: _Canvas, ends: list[tuple[float, float]], transform: Transform) -> None:
    """An axis line as matplotlib's Spine drew it: square caps, mitred, not clipped."""
    from matplotlib.path import Path

    style = _Style(SPINE_COLOR, SPINE_WIDTH, join="miter", cap="projecting")
    canvas.open()
    canvas.path(Path(ends), transform.get_affine(), style, None)
    canvas.close()


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
        canvas: _Canvas,
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
        canvas.open()
        if self.width is not None:
            if self.dashes is None:
                stroke = _Style(self.color, self.width, cap="projecting")
            else:
                dashes = tuple(d * self.width for d in self.dashes)
                stroke = _Style(self.color, self.width, dashes=dashes)
            canvas.path(path, affine, stroke, clip)
        if self.marker is not None:
            marker = self.marker
            style = _Style(
                self.color,
                self.marker_edge,
                face=self.color,  # markers filled with the line's colour
                join=marker.get_joinstyle(),
                cap=marker.get_capstyle(),
            )
            shape = Affine2D(marker.get_transform().get_matrix()).scale(self.marker_size)
            canvas.markers(marker.get_path(), shape, path, affine, style, clip)
        canvas.close()


class _Label:
    """Text in one line, placed as matplotlib's Text placed it (unrotated) and kept as text.

    A line rises at least the font's typographic ascent above its baseline (so "2024" and "lp"
    sit alike: matplotlib 3.11's rule; up to 3.10 Text measured "lp", 0.0007 pt higher here);
    `ha`, `va` say which point of the line is at the anchor. The text is written at the anchor
    with an SVG `text-anchor`, so the browser centres or ends it with its own font metrics;
    only its height is measured (by FreeType, as matplotlib measured it), to set the baseline.
    """

    def __init__(
        self,
        ha: Literal["center", "right"],
        va: Literal["top", "center_baseline"],
        prop: FontProperties,
    ) -> None:
        self.ha, self.va, self.prop = ha, va, prop
        self.min_ascent = _font_ascent(prop)

    def draw(self, canvas: _Canvas, text: str, x: float, y: float) -> None:
        """`text` anchored at (x, y), in points from the bottom left."""
        height, descent = _height_descent(text, self.prop)
        ascent = max(height - descent, self.min_ascent)
        # The baseline: the top of the line at the anchor, or the middle of its ascent.
        baseline = y - ascent if self.va == "top" else y - ascent / 2
        # RendererSVG's sums, float for float: the anchor flipped, then moved to the baseline.
        top = canvas.height - y
        top = top + ((canvas.height - baseline) - top)
        canvas.open()
        canvas.text(text, x, top, ANCHORS[self.ha], _Style(TICK_COLOR))
        canvas.close()


# Sizes by text alone: every label is set in the one font of `ChartDrawer` (FONT, FONT_SIZE).
_sizes: dict[str, tuple[float, float]] = {}


@functools.cache
def _no_hinting() -> Any:
    """FreeType's "no hinting" flag: `LoadFlags` since matplotlib 3.10, a constant before."""
    from matplotlib import ft2font

    fonts: Any = ft2font
    return fonts.LoadFlags.NO_HINTING if hasattr(fonts, "LoadFlags") else fonts.LOAD_NO_HINTING


def _height_descent(text: str, prop: FontProperties) -> tuple[float, float]:
    """A line's height and descent in points, as matplotlib's renderer measured them (FreeType,
    unhinted), remembered from one chart to the next: the labels repeat (years, 0, 1.5, 3…)."""
    from matplotlib.font_manager import findfont, get_font

    if text not in _sizes:
        if len(_sizes) >= TEXT_SIZES:
            _sizes.clear()
        font = get_font([findfont(prop)])
        font.set_size(prop.get_size_in_points(), DPI)
        font.set_text(text, 0.0, flags=_no_hinting())
        _, height = font.get_width_height()
        _sizes[text] = (height / 64.0, font.get_descent() / 64.0)
    return _sizes[text]


def _font_ascent(prop: FontProperties) -> float:
    """The font's typographic ascent in points: the least a line rises above its baseline.

    Read from the font's OS/2 (else hhea) table, as matplotlib 3.11's Text reads it. Before
    3.11 matplotlib's font tables held no ascent and its Text measured "lp" instead, as it
    still does for a font without the tables: so it is here, 0.0007 pt higher for DejaVu Sans.
    """
    from matplotlib.font_manager import findfont, get_font

    font = get_font([findfont(prop)])
    for table_name, key in (("OS/2", "sTypoAscender"), ("hhea", "ascent")):
        table: Any = font.get_sfnt_table(table_name)  # type: ignore[call-overload]
        if table is not None:
            if key not in table:  # matplotlib before 3.11: no typographic metrics at all
                break
            head: Any = font.get_sfnt_table("head")
            scale = 1 / head["unitsPerEm"] * prop.get_size_in_points() * DPI / 72  # its order
            return float(table[key] * scale)
    height, descent = _height_descent("lp", prop)
    return height - descent


class _Ticks:
    """One axis's ticks as matplotlib's Axis drew them: a tick marker (`TICKDOWN`,
    `TICKLEFT`) at each mark on the axis, and labels `pad` points off the axis."""

    def __init__(self, axis: Literal["x", "y"], prop: FontProperties) -> None:
        from matplotlib.markers import TICKDOWN, TICKLEFT, MarkerStyle

        self.along_x = axis == "x"
        marker = MarkerStyle(TICKDOWN if self.along_x else TICKLEFT, fillstyle="full")
        self.marks = _Line(TICK_COLOR, None, None, marker, TICK_LENGTH, TICK_WIDTH)
        if self.along_x:
            self.label = _Label("center", "top", prop)
        else:
            self.label = _Label("right", "center_baseline", prop)

    def draw(
        self,
        canvas: _Canvas,
        transform: Transform,
        marks: list[tuple[float, float]],
        at: list[tuple[float, float]],
        texts: list[str],
    ) -> None:
        """Tick marks at `marks`, and `texts` at `at`, in `transform` (the axis's blended one)."""
        from matplotlib.transforms import Affine2D, ScaledTranslation

        self.marks.draw(canvas, marks, transform)
        # What `offset_copy(transform, x, y, units="points")` makes: the pad, in points.
        dx, dy = (0, -X_LABEL_PAD) if self.along_x else (-Y_LABEL_PAD, 0)
        shifted = transform + ScaledTranslation(dx / 72.0, dy / 72.0, Affine2D().scale(DPI))
        for point, text in zip(at, texts, strict=True):
            x, y = shifted.transform(point)
            self.label.draw(canvas, text, x, y)


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
        self.actual = _Line(ACTUAL, 1.8, marker=MarkerStyle("o", fillstyle="full"), marker_size=3.5)
        # Every property given, none left to a local matplotlibrc (font.weight: bold…).
        prop = FontProperties(
            family=FONT,
            style="normal",
            variant="normal",
            weight="normal",
            stretch="normal",
            size=FONT_SIZE,
        )
        self.x_ticks = _Ticks("x", prop)
        self.y_ticks = _Ticks("y", prop)
        self.locator = MaxNLocator(nbins=4)

    def svg(self, result: TargetResult, words: Words) -> str:
        """The chart as an `<svg role="img">` element with a text label; same input, same bytes."""
        import matplotlib

        frame = self.frame
        canvas = _Canvas(frame.width, frame.height, f"sockprogress:{result.target.id}")
        with matplotlib.rc_context(RC):
            self._draw(canvas, result, words)
        return self.named(canvas.svg(), result, words)

    def _draw(self, canvas: _Canvas, result: TargetResult, words: Words) -> None:
        t, frame = result.target, self.frame
        months = by_month(result)
        base = None if months else result.baseline
        if months:  # the year by month (1—N月) against its schedule: x in months, 0 to 12
            points = [(float(o.end.month), o.value) for o in result.year_months]
            path = schedule_path(result)
            deadline = 12.0
            x_low, x_high = 0.0, 12.5
        else:
            points = [(_year(o.end), o.value) for o in result.observations]
            path = [(_year(d), v) for d, v in required_path(result)]
            deadline = _year(t.deadline)
            xs = [x for x, _ in points] + [deadline] + ([_year(base.end)] if base else [])
            # At least two years wide, whole years at the edges, a tick a year up to six years.
            low, high = min(xs), max(xs)
            low = min(math.floor(low - 0.15), math.floor(high) - 2)
            high = max(math.ceil(high - 0.01), low + 2)
            x_low, x_high = _limits(low - 0.06, high + 0.06, self.locator)
            step = max(1, math.ceil((high - low) / 7))
        values = _drawn_values(result)
        divisor, _ = words.scale_for(max(abs(v) for v in values), t.unit)
        y_low, y_high = _limits(min(0.0, *values) * 1.1, max(values) * 1.12, self.locator)
        view = frame.view((x_low, x_high), (y_low, y_high))

        canvas.open()
        _background(canvas, frame.figure)
        canvas.open()
        _background(canvas, frame.axes)
        if months:  # a tick and its number at each month's end: 1—N月 sits over N
            ends = [(float(m), 0.0) for m in range(1, 13)]
            self.x_ticks.draw(canvas, view.x_axis, ends, ends, [str(m) for m in range(1, 13)])
        else:
            # Ticks mark the turn of each year and the year's label sits mid-year, inside its
            # band: a year total (ending 31 Dec) then reads as that year, not the next. Like
            # matplotlib's Axis, only the ticks within the limits.
            years = [
                float(k * step)
                for k in range(math.floor(x_low / step), math.ceil(x_high / step) + 1)
            ]
            mid_years = _within([year + 0.5 for year in years], x_low, x_high)
            self.x_ticks.draw(
                canvas,
                view.x_axis,
                [(x, 0.0) for x in _within(years, x_low, x_high)],
                [(x, 0.0) for x in mid_years],
                [f"{math.floor(x):d}" for x in mid_years],
            )
        ys = _within([float(y) for y in self.locator.tick_values(y_low, y_high)], y_low, y_high)
        at = [(0.0, y) for y in ys]
        self.y_ticks.draw(canvas, view.y_axis, at, at, [words.plain(y / divisor) for y in ys])

        self.goal.draw(canvas, [(0.0, t.target), (1.0, t.target)], view.y_axis, frame.box)
        self.deadline.draw(canvas, [(deadline, 0.0), (deadline, 1.0)], view.x_axis, frame.box)
        if path:
            self.path.draw(canvas, path, view.data, frame.box)
        self.actual.draw(canvas, points, view.data, frame.box)
        _spine(canvas, [(0.0, y_low), (0.0, y_high)], view.y_axis)  # left
        _spine(canvas, [(x_low, 0.0), (x_high, 0.0)], view.x_axis)  # bottom
        canvas.close()
        canvas.close()

    @staticmethod
    def named(svg: str, result: TargetResult, words: Words) -> str:
        """The chart named for screen readers (`role="img"` and its label)."""
        t = result.target
        name = words("{name}: actual values against the goal of {goal} by {deadline}").format(
            name=words.target_name(t),
            goal=words.scaled(t.target, t.unit),
            deadline=words.date(t.deadline),
        )
        return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(name)}" ', 1)


def _drawn_values(result: TargetResult) -> list[float]:
    """The values a chart spans: its points, the goal and, on a chart of years, the baseline
    its path starts from (a year by month has neither path nor baseline)."""
    if by_month(result):
        return [o.value for o in result.year_months] + [result.target.target]
    base = result.baseline
    values = [o.value for o in result.observations] + [result.target.target]
    return values + ([base.value] if base else [])


def unit_caption(result: TargetResult, words: Words) -> str:
    """What the vertical axis counts in: `bn pairs`, `亿双`, as the chart's axis scales it."""
    values = _drawn_values(result)
    return words.scaled_unit(max(abs(v) for v in values), result.target.unit)[0]


def draw_charts(
    results: tuple[TargetResult, ...], words: Words, limit: int = MAX_CHARTS
) -> dict[str, Any]:
    """SVG text per chosen target id; nothing is imported when no target gets a chart."""
    chosen = chosen_for_charts(results, limit)
    if not chosen:
        return {}
    drawer = ChartDrawer()
    return {r.target.id: drawer.svg(r, words) for r in results if r.target.id in chosen}
