"""Files open in another program.

An output open in Excel, WPS or LibreOffice (they keep an owner file beside it: `~$name`,
`.~lock.name#`) is left as it was and named, the other outputs are written, and the command
ends with exit 2. An actuals workbook that is open is read, with a warning that rows not saved
there are not in it. Both languages' outputs stand side by side: the Chinese files carry `.zh`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import target_toml, write_actuals, write_targets

from sockprogress.cli import main


def inputs(folder: Path) -> tuple[Path, Path]:
    """A synthetic targets file and workbook (made up: two figures of one series)."""
    goals = write_targets(folder / "targets.toml", target_toml())
    rows = [("Testville", "widgets", "2022", 120), ("Testville", "widgets", "2023", 130)]
    return goals, write_actuals(folder / "actuals.xlsx", rows)


def run(folder: Path, *extra: str) -> tuple[int, str, str]:
    goals, actuals = inputs(folder)
    args = ["report", "--targets", str(goals), "--actuals", str(actuals)]
    args += ["--out", str(folder / "out"), "--as-of", "2026-10", *extra]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("owner", "program"),
    [("~$progress-2026-10.xlsx", "Excel/WPS"), (".~lock.progress-2026-10.xlsx#", "LibreOffice")],
)
def test_an_output_open_elsewhere_is_left_and_the_others_written(
    tmp_path: Path, owner: str, program: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    held = out / "progress-2026-10.xlsx"
    held.write_bytes(b"last month's workbook")
    (out / owner).write_bytes(b"owner")
    code, _, err = run(tmp_path)
    assert code == 2
    assert held.read_bytes() == b"last month's workbook"
    assert (out / "progress-2026-10.html").stat().st_size > 0
    assert (out / "progress-2026-10.json").stat().st_size > 0
    line = err.strip().splitlines()[-1]
    assert "progress-2026-10.xlsx" in line and program in line
    assert "progress-2026-10.html" in line.split("written")[1]
    assert "Traceback" not in err


def test_the_chinese_outputs_carry_their_mark_beside_the_english(tmp_path: Path) -> None:
    assert run(tmp_path)[0] == 0
    assert run(tmp_path, "--lang", "zh")[0] == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [
        "progress-2026-10.docx",
        "progress-2026-10.html",
        "progress-2026-10.json",
        "progress-2026-10.xlsx",
        "progress-2026-10.zh.docx",
        "progress-2026-10.zh.html",
        "progress-2026-10.zh.xlsx",
    ]
    english = (tmp_path / "out" / "progress-2026-10.html").read_text("utf-8")
    chinese = (tmp_path / "out" / "progress-2026-10.zh.html").read_text("utf-8")
    assert 'lang="en"' in english and 'lang="zh' in chinese


def test_an_open_chinese_output_is_named_in_chinese(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "~$progress-2026-10.zh.xlsx").write_bytes(b"owner")
    code, _, err = run(tmp_path, "--lang", "zh")
    assert code == 2
    assert not (out / "progress-2026-10.zh.xlsx").exists()
    assert (out / "progress-2026-10.zh.html").exists()
    line = err.strip().splitlines()[-1]
    assert line.startswith("错误：") and "progress-2026-10.zh.xlsx" in line


def test_an_open_actuals_workbook_is_read_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "~$actuals.xlsx").write_bytes(b"owner")
    code, _, err = run(tmp_path)
    assert code == 0
    assert "actuals.xlsx is open in Excel/WPS" in err
    assert (tmp_path / "out" / "progress-2026-10.xlsx").exists()


def test_no_warning_when_nothing_has_the_workbook_open(tmp_path: Path) -> None:
    code, _, err = run(tmp_path)
    assert code == 0 and "open in" not in err
