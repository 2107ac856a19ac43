"""Files that cannot be used at all: one `Error:` line naming the file, exit 2, nothing written.

Every workbook and targets file here is synthetic, made up for the test.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import HEADER, target_toml, write_actuals, write_targets
from openpyxl import Workbook, load_workbook

from sockprogress.cli import main

GOOD_ROWS = [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2024", 150)]


def _csv(path: Path) -> None:
    path.write_text("region,indicator,period,value\nTestville,widgets,2024,150\n")


def _random(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 8)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _xls(path: Path) -> None:
    # An OLE2 compound file header with a "Workbook" stream name: what Excel 97-2003 writes.
    path.write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + "Workbook".encode("utf-16-le")
    )


def _encrypted(path: Path) -> None:
    msoffcrypto = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = io.BytesIO()
    wb = Workbook()
    wb.active.title = "Actuals"
    wb.save(plain)
    plain.seek(0)
    out = io.BytesIO()
    msoffcrypto.OOXMLFile(plain).encrypt("secret", out)
    path.write_bytes(out.getvalue())


def _no_actuals_sheet(path: Path) -> None:
    write_actuals(path, GOOD_ROWS, sheet="Actual")


def _both_data_sheets(path: Path) -> None:
    """An English and a Chinese data sheet: which holds the figures is not for the tool to guess."""
    write_actuals(path, GOOD_ROWS)
    wb = load_workbook(path)
    wb.copy_worksheet(wb["Actuals"]).title = "实际数据"
    wb.save(path)


def _no_data_sheet(path: Path) -> None:
    write_actuals(path, GOOD_ROWS, sheet="Figures")


def _chinese_sheet_misspelt(path: Path) -> None:
    write_actuals(path, GOOD_ROWS, sheet="实际数")


def _english_sheet_kept_aside(path: Path) -> None:
    """A sheet like the English name, with a Chinese aside: rename it to the name it is like."""
    write_actuals(path, GOOD_ROWS, sheet="Actuals（旧）")


def _missing_column(path: Path) -> None:
    write_actuals(path, [r[:3] for r in GOOD_ROWS], header=("region", "indicator", "period"))


def _renamed_column(path: Path) -> None:
    write_actuals(path, GOOD_ROWS, header=("region", "indicator", "period", "valu"))


def _duplicate_column(path: Path) -> None:
    write_actuals(path, GOOD_ROWS, header=("region", "indicator", "period", "value", "period"))


def _empty_sheet(path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Actuals"
    wb.save(path)


def _not_a_workbook_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "a zip, but no workbook inside")


def _truncated(path: Path) -> None:
    write_actuals(path, GOOD_ROWS)
    path.write_bytes(path.read_bytes()[:300])


WORKBOOKS: list[tuple[str, Callable[[Path], None] | None, str]] = [
    ("missing", None, "file not found"),
    ("csv-renamed", _csv, "not an .xlsx workbook (it may be a CSV"),
    ("random-bytes", _random, "not an .xlsx workbook"),
    ("empty-file", _empty, "the file is empty; expected an .xlsx workbook"),
    # `report` and `check` read an .xls (calamine): one that is only an OLE2 header is not a
    # workbook; `actuals add` edits an .xlsx only and says how to convert (see the test below)
    ("old-xls", _xls, "cannot be read as a workbook|an old Excel 97-2003 (.xls) workbook"),
    ("password", _encrypted, "the workbook is password-protected"),
    ("no-actuals-sheet", _no_actuals_sheet, "no sheet named 'Actuals' (did you mean 'Actual'?"),
    ("no-data-sheet", _no_data_sheet, "no sheet named 'Actuals' (or '实际数据'); sheets: Figures"),
    (
        "chinese-sheet-misspelt",
        _chinese_sheet_misspelt,
        "no sheet named '实际数据' (did you mean '实际数'? rename it to '实际数据')",
    ),
    (
        "english-sheet-kept-aside",
        _english_sheet_kept_aside,
        "no sheet named 'Actuals' (did you mean 'Actuals（旧）'? rename it to 'Actuals')",
    ),
    (
        "both-data-sheets",
        _both_data_sheets,
        "has both a sheet 'Actuals' and a sheet '实际数据'; keep the figures on one of them",
    ),
    ("missing-column", _missing_column, "required column 'value' is missing"),
    ("renamed-column", _renamed_column, "required column 'value' is missing (is 'valu' meant"),
    (
        "duplicate-column",
        _duplicate_column,
        "column 'period' appears twice in the header (C1, E1); keep one of them, and rename or "
        "delete the other",
    ),
    ("empty-sheet", _empty_sheet, "the sheet is empty; expected a header row"),
    ("zip-without-workbook", _not_a_workbook_zip, "not an Excel workbook (no xl/workbook.xml)"),
    ("truncated", _truncated, "the workbook is damaged"),
]


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("make", "expected"), [w[1:] for w in WORKBOOKS], ids=[w[0] for w in WORKBOOKS]
)
@pytest.mark.parametrize("command", ["report", "check", "add"])
def test_unusable_workbook_is_one_error_line_and_exit_2(
    tmp_path: Path,
    targets: Path,
    make: Callable[[Path], None] | None,
    expected: str,
    command: str,
) -> None:
    actuals = tmp_path / "actuals.xlsx"
    if make is not None:
        make(actuals)
    before = actuals.read_bytes() if actuals.exists() else None
    out = tmp_path / "reports"
    args = {
        "report": ["report", "--as-of", "2025-10", "--out", str(out)],
        "check": ["check"],
        "add": [
            "actuals",
            "add",
            "--region",
            "Testville",
            "--indicator",
            "widgets",
            "--period",
            "2025-06",
            "--value",
            "180",
        ],
    }[command]
    code, output = _run([*args, "--targets", str(targets), "--actuals", str(actuals)])
    assert code == 2, output
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), output
    assert any(said in lines[0] for said in expected.split("|"))
    assert "actuals.xlsx" in lines[0]
    assert "Traceback" not in output
    assert not out.exists()
    assert (actuals.read_bytes() if actuals.exists() else None) == before
    assert not (tmp_path / "backups").exists()


TARGETS: list[tuple[str, str | bytes, str]] = [
    ("toml-syntax", 'targets = [\n[[targets]]\nid = "x"\n', "TOML syntax error"),
    (
        "toml-syntax-line",
        target_toml() + "oops = \n",
        # the line, the column and the parser's point in plain words
        "targets.toml, line 11: TOML syntax error at column 8: the value is not text in quotes, "
        "a number or a date",
    ),
    (
        # issue 22: "Expected newline … column 16" said what to write instead
        "toml-deadline-month",
        target_toml().replace("deadline = 2025-12-31", "deadline = 2025-12"),
        "a deadline is a date like 2025-12-31, or write year = 2026 for a year's goal",
    ),
    (
        "toml-unquoted-text",
        target_toml().replace('unit = "units"', "unit = units"),
        "'unit' is text: write it in quotes, like unit = \"…\"",
    ),
    (
        "toml-target-in-yi",
        target_toml().replace("target = 200", "target = 2亿"),
        "'target' is a number: write it in digits",
    ),
    (
        # a newcomer's find: the digits were 34_320_000_000 for a goal in 亿元
        "toml-target-in-yi-of-a-unit-in-yi",
        target_toml()
        .replace('unit = "units"', 'unit = "亿元"')
        .replace("target = 200", "target = 343.2亿"),
        "'target' is a number: write it in digits, in the goal's unit, without 亿 or 万 and "
        "without quotes: target = 343.2",
    ),
    (
        "target-in-yi-quoted-of-a-unit-in-yi",
        target_toml()
        .replace('unit = "units"', 'unit = "亿元"')
        .replace("target = 200", 'target = "343.2亿"'),
        "got the text '343.2亿'; write it in digits without quotes: target = 343.2",
    ),
    (
        # a newcomer's find: the example was year = 5_000_000_000
        "toml-year-with-nian",
        target_toml(kind="annual_total").replace("deadline = 2025-12-31", "year = 2026年"),
        "'year' is a year: write it in digits, without 年 and without quotes: year = 2026",
    ),
    ("unknown-key", target_toml(colour='"red"'), "unknown key 'colour'"),
    ("misspelt-key", target_toml().replace("deadline", "dedline"), "(did you mean 'deadline'?)"),
    ("missing-key", target_toml().replace('unit = "units"\n', ""), "missing key 'unit'"),
    # a goal needs a name: `name`, or `name_zh` alone
    (
        "missing-name",
        target_toml().replace('name = "Synthetic widgets"\n', ""),
        "missing key 'name'",
    ),
    (
        "mistyped-target",
        target_toml().replace("target = 200", 'target = "200"'),
        "'target' must be a number, got the text '200'; write it in digits without quotes: "
        "target = 200",
    ),
    (
        # the figure as a Chinese report writes it, in quotes: the number it means
        "target-in-yi-quoted",
        target_toml().replace("target = 200", 'target = "45.5亿"'),
        "got the text '45.5亿'; write it in digits without quotes: target = 4_550_000_000",
    ),
    (
        "target-with-commas-quoted",
        target_toml().replace("target = 200", 'target = "4,000,000,000"'),
        "target = 4_000_000_000",
    ),
    (
        "mistyped-target-word",
        target_toml().replace("target = 200", 'target = "many"'),
        "'target' must be a number, got \"many\"",
    ),
    (
        # typed by a Chinese input method
        "toml-chinese-quotes",
        target_toml().replace('unit = "units"', "unit = “units”"),
        "'unit' is in Chinese quotation marks; TOML needs straight quotes: unit = \"…\"",
    ),
    (
        "mistyped-deadline",
        target_toml().replace("deadline = 2025-12-31", 'deadline = "soon"'),
        "'deadline' must be a date like 2025-12-31",
    ),
    (
        "bad-kind",
        target_toml(kind="stock"),
        "'kind' must be 'level' or 'annual_total', got 'stock'",
    ),
    (
        "bad-direction",
        target_toml(direction="increse"),
        "'direction' must be 'increase' or 'decrease', got 'increse' (did you mean 'increase'?)",
    ),
    ("duplicate-id", target_toml() + target_toml(), "target 2: duplicate id 't1' (also target 1)"),
    (
        "deadline-before-baseline",
        target_toml(deadline=dt.date(2020, 12, 31), baseline='{ period = "2021", value = 100 }'),
        "the deadline 2020-12-31 is not after the baseline period 2021",
    ),
    ("not-utf8", target_toml(name_zh='"袜子"').encode("gb18030"), "line 11: not UTF-8 text"),
    ("no-targets", "# nothing here\n", "no [[targets]] entries"),
    ("unknown-top-key", "[[target]]\nid = 1\n", "unknown top-level key 'target'"),
    ("zero-target", target_toml(target=0), "'target' must be above zero, got 0"),
    (
        "bad-baseline-period",
        target_toml(baseline='{ period = "2021-13", value = 100 }'),
        "baseline.period: '2021-13' is not a period: month 13 does not exist",
    ),
]


@pytest.mark.parametrize(
    ("content", "expected"), [t[1:] for t in TARGETS], ids=[t[0] for t in TARGETS]
)
@pytest.mark.parametrize("command", ["report", "check"])
def test_unusable_targets_file_is_one_error_line_and_exit_2(
    tmp_path: Path, content: str | bytes, expected: str, command: str
) -> None:
    targets = tmp_path / "targets.toml"
    if isinstance(content, bytes):
        targets.write_bytes(content)
    else:
        write_targets(targets, content)
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD_ROWS)
    out = tmp_path / "reports"
    extra = ["--as-of", "2025-10", "--out", str(out)] if command == "report" else []
    code, output = _run([command, *extra, "--targets", str(targets), "--actuals", str(actuals)])
    assert code == 2, output
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: targets.toml"), output
    assert expected in lines[0]
    assert not out.exists()


@pytest.mark.parametrize("command", ["report", "check"])
def test_the_workbook_given_as_the_targets_file_is_named_as_such(
    tmp_path: Path, command: str
) -> None:
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD_ROWS)
    code, output = _run([command, "--targets", str(actuals), "--actuals", str(actuals)])
    assert code == 2
    assert output.strip() == (
        "Error: actuals.xlsx is a workbook, not a targets file: --targets takes the goals' "
        ".toml file (data/targets.toml), --actuals the workbook"
    )


@pytest.mark.parametrize("command", ["report", "check"])
def test_the_targets_file_given_as_the_workbook_is_named_as_such(
    tmp_path: Path, command: str
) -> None:
    """It said "not an .xlsx workbook …; open it in Excel and save it as .xlsx"."""
    targets = write_targets(tmp_path / "targets.toml", target_toml())
    code, output = _run([command, "--targets", str(targets), "--actuals", str(targets)])
    assert code == 2
    assert output.strip() == (
        "Error: targets.toml is a targets file, not a workbook: --actuals takes the workbook "
        "(data/actuals.xlsx), --targets the goals' .toml file"
    )


def test_header_helper_matches_reader_columns() -> None:
    from sockprogress.model import COLUMNS

    assert tuple(HEADER) == COLUMNS
