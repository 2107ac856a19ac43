"""`sockprogress check`: every problem of both inputs, found by the same code as the report.

An error is a row left out of the report; a warning is a row used with a caveat, or a goal
without any figure. The summary counts them as the lines label them, and says when no row is
left out, so that a goal still waiting for its first figure is not mistaken for a broken row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from .judging import judge
from .model import Issue, IssueGroup, Report
from .periods import Month
from .reading import load_targets, read_actuals
from .reading.grid import Loading
from .words.words import Words

# A goal that no row gives a figure for: nothing is wrong with the rows.
NO_FIGURE = "no_rows"


def checked(
    targets: Path, actuals: Path, as_of: Month, today: dt.date, loading: Loading | None = None
) -> Report:
    """The two files judged as the report judges them, without last month's report: judging
    says which rows are left out (errors), so `check` counts them as the report does.
    `loading`: the actuals' sheet already being read (reading.grid.start_loading)."""
    targets_file = load_targets(targets)
    rows = read_actuals(actuals, today=today, targets=targets_file, loading=loading)
    return judge(targets_file, rows, as_of, actuals_name=actuals.name)


# The most lines of issues a terminal is given: a screenful, then the total and where the rest is.
SCREENFUL = 20


def grouped_lines(
    groups: tuple[IssueGroup, ...], words: Words, limit: int | None = SCREENFUL
) -> list[str]:
    """The issues by kind, a line each; with a `limit` (the report's terminal), at most that
    many lines, then how many are left and the command that lists them all. `check` lists
    every line: listing them is what it is for.

    The lines a screenful keeps are those that say the most: errors (rows left out) first,
    then the kinds with the most issues, each in its place. A wrong unit's 237,672 figures
    stood below 216 goals' lines of one issue each, out of sight, the one thing to fix."""
    if limit is None or len(groups) <= limit:
        return [words.group_line(g) for g in groups]
    ranked = sorted(
        range(len(groups)), key=lambda i: (groups[i].severity != "error", -groups[i].count)
    )
    kept = set(ranked[:limit])
    lines = [words.group_line(g) for i, g in enumerate(groups) if i in kept]
    rest = [g for i, g in enumerate(groups) if i not in kept]
    issues = sum(g.count for g in rest)
    lines.append(
        words("… and {lines} more lines ({issues}): `sockprogress check` lists them all").format(
            lines=words.row_count(len(rest)),
            issues=words.n("{n} issue", "{n} issues", issues).format(n=words.row_count(issues)),
        )
    )
    return lines


def check_summary(problems: Sequence[Issue], words: Words) -> str:
    """`2 problems: 1 error (a row left out), 1 warning`, counted as the lines label them;
    `no errors (no row left out)` when every row is used, and the goals without any figure
    named among the warnings."""
    errors = sum(1 for i in problems if i.severity == "error")
    warnings = len(problems) - errors
    waiting = sum(1 for i in problems if i.severity != "error" and i.code == NO_FIGURE)
    said_errors = words.errors_left_out(errors) if errors else words("no errors (no row left out)")
    said_warnings = (
        words.n("{n} warning", "{n} warnings", warnings).format(n=warnings)
        if warnings
        else words("no warnings")
    )
    if waiting:
        said_warnings += words.paren(
            words.n(
                "{n} is a goal without any figure yet",
                "{n} are goals without any figure yet",
                waiting,
            ).format(n=waiting)
        )
    total = words.n("{n} problem", "{n} problems", len(problems)).format(n=len(problems))
    return words("{problems}: {errors}, {warnings}").format(
        problems=total, errors=said_errors, warnings=said_warnings
    )
