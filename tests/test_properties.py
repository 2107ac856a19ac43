"""Properties of the maths that must hold for any figures (Hypothesis; synthetic data)."""

from __future__ import annotations

import datetime as dt
from unittest import mock

from helpers import make_target
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sockprogress.judging import plausibility
from sockprogress.judging.figures import compute_figures, pace_category
from sockprogress.judging.rows import Rows
from sockprogress.judging.status import decide
from sockprogress.model import Baseline, Direction, Observation, Target
from sockprogress.periods import month_end

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


# A series' rows for the plausibility rules: months of 2022-2024 in the sheet's order, values
# drawn near the rules' edges (a spread just under and over 8 and 100 times, zero, below
# zero), each row's basis among those a month may have.
_spreads = st.sampled_from([1.0, 2.0, 7.9, 7.99999999, 8.0, 8.00000001, 12.0, 99.9, 100.0, 150.0])


def _rows(months: list[int], values: list[float], bases: list[str]) -> Rows:
    ends = [month_end(2022 + m // 12, m % 12 + 1) for m in months]
    n = len(months)
    periods = [f"{e.year:04d}-{e.month:02d}" for e in ends]
    return Rows([i + 2 for i in range(n)], periods, ["month"] * n, ends, values, bases)


@st.composite
def _series_rows(draw: st.DrawFn) -> Rows:
    months = draw(st.lists(st.integers(min_value=0, max_value=35), unique=True, max_size=14))
    low = draw(st.floats(min_value=0.01, max_value=1e9))
    spread = draw(_spreads)
    choices = st.sampled_from([low, low * spread, low * spread / 2, low * 1.5, 0.0, -low])
    values = [draw(choices) for _ in months]
    basis = draw(st.sampled_from(["", "ytd", "month", None]))  # None: each row its own
    one = st.sampled_from(["", "ytd", "month", "rate"])
    return _rows(months, values, [draw(one) if basis is None else basis for _ in months])


@settings(max_examples=300)
@given(_series_rows(), st.sampled_from(["level", "annual_total"]))
@example(_rows([0, 1, 2], [100.0, 1200.0, 100.0], [""] * 3), "level")  # a step of 12 times
@example(_rows([0, 1, 2], [1.0, 1.0, 100.0], ["ytd"] * 3), "level")  # a jump of 100 times
@example(_rows([0, 1, 2], [1.0, 12.0, 5.0], ["", "", "ytd"]), "level")  # a step beside a sum
def test_a_steady_series_is_passed_over_with_the_warnings_the_full_rules_give(
    rows: Rows, kind: str
) -> None:
    """The shortcut for series no figure of which can break `jump` or `step`
    (plausibility._steady) leaves every warning as the rules' own passes give it."""
    series = plausibility.Series("r", "i", "yuan", make_target(kind=kind, target=1e6))
    quick = plausibility.check_series(series, rows)
    with mock.patch.object(plausibility, "_steady", return_value=False):
        full = plausibility.check_series(series, rows)
    assert [(i.code, i.row, i.params) for i in quick] == [(i.code, i.row, i.params) for i in full]


@settings(max_examples=300)
@given(_series_rows(), st.floats(min_value=0.01, max_value=1e11), st.sampled_from([None, 1.0, 5e5]))
@example(_rows([0, 1], [1.0, 50.0], [""] * 2), 100.0, None)  # 1 is 100 times below the goal
@example(_rows([0, 1], [1.0, 50.0], [""] * 2), 100.0, 1.0)  # but beside the baseline
def test_a_series_near_its_goal_is_passed_over_with_the_warnings_the_scale_rule_gives(
    rows: Rows, goal: float, base: float | None
) -> None:
    """The shortcut for series every figure of which is within 100 times of the goal or of
    the baseline gives the `scale` warnings of the rule as docs/method.md words it: a figure
    above zero 100 times or more above, or below a hundredth of, each of them."""
    target = make_target(target=goal, baseline=Baseline("2021", base) if base else None)
    issues = plausibility.check_series(plausibility.Series("r", "i", "yuan", target), rows)
    references = [r for r in (goal, base) if r is not None and r > 0]
    at = plausibility.SCALE_AT
    far = [
        row
        for row, v in zip(rows.row, rows.value, strict=True)
        if v > 0 and all(v / r >= at or r / v >= at for r in references)
    ]
    assert [i.row for i in issues if i.code == "plausibility.scale"] == far


# Texts of a bulletin's cells: Chinese, Latin words and figures, spaces (an ideographic space,
# a no-break space), full-width signs, U+FFFD, a character beyond U+FFFF.
_cell_texts = st.text(
    alphabet=st.sampled_from([*"袜子年产量亿双（）、：ab Z09.,%—“”‘’\u3000\u00a0\t\n\ufffd", "𠀀"]),
    max_size=24,
)


@settings(max_examples=500)
@given(_cell_texts)
@example("a\u3000")  # the pattern gives back its trailing whitespace for an ideographic space
@example("袜 \u3000 ")
@example("35亿双 2026年1—11月")
def test_a_cells_pieces_are_read_as_the_pattern_they_replace_reads_them(text: str) -> None:
    """bulletin._tokens and _script_turns read a text without the patterns they replaced
    (each 2.5 ms to compile in a cold report): the same pieces, the same turns."""
    import re

    from sockprogress.rendering import bulletin

    token = re.compile(r"(\s*)([\u2e80-\uffff—“”‘’]|[^\s\u2e80-\uffff—“”‘’]+)")
    gap = 0.5 / 2
    pieces = [
        (gap if space else 0.0, bulletin.ems(piece, 0.5)) for space, piece in token.findall(text)
    ]
    assert bulletin._tokens(text, 0.5) == pieces
    turn = re.compile(r"(?<=[\u2e80-\uffef])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u2e80-\uffef])")
    assert bulletin._script_turns(text) == len(turn.findall(text))
