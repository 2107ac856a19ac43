"""Clean a column of the Actuals sheet once per distinct value, and collect the row issues."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ..model import SHEET, Issue, Severity
from ..words.words import english_issue
from .cells import CellProblem, clean_value
from .limits import MAX_NUMBER, MIN_NUMBER


def factorize(values: Any) -> tuple[np.ndarray, np.ndarray]:
    """Codes and distinct values of a column; None and NaN get code -1 (the extra slot)."""
    # factorize hashes the cells in C. (It holds True and 1 as one value: a TRUE cell in a
    # number column is vanishingly rare.)
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    return codes, np.asarray(uniques, dtype=object)


class Cleaner:
    """Clean one column through a function applied once per distinct value."""

    def __init__(self, name: str, frame: pd.DataFrame, sheet: str = SHEET) -> None:
        self.name = name
        self.sheet = sheet
        self.frame = frame
        self.bad = pd.Series(False, index=frame.index)
        self.issues: list[tuple[int, int, Issue]] = []
        # Columns already factorized (row for row with `frame`), so each is hashed only once.
        self.factorized: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def issue(
        self,
        rows: pd.Series,
        column: str,
        severity: Severity,
        order: int,
        code: str,
        params: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """One issue per row; column "" (a whole row) is recorded as no column (null in JSON).
        Its message is said once, from the code (words.english_issue), for every row."""
        message = english_issue(code, params)
        for row in rows:
            issue = Issue(
                severity, message, self.name, self.sheet, int(row), column or None, code, params
            )
            self.issues.append((int(row), order, issue))

    def codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """Each row's code and the distinct values of `column`."""
        if column not in self.factorized:
            self.factorized[column] = factorize(self.frame[column].to_numpy(dtype=object))
        return self.factorized[column]

    def apply(self, column: str, func: Callable[[Any], Any], order: int) -> Cleaned:
        """Run func once per distinct cell value; rows whose value fails become issues."""
        codes, uniques = self.codes(column)
        results: list[Any] = []
        # What each problem says, not the exception itself: its traceback would hold this
        # frame and every caller's (the whole grid) in a cycle only the collector frees.
        messages: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []
        failing = np.full(len(uniques) + 1, -1, dtype=np.intp)
        for position, value in enumerate([*uniques, None]):
            try:
                results.append(func(value))
            except CellProblem as exc:
                results.append(None)
                failing[position] = len(messages)
                messages.append((str(exc), exc.code, exc.params))
        if messages:
            # A row has one value, so one problem per row: its issues may be made in row order.
            which = failing[codes]
            failed = which >= 0
            bad = self.bad.to_numpy(dtype=bool)
            new = failed & ~bad
            rows = self.frame["row"].to_numpy()[new]
            for row, message in zip(rows.tolist(), which[new].tolist(), strict=True):
                text, code, params = messages[message]
                issue = Issue("error", text, self.name, self.sheet, int(row), column, code, params)
                self.issues.append((int(row), order, issue))
            self.bad = pd.Series(bad | failed, index=self.frame.index)
        return Cleaned(codes, results, self.frame.index)

    def apply_numbers(self, order: int, numbers: pd.Series) -> Cleaned:
        """The value column (`numbers`: inferred from it): plain numbers in one vectorised pass."""
        if not pd.api.types.is_float_dtype(numbers) and not pd.api.types.is_integer_dtype(numbers):
            return self.apply("value", clean_value, order)
        floats = numbers.astype(float)
        fine = np.isfinite(floats) & (floats >= MIN_NUMBER) & (floats <= MAX_NUMBER)
        if not fine.all():
            return self.apply("value", clean_value, order)
        return Numbers(floats)


class Cleaned:
    """A cleaned column kept as one result per distinct value plus each row's code."""

    def __init__(self, codes: Any, results: list[Any], index: pd.Index) -> None:
        self.codes = codes
        self.results = results
        self.index = index

    def distinct(self, func: Callable[[Any], Any]) -> np.ndarray:
        """func of each distinct result (None where the value failed), in code order."""
        parts = np.empty(len(self.results), dtype=object)
        parts[:] = [None if r is None else func(r) for r in self.results]
        return parts

    def part(self, func: Callable[[Any], Any]) -> pd.Series:
        """func of each row's result (None where the cell failed), computed per distinct value."""
        return pd.Series(self.distinct(func)[self.codes], index=self.index, dtype=object)

    def flag(self, func: Callable[[Any], bool]) -> np.ndarray:
        """A bool per row: func of its result, False where the cell failed."""
        flags = np.array([r is not None and bool(func(r)) for r in self.results], dtype=bool)
        per_row: np.ndarray = flags[self.codes]
        return per_row


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
