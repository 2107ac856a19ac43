"""`sockprogress actuals undo`: the workbook as it was before the tool's last change (issue 22).

Shown first (rows brought back, removed or changed, read by the report's own reader), asked,
then put back atomically after a backup of its own, so that undo undoes itself. Backups are
kept for the last 30 changes. Every figure here is synthetic.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import add_args, target_toml, write_targets

from sockprogress.cli import main
from sockprogress.editing.safekeeping import BACKUPS_KEPT, backup, backups_of
from sockprogress.editing.undo import last_backup, undo
from sockprogress.errors import InputError, OutputError
from sockprogress.reading import read_actuals


def _add(workbook: Path, targets: Path, period: str, value: str, *extra: str) -> Result:
    result = CliRunner().invoke(main, [*add_args(workbook, targets, period, value), *extra])
    assert result.exit_code == 0, result.output
    return result


def _undo(workbook: Path, *extra: str, answer: str | None = None) -> Result:
    args = ["actuals", "undo", "--actuals", str(workbook), *extra]
    return CliRunner().invoke(main, args, input=answer)


def test_undo_takes_back_an_add_and_undo_again_takes_back_the_undo(
    workbook: Path, targets: Path
) -> None:
    before = workbook.read_bytes()
    _add(workbook, targets, "2023", "150")
    added = workbook.read_bytes()
    result = _undo(workbook, "--yes")
    assert result.exit_code == 0, result.output
    assert "Undo puts actuals.xlsx back as it was on " in result.output
    assert "  removes row 4: Testville · widgets · 2023 = 150\n" in result.output
    assert "actuals.xlsx: put back (the workbook as it was is kept in " in result.output
    assert workbook.read_bytes() == before
    assert list(read_actuals(workbook).rows["value"]) == [100, 120]
    assert last_backup(workbook).read_bytes() == added  # the undo is undoable
    again = _undo(workbook, "--yes")
    assert again.exit_code == 0, again.output
    assert "  brings back row 4: Testville · widgets · 2023 = 150\n" in again.output
    assert workbook.read_bytes() == added


def test_undo_names_the_rows_as_the_targets_file_does(workbook: Path, targets: Path) -> None:
    """With the targets file (data/targets.toml by default) a row is said as `actuals add`
    said it: the goal's name and unit, in the run's language; without it, by its codes."""
    write_targets(
        targets,
        target_toml(
            baseline='{ period = "2021", value = 100 }', name_zh='"小部件数"', region_zh='"测试镇"'
        ),
    )
    _add(workbook, targets, "2023", "150")
    english = _undo(workbook, "--targets", str(targets), answer="n\n")
    assert "  removes row 4: Testville · Synthetic widgets · 2023 = 150 units\n" in english.output
    chinese = _undo(workbook, "--targets", str(targets), "--lang", "zh", answer="n\n")
    assert "  删除第4行：测试镇 · 小部件数 · 2023年 = 150台\n" in chinese.output
    # a targets file that cannot be read never holds up putting the workbook back
    targets.write_text("not = [toml", encoding="utf-8")
    done = _undo(workbook, "--targets", str(targets), "--yes")
    assert done.exit_code == 0, done.output
    assert "  removes row 4: Testville · widgets · 2023 = 150\n" in done.output


def test_undo_names_the_rows_of_a_chinese_workbook_by_the_targets_file(tmp_path: Path) -> None:
    """A newcomer's walkthrough: in a workbook made by `init --lang zh` the cells hold 小北河
    and 袜业企业数, which `undo` looked up as codes: "删除第4行：小北河 · 袜业企业数 · 2026年11月 =
    216", without the unit `add` had said (and the Chinese names in English too)."""
    folder = tmp_path / "office"
    made = CliRunner().invoke(main, ["init", "--lang", "zh", str(folder)])
    assert made.exit_code == 0, made.output
    targets, workbook = folder / "data" / "targets.toml", folder / "data" / "actuals.xlsx"
    args = ["actuals", "add", "--actuals", str(workbook), "--targets", str(targets)]
    args += ["--region", "Xiaobeihe", "--indicator", "sock_weaving_firms", "--period", "2026-10"]
    added = CliRunner().invoke(main, [*args, "--value", "216", "--source", "made up"])
    assert added.exit_code == 0, added.output
    for lang, said in (
        ("zh", "  删除第2行：小北河 · 袜业企业数 · 2026年10月 = 216户\n"),
        ("en", "  removes row 2: Xiaobeihe · Sock firms · 2026-10 = 216 firms\n"),
    ):
        shown = _undo(workbook, "--targets", str(targets), "--lang", lang, answer="n\n")
        assert said in shown.output, shown.output


def test_undo_shows_a_changed_row_and_asks_first(workbook: Path, targets: Path) -> None:
    _add(workbook, targets, "2022", "125", "--replace")
    replaced = workbook.read_bytes()
    count = len(backups_of(workbook))
    declined = _undo(workbook, answer="n\n")
    assert declined.exit_code == 1
    assert (
        "  changes row 3: Testville · widgets · 2022 = 125 → Testville · widgets · 2022 = 120"
        in declined.output
    )
    assert "Put actuals.xlsx back? [y/N]: n\nNothing changed.\n" in declined.output
    assert workbook.read_bytes() == replaced and len(backups_of(workbook)) == count
    accepted = _undo(workbook, answer="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert list(read_actuals(workbook).rows["value"]) == [100, 120]
    assert len(backups_of(workbook)) == count + 1


def test_undo_speaks_chinese(workbook: Path, targets: Path) -> None:
    _add(workbook, targets, "2024-06", "130", "--basis", "ytd")
    result = _undo(workbook, "--lang", "zh", answer="y\n")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("撤销将把 actuals.xlsx 恢复为")
    assert lines[1] == "  删除第4行：Testville · widgets · 2024年6月（1—6月累计） = 130"
    # the answers in Chinese too, no [y/N] left
    assert lines[2] == "是否恢复 actuals.xlsx\N{FULLWIDTH QUESTION MARK}（是/否，直接回车为否）：y"
    assert lines[3].startswith("actuals.xlsx：已恢复（恢复前的工作簿保存在 ")
    assert "再次运行 sockprogress actuals undo 即可撤回本次恢复" in lines[3]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Error: actuals.xlsx: nothing to undo: there is no backup in "),
        ("zh", "错误：actuals.xlsx：没有可撤销的修改："),
    ],
)
def test_undo_without_a_backup_is_refused(workbook: Path, lang: str, said: str) -> None:
    before = workbook.read_bytes()
    result = _undo(workbook, "--yes", "--lang", lang)
    assert result.exit_code == 2
    assert result.output.startswith(said), result.output
    assert workbook.read_bytes() == before and not (workbook.parent / "backups").exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Error: actuals.xlsx: its newest backup, {backup}, cannot be read; nothing changed"),
        ("zh", "错误：actuals.xlsx 的最新备份 {backup} 无法读取，未作任何改动"),
    ],
)
def test_undo_with_an_unreadable_backup_names_it_and_the_way_back(
    workbook: Path, targets: Path, lang: str, said: str
) -> None:
    """A bad-input audit's find: a damaged newest backup was said as the workbook reader says
    any file ("actuals-20261207-105339.xlsx: not an .xlsx workbook …; open it in Excel and save
    it as .xlsx"), naming neither the backups folder nor how to go back further."""
    _add(workbook, targets, "2023", "150")
    added = workbook.read_bytes()
    kept = last_backup(workbook)
    kept.write_text("not a workbook")
    result = _undo(workbook, "--yes", "--lang", lang)
    assert result.exit_code == 2, result.output
    (line,) = result.output.splitlines()
    assert line.startswith(said.format(backup=kept)), line
    assert str(kept.parent) in line.split(str(kept), 1)[1]  # the folder to move it out of
    assert "Traceback" not in result.output
    assert workbook.read_bytes() == added and backups_of(workbook) == [kept]


def test_undo_refuses_an_open_workbook(workbook: Path, targets: Path) -> None:
    _add(workbook, targets, "2023", "150")
    added = workbook.read_bytes()
    (workbook.parent / "~$actuals.xlsx").write_bytes(b"owner")
    result = _undo(workbook, "--yes")
    assert result.exit_code == 2 and "is open in Excel" in result.output
    assert workbook.read_bytes() == added


def test_a_failed_undo_changes_nothing(
    workbook: Path, targets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(workbook, targets, "2023", "150")
    added = workbook.read_bytes()
    count = len(backups_of(workbook))

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sockprogress.safewrite.os.replace", full)
    result = _undo(workbook, "--yes")
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert workbook.read_bytes() == added
    assert len(backups_of(workbook)) == count  # no backup of a change that did not happen
    assert not [p for p in workbook.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_workbook_changed_while_undo_asked_is_left_alone(workbook: Path, targets: Path) -> None:
    _add(workbook, targets, "2023", "150")
    added = workbook.read_bytes()
    with pytest.raises(InputError, match="changed while undo was asking"):
        undo(workbook, last_backup(workbook), expected=b"what was shown")
    assert workbook.read_bytes() == added


def test_backups_are_kept_for_the_last_30_changes(workbook: Path) -> None:
    folder = workbook.parent / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("the user's own file")
    made = [backup(workbook, f"change {n}".encode()) for n in range(BACKUPS_KEPT + 5)]
    kept = backups_of(workbook)
    assert len(kept) == BACKUPS_KEPT
    assert kept == made[-BACKUPS_KEPT:]
    assert [p.read_bytes() for p in kept][:2] == [b"change 5", b"change 6"]
    assert (folder / "notes.txt").exists()
    assert last_backup(workbook).read_bytes() == f"change {BACKUPS_KEPT + 4}".encode()


def test_every_change_prunes_the_backups(workbook: Path, targets: Path) -> None:
    for n in range(BACKUPS_KEPT):
        backup(workbook, f"old {n}".encode())
    _add(workbook, targets, "2023", "150")
    kept = backups_of(workbook)
    assert len(kept) == BACKUPS_KEPT
    assert b"old 0" not in {p.read_bytes() for p in kept}


def test_a_backup_that_cannot_be_written_changes_nothing(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OutputError):
        backup(workbook, b"data")
    assert backups_of(workbook) == []
    assert os.path.exists(workbook)


@pytest.mark.parametrize(
    ("answer", "put_back"),
    [("是\n", True), ("否\n", False), ("y\n", True), ("\n", False), ("好\nn\n", False)],
)
def test_undo_takes_a_chinese_answer(
    workbook: Path, targets: Path, answer: str, put_back: bool
) -> None:
    """A Chinese office's walkthrough answered "是" to "是否恢复 actuals.xlsx" and was told to
    type y or n. 是 and 否 are answers too; anything else is asked again (made-up figures)."""
    before = workbook.read_bytes()
    _add(workbook, targets, "2023", "150")
    result = _undo(workbook, "--lang", "zh", answer=answer)
    assert (workbook.read_bytes() == before) is put_back, result.output
    assert result.exit_code == (0 if put_back else 1)
    if answer.startswith("好"):
        assert "输入无效" in result.output


@pytest.mark.parametrize(
    ("lang", "back", "gone"),
    [
        (
            "en",
            "  brings back row 4, which the report leaves out: Testville · widgets · 2023 · "
            "12,3亿 · typed by hand",
            "  removes row 4: Testville · widgets · 2023 = 123",
        ),
        (
            "zh",
            "  恢复第4行（该行数据有误，不计入报告）：Testville · widgets · 2023 · 12,3亿 · "
            "typed by hand",
            "  删除第4行：Testville · widgets · 2023年 = 123",
        ),
    ],
)
def test_undo_says_the_rows_it_brings_back_that_the_report_leaves_out(
    workbook: Path, targets: Path, lang: str, back: str, gone: str
) -> None:
    """A newcomer's find: a row typed wrong in Excel (12,3亿), then a figure added with the tool,
    then the wrong row mended by hand. Undo listed only the added row, and put the wrong one back
    unsaid: it read both workbooks with the report's reader, which leaves such a row out. The
    rows the report leaves out are compared as they are written, and said."""
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book["Actuals"].append(["Testville", "widgets", "2023", "12,3亿", None, "typed by hand"])
    book.save(workbook)
    _add(workbook, targets, "2024", "130")
    book = load_workbook(workbook)
    book["Actuals"]["D4"] = 123  # mended by hand
    book.save(workbook)
    result = _undo(workbook, "--yes", "--lang", lang)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert back in lines and gone in lines, result.output
    assert load_workbook(workbook)["Actuals"]["D4"].value == "12,3亿"  # put back, as said
