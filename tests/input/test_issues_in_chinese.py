"""Every row problem the reader and the judge find has a code, and reads in Chinese under zh.

The cases are test_row_issues.py's (every figure synthetic); here each issue of the bad row is
looked at through the catalogue instead of its English message.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from helpers import target_toml, write_targets

from sockprogress.checking import checked
from sockprogress.periods import Month
from sockprogress.words import messages
from sockprogress.words.words import Words

# The cases live beside this file (test modules are not importable by name here).
_spec = importlib.util.spec_from_file_location(
    "row_issues", Path(__file__).with_name("test_row_issues.py")
)
assert _spec and _spec.loader
_row_issues = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_row_issues)
CASES: list[tuple[str, list[Sequence[Any]], str, str, str]] = _row_issues.CASES
_workbook = _row_issues._workbook

WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.'-]*")
# Names a hint gives as they are typed: a sheet, a key and a table of targets.toml, the
# values of the basis column; N in 1—N月 (January to month N), as bulletins write it.
ALLOWED = {
    "Actuals",
    "baseline.value",
    "indicators",
    "regions",
    "month",
    "ytd",
    "rate",
    "Excel",
    "N",
}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_bad_row_reads_in_chinese(
    tmp_path: Path, case: tuple[str, list[Sequence[Any]], str, str, str]
) -> None:
    name, rows, _column, _severity, _expected = case
    # the targets of test_row_issues.py's declared_targets fixture
    targets = write_targets(
        tmp_path / "targets.toml",
        target_toml(baseline='{ period = "2021", value = 100 }'),
        '[[indicators]]\nindicator = "gadgets"\nname = "Synthetic gadgets"\n',
    )
    actuals = _workbook(tmp_path / "actuals.xlsx", name, rows)
    issues = [
        i
        for i in checked(targets, actuals, Month(2025, 10), today=dt.date(2026, 11, 28)).issues
        if i.row == 4
    ]
    assert issues
    for issue in issues:
        assert issue.code in messages.ISSUE_TEXT, (issue.code, issue.message)
        chinese = Words.of("zh").issue_text(issue)
        assert chinese != issue.message
        said = chinese
        for _, value in issue.params:  # the cell's own text, quoted back
            said = said.replace(value, " ")
        assert {w for w in WORD.findall(said)} <= ALLOWED, chinese
        line = Words.of("zh").issue_line(issue)
        assert line.startswith("actuals.xlsx，工作表“Actuals”，第4行"), line
