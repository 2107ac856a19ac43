"""Rebuild data/actuals.xlsx from data/public-figures.csv (the published figures, with sources).

Run from the repository root: python scripts/build_shipped_actuals.py

data/public-figures.csv is the verification log: one line per published figure, with the
publisher, byline, title, publication date and address of the article and the sentence quoted
in its original language (all as published), and the editorial facts as codes:

- `found`: where the figure was read — `publisher` (the publisher's own page), `edition` (its
  own edition in another language), `platform` (its digital edition on a magazine platform),
  `repost` (only a repost, named in `url`) or `mirror` (only copies on spam or gambling sites,
  never named: `url` is empty and `repost_url` keeps the copy so the check can be redone);
- `dating_rule`: how the period was decided (docs/data.md, "How a figure is dated") —
  `stated`, `last_year`, `described` (the month the article describes), `inferred` (a month
  reasoned from the text), `publication` (the publication month) or `mid_year` (the year only:
  June);
- `flags`: what the sentence itself makes of the figure — `lower_bound` (…余, 多, more than),
  `approximate` (近, nearly), `foreign_edition` (read in another language).

The workbook's `flags` column gets these codes and those that follow from the others: `repost`
when the original was not found (`found` repost or mirror), `foreign_edition` for an edition,
`month_presumed` when the month was presumed (`inferred`, `publication`, `mid_year`). The
report words each flag in its reader's language. `source` is a GB/T 7714 reference (byline.
title. publisher, date. address), which reads the same in Chinese and English: names, titles and
dates as published (dates in ISO form), no editorial word. `note` is the quoted sentence, as
published. The log's prose columns (`dating`, `verified_how`, `remarks`) are the checker's own
record, not shown in the report.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sockprogress.editing.blank import choices, new_actuals_workbook
from sockprogress.model import FLAGS
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
    "byline",
    "title",
    "published",
    "url",
    "found",
    "dating_rule",
    "flags",
    "repost_url",
    "dating",
    "verified_how",
    "remarks",
)
FOUND = ("publisher", "edition", "platform", "repost", "mirror")
DATING_RULES = ("stated", "last_year", "described", "inferred", "publication", "mid_year")
PRESUMED = frozenset({"inferred", "publication", "mid_year"})
WRITTEN_FLAGS = frozenset({"lower_bound", "approximate", "foreign_edition"})


def read_figures(path: Path = FIGURES) -> list[dict[str, str]]:
    """The verification log, checked for its columns, a publication on every line and codes
    from their lists."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise SystemExit(f"{path.name}: columns must be {', '.join(COLUMNS)}")
        records = list(reader)
    for line, r in enumerate(records, 2):
        missing = [c for c in ("region", "indicator", "period", "value", "published") if not r[c]]
        if not (r["publisher"] or r["title"] or r["byline"]):
            missing.append("publisher, title or byline")
        if missing:
            raise SystemExit(f"{path.name} line {line}: empty {', '.join(missing)}")
        if r["found"] not in FOUND or r["dating_rule"] not in DATING_RULES:
            raise SystemExit(f"{path.name} line {line}: found or dating_rule not a known code")
        if not set(filter(None, r["flags"].split(","))) <= WRITTEN_FLAGS:
            raise SystemExit(f"{path.name} line {line}: flags must be among {WRITTEN_FLAGS}")
    return records


def flags_of(r: dict[str, str]) -> str:
    """The workbook's flags: those written in the log and those its codes imply."""
    codes = set(filter(None, r["flags"].split(",")))
    if r["found"] in ("repost", "mirror"):
        codes.add("repost")
    if r["found"] == "edition":
        codes.add("foreign_edition")
    if r["dating_rule"] in PRESUMED:
        codes.add("month_presumed")
    return ", ".join(f for f in FLAGS if f in codes)


def source_of(r: dict[str, str]) -> str:
    """A GB/T 7714 reference: byline. title. publisher, date. address — each as published, the
    parts not known left out (a mirror's address is never given)."""
    where = ", ".join(p for p in (r["publisher"], r["published"]) if p)
    parts = (r["byline"], r["title"], where, r["url"])
    return ". ".join(p.rstrip(".") for p in parts if p)


def note_of(r: dict[str, str]) -> str:
    """The quoted sentence as published, in quotation marks; quotation marks inside it become
    single ones, as Chinese print nests them."""
    quote = r["quote"].replace("“", "‘").replace("”", "’")
    return f"“{quote}”"


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
                flags_of(r),
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
