"""The Context sheet: indicators without a goal, their latest value and its change."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from .book import Book
from .formats import INDENT, PCT, TITLE, scale_for
from .labels import figure_label
from .layout import close_table, heading_row, period_words, put, region_kept

# As statistical tables set them, and as the Summary does: the indicator (指标, as every sheet
# names it), its unit, then each figure before its period (a Chinese reader's find: 名称, the
# unit last, the periods first and 上期 beside 上期值, read as a figure).
COLUMNS: tuple[tuple[str, float], ...] = (
    ("region", 18),
    ("indicator", 36),
    ("unit", 12),
    ("basis", 14),
    ("latest", 13),
    ("latest_period", 12),
    ("previous", 13),
    ("previous_period", 12),
    ("change", 13),
    ("change_pct", 10),
)


def write_context(book: Book, ws: Worksheet) -> None:
    report, words, f = book.report, book.words, book.formats
    put(ws, 0, 0, words("Context indicators"), f(TITLE))
    cols = region_kept(COLUMNS, book.view.context_regions_named)
    keys = [k for k, _w in cols]
    headings = [figure_label(k, words) for k in keys]
    heading_row(ws, f, 2, headings, [w for _k, w in cols], words)
    pct = f.number(PCT)
    # a period set apart from the figure right-aligned before it: "35 2019年12月" ran together
    period = f(INDENT)
    for row, c in enumerate(report.context, 3):
        # The format shows both published figures as they are, as a target's does (labels.py).
        shown = [c.latest.value] + ([c.previous.value] if c.previous else [])
        whole = all(float(v).is_integer() for v in shown)
        s = scale_for(c.latest.value, c.unit, words, whole=whole, values=shown)
        number = f.number(s.number_format)
        name = words.pick(c.name, zh=c.name_zh)
        values = {
            "region": words.region_label(c.region, report.regions_zh),
            "indicator": name,
            "unit": s.unit,
            "basis": words.basis(c.basis, c.latest.period) if c.basis else None,
            "latest": s.of(c.latest.value),
            "latest_period": period_words(c.latest.period, words),
            "previous": s.of(c.previous.value) if c.previous else None,
            "previous_period": period_words(c.previous.period, words) if c.previous else None,
            "change": s.of(c.change),
            "change_pct": c.change_pct,
        }
        for col, key in enumerate(keys):
            fmt = pct if key == "change_pct" else period if key.endswith("period") else number
            put(ws, row, col, values[key], fmt)
    empty = words("No context indicators.")
    close_table(ws, f, len(report.context), len(cols), empty, book.head, words)
