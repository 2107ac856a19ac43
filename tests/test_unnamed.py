"""A Chinese run says which goals and regions targets.toml names only in English (made up)."""

from __future__ import annotations

import datetime as dt
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


@pytest.mark.parametrize("command", ["report", "check"])
def test_goals_shown_under_one_name_are_named_with_what_to_do(tmp_path: Path, command: str) -> None:
    """A 2030 goal added beside the 2025 one under the same name ("Testville: Synthetic
    widgets" twice) made two rows and two cards nobody could tell apart, without a word. Each
    language notes the names it shows alike: here the Chinese one also for a goal whose English
    name differs (the same name_zh)."""

    def goal(id: str, year: int) -> str:
        made = target_toml(id, deadline=dt.date(year, 12, 31), name_zh='"小部件数"')
        return made + 'region_zh = "测试镇"\n'

    targets = write_targets(
        tmp_path / "targets.toml",
        goal("t1", 2025),
        goal("t2030", 2030),
        goal("t2035", 2035).replace('"Synthetic widgets"', '"Synthetic widgets, 2035"'),
    )
    actuals = write_actuals(tmp_path / "actuals.xlsx", ROWS)
    extra = ["--out", str(tmp_path / "out")] if command == "report" else []
    common = [command, *extra, "--as-of", "2025-10", "--targets", str(targets)]
    english = _run(*common, "--actuals", str(actuals), "--lang", "en")
    assert (
        "Note: 2 goals are shown under the same name, \u201cTestville: Synthetic widgets\u201d, "
        "so the report cannot tell them apart: give each a name of its own (name) in the "
        "targets file: t1, t2030"
    ) in english
    assert english.count("the same name") == 1
    chinese = _run(*common, "--actuals", str(actuals), "--lang", "zh")
    assert (
        "说明：目标文件中有3项目标名称相同，均显示为“测试镇小部件数”，报告中无法区分；"
        "请修改中文名称（name_zh）加以区分，涉及目标（id）：t1、t2030、t2035"
    ) in chinese
    assert chinese.count("名称相同") == 1


def test_a_name_or_region_written_in_chinese_needs_no_chinese_name(tmp_path: Path) -> None:
    """A newcomer's walkthrough: with `name = "袜业产值"` and `region = "小北河"` written in
    Chinese, a Chinese run said the goal "shows its English name" and the region "its code",
    both Chinese already. Such a name is shown as it is, and nothing is said of it."""
    targets = write_targets(
        tmp_path / "targets.toml",
        target_toml(region="小北河").replace('name = "Synthetic widgets"', 'name = "袜业产值"'),
    )
    actuals = write_actuals(tmp_path / "actuals.xlsx", [("小北河", "widgets", "2025-06", 150)])
    said = _run(
        "check",
        "--as-of",
        "2025-10",
        "--targets",
        str(targets),
        "--actuals",
        str(actuals),
        "--lang",
        "zh",
    )
    assert "未填写中文名称" not in said, said


def test_a_goal_named_in_chinese_alone_is_read(tmp_path: Path) -> None:
    """A Chinese office's walkthrough: a goal written with `name_zh` only was refused, "缺少键
    “name”", with no word that Chinese would do. It is read, named so in both languages."""
    from sockprogress.reading import load_targets

    made = target_toml().replace('name = "Synthetic widgets"', 'name_zh = "年产值"')
    (goal,) = load_targets(write_targets(tmp_path / "targets.toml", made)).targets
    assert (goal.name, goal.name_zh) == ("年产值", "年产值")
