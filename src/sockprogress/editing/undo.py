"""`sockprogress actuals undo`: the workbook put back as it was before the tool's last change.

Every change the tool makes (`actuals add`, `actuals refresh`, `actuals undo` itself) first
keeps the workbook as it was in backups/ beside it (safekeeping.py). Undo puts the newest of
those back, after keeping the workbook as it is now in a backup of its own: so an undo is
undone by running undo again. What it brings back or removes is found by reading both
workbooks with the reader the report uses, and said before anything changes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import TypeVar

from ..errors import InputError, SockProgressError
from ..model import SHEET, TargetsFile
from ..reading import read_actuals
from ..reading.grid import Grid, Loading, load_grid
from ..reading.safety import check_workbook
from ..words.words import Words
from .plausible import figure_line
from .safekeeping import (
    BACKUP_FOLDER,
    backup,
    backups_of,
    editing,
    save_replacing,
)

T = TypeVar("T")

# A row as undo compares it: region, indicator, period, basis, value, source, note.
RowKey = tuple[str, str, str, str, float, str, str, str]


@dataclass(frozen=True)
class Row:
    """A row of the Actuals sheet, where it stands in its workbook."""

    number: int
    key: RowKey

    @property
    def series(self) -> tuple[str, str, str, str]:
        """Region, indicator, period and basis: a row changed keeps these."""
        return self.key[:4]

    def said(self, words: Words, targets: TargetsFile | None = None) -> str:
        """`小北河 · 袜业企业数 · 2026年10月 = 210户` by the names of `targets` (as `actuals add`
        says a row), else `Xiaobeihe · sock_output · 2025-06 (that month) = 1,234`, as the
        sheet writes it."""
        region, indicator, period, basis, value, *_ = self.key
        if targets is not None:
            return figure_line(region, indicator, period, basis, value, targets, words)
        shown = words.decimal(value, "#,##0.######")
        covered = words.paren(words.basis(basis, period)) if basis else ""
        return f"{region} · {indicator} · {words.period_as_written(period)}{covered} = {shown}"


@dataclass(frozen=True)
class LeftOut:
    """A row of the data sheet the report leaves out (an error on it: 12,3亿 for a value), as
    its cells are written: the report's reader has no figure of it to compare."""

    number: int
    cells: tuple[str, ...]

    def said(self) -> str:
        """`Testville · widgets · 2023 · 12,3亿 · typed by hand`: its cells, as written."""
        return " · ".join(cell for cell in self.cells if cell)


@dataclass(frozen=True)
class Difference:
    """What putting a backup back does to the data sheet's rows."""

    brought_back: tuple[Row, ...]
    removed: tuple[Row, ...]
    changed: tuple[tuple[Row, Row], ...]  # (as now, as it will be)
    unreadable: SockProgressError | None = None  # the workbook as it is now cannot be read
    sheet: str = SHEET  # the data sheet's name in the backup: Actuals, or 实际数据
    # rows the report leaves out, brought back or removed (a wrong row mended by hand since the
    # backup came back unsaid: the rows above are the report's, read by its reader)
    left_out_back: tuple[LeftOut, ...] = ()
    left_out_removed: tuple[LeftOut, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.brought_back
            or self.removed
            or self.changed
            or self.left_out_back
            or self.left_out_removed
        )


def last_backup(path: Path) -> Path:
    """The newest backup of path; InputError when there is none."""
    found = backups_of(path)
    if not found:
        raise InputError(
            code="no_backup", file=path.name, folder=path.parent / BACKUP_FOLDER
        ) from None
    return found[-1]


def _rows(path: Path) -> tuple[list[Row], str, list[LeftOut]]:
    """The workbook's rows, the name of the sheet they are on, and the rows the report leaves
    out, as written."""
    # the sheet's cells read once: handed to read_actuals as the report command hands its
    # early read (grid.Loading), and kept here for the rows it leaves out (they were read a
    # second time for those)
    loaded = load_grid(path)
    done: Future[Grid] = Future()
    done.set_result(loaded)
    actuals = read_actuals(path, loading=Loading(path, done))
    wrong = sorted({i.row for i in actuals.issues if i.severity == "error" and i.row})
    grid = loaded[0]
    left_out = [
        LeftOut(n, tuple(_written(cell) for cell in grid[n - 1]))
        for n in wrong
        if 0 < n <= len(grid)
    ]
    frame = actuals.rows
    columns = ("region", "indicator", "period", "basis", "value", "source", "note", "flags")
    values = [frame[c].tolist() for c in ("row", *columns)]
    rows = [
        Row(
            int(n),
            (str(r), str(i), str(p), str(b or ""), float(v), str(s or ""), str(t or ""), str(f)),
        )
        for n, r, i, p, b, v, s, t, f in zip(*values, strict=True)
    ]
    return rows, actuals.sheet, left_out


def _written(cell: object) -> str:
    """A cell as its user wrote it: text as it is, a number without a needless ".0"."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    return str(cell).strip()


def difference(current: Path, kept: Path) -> Difference:
    """The rows putting `kept` back over `current` brings back, removes or changes."""
    old, sheet, old_left_out = _rows(kept)
    try:
        now, _, now_left_out = _rows(current)
    except SockProgressError as exc:
        return Difference(tuple(old), (), (), unreadable=exc, sheet=sheet)
    back, gone = _unmatched(old, now, attrgetter("key")), _unmatched(now, old, attrgetter("key"))
    changed = []
    for row in list(gone):
        partner = next((b for b in back if b.series == row.series), None)
        if partner is not None:
            changed.append((row, partner))
            gone.remove(row)
            back.remove(partner)
    return Difference(
        tuple(back),
        tuple(gone),
        tuple(changed),
        sheet=sheet,
        # a row left out is the same row where its cells are written alike
        left_out_back=tuple(_unmatched(old_left_out, now_left_out, attrgetter("cells"))),
        left_out_removed=tuple(_unmatched(now_left_out, old_left_out, attrgetter("cells"))),
    )


def _unmatched(rows: list[T], others: list[T], key: Callable[[T], Hashable]) -> list[T]:
    """The rows of `rows` that `others` has not, in their order: of rows alike by `key`, those
    beyond as many as `others` holds (the first ones)."""
    counts = Counter(key(r) for r in rows) - Counter(key(r) for r in others)
    out = []
    for row in rows:
        if counts[key(row)] > 0:
            counts[key(row)] -= 1
            out.append(row)
    return out


def undo(path: Path, kept: Path, expected: bytes) -> Path:
    """Put `kept` back at path, atomically and under the lock, after a backup of path as it
    is; returns that backup. `expected`: path's bytes when the difference was shown; a
    workbook changed since is refused (nothing changes)."""
    check_workbook(kept)
    with editing(path) as real:
        now = real.read_bytes()
        if now != expected:
            raise InputError(code="undo_changed_meanwhile", file=path.name)
        data = kept.read_bytes()
        copy = backup(path, now)
        try:
            save_replacing(real, data)
        except BaseException:
            # nothing changed: the backup of the unchanged workbook is not a change to undo
            with contextlib.suppress(OSError):
                copy.unlink()
            raise
    return copy


def made(kept: Path) -> dt.datetime | None:
    """When the backup was made (its name says it; else its file's time)."""
    from .safekeeping import backup_time

    when = backup_time(kept)
    if when is None:
        with contextlib.suppress(OSError):
            when = dt.datetime.fromtimestamp(kept.stat().st_mtime)
    return when
