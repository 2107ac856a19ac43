"""A figure's period is said alike wherever a table or a line gives it: a level at its period's
end in Chinese (2025年6月末, a 时点数), a year-to-date sum by its months, a month in words. The
Summary said 2025年6月 of the 206 firms that the Changes sheet, the page's lists and the goal's
paragraph said at 2025年6月末, and in English "2025-06" in a column of "Jan–Nov 2026" (a Chinese
reader's find). On the shipped goals."""

from __future__ import annotations

import datetime as dt
import io
import re
from html import unescape
from pathlib import Path

import pytest
from helpers import joined
from openpyxl import load_workbook

from sockprogress.model import Report
from sockprogress.periods import Month
from sockprogress.pipeline import build_report
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.html import render_html
from sockprogress.rendering.view import build_view
from sockprogress.words.words import Words

ROOT = Path(__file__).resolve().parents[1]
SUMMARY = {"en": "Summary", "zh": "汇总表"}
PERIOD = {"en": "Latest period", "zh": "最新值所属时期"}
# what is said of a figure after its period: (estimate), （月份为推定）, on a line of its own
ASIDE = re.compile(r"\n| \(|（|；|; ")


@pytest.fixture(scope="module")
def shipped() -> Report:
    data = ROOT / "data"
    return build_report(
        data / "targets.toml",
        data / "actuals.xlsx",
        Month.parse("2026-11"),
        today=dt.date(2026, 12, 5),
    )


def summary_periods(report: Report, lang: str) -> dict[str, str]:
    """Each goal's latest period on the Summary sheet, what is said of it (its aside) apart."""
    ws = load_workbook(io.BytesIO(render_workbook(report, Words.of(lang))))[SUMMARY[lang]]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    at = next(n for n, row in enumerate(rows) if PERIOD[lang] in joined(row))
    column = joined(rows[at]).index(PERIOD[lang])
    name = 1  # after the region's column: the shipped goals are of two regions
    return {
        str(row[name]): ASIDE.split(str(row[column]))[0]
        for row in rows[at + 1 :]
        if row[name] and row[column]
    }


def page_periods(report: Report, lang: str) -> dict[str, str]:
    """Each goal's latest period under its figure in the page's summary table."""
    html = render_html(report, Words.of(lang))
    table = re.search(r'<table class="summary-table">.*?</table>', html, re.S)
    assert table is not None
    out = {}
    for row in re.findall(r"<tr data-status.*?</tr>", table.group(0), re.S):
        name = re.search(r'<th scope="row">(?:<a [^>]*>)?(.*?)<', row, re.S)
        cells = re.findall(r'<td class="num">(.*?)</td>', row, re.S)
        latest = re.search(r'<span class="sub">(.*?)<', cells[1]) if len(cells) > 1 else None
        if name and latest:
            out[unescape(name.group(1))] = ASIDE.split(unescape(latest.group(1)))[0]
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_latest_figures_period_is_said_alike_in_the_summaries_as_in_the_lines(
    shipped: Report, lang: str
) -> None:
    words = Words.of(lang)
    view = build_view(shipped, words)
    said = {t.name: words.figure_period(t.latest) for t in view.targets if t.latest}
    assert said, "the shipped goals have figures"
    assert summary_periods(shipped, lang) == said
    assert page_periods(shipped, lang) == said
    levels = [
        p for t in view.targets if t.latest and t.latest.basis == "level" for p in [said[t.name]]
    ]
    if lang == "zh":  # a 时点数 at its month's end, as the Changes sheet and the paragraph say it
        assert levels and all(p.endswith("末") for p in levels), levels
    else:  # in words, never as typed in the sheet (2025-06) beside Jan–Nov 2026
        assert not [p for p in said.values() if re.fullmatch(r"\d{4}-\d{2}", p)], said
