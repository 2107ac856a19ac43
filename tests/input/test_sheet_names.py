"""The data sheet in either language: Actuals, or 实际数据 as `init --lang zh` names it.

A Chinese office's workbook had its first tab in English ("Actuals") under a Chinese header,
and every message quoted "Actuals 工作表". Either name is read; what the tool says of a row
names the sheet the workbook has. Every figure here is made up for the test.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from helpers import add_args, target_toml, write_actuals, write_targets
from openpyxl import load_workbook

from sockprogress.cli import main
from sockprogress.editing.undo import difference
from sockprogress.reading import read_actuals

ROWS = [
    ("Testville", "widgets", "2021", 100),
    ("Testville", "widgets", "2024", 150),
    ("Testville", "widgets", "2024", 160),  # the same period twice: an issue on row 4
]


def test_a_chinese_data_sheet_is_read_and_named_as_it_is(tmp_path: Path) -> None:
    english = read_actuals(write_actuals(tmp_path / "en.xlsx", ROWS))
    chinese = read_actuals(write_actuals(tmp_path / "zh.xlsx", ROWS, sheet="实际数据"))
    assert (english.sheet, chinese.sheet) == ("Actuals", "实际数据")
    assert chinese.rows.equals(english.rows)
    assert [i.sheet for i in chinese.issues] == ["实际数据"]
    targets = write_targets(tmp_path / "targets.toml", target_toml())
    result = CliRunner().invoke(
        main,
        ["check", "--targets", str(targets), "--actuals", str(tmp_path / "zh.xlsx")],
        env={"SOCKPROGRESS_LANG": "zh"},
    )
    assert "zh.xlsx，工作表“实际数据”，第4行" in result.output, result.output
    assert "Actuals" not in result.output


def test_actuals_add_writes_into_the_chinese_sheet_and_undo_names_it(tmp_path: Path) -> None:
    workbook = write_actuals(tmp_path / "actuals.xlsx", ROWS[:2], sheet="实际数据")
    targets = write_targets(tmp_path / "targets.toml", target_toml())
    added = CliRunner().invoke(main, [*add_args(workbook, targets, "2025", "170"), "--lang", "zh"])
    assert added.exit_code == 0, added.output
    assert "actuals.xlsx，工作表“实际数据”，第4行：已添加" in added.output
    wb = load_workbook(workbook)
    assert wb.sheetnames == ["实际数据"]
    assert [c.value for c in wb["实际数据"][4]][:4] == ["Testville", "widgets", "2025", 170]
    (kept,) = (tmp_path / "backups").iterdir()
    change = difference(workbook, kept)
    assert change.sheet == "实际数据" and len(change.removed) == 1


def test_undo_of_a_change_to_the_dropdowns_names_the_chinese_sheet(tmp_path: Path) -> None:
    """`refresh` changes the lists only; undoing it says no row of 实际数据 differs."""
    assert CliRunner().invoke(main, ["init", str(tmp_path), "--lang", "zh"]).exit_code == 0
    targets, workbook = tmp_path / "data" / "targets.toml", tmp_path / "data" / "actuals.xlsx"
    with targets.open("a", encoding="utf-8") as fh:
        fh.write('\n[[regions]]\nregion = "Newtown"\nname_zh = "新镇"\n')
    common = ["--actuals", str(workbook), "--targets", str(targets), "--lang", "zh"]
    assert CliRunner().invoke(main, ["actuals", "refresh", *common]).exit_code == 0
    undo = ["actuals", "undo", "--actuals", str(workbook), "--lang", "zh"]
    undone = CliRunner().invoke(main, undo, input="否\n")
    assert "与备份相比，工作表“实际数据”各行数据均无变化" in undone.output, undone.output
