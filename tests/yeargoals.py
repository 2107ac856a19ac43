"""A made-up county with four goals for the year 2026, as a bulletin tracks them month by month.

Every figure here is invented (the source column says so): one goal ahead of the year's schedule,
one behind it, one already met in October, and a cap (energy use) kept under its schedule. The
report month is October 2026: 序时进度 10/12 = 83.3 %.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

import openpyxl
from helpers import write_actuals

from sockprogress.model import Report
from sockprogress.periods import Month
from sockprogress.pipeline import build_report

ROOT = Path(__file__).resolve().parents[1]

SOURCE = "synthetic test figure (made up for the tests)"
AS_OF = "2026-10"

TARGETS = """
[[regions]]
region = "Testcounty"
name_zh = "测试县"

[[targets]]
id = "output-2026"
region = "Testcounty"
indicator = "output_value"
name = "Industrial output value"
name_zh = "规上工业总产值"
unit = "yuan"
kind = "annual_total"
direction = "increase"
target = 34_320_000_000
year = 2026
plan = "Goals for 2026"
plan_zh = "2026年度目标"

[[targets]]
id = "investment-2026"
region = "Testcounty"
indicator = "investment"
name = "Fixed-asset investment"
name_zh = "固定资产投资"
unit = "yuan"
kind = "annual_total"
direction = "increase"
target = 12_000_000_000
year = 2026
plan = "Goals for 2026"
plan_zh = "2026年度目标"

[[targets]]
id = "exports-2026"
region = "Testcounty"
indicator = "exports"
name = "Exports"
name_zh = "出口额"
unit = "yuan"
kind = "annual_total"
direction = "increase"
target = 2_000_000_000
year = 2026
plan = "Goals for 2026"
plan_zh = "2026年度目标"

[[targets]]
id = "energy-2026"
region = "Testcounty"
indicator = "energy_use"
name = "Energy use"
name_zh = "综合能源消费量"
unit = "t"
kind = "annual_total"
direction = "decrease"
target = 1_000_000
year = 2026
plan = "Cap for 2026"
plan_zh = "2026年度控制目标"
"""

# (indicator, 1—10月 2025, 1—10月 2026): year-to-date rows, as bulletins give them
YEAR_TO_DATE = (
    ("output_value", 28_860_000_000, 31_200_000_000),  # 90.9 % of the goal, +7.6 points, +8.1 %
    ("investment", 8_500_000_000, 8_200_000_000),  # 68.3 %, 15.0 points behind, -3.5 %
    ("exports", 1_600_000_000, 2_100_000_000),  # 105.0 %: the year's goal met in October
    ("energy_use", 840_000, 800_000),  # a cap: 80.0 % used, 3.3 points under the schedule
)


def year_to_date_rows(
    months: Mapping[str, str] | None = None, before: Mapping[str, float] | None = None
) -> list[tuple[object, ...]]:
    """The county's sheet rows: each indicator's 1—10月 of 2025 and of 2026; `months` puts an
    indicator's 2026 figure at another month, `before` adds a 2026-09 figure before it."""
    rows: list[tuple[object, ...]] = []
    for indicator, last_year, now in YEAR_TO_DATE:
        rows.append(("Testcounty", indicator, "2025-10", last_year, "ytd", SOURCE, ""))
        if before is not None:
            rows.append(("Testcounty", indicator, "2026-09", before[indicator], "ytd", SOURCE, ""))
        month = (months or {}).get(indicator, "2026-10")
        rows.append(("Testcounty", indicator, month, now, "ytd", SOURCE, ""))
    return rows


def write_year_goals(folder: Path) -> tuple[Path, Path]:
    """targets.toml and actuals.xlsx of the made-up county in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    targets = folder / "targets.toml"
    targets.write_text(TARGETS, encoding="utf-8")
    actuals = write_actuals(folder / "actuals.xlsx", year_to_date_rows())
    return targets, actuals


def county_report(
    folder: Path, rows: Sequence[tuple[object, ...]], as_of: str, today: dt.date
) -> Report:
    """The made-up county's report for `as_of`, run on `today`, on these rows of its sheet."""
    targets = folder / "targets.toml"
    targets.write_text(TARGETS, encoding="utf-8")
    actuals = write_actuals(folder / "actuals.xlsx", rows)
    return build_report(targets, actuals, Month.parse(as_of), today=today)


# A goal for the year beside the shipped ones, as an office adds the next year's: nine goals,
# and the bulletin's table gains 序时进度 and 同比 (eight columns).
SHIPPED_YEAR_GOAL = """
[[targets]]
id = "xiaobeihe-output-2026"
region = "Xiaobeihe"
indicator = "output_value"
name = "Output value, 2026"
name_zh = "产值（2026年）"
unit = "yuan"
kind = "annual_total"
direction = "increase"
target = 3_600_000_000
year = 2026
"""
SHIPPED_YEAR_MONTH = "2026-11"


def write_shipped_with_a_year_goal(folder: Path) -> tuple[Path, Path]:
    """The shipped targets.toml and actuals.xlsx in `folder`, with a made-up goal for 2026
    and its 1—11月 of 2025 and 2026 (their source says they are made up)."""
    folder.mkdir(parents=True, exist_ok=True)
    targets = folder / "targets.toml"
    shipped = (ROOT / "data" / "targets.toml").read_text(encoding="utf-8")
    targets.write_text(shipped + SHIPPED_YEAR_GOAL, encoding="utf-8")
    book = openpyxl.load_workbook(ROOT / "data" / "actuals.xlsx")
    for period, value in (("2025-11", 3_320_000_000), ("2026-11", 3_599_600_000)):
        book["Actuals"].append(["Xiaobeihe", "output_value", period, value, "ytd", SOURCE])
    actuals = folder / "actuals.xlsx"
    book.save(actuals)
    return targets, actuals


# A plan's goal beside the year's (a county newcomer's month): 60 firms above designated size by
# the end of 2026, 48 at the end of 2025, 58 in November.
LEVEL = """
[[targets]]
id = "firms-2026"
region = "Testcounty"
indicator = "firms_above_size"
name = "Firms above designated size"
name_zh = "规上工业企业数"
unit = "firms"
kind = "level"
direction = "increase"
target = 60
deadline = 2026-12-31
baseline = { period = "2025-12", value = 48 }
"""
# 48 -> 58 of 48 -> 60: 83.3 % of the gain, with 11 of 12 months gone (91.7 %): 8.3 behind
FIRMS: list[tuple[object, ...]] = [
    ("Testcounty", "firms_above_size", "2025-12", 48, "", SOURCE, ""),
    ("Testcounty", "firms_above_size", "2026-11", 58, "", SOURCE, ""),
]
COUNTY_MONTH = "2026-11"


def county(folder: Path, targets: str, rows: Sequence[tuple[object, ...]]) -> tuple[Path, Path]:
    """targets.toml with `targets` and actuals.xlsx with `rows` in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "targets.toml"
    path.write_text(targets, encoding="utf-8")
    return path, write_actuals(folder / "actuals.xlsx", rows)


def write_county(folder: Path) -> tuple[Path, Path]:
    """The made-up county's four goals for 2026 with their 1—11月 and the level goal
    (COUNTY_MONTH): eight columns in the bulletin's table."""
    month = {"2025-10": "2025-11", "2026-10": "2026-11"}  # its 1—10月 figures as 1—11月's
    rows = [(*r[:2], month[str(r[2])], *r[3:]) for r in year_to_date_rows()]
    return county(folder, TARGETS + LEVEL, rows + FIRMS)
