"""A Chinese run says which goals and regions targets.toml names only in English (made up)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import target_toml, write_actuals, write_targets

from sockprogress.cli import main

ROWS = [("Testville", "widgets", "2025-06", 150), ("Otherton", "gadgets", "2025-06", 150)]


def _files(tmp_path: Path) -> tuple[Path, Path]:
    targets = write_targets(
        tmp_path / "targets.toml",
        target_toml(name_zh='"小部件"', region_zh='"测试镇"'),
        target_toml(id="t2", region="Otherton", indicator="gadgets"),
    )
    return targets, write_actuals(tmp_path / "actuals.xlsx", ROWS)


def _run(*args: str) -> str:
    return CliRunner().invoke(main, list(args), catch_exceptions=False).output


@pytest.mark.parametrize("command", ["report", "check"])
def test_a_chinese_run_names_the_goals_and_regions_without_a_chinese_name(
    tmp_path: Path, command: str
) -> None:
    targets, actuals = _files(tmp_path)
    extra = ["--out", str(tmp_path / "out")] if command == "report" else []
    common = [command, *extra, "--as-of", "2025-10", "--targets", str(targets)]
    said = _run(*common, "--actuals", str(actuals), "--lang", "zh")
    assert (
        "说明：目标文件中有1项目标未填写中文名称（name_zh），报告中改以英文名称显示，涉及目标（id）：t2"
        in said
    )
    assert (
        "说明：目标文件中有1个地区未填写中文名称（region_zh，或[[regions]]下的name_zh），" in said
    )
    assert "报告中以代码显示：Otherton" in said
    # the goal and the region that have one are not named; English needs no other name
    assert "t1" not in said.split("涉及目标（id）：")[1].splitlines()[0]
    english = _run(*common, "--actuals", str(actuals), "--lang", "en")
    assert "name_zh" not in english and "Note:" not in english


def test_the_shipped_goals_all_have_their_chinese_names(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    targets, actuals = shipped
    out = str(tmp_path / "out")
    said = _run(
        "report", "--lang", "zh", "--targets", str(targets), "--actuals", str(actuals), "--out", out
    )
    assert "progress-" in said and "说明：目标文件中有" not in said
