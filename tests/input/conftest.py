"""Fixtures for the bad-input tests: a valid synthetic targets file beside each workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import target_toml, write_targets


@pytest.fixture
def targets(tmp_path: Path) -> Path:
    """Synthetic goal: Testville widgets to 200 by 2025-12-31 from 100 in 2021."""
    return write_targets(
        tmp_path / "targets.toml",
        target_toml(baseline='{ period = "2021", value = 100 }'),
    )
