"""Properties of the maths that must hold for any figures (Hypothesis; synthetic data)."""

from __future__ import annotations

import datetime as dt

from helpers import make_target
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sockprogress.judging.figures import compute_figures, pace_category
from sockprogress.judging.status import decide
from sockprogress.model import Baseline, Direction, Observation, Target

REPORT_END = dt.date(2024, 6, 30)
RANK = {
    "achieved": 5,
    "on_track": 4,
    "moderate_progress": 3,
    "insufficient_progress": 2,
    "moving_away": 1,
    "not_assessable": 0,
}

values = st.floats(min_value=1.0, max_value=1e10, allow_nan=False, allow_infinity=False)
directions: st.SearchStrategy[Direction] = st.sampled_from(["increase", "decrease"])


def target(value: float, direction: Direction, deadline: dt.date, base: float) -> Target:
    return make_target(
        direction=direction, target=value, deadline=deadline, baseline=Baseline("2020", base)
    )


def judged(t: Target, latest_value: float) -> tuple[str, float | None]:
    assert t.baseline is not None  # target() always gives one
    baseline = Observation(dt.date(2020, 12, 31), t.baseline.value or 0, "2020", "level")
    latest = Observation(dt.date(2023, 12, 31), latest_value, "2023", "level")
    figures, _ = compute_figures(t, baseline, latest, REPORT_END)
    status, _, _ = decide(t, (baseline, latest), latest, figures, REPORT_END)
    return status, figures.pace_ratio


@given(values, values, directions)
def test_actual_equal_to_target_is_one_hundred_percent(
    goal: float, base: float, d: Direction
) -> None:
    t = target(goal, d, dt.date(2026, 12, 31), base)
    latest = Observation(dt.date(2023, 12, 31), goal, "2023", "level")
    base_obs = Observation(dt.date(2020, 12, 31), base, "2020", "level")
    figures, _ = compute_figures(t, base_obs, latest, REPORT_END)
    assert figures.share_of_target_pct is not None
    assert abs(figures.share_of_target_pct - 100.0) < 1e-9
    assert figures.gap == 0
    if goal != base:
        assert figures.gap_closed_pct is not None
        assert abs(figures.gap_closed_pct - 100.0) < 1e-6


@settings(max_examples=200)
@given(
    values,
    values,
    values,
    directions,
    st.integers(min_value=0, max_value=3000),
    st.integers(min_value=1, max_value=3000),
)
def test_a_later_deadline_never_makes_the_status_worse(
    goal: float, base: float, latest: float, d: Direction, start: int, extra: int
) -> None:
    if goal == base:
        return
    early = dt.date(2024, 7, 31) + dt.timedelta(days=start)
    late = early + dt.timedelta(days=extra)
    s_early, _ = judged(target(goal, d, early, base), latest)
    s_late, _ = judged(target(goal, d, late, base), latest)
    assert RANK[s_late] >= RANK[s_early]


@example(base=1.0, latest=1.0000000000000002, d="increase")  # found by CI on 2026-11-29
@given(values, values, directions)
def test_pace_ratio_sign_follows_the_direction(base: float, latest: float, d: Direction) -> None:
    goal = base * 2 if d == "increase" else base / 2
    _, ratio = judged(target(goal, d, dt.date(2026, 12, 31), base), latest)
    assert ratio is not None
    moved_toward = latest > base if d == "increase" else latest < base
    if latest == base:
        assert ratio == 0
    elif abs(latest - base) <= 1e-12 * abs(base):
        # A move of a few units in the last place: (1 + 2e-16) ** (1 / years) is 1.0 in
        # floating point, so the growth is 0 and the category the same as for no move at all.
        assert ratio == 0 or (ratio > 0) is moved_toward
    else:
        assert (ratio > 0) is moved_toward


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-10, max_value=10))
def test_pace_category_is_monotone(r: float) -> None:
    order = ["moving_away", "insufficient_progress", "moderate_progress", "on_track"]
    assert order.index(pace_category(r) or "") <= order.index(pace_category(r + 0.5) or "")
