"""A Chinese column heading of several lines breaks between its words: a spreadsheet breaks
Chinese anywhere, and LibreOffice printed 上月情 / 况 and 最新值所 / 属时期 (a Chinese reader's
find). The words are locales.toml's `heading_words`."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pdfspans import pdf_lines
from yeargoals import AS_OF, write_year_goals

from sockprogress.periods import Month
from sockprogress.pipeline import build_report
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.excel.labels import HEADINGS, figure_label
from sockprogress.rendering.excel.layout import BOLD_WIDTH, _width, heading_text
from sockprogress.words.messages import FIGURE_NAMES
from sockprogress.words.words import Words

ROOT = Path(__file__).resolve().parents[2]
ZH = Words.of("zh")
LABELS = sorted({figure_label(k, ZH) for k in (*HEADINGS, *FIGURE_NAMES)})


@pytest.mark.parametrize(
    ("title", "width", "shown"),
    [
        # four characters or fewer held on one line, the column widened: 上月 / 情况 looked
        # cramped beside a wide column (a Chinese reader's find); LibreOffice printed 上月情 / 况
        ("上月情况", 7.3, "上月情况"),
        ("是否变化", 8.7, "是否变化"),  # 是否变 / 化
        ("最新值所属时期", 11.7, "最新值\n所属时期"),  # 最新值所 / 属时期
        ("上月最新值所属时期", 13.7, "上月最新值\n所属时期"),
        ("比上期增长", 10.7, "比上期\n增长"),  # 比上期增 / 长
        ("实际年均增速", 10.7, "实际\n年均增速"),  # 年均增速 one word: not 实际年均 / 增速
        ("完成全年目标的比例", 18.0, "完成全年目标的\n比例"),  # 的 with the word before it
        # an aside that does not fit beside its word starts a line
        ("与序时进度相比（百分点）", 13.0, "与序时进度\n相比\n（百分点）"),
        ("规划年均增速（按目标值推算）", 20.7, "规划年均增速\n（按目标值推算）"),
        ("规划年均增速（按目标值推算）", 16.7, "规划年均增速\n（按目标值\n推算）"),
        # of the ways of three lines, the one whose longest line is shortest
        ("期末预计值（按当前增速测算）", 16.7, "期末预计值\n（按当前\n增速测算）"),
        ("数值（万吨标准煤）", 12.0, "数值\n（万吨标准煤）"),  # a unit of no listed word: whole
        ("指标", 6.0, "指标"),  # fits: as it is
    ],
)
def test_a_chinese_heading_breaks_between_its_words(title: str, width: float, shown: str) -> None:
    text, wide = heading_text(title, width, ZH)
    assert text == shown
    assert text.replace("\n", "") == title
    assert wide >= width


def test_a_column_is_widened_to_its_headings_widest_word() -> None:
    """所属时期 is one word of four characters: in a column of six it would be torn whatever
    the breaks."""
    text, wide = heading_text("最新值所属时期", 6.0, ZH)
    assert text == "最新值\n所属时期"
    assert wide == pytest.approx(_width("所属时期") * BOLD_WIDTH + 1.0)


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("width", [6.0, 8.7, 11.7, 16.7])
def test_every_line_of_a_broken_heading_fits_its_column(label: str, width: float) -> None:
    text, wide = heading_text(label, width, ZH)
    parts = ZH.heading_parts(label)
    for line in text.split("\n"):
        assert _width(line) * BOLD_WIDTH <= wide - 1.0 + 1e-9, (label, line)
    assert text.replace("\n", "") == label
    # lines end only where a part does
    ends = {sum(len(p) for p in parts[: i + 1]) for i in range(len(parts))}
    done = 0
    for line in text.split("\n"):
        done += len(line)
        assert done in ends, (label, text)


def test_english_headings_are_left_to_break_at_their_spaces() -> None:
    en = Words.of("en")
    assert heading_text("Previous latest period", 9.0, en) == ("Previous latest period", 9.0)
    assert en.heading_parts("Previous latest period") == ("Previous latest period",)


def _torn(printed: list[str], cells: set[str]) -> list[str]:
    """The printed lines that are a piece of a heading not ending where its words end (but
    for the lines of the workbook's other `cells`: 提示, a severity, is a piece of 审核提示)."""
    bounds: dict[str, set[int]] = {}
    for label in LABELS:
        cuts, at = {0}, 0
        for part in ZH.heading_parts(label):
            at += len(part)
            cuts.add(at)
        bounds[label] = cuts

    def whole(line: str) -> bool:
        for label, cuts in bounds.items():
            start = label.find(line)
            while start >= 0:
                if start in cuts and start + len(line) in cuts:
                    return True
                start = label.find(line, start + 1)
        return False

    pieces = [line for line in printed if line not in cells and any(line in x for x in LABELS)]
    return [line for line in pieces if line not in LABELS and not whole(line)]


@pytest.mark.client
@pytest.mark.parametrize("which", ["shipped", "year goals"])
def test_printed_chinese_headings_keep_their_words_whole(
    which: str, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    """Every sheet's headings as LibreOffice prints them: no line ends inside a word."""
    if which == "shipped":
        data = ROOT / "data"
        report = build_report(data / "targets.toml", data / "actuals.xlsx", Month.parse("2026-11"))
    else:
        report = build_report(*write_year_goals(tmp_path / "county"), Month.parse(AS_OF))
    source = tmp_path / "report.xlsx"
    source.write_bytes(render_workbook(report, ZH))
    printed = pdf_lines(soffice(source, "pdf"))
    book = load_workbook(source)
    texts = [c.value for ws in book for row in ws.iter_rows() for c in row]
    headings = {t.replace("\n", "") for t in texts if isinstance(t, str) and "\n" in t}
    cells = {
        line
        for t in texts
        if isinstance(t, str) and t.replace("\n", "") not in LABELS
        for line in t.split("\n")
    }
    assert "最新值所属时期" in headings  # broken, its lines printed apart
    assert _torn(printed, cells) == []


def test_the_changes_and_context_sheets_head_their_columns_as_the_summary_does() -> None:
    """A Chinese reader's finds: the unit stood last and each period before its figure (the
    Summary, as statistical tables, sets the unit after the goal and the figure first), the
    context sheet said 名称 where every other sheet says 指标, 上期 beside 上期值 read as a
    figure (and 上期 is the period just before, of the same frequency: the figure before may
    be years older, 前次), and 上月情况 / 进展情况 were not a pair."""
    data = ROOT / "data"
    report = build_report(data / "targets.toml", data / "actuals.xlsx", Month.parse("2026-11"))
    book = load_workbook(io.BytesIO(render_workbook(report, ZH)))
    changes, context = (
        [h.replace("\n", "") for h in next(book[name].iter_rows(min_row=3, values_only=True)) if h]
        for name in ("较上月变化", "参考指标")
    )
    assert changes == [
        *("地区", "指标", "单位", "上月进展情况", "本月进展情况"),
        *("上月最新值", "上月最新值所属时期", "最新值", "最新值所属时期", "变化内容"),
    ]
    assert context == [
        *("地区", "指标", "单位", "数值类型", "最新值", "最新值所属时期"),
        *("前次值", "前次值所属时期", "较前次增减", "较前次增长"),
    ]
    rows = list(book["参考指标"].iter_rows(min_row=4))
    assert rows and all(isinstance(r[4].value, int | float) and "年" in r[5].value for r in rows)
    # a period set apart from the figure right-aligned before it: "35 2019年12月" ran together
    periods = [c for r in rows for c in (r[5], r[7]) if c.value]
    assert len(periods) > len(rows) and {c.alignment.indent for c in periods} == {1}
    moved = dataclasses.replace(report.targets[0], previous_status="on_track")
    book = load_workbook(
        io.BytesIO(
            render_workbook(dataclasses.replace(report, targets=(moved, *report.targets[1:])), ZH)
        )
    )
    (row,) = book["较上月变化"].iter_rows(min_row=4, max_row=4)
    assert row[5].value == 35 and row[6].value == row[8].value == "2023年5月末"
    assert row[6].alignment.indent == row[8].alignment.indent == 1
