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
    rows = read_actuals(actuals, today=today, targets=targets_file)
    report = judge(targets_file, rows, as_of, actuals_name=actuals.name)
    return list(report.issues)


def check_line(issue: Issue, lang: str = "en") -> str:
    """`file, sheet S, row R, column C: message; fix` (warnings say so; errors mean left out)."""
    from .rendering.formatting import colon, issue_hint, issue_text, severity_word, where_text

    message = issue_text(issue, lang)
    hint = issue_hint(issue, lang)
    if hint:
        message += ("；" if lang == "zh" else "; ") + hint
    label = "" if issue.severity == "error" else severity_word("warning", lang) + colon(lang)
    where = where_text(issue, lang)
    return f"{where}{colon(lang)}{label}{message}" if where else f"{label}{message}"
