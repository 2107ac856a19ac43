"""Rebuild data/actuals.xlsx from data/public-figures.csv (the published figures, with sources).

Run from the repository root: python scripts/build_shipped_actuals.py

data/public-figures.csv is the verification log: one line per published figure, with the
publisher, the author or edition (byline), title, publication date and address of the article,
the sentence quoted in its original language, why the row carries its period (the dating rule
in docs/data.md, "The shipped figures"), and how it was checked. The workbook is what users update;
it is built by the same code as `sockprogress init`, with the dropdowns fed from
data/targets.toml.

Its `source` and `note` columns are read by Chinese statistics staff, so they are written as
a statistics office writes a 资料来源 line: 《刊名》, 作者/版别, 《标题》, 日期（2025年6月22日）,
网址, with every editorial remark in Chinese; only the quoted sentences keep their original language
(inside “”). The log's shown columns (publisher, byline, title, published, repost_url, dating,
remarks) are therefore kept in Chinese; `original_found` and `verified_how` are the checker's
own record and stay in English. Spam or gambling sites that merely repost an article are never
named as a source: where only such a copy was found, the source says 原文未找到 and the note
gives the copy's address so the check can be redone.
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
    "byline",
    "title",
    "published",
    "url",
    "original_found",
    "repost_url",
    "dating",
    "verified_how",
    "remarks",
)
NOT_FOUND = "原文未找到"
UNTITLED = "标题不详"


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
    """《刊名》, byline, 《标题》, date and address; 原文未找到 when the original was not found.

    A title the stored copy did not show is written 标题不详 (with what the article is about) and
    gets no 书名号; a repost's address is given only when it is not a mirror (the log leaves
    `url` empty for those).
    """
    title = r["title"]
    if title and not title.startswith(UNTITLED):
        title = f"《{title}》"
    if not r["url"]:
        address = NOT_FOUND
    elif r["original_found"].startswith("no"):
        address = f"{NOT_FOUND}，转载：{r['url']}"
    else:
        address = r["url"]
    parts = (r["publisher"], r["byline"], title, r["published"], address)
    return "，".join(p for p in parts if p)


def note_of(r: dict[str, str]) -> str:
    """The quoted sentence, how its period was decided, remarks, and where it was actually read."""
    # Quotation marks inside the quotation become single ones, as Chinese print nests them.
    quote = r["quote"].replace("“", "‘").replace("”", "’")
    parts = [f"原文：“{quote}”"]
    if r["dating"]:
        parts.append(f"时期认定依据：{r['dating']}")
    if r["remarks"]:
        parts.append(f"说明：{r['remarks']}")
    if r["repost_url"] and r["repost_url"] != r["url"]:
        parts.append(f"{NOT_FOUND}，仅见转载：{r['repost_url']}")
    elif r["original_found"].startswith("no"):
        parts.append(f"{NOT_FOUND}，仅见转载")
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
