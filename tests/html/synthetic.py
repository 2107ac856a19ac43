"""A small synthetic report for section snapshots: every figure here is made up for tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sockprogress.model import Report
from sockprogress.periods import Month
from sockprogress.pipeline import build_report

SYNTHETIC_TARGETS = """
# Synthetic targets for tests only; not published figures.
[[regions]]
region = "Testville"
name_zh = "测试镇"

[[regions]]
region = "Sampleton"
name_zh = "样本市"

[[targets]]
id = "testville-widgets"
region = "Testville"
indicator = "widgets"
name = "Widget output"
name_zh = "小部件产量"
unit = "pairs"
kind = "level"
direction = "increase"
target = 4_000_000_000
deadline = 2027-12-31
baseline = { period = "2021", value = 2_500_000_000 }
source = "Synthetic plan for tests"

[[targets]]
id = "testville-firms"
region = "Testville"
indicator = "firms"
name = "Firms"
name_zh = "企业数"
unit = "firms"
kind = "level"
direction = "increase"
target = 50
deadline = 2024-12-31
source = "Synthetic plan for tests"

[[targets]]
id = "sampleton-value"
region = "Sampleton"
indicator = "output_value"
name = "Output value <script>alert('name')</script>"
name_zh = "产值"
unit = "yuan"
kind = "annual_total"
direction = "increase"
target = 5_000_000_000
deadline = 2027-12-31
baseline = { period = "2021", value = 3_800_000_000 }
source = "<script>alert('source')</script> & synthetic"

[[indicators]]
indicator = "employees"
name = "Employees"
name_zh = "从业人员"
unit = "people"
"""

# (region, indicator, period, value): invented values, labelled synthetic in the sheet.
SYNTHETIC_ROWS = [
    ("Testville", "widgets", "2022", 2_600_000_000),
    ("Testville", "widgets", "2023", 2_900_000_000),
    ("Testville", "widgets", "2025-05", 3_100_000_000),
    ("Testville", "widgets", "2025-06", 3_400_000_000),
    ("Testville", "firms", "2023", 40),
    ("Testville", "firms", "2024", 55),
    ("Testville", "firms", "2025-06", 56),
    ("Sampleton", "output_value", "2022", 3_700_000_000),
    ("Sampleton", "output_value", "2024", 3_600_000_000),
    ("Sampleton", "employees", "2023", 12_000),
    ("Sampleton", "employees", "2024", 12_600),
    ("<img src=x onerror=alert('issue')>", "widgets", "2024", 1),
]
AS_OF = Month(2025, 6)


def synthetic_report(folder: Path) -> Report:
    """Judge the synthetic targets and rows above for 2025-06."""
    from helpers import write_actuals

    targets = folder / "targets.toml"
    targets.write_text(SYNTHETIC_TARGETS, encoding="utf-8")
    actuals = write_actuals(folder / "actuals.xlsx", SYNTHETIC_ROWS)
    return build_report(targets, actuals, AS_OF, today=dt.date(2025, 7, 15))
