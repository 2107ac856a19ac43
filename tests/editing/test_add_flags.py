"""`actuals add --flags`: the flags go into the sheet in its language, and a sheet without the
column refuses them before anything is written. Every figure here is made up."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from helpers import add_args, target_toml, write_actuals, write_targets
from openpyxl import load_workbook

from sockprogress.cli import main
from sockprogress.editing.blank import new_actuals_workbook
from sockprogress.words.words import Words


def _targets(tmp_path: Path) -> Path:
    return write_targets(tmp_path / "targets.toml", target_toml())


def test_flags_are_written_as_codes_in_an_english_sheet(tmp_path: Path) -> None:
    workbook = tmp_path / "actuals.xlsx"
    new_actuals_workbook(regions=["Testville"], indicators=["widgets"]).save(workbook)
    args = [*add_args(workbook, _targets(tmp_path), "2023", "150"), "--flags", "月份为推定，repost"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    ws = load_workbook(workbook)["Actuals"]
    assert ws["H2"].value == "month_presumed, repost"


def test_flags_are_written_in_chinese_in_a_chinese_sheet(tmp_path: Path) -> None:
    workbook = tmp_path / "actuals.xlsx"
    zh = Words.of("zh")
    new_actuals_workbook(regions=["Testville"], indicators=["widgets"], sheet=zh).save(workbook)
    args = [*add_args(workbook, _targets(tmp_path), "2023", "150"), "--flags", "lower_bound"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    ws = load_workbook(workbook)["实际数据"]  # a Chinese workbook's data sheet
    assert ws["H1"].value == "标注" and ws["H2"].value == "取下限值"


def test_a_sheet_without_the_column_refuses_the_flags_and_is_left_as_it_was(
    tmp_path: Path,
) -> None:
    header = ("region", "indicator", "period", "value", "basis", "source", "note")
    workbook = write_actuals(tmp_path / "actuals.xlsx", [], header=header, sheet="实际数据")
    before = workbook.read_bytes()
    args = [*add_args(workbook, _targets(tmp_path), "2023", "150"), "--flags", "repost"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    # the sheet as the workbook names it (it said "the Actuals sheet" of any)
    assert "sheet 实际数据 has no flags column" in result.output, result.output
    assert "Traceback" not in result.output
    assert workbook.read_bytes() == before
    # an unknown flag is refused as any bad option is
    args = [*add_args(workbook, _targets(tmp_path), "2023", "150"), "--flags", "guessed"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "unknown flag 'guessed'" in result.output


def test_a_replaced_row_does_not_keep_the_old_rows_flags(tmp_path: Path) -> None:
    workbook = tmp_path / "actuals.xlsx"
    new_actuals_workbook(regions=["Testville"], indicators=["widgets"]).save(workbook)
    targets = _targets(tmp_path)
    first = [*add_args(workbook, targets, "2023", "150"), "--flags", "lower_bound"]
    assert CliRunner().invoke(main, first).exit_code == 0
    again = [*add_args(workbook, targets, "2023", "160"), "--replace"]
    result = CliRunner().invoke(main, again)
    assert result.exit_code == 0, result.output
    ws = load_workbook(workbook)["Actuals"]
    assert (ws["D2"].value, ws["H2"].value) == (160, None)
