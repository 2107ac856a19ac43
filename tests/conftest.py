from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def shipped(tmp_path: Path) -> tuple[Path, Path]:
    """Copies of the shipped targets.toml and actuals.xlsx (real published figures)."""
    targets = shutil.copy(ROOT / "data" / "targets.toml", tmp_path / "targets.toml")
    actuals = shutil.copy(ROOT / "data" / "actuals.xlsx", tmp_path / "actuals.xlsx")
    return Path(targets), Path(actuals)
