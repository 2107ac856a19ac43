"""A sheet per region with a block per target: the facts, the observations and a chart.

Blocks stack down the sheet, so 2,000 targets make 100 sheets, not 2,000, and the work per
target is constant: building stays linear in targets plus observations.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Font
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from ...i18n import _
from ...model import ATTENTION, Report, TargetResult
from ...periods import Month
from .. import outcome
from ..formatting import (
    basis_word,
    goal_note,
    paren,
    plan_text,
    source_text,
    status_word,
    why_reason,
)
from .chart import DATA_COL, DATA_WIDTH, build_chart, lines, write_chart_data
from .common import FIGURES, figure_label, notes_text, region_name, target_name, target_scale
from .styles import (
    BOTTOM_RULE,
    CODE_FONT,
    HEADER_FILL,
    HEADER_FONT,
    INDENT,
    MUTED_FONT,
    SUBTITLE_FONT,
    TITLE_FONT,
    TOP,
    WRAP,
    Scale,
    date_format,
    fit_height,
    period_words,
    print_setup,
    put,
    put_status,
    sheet_name,
    targets_count,
)

CHECK_FONT = Font(bold=True, color="8A1C00")
WIDTHS = {"A": 34, "B": 15, "C": 14, "D": 10, "E": 12, "F": 16}
CHART_COLUMN = "G"
CHART_FIRST, CHART_LAST = 7, 15  # G to O
CHART_ROWS = 18  # rows a chart of 8 cm covers at the default row height
LAST_PRINT_COLUMN = "O"
# Each native chart is some 10 kB of XML and costs time to build, save and open: up to this
# many targets every one gets a chart; beyond it, the most urgent ones do (About says so).
MAX_CHARTS = 200


def _figure_value(
    result: TargetResult, field: str, fmt: str, scale: Scale, lang: str
) -> tuple[Any, str]:
    value: Any = getattr(result.figures, field)
    if fmt == "scaled":
        return scale.of(value), scale.number_format
    if fmt == "word":
        return (status_word(value, lang) or None) if value else None, ""
    return value, date_format(lang) if fmt == "date" else fmt


def _facts(
    ws: Worksheet, row: int, result: TargetResult, scale: Scale, lang: str, as_of: Month
) -> int:
    """The key figures as label/value/remark rows from `row`; returns the next free row."""
    t = result.target
    put(ws, row, 1, _("Status", lang))
    put_status(ws, row, 2, result.status, lang)
    put(ws, row, 4, result.status, font=CODE_FONT)
    if result.outlook or result.checks:
        # Beside the status, as on the Summary: a typo never passes without a word.
        row += 1
        put(ws, row, 1, figure_label("outlook" if result.outlook else "check", lang))
        put(ws, row, 2, outcome.outlook_word(result.outlook, lang) or None)
        if result.checks:
            put(ws, row, 3, outcome.check_line(result, lang), font=CHECK_FONT)
    rows: list[tuple[str, Any, str, Any]] = [
        ("goal", scale.of(t.target), scale.number_format, scale.unit),
        ("deadline", t.deadline, date_format(lang), None),
        (
            "baseline",
            scale.of(result.baseline.value) if result.baseline else None,
            scale.number_format,
            period_words(result.baseline.period, lang) if result.baseline else None,
        ),
        (
            "latest",
            scale.of(result.latest.value) if result.latest else None,
            scale.number_format,
            period_words(result.latest.period, lang) if result.latest else None,
        ),
    ]
    if result.ytd:
        ytd = result.ytd
        rows.append(
            (
                "ytd",
                scale.of(ytd.value),
                scale.number_format,
                basis_word("ytd", lang, ytd.period) + paren(period_words(ytd.period, lang), lang),
            )
        )
    reasons = dict(result.why_null)
    for field, fmt in FIGURES:
        if not outcome.shown(field, result, as_of):
            continue
        value, number_format = _figure_value(result, field, fmt, scale, lang)
        remark = None
        if field in reasons:
            remark = _("blank: {reason}", lang).format(reason=why_reason(reasons[field], lang))
        elif field == "schedule_gap_pts":
            remark = outcome.schedule_text(result, lang) or None
        rows.append((field, value, number_format, remark))
    rows.append(("previous_status", status_word(result.previous_status, lang), "", None))
    for n, (key, value, number_format, remark) in enumerate(rows, row + 1):
        name = figure_label(key, lang)
        put(ws, n, 1, name)
        put(ws, n, 2, value, number_format or None)
        if remark is not None:
            blank = isinstance(remark, str) and value is None
            put(ws, n, 3, remark, font=MUTED_FONT if blank else None, alignment=INDENT)
    row += len(rows) + 1
    notes = notes_text(result, lang)
    latest = result.latest
    for key, text in (
        ("latest_source", latest.source if latest else None),
        ("latest_note", latest.note if latest else None),
        ("notes", notes),
        ("about_goal", goal_note(t, lang)),
        ("plan", plan_text(t, lang)),
        ("source", source_text(t, lang)),
    ):
        if text:
            put(ws, row, 1, figure_label(key, lang), alignment=TOP)
            put(ws, row, 2, text, alignment=WRAP)
            ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
            # Merged cells do not grow to fit, so give wrapped text the height it needs.
            fit_height(ws, row, [(text, sum(WIDTHS[c] for c in "BCDEF"))])
            row += 1
    return row


# Up to this many targets, each observation's source wraps in a cell merged to the print edge,
# so it prints whole; a province's 240,000 figures would not pay for merged, measured cells.
WRAPPED_SOURCES = 50


def _observations(
    ws: Worksheet, row: int, result: TargetResult, scale: Scale, lang: str, wrap: bool
) -> int:
    """The observations the target was judged on; returns the next free row."""
    put(ws, row, 1, _("Observations used", lang), font=SUBTITLE_FONT)
    row += 1
    value_title = _("Value", lang)
    if scale.factor != 1:
        value_title += paren(scale.unit, lang)
    titles = ["period", "period_end", None, "basis", "input_rows", "source"]
    for c, key in enumerate(titles, 1):
        put(
            ws,
            row,
            c,
            figure_label(key, lang) if key else value_title,
            font=HEADER_FONT,
            fill=HEADER_FILL,
        )
    for n, obs in enumerate(result.observations, row + 1):
        put(ws, n, 1, period_words(obs.period, lang))
        put(ws, n, 2, obs.end, date_format(lang))
        put(ws, n, 3, scale.of(obs.value), scale.number_format)
        put(ws, n, 4, basis_word(obs.basis, lang, obs.period), alignment=INDENT)
        put(ws, n, 5, ", ".join(map(str, obs.rows)) or None)
        # The source only: the quoted sentences are in the HTML and the JSON.
        if obs.source and wrap:
            put(ws, n, 6, obs.source, alignment=WRAP)
            ws.merge_cells(start_row=n, start_column=6, end_row=n, end_column=CHART_LAST)
            fit_height(ws, n, [(obs.source, WIDTHS["F"] + 10 * (CHART_LAST - CHART_FIRST + 1))])
        elif obs.source:
            put(ws, n, 6, obs.source)  # reads across the empty columns to its right
    return row + len(result.observations) + 2


def charted(report: Report) -> set[int]:
    """The results (by `id`) that get a native chart: all up to MAX_CHARTS, else the most urgent.

    Keyed by object identity, not target id, so copies of one target in tests count apart; the
    report holds every result for the whole build, so no id is reused meanwhile.
    """
    if len(report.targets) <= MAX_CHARTS:
        return {id(r) for r in report.targets}
    ordered = sorted(report.targets, key=lambda r: ATTENTION[r.status])  # stable: input order
    return {id(r) for r in ordered[:MAX_CHARTS]}


def _block(
    ws: Worksheet,
    row: int,
    result: TargetResult,
    lang: str,
    chart: bool,
    as_of: Month,
    wrap: bool = True,
) -> int:
    """One target's block from `row`; returns the first row after it."""
    scale = target_scale(result, lang)
    name = target_name(result, lang)
    put(ws, row, 1, name + paren(scale.unit, lang), font=SUBTITLE_FONT, border=BOTTOM_RULE)
    for c in range(2, 16):
        put(ws, row, c, None, border=BOTTOM_RULE)
    facts_end = _facts(ws, row + 1, result, scale, lang, as_of)
    # The observations start below the chart, whose rows their sources span.
    first = max(facts_end + 1, row + 2 + CHART_ROWS)
    end = _observations(ws, first, result, scale, lang, wrap)
    if not chart:
        put(
            ws,
            row + 1,
            CHART_FIRST,
            _(
                "No chart: charts are limited to the {limit} targets most in need of attention "
                "(see About).",
                lang,
            ).format(limit=MAX_CHARTS),
            font=MUTED_FONT,
        )
        return end + 1
    series, frame = lines(result, scale)
    write_chart_data(ws, row, series, lang)
    ws.add_chart(build_chart(ws, row, series, frame, name, scale, lang), f"{CHART_COLUMN}{row + 1}")
    data_end = row + 2 + max(len(line.points) for line in series)
    return max(end, row + 1 + CHART_ROWS, data_end) + 1


def add_region_sheet(
    wb: Workbook,
    report: Report,
    region: str,
    results: list[TargetResult],
    lang: str,
    taken: set[str],
    charts: set[int],
) -> Worksheet:
    shown = region_name(region, report, lang) if lang == "zh" else region
    ws = wb.create_sheet(sheet_name(shown, taken))
    for column, width in WIDTHS.items():
        ws.column_dimensions[column].width = width
    for c in range(CHART_FIRST, CHART_LAST + 1):
        # wide enough together for the 16.5 cm chart, so the print area holds all of it
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = 10
    for c in range(DATA_COL, DATA_COL + DATA_WIDTH):
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = 11
    title = f"{region_name(region, report, lang)} — {targets_count(len(results), lang)}"
    put(ws, 1, 1, title, font=TITLE_FONT)
    row = 3
    for i, result in enumerate(results):
        if i:
            ws.row_breaks.append(Break(id=row - 1))
        wrap = len(report.targets) <= WRAPPED_SOURCES
        row = _block(ws, row, result, lang, id(result) in charts, report.as_of, wrap)
    print_setup(ws, str(report.as_of), lang)
    ws.print_area = f"A1:{LAST_PRINT_COLUMN}{row}"
    return ws
