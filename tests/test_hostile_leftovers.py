"""The scratch of a report killed before it ended (SIGKILL, a power cut) is removed by the next
report in that folder: only our own names, and only scratch nothing has touched for a while, so
that a report running beside it keeps its own (issue 22)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from click.testing import CliRunner

from sockprogress.cli import main
from sockprogress.safewrite import SCRATCH_AGE, remove_leftovers

ROOT = Path(__file__).resolve().parents[1]
HOUR = 3600.0


def _aged(path: Path, seconds: float) -> Path:
    """`path` (and what is directly in it) as last written `seconds` ago."""
    when = time.time() - seconds
    for item in [*(path.iterdir() if path.is_dir() else []), path]:
        os.utime(item, (when, when))
    return path


def _leftovers(out: Path) -> dict[str, Path]:
    """An interrupted report's scratch, old; a running report's, fresh; and files of the
    user's and of other programs with names close to ours, old."""
    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}

    def file(name: str, age: float) -> None:
        path = out / name
        path.write_bytes(b"x" * 100)
        made[name] = _aged(path, age)

    def folder(name: str, age: float) -> None:
        path = out / name
        path.mkdir()
        (path / "tmpab12cd.xml").write_bytes(b"<sheet/>")
        made[name] = _aged(path, age)

    folder(".sockprogress-ab12_cd9", HOUR)  # old: an interrupted report's
    file(".progress-2026-10.zh.xlsx.k2j4_x9a.tmp", HOUR)
    file(".progress-2026-09.json.0123abcd.tmp", HOUR)
    folder(".sockprogress-fresh123", 5)  # a report running now
    file(".progress-2026-10.html.fresh123.tmp", 5)
    file(".progress-2026-10.docx.old", HOUR)  # not a temporary name: kept
    file(".notes.txt.k2j4_x9a.tmp", HOUR)  # not an output of ours
    file(".progress-2026-10.pdf.k2j4_x9a.tmp", HOUR)
    file("progress-2026-08.json.k2j4_x9a.tmp", HOUR)  # not hidden: not ours
    folder(".sockprogress-toolongname", HOUR)
    folder(".sockprogress", HOUR)
    return made


OURS_OLD = {
    ".sockprogress-ab12_cd9",
    ".progress-2026-10.zh.xlsx.k2j4_x9a.tmp",
    ".progress-2026-09.json.0123abcd.tmp",
}


def test_a_report_removes_the_scratch_of_an_interrupted_one(tmp_path: Path) -> None:
    targets = shutil.copy(ROOT / "data" / "targets.toml", tmp_path / "targets.toml")
    actuals = shutil.copy(ROOT / "data" / "actuals.xlsx", tmp_path / "actuals.xlsx")
    out = tmp_path / "reports"
    made = _leftovers(out)
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", "2026-10"]
    done = CliRunner().invoke(main, [*args, "--format", "json,xlsx", "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert (out / "progress-2026-10.json").exists() and (out / "progress-2026-10.xlsx").exists()
    left = {name for name in made if (out / name).exists()}
    assert left == set(made) - OURS_OLD
    # and the report's own scratch is gone too: nothing hidden of ours but what was kept
    hidden = {p.name for p in out.iterdir() if p.name.startswith(".")}
    assert hidden == {name for name in left if name.startswith(".")}


def test_only_scratch_untouched_for_a_while_is_removed(tmp_path: Path) -> None:
    made = _leftovers(tmp_path)
    # a file written inside an old scratch folder just now: a report is still using it
    (made[".sockprogress-ab12_cd9"] / "sheet2.xml").write_bytes(b"<sheet/>")
    removed = remove_leftovers(tmp_path)
    assert {p.name for p in removed} == OURS_OLD - {".sockprogress-ab12_cd9"}
    # with the clock moved past the age, the fresh ones go too, the others' never
    later = time.time() + SCRATCH_AGE + 60
    removed = remove_leftovers(tmp_path, now=later)
    assert {p.name for p in removed} == {
        ".sockprogress-ab12_cd9",
        ".sockprogress-fresh123",
        ".progress-2026-10.html.fresh123.tmp",
    }
    assert remove_leftovers(tmp_path / "missing") == []
