"""The figures of method.md: share, gap, elapsed time, growth rates, pace, projection, ETA.

Each function returns None where a figure is undefined, and `why` records the reason, so the
report can say it instead of showing 0, NaN or inf.
"""

from __future__ import annotations

import datetime as dt
import math

from ..model import PACE_THRESHOLDS, Figures, Observation, PaceCategory, Target
from ..periods import add_years, months_between, years_between


def meets(target: Target, value: float) -> bool:
    return value >= target.target if target.direction == "increase" else value <= target.target


def pace_category(pace_ratio: float | None) -> PaceCategory | None:
    """Eurostat / Open SDG thresholds on the pace ratio."""
    if pace_ratio is None:
        return None
    on_track, moderate, insufficient = PACE_THRESHOLDS
    if pace_ratio >= on_track:
        return "on_track"
    if pace_ratio >= moderate:
        return "moderate_progress"
    if pace_ratio >= insufficient:
        return "insufficient_progress"
    return "moving_away"


def cagr(start: float, end: float, years: float) -> float:
    return float((end / start) ** (1 / years) - 1)


# A figure is given whenever it is a finite number, however large: a growth of 5 x 10^15 a year
# needed a week before the deadline is what the method computes, and programs read it from
# the JSON. Only a figure past any float (it would be inf) is left blank with OUT_OF_RANGE;
# the renderers write very large figures in powers of ten.
MAX_FIGURE = 1e300
OUT_OF_RANGE = "too large to show: the figures it comes from are too far apart"


def _cagr(start: float, end: float, years: float) -> float | None:
    """cagr, or None where it overflows or is undefined (never inf, NaN or a complex number)."""
    if start <= 0 or end <= 0 or years <= 0:
        return None
    try:
        rate = cagr(start, end, years)
    except (OverflowError, ZeroDivisionError):
        return None
    return rate if math.isfinite(rate) and abs(rate) <= MAX_FIGURE else None


def _power(base: float, years: float) -> float | None:
    """base ** years, or None where it overflows."""
    try:
        value = float(base**years)
    except (OverflowError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) and abs(value) <= MAX_FIGURE else None


def wrong_side(target: Target, baseline_value: float | None) -> bool:
    """An `increase` target below its baseline, or a `decrease` target above it."""
    if baseline_value is None:
        return False
    if target.direction == "increase":
        return target.target < baseline_value
    return target.target > baseline_value


class _Why:
    def __init__(self) -> None:
        self.reasons: dict[str, str] = {}

    def none(self, field: str, reason: str) -> None:
        self.reasons.setdefault(field, reason)


def own_year(target: Target, ytd: Observation | None) -> bool:
    """The goal's own year applies: D is 31 December of year Y and the year-to-date figure is
    of year Y (method: "The goal's own year")."""
    D = target.deadline
    return (
        ytd is not None
        and target.kind == "annual_total"
        and (D.month, D.day) == (12, 31)
        and ytd.end.year == D.year
    )


YTD_FIGURES = ("ytd_share_of_target_pct", "ytd_schedule_pct", "ytd_schedule_gap_pts")
# The figures of the goal's own year (method: "The goal's own year").
YEAR_FIGURES = (*YTD_FIGURES, "ytd_pace_ratio", "ytd_yoy_pct")


def _year_figures(
    target: Target, ytd: Observation | None, ytd_before: float | None, why: _Why
) -> dict[str, float | None]:
    """The goal's own year: January..N against the year's goal, and the change on a year
    before (that one for any year-to-date figure)."""
    out: dict[str, float | None] = dict.fromkeys((*YTD_FIGURES, "ytd_pace_ratio", "ytd_yoy_pct"))
    if ytd is None:
        for name in out:
            why.none(name, "no year-to-date figure")
        return out
    C = ytd.value
    if ytd_before is not None and ytd_before > 0:
        yoy = 100 * (C / ytd_before - 1)
        out["ytd_yoy_pct"] = yoy if math.isfinite(yoy) and abs(yoy) <= MAX_FIGURE else None
        if out["ytd_yoy_pct"] is None:
            why.none("ytd_yoy_pct", OUT_OF_RANGE)
    else:
        why.none("ytd_yoy_pct", "the same months of the year before are not known")
    if not own_year(target, ytd):
        for name in (*YTD_FIGURES, "ytd_pace_ratio"):
            why.none(name, "not the goal's own year")
        return out
    T, N = target.target, ytd.end.month
    share = 100 * C / T
    if not math.isfinite(share) or share > MAX_FIGURE:
        for name in (*YTD_FIGURES, "ytd_pace_ratio"):
            why.none(name, OUT_OF_RANGE)
        out["ytd_schedule_pct"] = 100 * N / 12
        return out
    out["ytd_share_of_target_pct"] = share
    out["ytd_schedule_pct"] = 100 * N / 12
    out["ytd_schedule_gap_pts"] = share - 100 * N / 12
    done, due = C / T, N / 12
    out["ytd_pace_ratio"] = done / due if target.direction == "increase" else due / done
    return out


def _required(target: Target, baseline: Observation | None, why: _Why) -> float | None:
    """required_cagr: it needs only t0, B, T and D, no observation."""
    if baseline is None:
        why.none("required_cagr", "no baseline")
        return None
    span = years_between(baseline.end, target.deadline)
    if span <= 0:
        why.none("required_cagr", "the deadline is not after the baseline")
        return None
    if baseline.value <= 0:
        why.none("required_cagr", "the baseline is not above zero")
        return None
    required = _cagr(baseline.value, target.target, span)
    if required is None:
        why.none("required_cagr", OUT_OF_RANGE)
    return required


def _elapsed(
    target: Target, baseline: Observation | None, latest: Observation, why: _Why
) -> float | None:
    """time_elapsed_pct: months from t0 to the latest figure's end over months from t0 to D."""
    if baseline is None:
        why.none("time_elapsed_pct", "no baseline")
        return None
    span = months_between(baseline.end, target.deadline)
    if span <= 0:
        why.none("time_elapsed_pct", "the deadline is not after the baseline")
        return None
    return min(100.0, max(0.0, 100 * months_between(baseline.end, latest.end) / span))


def compute_figures(
    target: Target,
    baseline: Observation | None,
    latest: Observation | None,
    report_end: dt.date | None = None,
    ytd: Observation | None = None,
    ytd_before: float | None = None,
) -> tuple[Figures, dict[str, str]]:
    """All figures for one target; the dict maps each undefined figure to its reason.

    `ytd` is the year-to-date figure and `ytd_before` the same months a year before. The report
    month does not enter any figure: each is taken at the latest figure's date (`report_end`
    is accepted for the callers that pass it).
    """
    why = _Why()
    T, D = target.target, target.deadline
    required = _required(target, baseline, why)
    year = _year_figures(target, ytd, ytd_before, why)
    own = own_year(target, ytd)
    if latest is None:
        ratio = year["ytd_pace_ratio"] if own else None
        figures = Figures(
            required_cagr=required,
            pace_category=pace_category(ratio),
            **year,  # type: ignore[arg-type]
        )
        for name in Figures.__dataclass_fields__:
            why.none(name, "no usable observation")
        return figures, {k: v for k, v in why.reasons.items() if getattr(figures, k) is None}
    A, t = latest.value, latest.end
    elapsed = _elapsed(target, baseline, latest, why)
    gap_closed = actual = ratio = None
    if baseline is None:
        for name in ("gap_closed_pct", "actual_cagr", "pace_ratio", "pace_category"):
            why.none(name, "no baseline")
    else:
        B, t0 = baseline.value, baseline.end
        if T != B:
            gap_closed = 100 * (A - B) / (T - B)
        else:
            why.none("gap_closed_pct", "the target equals the baseline")
        if t > t0 and B > 0:
            actual = _cagr(B, A, years_between(t0, t))
            if actual is None:
                why.none("actual_cagr", OUT_OF_RANGE)
        else:
            why.none(
                "actual_cagr",
                "needs an observation later than the baseline"
                if t <= t0
                else "the baseline is not above zero",
            )
        if actual is not None and required:
            d = 1 if target.direction == "increase" else -1
            ratio = d * actual / abs(required)
        elif required == 0:
            why.none("pace_ratio", "the required growth is zero")
        else:
            why.none(
                "pace_ratio",
                why.reasons.get("actual_cagr") or why.reasons.get("required_cagr", "not defined"),
            )
    from_latest = projected = None
    if t < D:
        from_latest = _cagr(A, T, years_between(t, D))
        if from_latest is None:
            why.none("required_cagr_from_latest", OUT_OF_RANGE)
        if actual is not None:
            growth = _power(1 + actual, years_between(t, D))
            projected = None if growth is None else A * growth
            if projected is None or not math.isfinite(projected) or projected > MAX_FIGURE:
                projected = None
                why.none("projected_at_deadline", OUT_OF_RANGE)
        else:
            why.none("projected_at_deadline", why.reasons.get("actual_cagr", "no pace"))
    else:
        why.none("required_cagr_from_latest", "the latest observation is at or after the deadline")
        why.none("projected_at_deadline", "the latest observation is at or after the deadline")
    eta = _eta(target, A, t, actual, why)
    if ratio is not None and not (math.isfinite(ratio) and abs(ratio) <= MAX_FIGURE):
        ratio = None
        why.none("pace_ratio", OUT_OF_RANGE)
    # The category of the ratio that decides the status: the year's pace in the goal's own year.
    decisive = year["ytd_pace_ratio"] if own else ratio
    why.none("pace_category", why.reasons.get("ytd_pace_ratio" if own else "pace_ratio", ""))
    share: float | None = 100 * A / T
    if share is None or not math.isfinite(share) or share > MAX_FIGURE:
        share = None
        why.none("share_of_target_pct", OUT_OF_RANGE)
    if gap_closed is not None and not (math.isfinite(gap_closed) and abs(gap_closed) <= MAX_FIGURE):
        gap_closed = None
        why.none("gap_closed_pct", OUT_OF_RANGE)
    schedule_gap = None
    if own:
        why.none("schedule_gap_pts", "the year's own schedule applies (year-to-date)")
    elif baseline is not None and t <= baseline.end:
        why.none("schedule_gap_pts", "needs an observation later than the baseline")
    elif t >= D:
        why.none("schedule_gap_pts", "the latest observation is at or after the deadline")
    elif gap_closed is not None and elapsed is not None:
        schedule_gap = gap_closed - elapsed
    else:
        why.none(
            "schedule_gap_pts",
            why.reasons.get("gap_closed_pct") or why.reasons.get("time_elapsed_pct", "no baseline"),
        )
    figures = Figures(
        share,
        T - A,
        gap_closed,
        elapsed,
        actual,
        required,
        ratio,
        pace_category(decisive),
        from_latest,
        projected,
        eta,
        schedule_gap,
        **year,
    )
    return figures, {k: v for k, v in why.reasons.items() if getattr(figures, k) is None}


def _eta(target: Target, A: float, t: dt.date, actual: float | None, why: _Why) -> dt.date | None:
    if meets(target, A):
        why.none("eta", "the target is already met")
        return None
    if actual is None:
        why.none("eta", why.reasons.get("actual_cagr", "no pace"))
        return None
    toward = actual > 0 if target.direction == "increase" else actual < 0
    if not toward:
        why.none("eta", "the current pace does not move toward the target")
        return None
    try:
        years = math.log(target.target / A) / math.log(1 + actual)
        return add_years(t, years)
    except (OverflowError, ValueError, ZeroDivisionError):
        why.none("eta", "beyond any calendar date at the current pace")
        return None
