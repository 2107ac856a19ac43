"""Text spans of a PDF page with their printed size (PyMuPDF: sizes include the page scaling)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pymupdf

_open: Any = pymupdf.open


def pdf_pages(source: Path | bytes) -> list[list[tuple[float, str]]]:
    """Each page's non-blank spans as (size in points, text)."""
    doc = _open(source) if isinstance(source, Path) else _open(stream=source, filetype="pdf")
    return [
        [
            (float(span["size"]), str(span["text"]))
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
            for span in line["spans"]
            if span["text"].strip()
        ]
        for page in doc
    ]


def pdf_rows(source: Path | bytes) -> list[list[str]]:
    """Each page's text a printed line at a time, across the page: the text of every span whose
    line sits on the same baseline (to the point), left to right. A table's row of headings is
    one such line; a heading that wraps puts its last characters on the next."""
    return [[text for _, text in page] for page in pdf_baselines(source)]


def pdf_baselines(source: Path | bytes) -> list[list[tuple[int, str]]]:
    """pdf_rows with each line's baseline (points from the page's top), top to bottom."""
    doc = _open(source) if isinstance(source, Path) else _open(stream=source, filetype="pdf")
    pages = []
    for page in doc:
        rows: dict[int, list[tuple[float, str]]] = {}
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    rows.setdefault(round(span["origin"][1]), []).append(
                        (span["origin"][0], span["text"])
                    )
        pages.append([(y, "".join(t for _, t in sorted(row))) for y, row in sorted(rows.items())])
    return pages


def pdf_lines(source: Path) -> list[str]:
    """Every printed line of every page, as its block holds it (a table's cell: each of its
    lines), its spans joined."""
    return [
        "".join(span["text"] for span in line["spans"]).strip()
        for page in _open(source)
        for block in page.get_text("dict")["blocks"]
        for line in block.get("lines", [])
    ]
