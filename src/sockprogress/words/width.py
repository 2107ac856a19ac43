"""How wide text is on a terminal or in a cell: a Chinese (wide or full-width) character takes
two columns. One place for the rule that `--help`'s list of commands, the how-to sheet, the
targets file's aligned comments, the workbook's line breaks and a unit written in Chinese
follow. Standard library only: the command line imports it."""

from __future__ import annotations

import unicodedata


def is_wide(ch: str) -> bool:
    """Does the character take two columns (CJK, full-width)?"""
    return unicodedata.east_asian_width(ch) in "WF"


def display_width(text: str) -> int:
    """Columns the text takes: two for a wide character."""
    return sum(2 if is_wide(c) else 1 for c in text)
