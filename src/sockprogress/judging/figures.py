"""The figures of method.md: share, gap, elapsed time, growth rates, pace, projection, ETA.

Each function returns None where a figure is undefined, and `why` records the reason, so the
report can say it instead of showing 0, NaN or inf.
"""

from __future__ import annotations

import datetime as dt
import math

from ..model import Figures, Observation, PaceCategory, Target
from ..periods import add_years, years_between


def meets(target: Target, value: float) -> bool:
    return value >= target.target if target.direction == "increase" else value <= target.target


def pace_category(pace_ratio: float | None) -> PaceCategory | None:
    """Eurostat / Open SDG thresholds on the pace ratio."""
    if pace_ratio is None:
        return None
    if pace_ratio >= 0.95:
        return "on_track"
    if pace_ratio >= 0.60:
        return "moderate_progress"
    if pace_ratio >= 0:
        return "insufficient_progress"
    return "moving_away"


def cagr(start: float, end: float, years: float) -> float:
    return float((end / start) ** (1 / years) - 1)


class _Why:
    def __init__(self) -> None:
        self.reasons: dict[str, str] = {}

    def none(self, field: str, reason: str) -> None:
        self.reasons.setdefault(field, reason)


def _from_baseline(
    target: Target, baseline: Observation | None, report_end: dt.date, why: _Why
) -> tuple[float | None, float | None]:
    """time_elapsed_pct and required_cagr: they need only t0, B, T and D, no observation."""
    if baseline is None:
        why.none("time_elapsed_pct", "no baseline")
        why.none("required_cagr", "no baseline")
        return None, None
    span = years_between(baseline.end, target.deadline)
    if span <= 0:
        why.none("time_elapsed_pct", "the deadline is not after the baseline")
        why.none("required_cagr", "the deadline is not after the baseline")
        return None, None
    elapsed = min(100.0, max(0.0, 100 * years_between(baseline.end, report_end) / span))
    if baseline.value <= 0:
        why.none("required_cagr", "the baseline is not above zero")
        return elapsed, None
    return elapsed, cagr(baseline.value, target.target, span)


def compute_figures(
    target: Target, baseline: Observation | None, latest: Observation | None, report_end: dt.date
) -> tuple[Figures, dict[str, str]]:
    """All figures for one target; the dict maps each undefined figure to its reason."""
    why = _Why()
    T, D = target.target, target.deadline
    elapsed, required = _from_baseline(target, baseline, report_end, why)
    if latest is None:
        figures = Figures(time_elapsed_pct=elapsed, required_cagr=required)
        for name in Figures.__dataclass_fields__:
            why.none(name, "no usable observation")
        return figures, {k: v for k, v in why.reasons.items() if getattr(figures, k) is None}
    A, t = latest.value, latest.end
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
            actual = cagr(B, A, years_between(t0, t))
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
        why.none("pace_category", why.reasons.get("pace_ratio", ""))
    from_latest = projected = None
    if t < D:
        from_latest = cagr(A, T, years_between(t, D))
        if actual is not None:
            projected = A * (1 + actual) ** years_between(t, D)
        else:
            why.none("projected_at_deadline", why.reasons.get("actual_cagr", "no pace"))
    else:
        why.none("required_cagr_from_latest", "the latest observation is at or after the deadline")
        why.none("projected_at_deadline", "the latest observation is at or after the deadline")
    eta = _eta(target, A, t, actual, why)
    schedule_gap = None
    if gap_closed is not None and elapsed is not None:
        schedule_gap = gap_closed - elapsed
    else:
        why.none(
            "schedule_gap_pts",
            why.reasons.get("gap_closed_pct") or why.reasons.get("time_elapsed_pct", "no baseline"),
        )
    figures = Figures(
        100 * A / T,
        T - A,
        gap_closed,
        elapsed,
        actual,
        required,
        ratio,
        pace_category(ratio),
        from_latest,
        projected,
        eta,
        schedule_gap,
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
    years = math.log(target.target / A) / math.log(1 + actual)
    try:
        return add_years(t, years)
    except OverflowError:
        why.none("eta", "beyond any calendar date at the current pace")
        return None
