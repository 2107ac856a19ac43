"""The Summary sheet (one row per target, grouped by region) and What changed."""

from __future__ import annotations

from typing import Any

from openpyxl.formatting.rule import DataBarRule
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...i18n import _
from ...model import Report, TargetResult
from .. import outcome
from ..formatting import colon, paren, status_text, status_word
from .common import (
    by_region,
    changed,
    figure_label,
    notes_text,
    region_name,
    target_name,
    target_scale,
)
from .styles import (
    BAND_FILL,
    CODE_FONT,
    DATE,
    PCT,
    PTS,
    RATE,
    RATIO,
    SUBTITLE_FONT,
    TITLE_FONT,
    TOP,
    WRAP,
    date_format,
    fit_height,
    header_row,
    month_words,
    period_words,
    print_setup,
    put,
    put_status,
    targets_count,
    title_line,
)

# (label key, number format, width); "scaled" takes the target's scale. The columns are what
# the director reads; every other figure is in the target's block on its region sheet.
COLUMNS: tuple[tuple[str, str | None, float], ...] = (
    ("region", None, 14),
    ("target_name", None, 34),
    ("status", None, 24),
    ("outlook", None, 13),
    ("check", None, 16),
    ("share_of_target_pct", PCT, 11),
    ("schedule_gap_pts", PTS, 11),
    ("latest", "scaled", 12),
    ("latest_period", None, 11),
    ("latest_source", None, 30),
    ("goal", "scaled", 12),
    ("deadline", DATE, 16),
    ("unit", None, 9),
    ("actual_cagr", RATE, 10),
    ("required_cagr", RATE, 10),
    ("pace_ratio", RATIO, 8),
    ("projected_at_deadline", "scaled", 12),
    ("changed", None, 8),
    ("notes", None, 46),
    ("status_code", None, 14),
)
KEYS = [c[0] for c in COLUMNS]
# The latest source is shown in one line (its full text is in the target's block and in the
# cell): wrapped, the long citations made every row tall and the printed Summary unreadable.
WRAPPED = ("target_name", "check", "notes")
ITALIC_FONT = Font(italic=True)
HEADLINE_FONT = Font(bold=True, size=11)
CHECK_FONT = Font(bold=True, color="8A1C00")
SHOWN_FIGURES = ("share_of_target_pct", "actual_cagr", "required_cagr", "pace_ratio")


def _row(result: TargetResult, report: Report, lang: str) -> list[Any]:
    t, f, s = result.target, result.figures, target_scale(result, lang)
    return [
        region_name(t.region, report, lang) if lang == "zh" else t.region,
        target_name(result, lang),
        None,  # the status cell is styled separately
        outcome.outlook_word(result.outlook, lang) or None,
        outcome.check_line(result, lang) or None,
        f.share_of_target_pct,
        f.schedule_gap_pts if outcome.shown("schedule_gap_pts", result, report.as_of) else None,
        s.of(result.latest.value) if result.latest else None,
        _latest_period(result, lang),
        (result.latest.source or None) if result.latest else None,
        s.of(t.target),
        t.deadline,
        s.unit,
        f.actual_cagr,
        f.required_cagr,
        f.pace_ratio,
        s.of(f.projected_at_deadline),
        _("yes", lang) if changed(result) else _("no", lang),
        notes_text(result, lang, (*SHOWN_FIGURES, "projected_at_deadline")) or None,
        result.status,
    ]


def _latest_period(result: TargetResult, lang: str) -> str | None:
    if result.latest is None:
        return None
    period = period_words(result.latest.period, lang)
    if result.latest.estimate:
        return period + paren(_("estimate", lang), lang)
    return period


def _counts_line(report: Report, lang: str) -> str:
    parts = [f"{status_text(s, lang)}{colon(lang)}{n}" for s, n in report.counts().items()]
    return f"{targets_count(len(report.targets), lang)} — " + " · ".join(parts)


def add_summary(wb: Workbook, report: Report, lang: str) -> Worksheet:
    ws = wb.active
    ws.title = _("Summary", lang)
    month = str(report.as_of)
    put(ws, 1, 1, title_line(month, lang), font=TITLE_FONT)
    # The outcome of passed deadlines comes first, before any table.
    lines = outcome.headline(report, lang)
    for n, line in enumerate(lines, 2):
        put(ws, n, 1, line, font=HEADLINE_FONT)
    put(ws, 2 + len(lines), 1, _counts_line(report, lang))
    header = 4 + len(lines)
    header_row(ws, header, [figure_label(k, lang) for k in KEYS], [c[2] for c in COLUMNS])
    formats = {DATE: date_format(lang)}
    row = header
    for region, results in by_region(report):
        row += 1
        count = targets_count(len(results), lang)
        name = f"{region_name(region, report, lang)} — {count}"
        put(ws, row, 1, name, font=SUBTITLE_FONT, fill=BAND_FILL)
        for c in range(2, len(COLUMNS) + 1):
            put(ws, row, c, None, fill=BAND_FILL)
        for result in results:
            row += 1
            scale = target_scale(result, lang)
            values = _row(result, report, lang)
            for c, (value, (key, fmt, _width)) in enumerate(zip(values, COLUMNS, strict=True), 1):
                put(
                    ws,
                    row,
                    c,
                    value,
                    scale.number_format if fmt == "scaled" else formats.get(fmt or "", fmt),
                    font=CODE_FONT
                    if key == "status_code"
                    else (CHECK_FONT if key == "check" else None),
                    alignment=WRAP if key in WRAPPED else TOP,
                )
            put_status(ws, row, KEYS.index("status") + 1, result.status, lang)
            fit_height(
                ws,
                row,
                [(values[KEYS.index(k)], COLUMNS[KEYS.index(k)][2]) for k in WRAPPED],
            )
    last = max(row, header + 1)
    share = get_column_letter(KEYS.index("share_of_target_pct") + 1)
    ws.conditional_formatting.add(
        f"{share}{header + 1}:{share}{last}",
        DataBarRule(start_type="num", start_value=0, end_type="num", end_value=100, color="5B9BD5"),
    )
    ws.freeze_panes = f"C{header + 1}"
    ws.auto_filter.ref = f"A{header}:{get_column_letter(len(COLUMNS))}{last}"
    print_setup(ws, month, lang, title_rows=f"{header}:{header}")
    return ws


CHANGE_COLUMNS: tuple[tuple[str, float], ...] = (
    ("region", 14),
    ("target_name", 34),
    ("previous_status", 24),
    ("status", 24),
    ("previous_latest_period", 11),
    ("previous_latest", 13),
    ("latest_period", 11),
    ("latest", 13),
    ("unit", 9),
    ("what_changed", 40),
)


def _what_changed(result: TargetResult, lang: str) -> str:
    parts = []
    if result.status != result.previous_status:
        old, new = status_word(result.previous_status, lang), status_word(result.status, lang)
        parts.append(_("status {old} → {new}", lang).format(old=old, new=new))
    prev, now = result.previous_latest, result.latest
    if (prev is None) != (now is None) or (
        prev and now and (prev.period, prev.value) != (now.period, now.value)
    ):
        old_p = period_words(prev.period, lang) if prev else _("none", lang)
        new_p = period_words(now.period, lang) if now else _("none", lang)
        parts.append(_("latest {old} → {new}", lang).format(old=old_p, new=new_p))
    for rev in result.revisions:
        s = target_scale(result, lang)
        parts.append(
            _("revised {period}: {old} → {new}", lang).format(
                period=period_words(rev.period, lang),
                old=f"{s.of(rev.old):g}",
                new=f"{s.of(rev.new):g}",
            )
        )
    return ("；" if lang == "zh" else "; ").join(parts)


def add_changes(wb: Workbook, report: Report, lang: str) -> Worksheet:
    ws = wb.create_sheet(_("Changes", lang))
    month, before = str(report.as_of), str(report.as_of.shift(-1))
    title = _("What changed since last month", lang) + colon(lang)
    put(
        ws,
        1,
        1,
        f"{title}{month_words(before, lang)} → {month_words(month, lang)}",
        font=TITLE_FONT,
    )
    put(ws, 2, 1, outcome.comparison_text(report, lang))
    header_row(
        ws, 3, [figure_label(k, lang) for k, _w in CHANGE_COLUMNS], [w for _k, w in CHANGE_COLUMNS]
    )
    row = 3
    for result in (r for r in report.targets if changed(r)):
        row += 1
        s = target_scale(result, lang)
        prev, now = result.previous_latest, result.latest
        values = [
            region_name(result.target.region, report, lang)
            if lang == "zh"
            else result.target.region,
            target_name(result, lang),
            None,
            None,
            period_words(prev.period, lang) if prev else None,
            s.of(prev.value) if prev else None,
            period_words(now.period, lang) if now else None,
            s.of(now.value) if now else None,
            s.unit,
            _what_changed(result, lang),
        ]
        for c, value in enumerate(values, 1):
            put(ws, row, c, value, s.number_format)
        put_status(ws, row, 3, result.previous_status, lang)
        put_status(ws, row, 4, result.status, lang)
    if row == 3:
        put(
            ws,
            4,
            1,
            _("No target changed its status or latest figure since {month}.", lang).format(
                month=month_words(before, lang)
            ),
            font=ITALIC_FONT,
        )
    ws.freeze_panes = "A4"
    print_setup(ws, month, lang, title_rows="3:3")
    return ws
