"""The command line: help, errors as one line with exit code 2, python -m."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from helpers import report_args

from sockprogress.cli import main
from sockprogress.words.words import Words


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += all_commands(command, (*prefix, name))
    return found


@pytest.mark.parametrize("command", all_commands(main), ids=" ".join)
def test_every_command_has_help(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_missing_actuals_is_one_error_line(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    targets, _ = shipped
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "report",
            "--targets",
            str(targets),
            "--actuals",
            str(tmp_path / "nope.xlsx"),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 2
    assert result.output == f"Error: {tmp_path / 'nope.xlsx'}: file not found\n"
    assert not out.exists()


def test_bad_month_is_a_usage_error(shipped: tuple[Path, Path]) -> None:
    targets, actuals = shipped
    result = CliRunner().invoke(
        main, ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", "2026-13"]
    )
    assert result.exit_code == 2
    assert result.output == (
        "Error: Invalid value for '--as-of': '2026-13' is not a month; write it as 2026-10 "
        "(or 2026年10月) (see main report --help)\n"
    )


def test_a_report_month_years_back_is_said_in_case_it_is_a_slip(
    shipped: tuple[Path, Path],
) -> None:
    """2016-10 for 2026-10 (a digit slipped): the check runs, and says how far back it is."""
    import datetime as dt

    from sockprogress.periods import Month

    targets, actuals = shipped
    last = Month.last_complete(dt.date.today())
    common = ["check", "--targets", str(targets), "--actuals", str(actuals), "--as-of"]
    back = last.shift(-120)
    result = CliRunner().invoke(main, [*common, f"{back.year}-{back.month:02d}"])
    assert result.exit_code in (0, 1) and "Error" not in result.output
    assert result.stderr.startswith(
        f"Note: the report month {Words.of('en').month(back)} is 10 years before the last "
        f"complete month ({Words.of('en').month(last)}); if that is a slip, run again"
    )
    near = last.shift(-24)  # two years back: an ordinary look back, nothing said
    quiet = CliRunner().invoke(main, [*common, f"{near.year}-{near.month:02d}"])
    assert "report month" not in quiet.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--out", "README.md"], "Directory 'README.md' is a file."),
        (["actuals", "add", "--region", "X"], "Missing option '--indicator'."),
        (["nosuch"], "No such command 'nosuch'."),
    ],
    ids=["out-is-a-file", "missing-option", "unknown-command"],
)
def test_option_mistakes_are_one_error_line(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert len(result.output.splitlines()) == 1
    assert result.output.startswith("Error: ") and message in result.output


def test_unknown_format_is_refused_before_writing(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    targets, actuals = shipped
    result = CliRunner().invoke(
        main,
        [
            "report",
            "--targets",
            str(targets),
            "--actuals",
            str(actuals),
            "--format",
            "pdf",
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 2
    assert result.output.startswith("Error: --format: unknown format pdf")
    assert not (tmp_path / "o").exists()


def test_python_dash_m_runs_the_same_cli(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    targets, actuals = shipped
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sockprogress",
            *report_args(targets, actuals, "2026-10", tmp_path, "--format", "json"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "8 targets" in done.stdout
    assert "Traceback" not in done.stderr
    assert (tmp_path / "progress-2026-10.json").exists()


def test_the_installed_program_writes_all_four_reports_and_keeps_exit_codes(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    """The console script (cli.run, which ends the process without the interpreter's teardown) as
    a user runs it: every file written, the exit codes kept."""
    program = Path(sys.executable).with_name("sockprogress")
    assert program.exists(), "pip install puts the sockprogress script beside python"
    targets, actuals = shipped
    common = [str(program), "report", "--targets", str(targets), "--as-of", "2026-10"]
    done = subprocess.run(
        [*common, "--actuals", str(actuals), "--out", str(tmp_path / "ok")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in (tmp_path / "ok").iterdir())
    assert written == [f"progress-2026-10.{ext}" for ext in ("docx", "html", "json", "xlsx")]
    assert (tmp_path / "ok" / "progress-2026-10.html").read_text().count("<svg") >= 6
    missing = tmp_path / "missing.xlsx"
    failed = subprocess.run(
        [*common, "--actuals", str(missing), "--out", str(tmp_path / "bad")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert failed.returncode == 2
    assert failed.stderr.startswith("Error:") and "missing.xlsx" in failed.stderr
    assert len(failed.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "bad").exists()


def test_run_outside_the_working_folder_says_where_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["report"], ["check"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2
        assert result.output == (
            "Error: data/targets.toml: file not found; run the command in your working folder "
            "(the one sockprogress init made), or give the file with --targets\n"
        )
    chinese = CliRunner().invoke(main, ["--lang", "zh", "report"])
    assert chinese.output.startswith("错误：data/targets.toml：找不到文件；请在工作文件夹")
    # the commands that edit the workbook say so too (they said only "file not found")
    add = [
        "actuals",
        "add",
        "--region",
        "X",
        "--indicator",
        "y",
        "--period",
        "2026",
        "--value",
        "1",
    ]
    for command, option in ((add, "--targets"), (["actuals", "refresh"], "--targets")):
        said = CliRunner().invoke(main, command).output
        assert said.endswith(f"(the one sockprogress init made), or give the file with {option}\n")
    undo = CliRunner().invoke(main, ["actuals", "undo"])
    assert undo.exit_code == 2
    assert undo.output == (
        "Error: data/actuals.xlsx: file not found; run the command in your working folder "
        "(the one sockprogress init made), or give the file with --actuals\n"
    )


def test_run_inside_the_data_folder_says_to_run_from_the_folder_above(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A newcomer who opened data/ to edit the workbook and ran the report there was told only
    # to "run the command in your working folder": it names where they are and where to go.
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    monkeypatch.chdir(tmp_path / "data")
    result = CliRunner().invoke(main, ["report"])
    assert result.exit_code == 2
    assert result.output == (
        "Error: data/targets.toml: file not found: this is the data folder itself; run the "
        "command from the folder above it (cd ..), or give the file with --targets\n"
    )
    undo = CliRunner().invoke(main, ["--lang", "zh", "actuals", "undo"]).output
    assert undo == (
        "错误：data/actuals.xlsx：找不到文件；当前已在 data 文件夹内，请回到上一级文件夹（cd ..）"
        "再运行本命令，或用 --actuals 指定文件\n"
    )
    assert not (tmp_path / "data" / "reports").exists()


def test_a_trailing_twelve_months_reads_as_twelve_months_to_its_month() -> None:
    from sockprogress.words.words import Words

    assert Words.of("en").period_and_basis("2026-10", "ttm") == "12 months to Oct 2026"
    assert Words.of("zh").period_and_basis("2026-10", "ttm") == "截至2026年10月的近12个月"
    assert Words.of("zh").period_and_basis("2025-06", "level") == "2025年6月末"


def test_an_unreadable_targets_file_is_said_by_the_reader_not_as_an_option() -> None:
    """A targets file its user may not read: click said "Invalid value for '--targets': …
    is not readable", naming an option that was never given (a fuzz audit's find). The
    reader says it of the file. Run as a user the permission stops (as root, as nobody), in
    a folder of the system's temporary one that user may enter."""
    import os
    import shutil
    import tempfile

    if os.name == "nt":
        pytest.skip("file modes do not stop a read on Windows")
    root = Path(__file__).resolve().parents[1]
    folder = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(root / "data", folder / "data")
        for path in (folder, folder / "data"):
            path.chmod(0o755)
        for path in (folder / "data").iterdir():
            path.chmod(0o644 if path.is_file() else 0o755)
        (folder / "data" / "targets.toml").chmod(0o600)
        command = [sys.executable, "-m", "sockprogress", "--lang", "en", "check"]
        if os.geteuid() == 0:  # root reads any file: run as nobody
            if shutil.which("setpriv") is None:
                pytest.skip("setpriv is needed to run as another user")
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
        env = {**os.environ, "PYTHONPATH": str(root / "src"), "HOME": str(folder)}
        done = subprocess.run(
            command, cwd=folder, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 2, done.stdout + done.stderr
        assert done.stderr.strip() == "Error: data/targets.toml: cannot be read (Permission denied)"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_home_folder_that_cannot_be_written_prints_nothing_of_matplotlib(
    tmp_path: Path,
) -> None:
    """A home folder the user cannot write: every report printed matplotlib's two English
    lines on where it put its cache (a fuzz audit's find). A file stands for the home folder
    here, so that no user, root included, can make folders in it."""
    import os

    root = Path(__file__).resolve().parents[1]
    home = tmp_path / "home"
    home.write_text("not a folder")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MPLCONFIGDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
    }
    env |= {"HOME": str(home), "PYTHONPATH": str(root / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "sockprogress", "--lang", "en", "report", "--as-of", "2026-11",
         "--out", str(tmp_path / "out")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "progress-2026-11.html").read_text().count("<svg") > 0
    assert "matplotlib" not in done.stderr.lower(), done.stderr
