"""Helpers for tests: synthetic workbooks and targets files, labelled as made up.

Every figure written here is invented for a test; the shipped data/ holds only published ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from html import unescape
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from sockprogress.model import Target

HEADER = ("region", "indicator", "period", "value", "basis", "source", "note", "flags")
SYNTHETIC = "synthetic test figure"
USER_FILL = "FFF2CC"  # a fill a user gave their own sheet, which edits must keep


def write_actuals(
    path: Path,
    rows: Iterable[Sequence[Any]],
    header: Sequence[str] = HEADER,
    sheet: str = "Actuals",
) -> Path:
    """An .xlsx with one sheet: header then rows (short rows are padded)."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(list(header))
    for row in rows:
        values = list(row) + [None] * (len(header) - len(row))
        if len(row) >= 4 and len(header) == len(HEADER) and values[5] is None:
            values[5] = SYNTHETIC
        ws.append(values)
    wb.save(path)
    return path


def add_args(workbook: Path, targets: Path, period: str, value: str) -> list[str]:
    """`actuals add` of one synthetic Testville widgets figure."""
    return [
        "actuals",
        "add",
        "--actuals",
        str(workbook),
        "--targets",
        str(targets),
        "--region",
        "Testville",
        "--indicator",
        "widgets",
        "--period",
        period,
        "--value",
        value,
        "--source",
        SYNTHETIC,
    ]


def report_args(targets: Path, actuals: Path, as_of: str, out: Path, *extra: str) -> list[str]:
    """`report` of a made-up targets file and workbook for one month, into `out`."""
    return [
        "report",
        "--targets",
        str(targets),
        "--actuals",
        str(actuals),
        "--as-of",
        as_of,
        "--out",
        str(out),
        *extra,
    ]


def target_toml(
    id: str = "t1",
    region: str = "Testville",
    indicator: str = "widgets",
    kind: str = "level",
    direction: str = "increase",
    target: float = 200,
    deadline: dt.date = dt.date(2025, 12, 31),
    baseline: str | None = None,
    **extra: str,
) -> str:
    lines = [
        "[[targets]]",
        f'id = "{id}"',
        f'region = "{region}"',
        f'indicator = "{indicator}"',
        f'name = "Synthetic {indicator}"',
        'unit = "units"',
        f'kind = "{kind}"',
        f'direction = "{direction}"',
        f"target = {target}",
        f"deadline = {deadline.isoformat()}",
    ]
    if baseline:
        lines.append(f"baseline = {baseline}")
    lines += [f"{k} = {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


def park_year_goal(unit: str = "yuan", target: float = 3_600_000_000) -> str:
    """targets.toml of a made-up park with one goal for 2026's output value (工业总产值), a
    year's total: a newcomer's office, as `init` would set it up."""
    return f"""
[[regions]]
region = "Testpark"
name_zh = "测试园区"

[[targets]]
id = "output-2026"
region = "Testpark"
indicator = "output_value"
name = "Industrial output value"
name_zh = "工业总产值"
unit = "{unit}"
kind = "annual_total"
direction = "increase"
target = {target}
year = 2026
"""


def write_targets(path: Path, *tables: str) -> Path:
    path.write_text("\n".join(tables), encoding="utf-8")
    return path


def frame(rows: Iterable[Sequence[Any]]) -> Any:
    """An in-memory Actuals table (no file): rows of (region, indicator, period, value[, basis
    [, source]])."""
    import pandas as pd

    from sockprogress.periods import parse_period
    from sockprogress.reading.actuals import OUTPUT_COLUMNS

    records = []
    for n, row in enumerate(rows, 2):
        region, indicator, period, value, *rest = row
        p = parse_period(period)
        basis = rest[0] if rest else ""
        source = rest[1] if len(rest) > 1 else SYNTHETIC
        records.append(
            {
                "row": n,
                "region": region,
                "indicator": indicator,
                "period": p.text,
                "period_kind": p.kind,
                "end": pd.Timestamp(p.end),
                "value": float(value),
                "basis": basis if p.kind == "month" else "",
                "source": source,
                "note": "",
                "flags": "",
            }
        )
    result = pd.DataFrame(records, columns=list(OUTPUT_COLUMNS))
    result["end"] = pd.to_datetime(result["end"])
    return result


def make_target(**kw: Any) -> Target:
    """A made-up level target (R · x, 200 u by 31 Dec 2025, no baseline); `kw` overrides."""
    fields: dict[str, Any] = dict(
        id="t",
        region="R",
        indicator="x",
        name="X",
        unit="u",
        kind="level",
        direction="increase",
        target=200.0,
        deadline=dt.date(2025, 12, 31),
        baseline=None,
    )
    fields.update(kw)
    return Target(**fields)


def make_year_goal(**kw: Any) -> Target:
    """A made-up goal for the year 2026 (R · x, 200 u), judged on its year-to-date sums;
    `kw` overrides."""
    fields: dict[str, Any] = dict(kind="annual_total", year=2026, deadline=dt.date(2026, 12, 31))
    fields.update(kw)
    return make_target(**fields)


def shipped_builder() -> Any:
    """scripts/build_shipped_actuals.py as a module: the shipped workbook's builder."""
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "build_shipped_actuals", root / "scripts" / "build_shipped_actuals.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shipped_csv(name: str) -> list[dict[str, str]]:
    """A CSV of the shipped data/ (public-figures.csv, figures-left-out.csv), row by row."""
    import csv

    path = Path(__file__).resolve().parents[1] / "data" / name
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def joined(headings: Sequence[Any]) -> list[Any]:
    """A workbook's row of headings as its words read, whatever lines a heading is broken
    into (最新值\\n所属时期: layout.heading_text)."""
    return [h.replace("\n", "") if isinstance(h, str) else h for h in headings]


def changes_listed(html: str) -> list[str]:
    """The items of the page's "What changed since last month", as their text reads."""
    section = re.search(r'<section aria-labelledby="changes">.*?</section>', html, re.S)
    assert section is not None
    return [
        unescape(re.sub(r"<[^>]+>", "", item)).strip()
        for item in re.findall(r"<li[^>]*>(.*?)</li>", section.group(0), re.S)
    ]
