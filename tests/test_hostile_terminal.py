"""A terminal that cannot encode a character (a GBK console, output piped with
PYTHONIOENCODING=ascii or LANG=C): the character is escaped, never a crash, and a row that was
saved is said to be saved (issue 22)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

import sockprogress

# The package under test, wherever the subprocess starts (the folder it runs in is elsewhere).
SRC = str(Path(sockprogress.__file__).resolve().parents[1])

EMOJI_REGION = "新区😀"
SOURCE = "统计公报 € 😀"


def _decoding(encoding: str) -> str:
    """How the output reads back: click writes UTF-8 where the stream says ASCII."""
    return "utf-8" if encoding == "ascii" else encoding


def _run(
    args: list[str], cwd: Path, encoding: str, lang: str = "C.UTF-8"
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "LANG": lang, "PYTHONPATH": SRC}
    env.pop("SOCKPROGRESS_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "sockprogress", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder from `init`, with a row whose region the GBK codec cannot encode."""
    root = tmp_path_factory.mktemp("hostile")
    assert _run(["init", "w"], root, "utf-8").returncode == 0
    work = root / "w"
    added = _run(
        [
            *("actuals", "add", "--lang", "zh", "--region", EMOJI_REGION, "--new"),
            *("--indicator", "sock_output", "--period", "2025", "--value", "4000000000"),
            *("--source", SOURCE),
        ],
        work,
        "utf-8",
    )
    assert added.returncode == 0, added.stderr.decode()
    return work


def _rows(workbook: Path) -> list[tuple[object, ...]]:
    book = load_workbook(workbook, read_only=True)
    try:
        return [tuple(row) for row in book["Actuals"].iter_rows(values_only=True)]
    finally:
        book.close()


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_actuals_add_says_the_row_it_saved(tmp_path: Path, folder: Path, encoding: str) -> None:
    work = tmp_path / "w"
    work.mkdir()
    (work / "data").mkdir()
    for name in ("targets.toml", "actuals.xlsx"):
        (work / "data" / name).write_bytes((folder / "data" / name).read_bytes())
    before = len(_rows(work / "data" / "actuals.xlsx"))
    done = _run(
        [
            *("actuals", "add", "--lang", "zh", "--region", "测试区😀€", "--new"),
            *("--indicator", "sock_output", "--period", "2024", "--value", "4000000000"),
            *("--source", SOURCE, "--note", "注 😀"),
        ],
        work,
        encoding,
    )
    err = done.stderr.decode(_decoding(encoding))
    out = done.stdout.decode(_decoding(encoding))
    assert done.returncode == 0, err
    assert "Traceback" not in err
    # never "nothing was written" (未写入任何文件) after the row was saved
    assert "UnicodeEncodeError" not in err and "未写入" not in err and "未写入" not in out
    rows = _rows(work / "data" / "actuals.xlsx")
    assert len(rows) == before + 1
    assert any("测试区😀€" in row and SOURCE in row for row in rows)
    if encoding == "gbk":
        assert "已添加" in out  # added, said in Chinese; the emoji escaped
        assert "\\U0001f600" in out + err


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_check_and_report_in_chinese_never_crash(folder: Path, encoding: str) -> None:
    checked = _run(["check", "--lang", "zh", "--as-of", "2026-10"], folder, encoding)
    err = checked.stderr.decode(_decoding(encoding))
    assert checked.returncode == 1, err  # lines listed (a new region, goals without figures)
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert "\\U0001f600" in checked.stdout.decode(_decoding(encoding)) + err or encoding == "ascii"
    out = folder / f"reports-{encoding}"
    reported = _run(
        ["report", "--lang", "zh", "--as-of", "2026-10", "--out", str(out)], folder, encoding
    )
    err = reported.stderr.decode(_decoding(encoding))
    assert reported.returncode == 0, err
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert (out / "progress-2026-10.json").exists()
    assert (out / "progress-2026-10.zh.html").exists()


def test_lang_c_with_a_pipe_is_not_a_crash(folder: Path) -> None:
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "PYTHONPATH": SRC}
    env.pop("PYTHONIOENCODING", None)
    done = subprocess.run(
        [sys.executable, "-m", "sockprogress", "check", "--lang", "zh", "--as-of", "2026-10"],
        cwd=folder,
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr


def test_a_line_that_cannot_be_shown_never_says_nothing_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A caller's own stream that cannot encode a line (`run` escapes them, a caller of `main`
    may not): one line, and no claim that nothing was written."""
    from click.testing import CliRunner

    from sockprogress.cli import main
    from sockprogress.editing import init

    def cannot_show(*args: object, **kwargs: object) -> list[Path]:
        raise UnicodeEncodeError("gbk", "区😀", 1, 2, "illegal multibyte sequence")

    monkeypatch.setattr(init, "init_folder", cannot_show)
    done = CliRunner().invoke(main, ["init", str(tmp_path / "w")])
    assert done.exit_code == 2
    assert "nothing was written" not in done.output
    assert "the terminal cannot show a character (\\U0001f600)" in done.output
    assert "PYTHONIOENCODING=utf-8" in done.output


def _planted(workbook: Path, cells: dict[str, bytes]) -> None:
    """Cells whose text holds what openpyxl will not write (ESC, BEL, CR, U+202E): a made-up
    row added with placeholders, and the placeholders swapped in the sheet's XML as Excel
    escapes them (_x001B_)."""
    import zipfile

    book = load_workbook(workbook)
    book["Actuals"].append(list(cells))
    book.save(workbook)
    with zipfile.ZipFile(workbook) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    for name, data in parts.items():
        for placeholder, text in cells.items():
            data = data.replace(placeholder.encode(), text)
        parts[name] = data
    with zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_cells_control_characters_are_shown_not_acted_on(tmp_path: Path) -> None:
    """A region typed with ESC ] (sets the window's title), ESC [2J (clears the screen), a
    carriage return and U+202E (reverses what follows): the error line that names it showed
    them raw to the terminal (a fuzz audit's find). They are written as escapes."""
    assert _run(["init", "w"], tmp_path, "utf-8").returncode == 0
    work = tmp_path / "w"
    _planted(
        work / "data" / "actuals.xlsx",
        {
            "PLACE1": b"Liao_x001B_]0;PWNED_x0007__x001B_[2Jyuan_x000D_x\xe2\x80\xae",
            "sock_output": b"sock_output",
            "2025-06": b"2025-06",
        },
    )
    # and a goal's name in the targets file with a carriage return and U+202E, said by the
    # report's lines on the goals
    targets = work / "data" / "targets.toml"
    text = targets.read_text(encoding="utf-8")
    named = 'name = "Annual sock production capacity"'
    assert named in text
    targets.write_text(
        text.replace(named, 'name = "Annual sock\\rcapacity\\u202e"', 1), encoding="utf-8"
    )
    said = ""
    for command in (["check"], ["report"]):
        done = _run(command, work, "utf-8")
        said += done.stdout.decode() + done.stderr.decode()
    line = next(line for line in said.splitlines() if "Liao\\x1b" in line)
    assert "'Liao\\x1b]0;PWNED\\x07\\x1b[2Jyuan x'" in line, line  # CR read as a space
    assert "Annual sock\\x0dcapacity\\u202e" in said, said
    assert not any(c in said for c in "\x1b\x07\r\u202e")
