"""The workbook's first printed page is the bulletin (issue 21): LibreOffice's PDF of it, measured
with PyMuPDF (span sizes are the printed font sizes, page scaling included)."""

from __future__ import annotations

import dataclasses
import itertools
import statistics
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from pdfspans import pdf_baselines, pdf_pages, pdf_rows
from yeargoals import AS_OF, SHIPPED_YEAR_MONTH, write_shipped_with_a_year_goal, write_year_goals

from sockprogress.model import STATUSES, Report
from sockprogress.periods import Month
from sockprogress.pipeline import build_report
from sockprogress.rendering.bulletin import build_bulletin
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.excel.labels import figure_label, target_scale
from sockprogress.rendering.view import build_view
from sockprogress.words.words import Words

pytestmark = pytest.mark.client

ROOT = Path(__file__).resolve().parents[2]

FIVE_HAO = 10.5
LIU_HAO = 7.5  # 六号, the smallest size a printed table of a bulletin's annex uses


def first_page(path: Path) -> tuple[float, str]:
    found = pdf_pages(path)[0]
    return min(size for size, _ in found), "".join(t for _, t in found).replace(" ", "")


def ten_goals(report: Report) -> Report:
    """The shipped goals and two more (made up: the next plan's, copied from the first two
    with their own ids), as an office's folder has them once it adds its next goals."""
    more = tuple(
        dataclasses.replace(r, target=dataclasses.replace(r.target, id=f"{r.target.id}-2030"))
        for r in report.targets[3:5]
    )
    return dataclasses.replace(report, targets=(*report.targets, *more))


def report_of(which: str, shipped: Report, tmp_path: Path) -> Report:
    """The shipped report, the made-up county's goals for the year, ten goals, or the shipped
    goals with a year's goal beside them (nine goals, eight columns)."""
    if which == "shipped and a year goal":
        targets, actuals = write_shipped_with_a_year_goal(tmp_path / "office")
        return build_report(targets, actuals, Month.parse(SHIPPED_YEAR_MONTH))
    if which == "year goals":
        return build_report(*write_year_goals(tmp_path / "county"), Month.parse(AS_OF))
    return ten_goals(shipped) if which == "ten goals" else shipped


def printed(
    report: Report, lang: str, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> Path:
    """The report's workbook in `lang`, as LibreOffice prints it (a PDF)."""
    source = tmp_path / f"report-{lang}.xlsx"
    source.write_bytes(render_workbook(report, Words.of(lang)))
    return soffice(source, "pdf")


# The shipped goals with a year's goal: nine rows of eight columns, on a landscape page. In
# English its ninth row and 注 line still go onto page 2: its rows are as deep as their
# characters counted one "0" each (the rule every wrapped cell is held to), a line more than
# Calibri needs for "206 (Jun 2025; unchanged since Jun 2022 — possibly a restated figure)".
PAGE_ONE = [
    (lang, which) for lang in ("en", "zh") for which in ("shipped", "year goals", "ten goals")
] + [("zh", "shipped and a year goal")]


@pytest.mark.parametrize(("lang", "which"), PAGE_ONE)
def test_the_workbook_prints_the_bulletin_first_at_five_hao_or_larger(
    lang: str,
    which: str,
    shipped_report: Report,
    tmp_path: Path,
    soffice: Callable[[Path, str], Path],
) -> None:
    """Page 1 is the whole bulletin, its 注 line included: in a newcomer's landscape bulletin of
    ten goals, the 注 line had gone onto a page of its own under the repeated headings (the 注
    line now follows the table without a blank row, and the margins are 0.6 in)."""
    report = report_of(which, shipped_report, tmp_path)
    smallest, text = first_page(printed(report, lang, tmp_path, soffice))
    assert smallest >= FIVE_HAO
    bulletin = build_bulletin(build_view(report, Words.of(lang)))
    said_here = (bulletin.title, bulletin.lead[0][:16], bulletin.headings[-1])
    for said in (*said_here, bulletin.note_in_workbook):
        assert said.replace(" ", "") in text, said
    # the workbook's own 注 line: "…及工作簿" / "…and in the workbook" read oddly in it
    assert bulletin.note.replace(" ", "") not in text
    for row in bulletin.rows:  # every goal's row, the start of the table and its end
        assert row.name.replace(" ", "")[:6] in text
    if lang == "zh":
        codes = {s for s in STATUSES} | {r.target.id for r in report.targets}
        english = {Words.of("en").status_word(s) for s in STATUSES}
        assert not {c for c in codes | english if c in text}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", ["shipped", "year goals"])
def test_the_summary_prints_the_directors_columns_at_liu_hao_or_larger(
    lang: str,
    which: str,
    shipped_report: Report,
    tmp_path: Path,
    soffice: Callable[[Path, str], Path],
) -> None:
    """All 20-odd columns of the Summary fit to one page wide printed at 4.5 pt; it prints the
    columns up to the trend, every goal's row in them, and nothing smaller than 六号 (7.5 pt;
    9 pt and more without the year's three columns)."""
    report, words = report_of(which, shipped_report, tmp_path), Words.of(lang)
    pdf = printed(report, lang, tmp_path, soffice)
    pages = pdf_pages(pdf)
    view = build_view(report, words)
    summary = words("Summary") if lang == "en" else "汇总表"
    # the sheet's pages: after the bulletin, up to the next sheet's name in the header
    found = [p for p in pages[1:] if any(t == summary for _, t in p)]
    assert found, [t for _, t in pages[1]][:5]
    smallest = min(size for page in found for size, _ in page)
    assert smallest >= (LIU_HAO if which == "year goals" else 9), smallest
    text = "".join(t for page in found for _, t in page).replace(" ", "")
    for target in view.targets:
        assert target.name.replace(" ", "")[:8] in text, target.name
    assert words.figure_name("share_of_target_pct").replace(" ", "") in text
    # each figure printed with its unit: the unit column stood after the goal, off the printed
    # columns, and the Summary printed "35" for 5 billion pairs
    assert figure_label("unit", words) in text
    # and its goal, before its figures and their judgement, as an office's table sets them:
    # without it, 完成率 could not be checked (a Chinese reader's find); a cap's marked ≤
    labels = [figure_label(k, words) for k in ("unit", "goal", "latest", "status")]
    rows = [page for page in pdf_rows(pdf)[1:] if any(t.endswith(summary) for t in page)]
    heading = next(t for page in rows for t in page if labels[0] in t and labels[3] in t)
    at = [heading.find(label) for label in labels]
    assert -1 < at[0] < at[1] < at[2] < at[3], (heading, at)
    goals = Counter(t.strip() for page in found for _, t in page if t.strip().startswith("≤"))
    caps = [v for v in view.targets if v.goal_mark]
    assert sum(goals.values()) == len(caps), goals
    cells = Counter(t.strip() for page in found for _, t in page)
    units = Counter(target_scale(t.result, words).unit for t in view.targets)
    assert all(cells[unit] >= n for unit, n in units.items()), (units, cells)
    # under the table, printed with it: what 与序时进度相比 counts, where a figure needs it
    # (test_the_summary_says_what_a_plan_goals_schedule_gap_counts)
    note = build_bulletin(view).summary_note
    assert note.replace(" ", "") in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_summary_says_what_a_plan_goals_schedule_gap_counts(
    lang: str, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    """Before their deadline, the shipped goals' numbers under 与序时进度相比 count their gain
    since the baseline, where 完成率 beside them counts from zero (68.7 % of 300 firms beside
    -85.7: no firm gained since 2021's 206; 96.7 % beside 低于8.3个百分点 had puzzled a reader of
    page 1): a line under
    the Summary's table says so, printed with it. Once the deadline has passed no gap is
    shown, and no line is needed."""
    data = ROOT / "data"
    before = build_report(data / "targets.toml", data / "actuals.xlsx", Month.parse("2025-09"))
    words = Words.of(lang)
    note = build_bulletin(build_view(before, words)).summary_note
    plan = words(
        "A plan's goal against the schedule: the share of the planned change since the "
        "baseline made so far, held against the share of the plan's time gone; the share of "
        "goal counts from zero."
    )
    assert note == words("Note: {text}").format(text=plan)
    pages = pdf_pages(printed(before, lang, tmp_path, soffice))
    summary = words("Summary") if lang == "en" else "汇总表"
    text = "".join(t for p in pages[1:] if any(t == summary for _, t in p) for _, t in p)
    assert note.replace(" ", "") in text.replace(" ", "")
    after = build_report(data / "targets.toml", data / "actuals.xlsx", Month.parse("2026-11"))
    assert build_bulletin(build_view(after, words)).summary_note == ""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_printed_summarys_rows_are_as_tall_as_what_they_print(
    lang: str, shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    """A goal's printed row holds no empty lines: the notes, off the printed columns, were
    wrapped in theirs and made rows up to seven lines tall with two printed. From one goal's
    name to the next, the page may hold one line more than it prints (a region's band, or a
    line of spare). What is said of a latest period is printed whole on a line of its own
    (（月份为推定） ran over the trend and was cut at the page's edge)."""
    words = Words.of(lang)
    view = build_view(shipped_report, words)
    pages = pdf_baselines(printed(shipped_report, lang, tmp_path, soffice))
    summary = words("Summary") if lang == "en" else "汇总表"
    page = next(p for p in pages[1:] if any(t.endswith(summary) for _, t in p))
    # the goals printed on the Summary's first page (in English, five of the eight), in the
    # table: below its heading row (a line of the headline may start with a goal's name)
    unit, status = (figure_label(k, words) for k in ("unit", "status"))
    head = next(y for y, t in page if unit in t and status in t)
    tops = sorted(
        y
        for v in view.targets
        for y, t in page
        if y > head and t.startswith(f"{v.region}{v.name[:6]}")
    )
    assert len(tops) >= 5, page
    # a line's pitch: the figures' baselines stand a few points above the names', so the
    # median step of those more than half a line apart
    steps = [b - a for (a, _), (b, _) in itertools.pairwise(page)]
    pitch = statistics.median(d for d in steps if d > 6)
    for above, below in itertools.pairwise(tops):
        lines = sum(1 for y, _ in page if above <= y < below)
        assert below - above <= (lines + 1.5) * pitch, (above, below, lines, pitch)
    if lang == "zh":  # on the Summary's pages
        said = [t for p in pages[1:] if any(t.endswith(summary) for _, t in p) for _, t in p]
        assert any(t.endswith("（月份为推定）") for t in said)
        assert any("（估算数）" in t for t in said)


@pytest.mark.parametrize("which", ["shipped", "year goals"])
def test_the_summarys_chinese_sentences_break_as_chinese_is_set(
    which: str, shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    """The lines above and under the Summary's table, wrapped by LibreOffice, started with
    "；待期末数据" and with the "”" of “≤” (a Chinese reader's find): they are broken as page 1's
    are, no printed line starting with a closing mark."""
    report = report_of(which, shipped_report, tmp_path)
    pages = pdf_rows(printed(report, "zh", tmp_path, soffice))
    lines = [t.strip() for p in pages[1:] if any(t.endswith("汇总表") for t in p) for t in p]
    assert len(lines) > 10
    closing = tuple("，。；：、）》”’")
    assert not [t for t in lines if t.startswith(closing)], lines


@pytest.mark.parametrize(("lang", "gap"), [("en", " · "), ("zh", "　　")])
def test_the_issuer_line_is_set_apart_as_the_language_sets_it(
    shipped_report: Report, lang: str, gap: str
) -> None:
    """A maintainer's reading: the workbook's bulletin joined the issuer and the date with two
    ideographic spaces in English too; the Word bulletin took the language's gap."""
    import io

    from openpyxl import load_workbook

    words = Words.of(lang)
    said = build_bulletin(build_view(shipped_report, words))
    assert said.issuer and said.issuer_line == said.issuer + gap + said.as_of
    book = load_workbook(io.BytesIO(render_workbook(shipped_report, words)))
    assert book.worksheets[0]["A3"].value == said.issuer_line


@pytest.mark.parametrize("which", ["shipped", "ten goals"])
def test_the_workbooks_bulletin_prints_each_chinese_name_on_one_line(
    which: str, shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    """小北河规模以上袜业企业数 printed as 小北河规模以上袜业企业 / 数: a name is held
    whole where the table has room (bulletin.NAME_CJK), the other columns wrapping as Chinese
    is set."""
    from pdfspans import pdf_lines

    report = report_of(which, shipped_report, tmp_path)
    lines = pdf_lines(printed(report, "zh", tmp_path, soffice))
    names = [row.name for row in build_bulletin(build_view(report, Words.of("zh"))).rows]
    assert max(map(len, names)) == 12
    assert [name for name in names if name not in lines] == [], lines
