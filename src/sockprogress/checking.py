"""`sockprogress check`: every problem of both inputs, found by the same code as the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .judging import judge
from .model import Issue
from .periods import Month
from .reading import load_targets, read_actuals


def check_inputs(targets: Path, actuals: Path, as_of: Month, today: dt.date) -> list[Issue]:
    """The data issues the report would list; a file that cannot be used raises InputError."""
    targets_file = load_targets(targets)
    rows = read_actuals(actuals, today=today)
    report = judge(targets_file, rows, as_of, actuals_name=actuals.name)
    return list(report.issues)


# Hints for the judging messages that carry none (reading's messages end in their own fix).
HINTS = (
    ("no rows for target", "add its published figures to the Actuals sheet"),
    ("no target uses region", "fix the spelling, or add a target for that region"),
    ("not listed under [[indicators]]", "fix the spelling, or declare it under [[indicators]]"),
    ("no observation for its baseline", "add the baseline figure, or give baseline.value"),
)


def check_line(issue: Issue) -> str:
    """`file, sheet S, row R, column C: message; fix` (warnings say so; errors mean left out)."""
    label = "" if issue.severity == "error" else "warning: "
    message = issue.message
    for needle, fix in HINTS:
        if needle in message:
            message = f"{message}; {fix}"
            break
    where = issue.where()
    return f"{where}: {label}{message}" if where else f"{label}{message}"
