"""Rebuild data/actuals.xlsx from data/public-figures.csv (the published figures, with sources).

Run from the repository root: python scripts/build_shipped_actuals.py
The CSV is the record of what was published and where; the workbook is what users update.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sockprogress.editing.template import new_actuals_workbook

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    with (ROOT / "data" / "public-figures.csv").open(encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    rows = []
    for r in records:
        value = float(r["value"])
        note = "; ".join(
            p for p in (r["note"], f"unit {r['unit']}", f"published {r['published']}") if p
        )
        rows.append(
            [
                r["region"],
                r["indicator"],
                r["period"],
                int(value) if value.is_integer() else value,
                r["basis"],
                r["source"],
                note,
            ]
        )
    new_actuals_workbook(rows).save(ROOT / "data" / "actuals.xlsx")
    print(f"wrote data/actuals.xlsx with {len(rows)} rows")


if __name__ == "__main__":
    main()
