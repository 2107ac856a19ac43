"""The progress bar: on a terminal only, only after a second, never in the way of output."""

from __future__ import annotations

import io
import os
import select
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from sockprogress.cli import main
from sockprogress.periods import Month
from sockprogress.pipeline import build_report, write_report
from sockprogress.progressbar import ProgressBar
from sockprogress.words.words import Words


def _wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.02)


def _read_all(fd: int) -> str:
    """Everything the terminal received so far (a pty hands it over in chunks)."""
    data = b""
    while select.select([fd], [], [], 0.2)[0]:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    return data.decode()


def test_draws_on_a_terminal_and_clears_the_line_at_the_end() -> None:
    master, slave = os.openpty()
    stream = os.fdopen(slave, "w")
    try:
        with ProgressBar(stream, delay=0) as bar:
            assert bar.enabled  # detected from the pty, not forced
            bar.step("reading actuals.xlsx", 1, 3)
            _wait_for(lambda: bar.shown)
        shown = _read_all(master)
    finally:
        stream.close()
        os.close(master)
    assert "reading actuals.xlsx (1/3)" in shown
    assert "[#######-------------]" in shown
    assert shown.endswith("\r\x1b[2K")  # the line is wiped, the terminal is left clean


def test_nothing_when_not_a_terminal_even_when_slow() -> None:
    stream = io.StringIO()
    with ProgressBar(stream, delay=0) as bar:
        bar.step("judging", 0, 1)
        time.sleep(0.3)
    assert not bar.enabled
    assert stream.getvalue() == ""


def test_nothing_when_the_run_takes_under_the_delay() -> None:
    stream = io.StringIO()
    with ProgressBar(stream, enabled=True, delay=1.0) as bar:
        bar.step("judging", 0, 1)
    assert stream.getvalue() == ""


def test_paused_hides_the_bar_while_other_lines_are_written() -> None:
    stream = io.StringIO()
    with ProgressBar(stream, enabled=True, delay=0) as bar:
        bar.step("judging", 2, 3)
        _wait_for(lambda: bar.shown)
        with bar.paused():
            assert not bar.shown
            stream.write("a data issue\n")
    text = stream.getvalue()
    before, _ = text.split("a data issue\n")
    assert before.endswith("\r\x1b[2K")
    assert "judging (2/3)" in before


def test_line_shows_label_fraction_and_elapsed_time() -> None:
    ticks = iter([100.0, 100.0, 103.5])
    bar = ProgressBar(io.StringIO(), enabled=False, clock=lambda: next(ticks))
    with bar:
        bar.step("rendering xlsx", 1, 4)
        assert bar.line() == "[#####---------------] rendering xlsx (1/4) 3.5 s"


def test_report_steps_are_announced_in_order(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []

    def record(step: str, done: int, total: int) -> None:
        seen.append((step, done, total))

    report = build_report(*shipped, Month(2026, 10), progress=record)
    write_report(report, tmp_path, ["xlsx", "html", "json"], Words.of(), progress=record)
    assert seen == [
        ("reading targets.toml", 0, 3),
        ("reading actuals.xlsx", 1, 3),
        ("judging", 2, 3),
        ("judged", 3, 3),
        # The workbook last (pipeline.RENDER_ORDER); each output goes to its temporary file
        # as it is made, and all are renamed into place at the end.
        ("rendering json", 0, 3),
        ("rendering html", 1, 3),
        ("rendering xlsx", 2, 3),
        ("written", 3, 3),
    ]


def test_cli_output_has_no_bar_when_stderr_is_not_a_terminal(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    targets, actuals = shipped
    result = CliRunner().invoke(
        main,
        [
            *("report", "--targets", str(targets), "--actuals", str(actuals)),
            *("--as-of", "2026-10", "--out", str(tmp_path)),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "\r" not in result.output and "\x1b" not in result.output
    assert "(1/3)" not in result.stderr and "[#" not in result.stderr
