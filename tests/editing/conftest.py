"""Fixtures for editing tests: a workbook with the user's own sheet, fills, widths, rules."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers import SYNTHETIC, USER_FILL, target_toml, write_targets
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from sockprogress.editing.blank import new_actuals_workbook


@pytest.fixture
def targets(tmp_path: Path) -> Path:
    return write_targets(
        tmp_path / "targets.toml", target_toml(baseline='{ period = "2021", value = 100 }')
    )


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """An init workbook with two synthetic rows, then touched by its user as people do."""
    rows = [
        ["Testville", "widgets", "2021", 100, None, SYNTHETIC, None],
        ["Testville", "widgets", "2022", 120, None, SYNTHETIC, None],
    ]
    wb = new_actuals_workbook(rows, ["Testville"], ["widgets"])
    ws = wb["Actuals"]
    for cell in ws[3]:
        cell.fill = PatternFill("solid", fgColor=USER_FILL)
    ws.column_dimensions["G"].width = 77
    mine = wb.create_sheet("My notes")
    mine["A1"] = "kept by the user"
    mine["B2"] = "=1+1"
    mine.column_dimensions["A"].width = 42
    rule = DataValidation(type="whole", operator="between", formula1="1", formula2="9")
    rule.add("B3:B9")
    mine.add_data_validation(rule)
    path = tmp_path / "actuals.xlsx"
    wb.save(path)
    return path


def require_clients() -> bool:
    return os.environ.get("REQUIRE_REPORT_CLIENTS") == "1"


@pytest.fixture
def soffice() -> str:
    """LibreOffice: skipped locally when missing, a failure in CI (REQUIRE_REPORT_CLIENTS=1)."""
    found = shutil.which("soffice")
    if found is None:
        if require_clients():
            pytest.fail("soffice (LibreOffice) is required in CI")
        pytest.skip("soffice (LibreOffice) not installed")
    return found
