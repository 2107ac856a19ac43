"""Fixtures for the Excel report: the shipped report judged once (real LibreOffice is the root
conftest's `soffice`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sockprogress.model import Report
from sockprogress.periods import Month
from sockprogress.pipeline import build_report

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from province import Size, write_province  # noqa: E402


@pytest.fixture(scope="session")
def shipped_report() -> Report:
    """The report on the shipped targets and actuals (published figures) for 2026-10."""
    return build_report(
        ROOT / "data" / "targets.toml", ROOT / "data" / "actuals.xlsx", Month.parse("2026-10")
    )


@pytest.fixture(scope="session")
def small_province(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Synthetic: a province of 2 towns and 20 indicators with three years of monthly figures
    (benchmarks/province.py), judged for 2026-10: long runs of rows, a calendar year's months
    summed into one figure."""
    targets, actuals = write_province(Size(2, 20, 3), tmp_path_factory.mktemp("province"))
    return build_report(targets, actuals, Month.parse("2026-10"))
