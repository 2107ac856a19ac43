"""The Actuals rows as plain Python lists, split once into one slice per region and indicator.

A province has thousands of targets with a hundred-odd rows each. Filtering, sorting and
iterating a small DataFrame per target costs far more than the arithmetic (pandas boxes every
Timestamp), so the table is converted to lists once and each target walks its own slice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Rows:
    """Columns `row`, `period`, `kind` (period kind), `end`, `value`, `basis`, in table order."""

    row: list[int]
    period: list[str]
    kind: list[str]
    end: list[dt.date]
    value: list[float]
    basis: list[str]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Rows:
        """The rows of an Actuals table (columns as in `model.Actuals`)."""
        if frame.empty:
            return cls([], [], [], [], [], [])
        return cls(
            list(map(int, frame["row"].tolist())),
            list(map(str, frame["period"].tolist())),
            list(map(str, frame["period_kind"].tolist())),
            pd.to_datetime(frame["end"]).dt.date.tolist(),
            list(map(float, frame["value"].tolist())),
            list(map(str, frame["basis"].tolist())),
        )

    def __len__(self) -> int:
        return len(self.row)

    def __iter__(self) -> Iterator[tuple[int, str, str, dt.date, float, str]]:
        """(row, period, kind, end, value, basis) per row, in table order."""
        return zip(self.row, self.period, self.kind, self.end, self.value, self.basis, strict=True)

    def _pick(self, keep: list[int]) -> Rows:
        return Rows(
            [self.row[i] for i in keep],
            [self.period[i] for i in keep],
            [self.kind[i] for i in keep],
            [self.end[i] for i in keep],
            [self.value[i] for i in keep],
            [self.basis[i] for i in keep],
        )

    def _slice(self, start: int, stop: int) -> Rows:
        return Rows(
            self.row[start:stop],
            self.period[start:stop],
            self.kind[start:stop],
            self.end[start:stop],
            self.value[start:stop],
            self.basis[start:stop],
        )

    def ending_by(self, day: dt.date) -> Rows:
        """The rows whose period ends on or before `day`, in table order."""
        if max(self.end, default=day) <= day:  # all of them
            return self
        return self._pick([i for i, end in enumerate(self.end) if end <= day])

    def without_dates(self) -> Rows:
        """The year and month rows (a single date cannot carry an annual total)."""
        if "date" not in self.kind:
            return self
        return self._pick([i for i, kind in enumerate(self.kind) if kind != "date"])

    def above_zero(self) -> Rows:
        """The rows whose figure is above zero: a level of 0 (a month row without a basis,
        read as a month's amount of nothing) is no figure to judge a level on."""
        if not self.value or min(self.value) > 0:
            return self
        return self._pick([i for i, value in enumerate(self.value) if value > 0])

    def by_end(self) -> Rows:
        """Sorted by period end, then sheet row (stable, like `sort_values(kind="stable")`)."""
        keys = list(zip(self.end, self.row, strict=True))
        if keys == sorted(keys):  # in order already, as a sheet usually is
            return self
        return self._pick(sorted(range(len(keys)), key=keys.__getitem__))


def as_rows(rows: pd.DataFrame | Rows) -> Rows:
    return rows if isinstance(rows, Rows) else Rows.from_frame(rows)


def split_rows(frame: pd.DataFrame, keys: list[str]) -> dict[Hashable, Rows]:
    """One Rows per distinct value of `keys`, each in table order (like a stable groupby)."""
    if frame.empty:
        return {}
    groups = frame.groupby(keys, sort=False).indices
    order = np.concatenate(list(groups.values())) if groups else np.array([], dtype=int)
    every = Rows.from_frame(frame.iloc[order])
    out: dict[Hashable, Rows] = {}
    start = 0
    for key, positions in groups.items():
        stop = start + len(positions)
        out[key] = every._slice(start, stop)
        start = stop
    return out
