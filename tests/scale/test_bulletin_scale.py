"""The Word bulletin of a province: one paragraph for each goal shown in full, as the page and
the workbook show them, and a line saying where the others are."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from docx.oxml.ns import qn
from province import Size

from sockprogress.periods import Month
from sockprogress.pipeline import build_report
from sockprogress.rendering.bulletin import build_bulletin
from sockprogress.rendering.selection import IN_FULL
from sockprogress.rendering.view import build_view
from sockprogress.words.words import Words


@pytest.mark.parametrize(
    ("lang", "closing"),
    [
        ("en", "The other 20 goals are in the table above and on the workbook's Summary."),
        ("zh", "其余20项目标的完成情况见前文汇总表及工作簿“汇总表”工作表。"),
    ],
)
def test_a_provinces_bulletin_says_the_goals_shown_in_full_and_where_the_rest_are(
    make_province: Callable[[Size], tuple[Path, Path]], lang: str, closing: str
) -> None:
    """A maintainer's reading: part II took the first 200 goals in the table's order and left
    the rest out without a word, while the page and the workbook show the 200 most in need of
    attention in full (synthetic province, 220 goals)."""
    report = build_report(*make_province(Size(11, 20, 2)), Month.parse("2026-10"))
    view = build_view(report, Words.of(lang))
    (goals, *_) = build_bulletin(view).sections
    shown = [t for t in view.targets if t.in_full]
    assert len(report.targets) == 220 and len(shown) == IN_FULL
    assert len(goals.paragraphs) == IN_FULL + 1 and goals.paragraphs[-1] == closing
    for paragraph, target in zip(goals.paragraphs, shown, strict=False):
        assert target.name in paragraph


def test_the_view_and_the_bulletin_are_laid_out_once_for_every_output(
    shipped: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page, the Word bulletin and the workbook show one view and one bulletin: a
    province's 2,000 targets are worked out once (view: 0.4 s; bulletin: 40 ms), not per
    output. Another language is another view and another bulletin."""
    from sockprogress.pipeline import write_report
    from sockprogress.rendering import bulletin, view

    made: list[str] = []

    def counted(name: str, real: Any) -> Any:
        def make(*args: Any) -> Any:
            made.append(name)
            return real(*args)

        return make

    monkeypatch.setattr(view, "_build_view", counted("view", view._build_view))
    monkeypatch.setattr(bulletin, "_build_bulletin", counted("bulletin", bulletin._build_bulletin))
    report = build_report(*shipped, Month(2026, 10))
    for lang in ("en", "zh"):
        write_report(report, tmp_path / lang, ["html", "docx", "xlsx"], Words.of(lang))
    assert made == ["view", "bulletin"] * 2


@pytest.mark.parametrize(
    ("lang", "regions", "title"),
    [
        ("en", 5, "Progress towards each region's goals"),
        ("zh", 5, "各地区目标完成情况"),
        ("en", 4, "Progress towards the goals of town-001, town-002, town-003, town-004"),
        ("zh", 4, "town-001、town-002、town-003、town-004目标完成情况"),
    ],
)
def test_a_title_names_up_to_four_regions_and_speaks_of_each_beyond(
    make_province: Callable[[Size], tuple[Path, Path]],
    tmp_path: Path,
    lang: str,
    regions: int,
    title: str,
) -> None:
    """A province without a title of its own (synthetic, made-up towns): its 100 towns, each
    named, were a title of ten lines on page 1, in the Word bulletin and on the Summary."""
    from docx import Document
    from openpyxl import load_workbook

    from sockprogress.pipeline import write_report

    report = build_report(*make_province(Size(regions, 2, 1)), Month.parse("2026-10"))
    assert report.info.title is None
    words = Words.of(lang)
    page, bulletin, workbook = write_report(report, tmp_path, ("html", "docx", "xlsx"), words)
    assert f"<title>{title}" in unescape(page.read_text(encoding="utf-8"))
    first = Document(str(bulletin)).paragraphs[0].text  # broken into lines where they fit
    assert "".join(first.splitlines()).startswith(title)
    book = load_workbook(workbook, read_only=True)
    summary = book.worksheets[1]
    assert str(next(summary.iter_rows(max_row=1, values_only=True))[0]).startswith(title)
    book.close()  # a read-only workbook keeps its file open until then


@pytest.mark.parametrize(
    ("lang", "region", "name", "said"),
    [
        ("zh", "town-001", "Synthetic indicator ind-01", "town-001·Synthetic indicator ind-01"),
        ("zh", "town-001", "袜子年产能", "town-001袜子年产能"),
        ("zh", "辽源", "Sock capacity", "辽源Sock capacity"),
        ("zh", "辽源", "袜子年产能", "辽源袜子年产能"),
        ("en", "town-001", "Synthetic indicator ind-01", "town-001: Synthetic indicator ind-01"),
    ],
)
def test_a_region_and_a_name_in_latin_letters_do_not_run_together_in_chinese(
    lang: str, region: str, name: str, said: str
) -> None:
    assert Words.of(lang).region_and_name(region, name) == said


def test_the_chinese_bulletins_table_keeps_a_latin_region_apart_from_its_goal(
    make_province: Callable[[Size], tuple[Path, Path]],
) -> None:
    """Made-up towns with no Chinese names: the table read "town-001Synthetic indicator
    ind-01"; it reads "town-001·Synthetic indicator ind-01", as the terminal says it (four
    towns: beyond, the rows stand under a heading per town)."""
    report = build_report(*make_province(Size(4, 2, 1)), Month.parse("2026-10"))
    rows = build_bulletin(build_view(report, Words.of("zh"))).rows
    assert rows and all(row.name.startswith("town-0") and "·" in row.name for row in rows)
    assert "town-001·Synthetic indicator ind-01" in {row.name for row in rows}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_beyond_four_regions_the_bulletins_table_sets_each_regions_goals_under_its_heading(
    make_province: Callable[[Size], tuple[Path, Path]], tmp_path: Path, lang: str
) -> None:
    """A province's table named its town before each of its goals, 2,000 times ("town-001·…");
    a Chinese reader's find. Beyond four regions each region has a heading row across the
    table, on the page, in the Word bulletin and on the workbook's first sheet, and its goals
    follow by their names; the sentences still name the region (made-up towns)."""
    from docx import Document
    from openpyxl import load_workbook

    from sockprogress.pipeline import write_report

    report = build_report(*make_province(Size(5, 2, 1)), Month.parse("2026-10"))
    words = Words.of(lang)
    view = build_view(report, words)
    bulletin = build_bulletin(view)
    towns = [f"town-00{n}" for n in range(1, 6)]
    assert [r.region for r in bulletin.rows] == [town for town in towns for _ in range(2)]
    assert {r.name for r in bulletin.rows} == {t.name for t in view.targets}  # no town in them
    (goals, *_) = bulletin.sections
    assert "town-001" in goals.paragraphs[0]
    page, document, workbook = write_report(report, tmp_path, ("html", "docx", "xlsx"), words)

    html = page.read_text(encoding="utf-8")
    headings = re.findall(r'<th colspan="\d+" scope="rowgroup">([^<]*)</th>', html)
    assert headings == towns
    first = html.index('scope="rowgroup">town-001<')
    assert first < html.index(view.targets[0].name, first) < html.index(">town-002<")

    table = Document(str(document)).tables[0]
    spans = [
        (tr.tc_lst[0].grid_span, "".join(t.text or "" for t in tr.iter(qn("w:t"))))
        for tr in table._tbl.tr_lst
    ]
    across = [text for span, text in spans if span == len(bulletin.keys)]
    assert across == towns
    assert len(spans) == 1 + len(towns) + len(bulletin.rows)  # the heading row, towns, goals

    sheet = load_workbook(workbook).worksheets[0]
    merged = {
        str(sheet.cell(m.min_row, 1).value)
        for m in sheet.merged_cells.ranges
        if m.min_row == m.max_row and m.max_col == len(bulletin.keys)
    }
    assert set(towns) <= merged


def test_up_to_four_regions_the_table_names_the_region_before_each_goal(
    make_province: Callable[[Size], tuple[Path, Path]],
) -> None:
    report = build_report(*make_province(Size(4, 2, 1)), Month.parse("2026-10"))
    rows = build_bulletin(build_view(report, Words.of("en"))).rows
    assert not any(r.region for r in rows)
    assert rows[0].name == "town-001: Synthetic indicator ind-01"


@pytest.mark.client
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_workbooks_bulletin_never_ends_a_printed_page_with_a_regions_heading(
    make_province: Callable[[Size], tuple[Path, Path]],
    tmp_path: Path,
    lang: str,
    soffice: Callable[[Path, str], Path],
) -> None:
    """The Word bulletin keeps a region's heading row with its first goal; the workbook's first
    sheet printed town-004's heading as the last line of page 2, its goals on page 3 (Excel
    has no "keep with next"; a Chinese reader's find). It now breaks the page above such a
    heading. Measured on LibreOffice's print of 24 made-up towns' 120 goals, which also
    started a line with the "）" of 未完成（按2025年12月数据585.01判定）."""
    from sockprogress.pipeline import write_report

    report = build_report(*make_province(Size(24, 5, 2)), Month.parse("2026-10"))
    words = Words.of(lang)
    (workbook,) = write_report(report, tmp_path, ("xlsx",), words)
    pdf = soffice(workbook, "pdf")
    summary = words("Summary")
    towns = re.compile(r"town-\d{3}")
    checked = 0
    printed: Any = pymupdf.open(pdf)  # type: ignore[no-untyped-call]
    for page in printed:
        lines = [
            (line["bbox"][1], "".join(span["text"] for span in line["spans"]).strip())
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
        ]
        texts = [text for _, text in lines]
        if summary in texts:  # the header names the sheet from the Summary on
            break
        footer = max(top for top, _ in lines)  # "Page 2 of 149" / 第2页，共149页
        # and no printed line starts with a closing mark (未完成（按…判定 / ）): the sheet breaks
        # its Chinese cells as Chinese is set (layout.chinese_lines)
        assert not [text for _, text in lines if text[:1] in "）”。，、；："], page.number + 1
        headings = [top for top, text in lines if towns.fullmatch(text)]
        if not headings:
            continue
        last = max(headings)
        below = [text for top, text in lines if last + 2 < top < footer]
        assert below, f"page {page.number + 1} ends with a region's heading"
        checked += 1
    assert checked >= 5  # the bulletin's table runs over several pages


def _without_months(actuals: Path, dropped: int, to: Path) -> Path:
    """A copy of a made-up province's actuals with the October 2026 row of its first `dropped`
    towns' ind-01 (a level) taken out: their latest figures are of September."""
    from openpyxl import load_workbook

    book = load_workbook(actuals)
    sheet = book.worksheets[0]
    towns = {f"town-00{n}" for n in range(1, dropped + 1)}
    for row in range(sheet.max_row, 1, -1):
        region, indicator, period = (str(sheet.cell(row, c).value) for c in (1, 2, 3))
        if region in towns and indicator == "ind-01" and period == "2026-10":
            sheet.delete_rows(row)
    book.save(to)
    return to


@pytest.mark.parametrize(
    ("lang", "heading", "other"),
    [("en", "Latest (Oct 2026)", " (Sep 2026)"), ("zh", "最新值（2026年10月）", "（2026年9月）")],
)
def test_the_period_of_nine_in_ten_figures_is_said_once_in_the_latest_columns_heading(
    make_province: Callable[[Size], tuple[Path, Path]],
    tmp_path: Path,
    lang: str,
    heading: str,
    other: str,
) -> None:
    """A province's 2,000 rows each said （2026年10月） beside their figure, and each row took a
    second line on paper. When nine in ten figures are of one period, the heading names it
    (最新值（2026年10月）) and only a figure of another period says its own; below that share
    every figure keeps its period (made-up towns, one or two goals without October's rows).
    The page, the Word table and the workbook's first sheet set the heading on two lines, the
    period under the name (Word broke it as "（2026年10" / "月）")."""
    from docx import Document
    from openpyxl import load_workbook

    from sockprogress.pipeline import write_report

    targets, actuals = make_province(Size(5, 2, 1))
    words = Words.of(lang)
    one = _without_months(actuals, 1, tmp_path / "one.xlsx")
    bulletin = build_bulletin(build_view(build_report(targets, one, Month(2026, 10)), words))
    column = bulletin.keys.index("latest")
    assert bulletin.headings[column] == heading
    cells = [r.latest for r in bulletin.rows]
    assert sum(other in c for c in cells) == 1  # the goal without October's rows
    assert sum("2026" in c for c in cells) == 1

    # the one figure of another period: a 注 line says the heading's period is the rule
    # (a Chinese reader's find: 2026年9月 under 最新值（2026年10月） read as a contradiction)
    period = heading[heading.index("(" if lang == "en" else "（") + 1 : -1]
    said = words("Note: latest figures are of {period} unless another period is given.")
    said = said.format(period=period)
    # (then what the plan goals' 按增量计 counts: test_plan_schedule)
    assert bulletin.table_note.startswith(said)
    assert bulletin.note.startswith(said.rstrip(".。")) and bulletin.note != said
    assert bulletin.note_in_workbook.startswith(said.rstrip(".。"))

    two = _without_months(actuals, 2, tmp_path / "two.xlsx")
    mixed = build_bulletin(build_view(build_report(targets, two, Month(2026, 10)), words))
    assert mixed.headings[column] == words("Latest (period)")
    assert sum(other in r.latest for r in mixed.rows) == 2
    assert all("2026" in r.latest for r in mixed.rows)
    assert period not in mixed.table_note and period not in mixed.note

    alike = build_bulletin(build_view(build_report(targets, actuals, Month(2026, 10)), words))
    assert alike.headings[column] == heading  # every figure of October: no 注 line needed
    assert period not in alike.table_note and period not in alike.note

    report = build_report(targets, one, Month(2026, 10))
    page, document, workbook = write_report(report, tmp_path, ("html", "docx", "xlsx"), words)
    cut = heading.index("(" if lang == "en" else "（")
    name, period = heading[:cut], heading[cut:]
    html = page.read_text(encoding="utf-8")
    assert f'<p class="note">{bulletin.note}</p>' in unescape(html)
    assert any(p.text.startswith(said) for p in Document(str(document)).paragraphs)
    cells = [c.value for row in load_workbook(workbook).worksheets[0].iter_rows() for c in row]
    assert bulletin.note_in_workbook in [str(c).replace("\n", "") for c in cells]
    if lang == "zh":  # two lines; an English heading breaks at its spaces
        assert f">{name}<br>{period}</th>" in html
        header = Document(str(document)).tables[0].rows[0].cells[column]
        assert header.text == f"{name}\n{period}"
        sheet = load_workbook(workbook).worksheets[0]
        found = [c.value for row in sheet.iter_rows() for c in row if c.value]
        assert f"{name}\n{period}" in found
    else:
        assert f">{heading}</th>" in html
        assert Document(str(document)).tables[0].rows[0].cells[column].text == heading


def test_a_tables_year_columns_are_left_out_when_no_goal_has_a_figure_in_them(
    make_province: Callable[[Size], tuple[Path, Path]],
) -> None:
    """与序时进度相比 and 同比增长 stood in a province's table with a dash in each of its rows
    (no goal of it has a year's goal of its own): two columns, a quarter of the page, said
    nothing (made-up towns). 同比增长 still says nothing there and is left out; 与序时进度相比
    holds the plan's schedule of each goal not yet due (its 2030 goals)."""
    report = build_report(*make_province(Size(5, 2, 1)), Month(2026, 10))
    view = build_view(report, Words.of("zh"))
    assert any(t.year_cells.value != "—" for t in view.targets)  # what put them there before
    bulletin = build_bulletin(view)
    assert bulletin.keys == ("name", "unit", "goal", "latest", "share", "progress", "schedule")
    due = [r for r in bulletin.rows if r.schedule == "—"]
    assert due and len(due) < len(bulletin.rows)
    bases = ("按增量计", "按减量计")
    assert all(any(b in r.schedule for b in bases) for r in bulletin.rows if r not in due)


@pytest.mark.client
def test_libreoffice_prints_the_word_tables_period_heading_on_two_whole_lines(
    make_province: Callable[[Size], tuple[Path, Path]],
    tmp_path: Path,
    soffice: Callable[[Path, str], Path],
) -> None:
    """最新值 / （2026年10月） as printed: measured with Times New Roman's half-em digits, the
    column broke the period again, "（2026年10" / "月）", for LibreOffice sets a figure among
    Chinese characters in the Chinese font (locales.toml `table_latin`; six made-up towns)."""
    from pdfspans import pdf_lines

    from sockprogress.pipeline import write_report

    report = build_report(*make_province(Size(6, 3, 2)), Month(2026, 11))
    (document,) = write_report(report, tmp_path, ("docx",), Words.of("zh"))
    lines = ["".join(line.split()) for line in pdf_lines(soffice(document, "pdf"))]
    assert "最新值" in lines and "（2026年10月）" in lines, lines[:40]
