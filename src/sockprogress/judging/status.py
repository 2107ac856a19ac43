"""Status of one target at one report month: the rules of method.md, first that applies."""

from __future__ import annotations

import datetime as dt

from ..model import Figures, Note, Observation, Outlook, Status, Target
from .figures import meets, own_year


def final_figure(observations: tuple[Observation, ...], target: Target) -> Observation | None:
    """The earliest observation ending on or after the deadline; an estimate never is one. For a
    year goal, only the year's own total (ending on the deadline) is."""
    deadline = target.deadline
    if target.year is not None:
        return next((o for o in observations if o.end == deadline and o.basis == "annual"), None)
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
    ytd: Observation | None = None,
) -> tuple[Status, Observation | None, list[Note]]:
    """Status, the final figure used (if the deadline has passed) and notes explaining it.

    `ytd`: the year-to-date figure; in the goal's own year it is the cumulative figure C.
    """
    own = own_year(target, ytd)
    if latest is None and not own:
        return "not_assessable", None, [Note("no_observation")]
    increase = target.direction == "increase"
    year = target.year
    final = final_figure(observations, target)
    if report_end <= target.deadline and final is None:
        if own:  # the year-to-date figure alone decides
            assert ytd is not None
            if increase and meets(target, ytd.value):
                return "achieved", None, [Note("ytd_met", (("period", ytd.period),))]
            if figures.pace_category is None:
                return "not_assessable", None, [Note("no_pace_undefined")]
            return figures.pace_category, None, []
        if year is not None:
            return "not_assessable", None, [Note("year_no_figure", (("year", str(year)),))]
        assert latest is not None
        if meets(target, latest.value):
            return "achieved", None, []
        if figures.pace_category is None:
            return "not_assessable", None, [_no_pace(latest, baseline)]
        return figures.pace_category, None, []
    if final is not None:
        notes = [Note("final_figure", (("period", final.period),))]
        if meets(target, final.value):
            return "achieved", final, notes
        # A later year's figure never meets a year goal: it is not met late.
        later = None
        if year is None:
            later = next(
                (o for o in observations if o.end > final.end and meets(target, o.value)), None
            )
        if later is not None:
            notes.append(Note("met_late", (("period", later.period),)))
        return "missed", final, notes
    if own:
        assert ytd is not None
        if increase and meets(target, ytd.value):
            return "achieved", None, [Note("final_not_in")]
    elif (
        latest is not None
        and not latest.estimate  # an estimate decides nothing
        and meets(target, latest.value)
        # A year goal is met only by a figure of its year: its 1—N月 (above) or its total (its
        # final figure). Twelve months ending before it or running into the next year are not.
        and year is None
    ):
        return "achieved", None, [Note("final_not_in")]
    return (
        "awaiting_final",
        None,
        [Note("awaiting_final", (("deadline", target.deadline.isoformat()),))],
    )
