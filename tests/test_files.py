"""Outputs keep the permissions a user expects after the write-then-rename dance."""

from __future__ import annotations

import os
import stat
from pathlib import Path

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
