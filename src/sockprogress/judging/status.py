"""Status of one target at one report month: the rules of method.md, first that applies."""

from __future__ import annotations

import datetime as dt

from ..model import Figures, Note, Observation, Status, Target
from .figures import meets


def final_figure(observations: tuple[Observation, ...], deadline: dt.date) -> Observation | None:
    """The earliest observation ending on or after the deadline."""
    return next((o for o in observations if o.end >= deadline), None)


def decide(
    target: Target,
    observations: tuple[Observation, ...],
    latest: Observation | None,
    figures: Figures,
    report_end: dt.date,
) -> tuple[Status, Observation | None, list[Note]]:
    """Status, the final figure used (if the deadline has passed) and notes explaining it."""
    if latest is None:
        return "not_assessable", None, [Note("no_observation")]
    if report_end <= target.deadline:
        if meets(target, latest.value):
            return "achieved", None, []
        if figures.pace_category is None:
            return "not_assessable", None, [Note("no_pace")]
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
    if meets(target, latest.value):
        return "achieved", None, [Note("final_not_in")]
    return (
        "awaiting_final",
        None,
        [Note("awaiting_final", (("deadline", target.deadline.isoformat()),))],
    )
