"""`sockprogress actuals add`: checked first, the rest of the workbook kept whole, locked, atomic.

Every figure here is synthetic, made up for the test.
"""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import USER_FILL, add_args, target_toml, write_targets
from openpyxl import load_workbook

from sockprogress.cli import main
from sockprogress.reading import read_actuals


def _add(
    workbook: Path, targets: Path, *extra: str, period: str = "2023", value: str = "150"
) -> Result:
    return CliRunner().invoke(main, [*add_args(workbook, targets, period, value), *extra])


def test_add_appends_and_keeps_everything_else(workbook: Path, targets: Path) -> None:
    result = _add(workbook, targets, "--source", "=cmd|' /C calc'!A0", "--note", "@SUM(1)")
    assert result.exit_code == 0, result.output
    assert "actuals.xlsx, sheet Actuals, row 4: added" in result.output
    wb = load_workbook(workbook)
    ws = wb["Actuals"]
    assert [c.value for c in ws[4]] == [
        "Testville",
        "widgets",
        "2023",
        150,
        None,
        "=cmd|' /C calc'!A0",
        "@SUM(1)",
        None,  # flags
    ]
    assert ws["F4"].data_type == "s" and ws["C4"].number_format == "@"
    table = ws.tables["Actuals"]
    assert table.ref == "A1:H4" and table.autoFilter.ref == "A1:H4"
    assert ws["A3"].fill.fgColor.rgb.endswith(USER_FILL)
    assert ws["A4"].fill.fgColor.rgb.endswith(USER_FILL)  # the new row looks like the one above
    assert ws.column_dimensions["G"].width == 77
    assert ws.freeze_panes == "A2"
    assert {str(v.sqref) for v in ws.data_validations.dataValidation} >= {
        "A2:A1048576",
        "E2:E1048576",
    }
    mine = wb["My notes"]
    assert mine["A1"].value == "kept by the user" and mine["B2"].value == "=1+1"
    assert mine.column_dimensions["A"].width == 42
    assert [str(v.sqref) for v in mine.data_validations.dataValidation] == ["B3:B9"]
    assert wb["Lists"].sheet_state == "hidden" and "How to update" in wb.sheetnames
    rows = read_actuals(workbook).rows
    assert list(rows["value"]) == [100, 120, 150]
    backups = list((workbook.parent / "backups").iterdir())
    assert len(backups) == 1 and read_actuals(backups[0]).rows.shape[0] == 2


def test_user_table_validations_ending_at_the_last_row_grow(workbook: Path, targets: Path) -> None:
    wb = load_workbook(workbook)
    ws = wb["Actuals"]
    ws.data_validations.dataValidation[0].sqref = "A2:A3"
    wb.save(workbook)
    assert _add(workbook, targets).exit_code == 0
    ws = load_workbook(workbook)["Actuals"]
    assert str(ws.data_validations.dataValidation[0].sqref) == "A2:A4"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--value", "n/a", "Error: --value: 'n/a' is not a number"),
        ("--value", "-3", "Error: --value: -3 is not above zero"),
        ("--period", "2025-13", "Error: --period: '2025-13' is not a period: month 13"),
        (
            "--period",
            "2025/6月",
            "Error: --period: '2025/6月' is not a period; write the month as 2025-06",
        ),
        ("--period", "2199-01", "Error: --period: 2199-01 has not ended yet"),
    ],
    ids=["text-value", "negative", "month-13", "slash", "future"],
)
def test_bad_value_or_period_changes_nothing(
    workbook: Path, targets: Path, option: str, value: str, message: str
) -> None:
    before = workbook.read_bytes()
    kwargs = {"period": value} if option == "--period" else {"value": value}
    result = _add(workbook, targets, **kwargs)
    assert result.exit_code == 2
    assert result.output.strip().startswith(message), result.output
    assert workbook.read_bytes() == before
    assert not (workbook.parent / "backups").exists()


def test_basis_on_a_year_is_refused(workbook: Path, targets: Path) -> None:
    result = _add(workbook, targets, "--basis", "ytd")
    assert result.exit_code == 2
    assert "Error: --basis: applies to month periods only, not to 2023" in result.output


def test_duplicate_refused_unless_replace(workbook: Path, targets: Path) -> None:
    before = workbook.read_bytes()
    refused = _add(workbook, targets, period="2022", value="125")
    assert refused.exit_code == 2
    assert refused.output.strip() == (
        "Error: actuals.xlsx, sheet Actuals, row 3: Testville / widgets / 2022 is already "
        "there (120 units); use --replace to overwrite it"
    )
    assert workbook.read_bytes() == before
    replaced = _add(workbook, targets, "--replace", period="2022", value="125")
    assert replaced.exit_code == 0 and "row 3: replaced" in replaced.output
    assert list(read_actuals(workbook).rows["value"]) == [100, 125]


def test_a_basis_does_not_make_a_levels_month_a_new_row(workbook: Path, targets: Path) -> None:
    """A newcomer's walkthrough: --basis ytd on a level's month stored a second row beside the
    first (the report then used the lower); a level has one figure a month, whatever the
    basis."""
    _add(workbook, targets, period="2026-07", value="130")
    before = workbook.read_bytes()
    again = _add(workbook, targets, "--basis", "ytd", period="2026-07", value="135")
    assert again.exit_code == 2
    assert "row 4: Testville / widgets / 2026-07 is already there (130 units)" in again.output
    assert workbook.read_bytes() == before


def test_a_new_region_on_purpose_warns_and_adds(workbook: Path, targets: Path) -> None:
    args = [
        "actuals",
        "add",
        "--actuals",
        str(workbook),
        "--targets",
        str(targets),
        "--region",
        "Testvile",
        "--indicator",
        "widgets",
        "--period",
        "2023",
        "--value",
        "1",
        "--new",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    warning = "Warning: region 'Testvile' is named by no target and no [[regions]] entry"
    assert warning in result.output and "the report leaves its rows out" in result.output
    assert "row 4: added" in result.output
    # a second row of it is no better: the report leaves both out until the targets file
    # names the region (the warning used to stop once an earlier row had the name)
    again = CliRunner().invoke(main, [*args[:-4], "2024", *args[-3:]])
    assert again.exit_code == 0, again.output
    assert "row 5: added" in again.output and warning in again.output


def test_workbook_open_in_excel_is_refused(workbook: Path, targets: Path) -> None:
    (workbook.parent / "~$actuals.xlsx").write_bytes(b"owner")
    result = _add(workbook, targets)
    assert result.exit_code == 2
    assert "is open in Excel/WPS (~$actuals.xlsx exists); close it in Excel/WPS" in result.output


def test_workbook_with_a_chart_keeps_it_byte_for_byte(workbook: Path, targets: Path) -> None:
    with zipfile.ZipFile(workbook, "a") as archive:
        archive.writestr("xl/charts/chart1.xml", "<chartSpace/>")
    result = _add(workbook, targets)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(workbook) as archive:
        assert archive.read("xl/charts/chart1.xml") == b"<chartSpace/>"
    assert list(read_actuals(workbook).rows["value"]) == [100, 120, 150]


# A program that runs the command line with the rename of the workbook's save slowed to 30 s,
# so that a test can kill it between writing the temp file and renaming it.
SLOW_RENAME = """
import os, sys, time
from sockprogress.cli import main
rename = os.replace
def slow(src, dst):
    if str(dst).endswith("actuals.xlsx"):
        time.sleep(30)
    return rename(src, dst)
os.replace = slow
main(sys.argv[1:], prog_name="sockprogress")
"""


def _cli(
    workbook: Path, targets: Path, period: str, slow_rename: bool = False
) -> subprocess.Popen[bytes]:
    program = ["-c", SLOW_RENAME] if slow_rename else ["-m", "sockprogress"]
    return subprocess.Popen(
        [sys.executable, *program, *add_args(workbook, targets, period, "110")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_concurrent_adds_never_lose_a_row(workbook: Path, targets: Path) -> None:
    periods = [f"2023-{m:02d}" for m in range(1, 7)]
    procs = [_cli(workbook, targets, p) for p in periods]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    rows = read_actuals(workbook).rows
    assert sorted(rows["period"])[-6:] == periods
    assert len(rows) == 8
    assert len(list((workbook.parent / "backups").iterdir())) == 6


def test_sigkill_while_saving_leaves_the_workbook_whole(workbook: Path, targets: Path) -> None:
    before = workbook.read_bytes()
    proc = _cli(workbook, targets, "2023-01", slow_rename=True)
    temps: list[Path] = []
    for _ in range(600):  # the temp file is fully written before the pause
        temps = list(workbook.parent.glob(".actuals.xlsx.*.tmp"))
        if temps:
            break
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    assert temps, proc.communicate()
    proc.kill()
    proc.communicate()
    assert workbook.read_bytes() == before
    assert list(read_actuals(workbook).rows["value"]) == [100, 120]
    assert len(list((workbook.parent / "backups").iterdir())) == 1
    # The next add clears the dead save's temp file and works.
    result = _add(workbook, targets)
    assert result.exit_code == 0, result.output
    assert not list(workbook.parent.glob(".actuals.xlsx.*.tmp"))


def test_failure_between_temp_and_rename_changes_nothing(
    workbook: Path, targets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = workbook.read_bytes()

    def fail(src: object, dst: object) -> None:
        raise OSError(5, "injected failure before rename")

    # The rename of every save (safewrite does not re-export os, so name it by its path).
    monkeypatch.setattr("sockprogress.safewrite.os.replace", fail)
    result = _add(workbook, targets)
    assert result.exit_code == 2
    assert "actuals.xlsx: cannot be written (injected failure before rename); nothing changed" in (
        result.output
    )
    assert workbook.read_bytes() == before
    assert len(list((workbook.parent / "backups").iterdir())) == 1
    assert not list(workbook.parent.glob(".actuals.xlsx.*.tmp"))


@pytest.mark.client
def test_libreoffice_opens_the_added_workbook(
    workbook: Path, targets: Path, soffice: str, tmp_path: Path
) -> None:
    assert _add(workbook, targets).exit_code == 0
    out = tmp_path / "csv"
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "csv",
            "--outdir",
            str(out),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = (out / "actuals.csv").read_text(encoding="utf-8")
    assert text.splitlines()[3].startswith("Testville,widgets,2023,150")


def test_add_to_a_plain_workbook_without_a_table(tmp_path: Path, targets: Path) -> None:
    from helpers import write_actuals

    plain = write_actuals(tmp_path / "plain.xlsx", [("Testville", "widgets", "2021", 100)])
    result = _add(plain, targets)
    assert result.exit_code == 0, result.output
    assert "plain.xlsx, sheet Actuals, row 3: added" in result.output
    assert list(read_actuals(plain).rows["period"]) == ["2021", "2023"]


def test_a_figure_without_its_source_is_stored_and_said(workbook: Path, targets: Path) -> None:
    """A newcomer's walkthrough: no --source (or an empty one) was stored without a word, and
    the report then showed the figure unsourced."""
    args = add_args(workbook, targets, "2023", "150")
    at = args.index("--source")
    del args[at : at + 2]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: the figure has no source, so the report shows it")
    sourced = _add(workbook, targets, period="2024", value="160")
    assert sourced.exit_code == 0 and "no source" not in sourced.output


@pytest.mark.parametrize(
    ("goals", "period", "basis", "warned"),
    [
        # a year-to-date figure of 2026 for a goal on 2025's total: never its figure
        (("2025",), "2026-10", "ytd", True),
        # beside a goal for 2026 itself, the same figure is that goal's 1—10月
        (("2025", "year 2026"), "2026-10", "ytd", False),
        # 2025's total decides the 2025 goal
        (("2025",), "2025", "", False),
        # a month's own amount counts once twelve months are there: not said for each month
        (("2025",), "2026-10", "month", False),
        # last year's 1—10月 beside a goal for 2026: the base of its 同比 (a walkthrough was told
        # it would not be used)
        (("year 2026",), "2025-10", "ytd", False),
    ],
)
def test_a_figure_no_goal_can_be_judged_on_is_said_when_added(
    tmp_path: Path, workbook: Path, goals: tuple[str, ...], period: str, basis: str, warned: bool
) -> None:
    """A newcomer's month: 1—10月 output value of 2026 added for the goal on 2025's total was
    stored without a word; the report showed it beside the goal and judged the goal without it,
    and `check` said so only while no other figure of the goal was usable. `actuals add` now
    says it when no goal of the series can be judged on the figure (made-up figures)."""
    tables = []
    for goal in goals:
        made = target_toml(id=f"w{goal[-4:]}", kind="annual_total", target=300)
        tables.append(
            made.replace("deadline = 2025-12-31", "year = 2026") if "year" in goal else made
        )
    targets = write_targets(tmp_path / "goals.toml", *tables)
    extra = ["--basis", basis] if basis else []
    said = _add(workbook, targets, *extra, period=period, value="150")
    assert said.exit_code == 0, said.output
    english = "Warning: no goal can be judged on this figure (Testville: Synthetic widgets): "
    assert (english in said.stderr) is warned, said.stderr
    if warned:
        assert "It is stored; the report judges them without it" in said.stderr
        assert list(read_actuals(workbook).rows["period"])[-1] == period  # stored all the same
        chinese = CliRunner().invoke(
            main,
            [*add_args(workbook, targets, "2026-09", "140"), *extra, "--lang", "zh"],
        )
        assert chinese.stderr.startswith("提示：该数据不能用于评估相关目标（"), chinese.stderr


def test_an_earlier_month_of_a_year_goal_is_no_unused_figure(
    tmp_path: Path, workbook: Path
) -> None:
    """1—9月 added after 1—11月 for a goal for 2026 (made up): "no goal can be judged on this
    figure", though the year's chart against its schedule and its table give it (a county
    newcomer's find). Not said; the figure is one of the year's months."""
    made = target_toml(id="w2026", kind="annual_total", target=300)
    targets = write_targets(
        tmp_path / "goals.toml", made.replace("deadline = 2025-12-31", "year = 2026")
    )
    latest = _add(workbook, targets, "--basis", "ytd", period="2026-11", value="280")
    assert latest.exit_code == 0, latest.output
    earlier = _add(workbook, targets, "--basis", "ytd", period="2026-09", value="230")
    assert earlier.exit_code == 0, earlier.output
    assert "no goal can be judged on this figure" not in earlier.stderr, earlier.stderr


def test_a_figure_typed_with_its_scale_for_a_unit_that_has_one_is_refused(
    tmp_path: Path, workbook: Path
) -> None:
    """A newcomer's walkthrough (made-up figures): with `unit = "亿元"` (as real bulletins
    state a goal, every figure in 亿元), `--value 33亿` was read in full and refused as
    "3,300,000,000亿元（33亿亿元）… 相差1.1亿倍". It is refused saying what to write."""
    made = target_toml(kind="annual_total", target=36).replace('unit = "units"', 'unit = "亿元"')
    targets = write_targets(tmp_path / "goals.toml", made)
    before = workbook.read_bytes()
    said = _add(workbook, targets, period="2025", value="33亿")
    assert said.exit_code == 2
    assert said.output.strip() == (
        "Error: --value: '33亿' is read in full, but the series is counted in 亿元 (its figures "
        "are written in 亿元); write --value 33"
    )
    chinese = CliRunner().invoke(
        main, [*add_args(workbook, targets, "2025", "33亿"), "--lang", "zh"]
    )
    assert chinese.output.startswith(
        "错误：--value：该指标的计量单位为亿元，数值应按亿元填写，“33亿”不能直接使用"
    )
    assert workbook.read_bytes() == before
    assert _add(workbook, targets, period="2025", value="33").exit_code == 0


def test_a_january_to_month_span_is_stored_as_that_months_year_to_date_sum(
    tmp_path: Path, workbook: Path
) -> None:
    """A Chinese office's second month: `--period 2026年1—10月`, as bulletins write a 1—N月
    sum, was refused even with `--basis 累计数`. It is stored at 2026-10 with basis ytd; with
    another basis it is still refused (made-up figures)."""
    year_goal = target_toml(kind="annual_total", target=300).replace(
        "deadline = 2025-12-31", "year = 2026"
    )
    targets = write_targets(tmp_path / "goals.toml", year_goal)
    for basis in ([], ["--basis", "累计数"]):
        said = _add(workbook, targets, *basis, "--replace", period="2026年1—10月", value="150")
        assert said.exit_code == 0, said.output
        assert said.output.splitlines()[-1] == (
            "  Testville · Synthetic widgets · 2026-10 (year to date) = 150 units"
        )
        rows = read_actuals(workbook).rows
        assert list(rows[["period", "basis"]].iloc[-1]) == ["2026-10", "ytd"]
    refused = _add(workbook, targets, "--basis", "month", period="2026年1—9月", value="140")
    assert refused.exit_code == 2 and "is a span of months" in refused.output


def test_a_month_without_a_basis_is_echoed_as_that_months_amount(
    tmp_path: Path, workbook: Path
) -> None:
    """The walkthrough's 32亿 for 1—11月 without --basis was echoed "2026年11月 = 32亿元", not
    saying it was stored as November's own amount."""
    year_goal = target_toml(kind="annual_total", target=300).replace(
        "deadline = 2025-12-31", "year = 2026"
    )
    targets = write_targets(tmp_path / "goals.toml", year_goal)
    said = _add(workbook, targets, period="2026-03", value="20")
    echoed = said.output.splitlines()[-1]
    assert echoed == "  Testville · Synthetic widgets · 2026-03 (that month) = 20 units"
    chinese = CliRunner().invoke(
        main, [*add_args(workbook, targets, "2026-04", "20"), "--lang", "zh"]
    )
    assert chinese.output.splitlines()[-1].endswith("2026年4月（当月数） = 20台"), chinese.output


def test_a_basis_in_capitals_is_the_same_basis(tmp_path: Path, workbook: Path) -> None:
    """`--basis YTD` was refused as not one of the choices (a newcomer's find)."""
    year_goal = target_toml(kind="annual_total", target=300).replace(
        "deadline = 2025-12-31", "year = 2026"
    )
    targets = write_targets(tmp_path / "goals.toml", year_goal)
    said = _add(workbook, targets, "--basis", "YTD", period="2026-03", value="20")
    assert said.exit_code == 0, said.output
    assert said.output.splitlines()[-1].endswith("2026-03 (year to date) = 20 units")


def test_the_echo_of_a_large_figure_keeps_every_digit_typed(tmp_path: Path, workbook: Path) -> None:
    """An office's walkthrough (made-up figures): 35.996亿 for 1—11月 against a year goal of 36亿
    was echoed "3,599,600,000元（36亿元）", the goal's own figure; the aside in 亿 or bn is there
    to show a slipped 万, and now keeps the digits typed. A figure below the first step has no
    aside (it repeated the digits in English: "45,000 units (45,000 units)")."""
    targets = write_targets(tmp_path / "goals.toml", target_toml(target=4e9))
    big = _add(workbook, targets, "--force", period="2024-06", value="3599600000")
    assert big.output.splitlines()[-1].endswith("= 3,599,600,000 units (3.5996 bn units)")
    chinese = CliRunner().invoke(
        main, [*add_args(workbook, targets, "2024-07", "35.996亿"), "--lang", "zh", "--force"]
    )
    assert chinese.output.splitlines()[-1].endswith("= 3,599,600,000台（35.996亿台）"), (
        chinese.output
    )
    small = _add(workbook, targets, "--force", period="2024-08", value="45000")
    assert small.output.splitlines()[-1].endswith("= 45,000 units"), small.output


def test_a_count_that_is_not_whole_is_refused_with_its_own_advice(
    tmp_path: Path, workbook: Path
) -> None:
    """2.5 firms: the refusal said to check the figure's unit, 万 = 10,000 and 亿 =
    100,000,000, which has nothing to do with it (a county newcomer's find)."""
    made = target_toml(kind="level", target=300).replace('unit = "units"', 'unit = "firms"')
    targets = write_targets(tmp_path / "goals.toml", made)
    before = workbook.read_bytes()
    said = _add(workbook, targets, period="2025-06", value="2.5")
    assert said.exit_code == 2, said.output
    assert "A count is a whole number: check the figure, or add --force" in said.output
    assert "万 = 10,000" not in said.output
    chinese = CliRunner().invoke(
        main, [*add_args(workbook, targets, "2025-06", "2.5"), "--lang", "zh"]
    )
    assert "计数类指标应为整数，请核实数值，确认无误可加 --force" in chinese.output, chinese.output
    assert workbook.read_bytes() == before
