"""The Chinese report speaks Chinese: page, workbook and terminal, with one word per thing.

Free text from the inputs (a figure's source or note as typed in the sheet, a goal's plan or
source where targets.toml has no Chinese) is the data's, not the tool's, and is taken out
before looking; what remains may hold English only from the short allow-list below.
"""

from __future__ import annotations

import dataclasses
import io
import math
import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook
from synthetic import synthetic_report

from sockprogress.cli import main
from sockprogress.model import Report
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.html import render_html
from sockprogress.words import messages
from sockprogress.words.width import display_width
from sockprogress.words.words import Words

# Proper names, codes and file names a Chinese reader meets as they are.
ALLOWED = {
    "Eurostat",  # the method's authors
    "Open",
    "SDG",
    "sockprogress",  # the tool
    "SHA-256",
    "Actuals",  # the input sheet's name
    "xlsx",
    "toml",
    "json",
    "JSON",  # the machine-readable file, named as its format
    "html",
    "baseline.value",  # a key of targets.toml a hint names
    "regions",  # [[regions]], a table of targets.toml a message names
    "indicators",  # [[indicators]], a table of targets.toml a hint names
    "ytd",  # the values of the basis column
    "month",
    "rate",
    "N",  # 1—N月, N÷12: the month of a year-to-date figure, as the method writes it
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.'-]*")


def codes_and_inputs(report: Report) -> tuple[set[str], list[str]]:
    """The words a Chinese reader may meet as they are (names that have no Chinese form, file
    and sheet names, a cell's own text quoted back) and free texts from the inputs (taken out).

    Codes are not among them: no status code, no target id and no region or indicator code
    that has a Chinese name may show (the names stand for them).
    """
    named = set(dict(report.regions_zh))
    allowed: set[str] = set()
    texts: list[str] = []
    for r in report.targets:
        t = r.target
        named |= {t.region} if t.region_zh else set()
        if not t.name_zh:  # its English name stands in, and that name may be its code
            allowed |= {t.name, t.indicator}
        for o in r.observations:
            texts += [o.source, o.note]
        # The goal's own words, in whichever language targets.toml gives them (a Chinese
        # note may quote the English original).
        texts += [t.plan or "", t.plan_zh or "", t.source or "", t.source_zh or ""]
        texts += [t.note or "", t.note_zh or ""]
    for r in report.targets:
        if r.target.region not in named:
            allowed.add(r.target.region)
    for c in report.context:
        if c.region not in named:
            allowed.add(c.region)
        if not c.name_zh:
            allowed |= {c.name, c.indicator}
        texts += [c.latest.source, c.latest.note]
    ids = {r.target.id for r in report.targets}
    for i in report.issues:
        allowed |= {i.file or "", i.sheet or "", i.column or ""}
        # what the sheet holds, quoted back (a misspelt region, a cell's text): not a code
        allowed |= {v for k, v in i.params if v not in ids and k not in ("target", "series")}
        if not i.code:
            texts.append(i.message)
    for item in report.inputs:
        allowed |= {item.name, item.sha256}
    return allowed - {""}, sorted((t for t in texts if t), key=len, reverse=True)


def english_words(shown: str, report: Report) -> set[str]:
    codes, texts = codes_and_inputs(report)
    for t in texts:
        shown = shown.replace(t, " ")
    allowed = ALLOWED | {part for code in codes for part in WORD.findall(code)} | codes
    allowed -= {s for s in messages.STATUS_WORDS if "_" in s}  # a status is a word, never code
    return {w for w in WORD.findall(shown) if w not in allowed and w.strip(".") not in allowed}


class VisibleText(HTMLParser):
    """The text a reader sees: no style, no chart internals, no hashes."""

    HIDDEN = ("style", "script", "svg", "code")

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.depth += 1
        for name, value in attrs:  # labels a screen reader speaks are text too
            if name in ("aria-label", "data-label", "title") and value and not self.depth:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def visible(html: str, sep: str = "\n") -> str:
    parser = VisibleText()
    parser.feed(html)
    return sep.join(parser.parts)


def cell_texts(wb: Workbook) -> Iterator[str]:
    for ws in wb.worksheets:
        yield ws.title
        # &P and &N are the page-number codes of a page footer, not words
        yield re.sub(r"&[A-Z]", "", ws.oddHeader.left.text or "")
        yield re.sub(r"&[A-Z]", "", ws.oddFooter.center.text or "")
        for row in ws.iter_rows(values_only=True):
            yield from (v for v in row if isinstance(v, str))
        for chart in ws._charts:
            for axis in (chart.x_axis, chart.y_axis):
                if axis.title and axis.title.tx and axis.title.tx.rich:
                    yield from (r.t for p in axis.title.tx.rich.p for r in (p.r or []))


@pytest.fixture(scope="module")
def with_issues(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The synthetic report: data issues of several kinds, a YTD, a context indicator."""
    return synthetic_report(tmp_path_factory.mktemp("zh-synthetic"))


@pytest.mark.parametrize("which", ["shipped", "synthetic"])
def test_chinese_html_has_no_english_words(
    which: str, shipped_report: Report, with_issues: Report
) -> None:
    report = shipped_report if which == "shipped" else with_issues
    html = render_html(report, Words.of("zh"))
    assert english_words(visible(html), report) == set()


@pytest.mark.parametrize("which", ["shipped", "synthetic"])
def test_chinese_workbook_has_no_english_words(
    which: str, shipped_report: Report, with_issues: Report
) -> None:
    report = shipped_report if which == "shipped" else with_issues
    wb = load_workbook(io.BytesIO(render_workbook(report, Words.of("zh"))))
    assert english_words("\n".join(cell_texts(wb)), report) == set()


def test_the_check_itself_finds_english(shipped_report: Report) -> None:
    found = english_words(visible(render_html(shipped_report, Words.of("en"))), shipped_report)
    assert {"Summary", "Goal", "Missed", "Method"} <= found


def test_a_status_has_one_word_in_page_workbook_and_terminal(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    targets, actuals = shipped
    result = CliRunner().invoke(
        main,
        [
            *("report", "--targets", str(targets), "--actuals", str(actuals)),
            *("--as-of", "2026-10", "--out", str(tmp_path), "--lang", "zh"),
        ],
    )
    assert result.exit_code == 0, result.output
    html = visible((tmp_path / "progress-2026-10.zh.html").read_text("utf-8"), sep="")
    wb = load_workbook(tmp_path / "progress-2026-10.zh.xlsx")
    cells = "\n".join(cell_texts(wb))
    statuses = ("missed", "awaiting_final", "not_assessable")  # those of the shipped data
    for status in statuses:
        icon_word = Words.of("zh").status_text(status)
        assert icon_word in html and icon_word in cells
        assert Words.of("zh").status_word(status) in result.output
    # ... and no other name for them, as the two old tables had (待最终数据, 未实现, 无法评估)
    for old in ("待最终数据", "未实现", "按期推进", "进展顺利", "目标进度报告", "目标进展报告"):
        assert old not in html and old not in cells and old not in result.output


def required_lines(value: str, width: float) -> int:
    """Lines a wrapped cell needs, counted as the issue asks: a CJK character is two units of
    the column width, anything else one."""
    total = 0
    for part in value.split("\n"):
        units = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in part)
        total += max(1, math.ceil(units / width))
    return total


def column_width(ws: Any, column: int) -> float:
    """A column's width (1-based); one <col> element of the sheet may cover several columns."""
    for dimension in ws.column_dimensions.values():
        if dimension.min is not None and dimension.min <= column <= dimension.max:
            return float(dimension.width or 8.43)
    return 8.43


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_wrapped_cell_has_the_height_of_its_lines(
    lang: str, shipped_report: Report, with_issues: Report
) -> None:
    for report in (shipped_report, with_issues):
        wb = load_workbook(io.BytesIO(render_workbook(report, Words.of(lang))))
        for ws in wb.worksheets:
            spans = {m.min_row * 10_000 + m.min_col: m for m in ws.merged_cells.ranges}
            for row in ws.iter_rows():
                for cell in row:
                    if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                        continue
                    merged = spans.get(cell.row * 10_000 + cell.column)
                    columns = range(merged.min_col, merged.max_col + 1) if merged else [cell.column]
                    width = sum(column_width(ws, c) for c in columns)
                    height = ws.row_dimensions[cell.row].height or 15
                    lines = required_lines(cell.value, width)
                    assert height >= 14.5 * lines, (ws.title, cell.coordinate, cell.value)


def test_chinese_workbook_reads_periods_plans_and_axes_in_chinese(shipped_report: Report) -> None:
    first = shipped_report.targets[0]
    target = dataclasses.replace(
        first.target, plan_zh="辽源市袜业“十四五”发展目标", source_zh=None, source="English only"
    )
    report = dataclasses.replace(
        shipped_report, targets=(dataclasses.replace(first, target=target),)
    )
    wb = load_workbook(io.BytesIO(render_workbook(report, Words.of("zh"))))
    ws = wb.worksheets[3]  # the region sheet of the first target
    values = [v for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert "辽源市袜业“十四五”发展目标" in values
    assert "English only" in values  # no Chinese source: the English one, not nothing
    assert "2023年5月末" in values  # a period in words, not 2023-05 (a level: at its end)
    assert "2023-05" not in values
    chart = ws._charts[0]
    body = chart.y_axis.title.tx.rich.bodyPr
    assert body.rot == 0 and body.vert == "horz"  # the unit (亿双) reads across, not sideways
    assert chart.y_axis.title.tx.rich.p[0].r[0].t == "亿双"


def test_about_sheet_puts_each_label_beside_its_text(shipped_report: Report) -> None:
    wb = load_workbook(io.BytesIO(render_workbook(shipped_report, Words.of("zh"))))
    ws = wb["编制说明"]
    rows = {ws.cell(r, 1).value: r for r in range(1, 12) if ws.cell(r, 1).value}
    for label in ("报告期", "指标解释与测算方法", "单位", "公式", "图表"):
        row = rows[label]
        assert ws.cell(row, 2).value, label  # its text in the same row
        assert f"B{row}:C{row}" in {str(m) for m in ws.merged_cells.ranges}
    assert "序时进度" in ws.cell(rows["指标解释与测算方法"], 2).value


def test_the_check_finds_codes_too(shipped_report: Report) -> None:
    text = "○ awaiting_final · liaoyuan-sock-capacity · 小北河"
    assert english_words(text, shipped_report) >= {"awaiting_final", "liaoyuan-sock-capacity"}


# What a command line's help and lines name as they are typed: the program (`main` under
# CliRunner), options, placeholders, values, environment variables, and the formats' names.
TYPED = {
    "main",
    "sockprogress",
    "Usage",
    "OPTIONS",
    "COMMAND",
    "ARGS",
    "FILE",
    "DIRECTORY",
    "TEXT",
    "FOLDER",
    "YYYY-MM",
    "en",
    "zh",
    "zh_CN",
    "zh_CN.UTF-8",
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "SOCKPROGRESS_LANG",
    "data",
    "reports",
    "xlsx,html,json",
    "xlsx,html,json,docx",
    "docx",
    "bulletin.docx",
    "Word",
    "Windows",  # the system, named as it is
    "base.html",
    "_summary.html",
    "summary.html",
    "_target.html",
    "target.html",
    "Xiaobeihe",
    "sock_output",
    "Excel",
    "HTML",
    "JSON",
    "TOML",
    "help",
    "lang",
    "version",
    "as-of",
    "targets",
    "actuals",
    "out",
    "format",
    "templates",
    "region",
    "indicator",
    "flags",
    "period",
    "value",
    "basis",
    "source",
    "note",
    "replace",
    "force",
    "new",
    "yes",
    "blank",
    "undo",
    "refresh",
    "backups",
    "Lists",
    "month",
    "ytd",
    "rate",
    "add",
    "check",
    "init",
    "report",
    "target",
}


def terminal_words(output: str, report: Report) -> set[str]:
    """English words in what the terminal printed, file paths (written outputs) aside."""
    kept = [line for line in output.splitlines() if not line.strip().startswith("/")]
    return {w for w in english_words("\n".join(kept), report) if w not in TYPED}


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["report"],
        ["check"],
        ["actuals"],
        ["actuals", "add"],
        ["actuals", "undo"],
        ["actuals", "refresh"],
        ["init"],
    ],
    ids=["main", "report", "check", "actuals", "add", "undo", "refresh", "init"],
)
def test_every_help_screen_is_chinese(command: list[str], shipped_report: Report) -> None:
    result = CliRunner().invoke(main, [*command, "--help"], env={"LANG": "zh_CN.UTF-8"})
    assert result.exit_code == 0, result.output
    assert "用法：" in result.output
    assert terminal_words(result.output, shipped_report) == set()
    # the usage line's placeholders and the headings' colon are Chinese too
    assert "[OPTIONS]" not in result.output and "[选项]" in result.output
    assert "选项:" not in result.output and "选项：" in result.output
    assert "用法：main" in result.output  # no space after the full-width colon
    # a value to type, set off by a space, stays on one line (如 Xiaobeihe 或 小北河)
    for typed in ("小北河", "袜子年产量", "当月数"):
        assert typed in result.output or command != ["actuals", "add"], typed
    # the placeholders are Chinese (--actuals 文件); a format is shown as written (YYYY-MM)
    assert not set(re.findall(r"[A-Z]{4,}", result.output)) & {"FILE", "DIRECTORY", "TEXT"}
    # each line fits click's 80 columns, a Chinese character taking two (click counted
    # characters and ran lines to 100 columns), and none starts with a closing mark
    for line in result.output.splitlines():
        assert display_width(line) <= 80, line
        assert line.strip()[:1] not in set("，。、；：）」”"), line


def test_the_terminal_speaks_chinese_from_report_to_check(
    shipped: tuple[Path, Path], tmp_path: Path, with_issues: Report
) -> None:
    targets, actuals = shipped
    inputs = ["--targets", str(targets), "--actuals", str(actuals), "--as-of", "2026-10"]
    env = {"SOCKPROGRESS_LANG": "zh"}
    report = CliRunner().invoke(main, ["report", *inputs, "--out", str(tmp_path)], env=env)
    check = CliRunner().invoke(main, ["check", *inputs], env=env)
    assert report.exit_code == 0 and check.exit_code == 1
    from sockprogress.periods import Month
    from sockprogress.pipeline import build_report

    shipped_report = build_report(targets, actuals, Month(2026, 10))
    for said in (report.output, check.output):
        assert terminal_words(said, shipped_report) == set(), said
