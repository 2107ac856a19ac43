"""Extreme figures: each figure is finite or blank with its reason, and the JSON is strict.

Kinds 1, 2 and 13 of issue 14. Every figure here is synthetic, made up for the test.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import frame, make_target, report_args, target_toml, write_actuals, write_targets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sockprogress.cli import main
from sockprogress.judging import judge
from sockprogress.judging.figures import compute_figures
from sockprogress.judging.series import annual_series
from sockprogress.model import (
    Actuals,
    Baseline,
    Direction,
    Figures,
    Observation,
    Target,
    TargetsFile,
)
from sockprogress.periods import Month
from sockprogress.reading.limits import MAX_NUMBER, MIN_NUMBER
from sockprogress.rendering.jsonout import render_json
from sockprogress.words.words import Words

figures_in_range = st.floats(min_value=MIN_NUMBER, max_value=MAX_NUMBER)
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


def _strict(raw: str) -> Any:
    """json.loads that refuses NaN and Infinity, as a strict JSON reader does."""

    def refuse(name: str) -> None:
        raise AssertionError(f"non-JSON constant {name} in the report")

    return json.loads(raw, parse_constant=refuse)


def _target(value: float, direction: Direction, deadline: dt.date, base: float | None) -> Target:
    return make_target(
        direction=direction,
        target=value,
        deadline=deadline,
        baseline=None if base is None else Baseline("1900", base),
    )


def _assert_shown(figures: Figures, why: dict[str, str]) -> None:
    """Each figure is finite and formats, or is blank with a reason."""
    for name, value in vars(figures).items():
        if value is None:
            assert why.get(name), f"{name} is blank without a reason"
        elif isinstance(value, float):
            assert math.isfinite(value), f"{name} = {value}"
            for lang in ("en", "zh"):
                words = Words.of(lang)
                for show in (words.scaled, words.percent, words.rate, words.ratio):
                    shown = show(value)
                    assert "NaN" not in shown and "∞" not in shown and "inf" not in shown


@settings(max_examples=300, deadline=None)
@given(
    goal=figures_in_range,
    base=st.none() | figures_in_range,
    latest=figures_in_range,
    direction=st.sampled_from(["increase", "decrease"]),
    deadline=days,
    seen=days,
    report=days,
)
def test_any_figures_in_range_give_finite_figures_or_reasons(
    goal: float,
    base: float | None,
    latest: float,
    direction: Direction,
    deadline: dt.date,
    seen: dt.date,
    report: dt.date,
) -> None:
    target = _target(goal, direction, deadline, base)
    baseline = None if base is None else Observation(dt.date(1900, 12, 31), base, "1900", "level")
    observation = Observation(seen, latest, seen.isoformat(), "level")
    figures, why = compute_figures(target, baseline, observation, report)
    _assert_shown(figures, why)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.lists(figures_in_range, min_size=1, max_size=4),
    goal=figures_in_range,
    direction=st.sampled_from(["increase", "decrease"]),
)
def test_the_json_report_is_strict_json_for_any_figures(
    values: list[float], goal: float, direction: Direction
) -> None:
    rows = frame(("R", "x", str(2020 + i), v) for i, v in enumerate(values))
    target = _target(goal, direction, dt.date(2200, 12, 31), None)
    report = judge(TargetsFile((target,)), Actuals(rows, ()), Month(2025, 6))
    data = _strict(render_json(report))
    assert data["targets"][0]["id"] == "t"


@pytest.mark.parametrize(
    ("base", "latest", "goal"),
    [(MIN_NUMBER, MAX_NUMBER, MAX_NUMBER), (MAX_NUMBER, MIN_NUMBER, MIN_NUMBER), (1.0, 2.0, 3.0)],
    ids=["tiny-to-huge", "huge-to-tiny", "plain"],
)
def test_extreme_figures_end_to_end(
    tmp_path: Path, base: float, latest: float, goal: float
) -> None:
    direction = "increase" if goal >= base else "decrease"
    actuals = write_actuals(
        tmp_path / "actuals.xlsx",
        [("Testville", "widgets", "2021", base), ("Testville", "widgets", "2021-02", latest)],
    )
    targets = write_targets(
        tmp_path / "targets.toml",
        target_toml(
            target=goal,
            direction=direction,
            deadline=dt.date(2200, 12, 31),
            baseline=f'{{ period = "2021", value = {base!r} }}',
        ),
    )
    out = tmp_path / "out"
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", "2026-10"]
    result = CliRunner().invoke(main, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    raw = (out / "progress-2026-10.json").read_text(encoding="utf-8")
    _strict(raw)
    html = (out / "progress-2026-10.html").read_text(encoding="utf-8")
    for bad in ("NaN", "∞", "Infinity", ">inf<"):
        assert bad not in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1e300, "1.0×10³⁰⁰ is larger than any statistic"),  # never e-notation
        (1e-30, "1.0×10⁻³⁰ is smaller than any statistic"),
    ],
)
def test_a_figure_outside_the_range_is_a_row_issue(
    tmp_path: Path, targets: Path, value: float, message: str
) -> None:
    actuals = write_actuals(
        tmp_path / "actuals.xlsx",
        [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2024", value)],
    )
    args = ["check", "--targets", str(targets), "--actuals", str(actuals), "--as-of", "2025-06"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert f"actuals.xlsx, sheet Actuals, row 3, column value: error: {message}" in result.output


@pytest.mark.parametrize("goal", ["1e300", "10" + "0" * 400, "1e-30"])
def test_a_goal_outside_the_range_is_one_error_line(tmp_path: Path, goal: str) -> None:
    targets = write_targets(tmp_path / "targets.toml", target_toml().replace("200", goal, 1))
    actuals = write_actuals(tmp_path / "actuals.xlsx", [("Testville", "widgets", "2021", 100)])
    result = CliRunner().invoke(
        main, ["check", "--targets", str(targets), "--actuals", str(actuals)]
    )
    assert result.exit_code == 2
    assert result.output.startswith("Error: targets.toml, target 1 (id t1): 'target' ")
    assert "Traceback" not in result.output and len(result.output.splitlines()) == 1


def test_a_negative_derived_ttm_is_a_data_issue_never_judged() -> None:
    # Year-to-date figures that fall: 2024 total 100, 2024-06 ytd 90; 2025-06 ytd 5 is fine,
    # but 2024's July-December then sum to 10 and 2025-03 ytd 50 > 2025-06 ytd 5 makes months
    # negative. The twelve months to 2025-06 come out as 5 + (100 - 190) < 0.
    rows = frame(
        [
            ("R", "x", "2024", 100),
            ("R", "x", "2024-06", 190, "ytd"),
            ("R", "x", "2025-06", 5, "ytd"),
        ]
    )
    series = annual_series(rows, 2025)
    assert [o.basis for o in series.observations] == ["annual"]
    assert any(
        w.code == "ttm_underivable"
        and ("rows", "2, 3, 4") in w.params
        and ("period", "2025-06") in w.params
        for w in series.warnings
    )


def test_a_target_on_the_wrong_side_of_its_baseline_is_said(tmp_path: Path) -> None:
    targets = write_targets(
        tmp_path / "targets.toml",
        target_toml(direction="decrease", target=300, baseline='{ period = "2021", value = 100 }'),
    )
    actuals = write_actuals(
        tmp_path / "actuals.xlsx",
        [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2022", 400)],
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, report_args(targets, actuals, "2023-06", out, "--format", "json")
    )
    assert result.exit_code == 0, result.output
    assert "direction is 'decrease' but the target (300) is above its baseline (100" in (
        result.output
    )
    data = _strict((out / "progress-2023-06.json").read_text(encoding="utf-8"))
    [issue] = [i for i in data["issues"] if "direction is 'decrease'" in i["message"]]
    assert "it is judged as written" in issue["message"]


@given(value=figures_in_range, lang=st.sampled_from(["en", "zh"]))
def test_a_figure_in_range_never_shows_as_zero(value: float, lang: str) -> None:
    shown = Words.of(lang).scaled(value, "units")
    digits = [c for c in shown if c.isdigit()]
    assert digits and set(digits) != {"0"}, shown


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "is below its first figure (4,800,000,000, 2025), which stands for its baseline as "
            "the file gives none",
        ),
        ("zh", "目标文件未填基期值，暂以最早一期数据（48亿，2025年）作为基期值；"),
    ],
)
def test_a_goal_without_a_baseline_says_its_first_figure_stood_for_one(
    tmp_path: Path, lang: str, said: str
) -> None:
    """A newcomer's walkthrough (made-up figures): a 2026 goal of 36亿 beside 2025's 48亿, with
    no baseline written, was "below its baseline (48亿, 2025)": a baseline the user never gave.
    The sentence says the first figure was taken as one."""
    goal = target_toml(kind="annual_total", target=3.6e9, deadline=dt.date(2026, 12, 31))
    targets = write_targets(tmp_path / "targets.toml", goal)
    actuals = write_actuals(tmp_path / "actuals.xlsx", [("Testville", "widgets", "2025", 4.8e9)])
    args = ["check", "--targets", str(targets), "--actuals", str(actuals), "--as-of", "2026-10"]
    result = CliRunner().invoke(main, [*args, "--lang", lang])
    assert said in result.output, result.output
