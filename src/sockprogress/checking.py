"""`sockprogress check`: every problem of both inputs, found by the same code as the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .judging import judge
from .model import Issue
from .periods import Month
from .reading import load_targets, read_actuals
from .words.words import Words


def check_inputs(targets: Path, actuals: Path, as_of: Month, today: dt.date) -> list[Issue]:
    """The data issues the report would list; a file that cannot be used raises InputError."""
    targets_file = load_targets(targets)
    rows = read_actuals(actuals, today=today, targets=targets_file)
    report = judge(targets_file, rows, as_of, actuals_name=actuals.name)
    return list(report.issues)


def check_line(issue: Issue, words: Words) -> str:
    """`file, sheet S, row R, column C: message; fix` (warnings say so; errors mean left out)."""
    message = words.issue_text(issue)
    hint = words.issue_hint(issue)
    if hint:
        message += words.semicolon + hint
    label = "" if issue.severity == "error" else words.severity("warning") + words.colon
    where = words.where(issue)
    return f"{where}{words.colon}{label}{message}" if where else f"{label}{message}"
