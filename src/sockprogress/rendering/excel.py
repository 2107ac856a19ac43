"""The Excel report: built in memory with openpyxl, saved in one small function.

User text is always written as a string cell, so `=cmd|…` in a note never becomes a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Report, TargetResult
from .text import note_text, status_word

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
STATUS_FILLS = {
    "achieved": "C6EFCE",
    "on_track": "C6EFCE",
    "moderate_progress": "FFEB9C",
    "insufficient_progress": "FFC7CE",
    "moving_away": "FFC7CE",
    "missed": "FFC7CE",
    "awaiting_final": "DDEBF7",
    "not_assessable": "EDEDED",
}
BIG = "#,##0"
PCT = '0.0"%"'
RATE = "0.0%"
RATIO = "0.00"

SUMMARY_COLUMNS: tuple[tuple[str, str | None, int], ...] = (
    ("Region", None, 12),
    ("Target", None, 34),
    ("Unit", None, 10),
    ("Kind", None, 12),
    ("Goal", BIG, 16),
    ("Deadline", "yyyy-mm-dd", 12),
    ("Baseline", BIG, 16),
    ("Baseline period", None, 10),
    ("Latest", BIG, 16),
    ("Latest period", None, 10),
    ("Basis", None, 8),
    ("Share of target", PCT, 10),
    ("Gap", BIG, 16),
    ("Gap closed", PCT, 10),
    ("Time elapsed", PCT, 10),
    ("Actual growth/yr", RATE, 10),
    ("Required growth/yr", RATE, 10),
    ("Pace ratio", RATIO, 8),
    ("Pace", None, 20),
    ("Needed from latest/yr", RATE, 10),
    ("Projected at deadline", BIG, 16),
    ("ETA", "yyyy-mm-dd", 12),
    ("Status", None, 22),
    ("Previous status", None, 22),
    ("Stale", None, 7),
    ("Notes", None, 60),
)


def put(ws: Worksheet, row: int, column: int, value: Any, number_format: str | None = None) -> None:
    """Write one cell; text always stays text, never a formula."""
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if number_format and not isinstance(value, str):
        cell.number_format = number_format


def _table(
    ws: Worksheet, columns: Sequence[tuple[str, str | None, int]], rows: Iterable[Sequence[Any]]
) -> int:
    for c, (title, _, width) in enumerate(columns, 1):
        put(ws, 1, c, title)
        cell = ws.cell(row=1, column=c)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(c)].width = width
    n = 1
    for n, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            put(ws, n, c, value, columns[c - 1][1])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(n, 2)}"
    return n


def _summary_row(r: TargetResult) -> list[Any]:
    t, f = r.target, r.figures
    return [
        t.region,
        t.name,
        t.unit,
        t.kind,
        t.target,
        t.deadline,
        r.baseline.value if r.baseline else None,
        r.baseline.period if r.baseline else None,
        r.latest.value if r.latest else None,
        r.latest.period if r.latest else None,
        r.latest.basis if r.latest else None,
        f.share_of_target_pct,
        f.gap,
        f.gap_closed_pct,
        f.time_elapsed_pct,
        f.actual_cagr,
        f.required_cagr,
        f.pace_ratio,
        status_word(f.pace_category) or None,
        f.required_cagr_from_latest,
        f.projected_at_deadline,
        f.eta,
        status_word(r.status),
        status_word(r.previous_status),
        "yes" if r.stale else "no",
        " ".join([note_text(n) for n in r.notes] + [f"{k}: {v}." for k, v in r.why_null]) or None,
    ]


def build_workbook(report: Report) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "Summary"
    last = _table(ws, SUMMARY_COLUMNS, (_summary_row(r) for r in report.targets))
    status_col = [c[0] for c in SUMMARY_COLUMNS].index("Status") + 1
    for row, result in enumerate(report.targets, 2):
        ws.cell(row=row, column=status_col).fill = PatternFill(
            "solid", fgColor=STATUS_FILLS[result.status]
        )
    del last
    obs = wb.create_sheet("Observations")
    _table(
        obs,
        (
            ("Target id", None, 28),
            ("Region", None, 12),
            ("Indicator", None, 22),
            ("Period", None, 10),
            ("Period end", "yyyy-mm-dd", 12),
            ("Value", BIG, 16),
            ("Basis", None, 8),
            ("Input rows", None, 14),
        ),
        (
            [
                r.target.id,
                r.target.region,
                r.target.indicator,
                o.period,
                o.end,
                o.value,
                o.basis,
                ", ".join(map(str, o.rows)),
            ]
            for r in report.targets
            for o in r.observations
        ),
    )
    ctx = wb.create_sheet("Context")
    _table(
        ctx,
        (
            ("Region", None, 12),
            ("Indicator", None, 22),
            ("Name", None, 28),
            ("Basis", None, 8),
            ("Latest", BIG, 16),
            ("Latest period", None, 10),
            ("Previous", BIG, 16),
            ("Previous period", None, 10),
            ("Change", BIG, 16),
            ("Change %", PCT, 10),
        ),
        (
            [
                c.region,
                c.indicator,
                c.name,
                c.basis,
                c.latest.value,
                c.latest.period,
                c.previous.value if c.previous else None,
                c.previous.period if c.previous else None,
                c.change,
                c.change_pct,
            ]
            for c in report.context
        ),
    )
    issues = wb.create_sheet("Data issues")
    _table(
        issues,
        (
            ("Severity", None, 10),
            ("File", None, 16),
            ("Sheet", None, 10),
            ("Row", "0", 6),
            ("Column", None, 10),
            ("Message", None, 100),
        ),
        ([i.severity, i.file, i.sheet, i.row, i.column, i.message] for i in report.issues),
    )
    about = wb.create_sheet("About")
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 100
    lines = [
        ("Report month", str(report.as_of)),
        (
            "Method",
            "Eurostat / Open SDG assessment of progress towards quantitative "
            "targets; see the README for the rules in plain words.",
        ),
    ]
    lines += [(f"Input {i.name}", f"SHA-256 {i.sha256}") for i in report.inputs]
    for row, (key, value) in enumerate(lines, 1):
        put(about, row, 1, key)
        put(about, row, 2, value)
    return wb


def render_workbook(report: Report, lang: str = "en") -> bytes:
    buffer = io.BytesIO()
    build_workbook(report).save(buffer)
    return buffer.getvalue()
