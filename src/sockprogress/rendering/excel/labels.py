"""The words of the workbook: its headings, each target's scale, the notes beside a figure."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import TargetResult
from ...words import N_
from ...words.messages import FIGURE_NAMES
from ...words.words import Words
from ..view import TargetView
from .formats import Scale, scale_for

# Column headings and row labels by key; the figures of method.md are named by messages.py.
HEADINGS: dict[str, str] = {
    "region": N_("Region"),
    "target_name": N_("Target"),
    "unit": N_("Unit"),
    "status": N_("Status"),
    "status_code": N_("Status code"),
    "latest": N_("Latest"),
    "latest_period": N_("Latest period"),
    "trend": N_("Trend"),
    "goal": N_("Goal"),
    "deadline": N_("Deadline"),
    "baseline": N_("Baseline"),
    "baseline_period": N_("Baseline period"),
    "previous_status": N_("Previous status"),
    "current_status": N_("Status this month"),
    "changed": N_("Changed"),
    "notes": N_("Notes"),
    "what_changed": N_("What changed"),
    "previous_latest": N_("Previous latest"),
    "previous_latest_period": N_("Previous latest period"),
    "indicator": N_("Indicator"),
    "basis": N_("Basis"),
    "previous": N_("Previous"),
    "previous_period": N_("Previous period"),
    "change": N_("Change"),
    "change_pct": N_("Change %"),
    "severity": N_("Severity"),
    "file": N_("File"),
    "sheet": N_("Sheet"),
    "row": N_("Row"),
    "rows": N_("Rows"),
    "count": N_("Count"),
    "column": N_("Column"),
    "message": N_("Message"),
    "period": N_("Period"),
    "value": N_("Value"),
    "input_rows": N_("Input rows"),
    "actual": N_("actual"),
    "required_path": N_("path to the goal"),
    "year_schedule": N_("schedule (the year's goal by month)"),
    # a year's chart by month: its sums, the year's goal and its end
    "year_to_date": N_("Year to date"),
    "year_goal": N_("the year's goal"),
    "year_end": N_("year end"),
    "target_level": N_("goal"),
    "deadline_marker": N_("deadline"),
    "plan": N_("Plan"),
    "source": N_("Source"),
    "ytd": N_("Year to date"),
    "sheet_context": N_("Context"),
    "sheet_issues": N_("Data issues"),
    "sheet_about": N_("About"),
    "method": N_("Method"),
    "units_title": N_("Units"),
    "formulas_title": N_("Formulas"),
    "charts_title": N_("Charts"),
    "report_month": N_("Report month"),
    "about_goal": N_("About this goal"),
    "outlook": N_("Outlook"),
    "check": N_("Check"),
    "latest_source": N_("Source of the latest figure"),
    "latest_note": N_("Note on the latest figure"),
    "source_note": N_("Source and note"),
}


def figure_label(field: str, words: Words) -> str:
    """A figure's name, or a heading's, in `words`."""
    if field in FIGURE_NAMES:
        return words.figure_name(field)
    return words(HEADINGS[field])


def target_scale(result: TargetResult, words: Words) -> Scale:
    """One scale per target, from its goal, so a row never mixes bn and m."""
    t = result.target
    # every figure its block lists: a year's months too (5.1亿 of 1—2月 read "5")
    values = [t.target] + [o.value for o in (*result.observations, *result.year_months)]
    if result.baseline is not None:
        values.append(result.baseline.value)
    whole = all(float(v).is_integer() for v in values)
    return scale_for(t.target, t.unit, words, whole=whole, values=values)


def notes_text(view: TargetView, words: Words, keys: Sequence[str] = ()) -> str:
    """The target's notes, then why the figures named in `keys` are blank, in one line of
    sentences, each closed by the language's full stop."""
    reasons: dict[str, list[str]] = {}
    for figure in view.figures:
        if figure.key in keys and figure.why:
            reasons.setdefault(figure.why, []).append(figure.label)
    blanks = [
        words("blank: {figures} — {reason}").format(figures=words.listed(names), reason=reason)
        for reason, names in reasons.items()
    ]
    return words.sentence_gap.join(
        line if line.endswith(STOPS) else words("{clauses}.").format(clauses=line)
        for line in (*view.notes, *blanks)
    )


# what ends a sentence, in either language
STOPS = (".", "\u3002", "!", "\uff01", "?", "\uff1f")


RUN = "\u2013"  # an en dash joins the first and last row of a run


def input_rows(rows: Sequence[int]) -> int | str | None:
    """The input rows behind an observation: a row number, or its runs of rows (3 to 14 and
    20 read `3`, en dash, `14, 20`)."""
    if len(rows) == 1:
        return rows[0]
    if not rows:
        return None
    runs: list[str] = []
    start = end = rows[0]
    for row in rows[1:]:
        if row == end + 1:
            end = row
            continue
        runs.append(str(start) if start == end else f"{start}{RUN}{end}")
        start = end = row
    runs.append(str(start) if start == end else f"{start}{RUN}{end}")
    return ", ".join(runs)
