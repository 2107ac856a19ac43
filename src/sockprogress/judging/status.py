"""Status of one target at one report month: the rules of method.md, first that applies."""

from __future__ import annotations

import datetime as dt

from ..model import Figures, Note, Observation, Outlook, Status, Target
from .figures import meets


def final_figure(observations: tuple[Observation, ...], deadline: dt.date) -> Observation | None:
    """The earliest observation ending on or after the deadline; an estimate never is one."""
    return next((o for o in observations if o.end >= deadline and not o.estimate), None)


def outlook(target: Target, status: Status, figures: Figures) -> Outlook | None:
    """For a target awaiting its final figure: does the projection at the deadline meet it?"""
    if status != "awaiting_final" or figures.projected_at_deadline is None:
        return None
    return "likely_achieved" if meets(target, figures.projected_at_deadline) else "likely_missed"


def _no_pace(latest: Observation, baseline: Observation | None) -> Note:
    """The true reason the pace is missing, for the note beside "not assessable"."""
    if baseline is None:
        return Note("no_pace")  # one observation, and no baseline value to measure from
    if latest.end <= baseline.end:
        return Note("no_pace_later", (("period", baseline.period),))
    return Note("no_pace_undefined")


def decide(
    target: Target,
    observations: tuple[Observation, ...],
    latest: Observation | None,
    figures: Figures,
    report_end: dt.date,
    baseline: Observation | None = None,
) -> tuple[Status, Observation | None, list[Note]]:
    """Status, the final figure used (if the deadline has passed) and notes explaining it."""
    if latest is None:
        return "not_assessable", None, [Note("no_observation")]
    if report_end <= target.deadline:
        if meets(target, latest.value):
            return "achieved", None, []
        if figures.pace_category is None:
            return "not_assessable", None, [_no_pace(latest, baseline)]
        return figures.pace_category, None, []
    final = final_figure(observations, target.deadline)
    if final is not None:
        if meets(target, final.value):
            return "achieved", final, [Note("final_figure", (("period", final.period),))]
        later = next(
            (o for o in observations if o.end > final.end and meets(target, o.value)), None
        )
        notes = [Note("final_figure", (("period", final.period),))]
        if later is not None:
            notes.append(Note("met_late", (("period", later.period),)))
        return "missed", final, notes
    if not latest.estimate and meets(target, latest.value):  # an estimate decides nothing
        return "achieved", None, [Note("final_not_in")]
    return (
        "awaiting_final",
        None,
        [Note("awaiting_final", (("deadline", target.deadline.isoformat()),))],
    )
