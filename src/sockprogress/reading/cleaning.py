"""Clean a column of the Actuals sheet once per distinct value, and collect the row issues."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ..model import Issue, Severity
from .cells import CellProblem, clean_value

SHEET = "Actuals"  # the sheet every message names


class Cleaner:
    """Clean one column through a function applied once per distinct value."""

    def __init__(self, name: str, frame: pd.DataFrame) -> None:
        self.name = name
        self.frame = frame
        self.bad = pd.Series(False, index=frame.index)
        self.issues: list[tuple[int, int, Issue]] = []

    def issue(
        self, rows: pd.Series, column: str, severity: Severity, message: str, order: int
    ) -> None:
        for row in rows:
            self.issues.append(
                (int(row), order, Issue(severity, message, self.name, SHEET, int(row), column))
            )

    def apply(self, column: str, func: Callable[[Any], Any], order: int) -> Cleaned:
        """Run func once per distinct cell value; rows whose value fails become issues."""
        # factorize hashes the cells in C; None and NaN get code -1, served by the extra slot.
        # (It holds True and 1 as one value: a TRUE cell in a number column is vanishingly rare.)
        codes, uniques = pd.factorize(self.frame[column].to_numpy(dtype=object))
        results: list[Any] = []
        for position, value in enumerate([*uniques, None]):
            try:
                results.append(func(value))
            except CellProblem as exc:
                results.append(None)
                code = position if position < len(uniques) else -1
                failed = pd.Series(codes == code, index=self.frame.index)
                self.issue(
                    self.frame.loc[failed & ~self.bad, "row"], column, "error", str(exc), order
                )
                self.bad |= failed
        return Cleaned(codes, results, self.frame.index)

    def apply_numbers(self, order: int) -> Cleaned:
        """The value column: a column of plain numbers is checked in one vectorised pass."""
        raw = self.frame["value"]
        numbers = raw.infer_objects()
        if not pd.api.types.is_float_dtype(numbers) and not pd.api.types.is_integer_dtype(numbers):
            return self.apply("value", clean_value, order)
        floats = numbers.astype(float)
        fine = np.isfinite(floats) & (floats > 0)
        if not fine.all():
            return self.apply("value", clean_value, order)
        return Numbers(floats)


class Cleaned:
    """A cleaned column kept as one result per distinct value plus each row's code."""

    def __init__(self, codes: Any, results: list[Any], index: pd.Index) -> None:
        self.codes = codes
        self.results = results
        self.index = index

    def part(self, func: Callable[[Any], Any]) -> pd.Series:
        """func of each row's result (None where the cell failed), computed per distinct value."""
        parts = np.empty(len(self.results), dtype=object)
        parts[:] = [None if r is None else func(r) for r in self.results]
        return pd.Series(parts[self.codes], index=self.index, dtype=object)


class Numbers(Cleaned):
    """A value column that was all plain positive numbers: (number, no note) on every row."""

    def __init__(self, floats: pd.Series) -> None:
        super().__init__(None, [], floats.index)
        self.floats = floats

    def part(self, func: Callable[[Any], Any]) -> pd.Series:
        """func sees the whole column as one (numbers, None) pair, so v[0] and v[1] work on it."""
        result = func((self.floats, None))
        if isinstance(result, pd.Series):
            return result
        return pd.Series(result, index=self.index, dtype=object)


def per_distinct(values: pd.Series, func: Callable[[Any], Any]) -> pd.Series:
    codes, uniques = pd.factorize(values.to_numpy(dtype=object))
    parts = np.empty(len(uniques) + 1, dtype=object)
    parts[:] = [func(v) for v in [*uniques, None]]
    return pd.Series(parts[codes], index=values.index, dtype=object)
