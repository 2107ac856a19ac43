"""The Excel report: built in memory with openpyxl, saved in one small function.

Sheets: Summary (one row per target, grouped by region), Changes (since last month), one
sheet per region with a block and a native chart per target, Context, Data issues, About.
User text is always written as a string cell, so `=cmd|…` in a note never becomes a formula;
the workbook holds values only.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty

from ...i18n import _
from ...model import Report
from .common import by_region, figure_label
from .extras import add_about, add_context, add_issues
from .regions import add_region_sheet, charted
from .styles import month_words, title_line
from .summary import add_changes, add_summary

__all__ = ["build_workbook", "render_workbook"]


def _properties(wb: Workbook, report: Report, lang: str) -> None:
    month = str(report.as_of)
    wb.properties.title = title_line(month, lang)
    wb.properties.subject = _("Monthly progress report, {month}", lang).format(
        month=month_words(month, lang)
    )
    wb.properties.creator = "sockprogress"
    wb.properties.keywords = f"report month {month}"
    wb.properties.language = "zh-CN" if lang == "zh" else "en"
    wb.custom_doc_props.append(StringProperty(name="Report month", value=month))


def build_workbook(report: Report, lang: str = "en") -> Workbook:
    """The whole report as an openpyxl Workbook, in English (`en`) or Chinese (`zh`)."""
    wb = Workbook()
    add_summary(wb, report, lang)
    add_changes(wb, report, lang)
    taken = {ws.title.lower() for ws in wb.worksheets} | {
        figure_label(k, lang).lower() for k in ("sheet_context", "sheet_issues", "sheet_about")
    }
    charts = charted(report)
    for region, results in by_region(report):
        add_region_sheet(wb, report, region, results, lang, taken, charts)
    add_context(wb, report, lang)
    add_issues(wb, report, lang)
    add_about(wb, report, lang)
    _properties(wb, report, lang)
    return wb


def render_workbook(report: Report, lang: str = "en") -> bytes:
    """The report as .xlsx bytes, ready for an atomic write."""
    buffer = io.BytesIO()
    build_workbook(report, lang).save(buffer)
    return buffer.getvalue()
