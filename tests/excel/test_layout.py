"""How the workbook measures wrapped text: the heights LibreOffice and Excel do not work out."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sockprogress.rendering.excel.layout import (
    _words,
    chinese_lines,
    kept_together,
    page_room,
    text_lines,
)
from sockprogress.words.width import NO_LINE_END, NO_LINE_START

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


def test_a_heading_row_that_would_end_a_page_starts_the_next_one() -> None:
    """kept_together: pages of 100 pt, a 10 pt heading repeated on each page after the first.
    A heading row with no room under it for the row after it (and the slack) gets a break
    above it; one with room, or already at the top of its page, does not."""
    heights = [10.0] + [20.0] * 4 + [10.0, 30.0, 20.0, 20.0, 10.0, 20.0]
    # rows 0-4 take 90 pt: row 5 (a heading, 10 pt) fits at 90-100 but the 30 pt row after it
    # does not, so the break goes above row 5. On page 2: the repeated 10 pt, row 5 (10),
    # row 6 (30), rows 7 and 8 (40): 90 pt; row 9, a heading with 10 pt left, breaks too.
    assert kept_together(heights, [(5, 6), (9, 10)], repeated=10.0, room=100.0) == [5, 9]
    # a heading with the room for its next row and the slack keeps its place
    assert kept_together([10.0, 10.0, 10.0, 10.0], [(1, 2)], repeated=10.0, room=100.0) == []
    # a heading the page's end would push onto the next page anyway gets its own break too:
    # where a page ends is estimated, a break is where the printer ends it
    assert kept_together([10.0, 80.0, 15.0, 10.0], [(2, 3)], repeated=10.0, room=100.0) == [2]
    # one already at the top of a page (after a break of the sheet's own) needs none
    assert kept_together([10.0, 80.0, 15.0, 10.0], [(2, 3)], 10.0, 100.0, breaks=[2]) == [2]
    assert page_room(landscape=False, margin=0.6) == pytest.approx(841.89 - 86.4)
    assert page_room(landscape=True, margin=0.6) == pytest.approx(595.28 - 86.4)


def test_a_block_that_fits_on_a_page_is_kept_on_one() -> None:
    """Blocks of rows (first, last) kept whole: a block that would run over a page's end
    starts the next; one taller than a page is left to run over (no break could help it);
    the sheet's own breaks start pages too, and the layout counts from them."""
    heights = [20.0] * 12  # pages of 100 pt, nothing repeated
    blocks = [(0, 2), (3, 5), (6, 8), (9, 11)]  # 60 pt each
    assert kept_together(heights, blocks, repeated=0.0, room=100.0) == [3, 6, 9]
    assert kept_together(heights, [(0, 1), (2, 3), (4, 5)], repeated=0.0, room=100.0) == [4]
    assert kept_together(heights, [(0, 0), (1, 11)], repeated=0.0, room=100.0) == []
    # a break of the sheet's own above row 2: rows 2-4 and then 5-7 fit (3 x 20 + slack)
    assert kept_together(heights, [(2, 4), (5, 7)], 0.0, 100.0, breaks=[2]) == [2, 5]


def test_a_chinese_cell_is_broken_as_chinese_is_set() -> None:
    """LibreOffice broke 未完成（按2025年12月数据585.01判定） in a narrow column as
    "未完成（按2025年12月数据585.01判定" / "）": a line started with the closing bracket. The
    workbook's bulletin breaks such a cell itself: the aside on its own lines, a figure whole,
    no line started by a closing mark or ended by an opening one, each line fitting."""
    text = "未完成（按2025年12月数据585.01判定）"
    lines = chinese_lines(text, 18.0).split("\n")
    assert lines[0] == "未完成" and lines[1].startswith("（按")
    assert "".join(lines) == text and any("585.01" in line for line in lines)
    assert all(text_lines(line, 18.0) == 1 for line in lines)
    # one line's worth, or no Chinese at all: as it is
    assert chinese_lines("达到进度要求", 18.0) == "达到进度要求"
    english = "Missed (judged on 2,771.41, Dec 2025)"
    assert chinese_lines(english, 10.0) == english
    # a comma never starts a line: the character before it goes down with it
    lines = chinese_lines("待期末数据，暂无法预判", 12.0).split("\n")
    assert lines[0] == "待期末数" and lines[1].startswith("据，"), lines


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # filled line by line: 待期末数据，暂 / 无法预判 (a Chinese reader's find in the Word
        # bulletin); broken where the phrase ends
        ("待期末数据，暂无法预判", 16.0, ["待期末数据，", "暂无法预判"]),
        ("待期末数据，预计难以完成", 16.0, ["待期末数据，", "预计难以完成"]),
        # the aside's clauses each on a line (月份为 / 推定 tore a word), its start beside the
        # figure (35 alone on a line: a Chinese reader's find)
        ("35（2023年5月；月份为推定）", 18.0, ["35（2023年5月；", "月份为推定）"]),
        # a figure kept with the word after it: （按2025年数据1363.81 / 判定） left the verb alone
        ("未完成（按2025年数据1363.81判定）", 24.0, ["未完成", "（按2025年数据", "1363.81判定）"]),
        # a short aside whole under its status
        ("达到进度要求（⚠ 数据待核实）", 18.0, ["达到进度要求", "（⚠ 数据待核实）"]),
        # no last line of one character (暂无法预 / 判)
        ("待期末数据，暂无法预判", 24.0, ["待期末数据，", "暂无法预判"]),
    ],
)
def test_a_chinese_cell_breaks_where_a_phrase_ends(
    text: str, width: float, lines: list[str]
) -> None:
    """Among the ways of breaking a cell in the fewest lines by the rules, the one whose
    breaks fall where a phrase ends (after a comma or a clause mark, around an aside)."""
    broken = chinese_lines(text, width)
    assert broken.split("\n") == lines
    assert all(text_lines(line, width) == 1 for line in lines)


CHINESE_CELL = st.text(
    alphabet=st.sampled_from(list("袜子年产能目标完成（）“”，。、；：2025.5万亿 ")),
    min_size=1,
    max_size=60,
)


@settings(max_examples=400)
@given(CHINESE_CELL, st.floats(min_value=8.0, max_value=40.0))
@example("0000 ”、0", 8.0)  # a space before the closing mark once let it start a line
@example("00、“（", 8.0)  # an aside after an opening mark once ended a line with it
def test_chinese_lines_keep_every_character_and_the_rules(text: str, width: float) -> None:
    broken = chinese_lines(text, width)
    lines = broken.split("\n")
    # nothing is lost but the spaces at a break
    assert "".join(broken.split()) == "".join(text.split())
    for n, line in enumerate(lines):
        assert line  # no empty line
        if n:  # a line after a break starts with no closing mark (unless it is all of them)
            assert line[0] not in NO_LINE_START or all(c in NO_LINE_START for c in line)
        if n < len(lines) - 1:
            assert line[-1] not in NO_LINE_END or all(c in NO_LINE_END for c in line)
