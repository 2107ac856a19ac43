"""The report starts reading the Actuals sheet on a thread before it imports pandas (issue 24):
the early read must be the read, once, and fail as the read fails.

Every workbook here is synthetic, made up for the test.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner
from helpers import write_actuals
from openpyxl import Workbook

from sockprogress.cli import main
from sockprogress.errors import InputError
from sockprogress.reading import grid as grid_module
from sockprogress.reading.actuals import read_actuals
from sockprogress.reading.grid import start_loading

ROWS = [
    ("Testville", "widgets", "2021", 100),
    ("Testville", "widgets", "2022", 120.5),
    ("Testville", "widgets", "20x3", 130),  # a period that is not one: a row issue
    ("Testville", "widgets", "2024", 150),
]


def _same(a: Any, b: Any) -> None:
    pd.testing.assert_frame_equal(a.rows, b.rows)
    assert a.issues == b.issues


def test_the_early_read_imports_neither_pandas_nor_numpy() -> None:
    """What the report imports before it starts the read delays the read: not the judging
    libraries, which it imports while the read runs."""
    code = (
        "import sys, sockprogress.reading.grid as g; "
        "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_a_sheet_read_early_is_the_sheet_read_in_place(tmp_path: Path) -> None:
    path = write_actuals(tmp_path / "actuals.xlsx", ROWS)
    early = read_actuals(path, loading=start_loading(path))
    assert early.rows["row"].tolist() == [2, 3, 5]
    assert [(i.row, i.code) for i in early.issues] == [(4, "period_invalid")]
    _same(early, read_actuals(path))


def test_an_early_read_is_given_once_and_for_its_own_file(tmp_path: Path) -> None:
    first = write_actuals(tmp_path / "first.xlsx", ROWS)
    other = write_actuals(tmp_path / "other.xlsx", ROWS[:1])
    loading = start_loading(first)
    # another file is read in place, and the early read is not held for the file asked later
    assert read_actuals(other, loading=loading).rows["row"].tolist() == [2]
    assert loading.take(first, "xlsx") is None
    loading = start_loading(first)
    assert loading.take(first, "xlsx") is not None
    assert loading.take(first, "xlsx") is None  # given once: the grid is not kept


def test_an_error_found_on_the_thread_is_raised_where_reading_raises_it(tmp_path: Path) -> None:
    path = tmp_path / "actuals.xlsx"
    wb = Workbook()
    wb.active.title = "Actual"
    wb.save(path)
    loading = start_loading(path)
    with pytest.raises(InputError) as early:
        read_actuals(path, loading=loading)
    with pytest.raises(InputError) as in_place:
        read_actuals(path)
    assert early.value.code == in_place.value.code == "no_actuals_sheet_close"
    assert str(early.value) == str(in_place.value)


@pytest.mark.parametrize(
    ("command", "code"),
    [(["report", "--format", "json", "--as-of", "2025-10"], 0), (["check"], 1)],
    ids=["report", "check"],
)
def test_the_commands_read_the_sheet_once_on_its_early_thread(
    tmp_path: Path,
    targets: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    code: int,
) -> None:
    path = write_actuals(tmp_path / "actuals.xlsx", ROWS)
    calls: list[tuple[str, str]] = []

    def recorded(where: str, load: Any) -> Any:
        def grid(*args: Any, **kwargs: Any) -> Any:
            calls.append((where, threading.current_thread().name))
            return load(*args, **kwargs)

        return grid

    load = grid_module.load_grid  # the one function, by two names: reading.actuals imports it
    monkeypatch.setattr(grid_module, "load_grid", recorded("early", load))
    monkeypatch.setattr("sockprogress.reading.actuals.load_grid", recorded("in place", load))
    monkeypatch.chdir(tmp_path)  # the report's default --out, reports/, goes there
    inputs = ["--targets", str(targets), "--actuals", str(path)]
    result = CliRunner().invoke(main, [*command, *inputs])
    assert result.exit_code == code, result.output
    assert "20x3" in result.output or command[0] == "report"  # check lists the row's issue
    assert calls == [("early", "sockprogress-read")]
