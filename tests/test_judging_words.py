"""The judge's own data issues carry codes, so the Chinese report says them in Chinese.

Synthetic series, as in test_judging.py: a year row that disagrees with its months, a year
total and a TTM that cannot be derived, a goal on the wrong side of its baseline.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import pytest
from helpers import frame

from sockprogress.judging import judge
from sockprogress.model import Actuals, Baseline, Target, TargetsFile
from sockprogress.periods import Month
from sockprogress.words.words import Words

WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.'-]*")


def annual(**changes: Any) -> Target:
    fields: dict[str, Any] = {
        "id": "t-annual",
        "region": "R",
        "indicator": "x",
        "name": "Synthetic annual total",
        "unit": "pairs",
        "kind": "annual_total",
        "direction": "increase",
        "target": 2000.0,
        "deadline": dt.date(2026, 12, 31),
        "baseline": Baseline("2021", 1000.0),
    }
    return Target(**(fields | changes))


# code: (target, rows for helpers.frame, as of)
CASES: dict[str, tuple[Target, Sequence[tuple[object, ...]], Month]] = {
    "year_row_differs": (
        annual(),
        [("R", "x", f"2023-{m:02d}", 100) for m in range(1, 13)] + [("R", "x", "2023", 1250)],
        Month(2024, 2),
    ),
    "ttm_underivable": (
        annual(),
        [
            ("R", "x", "2024", 100),
            ("R", "x", "2024-06", 190, "ytd"),
            ("R", "x", "2025-06", 5, "ytd"),
        ],
        Month(2025, 7),
    ),
    "wrong_side": (
        annual(target=500.0),
        [("R", "x", "2021", 1000), ("R", "x", "2023", 1100)],
        Month(2024, 2),
    ),
    "date_for_annual_total": (
        annual(),
        [("R", "x", "2023", 1300), ("R", "x", dt.date(2024, 3, 15), 400)],
        Month(2024, 6),
    ),
}


@pytest.mark.parametrize("code", list(CASES))
def test_a_judging_issue_reads_in_chinese(code: str) -> None:
    target, rows, as_of = CASES[code]
    report = judge(TargetsFile((target,)), Actuals(frame(rows)), as_of)
    issues = [i for i in report.issues if i.code == code]
    assert issues, [(i.code, i.message) for i in report.issues]
    for issue in issues:
        assert Words.of("en").issue_text(issue) == issue.message
        chinese = Words.of("zh").issue_text(issue)
        said = chinese
        for _, value in issue.params:
            said = said.replace(value, " ")
        # the programs a clerk knows by these names (a month Excel or WPS stored as a date)
        for name in ("Excel", "WPS"):
            said = said.replace(name, " ")
        assert not WORD.findall(said), chinese


@pytest.mark.parametrize(
    ("lang", "unit", "value", "said"),
    [
        ("zh", "户", 86, "86户"),  # a Chinese office's own goals write their units in Chinese
        ("zh", "元", 3.6e9, "36亿元"),
        ("zh", "firms", 206, "206户"),  # the catalogue's unit, translated
        ("zh", "tonnes", 12, "12 tonnes"),  # a unit it does not know, as written
        ("en", "户", 86, "86 户"),
        ("en", "firms", 206, "206 firms"),
    ],
)
def test_a_unit_written_in_chinese_sits_by_its_number_in_chinese(
    lang: str, unit: str, value: float, said: str
) -> None:
    assert Words.of(lang).scaled(value, unit) == said


@pytest.mark.parametrize(
    ("changes", "en", "zh"),
    [
        (
            {"kind": "level", "deadline": dt.date(2025, 12, 31)},
            "down to 900 pairs by 31 Dec 2025",
            "2025年12月31日前降至900双",
        ),
        ({}, "down to 900 pairs a year by 2026", "2026年全年降至900双"),
        ({"year": 2026}, "at most 900 pairs in 2026", "2026年全年不超过900双"),
    ],
)
def test_a_goal_to_get_down_to_is_said_so(changes: dict[str, Any], en: str, zh: str) -> None:
    """A goal with `direction = "decrease"` (synthetic: 900 pairs from 1,000) read
    "2025年12月31日前达到2009元" (reach) in the bulletin's paragraph, the page and the workbook:
    it reads 降至 / down to, and a year's goal 不超过 / at most (a Chinese reader's find on a
    province's goals). An increase goal reads as before."""
    target = annual(direction="decrease", target=900.0, **changes)
    assert Words.of("en").goal_text(target) == en
    assert Words.of("zh").goal_text(target) == zh
    up = annual(**changes)
    assert "down" not in Words.of("en").goal_text(up) and "降至" not in Words.of("zh").goal_text(up)
