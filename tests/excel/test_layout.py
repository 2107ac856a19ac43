"""How the workbook measures wrapped text: the heights LibreOffice and Excel do not work out."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from sockprogress.rendering.excel.layout import _words, text_lines

# The break points as one regular expression says them (4 ms to compile, so not in the code):
# runs of spaces, single CJK characters, runs of anything else.
BREAKS = re.compile(r"\s+|[\u2e80-\uffef]|[^\s\u2e80-\uffef]+")
MIXED = st.text(
    alphabet=st.sampled_from(
        list("ab c-\t\n2025é\u00a0\u2028")
        + list("中文，。（）—年\u3000\uff08\uff09\u2e80\uffef\u2e7f\ufff0")
    ),
    max_size=40,
)


@given(MIXED)
def test_lines_break_where_the_pattern_says(text: str) -> None:
    assert _words(text) == BREAKS.findall(text)


def test_latin_breaks_at_spaces_and_cjk_anywhere() -> None:
    assert text_lines("short", 10) == 1
    assert text_lines("one\ntwo", 10) == 2
    # room for 9 "0"s: "aaaa bbbb" fits, "cccc" goes to a second line
    assert text_lines("aaaa bbbb cccc", 10) == 2
    # a word longer than the line is broken inside it: 25 letters in lines of 9
    assert text_lines("a" * 25, 10) == 3
    # CJK characters count 2.1 each: 4 fit in 9, so 10 need 3 lines
    assert text_lines("袜" * 10, 10) == 3
    assert text_lines("袜子 socks", 10) == 2


def test_latin_wraps_by_calibris_own_widths_and_never_under_one_unit_a_character() -> None:
    """Wrapping with every letter counted as a "0" made an English name's row a line too deep
    (Calibri's lowercase is narrower) and let a line of capitals run out of its cell (a "W" is
    almost two "0"s): lines wrap by Excel's widths of Calibri 11 (xlsxwriter's table), and a
    row still has at least the lines its characters need counted one "0" each."""
    assert text_lines("Liaoyuan: Annual clothing production capacity", 25) == 2
    assert text_lines("W" * 10, 12) == 2
    assert text_lines("i" * 30, 10) == 3  # narrow letters: never fewer than 30 / 10 lines
    assert text_lines("袜" * 10, 10) == 3
