"""The Changes sheet: the targets whose status or latest figure moved since last month."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from ...i18n import _
from ...model import TargetResult
from .. import outcome
from ..formatting import colon, status_text, status_word
from .book import Book
from .formats import ITALIC, TITLE
from .labels import figure_label, region_name, target_name
from .layout import heading_row, month_words, period_words, print_setup, put

COLUMNS: tuple[tuple[str, float], ...] = (
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


def _what_changed(result: TargetResult, book: Book) -> str:
    lang = book.lang
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
        s = book.scale(result)
        parts.append(
            _("revised {period}: {old} → {new}", lang).format(
                period=period_words(rev.period, lang),
                old=f"{s.of(rev.old):g}",
                new=f"{s.of(rev.new):g}",
            )
        )
    return ("；" if lang == "zh" else "; ").join(parts)


def write_changes(book: Book, ws: Worksheet) -> None:
    report, lang, f = book.report, book.lang, book.formats
    month, before = book.month, str(report.as_of.shift(-1))
    title = _("What changed since last month", lang) + colon(lang)
    put(ws, 0, 0, f"{title}{month_words(before, lang)} → {month_words(month, lang)}", f(TITLE))
    put(ws, 1, 0, outcome.comparison_text(report, lang))
    heading_row(ws, f, 2, [figure_label(k, lang) for k, _w in COLUMNS], [w for _k, w in COLUMNS])
    row = 2
    for result in (r for r in report.targets if r.changed):
        row += 1
        s = book.scale(result)
        number = f.number(s.number_format)
        prev, now = result.previous_latest, result.latest
        region = result.target.region
        put(ws, row, 0, region_name(region, report, lang) if lang == "zh" else region)
        put(ws, row, 1, target_name(result, lang))
        old, new = result.previous_status, result.status
        put(ws, row, 2, status_text(old, lang), f.status(old))
        put(ws, row, 3, status_text(new, lang), f.status(new))
        put(ws, row, 4, period_words(prev.period, lang) if prev else None)
        put(ws, row, 5, s.of(prev.value) if prev else None, number)
        put(ws, row, 6, period_words(now.period, lang) if now else None)
        put(ws, row, 7, s.of(now.value) if now else None, number)
        put(ws, row, 8, s.unit)
        put(ws, row, 9, _what_changed(result, book))
    if row == 2:
        put(
            ws,
            3,
            0,
            _("No target changed its status or latest figure since {month}.", lang).format(
                month=month_words(before, lang)
            ),
            f(ITALIC),
        )
    ws.freeze_panes(3, 0)
    print_setup(ws, ws.get_name(), month, lang, title_row=2)
