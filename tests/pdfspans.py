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
