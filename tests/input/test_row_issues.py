"""Row-level problems: the report still runs, the row is named by number in the JSON issues and
in `check`'s output, and `check` exits 1. Every figure here is synthetic, made up for the test.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import SYNTHETIC, target_toml, write_actuals, write_targets
from openpyxl import load_workbook

from sockprogress.cli import main

FULL_WIDTH = "".join(chr(ord(c) + 0xFEE0) for c in "Testville")  # full-width letters
# Rows 2 and 3 are good; the case's rows start at row 4.
GOOD = [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2022", 120)]

CASES: list[tuple[str, list[Sequence[Any]], str, str, str]] = [
    (
        "text-n/a",
        [("Testville", "widgets", "2023", "n/a")],
        "value",
        "error",
        "'n/a' is not a number; type the figure in digits",
    ),
    (
        "text-thousands",
        [("Testville", "widgets", "2023", "3,500,000,000")],
        "value",
        "warning",
        "'3,500,000,000' was stored as text; read as 3,500,000,000",
    ),
    (
        "text-chinese-unit",
        [("Testville", "widgets", "2023", "35亿")],
        "value",
        "warning",
        "'35亿' was stored as text; read as 3,500,000,000",
    ),
    (
        # a unit typed after the figure: the number alone is asked for
        "text-with-unit",
        [("Testville", "widgets", "2023", "21亿元")],
        "value",
        "error",
        "'21亿元' has its unit written in; type the number alone, 21亿 (the unit is the targets "
        "file's)",
    ),
    (
        "text-ambiguous",
        [("Testville", "widgets", "2023", "3.5 bn")],
        "value",
        "error",
        "'3.5 bn' is not a number",
    ),
    (
        "empty-value",
        [("Testville", "widgets", "2023", None)],
        "value",
        "error",
        "the value is empty; type the figure as a number",
    ),
    (
        "formula-no-result",
        [("Testville", "widgets", "2023", "=D2*2")],
        "value",
        "error",
        "the formula in D4 has no saved result",
    ),
    ("negative", [("Testville", "widgets", "2023", -5)], "value", "error", "-5 is not above zero"),
    ("zero", [("Testville", "widgets", "2023", 0)], "value", "error", "0 is not above zero"),
    (
        "month-13",
        [("Testville", "widgets", "2025-13", 150)],
        "period",
        "error",
        "'2025-13' is not a period: month 13 does not exist",
    ),
    (
        "two-digit-year",
        [("Testville", "widgets", "25-06", 150)],
        "period",
        "error",
        "'25-06' is not a period; write a year (2024), a month (2025-06)",
    ),
    (
        "slash-month",
        [("Testville", "widgets", "2025年6", 150)],
        "period",
        "error",
        "'2025年6' is not a period; write the month as 2025-06",
    ),
    (
        "empty-period",
        [("Testville", "widgets", None, 150)],
        "period",
        "error",
        "the period is empty",
    ),
    (
        "future-period",
        [("Testville", "widgets", "2099-01", 150)],
        "period",
        "warning",
        "period 2099-01 has not ended yet",
    ),
    (
        "unknown-basis",
        [("Testville", "widgets", "2023-06", 150, "quarter")],
        "basis",
        "error",
        "unknown basis 'quarter'; use month",
    ),
    (
        "basis-on-year",
        [("Testville", "widgets", "2023", 150, "ytd")],
        "basis",
        "warning",
        "basis applies to month rows only",
    ),
    (
        "stray-spaces",
        [(" Testville  ", "widgets", "2023", 150)],
        "region",
        "warning",
        "' Testville  ' has stray spaces or full-width characters; read as 'Testville'",
    ),
    (
        "full-width",
        [(FULL_WIDTH, "widgets", "2023", 150)],
        "region",
        "warning",
        "read as 'Testville'",
    ),
    ("empty-region", [(None, "widgets", "2023", 150)], "region", "error", "the cell is empty"),
    (
        "unknown-region",
        [("Testvile", "widgets", "2023", 150)],
        "region",
        "error",  # the row is left out: an error in the report as in `check`
        "no target or [[regions]] entry names region 'Testvile'",
    ),
    (
        "unknown-indicator",
        [("Testville", "widgetz", "2023", 150)],
        "indicator",
        "warning",
        # close to an indicator with a goal: said as the typo it likely is
        "indicator 'widgetz' has no target, yet is close to 'widgets', which has one",
    ),
    (
        "duplicate",
        [("Testville", "widgets", "2022", 120)],
        "period",
        "warning",
        "Testville / widgets / 2022 is also in row 3 with the same figure; row 4 (the lower one)",
    ),
    (
        "two-sources-differ",
        [("Testville", "widgets", "2022", 125, None, "another paper")],
        "period",
        "warning",
        "is also in row 3 with conflicting values (120, 125)",
    ),
    (
        "blank-row-in-middle",
        [(None, None, None), ("Testville", "widgets", "2023", 150)],
        "",
        "warning",
        "blank row in the middle of the table; it is skipped",
    ),
    (
        "date-as-value",
        [("Testville", "widgets", "2023", "2023-01-01T00:00")],
        "value",
        "error",
        "is not a number",
    ),
]


def _workbook(path: Path, case: str, rows: list[Sequence[Any]]) -> Path:
    write_actuals(path, [*GOOD, *rows])
    if case in ("formula-no-result", "merged"):
        wb = load_workbook(path)
        ws = wb["Actuals"]
        if case == "formula-no-result":
            ws["D4"] = "=D2*2"  # openpyxl saves formulas without a result, as many tools do
        wb.save(path)
    return path


@pytest.fixture
def declared_targets(tmp_path: Path) -> Path:
    return write_targets(
        tmp_path / "targets.toml",
        target_toml(baseline='{ period = "2021", value = 100 }'),
        '[[indicators]]\nindicator = "gadgets"\nname = "Synthetic gadgets"\n',
    )


def _issues_for(out: Path, row: int) -> list[dict[str, Any]]:
    data = json.loads((out / "progress-2025-10.json").read_text(encoding="utf-8"))
    return [i for i in data["issues"] if i["row"] == row]


@pytest.mark.parametrize(
    ("rows", "column", "severity", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_row_is_named_by_number_in_report_and_check(
    tmp_path: Path,
    declared_targets: Path,
    request: pytest.FixtureRequest,
    rows: list[Sequence[Any]],
    column: str,
    severity: str,
    expected: str,
) -> None:
    case = request.node.callspec.id
    actuals = _workbook(tmp_path / "actuals.xlsx", case, rows)
    files = ["--targets", str(declared_targets), "--actuals", str(actuals)]
    out = tmp_path / "reports"
    report = CliRunner().invoke(main, ["report", "--as-of", "2025-10", "--out", str(out), *files])
    assert report.exit_code == 0, report.output
    issues = _issues_for(out, 4)
    assert any(expected in i["message"] and i["severity"] == severity for i in issues), issues
    assert any(i["column"] == (column or None) or i["column"] == column for i in issues), issues

    check = CliRunner().invoke(main, ["check", "--as-of", "2025-10", *files])
    assert check.exit_code == 1, check.output
    lines = [line for line in check.output.splitlines() if expected in line]
    where = "actuals.xlsx, sheet Actuals, row 4" + (f", column {column}" if column else "")
    assert lines and lines[0].startswith(where + ":"), check.output
    assert "Traceback" not in check.output


def test_merged_cells_are_named(tmp_path: Path, targets: Path) -> None:
    actuals = write_actuals(
        tmp_path / "actuals.xlsx",
        [*GOOD, ("Testville", "widgets", "2023", 150), (None, "widgets", "2024", 160)],
    )
    wb = load_workbook(actuals)
    wb["Actuals"].merge_cells("A4:A5")
    wb.save(actuals)
    result = CliRunner().invoke(
        main, ["check", "--as-of", "2025-10", "--targets", str(targets), "--actuals", str(actuals)]
    )
    assert result.exit_code == 1
    assert (
        "actuals.xlsx, sheet Actuals, row 5, column region: error: this row's cell is part of "
        "merged "
        "cells A4:A5, so it reads as empty; the row is left out; unmerge them" in result.output
    )
    assert "row 4, column region: warning: cells A4:A5 are merged" in result.output


def test_clean_workbook_checks_clean(tmp_path: Path, targets: Path) -> None:
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD)
    result = CliRunner().invoke(
        main, ["check", "--as-of", "2025-10", "--targets", str(targets), "--actuals", str(actuals)]
    )
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.output
    assert SYNTHETIC  # the rows carry the synthetic label as their source


@pytest.mark.parametrize(
    ("typed", "en", "zh"),
    [
        ("35亿", "read as 3,500,000,000", "“35亿”以文本形式存储，已按3500000000读取"),
        # every digit of the figure read (1.23457e+06 lost the last two)
        ("1234567.89", "read as 1,234,567.89", "已按1234567.89读取"),
        ("1,234,567.89", "read as 1,234,567.89", "已按1234567.89读取"),
    ],
)
def test_a_figure_stored_as_text_is_said_with_every_digit_read(
    typed: str, en: str, zh: str
) -> None:
    """A newcomer's walkthrough: "“39亿”以文本形式存储，已按39亿读取" said back what was typed;
    the figure read is given in full digits, as the English did."""
    from sockprogress.reading.cells import clean_value
    from sockprogress.words.words import Words, coded_issue

    _, note = clean_value(typed)
    assert note is not None
    issue = coded_issue("warning", note.code, (("value", note.value), ("number", note.number)))
    assert en in Words.of("en").issue_text(issue)
    assert zh in Words.of("zh").issue_text(issue)


def test_a_goal_whose_rows_were_all_left_out_says_so_not_that_it_has_none(
    tmp_path: Path,
) -> None:
    """A newcomer's walkthrough: a goal whose only row held "n/a" was listed as "no rows for
    target … add its published figures", as if the row had been lost. It now names the rows
    left out (made-up rows); a goal with no row at all keeps its "no rows"."""
    from helpers import target_toml, write_targets

    targets = write_targets(
        tmp_path / "targets.toml", target_toml(), target_toml(id="t2", indicator="gadgets")
    )
    rows = [("Testville", "widgets", "2025-06", "n/a"), ("Testville", "widgets", "2025-13", 5)]
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    files = ["--targets", str(targets), "--actuals", str(actuals), "--as-of", "2025-10"]
    english = CliRunner().invoke(main, ["check", *files]).output
    assert (
        "no usable rows for target t1 (region Testville, indicator widgets): its rows in the "
        "sheet (rows 2–3) were left out for the errors listed on them; correct those rows in "
        "the sheet, as their errors say"
    ) in english
    assert "no rows for target t2 (region Testville, indicator gadgets)" in english
    chinese = CliRunner().invoke(main, ["check", *files, "--lang", "zh"]).output
    assert "目标暂无可用数据：该目标的数据（第2—3行）因有错误未予采用" in chinese


def test_a_period_written_again_below_in_a_row_that_cannot_be_read_is_said(
    tmp_path: Path,
) -> None:
    """A method audit (made-up figures): 2024 = 150 in row 2, then 2024 = "n/a" (or 0) typed in
    row 3. The lower row is the one the method uses, and it cannot be; row 2's 150 was used with
    nothing said on it, only row 3's own error. It is now said on row 2, and the goal it decides
    is marked "check this figure" as for two conflicting values."""
    from sockprogress.judging import judge
    from sockprogress.periods import Month
    from sockprogress.reading import load_targets, read_actuals
    from sockprogress.words.words import Words

    targets = load_targets(write_targets(tmp_path / "targets.toml", target_toml()))
    bad: object
    for bad in ("n/a", 0):
        rows: list[tuple[str, str, str, object]] = [
            ("Testville", "widgets", "2021", 100),
            ("Testville", "widgets", "2024", 150),
            ("Testville", "widgets", "2024", bad),
        ]
        actuals = read_actuals(write_actuals(tmp_path / "a.xlsx", rows))
        (said,) = [i for i in actuals.issues if i.code == "duplicate_left_out"]
        assert (said.row, dict(said.params)["others"], dict(said.params)["value"]) == (
            3,
            "4",
            "150",
        )
        assert (
            Words.of("zh")
            .issue_text(said)
            .endswith(
                "“Testville·widgets”2024年的数据在第4行也有，但该行有错误未予采用（见该行提示）；"
                "采用其上方第3行的数据（150）"
            )
        )
        report = judge(targets, actuals, Month(2025, 6))
        assert [i.code for i in report.targets[0].checks] == ["duplicate_left_out"]
    # the unreadable row above a usable one: the lower one is used, as the method says
    above = [("Testville", "widgets", "2024", "n/a"), ("Testville", "widgets", "2024", 150)]
    quiet = read_actuals(write_actuals(tmp_path / "b.xlsx", above))
    assert [i.code for i in quiet.issues if i.code.startswith("duplicate")] == []


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "第3行，“时期”列：错误：“2026.1”被存成了数字（Excel会把2026.10存成2026.1，1月和10月无法区分）"
            "；请把月份写作2026-10这样的形式，或先把单元格格式设为文本",
        ),
        (
            "en",
            "row 3, column period: error: '2026.1' is stored as a number (Excel turns 2026.10 into "
            "2026.1, so January and October look alike): write the month with a hyphen, like "
            "2026-10, or set the cell's format to text first",
        ),
    ],
)
def test_a_month_excel_stored_as_a_decimal_says_why(
    tmp_path: Path, targets: Path, lang: str, said: str
) -> None:
    """A newcomer's find: 2026.10 typed in a cell of General format is the number 2026.1, and
    the error only said it is not a valid period."""
    book = write_actuals(
        tmp_path / "a.xlsx",
        [("Testville", "widgets", "2024", 150), ("Testville", "widgets", 2026.1, 160)],
    )
    args = ["--lang", lang, "check", "--targets", str(targets), "--actuals", str(book)]
    result = CliRunner().invoke(main, args)
    assert said in result.output


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "第3行，“时期”列：错误：45000是Excel存储日期2023-03-15所用的序列号（单元格格式为“常规”或"
            "“数值”）；请将时期以文本填写，前面加英文撇号（'2023-03）",
        ),
        (
            "en",
            "row 3, column period: error: 45000 is the date 2023-03-15 as Excel stores it, in a "
            "cell of General or Number format: write the period as text with an apostrophe "
            "before it ('2023-03)",
        ),
    ],
)
def test_a_date_shown_as_its_serial_number_says_which_date(
    tmp_path: Path, targets: Path, lang: str, said: str
) -> None:
    """A date whose cell was set to General shows, and is stored, as 45000: the error said
    "'45000.0' is not a period" (a fuzz audit's find). It says to write the period as text,
    not to format the cell as a date, which a goal on a year's total refuses (a county
    newcomer's find). A number far from any date (12345) keeps the plain error."""
    book = write_actuals(
        tmp_path / "a.xlsx",
        [
            ("Testville", "widgets", "2024", 150),
            ("Testville", "widgets", 45000, 160),
            ("Testville", "widgets", 12345, 170),
        ],
    )
    args = ["--lang", lang, "check", "--targets", str(targets), "--actuals", str(book)]
    result = CliRunner().invoke(main, args)
    assert said in result.output, result.output
    assert "12345" in result.output and "12345 is the date" not in result.output


def test_an_unknown_basis_is_answered_in_the_chinese_sheets_words(
    tmp_path: Path, targets: Path
) -> None:
    """A 数值类型 of 1-6月累计 was answered "请填写 month（当月数）、ytd…": English codes first, in
    a Chinese sheet whose dropdown offers 当月数, 累计数, 年产规模 (a county newcomer's find)."""
    book = write_actuals(
        tmp_path / "a.xlsx", [("Testville", "widgets", "2025-06", 150, "1-6月累计")]
    )
    args = ["--lang", "zh", "check", "--targets", str(targets), "--actuals", str(book)]
    said = CliRunner().invoke(main, args).output
    assert (
        "无法识别的数值类型“1-6月累计”；请填写“当月数”、“累计数”（1—N月累计）或“年产规模”" in said
    ), said
