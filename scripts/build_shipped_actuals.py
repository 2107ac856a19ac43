"""Rebuild data/actuals.xlsx from data/public-figures.csv (the published figures, with sources).

Run from the repository root: python scripts/build_shipped_actuals.py

data/public-figures.csv is the verification log: one line per published figure, with the
publisher, title, publication date and address of the article, the sentence quoted in its
original language, why the row carries its period (the dating rule in README, "The shipped
figures"), and how it was checked. The workbook is what users update; it is built by the same
code as `sockprogress init`, with the dropdowns fed from data/targets.toml. Its `source` column
names the publication (publisher, title, date, address); the quoted sentence, the dating and
any repost go in `note`. Spam or gambling sites that merely repost an article are never named
as a source: where only such a copy was found, the source says "original not found" and the
note gives the copy's address so the check can be redone.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sockprogress.editing.blank import choices, new_actuals_workbook
from sockprogress.reading import load_targets

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "data" / "public-figures.csv"
COLUMNS = (
    "region",
    "indicator",
    "period",
    "basis",
    "value",
    "unit",
    "quote",
    "publisher",
    "title",
    "published",
    "url",
    "original_found",
    "repost_url",
    "dating",
    "verified_how",
    "remarks",
)


def read_figures(path: Path = FIGURES) -> list[dict[str, str]]:
    """The verification log, checked for its columns and for a publisher on every line."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise SystemExit(f"{path.name}: columns must be {', '.join(COLUMNS)}")
        records = list(reader)
    for line, r in enumerate(records, 2):
        missing = [c for c in ("region", "indicator", "period", "value", "publisher") if not r[c]]
        if missing:
            raise SystemExit(f"{path.name} line {line}: empty {', '.join(missing)}")
    return records


def source_of(r: dict[str, str]) -> str:
    """Publisher, title, date and address; "original not found" when there is no address."""
    title = f"《{r['title']}》" if r["title"] and not r["title"].startswith("(") else r["title"]
    if not r["url"]:
        address = "original not found"
    elif r["original_found"].startswith("no"):
        address = f"repost {r['url']}, original not found"
    else:
        address = r["url"]
    return ", ".join(p for p in (r["publisher"], title, r["published"], address) if p)


def note_of(r: dict[str, str]) -> str:
    """The quoted sentence, the dating, remarks, and where the text was actually read."""
    parts = [f"原文：“{r['quote']}”"]
    if r["dating"]:
        parts.append(f"时期依据：{r['dating']}")
    if r["remarks"]:
        parts.append(f"说明：{r['remarks']}")
    if r["repost_url"] and r["repost_url"] != r["url"]:
        parts.append(f"仅见转载（原文未找到）：{r['repost_url']}")
    elif r["original_found"].startswith("no"):
        parts.append("仅见转载，原文未找到")
    return "；".join(parts)


def rows_from_csv(path: Path = FIGURES) -> list[list[object]]:
    """The workbook rows (in the Actuals column order) for every published figure."""
    rows: list[list[object]] = []
    for r in read_figures(path):
        value = float(r["value"])
        rows.append(
            [
                r["region"],
                r["indicator"],
                r["period"],
                int(value) if value.is_integer() else value,
                r["basis"],
                source_of(r),
                note_of(r),
            ]
        )
    return rows


def main() -> None:
    rows = rows_from_csv()
    regions, indicators = choices(load_targets(ROOT / "data" / "targets.toml"))
    buffer = io.BytesIO()
    new_actuals_workbook(rows, regions, indicators).save(buffer)
    (ROOT / "data" / "actuals.xlsx").write_bytes(buffer.getvalue())
    print(f"wrote data/actuals.xlsx with {len(rows)} rows")


if __name__ == "__main__":
    main()
