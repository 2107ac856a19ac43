"""The same region, indicator and period twice: found on one integer key per row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ..model import SHEET, Issue
from ..words.words import coded_issue, figure_text
from .cleaning import Cleaned
from .names import NO_NAMES, Names


def codes_of(cleaned: Cleaned, func: Callable[[Any], Any]) -> tuple[np.ndarray, int]:
    """Each row's code for func of its cleaned value (equal values, equal codes), and the count."""
    codes, uniques = pd.factorize(cleaned.distinct(func))
    return codes[cleaned.codes], len(uniques) + 1


def row_key(parts: list[tuple[np.ndarray, int]], good: np.ndarray, basis: np.ndarray) -> np.ndarray:
    """One integer per good row for its (region, indicator, period, basis code 0..2)."""
    # Each part has at most one code per sheet row (Excel's limit is 2**20 rows), so three of
    # them and the basis code fit an int64 with room to spare.
    key = np.zeros(int(good.sum()), dtype=np.int64)
    for codes, count in parts:
        key = key * count + (codes[good] + 1)
    combined: np.ndarray = key * 3 + basis
    return combined


def shadowed(
    name: str,
    sheet: str,
    rows: pd.DataFrame,
    key: np.ndarray,
    left_key: np.ndarray,
    left_rows: np.ndarray,
) -> tuple[Issue, ...]:
    """A row left out for an error (its value `n/a`, `0`) below a usable row of the same
    region, indicator, period and basis: the method uses the lower row of two, and this one
    cannot be, so the upper one is used, said on it (it would otherwise read as the figure of
    the period, with nothing said). `rows`, `key`: the usable rows and their keys (row_key),
    before deduplication; `left_key`, `left_rows`: the left-out rows' keys and numbers (a key
    with a part that could not be read never matches a usable row's)."""
    # the row deduplication keeps of each key: the lowest
    by_key = dict(zip(key.tolist(), range(len(rows)), strict=True))
    cells = {c: rows[c].tolist() for c in ("row", "region", "indicator", "period", "value")}
    issues = []
    for k, below in zip(left_key.tolist(), left_rows.tolist(), strict=True):
        at = by_key.get(k)
        if at is None or int(cells["row"][at]) > below:
            continue
        used = int(cells["row"][at])
        issues.append(
            coded_issue(
                "warning",
                "duplicate_left_out",
                (
                    ("region", str(cells["region"][at])),
                    ("indicator", str(cells["indicator"][at])),
                    ("period", str(cells["period"][at])),
                    ("others", str(below)),
                    ("used", str(used)),
                    ("value", figure_text(float(cells["value"][at]))),
                ),
                file=name,
                sheet=sheet,
                row=used,
                column="period",
            )
        )
    return tuple(issues)


def deduplicate(
    name: str,
    rows: pd.DataFrame,
    key: np.ndarray,
    known: Names = NO_NAMES,
    sheet: str = SHEET,
) -> tuple[pd.DataFrame, tuple[Issue, ...]]:
    """The same region, indicator, period (and basis) twice: keep the lower row, say so.

    The issue names the region and indicator by their codes, and by their Chinese names
    where targets.toml gives them (`known`), for a reader of that language."""
    keys = pd.Series(key)
    dup = keys.duplicated(keep=False).to_numpy()
    if not dup.any():
        return rows, ()
    issues = []
    for _, group in rows.loc[dup].groupby(key[dup], sort=False):
        used = int(group["row"].iloc[-1])
        others = ", ".join(str(r) for r in group["row"].iloc[:-1])
        values = group["value"].unique()
        first = group.iloc[0]
        region, indicator = str(first["region"]), str(first["indicator"])
        names = tuple(
            (f"{column}_zh", chinese)
            for column, code in (("region", region), ("indicator", indicator))
            if (chinese := known.written_in_chinese(column, code)) != code
        )
        issues.append(
            coded_issue(
                "warning",
                "duplicate_conflict" if len(values) > 1 else "duplicate_same",
                (
                    ("region", region),
                    ("indicator", indicator),
                    ("period", str(first["period"])),
                    ("others", others),
                    ("used", str(used)),
                    ("values", ", ".join(figure_text(v) for v in group["value"])),
                    *names,
                ),
                file=name,
                sheet=sheet,
                row=used,
                column="period",
            )
        )
    kept = rows.loc[~keys.duplicated(keep="last").to_numpy()]
    return kept, tuple(issues)
