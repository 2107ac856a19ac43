"""The report's JSON against a clean-room implementation of the method (synthetic scenarios).

The oracle (reference.py) is written from the method contract alone. Every scenario here is made
up; the workbooks say so in their source column.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from oracle.explicit import CASES
from oracle.generate import scenarios, strip_first_target
from oracle.reference import report
from oracle.scenarios import Scenario, check, differences, run_app

SLOW_OK = [HealthCheck.too_slow, HealthCheck.filter_too_much]


def _agree(scenario: Scenario, folder: Path) -> None:
    found = check(scenario, folder)
    assert not found, "\n".join(found) + "\n" + scenario.describe()


@pytest.mark.parametrize(
    "scenario",
    [
        pytest.param(s, id=name, marks=[pytest.mark.xfail(strict=True, reason=why)] if why else [])
        for name, s, why in CASES
    ],
)
def test_explicit_scenario_agrees(scenario: Scenario, tmp_path: Path) -> None:
    _agree(scenario, tmp_path)


@settings(max_examples=300, deadline=None, suppress_health_check=SLOW_OK)
@given(scenarios())
def test_generated_scenarios_agree(scenario: Scenario) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _agree(scenario, Path(folder))


@settings(max_examples=30, deadline=None, suppress_health_check=SLOW_OK)
@given(scenarios().map(strip_first_target))
def test_generated_baseline_without_observations_agrees(scenario: Scenario) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _agree(scenario, Path(folder))


@pytest.mark.parametrize(
    "as_of",
    [
        # Before any Liaoyuan capacity figure: the baseline (2023-05) is given, no observation.
        "2022-06",
        "2024-12",
        "2025-12",
        "2026-01",
        "2026-10",
    ],
)
def test_shipped_data_agrees(shipped: tuple[Path, Path], as_of: str, tmp_path: Path) -> None:
    """The published figures too (real data, not synthetic), at months around the deadline."""
    targets, actuals = shipped
    app = run_app(targets, actuals, as_of, tmp_path / "out")
    found = differences(app, report(targets, actuals, as_of))
    assert not found, "\n".join(found)
