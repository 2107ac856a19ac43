"""Fixtures for the Excel report: the shipped report judged once, and real LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
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


def require_tool(name: str) -> str:
    """The tool's path; skip when missing, but fail when CI says clients are required."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("REQUIRE_REPORT_CLIENTS") == "1":
            pytest.fail(f"{name} is required (REQUIRE_REPORT_CLIENTS=1) but not installed")
        pytest.skip(f"{name} not installed")
    return path


@pytest.fixture
def soffice(tmp_path: Path) -> Callable[[Path, str], Path]:
    """Convert a file with headless LibreOffice; returns the output, fails on any error."""
    exe = require_tool("soffice")
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs do not collide

    def convert(source: Path, to: str) -> Path:
        out = tmp_path / f"converted-{to.split(':')[0]}"
        result = subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                to,
                "--outdir",
                str(out),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        # LibreOffice exits 0 even when the conversion fails: read stderr and look for the file.
        assert "Error:" not in result.stderr, result.stderr
        target = out / f"{source.stem}.{to.split(':')[0]}"
        assert target.exists(), result.stdout + result.stderr
        return target

    return convert
