"""An indicator misspelt in the sheet is said, not read silently as a context indicator.

A newcomer typed 工业产值 for 工业总产值 in the workbook: without [[indicators]] in the targets
file, any indicator without a goal is a context indicator, so the row became one, and `check`
said nothing (`actuals add` refuses the same name with a suggestion). Figures are made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import park_year_goal, write_actuals

from sockprogress.cli import main


def check(tmp_path: Path, indicator: str, lang: str) -> tuple[int, list[str]]:
    targets = tmp_path / "targets.toml"
    targets.write_text(park_year_goal(), encoding="utf-8")
    rows = [
        ("Testpark", "工业总产值", "2026-10", 2_950_000_000, "ytd"),
        ("Testpark", indicator, "2026-11", 3_300_000_000, "ytd"),
    ]
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    args = ["check", "--targets", str(targets), "--actuals", str(actuals), "--lang", lang]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output.splitlines()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "actuals.xlsx，工作表“Actuals”，第3行，“指标”列：提示：指标“工业产值”未设目标值，"
            "其名称与已设目标值的“工业总产值”相近，疑为同一指标而填写有误；该指标数据暂作为"
            "未设目标值的参考指标处理；请在工作表中更正指标名称；如确为另一指标，请在目标文件的 "
            "[[indicators]] 中登记",
        ),
        (
            "en",
            "actuals.xlsx, sheet Actuals, row 3, column indicator: warning: indicator '工业产值' "
            "has no target, yet is close to '工业总产值', which has one: its rows are read as an "
            "indicator of their own, without a goal; fix the spelling in the sheet; if it is "
            "another indicator, declare it under [[indicators]] in the targets file",
        ),
    ],
)
def test_a_name_close_to_a_goals_is_said(tmp_path: Path, lang: str, said: str) -> None:
    code, lines = check(tmp_path, "工业产值", lang)
    assert code == 1 and said in lines, lines


def test_an_indicator_of_its_own_stays_context(tmp_path: Path) -> None:
    """Without [[indicators]], a name like no goal's is a context indicator, as before."""
    _code, lines = check(tmp_path, "用电量", "zh")
    assert not any("“指标”列" in line for line in lines), lines
