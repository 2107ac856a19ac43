"""Fixtures for the scale tests: synthetic provinces from benchmarks/province.py."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from province import Size, write_province  # noqa: E402


@pytest.fixture(scope="session")
def make_province(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[Size], tuple[Path, Path]]:
    """targets.toml and actuals.xlsx of a synthetic province, written once per size."""
    made: dict[Size, tuple[Path, Path]] = {}

    def make(size: Size) -> tuple[Path, Path]:
        if size not in made:
            made[size] = write_province(size, tmp_path_factory.mktemp(size.key()))
        return made[size]

    return make
