"""Starting with your own goals (issue 22): `init --blank`, dropdowns that follow the targets
file (`actuals refresh`, and `actuals add` when they differ), and an `init` that is all or
nothing and never replaces anything at its paths, links included.

No figure here is real: the examples' placeholders are replaced by made-up numbers.
"""

from __future__ import annotations

import errno
import os
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from sockprogress.cli import main
from sockprogress.editing.safekeeping import backups_of
from sockprogress.errors import InputError
from sockprogress.reading import load_targets, read_actuals


def _run(*args: str, lang: str = "en", cwd: Path | None = None) -> Result:
    if cwd is None:
        return CliRunner().invoke(main, [*args, "--lang", lang])
    before = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [*args, "--lang", lang])
    finally:
        os.chdir(before)


def _lists(workbook: Path) -> list[list[str | None]]:
    wb = load_workbook(workbook)
    return [[c.value for c in row] for row in wb.worksheets[2].iter_rows()]  # Lists, 下拉选项


def _own_goals(targets: Path) -> None:
    """Uncomment the two examples and write made-up goals over their placeholders."""
    lines = []
    for line in targets.read_text(encoding="utf-8").splitlines():
        toml = re.fullmatch(r"# (\[\[?\w+\]\]?|\w+ = .*)", line)
        lines.append(toml[1] if toml else line)
    text = "\n".join(lines) + "\n"
    text = text.replace("target = 0", "target = 900").replace("value = 0", "value = 300")
    text = text.replace('"region-output-2026"', '"year-goal"').replace("[report]\n", "")
    text = re.sub(r'^(title|title_zh|issuer|issuer_zh) = "…"\n', "", text, flags=re.MULTILINE)
    text = text.replace('"Region"', '"Dongfeng"').replace('"某县"', '"东丰"')
    targets.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_blank_init_gives_no_goal_two_examples_and_an_empty_workbook(
    tmp_path: Path, lang: str
) -> None:
    result = _run("init", str(tmp_path / "mine"), "--blank", lang=lang)
    assert result.exit_code == 0, result.output
    targets = tmp_path / "mine" / "data" / "targets.toml"
    actuals = tmp_path / "mine" / "data" / "actuals.xlsx"
    text = targets.read_text(encoding="utf-8")
    assert all(line.startswith("#") or not line for line in text.splitlines())
    assert text.count("# [[targets]]") == 2
    assert "# deadline = 2025-12-31" in text and "# year = 2026" in text
    # placeholders only: no figure is invented (every number is 0, a date or the year)
    figures = re.findall(r"(?:target|value) = (\S+?)[ }\n]", text)
    assert figures and set(figures) == {"0"}
    assert load_targets(targets, goals_required=False).targets == ()
    comments = {"en": "Your goals: one [[targets]] table for each goal", "zh": "您的目标"}
    assert comments[lang] in text
    if lang == "zh":  # the comments are Chinese, and say the Chinese way
        assert "Your goals" not in text and "，" in text
    assert read_actuals(actuals).rows.empty
    assert all(row[:2] == [None, None] for row in _lists(actuals)[1:])  # no name offered yet
    next_step = {"en": "write your goals in data/targets.toml", "zh": "data/targets.toml"}
    assert next_step[lang] in result.output


@pytest.mark.parametrize(("command", "lang"), [("check", "en"), ("report", "zh")])
def test_report_and_check_without_goals_say_to_add_one(
    tmp_path: Path, command: str, lang: str
) -> None:
    assert _run("init", str(tmp_path), "--blank").exit_code == 0
    result = _run(command, lang=lang, cwd=tmp_path)
    assert result.exit_code == 2
    said = {
        "en": "Error: targets.toml: no goals yet (no [[targets]] entries); add a [[targets]] "
        "table for each goal (the commented examples in the file show how), then run again",
        "zh": "错误：targets.toml：尚未设定任何目标（没有 [[targets]] 条目）；请为每项目标添加",
    }[lang]
    assert said in result.output
    assert "TOML" not in result.output.replace("targets.toml", "")


def test_the_examples_once_filled_in_are_goals(tmp_path: Path) -> None:
    assert _run("init", str(tmp_path), "--blank", lang="zh").exit_code == 0
    targets = tmp_path / "data" / "targets.toml"
    _own_goals(targets)
    goals = load_targets(targets)
    assert [(t.kind, t.target, t.year) for t in goals.targets] == [
        ("level", 900, None),
        ("annual_total", 900, 2026),
    ]
    assert goals.regions_zh == (("Dongfeng", "东丰"),)


def test_the_placeholders_are_refused_until_replaced(tmp_path: Path) -> None:
    assert _run("init", str(tmp_path), "--blank").exit_code == 0
    targets = tmp_path / "data" / "targets.toml"
    _own_goals(targets)
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("target = 900", "target = 0", 1), "utf-8"
    )
    with pytest.raises(InputError, match="'target' must be above zero, got 0"):
        load_targets(targets)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_refresh_makes_the_dropdowns_follow_the_targets_file(tmp_path: Path, lang: str) -> None:
    assert _run("init", str(tmp_path), "--blank", lang=lang).exit_code == 0
    targets, actuals = tmp_path / "data" / "targets.toml", tmp_path / "data" / "actuals.xlsx"
    _own_goals(targets)
    before = actuals.read_bytes()
    result = _run("actuals", "refresh", lang=lang, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    said = {
        "en": "actuals.xlsx: the dropdowns now offer the 1 region and 2 indicators of "
        "targets.toml (backup: ",
        "zh": "actuals.xlsx：下拉列表已按 targets.toml 更新为1个地区和2个指标（备份：",
    }[lang]
    assert said in result.output
    region = {"en": "Dongfeng", "zh": "东丰"}[lang]  # a Chinese sheet offers the Chinese name
    indicator = {"en": "indicator", "zh": "指标名称"}[lang]
    lists = _lists(actuals)
    assert [row[0] for row in lists[1:] if row[0]] == [region]
    second = {"en": "output_value", "zh": "产值"}[lang]
    assert [row[1] for row in lists[1:] if row[1]] == [indicator, second]
    wb = load_workbook(actuals)
    sheet = {"en": "Lists", "zh": "下拉选项"}[lang]  # found by the names, in either language
    assert str(wb.defined_names["region_list"].attr_text) == f"'{sheet}'!$A$2:$A$2"
    assert str(wb.defined_names["indicator_list"].attr_text) == f"'{sheet}'!$B$2:$B$3"
    assert wb[sheet].sheet_state == "hidden"
    # every other part of the package is kept byte for byte
    with zipfile.ZipFile(actuals) as now, zipfile.ZipFile(_only(backups_of(actuals))) as was:
        changed = {n for n in was.namelist() if was.read(n) != now.read(n)}
        assert changed == {"xl/worksheets/sheet3.xml", "xl/workbook.xml"}
        assert now.namelist() == was.namelist()
    assert _only(backups_of(actuals)).read_bytes() == before
    again = _run("actuals", "refresh", lang=lang, cwd=tmp_path)
    assert again.exit_code == 0 and len(backups_of(actuals)) == 1
    assert {"en": "nothing changed", "zh": "未作修改"}[lang] in again.output
    # a row picked from the new dropdown is read as the goal's series
    added = _run(
        "actuals", "add", "--region", region, "--indicator", indicator, "--period", "2024",
        "--value", "400", lang=lang, cwd=tmp_path,
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert list(read_actuals(actuals, targets=load_targets(targets)).rows["region"]) == ["Dongfeng"]


def _only(paths: list[Path]) -> Path:
    assert len(paths) == 1, paths
    return paths[0]


def test_add_refreshes_the_dropdowns_when_they_differ(tmp_path: Path) -> None:
    assert _run("init", str(tmp_path), "--blank").exit_code == 0
    targets, actuals = tmp_path / "data" / "targets.toml", tmp_path / "data" / "actuals.xlsx"
    _own_goals(targets)
    result = _run(
        "actuals", "add", "--region", "Dongfeng", "--indicator", "output_value",
        "--period", "2026-01", "--value", "80", "--basis", "month", cwd=tmp_path,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        "actuals.xlsx: the dropdowns now offer the regions and indicators of targets.toml"
        in result.output
    )
    assert [row[0] for row in _lists(actuals)[1:] if row[0]] == ["Dongfeng"]
    assert len(backups_of(actuals)) == 1  # one change: the row and the lists together
    assert list(read_actuals(actuals).rows["value"]) == [80]
    again = _run(
        "actuals", "add", "--region", "Dongfeng", "--indicator", "output_value",
        "--period", "2026-02", "--value", "85", "--basis", "month", cwd=tmp_path,
    )  # fmt: skip
    assert again.exit_code == 0 and "dropdowns" not in again.output


def test_refresh_leaves_a_workbook_without_init_dropdowns_alone(tmp_path: Path) -> None:
    from helpers import target_toml, write_actuals, write_targets

    targets = write_targets(tmp_path / "targets.toml", target_toml())
    actuals = write_actuals(tmp_path / "actuals.xlsx", [("Testville", "widgets", "2021", 1)])
    before = actuals.read_bytes()
    for lang, said in (
        ("en", "Error: actuals.xlsx: has no dropdown lists made by sockprogress init"),
        ("zh", "错误：actuals.xlsx：没有由 sockprogress init 生成的下拉列表"),
    ):
        result = _run(
            "actuals", "refresh", "--actuals", str(actuals), "--targets", str(targets), lang=lang
        )
        assert result.exit_code == 2 and said in result.output, result.output
    assert actuals.read_bytes() == before


def test_names_of_the_workbooks_own_over_its_data_are_never_rebuilt_over_its_rows(
    tmp_path: Path,
) -> None:
    """A review of the lists sheet found by its names (made-up figures): a workbook whose own
    region_list, indicator_list and basis_list cover its data columns had every data row
    written over by the lists when `actuals add` rebuilt them. Only a sheet init made for
    the lists (Lists, 下拉选项) is rebuilt; the others are the workbook's own, left alone."""
    from helpers import target_toml, write_actuals, write_targets
    from openpyxl.workbook.defined_name import DefinedName

    targets = write_targets(tmp_path / "targets.toml", target_toml())
    actuals = write_actuals(
        tmp_path / "actuals.xlsx",
        [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2022", 110)],
    )
    wb = load_workbook(actuals)
    for name, letter in (("region_list", "A"), ("indicator_list", "B"), ("basis_list", "E")):
        wb.defined_names[name] = DefinedName(name, attr_text=f"Actuals!${letter}$2:${letter}$99")
    wb.save(actuals)
    added = _run(
        "actuals", "add", "--actuals", str(actuals), "--targets", str(targets),
        "--region", "Testville", "--indicator", "widgets", "--period", "2023", "--value", "120",
        "--source", "made up",
    )  # fmt: skip
    assert added.exit_code == 0 and "dropdowns" not in added.output, added.output
    assert list(read_actuals(actuals).rows["value"]) == [100, 110, 120]
    refreshed = _run("actuals", "refresh", "--actuals", str(actuals), "--targets", str(targets))
    assert refreshed.exit_code == 2 and "has no dropdown lists" in refreshed.output
    assert list(read_actuals(actuals).rows["value"]) == [100, 110, 120]


# --- init: all or nothing, never over anything ------------------------------------------------


def test_init_refuses_a_link_at_the_workbook_path_without_following_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    elsewhere = tmp_path / "elsewhere.xlsx"
    (data / "actuals.xlsx").symlink_to(elsewhere)  # a link pointing nowhere (yet)
    for lang, said in (("en", "already exists; init never overwrites"), ("zh", "已存在")):
        result = _run("init", str(tmp_path), "--blank", lang=lang)
        assert result.exit_code == 2 and said in result.output, result.output
    assert not elsewhere.exists() and (data / "actuals.xlsx").is_symlink()
    assert sorted(p.name for p in data.iterdir()) == ["actuals.xlsx"]


def test_init_refuses_a_linked_data_folder(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "data").symlink_to(shared)
    result = _run("init", str(tmp_path / "mine"))
    assert result.exit_code == 2 and "already exists" in result.output
    assert list(shared.iterdir()) == []


def test_init_on_a_full_disk_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "existing").mkdir()
    calls = {"n": 0}
    real = os.fsync

    def full_on_the_second(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the targets file is written, the workbook is not
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", full_on_the_second)
    result = _run("init", str(tmp_path / "existing" / "a" / "b"))
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert list((tmp_path / "existing").iterdir()) == []


def test_init_leaves_nothing_when_the_second_file_cannot_be_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.link

    def appeared(src: str, dst: str) -> None:
        if str(dst).endswith("actuals.xlsx"):
            Path(dst).write_bytes(b"someone else's")  # appeared since it was checked
        real(src, dst)

    monkeypatch.setattr(os, "link", appeared)
    result = _run("init", str(tmp_path / "new"))
    assert result.exit_code == 2 and "already exists" in result.output
    data = tmp_path / "new" / "data"
    assert sorted(p.name for p in data.iterdir()) == ["actuals.xlsx"]
    assert (data / "actuals.xlsx").read_bytes() == b"someone else's"


def test_init_into_an_existing_data_folder_keeps_what_is_there(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "notes.txt").write_text("mine")
    assert _run("init", str(tmp_path), "--blank").exit_code == 0
    assert sorted(p.name for p in data.iterdir()) == ["actuals.xlsx", "notes.txt", "targets.toml"]
