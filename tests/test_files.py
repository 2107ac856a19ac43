"""Outputs keep the permissions a user expects after the write-then-rename dance."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from sockprogress.safewrite import write_all


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_output_gets_the_umask_permissions_not_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_all({tmp_path / "report.html": b"<p>shared</p>"})
    finally:
        os.umask(old)
    assert mode(tmp_path / "report.html") == 0o644
    assert (tmp_path / "report.html").read_bytes() == b"<p>shared</p>"


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "actuals.xlsx"
    path.write_bytes(b"old")
    path.chmod(0o664)
    write_all({path: b"new"})
    assert mode(path) == 0o664
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["actuals.xlsx"]  # no temporary file left


def test_an_interrupt_while_the_outputs_are_renamed_puts_the_old_ones_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C (or a SIGTERM, which the command line turns into one) between two renames: the
    page and the JSON were new beside last run's workbook and Word bulletin, with `.old` and
    `.tmp` files left (a fuzz audit's find). Every file is as it was, and nothing is left."""
    names = ["r.xlsx", "r.html", "r.json", "r.docx", "new.txt"]
    for name in names[:4]:
        (tmp_path / name).write_bytes(b"last run's " + name.encode())
    renames = 0
    real = os.replace

    def interrupted(src: Any, dst: Any) -> None:
        nonlocal renames
        renames += 1
        if renames == 3:
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_all({tmp_path / name: b"this run's " + name.encode() for name in names})
    monkeypatch.setattr(os, "replace", real)
    for name in names[:4]:
        assert (tmp_path / name).read_bytes() == b"last run's " + name.encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[:4])


def test_an_interrupt_just_after_a_rename_puts_that_one_back_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The interrupt lands after a rename is done, before the next one starts."""
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_bytes(b"old")
    real = os.replace

    def interrupted_after(src: Any, dst: Any) -> None:
        real(src, dst)
        if str(dst).endswith("a.json"):
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted_after)
    with pytest.raises(KeyboardInterrupt):
        write_all({tmp_path / "a.json": b"new", tmp_path / "b.json": b"new"})
    monkeypatch.setattr(os, "replace", real)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        "a.json": b"old",
        "b.json": b"old",
    }


def test_a_sigterm_ends_a_report_as_an_interrupt_does(tmp_path: Path) -> None:
    """A SIGTERM while a report runs: it stops as by Ctrl+C (exit 1, "Aborted!"), and leaves
    neither an output nor its scratch (a kill had left a hidden .sockprogress- folder and a
    half-written .tmp for a later run to clear)."""
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    root = Path(__file__).resolve().parents[1]
    script = (
        "import time, sockprogress.safewrite as w\n"
        "real = w.write_temp\n"
        "def slow(*a, **k):\n"
        "    print('writing', flush=True); time.sleep(30); return real(*a, **k)\n"
        "w.write_temp = slow\n"
        "from sockprogress.cli import run\n"
        "run()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, "--lang", "en", "report", "--as-of", "2026-10",
         "--targets", str(root / "data" / "targets.toml"),
         "--actuals", str(root / "data" / "actuals.xlsx"), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    started = time.perf_counter()
    child.send_signal(signal.SIGTERM)
    _, errors = child.communicate(timeout=60)
    assert time.perf_counter() - started < 20  # not after the 30 s sleep
    assert child.returncode == 1 and "Aborted!" in errors, errors
    assert not out.exists() or list(out.iterdir()) == []
