"""A plan's goal not yet due is held against its schedule in every table, as its paragraph
holds it; and a county's eight-column table is set on A4 at 10.5 pt without breaking a unit or
leaving a heading's last character alone on a line.

A county newcomer's find: beside the year's goals, a goal of 60 firms by the end of 2026 (48 at
the end of 2025, 58 in November) read 完成率 96.7 %, 进度偏慢 and "—" under 与序时进度相比 on
page 1; its paragraph said "增量完成率83.3%，…低于同期序时进度（91.7%）8.3个百分点", and the
workbook's Summary had the -8.3. Every figure here is made up (yeargoals.SOURCE says so).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from helpers import frame, make_year_goal, report_args
from openpyxl import load_workbook
from pdfspans import pdf_lines, pdf_pages
from yeargoals import FIRMS, LEVEL, county, write_county, write_year_goals

from sockprogress.cli import main
from sockprogress.judging import judge
from sockprogress.model import Actuals, Report, TargetsFile
from sockprogress.periods import Month
from sockprogress.pipeline import build_report, changes_line
from sockprogress.rendering.bulletin import Bulletin, build_bulletin, even_heading
from sockprogress.rendering.docx import CELL_PADDING, render_docx
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.html import render_html
from sockprogress.rendering.view import build_view
from sockprogress.words.words import DASH, Words

AS_OF = "2026-11"
SAID = {
    "zh": "低于8.3个百分点（按增量计）",
    "en": "8.3 points behind (gain since the baseline)",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The made-up county's four goals for 2026 with their 1—11月, and the level goal."""
    return write_county(tmp_path_factory.mktemp("county"))


@pytest.fixture(scope="module")
def report(files: tuple[Path, Path]) -> Report:
    return build_report(*files, Month.parse(AS_OF), today=dt.date(2026, 12, 5))


def bulletin(report: Report, lang: str) -> Bulletin:
    return build_bulletin(build_view(report, Words.of(lang)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_plan_goal_not_yet_due_is_held_against_its_plans_schedule_in_the_tables(
    report: Report, lang: str, tmp_path: Path
) -> None:
    (firms,) = [r for r in report.targets if r.target.id == "firms-2026"]
    assert firms.figures.schedule_gap_pts == pytest.approx(-8.333, abs=0.001)
    assert firms.status == "moderate_progress"
    said = bulletin(report, lang)
    assert said.keys[-2:] == ("schedule", "yoy")
    (row,) = [r for r in said.rows if r.status == "moderate_progress" and r.unit in ("户", "firms")]
    assert row.schedule == SAID[lang]
    assert row.yoy == DASH  # a level has no 同比
    # the Word table's cell, the page's two tables (page 1 and the summary)
    document = Document(_written_docx(report, lang, tmp_path))
    cells = [c.text.replace("\n", "") for r in document.tables[0].rows for c in r.cells]
    assert SAID[lang].replace(" ", "") in [c.replace(" ", "") for c in cells]
    page = render_html(report, Words.of(lang))
    assert SAID[lang] in table_text(page, "bulletin-table")
    assert SAID[lang] in table_text(page, "summary-table")


def table_text(page: str, name: str) -> str:
    """A table of the page as it reads: its tags gone (page 1's cells are set a line a box)."""
    table = page.split(f'class="{name}"', 1)[1].split("</table>", 1)[0]
    return re.sub(r"<[^>]+>", "", table)


def _written_docx(report: Report, lang: str, folder: Path) -> str:
    path = folder / f"bulletin-{lang}.docx"
    path.write_bytes(render_docx(report, Words.of(lang), None))
    return str(path)


def test_every_output_says_the_same_gap_and_the_json_keeps_its_figure(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    """The workbook's Summary had the figure; the page, the Word table and the JSON agree."""
    out = tmp_path / "out"
    done = CliRunner().invoke(main, report_args(*files, AS_OF, out))
    assert done.exit_code == 0, done.output
    data = json.loads((out / f"progress-{AS_OF}.json").read_text(encoding="utf-8"))
    (firms,) = [t for t in data["targets"] if t["id"] == "firms-2026"]
    assert firms["schedule_gap_pts"] == pytest.approx(-8.333, abs=0.001)
    book = load_workbook(out / f"progress-{AS_OF}.xlsx", read_only=True)
    values = list(book["Summary"].iter_rows(values_only=True))
    book.close()  # a read-only workbook holds its file open (a ResourceWarning at any collection)
    header = next(r for r in values if "Status" in r)
    (line,) = [r for r in values if r[header.index("Target")] == "Firms above designated size"]
    gap = header.index("Ahead (+) or behind (-) the time-proportional schedule, points")
    assert line[gap] == pytest.approx(-8.333, abs=0.01)


def test_a_goal_past_its_deadline_has_no_schedule_in_the_tables(tmp_path: Path) -> None:
    """Once due, the outcome speaks (the headline's 待期末数据): the same goal in the report
    for January 2027 gives the tables no schedule column; its paragraph keeps the dated gap."""
    targets, actuals = county(tmp_path, LEVEL, FIRMS)
    later = build_report(targets, actuals, Month.parse("2027-01"), today=dt.date(2027, 2, 5))
    (firms,) = later.targets
    assert firms.figures.schedule_gap_pts is not None  # of its November figure
    said = bulletin(later, "zh")
    assert "schedule" not in said.keys
    page = render_html(later, Words.of("zh"))
    for name in ("bulletin-table", "summary-table"):
        assert "与序时进度相比" not in table_text(page, name)
    assert "8.3个百分点" in page  # the target's card says it, with its date


def test_plan_goals_of_levels_alone_give_the_schedule_and_no_column_of_dashes(
    tmp_path: Path,
) -> None:
    """A level has no 同比: the table of plan goals of levels has 与序时进度相比 and no
    同比增长 of dashes, on page 1 and in the page's summary."""
    targets, actuals = county(tmp_path, LEVEL, FIRMS)
    alone = build_report(targets, actuals, Month.parse(AS_OF), today=dt.date(2026, 12, 5))
    said = bulletin(alone, "zh")
    assert said.keys[-1] == "schedule"
    assert said.rows[0].schedule == SAID["zh"]
    page = render_html(alone, Words.of("zh"))
    summary = table_text(page, "summary-table")
    assert "与序时进度相比" in summary and SAID["zh"] in summary
    assert "同比" not in summary


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_note_under_the_table_says_what_the_gain_is_counted_on(
    report: Report, lang: str, tmp_path: Path
) -> None:
    """A Chinese reader's find: 96.7 % beside 低于8.3个百分点（按增量计） puzzles without a word
    on what each counts: the 注 line under the table says it, in every output's note."""
    said = bulletin(report, lang)
    basis = "按增量计" if lang == "zh" else "gain since the baseline"
    for note in (said.note, said.note_in_workbook, said.table_note):
        assert f"“{basis}”" in note
    assert said.table_note.startswith("注：" if lang == "zh" else "Note: ")
    year_goals = build_report(*write_year_goals(tmp_path), Month.parse("2026-10"))
    alone = bulletin(year_goals, lang)  # no plan goal: no word of it
    assert basis not in alone.note + alone.note_in_workbook + alone.table_note


@pytest.mark.parametrize(("deadline", "shown"), [("2026-12-31", False), ("2028-12-31", True)])
def test_the_growth_a_year_needed_is_not_said_with_less_than_a_year_left(
    tmp_path: Path, deadline: str, shown: bool
) -> None:
    """A county newcomer's find: with one month left, 58 -> 60 firms read 今后所需年均增速49.1%,
    a month's need made annual. Under a year from the latest figure to the deadline the card
    and the workbook's block give the gap to the goal (距目标差额 2户) and no rate; the JSON
    keeps the figure (method). Two years left, the rate is said."""
    targets, actuals = county(tmp_path, LEVEL.replace("2026-12-31", deadline), FIRMS)
    alone = build_report(targets, actuals, Month.parse(AS_OF), today=dt.date(2026, 12, 5))
    assert alone.targets[0].figures.required_cagr_from_latest is not None
    view = build_view(alone, Words.of("zh"))
    keys = [f.key for f in view.targets[0].figures]
    assert "gap" in keys
    assert ("required_cagr_from_latest" in keys) is shown
    page = render_html(alone, Words.of("zh"))
    assert ("今后所需年均增速" in page) is shown


@pytest.mark.parametrize(
    ("lang", "cap", "in_summary"), [("zh", "≤100", "≤100万吨"), ("en", "≤1", "≤1 m t")]
)
def test_a_caps_goal_is_marked_at_most_in_the_tables(
    report: Report, lang: str, cap: str, in_summary: str
) -> None:
    """A Chinese reader's find: printed in black and white, 低于3.7个百分点 beside a cap (used
    below its schedule: good) read as 低于1.9个百分点 beside an output (behind: bad); colour alone
    told them apart. A goal to cut or a cap is written ≤100 in the tables."""
    said = bulletin(report, lang)
    goals = {r.name: r.goal for r in said.rows}
    assert goals["综合能源消费量" if lang == "zh" else "Energy use"] == cap
    assert goals["规上工业总产值" if lang == "zh" else "Industrial output value"] == (
        "343.2" if lang == "zh" else "34.32"
    )
    summary = table_text(render_html(report, Words.of(lang)), "summary-table")
    assert in_summary in summary and summary.count("≤") == 1


@pytest.mark.parametrize(
    ("lang", "broadly", "on_track"),
    [("zh", "基本达到进度要求", "达到进度要求"), ("en", "Broadly on track", "On track")],
)
def test_a_year_goal_below_its_schedule_within_the_tolerance_is_broadly_on_track(
    report: Report, lang: str, broadly: str, on_track: str, tmp_path: Path
) -> None:
    """Two Chinese readers' find: 达到进度要求 beside 低于1.9个百分点, and the lead naming the goal
    under 未达到序时进度（在允许偏差范围内）, read as a contradiction. A year's goal below its
    schedule and on track (95 % of it or more, method) says 基本达到进度要求 wherever its status
    is said; one at or ahead of its schedule (the energy cap) keeps 达到进度要求; the JSON keeps
    on_track for both."""
    names = {
        "zh": ("规上工业总产值", "综合能源消费量"),
        "en": ("Industrial output value", "Energy use"),
    }
    below, cap = names[lang]
    said = bulletin(report, lang)
    progress = {r.name: r.progress for r in said.rows}
    assert progress[below] == broadly and progress[cap] == on_track
    view = build_view(report, Words.of(lang))
    (output,) = [t for t in view.targets if t.result.target.id == "output-2026"]
    assert output.result.status == "on_track" and output.status_short == broadly
    paragraphs = [p for s in said.sections for p in s.paragraphs if below in p]
    status = Words.of(lang)("Progress: {status}.").format(status=broadly)
    assert any(status in p for p in paragraphs), paragraphs
    document = Document(_written_docx(report, lang, tmp_path))
    cells = [c.text.replace("\n", "") for r in document.tables[0].rows for c in r.cells]
    assert broadly in cells


@pytest.mark.parametrize(
    ("lang", "counted", "changed", "what"),
    [
        (
            "zh",
            "达到进度要求2项（含基本达到进度要求1项）",
            "规上工业总产值由“进度偏慢”转为“基本达到进度要求”",
            "进展情况由“进度偏慢”变为“基本达到进度要求”",
        ),
        (
            "en",
            "2 on track (of which 1 broadly on track)",
            "Industrial output value (broadly on track, was moderate progress)",
            "status from Moderate progress to Broadly on track",
        ),
    ],
)
def test_the_counts_and_the_changes_say_broadly_on_track_as_the_tables_do(
    files: tuple[Path, Path],
    report: Report,
    lang: str,
    counted: str,
    changed: str,
    what: str,
    tmp_path: Path,
) -> None:
    """A Chinese reader's find: the tables said 基本达到进度要求 for the output goal, and the
    terminal's counts and the line over the workbook's Summary counted it under 达到进度要求
    alone. They count it among the goals on track (as the JSON's counts do), saying how many of
    them are broadly so; a goal turning so says 基本达到进度要求 in the changes."""
    out = tmp_path / "out"
    done = CliRunner().invoke(main, ["--lang", lang, *report_args(*files, AS_OF, out)])
    assert done.exit_code == 0, done.output
    assert counted in done.output
    mark = "" if lang == "en" else ".zh"
    book = load_workbook(out / f"progress-{AS_OF}{mark}.xlsx", read_only=True)
    cells = [str(v) for ws in book for r in ws.iter_rows(values_only=True) for v in r if v]
    book.close()
    assert any(counted in c for c in cells)
    data = json.loads((out / f"progress-{AS_OF}.json").read_text(encoding="utf-8"))
    assert data["counts"]["on_track"] == 2
    # the page's filter buttons: 已提前完成：1, where every achieved goal is so (已完成：1 read
    # as another goal); 达到进度要求：2, one of them broadly so
    page = (out / f"progress-{AS_OF}{mark}.html").read_text(encoding="utf-8")
    buttons = re.findall(r'<a href="#only-[a-z_]+"[^>]*>(.*?)</a>', page)
    said = [re.sub(r"<[^>]+>", "", b).strip() for b in buttons]
    words = Words.of(lang)
    early = words.status_word("achieved", "ahead") + words.colon + "1"
    assert f"✔ {early}" in said and f"▲ {words.status_word('on_track')}{words.colon}2" in said
    # last month, the output goal was behind: this month it turned broadly on track
    targets = tuple(
        dataclasses.replace(r, previous_status="moderate_progress")
        if r.target.id == "output-2026"
        else r
        for r in report.targets
    )
    turned = dataclasses.replace(report, targets=targets)
    words = Words.of(lang)
    assert changed in changes_line(turned, words)
    view = build_view(turned, words)
    (output,) = [t for t in view.targets if t.result.target.id == "output-2026"]
    assert what in output.what_changed
    path = tmp_path / "turned.xlsx"
    path.write_bytes(render_workbook(turned, words))
    changes = load_workbook(path, read_only=True)
    row = next(r for r in changes[words("Changes")].iter_rows(values_only=True) if output.name in r)
    changes.close()
    # after the goal: its unit, last month's status, this month's (one region: no region column)
    assert row[row.index(output.name) + 3] == f"▲ {words.status_word('on_track', 'broadly')}"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "已完成3项（含提前完成1项），基本达到进度要求2项，进度偏慢1项"),
        ("en", "3 achieved (of which 1 ahead of time), 2 broadly on track, 1 moderate progress"),
    ],
)
def test_a_count_says_its_goals_as_the_tables_do(lang: str, said: str) -> None:
    """A count of goals all of which the tables call 已提前完成 or 基本达到进度要求 says so; of
    some of them, it says how many (a Chinese reader's wording: 含, not 其中, after a 其中)."""
    counts = {"achieved": 3, "on_track": 2, "moderate_progress": 1}
    nuanced = {("achieved", "ahead"): 1, ("on_track", "broadly"): 2}
    assert Words.of(lang).counts_text(counts, nuanced=nuanced) == said


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pace_of_a_goal_broadly_on_track_is_said_as_its_status(
    report: Report, lang: str, tmp_path: Path
) -> None:
    """The region sheet's block said 进展情况 ▲ 基本达到进度要求 at its top and 进度判断
    达到进度要求 below it; the pace is said as the status is, on the sheet and the page's card,
    and its JSON keeps on_track."""
    words = Words.of(lang)
    broadly = words.status_word("on_track", "broadly")
    view = build_view(report, words)
    (output,) = [t for t in view.targets if t.result.target.id == "output-2026"]
    pace = output.figure("pace_category")
    assert pace is not None and pace.text == broadly and pace.value == broadly
    assert output.result.figures.pace_category == "on_track"
    path = tmp_path / "book.xlsx"
    path.write_bytes(render_workbook(report, words))
    book = load_workbook(path, read_only=True)
    label = words.figure_name("pace_category")
    rows = [r for r in book[output.region].iter_rows(values_only=True) if label in r]
    book.close()
    assert rows and all(broadly in r for r in rows[:1]), rows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_tables_say_a_caps_gap_under_the_schedule_keeps_it_within(
    report: Report, lang: str
) -> None:
    """The county's energy cap for the year (made up), its share used under the schedule: the
    made-up county of a user's view printed it "≤100", "低于3.7个百分点" on page 1 and -3.7 on
    the Summary beside 达到进度要求, which a Chinese reader read, twice, as a contradiction.
    Under the tables a line says a cap under the schedule is within it, once, where a cap's
    gap is shown; none beside goals with no cap."""
    words = Words.of(lang)
    cap = words(
        "A goal for the year marked ≤ is a cap: its share of the year's limit at or under "
        "the schedule keeps it within the schedule, on track."
    )
    (energy,) = [r for r in report.targets if r.target.direction == "decrease"]
    assert energy.own_year and energy.figures.ytd_schedule_gap_pts is not None
    assert energy.figures.ytd_schedule_gap_pts < 0 and energy.status == "on_track"
    said = bulletin(report, lang)
    for note in (said.note, said.note_in_workbook, said.table_note, said.summary_note):
        assert note.count(cap) == 1, note
    data = Path(__file__).resolve().parents[1] / "data"
    shipped_report = build_report(
        data / "targets.toml", data / "actuals.xlsx", Month.parse("2025-09")
    )  # before its deadlines: plan goals' gaps shown, no cap
    shipped = bulletin(shipped_report, lang)
    for note in (shipped.note, shipped.note_in_workbook, shipped.table_note, shipped.summary_note):
        assert cap not in note


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bulletin_says_the_tolerance_rule_once_under_its_table(
    report: Report, lang: str, tmp_path: Path
) -> None:
    """The Word bulletin said "（达到序时进度的95%及以上即视为达到进度要求）" in the paragraph of
    every goal broadly on track; a document read from the top says it once, under the table
    whose 进展情况 column says 基本达到进度要求, and each such paragraph (and card) says the goal
    is within the tolerance."""
    words = Words.of(lang)
    rule = words(
        "“Broadly on track”: the share of the year's goal behind the schedule but within the "
        "tolerance, at 95 % of the schedule or more."
    )
    said = bulletin(report, lang)
    for note in (said.note, said.note_in_workbook, said.table_note):
        assert note.count(rule) == 1, note
    (paragraph,) = [p for p in said.sections[0].paragraphs if words("Broadly on track") in p]
    assert words("but within the tolerance") in paragraph and "95" not in paragraph
    document = Document(_written_docx(report, lang, tmp_path))
    texts = [p.text for p in document.paragraphs if "95" in p.text]
    assert len(texts) == 1 and rule in texts[0], texts
    view = build_view(report, words)  # the card too (a Chinese reader's find)
    (output,) = [t for t in view.targets if t.result.target.id == "output-2026"]
    assert words("but within the tolerance") in output.year_line and "95" not in output.year_line


def _year_goal(target: float, done: float, month: str) -> Report:
    """A made-up goal of `target` for 2026 with `done` in 1—N月 (N of `month`)."""
    goal = make_year_goal(unit="t", target=target)
    rows = [("R", "x", month, done, "ytd")]
    return judge(TargetsFile((goal,)), Actuals(frame(rows)), Month.parse(month))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_printed_gap_apart_from_the_printed_figures_difference_is_explained(lang: str) -> None:
    """A made-up goal of 343.2 for 2026, 308 in 1—11月: 89.7 % of it against a schedule of
    91.7 %, printed 1.9 points behind, where a reader subtracts 2.0 (a Chinese reader's find).
    Each figure is rounded from the unrounded ones, as a statistical bulletin rounds them, and
    a line under the tables says so, once; none where every gap is its figures' difference (a
    made-up goal of 100 for 2026, 85 in 1—10月: 85.0 % against 83.3 %, 1.7 ahead)."""
    words = Words.of(lang)
    rounding = words(
        "Each figure is rounded on its own: a gap to the schedule may differ by 0.1 point "
        "from the share of the year's goal less the schedule as printed."
    )
    apart = _year_goal(343.2, 308, "2026-11")
    f = apart.targets[0].figures
    assert f.ytd_share_of_target_pct is not None and f.ytd_schedule_pct is not None
    assert round(f.ytd_share_of_target_pct, 1) == 89.7 and round(f.ytd_schedule_pct, 1) == 91.7
    assert f.ytd_schedule_gap_pts == pytest.approx(-1.92, abs=0.01)
    said = bulletin(apart, lang)
    assert "1.9" in said.rows[0].schedule and "2.0" not in said.rows[0].schedule
    for note in (said.note, said.note_in_workbook, said.table_note, said.summary_note):
        assert note.count(rounding) == 1, note
    even = _year_goal(100, 85, "2026-10")
    assert even.targets[0].figures.ytd_schedule_gap_pts == pytest.approx(1.667, abs=0.001)
    built = bulletin(even, lang)
    for note in (built.note, built.note_in_workbook, built.table_note, built.summary_note):
        assert rounding not in note


def test_a_cap_broadly_on_track_is_explained_with_its_inverse() -> None:
    """A cap used above its year's schedule, within the tolerance, is broadly on track too; its
    share against the schedule is held the other way, and the note under the table says so
    where "完成率虽低于序时进度" would be wrong of it. A made-up cap of 100 for 2026, 85 used
    in 1—10月 (schedule 83.3 %: 0.98 of it inverted)."""
    cap = make_year_goal(unit="t", target=100, direction="decrease")
    rows = [("R", "x", "2026-10", 85, "ytd")]
    report = judge(TargetsFile((cap,)), Actuals(frame(rows)), Month.parse("2026-10"))
    (result,) = report.targets
    gap = result.figures.ytd_schedule_gap_pts  # used above its schedule
    assert result.status == "on_track" and gap is not None and gap > 0
    for lang, said in (
        ("zh", "完成率与序时进度之比（控制类目标取其倒数）不低于0.95"),
        ("en", "(a cap's, the inverse)"),
    ):
        words = Words.of(lang)
        built = bulletin(report, lang)
        assert said in built.table_note and said in built.note, built.table_note
        (row,) = built.rows
        assert row.progress == words.status_word("on_track", "broadly")


def test_what_needs_attention_sets_the_year_goals_apart_from_the_others(report: Report) -> None:
    """A Chinese reader's find: "（一）未达到序时进度：…固定资产投资。（二）未达到进度要求：规上工业
    企业数。" put a year's goal 进度偏慢 under one heading and a plan's under another, as if two
    sorts of the same; a bureau head asks why. The headings say whose they are, and the table's
    heading over figures of several periods names no 时期 (a 时期数 is a flow: 58户 is not)."""
    said = bulletin(report, "zh")
    assert said.sections[1].paragraphs == (
        "（一）年度目标未达到序时进度：规上工业总产值（在允许偏差范围内）、固定资产投资。",
        "（二）其他目标未达到进度要求：规上工业企业数。",
    )
    assert "最新值（统计期）" in said.headings
    english = bulletin(report, "en").sections[1].paragraphs
    assert english[1].startswith("(2) Other goals not on track: ")


def test_the_sources_are_cited_from_the_end_notes_not_the_tables_note(
    report: Report, tmp_path: Path
) -> None:
    """A Chinese reader's find: "（资料来源见注1）" pointed past the 注 under the table, which
    reads as 注1, to "注：最新数据来源" at the end. The end notes are 附注, as a bulletin's are, and
    the paragraphs cite them so."""
    document = Document(_written_docx(report, "zh", tmp_path))
    texts = [p.text for p in document.paragraphs]
    assert [t for t in texts if t.startswith("注：")] == [bulletin(report, "zh").table_note]
    assert "附注：最新数据来源" in texts
    cited = [t for t in texts if "资料来源见" in t]
    assert cited and all("（资料来源见附注1）" in t for t in cited)


def test_a_levels_figure_is_dated_at_the_end_of_its_month(report: Report) -> None:
    """A Chinese reader's find: "最新数据为58户（2026年11月，时点数）" read as a note to the writer;
    a bulletin dates a 时点指标 at its period's end (2025年末, 2026年11月末). The English keeps
    "Nov 2026, level at period end"."""
    said = bulletin(report, "zh")
    (firms,) = [p for p in said.sections[0].paragraphs if "规上工业企业数" in p]
    assert "最新数据为58户（2026年11月末）" in firms and "时点数" not in firms, firms
    # its baseline of December at the year's end, as the glossary's stock is dated
    assert "较2025年末（48户）增加10户" in firms and "截至2026年11月末为91.7%" in firms, firms
    # the table's cell gives the month, as its heading and the figures beside it do
    (row,) = [r for r in said.rows if r.name == "规上工业企业数"]
    assert row.latest == "58（2026年11月）"
    english = bulletin(report, "en").sections[0].paragraphs
    assert any("58 firms (Nov 2026, level at period end)" in p for p in english), english


def test_the_workbook_says_an_unchanged_status_alike_and_its_columns_as_the_tables_do(
    report: Report, tmp_path: Path
) -> None:
    """A Chinese reader's finds in the workbook: the Changes sheet showed the output goal from
    "▲ 达到进度要求" to "▲ 基本达到进度要求" where the terminal and the page said its status had
    not changed; the Summary's gap column was headed 超（+）/落后（-）序时进度, wrong of a cap
    (-3.7 is good), where page 1 says 与序时进度相比; "同比增长（%）" stood over cells in %; and the
    method said a goal a little behind the schedule is 仍视为达到进度要求."""
    words = Words.of("zh")
    # last month, the output goal was on track too (its status unchanged)
    targets = tuple(
        dataclasses.replace(r, previous_status="on_track") if r.target.id == "output-2026" else r
        for r in report.targets
    )
    path = tmp_path / "book.xlsx"
    path.write_bytes(render_workbook(dataclasses.replace(report, targets=targets), words))
    book = load_workbook(path, read_only=True)
    rows = [list(r) for r in book["较上月变化"].iter_rows(values_only=True)]
    summary = [list(r) for r in book["汇总表"].iter_rows(values_only=True)]
    book.close()
    (output,) = [r for r in rows if "规上工业总产值" in r]
    at = output.index("规上工业总产值")  # then its unit, last month's status, this month's
    assert output[at + 2] == output[at + 3] == "▲ 基本达到进度要求"
    header = next(r for r in summary if "进展情况" in r)
    # its aside on a line of its own: printed, 相比（百分 / 点） tore a word; its words whole
    assert "与序时进度\n相比\n（百分点）" in header and "同比增长" in header
    assert not [h for h in header if h and ("落后" in h or "（%）" in h)], header
    method = "".join(words.method_paragraphs())
    assert "其中完成率低于序时进度的为基本达到进度要求" in method
    assert "仍视为达到进度要求" not in method


# -- the county's table on A4 -----------------------------------------------------------------


def test_a_chinese_heading_wraps_in_even_lines() -> None:
    """Between its words, as the workbook's headings break (locales.toml heading_words)."""
    words = Words.of("zh")

    def even(heading: str) -> list[str]:
        return even_heading(heading, words.heading_parts(heading))

    assert even("与序时进度相比") == ["与序时进度", "相比"]  # 序时进度 kept whole
    assert even("同比增长") == ["同比", "增长"]
    assert even("上月进展情况") == ["上月", "进展情况"]  # 进展情况 one word
    assert even("完成全年目标的比例") == ["完成全年目标的", "比例"]  # 全年目标 whole, 的 with it
    assert even("目标值") == ["目标值"]  # three characters stay whole
    # without its words, between any two characters, as even as they are
    assert even_heading("与序时进度相比") == ["与序时进", "度相比"]


def test_the_county_table_keeps_units_whole_and_wraps_headings_evenly(
    report: Report, tmp_path: Path
) -> None:
    """Eight columns at 10.5 pt do not fit A4's line with every Chinese heading whole: the
    widths were scaled down alike, 亿元 set as 亿 / 元 and 与序时进度相比 as 与序时进度相 / 比.
    Now a heading wraps in two lines first, as even as its words allow, then a long phrase
    narrower; no column is narrower than its unit, its figure or four characters of a goal's
    name."""
    document = Document(_written_docx(report, "zh", tmp_path))
    table = document.tables[0]
    headings = [c.text for c in table.rows[0].cells]
    assert "与序时进度\n相比" in headings and "同比\n增长" in headings
    units = [row.cells[1].text for row in table.rows[1:]]
    assert "亿元" in units and "万吨" in units  # not 亿\n元
    pad = CELL_PADDING + 3
    name_width = table.rows[1].cells[0].width
    assert name_width is not None and name_width.pt >= 4 * 10.5 + pad - 0.5


@pytest.mark.client
def test_libreoffice_prints_the_county_table_with_whole_units_and_even_headings(
    report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    pdf = soffice(Path(_written_docx(report, "zh", tmp_path)), "pdf")
    lines = pdf_lines(pdf)
    assert "亿元" in lines and "与序时进度" in lines and "相比" in lines, lines
    assert "比" not in lines and "元" not in lines and "亿" not in lines


@pytest.mark.client
def test_the_tables_note_prints_on_one_page(
    report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    """Four lines of 注 under the county's table were split by the page: "进展情况为“基本达到进度
    要求”的，…" opened page 2 without its 注. The note is kept on one page."""
    pdf = soffice(Path(_written_docx(report, "zh", tmp_path)), "pdf")
    pages = ["".join(text for _size, text in page).replace(" ", "") for page in pdf_pages(pdf)]
    said = bulletin(report, "zh").table_note.replace(" ", "")
    assert any(said in page for page in pages), [p[:80] for p in pages]
