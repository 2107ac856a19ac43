"""The issues of a sheet come in sheet order, then column order, whatever their distinct values.

Cleaning works on distinct values and whole columns at once, so this pins the order a user reads:
row by row, and within a row region, indicator, period, value; duplicates last. Synthetic data.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import write_actuals

from sockprogress.reading import read_actuals


def test_issues_follow_the_sheet_whatever_the_distinct_values(tmp_path: Path) -> None:
    path = write_actuals(
        tmp_path / "actuals.xlsx",
        [
            ("Town", "widgets", "2021", "n/a"),  # row 2: value error
            ("Town ", "widgets", "2022", 5),  # row 3: stray space, then a duplicate of row 7
            ("Town", "widgets", "2023", "bad"),  # row 4: another value error
            (),  # row 5: blank
            ("Town", "widgets", "soon", "n/a"),  # row 6: period error; the value is not looked at
            ("Town", "widgets", "2022", 6),  # row 7: same town, indicator and period as row 3
            ("Town", "widgets", "2024", "n/a"),  # row 8: the same bad value as row 2
            ("Town", "", "2025", 7),  # row 9: indicator empty
            ("Town", "widgets", "2026-12", 8),  # row 10: not ended on the day below
        ],
    )
    actuals = read_actuals(path, today=dt.date(2026, 11, 22))
    found = [(i.row, i.column, i.severity) for i in actuals.issues]
    assert found == [
        (2, "value", "error"),
        (3, "region", "warning"),
        (4, "value", "error"),
        (5, None, "warning"),
        (6, "period", "error"),
        (8, "value", "error"),
        (9, "indicator", "error"),
        (10, "period", "warning"),
        (7, "period", "warning"),
    ]
    messages = [i.message for i in actuals.issues]
    assert messages[0].startswith("'n/a' is not a number") and messages[5] == messages[0]
    assert messages[2].startswith("'bad' is not a number")
    assert "'Town ' has stray spaces" in messages[1]
    assert "period 2026-12 has not ended yet" in messages[7]
    assert messages[8] == (
        "Town / widgets / 2022 is also in row 3 with conflicting values (5, 6); "
        "row 7 (the lower one) is used"
    )
    assert list(actuals.rows["row"]) == [7, 10]
    assert list(actuals.rows["value"]) == [6.0, 8.0]
