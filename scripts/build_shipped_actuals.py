"""Rebuild data/actuals.xlsx from data/public-figures.csv (the published figures, with sources).

Run from the repository root: python scripts/build_shipped_actuals.py
The CSV is the record of what was published and where; the workbook is what users update. It is
built by the same code as `sockprogress init`, with the dropdowns fed from data/targets.toml.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sockprogress.editing.template import choices, new_actuals_workbook
from sockprogress.reading import load_targets

ROOT = Path(__file__).resolve().parents[1]


def rows_from_csv(path: Path) -> list[list[object]]:
    """The workbook rows (in the Actuals column order) for every published figure."""
    with path.open(encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    rows: list[list[object]] = []
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
    return rows


def main() -> None:
    rows = rows_from_csv(ROOT / "data" / "public-figures.csv")
    regions, indicators = choices(load_targets(ROOT / "data" / "targets.toml"))
    buffer = io.BytesIO()
    new_actuals_workbook(rows, regions, indicators).save(buffer)
    (ROOT / "data" / "actuals.xlsx").write_bytes(buffer.getvalue())
    print(f"wrote data/actuals.xlsx with {len(rows)} rows")


if __name__ == "__main__":
    main()
