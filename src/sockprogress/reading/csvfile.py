"""An actuals table exported as CSV, as offices often send one: UTF-8 (with or without a BOM) or
GBK/GB18030 (what Chinese Excel and WPS write), comma-, tab- or semicolon-separated.

Its rows become the grid the workbook reader reads. A CSV has no types: a cell that is a plain
number (3500000000, 206, 2.5) is read as a number, as the same cell of a workbook would hold it;
a number grouped as it was shown (3,500,000,000: what Excel's and LibreOffice's CSV export writes)
is that number too; anything else stays text for the cleaning to judge (35亿 is read and
flagged, as in a workbook).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from ..errors import InputError

ENCODINGS = ("utf-8-sig", "gb18030")
# A number as a CSV export writes one: 206, 2.5, or grouped as it was shown (3,500,000,000).
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?")


def decoded(path: Path) -> tuple[str, str]:
    """The file's text and the encoding that read it; InputError when neither does."""
    raw = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(code="csv_encoding", file=path.name)


def _cell(text: str) -> Any:
    text = text.strip()
    if not _PLAIN_NUMBER.fullmatch(text):
        return text
    number = float(text.replace(",", ""))
    return int(number) if number.is_integer() and "." not in text else number


def csv_grid(path: Path) -> list[list[Any]]:
    """The rows of a CSV file, each cell a number where it is a plain number, else text."""
    text, _encoding = decoded(path)
    try:
        delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",\t;").delimiter
    except csv.Error:
        delimiter = ","
    # Only the delimiter is sniffed; the quoting is Excel's and WPS's (a quote inside a cell
    # written twice): the sniffer guessed "no doubled quotes" from a sample without any, and
    # read `"Xin"hua` as Xinhua. Strict: a quote left open swallows every row after it into
    # one cell, without a word (to the end of the file, or past the module's 128 KB).
    reader = csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter, strict=True)
    rows: list[list[Any]] = []
    line = 0  # the last line of the last row read: a quoted cell may hold line breaks
    try:
        for row in reader:
            rows.append([_cell(c) for c in row])
            line = reader.line_num
    except csv.Error:
        raise InputError(code="csv_quote_open", file=path.name, row=line + 1) from None
    return rows
