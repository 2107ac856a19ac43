"""The Word bulletin (issue 21): progress-YYYY-MM.docx beside the other outputs, read back with
python-docx, its styles, fonts, page and page numbers in the XML, an office's own template
honoured, and real LibreOffice printing it (page 1 measured with PyMuPDF).

No test here pins the shipped report's counts: every sentence is compared with what
build_bulletin says for the same report.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.document import Document as DocumentObject
from docx.shared import Length, Mm, Pt, RGBColor
from pdfspans import pdf_rows
from yeargoals import SHIPPED_YEAR_MONTH, TARGETS, write_shipped_with_a_year_goal, write_year_goals

from sockprogress.cli import main
from sockprogress.errors import InputError
from sockprogress.model import STATUSES, Report
from sockprogress.periods import Month
from sockprogress.pipeline import build_report
from sockprogress.rendering.bulletin import (
    LATIN,
    Bulletin,
    Measures,
    balanced_lines,
    build_bulletin,
    column_widths,
    ems,
    unbroken,
)
from sockprogress.rendering.docx import CELL_PADDING, MAX_TEMPLATE_BYTES, render_docx
from sockprogress.rendering.view import build_view
from sockprogress.words.words import DASH, Words

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LANGS = ("zh", "en")


@pytest.fixture(scope="module")
def shipped_report() -> Report:
    return build_report(
        ROOT / "data" / "targets.toml", ROOT / "data" / "actuals.xlsx", Month.parse("2026-10")
    )


@pytest.fixture(scope="module")
def year_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    targets, actuals = write_year_goals(tmp_path_factory.mktemp("year-goals"))
    return build_report(targets, actuals, Month.parse("2026-10"))


@pytest.fixture(params=["shipped", "year goals"])
def report(request: pytest.FixtureRequest) -> Report:
    name = "shipped_report" if request.param == "shipped" else "year_report"
    found: Report = request.getfixturevalue(name)
    return found


def bulletin_of(report: Report, lang: str) -> Bulletin:
    return build_bulletin(build_view(report, Words.of(lang)))


def written(report: Report, lang: str, folder: Path, templates: Path | None = None) -> Path:
    path = folder / f"progress-{lang}.docx"
    path.write_bytes(render_docx(report, Words.of(lang), templates))
    return path


def texts(document: DocumentObject) -> list[str]:
    return [p.text for p in document.paragraphs]


def mm(length: Length | None) -> float:
    assert length is not None
    return float(length.mm)


# -- the command line writes it --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_report_writes_the_docx_beside_the_others_and_python_docx_reads_it_back(
    shipped: tuple[Path, Path], shipped_report: Report, tmp_path: Path, lang: str
) -> None:
    targets, actuals = shipped
    out = tmp_path / "out"
    args = ["report", "--targets", str(targets), "--actuals", str(actuals)]
    result = CliRunner().invoke(
        main, [*args, "--as-of", "2026-10", "--out", str(out), "--lang", lang]
    )
    assert result.exit_code == 0, result.output
    # The Chinese files carry `.zh`, so both languages' stand side by side; the JSON has none.
    mark = ".zh" if lang == "zh" else ""
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [
            f"progress-2026-10{mark}.docx",
            f"progress-2026-10{mark}.html",
            "progress-2026-10.json",
            f"progress-2026-10{mark}.xlsx",
        ]
    )
    document = Document(str(out / f"progress-2026-10{mark}.docx"))
    said = bulletin_of(shipped_report, lang)
    paragraphs = texts(document)
    assert paragraphs[0].startswith(said.title)
    assert said.period in paragraphs[0]
    assert Words.of(lang).sentence_gap.join(said.lead) in paragraphs
    assert said.notes and paragraphs[-len(said.notes) - 1 :] == [
        said.note_in_document,
        *said.notes,
    ]
    (table,) = document.tables
    assert len(table.rows) == 1 + len(shipped_report.targets)
    assert [c.text for c in table.rows[0].cells] == list(said.headings)
    # (the Word table breaks a Chinese cell into lines itself: layout.chinese_lines)
    for row, expected in zip(table.rows[1:], said.rows, strict=True):
        assert [c.text.replace("\n", "") for c in row.cells] == list(expected.cells(said.keys))


def test_format_docx_alone_writes_only_the_bulletin(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    targets, actuals = shipped
    out = tmp_path / "out"
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--out", str(out)]
    result = CliRunner().invoke(main, [*args, "--as-of", "2026-10", "--format", "docx"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["progress-2026-10.docx"]


# -- what it says ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_bulletin_in_order_every_paragraph_from_the_report(
    report: Report, tmp_path: Path, lang: str
) -> None:
    said = bulletin_of(report, lang)
    document = Document(str(written(report, lang, tmp_path)))
    paragraphs = texts(document)
    words = Words.of(lang)
    expected = [
        said.title + "\n" + said.heading_period,  # the period on its own line
        words.locale.document.issuer_gap.join(t for t in (said.issuer, said.as_of) if t),
        said.opening,
        said.overall_heading,
        words.sentence_gap.join(said.lead),
        said.table_heading,
        *([said.table_note] if said.table_note else []),  # under the table, when it says one
    ]
    for part in said.sections:
        expected += [part.heading, *part.paragraphs]
    if said.notes:
        expected += [said.note_in_document, *said.notes]
    assert paragraphs == expected
    # each goal's paragraph in part II names the note that gives its latest figure's source;
    # a source several goals share is one note; no note without a source
    (goals, *_) = said.sections
    assert len(goals.paragraphs) == len(report.targets)
    # the figure a paragraph says: the year's cumulative one for a goal in its own year
    said_figures = [r.ytd if r.own_year and r.ytd is not None else r.latest for r in report.targets]
    sources = [f.source for f in said_figures if f is not None and f.source]
    assert sources and len(said.notes) == len(set(sources))
    words = Words.of(lang)
    for text, figure in zip(goals.paragraphs, said_figures, strict=True):
        if figure is not None and figure.source:
            (n,) = [i for i, line in enumerate(said.notes, 1) if figure.source in line]
            assert text.endswith(words.paren(words("source: note {n}").format(n=n)))
        else:
            assert words("source: note {n}").split("{n}")[0] not in text
    (table,) = document.tables
    assert len(table.columns) == len(said.keys)
    assert [len(r.cells) for r in table.rows] == [len(said.keys)] * (1 + len(report.targets))


def test_the_year_goals_table_has_the_schedule_and_year_on_year(
    year_report: Report, tmp_path: Path
) -> None:
    said = bulletin_of(year_report, "zh")
    assert said.keys[-2:] == ("schedule", "yoy")
    document = Document(str(written(year_report, "zh", tmp_path)))
    # a heading its column cannot hold whole is set in two lines (与序时进度 / 相比, 同比 / 增长)
    header = [c.text.replace("\n", "") for c in document.tables[0].rows[0].cells]
    assert header[-2:] == list(said.headings[-2:])


def test_user_text_stays_text(tmp_path: Path) -> None:
    """A name that looks like markup or a field stays a text run: the only field in the
    document is the footer's PAGE."""
    hostile = '<w:fldSimple w:instr="DDEAUTO c:\\\\x"/>{ INCLUDETEXT x }&amp;'
    folder = tmp_path / "county"
    targets, actuals = write_year_goals(folder)
    text = TARGETS.replace('name_zh = "出口额"', f"name_zh = '{hostile}'")
    targets.write_text(text, encoding="utf-8")
    report = build_report(targets, actuals, Month.parse("2026-10"))
    path = written(report, "zh", tmp_path)
    document = Document(str(path))
    assert any(hostile in c.text for c in document.tables[0].columns[0].cells)
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        footers = [archive.read(n).decode() for n in archive.namelist() if "footer" in n]
    assert "&lt;w:fldSimple" in body  # the name, escaped as text
    assert all(tag not in body for tag in ("<w:fldSimple", "<w:instrText", "<w:fldChar"))
    assert all("<w:fldSimple" not in f for f in footers)
    instructions = re.findall(r"<w:instrText[^>]*>([^<]*)<", "".join(footers))
    assert {i.strip() for i in instructions} == {"PAGE"}


# -- styles, fonts, page ---------------------------------------------------------------------


def east_asian(document: DocumentObject, style: str) -> str | None:
    fonts = document.styles[style].element.find(f"{W}rPr/{W}rFonts")
    assert fonts is not None, style
    name: str | None = fonts.get(f"{W}eastAsia")
    return name


def latin(document: DocumentObject, style: str) -> str | None:
    fonts = document.styles[style].element.find(f"{W}rPr/{W}rFonts")
    assert fonts is not None, style
    name: str | None = fonts.get(f"{W}ascii")
    return name


def test_chinese_styles_name_the_fonts_an_office_sets(
    shipped_report: Report, tmp_path: Path
) -> None:
    """GB/T 9704: title 小标宋 22 pt, body 仿宋_GB2312 16 pt, headings 黑体, the table 宋体
    10.5 pt; the XML names them (w:eastAsia), with Latin letters in Times New Roman."""
    path = written(shipped_report, "zh", tmp_path)
    document = Document(str(path))
    words = Words.of("zh")
    table_style, header_style = words("Table text"), words("Table heading")
    assert east_asian(document, "Title") == "方正小标宋简体"
    assert east_asian(document, "Body Text") == "仿宋_GB2312"
    assert east_asian(document, "Normal") == "仿宋_GB2312"
    assert east_asian(document, "Heading 1") == "黑体"
    assert east_asian(document, table_style) == "宋体"
    assert east_asian(document, header_style) == "黑体"
    for style in ("Title", "Body Text", "Heading 1", table_style):
        assert latin(document, style) == "Times New Roman"
    sizes = {
        "Title": 22,
        "Body Text": 16,
        "Heading 1": 16,
        table_style: 10.5,
        header_style: 10.5,
    }
    for style, size in sizes.items():
        assert document.styles[style].font.size == Pt(size), style
    # every paragraph has a named style, the body in 仿宋 and the parts under 黑体 headings
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert styles[:6] == ["Title", "Subtitle", "Body Text", "Heading 1", "Body Text", "Caption"]
    assert {p.style.name for p in document.tables[0].rows[1].cells[0].paragraphs} == {table_style}
    # the stand-ins Word and WPS use where a font is missing: the font table's w:altName
    with zipfile.ZipFile(path) as archive:
        fonts = archive.read("word/fontTable.xml").decode("utf-8")
        styles_xml = archive.read("word/styles.xml").decode("utf-8")
    for font, stand_in in (
        ("仿宋_GB2312", "仿宋"),
        ("方正小标宋简体", "华文中宋"),
        ("黑体", "SimHei"),
    ):
        assert re.search(
            rf'<w:font w:name="{font}"><w:altName w:val="{stand_in}"/><w:charset w:val="86"/>',
            fonts,
        ), font
    assert 'w:eastAsia="仿宋_GB2312"' in styles_xml
    assert 'w:eastAsia="方正小标宋简体"' in styles_xml
    assert "eastAsiaTheme" not in styles_xml.split("</w:docDefaults>")[0]


def test_english_is_plain(shipped_report: Report, tmp_path: Path) -> None:
    document = Document(str(written(shipped_report, "en", tmp_path)))
    assert latin(document, "Body Text") == "Calibri"
    assert document.styles["Body Text"].font.size == Pt(11)
    assert document.styles["Title"].font.bold
    section = document.sections[0]
    assert [round(mm(x)) for x in (section.top_margin, section.left_margin)] == [25, 25]


@pytest.mark.parametrize("lang", LANGS)
def test_page_is_a4_portrait_with_the_languages_margins(
    shipped_report: Report, tmp_path: Path, lang: str
) -> None:
    document = Document(str(written(shipped_report, lang, tmp_path)))
    (section,) = document.sections
    assert mm(section.page_width) == pytest.approx(210, abs=0.5)
    assert mm(section.page_height) == pytest.approx(297, abs=0.5)
    page = Words.of(lang).locale.document.page
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [mm(m) for m in margins] == pytest.approx(
        [page["top"], page["bottom"], page["left"], page["right"]], abs=0.5
    )
    if lang == "zh":  # GB/T 9704's 37/35/28/26 mm
        assert [mm(m) for m in margins] == pytest.approx([37, 35, 28, 26], abs=0.5)


def test_the_table_is_a_real_table_that_fits_the_page(year_report: Report, tmp_path: Path) -> None:
    for lang in LANGS:
        document = Document(str(written(year_report, lang, tmp_path)))
        (table,) = document.tables
        assert table.style is not None and table.style.name == "Table Grid"
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(f"{W}tblHeader") is not None
        section = document.sections[0]
        usable = mm(section.page_width) - mm(section.left_margin) - mm(section.right_margin)
        widths = [mm(c.width) for c in table.rows[1].cells]
        assert sum(widths) == pytest.approx(usable, abs=1)


PAD = CELL_PADDING + 3  # the Word table's cell padding and border, in pt


def test_column_widths_keep_figures_whole_and_wrap_names() -> None:
    names = ["小北河规模以上袜业企业数", "辽源袜子年产能"]
    latest = ["206（2025年6月）", "2（2026年2月）"]
    widths = column_widths(["指标", "最新值（时期）"], [names, latest], 10.5, 150, PAD)
    assert sum(widths) == pytest.approx(150, abs=0.1)
    assert widths[1] >= 8 * 10.5  # the figure and its period on one line
    assert widths[0] < 12 * 10.5  # the long name wraps


def test_a_heading_that_names_a_period_takes_the_room_of_its_two_lines() -> None:
    """A province's 最新值 column asked for 最新值（2026年10月） on one line (10.3 em), wider than
    any of its figures, and 进展情况 gave way: the heading is set on two lines, the period under
    the name (Bulletin.heading_lines), so the column needs the period's width, and the room left
    goes to the long progress words (made-up rows)."""
    headings = ["指标", "最新值（2026年10月）", "进展情况"]
    columns = [
        ["某镇规模以上工业企业数"] * 3,
        ["1547.76", "8002.46", "242.69"],
        ["未完成（⚠ 数据待核实）（按2025年12月数据7400.38判定）"] * 3,
    ]
    widths = column_widths(headings, columns, 10.5, 300, PAD)
    period = 4 + 6 * 0.55  # （2026年10月）: four full-width characters, six digits
    assert widths[1] == pytest.approx(period * 10.5 + PAD, abs=0.5)


def test_a_name_with_an_aside_wraps_and_the_short_columns_keep_their_room() -> None:
    """A Chinese office's walkthrough: with a goal named 袜子年产量（2030年）, the table's
    narrow columns wrapped a character a line (亿/双, 完成/率) and 与序时进度相比's
    "低于2.8个百分点" over three lines: the name was held whole like a figure with its period."""
    headings = ["指标", "单位", "目标值", "最新值（时期）", "完成率", "进展情况", "与序时进度相比"]
    columns = [
        ["小北河袜子年产量（2030年）", "小北河规模以上袜业企业数（2025年）"],
        ["亿双", "户"],
        ["50", "50"],
        ["32（2026年1—11月）", "2（2026年2月；月份为推定）"],
        ["88.9%", "4.0%"],
        ["达到进度要求", "未完成"],
        ["低于2.8个百分点", "—"],
    ]
    widths = column_widths(headings, columns, 10.5, 442.2, PAD)
    assert widths[1] >= 2 * 10.5 + 8.7  # 亿双 on one line, with the cell's margins
    assert widths[4] >= 5 * 0.55 * 10.5 + 8.7  # 88.9% whole
    assert widths[0] < 14 * 10.5  # the name wraps


def test_what_an_aside_says_after_its_period_wraps_and_headings_stay_whole() -> None:
    """A restatement beside the latest figure wraps after the period; a narrow column's
    Chinese heading (目标值) is never broken a character a line."""
    headings = ["指标", "目标值", "最新值（时期）"]
    columns = [
        ["小北河袜业企业数"],
        ["300"],
        ["206（2025年6月；与2022年6月报道数相同，或系沿用旧数）"],
    ]
    widths = column_widths(headings, columns, 10.5, 300, PAD)
    assert sum(widths) == pytest.approx(300, abs=0.1)
    assert widths[1] >= 3 * 10.5  # 目标值 on one line
    assert widths[2] >= 10 * 10.5  # 206（2025年6月 whole
    assert widths[0] >= 4 * 10.5  # the name keeps room: the long aside wraps instead


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_adds_no_space_between_chinese_and_latin(
    shipped_report: Report, tmp_path: Path, lang: str
) -> None:
    """Word's default adds a space between Chinese and Latin text (自动调整中文与西文的间距):
    in a column the rule measured for 超8.3个百分点 it printed "超 8.3 个百分" / "点". The
    table's two styles turn it off; the body text keeps Word's default."""
    path = written(shipped_report, lang, tmp_path)
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
    names = [Words.of(lang)("Table text"), Words.of(lang)("Table heading")]
    for name in names:
        style = styles[styles.index(f'<w:name w:val="{name}"/>') :]
        style = style[: style.index("</w:style>")]
        assert '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>' in style, name
    assert styles.count("w:autoSpaceDE") == len(names)


@pytest.mark.parametrize("lang", LANGS)
def test_year_on_year_is_said_of_the_figure_beside_it(lang: str, tmp_path: Path) -> None:
    """A Chinese reader's find (made-up year goal): the plan goal 小北河年产值, its latest
    38（2025年6月）, had 同比 8.4 % in its row, the change of its series' 2026年1—11月 that
    the year goal's row shows beside that figure."""
    targets, actuals = write_shipped_with_a_year_goal(tmp_path / "office")
    report = build_report(targets, actuals, Month.parse(SHIPPED_YEAR_MONTH))
    view = build_view(report, Words.of(lang))
    bulletin = build_bulletin(view)  # a row per goal, in the view's order
    rows = {t.result.target.id: (t, r) for t, r in zip(view.targets, bulletin.rows, strict=True)}
    (plan_view, plan), (_year_view, year) = (
        rows["xiaobeihe-output-value"],
        rows["xiaobeihe-output-2026"],
    )
    # the plan goal has a 同比, of its series' 1—N月: shown with that figure in its card
    assert plan_view.result.figures.ytd_yoy_pct is not None
    assert plan.yoy == DASH
    assert year.yoy.startswith("8.4")


def test_a_figure_and_its_measure_stay_on_one_line() -> None:
    """Page 1 printed, in Chinese: 与序时进度相比 read "超8.3个百" / "分点": the column could
    narrow to four characters of any Chinese phrase, a figure's measure split from it."""
    headings = [
        "指标",
        "单位",
        "目标值",
        "最新值（时期）",
        "完成率",
        "进展情况",
        "与序时进度相比",
        "同比增长",
    ]
    columns = [
        ["小北河产值（2026年）", "小北河袜业企业数"],
        ["亿元", "户"],
        ["36", "300"],
        ["35.996（2026年1—11月）", "206（2025年6月；与2022年6月报道数相同，或系沿用旧数）"],
        ["99.99%", "68.7%"],
        ["达到进度要求", "待期末数据，预计难以完成"],
        ["超8.3个百分点", "—"],
        ["8.4%", "—"],
    ]
    # wide enough for every floor, not for every cell whole
    widths = column_widths(headings, columns, 10.5, 480, PAD)
    assert widths[6] >= (3 * 0.55 + 4) * 10.5 + PAD  # 8.3个百分点 whole
    assert widths[6] >= 7 * 10.5 + PAD  # its heading, 与序时进度相比, on one line
    assert widths[3] >= 7 * 10.5 + PAD  # 最新值（时期）


def test_the_runs_a_line_must_not_break_are_marked_for_the_page() -> None:
    """The page printed 35.996（2026年1—11 / 月） with the column wide enough for the period
    whole: the browser fills a line as it can, so the figure and its period are set as two
    runs it may not break (and 8.3个百分点 as one), the runs the column rule leaves room for."""
    assert unbroken("35.996（2026年1—11月）") == [("35.996", True), ("（2026年1—11月）", True)]
    assert unbroken("206（2025年6月；与2022年6月报道数相同）") == [
        ("206", True),
        ("（2025年6月", True),
        ("；与2022年6月报道数相同）", False),
    ]
    assert unbroken("超8.3个百分点") == [("超", False), ("8.3个百分点", True)]
    assert unbroken("3.5996 (Jan–Nov 2026)") == [("3.5996 (Jan–Nov 2026)", False)]
    # a short aside in a Chinese phrase is one run too: 小北河产值（2026年） broke inside it
    assert unbroken("（约）") == [("（约）", True)]
    assert unbroken("小北河产值（2026年）") == [("小北河产值", False), ("（2026年）", True)]


def test_an_english_figure_keeps_its_per_cent_sign() -> None:
    """Printed on A4, a county's English table of eight columns set "-2.2 %" as "-2.2" / "%" in
    its narrow 同比 column (a county newcomer's find): a figure and its per cent sign are a run
    held whole, as 8.3个百分点 is, and no column is narrower than it."""
    assert unbroken("-2.2 %") == [("-2.2 %", True)]
    assert unbroken("up 3.1 %/yr") == [("up ", False), ("3.1 %/yr", True)]
    assert unbroken("<0.1 %") == [("<0.1 %", True)]
    assert unbroken("8.3 points behind") == [("8.3 points behind", False)]
    # every floor of the column holds it, however tight the table
    table = Measures.of(["YoY"], [["-2.2 %", "20.6 %"]])
    for floors in (table.floor, table.tight, table.tighter, table.narrow):
        assert floors[0] >= ems("-2.2 %", LATIN), floors


def test_a_name_long_in_every_row_gets_the_room_a_note_long_in_one_row_does_not_need() -> None:
    """Equal room for every long column left each name three or four lines deep beside a
    progress note that was long in one row only: the table is made fewer lines deep."""
    headings = ["Indicator", "Latest (period)", "Progress"]
    names = [
        "Liaoyuan: Annual home textile production capacity",
        "Xiaobeihe: Supporting chain enterprises",
        "Xiaobeihe: Sock firms above designated size",
        "Liaoyuan: Annual clothing production capacity",
    ]
    latest = ["206 (Jun 2025; unchanged since Jun 2022 — possibly a restated figure)"]
    latest += ["2.6 (Jun 2025)", "3.8 (Jun 2025)", "89 (Jun 2025)"]
    progress = ["Awaiting final figure · likely missed", "Missed", "Missed", "On track"]
    widths = column_widths(headings, [names, latest, progress], 10.5, 300, PAD)
    assert sum(widths) == pytest.approx(300, abs=0.1)
    # three words of the longest name on a line (equal columns held two), the progress note
    # still no narrower than its longest word
    assert widths[0] >= len("Liaoyuan: Annual home") * 0.55 * 10.5 + PAD
    assert widths[2] >= len("Awaiting") * 0.55 * 10.5 + PAD
    assert widths[0] > widths[1] > widths[2]


@pytest.mark.parametrize("lang", LANGS)
def test_page_numbers_are_a_page_field_in_the_footer(
    shipped_report: Report, tmp_path: Path, lang: str
) -> None:
    path = written(shipped_report, lang, tmp_path)
    with zipfile.ZipFile(path) as archive:
        footers = [archive.read(n).decode() for n in archive.namelist() if "word/footer" in n]
        settings = archive.read("word/settings.xml").decode()
    assert footers
    for footer in footers:
        assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", footer)
        assert footer.count("w:fldCharType") == 3
    if lang == "zh":  # — 1 —, odd pages right and even pages left (GB/T 9704)
        assert len(footers) == 2 and all("— " in f and " —" in f for f in footers)
        assert "<w:evenAndOddHeaders/>" in settings
        document = Document(str(path))
        section = document.sections[0]
        assert "— 1 —" in section.footer.paragraphs[0].text
        assert "— 1 —" in section.even_page_footer.paragraphs[0].text


# -- the office's template -------------------------------------------------------------------


def office_template(folder: Path) -> Path:
    """An office's bulletin.docx: 20/20/30/15 mm margins, a red 26 pt Title, a letterhead in
    the header, and a body of its own that the bulletin replaces."""
    folder.mkdir(parents=True, exist_ok=True)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header.paragraphs[0].text = "某某县统计局（信笺）"
    title = document.styles["Title"]
    title.font.color.rgb = RGBColor(0xFF, 0, 0)
    title.font.size = Pt(26)
    document.add_paragraph("模板正文，应被替换", style="Normal")
    path = folder / "bulletin.docx"
    document.save(str(path))
    return path


def test_an_offices_bulletin_docx_is_its_template(shipped_report: Report, tmp_path: Path) -> None:
    office_template(tmp_path / "templates")
    path = written(shipped_report, "zh", tmp_path, templates=tmp_path / "templates")
    document = Document(str(path))
    section = document.sections[-1]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [mm(m) for m in margins] == pytest.approx([20, 20, 30, 15], abs=0.5)
    assert section.header.paragraphs[0].text == "某某县统计局（信笺）"
    title = document.paragraphs[0]
    assert title.style is not None and title.style.name == "Title"
    assert title.style.font.color.rgb == RGBColor(0xFF, 0, 0)
    assert title.style.font.size == Pt(26)
    assert "模板正文，应被替换" not in texts(document)
    said = bulletin_of(shipped_report, "zh")
    assert texts(document)[-1] == said.notes[-1]
    # the styles the template lacks are the bulletin's own
    assert east_asian(document, Words.of("zh")("Table text")) == "宋体"


def test_the_report_command_uses_the_template(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    office_template(tmp_path / "templates")
    targets, actuals = shipped
    out = tmp_path / "out"
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--out", str(out)]
    result = CliRunner().invoke(
        main,
        [
            *args,
            "--as-of",
            "2026-10",
            "--format",
            "docx",
            "--templates",
            str(tmp_path / "templates"),
        ],
    )
    assert result.exit_code == 0, result.output
    section = Document(str(out / "progress-2026-10.docx")).sections[-1]
    assert mm(section.left_margin) == pytest.approx(30, abs=0.5)


@pytest.mark.parametrize("kind", ["not a zip", "a folder", "too large"])
def test_a_template_that_is_not_a_docx_is_one_clear_error(
    shipped_report: Report, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    path = folder / "bulletin.docx"
    if kind == "not a zip":
        path.write_text("not a Word document", encoding="utf-8")
    elif kind == "a folder":
        path.mkdir()
    else:
        with path.open("wb") as fh:
            fh.truncate(MAX_TEMPLATE_BYTES + 1)
    with pytest.raises(InputError) as raised:
        render_docx(shipped_report, Words.of("zh"), folder)
    expected = "docx_template_invalid" if kind == "not a zip" else "docx_template_not_file"
    assert raised.value.code == expected
    assert "bulletin.docx" in str(raised.value)
    assert "bulletin.docx" in raised.value.said(Words.of("zh"))


# -- printed by LibreOffice ------------------------------------------------------------------


def page_one(pdf: Path) -> tuple[str, list[float], list[int]]:
    """Page 1's text, every span's size (PyMuPDF's: the page's scaling included) and colour."""
    import pymupdf

    with pymupdf.open(pdf) as document:  # type: ignore[no-untyped-call]
        page = document[0]
        text = page.get_text("text")
        spans = [
            span
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", ())
            for span in line["spans"]
            if span["text"].strip()
        ]
    return text, [s["size"] for s in spans], [s["color"] for s in spans]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.client
@pytest.mark.parametrize("lang", LANGS)
def test_libreoffice_prints_page_one_as_a_bulletin(
    report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path], lang: str
) -> None:
    """Page 1 holds the title, the lead sentence and the table's first row, nothing on it
    under 10.5 pt as printed; the Chinese page 1 has no code, id or English status word."""
    said = bulletin_of(report, lang)
    pdf = soffice(written(report, lang, tmp_path), "pdf")
    text, sizes, _ = page_one(pdf)
    flat = squeezed(text)
    assert squeezed(said.title) in flat
    assert squeezed(said.lead[0]) in flat
    assert squeezed(said.headings[0]) in flat
    assert squeezed(said.rows[0].name) in flat
    assert min(sizes) >= 10.5 - 0.05, sorted(sizes)[:5]
    if lang == "zh":
        english = Words.of("en")
        for result in report.targets:
            assert result.target.id not in text
        for status in STATUSES:
            assert status not in text
            assert english.status_word(status).lower() not in text.lower()
        assert not re.search(r"[A-Za-z]{3,}", text), text


@pytest.mark.client
def test_libreoffice_prints_the_offices_red_title(
    shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    office_template(tmp_path / "templates")
    path = written(shipped_report, "zh", tmp_path, templates=tmp_path / "templates")
    text, sizes, colours = page_one(soffice(path, "pdf"))
    assert "某某县统计局（信笺）" in text
    assert 0xFF0000 in colours
    assert max(sizes) == pytest.approx(26, abs=0.1)


def test_the_period_is_the_months_the_year_figures_cover_not_the_report_month(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Reported in November with October's figures in (the made-up county), the bulletin is
    1—10月, as its schedule (10/12) is."""
    targets, actuals = write_year_goals(tmp_path_factory.mktemp("november"))
    november = build_report(targets, actuals, Month.parse("2026-11"))
    said = bulletin_of(november, "zh")
    assert said.period == "2026年1—10月"
    assert "现将2026年1—10月目标完成情况通报如下" in said.opening
    assert bulletin_of(november, "en").period == Words.of("en").months_to(10, 2026)


@pytest.mark.parametrize("lang", LANGS)
def test_a_goal_below_the_years_schedule_is_named_so_not_by_a_status_word(
    year_report: Report, lang: str
) -> None:
    """A year's goal below 序时进度 is listed as such in part III, never under a status word
    it does not have (an on-track goal a little below the schedule is not 进度滞后)."""
    words = Words.of(lang)
    (_, attention) = bulletin_of(year_report, lang).sections
    below = [line for line in attention.paragraphs if words("Below the year's schedule") in line]
    behind = [
        r.target
        for r in year_report.targets
        if r.own_year
        and r.figures.ytd_schedule_gap_pts is not None
        and (r.figures.ytd_schedule_gap_pts < 0) == (r.target.direction == "increase")
    ]
    assert behind and len(below) == 1
    for target in behind:
        assert (words.pick(target.name, zh=target.name_zh) or target.name) in below[0]
    assert not any(words("Not on track") in line for line in attention.paragraphs)


@pytest.mark.parametrize(("lang", "tag"), [("zh", "zh-CN"), ("en", "en")])
def test_the_documents_language_is_the_readers(
    report: Report, tmp_path: Path, lang: str, tag: str
) -> None:
    """A Chinese office's walkthrough: the Chinese bulletin's docProps/core.xml said en-US (the
    language of its Latin runs), which Word shows as the document's language."""
    assert Document(str(written(report, lang, tmp_path))).core_properties.language == tag


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        # "<who><year>年<what>": broken after the year, each line's words whole
        (
            "某某产业园2026年主要经济指标目标完成情况",
            ["某某产业园2026年", "主要经济指标目标完成情况"],
        ),
        ("辽源、小北河袜业2025年目标完成情况", ["辽源、小北河袜业2025年目标完成情况"]),  # fits
    ],
)
def test_a_long_title_is_set_in_even_lines(
    shipped_report: Report,
    tmp_path: Path,
    title: str,
    lines: list[str],
    soffice: Callable[[Path, str], Path],
) -> None:
    """Word filled the title's first line and left "况" alone on the second ("…目标完成情" /
    "况", a newcomer's find in LibreOffice's PDF). A title that needs two lines is set in two
    even ones (bulletin.balanced_lines), broken where its words allow, then its period."""
    info = dataclasses.replace(shipped_report.info, title_zh=title)
    report = dataclasses.replace(shipped_report, info=info)
    document = Document(str(written(report, "zh", tmp_path)))
    assert document.paragraphs[0].text.split("\n") == [*lines, "（2026年10月）"]
    pdf = soffice(tmp_path / "progress-zh.docx", "pdf")
    printed = pdf_rows(pdf.read_bytes())[0]
    assert [row.replace(" ", "") for row in printed[: len(lines)]] == lines


def test_balanced_lines_break_where_the_words_allow() -> None:
    english = "Liaoyuan and Xiaobeihe sock clusters: progress towards the 2025 goals"
    assert balanced_lines(english, 25, 0.5) == [english]  # Word breaks it at its spaces
    # never inside a figure, nor before a closing mark or after an opening one
    for line in (10.0, 12.0, 15.0):
        lines = balanced_lines("2026年1—11月（累计）完成情况通报", line, 0.5)
        assert len(lines) == 2, lines
        assert not lines[1].startswith(("）", "，")) and not lines[0].endswith("（")
        assert not (lines[0][-1:].isdigit() and lines[1][:1].isdigit()), lines
        assert "—" not in (lines[0][-1], lines[1][0]) and "（" not in lines[0], lines


@pytest.mark.client
def test_libreoffice_prints_the_word_tables_chinese_cells_broken_as_chinese_is_set(
    shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    """A Chinese reader's find: Word and LibreOffice broke 待期末数据，暂 / 无法预判 and
    月份为 / 推定 in the table's narrow columns. The tool breaks a Chinese cell itself, as the
    workbook's first sheet does (layout.chinese_lines): where a phrase ends, no line started by
    a closing mark or a comma, and LibreOffice keeps each of its lines whole."""
    from pdfspans import pdf_lines

    from sockprogress.words.width import NO_LINE_START

    pdf = soffice(written(shipped_report, "zh", tmp_path), "pdf")
    lines = pdf_lines(pdf)
    assert "暂无法预判" in lines, lines
    # a cell's aside whole on its line, or on a line of its own: never 月份为 / 推定
    assert any(line == "月份为推定）" or line.endswith("；月份为推定）") for line in lines), lines
    assert not [line for line in lines if line and line[0] in NO_LINE_START]
    # each goal's name on a line of its own, where the table has room: 小北河规模以上袜 / 业企业数
    # tore a word
    names = [row.name for row in bulletin_of(shipped_report, "zh").rows]
    assert max(map(len, names)) == 12
    assert [name for name in names if name not in lines] == [], lines


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_notes_line_stays_with_its_first_note(
    shipped_report: Report, lang: str, tmp_path: Path
) -> None:
    """A newcomer's find: the 注：最新数据来源 line stood alone at the foot of page 2, its
    first note on page 3. Like a heading, it keeps with the paragraph after it; the notes
    themselves do not."""
    bulletin = bulletin_of(shipped_report, lang)
    assert bulletin.notes  # the shipped figures' sources
    document = Document(str(written(shipped_report, lang, tmp_path)))
    paragraphs = document.paragraphs
    at = texts(document).index(bulletin.note_in_document)
    assert paragraphs[at].paragraph_format.keep_with_next is True
    assert paragraphs[at + 1].text == bulletin.notes[0]
    assert not paragraphs[at + 1].paragraph_format.keep_with_next


@pytest.mark.parametrize(
    ("month", "heading", "label"),
    [("2026-11", "完成情况", "完成情况："), ("2025-09", "进展情况", "进展情况：")],
)
def test_goals_past_their_deadline_are_said_by_their_outcome(
    month: str, heading: str, label: str
) -> None:
    """A year-end notice heads its goals' verdicts 完成情况 and says 完成情况：未完成: the
    bulletin's 进展情况 over goals whose deadline had passed read as goals still running (a
    Chinese reader's find). Before the deadline, 进展情况 as before."""
    data = ROOT / "data"
    report = build_report(data / "targets.toml", data / "actuals.xlsx", Month.parse(month))
    bulletin = build_bulletin(build_view(report, Words.of("zh")))
    (other,) = {"完成情况", "进展情况"} - {heading}
    assert heading in bulletin.headings and other not in bulletin.headings
    paragraphs = bulletin.sections[0].paragraphs
    assert paragraphs and all(label in p for p in paragraphs), paragraphs
    english = build_bulletin(build_view(report, Words.of("en")))
    assert ("Outcome" if heading == "完成情况" else "Progress") in english.headings
